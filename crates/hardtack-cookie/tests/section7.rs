//! The edge cases on which the anchors disagree (`shared/research/cookie-anchors.md`
//! §7), each with the expected result in every profile. The comment above each case
//! says what the anchors do; `docs/cookie.md` has the side-by-side table.

use hardtack_cookie::rfc2109::{self, CookieHeader};
use hardtack_cookie::{
    Attribute, BuildErrorKind, ErrorKind, Field, Pairs, Priority, Profile, SetCookie, StrictPairs,
};
use time::macros::datetime;

/// Expected outcome of one parse.
#[derive(Debug)]
enum Want {
    Cookie(&'static str, &'static str),
    Error(ErrorKind, usize),
}
use Want::{Cookie, Error};

fn expect<'a>(input: &'a str, profile: Profile, want: Want) -> Option<SetCookie<'a>> {
    let got = SetCookie::parse(input, profile);
    match (want, got) {
        (Cookie(n, v), Ok(c)) => {
            assert_eq!((c.name(), c.value()), (n, v), "{profile:?} {input:?}");
            Some(c)
        }
        (Error(kind, at), Err(e)) => {
            assert_eq!((e.kind(), e.offset()), (kind, at), "{profile:?} {input:?}");
            None
        }
        (want, got) => panic!("{profile:?} {input:?}: wanted {want:?}, got {got:?}"),
    }
}

/// Runs one input through the three profiles.
fn case(input: &str, lenient: Want, strict: Want, rfc2109: Want) -> [Option<SetCookie<'_>>; 3] {
    [
        expect(input, Profile::Lenient, lenient),
        expect(input, Profile::Strict, strict),
        expect(input, Profile::Rfc2109, rfc2109),
    ]
}

// 1. bis: nameless; cookie-rs: MissingPair; Go: dropped; py: nothing.
#[test]
fn c01_no_equals() {
    case(
        "foo",
        Cookie("", "foo"),
        Error(ErrorKind::MissingEquals, 3),
        Error(ErrorKind::MissingEquals, 3),
    );
}

// 2. bis: ("", "foo"); cookie-rs: EmptyName; Go, py: dropped.
#[test]
fn c02_empty_name() {
    case(
        "=foo",
        Cookie("", "foo"),
        Error(ErrorKind::EmptyName, 0),
        Error(ErrorKind::EmptyName, 0),
    );
}

// 3. bis/rs/npm keep quotes; Go strips them and rejects the escaped form; py decodes.
#[test]
fn c03_quoted_values() {
    case(
        "foo=\"bar\"",
        Cookie("foo", "\"bar\""),
        Cookie("foo", "\"bar\""),
        Cookie("foo", "\"bar\""),
    );
    let [_, _, c] = case(
        "foo=\"a\\\"b\"",
        Cookie("foo", "\"a\\\"b\""),
        Error(ErrorKind::InvalidValueByte(b'\\'), 6),
        Cookie("foo", "\"a\\\"b\""),
    );
    // Escapes are decoded only when asked.
    assert_eq!(rfc2109::unquote(c.unwrap().value()).unwrap(), "a\"b");
}

// 4. bis/rs/Go/npm: one cookie "bar, baz=qux"; scp and py: two cookies.
#[test]
fn c04_comma() {
    case(
        "foo=bar, baz=qux",
        Cookie("foo", "bar, baz=qux"),
        Error(ErrorKind::InvalidValueByte(b','), 7),
        Error(ErrorKind::UnexpectedComma, 7),
    );
    // Only the RFC 2109 list splitter treats the comma as a separator.
    let list: Vec<_> = rfc2109::split_set_cookie("foo=bar, baz=qux")
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        list.iter()
            .map(|c| (c.name(), c.value()))
            .collect::<Vec<_>>(),
        [("foo", "bar"), ("baz", "qux")]
    );
}

// 5. bis/rs/npm/py trim; Go keeps "  bar" and loses the Path; scp keeps spaces.
#[test]
fn c05_whitespace() {
    let [l, _, r] = case(
        "  foo  =  bar  ;  path = /x ",
        Cookie("foo", "bar"),
        Error(ErrorKind::InvalidNameByte(b' '), 0),
        Cookie("foo", "bar"),
    );
    assert_eq!(l.unwrap().path(), Some("/x"));
    assert_eq!(r.unwrap().path(), Some("/x"));
}

