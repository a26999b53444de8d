//! Instruction counts (callgrind, through gungraun) for the operations of
//! `compare.rs`: deterministic, so CI can hold hardtack to a committed baseline.
//!
//! Each benchmark calls its operation `ITERATIONS` times after one warm-up call in
//! the (unmeasured) setup, so one-time costs such as seeding a generator stay out
//! and `Ir / ITERATIONS` is the cost of one call. `benches/icount.py` turns the
//! summaries into per-call counts, ratios, and the baseline check.
//!
//! Run: `cargo bench -p hardtack-benches --bench icount -- --save-summary=json`
//! (needs valgrind and `gungraun-runner` of the same version as the library).

use std::hint::black_box;
use std::sync::LazyLock;

use gungraun::prelude::*;
use hardtack_benches::session_id as sid;
use hardtack_benches::{cookie_header, jar, serialize, set_cookie, token};

/// Calls per benchmark; `benches/icount.py` divides by this.
const ITERATIONS: usize = 100;

fn repeat<T: ?Sized>(input: &T, op: impl Fn(&T) -> usize) -> usize {
    let mut digest = 0;
    for _ in 0..ITERATIONS {
        digest += op(black_box(input));
    }
    digest
}

// ---------------------------------------------------------------- set_cookie_parse

type CorpusOp = fn(&[&str]) -> usize;

fn corpus_case(op: CorpusOp) -> (Vec<&'static str>, CorpusOp) {
    let corpus = set_cookie::corpus();
    black_box(op(&corpus));
    (corpus, op)
}

