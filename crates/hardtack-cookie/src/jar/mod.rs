//! A browser-grade cookie jar: RFC 6265bis §5.7 storage and §5.8 retrieval.
//!
//! The other side of the `Set-Cookie` header, for HTTP clients, crawlers, proxies and
//! test harnesses: store what a response sets the way a browser would, and produce the
//! `Cookie` header for the next request.
//!
//! * Input is a [`RequestUrl`] (parsed without allocating), the `Set-Cookie` strings,
//!   the current time (injected, so tests pin the clock) and a [`Context`].
//! * Public suffixes come through the [`PublicSuffixes`] trait: `PslSuffixes`
//!   (feature `psl`), [`FixedSuffixes`] or [`NoSuffixes`].
//! * Memory is bounded by [`Config`] limits, whatever the servers send.
//! * [`Jar::save`] and [`Jar::load`] keep the jar in a versioned text format.
//!
//! ```
//! use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
//! use time::OffsetDateTime;
//!
//! let mut jar = Jar::new(FixedSuffixes(&["com"]));
//! let now = OffsetDateTime::from_unix_timestamp(1_700_000_000)?;
//! let login = RequestUrl::parse("https://accounts.example.com/login")?;
//! let stored = jar.store_response(
//!     &login,
//!     ["sid=abc; Domain=example.com; Path=/; Secure; HttpOnly", "theme=dark", "bad=1; Domain=com"],
//!     now,
//!     Context::http(),
//! );
//! assert_eq!(stored, 2); // `Domain=com` is a public suffix
//!
//! let next = RequestUrl::parse("https://www.example.com/home")?;
//! assert_eq!(jar.cookie_header(&next, now, Context::http()).as_deref(), Some("sid=abc"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! See `docs/jar.md` in the repository for every rule, the limits and the deviations.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::fmt;

use time::OffsetDateTime;

mod config;
mod context;
mod entry;
mod evict;
mod matching;
mod persist;
mod retrieve;
mod store;
mod suffix;
mod url;

pub use config::Config;
pub use context::{Context, Site};
pub use entry::StoredCookie;
pub use persist::{LoadError, LoadErrorKind, SessionCookies};
pub use store::{Rejection, Stored};
#[cfg(feature = "psl")]
pub use suffix::PslSuffixes;
pub use suffix::{FixedSuffixes, NoSuffixes, PublicSuffixes};
pub use url::{HostKind, RequestUrl, Scheme, UrlError};

use entry::{Entry, clamp_unix};

/// The cookies that share one domain field.
#[derive(Clone)]
struct Bucket {
    /// Lower case.
    domain: Box<str>,
    cookies: Vec<Entry>,
}

/// A cookie store following RFC 6265bis §5.7–5.8.
///
/// `S` decides which domains are public suffixes. A jar is plain data (`Send`,
/// `Sync`); retrieval takes `&mut self` because it records each cookie's last access,
/// which eviction relies on.
///
/// Cookies are grouped by domain in a sorted vector, so a lookup costs one binary
/// search per label of the request host, and producing a `Cookie` header into a reused
/// buffer does not allocate once the jar has served a request of that size.
///
/// ```
/// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
/// use time::OffsetDateTime;
///
/// let mut jar = Jar::new(FixedSuffixes(&["org"]));
/// let now = OffsetDateTime::UNIX_EPOCH;
/// let url = RequestUrl::parse("http://home.example.org:8888/cookie-parser?0001")?;
/// jar.store(&url, "foo=bar", now, Context::http())?;
/// let next = RequestUrl::parse("http://home.example.org:8888/cookie-parser-result?0001")?;
/// assert_eq!(jar.cookie_header(&next, now, Context::http()).as_deref(), Some("foo=bar"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Jar<S> {
    suffixes: S,
    config: Config,
    /// Sorted by domain read backwards ([`matching::cmp_reversed`]), so a domain and
    /// its subdomains are neighbours.
    buckets: Vec<Bucket>,
    len: usize,
    next_seq: u64,
    /// Reused by retrieval so that producing a header needs no allocation.
    scratch: Vec<(usize, usize)>,
}

impl<S: PublicSuffixes> Jar<S> {
    /// An empty jar with the default [`Config`].
    ///
    /// ```
    /// use hardtack_cookie::jar::{FixedSuffixes, Jar};
    /// let jar = Jar::new(FixedSuffixes(&["com", "org"]));
    /// assert!(jar.is_empty());
    /// ```
    pub fn new(suffixes: S) -> Self {
        Jar::with_config(suffixes, Config::new())
    }

    /// An empty jar with the given limits and policy.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Config, FixedSuffixes, Jar};
    /// let jar = Jar::with_config(FixedSuffixes(&[]), Config::new().max_cookies(100));
    /// assert_eq!(jar.config().cookies_limit(), 100);
    /// ```
    pub fn with_config(suffixes: S, config: Config) -> Self {
        Jar {
            suffixes,
            config,
            buckets: Vec::new(),
            len: 0,
            next_seq: 0,
            scratch: Vec::new(),
        }
    }
}

/// An empty jar with the default [`Config`] and the suffix list's default, for
/// example `Jar::<PslSuffixes>::default()`.
impl<S: PublicSuffixes + Default> Default for Jar<S> {
    fn default() -> Self {
        Jar::new(S::default())
    }
}