// 6. Max-Age variants. bis: ignore / 10 / ignore / ignore / ignore / expire.
// rs: empty gives i64::MAX and "-" gives 0; Go accepts +10; scp accepts 1.5.
#[test]
fn c06_max_age_variants() {
    let invalid = |at| Error(ErrorKind::InvalidAttributeValue(Attribute::MaxAge), at);
    for (attr, lenient) in [("+10", None), ("", None), ("-", None), ("1.5", None)] {
        let input = format!("a=b; Max-Age={attr}");
        let c = expect(&input, Profile::Lenient, Cookie("a", "b")).unwrap();
        assert_eq!(c.max_age(), lenient, "{input}");
        expect(&input, Profile::Strict, invalid(13));
        expect(&input, Profile::Rfc2109, invalid(13));
    }
    for (attr, secs) in [("010", 10), ("0", 0)] {
        let input = format!("a=b; Max-Age={attr}");
        for p in [Profile::Lenient, Profile::Strict, Profile::Rfc2109] {
            assert_eq!(
                expect(&input, p, Cookie("a", "b")).unwrap().max_age(),
                Some(secs),
                "{p:?}"
            );
        }
    }
    // A negative Max-Age means "expire now" to a browser; servers must not send it.
    assert_eq!(
        SetCookie::parse("a=b; Max-Age=-1", Profile::Lenient)
            .unwrap()
            .max_age(),
        Some(-1)
    );
    expect("a=b; Max-Age=-1", Profile::Strict, invalid(13));
}

// 7. RFC 850 and asctime: bis/rs/npm parse; Go fails; py 3.11 loses the cookie.
#[test]
fn c07_old_date_formats() {
    // The strict error points at the first byte that breaks the IMF-fixdate layout:
    // here the fourth byte of the date, where a comma must follow the day name.
    for date in [
        "Wednesday, 21-Oct-15 07:28:00 GMT",
        "Wed Oct 21 07:28:00 2015",
    ] {
        let input = format!("a=b; Expires={date}");
        let [l, _, r] = case(
            &input,
            Cookie("a", "b"),
            Error(ErrorKind::InvalidAttributeValue(Attribute::Expires), 16),
            Cookie("a", "b"),
        );
        assert_eq!(
            l.unwrap().expires(),
            Some(datetime!(2015-10-21 07:28:00 UTC))
        );
        assert_eq!(
            r.unwrap().expires(),
            Some(datetime!(2015-10-21 07:28:00 UTC))
        );
    }
}

// 8. A UTC zone: bis ignores the zone; rs ignores the attribute (a session cookie!).
#[test]
fn c08_utc_zone() {
    let input = "a=b; Expires=Wed, 21 Oct 2015 07:28:00 UTC";
    let [l, _, _] = case(
        input,
        Cookie("a", "b"),
        Error(ErrorKind::InvalidAttributeValue(Attribute::Expires), 39),
        Cookie("a", "b"),
    );
    assert_eq!(
        l.unwrap().expires(),
        Some(datetime!(2015-10-21 07:28:00 UTC))
    );
}

// 9. Two-digit 69 is 2069 (npm/scp say 1969); 1600 is ignored (rs, Go, npm accept it).
#[test]
fn c09_year_edges() {
    let [l, _, r] = case(
        "a=b; Expires=Thu, 10-Sep-69 20:00:00 GMT",
        Cookie("a", "b"),
        Error(ErrorKind::InvalidAttributeValue(Attribute::Expires), 20),
        Cookie("a", "b"),
    );
    assert_eq!(
        l.unwrap().expires(),
        Some(datetime!(2069-09-10 20:00:00 UTC))
    );
    assert_eq!(
        r.unwrap().expires(),
        Some(datetime!(2069-09-10 20:00:00 UTC))
    );
    let input = "a=b; Expires=Thu, 21 Oct 1600 07:28:00 GMT";
    let [l, _, _] = case(
        input,
        Cookie("a", "b"),
        Error(ErrorKind::InvalidAttributeValue(Attribute::Expires), 25),
        Error(ErrorKind::InvalidAttributeValue(Attribute::Expires), 13),
    );
    let l = l.unwrap();
    assert_eq!(
        (l.expires(), l.expires_raw()),
        (None, Some("Thu, 21 Oct 1600 07:28:00 GMT"))
    );
}

