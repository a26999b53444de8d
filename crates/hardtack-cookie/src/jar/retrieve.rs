//! Retrieval (RFC 6265bis §5.8.3): which cookies a request carries, in which order, and
//! the `Cookie` header they make.

use alloc::string::String;
use core::cmp::Reverse;
use core::fmt;

use time::OffsetDateTime;

use super::entry::{Entry, clamp_unix};
use super::matching::path_match;
use super::{Context, HostKind, Jar, RequestUrl, Site, StoredCookie};
use crate::SameSite;

impl<S> Jar<S> {
    /// The `Cookie` header value for a request to `url`, or `None` when no cookie
    /// applies (send no header then). Marks the cookies as accessed at `now`.
    ///
    /// Cookies with longer paths come first; among equal lengths, older cookies first.
    /// A nameless cookie is sent as its bare value.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let now = time::OffsetDateTime::UNIX_EPOCH;
    /// let url = RequestUrl::parse("http://example.com/a/b")?;
    /// // `token` gets the default path `/a`: as long as `y`'s, but created later.
    /// jar.store_response(&url, ["x=1; Path=/", "y=2; Path=/a", "token"], now, Context::http());
    /// assert_eq!(jar.cookie_header(&url, now, Context::http()).as_deref(), Some("y=2; token; x=1"));
    /// let elsewhere = RequestUrl::parse("http://example.org/")?;
    /// assert_eq!(jar.cookie_header(&elsewhere, now, Context::http()), None);
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub fn cookie_header(
        &mut self,
        url: &RequestUrl<'_>,
        now: OffsetDateTime,
        ctx: Context,
    ) -> Option<String> {
        let mut out = String::new();
        match self.write_cookie_header(url, now, ctx, &mut out) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(out),
        }
    }

    /// Appends the `Cookie` header value for a request to `url` to `out` and returns
    /// how many cookies it holds (zero: nothing written, send no header).
    ///
    /// Does not allocate once the jar has served a request with as many cookies, so a
    /// client that reuses one `String` per connection produces headers for free.
    ///
    /// # Errors
    /// Only those of `out`.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let now = time::OffsetDateTime::UNIX_EPOCH;
    /// let url = RequestUrl::parse("http://example.com/")?;
    /// jar.store_response(&url, ["a=1", "b=2"], now, Context::http());
    /// let mut header = String::with_capacity(64);
    /// assert_eq!(jar.write_cookie_header(&url, now, Context::http(), &mut header)?, 2);
    /// assert_eq!(header, "a=1; b=2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_cookie_header<W: fmt::Write + ?Sized>(
        &mut self,
        url: &RequestUrl<'_>,
        now: OffsetDateTime,
        ctx: Context,
        out: &mut W,
    ) -> Result<usize, fmt::Error> {
        let n = self.select(url, now, ctx);
        for (k, &(b, i)) in self.scratch.iter().enumerate() {
            let Some(e) = self.buckets.get(b).and_then(|bk| bk.cookies.get(i)) else {
                continue;
            };
            if k > 0 {
                out.write_str("; ")?;
            }
            if !e.name().is_empty() {
                out.write_str(e.name())?;
                out.write_char('=')?;
            }
            out.write_str(e.value())?;
        }
        Ok(n)
    }

    /// The cookies a request to `url` carries, in `Cookie` header order, for clients
    /// that want the pairs rather than the header. Marks them as accessed at `now`.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let now = time::OffsetDateTime::UNIX_EPOCH;
    /// let url = RequestUrl::parse("http://example.com/")?;
    /// jar.store_response(&url, ["a=1", "b=2"], now, Context::http());
    /// let pairs: Vec<_> = jar.cookies_for(&url, now, Context::http()).map(|c| (c.name(), c.value())).collect();
    /// assert_eq!(pairs, [("a", "1"), ("b", "2")]);
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub fn cookies_for(
        &mut self,
        url: &RequestUrl<'_>,
        now: OffsetDateTime,
        ctx: Context,
    ) -> impl Iterator<Item = StoredCookie<'_>> {
        self.select(url, now, ctx);
        let buckets = &self.buckets;
        self.scratch.iter().filter_map(move |&(b, i)| {
            let bucket = buckets.get(b)?;
            Some(StoredCookie {
                domain: &bucket.domain,
                entry: bucket.cookies.get(i)?,
            })
        })
    }

    /// Fills `scratch` with the matching cookies in header order, marks them accessed,
    /// and returns how many there are.
    fn select(&mut self, url: &RequestUrl<'_>, now: OffsetDateTime, ctx: Context) -> usize {
        let now = clamp_unix(now.unix_timestamp());
        self.scratch.clear();
        let host = url.host();
        let is_ip = url.host_kind() != HostKind::Name;
        let secure = url.is_secure();
        let lax_by_default = self.config.is_lax_by_default();
        let wanted = |e: &Entry, exact: bool| {
            (exact || !e.host_only)
                && !e.is_expired(now)
                && (secure || !e.secure)
                && (ctx.is_http() || !e.http_only)
                && same_site_allows(e.same_site, ctx.site(), lax_by_default)
                && path_match(url.path(), &e.path)
        };
        // The host, then each parent domain: every domain the host domain-matches.
        let mut probe = host;
        loop {
            if let Ok(b) = self.find(probe) {
                let exact = probe.len() == host.len();
                if let Some(bucket) = self.buckets.get(b) {
                    let found = bucket.cookies.iter().enumerate();
                    self.scratch
                        .extend(found.filter(|(_, e)| wanted(e, exact)).map(|(i, _)| (b, i)));
                }
            }
            if is_ip {
                break;
            }
            match probe.find('.') {
                Some(i) if i + 1 < probe.len() => probe = &probe[i + 1..],
                _ => break,
            }
        }
        let buckets = &self.buckets;
        let key = |&(b, i): &(usize, usize)| {
            buckets
                .get(b)
                .and_then(|bk| bk.cookies.get(i))
                .map(|e| (Reverse(e.path.len()), e.created, e.seq))
        };
        self.scratch.sort_unstable_by_key(key);
        for &(b, i) in &self.scratch {
            if let Some(e) = self.buckets.get_mut(b).and_then(|bk| bk.cookies.get_mut(i)) {
                e.accessed = now;
            }
        }
        self.scratch.len()
    }
}

