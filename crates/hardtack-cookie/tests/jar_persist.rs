//! The saved-jar text format: exact output, round trips, session cookies, and typed
//! errors for every kind of bad input.
#![cfg(feature = "jar")]

use hardtack_cookie::jar::{
    Config, Context, FixedSuffixes, Jar, LoadErrorKind, RequestUrl, SessionCookies,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = datetime!(2024-01-01 00:00:00 UTC);
/// 2024-01-01T00:00:00Z as Unix seconds.
const T0_UNIX: i64 = 1_704_067_200;
const SUFFIXES: FixedSuffixes<'static> = FixedSuffixes(&["com", "test"]);

fn url(s: &str) -> RequestUrl<'_> {
    RequestUrl::parse(s).unwrap()
}

fn sample_jar() -> Jar<FixedSuffixes<'static>> {
    let mut jar = Jar::new(SUFFIXES);
    let https = url("https://www.example.com/app/page");
    let sets = [
        "sid=abc%2F; Domain=example.com; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600",
        "tab=a\tb; Max-Age=60",
        "pct=100%; Max-Age=60; SameSite=None; Secure; Partitioned",
        "unicode=caf\u{e9}; Max-Age=60; SameSite=Lax",
        "nameless-value-only",
        "session=1",
    ];
    for (i, set) in sets.iter().enumerate() {
        let now = T0 + Duration::seconds(i as i64);
        jar.store(&https, set, now, Context::http()).unwrap();
    }
    jar
}

#[test]
fn exact_text() {
    let jar = sample_jar();
    let text = jar.to_text(T0, SessionCookies::Keep);
    let t = T0_UNIX;
    let want = format!(
        "hardtack-jar v1\n\
         example.com\tdomain\t/\tsid\tabc%252F\t{e0}\t{t}\t{t}\tsh\tstrict\n\
         www.example.com\thost\t/app\ttab\ta%09b\t{e1}\t{t1}\t{t1}\t-\tdefault\n\
         www.example.com\thost\t/app\tpct\t100%25\t{e2}\t{t2}\t{t2}\tsp\tnone\n\
         www.example.com\thost\t/app\tunicode\tcaf\u{e9}\t{e3}\t{t3}\t{t3}\t-\tlax\n\
         www.example.com\thost\t/app\t\tnameless-value-only\tsession\t{t4}\t{t4}\t-\tdefault\n\
         www.example.com\thost\t/app\tsession\t1\tsession\t{t5}\t{t5}\t-\tdefault\n",
        e0 = t + 3600,
        t1 = t + 1,
        e1 = t + 1 + 60,
        t2 = t + 2,
        e2 = t + 2 + 60,
        t3 = t + 3,
        e3 = t + 3 + 60,
        t4 = t + 4,
        t5 = t + 5,
    );
    assert_eq!(text, want);
    // Dropping session cookies leaves the first four lines.
    let persistent = jar.to_text(T0, SessionCookies::Drop);
    assert_eq!(persistent.lines().count(), 5);
    assert!(!persistent.contains("session\t"));
}

#[test]
fn round_trip_keeps_every_field_and_the_order() {
    let mut jar = sample_jar();
    let text = jar.to_text(T0, SessionCookies::Keep);
    let mut back = Jar::new(SUFFIXES);
    assert_eq!(back.load(&text, T0), Ok(6));
    assert_eq!(back.to_text(T0, SessionCookies::Keep), text);
    let to = url("https://www.example.com/app/x");
    let now = T0 + Duration::seconds(10);
    assert_eq!(
        back.cookie_header(&to, now, Context::http()),
        jar.cookie_header(&to, now, Context::http())
    );
    // Loading again replaces rather than duplicates.
    assert_eq!(back.load(&text, T0), Ok(6));
    assert_eq!(back.len(), 6);
}

#[test]
fn load_skips_expired_cookies_and_new_public_suffixes() {
    let jar = sample_jar();
    let text = jar.to_text(T0, SessionCookies::Drop);
    // An hour and a bit later only `sid` (Max-Age=3600) would have been alive... and
    // it has expired too.
    let mut later = Jar::new(SUFFIXES);
    assert_eq!(later.load(&text, T0 + Duration::seconds(3601)), Ok(0));
    // A list in which example.com became a public suffix drops the domain cookie.
    let mut stricter = Jar::new(FixedSuffixes(&["example.com"]));
    assert_eq!(stricter.load(&text, T0), Ok(3));
    assert!(stricter.iter().all(|c| c.host_only()));
}

