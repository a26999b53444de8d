//! The cookie jar (RFC 6265bis §5.7 storage, §5.8 retrieval) fed arbitrary
//! `Set-Cookie` values from a handful of origins, with small limits so that
//! eviction runs, and a clock that moves.
//!
//! The input is lines; each line is one operation: a first byte choosing it (and
//! the request context), a second byte choosing the URL or the time step, and the
//! rest as text. `scripts/fuzz-seeds.py` writes the http-state corpus in this form.
//!
//! Properties, after every operation: the jar keeps its limits; every stored cookie
//! is within the size limits, free of control characters and `;`, keeps its prefix
//! rules (`__Secure-`, `__Host-`) and, when it covers a domain, that domain is no
//! public suffix. A `Secure` cookie is only stored from a secure URL. A request's
//! `Cookie` header is exactly its `cookies_for` pairs, and every one of them
//! domain-matches, path-matches, is unexpired, and respects `Secure`, `HttpOnly`
//! and `SameSite=Strict`. At the end the jar saves and loads back the same cookies.
#![no_main]

use hardtack_cookie::jar::{
    Config, Context, FixedSuffixes, HostKind, Jar, RequestUrl, SessionCookies, Site, StoredCookie,
};
use hardtack_cookie::{Prefix, Profile, SameSite, SetCookie};
use libfuzzer_sys::fuzz_target;
use time::{Duration, OffsetDateTime};

/// The http-state harness's origin first (its seeds store from URL 0), then
/// subdomains, loopback hosts, and a host that is itself a public suffix.
const URLS: [&str; 10] = [
    "http://home.example.org:8888/cookie-parser",
    "http://home.example.org:8888/cookie-parser-result",
    "http://sub.home.example.org/dir/page",
    "https://www.example.com/app/login",
    "https://a.b.www.example.com/app/x/y",
    "http://example.com/",
    "http://127.0.0.1/",
    "https://[::1]/x",
    "http://localhost/",
    "https://co.uk/",
];
const SUFFIXES: &[&str] = &["org", "com", "co.uk", "uk"];
const MAX_COOKIES: usize = 12;
const PER_DOMAIN: usize = 4;
/// RFC 6265bis §5.6 step 4 and §5.6 (attribute values).
const MAX_NAME_VALUE: usize = 4096;
const MAX_PATH: usize = 1024;

fn jar() -> Jar<FixedSuffixes<'static>> {
    let config = Config::new()
        .max_cookies(MAX_COOKIES)
        .max_cookies_per_domain(PER_DOMAIN);
    Jar::with_config(FixedSuffixes(SUFFIXES), config)
}

/// The request context that the operation byte's high bits choose.
fn context(op: u8) -> Context {
    let site = [
        Site::SameSite,
        Site::CrossSiteNavigation,
        Site::CrossSiteUnsafeNavigation,
        Site::CrossSite,
    ][usize::from(op >> 5 & 3)];
    let ctx = if op & 0x10 == 0 {
        Context::http()
    } else {
        Context::non_http()
    };
    ctx.with_site(site)
}

fn is_ctl(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

fn ends_with_ci(s: &str, tail: &str) -> bool {
    let (s, tail) = (s.as_bytes(), tail.as_bytes());
    s.len() >= tail.len() && s[s.len() - tail.len()..].eq_ignore_ascii_case(tail)
}

/// RFC 6265bis §5.1.3, written out plainly.
fn domain_matches(url: &RequestUrl<'_>, c: &StoredCookie<'_>) -> bool {
    let host = url.host().strip_suffix('.').unwrap_or(url.host());
    let domain = c.domain().strip_suffix('.').unwrap_or(c.domain());
    if host.eq_ignore_ascii_case(domain) {
        return true;
    }
    !c.host_only()
        && url.host_kind() == HostKind::Name
        && ends_with_ci(host, domain)
        && host.as_bytes().get(host.len() - domain.len() - 1) == Some(&b'.')
}

/// RFC 6265bis §5.1.4, written out plainly.
fn path_matches(request: &str, cookie: &str) -> bool {
    request == cookie
        || (request.starts_with(cookie)
            && (cookie.ends_with('/') || request[cookie.len()..].starts_with('/')))
}

fn check_stored(jar: &Jar<FixedSuffixes<'static>>) {
    assert!(jar.len() <= MAX_COOKIES, "{} cookies", jar.len());
    let mut per_domain = std::collections::BTreeMap::<String, usize>::new();
    for c in jar.iter() {
        *per_domain
            .entry(c.domain().to_ascii_lowercase())
            .or_default() += 1;
        let (name, value) = (c.name(), c.value());
        assert!(name.len() + value.len() <= MAX_NAME_VALUE, "{name:?}");
        assert!(!name.is_empty() || !value.is_empty(), "an empty cookie");
        for b in name.bytes().chain(value.bytes()) {
            assert!(!is_ctl(b) && b != b';', "byte {b:#x} in {name:?}={value:?}");
        }
        assert!(
            c.path().starts_with('/') && c.path().len() <= MAX_PATH,
            "{:?}",
            c.path()
        );
        if !c.host_only() {
            assert!(
                !SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(c.domain())),
                "a cookie for the public suffix {:?}",
                c.domain()
            );
        }
        match Prefix::of(name) {
            Some(Prefix::Secure) => assert!(c.secure(), "{name} without Secure"),
            Some(Prefix::Host) => assert!(
                c.secure() && c.host_only() && c.path() == "/",
                "{name}: Secure {}, host-only {}, path {:?}",
                c.secure(),
                c.host_only(),
                c.path()
            ),
            None if name.is_empty() => {
                assert!(Prefix::of(value).is_none(), "nameless {value:?}");
            }
            None => {}
        }
    }
    for (domain, n) in per_domain {
        assert!(n <= PER_DOMAIN, "{n} cookies for {domain}");
    }
}

