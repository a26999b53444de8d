//! Unit tests that look inside the jar: its invariants, eviction order and memory.

use alloc::format;
use alloc::string::String;

use time::{Duration, OffsetDateTime};

use super::*;

const T0: OffsetDateTime = OffsetDateTime::UNIX_EPOCH;

fn url(s: &str) -> RequestUrl<'_> {
    RequestUrl::parse(s).unwrap()
}

/// Buckets sorted by reversed domain, none empty, domains lower case, `len` exact,
/// and identities unique.
fn check_invariants<S>(jar: &Jar<S>) {
    for w in jar.buckets.windows(2) {
        assert!(
            matching::cmp_reversed(w[0].domain.as_bytes(), w[1].domain.as_bytes()).is_lt(),
            "{} before {}",
            w[0].domain,
            w[1].domain
        );
    }
    let mut n = 0;
    for b in &jar.buckets {
        assert!(!b.cookies.is_empty());
        assert!(!b.domain.bytes().any(|c| c.is_ascii_uppercase()));
        for (i, e) in b.cookies.iter().enumerate() {
            n += 1;
            for other in &b.cookies[i + 1..] {
                assert!(
                    !(e.name() == other.name()
                        && e.path == other.path
                        && e.host_only == other.host_only),
                    "duplicate identity"
                );
            }
        }
    }
    assert_eq!(n, jar.len);
}

#[test]
fn identity_includes_host_only_flag() {
    let mut jar = Jar::new(FixedSuffixes(&["com"]));
    let u = url("http://example.com/");
    jar.store(&u, "a=host", T0, Context::http()).unwrap();
    jar.store(&u, "a=domain; Domain=example.com", T0, Context::http())
        .unwrap();
    assert_eq!(jar.len(), 2);
    check_invariants(&jar);
    // Both go to example.com itself, host-only created first.
    assert_eq!(
        jar.cookie_header(&u, T0, Context::http()).as_deref(),
        Some("a=host; a=domain")
    );
    // Only the domain cookie goes to a subdomain.
    let sub = url("http://www.example.com/");
    assert_eq!(
        jar.cookie_header(&sub, T0, Context::http()).as_deref(),
        Some("a=domain")
    );
}

#[test]
fn per_domain_eviction_prefers_expired_then_insecure_then_oldest() {
    let config = Config::new().max_cookies_per_domain(3);
    let mut jar = Jar::with_config(FixedSuffixes(&[]), config);
    let u = url("https://example.com/");
    jar.store(&u, "old=1", T0, Context::http()).unwrap();
    jar.store(&u, "sec=1; Secure", T0 + Duration::SECOND, Context::http())
        .unwrap();
    jar.store(
        &u,
        "short=1; Max-Age=5",
        T0 + Duration::seconds(2),
        Context::http(),
    )
    .unwrap();
    // `short` has expired by now: it goes first, although it is the newest.
    jar.store(
        &u,
        "d=1; Path=/d",
        T0 + Duration::seconds(10),
        Context::http(),
    )
    .unwrap();
    let names = |jar: &Jar<FixedSuffixes<'_>>| {
        let mut v: Vec<String> = jar.iter().map(|c| String::from(c.name())).collect();
        v.sort();
        v
    };
    assert_eq!(names(&jar), ["d", "old", "sec"]);
    // Next the least recently used non-Secure cookie (`old`), even though the Secure
    // one was accessed earlier still.
    jar.store(
        &u,
        "e=1; Path=/e",
        T0 + Duration::seconds(11),
        Context::http(),
    )
    .unwrap();
    assert_eq!(names(&jar), ["d", "e", "sec"]);
    // Reading `d` makes it recent; `e` is now the oldest non-Secure one.
    jar.cookie_header(
        &url("https://example.com/d"),
        T0 + Duration::seconds(12),
        Context::http(),
    );
    jar.store(&u, "f=1", T0 + Duration::seconds(13), Context::http())
        .unwrap();
    assert_eq!(names(&jar), ["d", "f", "sec"]);
    check_invariants(&jar);
}

#[test]
fn total_eviction_purges_to_ninety_percent_least_recent_first() {
    let config = Config::new().max_cookies(100);
    let mut jar = Jar::with_config(FixedSuffixes(&[]), config);
    for i in 0..100 {
        let host = format!("http://h{i}.example/");
        jar.store(
            &url(&host),
            "a=1",
            T0 + Duration::seconds(i),
            Context::http(),
        )
        .unwrap();
    }
    assert_eq!(jar.len(), 100);
    // h5 is used again, so it survives the purge that the 101st cookie triggers.
    jar.cookie_header(
        &url("http://h5.example/"),
        T0 + Duration::seconds(200),
        Context::http(),
    );
    jar.store(
        &url("http://new.example/"),
        "a=1",
        T0 + Duration::seconds(201),
        Context::http(),
    )
    .unwrap();
    assert_eq!(jar.len(), 90);
    let hosts: Vec<&str> = jar.iter().map(|c| c.domain()).collect();
    assert!(hosts.contains(&"new.example") && hosts.contains(&"h5.example"));
    for gone in 0..12 {
        if gone != 5 {
            assert!(
                !hosts.contains(&format!("h{gone}.example").as_str()),
                "h{gone}"
            );
        }
    }
    assert!(hosts.contains(&"h12.example"));
    check_invariants(&jar);
}

