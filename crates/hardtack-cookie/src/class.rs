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

/// Offset of the first byte of `bytes` not in `class`.
#[inline]
pub(crate) fn first_not(bytes: &[u8], class: u8) -> Option<usize> {
    bytes.iter().position(|&b| !is(b, class))
}

/// Offset of the first control character other than HTAB.
///
/// Cookie strings are mostly free of control characters, so eight bytes are
/// tested at a time with SWAR arithmetic and only a flagged word is looked at
/// byte by byte (HTAB trips the word test but is then let through).
#[inline]
pub(crate) fn first_forbidden_ctl(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if bytes_ctl(u64::from_le_bytes(word)) != 0
            && let Some(i) = chunk.iter().position(|&b| is(b, FORBIDDEN_CTL))
        {
            return Some(base + i);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| is(b, FORBIDDEN_CTL))
        .map(|i| base + i)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// High bit set in each byte of `w` equal to `v` (and possibly in bytes after one:
/// callers confirm byte by byte).
#[inline(always)]
fn bytes_equal(w: u64, v: u8) -> u64 {
    let x = w ^ (ONES * u64::from(v));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// High bit set in each byte of `w` below 0x20 or equal to 0x7f (HTAB included:
/// callers confirm byte by byte).
#[inline(always)]
fn bytes_ctl(w: u64) -> u64 {
    (w.wrapping_sub(ONES * 0x20) & !w & HIGHS) | bytes_equal(w, 0x7f)
}

/// One `;`-delimited segment: where it ends, its first `=`, its first forbidden
/// control character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Segment {
    pub(crate) end: usize,
    pub(crate) eq: Option<usize>,
    pub(crate) ctl: Option<usize>,
}

/// Scans from `from` to the next `;` (or the end), noting the first `=` and the
/// first forbidden control character on the way.
///
/// Every cookie grammar needs these three facts about each pair or attribute, and
/// they cost one pass: eight bytes at a time, with SWAR tests for the three byte
/// values, and a byte-by-byte look only at words where one of them fired.
#[inline]
pub(crate) fn segment(b: &[u8], from: usize) -> Segment {
    const NONE: usize = usize::MAX;
    // Plain integers rather than `Option`s keep the hot loop in registers.
    let mut eq = NONE;
    let mut ctl = NONE;
    let mut i = from;
    let done = |end: usize, eq: usize, ctl: usize| Segment {
        end,
        eq: (eq != NONE).then_some(eq),
        ctl: (ctl != NONE).then_some(ctl),
    };
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let mut hits = bytes_equal(w, b';') | bytes_ctl(w);
        if eq == NONE {
            hits |= bytes_equal(w, b'=');
        }
        // Visit only the flagged bytes, lowest first (a flag can be spurious right
        // after a real hit, never missing).
        while hits != 0 {
            let k = (hits.trailing_zeros() / 8) as usize;
            hits &= hits - 1;
            match chunk[k] {
                b';' => return done(i + k, eq, ctl),
                b'=' if eq == NONE => eq = i + k,
                x if ctl == NONE && is(x, FORBIDDEN_CTL) => ctl = i + k,
                _ => {}
            }
        }
        i += 8;
    }
    for (k, &x) in b.get(i..).unwrap_or_default().iter().enumerate() {
        match x {
            b';' => return done(i + k, eq, ctl),
            b'=' if eq == NONE => eq = i + k,
            x if ctl == NONE && is(x, FORBIDDEN_CTL) => ctl = i + k,
            _ => {}
        }
    }
    done(b.len(), eq, ctl)
}

/// `bytes` without leading and trailing SP / HTAB, as a range into `bytes`.
#[inline]
pub(crate) fn trim_wsp(bytes: &[u8], start: usize, end: usize) -> (usize, usize) {
    let wsp = |i: usize| matches!(bytes.get(i), Some(b' ' | b'\t'));
    let mut s = start;
    let mut e = end;
    while s < e && wsp(s) {
        s += 1;
    }
    while e > s && wsp(e - 1) {
        e -= 1;
    }
    (s, e)
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
            let ctl = b[from..end]
                .iter()
                .position(|&c| is(c, FORBIDDEN_CTL))
                .map(|i| from + i);
            Segment { end, eq, ctl }
        };
        let alphabet = [b'a', b';', b'=', b'\t', 0x01, 0x7f, 0xc3, b' '];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..48 {
            for _ in 0..40 {
                let v: Vec<u8> = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet[(seed % 8) as usize]
                    })
                    .collect();
                for from in 0..=len {
                    assert_eq!(segment(&v, from), naive(&v, from), "{v:?} from {from}");
                }
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
    }
}
