//! `session_id`: mint a 24-byte (192-bit) id as 32 base64url characters, and
//! parse one back.
//!
//! Every implementation produces the same thing, text in a stack buffer:
//! hardtack's `SessionId` holds its bytes and text inline, and the peers encode
//! into a `[u8; 32]` with the `base64` crate.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hardtack_sid::SessionId;
use rand::Rng;

/// Bytes of randomness per id.
///
/// ```
/// use hardtack_benches::session_id::{BYTES, SAMPLE};
/// // The size of hardtack's ids; the peers draw as many bytes.
/// let id = hardtack_sid::SessionId::parse(SAMPLE).unwrap();
/// assert_eq!(id.expose_bytes().len(), BYTES);
/// ```
pub const BYTES: usize = 24;
/// Characters of text per id.
///
/// ```
/// use hardtack_benches::session_id::{BYTES, TEXT};
/// // Four characters per three bytes, and no padding: 24 is a multiple of 3.
/// assert_eq!(base64::encoded_len(BYTES, false), Some(TEXT));
/// assert_eq!(base64::encoded_len(BYTES, true), Some(TEXT));
/// ```
pub const TEXT: usize = 32;

/// hardtack `SessionId::generate` (one `getrandom` call per id).
///
/// ```
/// use hardtack_benches::session_id::{TEXT, hardtack};
/// assert_eq!(hardtack(), TEXT);
/// ```
pub fn hardtack() -> usize {
    SessionId::generate().map_or(0, |id| id.expose().len())
}

/// hardtack `SessionId::generate_fast` (per-thread ChaCha20, reseeded).
///
/// ```
/// use hardtack_benches::session_id::{TEXT, hardtack_fast, thread_rng_b64};
/// // Its peer is the other user-space generator: both make a 32-character id.
/// assert_eq!(hardtack_fast(), TEXT);
/// assert_eq!(thread_rng_b64(), hardtack_fast());
/// ```
pub fn hardtack_fast() -> usize {
    SessionId::generate_fast().map_or(0, |id| id.expose().len())
}

fn encode(raw: &[u8; BYTES]) -> usize {
    let mut text = [0u8; TEXT];
    let n = URL_SAFE_NO_PAD.encode_slice(raw, &mut text).unwrap_or(0);
    // Only the length is returned, so without this the optimiser deletes the
    // encoding (LTO showed `thread_rng_b64` returning a constant 32): the text must
    // exist, as hardtack's does.
    std::hint::black_box(&text);
    n
}

/// `getrandom::fill` then base64url into a stack buffer.
///
/// ```
/// use hardtack_benches::session_id::{TEXT, getrandom_b64};
/// // The peer of `hardtack()`: one OS call per id, then the same encoding.
/// assert_eq!(getrandom_b64(), TEXT);
/// ```
pub fn getrandom_b64() -> usize {
    let mut raw = [0u8; BYTES];
    match getrandom::fill(&mut raw) {
        Ok(()) => encode(&raw),
        Err(_) => 0,
    }
}

/// `rand::rng()` (ThreadRng, ChaCha12) then base64url into a stack buffer.
///
/// ```
/// use hardtack_benches::session_id::{TEXT, thread_rng_b64};
/// assert_eq!(thread_rng_b64(), TEXT);
/// ```
pub fn thread_rng_b64() -> usize {
    let mut raw = [0u8; BYTES];
    rand::rng().fill_bytes(&mut raw);
    encode(&raw)
}

/// A well-formed id to parse.
///
/// ```
/// use hardtack_benches::session_id::{SAMPLE, TEXT};
/// // URL-safe characters only, and exactly one id long.
/// assert!(SAMPLE.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
/// assert_eq!(SAMPLE.len(), TEXT);
/// assert!(hardtack_sid::SessionId::parse(SAMPLE).is_ok());
/// ```
pub const SAMPLE: &str = "q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf";

/// hardtack `SessionId::parse` (length, alphabet, canonical bits; constant time).
///
/// ```
/// use hardtack_benches::session_id::{BYTES, SAMPLE, base64_parse, hardtack_parse};
/// assert_eq!(hardtack_parse(SAMPLE), BYTES);
/// assert_eq!(hardtack_parse(SAMPLE), base64_parse(SAMPLE));
/// // Standard base64's `+` is not in the URL-safe alphabet: both refuse it.
/// let standard = SAMPLE.replace('-', "+");
/// assert_eq!((hardtack_parse(&standard), base64_parse(&standard)), (0, 0));
/// ```
pub fn hardtack_parse(s: &str) -> usize {
    SessionId::parse(s).map_or(0, |id| id.expose_bytes().len())
}

/// `base64` crate: decode into a stack buffer after a length check.
///
/// ```
/// use hardtack_benches::session_id::{BYTES, SAMPLE, base64_parse};
/// assert_eq!(base64_parse(SAMPLE), BYTES);
/// // 31 characters would decode (to 23 bytes); the length check refuses them first.
/// assert_eq!(base64_parse(&SAMPLE[1..]), 0);
/// ```
pub fn base64_parse(s: &str) -> usize {
    if s.len() != TEXT {
        return 0;
    }
    let mut raw = [0u8; BYTES];
    URL_SAFE_NO_PAD.decode_slice(s, &mut raw).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generator_makes_32_characters() {
        for f in [hardtack, hardtack_fast, getrandom_b64, thread_rng_b64] {
            assert_eq!(f(), TEXT);
        }
    }

    #[test]
    fn both_parsers_accept_the_sample_and_refuse_garbage() {
        assert_eq!(hardtack_parse(SAMPLE), BYTES);
        assert_eq!(base64_parse(SAMPLE), BYTES);
        let bad = "q9Hs0vC4+uJ/x2ZNa8RwLmT1bE5yKdPf";
        assert_eq!(hardtack_parse(bad), 0);
        assert_eq!(base64_parse(bad), 0);
    }
}
