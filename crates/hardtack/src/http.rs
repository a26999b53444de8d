//! Interop with the `http` 1.x crate (feature `http`).
//!
//! * [`cookie_pairs`] reads every `Cookie` field of a request as one iterator:
//!   HTTP/2 and HTTP/3 clients may send one field per cookie (RFC 9113 §8.2.3).
//! * [`set_cookie_header_value`] turns a validated
//!   [`ResponseCookie`] into a `HeaderValue`.
//! * [`append_set_cookie`] adds it to a response's headers. `Set-Cookie` is the one
//!   header that must never be comma-joined (RFC 6265 §3: `Expires` dates contain
//!   commas), so it is always appended as a field of its own.
//! * [`set_cookies`] parses every `Set-Cookie` field of a response (client side).
//!
//! ```
//! use http::header::{COOKIE, SET_COOKIE};
//! use http::{HeaderMap, HeaderValue};
//! use hardtack::cookie::SetCookie;
//!
//! let mut request = HeaderMap::new();
//! request.append(COOKIE, HeaderValue::from_static("a=1; b=2"));
//! request.append(COOKIE, HeaderValue::from_static("c=3"));
//! let pairs: Vec<_> = hardtack::http::cookie_pairs(&request).collect();
//! assert_eq!(pairs, [("a", "1"), ("b", "2"), ("c", "3")]);
//!
//! let mut response = HeaderMap::new();
//! hardtack::http::append_set_cookie(&mut response, &SetCookie::build("a", "1").finish()?);
//! hardtack::http::append_set_cookie(&mut response, &SetCookie::build("b", "2").finish()?);
//! assert_eq!(response.get_all(SET_COOKIE).iter().count(), 2);
//! # Ok::<(), hardtack::cookie::BuildError>(())
//! ```

use core::fmt;

use ::http::header::{COOKIE, GetAll, SET_COOKIE, ValueIter};
use ::http::{HeaderMap, HeaderValue};
use hardtack_cookie::{MultiPairs, ParseError, Profile, ResponseCookie, SetCookie};

/// The `(name, value)` pairs of every `Cookie` field in `headers`, in order, parsed
/// leniently (see [`Pairs`](hardtack_cookie::Pairs)). Borrows from `headers`; does
/// not allocate.
///
/// ```
/// use http::{header::COOKIE, HeaderMap, HeaderValue};
///
/// let mut headers = HeaderMap::new();
/// headers.append(COOKIE, HeaderValue::from_static("theme=dark"));
/// headers.append(COOKIE, HeaderValue::from_static("sid=abc; lang=en"));
/// let sid = hardtack::http::cookie_pairs(&headers).find(|(n, _)| *n == "sid");
/// assert_eq!(sid, Some(("sid", "abc")));
/// assert_eq!(hardtack::http::cookie_pairs(&HeaderMap::new()).count(), 0);
/// ```
pub fn cookie_pairs(headers: &HeaderMap) -> CookiePairs<'_> {
    CookiePairs(MultiPairs::new(headers.get_all(COOKIE).iter()))
}

/// Iterator returned by [`cookie_pairs`]. Its `Debug` shows no cookie.
///
/// ```
/// use http::HeaderMap;
/// let headers = HeaderMap::new();
/// let mut pairs = hardtack::http::cookie_pairs(&headers);
/// assert_eq!(pairs.next(), None);
/// ```
pub struct CookiePairs<'a>(MultiPairs<'a, ValueIter<'a, HeaderValue>>);

impl<'a> Iterator for CookiePairs<'a> {
    type Item = (&'a str, &'a str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }
}

impl fmt::Debug for CookiePairs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CookiePairs").finish_non_exhaustive()
    }
}

