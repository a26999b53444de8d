//! One stored cookie, and the borrowed view the jar hands out.

use alloc::boxed::Box;
use core::fmt;

use time::OffsetDateTime;

use crate::SameSite;

/// Earliest and latest instants `time` can represent, as Unix seconds. Every time the
/// jar stores is clamped into this range, so turning it back into an
/// `OffsetDateTime` cannot fail.
pub(crate) const MIN_UNIX: i64 = time::PrimitiveDateTime::MIN.assume_utc().unix_timestamp();
pub(crate) const MAX_UNIX: i64 = time::PrimitiveDateTime::MAX.assume_utc().unix_timestamp();

pub(crate) fn clamp_unix(t: i64) -> i64 {
    t.clamp(MIN_UNIX, MAX_UNIX)
}

fn to_datetime(t: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(clamp_unix(t)).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// A cookie in the store. Its domain lives in the bucket that holds it.
///
/// Name and value share one allocation: a stored cookie costs two heap blocks.
#[derive(Clone)]
pub(crate) struct Entry {
    pub(crate) name_value: Box<str>,
    pub(crate) name_len: usize,
    pub(crate) path: Box<str>,
    pub(crate) host_only: bool,
    /// Unix seconds; `None` for a session cookie.
    pub(crate) expiry: Option<i64>,
    pub(crate) created: i64,
    /// Breaks ties between cookies created in the same second: creation order.
    pub(crate) seq: u64,
    pub(crate) accessed: i64,
    pub(crate) secure: bool,
    pub(crate) http_only: bool,
    pub(crate) partitioned: bool,
    /// `None` is "Default" enforcement.
    pub(crate) same_site: Option<SameSite>,
}

impl Entry {
    pub(crate) fn name(&self) -> &str {
        self.name_value.get(..self.name_len).unwrap_or_default()
    }

    pub(crate) fn value(&self) -> &str {
        self.name_value.get(self.name_len..).unwrap_or_default()
    }

    pub(crate) fn is_expired(&self, now: i64) -> bool {
        self.expiry.is_some_and(|e| e <= now)
    }

    /// Bytes this cookie keeps on the heap, for the documented memory bound.
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.name_value.len() + self.path.len()
    }
}

/// A cookie in a [`Jar`](super::Jar), borrowed from it.
///
/// ```
/// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
/// use time::OffsetDateTime;
///
/// let mut jar = Jar::new(FixedSuffixes(&["com"]));
/// let url = RequestUrl::parse("https://www.example.com/shop/cart")?;
/// let now = OffsetDateTime::from_unix_timestamp(1_700_000_000)?;
/// jar.store(&url, "sid=42; Domain=example.com; Secure; HttpOnly; Max-Age=60", now, Context::http())?;
///
/// let c = jar.iter().next().unwrap();
/// assert_eq!((c.name(), c.value(), c.domain(), c.path()), ("sid", "42", "example.com", "/shop"));
/// assert!(!c.host_only() && c.secure() && c.http_only() && c.is_persistent());
/// assert_eq!(c.expires().map(|t| t.unix_timestamp()), Some(1_700_000_060));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct StoredCookie<'j> {
    pub(crate) domain: &'j str,
    pub(crate) entry: &'j Entry,
}