// 10. Domain: bis strips the dot (and lowercases when storing); empty means host-only.
#[test]
fn c10_domain() {
    let [l, _, r] = case(
        "a=b; Domain=.Example.COM",
        Cookie("a", "b"),
        Error(ErrorKind::InvalidAttributeValue(Attribute::Domain), 12),
        Cookie("a", "b"),
    );
    assert_eq!(l.unwrap().domain(), Some("Example.COM"));
    assert_eq!(r.unwrap().domain(), Some(".Example.COM"));
    let [l, _, r] = case(
        "a=b; Domain=",
        Cookie("a", "b"),
        Error(ErrorKind::InvalidAttributeValue(Attribute::Domain), 12),
        Cookie("a", "b"),
    );
    assert_eq!(l.unwrap().domain(), Some(""));
    assert_eq!(r.unwrap().domain(), Some(""));
}

// 11. bis: "Default" for both; rs/npm: ignored; py: a bare SameSite empties the parse.
#[test]
fn c11_same_site_invalid() {
    let [l, ..] = case(
        "a=b; SameSite=invalid",
        Cookie("a", "b"),
        Error(ErrorKind::InvalidAttributeValue(Attribute::SameSite), 14),
        Error(ErrorKind::InvalidAttributeValue(Attribute::SameSite), 14),
    );
    assert_eq!(l.unwrap().same_site(), None);
    let [l, ..] = case(
        "a=b; SameSite",
        Cookie("a", "b"),
        Error(ErrorKind::InvalidAttributeValue(Attribute::SameSite), 13),
        Error(ErrorKind::InvalidAttributeValue(Attribute::SameSite), 13),
    );
    assert_eq!(l.unwrap().same_site(), None);
    // An invalid later SameSite resets an earlier valid one, as in the bis attribute list.
    let c = SetCookie::parse("a=b; SameSite=Lax; SameSite=x", Profile::Lenient).unwrap();
    assert_eq!(c.same_site(), None);
}

// 12. Every parser sets both flags; the server grammar has no value for them.
#[test]
fn c12_flags_with_values() {
    let [l, ..] = case(
        "a=b; Secure=yes; HttpOnly=false",
        Cookie("a", "b"),
        Error(ErrorKind::InvalidAttributeValue(Attribute::Secure), 12),
        Error(ErrorKind::InvalidAttributeValue(Attribute::Secure), 12),
    );
    let l = l.unwrap();
    assert!(l.secure() && l.http_only());
}

// 13. Control characters: bis rejects, TAB accepted; Go rejects TAB too; rs 0.18.2 accepts.
#[test]
fn c13_control_characters() {
    case(
        "foo=b\u{1}ar",
        Error(ErrorKind::ControlCharacter, 5),
        Error(ErrorKind::ControlCharacter, 5),
        Error(ErrorKind::ControlCharacter, 5),
    );
    case(
        "foo=b\tar",
        Cookie("foo", "b\tar"),
        Error(ErrorKind::InvalidValueByte(b'\t'), 5),
        Error(ErrorKind::InvalidValueByte(b'\t'), 5),
    );
    // In a Cookie header only the bad pair goes.
    assert_eq!(
        Pairs::new("a=b\u{1}c; d=e").collect::<Vec<_>>(),
        [("d", "e")]
    );
    let strict: Vec<_> = StrictPairs::new("a=b\u{1}c; d=e").collect();
    assert_eq!(strict[0].unwrap_err().kind(), ErrorKind::ControlCharacter);
    assert_eq!(strict[1], Ok(("d", "e")));
}

