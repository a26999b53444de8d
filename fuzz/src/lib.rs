//! Reference models for the differential fuzz targets, and the input shapes the
//! structured targets draw with `arbitrary`.
//!
//! Every model here is written the plain way, straight from the spec text, with
//! no attention to speed: its only job is to be obviously right, so that a
//! disagreement with hardtack points at hardtack. The unit tests at the bottom of
//! each module pin the models to hand-checked examples (`cargo test` in `fuzz/`).

#![forbid(unsafe_code)]

pub mod naive_cookie_header;
pub mod spec_cookie_pair;
pub mod spec_cookie_date;
pub mod spec_set_cookie;
pub mod structured;
