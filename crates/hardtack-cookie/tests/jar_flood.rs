//! Hostile input: Set-Cookie floods, huge domains and paths, and arbitrary bytes. The
//! jar must stay within its limits and never panic.
#![cfg(feature = "jar")]

use hardtack_cookie::jar::{Config, Context, FixedSuffixes, Jar, RequestUrl};
use proptest::prelude::*;
use time::{Duration, OffsetDateTime};

const T0: OffsetDateTime = OffsetDateTime::UNIX_EPOCH;
const SUFFIXES: FixedSuffixes<'static> = FixedSuffixes(&["com", "example"]);

fn url(s: &str) -> RequestUrl<'_> {
    RequestUrl::parse(s).unwrap()
}

/// Cookies per domain, from the public iterator.
fn max_per_domain<S>(jar: &Jar<S>) -> usize {
    let mut domains: Vec<&str> = jar.iter().map(|c| c.domain()).collect();
    domains.sort_unstable();
    domains
        .chunk_by(|a, b| a == b)
        .map(<[&str]>::len)
        .max()
        .unwrap_or(0)
}

#[test]
fn one_domain_flood_is_capped_per_domain() {
    let mut jar = Jar::new(SUFFIXES);
    let u = url("https://victim.com/");
    for i in 0..100_000 {
        let set = format!("flood{i}=x; Path=/p{}", i % 7);
        jar.store(&u, &set, T0 + Duration::seconds(i / 100), Context::http())
            .unwrap();
    }
    assert_eq!(jar.len(), 180);
    assert_eq!(max_per_domain(&jar), 180);
    // The survivors are the most recent ones.
    assert!(jar.iter().all(|c| {
        let n: u32 = c.name()["flood".len()..].parse().unwrap();
        n >= 100_000 - 200
    }));
}

#[test]
fn many_domain_flood_is_capped_in_total() {
    let mut jar = Jar::new(SUFFIXES);
    for i in 0..100_000 {
        let host = format!("https://h{i}.attacker.com/");
        // Each host also plants a cookie on the shared parent domain.
        let sets = ["a=1", "b=2; Domain=attacker.com"];
        jar.store_response(&url(&host), sets, T0, Context::http());
        assert!(jar.len() <= 3000);
    }
    assert!(jar.len() >= 2700, "purges stop at 90% of the limit");
    assert!(max_per_domain(&jar) <= 180);
}

#[test]
fn huge_names_values_domains_and_paths_stay_bounded() {
    let config = Config::new().max_cookies(200).max_cookies_per_domain(20);
    let mut jar = Jar::with_config(SUFFIXES, config);
    let label = "a".repeat(63);
    // The longest host a URL may carry: 254 bytes.
    let long_host = format!("{label}.{label}.{label}.{}.example", "b".repeat(53));
    assert_eq!(long_host.len(), 253);
    let too_long = format!("x{long_host}.");
    assert!(RequestUrl::parse(&format!("http://{too_long}x/")).is_err());
    let value = "v".repeat(4000);
    let path = format!("/{}", "p".repeat(1023));
    let huge_domain = format!("{}.{long_host}", "d".repeat(1000));
    for i in 0..5000 {
        let u = format!(
            "http://{}{}/{}",
            i % 50,
            &long_host[2..],
            "q/".repeat(i % 900)
        );
        let u = url(&u);
        let sets = [
            format!("n{i}={value}; Path={path}"),
            format!("m{i}={value}; Domain={huge_domain}"),
            format!("o{i}={value}"),
        ];
        jar.store_response(&u, sets.iter().map(String::as_str), T0, Context::http());
        assert!(jar.len() <= 200);
    }
    assert!(max_per_domain(&jar) <= 20);
    for c in jar.iter() {
        assert!(c.name().len() + c.value().len() <= 4096);
        assert!(c.path().len() <= 1024);
        assert!(c.domain().len() <= 254);
    }
}

#[test]
fn deep_hosts_and_long_request_paths() {
    let mut jar = Jar::new(SUFFIXES);
    // 127 labels: the retrieval walks one bucket lookup per label.
    let deep = format!("{}example", "a.".repeat(123));
    let u = format!("http://{deep}/{}", "x/".repeat(5000));
    let u = url(&u);
    // The default path would be over 1024 bytes: refused, not truncated.
    assert!(jar.store(&u, "a=1", T0, Context::http()).is_err());
    assert!(jar.store(&u, "a=1; Path=/", T0, Context::http()).is_ok());
    assert!(
        jar.store(&u, "b=1; Path=/; Domain=a.a.example", T0, Context::http())
            .is_ok()
    );
    assert_eq!(
        jar.cookie_header(&u, T0, Context::http()).as_deref(),
        Some("a=1; b=1")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Arbitrary Set-Cookie text from arbitrary (valid) URLs never panics and never
    /// breaks the limits.
    #[test]
    fn arbitrary_set_cookies(
        headers in prop::collection::vec(".{0,80}", 1..20),
        host in "[a-c]{1,3}(\\.[a-c]{1,3}){0,3}",
        path in "(/[a-c%]{0,3}){0,4}",
        secs in -10i64..10,
    ) {
        let config = Config::new().max_cookies(8).max_cookies_per_domain(3);
        let mut jar = Jar::with_config(FixedSuffixes(&["a", "b.c"]), config);
        let u = format!("https://{host}{path}");
        let u = RequestUrl::parse(&u).unwrap();
        let now = T0 + Duration::seconds(secs);
        for h in &headers {
            let _ = jar.store(&u, h, now, Context::http());
            prop_assert!(jar.len() <= 8);
        }
        let _ = jar.cookie_header(&u, now, Context::http());
        let text = jar.to_text(now, hardtack_cookie::jar::SessionCookies::Keep);
        let mut again = Jar::with_config(FixedSuffixes(&["a", "b.c"]), config);
        prop_assert!(again.load(&text, now).is_ok());
    }

    /// The URL parser takes any string without panicking.
    #[test]
    fn arbitrary_urls(s in "\\PC{0,60}", t in "(https?|wss?)://[a-z0-9.:@\\[\\]%/?#-]{0,40}") {
        let _ = RequestUrl::parse(&s);
        let _ = RequestUrl::parse(&t);
    }

    /// Loading arbitrary text never panics; it either loads or names a line.
    #[test]
    fn arbitrary_saved_jars(lines in prop::collection::vec("[a-z0-9%\\t./ -]{0,60}", 0..6)) {
        let text = format!("hardtack-jar v1\n{}", lines.join("\n"));
        let mut jar = Jar::new(SUFFIXES);
        if let Err(e) = jar.load(&text, T0) {
            prop_assert!(e.line() >= 2 && e.line() <= lines.len() + 1);
            prop_assert!(jar.is_empty());
        }
    }
}