// 14. Non-ASCII: bis/rs/npm accept; Go and py reject.
#[test]
fn c14_non_ascii() {
    case(
        "foo=café",
        Cookie("foo", "café"),
        Error(ErrorKind::InvalidValueByte(0xc3), 7),
        Error(ErrorKind::InvalidValueByte(0xc3), 7),
    );
    // The serializer refuses; the caller encodes explicitly.
    let err = SetCookie::build("foo", "café").finish().unwrap_err();
    assert_eq!(
        (err.field(), err.kind(), err.offset()),
        (Field::Value, BuildErrorKind::InvalidByte(0xc3), Some(3))
    );
}

// 15. tspecials in the name: browsers accept; Go and py reject.
#[test]
fn c15_tspecials_in_name() {
    case(
        "fo@o=bar",
        Cookie("fo@o", "bar"),
        Error(ErrorKind::InvalidNameByte(b'@'), 2),
        Error(ErrorKind::InvalidNameByte(b'@'), 2),
    );
    case(
        "a(b)=c",
        Cookie("a(b)", "c"),
        Error(ErrorKind::InvalidNameByte(b'('), 1),
        Error(ErrorKind::InvalidNameByte(b'('), 1),
    );
    case(
        "foo bar=baz",
        Cookie("foo bar", "baz"),
        Error(ErrorKind::InvalidNameByte(b' '), 3),
        Error(ErrorKind::InvalidNameByte(b' '), 3),
    );
    assert!(SetCookie::build("fo@o", "bar").finish().is_err());
}

// 16. `$Version=1; foo=bar`: a cookie named $Version everywhere but py.
#[test]
fn c16_dollar_version() {
    let [l, s, _] = case(
        "$Version=1; foo=bar",
        Cookie("$Version", "1"),
        Cookie("$Version", "1"),
        Cookie("$Version", "1"),
    );
    assert_eq!(
        l.unwrap().extensions().collect::<Vec<_>>(),
        [("foo", Some("bar"))]
    );
    assert_eq!(
        s.unwrap().extensions().collect::<Vec<_>>(),
        [("foo", Some("bar"))]
    );
    // As a Cookie header: RFC 2109 reads it as metadata; the others see three pairs.
    let header = "$Version=1; a=b; $Path=/";
    assert_eq!(Pairs::new(header).count(), 3);
    assert!(StrictPairs::new(header).all(|p| p.is_ok()));
    let mut h = CookieHeader::new(header);
    let only = h.next().unwrap().unwrap();
    assert_eq!((only.name, only.value, only.path), ("a", "b", Some("/")));
    assert!(h.next().is_none());
    assert_eq!(h.version(), Some(1));
}

// 17. Relative Path: bis uses the default path; everyone else stores it verbatim.
#[test]
fn c17_relative_path() {
    let [l, _, r] = case(
        "a=b; Path=relative",
        Cookie("a", "b"),
        Error(ErrorKind::InvalidAttributeValue(Attribute::Path), 10),
        Cookie("a", "b"),
    );
    assert_eq!(l.unwrap().path(), None);
    assert_eq!(r.unwrap().path(), Some("relative"));
}

// 18. A __Host- cookie with Domain: every parser accepts the text; browsers refuse to
// store it; cookie_store stores and sends it.
#[test]
fn c18_host_prefix_with_domain() {
    let input = "__Host-id=1; Path=/; Secure; Domain=example.com";
    for c in case(
        input,
        Cookie("__Host-id", "1"),
        Cookie("__Host-id", "1"),
        Cookie("__Host-id", "1"),
    ) {
        assert!(!c.unwrap().satisfies_prefix());
    }
    let err = SetCookie::build("__Host-id", "1")
        .path("/")
        .secure(true)
        .domain("example.com")
        .finish()
        .unwrap_err();
    assert_eq!(err.kind(), BuildErrorKind::HostPrefixWithDomain);
}

