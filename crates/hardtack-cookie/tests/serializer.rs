//! Every refusal rule of the serializer, and what it writes.

use hardtack_cookie::{
    Attribute, BuildErrorKind as K, CookieHeaderWriter, Field, Priority, Profile, SameSite,
    SetCookie,
};
use time::macros::datetime;

fn refused(b: hardtack_cookie::SetCookieBuilder<'_>) -> (Field, K) {
    let e = b.finish().expect_err("must be refused");
    (e.field(), e.kind())
}

#[test]
fn refuses_every_unsafe_or_invalid_cookie() {
    let attr = Field::Attribute;
    let cases: Vec<(hardtack_cookie::SetCookieBuilder<'static>, (Field, K))> = vec![
        (SetCookie::build("", "v"), (Field::Name, K::EmptyName)),
        (
            SetCookie::build("a b", "v"),
            (Field::Name, K::InvalidByte(b' ')),
        ),
        (
            SetCookie::build("a=b", "v"),
            (Field::Name, K::InvalidByte(b'=')),
        ),
        (
            SetCookie::build("a\r", "v"),
            (Field::Name, K::InvalidByte(b'\r')),
        ),
        (
            SetCookie::build("n", "v\n"),
            (Field::Value, K::InvalidByte(b'\n')),
        ),
        (
            SetCookie::build("n", "v;x"),
            (Field::Value, K::InvalidByte(b';')),
        ),
        (
            SetCookie::build("n", "v,x"),
            (Field::Value, K::InvalidByte(b',')),
        ),
        (
            SetCookie::build("n", "\"v"),
            (Field::Value, K::UnbalancedQuote),
        ),
        (
            SetCookie::build("n", "a\"b\""),
            (Field::Value, K::InvalidByte(b'"')),
        ),
        (
            SetCookie::build("n", "x".repeat(4096)),
            (Field::Value, K::TooLarge),
        ),
        (
            SetCookie::build("n", "v").max_age(-5),
            (attr(Attribute::MaxAge), K::NegativeMaxAge),
        ),
        (
            SetCookie::build("n", "v").expires(datetime!(1600-01-01 0:00 UTC)),
            (attr(Attribute::Expires), K::ExpiresOutOfRange),
        ),
        (
            SetCookie::build("n", "v").path("/a\r\nb"),
            (attr(Attribute::Path), K::InvalidByte(b'\r')),
        ),
        (
            SetCookie::build("n", "v").path("/a;b"),
            (attr(Attribute::Path), K::InvalidByte(b';')),
        ),
        (
            SetCookie::build("n", "v").path("a"),
            (attr(Attribute::Path), K::RelativePath),
        ),
        (
            SetCookie::build("n", "v").path(format!("/{}", "p".repeat(1024))),
            (attr(Attribute::Path), K::AttributeTooLarge),
        ),
        (
            SetCookie::build("n", "v").domain("a;b.com"),
            (attr(Attribute::Domain), K::InvalidDomain),
        ),
        (
            SetCookie::build("n", "v").domain(""),
            (attr(Attribute::Domain), K::InvalidDomain),
        ),
        (
            SetCookie::build("__Secure-n", "v"),
            (Field::Name, K::SecurePrefixWithoutSecure),
        ),
        (
            SetCookie::build("__secure-n", "v"),
            (Field::Name, K::SecurePrefixWithoutSecure),
        ),
        (
            SetCookie::build("__Host-n", "v").path("/"),
            (Field::Name, K::HostPrefixWithoutSecure),
        ),
        (
            SetCookie::build("__Host-n", "v")
                .secure(true)
                .path("/")
                .domain("a.com"),
            (Field::Name, K::HostPrefixWithDomain),
        ),
        (
            SetCookie::build("__Host-n", "v").secure(true),
            (Field::Name, K::HostPrefixPath),
        ),
        (
            SetCookie::build("__HOST-n", "v").secure(true).path("/x"),
            (Field::Name, K::HostPrefixPath),
        ),
        (
            SetCookie::build("n", "v").same_site(SameSite::None),
            (attr(Attribute::SameSite), K::SameSiteNoneWithoutSecure),
        ),
        (
            SetCookie::build("n", "v").partitioned(true),
            (attr(Attribute::Partitioned), K::PartitionedWithoutSecure),
        ),
        (
            SetCookie::build("n", "v").extension("Max-Age", Some("1")),
            (attr(Attribute::Extension), K::ReservedExtension),
        ),
        (
            SetCookie::build("n", "v").extension("a=b", None),
            (attr(Attribute::Extension), K::InvalidByte(b'=')),
        ),
        (
            SetCookie::build("n", "v").extension("x", Some("\n")),
            (attr(Attribute::Extension), K::InvalidByte(b'\n')),
        ),
        (
            SetCookie::build("n", "v").extension(" x", None),
            (attr(Attribute::Extension), K::InvalidByte(b' ')),
        ),
        (
            SetCookie::build("n", "v").extension("x", Some(&"y".repeat(1025))),
            (attr(Attribute::Extension), K::AttributeTooLarge),
        ),
    ];
    for (i, (builder, want)) in cases.into_iter().enumerate() {
        assert_eq!(refused(builder), want, "case {i}");
    }
}

