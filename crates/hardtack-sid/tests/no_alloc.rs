//! The hot paths never touch the heap: generation (both generators),
//! parsing (valid and invalid input), exposure, storage keys, rotation and
//! the lifetime policy.
//!
//! The workspace's counting global allocator (`alloc-count`, this thread only)
//! wraps the system one; the single test warms
//! every path up first (thread-local initialisation, seeding) and then
//! requires exactly zero allocations.

use std::hint::black_box;
use std::num::NonZeroU64;

use hardtack_sid::{InteropSessionId, Lifetime, SessionId, Sid};

const ROUNDS: usize = 5_000;

/// Runs every hot path once.
fn exercise(text: &str, garbage: &[u8]) {
    let id = SessionId::generate().expect("generate");
    black_box(id.expose());
    black_box(id.storage_key());
    let fast = SessionId::generate_fast().expect("generate_fast");
    black_box(fast.as_cookie_value());
    black_box(InteropSessionId::generate_fast().expect("generate_fast 16"));
    black_box(Sid::<48>::generate_fast().expect("generate_fast 48"));
    black_box(SessionId::parse(black_box(text)).expect("parse"));
    black_box(text.parse::<SessionId>().expect("from_str"));
    black_box(SessionId::parse_bytes(black_box(garbage)).expect_err("garbage"));
    black_box(SessionId::parse(black_box("too short")).expect_err("short"));
    let mut rotating = fast;
    black_box(rotating.rotate().expect("rotate"));
    let policy = Lifetime::new(
        NonZeroU64::new(1800).expect("non-zero"),
        NonZeroU64::new(43_200).expect("non-zero"),
    );
    black_box(policy.check(black_box(0), black_box(100), black_box(1000)));
    black_box(policy.max_age(black_box(0), black_box(1000)));
}

#[test]
fn hot_paths_do_not_allocate() {
    let text = String::from("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY");
    let mut garbage = text.clone().into_bytes();
    garbage[5] = b'+';

    for _ in 0..100 {
        exercise(&text, &garbage);
    }

    // Enough rounds to cross many refills and at least one reseed of the
    // fast generator (every ~2 600 default ids).
    let (allocated, ()) = alloc_count::count(|| {
        for _ in 0..ROUNDS {
            exercise(&text, &garbage);
        }
    });
    assert_eq!(allocated, 0, "allocations in the hot paths");
    let (allocated, _) = alloc_count::count(|| black_box(text.clone()));
    assert_eq!(allocated, 1, "the counter counts");
}
