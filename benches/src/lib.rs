//! The operations and inputs that the benchmark harnesses time (`benches/compare.rs`,
//! criterion) and count instructions of (`benches/icount.rs`, gungraun).
//!
//! Every operation is a plain function that returns a `usize` digest of its result
//! (lengths, counts), so a harness can `black_box` one number and the tests below
//! can check that hardtack and each peer did the same work on the same input.
//! Setup that a real server does once (keys, rings, parsed options) lives in the
//! `*Fixture` types and stays out of the measured call.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod cookie_header;
pub mod input_growth;
pub mod jar;
pub mod serialize;
pub mod session_id;
pub mod set_cookie;
pub mod token;
