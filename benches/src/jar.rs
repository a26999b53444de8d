//! `cookie_jar/{store_response,request_header}`: the client side of cookies, hardtack's
//! [`hardtack_cookie::jar`] against the `cookie_store` crate (the jar behind reqwest's
//! `cookies` feature).
//!
//! * `store_response`: store the 20 `Set-Cookie` values of one login response
//!   ([`SET_COOKIES`], received from [`STORE_URL`]) into an empty jar. The harness
//!   makes the empty jar and drops the full one outside the measurement.
//! * `request_header`: produce the `Cookie` header of one request ([`REQUEST_URL`])
//!   from a jar that already holds 1,000 cookies of 100 sites (built once).
//!
//! Both sides get the request URL already parsed into the client's own URL type
//! (`url::Url`, as reqwest has it); hardtack then parses its string into a
//! [`RequestUrl`] inside the measurement, which is what a client built on `url` would
//! have to do. `cookie_store` gets each header parsed by `cookie::Cookie::parse` and
//! made owned, as reqwest does. hardtack runs at the fixed time [`now`]; every cookie
//! either has no expiry or expires decades after both that time and today, so neither
//! jar drops one for being old.

use std::fmt::Write as _;

use cookie_store::{CookieStore, RawCookie};
use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
use time::OffsetDateTime;
use url::Url;

/// The URL whose response sets [`SET_COOKIES`].
///
/// ```
/// use hardtack_benches::jar::{SET_COOKIES, STORE_URL};
/// # let attr = |c: &'static str, a: &str| c.split(a).nth(1).and_then(|v| v.split(';').next());
/// let url = url::Url::parse(STORE_URL).unwrap();
/// let (host, path) = (url.host_str().unwrap(), url.path());
/// // Every `Domain` and `Path` of the response covers the URL: both jars store all 20.
/// assert!(SET_COOKIES.iter().filter_map(|c| attr(c, "Domain=")).all(|d| host.ends_with(d)));
/// assert!(SET_COOKIES.iter().filter_map(|c| attr(c, "Path=")).all(|p| path.starts_with(p)));
/// ```
pub const STORE_URL: &str = "https://www.example.com/app/login";

/// The URL of the request whose `Cookie` header is built: a page of site 42.
///
/// ```
/// use hardtack_benches::jar::{REQUEST_URL, SITES, site_responses};
/// let url = url::Url::parse(REQUEST_URL).unwrap();
/// let login = url::Url::parse(&site_responses(42).remove(0).0).unwrap();
/// // The host that set site 42's login cookies, outside its `/cart` path.
/// assert_eq!(url.host_str(), login.host_str());
/// assert!(42 < SITES && !url.path().starts_with("/cart"));
/// ```
pub const REQUEST_URL: &str = "https://www.site42.com/account/settings";

/// Sites in the [`HeaderFixture`] jars.
///
/// ```
/// use hardtack_benches::jar::{HeaderFixture, SITES};
/// let f = HeaderFixture::new();
/// let domains: std::collections::BTreeSet<_> = f.hardtack.iter().map(|c| c.domain()).collect();
/// // Per site: its registrable domain, and the host-only `www.` and `api.` cookies.
/// assert_eq!(domains.len(), 3 * SITES);
/// ```
pub const SITES: usize = 100;

/// Cookies each site sets in the [`HeaderFixture`] jars.
///
/// ```
/// use hardtack_benches::jar::{COOKIES_PER_SITE, site_responses};
/// // Three responses (login, cart, API) set a site's cookies between them.
/// let n: usize = site_responses(7).iter().map(|(_, v)| v.len()).sum();
/// assert_eq!(n, COOKIES_PER_SITE);
/// ```
pub const COOKIES_PER_SITE: usize = 10;

/// Cookies the [`HeaderFixture`] jars send to [`REQUEST_URL`]: all of site 42's but
/// the one scoped to `/cart` and the one set by (and only for) `api.site42.com`.
///
/// ```
/// use hardtack_benches::jar::{COOKIES_PER_SITE, HeaderFixture, REQUEST_COOKIES};
/// let mut f = HeaderFixture::new();
/// let h = hardtack_benches::jar::hardtack_cookie_header(&mut f.hardtack, &f.url);
/// assert_eq!(REQUEST_COOKIES, COOKIES_PER_SITE - 2);
/// assert_eq!(h.split("; ").count(), REQUEST_COOKIES);
/// assert!(h.split("; ").all(|p| !p.starts_with("cart=") && !p.starts_with("api_token=")));
/// ```
pub const REQUEST_COOKIES: usize = 8;

