//! The storage model of RFC 6265bis §5.7: what a browser does with a `Set-Cookie`.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use time::OffsetDateTime;

use super::entry::{Entry, MIN_UNIX, clamp_unix};
use super::matching::{default_path, domain_match, path_match};
use super::{Bucket, Context, HostKind, Jar, PublicSuffixes, RequestUrl};
use crate::parse::{MAX_ATTRIBUTE_VALUE, MAX_NAME_VALUE};
use crate::{ParseError, Prefix, Profile, SameSite, SetCookie, class};

/// RFC 6265bis §5.6.1–5.6.2: no expiry lies more than 400 days ahead.
const MAX_LIFETIME: i64 = 400 * 86_400;

/// What storing a cookie did.
///
/// ```
/// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl, Stored};
/// let mut jar = Jar::new(FixedSuffixes(&[]));
/// let url = RequestUrl::parse("http://example.com/")?;
/// let now = time::OffsetDateTime::UNIX_EPOCH;
/// assert_eq!(jar.store(&url, "a=1", now, Context::http())?, Stored::Added);
/// assert_eq!(jar.store(&url, "a=2", now, Context::http())?, Stored::Replaced);
/// assert_eq!(jar.store(&url, "a=; Max-Age=0", now, Context::http())?, Stored::Deleted);
/// assert_eq!(jar.store(&url, "a=; Max-Age=0", now, Context::http())?, Stored::Expired);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stored {
    /// A new cookie was added.
    Added,
    /// A cookie with the same name, domain, host-only flag and path was replaced
    /// (keeping its creation time).
    Replaced,
    /// The cookie had already expired and deleted the stored cookie it matched.
    Deleted,
    /// The cookie had already expired and matched nothing; the jar is unchanged.
    Expired,
}

/// Why the jar ignored a `Set-Cookie`, with the RFC 6265bis rule that says so.
///
/// ```
/// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, Rejection, RequestUrl};
/// let mut jar = Jar::new(FixedSuffixes(&["com"]));
/// let url = RequestUrl::parse("http://www.example.com/")?;
/// let now = time::OffsetDateTime::UNIX_EPOCH;
/// let err = jar.store(&url, "a=1; Domain=com", now, Context::http()).unwrap_err();
/// assert_eq!(err, Rejection::PublicSuffix);
/// assert_eq!(err.to_string(), "the Domain attribute is a public suffix");
/// # Ok::<(), hardtack_cookie::jar::UrlError>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rejection {
    /// The `Set-Cookie` string does not parse (§5.6): a control character, name and
    /// value over 4096 bytes, or nothing but whitespace.
    Parse(ParseError),
    /// Name and value are both empty (§5.7 step 2).
    Empty,
    /// A nameless cookie whose value starts with `__Secure-` or `__Host-`, which would
    /// be sent as if it carried the prefix.
    NamelessPrefix,
    /// The `Domain` attribute is not ASCII (§5.7; hardtack does no IDNA).
    NonAsciiDomain,
    /// The `Domain` attribute is a public suffix other than the request host (§5.7
    /// step 6).
    PublicSuffix,
    /// The request host does not domain-match the `Domain` attribute (§5.7 step 7).
    DomainMismatch,
    /// The default path, taken from the request URL, is longer than 1024 bytes (an
    /// explicit longer `Path` is already ignored by the parser).
    PathTooLong,
    /// `Secure` from a URL that is not secure (§5.7 step 10).
    InsecureOrigin,
    /// `HttpOnly` set through a non-HTTP API (§5.7 step 12).
    HttpOnlyFromScript,
    /// A non-`Secure` cookie from an insecure URL would shadow a stored `Secure`
    /// cookie of the same name (§5.7 step 13).
    ShadowsSecure,
    /// A `SameSite=Strict`, `Lax` or default cookie set by a cross-site request that is
    /// not a top-level navigation (§5.7 step 15).
    CrossSite,
    /// `SameSite=None` without `Secure`.
    SameSiteNoneInsecure,
    /// A `__Secure-` cookie without `Secure` (§5.7 step 16; prefixes are matched
    /// case-insensitively).
    SecurePrefix,
    /// A `__Host-` cookie without `Secure`, with a `Domain` attribute, or without
    /// `Path=/` (§5.7 step 17).
    HostPrefix,
    /// `Partitioned` without `Secure` (CHIPS).
    PartitionedInsecure,
    /// A non-HTTP API tried to overwrite an `HttpOnly` cookie (§5.7 step 18).
    OverwritesHttpOnly,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Parse(e) => write!(f, "unparsable Set-Cookie: {e}"),
            Rejection::Empty => f.write_str("empty cookie name and value"),
            Rejection::NamelessPrefix => {
                f.write_str("nameless cookie whose value starts with a cookie prefix")
            }
            Rejection::NonAsciiDomain => f.write_str("non-ASCII Domain attribute"),
            Rejection::PublicSuffix => f.write_str("the Domain attribute is a public suffix"),
            Rejection::DomainMismatch => {
                f.write_str("the request host does not domain-match the Domain attribute")
            }
            Rejection::PathTooLong => f.write_str("default path longer than 1024 bytes"),
            Rejection::InsecureOrigin => f.write_str("cookie with Secure from an insecure URL"),
            Rejection::HttpOnlyFromScript => {
                f.write_str("cookie with HttpOnly from a non-HTTP API")
            }
            Rejection::ShadowsSecure => {
                f.write_str("non-Secure cookie would shadow a Secure cookie")
            }
            Rejection::CrossSite => f.write_str("same-site cookie from a cross-site request"),
            Rejection::SameSiteNoneInsecure => {
                f.write_str("cookie with SameSite=None but not Secure")
            }
            Rejection::SecurePrefix => f.write_str("cookie prefixed __Secure- but not Secure"),
            Rejection::HostPrefix => {
                f.write_str("cookie prefixed __Host- without Secure and Path=/, or with Domain")
            }
            Rejection::PartitionedInsecure => f.write_str("cookie with Partitioned but not Secure"),
            Rejection::OverwritesHttpOnly => {
                f.write_str("non-HTTP API cannot overwrite an HttpOnly cookie")
            }
        }
    }
}

