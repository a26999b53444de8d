//! Yes-or-no byte class checks over whole fields, for the serializer.
//!
//! A builder's fields are almost always valid, so the serializer first asks only
//! "is every byte allowed?"; where the first bad byte is matters only when it
//! refuses, and then [`class::first_not`](crate::class::first_not) finds it. A
//! yes-or-no answer lets each fixed-size chunk be tested with plain comparisons
//! folded with `&` (which the compiler turns into SIMD compares), and covers a short
//! field with two overlapping chunks instead of a byte loop. Each predicate here
//! must agree exactly with its class in `class.rs`; the tests check every byte.

/// Whether every byte of `chunk` passes `ok`, without an early exit.
#[inline(always)]
fn chunk<const N: usize>(chunk: &[u8; N], ok: impl Fn(u8) -> bool) -> bool {
    chunk.iter().fold(true, |all, &b| all & ok(b))
}

/// Whether every byte of `b` passes `ok` (comparisons only, so that chunks vectorize).
///
/// Two overlapping chunks cover any run from one chunk to two, so typical names
/// and values take no loop at all.
#[inline(always)]
fn all(b: &[u8], ok: impl Fn(u8) -> bool + Copy) -> bool {
    if let (Some(first), Some(last)) = (b.first_chunk::<16>(), b.last_chunk::<16>()) {
        if b.len() <= 32 {
            return chunk(first, ok) & chunk(last, ok);
        }
        let (chunks, rest) = b.as_chunks::<16>();
        return chunks.iter().all(|c| chunk(c, ok)) && (rest.is_empty() || chunk(last, ok));
    }
    if let (Some(first), Some(last)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        return chunk(first, ok) & chunk(last, ok);
    }
    if let (Some(first), Some(last)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        return chunk(first, ok) & chunk(last, ok);
    }
    b.iter().all(|&x| ok(x))
}

/// RFC 9110 `tchar`: `!` to `~` except the separators `"(),/:;<=>?@[\]{}`.
///
/// Single exclusions are a minimum of XORs (see [`cookie_octet`]).
#[inline(always)]
fn tchar(b: u8) -> bool {
    let excluded = (b ^ b'"')
        .min(b ^ b',')
        .min(b ^ b'/')
        .min(b ^ b'{')
        .min(b ^ b'}');
    (b.wrapping_sub(b'!') <= b'~' - b'!')
        & (excluded != 0)
        & (b.wrapping_sub(b'(') > 1)
        & (b.wrapping_sub(b':') > b'@' - b':')
        & (b.wrapping_sub(b'[') > b']' - b'[')
}

/// RFC 6265 `cookie-octet`: `!` to `~` except DQUOTE, comma, semicolon and backslash.
///
/// The exclusions are a minimum of XORs rather than four `!=`: the compiler merges
/// `!=` tests against nearby constants into one shifted bit mask, which needs
/// 32-bit lanes and so four times the vector work.
#[inline(always)]
pub(crate) fn cookie_octet(b: u8) -> bool {
    let excluded = (b ^ b'"').min(b ^ b',').min(b ^ b';').min(b ^ b'\\');
    printable_from(b, b'!') & (excluded != 0)
}

/// Whether `b` is in `low..=b'~'`: adding one carries DEL and every non-ASCII
/// byte into the negative half, so the range is one add and one signed compare
/// (SSE2 has no unsigned byte compare).
#[inline(always)]
fn printable_from(b: u8, low: u8) -> bool {
    b.wrapping_add(1).cast_signed() > low.cast_signed()
}

/// RFC 6265 `av-octet`: SP to `~` except semicolon.
#[inline(always)]
pub(crate) fn av_octet(b: u8) -> bool {
    printable_from(b, b' ') & (b != b';')
}

/// Whether every byte is a `tchar` (the empty run passes).
#[inline]
pub(crate) fn all_tchar(b: &[u8]) -> bool {
    // Names are short: up to one chunk, a table lookup per byte is cheaper than
    // testing two overlapping chunks against the eight exclusions.
    if b.len() <= 16 {
        return all_in_table(b, TABLE_TCHAR);
    }
    all(b, tchar)
}

/// Whether every byte is a `cookie-octet` (the empty run passes).
#[inline]
pub(crate) fn all_cookie_octets(b: &[u8]) -> bool {
    all(b, cookie_octet)
}

/// Whether all eight bytes are letters, digits, hyphens or dots.
#[inline(always)]
pub(crate) fn host_bytes(w: &[u8; 8]) -> bool {
    all_in_table(w, TABLE_HOST)
}

/// Whether every byte is an `av-octet` (the empty run passes).
#[inline]
pub(crate) fn all_av_octets(b: &[u8]) -> bool {
    all(b, av_octet)
}

const TABLE_TCHAR: u8 = 1;
const TABLE_HOST: u8 = 2;

/// One bit per predicate above, for the byte-at-a-time path.
static TABLE: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        // RFC 9110 `tchar`, spelled as its ABNF for the table.
        if matches!(b as u8, b'!' | b'#'..=b'\'' | b'*' | b'+' | b'-' | b'.' | b'0'..=b'9'
            | b'A'..=b'Z' | b'^'..=b'z' | b'|' | b'~')
        {
            t[b] |= TABLE_TCHAR;
        }
        // Letters, digits, hyphen and dot: the bytes of a host name.
        if matches!(b as u8, b'-' | b'.' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z') {
            t[b] |= TABLE_HOST;
        }
        b += 1;
    }
    t
};

/// Whether every byte has `bit` in [`TABLE`], with no early exit.
#[inline(always)]
fn all_in_table(b: &[u8], bit: u8) -> bool {
    b.iter().fold(bit, |all, &x| all & TABLE[usize::from(x)]) != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::{self, AV_OCTET, COOKIE_OCTET, TCHAR};

    #[test]
    fn predicates_agree_with_the_class_table() {
        for b in 0..=255u8 {
            assert_eq!(
                TABLE[usize::from(b)] & TABLE_TCHAR != 0,
                class::is(b, TCHAR),
                "table {b:#x}"
            );
            assert_eq!(tchar(b), class::is(b, TCHAR), "tchar {b:#x}");
            assert_eq!(cookie_octet(b), class::is(b, COOKIE_OCTET), "octet {b:#x}");
            assert_eq!(av_octet(b), class::is(b, AV_OCTET), "av {b:#x}");
        }
    }

    #[test]
    fn whole_run_checks_find_every_bad_byte_at_every_position() {
        type Check = fn(&[u8]) -> bool;
        let checks: [(Check, u8); 3] = [
            (all_tchar, TCHAR),
            (all_cookie_octets, COOKIE_OCTET),
            (all_av_octets, AV_OCTET),
        ];
        for (check, class) in checks {
            for len in 0..=50 {
                let clean = alloc::vec![b'a'; len];
                assert!(check(&clean), "class {class} len {len}");
                for pos in 0..len {
                    for bad in 0..=255u8 {
                        let mut v = clean.clone();
                        v[pos] = bad;
                        assert_eq!(
                            check(&v),
                            class::first_not(&v, class).is_none(),
                            "class {class} byte {bad:#x} at {pos}/{len}"
                        );
                    }
                }
            }
        }
    }
}
