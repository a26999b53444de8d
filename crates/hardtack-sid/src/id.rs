//! The session id value type: generation, strict parsing, exposure.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use subtle::ConstantTimeEq;

use crate::b64;
use crate::error::{GenerateError, ParseError};
use crate::storage::StorageKey;

/// Longest supported id, in bytes.
const MAX_BYTES: usize = 48;
/// Its encoded length: the size of the text buffer every id carries.
const MAX_TEXT: usize = b64::encoded_len(MAX_BYTES);

/// The default session id: 24 random bytes (192 bits), 32 characters.
///
/// ```
/// use hardtack_sid::SessionId;
///
/// let id = SessionId::generate()?;
/// assert_eq!(id.expose().len(), 32);
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
pub type SessionId = Sid<24>;

/// A 16-byte (128-bit, 22-character) id, for interoperating with stores
/// that use tower-sessions-style ids. Prefer [`SessionId`] otherwise.
///
/// ```
/// use hardtack_sid::InteropSessionId;
///
/// let id = InteropSessionId::generate()?;
/// assert_eq!(id.expose().len(), 22);
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
pub type InteropSessionId = Sid<16>;

/// A session id of `N` random bytes, carried as unpadded base64url text.
///
/// Supported sizes are 16 bytes (interop) and every multiple of 3 from 18
/// to 48 bytes; any other `N` fails to compile as soon as an id of that size
/// is generated or parsed. Multiples of 3 encode with no unused bits, so the
/// text form is canonical by construction; the 16-byte size has 4 unused
/// bits, which the parser requires to be zero.
///
/// Most code uses the [`SessionId`] alias (`Sid<24>`).
///
/// The value is a secret: a `Sid` has no `Display` (so `format!("{id}")`
/// and logging macros cannot leak it by accident), its `Debug` prints
/// `Sid<N>(<redacted>)`, equality is constant time, and the text form is
/// reached only through [`expose`](Self::expose).
///
/// ```
/// use hardtack_sid::Sid;
///
/// let id = Sid::<48>::generate()?;
/// assert_eq!(id.expose().len(), 64); // 48 bytes, no padding
/// assert_eq!(format!("{id:?}"), "Sid<48>(<redacted>)");
/// assert_eq!(Sid::<48>::parse(id.expose()).unwrap(), id);
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
///
/// ```compile_fail
/// // 20 is neither 16 nor a multiple of 3.
/// let id = hardtack_sid::Sid::<20>::generate();
/// ```
#[derive(Clone)]
pub struct Sid<const N: usize> {
    bytes: [u8; N],
    /// The canonical encoding of `bytes` in its first `TEXT_LEN` positions,
    /// zeros after. Kept so [`Sid::expose`] can hand out a `&str` without
    /// encoding (or allocating) on every call.
    text: [u8; MAX_TEXT],
}

impl<const N: usize> Sid<N> {
    /// Number of random bytes in an id.
    ///
    /// ```
    /// assert_eq!(hardtack_sid::SessionId::BYTE_LEN, 24);
    /// ```
    pub const BYTE_LEN: usize = N;

    /// Length of the text form, in characters: `ceil(4 * N / 3)`.
    ///
    /// ```
    /// assert_eq!(hardtack_sid::SessionId::TEXT_LEN, 32);
    /// assert_eq!(hardtack_sid::InteropSessionId::TEXT_LEN, 22);
    /// ```
    pub const TEXT_LEN: usize = b64::encoded_len(N);

    /// Evaluated by every constructor, so an unsupported size is a compile
    /// error rather than an id with too little entropy or no text buffer.
    const SUPPORTED: () = assert!(
        N == 16 || (N.is_multiple_of(3) && N >= 18 && N <= MAX_BYTES),
        "session ids are 16 bytes or a multiple of 3 bytes from 18 to 48"
    );

