//! Builder → writer → parsers, on arbitrary structured cookies.
//!
//! Whatever `finish` accepts must write text that the strict and the lenient
//! profile both parse back to an equal cookie; the four ways of writing
//! (`Display`, `write_to`, `write_to_slice`, `encoded_len`) must agree; the
//! fields must be the ones asked for; and the removal cookie round-trips too.
#![no_main]

use hardtack_cookie::{Priority, Profile, ResponseCookie, SameSite, SetCookie};
use hardtack_fuzz::structured::CookieSpec;
use libfuzzer_sys::fuzz_target;
use time::OffsetDateTime;

fn same_site(i: u8) -> SameSite {
    [SameSite::Strict, SameSite::Lax, SameSite::None][usize::from(i % 3)]
}

fn priority(i: u8) -> Priority {
    [Priority::Low, Priority::Medium, Priority::High][usize::from(i % 3)]
}

fn check_round_trip(rc: &ResponseCookie<'_>) -> String {
    let text = rc.to_string();
    assert_eq!(rc.encoded_len(), text.len(), "encoded_len");

    let mut via_fmt = String::new();
    rc.write_to(&mut via_fmt).expect("writing to a String");
    assert_eq!(via_fmt, text, "write_to and Display disagree");

    let mut buf = vec![0u8; text.len()];
    assert_eq!(rc.write_to_slice(&mut buf), Ok(text.len()));
    assert_eq!(buf, text.as_bytes(), "write_to_slice and Display disagree");
    if !text.is_empty() {
        let mut short = vec![0u8; text.len() - 1];
        assert!(
            rc.write_to_slice(&mut short).is_err(),
            "a short buffer must be refused"
        );
    }

    for profile in [Profile::Strict, Profile::Lenient] {
        match SetCookie::parse(&text, profile) {
            Ok(back) => assert_eq!(back, **rc, "{profile:?} reads {text:?} differently"),
            Err(e) => panic!("{profile:?} refuses what the serializer wrote, {text:?}: {e}"),
        }
    }
    text
}

fuzz_target!(|spec: CookieSpec| {
    let mut b = SetCookie::build(spec.name.as_str(), spec.value.as_str());
    let mut expires = None;
    if let Some((secs, nanos)) = spec.expires {
        let t = OffsetDateTime::from_unix_timestamp(secs).expect("drawn inside years 1..=9999");
        expires = Some(t);
        b = b.expires(t + time::Duration::nanoseconds(i64::from(nanos)));
    }
    if let Some(m) = spec.max_age {
        b = b.max_age(m);
    }
    if let Some(d) = &spec.domain {
        b = b.domain(d.as_str());
    }
    if let Some(p) = &spec.path {
        b = b.path(p.as_str());
    }
    b = b
        .secure(spec.secure)
        .http_only(spec.http_only)
        .partitioned(spec.partitioned);
    if let Some(s) = spec.same_site {
        b = b.same_site(same_site(s));
    }
    if let Some(p) = spec.priority {
        b = b.priority(priority(p));
    }
    for (n, v) in &spec.extensions {
        b = b.extension(n, v.as_deref());
    }
    let Ok(rc) = b.finish() else { return };

    // The fields are the ones asked for (Expires cut to whole seconds).
    assert_eq!(
        (rc.name(), rc.value()),
        (spec.name.as_str(), spec.value.as_str())
    );
    assert_eq!(rc.expires(), expires);
    assert_eq!(rc.max_age(), spec.max_age);
    assert_eq!(rc.domain(), spec.domain.as_deref());
    assert_eq!(rc.path(), spec.path.as_deref());
    assert_eq!(
        (rc.secure(), rc.http_only(), rc.partitioned()),
        (spec.secure, spec.http_only, spec.partitioned)
    );
    assert_eq!(rc.same_site(), spec.same_site.map(same_site));
    assert_eq!(rc.priority(), spec.priority.map(priority));
    let ext: Vec<_> = rc.extensions().collect();
    let want: Vec<_> = spec
        .extensions
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_deref()))
        .collect();
    assert_eq!(ext, want, "extensions");
    assert!(
        rc.satisfies_prefix(),
        "finish accepted a cookie that breaks its prefix"
    );

    let text = check_round_trip(&rc);
    // Re-validating the parsed cookie is a no-op.
    let back = SetCookie::parse(&text, Profile::Lenient).expect("checked above");
    let again = ResponseCookie::try_from(back).expect("a written cookie re-validates");
    assert_eq!(
        again.to_string(),
        text,
        "re-validated cookie writes differently"
    );

    check_round_trip(&rc.removal());
});
