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
pub const BYTES: usize = 24;
/// Characters of text per id.
pub const TEXT: usize = 32;

/// hardtack `SessionId::generate` (one `getrandom` call per id).
pub fn hardtack() -> usize {
    SessionId::generate().map_or(0, |id| id.expose().len())
}

/// hardtack `SessionId::generate_fast` (per-thread ChaCha20, reseeded).
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
pub fn getrandom_b64() -> usize {
    let mut raw = [0u8; BYTES];
    match getrandom::fill(&mut raw) {
        Ok(()) => encode(&raw),
        Err(_) => 0,
    }
}

/// `rand::rng()` (ThreadRng, ChaCha12) then base64url into a stack buffer.
pub fn thread_rng_b64() -> usize {
    let mut raw = [0u8; BYTES];
    rand::rng().fill_bytes(&mut raw);
    encode(&raw)
}

/// A well-formed id to parse.
pub const SAMPLE: &str = "q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf";

/// hardtack `SessionId::parse` (length, alphabet, canonical bits; constant time).
pub fn hardtack_parse(s: &str) -> usize {
    SessionId::parse(s).map_or(0, |id| id.expose_bytes().len())
}

/// `base64` crate: decode into a stack buffer after a length check.
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