impl core::error::Error for Rejection {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Rejection::Parse(e) => Some(e),
            _ => None,
        }
    }
}

/// The cookie's scope once the Domain attribute has been checked.
struct Scope<'u> {
    /// Lower case when borrowed from a `Domain` attribute; the host (any case) otherwise.
    domain: Cow<'u, str>,
    host_only: bool,
}

impl<S: PublicSuffixes> Jar<S> {
    /// Stores one `Set-Cookie` header value received in the response to `url`.
    ///
    /// Parses it with [`Profile::Lenient`] (the browser algorithm), then runs the
    /// storage model. `now` is the current time, injected so that tests can pin it.
    ///
    /// # Errors
    /// A [`Rejection`] when a browser would ignore the cookie; the jar is unchanged.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, Rejection, RequestUrl, Stored};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let url = RequestUrl::parse("http://example.com/")?;
    /// let now = time::OffsetDateTime::UNIX_EPOCH;
    /// assert_eq!(jar.store(&url, "id=7; Path=/", now, Context::http()), Ok(Stored::Added));
    /// assert_eq!(jar.store(&url, "id=8; Secure", now, Context::http()), Err(Rejection::InsecureOrigin));
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub fn store(
        &mut self,
        url: &RequestUrl<'_>,
        set_cookie: &str,
        now: OffsetDateTime,
        ctx: Context,
    ) -> Result<Stored, Rejection> {
        let cookie = SetCookie::parse(set_cookie, Profile::Lenient).map_err(Rejection::Parse)?;
        self.store_parsed(url, &cookie, now, ctx)
    }

