//! Byte classes of the cookie grammars.
//!
//! One 256-entry table, built at compile time, holds a bit per class so that a
//! single load answers "is this byte allowed here?" for every grammar we speak.

/// RFC 9110 `tchar`, which is exactly RFC 2068 `token` (CHAR minus CTLs and tspecials).
pub(crate) const TCHAR: u8 = 1;
/// RFC 6265 `cookie-octet`: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E.
pub(crate) const COOKIE_OCTET: u8 = 1 << 1;
/// RFC 6265 `av-octet`: any CHAR except CTLs or `;`.
pub(crate) const AV_OCTET: u8 = 1 << 2;
/// RFC 6265bis §5.6: a control character that makes a browser drop the cookie (CTL except HTAB).
pub(crate) const FORBIDDEN_CTL: u8 = 1 << 3;
/// `WSP` as the browser algorithm trims it: SP and HTAB.
pub(crate) const WSP: u8 = 1 << 4;
/// Letters, digits and hyphen: the bytes of a domain label.
pub(crate) const LDH: u8 = 1 << 5;
/// RFC 2068 `TEXT` minus DQUOTE and backslash: `qdtext` of a quoted-string (LWS included).
pub(crate) const QDTEXT: u8 = 1 << 6;
/// RFC 6265 §5.1.1 `delimiter`: %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E.
pub(crate) const DATE_DELIMITER: u8 = 1 << 7;

const fn classify(b: u8) -> u8 {
    let mut c = 0;
    let is_ctl = b < 0x20 || b == 0x7f;
    let is_tspecial = matches!(
        b,
        b'(' | b')'
            | b'<'
            | b'>'
            | b'@'
            | b','
            | b';'
            | b':'
            | b'\\'
            | b'"'
            | b'/'
            | b'['
            | b']'
            | b'?'
            | b'='
            | b'{'
            | b'}'
            | b' '
            | b'\t'
    );
    if b < 0x80 && !is_ctl && !is_tspecial {
        c |= TCHAR;
    }
    if matches!(b, 0x21 | 0x23..=0x2b | 0x2d..=0x3a | 0x3c..=0x5b | 0x5d..=0x7e) {
        c |= COOKIE_OCTET;
    }
    if b < 0x80 && !is_ctl && b != b';' {
        c |= AV_OCTET;
    }
    if is_ctl && b != b'\t' {
        c |= FORBIDDEN_CTL;
    }
    if b == b' ' || b == b'\t' {
        c |= WSP;
    }
    if b.is_ascii_alphanumeric() || b == b'-' {
        c |= LDH;
    }
    if (b >= 0x20 && b != 0x7f && b != b'"' && b != b'\\') || b == b'\t' {
        c |= QDTEXT;
    }
    if matches!(b, 0x09 | 0x20..=0x2F | 0x3B..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E) {
        c |= DATE_DELIMITER;
    }
    c
}

const fn build() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = classify(i as u8);
        i += 1;
    }
    t
}

static CLASSES: [u8; 256] = build();

/// Whether `b` belongs to `class` (one of the constants above).
#[inline(always)]
pub(crate) fn is(b: u8, class: u8) -> bool {
    CLASSES[b as usize] & class != 0
}

/// Bytes per step of the wide scans. The per-chunk tests below are plain
/// comparisons folded with `|`, a shape the compiler turns into SIMD compares and
/// one mask test per chunk (SSE2 on every x86-64), so long runs cost well under one
/// instruction per byte without `unsafe` or `core::arch`.
const LANES: usize = 32;

/// Whether any byte of `chunk` fails `ok`. `ok` must be comparisons only (no
/// table lookups) for the fold to vectorize.
#[inline(always)]
fn any_not(chunk: &[u8; LANES], ok: impl Fn(u8) -> bool) -> bool {
    chunk.iter().fold(false, |any, &b| any | !ok(b))
}

