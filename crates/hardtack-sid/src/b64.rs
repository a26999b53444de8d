//! Unpadded base64url (RFC 4648 §5) without lookup tables or data-dependent
//! branches.
//!
//! A table lookup indexed by a secret byte leaves a cache footprint that
//! depends on the secret; the arithmetic below touches the same memory and
//! runs the same instructions whatever the id is. Only the final verdict
//! (valid or not) is branched on, and that verdict is not secret.
//!
//! Both directions work on caller-sized slices: the caller guarantees
//! `text.len() == encoded_len(bytes.len())`. The codec is strict: every
//! character must be in the alphabet and unused trailing bits must be zero,
//! so each byte string has exactly one accepted spelling.

/// Number of characters of the unpadded encoding of `n` bytes: `ceil(4n / 3)`.
pub(crate) const fn encoded_len(n: usize) -> usize {
    (n / 3) * 4 + [0, 2, 3][n % 3]
}

/// Why a decode failed. Kept apart from the public error so the codec stays
/// independent of id sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// A byte outside `[A-Za-z0-9_-]`.
    Alphabet,
    /// The last character carries non-zero unused bits.
    TrailingBits,
}

/// Maps a 6-bit value to its base64url character.
#[inline(always)]
fn encode6(value: u8) -> u8 {
    let v = i16::from(value & 0x3f);
    // Start in the `A..=Z` range and shift the offset once per range the
    // value has passed; `(k - v) >> 8` is all ones exactly when `v > k`.
    let mut offset: i16 = i16::from(b'A');
    offset += ((25 - v) >> 8) & 6; // 26..=51 -> 'a'..='z'
    offset -= ((51 - v) >> 8) & 75; // 52..=61 -> '0'..='9'
    offset -= ((61 - v) >> 8) & 13; // 62 -> '-'
    offset += ((62 - v) >> 8) & 49; // 63 -> '_'
    // `v + offset` is an ASCII code point by construction.
    (v + offset).to_le_bytes()[0]
}

/// Maps a character to its 6-bit value, or to -1 if it is not in the
/// alphabet.
#[inline(always)]
fn decode6(c: u8) -> i16 {
    let c = i16::from(c);
    // `((lo - c) & (c - hi)) >> 8` is all ones exactly when lo < c < hi.
    let mut value: i16 = -1;
    value += (((0x40 - c) & (c - 0x5b)) >> 8) & (c - 64); // 'A'..='Z' -> 0..=25
    value += (((0x60 - c) & (c - 0x7b)) >> 8) & (c - 70); // 'a'..='z' -> 26..=51
    value += (((0x2f - c) & (c - 0x3a)) >> 8) & (c + 5); // '0'..='9' -> 52..=61
    value += (((0x2c - c) & (c - 0x2e)) >> 8) & 63; // '-' -> 62
    value += (((0x5e - c) & (c - 0x60)) >> 8) & 64; // '_' -> 63
    value
}

/// Encodes `bytes` into `text`, which must be `encoded_len(bytes.len())`
/// long and at most 64 characters; extra output positions are left
/// untouched.
#[inline]
pub(crate) fn encode(mut bytes: &[u8], text: &mut [u8]) {
    // Split into 6-bit values first, then map each one independently: the
    // mapping loop has no dependency between iterations and vectorises.
    // Slice patterns rather than iterator adaptors keep the unoptimised
    // build fast enough for debug-built tests to mint a million ids.
    let mut values = [0u8; 64];
    let mut out = &mut values[..];
    loop {
        match (bytes, out) {
            ([b0, b1, b2, more_bytes @ ..], [v0, v1, v2, v3, more_out @ ..]) => {
                let acc = u32::from_be_bytes([0, *b0, *b1, *b2]);
                (*v0, *v1) = (sextet(acc, 18), sextet(acc, 12));
                (*v2, *v3) = (sextet(acc, 6), sextet(acc, 0));
                (bytes, out) = (more_bytes, more_out);
            }
            ([b0], [v0, v1, ..]) => {
                let acc = u32::from_be_bytes([0, *b0, 0, 0]);
                (*v0, *v1) = (sextet(acc, 18), sextet(acc, 12));
                break;
            }
            ([b0, b1], [v0, v1, v2, ..]) => {
                let acc = u32::from_be_bytes([0, *b0, *b1, 0]);
                (*v0, *v1, *v2) = (sextet(acc, 18), sextet(acc, 12), sextet(acc, 6));
                break;
            }
            _ => break,
        }
    }
    for (c, &v) in text.iter_mut().zip(values.iter()) {
        *c = encode6(v);
    }
}

/// The six bits of `acc` starting at bit `shift`.
#[inline(always)]
fn sextet(acc: u32, shift: u32) -> u8 {
    (acc >> shift).to_le_bytes()[0] & 0x3f
}

