//! Every rule of each parsing profile, one table row or assertion per rule.

use hardtack_cookie::rfc2109::{self, check_version0};
use hardtack_cookie::{Attribute, ErrorKind, Prefix, Priority, Profile, SetCookie};
use time::macros::datetime;

fn err(input: &str, p: Profile) -> (ErrorKind, usize) {
    let e = SetCookie::parse(input, p).expect_err(input);
    (e.kind(), e.offset())
}

fn ok(input: &str, p: Profile) -> SetCookie<'_> {
    SetCookie::parse(input, p).unwrap_or_else(|e| panic!("{p:?} {input:?}: {e}"))
}

#[test]
fn lenient_rejects_only_what_browsers_drop() {
    let table: &[(&str, ErrorKind, usize)] = &[
        ("", ErrorKind::Empty, 0),
        ("  \t ", ErrorKind::Empty, 0),
        ("=", ErrorKind::EmptyCookie, 0),
        (";", ErrorKind::EmptyCookie, 0),
        (" = ; Path=/", ErrorKind::EmptyCookie, 0),
        ("a=b\r\nSet-Cookie: x=y", ErrorKind::ControlCharacter, 3),
        ("a=b; Path=/\u{0}", ErrorKind::ControlCharacter, 11),
        ("a=b; x=\u{7f}", ErrorKind::ControlCharacter, 7),
    ];
    for &(input, kind, at) in table {
        assert_eq!(err(input, Profile::Lenient), (kind, at), "{input:?}");
    }
}

#[test]
fn lenient_size_limits() {
    let name = "n".repeat(96);
    let fits = format!("{name}={}", "v".repeat(4000));
    assert_eq!(ok(&fits, Profile::Lenient).value().len(), 4000);
    let over = format!("{name}={}", "v".repeat(4001));
    assert_eq!(err(&over, Profile::Lenient), (ErrorKind::TooLarge, 0));
    // Whitespace around the pair does not count.
    let padded = format!("  {fits}  ");
    assert!(SetCookie::parse(&padded, Profile::Lenient).is_ok());

    let path = format!("/{}", "p".repeat(1023));
    let input = format!("a=b; Path={path}");
    assert_eq!(ok(&input, Profile::Lenient).path(), Some(path.as_str()));
    // One byte more: the attribute is ignored, the cookie kept (and an earlier Path stays).
    let input = format!("a=b; Path=/keep; Path={path}p");
    assert_eq!(ok(&input, Profile::Lenient).path(), Some("/keep"));
    let input = format!("a=b; X={}; Y=1", "x".repeat(1025));
    let c = ok(&input, Profile::Lenient);
    assert_eq!(c.extensions().collect::<Vec<_>>(), [("Y", Some("1"))]);
}

#[test]
fn lenient_last_attribute_wins() {
    let c = ok(
        "a=b; Path=/a; path=/b; Domain=x.com; DOMAIN=y.com; Max-Age=5; max-age=7; Priority=Low; priority=bogus",
        Profile::Lenient,
    );
    assert_eq!(
        (c.path(), c.domain(), c.max_age(), c.priority()),
        (Some("/b"), Some("y.com"), Some(7), None)
    );
    // An invalid Expires or Max-Age is ignored and leaves the earlier one alone.
    let c = ok(
        "a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Expires=never; Max-Age=9; Max-Age=x",
        Profile::Lenient,
    );
    assert_eq!(c.expires(), Some(datetime!(2015-10-21 07:28:00 UTC)));
    assert_eq!(c.expires_raw(), Some("never"));
    assert_eq!(c.max_age(), Some(9));
}

#[test]
fn lenient_max_age_beats_expires_and_is_capped() {
    let now = datetime!(2026-01-01 00:00:00 UTC);
    let c = ok(
        "a=b; Expires=Thu, 01 Jan 2026 01:00:00 GMT; Max-Age=0",
        Profile::Lenient,
    );
    assert_eq!(c.expiry(now), Some(datetime!(1970-01-01 00:00:00 UTC)));
    let c = ok(
        "a=b; Max-Age=60; Expires=Thu, 01 Jan 2026 01:00:00 GMT",
        Profile::Lenient,
    );
    assert_eq!(c.expiry(now), Some(datetime!(2026-01-01 00:01:00 UTC)));
    let c = ok(
        "a=b; Expires=Thu, 01 Jan 2026 01:00:00 GMT",
        Profile::Lenient,
    );
    assert_eq!(c.expiry(now), Some(datetime!(2026-01-01 01:00:00 UTC)));
    let c = ok(
        "a=b; Expires=Fri, 01 Jan 2100 00:00:00 GMT",
        Profile::Lenient,
    );
    assert_eq!(c.expiry(now), Some(datetime!(2027-02-05 00:00:00 UTC)));
    assert_eq!(ok("a=b", Profile::Lenient).expiry(now), None);
}