    /// Draws a fresh id from the operating system's CSPRNG (one
    /// `getrandom` call, no state in this process, so it is fork-safe).
    ///
    /// No heap allocation. For high-rate minting see
    /// [`generate_fast`](Self::generate_fast).
    ///
    /// # Errors
    ///
    /// [`GenerateError::OsRng`] if the OS generator fails. Never fall back to
    /// a weaker source: fail the request (HTTP 503) instead.
    ///
    /// ```
    /// use hardtack_sid::SessionId;
    ///
    /// let a = SessionId::generate()?;
    /// let b = SessionId::generate()?;
    /// assert_ne!(a, b);
    /// # Ok::<(), hardtack_sid::GenerateError>(())
    /// ```
    pub fn generate() -> Result<Self, GenerateError> {
        let mut bytes = [0u8; N];
        getrandom::fill(&mut bytes)?;
        Ok(Self::from_random(bytes))
    }

    /// Wraps bytes that came from a CSPRNG. Private: an id built from
    /// anything else (a user id, a counter) would be guessable.
    pub(crate) fn from_random(bytes: [u8; N]) -> Self {
        let () = Self::SUPPORTED;
        let mut text = [0u8; MAX_TEXT];
        if let Some(out) = text.get_mut(..Self::TEXT_LEN) {
            b64::encode(&bytes, out);
        }
        Self { bytes, text }
    }

    /// Parses an id received from a client: exact length, strict base64url
    /// alphabet, canonical trailing bits. No heap allocation; the length is
    /// checked first, so oversized input costs O(1).
    ///
    /// A successful parse only means the string is well formed. Look the
    /// [`storage_key`](Self::storage_key) up in the store; if the id is
    /// malformed *or* unknown, start a new session with a freshly generated
    /// id. Never adopt an id the client chose (session fixation).
    ///
    /// # Errors
    ///
    /// [`ParseError`] says why the input was rejected; handle every variant
    /// the same way (as "no session").
    ///
    /// ```
    /// use hardtack_sid::{ParseError, SessionId};
    ///
    /// let id = SessionId::parse("q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf")?;
    /// assert_eq!(id.expose(), "q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf");
    ///
    /// assert_eq!(
    ///     SessionId::parse("q9Hs0vC4+uJ/x2ZNa8RwLmT1bE5yKdPf"),
    ///     Err(ParseError::InvalidCharacter)
    /// );
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, ParseError> {
        Self::parse_bytes(s.as_bytes())
    }

    /// [`parse`](Self::parse) for raw header bytes that may not be UTF-8
    /// (non-ASCII bytes are simply outside the alphabet).
    ///
    /// # Errors
    ///
    /// As for [`parse`](Self::parse).
    ///
    /// ```
    /// use hardtack_sid::{ParseError, SessionId};
    ///
    /// let raw: &[u8] = b"q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKd\xff\xfe";
    /// assert_eq!(SessionId::parse_bytes(raw), Err(ParseError::InvalidCharacter));
    /// ```
    pub fn parse_bytes(input: &[u8]) -> Result<Self, ParseError> {
        let () = Self::SUPPORTED;
        if input.len() != Self::TEXT_LEN {
            return Err(ParseError::InvalidLength {
                expected: Self::TEXT_LEN,
                found: input.len(),
            });
        }
        let mut bytes = [0u8; N];
        b64::decode(input, &mut bytes).map_err(|e| match e {
            b64::DecodeError::Alphabet => ParseError::InvalidCharacter,
            b64::DecodeError::TrailingBits => ParseError::NonCanonical,
        })?;
        // The decode is strict, so the input *is* the canonical text.
        let mut text = [0u8; MAX_TEXT];
        if let Some(out) = text.get_mut(..Self::TEXT_LEN) {
            out.copy_from_slice(input);
        }
        Ok(Self { bytes, text })
    }