impl<'j> StoredCookie<'j> {
    /// The name (empty for a nameless cookie, which is sent as its bare value).
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let url = RequestUrl::parse("http://example.com/")?;
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&url, "token", now, Context::http())?;
    /// assert_eq!(jar.iter().next().unwrap().name(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &'j str {
        self.entry.name()
    }

    /// The value, exactly as the server sent it.
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let url = RequestUrl::parse("http://example.com/")?;
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&url, "a=\"quoted\"", now, Context::http())?;
    /// assert_eq!(jar.iter().next().unwrap().value(), "\"quoted\"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(&self) -> &'j str {
        self.entry.value()
    }

    /// The domain, lower case: the request host for a host-only cookie, otherwise the
    /// `Domain` attribute without its leading dot.
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// let url = RequestUrl::parse("http://WWW.Example.COM/")?;
    /// jar.store(&url, "a=1", now, Context::http())?;
    /// assert_eq!(jar.iter().next().unwrap().domain(), "www.example.com");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn domain(&self) -> &'j str {
        self.domain
    }

    /// Whether the cookie is sent to its domain only (no `Domain` attribute), rather
    /// than to its subdomains too.
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// # let url = RequestUrl::parse("http://example.com/")?;
    /// jar.store(&url, "a=1", now, Context::http())?;
    /// assert!(jar.iter().next().unwrap().host_only());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn host_only(&self) -> bool {
        self.entry.host_only
    }

    /// The path.
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// let url = RequestUrl::parse("http://example.com/docs/index.html")?;
    /// jar.store(&url, "a=1", now, Context::http())?;
    /// assert_eq!(jar.iter().next().unwrap().path(), "/docs");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn path(&self) -> &'j str {
        &self.entry.path
    }

    /// When the cookie expires; `None` for a session cookie.
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let url = RequestUrl::parse("http://example.com/")?;
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&url, "a=1", now, Context::http())?;
    /// assert_eq!(jar.iter().next().unwrap().expires(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expires(&self) -> Option<OffsetDateTime> {
        self.entry.expiry.map(to_datetime)
    }

    /// Whether the cookie outlives the session (it has `Max-Age` or `Expires`).
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let url = RequestUrl::parse("http://example.com/")?;
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&url, "a=1; Max-Age=10", now, Context::http())?;
    /// assert!(jar.iter().next().unwrap().is_persistent());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_persistent(&self) -> bool {
        self.entry.expiry.is_some()
    }

    /// When the cookie was first created (kept when a later `Set-Cookie` replaces it).
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let url = RequestUrl::parse("http://example.com/")?;
    /// let t0 = time::OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&url, "a=1", t0, Context::http())?;
    /// jar.store(&url, "a=2", t0 + time::Duration::HOUR, Context::http())?;
    /// assert_eq!(jar.iter().next().unwrap().created(), t0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn created(&self) -> OffsetDateTime {
        to_datetime(self.entry.created)
    }

    /// When the cookie was last stored or sent.
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let url = RequestUrl::parse("http://example.com/")?;
    /// let t0 = time::OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&url, "a=1", t0, Context::http())?;
    /// let later = t0 + time::Duration::HOUR;
    /// jar.cookie_header(&url, later, Context::http());
    /// assert_eq!(jar.iter().next().unwrap().last_accessed(), later);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn last_accessed(&self) -> OffsetDateTime {
        to_datetime(self.entry.accessed)
    }

    /// Whether the cookie is only sent over secure connections.
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// let url = RequestUrl::parse("https://example.com/")?;
    /// jar.store(&url, "a=1; Secure", now, Context::http())?;
    /// assert!(jar.iter().next().unwrap().secure());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn secure(&self) -> bool {
        self.entry.secure
    }

    /// Whether the cookie is hidden from non-HTTP APIs.
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let url = RequestUrl::parse("http://example.com/")?;
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&url, "a=1; HttpOnly", now, Context::http())?;
    /// assert!(jar.iter().next().unwrap().http_only());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn http_only(&self) -> bool {
        self.entry.http_only
    }

    /// Whether the cookie carried `Partitioned` (CHIPS). The jar records the flag; a
    /// browser-like client that keys storage by top-level site partitions by it.
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// let url = RequestUrl::parse("https://example.com/")?;
    /// jar.store(&url, "a=1; Secure; Partitioned", now, Context::http())?;
    /// assert!(jar.iter().next().unwrap().partitioned());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn partitioned(&self) -> bool {
        self.entry.partitioned
    }

    /// The `SameSite` enforcement; `None` means "Default" (no valid attribute).
    ///
    /// ```
    /// # use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// # let mut jar = Jar::new(FixedSuffixes(&[]));
    /// # let url = RequestUrl::parse("http://example.com/")?;
    /// # let now = time::OffsetDateTime::UNIX_EPOCH;
    /// jar.store(&url, "a=1; SameSite=Strict", now, Context::http())?;
    /// assert_eq!(jar.iter().next().unwrap().same_site(), Some(hardtack_cookie::SameSite::Strict));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn same_site(&self) -> Option<SameSite> {
        self.entry.same_site
    }
}

/// Shows everything but the value, which is usually a credential.
impl fmt::Debug for StoredCookie<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredCookie")
            .field("name", &self.name())
            .field(
                "value",
                &format_args!("<{} bytes redacted>", self.value().len()),
            )
            .field("domain", &self.domain)
            .field("host_only", &self.entry.host_only)
            .field("path", &self.path())
            .field("expiry", &self.entry.expiry)
            .field("created", &self.entry.created)
            .field("accessed", &self.entry.accessed)
            .field("secure", &self.entry.secure)
            .field("http_only", &self.entry.http_only)
            .field("partitioned", &self.entry.partitioned)
            .field("same_site", &self.entry.same_site)
            .finish()
    }
}