#[test]
fn lenient_keeps_unknown_attributes_in_order_and_knows_the_new_ones() {
    let c = ok(
        "a=b; Z=1; Secure; y; Partitioned; Priority=medium; X = 2 ",
        Profile::Lenient,
    );
    assert_eq!(
        c.extensions().collect::<Vec<_>>(),
        [("Z", Some("1")), ("y", None), ("X", Some("2"))]
    );
    assert!(c.partitioned() && c.secure());
    assert_eq!(c.priority(), Some(Priority::Medium));
    // Tab inside a value is allowed (RFC 6265bis excludes only the other CTLs).
    assert_eq!(ok("a=b\tc", Profile::Lenient).value(), "b\tc");
    // Two-digit years.
    let c = ok("a=b; Expires=Sun, 06-Nov-94 08:49:37 GMT", Profile::Lenient);
    assert_eq!(c.expires(), Some(datetime!(1994-11-06 08:49:37 UTC)));
}

#[test]
fn strict_grammar() {
    use ErrorKind as K;
    let table: &[(&str, ErrorKind, usize)] = &[
        ("", K::Empty, 0),
        ("a", K::MissingEquals, 1),
        ("=b", K::EmptyName, 0),
        ("a=b;Path=/", K::InvalidSeparator, 3),
        // A control character anywhere is the error reported, even after an earlier
        // grammar fault (the strict parser looks for one only once it has refused).
        ("a b=c; Path=/\u{1}", K::ControlCharacter, 13),
        ("a=b\u{7f}; Path=/", K::ControlCharacter, 3),
        // HTAB is not one of them (a browser keeps it); the grammar refuses it.
        (
            "a=b; Max-Age=1\tx",
            K::InvalidAttributeByte(Attribute::MaxAge),
            14,
        ),
        ("a=b;  Path=/", K::InvalidSeparator, 5),
        ("a=b ; Path=/", K::InvalidValueByte(b' '), 3),
        ("a=b; ; Secure", K::EmptyAttribute, 5),
        ("a=b; ", K::EmptyAttribute, 5),
        ("a=b; Path =/", K::InvalidSeparator, 5),
        (
            "a=b; Secure; secure",
            K::DuplicateAttribute(Attribute::Secure),
            13,
        ),
        (
            "a=b; Path=/; Path=/x",
            K::DuplicateAttribute(Attribute::Path),
            13,
        ),
        ("a=b; Path=x", K::InvalidAttributeValue(Attribute::Path), 10),
        ("a=b; Path", K::InvalidAttributeValue(Attribute::Path), 9),
        (
            "a=b; Path=/x ",
            K::InvalidAttributeValue(Attribute::Path),
            12,
        ),
        (
            "a=b; Domain=ex ample.com",
            K::InvalidAttributeValue(Attribute::Domain),
            12,
        ),
        (
            "a=b; Max-Age=1e3",
            K::InvalidAttributeValue(Attribute::MaxAge),
            13,
        ),
        (
            "a=b; HttpOnly=1",
            K::InvalidAttributeValue(Attribute::HttpOnly),
            14,
        ),
        (
            "a=b; Partitioned=",
            K::InvalidAttributeValue(Attribute::Partitioned),
            17,
        ),
        (
            "a=b; Priority=urgent",
            K::InvalidAttributeValue(Attribute::Priority),
            14,
        ),
        (
            "a=b; Expires=Sun, 06 Nov 1994 08:49:37 UTC",
            K::InvalidAttributeValue(Attribute::Expires),
            39,
        ),
        (
            "a=b; Ext=é",
            K::InvalidAttributeByte(Attribute::Extension),
            9,
        ),
        ("a=\"b", K::UnbalancedQuote, 2),
        ("a=b\"", K::InvalidValueByte(b'"'), 3),
        ("a=\\", K::InvalidValueByte(b'\\'), 2),
    ];
    for &(input, kind, at) in table {
        assert_eq!(err(input, Profile::Strict), (kind, at), "{input:?}");
    }
    let c = ok(
        "__Host-a=\"\"; Expires=Sun, 06 Nov 1994 08:49:37 GMT; Max-Age=0; Domain=ex-1.example.com; \
         Path=/a b; Secure; HttpOnly; SameSite=none; Partitioned; Priority=HIGH; ext=1=2",
        Profile::Strict,
    );
    assert_eq!(c.value(), "\"\"");
    assert_eq!(c.value_unquoted(), "");
    assert_eq!(c.domain(), Some("ex-1.example.com"));
    assert_eq!(c.path(), Some("/a b"));
    assert_eq!(c.extensions().collect::<Vec<_>>(), [("ext", Some("1=2"))]);
}

#[test]
fn strict_size_limits() {
    let over = format!("n={}", "v".repeat(4096));
    assert_eq!(err(&over, Profile::Strict), (ErrorKind::TooLarge, 0));
    assert!(SetCookie::parse(&format!("n={}", "v".repeat(4095)), Profile::Strict).is_ok());
    let long = format!("a=b; Path=/{}", "p".repeat(1024));
    assert_eq!(
        err(&long, Profile::Strict),
        (ErrorKind::AttributeTooLarge(Attribute::Path), 10)
    );
}

