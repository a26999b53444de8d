//! The key a session store indexes by: a digest of the id, never the id.

use core::fmt;
use core::hash::{Hash, Hasher};

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// `SHA-256` of a session id's bytes: what a session store should index by.
///
/// Keying the store by a one-way digest instead of the id means:
///
/// * a dump or backup of the store yields no usable cookie values;
/// * index lookup timing (B-tree comparisons, hash buckets) depends on the
///   digest, which says nothing about live ids;
/// * the key can go into logs as the "hash of the id" that OWASP recommends,
///   since it cannot be turned back into a cookie.
///
/// An unkeyed hash is enough because the input already has 128 to 384 bits
/// of entropy: there is nothing to brute-force. Obtain one with
/// [`Sid::storage_key`](crate::Sid::storage_key).
///
/// ```
/// use hardtack_sid::SessionId;
///
/// let id = SessionId::generate()?;
/// let key = id.storage_key();
/// assert_eq!(key.as_bytes().len(), 32);
/// assert_eq!(key.to_string().len(), 64); // lowercase hex, for logs
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
#[derive(Clone, Copy, Eq, PartialOrd, Ord)]
pub struct StorageKey([u8; 32]);

impl StorageKey {
    /// Hashes raw id bytes.
    pub(crate) fn digest(id: &[u8]) -> Self {
        Self(Sha256::digest(id).into())
    }

    /// Rebuilds a key from the 32 bytes a store persisted.
    ///
    /// ```
    /// use hardtack_sid::{SessionId, StorageKey};
    ///
    /// let key = SessionId::generate()?.storage_key();
    /// let stored: [u8; 32] = *key.as_bytes();
    /// assert_eq!(StorageKey::from_bytes(stored), key);
    /// # Ok::<(), hardtack_sid::GenerateError>(())
    /// ```
    #[must_use]
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The digest bytes, for use as a store key.
    ///
    /// ```
    /// use hardtack_sid::SessionId;
    ///
    /// let key = SessionId::generate()?.storage_key();
    /// let column: &[u8; 32] = key.as_bytes();
    /// assert_ne!(column, &[0u8; 32]);
    /// # Ok::<(), hardtack_sid::GenerateError>(())
    /// ```
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

/// Constant time, like every comparison in this crate that involves ids.
///
/// ```
/// use hardtack_sid::SessionId;
///
/// let id = SessionId::generate()?;
/// assert_eq!(id.storage_key(), id.clone().storage_key());
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
impl PartialEq for StorageKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

/// Consistent with [`PartialEq`]: hashes the digest bytes.
///
/// ```
/// use std::collections::HashMap;
/// use hardtack_sid::SessionId;
///
/// let id = SessionId::generate()?;
/// let mut store = HashMap::new();
/// store.insert(id.storage_key(), "session data");
/// assert_eq!(store.get(&id.storage_key()), Some(&"session data"));
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
impl Hash for StorageKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

/// Full lowercase hex (64 characters), for logs and text-keyed stores.
///
/// ```
/// use hardtack_sid::StorageKey;
///
/// let key = StorageKey::from_bytes([0xab; 32]);
/// assert_eq!(key.to_string(), "ab".repeat(32));
/// ```
impl fmt::Display for StorageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(self, f)
    }
}

/// Same as [`Display`](fmt::Display).
///
/// ```
/// use hardtack_sid::StorageKey;
///
/// let key = StorageKey::from_bytes([0x0f; 32]);
/// assert_eq!(format!("{key:x}"), "0f".repeat(32));
/// ```
impl fmt::LowerHex for StorageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

/// The first four bytes only: enough to tell keys apart in a debug dump.
///
/// ```
/// use hardtack_sid::StorageKey;
///
/// let key = StorageKey::from_bytes([0x5a; 32]);
/// assert_eq!(format!("{key:?}"), "StorageKey(5a5a5a5a…)");
/// ```
impl fmt::Debug for StorageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StorageKey(")?;
        self.0
            .iter()
            .take(4)
            .try_for_each(|b| write!(f, "{b:02x}"))?;
        f.write_str("…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_matches_the_fips_180_2_abc_vector() {
        let key = StorageKey::digest(b"abc");
        let expected = [
            0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae,
            0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61,
            0xf2, 0x00, 0x15, 0xad,
        ];
        assert_eq!(key.as_bytes(), &expected);
    }

    #[test]
    fn equality_is_by_value() {
        assert_eq!(
            StorageKey::from_bytes([1; 32]),
            StorageKey::from_bytes([1; 32])
        );
        let mut other = [1; 32];
        other[31] = 2;
        assert_ne!(
            StorageKey::from_bytes([1; 32]),
            StorageKey::from_bytes(other)
        );
    }
}