#[test]
fn writes_every_attribute_in_a_fixed_order() {
    let c = SetCookie::build("__Host-id", "\"q\"")
        .extension("Ext", Some("1"))
        .priority(Priority::Low)
        .partitioned(true)
        .same_site(SameSite::None)
        .http_only(true)
        .secure(true)
        .path("/")
        .max_age(86_400)
        .expires(datetime!(2030-02-03 04:05:06.789 +01:00))
        .finish()
        .unwrap();
    let text = c.to_string();
    assert_eq!(
        text,
        "__Host-id=\"q\"; Expires=Sun, 03 Feb 2030 03:05:06 GMT; Max-Age=86400; Path=/; Secure; \
         HttpOnly; SameSite=None; Partitioned; Priority=Low; Ext=1"
    );
    assert_eq!(c.encoded_len(), text.len());
    let mut buf = vec![0u8; text.len()];
    assert_eq!(c.write_to_slice(&mut buf).unwrap(), text.len());
    assert_eq!(buf, text.as_bytes());
    assert!(c.write_to_slice(&mut buf[..text.len() - 1]).is_err());
    let mut io = Vec::new();
    c.write_io(&mut io).unwrap();
    assert_eq!(io, text.as_bytes());
    for p in [Profile::Strict, Profile::Lenient] {
        assert_eq!(SetCookie::parse(&text, p).unwrap(), *c, "{p:?}");
    }
}

#[test]
fn removal_matches_the_cookie_it_removes() {
    let c = SetCookie::build("sid", "x")
        .domain("example.com")
        .path("/app")
        .http_only(true)
        .finish()
        .unwrap();
    let r = c.removal();
    assert_eq!(
        r.to_string(),
        "sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Domain=example.com; Path=/app; HttpOnly"
    );
    let text = r.to_string();
    let parsed = SetCookie::parse(&text, Profile::Lenient).unwrap();
    assert_eq!(
        (parsed.domain(), parsed.path()),
        (Some("example.com"), Some("/app"))
    );
    assert!(
        parsed.expiry(datetime!(2026-01-01 0:00 UTC)).unwrap() < datetime!(2026-01-01 0:00 UTC)
    );
}

#[test]
fn cookie_header_writer() {
    let mut out = String::new();
    let mut w = CookieHeaderWriter::new(&mut out);
    w.pair("a", "1").unwrap().pair("b", "\"2\"").unwrap();
    for (n, v) in [
        ("", "x"),
        ("a b", "x"),
        ("a", "x y"),
        ("a", "x;y"),
        ("a", "\r\n"),
    ] {
        assert!(w.pair(n, v).is_err(), "{n:?}={v:?}");
    }
    assert_eq!(out, "a=1; b=\"2\"");
    let parsed: Vec<_> = hardtack_cookie::StrictPairs::new(&out).collect();
    assert_eq!(parsed, [Ok(("a", "1")), Ok(("b", "\"2\""))]);
}

