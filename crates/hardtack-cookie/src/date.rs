//! Cookie dates.
