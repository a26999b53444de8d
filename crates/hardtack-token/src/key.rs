//! Master keys and the key ring.

use core::fmt;

use zeroize::Zeroize;

use crate::mac::{self, MacKey};

/// Minimum length of a master key in bytes.
pub const MIN_KEY_LEN: usize = 32;

/// Number of key slots (key ids 0 to 15).
pub const MAX_KEYS: usize = 16;

/// Longest context string in bytes (its length is written as a `u16`).
pub const MAX_CONTEXT_LEN: usize = u16::MAX as usize;

/// The HMAC-SHA256 block size: longer master keys are replaced by their SHA-256 (RFC 2104),
/// which gives the same MACs.
const BLOCK_LEN: usize = 64;

/// A secret master key of at least 32 bytes.
///
/// The key ring derives one key per context from it (see [`KeyRing::builder`]). The bytes are
/// wiped when the value is dropped. `Debug` prints no key bytes; there is no `Display`,
/// `PartialEq` or `Clone`.
///
/// ```
/// use hardtack_token::MasterKey;
///
/// let key = MasterKey::from_bytes(&[7u8; 32]).unwrap();
/// assert_eq!(format!("{key:?}"), "MasterKey(<redacted>)");
/// assert!(MasterKey::from_bytes(&[7u8; 31]).is_err());
/// ```
pub struct MasterKey {
    bytes: [u8; BLOCK_LEN],
    len: u8,
}

impl MasterKey {
    /// Takes a copy of `bytes` as a master key. It must be at least [`MIN_KEY_LEN`] (32) bytes
    /// of uniformly random data, for example from [`MasterKey::generate`] or a secret manager.
    /// A key longer than 64 bytes is kept as its SHA-256, which HMAC treats identically.
    ///
    /// # Errors
    ///
    /// [`KeyError::TooShort`] for fewer than 32 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, KeyError> {
        if bytes.len() < MIN_KEY_LEN {
            return Err(KeyError::TooShort);
        }
        let mut key = MasterKey {
            bytes: [0; BLOCK_LEN],
            len: 0,
        };
        if bytes.len() > BLOCK_LEN {
            let mut digest = mac::sha256(bytes);
            key.bytes[..digest.len()].copy_from_slice(&digest);
            key.len = digest.len() as u8;
            digest.zeroize();
        } else {
            key.bytes[..bytes.len()].copy_from_slice(bytes);
            key.len = bytes.len() as u8;
        }
        Ok(key)
    }

    /// A new random 32-byte master key from the operating system's CSPRNG (`getrandom`).
    ///
    /// Store it with [`MasterKey::expose_bytes`] in your secret manager so that every server
    /// and every restart uses the same key.
    ///
    /// # Errors
    ///
    /// [`KeyError::Rng`] if the operating system's generator fails.
    pub fn generate() -> Result<Self, KeyError> {
        let mut key = MasterKey {
            bytes: [0; BLOCK_LEN],
            len: MIN_KEY_LEN as u8,
        };
        getrandom::fill(&mut key.bytes[..MIN_KEY_LEN]).map_err(|_| KeyError::Rng)?;
        Ok(key)
    }

    /// The key bytes, for saving a generated key in a secret store. Never log them.
    ///
    /// For a key given as more than 64 bytes this is its 32-byte SHA-256, an equivalent key.
    pub fn expose_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

impl Drop for MasterKey {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MasterKey(<redacted>)")
    }
}

/// Why a key or key ring could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// A master key shorter than 32 bytes.
    TooShort,
    /// The operating system's random generator failed.
    Rng,
    /// A key id above 15.
    KidOutOfRange,
    /// Two keys for the same key id.
    DuplicateKid,
    /// No current (signing) key was given.
    NoCurrentKey,
    /// More than one current key was given.
    MultipleCurrentKeys,
    /// The context is longer than 65535 bytes.
    ContextTooLong,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyError::TooShort => "master key shorter than 32 bytes",
            KeyError::Rng => "the operating system random generator failed",
            KeyError::KidOutOfRange => "key id out of range (0 to 15)",
            KeyError::DuplicateKid => "two keys for the same key id",
            KeyError::NoCurrentKey => "key ring has no current key",
            KeyError::MultipleCurrentKeys => "key ring has more than one current key",
            KeyError::ContextTooLong => "context longer than 65535 bytes",
        })
    }
}

impl core::error::Error for KeyError {}

