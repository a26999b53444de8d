//! Structured inputs drawn with `arbitrary`.
//!
//! Text fields are mostly drawn from the alphabet the field allows, so that most
//! inputs get past validation and exercise the writer and the parsers; one draw in
//! eight is any string at all, so that the refusals are exercised too.

use arbitrary::{Arbitrary, Result, Unstructured};

/// RFC 9110 `tchar`: cookie names and extension names.
pub const TCHAR: &[u8] =
    b"!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// RFC 6265 `cookie-octet`, plus DQUOTE so that quoted values appear.
pub const COOKIE_OCTET: &[u8] =
    b"!#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~\"";
/// `av-octet` (any CHAR except CTLs and `;`), the alphabet of `Path` and extension values.
pub const AV_OCTET: &[u8] =
    b" !\"#$%&'()*+,-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
/// Host name bytes.
pub const LDH_DOT: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.";
/// The base64url alphabet: token uids.
pub const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A string of at most `max` bytes, usually from `alphabet`, sometimes anything.
pub fn text(u: &mut Unstructured<'_>, alphabet: &[u8], max: usize) -> Result<String> {
    if u.ratio(1, 8)? {
        let s: String = u.arbitrary()?;
        return Ok(s.chars().take(max).collect());
    }
    let len = u.int_in_range(0..=max)?;
    (0..len)
        .map(|_| Ok(char::from(*u.choose(alphabet)?)))
        .collect()
}

fn maybe<T>(
    u: &mut Unstructured<'_>,
    f: impl FnOnce(&mut Unstructured<'_>) -> Result<T>,
) -> Result<Option<T>> {
    if u.arbitrary()? {
        f(u).map(Some)
    } else {
        Ok(None)
    }
}

/// Everything a `SetCookieBuilder` can be told.
#[derive(Debug, Clone)]
pub struct CookieSpec {
    /// Cookie name; sometimes with a `__Secure-` or `__Host-` prefix.
    pub name: String,
    /// Cookie value.
    pub value: String,
    /// `Expires` as Unix seconds and nanoseconds (any instant between the years 1 and 9999).
    pub expires: Option<(i64, u32)>,
    /// `Max-Age`; negative values are drawn on purpose.
    pub max_age: Option<i64>,
    /// `Domain`.
    pub domain: Option<String>,
    /// `Path`; usually starts with `/`.
    pub path: Option<String>,
    /// `Secure`.
    pub secure: bool,
    /// `HttpOnly`.
    pub http_only: bool,
    /// `Partitioned`.
    pub partitioned: bool,
    /// `SameSite`: 0 Strict, 1 Lax, 2 None.
    pub same_site: Option<u8>,
    /// `Priority`: 0 Low, 1 Medium, 2 High.
    pub priority: Option<u8>,
    /// Extension attributes in order.
    pub extensions: Vec<(String, Option<String>)>,
}

impl<'a> Arbitrary<'a> for CookieSpec {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let prefix = *u.choose(&["", "", "", "__Secure-", "__Host-", "__host-"])?;
        let name = format!("{prefix}{}", text(u, TCHAR, 24)?);
        let value = if u.ratio(1, 16)? {
            // Up to and past the 4096-byte limit on name + value.
            let len = u.int_in_range(4000..=4200)?;
            "v".repeat(len)
        } else {
            text(u, COOKIE_OCTET, 48)?
        };
        let expires = maybe(u, |u| {
            Ok((
                u.int_in_range(-62_135_596_800..=253_402_300_799)?,
                u.int_in_range(0..=999_999_999)?,
            ))
        })?;
        let max_age = maybe(u, |u| u.arbitrary())?;
        let domain = maybe(u, |u| text(u, LDH_DOT, 40))?;
        let path = maybe(u, |u| {
            let rest = text(u, AV_OCTET, 40)?;
            Ok(if u.ratio(7, 8)? {
                format!("/{rest}")
            } else {
                rest
            })
        })?;
        let (secure, http_only, partitioned) = (u.arbitrary()?, u.arbitrary()?, u.arbitrary()?);
        let same_site = maybe(u, |u| u.int_in_range(0..=2))?;
        let priority = maybe(u, |u| u.int_in_range(0..=2))?;
        let n = u.int_in_range(0..=3)?;
        let extensions = (0..n)
            .map(|_| Ok((text(u, TCHAR, 12)?, maybe(u, |u| text(u, AV_OCTET, 24))?)))
            .collect::<Result<_>>()?;
        Ok(CookieSpec {
            name,
            value,
            expires,
            max_age,
            domain,
            path,
            secure,
            http_only,
            partitioned,
            same_site,
            priority,
            extensions,
        })
    }
}

/// One token to sign, verify, and then break.
#[derive(Debug, Clone)]
pub struct TokenCase {
    /// The uid; usually valid (1 to 64 base64url characters).
    pub uid: String,
    /// Issue time; sometimes at or past the 2^48 limit.
    pub issued_at: u64,
    /// Seconds between issue and verification, within `max_age`.
    pub age: u32,
    /// Which key of the ring signs (index into the fuzz target's key ids).
    pub signer: u8,
    /// The byte to change, as an index modulo the token length.
    pub flip_at: usize,
    /// The change: XOR with this byte (never 0).
    pub flip_xor: u8,
    /// Raw id bytes for `encode_uid`.
    pub raw_uid: Vec<u8>,
}

impl<'a> Arbitrary<'a> for TokenCase {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let uid = if u.ratio(1, 32)? {
            String::new()
        } else {
            text(u, B64URL, 66)?
        };
        let issued_at = if u.ratio(1, 16)? {
            u.int_in_range((1u64 << 48) - 2..=(1u64 << 48) + 1)?
        } else {
            u.int_in_range(0..=(1u64 << 48) - 1)?
        };
        Ok(TokenCase {
            uid,
            issued_at,
            age: u.arbitrary()?,
            signer: u.arbitrary()?,
            flip_at: u.arbitrary()?,
            flip_xor: u.int_in_range(1..=255)?,
            raw_uid: u.arbitrary()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphabets() {
        assert_eq!(TCHAR.len(), 77);
        // 90 cookie-octets plus DQUOTE.
        assert_eq!(COOKIE_OCTET.len(), 91);
        // 95 printable ASCII (SP included) minus `;`.
        assert_eq!(AV_OCTET.len(), 94);
        assert_eq!(B64URL.len(), 64);
    }

    #[test]
    fn draws_from_any_bytes_without_failing() {
        for seed in 0u8..64 {
            let data: Vec<u8> = (0..512u32)
                .map(|i| (i as u8).wrapping_mul(seed).wrapping_add(seed))
                .collect();
            let mut u = Unstructured::new(&data);
            let c = CookieSpec::arbitrary(&mut u).unwrap();
            assert!(c.extensions.len() <= 3);
            let mut u = Unstructured::new(&data);
            let t = TokenCase::arbitrary(&mut u).unwrap();
            assert_ne!(t.flip_xor, 0);
            assert!(t.issued_at <= (1 << 48) + 1);
        }
    }
}
