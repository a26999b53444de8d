//! Chi-squared checks that every encoded character is uniform over the 64
//! symbols, overall and per position.
//!
//! The sample is fixed (100 000 ids) and the bound generous: chi-squared with
//! 63 degrees of freedom has mean 63 and standard deviation 11.2, and
//! P(X > 200) is about 1e-15, so a healthy generator cannot trip it, while a
//! biased mapping (two values sharing a symbol, a stuck bit) lands in the
//! thousands.

use hardtack_sid::{GenerateError, InteropSessionId, SessionId};

const IDS: usize = 100_000;
const BOUND: f64 = 200.0;
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn symbol(c: u8) -> usize {
    ALPHABET
        .iter()
        .position(|&a| a == c)
        .unwrap_or_else(|| panic!("byte {c:#04x} outside the alphabet"))
}

fn chi_squared(counts: &[u64; 64]) -> f64 {
    let total: u64 = counts.iter().sum();
    let expected = total as f64 / 64.0;
    counts
        .iter()
        .map(|&n| {
            let d = n as f64 - expected;
            d * d / expected
        })
        .sum()
}

fn per_position_counts<const LEN: usize>(texts: impl Iterator<Item = [u8; LEN]>) -> Vec<[u64; 64]> {
    let mut counts = vec![[0u64; 64]; LEN];
    for text in texts {
        for (position, &c) in counts.iter_mut().zip(text.iter()) {
            position[symbol(c)] += 1;
        }
    }
    counts
}

fn default_ids(
    generate: fn() -> Result<SessionId, GenerateError>,
) -> impl Iterator<Item = [u8; 32]> {
    (0..IDS).map(move |_| {
        let id = generate().expect("generate");
        let mut text = [0u8; 32];
        text.copy_from_slice(id.expose().as_bytes());
        text
    })
}

fn assert_uniform(counts: &[[u64; 64]]) {
    let mut overall = [0u64; 64];
    for (i, position) in counts.iter().enumerate() {
        let chi = chi_squared(position);
        assert!(chi < BOUND, "position {i}: chi-squared {chi:.1}");
        for (o, n) in overall.iter_mut().zip(position) {
            *o += n;
        }
    }
    let chi = chi_squared(&overall);
    assert!(chi < BOUND, "all positions: chi-squared {chi:.1}");
}

#[test]
fn os_ids_use_every_symbol_uniformly_at_every_position() {
    assert_uniform(&per_position_counts(default_ids(SessionId::generate)));
}

#[test]
fn fast_ids_use_every_symbol_uniformly_at_every_position() {
    assert_uniform(&per_position_counts(default_ids(SessionId::generate_fast)));
}

#[test]
fn interop_ids_are_uniform_except_the_last_character() {
    let texts = (0..IDS).map(|_| {
        let id = InteropSessionId::generate().expect("generate");
        let mut text = [0u8; 22];
        text.copy_from_slice(id.expose().as_bytes());
        text
    });
    let counts = per_position_counts(texts);
    let (full, last) = counts.split_at(21);
    assert_uniform(full);
    // The last character carries 2 data bits and 4 zero bits: only the
    // symbols for 0, 16, 32 and 48 (A, Q, g, w) occur, each about a quarter
    // of the time (chi-squared with 3 degrees of freedom; P(X > 60) < 1e-12).
    let last = &last[0];
    for (value, &n) in last.iter().enumerate() {
        if value % 16 != 0 {
            assert_eq!(n, 0, "symbol {} in last position", ALPHABET[value] as char);
        }
    }
    let expected = IDS as f64 / 4.0;
    let chi: f64 = [0, 16, 32, 48]
        .iter()
        .map(|&v| {
            let d = last[v] as f64 - expected;
            d * d / expected
        })
        .sum();
    assert!(chi < 60.0, "last position: chi-squared {chi:.1}");
}