impl<S> Jar<S> {
    /// The limits and policy.
    ///
    /// ```
    /// use hardtack_cookie::jar::{FixedSuffixes, Jar};
    /// assert_eq!(Jar::new(FixedSuffixes(&[])).config().cookies_per_domain_limit(), 180);
    /// ```
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The public suffix list.
    ///
    /// ```
    /// use hardtack_cookie::jar::{FixedSuffixes, Jar};
    /// assert_eq!(Jar::new(FixedSuffixes(&["com"])).suffixes().0, ["com"]);
    /// ```
    pub fn suffixes(&self) -> &S {
        &self.suffixes
    }

    /// How many cookies the jar holds, expired ones not yet evicted included.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let url = RequestUrl::parse("http://example.com/")?;
    /// jar.store_response(&url, ["a=1", "b=2"], time::OffsetDateTime::UNIX_EPOCH, Context::http());
    /// assert_eq!(jar.len(), 2);
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the jar holds no cookie.
    ///
    /// ```
    /// use hardtack_cookie::jar::{FixedSuffixes, Jar};
    /// assert!(Jar::new(FixedSuffixes(&[])).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every stored cookie, grouped by domain (in no other particular order). Does not
    /// count as an access.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let url = RequestUrl::parse("http://example.com/")?;
    /// jar.store_response(&url, ["a=1", "b=2"], time::OffsetDateTime::UNIX_EPOCH, Context::http());
    /// let mut names: Vec<_> = jar.iter().map(|c| c.name()).collect();
    /// names.sort();
    /// assert_eq!(names, ["a", "b"]);
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = StoredCookie<'_>> {
        self.buckets.iter().flat_map(|b| {
            b.cookies.iter().map(move |entry| StoredCookie {
                domain: &b.domain,
                entry,
            })
        })
    }

    /// Removes every cookie.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let url = RequestUrl::parse("http://example.com/")?;
    /// jar.store(&url, "a=1", time::OffsetDateTime::UNIX_EPOCH, Context::http())?;
    /// jar.clear();
    /// assert!(jar.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clear(&mut self) {
        self.buckets.clear();
        self.len = 0;
    }

    /// Ends the session: removes every cookie without `Max-Age` or `Expires`
    /// (RFC 6265bis §5.7). Returns how many were removed.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let url = RequestUrl::parse("http://example.com/")?;
    /// jar.store_response(&url, ["a=1", "b=2; Max-Age=60"], time::OffsetDateTime::UNIX_EPOCH, Context::http());
    /// assert_eq!(jar.end_session(), 1);
    /// assert_eq!(jar.iter().next().map(|c| c.name()), Some("b"));
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub fn end_session(&mut self) -> usize {
        self.retain_entries(|e| e.expiry.is_some())
    }

    /// Removes the cookies that have expired at `now`. Returns how many were removed.
    /// Expired cookies are never sent; this frees their memory early.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// use time::{Duration, OffsetDateTime};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let url = RequestUrl::parse("http://example.com/")?;
    /// let t0 = OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&url, "a=1; Max-Age=60", t0, Context::http())?;
    /// assert_eq!(jar.remove_expired(t0 + Duration::minutes(2)), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove_expired(&mut self, now: OffsetDateTime) -> usize {
        let now = clamp_unix(now.unix_timestamp());
        self.retain_entries(|e| !e.is_expired(now))
    }

    /// Keeps only the cookies for which `keep` returns true, and returns how many were
    /// removed: the "user controls" of RFC 6265bis §7.2 (delete a site's cookies, a
    /// time range, one cookie).
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let now = time::OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&RequestUrl::parse("http://a.example/")?, "x=1", now, Context::http())?;
    /// jar.store(&RequestUrl::parse("http://b.example/")?, "y=1", now, Context::http())?;
    /// assert_eq!(jar.retain(|c| c.domain() != "a.example"), 1);
    /// assert_eq!(jar.iter().map(|c| c.name()).collect::<Vec<_>>(), ["y"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retain(&mut self, mut keep: impl FnMut(&StoredCookie<'_>) -> bool) -> usize {
        let before = self.len;
        for Bucket { domain, cookies } in &mut self.buckets {
            cookies.retain(|entry| keep(&StoredCookie { domain, entry }));
        }
        self.buckets.retain(|b| !b.cookies.is_empty());
        self.len = self.buckets.iter().map(|b| b.cookies.len()).sum();
        before - self.len
    }

    /// Keeps the entries for which `keep` is true; returns how many were removed.
    fn retain_entries(&mut self, mut keep: impl FnMut(&Entry) -> bool) -> usize {
        let before = self.len;
        for b in &mut self.buckets {
            b.cookies.retain(&mut keep);
        }
        self.buckets.retain(|b| !b.cookies.is_empty());
        self.len = self.buckets.iter().map(|b| b.cookies.len()).sum();
        before - self.len
    }

    /// The bucket for `domain` (any case), or where it would go.
    fn find(&self, domain: &str) -> Result<usize, usize> {
        self.buckets
            .binary_search_by(|b| matching::cmp_reversed(b.domain.as_bytes(), domain.as_bytes()))
    }

    /// Heap bytes held by cookie strings, for tests of the memory bound.
    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        self.buckets
            .iter()
            .map(|b| b.domain.len() + b.cookies.iter().map(Entry::heap_bytes).sum::<usize>())
            .sum()
    }
}

/// Shows the size and configuration, never a cookie.
impl<S> fmt::Debug for Jar<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Jar")
            .field("cookies", &self.len)
            .field("domains", &self.buckets.len())
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;
