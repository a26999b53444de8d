//! ASCII case-insensitive matching of short keywords (attribute names, `SameSite`
//! and `Priority` values) with one or two word compares instead of a byte loop.
//!
//! An input of 1 to 16 bytes is packed into a [`Key`]: the bytes themselves up to
//! three, the first and last four (overlapping) up to eight, the first and last
//! eight up to sixteen. A keyword is packed the same way at compile time, together
//! with a mask that has `0x20` on its letters: `input | mask == keyword` then holds
//! exactly when the input equals the keyword ignoring ASCII case. Letters match in
//! either case and every other byte (`-` in `max-age`) must match exactly, so no
//! byte that merely folds onto a letter can slip through.

use crate::error::Attribute;

/// Packed bytes of an input of known length.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Key {
    lo: u64,
    hi: u64,
}

/// A keyword: its lower-case packed bytes, the case mask and its length.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Keyword {
    len: usize,
    key: Key,
    fold: Key,
}

const fn le(b: &[u8], at: usize, n: usize) -> u64 {
    let mut w = 0u64;
    let mut i = 0;
    while i < n {
        w |= (b[at + i] as u64) << (8 * i);
        i += 1;
    }
    w
}

/// The packing shared by inputs and keywords (const so that keywords are built at
/// compile time; callers only use it for lengths 1 to 16).
const fn pack(b: &[u8]) -> Key {
    let n = b.len();
    if n <= 3 {
        Key {
            lo: le(b, 0, n),
            hi: 0,
        }
    } else if n <= 8 {
        Key {
            lo: le(b, 0, 4) | le(b, n - 4, 4) << 32,
            hi: 0,
        }
    } else {
        Key {
            lo: le(b, 0, 8),
            hi: le(b, n - 8, 8),
        }
    }
}

impl Keyword {
    /// A lower-case keyword of 1 to 16 bytes.
    pub(crate) const fn new(word: &str) -> Keyword {
        let b = word.as_bytes();
        assert!(!b.is_empty() && b.len() <= 16);
        let mut letters = [0u8; 16];
        let mut i = 0;
        while i < b.len() {
            assert!(!b[i].is_ascii_uppercase());
            if b[i].is_ascii_lowercase() {
                letters[i] = 0x20;
            }
            i += 1;
        }
        let (letters, _) = letters.split_at(b.len());
        Keyword {
            len: b.len(),
            key: pack(b),
            fold: pack(letters),
        }
    }

    /// Whether `key` (packed from an input of this keyword's length) is this keyword
    /// in any ASCII case.
    #[inline(always)]
    pub(crate) fn is(&self, key: Key) -> bool {
        (key.lo | self.fold.lo) == self.key.lo && (key.hi | self.fold.hi) == self.key.hi
    }

    /// Whether `input` is this keyword in any ASCII case.
    #[inline(always)]
    pub(crate) fn matches(&self, input: &[u8]) -> bool {
        input.len() == self.len && self.is(key(input))
    }
}

/// Packs an input of 1 to 16 bytes (anything else packs to a key no keyword has).
#[inline(always)]
pub(crate) fn key(b: &[u8]) -> Key {
    let n = b.len();
    let word4 = |w: Option<&[u8; 4]>| w.map_or(0, |w| u64::from(u32::from_le_bytes(*w)));
    let word8 = |w: Option<&[u8; 8]>| w.map_or(0, |w| u64::from_le_bytes(*w));
    match n {
        1..=3 => {
            let byte = |i: usize| b.get(i).map_or(0, |&c| u64::from(c) << (8 * i));
            Key {
                lo: byte(0) | byte(1) | byte(2),
                hi: 0,
            }
        }
        4..=8 => Key {
            lo: word4(b.first_chunk()) | word4(b.last_chunk()) << 32,
            hi: 0,
        },
        9..=16 => Key {
            lo: word8(b.first_chunk()),
            hi: word8(b.last_chunk()),
        },
        _ => Key {
            lo: u64::MAX,
            hi: u64::MAX,
        },
    }
}

/// A lower-case keyword of 1 to 8 bytes, to be found at the start of a word of input.
#[derive(Clone, Copy, Debug)]
struct Prefix {
    key: u64,
    fold: u64,
    mask: u64,
}

impl Prefix {
    const fn new(word: &str) -> Prefix {
        let b = word.as_bytes();
        assert!(!b.is_empty() && b.len() <= 8);
        let mut fold = 0u64;
        let mut i = 0;
        while i < b.len() {
            assert!(!b[i].is_ascii_uppercase());
            if b[i].is_ascii_lowercase() {
                fold |= 0x20 << (8 * i);
            }
            i += 1;
        }
        Prefix {
            key: le(b, 0, b.len()),
            fold,
            mask: u64::MAX >> (8 * (8 - b.len())),
        }
    }

    /// Whether the low bytes of `w` are this keyword in any ASCII case.
    #[inline(always)]
    fn at(&self, w: u64) -> bool {
        (w | self.fold) & self.mask == self.key
    }
}

