//! `set_cookie_serialize`: build a cookie with every attribute and write it.
//!
//! One operation builds a cookie with Domain, Path, Max-Age, Expires, Secure,
//! HttpOnly, SameSite=None and Partitioned and writes its `Set-Cookie` value.
//! The peers produce a `String`; hardtack is measured both writing into a stack
//! buffer (its allocation-free path) and producing a `String` (like the peers).

use hardtack_cookie::SameSite;
use time::OffsetDateTime;

/// Cookie name.
///
/// ```
/// use hardtack_benches::serialize::{NAME, VALUE};
/// use hardtack_cookie::SetCookie;
/// // The `__Secure-` prefix makes `Secure` mandatory; every writer here sets it.
/// assert!(SetCookie::build(NAME, VALUE).finish().is_err());
/// assert!(SetCookie::build(NAME, VALUE).secure(true).finish().is_ok());
/// ```
pub const NAME: &str = "__Secure-session";
/// Cookie value.
///
/// ```
/// // Plain cookie-octets (unpadded base64): no writer quotes or escapes it.
/// assert!(hardtack_benches::serialize::VALUE.bytes().all(|b| b.is_ascii_alphanumeric()));
/// ```
pub const VALUE: &str = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA";
/// Domain.
///
/// ```
/// use hardtack_benches::serialize::DOMAIN;
/// // No leading dot to drop, no case to fold: both write it as given.
/// let ours = hardtack_cookie::SetCookie::build("a", "b").domain(DOMAIN).finish().unwrap();
/// let theirs = cookie::Cookie::build(("a", "b")).domain(DOMAIN).build();
/// assert_eq!(ours.to_string(), format!("a=b; Domain={DOMAIN}"));
/// assert_eq!(theirs.to_string(), ours.to_string());
/// ```
pub const DOMAIN: &str = "www.example.com";
/// Path.
///
/// ```
/// use hardtack_benches::serialize::PATH;
/// let ours = hardtack_cookie::SetCookie::build("a", "b").path(PATH).finish().unwrap();
/// let theirs = cookie::Cookie::build(("a", "b")).path(PATH).build();
/// assert_eq!(ours.to_string(), format!("a=b; Path={PATH}"));
/// assert_eq!(theirs.to_string(), ours.to_string());
/// ```
pub const PATH: &str = "/app";
/// Max-Age in seconds.
///
/// ```
/// use hardtack_benches::serialize::MAX_AGE;
/// // hardtack takes seconds, `cookie` a `time::Duration`: the same attribute either way.
/// let ours = hardtack_cookie::SetCookie::build("a", "b").max_age(MAX_AGE).finish().unwrap();
/// let theirs = cookie::Cookie::build(("a", "b")).max_age(time::Duration::seconds(MAX_AGE));
/// assert_eq!(ours.to_string(), format!("a=b; Max-Age={MAX_AGE}"));
/// assert_eq!(theirs.build().to_string(), ours.to_string());
/// ```
pub const MAX_AGE: i64 = 86_400;
/// Expires, Unix seconds (Sun, 20 Jun 2027 13:20:00 GMT).
///
/// ```
/// let c = cookie::Cookie::parse("a=b; Expires=Sun, 20 Jun 2027 13:20:00 GMT").unwrap();
/// let at = c.expires_datetime().unwrap();
/// assert_eq!(at.unix_timestamp(), hardtack_benches::serialize::EXPIRES);
/// ```
pub const EXPIRES: i64 = 1_813_497_600;

/// The `Expires` instant.
///
/// ```
/// assert_eq!(hardtack_benches::serialize::expires().year(), 2027);
/// ```
pub fn expires() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(EXPIRES).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn hardtack_cookie(at: OffsetDateTime) -> Option<hardtack_cookie::ResponseCookie<'static>> {
    hardtack_cookie::SetCookie::build(NAME, VALUE)
        .domain(DOMAIN)
        .path(PATH)
        .max_age(MAX_AGE)
        .expires(at)
        .secure(true)
        .http_only(true)
        .same_site(SameSite::None)
        .partitioned(true)
        .finish()
        .ok()
}

