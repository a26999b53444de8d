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

    #[test]
    fn out_of_range_lengths_never_match() {
        assert!(!Keyword::new("a").matches(b""));
        assert_eq!(key(&[b'a'; 17]), key(&[0u8; 40]));
    }
}