    /// Stores every `Set-Cookie` value of one response, in order, and returns how many
    /// were stored (added, replaced or deleting). Rejected ones are skipped, as a
    /// browser does.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let url = RequestUrl::parse("http://example.com/")?;
    /// let headers = ["a=1", "b=2\u{1}", "c=3"];
    /// let n = jar.store_response(&url, headers, time::OffsetDateTime::UNIX_EPOCH, Context::http());
    /// assert_eq!((n, jar.len()), (2, 2));
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub fn store_response<'h, I>(
        &mut self,
        url: &RequestUrl<'_>,
        set_cookies: I,
        now: OffsetDateTime,
        ctx: Context,
    ) -> usize
    where
        I: IntoIterator<Item = &'h str>,
    {
        set_cookies
            .into_iter()
            .filter(|h| {
                self.store(url, h, now, ctx)
                    .is_ok_and(|s| s != Stored::Expired)
            })
            .count()
    }

    /// Stores a cookie that is already parsed (any [`Profile`]; an RFC 2109 `Domain`
    /// loses its leading dot here). Nothing is copied until the cookie is accepted.
    ///
    /// # Errors
    /// A [`Rejection`] when a browser would ignore the cookie.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl, Stored};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let url = RequestUrl::parse("http://www.example.com/")?;
    /// let c = SetCookie::parse("a=1; Domain=.example.com; Version=1", Profile::Rfc2109)?;
    /// assert_eq!(jar.store_parsed(&url, &c, time::OffsetDateTime::UNIX_EPOCH, Context::http())?, Stored::Added);
    /// assert_eq!(jar.iter().next().unwrap().domain(), "example.com");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn store_parsed(
        &mut self,
        url: &RequestUrl<'_>,
        cookie: &SetCookie<'_>,
        now: OffsetDateTime,
        ctx: Context,
    ) -> Result<Stored, Rejection> {
        let now = clamp_unix(now.unix_timestamp());
        let (name, value) = (cookie.name(), cookie.value());
        check_name_value(name, value)?;
        let scope = self.scope(url, cookie)?;
        let path = match cookie.path() {
            Some(p) if p.starts_with('/') && p.len() <= MAX_ATTRIBUTE_VALUE => p,
            _ => default_path(url.path()),
        };
        if path.len() > MAX_ATTRIBUTE_VALUE {
            return Err(Rejection::PathTooLong);
        }
        self.admit(url, cookie, ctx, &scope, path)?;
        let entry = Entry {
            name_value: Box::default(),
            name_len: name.len(),
            path: Box::default(),
            host_only: scope.host_only,
            expiry: expiry(cookie, now),
            created: now,
            seq: 0,
            accessed: now,
            secure: cookie.secure(),
            http_only: cookie.http_only(),
            partitioned: cookie.partitioned(),
            same_site: cookie.same_site(),
        };
        self.put(&scope.domain, entry, (name, value, path), now, ctx)
    }

    /// §5.7 steps 10–17 and CHIPS: the checks that depend on the URL, the API and the
    /// cookies already stored.
    fn admit(
        &self,
        url: &RequestUrl<'_>,
        cookie: &SetCookie<'_>,
        ctx: Context,
        scope: &Scope<'_>,
        path: &str,
    ) -> Result<(), Rejection> {
        let secure = cookie.secure();
        if secure && !url.is_secure() {
            return Err(Rejection::InsecureOrigin);
        }
        if cookie.http_only() && !ctx.is_http() {
            return Err(Rejection::HttpOnlyFromScript);
        }
        if !secure && !url.is_secure() && self.shadows_secure(cookie.name(), scope, path) {
            return Err(Rejection::ShadowsSecure);
        }
        if cookie.same_site() == Some(SameSite::None) {
            if !secure {
                return Err(Rejection::SameSiteNoneInsecure);
            }
        } else {
            let site = ctx.site();
            let allowed =
                site == super::Site::SameSite || (ctx.is_http() && site.is_top_level_navigation());
            if !allowed {
                return Err(Rejection::CrossSite);
            }
        }
        if !cookie.satisfies_prefix() {
            return Err(match cookie.prefix() {
                Some(Prefix::Host) => Rejection::HostPrefix,
                _ => Rejection::SecurePrefix,
            });
        }
        if cookie.partitioned() && !secure {
            return Err(Rejection::PartitionedInsecure);
        }
        Ok(())
    }

    /// §5.7 steps 18–19: replace the cookie with the same identity (keeping its
    /// creation time) or add a new one, then enforce the limits. An expired cookie only
    /// deletes. The strings are copied here, once the cookie is known to be kept.
    fn put(
        &mut self,
        domain: &str,
        mut entry: Entry,
        (name, value, path): (&str, &str, &str),
        now: i64,
        ctx: Context,
    ) -> Result<Stored, Rejection> {
        let slot = self.find(domain);
        let old = slot.ok().and_then(|b| {
            let bucket = self.buckets.get(b)?;
            let i = bucket.cookies.iter().position(|e| {
                e.host_only == entry.host_only && &*e.path == path && e.name() == name
            })?;
            Some((b, i))
        });
        if let Some(old) = old.and_then(|(b, i)| self.buckets.get(b)?.cookies.get(i)) {
            if old.http_only && !ctx.is_http() {
                return Err(Rejection::OverwritesHttpOnly);
            }
            entry.created = old.created;
            entry.seq = old.seq;
        }
        if entry.is_expired(now) {
            return Ok(match old {
                Some((b, i)) => {
                    self.remove_at(b, i);
                    Stored::Deleted
                }
                None => Stored::Expired,
            });
        }
        let mut nv = String::with_capacity(name.len() + value.len());
        nv.push_str(name);
        nv.push_str(value);
        entry.name_value = nv.into_boxed_str();
        entry.path = path.into();
        if let Some((b, i)) = old {
            if let Some(slot) = self.buckets.get_mut(b).and_then(|bk| bk.cookies.get_mut(i)) {
                *slot = entry;
            }
            return Ok(Stored::Replaced);
        }
        entry.seq = self.next_seq;
        self.next_seq += 1;
        let seq = entry.seq;
        let b = match slot {
            Ok(b) => b,
            Err(at) => {
                self.buckets.insert(
                    at,
                    Bucket {
                        domain: domain.to_ascii_lowercase().into_boxed_str(),
                        cookies: Vec::new(),
                    },
                );
                at
            }
        };
        if let Some(bucket) = self.buckets.get_mut(b) {
            bucket.cookies.push(entry);
            self.len += 1;
        }
        self.enforce_limits(b, now, seq);
        Ok(Stored::Added)
    }

    /// §5.7 steps 5–7: host-only or domain cookie, refusing public suffixes and
    /// domains the host does not belong to.
    fn scope<'u>(
        &self,
        url: &RequestUrl<'u>,
        cookie: &SetCookie<'_>,
    ) -> Result<Scope<'u>, Rejection> {
        let host = url.host();
        let host_only = Scope {
            domain: Cow::Borrowed(host),
            host_only: true,
        };
        let mut attr = cookie.domain().unwrap_or("");
        if cookie.profile() == Profile::Rfc2109 {
            attr = attr.strip_prefix('.').unwrap_or(attr);
        }
        // 6265bis: an empty Domain (also `Domain=.`) makes the cookie host-only.
        if attr.is_empty() {
            return Ok(host_only);
        }
        if !attr.is_ascii() {
            return Err(Rejection::NonAsciiDomain);
        }
        if url.host_kind() != HostKind::Name {
            // An IP address has no subdomains: only a Domain naming the host itself
            // is acceptable, and it changes nothing.
            return if attr.eq_ignore_ascii_case(host) {
                Ok(host_only)
            } else {
                Err(Rejection::DomainMismatch)
            };
        }
        let domain = if attr.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(attr.to_ascii_lowercase())
        } else {
            Cow::Borrowed(attr)
        };
        if self.suffixes.is_public_suffix(&domain) {
            return if domain.eq_ignore_ascii_case(host) {
                Ok(host_only)
            } else {
                Err(Rejection::PublicSuffix)
            };
        }
        if !domain_match(host, false, &domain) {
            return Err(Rejection::DomainMismatch);
        }
        // The attribute is a suffix of the host, so it borrows from the URL.
        let start = host.len() - domain.len();
        Ok(Scope {
            domain: Cow::Borrowed(host.get(start..).unwrap_or(host)),
            host_only: false,
        })
    }

    /// §5.7 step 13: whether a stored `Secure` cookie with this name lives on a domain
    /// that domain-matches `scope` (or the other way round) at a path the new cookie's
    /// path path-matches.
    fn shadows_secure(&self, name: &str, scope: &Scope<'_>, path: &str) -> bool {
        let shadows = |b: &Bucket| {
            b.cookies
                .iter()
                .any(|e| e.secure && e.name() == name && path_match(path, &e.path))
        };
        let domain = &*scope.domain;
        // The domain itself and its parents.
        let mut probe = domain;
        loop {
            if self
                .find(probe)
                .ok()
                .and_then(|i| self.buckets.get(i))
                .is_some_and(shadows)
            {
                return true;
            }
            match probe.find('.') {
                Some(i) if i + 1 < probe.len() => probe = &probe[i + 1..],
                _ => break,
            }
        }
        // Its subdomains, which sit right after it in reversed order.
        let first = self
            .buckets
            .partition_point(|b| cmp_dotted(b.domain.as_bytes(), domain.as_bytes()).is_lt());
        self.buckets
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| is_subdomain(b.domain.as_bytes(), domain.as_bytes()))
            .any(shadows)
    }

    fn remove_at(&mut self, b: usize, i: usize) {
        let Some(bucket) = self.buckets.get_mut(b) else {
            return;
        };
        if i < bucket.cookies.len() {
            bucket.cookies.swap_remove(i);
            self.len -= 1;
        }
        if bucket.cookies.is_empty() {
            self.buckets.remove(b);
        }
    }
}

