//! Instruction counts (callgrind, through gungraun) of hostile inputs at two
//! lengths: `benches/icount.py --check` fails CI when the cost of a cookie input
//! grows faster than its length, or when an oversized token costs more than a
//! short one (`hardtack_benches::input_growth` has the inputs and the limits).
//!
//! A binary of its own, so that these extra callers of the parsers do not change
//! how the compiler inlines them into the operations `icount.rs` holds to its
//! baseline. Each benchmark makes one call: a 100 KiB input costs millions of
//! instructions, and `icount.py` does not divide this binary's counts.
//!
//! Run: `cargo bench -p hardtack-benches --bench icount_growth -- --save-summary=json`

use std::hint::black_box;

use gungraun::prelude::*;
use hardtack_benches::input_growth as growth;

/// Shape `index` of [`growth::SHAPES`] at `len` bytes.
fn shape_case(index: usize, len: usize) -> String {
    let input = growth::SHAPES
        .get(index)
        .map_or_else(String::new, |(_, make)| make(len));
    black_box(growth::every_parser(&input));
    input
}

// The id names the shape and the input length; `benches/icount.py` pairs each
// 10k case with its 100k case and fails CI on more than linear growth.
#[library_benchmark]
#[bench::hardtack_huge_value_10k(args = (0, growth::SMALL), setup = shape_case)]
#[bench::hardtack_huge_value_100k(args = (0, growth::LARGE), setup = shape_case)]
#[bench::hardtack_semicolons_10k(args = (1, growth::SMALL), setup = shape_case)]
#[bench::hardtack_semicolons_100k(args = (1, growth::LARGE), setup = shape_case)]
#[bench::hardtack_attributes_10k(args = (2, growth::SMALL), setup = shape_case)]
#[bench::hardtack_attributes_100k(args = (2, growth::LARGE), setup = shape_case)]
#[bench::hardtack_equals_10k(args = (3, growth::SMALL), setup = shape_case)]
#[bench::hardtack_equals_100k(args = (3, growth::LARGE), setup = shape_case)]
#[bench::hardtack_pairs_10k(args = (4, growth::SMALL), setup = shape_case)]
#[bench::hardtack_pairs_100k(args = (4, growth::LARGE), setup = shape_case)]
#[bench::hardtack_quotes_10k(args = (5, growth::SMALL), setup = shape_case)]
#[bench::hardtack_quotes_100k(args = (5, growth::LARGE), setup = shape_case)]
fn input_growth(input: String) -> usize {
    growth::every_parser(black_box(&input))
}

fn oversize_case(len: usize) -> growth::OversizeFixture {
    let f = growth::OversizeFixture::new(len);
    black_box(growth::token_verify_oversize(&f));
    f
}

#[library_benchmark]
#[bench::hardtack_oversize_1k(args = (1 << 10,), setup = oversize_case)]
#[bench::hardtack_oversize_1m(args = (1 << 20,), setup = oversize_case)]
fn token_verify_growth(f: growth::OversizeFixture) -> usize {
    growth::token_verify_oversize(black_box(&f))
}

library_benchmark_group!(
    name = input_growth_group,
    benchmarks = [input_growth, token_verify_growth]
);

main!(library_benchmark_groups = input_growth_group);