#[library_benchmark]
#[bench::hardtack_lenient(args = (set_cookie::hardtack_lenient as CorpusOp,), setup = corpus_case)]
#[bench::hardtack_strict(args = (set_cookie::hardtack_strict as CorpusOp,), setup = corpus_case)]
#[bench::cookie(args = (set_cookie::cookie as CorpusOp,), setup = corpus_case)]
fn set_cookie_parse((corpus, op): (Vec<&'static str>, CorpusOp)) -> usize {
    repeat(corpus.as_slice(), op)
}

library_benchmark_group!(name = set_cookie_parse_group, benchmarks = set_cookie_parse);

// ---------------------------------------------------------------- cookie_header_parse

type HeaderOp = fn(&str) -> usize;

fn header_case(op: HeaderOp, n: usize) -> (String, HeaderOp) {
    let h = cookie_header::header(n);
    black_box(op(&h));
    (h, op)
}

fn biscotti_50(h: &str) -> usize {
    thread_local! {
        static PROCESSOR: biscotti::Processor = cookie_header::biscotti_processor();
    }
    PROCESSOR.with(|p| cookie_header::biscotti(h, p))
}

#[library_benchmark]
#[bench::hardtack_50(args = (cookie_header::hardtack as HeaderOp, 50), setup = header_case)]
#[bench::hardtack_strict_50(args = (cookie_header::hardtack_strict as HeaderOp, 50), setup = header_case)]
#[bench::cookie_50(args = (cookie_header::cookie as HeaderOp, 50), setup = header_case)]
#[bench::biscotti_50(args = (biscotti_50 as HeaderOp, 50), setup = header_case)]
#[bench::bytes_baseline_50(args = (cookie_header::bytes_baseline as HeaderOp, 50), setup = header_case)]
#[bench::hardtack_1(args = (cookie_header::hardtack as HeaderOp, 1), setup = header_case)]
#[bench::cookie_1(args = (cookie_header::cookie as HeaderOp, 1), setup = header_case)]
#[bench::bytes_baseline_1(args = (cookie_header::bytes_baseline as HeaderOp, 1), setup = header_case)]
fn cookie_header_parse((h, op): (String, HeaderOp)) -> usize {
    repeat(h.as_str(), op)
}

library_benchmark_group!(
    name = cookie_header_parse_group,
    benchmarks = cookie_header_parse
);

// ---------------------------------------------------------------- set_cookie_serialize

fn serialize_hardtack(_: &()) -> usize {
    serialize::hardtack(black_box(serialize::expires()))
}

fn serialize_hardtack_string(_: &()) -> usize {
    serialize::hardtack_string(black_box(serialize::expires()))
}

fn serialize_cookie(_: &()) -> usize {
    serialize::cookie(black_box(serialize::expires()))
}

fn serialize_biscotti(_: &()) -> usize {
    // Built once, like the other writers' `OffsetDateTime` (which costs nothing to make).
    static EXPIRES: LazyLock<biscotti::time::Zoned> = LazyLock::new(serialize::biscotti_expires);
    serialize::biscotti(black_box(&EXPIRES))
}

type UnitOp = fn(&()) -> usize;

fn unit_case(op: UnitOp) -> UnitOp {
    black_box(op(&()));
    op
}

#[library_benchmark]
#[bench::hardtack(args = (serialize_hardtack as UnitOp,), setup = unit_case)]
#[bench::hardtack_string(args = (serialize_hardtack_string as UnitOp,), setup = unit_case)]
#[bench::cookie(args = (serialize_cookie as UnitOp,), setup = unit_case)]
#[bench::biscotti(args = (serialize_biscotti as UnitOp,), setup = unit_case)]
fn set_cookie_serialize(op: UnitOp) -> usize {
    repeat(&(), op)
}

library_benchmark_group!(
    name = set_cookie_serialize_group,
    benchmarks = set_cookie_serialize
);

// ---------------------------------------------------------------- token_sign / token_verify

type TokenOp = fn(&token::TokenFixture) -> usize;

fn token_case(op: TokenOp) -> (token::TokenFixture, TokenOp) {
    let f = token::TokenFixture::new();
    black_box(op(&f));
    (f, op)
}

#[library_benchmark]
#[bench::hardtack(args = (token::hardtack_sign as TokenOp,), setup = token_case)]
#[bench::hmac_floor(args = (token::floor_sign as TokenOp,), setup = token_case)]
#[bench::jsonwebtoken(args = (token::jsonwebtoken_sign as TokenOp,), setup = token_case)]
#[bench::cookie_signed_jar(args = (token::cookie_signed_jar_sign as TokenOp,), setup = token_case)]
fn token_sign((f, op): (token::TokenFixture, TokenOp)) -> usize {
    repeat(&f, op)
}

#[library_benchmark]
#[bench::hardtack(args = (token::hardtack_verify as TokenOp,), setup = token_case)]
#[bench::hardtack_16_keys(args = (token::hardtack_verify_16 as TokenOp,), setup = token_case)]
#[bench::hmac_floor(args = (token::floor_verify as TokenOp,), setup = token_case)]
#[bench::jsonwebtoken(args = (token::jsonwebtoken_verify as TokenOp,), setup = token_case)]
#[bench::cookie_signed_jar(args = (token::cookie_signed_jar_verify as TokenOp,), setup = token_case)]
fn token_verify((f, op): (token::TokenFixture, TokenOp)) -> usize {
    repeat(&f, op)
}

library_benchmark_group!(name = token_group, benchmarks = [token_sign, token_verify]);

// ---------------------------------------------------------------- session_id

fn sid_hardtack_fast(_: &()) -> usize {
    sid::hardtack_fast()
}

fn sid_thread_rng(_: &()) -> usize {
    sid::thread_rng_b64()
}

fn sid_hardtack_parse(_: &()) -> usize {
    sid::hardtack_parse(black_box(sid::SAMPLE))
}

fn sid_base64_parse(_: &()) -> usize {
    sid::base64_parse(black_box(sid::SAMPLE))
}

// The getrandom-backed generators are left out: their cost is one system call,
// which callgrind does not count.
#[library_benchmark]
#[bench::hardtack_fast(args = (sid_hardtack_fast as UnitOp,), setup = unit_case)]
#[bench::thread_rng_b64(args = (sid_thread_rng as UnitOp,), setup = unit_case)]
#[bench::hardtack_parse(args = (sid_hardtack_parse as UnitOp,), setup = unit_case)]
#[bench::base64_parse(args = (sid_base64_parse as UnitOp,), setup = unit_case)]
fn session_id(op: UnitOp) -> usize {
    repeat(&(), op)
}

library_benchmark_group!(name = session_id_group, benchmarks = session_id);

// ---------------------------------------------------------------- cookie_jar

/// Which jar operation a `cookie_jar` benchmark runs.
#[derive(Clone, Copy)]
enum JarOp {
    HardtackStore,
    CookieStoreStore,
    HardtackHeader,
    CookieStoreHeader,
}

/// A `cookie_jar` benchmark's input. `store_response` gets `ITERATIONS` empty jars
/// from the setup, and the benchmark returns them filled: gungraun counts only the
/// benchmark function, so making and dropping the jars is not counted (as in
/// `compare.rs`, where `iter_batched_ref` does the same). `request_header` gets the
/// 1,000-cookie jars.
enum JarCase {
    HardtackStore(jar::StoreFixture, Vec<jar::HardtackJar>),
    CookieStoreStore(jar::StoreFixture, Vec<cookie_store::CookieStore>),
    HardtackHeader(jar::HeaderFixture),
    CookieStoreHeader(jar::HeaderFixture),
}

fn jar_case(op: JarOp) -> JarCase {
    match op {
        JarOp::HardtackStore => {
            let f = jar::StoreFixture::new();
            black_box(jar::hardtack_store(&mut jar::hardtack_jar(), &f));
            let jars = (0..ITERATIONS).map(|_| jar::hardtack_jar()).collect();
            JarCase::HardtackStore(f, jars)
        }
        JarOp::CookieStoreStore => {
            let f = jar::StoreFixture::new();
            black_box(jar::cookie_store_store(&mut jar::cookie_store_jar(), &f));
            let jars = (0..ITERATIONS).map(|_| jar::cookie_store_jar()).collect();
            JarCase::CookieStoreStore(f, jars)
        }
        JarOp::HardtackHeader => {
            let mut f = jar::HeaderFixture::new();
            black_box(jar::hardtack_header(&mut f));
            JarCase::HardtackHeader(f)
        }
        JarOp::CookieStoreHeader => {
            let f = jar::HeaderFixture::new();
            black_box(jar::cookie_store_header(&f));
            JarCase::CookieStoreHeader(f)
        }
    }
}

#[library_benchmark]
#[bench::hardtack_store_20(args = (JarOp::HardtackStore,), setup = jar_case)]
#[bench::cookie_store_store_20(args = (JarOp::CookieStoreStore,), setup = jar_case)]
#[bench::hardtack_header_1000(args = (JarOp::HardtackHeader,), setup = jar_case)]
#[bench::cookie_store_header_1000(args = (JarOp::CookieStoreHeader,), setup = jar_case)]
fn cookie_jar(mut case: JarCase) -> (usize, JarCase) {
    let mut digest = 0;
    match &mut case {
        JarCase::HardtackStore(f, jars) => {
            for j in jars.iter_mut() {
                digest += jar::hardtack_store(black_box(j), black_box(f));
            }
        }
        JarCase::CookieStoreStore(f, jars) => {
            for j in jars.iter_mut() {
                digest += jar::cookie_store_store(black_box(j), black_box(f));
            }
        }
        JarCase::HardtackHeader(f) => {
            for _ in 0..ITERATIONS {
                digest += jar::hardtack_header(black_box(f));
            }
        }
        JarCase::CookieStoreHeader(f) => digest = repeat(f, jar::cookie_store_header),
    }
    (digest, case)
}

library_benchmark_group!(name = cookie_jar_group, benchmarks = cookie_jar);

main!(
    library_benchmark_groups = set_cookie_parse_group,
    cookie_header_parse_group,
    set_cookie_serialize_group,
    token_group,
    session_id_group,
    cookie_jar_group
);
