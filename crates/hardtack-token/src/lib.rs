#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(test)]
extern crate std;

/// The test-vector JSON reader shared with the integration tests.
#[cfg(test)]
#[path = "../tests/common/json.rs"]
#[allow(dead_code)]
mod test_json;

mod b64;
mod key;
mod mac;
mod token;
mod verify;

pub use key::{
    KeyError, KeyRing, KeyRingBuilder, MAX_CONTEXT_LEN, MAX_KEYS, MIN_KEY_LEN, MasterKey,
};
pub use token::{MAX_UID_BYTES, SignError, Token, decode_uid, encode_uid};
pub use verify::{DEFAULT_LEEWAY, Verified, VerifyError, VerifyOptions};

/// The format version this crate writes and reads (the high nibble of the header byte).
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// let token = ring.sign("user-12345", 1_700_000_000).unwrap();
/// // The sign segment is base64url of the header byte and the tag; the header's high
/// // nibble is the version, the low one the key id.
/// let sign = token.as_str().rsplit('.').next().unwrap();
/// let mut raw = [0u8; 48];
/// let bytes = hardtack_token::decode_uid(sign, &mut raw).unwrap();
/// assert_eq!((bytes.len(), bytes[0] >> 4, bytes[0] & 0x0F), (33, hardtack_token::VERSION, 0));
/// ```
pub const VERSION: u8 = 1;

/// Longest uid in bytes.
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// use hardtack_token::{MAX_UID_LEN, SignError};
/// assert!(ring.sign(&"u".repeat(MAX_UID_LEN), 0).is_ok());
/// assert_eq!(ring.sign(&"u".repeat(MAX_UID_LEN + 1), 0).unwrap_err(), SignError::InvalidUid);
/// ```
pub const MAX_UID_LEN: usize = 64;

/// Length of the time segment: 6 bytes in unpadded base64url.
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// let token = ring.sign("user-12345", 1_700_000_000).unwrap();
/// assert_eq!(token.as_str().split('.').nth(1).unwrap().len(), hardtack_token::TIME_LEN);
/// ```
pub const TIME_LEN: usize = 8;

/// Length of the sign segment: 33 bytes (header and 32-byte tag) in unpadded base64url.
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// let token = ring.sign("user-12345", 1_700_000_000).unwrap();
/// assert_eq!(token.as_str().rsplit('.').next().unwrap().len(), hardtack_token::SIGN_LEN);
/// ```
pub const SIGN_LEN: usize = 44;

/// Shortest token: a 1-byte uid.
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// assert_eq!(ring.sign("a", 0).unwrap().as_str().len(), hardtack_token::MIN_TOKEN_LEN);
/// ```
pub const MIN_TOKEN_LEN: usize = 1 + 1 + TIME_LEN + 1 + SIGN_LEN;

/// Longest token: a 64-byte uid.
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// let longest = ring.sign(&"u".repeat(64), hardtack_token::MAX_TIME).unwrap();
/// assert_eq!(longest.as_str().len(), hardtack_token::MAX_TOKEN_LEN);
/// ```
pub const MAX_TOKEN_LEN: usize = MAX_UID_LEN + 1 + TIME_LEN + 1 + SIGN_LEN;

/// Latest issue time a token can carry: 2^48 - 1 seconds after 1970 (about 8.9 million years).
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// use hardtack_token::{MAX_TIME, SignError};
/// assert!(ring.sign("a", MAX_TIME).is_ok());
/// assert_eq!(ring.sign("a", MAX_TIME + 1).unwrap_err(), SignError::TimeOutOfRange);
/// ```
pub const MAX_TIME: u64 = (1 << 48) - 1;
