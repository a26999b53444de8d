//! Explicit encodings for values that are not safe cookie text as they are.
//!
//! The serializer refuses such values instead of encoding them behind your back:
//! whoever reads the cookie must know it was encoded. Pick one here, encode, and
//! decode on the way back in.

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt;

use crate::class::{self, COOKIE_OCTET, TCHAR};

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Which bytes [`percent_encode`] leaves alone.
///
/// ```
/// use hardtack_cookie::encode::{percent_encode, PercentSet};
/// assert_eq!(percent_encode("a/b", PercentSet::CookieOctet).to_string(), "a/b");
/// assert_eq!(percent_encode("a/b", PercentSet::Token).to_string(), "a%2Fb");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PercentSet {
    /// Keep RFC 6265 `cookie-octet`s: the result is a valid modern cookie value.
    CookieOctet,
    /// Keep only RFC 2068 `token` characters: the result is also a valid Version 0
    /// value, safe for the old stacks that reject tspecials.
    Token,
}

/// Percent-encodes `s` (every byte outside the set, and `%` itself, becomes `%XX`),
/// as a value that writes itself without allocating.
///
/// ```
/// use hardtack_cookie::encode::{percent_encode, PercentSet};
/// let v = percent_encode("café; x=1", PercentSet::CookieOctet).to_string();
/// assert_eq!(v, "caf%C3%A9%3B%20x=1");
/// ```
pub fn percent_encode(s: &str, set: PercentSet) -> PercentEncoded<'_> {
    PercentEncoded { s, set }
}

/// Output of [`percent_encode`]; use `Display` / `to_string()`.
///
/// ```
/// use hardtack_cookie::encode::{percent_encode, PercentSet};
/// assert_eq!(format!("{}", percent_encode("%", PercentSet::Token)), "%25");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct PercentEncoded<'a> {
    s: &'a str,
    set: PercentSet,
}

impl fmt::Display for PercentEncoded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let class = match self.set {
            PercentSet::CookieOctet => COOKIE_OCTET,
            PercentSet::Token => TCHAR,
        };
        let b = self.s.as_bytes();
        let mut start = 0;
        for (i, &c) in b.iter().enumerate() {
            if class::is(c, class) && c != b'%' {
                continue;
            }
            // Everything since the last escape is ASCII of the set.
            f.write_str(core::str::from_utf8(&b[start..i]).map_err(|_| fmt::Error)?)?;
            let esc = [b'%', HEX[usize::from(c >> 4)], HEX[usize::from(c & 15)]];
            f.write_str(core::str::from_utf8(&esc).map_err(|_| fmt::Error)?)?;
            start = i + 1;
        }
        f.write_str(core::str::from_utf8(&b[start..]).map_err(|_| fmt::Error)?)
    }
}

/// Why decoding failed. The error holds no input bytes.
///
/// ```
/// use hardtack_cookie::encode::{percent_decode, DecodeError};
/// assert_eq!(percent_decode("%zz"), Err(DecodeError::InvalidEscape { offset: 0 }));
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DecodeError {
    /// A `%` not followed by two hex digits.
    InvalidEscape {
        /// Offset of the `%`.
        offset: usize,
    },
    /// The decoded bytes are not UTF-8.
    InvalidUtf8,
    /// A byte outside the base64url alphabet.
    InvalidByte {
        /// Offset of the byte.
        offset: usize,
    },
    /// A base64url length that no byte string encodes to (4n+1).
    InvalidLength,
    /// Unused trailing bits are not zero: a second spelling of the same bytes.
    NonCanonical,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidEscape { offset } => {
                write!(f, "invalid percent escape at byte {offset}")
            }
            DecodeError::InvalidUtf8 => f.write_str("decoded value is not UTF-8"),
            DecodeError::InvalidByte { offset } => {
                write!(f, "invalid base64url byte at offset {offset}")
            }
            DecodeError::InvalidLength => f.write_str("invalid base64url length"),
            DecodeError::NonCanonical => f.write_str("non-canonical base64url (trailing bits set)"),
        }
    }
}

impl core::error::Error for DecodeError {}

fn hex(d: u8) -> Option<u8> {
    match d {
        b'0'..=b'9' => Some(d - b'0'),
        b'a'..=b'f' => Some(d - b'a' + 10),
        b'A'..=b'F' => Some(d - b'A' + 10),
        _ => None,
    }
}