/// Up to 16 keys, indexed by key id (`kid`, 0 to 15), for one context. One key is current:
/// [`sign`](KeyRing::sign) uses it. [`verify`](KeyRing::verify) uses the key the token names
/// and never tries another, so its cost does not depend on how many keys the ring holds.
///
/// Building the ring derives, for each master key, the context key
/// `k_ctx = HMAC-SHA256(master, "uid.time.sign/v1" || 0x00 || u16be(len(ctx)) || ctx || 0x01)`
/// and keeps only its precomputed HMAC state (wiped on drop). A token made for one context
/// (say `"myapp/remember-me"`) never verifies under another (`"myapp/password-reset"`).
///
/// Rotation: add the new key as current under a fresh kid and keep the old one as
/// [`previous`](KeyRingBuilder::previous); tokens under the old key verify with
/// [`Verified::stale_key`](crate::Verified::stale_key) set, so you can re-issue them. Later,
/// drop the old key from the ring and its tokens fail with
/// [`VerifyError::UnknownKey`](crate::VerifyError::UnknownKey).
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
///
/// let old = MasterKey::from_bytes(&[1u8; 32]).unwrap();
/// let new = MasterKey::from_bytes(&[2u8; 32]).unwrap();
/// let ring = KeyRing::builder("myapp/remember-me")
///     .current(2, &new)
///     .previous(1, &old)
///     .build()
///     .unwrap();
/// assert_eq!(ring.current_kid(), 2);
/// assert_eq!(format!("{ring:?}"), "KeyRing { current: 2, kids: [1, 2], keys: <redacted> }");
/// ```
#[derive(Clone)]
pub struct KeyRing {
    pub(crate) slots: [Option<MacKey>; MAX_KEYS],
    pub(crate) current: u8,
}

impl KeyRing {
    /// Starts a ring for `context`, the purpose of the tokens (for example
    /// `"myapp/remember-me"`); at most 65535 bytes. Use a different context for every purpose.
    pub fn builder<C: AsRef<[u8]> + ?Sized>(context: &C) -> KeyRingBuilder<'_> {
        let context = context.as_ref();
        KeyRingBuilder {
            context,
            slots: [const { None }; MAX_KEYS],
            current: None,
            error: (context.len() > MAX_CONTEXT_LEN).then_some(KeyError::ContextTooLong),
        }
    }

    /// A ring with one key, `kid` 0, current.
    ///
    /// # Errors
    ///
    /// [`KeyError::ContextTooLong`].
    pub fn single<C: AsRef<[u8]> + ?Sized>(context: &C, key: &MasterKey) -> Result<Self, KeyError> {
        KeyRing::builder(context).current(0, key).build()
    }

    /// The key id that [`sign`](KeyRing::sign) uses.
    pub fn current_kid(&self) -> u8 {
        self.current
    }

    /// Whether the ring holds a key for `kid`.
    pub fn has_kid(&self, kid: u8) -> bool {
        self.slots
            .get(usize::from(kid))
            .is_some_and(Option::is_some)
    }

    /// The precomputed key for `kid`: one index, no search.
    #[inline(always)]
    pub(crate) fn slot(&self, kid: u8) -> Option<&MacKey> {
        self.slots
            .get(usize::from(kid & 0x0F))
            .and_then(Option::as_ref)
    }
}

/// Prints the held key ids (public: they are in every token) and nothing else.
struct Kids<'a>(&'a [Option<MacKey>; MAX_KEYS]);

impl fmt::Debug for Kids<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(
                self.0
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.is_some())
                    .map(|(i, _)| i),
            )
            .finish()
    }
}

struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing")
            .field("current", &self.current)
            .field("kids", &Kids(&self.slots))
            .field("keys", &Redacted)
            .finish()
    }
}

/// Builds a [`KeyRing`]; see [`KeyRing::builder`]. Errors are reported by
/// [`build`](KeyRingBuilder::build) (the first one wins).
pub struct KeyRingBuilder<'c> {
    context: &'c [u8],
    slots: [Option<MacKey>; MAX_KEYS],
    current: Option<u8>,
    error: Option<KeyError>,
}

impl KeyRingBuilder<'_> {
    /// Adds `key` under `kid` (0 to 15) as the current signing key. Exactly one key must be
    /// current.
    #[must_use]
    pub fn current(mut self, kid: u8, key: &MasterKey) -> Self {
        if self.error.is_none() && self.current.is_some() {
            self.error = Some(KeyError::MultipleCurrentKeys);
        }
        self.add(kid, key);
        if self.error.is_none() {
            self.current = Some(kid);
        }
        self
    }

    /// Adds `key` under `kid` (0 to 15) for verification only: an older key kept during
    /// rotation.
    #[must_use]
    pub fn previous(mut self, kid: u8, key: &MasterKey) -> Self {
        self.add(kid, key);
        self
    }

    fn add(&mut self, kid: u8, key: &MasterKey) {
        if self.error.is_some() {
            return;
        }
        match self.slots.get_mut(usize::from(kid)) {
            None => self.error = Some(KeyError::KidOutOfRange),
            Some(Some(_)) => self.error = Some(KeyError::DuplicateKid),
            Some(slot) => {
                *slot = Some(mac::derive_context_key(key.expose_bytes(), self.context));
            }
        }
    }

    /// The finished ring.
    ///
    /// # Errors
    ///
    /// The first problem met: [`KeyError::ContextTooLong`], [`KeyError::KidOutOfRange`],
    /// [`KeyError::DuplicateKid`], [`KeyError::MultipleCurrentKeys`] or
    /// [`KeyError::NoCurrentKey`].
    pub fn build(self) -> Result<KeyRing, KeyError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let current = self.current.ok_or(KeyError::NoCurrentKey)?;
        Ok(KeyRing {
            slots: self.slots,
            current,
        })
    }
}

impl fmt::Debug for KeyRingBuilder<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRingBuilder")
            .field("current", &self.current)
            .field("kids", &Kids(&self.slots))
            .field("keys", &Redacted)
            .field("error", &self.error)
            .finish()
    }
}
