//! Signing: [`Token`], [`SignError`], [`encode_uid`] / [`decode_uid`].

use core::fmt;

use crate::b64;
use crate::key::KeyRing;
use crate::verify::VerifyError;
use crate::{MAX_TIME, MAX_TOKEN_LEN, MAX_UID_LEN, SIGN_LEN, TIME_LEN, VERSION};

/// Largest MAC input: header, uid length, uid, time.
pub(crate) const MAX_MAC_INPUT: usize = 1 + 1 + MAX_UID_LEN + 6;

/// Most raw bytes [`encode_uid`] accepts: 48 bytes encode to 64 characters.
///
/// ```
/// use hardtack_token::{encode_uid, SignError, MAX_UID_BYTES};
/// let mut buf = [0u8; 64];
/// assert_eq!(encode_uid(&[0xFF; MAX_UID_BYTES], &mut buf).unwrap().len(), 64);
/// assert_eq!(encode_uid(&[0xFF; MAX_UID_BYTES + 1], &mut buf).unwrap_err(), SignError::InvalidUid);
/// ```
pub const MAX_UID_BYTES: usize = 48;

/// A signed token, `uid.time.sign`, held in a fixed 118-byte buffer (no heap).
///
/// [`as_str`](Token::as_str) and `Display` give the token text to send to the client.
/// `Debug` is redacted, because the text is a bearer credential.
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
///
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// let token = ring.sign("user-12345", 1_795_414_360).unwrap();
/// assert_eq!(token.as_str().len(), 64);
/// assert!(token.as_str().starts_with("user-12345.AABrA9lY.E"));
/// assert_eq!(format!("{token:?}"), "Token(<redacted>)");
/// ```
#[derive(Clone)]
pub struct Token {
    buf: [u8; MAX_TOKEN_LEN],
    len: u8,
}

impl Token {
    /// The token text. Only `[A-Za-z0-9._-]`: a valid cookie value (RFC 6265 cookie-octets and an
    /// RFC 2068 token for Version 0 cookies) and URL-safe without escaping.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// let token = ring.sign("user-12345", 1_700_000_000).unwrap();
    /// let text = token.as_str();
    /// assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)));
    /// assert_eq!(text, token.to_string());
    /// ```
    #[inline]
    pub fn as_str(&self) -> &str {
        // Every byte written is ASCII, so this never fails.
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// The token text as bytes.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// let token = ring.sign("user-12345", 1_700_000_000).unwrap();
    /// assert_eq!(token.as_bytes(), token.as_str().as_bytes());
    /// assert!(token.as_bytes().starts_with(b"user-12345."));
    /// ```
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }
}

impl AsRef<str> for Token {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<[u8]> for Token {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// Writes the token text: the caller asked for it, to send it.
impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// Why a token could not be signed.
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// use hardtack_token::SignError;
/// let err = ring.sign("no spaces", 0).unwrap_err();
/// assert_eq!(err, SignError::InvalidUid);
/// assert_eq!(err.to_string(), "uid must be 1 to 64 characters of [A-Za-z0-9_-]");
/// let _: &dyn std::error::Error = &err;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignError {
    /// The uid is empty, longer than 64 bytes, or has a byte outside `[A-Za-z0-9_-]`
    /// (see [`encode_uid`]); or [`encode_uid`] got 0 or more than 48 bytes.
    InvalidUid,
    /// `issued_at` is 2^48 or later.
    TimeOutOfRange,
    /// The system clock is before 1970 (only from [`KeyRing::sign_now`]).
    Clock,
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SignError::InvalidUid => "uid must be 1 to 64 characters of [A-Za-z0-9_-]",
            SignError::TimeOutOfRange => "issue time must be below 2^48",
            SignError::Clock => "system clock is before the Unix epoch",
        })
    }
}

impl core::error::Error for SignError {}

/// True when `uid` is 1 to 64 bytes of `[A-Za-z0-9_-]`.
#[inline]
pub(crate) fn valid_uid(uid: &[u8]) -> bool {
    (1..=MAX_UID_LEN).contains(&uid.len()) && b64::all_b64u(uid)
}

/// Writes `hdr || u8(len(uid)) || uid || time6` into `buf` and returns its length.
#[inline(always)]
pub(crate) fn mac_input(
    buf: &mut [u8; MAX_MAC_INPUT],
    hdr: u8,
    uid: &[u8],
    time6: &[u8; 6],
) -> usize {
    let n = uid.len();
    buf[0] = hdr;
    buf[1] = n as u8;
    buf[2..2 + n].copy_from_slice(uid);
    buf[2 + n..8 + n].copy_from_slice(time6);
    8 + n
}

/// The 6-byte big-endian form of a time below 2^48.
#[inline(always)]
pub(crate) fn time6(t: u64) -> [u8; 6] {
    let b = t.to_be_bytes();
    [b[2], b[3], b[4], b[5], b[6], b[7]]
}