/// Decodes `%XX` escapes. Borrows when there is nothing to decode.
///
/// ```
/// use hardtack_cookie::encode::percent_decode;
/// assert_eq!(percent_decode("caf%C3%A9%3B")?, "café;");
/// assert_eq!(percent_decode("plain")?, "plain");
/// # Ok::<(), hardtack_cookie::encode::DecodeError>(())
/// ```
pub fn percent_decode(s: &str) -> Result<Cow<'_, str>, DecodeError> {
    let b = s.as_bytes();
    if !b.contains(&b'%') {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let pair = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            );
            let (Some(h), Some(l)) = pair else {
                return Err(DecodeError::InvalidEscape { offset: i });
            };
            out.push(h << 4 | l);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    alloc::string::String::from_utf8(out)
        .map(Cow::Owned)
        .map_err(|_| DecodeError::InvalidUtf8)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes bytes as unpadded base64url (RFC 4648 §5): always a valid cookie value and
/// a valid Version 0 token.
///
/// ```
/// use hardtack_cookie::encode::base64url;
/// assert_eq!(base64url(b"foobar").to_string(), "Zm9vYmFy");
/// assert_eq!(base64url(&[0xfb, 0xff]).to_string(), "-_8");
/// ```
pub fn base64url(bytes: &[u8]) -> Base64Url<'_> {
    Base64Url(bytes)
}

/// Output of [`base64url`]; use `Display` / `to_string()`.
///
/// ```
/// assert_eq!(hardtack_cookie::encode::base64url(b"f").to_string(), "Zg");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Base64Url<'a>(&'a [u8]);

impl fmt::Display for Base64Url<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = [0u8; 64];
        // 48 input bytes make exactly 64 characters.
        for chunk in self.0.chunks(48) {
            let mut n = 0;
            for group in chunk.chunks(3) {
                let v = (u32::from(group[0]) << 16)
                    | (u32::from(*group.get(1).unwrap_or(&0)) << 8)
                    | u32::from(*group.get(2).unwrap_or(&0));
                let chars = group.len() + 1;
                for k in 0..chars {
                    out[n] = B64[(v >> (18 - 6 * k) & 63) as usize];
                    n += 1;
                }
            }
            f.write_str(core::str::from_utf8(&out[..n]).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

fn b64_value(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes unpadded, canonical base64url. Padding, other alphabets, whitespace and
/// non-zero trailing bits are refused, so each byte string has exactly one spelling.
///
/// ```
/// use hardtack_cookie::encode::{base64url_decode, DecodeError};
/// assert_eq!(base64url_decode("Zm9vYmFy")?, b"foobar");
/// assert_eq!(base64url_decode("Zh"), Err(DecodeError::NonCanonical));
/// assert_eq!(base64url_decode("Zg=="), Err(DecodeError::InvalidByte { offset: 2 }));
/// # Ok::<(), DecodeError>(())
/// ```
pub fn base64url_decode(s: &str) -> Result<Vec<u8>, DecodeError> {
    let b = s.as_bytes();
    if b.len() % 4 == 1 {
        return Err(DecodeError::InvalidLength);
    }
    let mut out = Vec::with_capacity(b.len() / 4 * 3 + 2);
    for (ci, chunk) in b.chunks(4).enumerate() {
        let mut v = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            let d = b64_value(c).ok_or(DecodeError::InvalidByte { offset: ci * 4 + k })?;
            v |= d << (18 - 6 * k);
        }
        let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
        let n = chunk.len() - 1;
        if bytes[n..].iter().any(|&x| x != 0) && n < 3 {
            return Err(DecodeError::NonCanonical);
        }
        out.extend_from_slice(&bytes[..n]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn rfc4648_base64url() {
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (raw, enc) in cases {
            assert_eq!(base64url(raw.as_bytes()).to_string(), enc);
            assert_eq!(base64url_decode(enc).unwrap(), raw.as_bytes());
        }
    }

    #[test]
    fn percent_round_trip_and_safety() {
        let s = "a b;c,d\"e\\f\u{1}é%";
        for set in [PercentSet::CookieOctet, PercentSet::Token] {
            let enc = percent_encode(s, set).to_string();
            assert!(enc.bytes().all(|c| class::is(c, COOKIE_OCTET)));
            assert_eq!(percent_decode(&enc).unwrap(), s);
        }
        let tok = percent_encode("a=b/c", PercentSet::Token).to_string();
        assert!(crate::rfc2109::is_token(&tok));
    }
}