    /// The text form, for the `Set-Cookie` value (or wherever the id must
    /// travel). The name is deliberately loud: every call site is a place
    /// where the secret leaves the type.
    ///
    /// Only `[A-Za-z0-9_-]`: no RFC 2068 tspecials, a valid RFC 6265
    /// `cookie-octet` string and a Version 0 cookie value, so it needs no
    /// quoting or percent-encoding anywhere.
    ///
    /// ```
    /// use hardtack_sid::SessionId;
    ///
    /// let id = SessionId::generate()?;
    /// let header = format!("Set-Cookie: id={}; Path=/; Secure; HttpOnly", id.expose());
    /// assert!(header.len() > 32);
    /// # Ok::<(), hardtack_sid::GenerateError>(())
    /// ```
    #[must_use]
    pub fn expose(&self) -> &str {
        let text = self.text.get(..Self::TEXT_LEN).unwrap_or_default();
        // Always ASCII by construction; the fallback is unreachable and
        // exposes nothing.
        core::str::from_utf8(text).unwrap_or_default()
    }

    /// Alias of [`expose`](Self::expose), named for its most common use.
    ///
    /// ```
    /// use hardtack_sid::SessionId;
    ///
    /// let id = SessionId::generate()?;
    /// assert_eq!(id.as_cookie_value(), id.expose());
    /// # Ok::<(), hardtack_sid::GenerateError>(())
    /// ```
    #[must_use]
    pub fn as_cookie_value(&self) -> &str {
        self.expose()
    }

    /// The raw random bytes, for callers that derive their own keyed digest
    /// (for example `HMAC(k, id)`) instead of [`storage_key`](Self::storage_key).
    ///
    /// ```
    /// use hardtack_sid::SessionId;
    ///
    /// let id = SessionId::generate()?;
    /// assert_eq!(id.expose_bytes().len(), 24);
    /// # Ok::<(), hardtack_sid::GenerateError>(())
    /// ```
    #[must_use]
    pub const fn expose_bytes(&self) -> &[u8; N] {
        &self.bytes
    }

    /// `SHA-256` of the id bytes: index the session store by this, never by
    /// the id itself. See [`StorageKey`] for why.
    ///
    /// ```
    /// use hardtack_sid::SessionId;
    ///
    /// let id = SessionId::generate()?;
    /// let again = SessionId::parse(id.expose()).expect("generated ids parse");
    /// assert_eq!(id.storage_key(), again.storage_key());
    /// # Ok::<(), hardtack_sid::GenerateError>(())
    /// ```
    #[must_use]
    pub fn storage_key(&self) -> StorageKey {
        StorageKey::digest(&self.bytes)
    }

    /// Replaces this id with a freshly generated one and returns the storage
    /// key of the old id.
    ///
    /// Call it whenever the privilege attached to a session changes: at
    /// login above all, and at logout, sudo-style elevation or a password
    /// change. An attacker who planted or learned the pre-login id
    /// (session fixation) is then left holding a dead id. The caller moves
    /// the session data to the new [`storage_key`](Self::storage_key),
    /// deletes the returned old key from the store, and sends the new
    /// cookie in the same response.
    ///
    /// # Errors
    ///
    /// [`GenerateError`] if the OS generator fails; `self` is then left
    /// unchanged and the login must not proceed on the old id.
    ///
    /// ```
    /// use hardtack_sid::SessionId;
    ///
    /// let mut id = SessionId::generate()?;
    /// let before = id.storage_key();
    /// let retired = id.rotate()?;
    /// assert_eq!(retired, before);
    /// assert_ne!(id.storage_key(), before);
    /// # Ok::<(), hardtack_sid::GenerateError>(())
    /// ```
    pub fn rotate(&mut self) -> Result<StorageKey, GenerateError> {
        let fresh = Self::generate()?;
        let old = core::mem::replace(self, fresh);
        Ok(old.storage_key())
    }
}

