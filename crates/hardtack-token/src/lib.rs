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
pub const VERSION: u8 = 1;

/// Longest uid in bytes.
pub const MAX_UID_LEN: usize = 64;

/// Length of the time segment: 6 bytes in unpadded base64url.
pub const TIME_LEN: usize = 8;

/// Length of the sign segment: 33 bytes (header and 32-byte tag) in unpadded base64url.
pub const SIGN_LEN: usize = 44;

/// Shortest token: a 1-byte uid.
pub const MIN_TOKEN_LEN: usize = 1 + 1 + TIME_LEN + 1 + SIGN_LEN;

/// Longest token: a 64-byte uid.
pub const MAX_TOKEN_LEN: usize = MAX_UID_LEN + 1 + TIME_LEN + 1 + SIGN_LEN;

/// Latest issue time a token can carry: 2^48 - 1 seconds after 1970 (about 8.9 million years).
pub const MAX_TIME: u64 = (1 << 48) - 1;