#[test]
fn shadow_check_looks_at_parents_and_subdomains() {
    let mut jar = Jar::new(FixedSuffixes(&["com"]));
    let secure = url("https://a.b.example.com/");
    jar.store(
        &secure,
        "s=1; Secure; Domain=b.example.com; Path=/login",
        T0,
        Context::http(),
    )
    .unwrap();
    jar.store(
        &url("https://deep.x.example.com/"),
        "t=1; Secure",
        T0,
        Context::http(),
    )
    .unwrap();
    let plain = url("http://b.example.com/");
    let plain_parent = url("http://example.com/");
    let ctx = Context::http();
    // Same domain, path under /login: refused.
    assert_eq!(
        jar.store(&plain, "s=2; Path=/login/en", T0, ctx),
        Err(Rejection::ShadowsSecure)
    );
    // Parent domain cookie that would cover the secure one's domain: refused.
    assert_eq!(
        jar.store(
            &plain_parent,
            "s=2; Domain=example.com; Path=/login",
            T0,
            ctx
        ),
        Err(Rejection::ShadowsSecure)
    );
    // A subdomain's secure cookie blocks a parent-domain cookie too.
    assert_eq!(
        jar.store(&plain_parent, "t=2; Domain=example.com", T0, ctx),
        Err(Rejection::ShadowsSecure)
    );
    // Another path, another name, or an unrelated domain are fine.
    assert_eq!(jar.store(&plain, "s=2; Path=/", T0, ctx), Ok(Stored::Added));
    assert_eq!(
        jar.store(&plain, "u=2; Path=/login", T0, ctx),
        Ok(Stored::Added)
    );
    assert_eq!(
        jar.store(&url("http://other.com/"), "s=2; Path=/login", T0, ctx),
        Ok(Stored::Added)
    );
    check_invariants(&jar);
}

#[test]
fn memory_is_bounded_by_the_limits() {
    let config = Config::new().max_cookies(50).max_cookies_per_domain(10);
    let mut jar = Jar::with_config(FixedSuffixes(&[]), config);
    let big_value = "v".repeat(4000);
    let big_path = format!("/{}", "p".repeat(1023));
    for i in 0..2000 {
        let host = format!("http://{}{}.example/", "h".repeat(200), i % 37);
        let header = format!("c{i}={big_value}; Path={big_path}");
        jar.store(&url(&host), &header, T0, Context::http())
            .unwrap();
        assert!(jar.len() <= 50);
    }
    check_invariants(&jar);
    // 50 cookies of at most 4096 + 1024 bytes, 50 domains of at most 254.
    assert!(jar.heap_bytes() <= 50 * (4096 + 1024 + 254));
}

#[test]
fn debug_never_shows_values() {
    let mut jar = Jar::new(FixedSuffixes(&[]));
    let u = url("http://example.com/");
    jar.store(&u, "sid=SECRET-TOKEN", T0, Context::http())
        .unwrap();
    let jar_dbg = format!("{jar:?}");
    let cookie_dbg = format!("{:?}", jar.iter().next().unwrap());
    assert!(!jar_dbg.contains("SECRET") && !cookie_dbg.contains("SECRET"));
    assert!(cookie_dbg.contains("sid") && cookie_dbg.contains("12 bytes redacted"));
}

#[test]
fn extreme_clocks_neither_panic_nor_overflow() {
    let edge = [
        time::PrimitiveDateTime::MIN.assume_utc(),
        time::PrimitiveDateTime::MAX.assume_utc(),
        T0,
    ];
    for now in edge {
        let mut jar = Jar::new(NoSuffixes);
        let u = url("http://example.com/");
        for set in [
            "a=1; Max-Age=9223372036854775807",
            "b=1; Max-Age=-9223372036854775808",
            "c=1; Expires=Fri, 31 Dec 9999 23:59:59 GMT",
            "d=1; Expires=Mon, 01 Jan 1601 00:00:00 GMT",
            "e=1",
        ] {
            let _ = jar.store(&u, set, now, Context::http());
        }
        check_invariants(&jar);
        for c in jar.iter() {
            let t = c.expires().map(|t| t.unix_timestamp());
            assert!(
                t.is_none_or(|t| t > now.unix_timestamp()),
                "{:?} at {now}",
                c.name()
            );
        }
        let _ = jar.cookie_header(&u, now, Context::http());
        let text = jar.to_text(now, SessionCookies::Keep);
        let mut back = Jar::new(NoSuffixes);
        assert_eq!(back.load(&text, now), Ok(jar.len()));
    }
}

#[test]
fn parsed_cookies_from_other_profiles() {
    use crate::{Profile, SetCookie};
    let mut jar = Jar::new(FixedSuffixes(&["com"]));
    let u = url("http://www.example.com/a/b");
    let strict = SetCookie::parse("s=1; Path=/a; Max-Age=60", Profile::Strict).unwrap();
    assert_eq!(
        jar.store_parsed(&u, &strict, T0, Context::http()),
        Ok(Stored::Added)
    );
    let v1 = SetCookie::parse(
        "v=1; Domain=.example.com; Path=/; Version=1",
        Profile::Rfc2109,
    )
    .unwrap();
    assert_eq!(
        jar.store_parsed(&u, &v1, T0, Context::http()),
        Ok(Stored::Added)
    );
    let built = SetCookie::build("b", "2").path("/").finish().unwrap();
    assert_eq!(
        jar.store_parsed(&u, &built.into_inner(), T0, Context::http()),
        Ok(Stored::Added)
    );
    assert_eq!(
        jar.cookie_header(&u, T0, Context::http()).as_deref(),
        Some("s=1; v=1; b=2")
    );
    let domains: Vec<(&str, bool)> = jar.iter().map(|c| (c.domain(), c.host_only())).collect();
    assert!(domains.contains(&("example.com", false)));
}