/// A login response's `Set-Cookie` values: a session, CSRF tokens, analytics, consent,
/// preferences and load-balancer stickiness, with the attributes they carry in the
/// wild (prefixes, `Domain` with and without a dot, default and explicit paths,
/// `Max-Age`, `Expires`, `SameSite`). Every one is valid for [`STORE_URL`] and both
/// jars store all 20.
///
/// ```
/// use hardtack_benches::jar::SET_COOKIES;
/// assert_eq!(SET_COOKIES.len(), 20);
/// ```
pub const SET_COOKIES: [&str; 20] = [
    "session_id=s%3A9f8b2c1d4e5a6b7c8d9e0f1a2b3c4d5e.Xk3lq9ZtR2pW8vN1; Path=/; Secure; HttpOnly; SameSite=Lax",
    "__Host-csrf=7d0c4f9a2b8e41c3a6f5d2e1b0c9a8f7; Path=/; Secure; HttpOnly; SameSite=Strict",
    "__Secure-refresh=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl; Domain=example.com; Path=/; Secure; HttpOnly; Max-Age=2592000",
    "_ga=GA1.2.1234567890.1700000000; Domain=.example.com; Path=/; Max-Age=63072000",
    "_gid=GA1.2.987654321.1700000000; Domain=.example.com; Path=/; Max-Age=86400",
    "_gat=1; Domain=.example.com; Path=/; Max-Age=60",
    "_fbp=fb.1.1700000000000.1234567890; Domain=.example.com; Path=/; Expires=Tue, 19 Jan 2038 03:14:07 GMT; SameSite=Lax",
    "theme=dark; Path=/; Max-Age=31536000",
    "lang=en-US; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT",
    "tz=Europe%2FBerlin; Path=/",
    "consent=necessary%2Cpreferences%2Cstatistics; Domain=example.com; Path=/; Max-Age=31536000; SameSite=Lax",
    "ab_test=checkout_variant_b; Path=/app",
    "remember_me=1; Path=/; Max-Age=1209600; Secure; HttpOnly",
    "cart_id=3f2b8c1e-9d4a-4e7b-a6c5-0f1e2d3c4b5a; Path=/; SameSite=Lax",
    "last_visit=1700000000; Path=/app; Max-Age=604800",
    "flash=Welcome%20back%21",
    "login_attempts=0; Max-Age=900; HttpOnly",
    "AWSALB=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4; Expires=Tue, 19 Jan 2038 03:14:07 GMT; Path=/",
    "AWSALBCORS=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4; Expires=Tue, 19 Jan 2038 03:14:07 GMT; Path=/; SameSite=None; Secure",
    "XSRF-TOKEN=b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9; Path=/; Secure; SameSite=Strict",
];

/// The public suffixes hardtack's jars know: the three TLDs of the fixtures. A short
/// fixed list, because `cookie_store` (as reqwest builds it) checks none.
///
/// ```
/// use hardtack_benches::jar::{SITES, STORE_URL, SUFFIXES, site_responses};
/// # let host = |u: &str| url::Url::parse(u).unwrap().host_str().unwrap().to_owned();
/// let is_listed = |u: &str| SUFFIXES.iter().any(|s| host(u).ends_with(&format!(".{s}")));
/// // The fixtures' TLDs: every host the jars see is under one of them.
/// assert!(is_listed(STORE_URL));
/// assert!((0..SITES).all(|i| is_listed(&site_responses(i)[0].0)));
/// ```
pub const SUFFIXES: &[&str] = &["com", "net", "org"];

/// hardtack's jar as the benchmarks use it.
///
/// ```
/// use hardtack_benches::jar::{HardtackJar, STORE_URL, hardtack_jar, now};
/// use hardtack_cookie::jar::{Context, RequestUrl};
/// let mut jar: HardtackJar = hardtack_jar();
/// let url = RequestUrl::parse(STORE_URL).unwrap();
/// // Its suffix list makes it refuse a cookie for every `.com` site.
/// assert_eq!(jar.store_response(&url, ["a=b; Domain=com"], now(), Context::http()), 0);
/// ```
pub type HardtackJar = Jar<FixedSuffixes<'static>>;

