//! Host name checks without splitting into labels.
//!
//! The serializer's `Domain` rule (and the strict parser's) is: dot-separated
//! labels of letters, digits and hyphens, none empty, none starting or ending with
//! a hyphen, at most 63 bytes each. Splitting at dots and walking each label costs a
//! loop per label; the same rule is a property of single bytes and of adjacent
//! byte pairs, both checked eight bytes at a time in a `u64` (SWAR).

use crate::class::{self, LDH};
use crate::scan;

/// Whether `d` is a host name as the strict profile and the serializer accept it:
/// dot-separated labels of letters, digits and hyphens, none empty, none starting or
/// ending with a hyphen, at most 63 bytes each.
///
/// Up to 63 bytes no label can be too long, so the rule is: every byte a letter,
/// digit, hyphen or dot; the first and last byte a letter or digit (no empty or
/// hyphen-edged label at either end); and no `..`, `.-` or `-.` inside.
pub(crate) fn is_host_name(d: &[u8]) -> bool {
    let (Some(first), Some(last)) = (d.first(), d.last()) else {
        return false;
    };
    if d.len() > 63 {
        return by_labels(d);
    }
    if !first.is_ascii_alphanumeric() || !last.is_ascii_alphanumeric() {
        return false;
    }
    let word = |at: usize| d.get(at..).and_then(<[u8]>::first_chunk::<8>);
    match d.len() {
        0..8 => {
            // Padding with a letter adds only pairs that start with one, never bad.
            let mut w = [b'a'; 8];
            w.iter_mut().zip(d).for_each(|(w, &b)| *w = b);
            good_word(&w)
        }
        // The first and the last word overlap by at least one byte, so each
        // adjacent pair lies inside one of them.
        8..16 => {
            let (Some(head), Some(tail)) = (word(0), word(d.len() - 8)) else {
                return false;
            };
            good_word(head) & good_word(tail)
        }
        _ => {
            // Words seven bytes apart overlap by one, as above.
            let end = d.len() - 8;
            let mut next = 0;
            loop {
                let at = next.min(end);
                if !word(at).is_some_and(good_word) {
                    return false;
                }
                if at == end {
                    return true;
                }
                next = at + 7;
            }
        }
    }
}

const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const HIGHS: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `w` that equals `c`. Every byte must be below
/// 0x80, so that no addition carries into the next byte.
#[inline(always)]
fn equal(w: u64, c: u8) -> u64 {
    !((w ^ (ONES * u64::from(c))) + LOW7) & HIGHS
}

/// Whether all eight bytes are letters, digits, hyphens or dots (one table lookup
/// each), and no two adjacent ones are `..`, `.-` or `-.` (an empty label, or a
/// label edge with a hyphen).
#[inline(always)]
fn good_word(bytes: &[u8; 8]) -> bool {
    if !scan::host_bytes(bytes) {
        return false;
    }
    let w = u64::from_le_bytes(*bytes);
    let dot = equal(w, b'.');
    let hyphen = equal(w, b'-');
    // Little-endian: `>> 8` lines each byte's flag up with the byte before it.
    (dot & ((dot | hyphen) >> 8)) | (hyphen & (dot >> 8)) == 0
}

/// The rule label by label, for names long enough to hold an over-long label.
fn by_labels(d: &[u8]) -> bool {
    d.split(|&c| c == b'.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label.iter().all(|&c| class::is(c, LDH))
            && label.first() != Some(&b'-')
            && label.last() != Some(&b'-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    /// The rule as first written, label by label, for any length.
    fn reference(d: &[u8]) -> bool {
        !d.is_empty() && by_labels(d)
    }

    #[test]
    fn agrees_with_the_label_walk_on_every_short_name() {
        // Every string up to length 6 over a small alphabet holding each kind of byte.
        let alphabet = [b'a', b'Z', b'7', b'-', b'.', b'_', 0xc3];
        let mut names: Vec<Vec<u8>> = alloc::vec![Vec::new()];
        for _ in 0..6 {
            let longer: Vec<Vec<u8>> = names
                .iter()
                .filter(|n| n.len() == names.last().map_or(0, Vec::len))
                .flat_map(|n| {
                    alphabet.iter().map(move |&b| {
                        let mut m = n.clone();
                        m.push(b);
                        m
                    })
                })
                .collect();
            names.extend(longer);
        }
        for n in &names {
            assert_eq!(is_host_name(n), reference(n), "{n:?}");
        }
    }

    #[test]
    fn agrees_with_the_label_walk_on_random_names() {
        let alphabet = [b'a', b'b', b'0', b'-', b'.', b'Q', b';', b' ', 0x80];
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for len in 0..140 {
            for round in 0..300 {
                // Mostly valid names, so that the rare bad byte lands anywhere.
                let spread = if round % 3 == 0 { 9 } else { 5 };
                let name: Vec<u8> = (0..len)
                    .map(|_| alphabet[(next() % spread) as usize])
                    .collect();
                assert_eq!(is_host_name(&name), reference(&name), "{name:?}");
                let label = alloc::vec![b'x'; len];
                assert_eq!(is_host_name(&label), reference(&label), "{len}");
            }
        }
    }

    #[test]
    fn label_length_limit() {
        let ok = [b"a".repeat(63), b"b".repeat(63)].join(&b'.');
        assert!(is_host_name(&ok));
        assert!(!is_host_name(&b"a".repeat(64)));
        assert!(!is_host_name(&[b"a".repeat(64), b"b".to_vec()].join(&b'.')));
        assert!(is_host_name(b"www.example.com"));
        assert!(is_host_name(b"xn--bcher-kva.example"));
        for bad in [
            &b".a"[..],
            b"a.",
            b"a..b",
            b"-a",
            b"a-",
            b"a.-b",
            b"a-.b",
            b"",
        ] {
            assert!(!is_host_name(bad), "{bad:?}");
        }
    }
}
