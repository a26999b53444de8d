//! Times and durations as people write and read them.
//!
//! ```
//! use hardtack_cli::timefmt::{human_duration, parse_duration};
//! assert_eq!(parse_duration("12h").map(human_duration), Ok("12h".to_owned()));
//! ```

use std::time::{SystemTime, UNIX_EPOCH};

use hardtack::cookie::date::HttpDate;
use time::OffsetDateTime;

/// Seconds since the Unix epoch (0 if the clock is before 1970).
///
/// ```
/// assert!(hardtack_cli::timefmt::now() > 1_700_000_000);
/// ```
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`, or the raw number when out of IMF-fixdate's range.
///
/// ```
/// assert_eq!(hardtack_cli::timefmt::http_date(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
/// ```
pub fn http_date(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(HttpDate::new)
        .map_or_else(|| format!("@{unix}"), |d| d.to_string())
}

/// `3600` (seconds) or a number with one unit: `90s`, `30m`, `12h`, `7d`.
///
/// # Errors
/// A message for clap.
///
/// ```
/// use hardtack_cli::timefmt::parse_duration;
/// assert_eq!(parse_duration("30m"), Ok(1800));
/// assert!(parse_duration("soon").is_err());
/// ```
pub fn parse_duration(s: &str) -> Result<u64, String> {
    let (digits, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => s.split_at(i),
        None => (s, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("'{s}' is not a duration (try 3600, 90s, 30m, 12h or 7d)"))?;
    let scale = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("unknown unit in '{s}' (use s, m, h or d)")),
    };
    n.checked_mul(scale)
        .ok_or_else(|| format!("'{s}' is too long"))
}

/// `3h 5m 2s`, compactly.
///
/// ```
/// assert_eq!(hardtack_cli::timefmt::human_duration(11_102), "3h 5m 2s");
/// ```
pub fn human_duration(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    let parts: Vec<String> = [(d, "d"), (h, "h"), (m, "m"), (s, "s")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, u)| format!("{n}{u}"))
        .collect();
    if parts.is_empty() {
        "0s".to_owned()
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_with_units() {
        assert_eq!(parse_duration("3600"), Ok(3600));
        assert_eq!(parse_duration("30m"), Ok(1800));
        assert_eq!(parse_duration("7d"), Ok(604_800));
        assert!(parse_duration("").is_err());
        assert!(parse_duration("5w").is_err());
        assert!(parse_duration("-5").is_err());
        assert!(parse_duration("99999999999999999999d").is_err());
    }

    #[test]
    fn dates_use_imf_fixdate() {
        assert_eq!(http_date(1_445_412_480), "Wed, 21 Oct 2015 07:28:00 GMT");
        assert_eq!(http_date(i64::MAX), format!("@{}", i64::MAX));
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(human_duration(0), "0s");
        assert_eq!(human_duration(93_784), "1d 2h 3m 4s");
    }
}