#[test]
fn parsed_cookies_can_be_re_emitted_after_validation() {
    use hardtack_cookie::ResponseCookie;
    let parsed = SetCookie::parse(
        "a=b; path=/x; SECURE; x-ext=1; samesite=lax",
        Profile::Lenient,
    )
    .unwrap();
    let again = ResponseCookie::try_from(parsed).unwrap();
    assert_eq!(
        again.to_string(),
        "a=b; Path=/x; Secure; SameSite=Lax; x-ext=1"
    );
    let rfc = SetCookie::parse("a=b; Version=1", Profile::Rfc2109).unwrap();
    assert_eq!(
        ResponseCookie::try_from(rfc).unwrap_err().kind(),
        K::ReservedExtension
    );
}

#[test]
fn out_of_range_expires_is_refused_not_a_panic() {
    // In UTC these are 10000-01-01 and 1600-12-31: `time` cannot even hold them in
    // UTC without its large-dates feature.
    for t in [
        datetime!(9999-12-31 23:00 -05:00),
        datetime!(1601-01-01 00:30 +01:00),
        datetime!(-9999-01-01 0:00 UTC),
    ] {
        let e = SetCookie::build("n", "v").expires(t).finish().unwrap_err();
        assert_eq!(
            (e.field(), e.kind()),
            (Field::Attribute(Attribute::Expires), K::ExpiresOutOfRange),
            "{t}"
        );
    }
    // The earliest and latest instants are written, normalised to UTC whole seconds.
    let c = SetCookie::build("n", "v")
        .expires(datetime!(1601-01-01 01:00:00.5 +01:00))
        .finish()
        .unwrap();
    assert_eq!(c.expires(), Some(datetime!(1601-01-01 0:00 UTC)));
    assert_eq!(c.to_string(), "n=v; Expires=Mon, 01 Jan 1601 00:00:00 GMT");
    let c = SetCookie::build("n", "v")
        .expires(datetime!(9999-12-31 18:59:59.999 -05:00))
        .finish()
        .unwrap();
    assert_eq!(c.to_string(), "n=v; Expires=Fri, 31 Dec 9999 23:59:59 GMT");
}

#[test]
fn long_cookies_are_written_piecewise_with_the_same_text() {
    // Past the stack buffer `write_to` falls back to one `write_str` per part.
    for len in [200, 220, 230, 240, 250, 260, 300, 4000] {
        let value = "v".repeat(len);
        let c = SetCookie::build("n", value.as_str())
            .expires(datetime!(2030-02-03 04:05:06 UTC))
            .max_age(12_345)
            .domain("example.com")
            .path("/p")
            .secure(true)
            .http_only(true)
            .same_site(SameSite::Lax)
            .partitioned(true)
            .priority(Priority::Medium)
            .extension("Ext", Some("1"))
            .finish()
            .unwrap();
        let text = c.to_string();
        assert_eq!(
            text,
            format!(
                "n={value}; Expires=Sun, 03 Feb 2030 04:05:06 GMT; Max-Age=12345; \
                 Domain=example.com; Path=/p; Secure; HttpOnly; SameSite=Lax; Partitioned; \
                 Priority=Medium; Ext=1"
            )
        );
        assert_eq!(c.encoded_len(), text.len());
        let mut buf = vec![0u8; text.len()];
        assert_eq!(c.write_to_slice(&mut buf), Ok(text.len()));
        assert_eq!(buf, text.as_bytes());
        assert!(c.write_to_slice(&mut buf[..text.len() - 1]).is_err());
    }
}

#[test]
fn builder_debug_hides_the_value() {
    let b = SetCookie::build("sid", "s3cr3t-session-id")
        .path("/")
        .extension("x", Some("also-s3cr3t"));
    let shown = format!("{b:?}");
    assert!(
        shown.contains("sid") && shown.contains("17 bytes redacted"),
        "{shown}"
    );
    assert!(!shown.contains("s3cr3t"), "{shown}");
}
