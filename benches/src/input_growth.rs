//! `input_growth`: how the cost of hostile input grows with its length.
//!
//! Each [`Shape`] is an input that a careless parser handles in quadratic time (a
//! value with no end, thousands of empty attributes, unbalanced quotes, ...).
//! `benches/icount_growth.rs` counts the instructions [`every_parser`] spends on each
//! shape at 10 KiB and at 100 KiB, and `benches/icount.py --check` fails CI when ten
//! times the input costs more than 12 times the instructions (linear work gives
//! about 10, quadratic work 100). A token verifier must not even read an oversized
//! input: [`token_verify_oversize`] at 1 KiB and 1 MiB must cost the same (within
//! 10%).
//!
//! Instruction counts make this exact and load-independent, where a timed unit test
//! would have to allow so much noise that it proves little.

use core::hint::black_box;
use core::time::Duration;

use hardtack_cookie::rfc2109::{CookieHeader, split_set_cookie};
use hardtack_cookie::{Pairs, Profile, SetCookie, StrictPairs};
use hardtack_token::{KeyRing, MasterKey, VerifyOptions};

/// The smaller input length of the cookie shapes, in bytes.
///
/// ```
/// use hardtack_benches::input_growth::SMALL;
/// // The `_10k` cases of benches/icount_growth.rs: already past the 4096 bytes a
/// // browser keeps of one cookie (RFC 6265bis §5.6), so the size limits are in play.
/// assert_eq!(SMALL, 10 * 1024);
/// assert!(SMALL > 4096);
/// ```
pub const SMALL: usize = 10 * 1024;
/// The larger input length of the cookie shapes: ten times [`SMALL`].
///
/// ```
/// use hardtack_benches::input_growth::{LARGE, SMALL};
/// // icount.py allows 12 times the instructions for this input growth: linear work
/// // costs about 10 times as much, quadratic work 100 times.
/// assert_eq!(LARGE / SMALL, 10);
/// ```
pub const LARGE: usize = 10 * SMALL;

/// A hostile input family: its name and a maker of an input of about `n` bytes.
///
/// ```
/// use hardtack_benches::input_growth::{SHAPES, Shape};
/// // The name is the middle of the benchmark ids (`hardtack_equals_10k`).
/// let (name, make): Shape = SHAPES[3];
/// assert_eq!((name, make(5).as_str()), ("equals", "====="));
/// ```
pub type Shape = (&'static str, fn(usize) -> String);

/// The cookie inputs whose cost must grow linearly.
///
/// ```
/// use hardtack_benches::input_growth::{SHAPES, SMALL};
/// for (name, make) in SHAPES {
///     let len = make(SMALL).len();
///     assert!(len > SMALL - 8 && len < SMALL + 8, "{name}: {len}");
/// }
/// ```
pub const SHAPES: [Shape; 6] = [
    ("huge_value", |n| {
        format!("a={}", "v".repeat(n.saturating_sub(2)))
    }),
    ("semicolons", |n| {
        format!("a=b{}", ";".repeat(n.saturating_sub(3)))
    }),
    ("attributes", |n| {
        format!("a=b{}", "; x".repeat(n.saturating_sub(3) / 3))
    }),
    ("equals", |n| "=".repeat(n)),
    ("pairs", |n| "a=b; ".repeat(n / 5)),
    ("quotes", |n| {
        format!("a=\"{}", "\\\"".repeat(n.saturating_sub(3) / 2))
    }),
];

/// Runs the input through every cookie parser: `Set-Cookie` in all three profiles
/// (with the extension attributes walked), the lenient and strict `Cookie` header
/// iterators, and the RFC 2109 header and `Set-Cookie` splitters. Returns a digest
/// of what they found.
///
/// ```
/// use hardtack_benches::input_growth::every_parser;
/// assert!(every_parser("a=b; c=d") > 0);
/// ```
pub fn every_parser(s: &str) -> usize {
    let mut digest = 0;
    for p in [Profile::Lenient, Profile::Strict, Profile::Rfc2109] {
        digest += SetCookie::parse(s, p).map_or(1, |c| c.extensions().count() + 2);
    }
    digest += Pairs::new(s).count();
    digest += StrictPairs::new(s).count();
    digest += CookieHeader::new(s).count();
    digest += split_set_cookie(s).count();
    digest
}

/// A ring and options for [`token_verify_oversize`], built once.
///
/// ```
/// use hardtack_benches::input_growth::OversizeFixture;
/// // Even the smaller case (1 KiB) is longer than any token, so a verifier can refuse
/// // it by its length without reading it.
/// assert!(OversizeFixture::new(1 << 10).input.len() > hardtack_token::MAX_TOKEN_LEN);
/// ```
pub struct OversizeFixture {
    ring: KeyRing,
    opts: VerifyOptions,
    /// The input: `len` dots.
    pub input: Vec<u8>,
}

impl OversizeFixture {
    /// A one-key ring and an input of `len` dots.
    ///
    /// ```
    /// let f = hardtack_benches::input_growth::OversizeFixture::new(1024);
    /// assert_eq!(f.input.len(), 1024);
    /// ```
    pub fn new(len: usize) -> Self {
        let key = MasterKey::from_bytes(&[7u8; 32]).expect("a 32-byte key");
        let ring = KeyRing::single("bench", &key).expect("a valid ring");
        OversizeFixture {
            ring,
            opts: VerifyOptions::new(Duration::from_secs(3600)),
            input: vec![b'.'; len],
        }
    }
}

/// Verifies the fixture's oversized input (which must fail); returns 1 for the
/// expected error, so a harness can check the work was done.
///
/// ```
/// use hardtack_benches::input_growth::{OversizeFixture, token_verify_oversize};
/// assert_eq!(token_verify_oversize(&OversizeFixture::new(1 << 20)), 1);
/// ```
pub fn token_verify_oversize(f: &OversizeFixture) -> usize {
    usize::from(
        f.ring
            .verify_bytes(black_box(&f.input), 1_000, &f.opts)
            .is_err(),
    )
}