#[test]
fn load_applies_the_limits() {
    let mut text = String::from("hardtack-jar v1\n");
    for i in 0..500 {
        text.push_str(&format!(
            "h{i}.example.com\thost\t/\tn\tv\tsession\t{i}\t{i}\t-\tdefault\n"
        ));
    }
    let mut jar = Jar::with_config(SUFFIXES, Config::new().max_cookies(100));
    assert_eq!(jar.load(&text, T0), Ok(500));
    assert!(jar.len() <= 100);
    // The most recently accessed ones survive.
    assert!(jar.iter().any(|c| c.domain() == "h499.example.com"));
    assert!(!jar.iter().any(|c| c.domain() == "h0.example.com"));
}

#[test]
fn garbage_is_a_typed_error_and_changes_nothing() {
    use LoadErrorKind::*;
    let good = "example.com\thost\t/\ta\t1\tsession\t0\t0\t-\tdefault";
    let cases: &[(&str, usize, LoadErrorKind)] = &[
        ("", 1, MissingHeader),
        ("\u{0}\u{1}binary", 1, MissingHeader),
        ("hardtack-jar v2\n", 1, UnsupportedVersion),
        ("hardtack-jar v1 \n", 1, UnsupportedVersion),
        ("hardtack-jar v1\nexample.com", 2, FieldCount),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1\tsession\t0\t0\t-\tdefault\textra",
            2,
            FieldCount,
        ),
        (
            "hardtack-jar v1\nEXAMPLE.com\thost\t/\ta\t1\tsession\t0\t0\t-\tdefault",
            2,
            InvalidDomain,
        ),
        (
            "hardtack-jar v1\nexa mple.com\thost\t/\ta\t1\tsession\t0\t0\t-\tdefault",
            2,
            InvalidDomain,
        ),
        (
            "hardtack-jar v1\n1.2.3.4\tdomain\t/\ta\t1\tsession\t0\t0\t-\tdefault",
            2,
            InvalidDomain,
        ),
        (
            "hardtack-jar v1\nexample.com\tsub\t/\ta\t1\tsession\t0\t0\t-\tdefault",
            2,
            InvalidScope,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\tx\ta\t1\tsession\t0\t0\t-\tdefault",
            2,
            InvalidPath,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\t\t\tsession\t0\t0\t-\tdefault",
            2,
            InvalidCookie,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta%01\t1\tsession\t0\t0\t-\tdefault",
            2,
            InvalidCookie,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1;2\tsession\t0\t0\t-\tdefault",
            2,
            InvalidCookie,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\t__Host-a\t1\tsession\t0\t0\t-\tdefault",
            2,
            InvalidCookie,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1\tsession\t0\t0\t-\tnone",
            2,
            InvalidCookie,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1%ZZ\tsession\t0\t0\t-\tdefault",
            2,
            InvalidEscape,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1\tsoon\t0\t0\t-\tdefault",
            2,
            InvalidTime,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1\tsession\t99999999999999999\t0\t-\tdefault",
            2,
            InvalidTime,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1\tsession\t0\t0\tss\tdefault",
            2,
            InvalidFlags,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1\tsession\t0\t0\tx\tdefault",
            2,
            InvalidFlags,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1\tsession\t0\t0\t\tdefault",
            2,
            InvalidFlags,
        ),
        (
            "hardtack-jar v1\nexample.com\thost\t/\ta\t1\tsession\t0\t0\t-\tLax",
            2,
            InvalidSameSite,
        ),
    ];
    for (text, line, kind) in cases {
        let mut jar = Jar::new(SUFFIXES);
        jar.store(&url("http://keep.test.com/"), "k=1", T0, Context::http())
            .unwrap();
        let err = jar.load(text, T0).unwrap_err();
        assert_eq!((err.line(), err.kind()), (*line, *kind), "{text:?}");
        assert_eq!(jar.len(), 1, "a failed load leaves the jar as it was");
        // An error never carries the text.
        assert!(!format!("{err:?} {err}").contains("example"));
    }
    // A bad line after good ones: nothing is loaded.
    let mut jar = Jar::new(SUFFIXES);
    let text = format!("hardtack-jar v1\n{good}\n{good}\nbroken\n");
    assert_eq!(jar.load(&text, T0).unwrap_err().line(), 4);
    assert!(jar.is_empty());
    // Blank lines are allowed.
    assert_eq!(
        jar.load(&format!("hardtack-jar v1\n\n{good}\n\n"), T0),
        Ok(1)
    );
}