/// A known `Set-Cookie` attribute name at `pos` that is followed directly by `=`,
/// `;` or the end of the input: the attribute and the offset just past its name.
///
/// This is the common case of every attribute a server sends, recognised from one
/// word of input with no search for the `=` and no trimming. Anything else (an
/// unknown name, whitespace before the `=`) is `None`, and the caller takes the
/// general path, which gives the same answer for the inputs accepted here.
#[inline(always)]
pub(crate) fn attribute_at(b: &[u8], pos: usize) -> Option<(Attribute, usize)> {
    const PATH: Prefix = Prefix::new("path");
    const PRIORITY: Prefix = Prefix::new("priority");
    const PARTITIO: Prefix = Prefix::new("partitio");
    const NED: Prefix = Prefix::new("ned");
    const DOMAIN: Prefix = Prefix::new("domain");
    const EXPIRES: Prefix = Prefix::new("expires");
    const MAX_AGE: Prefix = Prefix::new("max-age");
    const SECURE: Prefix = Prefix::new("secure");
    const SAMESITE: Prefix = Prefix::new("samesite");
    const HTTPONLY: Prefix = Prefix::new("httponly");
    let w = crate::class::word_padded(b, pos);
    // No two names with the same first letter share a longer prefix, so the first
    // match is the only candidate.
    let (attr, len) = match (w as u8) | 0x20 {
        b'p' if PATH.at(w) => (Attribute::Path, 4),
        b'p' if PRIORITY.at(w) => (Attribute::Priority, 8),
        b'p' if PARTITIO.at(w) && NED.at(crate::class::word_padded(b, pos + 8)) => {
            (Attribute::Partitioned, 11)
        }
        b'd' if DOMAIN.at(w) => (Attribute::Domain, 6),
        b'e' if EXPIRES.at(w) => (Attribute::Expires, 7),
        b'm' if MAX_AGE.at(w) => (Attribute::MaxAge, 7),
        b's' if SECURE.at(w) => (Attribute::Secure, 6),
        b's' if SAMESITE.at(w) => (Attribute::SameSite, 8),
        b'h' if HTTPONLY.at(w) => (Attribute::HttpOnly, 8),
        _ => return None,
    };
    let end = pos + len;
    match b.get(end) {
        None | Some(b'=' | b';') => Some((attr, end)),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: [&str; 9] = [
        "a",
        "ab",
        "lax",
        "path",
        "max-age",
        "httponly",
        "priority",
        "partitioned",
        "sixteen-bytes-xy",
    ];

    #[test]
    fn matches_exactly_what_eq_ignore_ascii_case_matches() {
        // Every single-byte change of every keyword, in every position, and every
        // case variant of the letters: the packed compare agrees with the byte loop.
        for w in WORDS {
            let kw = Keyword::new(w);
            assert!(kw.matches(w.as_bytes()));
            assert!(kw.matches(w.to_ascii_uppercase().as_bytes()));
            for i in 0..w.len() {
                for c in 0..=255u8 {
                    let mut v = w.as_bytes().to_vec();
                    v[i] = c;
                    assert_eq!(
                        kw.matches(&v),
                        v.eq_ignore_ascii_case(w.as_bytes()),
                        "{w} with byte {c} at {i}"
                    );
                }
            }
            // Other lengths never match.
            let longer = format!("{w}a");
            assert!(!kw.matches(longer.as_bytes()));
            assert!(!kw.matches(&w.as_bytes()[1..]));
        }
    }

    /// The general path `attribute_at` stands in for: the segment's `=` or end, the
    /// name trimmed, then recognised by length and packed compare.
    fn general(b: &[u8], pos: usize) -> (Attribute, usize, Option<usize>, usize) {
        let seg = crate::class::segment(b, pos);
        let name_end = crate::class::trim_end_wsp(b, pos, seg.eq.unwrap_or(seg.end));
        let attr = Attribute::recognise(&b[pos..name_end], false);
        (attr, name_end, seg.eq, seg.end)
    }

    #[test]
    fn attribute_at_agrees_with_the_general_path() {
        const NAMES: [&str; 9] = [
            "Path",
            "Domain",
            "Expires",
            "Max-Age",
            "Secure",
            "HttpOnly",
            "SameSite",
            "Priority",
            "Partitioned",
        ];
        let suffixes = [
            "",
            "=",
            ";",
            "=/",
            "=x; Secure",
            "; a=b",
            " =x",
            "\t;",
            "x",
            "-",
        ];
        let mut recognised = 0;
        for name in NAMES {
            for prefix in ["", "; ", "a=b;"] {
                for suffix in suffixes {
                    for case in [
                        name.to_string(),
                        name.to_ascii_lowercase(),
                        name.to_ascii_uppercase(),
                    ] {
                        let base = format!("{prefix}{case}{suffix}");
                        let pos = prefix.len();
                        // Every byte of the name and the one after it, set to every value.
                        for i in pos..(pos + name.len() + 1).min(base.len()) {
                            for c in 0..=255u8 {
                                let mut v = base.clone().into_bytes();
                                v[i] = c;
                                let Some((attr, end)) = attribute_at(&v, pos) else {
                                    continue;
                                };
                                let (g_attr, g_name_end, g_eq, g_end) = general(&v, pos);
                                assert_eq!((attr, end), (g_attr, g_name_end), "{v:?}");
                                match v.get(end) {
                                    Some(b'=') => assert_eq!(g_eq, Some(end), "{v:?}"),
                                    _ => assert_eq!((g_eq, g_end), (None, end), "{v:?}"),
                                }
                            }
                        }
                        let v = base.as_bytes();
                        let expected =
                            matches!(suffix.as_bytes().first(), None | Some(b'=' | b';'));
                        assert_eq!(attribute_at(v, pos).is_some(), expected, "{base}");
                        recognised += usize::from(expected);
                    }
                }
            }
        }
        assert_eq!(recognised, 9 * 3 * 6 * 3);
    }

    #[test]
    fn out_of_range_lengths_never_match() {
        assert!(!Keyword::new("a").matches(b""));
        assert_eq!(key(&[b'a'; 17]), key(&[0u8; 40]));
    }
}