/// §5.8.3: on a cross-site request only `SameSite=None` cookies go, except that `Lax`
/// (and "Default" when lax-by-default) ones also go on safe top-level navigations.
fn same_site_allows(same_site: Option<SameSite>, site: Site, lax_by_default: bool) -> bool {
    match (site, same_site) {
        (Site::SameSite, _) | (_, Some(SameSite::None)) => true,
        (_, None) if !lax_by_default => true,
        (Site::CrossSiteNavigation, None | Some(SameSite::Lax)) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_site_table() {
        use SameSite::{Lax, None as NoneSS, Strict};
        let sites = [
            Site::SameSite,
            Site::CrossSiteNavigation,
            Site::CrossSiteUnsafeNavigation,
            Site::CrossSite,
        ];
        // (flag, lax_by_default, expected for each site in order)
        let table: [(Option<SameSite>, bool, [bool; 4]); 8] = [
            (Some(Strict), true, [true, false, false, false]),
            (Some(Lax), true, [true, true, false, false]),
            (Some(NoneSS), true, [true, true, true, true]),
            (None, true, [true, true, false, false]),
            (Some(Strict), false, [true, false, false, false]),
            (Some(Lax), false, [true, true, false, false]),
            (Some(NoneSS), false, [true, true, true, true]),
            (None, false, [true, true, true, true]),
        ];
        for (flag, lax, want) in table {
            for (site, want) in sites.iter().zip(want) {
                assert_eq!(
                    same_site_allows(flag, *site, lax),
                    want,
                    "{flag:?} {site:?} {lax}"
                );
            }
        }
    }
}