/// Decodes `text` into `bytes`; `text` must be `encoded_len(bytes.len())`
/// long. On error `bytes` holds garbage and must be discarded.
#[inline]
pub(crate) fn decode(mut text: &[u8], mut bytes: &mut [u8]) -> Result<(), DecodeError> {
    // Every character is decoded before anything is judged, so the work does
    // not depend on where (or whether) a bad character sits.
    let mut invalid: i16 = 0;
    let mut value = |c: u8| {
        let v = decode6(c);
        invalid |= v;
        u32::from(v.to_le_bytes()[0] & 0x3f)
    };
    // Unused low bits of a final partial group; they must be zero (RFC 4648
    // §3.5), or the same bytes would have several spellings. `None` if the
    // lengths do not match, which fails closed.
    let trailing: Option<u32> = loop {
        match (text, bytes) {
            ([c0, c1, c2, c3, more_text @ ..], [b0, b1, b2, more_bytes @ ..]) => {
                let acc = value(*c0) << 18 | value(*c1) << 12 | value(*c2) << 6 | value(*c3);
                let [_, x, y, z] = acc.to_be_bytes();
                (*b0, *b1, *b2) = (x, y, z);
                (text, bytes) = (more_text, more_bytes);
            }
            ([c0, c1], [b0]) => {
                let acc = value(*c0) << 18 | value(*c1) << 12;
                *b0 = acc.to_be_bytes()[1];
                break Some(acc & 0xffff);
            }
            ([c0, c1, c2], [b0, b1]) => {
                let acc = value(*c0) << 18 | value(*c1) << 12 | value(*c2) << 6;
                let [_, x, y, _] = acc.to_be_bytes();
                (*b0, *b1) = (x, y);
                break Some(acc & 0xff);
            }
            ([], []) => break Some(0),
            _ => break None,
        }
    };
    match trailing {
        _ if invalid < 0 => Err(DecodeError::Alphabet),
        None => Err(DecodeError::Alphabet),
        Some(0) => Ok(()),
        Some(_) => Err(DecodeError::TrailingBits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    #[test]
    fn encode6_matches_the_rfc_alphabet() {
        for (value, &expected) in (0u8..64).zip(ALPHABET.iter()) {
            assert_eq!(encode6(value), expected, "value {value}");
        }
    }

    #[test]
    fn decode6_inverts_the_alphabet_and_rejects_every_other_byte() {
        for c in 0u8..=255 {
            let expected = ALPHABET
                .iter()
                .position(|&a| a == c)
                .map_or(-1, |p| i16::try_from(p).unwrap_or(-1));
            assert_eq!(decode6(c), expected, "byte {c:#04x}");
        }
    }

    #[test]
    fn encoded_len_is_ceil_four_thirds() {
        for (n, chars) in [
            (0, 0),
            (1, 2),
            (2, 3),
            (3, 4),
            (16, 22),
            (18, 24),
            (24, 32),
            (33, 44),
            (48, 64),
        ] {
            assert_eq!(encoded_len(n), chars, "{n} bytes");
        }
    }

    /// RFC 4648 §10 inputs, in the URL-safe alphabet without padding.
    const RFC4648: [(&[u8], &[u8]); 7] = [
        (b"", b""),
        (b"f", b"Zg"),
        (b"fo", b"Zm8"),
        (b"foo", b"Zm9v"),
        (b"foob", b"Zm9vYg"),
        (b"fooba", b"Zm9vYmE"),
        (b"foobar", b"Zm9vYmFy"),
    ];

    #[test]
    fn rfc4648_vectors_round_trip() {
        for (bytes, text) in RFC4648 {
            let mut out = [0u8; 8];
            let out = &mut out[..text.len()];
            encode(bytes, out);
            assert_eq!(out, text);
            let mut back = [0u8; 6];
            let back = &mut back[..bytes.len()];
            assert_eq!(decode(text, back), Ok(()));
            assert_eq!(back, bytes);
        }
    }

    #[test]
    fn code_points_62_and_63_use_the_url_safe_characters() {
        // 0xfb 0xff 0xbf is 111110 111111 111110 111111.
        let mut out = [0u8; 4];
        encode(&[0xfb, 0xff, 0xbf], &mut out);
        assert_eq!(&out, b"-_-_");
    }

    #[test]
    fn non_zero_trailing_bits_are_rejected() {
        let mut one = [0u8; 1];
        assert_eq!(decode(b"Zg", &mut one), Ok(()));
        assert_eq!(decode(b"Zh", &mut one), Err(DecodeError::TrailingBits));
        let mut two = [0u8; 2];
        assert_eq!(decode(b"Zm8", &mut two), Ok(()));
        assert_eq!(decode(b"Zm9", &mut two), Err(DecodeError::TrailingBits));
    }

    #[test]
    fn mismatched_lengths_fail_closed() {
        let mut two = [0u8; 2];
        assert_eq!(decode(b"Zm9v", &mut two), Err(DecodeError::Alphabet));
        let mut four = [0u8; 4];
        assert_eq!(decode(b"Zm9v", &mut four), Err(DecodeError::Alphabet));
    }

    #[test]
    fn standard_alphabet_padding_and_whitespace_are_rejected() {
        let mut bytes = [0u8; 3];
        for text in [b"Zm9+", b"Zm9/", b"Zm8=", b"Zm 9", b"Zm9\n", b"Zm9\0"] {
            assert_eq!(
                decode(text, &mut bytes),
                Err(DecodeError::Alphabet),
                "{text:?}"
            );
        }
    }
}
