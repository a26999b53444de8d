//! Master keys and the key ring.

use core::fmt;

use zeroize::Zeroize;

use crate::mac::{self, MacKey};

/// Minimum length of a master key in bytes.
///
/// ```
/// use hardtack_token::{KeyError, MasterKey, MIN_KEY_LEN};
/// assert!(MasterKey::from_bytes(&[1u8; MIN_KEY_LEN]).is_ok());
/// assert_eq!(MasterKey::from_bytes(&[1u8; MIN_KEY_LEN - 1]).unwrap_err(), KeyError::TooShort);
/// ```
pub const MIN_KEY_LEN: usize = 32;

/// Number of key slots (key ids 0 to 15).
///
/// ```
/// use hardtack_token::{KeyError, KeyRing, MasterKey, MAX_KEYS};
/// let key = MasterKey::from_bytes(&[1u8; 32]).unwrap();
/// let last = (MAX_KEYS - 1) as u8;
/// assert!(KeyRing::builder("ctx").current(last, &key).build().is_ok());
/// let err = KeyRing::builder("ctx").current(last + 1, &key).build().unwrap_err();
/// assert_eq!(err, KeyError::KidOutOfRange);
/// ```
pub const MAX_KEYS: usize = 16;

/// Longest context string in bytes (its length is written as a `u16`).
///
/// ```
/// use hardtack_token::{KeyError, KeyRing, MasterKey, MAX_CONTEXT_LEN};
/// let key = MasterKey::from_bytes(&[1u8; 32]).unwrap();
/// assert!(KeyRing::single(&vec![b'c'; MAX_CONTEXT_LEN], &key).is_ok());
/// let err = KeyRing::single(&vec![b'c'; MAX_CONTEXT_LEN + 1], &key).unwrap_err();
/// assert_eq!(err, KeyError::ContextTooLong);
/// ```
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
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let key = MasterKey::from_bytes(b"0123456789abcdef0123456789abcdef").unwrap();
    /// assert_eq!(key.expose_bytes().len(), 32);
    /// // A 100-byte key is kept as its 32-byte SHA-256: the same HMAC key, so the same tokens.
    /// let long = MasterKey::from_bytes(&[5u8; 100]).unwrap();
    /// let again = MasterKey::from_bytes(long.expose_bytes()).unwrap();
    /// assert_eq!(long.expose_bytes().len(), 32);
    /// let (a, b) = (KeyRing::single("ctx", &long).unwrap(), KeyRing::single("ctx", &again).unwrap());
    /// assert_eq!(a.sign("u", 1).unwrap().as_str(), b.sign("u", 1).unwrap().as_str());
    /// ```
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
    ///
    /// ```
    /// use hardtack_token::MasterKey;
    /// let (a, b) = (MasterKey::generate()?, MasterKey::generate()?);
    /// assert_eq!(a.expose_bytes().len(), 32);
    /// assert_ne!(a.expose_bytes(), b.expose_bytes());
    /// # Ok::<(), hardtack_token::KeyError>(())
    /// ```
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
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let key = MasterKey::generate()?;
    /// let saved: Vec<u8> = key.expose_bytes().to_vec(); // to the secret store
    /// // After a restart: the same key from the store verifies the old tokens.
    /// let restored = MasterKey::from_bytes(&saved)?;
    /// let token = KeyRing::single("ctx", &key)?.sign("u", 1_000).unwrap();
    /// let opts = hardtack_token::VerifyOptions::new(core::time::Duration::from_secs(60));
    /// assert!(KeyRing::single("ctx", &restored)?.verify(token.as_str(), 1_000, &opts).is_ok());
    /// # Ok::<(), hardtack_token::KeyError>(())
    /// ```
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
///
/// ```
/// use hardtack_token::{KeyError, KeyRing, MasterKey};
/// let key = MasterKey::from_bytes(&[1u8; 32]).unwrap();
/// let err = KeyRing::builder("ctx").previous(0, &key).build().unwrap_err();
/// assert_eq!(err, KeyError::NoCurrentKey);
/// assert_eq!(err.to_string(), "key ring has no current key");
/// let err = KeyRing::builder("ctx").current(1, &key).previous(1, &key).build().unwrap_err();
/// assert_eq!(err, KeyError::DuplicateKid);
/// let _: &dyn std::error::Error = &err;
/// ```
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
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack_token::{KeyRing, MasterKey, VerifyError, VerifyOptions};
    /// let key = MasterKey::from_bytes(&[1u8; 32]).unwrap();
    /// let login = KeyRing::builder("myapp/remember-me").current(0, &key).build().unwrap();
    /// let reset = KeyRing::builder("myapp/password-reset").current(0, &key).build().unwrap();
    /// // Same master key, different contexts: a token for one never verifies for the other.
    /// let token = login.sign("user-1", 1_000).unwrap();
    /// let opts = VerifyOptions::new(Duration::from_secs(600));
    /// assert!(login.verify(token.as_str(), 1_000, &opts).is_ok());
    /// assert_eq!(reset.verify(token.as_str(), 1_000, &opts).unwrap_err(), VerifyError::BadSignature);
    /// ```
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
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[1u8; 32]).unwrap()).unwrap();
    /// assert_eq!(ring.current_kid(), 0);
    /// assert!(ring.has_kid(0) && !ring.has_kid(1));
    /// ```
    pub fn single<C: AsRef<[u8]> + ?Sized>(context: &C, key: &MasterKey) -> Result<Self, KeyError> {
        KeyRing::builder(context).current(0, key).build()
    }

    /// The key id that [`sign`](KeyRing::sign) uses.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let (old, new) = (MasterKey::from_bytes(&[1u8; 32]).unwrap(), MasterKey::from_bytes(&[2u8; 32]).unwrap());
    /// let ring = KeyRing::builder("ctx").previous(3, &old).current(4, &new).build().unwrap();
    /// assert_eq!(ring.current_kid(), 4);
    /// ```
    pub fn current_kid(&self) -> u8 {
        self.current
    }

    /// Whether the ring holds a key for `kid`.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let key = MasterKey::from_bytes(&[1u8; 32]).unwrap();
    /// let ring = KeyRing::builder("ctx").current(7, &key).build().unwrap();
    /// assert!(ring.has_kid(7));
    /// assert!(!ring.has_kid(0) && !ring.has_kid(16) && !ring.has_kid(255));
    /// ```
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
///
/// ```
/// use hardtack_token::{KeyError, KeyRing, MasterKey};
/// let key = MasterKey::from_bytes(&[1u8; 32]).unwrap();
/// let builder = KeyRing::builder("ctx").current(0, &key);
/// // Debug shows the key ids, never key material.
/// assert_eq!(format!("{builder:?}"), "KeyRingBuilder { current: Some(0), kids: [0], keys: <redacted>, error: None }");
/// assert!(builder.build().is_ok());
/// // The first error wins and is reported by `build`.
/// let err = KeyRing::builder("ctx").current(99, &key).current(0, &key).build().unwrap_err();
/// assert_eq!(err, KeyError::KidOutOfRange);
/// ```
pub struct KeyRingBuilder<'c> {
    context: &'c [u8],
    slots: [Option<MacKey>; MAX_KEYS],
    current: Option<u8>,
    error: Option<KeyError>,
}