/// The cookie as a `Set-Cookie` header value, marked
/// [sensitive](HeaderValue::set_sensitive) (HPACK/QPACK will not index it, and its
/// `Debug` prints `Sensitive`).
///
/// One allocation of exactly [`encoded_len`](ResponseCookie::encoded_len) bytes,
/// handed to `http` without a copy. The cookie grammar is not checked again: a
/// `ResponseCookie` was validated when it was built. `http` still scans the bytes
/// once for CTLs (its only safe constructor does; the unchecked one is `unsafe`,
/// which this crate forbids). That scan is one branch-free pass, cheap next to the
/// allocation; it can never fail here, since a `ResponseCookie` holds only visible
/// ASCII and spaces.
///
/// ```
/// use hardtack::cookie::SetCookie;
///
/// let cookie = SetCookie::build("id", "42").path("/").http_only(true).finish()?;
/// let value = hardtack::http::set_cookie_header_value(&cookie);
/// assert_eq!(value, "id=42; Path=/; HttpOnly");
/// assert!(value.is_sensitive());
/// # Ok::<(), hardtack::cookie::BuildError>(())
/// ```
pub fn set_cookie_header_value(cookie: &ResponseCookie<'_>) -> HeaderValue {
    let mut buf = vec![0u8; cookie.encoded_len()];
    // The buffer has exactly the encoded length, so the write cannot run short.
    let written = cookie.write_to_slice(&mut buf).unwrap_or(0);
    buf.truncate(written);
    let mut value = HeaderValue::try_from(buf).unwrap_or_else(|_| {
        // Unreachable (no CTL survives the builder); an empty field is ignored by
        // every client, which is the safe way to fail.
        HeaderValue::from_static("")
    });
    value.set_sensitive(true);
    value
}

/// Appends the cookie as a new `Set-Cookie` field; existing ones are kept, never
/// joined with commas.
///
/// ```
/// use http::{header::SET_COOKIE, HeaderMap};
/// use hardtack::cookie::SetCookie;
///
/// let mut headers = HeaderMap::new();
/// let session = SetCookie::build("sid", "abc").secure(true).finish()?;
/// hardtack::http::append_set_cookie(&mut headers, &session);
/// hardtack::http::append_set_cookie(&mut headers, &session.removal());
/// let all: Vec<_> = headers.get_all(SET_COOKIE).iter().collect();
/// assert_eq!(all.len(), 2);
/// assert_eq!(all[0], "sid=abc; Secure");
/// # Ok::<(), hardtack::cookie::BuildError>(())
/// ```
pub fn append_set_cookie(headers: &mut HeaderMap, cookie: &ResponseCookie<'_>) {
    headers.append(SET_COOKIE, set_cookie_header_value(cookie));
}

/// Parses every `Set-Cookie` field of a response with `profile`, one result per
/// field, in order.
///
/// ```
/// use http::{header::SET_COOKIE, HeaderMap, HeaderValue};
/// use hardtack::cookie::Profile;
///
/// let mut headers = HeaderMap::new();
/// headers.append(SET_COOKIE, HeaderValue::from_static("a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT"));
/// headers.append(SET_COOKIE, HeaderValue::from_static("=; junk"));
/// let parsed: Vec<_> = hardtack::http::set_cookies(&headers, Profile::Lenient).collect();
/// assert_eq!(parsed.len(), 2);
/// assert_eq!(parsed[0].as_ref().map(|c| c.name()), Ok("a"));
/// assert!(parsed[1].is_err());
/// ```
pub fn set_cookies(headers: &HeaderMap, profile: Profile) -> SetCookies<'_> {
    SetCookies {
        fields: headers.get_all(SET_COOKIE).into_iter(),
        profile,
    }
}

/// Iterator returned by [`set_cookies`]. Its `Debug` shows no cookie.
///
/// ```
/// use http::HeaderMap;
/// use hardtack::cookie::Profile;
/// let headers = HeaderMap::new();
/// assert_eq!(hardtack::http::set_cookies(&headers, Profile::Strict).count(), 0);
/// ```
pub struct SetCookies<'a> {
    fields: <GetAll<'a, HeaderValue> as IntoIterator>::IntoIter,
    profile: Profile,
}

impl<'a> Iterator for SetCookies<'a> {
    type Item = Result<SetCookie<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let field = self.fields.next()?;
        Some(SetCookie::parse_bytes(field.as_bytes(), self.profile))
    }
}

impl fmt::Debug for SetCookies<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SetCookies")
            .field("profile", &self.profile)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_value_bytes_equal_display() {
        let cookie = SetCookie::build("n", "v")
            .path("/~a:b@c")
            .extension("x", Some("a b"))
            .finish();
        let Ok(cookie) = cookie else {
            panic!("build: {cookie:?}")
        };
        let value = set_cookie_header_value(&cookie);
        assert_eq!(value.as_bytes(), "n=v; Path=/~a:b@c; x=a b".as_bytes());
    }
}