#[cfg(feature = "std")]
impl<const N: usize> Sid<N> {
    /// Draws a fresh id from this thread's fast generator: ChaCha20 seeded
    /// from the OS, reseeded periodically and after every `fork()`.
    ///
    /// Several times faster than [`generate`](Self::generate) where
    /// `getrandom` is a system call; see [`crate::fast`] for the design,
    /// the fork guard and the trade-offs.
    ///
    /// # Errors
    ///
    /// [`GenerateError::OsRng`] if seeding or reseeding from the OS fails.
    ///
    /// ```
    /// use hardtack_sid::SessionId;
    ///
    /// let id = SessionId::generate_fast()?;
    /// assert_eq!(SessionId::parse(id.expose()).as_ref(), Ok(&id));
    /// # Ok::<(), hardtack_sid::GenerateError>(())
    /// ```
    pub fn generate_fast() -> Result<Self, GenerateError> {
        let mut bytes = [0u8; N];
        crate::fast::fill(&mut bytes)?;
        Ok(Self::from_random(bytes))
    }
}

/// Constant time over the bytes (`subtle`), so comparing a candidate with a
/// live id leaks no matching prefix length.
///
/// ```
/// use hardtack_sid::SessionId;
///
/// let id = SessionId::generate()?;
/// assert_eq!(id, id.clone());
/// assert_ne!(id, SessionId::generate()?);
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
impl<const N: usize> PartialEq for Sid<N> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes.ct_eq(&other.bytes).into()
    }
}

impl<const N: usize> Eq for Sid<N> {}

/// Hashes the bytes, consistent with [`PartialEq`]. Prefer keying maps by
/// [`StorageKey`] so the id itself is not kept around.
///
/// ```
/// use std::collections::HashSet;
/// use hardtack_sid::SessionId;
///
/// let id = SessionId::generate()?;
/// let set: HashSet<_> = [id.clone()].into_iter().collect();
/// assert!(set.contains(&id));
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
impl<const N: usize> Hash for Sid<N> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

/// Never prints the id.
///
/// ```
/// use hardtack_sid::SessionId;
///
/// let id = SessionId::generate()?;
/// assert_eq!(format!("{id:?}"), "Sid<24>(<redacted>)");
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
impl<const N: usize> fmt::Debug for Sid<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sid<{N}>(<redacted>)")
    }
}

/// Same as [`Sid::parse`].
///
/// ```
/// use hardtack_sid::SessionId;
///
/// let id: SessionId = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".parse()?;
/// assert_eq!(id.expose_bytes(), &[0u8; 24]);
/// # Ok::<(), hardtack_sid::ParseError>(())
/// ```
impl<const N: usize> FromStr for Sid<N> {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_supported_size_has_the_expected_text_length() {
        assert_eq!(Sid::<16>::TEXT_LEN, 22);
        assert_eq!(Sid::<18>::TEXT_LEN, 24);
        assert_eq!(Sid::<24>::TEXT_LEN, 32);
        assert_eq!(Sid::<33>::TEXT_LEN, 44);
        assert_eq!(Sid::<48>::TEXT_LEN, 64);
        assert_eq!(MAX_TEXT, 64);
    }

    #[test]
    fn parse_keeps_the_exact_input_as_text() {
        let text = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY";
        let id = SessionId::parse(text);
        assert_eq!(id.as_ref().map(Sid::expose), Ok(text));
        let expected: [u8; 24] = core::array::from_fn(|i| u8::try_from(i + 1).unwrap_or(0));
        assert_eq!(id.as_ref().map(Sid::expose_bytes), Ok(&expected));
    }

    #[test]
    fn from_random_encodes_into_the_text_buffer() {
        let id = Sid::<16>::from_random([0xff; 16]);
        assert_eq!(id.expose(), "_____________________w");
        assert!(id.text.iter().skip(22).all(|&b| b == 0));
    }

    #[test]
    fn rotate_replaces_the_id() {
        let mut id = Sid::<24>::from_random([7; 24]);
        let old_key = id.storage_key();
        assert_eq!(id.rotate(), Ok(old_key));
        assert_ne!(id.expose_bytes(), &[7; 24]);
    }
}