/// Offset of the first byte of `bytes` failing `ok`, which must agree with `is(_, class)`:
/// whole chunks are cleared with the vectorized test, and only the chunk that fails
/// is searched byte by byte (with the table).
#[inline(always)]
fn first_failing(bytes: &[u8], class: u8, ok: impl Fn(u8) -> bool + Copy) -> Option<usize> {
    let (chunks, tail) = bytes.as_chunks::<LANES>();
    for (n, chunk) in chunks.iter().enumerate() {
        if any_not(chunk, ok) {
            return chunk
                .iter()
                .position(|&b| !is(b, class))
                .map(|i| n * LANES + i);
        }
    }
    // The tail in 16-byte windows, the last one overlapping bytes already cleared.
    let base = chunks.len() * LANES;
    let clean16 = |c: &[u8; 16]| !c.iter().fold(false, |any, &b| any | !ok(b));
    if let Some(last) = bytes.last_chunk::<16>() {
        let (windows, _) = tail.as_chunks::<16>();
        if windows.iter().all(clean16) && (tail.len() % 16 == 0 || clean16(last)) {
            return None;
        }
    } else if let (Some(a), Some(z)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        // 8 to 15 bytes (most attributes): two overlapping words.
        let clean8 = |c: &[u8; 8]| !c.iter().fold(false, |any, &b| any | !ok(b));
        if clean8(a) && clean8(z) {
            return None;
        }
    }
    tail.iter().position(|&b| !is(b, class)).map(|i| base + i)
}

/// Offset of the first byte of `bytes` not in `class`.
///
/// The classes that cover long runs (cookie values, attribute values) take the
/// vectorized path; names are short and go byte by byte.
#[inline(always)]
pub(crate) fn first_not(bytes: &[u8], class: u8) -> Option<usize> {
    match class {
        // The vectorizable spellings of these classes live beside the serializer's
        // whole-field checks; their tests pin them to this table byte by byte.
        COOKIE_OCTET => first_failing(bytes, class, crate::scan::cookie_octet),
        AV_OCTET => first_failing(bytes, class, crate::scan::av_octet),
        _ => bytes.iter().position(|&b| !is(b, class)),
    }
}

/// Offset of the first control character other than HTAB.
///
/// Cookie strings are mostly free of control characters, so the whole input is
/// first cleared with a wide test that HTAB (and any non-ASCII byte) also trips;
/// only input that trips it is searched byte by byte.
#[inline]
pub(crate) fn first_forbidden_ctl(bytes: &[u8]) -> Option<usize> {
    if all_printable(bytes) {
        return None;
    }
    bytes.iter().position(|&b| is(b, FORBIDDEN_CTL))
}

/// Whether every byte is printable ASCII (SP to `~`): no control character,
/// but no HTAB or non-ASCII byte either, which the exact search then clears.
///
/// Adding 0x81 maps exactly the printable bytes to 0xa1 and above, so the test is
/// the minimum over the input: 16 lanes of unsigned minimum, one add and one
/// `pminub` a vector with no branch until the end.
#[inline(always)]
pub(crate) fn all_printable(bytes: &[u8]) -> bool {
    all_from::<0xa1>(bytes)
}

/// Whether every byte is visible ASCII (`!` to `~`): [`all_printable`] without SP,
/// the range of `cookie-octet` before its four exclusions.
#[inline(always)]
pub(crate) fn all_visible(bytes: &[u8]) -> bool {
    all_from::<0xa2>(bytes)
}