/// The fixed time hardtack's jars run at: 2026-01-01T00:00:00Z.
///
/// ```
/// assert_eq!(hardtack_benches::jar::now().year(), 2026);
/// ```
pub fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_767_225_600).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// An empty hardtack jar with the default limits and [`SUFFIXES`].
///
/// ```
/// assert!(hardtack_benches::jar::hardtack_jar().is_empty());
/// ```
pub fn hardtack_jar() -> HardtackJar {
    Jar::new(FixedSuffixes(SUFFIXES))
}

/// An empty `cookie_store` jar, as reqwest's `Jar::default()` makes it.
///
/// ```
/// assert_eq!(hardtack_benches::jar::cookie_store_jar().iter_any().count(), 0);
/// ```
pub fn cookie_store_jar() -> CookieStore {
    CookieStore::default()
}

/// `url::Url::parse` that cannot fail on the fixtures' constant URLs.
fn parse_url(s: &str) -> Url {
    Url::parse(s).unwrap_or_else(|e| panic!("fixture URL {s}: {e}"))
}

/// The input of `cookie_jar/store_response`: the response URL, parsed once.
///
/// ```
/// let f = hardtack_benches::jar::StoreFixture::new();
/// assert_eq!(f.url.as_str(), hardtack_benches::jar::STORE_URL);
/// ```
pub struct StoreFixture {
    /// [`STORE_URL`] as the client holds it.
    pub url: Url,
    /// The `Set-Cookie` values of the response ([`SET_COOKIES`]).
    pub set_cookies: &'static [&'static str],
}

impl StoreFixture {
    /// The fixture for [`STORE_URL`] and [`SET_COOKIES`].
    ///
    /// ```
    /// assert_eq!(hardtack_benches::jar::StoreFixture::new().set_cookies.len(), 20);
    /// ```
    pub fn new() -> Self {
        StoreFixture {
            url: parse_url(STORE_URL),
            set_cookies: &SET_COOKIES,
        }
    }
}

impl Default for StoreFixture {
    fn default() -> Self {
        Self::new()
    }
}

/// hardtack `Jar::store_response` of the fixture's response into `jar`; returns how
/// many cookies it stored.
///
/// ```
/// use hardtack_benches::jar::{hardtack_jar, hardtack_store, StoreFixture};
/// let mut jar = hardtack_jar();
/// assert_eq!(hardtack_store(&mut jar, &StoreFixture::new()), 20);
/// assert_eq!(jar.len(), 20);
/// ```
pub fn hardtack_store(jar: &mut HardtackJar, f: &StoreFixture) -> usize {
    let Ok(url) = RequestUrl::parse(f.url.as_str()) else {
        return 0;
    };
    jar.store_response(&url, f.set_cookies.iter().copied(), now(), Context::http())
}

/// `cookie_store` `CookieStore::store_response_cookies` of the fixture's response into
/// `store`, each value parsed with `cookie::Cookie::parse` and made owned (what reqwest
/// does); returns how many values parsed (the store reports nothing).
///
/// ```
/// use hardtack_benches::jar::{cookie_store_jar, cookie_store_store, StoreFixture};
/// let mut store = cookie_store_jar();
/// assert_eq!(cookie_store_store(&mut store, &StoreFixture::new()), 20);
/// assert_eq!(store.iter_any().count(), 20);
/// ```
pub fn cookie_store_store(store: &mut CookieStore, f: &StoreFixture) -> usize {
    let mut parsed = 0;
    let cookies = f
        .set_cookies
        .iter()
        .filter_map(|h| RawCookie::parse(*h).ok())
        .map(|c| {
            parsed += 1;
            c.into_owned()
        });
    store.store_response_cookies(cookies, &f.url);
    parsed
}

