//! Strict, unpadded base64url (RFC 4648 section 5) for the few fixed shapes the format needs.
//!
//! The time (6 bytes) and sign (33 bytes) fields are multiples of 3 bytes, so their encodings
//! are whole 4-character groups with no unused bits: every accepted string is the one and only
//! spelling of its bytes. Only the uid helper deals with partial groups, and it rejects
//! non-zero unused bits.
//!
//! The inputs decoded here are public (the token travels in clear), so table lookups indexed
//! by input bytes leak nothing secret.

/// The URL-safe alphabet, indexed by 6-bit value.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Marks a byte outside the alphabet in [`DECODE`]. Any value with a bit in 0xC0 is invalid.
const INVALID: u8 = 0xFF;

/// Byte -> 6-bit value, or [`INVALID`].
static DECODE: [u8; 256] = {
    let mut t = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// Marks an invalid byte in the shifted tables: any of the top 8 bits set.
const INVALID_SHIFTED: u32 = 0xFF00_0000;

/// Byte -> 6-bit value shifted into place for position `pos` (0 to 3) of a 4-character group,
/// or [`INVALID_SHIFTED`]. A group then decodes with four lookups and three ORs.
const fn shifted_table(pos: u32) -> [u32; 256] {
    let mut t = [INVALID_SHIFTED; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = (i as u32) << (18 - 6 * pos);
        i += 1;
    }
    t
}

static D0: [u32; 256] = shifted_table(0);
static D1: [u32; 256] = shifted_table(1);
static D2: [u32; 256] = shifted_table(2);
static D3: [u32; 256] = shifted_table(3);

/// True when `b` is in `[A-Za-z0-9_-]`.
#[cfg(test)]
fn is_b64u(b: u8) -> bool {
    DECODE[b as usize] != INVALID
}

/// True when every byte of `s` is in `[A-Za-z0-9_-]`. Branch-free over the bytes, written
/// with comparisons rather than table lookups so that it vectorizes.
#[inline(always)]
pub(crate) fn all_b64u(s: &[u8]) -> bool {
    let mut ok = true;
    for &b in s {
        let lower = b | 0x20;
        ok &= (lower.wrapping_sub(b'a') < 26)
            | (b.wrapping_sub(b'0') < 10)
            | (b == b'-')
            | (b == b'_');
    }
    ok
}

/// Encodes whole 3-byte groups: `out.len()` must be `input.len() / 3 * 4` and `input.len()`
/// a multiple of 3. A mismatch only encodes fewer groups; it never panics.
#[inline(always)]
pub(crate) fn encode_groups(input: &[u8], out: &mut [u8]) {
    for (src, dst) in input.chunks_exact(3).zip(out.chunks_exact_mut(4)) {
        let v = (u32::from(src[0]) << 16) | (u32::from(src[1]) << 8) | u32::from(src[2]);
        dst[0] = ALPHABET[(v >> 18) as usize & 63];
        dst[1] = ALPHABET[(v >> 12) as usize & 63];
        dst[2] = ALPHABET[(v >> 6) as usize & 63];
        dst[3] = ALPHABET[v as usize & 63];
    }
}

/// 12-bit value -> its two base64url characters as a little-endian `u16`, so that a 3-byte
/// group encodes with two lookups (an 8 KiB table).
static ENCODE_PAIR: [u16; 4096] = {
    let mut t = [0u16; 4096];
    let mut i = 0;
    while i < 4096 {
        t[i] = u16::from_le_bytes([ALPHABET[i >> 6], ALPHABET[i & 63]]);
        i += 1;
    }
    t
};

/// Encodes the `B` bytes (a multiple of 3) of `input` into the first `B / 3 * 4` bytes of
/// `out`: 6 bytes into 8 characters per step (four pair lookups, one 8-byte store), then a
/// last 3-byte group if `B` is an odd multiple of 3. Callers pass constant sub-ranges of
/// fixed arrays, so the compiler sees every length and drops the bounds checks.
#[inline(always)]
pub(crate) fn encode_fixed<const B: usize>(input: &[u8; B], out: &mut [u8]) {
    const { assert!(B.is_multiple_of(3)) };
    let out = &mut out[..B / 3 * 4];
    let pair = |v: u64| u64::from(ENCODE_PAIR[(v & 0xFFF) as usize]);
    let mut i = 0;
    while i + 6 <= B {
        let v = u64::from_be_bytes([
            0,
            0,
            input[i],
            input[i + 1],
            input[i + 2],
            input[i + 3],
            input[i + 4],
            input[i + 5],
        ]);
        let w = pair(v >> 36) | (pair(v >> 24) << 16) | (pair(v >> 12) << 32) | (pair(v) << 48);
        let o = i / 3 * 4;
        out[o..o + 8].copy_from_slice(&w.to_le_bytes());
        i += 6;
    }
    if i < B {
        let v =
            (u64::from(input[i]) << 16) | (u64::from(input[i + 1]) << 8) | u64::from(input[i + 2]);
        let w = pair(v >> 12) | (pair(v) << 16);
        let o = i / 3 * 4;
        out[o..o + 4].copy_from_slice(&(w as u32).to_le_bytes());
    }
}

/// Decodes whole 4-character groups into 3-byte groups; the same size rule as
/// [`encode_groups`]. Returns `false` if any character is outside the alphabet (padding,
/// `+`, `/`, whitespace, ...). With whole groups there are no unused bits, so the decoding is
/// canonical by construction.
#[inline(always)]
pub(crate) fn decode_groups(input: &[u8], out: &mut [u8]) -> bool {
    let mut bad = 0u32;
    for (src, dst) in input.chunks_exact(4).zip(out.chunks_exact_mut(3)) {
        let v = D0[usize::from(src[0])]
            | D1[usize::from(src[1])]
            | D2[usize::from(src[2])]
            | D3[usize::from(src[3])];
        bad |= v;
        dst[0] = (v >> 16) as u8;
        dst[1] = (v >> 8) as u8;
        dst[2] = v as u8;
    }
    bad & INVALID_SHIFTED == 0
}

/// [`decode_groups`] for fixed sizes (`C` characters, a multiple of 4, into `B = C / 4 * 3`
/// bytes), with every index known at compile time.
#[inline(always)]
pub(crate) fn decode_fixed<const C: usize, const B: usize>(
    input: &[u8; C],
    out: &mut [u8; B],
) -> bool {
    const { assert!(C.is_multiple_of(4) && B == C / 4 * 3) };
    let mut bad = 0u32;
    let mut g = 0;
    while g < C / 4 {
        let v = D0[usize::from(input[4 * g])]
            | D1[usize::from(input[4 * g + 1])]
            | D2[usize::from(input[4 * g + 2])]
            | D3[usize::from(input[4 * g + 3])];
        bad |= v;
        out[3 * g] = (v >> 16) as u8;
        out[3 * g + 1] = (v >> 8) as u8;
        out[3 * g + 2] = v as u8;
        g += 1;
    }
    bad & INVALID_SHIFTED == 0
}

/// Encodes any `input` (the caller bounds its length) into `out` as unpadded base64url and
/// returns the number of characters written. `out` must hold `ceil(4 * len / 3)` bytes.
pub(crate) fn encode_any(input: &[u8], out: &mut [u8]) -> usize {
    let whole = input.len() / 3 * 3;
    let mut n = whole / 3 * 4;
    encode_groups(&input[..whole], &mut out[..n]);
    match input[whole..] {
        [a] => {
            out[n] = ALPHABET[usize::from(a >> 2)];
            out[n + 1] = ALPHABET[usize::from((a & 0x03) << 4)];
            n += 2;
        }
        [a, b] => {
            out[n] = ALPHABET[usize::from(a >> 2)];
            out[n + 1] = ALPHABET[usize::from(((a & 0x03) << 4) | (b >> 4))];
            out[n + 2] = ALPHABET[usize::from((b & 0x0F) << 2)];
            n += 3;
        }
        _ => {}
    }
    n
}

/// Strictly decodes unpadded base64url of any length into `out`, returning the number of
/// bytes written, or `None` for: a character outside the alphabet, a length of 1 mod 4, non-zero
/// unused trailing bits (RFC 4648 section 3.5), or an `out` too small.
pub(crate) fn decode_any(input: &[u8], out: &mut [u8]) -> Option<usize> {
    let whole = input.len() / 4 * 4;
    let mut n = whole / 4 * 3;
    let tail = &input[whole..];
    let need = n + tail.len().saturating_sub(1);
    if tail.len() == 1 || out.len() < need {
        return None;
    }
    if !decode_groups(&input[..whole], &mut out[..n]) {
        return None;
    }
    match *tail {
        [a, b] => {
            let (a, b) = (DECODE[usize::from(a)], DECODE[usize::from(b)]);
            if (a | b) & 0xC0 != 0 || b & 0x0F != 0 {
                return None;
            }
            out[n] = (a << 2) | (b >> 4);
            n += 1;
        }
        [a, b, c] => {
            let (a, b, c) = (
                DECODE[usize::from(a)],
                DECODE[usize::from(b)],
                DECODE[usize::from(c)],
            );
            if (a | b | c) & 0xC0 != 0 || c & 0x03 != 0 {
                return None;
            }
            out[n] = (a << 2) | (b >> 4);
            out[n + 1] = (b << 4) | (c >> 2);
            n += 2;
        }
        _ => {}
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_match_alphabet() {
        for b in 0..=255u8 {
            let expect = b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
            assert_eq!(is_b64u(b), expect, "byte {b:#04x}");
            assert_eq!(all_b64u(&[b]), expect, "byte {b:#04x}");
            assert_eq!(all_b64u(&[b'a', b, b'Z']), expect, "byte {b:#04x}");
            for (pos, t) in [&D0, &D1, &D2, &D3].into_iter().enumerate() {
                let v = t[usize::from(b)];
                if expect {
                    assert_eq!(v >> (18 - 6 * pos), u32::from(DECODE[usize::from(b)]));
                } else {
                    assert_eq!(v, INVALID_SHIFTED);
                }
            }
        }
    }

    #[test]
    fn groups_round_trip_and_reject() {
        let data: [u8; 33] = core::array::from_fn(|i| (i * 89 + 7) as u8);
        let mut enc = [0u8; 44];
        encode_groups(&data, &mut enc);
        let mut fixed = [0u8; 44];
        encode_fixed(&data, &mut fixed);
        assert_eq!(fixed, enc, "pair-table encoder agrees with the plain one");
        for (i, pair) in ENCODE_PAIR.iter().enumerate() {
            let v = i as u32;
            let mut one = [0u8; 4];
            encode_groups(&[(v >> 4) as u8, ((v & 0xF) << 4) as u8, 0], &mut one);
            assert_eq!(pair.to_le_bytes(), one[..2]);
        }
        let mut six = [0u8; 8];
        encode_fixed::<6>(&data[..6].try_into().unwrap(), &mut six);
        assert_eq!(six, enc[..8]);
        let mut dec = [0u8; 33];
        assert!(decode_groups(&enc, &mut dec));
        assert_eq!(dec, data);
        for i in 0..44 {
            for bad in [b'.', b'=', b'+', b'/', b' ', 0x80, 0xFF, 0] {
                let mut m = enc;
                m[i] = bad;
                assert!(!decode_groups(&m, &mut dec));
            }
        }
    }

    #[test]
    fn any_round_trip_small() {
        let data: [u8; 50] = core::array::from_fn(|i| (i * 37 + 11) as u8);
        for len in 0..=48 {
            let mut enc = [0u8; 64];
            let n = encode_any(&data[..len], &mut enc);
            assert_eq!(n, (4 * len).div_ceil(3));
            let mut dec = [0u8; 48];
            let m = decode_any(&enc[..n], &mut dec).expect("decodes");
            assert_eq!(&dec[..m], &data[..len]);
        }
    }
}