#[test]
fn rfc2109_profile() {
    let c = ok(
        "Customer=\"WILE_E_COYOTE\"; Version=\"1\"; Path=\"/acme\"; Comment=\"a \\\"b\\\"\"",
        Profile::Rfc2109,
    );
    assert_eq!(
        (c.name(), c.value(), c.version(), c.path()),
        ("Customer", "\"WILE_E_COYOTE\"", Some(1), Some("\"/acme\""))
    );
    assert_eq!(rfc2109::unquote(c.comment().unwrap()).unwrap(), "a \"b\"");
    // Netscape-style attribute values.
    let c = ok(
        "id=42; path=/; domain=.example.com; expires=Wed, 21-Oct-2015 07:28:00 GMT; secure",
        Profile::Rfc2109,
    );
    assert_eq!(
        (c.path(), c.domain(), c.secure()),
        (Some("/"), Some(".example.com"), true)
    );
    assert_eq!(c.expires(), Some(datetime!(2015-10-21 07:28:00 UTC)));
    // A list with a date comma inside.
    let v = "a=1; expires=Wed, 21-Oct-2015 07:28:00 GMT, b=\"2\"; Version=1";
    let cookies: Vec<_> = rfc2109::split_set_cookie(v)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        cookies
            .iter()
            .map(|c| (c.name(), c.value()))
            .collect::<Vec<_>>(),
        [("a", "1"), ("b", "\"2\"")]
    );
    use ErrorKind as K;
    for (input, kind, at) in [
        (
            "a=b; Version=x",
            K::InvalidAttributeValue(Attribute::Version),
            13,
        ),
        (
            "a=b; Version=1; Version=1",
            K::DuplicateAttribute(Attribute::Version),
            16,
        ),
        ("a=b c", K::InvalidValueByte(b' '), 3),
        ("a=\"b", K::UnbalancedQuote, 2),
        ("a=b; =c", K::EmptyAttribute, 5),
        ("a=b, c=d", K::UnexpectedComma, 3),
        ("a b=c", K::InvalidNameByte(b' '), 1),
    ] {
        assert_eq!(err(input, Profile::Rfc2109), (kind, at), "{input:?}");
    }
    // A trailing ';' is harmless.
    assert!(SetCookie::parse("a=b;", Profile::Rfc2109).is_ok());
}

#[test]
fn version0_validation_reports_first_bad_byte() {
    // (name, value, first bad byte as (in the name?, offset, byte))
    type Row = (&'static str, &'static str, Option<(bool, usize, u8)>);
    let table: &[Row] = &[
        ("sid", "abc-_.~!#$%&'*+^`|", None),
        ("s@d", "v", Some((true, 1, b'@'))),
        ("sid", "a b", Some((false, 1, b' '))),
        ("sid", "ab\tc", Some((false, 2, b'\t'))),
        ("sid", "x=y", Some((false, 1, b'='))),
        ("sid", "{json}", Some((false, 0, b'{'))),
        ("sid", "a,b", Some((false, 1, b','))),
        ("sid", "\"q\"", Some((false, 0, b'"'))),
        ("sid", "ñ", Some((false, 0, 0xc3))),
        ("sid", "a\u{7f}", Some((false, 1, 0x7f))),
    ];
    for &(name, value, want) in table {
        let got = check_version0(name, value)
            .err()
            .map(|e| (e.part() == rfc2109::Part::Name, e.offset(), e.byte()));
        assert_eq!(got, want, "{name:?}={value:?}");
    }
}

#[test]
fn prefixes_are_case_insensitive() {
    for (name, want) in [
        ("__Secure-a", Some(Prefix::Secure)),
        ("__SECURE-a", Some(Prefix::Secure)),
        ("__host-a", Some(Prefix::Host)),
        ("__Host_a", None),
        ("_Host-a", None),
        ("__Secure", None),
    ] {
        assert_eq!(Prefix::of(name), want, "{name}");
    }
    let t = |s| ok(s, Profile::Lenient).satisfies_prefix();
    assert!(t("__secure-a=1; Secure"));
    assert!(!t("__secure-a=1"));
    assert!(t("__HOST-a=1; Secure; Path=/"));
    assert!(!t("__Host-a=1; Secure"));
    assert!(!t("__Host-a=1; Secure; Path=/x"));
    assert!(!t("__Host-a=1; Secure; Path=/; Domain="));
    assert!(t("plain=1"));
}

#[test]
fn byte_input_and_utf8() {
    let c = SetCookie::parse_bytes("a=é; Path=/".as_bytes(), Profile::Lenient).unwrap();
    assert_eq!(c.value(), "é");
    let e = SetCookie::parse_bytes(b"a=b; Path=/\xe9", Profile::Lenient).unwrap_err();
    assert_eq!((e.kind(), e.offset()), (ErrorKind::InvalidUtf8, 11));
    let owned = c.clone().into_owned();
    assert_eq!(owned, c);
}

#[test]
fn debug_redacts_values() {
    let c = ok("sid=SECRETVALUE; Path=/", Profile::Strict);
    let dbg = format!("{c:?}");
    assert!(!dbg.contains("SECRETVALUE"), "{dbg}");
    assert!(dbg.contains("sid"));
    let pairs = hardtack_cookie::Pairs::new("sid=SECRETVALUE");
    assert!(!format!("{pairs:?}").contains("SECRET"));
}