impl KeyRingBuilder<'_> {
    /// Adds `key` under `kid` (0 to 15) as the current signing key. Exactly one key must be
    /// current.
    ///
    /// ```
    /// use hardtack_token::{KeyError, KeyRing, MasterKey};
    /// let (a, b) = (MasterKey::from_bytes(&[1u8; 32]).unwrap(), MasterKey::from_bytes(&[2u8; 32]).unwrap());
    /// let ring = KeyRing::builder("ctx").current(1, &a).build().unwrap();
    /// assert_eq!(ring.current_kid(), 1);
    /// let two = KeyRing::builder("ctx").current(1, &a).current(2, &b).build();
    /// assert_eq!(two.unwrap_err(), KeyError::MultipleCurrentKeys);
    /// ```
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
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack_token::{KeyRing, MasterKey, VerifyOptions};
    /// let (old, new) = (MasterKey::from_bytes(&[1u8; 32]).unwrap(), MasterKey::from_bytes(&[2u8; 32]).unwrap());
    /// let before = KeyRing::single("ctx", &old).unwrap();
    /// let token = before.sign("user-1", 1_000).unwrap();
    /// // Rotation: the new key signs, the old one still verifies (and says so).
    /// let after = KeyRing::builder("ctx").current(1, &new).previous(0, &old).build().unwrap();
    /// let v = after.verify(token.as_str(), 1_000, &VerifyOptions::new(Duration::from_secs(60))).unwrap();
    /// assert!(v.stale_key);
    /// assert_eq!(v.kid, 0);
    /// ```
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
    ///
    /// ```
    /// use hardtack_token::{KeyError, KeyRing, MasterKey};
    /// let key = MasterKey::from_bytes(&[1u8; 32]).unwrap();
    /// assert!(KeyRing::builder("ctx").current(0, &key).build().is_ok());
    /// assert_eq!(KeyRing::builder("ctx").build().unwrap_err(), KeyError::NoCurrentKey);
    /// ```
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
