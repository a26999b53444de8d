//! Wall-clock comparison of hardtack with its peers: one criterion group per
//! operation, every implementation in the same run on the same input.
//!
//! Full run (docs/benchmarks.md):  cargo bench -p hardtack-benches --bench compare
//! CI short mode:                  bash .ci/bench
//! Ratio table afterwards:         python3 benches/ratios.py

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hardtack_benches::{cookie_header, jar, serialize, session_id, set_cookie, token};

type CorpusOp = fn(&[&str]) -> usize;
type HeaderOp = fn(&str) -> usize;
type TokenOp = fn(&token::TokenFixture) -> usize;
type GenerateOp = fn() -> usize;

fn set_cookie_parse(c: &mut Criterion) {
    let corpus = set_cookie::corpus();
    let mut g = c.benchmark_group("set_cookie_parse");
    g.throughput(Throughput::Bytes(set_cookie::corpus_bytes(&corpus) as u64));
    let ops: [(&str, CorpusOp); 3] = [
        ("hardtack_lenient", set_cookie::hardtack_lenient),
        ("hardtack_strict", set_cookie::hardtack_strict),
        ("cookie", set_cookie::cookie),
    ];
    for (name, op) in ops {
        g.bench_function(name, |b| b.iter(|| op(black_box(&corpus))));
    }
    g.finish();
}

fn cookie_header_parse(c: &mut Criterion) {
    let processor = cookie_header::biscotti_processor();
    let mut g = c.benchmark_group("cookie_header_parse");
    for n in cookie_header::SIZES {
        let h = cookie_header::header(n);
        g.throughput(Throughput::Bytes(h.len() as u64));
        let ops: [(&str, HeaderOp); 4] = [
            ("hardtack", cookie_header::hardtack),
            ("hardtack_strict", cookie_header::hardtack_strict),
            ("cookie", cookie_header::cookie),
            ("bytes_baseline", cookie_header::bytes_baseline),
        ];
        for (name, op) in ops {
            g.bench_with_input(BenchmarkId::new(name, n), h.as_str(), |b, h| {
                b.iter(|| op(black_box(h)))
            });
        }
        g.bench_with_input(BenchmarkId::new("biscotti", n), h.as_str(), |b, h| {
            b.iter(|| cookie_header::biscotti(black_box(h), &processor))
        });
    }
    g.finish();
}

fn set_cookie_serialize(c: &mut Criterion) {
    let at = serialize::expires();
    let zoned = serialize::biscotti_expires();
    let mut g = c.benchmark_group("set_cookie_serialize");
    g.bench_function("hardtack", |b| {
        b.iter(|| serialize::hardtack(black_box(at)))
    });
    g.bench_function("hardtack_string", |b| {
        b.iter(|| serialize::hardtack_string(black_box(at)))
    });
    g.bench_function("cookie", |b| b.iter(|| serialize::cookie(black_box(at))));
    g.bench_function("biscotti", |b| {
        b.iter(|| serialize::biscotti(black_box(&zoned)))
    });
    g.finish();
}

fn token_sign(c: &mut Criterion) {
    let f = token::TokenFixture::new();
    let mut g = c.benchmark_group("token_sign");
    let ops: [(&str, TokenOp); 4] = [
        ("hardtack", token::hardtack_sign),
        ("hmac_floor", token::floor_sign),
        ("jsonwebtoken", token::jsonwebtoken_sign),
        ("cookie_signed_jar", token::cookie_signed_jar_sign),
    ];
    for (name, op) in ops {
        g.bench_function(name, |b| b.iter(|| op(black_box(&f))));
    }
    g.finish();
}

fn token_verify(c: &mut Criterion) {
    let f = token::TokenFixture::new();
    let mut g = c.benchmark_group("token_verify");
    let ops: [(&str, TokenOp); 5] = [
        ("hardtack", token::hardtack_verify),
        ("hardtack_16_keys", token::hardtack_verify_16),
        ("hmac_floor", token::floor_verify),
        ("jsonwebtoken", token::jsonwebtoken_verify),
        ("cookie_signed_jar", token::cookie_signed_jar_verify),
    ];
    for (name, op) in ops {
        g.bench_function(name, |b| b.iter(|| op(black_box(&f))));
    }
    g.finish();
}

fn session_id(c: &mut Criterion) {
    let mut g = c.benchmark_group("session_id");
    let ops: [(&str, GenerateOp); 4] = [
        ("hardtack", session_id::hardtack),
        ("hardtack_fast", session_id::hardtack_fast),
        ("getrandom_b64", session_id::getrandom_b64),
        ("thread_rng_b64", session_id::thread_rng_b64),
    ];
    for (name, op) in ops {
        g.bench_function(name, |b| b.iter(op));
    }
    g.bench_function("hardtack_parse", |b| {
        b.iter(|| session_id::hardtack_parse(black_box(session_id::SAMPLE)))
    });
    g.bench_function("base64_parse", |b| {
        b.iter(|| session_id::base64_parse(black_box(session_id::SAMPLE)))
    });
    g.finish();
}

/// `store_response`: a fresh, empty jar per iteration, made (and the filled one
/// dropped) outside the measurement by `iter_batched_ref`; the timing covers parsing
/// and storing the 20 values. `request_header`: the 1,000-cookie jars are built once.
fn cookie_jar(c: &mut Criterion) {
    let mut g = c.benchmark_group("cookie_jar");
    let f = jar::StoreFixture::new();
    g.bench_function(BenchmarkId::new("hardtack", "store_response"), |b| {
        b.iter_batched_ref(
            jar::hardtack_jar,
            |j| jar::hardtack_store(j, black_box(&f)),
            BatchSize::SmallInput,
        )
    });
    g.bench_function(BenchmarkId::new("cookie_store", "store_response"), |b| {
        b.iter_batched_ref(
            jar::cookie_store_jar,
            |j| jar::cookie_store_store(j, black_box(&f)),
            BatchSize::SmallInput,
        )
    });
    let mut h = jar::HeaderFixture::new();
    g.bench_function(BenchmarkId::new("hardtack", "request_header"), |b| {
        b.iter(|| jar::hardtack_header(black_box(&mut h)))
    });
    g.bench_function(BenchmarkId::new("cookie_store", "request_header"), |b| {
        b.iter(|| jar::cookie_store_header(black_box(&h)))
    });
    g.finish();
}

criterion_group!(
    benches,
    set_cookie_parse,
    cookie_header_parse,
    set_cookie_serialize,
    token_sign,
    token_verify,
    session_id,
    cookie_jar
);
criterion_main!(benches);