/// The `Set-Cookie` values site `i` sets, and the URL of the response that sets each
/// batch: 8 from `https://www.siteI.TLD/account/login`, 1 from `www` again for the
/// `/cart` path, 1 from `https://api.siteI.TLD/v1/auth`. Values are distinct per site.
///
/// ```
/// let batches = hardtack_benches::jar::site_responses(42);
/// assert_eq!(batches.iter().map(|(_, v)| v.len()).sum::<usize>(), 10);
/// assert_eq!(batches[0].0, "https://www.site42.com/account/login");
/// ```
pub fn site_responses(i: usize) -> Vec<(String, Vec<String>)> {
    let tld = SUFFIXES[i % SUFFIXES.len()];
    let site = format!("site{i}.{tld}");
    let www = format!("https://www.{site}/account/login");
    let api = format!("https://api.{site}/v1/auth");
    let login = vec![
        format!(
            "sid={i:04}a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6; Domain={site}; Path=/; Secure; HttpOnly; SameSite=Lax"
        ),
        format!(
            "_ga=GA1.2.{:010}.1700000000; Domain=.{site}; Path=/; Max-Age=63072000",
            i * 7919
        ),
        format!(
            "_gid=GA1.2.{:09}.1700000000; Domain=.{site}; Path=/; Max-Age=86400",
            i * 104_729
        ),
        format!("theme={}; Path=/", ["dark", "light", "auto"][i % 3]),
        "lang=en-US; Path=/; Expires=Thu, 01 Jan 2099 00:00:00 GMT".to_owned(),
        format!("csrftoken={i:04}f0e1d2c3b4a5968778695a4b3c2d1e0f; Secure; SameSite=Strict"),
        format!(
            "consent=necessary%2Cstatistics; Domain={site}; Path=/; Max-Age=31536000; Secure; SameSite=None"
        ),
        format!("__Host-session={i:04}Zm9vYmFyYmF6cXV4Zm9vYmFy; Path=/; Secure; HttpOnly"),
    ];
    let cart = vec![format!(
        "cart={i:04}-3f2b8c1e-9d4a-4e7b-a6c5; Domain={site}; Path=/cart; Max-Age=604800"
    )];
    let token = vec![format!(
        "api_token={i:04}eyJhbGciOiJIUzI1NiJ9; Path=/; Secure; HttpOnly"
    )];
    vec![(www.clone(), login), (www, cart), (api, token)]
}

/// The input of `cookie_jar/request_header`: both jars filled with the same 1,000
/// cookies ([`SITES`] × [`COOKIES_PER_SITE`], from [`site_responses`]) and the request
/// URL, parsed once.
///
/// ```
/// let f = hardtack_benches::jar::HeaderFixture::new();
/// assert_eq!(f.hardtack.len(), 1000);
/// assert_eq!(f.cookie_store.iter_any().count(), 1000);
/// ```
pub struct HeaderFixture {
    /// hardtack's jar.
    pub hardtack: HardtackJar,
    /// `cookie_store`'s jar.
    pub cookie_store: CookieStore,
    /// [`REQUEST_URL`] as the client holds it.
    pub url: Url,
}

impl HeaderFixture {
    /// Fills both jars, site by site, each through its own store path.
    ///
    /// ```
    /// let f = hardtack_benches::jar::HeaderFixture::new();
    /// assert_eq!(f.url.as_str(), hardtack_benches::jar::REQUEST_URL);
    /// ```
    pub fn new() -> Self {
        let mut hardtack = hardtack_jar();
        let mut cookie_store = cookie_store_jar();
        for i in 0..SITES {
            for (url, set_cookies) in site_responses(i) {
                if let Ok(u) = RequestUrl::parse(&url) {
                    hardtack.store_response(
                        &u,
                        set_cookies.iter().map(String::as_str),
                        now(),
                        Context::http(),
                    );
                }
                let url = parse_url(&url);
                let raw = set_cookies
                    .iter()
                    .filter_map(|h| RawCookie::parse(h.as_str()).ok())
                    .map(RawCookie::into_owned);
                cookie_store.store_response_cookies(raw, &url);
            }
        }
        HeaderFixture {
            hardtack,
            cookie_store,
            url: parse_url(REQUEST_URL),
        }
    }
}

impl Default for HeaderFixture {
    fn default() -> Self {
        Self::new()
    }
}

/// hardtack `Jar::cookie_header` for `url` (parsed from the client's `Url`), at
/// [`now`]. Empty when no cookie applies.
///
/// ```
/// use hardtack_benches::jar::{hardtack_cookie_header, HeaderFixture};
/// let mut f = HeaderFixture::new();
/// let h = hardtack_cookie_header(&mut f.hardtack, &f.url);
/// assert!(h.starts_with("csrftoken=0042"), "{h}"); // the longest path comes first
/// ```
pub fn hardtack_cookie_header(jar: &mut HardtackJar, url: &Url) -> String {
    let Ok(url) = RequestUrl::parse(url.as_str()) else {
        return String::new();
    };
    jar.cookie_header(&url, now(), Context::http())
        .unwrap_or_default()
}

