//! Heap allocations per call of every benchmarked operation, hardtack and peers.
//!
//! Prints the table used in docs/benchmarks.md (`cargo test -p hardtack-benches
//! --test allocs -- --nocapture`) and fails if a hardtack operation that is meant
//! to be allocation-free allocates. One test, with the workspace's counting allocator
//! (`alloc-count`), which counts per thread, so that allocations of the test
//! harness's other threads are never counted.

use std::hint::black_box;

use alloc_count::allocations;
use hardtack_benches::{cookie_header, serialize, session_id, set_cookie, token};

const CALLS: usize = 100;

/// Allocations per call, averaged over `CALLS` calls after two warm-up calls.
fn per_call(mut op: impl FnMut() -> usize) -> f64 {
    black_box(op());
    black_box(op());
    let before = allocations();
    for _ in 0..CALLS {
        black_box(op());
    }
    (allocations() - before) as f64 / CALLS as f64
}

#[test]
fn allocations_per_call() {
    let corpus = set_cookie::corpus();
    let h50 = cookie_header::header(50);
    let processor = cookie_header::biscotti_processor();
    let at = serialize::expires();
    let zoned = serialize::biscotti_expires();
    let f = token::TokenFixture::new();

    // (id, allocations per call, must be zero)
    let rows: Vec<(&str, f64, bool)> = vec![
        (
            "set_cookie_parse/hardtack_lenient",
            per_call(|| set_cookie::hardtack_lenient(&corpus)),
            true,
        ),
        (
            "set_cookie_parse/hardtack_strict",
            per_call(|| set_cookie::hardtack_strict(&corpus)),
            true,
        ),
        (
            "set_cookie_parse/cookie",
            per_call(|| set_cookie::cookie(&corpus)),
            false,
        ),
        (
            "cookie_header_parse/hardtack/50",
            per_call(|| cookie_header::hardtack(&h50)),
            true,
        ),
        (
            "cookie_header_parse/hardtack_strict/50",
            per_call(|| cookie_header::hardtack_strict(&h50)),
            true,
        ),
        (
            "cookie_header_parse/cookie/50",
            per_call(|| cookie_header::cookie(&h50)),
            false,
        ),
        (
            "cookie_header_parse/biscotti/50",
            per_call(|| cookie_header::biscotti(&h50, &processor)),
            false,
        ),
        (
            "cookie_header_parse/bytes_baseline/50",
            per_call(|| cookie_header::bytes_baseline(&h50)),
            true,
        ),
        (
            "set_cookie_serialize/hardtack",
            per_call(|| serialize::hardtack(at)),
            true,
        ),
        (
            "set_cookie_serialize/hardtack_string",
            per_call(|| serialize::hardtack_string(at)),
            false,
        ),
        (
            "set_cookie_serialize/cookie",
            per_call(|| serialize::cookie(at)),
            false,
        ),
        (
            "set_cookie_serialize/biscotti",
            per_call(|| serialize::biscotti(&zoned)),
            false,
        ),
        (
            "token_sign/hardtack",
            per_call(|| token::hardtack_sign(&f)),
            true,
        ),
        (
            "token_sign/hmac_floor",
            per_call(|| token::floor_sign(&f)),
            true,
        ),
        (
            "token_sign/jsonwebtoken",
            per_call(|| token::jsonwebtoken_sign(&f)),
            false,
        ),
        (
            "token_sign/cookie_signed_jar",
            per_call(|| token::cookie_signed_jar_sign(&f)),
            false,
        ),
        (
            "token_verify/hardtack",
            per_call(|| token::hardtack_verify(&f)),
            true,
        ),
        (
            "token_verify/hardtack_16_keys",
            per_call(|| token::hardtack_verify_16(&f)),
            true,
        ),
        (
            "token_verify/hmac_floor",
            per_call(|| token::floor_verify(&f)),
            true,
        ),
        (
            "token_verify/jsonwebtoken",
            per_call(|| token::jsonwebtoken_verify(&f)),
            false,
        ),
        (
            "token_verify/cookie_signed_jar",
            per_call(|| token::cookie_signed_jar_verify(&f)),
            false,
        ),
        ("session_id/hardtack", per_call(session_id::hardtack), true),
        (
            "session_id/hardtack_fast",
            per_call(session_id::hardtack_fast),
            true,
        ),
        (
            "session_id/getrandom_b64",
            per_call(session_id::getrandom_b64),
            false,
        ),
        (
            "session_id/thread_rng_b64",
            per_call(session_id::thread_rng_b64),
            false,
        ),
        (
            "session_id/hardtack_parse",
            per_call(|| session_id::hardtack_parse(session_id::SAMPLE)),
            true,
        ),
        (
            "session_id/base64_parse",
            per_call(|| session_id::base64_parse(session_id::SAMPLE)),
            false,
        ),
    ];

    println!("| benchmark | allocations per call |");
    println!("|---|---:|");
    for (id, n, _) in &rows {
        println!("| {id} | {n} |");
    }
    let offenders: Vec<_> = rows
        .iter()
        .filter(|(_, n, zero)| *zero && *n != 0.0)
        .collect();
    assert!(
        offenders.is_empty(),
        "allocation-free operations allocated: {offenders:?}"
    );
    // The peers' numbers are what the comparison is about; check the counter works.
    let cookie_parse = rows
        .iter()
        .find(|r| r.0 == "set_cookie_parse/cookie")
        .map_or(0.0, |r| r.1);
    assert!(
        cookie_parse >= 20.0,
        "cookie allocates once per attribute; counted {cookie_parse}"
    );
}