/// Whether every byte `b` has `b + 0x81` (wrapping) at or above `FLOOR`: the bytes
/// from `FLOOR - 0x81` to `~`.
#[inline(always)]
fn all_from<const FLOOR: u8>(bytes: &[u8]) -> bool {
    let key = |b: u8| b.wrapping_add(0x81);
    let lanes = |acc: [u8; 16], c: &[u8; 16]| core::array::from_fn(|i| acc[i].min(key(c[i])));
    let (chunks, _) = bytes.as_chunks::<64>();
    let mut acc = [u8::MAX; 16];
    for chunk in chunks {
        let (quarters, _) = chunk.as_chunks::<16>();
        acc = quarters.iter().fold(acc, lanes);
    }
    // The rest in 16-byte windows, the last one overlapping bytes already seen.
    let rest = bytes.get(chunks.len() * 64..).unwrap_or_default();
    if let Some(last) = bytes.last_chunk::<16>() {
        let (windows, _) = rest.as_chunks::<16>();
        acc = windows.iter().fold(acc, lanes);
        acc = lanes(acc, last);
    } else if let (Some(a), Some(z)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        // 8 to 15 bytes: two overlapping words.
        let low = |w: &[u8; 8]| w.iter().fold(u8::MAX, |m, &b| m.min(key(b)));
        return low(a).min(low(z)) >= FLOOR;
    } else {
        return bytes.iter().all(|&b| key(b) >= FLOOR);
    }
    // A lane test and one mask, rather than a horizontal minimum.
    !acc.iter().fold(false, |any, &m| any | (m < FLOOR))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// High bit set in each byte of `w` equal to `v`, and possibly in bytes after such a
/// byte (a borrow runs upwards): the *lowest* flagged byte is always a real match.
#[inline(always)]
fn bytes_equal(w: u64, v: u8) -> u64 {
    let x = w ^ (ONES * u64::from(v));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The eight bytes at `i`, little-endian, if there are eight.
#[inline(always)]
fn word(b: &[u8], i: usize) -> Option<u64> {
    b.get(i..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map(|w| u64::from_le_bytes(*w))
}

/// The bytes from `i` to `min(i + 8, b.len())`, little-endian, zero above the end.
///
/// The last few bytes of a cookie are read as one word too (the last eight bytes
/// of the input, shifted down) instead of a byte loop; a zero byte in the result
/// is never a delimiter, and callers compare offsets against `b.len()`.
#[inline(always)]
pub(crate) fn word_padded(b: &[u8], i: usize) -> u64 {
    if let Some(w) = word(b, i) {
        return w;
    }
    let n = b.len().saturating_sub(i);
    if n == 0 {
        return 0;
    }
    match b.last_chunk::<8>() {
        Some(last) => u64::from_le_bytes(*last) >> (8 * (8 - n)),
        None => b
            .get(i..)
            .unwrap_or_default()
            .iter()
            .rev()
            .fold(0, |w, &x| (w << 8) | u64::from(x)),
    }
}

/// Offset of the next `;` at or after `from`, or `b.len()`, for a run that may be
/// long (a cookie's value, which can be a kilobyte of session state): memchr's
/// SSE2/AVX2 search, once the rest of the input is long enough to repay its call.
#[inline(always)]
pub(crate) fn next_semicolon_wide(b: &[u8], from: usize) -> usize {
    let rest = b.get(from..).unwrap_or_default();
    if rest.len() < 64 {
        return next_semicolon(b, from);
    }
    from + memchr::memchr(b';', rest).unwrap_or(rest.len())
}

/// Offset of the next `;` at or after `from`, or `b.len()`: attribute values are
/// short, so 16 bytes a step.
#[inline(always)]
pub(crate) fn next_semicolon(b: &[u8], from: usize) -> usize {
    // Most values (`/`, `Lax`, `3600`) end within eight bytes: one word first,
    // padded with zeros (never `;`) when fewer than eight bytes are left.
    let semi = bytes_equal(word_padded(b, from), b';');
    if semi != 0 {
        return from + (semi.trailing_zeros() / 8) as usize;
    }
    if from + 8 >= b.len() {
        return b.len();
    }
    next_semicolon_chunks(b, from + 8)
}

/// [`next_semicolon`] past its first word: 16 bytes a step. A `Cookie` header's
/// segments come here directly: the word before has just been read for the `=`.
#[inline(always)]
fn next_semicolon_chunks(b: &[u8], from: usize) -> usize {
    let rest = b.get(from..).unwrap_or_default();
    let (chunks, tail) = rest.as_chunks::<16>();
    for (n, chunk) in chunks.iter().enumerate() {
        // One SIMD compare and mask test per 16 bytes; the hit is then located
        // in one or two words.
        if chunk.iter().fold(false, |any, &c| any | (c == b';')) {
            let (lo, hi) = chunk.split_at(8);
            let mut at = n * 16;
            for half in [lo, hi] {
                let w = half
                    .first_chunk::<8>()
                    .map_or(0, |w| u64::from_le_bytes(*w));
                let semi = bytes_equal(w, b';');
                if semi != 0 {
                    return from + at + (semi.trailing_zeros() / 8) as usize;
                }
                at += 8;
            }
        }
    }
    let mut base = from + chunks.len() * 16;
    let mut tail = tail;
    if let Some((w, rest)) = tail.split_first_chunk::<8>() {
        let semi = bytes_equal(u64::from_le_bytes(*w), b';');
        if semi != 0 {
            return base + (semi.trailing_zeros() / 8) as usize;
        }
        base += 8;
        tail = rest;
    }
    base + tail.iter().position(|&c| c == b';').unwrap_or(tail.len())
}

/// One `;`-delimited segment: where it ends (the `;` or the end of input) and its
/// first `=`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    pub(crate) end: usize,
    pub(crate) eq: Option<usize>,
}

/// Scans from `from` to the next `;` (or the end), noting the first `=` on the way.
///
/// Every cookie grammar needs these two facts about each pair or attribute. Names
/// are short, so the `=` is looked for eight bytes at a time (SWAR); once it is
/// found, the rest of the value goes to [`next_semicolon_chunks`]. Control characters are
/// the caller's business ([`first_forbidden_ctl`] over the whole input is cheaper
/// than testing them here).
#[inline(always)]
pub(crate) fn segment(b: &[u8], from: usize) -> Segment {
    segment_then(b, from, next_semicolon_chunks)
}

/// [`segment`] for a `Set-Cookie` header's name-value pair, whose value may be long.
#[inline(always)]
pub(crate) fn pair_segment(b: &[u8]) -> Segment {
    segment_then(b, 0, next_semicolon_wide)
}

/// [`segment`], finding the end of a value past the first word with `rest`.
#[inline(always)]
fn segment_then(b: &[u8], from: usize, rest: impl Fn(&[u8], usize) -> usize) -> Segment {
    let mut i = from;
    while let Some(w) = word(b, i) {
        let semi = bytes_equal(w, b';');
        let hits = semi | bytes_equal(w, b'=');
        if hits != 0 {
            // The lowest flag is real, and a `;` flag cannot be spurious below the
            // first real `;`: so the lowest hit decides, and after an `=` the lowest
            // `;` flag above it is the real end.
            let k = hits.trailing_zeros() / 8;
            if semi & (0x80 << (8 * k)) != 0 {
                return Segment {
                    end: i + k as usize,
                    eq: None,
                };
            }
            let above = semi & !((1u64 << (8 * k) << 8).wrapping_sub(1));
            let end = if above != 0 {
                i + (above.trailing_zeros() / 8) as usize
            } else {
                rest(b, i + 8)
            };
            return Segment {
                end,
                eq: Some(i + k as usize),
            };
        }
        i += 8;
    }
    let mut eq = None;
    for (k, &x) in b.get(i..).unwrap_or_default().iter().enumerate() {
        match x {
            b';' => return Segment { end: i + k, eq },
            b'=' if eq.is_none() => eq = Some(i + k),
            _ => {}
        }
    }
    Segment { end: b.len(), eq }
}

/// `bytes[start..end]` without leading and trailing SP / HTAB, as a range into `bytes`.
#[inline(always)]
pub(crate) fn trim_wsp(bytes: &[u8], start: usize, end: usize) -> (usize, usize) {
    // Almost every field has no surrounding whitespace: one look at both ends.
    if let (Some(&a), Some(&z)) = (bytes.get(start), bytes.get(end.wrapping_sub(1)))
        && start < end
        && (CLASSES[usize::from(a)] | CLASSES[usize::from(z)]) & WSP == 0
    {
        return (start, end);
    }
    let from = skip_wsp(bytes, start, end);
    (from, trim_end_wsp(bytes, from, end))
}

/// The first offset in `start..end` that is not SP / HTAB, or `end`.
#[inline(always)]
pub(crate) fn skip_wsp(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut i = start;
    while i < end && matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// `end` moved back over trailing SP / HTAB, not below `start`.
#[inline(always)]
pub(crate) fn trim_end_wsp(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut e = end;
    while e > start && matches!(bytes.get(e - 1), Some(b' ' | b'\t')) {
        e -= 1;
    }
    e
}

/// Position of `needle` in `hay[from..]`, as an absolute offset.
#[inline]
pub(crate) fn find(hay: &[u8], from: usize, needle: u8) -> Option<usize> {
    let rest = hay.get(from..)?;
    // nom's `take_until` searches with memchr for a one-byte needle; it is the
    // fastest scan available to us without unsafe code or another dependency.
    let r: nom::IResult<&[u8], &[u8], ()> =
        nom::bytes::complete::take_until([needle].as_slice())(rest);
    match r {
        Ok((_, before)) => Some(from + before.len()),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tspecials_are_not_tchar() {
        for b in b"()<>@,;:\\\"/[]?={} \t" {
            assert!(!is(*b, TCHAR), "{}", *b as char);
        }
        for b in b"!#$%&'*+-.^_`|~09azAZ" {
            assert!(is(*b, TCHAR), "{}", *b as char);
        }
        assert!(!is(0x7f, TCHAR) && !is(0x80, TCHAR) && !is(0x00, TCHAR));
    }

    #[test]
    fn cookie_octets_match_rfc_ranges() {
        let allowed: usize = (0u16..256).filter(|&b| is(b as u8, COOKIE_OCTET)).count();
        // 0x21..=0x7e is 94 bytes, minus DQUOTE, comma, semicolon, backslash.
        assert_eq!(allowed, 90);
        for b in [b' ', b'"', b',', b';', b'\\', 0x7f, 0x80, b'\t'] {
            assert!(!is(b, COOKIE_OCTET));
        }
    }

    #[test]
    fn all_printable_and_all_visible_agree_with_their_ranges_at_every_length_and_position() {
        for len in [
            0usize, 1, 7, 8, 9, 15, 16, 17, 31, 63, 64, 65, 80, 127, 128, 143,
        ] {
            assert!(all_printable(&vec![b'~'; len]));
            for pos in 0..len {
                for b in 0..=255u8 {
                    let mut v = vec![b' '; len];
                    v[pos] = b;
                    assert_eq!(
                        all_printable(&v),
                        (0x20..0x7f).contains(&b),
                        "{b:#x} at {pos}/{len}"
                    );
                    let mut v = vec![b'!'; len];
                    v[pos] = b;
                    assert_eq!(
                        all_visible(&v),
                        (0x21..0x7f).contains(&b),
                        "{b:#x} at {pos}/{len}"
                    );
                }
            }
        }
    }

    #[test]
    fn swar_ctl_scan_agrees_with_bytewise() {
        for len in 0..40 {
            for pos in 0..len {
                for bad in [0u8, 1, 0x0a, 0x0d, 0x1f, 0x7f] {
                    let mut v = vec![b'a'; len];
                    v[pos] = bad;
                    assert_eq!(first_forbidden_ctl(&v), Some(pos));
                }
                let mut v = vec![b'a'; len];
                v[pos] = b'\t';
                assert_eq!(first_forbidden_ctl(&v), None);
                v[pos] = 0xff;
                assert_eq!(first_forbidden_ctl(&v), None);
            }
        }
    }

    #[test]
    fn segment_scan_agrees_with_bytewise() {
        let naive = |b: &[u8], from: usize| {
            let end = b[from..]
                .iter()
                .position(|&c| c == b';')
                .map_or(b.len(), |i| from + i);
            let eq = b[from..end]
                .iter()
                .position(|&c| c == b'=')
                .map(|i| from + i);
            Segment { end, eq }
        };
        // Sparse delimiters too, so that long runs take the chunked path.
        let alphabet = [b'a', b';', b'=', b'\t', 0x01, 0x7f, 0xc3, b' '];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..100 {
            for round in 0..40 {
                let spread = if round % 2 == 0 { 8 } else { 64 };
                let v: Vec<u8> = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet
                            .get((seed % spread) as usize)
                            .copied()
                            .unwrap_or(b'x')
                    })
                    .collect();
                for from in 0..=len {
                    assert_eq!(segment(&v, from), naive(&v, from), "{v:?} from {from}");
                    let semi = naive(&v, from).end;
                    assert_eq!(next_semicolon(&v, from), semi, "{v:?} from {from}");
                }
            }
        }
    }

    #[test]
    fn vectorized_classes_agree_with_the_table() {
        // Every byte value at every position of inputs spanning whole chunks and a tail.
        for class in [TCHAR, COOKIE_OCTET, AV_OCTET, QDTEXT] {
            for len in [1usize, 31, 32, 33, 64, 70] {
                for pos in 0..len {
                    for bad in 0..=255u8 {
                        let mut v = vec![b'a'; len];
                        v[pos] = bad;
                        let want = if is(bad, class) { None } else { Some(pos) };
                        assert_eq!(
                            first_not(&v, class),
                            want,
                            "class {class} byte {bad} at {pos}/{len}"
                        );
                    }
                }
            }
        }
        for len in [1usize, 31, 32, 33, 64, 70] {
            for pos in 0..len {
                for bad in 0..=255u8 {
                    let mut v = vec![b'a'; len];
                    v[pos] = bad;
                    let want = is(bad, FORBIDDEN_CTL).then_some(pos);
                    assert_eq!(first_forbidden_ctl(&v), want, "byte {bad} at {pos}/{len}");
                }
            }
        }
    }

    #[test]
    fn padded_words_hold_the_bytes_left() {
        let v: Vec<u8> = (1..=20).collect();
        for len in 0..=v.len() {
            let b = &v[..len];
            for i in 0..len + 3 {
                let want = b
                    .iter()
                    .skip(i)
                    .take(8)
                    .enumerate()
                    .fold(0u64, |w, (k, &x)| w | u64::from(x) << (8 * k));
                assert_eq!(word_padded(b, i), want, "len {len} at {i}");
            }
        }
    }

    #[test]
    fn find_and_trim() {
        assert_eq!(find(b"a=b;c", 0, b';'), Some(3));
        assert_eq!(find(b"a=b;c", 4, b';'), None);
        assert_eq!(find(b"ab", 5, b';'), None);
        assert_eq!(trim_wsp(b" \ta \t", 0, 5), (2, 3));
        assert_eq!(trim_wsp(b"   ", 0, 3), (3, 3));
        assert_eq!(trim_wsp(b"a b", 0, 3), (0, 3));
        assert_eq!(trim_wsp(b"a b ", 0, 4), (0, 3));
        assert_eq!(trim_wsp(b" a", 0, 2), (1, 2));
        assert_eq!(trim_wsp(b"ab", 1, 1), (1, 1));
        assert_eq!(trim_wsp(b"ab", 2, 2), (2, 2));
    }
}