/// `cookie_store` `CookieStore::get_request_values` for `url`, joined into one header
/// string (`name=value; ...`, in the store's order). reqwest formats each pair into
/// its own `String` and joins them; this writes them into one, which is cheaper.
///
/// ```
/// use hardtack_benches::jar::{cookie_store_cookie_header, HeaderFixture};
/// let f = HeaderFixture::new();
/// let h = cookie_store_cookie_header(&f.cookie_store, &f.url);
/// assert_eq!(h.split("; ").count(), hardtack_benches::jar::REQUEST_COOKIES);
/// ```
pub fn cookie_store_cookie_header(store: &CookieStore, url: &Url) -> String {
    let mut h = String::new();
    for (name, value) in store.get_request_values(url) {
        if !h.is_empty() {
            h.push_str("; ");
        }
        let _ = write!(h, "{name}={value}");
    }
    h
}

/// [`hardtack_cookie_header`] for the fixture's request; returns the header's length.
///
/// ```
/// use hardtack_benches::jar::{hardtack_header, HeaderFixture};
/// let mut f = HeaderFixture::new();
/// assert!(hardtack_header(&mut f) > 0);
/// ```
pub fn hardtack_header(f: &mut HeaderFixture) -> usize {
    hardtack_cookie_header(&mut f.hardtack, &f.url).len()
}

/// [`cookie_store_cookie_header`] for the fixture's request; returns the header's
/// length.
///
/// ```
/// use hardtack_benches::jar::{cookie_store_header, hardtack_header, HeaderFixture};
/// let mut f = HeaderFixture::new();
/// assert_eq!(cookie_store_header(&f), hardtack_header(&mut f));
/// ```
pub fn cookie_store_header(f: &HeaderFixture) -> usize {
    cookie_store_cookie_header(&f.cookie_store, &f.url).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_pairs(header: &str) -> Vec<String> {
        let mut pairs: Vec<String> = header.split("; ").map(str::to_owned).collect();
        pairs.sort();
        pairs
    }

    #[test]
    fn both_jars_store_the_whole_response() {
        let f = StoreFixture::new();
        let mut ours = hardtack_jar();
        let mut theirs = cookie_store_jar();
        assert_eq!(hardtack_store(&mut ours, &f), SET_COOKIES.len());
        assert_eq!(cookie_store_store(&mut theirs, &f), SET_COOKIES.len());
        assert_eq!(ours.len(), SET_COOKIES.len());
        assert_eq!(theirs.iter_any().count(), SET_COOKIES.len());
        assert_eq!(
            theirs.iter_unexpired().count(),
            SET_COOKIES.len(),
            "none expired"
        );

        let mut a: Vec<(String, String)> = ours
            .iter()
            .map(|c| (c.name().to_owned(), c.value().to_owned()))
            .collect();
        let mut b: Vec<(String, String)> = theirs
            .iter_any()
            .map(|c| (c.name().to_owned(), c.value().to_owned()))
            .collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }

    #[test]
    fn storing_into_a_used_jar_replaces() {
        // The benchmark needs a fresh jar per iteration: a second store only replaces.
        let f = StoreFixture::new();
        let mut ours = hardtack_jar();
        hardtack_store(&mut ours, &f);
        hardtack_store(&mut ours, &f);
        assert_eq!(ours.len(), SET_COOKIES.len());
    }

    #[test]
    fn both_jars_hold_the_same_thousand_cookies() {
        let f = HeaderFixture::new();
        assert_eq!(f.hardtack.len(), SITES * COOKIES_PER_SITE);
        assert_eq!(
            f.cookie_store.iter_unexpired().count(),
            SITES * COOKIES_PER_SITE
        );
        let domains: std::collections::BTreeSet<&str> =
            f.hardtack.iter().map(|c| c.domain()).collect();
        // Each site's cookies sit under its domain, `www.` and `api.` (host-only).
        assert_eq!(domains.len(), 3 * SITES);
    }

    #[test]
    fn both_jars_send_the_same_pairs() {
        let mut f = HeaderFixture::new();
        let ours = hardtack_cookie_header(&mut f.hardtack, &f.url);
        let theirs = cookie_store_cookie_header(&f.cookie_store, &f.url);
        assert_eq!(sorted_pairs(&ours), sorted_pairs(&theirs));
        assert_eq!(ours.split("; ").count(), REQUEST_COOKIES);
        assert_eq!(ours.len(), theirs.len());
        assert!(
            !ours.contains("cart=") && !ours.contains("api_token="),
            "{ours}"
        );
        assert!(
            ours.split("; ")
                .all(|p| p.contains("0042") || !p.starts_with("sid"))
        );
        // Retrieval is repeatable (hardtack records the access, nothing else changes).
        assert_eq!(hardtack_cookie_header(&mut f.hardtack, &f.url), ours);
    }
}