/// Orders a stored domain against `"." + probe`, both read backwards.
fn cmp_dotted(stored: &[u8], probe: &[u8]) -> core::cmp::Ordering {
    stored.iter().rev().copied().cmp(
        probe
            .iter()
            .rev()
            .map(u8::to_ascii_lowercase)
            .chain(core::iter::once(b'.')),
    )
}

fn is_subdomain(stored: &[u8], probe: &[u8]) -> bool {
    stored.len() > probe.len()
        && stored.get(stored.len() - probe.len() - 1) == Some(&b'.')
        && stored
            .get(stored.len() - probe.len()..)
            .is_some_and(|t| t.eq_ignore_ascii_case(probe))
}

/// The parser enforces these for parsed cookies; cookies built by hand get the same
/// checks, since they end up in `Cookie` headers.
fn check_name_value(name: &str, value: &str) -> Result<(), Rejection> {
    if name.is_empty() && value.is_empty() {
        return Err(Rejection::Empty);
    }
    if name.is_empty() && Prefix::of(value).is_some() {
        return Err(Rejection::NamelessPrefix);
    }
    let ctl = class::first_forbidden_ctl(name.as_bytes())
        .or_else(|| class::first_forbidden_ctl(value.as_bytes()).map(|i| i + name.len()));
    if let Some(at) = ctl {
        return Err(Rejection::Parse(ParseError::new(
            crate::ErrorKind::ControlCharacter,
            at,
        )));
    }
    if name.len() + value.len() > MAX_NAME_VALUE {
        return Err(Rejection::Parse(ParseError::new(
            crate::ErrorKind::TooLarge,
            0,
        )));
    }
    Ok(())
}

/// §5.6.1/§5.6.2 and §5.7 step 4: Max-Age beats Expires; both are capped at 400 days.
fn expiry(cookie: &SetCookie<'_>, now: i64) -> Option<i64> {
    let cap = now.saturating_add(MAX_LIFETIME);
    let t = match (cookie.max_age(), cookie.expires()) {
        (Some(secs), _) if secs <= 0 => MIN_UNIX,
        (Some(secs), _) => now.saturating_add(secs.min(MAX_LIFETIME)),
        (None, Some(at)) => at.unix_timestamp().min(cap),
        (None, None) => return None,
    };
    Some(clamp_unix(t))
}
