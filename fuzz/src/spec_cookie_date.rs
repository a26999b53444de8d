//! RFC 6265 §5.1.1 "Dates", written down step by step, returning Unix seconds.
//!
//! ```text
//! cookie-date     = *delimiter date-token-list *delimiter
//! date-token-list = date-token *( 1*delimiter date-token )
//! date-token      = 1*non-delimiter
//! delimiter       = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
//! non-digit       = %x00-2F / %x3A-FF
//! day-of-month    = 1*2DIGIT ( non-digit *OCTET )
//! month           = ( "jan" / "feb" / ... / "dec" ) *OCTET
//! year            = 2*4DIGIT ( non-digit *OCTET )
//! time            = hms-time ( non-digit *OCTET )
//! hms-time        = time-field ":" time-field ":" time-field
//! time-field      = 1*2DIGIT
//! ```
//!
//! The calendar arithmetic is Howard Hinnant's `days_from_civil`, not the `time`
//! crate that hardtack uses, so the two sides share no code.

fn is_delimiter(c: u8) -> bool {
    matches!(c, 0x09 | 0x20..=0x2f | 0x3b..=0x40 | 0x5b..=0x60 | 0x7b..=0x7e)
}

/// `min..=max` DIGITs at the start of `s`, then either the end or a non-digit.
/// Returns the value and the rest after the digits.
fn digits(s: &[u8], min: usize, max: usize) -> Option<(u32, &[u8])> {
    let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if n < min || n > max {
        return None;
    }
    let value = s[..n]
        .iter()
        .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'));
    Some((value, &s[n..]))
}

fn time(token: &[u8]) -> Option<(u32, u32, u32)> {
    let (h, rest) = digits(token, 1, 2)?;
    let rest = rest.strip_prefix(b":")?;
    let (m, rest) = digits(rest, 1, 2)?;
    let rest = rest.strip_prefix(b":")?;
    let (s, _) = digits(rest, 1, 2)?;
    Some((h, m, s))
}

fn month(token: &[u8]) -> Option<u32> {
    const NAMES: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    let head = token.get(..3)?;
    NAMES
        .iter()
        .position(|name| head.eq_ignore_ascii_case(&name[..]))
        .map(|i| i as u32 + 1)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The cookie-date algorithm; `Some(unix seconds)` or `None` for "failed to parse".
pub fn parse(input: &[u8]) -> Option<i64> {
    let mut found_time = None;
    let mut found_day = None;
    let mut found_month = None;
    let mut found_year = None;
    // Step 1: the date-tokens.
    for token in input.split(|&c| is_delimiter(c)).filter(|t| !t.is_empty()) {
        // Step 2: each token is tried against the productions in this order, and a
        // production already found is not tried again.
        if found_time.is_none()
            && let Some(t) = time(token)
        {
            found_time = Some(t);
        } else if found_day.is_none()
            && let Some((d, _)) = digits(token, 1, 2)
        {
            found_day = Some(d);
        } else if found_month.is_none()
            && let Some(m) = month(token)
        {
            found_month = Some(m);
        } else if found_year.is_none()
            && let Some((y, _)) = digits(token, 2, 4)
        {
            found_year = Some(y);
        }
    }
    let (hour, minute, second) = found_time?;
    let (day, month, mut year) = (found_day?, found_month?, found_year?);
    // Steps 3 and 4: two-digit years.
    if (70..=99).contains(&year) {
        year += 1900;
    } else if year <= 69 {
        year += 2000;
    }
    // Step 5: every part is required. Step 6: the range checks.
    if !(1..=31).contains(&day) || year < 1601 || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    // Step 7: the date must exist.
    let year = i64::from(year);
    if day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + i64::from(hour * 3600 + minute * 60 + second))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_classic_forms() {
        let t = Some(784_111_777);
        assert_eq!(parse(b"Sun, 06 Nov 1994 08:49:37 GMT"), t);
        assert_eq!(parse(b"Sunday, 06-Nov-94 08:49:37 GMT"), t);
        assert_eq!(parse(b"Sun Nov  6 08:49:37 1994"), t);
    }

    #[test]
    fn epochs_and_leap_days() {
        assert_eq!(parse(b"1 jan 1970 00:00:00"), Some(0));
        assert_eq!(parse(b"31 dec 1969 23:59:59"), Some(-1));
        assert_eq!(parse(b"1 jan 1601 00:00:00"), Some(-11_644_473_600));
        assert_eq!(parse(b"29 Feb 2000 00:00:00"), Some(951_782_400));
        assert_eq!(parse(b"29 Feb 1900 00:00:00"), None);
        assert_eq!(parse(b"31 Dec 9999 23:59:59"), Some(253_402_300_799));
    }

    #[test]
    fn two_digit_years() {
        assert_eq!(parse(b"1 jan 70 00:00:00"), Some(0));
        assert_eq!(parse(b"1 jan 69 00:00:00"), parse(b"1 jan 2069 00:00:00"));
        assert_eq!(parse(b"1 jan 0070 00:00:00"), Some(0));
    }

    #[test]
    fn productions() {
        // A token matches `day-of-month` only with 1 or 2 digits before a non-digit.
        assert_eq!(parse(b"123 jan 1999 00:00:00"), None);
        assert_eq!(
            parse(b"1x jan 1999 00:00:00"),
            parse(b"1 jan 1999 00:00:00")
        );
        // The first time-shaped token is the time; a later one is not a day.
        assert_eq!(
            parse(b"00:00:00 1 Janvier 1999 12:00:00"),
            Some(915_148_800)
        );
        // The month is the first three letters, in any case.
        assert_eq!(parse(b"1 JANUARY 1999 00:00:00"), Some(915_148_800));
        assert_eq!(parse(b"1 ja 1999 00:00:00"), None);
        // Non-ASCII bytes are not delimiters.
        assert_eq!(parse(b"1 jan 1999 00:00:00\xff"), Some(915_148_800));
        assert_eq!(parse(b"1 jan\xff 1999 00:00:00"), Some(915_148_800));
        assert_eq!(parse(b"1\xff jan 1999 00:00:00"), Some(915_148_800));
        assert_eq!(parse(b"\xff1 jan 1999 00:00:00"), None);
        assert_eq!(parse(b"1 jan 1999 0:0:60"), None);
        assert_eq!(parse(b"1 jan 1999 24:00:00"), None);
        assert_eq!(parse(b"1 jan 1600 00:00:00"), None);
        assert_eq!(parse(b"1 jan 99999 00:00:00"), None);
        assert_eq!(parse(b""), None);
    }
}
