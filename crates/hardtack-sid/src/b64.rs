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
///
/// Byte arithmetic only, so a run of calls compiles to vector code that
/// maps 16 or 32 characters per instruction.
#[inline(always)]
fn encode6(value: u8) -> u8 {
    let v = value & 0x3f;
    // All ones exactly when `v > k`: `k - v` is then negative, and with both
    // below 64 it cannot wrap past the sign bit.
    let above = |k: u8| (i8::from_ne_bytes([k.wrapping_sub(v)]) >> 7).to_ne_bytes()[0];
    // Start in the `A..=Z` range and shift the offset once per range the
    // value has passed.
    let offset = b'A'
        .wrapping_add(above(25) & 6) // 26..=51 -> 'a'..='z'
        .wrapping_sub(above(51) & 75) // 52..=61 -> '0'..='9'
        .wrapping_sub(above(61) & 13) // 62 -> '-'
        .wrapping_add(above(62) & 49); // 63 -> '_'
    // `v + offset` is an ASCII code point by construction.
    v.wrapping_add(offset)
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
pub(crate) fn encode(bytes: &[u8], text: &mut [u8]) {
    // Two passes, each simple enough to compile to straight-line or vector
    // code. First every group of six bytes is loaded as one integer and its
    // eight sextets are spread into the bytes of a `u64` (a short last group
    // is padded with zero bits, exactly the unused bits the unpadded
    // encoding requires to be zero). Then each sextet is mapped on its own.
    let mut values = [0u8; 64];
    for (group, out) in bytes.chunks(6).zip(values.chunks_exact_mut(8)) {
        let mut be = [0u8; 8];
        for (dst, &src) in be.iter_mut().zip(group) {
            *dst = src;
        }
        out.copy_from_slice(&spread(u64::from_be_bytes(be) >> 16).to_le_bytes());
    }
    for (c, &v) in text.iter_mut().zip(values.iter()) {
        *c = encode6(v);
    }
}

/// Moves the eight 6-bit fields of a 48-bit value into the low bits of the
/// eight bytes of a `u64`, the most significant field into the *least*
/// significant byte, so that the little-endian bytes are in text order:
/// 24-bit halves into 32-bit lanes, then 12-bit quarters into 16-bit lanes,
/// then sextets into bytes, the upper part into the lower lane each time.
#[inline(always)]
fn spread(x: u64) -> u64 {
    let x = (x >> 24 & 0x00ff_ffff) | (x & 0x00ff_ffff) << 32;
    let x = (x >> 12 & 0x0000_0fff_0000_0fff) | (x & 0x0000_0fff_0000_0fff) << 16;
    (x >> 6 & 0x003f_003f_003f_003f) | (x & 0x003f_003f_003f_003f) << 8
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

    /// Six bits at a time, most significant first, zero-padded: the
    /// definition of the unpadded encoding, with no grouping at all.
    fn bit_serial(bytes: &[u8]) -> Vec<u8> {
        let bit = |i: usize| bytes.get(i / 8).map_or(0, |b| (b >> (7 - i % 8)) & 1);
        (0..encoded_len(bytes.len()))
            .map(|c| (0..6).fold(0usize, |v, k| v << 1 | usize::from(bit(6 * c + k))))
            .map(|v| ALPHABET[v])
            .collect()
    }

    #[test]
    fn every_length_up_to_48_bytes_matches_the_bit_serial_definition() {
        for len in 0..=48 {
            for seed in [0u8, 0x5a, 0xff] {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| seed ^ u8::try_from(i * 37 % 256).unwrap_or(0))
                    .collect();
                let mut text = [b'#'; 66];
                encode(&bytes, &mut text[..encoded_len(len)]);
                assert_eq!(&text[..encoded_len(len)], bit_serial(&bytes), "{len} bytes");
                assert!(text[encoded_len(len)..].iter().all(|&c| c == b'#'));
            }
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