/// hardtack: build, validate, write into a 256-byte stack buffer. No allocation.
///
/// ```
/// use hardtack_benches::serialize::{DOMAIN, MAX_AGE, NAME, PATH, VALUE, expires, hardtack};
/// // The digest is the length of the value written, every attribute once.
/// let want = format!(
///     "{NAME}={VALUE}; Domain={DOMAIN}; Path={PATH}; Max-Age={MAX_AGE}; \
///      Expires=Sun, 20 Jun 2027 13:20:00 GMT; Secure; HttpOnly; SameSite=None; Partitioned"
/// );
/// assert_eq!(hardtack(expires()), want.len());
/// ```
pub fn hardtack(at: OffsetDateTime) -> usize {
    let mut buf = [0u8; 256];
    let n = hardtack_cookie(at)
        .and_then(|c| c.write_to_slice(&mut buf).ok())
        .unwrap_or(0);
    // The written text must exist even though only its length is returned.
    std::hint::black_box(&buf);
    n
}

/// hardtack: build, validate, `to_string()` (one allocation, like the peers).
///
/// ```
/// use hardtack_benches::serialize::{expires, hardtack, hardtack_string};
/// assert_eq!(hardtack_string(expires()), hardtack(expires()));
/// ```
pub fn hardtack_string(at: OffsetDateTime) -> usize {
    hardtack_cookie(at).map_or(0, |c| c.to_string().len())
}

/// `cookie::Cookie::build(..)` then `to_string()`.
///
/// ```
/// use hardtack_benches::serialize::{cookie, expires, hardtack};
/// // The same attributes in another order.
/// assert_eq!(cookie(expires()), hardtack(expires()));
/// ```
pub fn cookie(at: OffsetDateTime) -> usize {
    cookie::Cookie::build((NAME, VALUE))
        .domain(DOMAIN)
        .path(PATH)
        .max_age(time::Duration::seconds(MAX_AGE))
        .expires(at)
        .secure(true)
        .http_only(true)
        .same_site(cookie::SameSite::None)
        .partitioned(true)
        .build()
        .to_string()
        .len()
}

/// The `Expires` instant as biscotti (jiff) wants it.
///
/// ```
/// let z = hardtack_benches::serialize::biscotti_expires();
/// assert_eq!(z.timestamp().as_second(), hardtack_benches::serialize::EXPIRES);
/// ```
pub fn biscotti_expires() -> biscotti::time::Zoned {
    let ts = biscotti::time::Timestamp::from_second(EXPIRES)
        .unwrap_or(biscotti::time::Timestamp::UNIX_EPOCH);
    ts.to_zoned(biscotti::time::tz::TimeZone::UTC)
}

/// biscotti `ResponseCookie` then `to_string()`.
///
/// ```
/// use hardtack_benches::serialize::{biscotti, biscotti_expires, expires, hardtack};
/// // The same instant as jiff holds it, and the same attributes in another order.
/// assert_eq!(biscotti(&biscotti_expires()), hardtack(expires()));
/// ```
pub fn biscotti(at: &biscotti::time::Zoned) -> usize {
    biscotti::ResponseCookie::new(NAME, VALUE)
        .set_domain(DOMAIN)
        .set_path(PATH)
        .set_max_age(biscotti::time::SignedDuration::from_secs(MAX_AGE))
        .set_expires(at.clone())
        .set_secure(true)
        .set_http_only(true)
        .set_same_site(biscotti::SameSite::None)
        .set_partitioned(true)
        .to_string()
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributes(s: &str) -> Vec<String> {
        let mut v: Vec<String> = s.split("; ").map(str::to_ascii_lowercase).collect();
        v.sort();
        v
    }

    #[test]
    fn every_writer_writes_the_same_attributes() {
        let ours = hardtack_cookie(expires()).expect("valid").to_string();
        let theirs = cookie::Cookie::build((NAME, VALUE))
            .domain(DOMAIN)
            .path(PATH)
            .max_age(time::Duration::seconds(MAX_AGE))
            .expires(expires())
            .secure(true)
            .http_only(true)
            .same_site(cookie::SameSite::None)
            .partitioned(true)
            .build()
            .to_string();
        assert_eq!(attributes(&ours), attributes(&theirs));
        assert!(
            ours.contains("Expires=Sun, 20 Jun 2027 13:20:00 GMT"),
            "{ours}"
        );
        assert_eq!(hardtack(expires()), ours.len());
        assert_eq!(hardtack_string(expires()), ours.len());
        assert_eq!(cookie(expires()), theirs.len());
        // biscotti writes the same attributes, in its own order.
        assert_eq!(biscotti(&biscotti_expires()), ours.len());
    }
}