fn check_request(
    jar: &mut Jar<FixedSuffixes<'static>>,
    url: &RequestUrl<'_>,
    now: OffsetDateTime,
    ctx: Context,
) {
    let header = jar.cookie_header(url, now, ctx);
    let mut pairs = Vec::new();
    for c in jar.cookies_for(url, now, ctx) {
        assert!(
            domain_matches(url, &c),
            "{:?} sent to {}",
            c.domain(),
            url.host()
        );
        assert!(
            path_matches(url.path(), c.path()),
            "{:?} sent to {:?}",
            c.path(),
            url.path()
        );
        assert!(
            !c.secure() || url.is_secure(),
            "Secure cookie sent over {:?}",
            url.scheme()
        );
        assert!(
            !c.http_only() || ctx.is_http(),
            "HttpOnly cookie given to a script"
        );
        assert!(c.expires().is_none_or(|t| t > now), "expired cookie sent");
        if c.same_site() == Some(SameSite::Strict) {
            assert_eq!(ctx.site(), Site::SameSite, "Strict cookie sent cross-site");
        }
        pairs.push(if c.name().is_empty() {
            c.value().to_owned()
        } else {
            format!("{}={}", c.name(), c.value())
        });
    }
    let joined = pairs.join("; ");
    assert_eq!(
        header.unwrap_or_default(),
        joined,
        "Cookie header and cookies_for disagree"
    );
}

/// Every field that saving must keep.
fn snapshot(jar: &Jar<FixedSuffixes<'static>>) -> Vec<String> {
    let mut all: Vec<String> = jar
        .iter()
        .map(|c| {
            format!(
                "{}|{}|{}|{}|{}|{:?}|{}|{}|{:?}|{}",
                c.domain(),
                c.host_only(),
                c.path(),
                c.name(),
                c.value(),
                c.expires(),
                c.secure(),
                c.http_only(),
                c.same_site(),
                c.partitioned()
            )
        })
        .collect();
    all.sort();
    all
}

fuzz_target!(|data: &[u8]| {
    let mut jar = jar();
    let mut now = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
    for line in data.split(|&b| b == b'\n').take(64) {
        let [op, arg, rest @ ..] = line else { continue };
        let text = String::from_utf8_lossy(rest);
        let ctx = context(*op);
        // Any text at all must parse or be refused, never panic.
        let custom = RequestUrl::parse(&text).ok();
        let url = match (op & 0x08, &custom) {
            (0, _) | (_, None) => {
                RequestUrl::parse(URLS[usize::from(*arg) % URLS.len()]).expect("a valid fixed URL")
            }
            (_, Some(u)) => u.clone(),
        };
        match op % 4 {
            0 | 1 => {
                let stored = jar.store(&url, &text, now, ctx);
                if stored.is_ok() && !url.is_secure() {
                    let secure =
                        SetCookie::parse(&text, Profile::Lenient).is_ok_and(|c| c.secure());
                    assert!(!secure, "Secure cookie stored from {:?}", url.scheme());
                }
            }
            2 => check_request(&mut jar, &url, now, ctx),
            _ => {
                now += Duration::seconds(i64::from(*arg) * 37);
                jar.remove_expired(now);
                assert!(jar.iter().all(|c| c.expires().is_none_or(|t| t > now)));
                if op & 0x10 != 0 {
                    jar.end_session();
                    assert!(jar.iter().all(|c| c.is_persistent()));
                }
            }
        }
        check_stored(&jar);
    }

    // Saving and loading keeps every unexpired cookie, session ones included.
    jar.remove_expired(now);
    let text = jar.to_text(now, SessionCookies::Keep);
    let mut restored = self::jar();
    let loaded = restored.load(&text, now).expect("the jar's own text loads");
    assert_eq!(loaded, jar.len());
    assert_eq!(snapshot(&restored), snapshot(&jar), "saved as {text:?}");
});