// 19. Partitioned/Priority and RFC 2109 Comment/Version.
#[test]
fn c19_newer_and_older_attributes() {
    for c in case(
        "foo=bar; Partitioned; Priority=High",
        Cookie("foo", "bar"),
        Cookie("foo", "bar"),
        Cookie("foo", "bar"),
    ) {
        let c = c.unwrap();
        assert!(c.partitioned());
        assert_eq!(c.priority(), Some(Priority::High));
    }
    let [l, s, r] = case(
        "foo=bar; Comment=x; Version=1",
        Cookie("foo", "bar"),
        Cookie("foo", "bar"),
        Cookie("foo", "bar"),
    );
    let ext = [("Comment", Some("x")), ("Version", Some("1"))];
    assert_eq!(l.unwrap().extensions().collect::<Vec<_>>(), ext);
    assert_eq!(s.unwrap().extensions().collect::<Vec<_>>(), ext);
    let r = r.unwrap();
    assert_eq!(
        (r.comment(), r.version(), r.extensions().count()),
        (Some("x"), Some(1), 0)
    );
}

// 20. Cookie request headers.
#[test]
fn c20_cookie_header() {
    // Duplicates: all kept, in order (npm keeps the first, py the last).
    assert_eq!(
        Pairs::new("a=1; a=2").collect::<Vec<_>>(),
        [("a", "1"), ("a", "2")]
    );
    assert_eq!(
        StrictPairs::new("a=1; a=2").collect::<Vec<_>>(),
        [Ok(("a", "1")), Ok(("a", "2"))]
    );
    // Commas are data except in RFC 2109.
    assert_eq!(
        Pairs::new("a=1, b=2").collect::<Vec<_>>(),
        [("a", "1, b=2")]
    );
    let strict: Vec<_> = StrictPairs::new("a=1, b=2").collect();
    assert_eq!(
        strict[0].unwrap_err().kind(),
        ErrorKind::InvalidValueByte(b',')
    );
    let old: Vec<_> = CookieHeader::new("a=1, b=2")
        .map(Result::unwrap)
        .map(|c| (c.name, c.value))
        .collect();
    assert_eq!(old, [("a", "1"), ("b", "2")]);
    // A pair without '=': a nameless cookie to the lenient reader, an error elsewhere.
    assert_eq!(
        Pairs::new("a=1; bad; b=2").collect::<Vec<_>>(),
        [("a", "1"), ("", "bad"), ("b", "2")]
    );
    let strict: Vec<_> = StrictPairs::new("a=1; bad; b=2").collect();
    assert_eq!(strict[0], Ok(("a", "1")));
    assert_eq!(strict[1].unwrap_err().kind(), ErrorKind::MissingEquals);
    assert_eq!(strict[2], Ok(("b", "2")));
    let old: Vec<_> = CookieHeader::new("a=1; bad; b=2").collect();
    assert!(old[0].is_ok() && old[1].is_err() && old[2].is_ok());
}

// 21. Serializing name n, value "a z;b", Domain .ex.com, SameSite=None, no Secure:
// rs writes it verbatim (injectable) and adds Secure; Go drops the ';'; we refuse,
// naming each problem in turn as the caller fixes them.
#[test]
fn c21_serializer_refuses() {
    use hardtack_cookie::SameSite;
    use hardtack_cookie::encode::{PercentSet, percent_encode};
    let build = |value: &str, domain: &str, secure: bool| {
        SetCookie::build("n", value.to_owned())
            .domain(domain.to_owned())
            .path("/p")
            .same_site(SameSite::None)
            .secure(secure)
            .finish()
            .map(|c| c.to_string())
    };
    let e = build("a z;b", ".ex.com", false).unwrap_err();
    assert_eq!(
        (e.field(), e.kind(), e.offset()),
        (Field::Value, BuildErrorKind::InvalidByte(b' '), Some(1))
    );
    let encoded = percent_encode("a z;b", PercentSet::CookieOctet).to_string();
    let e = build(&encoded, ".ex.com", false).unwrap_err();
    assert_eq!(e.kind(), BuildErrorKind::InvalidDomain);
    let e = build(&encoded, "ex.com", false).unwrap_err();
    assert_eq!(e.kind(), BuildErrorKind::SameSiteNoneWithoutSecure);
    assert_eq!(
        build(&encoded, "ex.com", true).unwrap(),
        "n=a%20z%3Bb; Domain=ex.com; Path=/p; Secure; SameSite=None"
    );
}
