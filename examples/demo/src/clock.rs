//! The one place the demo reads the wall clock.

use std::time::{SystemTime, UNIX_EPOCH};

/// Unix seconds. Every hardtack time is plain seconds supplied by the caller; a clock
/// set before 1970 reads as 0, which every check treats as "long ago".
pub(crate) fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_a_time_after_this_code_was_written() {
        // 2026-01-01T00:00:00Z
        assert!(super::now() > 1_767_225_600);
    }
}