impl KeyRing {
    /// Signs `uid` as issued at `issued_at` (Unix seconds) with the current key. No heap.
    ///
    /// # Errors
    ///
    /// [`SignError::InvalidUid`] unless `uid` is 1 to 64 bytes of `[A-Za-z0-9_-]` (use
    /// [`encode_uid`] for other ids); [`SignError::TimeOutOfRange`] if `issued_at >= 2^48`.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// use hardtack_token::SignError;
    /// let token = ring.sign("user-12345", 1_700_000_000).unwrap();
    /// assert!(token.as_str().starts_with("user-12345."));
    /// // The same inputs give the same token: no nonce, nothing stored.
    /// assert_eq!(token.as_str(), ring.sign("user-12345", 1_700_000_000).unwrap().as_str());
    /// assert_eq!(ring.sign("", 0).unwrap_err(), SignError::InvalidUid);
    /// ```
    pub fn sign(&self, uid: &str, issued_at: u64) -> Result<Token, SignError> {
        let uid = uid.as_bytes();
        if !valid_uid(uid) {
            return Err(SignError::InvalidUid);
        }
        if issued_at > MAX_TIME {
            return Err(SignError::TimeOutOfRange);
        }
        let kid = self.current;
        let Some(key) = self.slot(kid) else {
            // A built ring always holds its current key.
            unreachable!("current key missing from ring")
        };
        let hdr = (VERSION << 4) | kid;
        let time = time6(issued_at);

        let mut msg = [0u8; MAX_MAC_INPUT];
        let msg_len = mac_input(&mut msg, hdr, uid, &time);
        let tag = key.tag(&msg[..msg_len]);

        let mut sign = [0u8; 33];
        sign[0] = hdr;
        sign[1..].copy_from_slice(&tag);

        // Assemble `uid "." time "." sign` in the token buffer.
        let n = uid.len();
        let mut buf = [0u8; MAX_TOKEN_LEN];
        buf[..n].copy_from_slice(uid);
        let mut tail = [0u8; 2 + TIME_LEN + SIGN_LEN];
        tail[0] = b'.';
        b64::encode_fixed(&time, &mut tail[1..1 + TIME_LEN]);
        tail[1 + TIME_LEN] = b'.';
        b64::encode_fixed(&sign, &mut tail[2 + TIME_LEN..]);
        buf[n..n + tail.len()].copy_from_slice(&tail);
        Ok(Token {
            buf,
            len: (n + 2 + TIME_LEN + SIGN_LEN) as u8,
        })
    }

    /// [`sign`](KeyRing::sign) at the current system time.
    ///
    /// # Errors
    ///
    /// As [`sign`](KeyRing::sign), and [`SignError::Clock`] if the clock is before 1970.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// use core::time::Duration;
    /// use hardtack_token::VerifyOptions;
    /// let token = ring.sign_now("user-12345").unwrap();
    /// let v = ring.verify_now(token.as_str(), &VerifyOptions::new(Duration::from_secs(60))).unwrap();
    /// assert_eq!(v.uid, "user-12345");
    /// ```
    #[cfg(feature = "std")]
    pub fn sign_now(&self, uid: &str) -> Result<Token, SignError> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|_| SignError::Clock)?;
        self.sign(uid, now.as_secs())
    }
}

/// Encodes arbitrary id bytes (1 to 48) as a uid: unpadded base64url into `buf`, returning the
/// text (at most 64 characters). Use it for ids that are not already `[A-Za-z0-9_-]`, such as
/// raw binary ids or e-mail addresses, and [`decode_uid`] on the verified uid to get them back.
///
/// ```
/// use hardtack_token::{decode_uid, encode_uid};
///
/// let mut buf = [0u8; 64];
/// let uid = encode_uid("jürgen@example.org".as_bytes(), &mut buf).unwrap();
/// assert_eq!(uid, "asO8cmdlbkBleGFtcGxlLm9yZw");
/// let mut raw = [0u8; 48];
/// assert_eq!(decode_uid(uid, &mut raw).unwrap(), "jürgen@example.org".as_bytes());
/// ```
///
/// # Errors
///
/// [`SignError::InvalidUid`] for an empty input or more than 48 bytes.
pub fn encode_uid<'b>(bytes: &[u8], buf: &'b mut [u8; MAX_UID_LEN]) -> Result<&'b str, SignError> {
    if bytes.is_empty() || bytes.len() > MAX_UID_BYTES {
        return Err(SignError::InvalidUid);
    }
    let n = b64::encode_any(bytes, buf);
    core::str::from_utf8(&buf[..n]).map_err(|_| SignError::InvalidUid)
}

/// Decodes a uid made by [`encode_uid`] back into its bytes, strictly: only the one canonical
/// spelling of each byte string is accepted (no padding, no `+` or `/`, no non-zero unused
/// bits).
///
/// # Errors
///
/// [`VerifyError::Malformed`] if `uid` is not a canonical unpadded base64url encoding of 1 to
/// 48 bytes.
///
/// ```
/// use hardtack_token::{decode_uid, encode_uid, VerifyError};
/// let mut buf = [0u8; 64];
/// let uid = encode_uid(&[0, 1, 2, 254, 255], &mut buf).unwrap();
/// let mut raw = [0u8; 48];
/// assert_eq!(decode_uid(uid, &mut raw).unwrap(), &[0, 1, 2, 254, 255]);
/// // Only the canonical spelling: non-zero unused bits and padding are refused.
/// assert_eq!(decode_uid("AB", &mut raw).unwrap_err(), VerifyError::Malformed);
/// assert_eq!(decode_uid("AA==", &mut raw).unwrap_err(), VerifyError::Malformed);
/// ```
pub fn decode_uid<'b>(
    uid: &str,
    buf: &'b mut [u8; MAX_UID_BYTES],
) -> Result<&'b [u8], VerifyError> {
    let uid = uid.as_bytes();
    if uid.is_empty() || uid.len() > MAX_UID_LEN {
        return Err(VerifyError::Malformed);
    }
    match b64::decode_any(uid, buf) {
        Some(n) => Ok(&buf[..n]),
        None => Err(VerifyError::Malformed),
    }
}
