//! Date parsing and writing, driven by tables written from RFC 6265bis §5.1.1
//! and RFC 9110 §5.6.7. Every expected value is a literal.

use std::fmt::{self, Write as _};

use hardtack_cookie::date::{
    DateErrorKind, HttpDate, is_representable, parse_cookie_date, parse_imf_fixdate,
    write_imf_fixdate,
};
use proptest::prelude::*;
use time::macros::datetime;
use time::{OffsetDateTime, UtcOffset};

// ---------------------------------------------------------------------------
// parse_cookie_date
// ---------------------------------------------------------------------------

/// `(input, expected)`.
const COOKIE_DATES: &[(&[u8], Option<OffsetDateTime>)] = &[
    // The three formats RFC 9110 §5.6.7 tells recipients to accept.
    (
        b"Sun, 06 Nov 1994 08:49:37 GMT",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"Sunday, 06-Nov-94 08:49:37 GMT",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"Sun Nov  6 08:49:37 1994",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    // Time zone names and offsets are ignored: the result is always UTC.
    (
        b"Wed, 21 Oct 2015 07:28:00 UTC",
        Some(datetime!(2015-10-21 07:28:00 UTC)),
    ),
    (
        b"Wed, 21 Oct 2015 07:28:00 +0900",
        Some(datetime!(2015-10-21 07:28:00 UTC)),
    ),
    (
        b"Wed, 21 Oct 2015 07:28:00 PST",
        Some(datetime!(2015-10-21 07:28:00 UTC)),
    ),
    // Two-digit years.
    (
        b"Thu, 10-Sep-69 20:00:00 GMT",
        Some(datetime!(2069-09-10 20:00:00 UTC)),
    ),
    (
        b"Thu, 10-Sep-70 20:00:00 GMT",
        Some(datetime!(1970-09-10 20:00:00 UTC)),
    ),
    (
        b"Sat, 01-Jan-00 00:00:00 GMT",
        Some(datetime!(2000-01-01 00:00:00 UTC)),
    ),
    (
        b"Fri, 31-Dec-99 23:59:59 GMT",
        Some(datetime!(1999-12-31 23:59:59 UTC)),
    ),
    // The expansion applies to the value, whatever the number of digits.
    (
        b"06 Nov 0094 08:49:37",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"06 Nov 069 08:49:37",
        Some(datetime!(2069-11-06 08:49:37 UTC)),
    ),
    (b"06 Nov 100 08:49:37", None),
    // Year limits.
    (b"Thu, 21 Oct 1600 12:00:00 GMT", None),
    (b"21 Oct 1600", None),
    (
        b"Sun, 21 Oct 1601 12:00:00 GMT",
        Some(datetime!(1601-10-21 12:00:00 UTC)),
    ),
    (
        b"Mon, 01 Jan 1601 00:00:00 GMT",
        Some(datetime!(1601-01-01 00:00:00 UTC)),
    ),
    (
        b"Fri, 31 Dec 9999 23:59:59 GMT",
        Some(datetime!(9999-12-31 23:59:59 UTC)),
    ),
    (b"06 Nov 19940 08:49:37", None),
    (b"06 Nov 9 08:49:37", None),
    // The weekday is ignored, even when it is wrong or unknown.
    (
        b"Mon, 06 Nov 1994 08:49:37 GMT",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"Someday, 06 Nov 1994 08:49:37 GMT",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    // Order and case do not matter.
    (
        b"08:49:37 6 november 1994",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"1994 NOV 06 08:49:37",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"nOv-06-1994 08:49:37",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"Jan 1st 2000 00:00:00",
        Some(datetime!(2000-01-01 00:00:00 UTC)),
    ),
    // One-digit fields.
    (
        b"6 Nov 1994 8:9:7",
        Some(datetime!(1994-11-06 08:09:07 UTC)),
    ),
    (
        b"Tue, 1 Feb 2000 0:0:0 GMT",
        Some(datetime!(2000-02-01 00:00:00 UTC)),
    ),
    // Odd delimiters: every byte in %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E.
    (
        b"\t06\t Nov\t1994\t08:49:37\t",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"06/Nov/1994 08:49:37",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"06;Nov@1994?08:49:37",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"[06]{Nov}`1994`~08:49:37~",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"!\"#$%&'()*+,-./06<=>Nov^_|1994\\08:49:37",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    // `:` is not a delimiter, so a time glued to a year is a year token.
    (b"06/Nov/1994:08:49:37 +0000", None),
    // An ISO 8601 timestamp has no separate time token.
    (b"1994-11-06T08:49:37Z", None),
    // Bytes that are not delimiters join tokens: NUL, other controls, DEL, non-ASCII.
    (b"06\x00Nov 1994 08:49:37", None),
    (
        b"06 Nov 1994 08:49:37\x7f",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"06 Nov 1994 08:49:37 \xff\xfe",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"06 Nov\x01 1994 08:49:37",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (b"06 \x01Nov 1994 08:49:37", None),
    // Non-digit suffixes are allowed after numbers; digit suffixes are not.
    (
        b"06th Nov 1994AD 08:49:37Z",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"06 Nov 1994 08:49:37.123",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (b"06 Nov 1994 008:49:37", None),
    (b"06 Nov 1994 08:49:375", None),
    // The first token that matches a part wins; later ones are ignored.
    (
        b"06 Nov 1994 08:49:37 09:00:00 07 Dec 2000",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
    (
        b"01:02:03 04 Jan 12",
        Some(datetime!(2012-01-04 01:02:03 UTC)),
    ),
    // A day-of-month token is tried before month, so "06Nov" is only a day.
    (b"Sun,06Nov1994 08:49:37", None),
    // Missing parts.
    (b"", None),
    (b" ,;-/ \t", None),
    (b"Sun, 06 Nov 1994 GMT", None),
    (b"Nov 1994 08:49:37", None),
    (b"06 1994 08:49:37", None),
    (b"06 Nov 08:49:37", None),
    (b"tomorrow", None),
    (b"0", None),
    // Out of range.
    (b"06 Nov 1994 24:00:00", None),
    (b"06 Nov 1994 23:60:00", None),
    (b"06 Nov 1994 23:59:60", None),
    (b"00 Nov 1994 08:49:37", None),
    (b"32 Dec 1994 08:49:37", None),
    (b"06 Nov 1994 99:99:99", None),
    // `-` is a delimiter, so a sign is dropped.
    (
        b"06 Nov 1994 -1:00:00",
        Some(datetime!(1994-11-06 01:00:00 UTC)),
    ),
    // Dates that do not exist.
    (b"31 Nov 1994 08:49:37", None),
    (b"30 Feb 2000 00:00:00", None),
    (b"29 Feb 1900 00:00:00", None),
    (b"29 Feb 2100 00:00:00", None),
    (
        b"29 Feb 2000 00:00:00",
        Some(datetime!(2000-02-29 00:00:00 UTC)),
    ),
    (
        b"29 Feb 2024 12:34:56",
        Some(datetime!(2024-02-29 12:34:56 UTC)),
    ),
    (
        b"31 Dec 1999 23:59:59",
        Some(datetime!(1999-12-31 23:59:59 UTC)),
    ),
    // Month names are matched on three letters.
    (b"06 No 1994 08:49:37", None),
    (b"06 Nvo 1994 08:49:37", None),
    (
        b"06 Novembre 1994 08:49:37",
        Some(datetime!(1994-11-06 08:49:37 UTC)),
    ),
];

#[test]
fn cookie_date_table() {
    for &(input, expected) in COOKIE_DATES {
        assert_eq!(
            parse_cookie_date(input),
            expected,
            "{}",
            input.escape_ascii()
        );
    }
}

#[test]
fn every_month_name_in_any_case() {
    let months: [(&str, OffsetDateTime); 12] = [
        ("jan", datetime!(2001-01-02 03:04:05 UTC)),
        ("feb", datetime!(2001-02-02 03:04:05 UTC)),
        ("mar", datetime!(2001-03-02 03:04:05 UTC)),
        ("apr", datetime!(2001-04-02 03:04:05 UTC)),
        ("may", datetime!(2001-05-02 03:04:05 UTC)),
        ("jun", datetime!(2001-06-02 03:04:05 UTC)),
        ("jul", datetime!(2001-07-02 03:04:05 UTC)),
        ("aug", datetime!(2001-08-02 03:04:05 UTC)),
        ("sep", datetime!(2001-09-02 03:04:05 UTC)),
        ("oct", datetime!(2001-10-02 03:04:05 UTC)),
        ("nov", datetime!(2001-11-02 03:04:05 UTC)),
        ("dec", datetime!(2001-12-02 03:04:05 UTC)),
    ];
    for (name, expected) in months {
        for spelled in [name.to_owned(), name.to_uppercase(), capitalize(name)] {
            let input = format!("2 {spelled} 2001 3:4:5");
            assert_eq!(
                parse_cookie_date(input.as_bytes()),
                Some(expected),
                "{input}"
            );
        }
    }
}

fn capitalize(name: &str) -> String {
    let mut out = name.to_owned();
    out[..1].make_ascii_uppercase();
    out
}

#[test]
fn linear_on_one_mebibyte_inputs() {
    const MIB: usize = 1 << 20;
    let date = b"Sun, 06 Nov 1994 08:49:37 GMT ";
    let mut after_junk = b"x ".repeat(MIB / 2);
    after_junk.extend_from_slice(date);
    let mut before_junk = date.to_vec();
    before_junk.extend(b"1:2:3 4 Jan 99 ".iter().copied().cycle().take(MIB));

    let cases: [(Vec<u8>, Option<OffsetDateTime>); 7] = [
        (vec![b'7'; MIB], None),
        (vec![b' '; MIB], None),
        (vec![b'a'; MIB], None),
        (b"1:1:1 ".repeat(MIB / 6), None),
        (b"Jan ".repeat(MIB / 4), None),
        (after_junk, Some(datetime!(1994-11-06 08:49:37 UTC))),
        (before_junk, Some(datetime!(1994-11-06 08:49:37 UTC))),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_cookie_date(&input), expected);
        assert!(parse_imf_fixdate(&input).is_err());
    }
}

// ---------------------------------------------------------------------------
// parse_imf_fixdate
// ---------------------------------------------------------------------------

const IMF_FIXDATES: &[(&[u8], OffsetDateTime)] = &[
    (
        b"Sun, 06 Nov 1994 08:49:37 GMT",
        datetime!(1994-11-06 08:49:37 UTC),
    ),
    (
        b"Thu, 01 Jan 1970 00:00:00 GMT",
        datetime!(1970-01-01 00:00:00 UTC),
    ),
    (
        b"Wed, 21 Oct 2015 07:28:00 GMT",
        datetime!(2015-10-21 07:28:00 UTC),
    ),
    (
        b"Tue, 29 Feb 2000 12:00:00 GMT",
        datetime!(2000-02-29 12:00:00 UTC),
    ),
    (
        b"Thu, 29 Feb 2024 23:59:59 GMT",
        datetime!(2024-02-29 23:59:59 UTC),
    ),
    (
        b"Tue, 19 Jan 2038 03:14:08 GMT",
        datetime!(2038-01-19 03:14:08 UTC),
    ),
    (
        b"Mon, 01 Jan 1601 00:00:00 GMT",
        datetime!(1601-01-01 00:00:00 UTC),
    ),
    (
        b"Fri, 31 Dec 9999 23:59:59 GMT",
        datetime!(9999-12-31 23:59:59 UTC),
    ),
];

#[test]
fn imf_fixdate_accepts_valid_dates() {
    for &(input, expected) in IMF_FIXDATES {
        assert_eq!(
            parse_imf_fixdate(input),
            Ok(expected),
            "{}",
            input.escape_ascii()
        );
        // A user agent reads the same instant.
        assert_eq!(parse_cookie_date(input), Some(expected));
    }
}

/// `(input, kind, offset)`.
const BAD_IMF_FIXDATES: &[(&[u8], DateErrorKind, usize)] = &[
    // Obsolete formats.
    (b"Sunday, 06-Nov-94 08:49:37 GMT", DateErrorKind::Layout, 3),
    (b"Sun Nov  6 08:49:37 1994", DateErrorKind::Layout, 3),
    // Names are case-sensitive.
    (b"sun, 06 Nov 1994 08:49:37 GMT", DateErrorKind::Weekday, 0),
    (b"SUN, 06 Nov 1994 08:49:37 GMT", DateErrorKind::Weekday, 0),
    (b"Xyz, 06 Nov 1994 08:49:37 GMT", DateErrorKind::Weekday, 0),
    (b"Sun, 06 nov 1994 08:49:37 GMT", DateErrorKind::Month, 8),
    (b"Sun, 06 NOV 1994 08:49:37 GMT", DateErrorKind::Month, 8),
    (b"Sun, 06 Nox 1994 08:49:37 GMT", DateErrorKind::Month, 8),
    // The zone must be the literal GMT.
    (b"Wed, 21 Oct 2015 07:28:00 UTC", DateErrorKind::Zone, 26),
    (b"Wed, 21 Oct 2015 07:28:00 gmt", DateErrorKind::Zone, 26),
    (b"Wed, 21 Oct 2015 07:28:00 +0000", DateErrorKind::Zone, 26),
    (b"Wed, 21 Oct 2015 07:28:00 GM", DateErrorKind::Zone, 26),
    (b"Wed, 21 Oct 2015 07:28:00", DateErrorKind::Layout, 25),
    // Fixed widths.
    (b"Sun, 6 Nov 1994 08:49:37 GMT", DateErrorKind::Day, 5),
    (b"Sun,  6 Nov 1994 08:49:37 GMT", DateErrorKind::Day, 5),
    (b"Sun, 06 Nov 94 08:49:37 GMT", DateErrorKind::Year, 12),
    (b"Sun, 06 Nov 19940 08:49:37 GMT", DateErrorKind::Layout, 16),
    (b"Sun, 06 Nov 1994 8:49:37 GMT", DateErrorKind::Time, 17),
    (b"Sun, 06 Nov 1994 08:9:37 GMT", DateErrorKind::Time, 20),
    (b"Sun, 06 Nov 1994 08:49:7 GMT", DateErrorKind::Time, 23),
    // Separators.
    (b"Sun 06 Nov 1994 08:49:37 GMT", DateErrorKind::Layout, 3),
    (b"Sun,06 Nov 1994 08:49:37 GMT", DateErrorKind::Layout, 3),
    (b"Sun, 06-Nov-1994 08:49:37 GMT", DateErrorKind::Layout, 7),
    (b"Sun, 06 Nov  1994 08:49:37 GMT", DateErrorKind::Year, 12),
    (b"Sun, 06 Nov 1994T08:49:37 GMT", DateErrorKind::Layout, 16),
    (b"Sun, 06 Nov 1994 08.49.37 GMT", DateErrorKind::Layout, 19),
    (b"Sun, 06 Nov 1994 08:49:37GMT", DateErrorKind::Layout, 25),
    (b" Sun, 06 Nov 1994 08:49:37 GMT", DateErrorKind::Weekday, 0),
    // Trailing bytes.
    (
        b"Sun, 06 Nov 1994 08:49:37 GMT ",
        DateErrorKind::Trailing,
        29,
    ),
    (
        b"Sun, 06 Nov 1994 08:49:37 GMT;",
        DateErrorKind::Trailing,
        29,
    ),
    (
        b"Sun, 06 Nov 1994 08:49:37 GMT\0",
        DateErrorKind::Trailing,
        29,
    ),
    // Ranges.
    (b"Sun, 00 Nov 1994 08:49:37 GMT", DateErrorKind::Day, 5),
    (b"Sun, 32 Dec 1994 08:49:37 GMT", DateErrorKind::Day, 5),
    (b"Sun, 06 Nov 1600 08:49:37 GMT", DateErrorKind::Year, 12),
    (b"Sun, 06 Nov 0000 08:49:37 GMT", DateErrorKind::Year, 12),
    (b"Sun, 06 Nov 1994 24:00:00 GMT", DateErrorKind::Time, 17),
    (b"Sun, 06 Nov 1994 23:60:00 GMT", DateErrorKind::Time, 20),
    (b"Sat, 31 Dec 2016 23:59:60 GMT", DateErrorKind::Time, 23),
    // Dates that do not exist, and wrong weekdays.
    (
        b"Fri, 31 Nov 1994 08:49:37 GMT",
        DateErrorKind::Nonexistent,
        5,
    ),
    (
        b"Wed, 30 Feb 2000 00:00:00 GMT",
        DateErrorKind::Nonexistent,
        5,
    ),
    (
        b"Thu, 29 Feb 1900 00:00:00 GMT",
        DateErrorKind::Nonexistent,
        5,
    ),
    (
        b"Mon, 06 Nov 1994 08:49:37 GMT",
        DateErrorKind::WrongWeekday,
        0,
    ),
    (
        b"Thu, 10 Sep 2069 20:00:00 GMT",
        DateErrorKind::WrongWeekday,
        0,
    ),
    // Truncated and non-ASCII input.
    (b"", DateErrorKind::Weekday, 0),
    (b"Su", DateErrorKind::Weekday, 0),
    (b"Sun, 06 Nov 1994", DateErrorKind::Layout, 16),
    (b"Sun, 06 Nov 1994 08:49:3", DateErrorKind::Time, 23),
    (
        b"Sun, \xd9\xa0\xd9\xa6 Nov 1994 08:49:37 GMT",
        DateErrorKind::Day,
        5,
    ),
];

#[test]
fn imf_fixdate_rejects_with_kind_and_offset() {
    for &(input, kind, offset) in BAD_IMF_FIXDATES {
        let error = parse_imf_fixdate(input).unwrap_err();
        assert_eq!(
            (error.kind(), error.offset()),
            (kind, offset),
            "{}",
            input.escape_ascii()
        );
    }
}

#[test]
fn imf_error_display() {
    let cases: [(&[u8], &str); 4] = [
        (
            b"Mon, 06 Nov 1994 08:49:37 GMT",
            "invalid IMF-fixdate: wrong weekday at byte 0",
        ),
        (
            b"Sun, 06 Nov 1994 08:49:37 UTC",
            "invalid IMF-fixdate: time zone is not GMT at byte 26",
        ),
        (
            b"Fri, 31 Nov 1994 08:49:37 GMT",
            "invalid IMF-fixdate: nonexistent date at byte 5",
        ),
        (
            b"Sun, 06 Nov 1994 08:49:37 GMT!",
            "invalid IMF-fixdate: trailing bytes at byte 29",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(parse_imf_fixdate(input).unwrap_err().to_string(), expected);
    }
}

#[test]
fn date_error_is_a_std_error() {
    let error: Box<dyn std::error::Error> = Box::new(parse_imf_fixdate(b"").unwrap_err());
    assert_eq!(
        error.to_string(),
        "invalid IMF-fixdate: invalid day name at byte 0"
    );
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

const WRITTEN: &[(OffsetDateTime, &str)] = &[
    (
        datetime!(1994-11-06 08:49:37 UTC),
        "Sun, 06 Nov 1994 08:49:37 GMT",
    ),
    (
        datetime!(1970-01-01 00:00:00 UTC),
        "Thu, 01 Jan 1970 00:00:00 GMT",
    ),
    // Converted to UTC, across a day, month and year boundary.
    (
        datetime!(2000-01-01 01:30:00 +02:00),
        "Fri, 31 Dec 1999 23:30:00 GMT",
    ),
    (
        datetime!(1999-12-31 20:00:00 -05:00),
        "Sat, 01 Jan 2000 01:00:00 GMT",
    ),
    // Sub-second precision is truncated, never rounded up.
    (
        datetime!(2015-10-21 07:28:00.999_999_999 UTC),
        "Wed, 21 Oct 2015 07:28:00 GMT",
    ),
    (
        datetime!(2024-02-29 12:00:00 UTC),
        "Thu, 29 Feb 2024 12:00:00 GMT",
    ),
    (
        datetime!(1601-01-01 00:00:00 UTC),
        "Mon, 01 Jan 1601 00:00:00 GMT",
    ),
    (
        datetime!(9999-12-31 23:59:59 UTC),
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ),
    (
        datetime!(1601-01-01 00:00:00 -00:00:01),
        "Mon, 01 Jan 1601 00:00:01 GMT",
    ),
];

#[test]
fn writes_imf_fixdate_in_utc() {
    for &(instant, expected) in WRITTEN {
        let mut out = String::new();
        write_imf_fixdate(&mut out, instant).unwrap();
        assert_eq!(out, expected);
        assert_eq!(HttpDate::new(instant).unwrap().to_string(), expected);
        assert!(is_representable(instant));
    }
}

#[test]
fn refuses_unrepresentable_years_and_writes_nothing() {
    let outside = [
        datetime!(1600-12-31 23:59:59 UTC),
        datetime!(1601-01-01 00:30:00 +01:00),
        datetime!(0000-01-01 00:00:00 UTC),
        datetime!(-0001-06-15 12:00:00 UTC),
        datetime!(9999-12-31 23:00:00 -05:00),
    ];
    for instant in outside {
        let mut out = String::from("Expires=");
        assert_eq!(write_imf_fixdate(&mut out, instant), Err(fmt::Error));
        assert_eq!(out, "Expires=");
        assert!(!is_representable(instant));
        assert!(HttpDate::new(instant).is_none());
    }
}

#[test]
fn writer_errors_are_passed_on() {
    struct Refuses;
    impl fmt::Write for Refuses {
        fn write_str(&mut self, _: &str) -> fmt::Result {
            Err(fmt::Error)
        }
    }
    let instant = datetime!(1994-11-06 08:49:37 UTC);
    assert_eq!(write_imf_fixdate(&mut Refuses, instant), Err(fmt::Error));
}

#[test]
fn writes_with_a_single_write_str() {
    #[derive(Default)]
    struct Calls(Vec<String>);
    impl fmt::Write for Calls {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0.push(s.to_owned());
            Ok(())
        }
    }
    let mut calls = Calls::default();
    write_imf_fixdate(&mut calls, datetime!(1994-11-06 08:49:37 UTC)).unwrap();
    assert_eq!(calls.0, ["Sun, 06 Nov 1994 08:49:37 GMT"]);
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// Unix time of 1601-01-01T00:00:00Z.
const FIRST_SECOND: i64 = -11_644_473_600;
/// Unix time of 9999-12-31T23:59:59Z.
const LAST_SECOND: i64 = 253_402_300_799;

fn representable_instant() -> impl Strategy<Value = OffsetDateTime> {
    (FIRST_SECOND..=LAST_SECOND)
        .prop_map(|seconds| OffsetDateTime::from_unix_timestamp(seconds).expect("in time's range"))
}

fn any_offset() -> impl Strategy<Value = UtcOffset> {
    (-93_599..=93_599)
        .prop_map(|seconds| UtcOffset::from_whole_seconds(seconds).expect("within ±25:59:59"))
}

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

const DELIMITERS: &[u8] = b"\t !\"#$%&'()*+,-./;<=>?@[\\]^_`{|}~";

/// A run of 1 to 3 delimiter bytes.
fn delimiter_run() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(proptest::sample::select(DELIMITERS), 1..=3)
}

proptest! {
    #[test]
    fn written_dates_parse_back(instant in representable_instant()) {
        let mut text = String::new();
        write_imf_fixdate(&mut text, instant).unwrap();
        prop_assert_eq!(text.len(), 29);
        prop_assert_eq!(parse_imf_fixdate(text.as_bytes()), Ok(instant));
        prop_assert_eq!(parse_cookie_date(text.as_bytes()), Some(instant));
    }

    #[test]
    fn writing_ignores_the_offset(instant in representable_instant(), offset in any_offset()) {
        let moved = instant.checked_to_offset(offset);
        prop_assume!(moved.is_some());
        let moved = moved.unwrap();
        prop_assert!(is_representable(moved));
        prop_assert_eq!(HttpDate::new(moved).unwrap().to_string(), HttpDate::new(instant).unwrap().to_string());
    }

    /// The writer's own calendar arithmetic against `time`'s, over the whole range
    /// and past both ends, with any offset and any sub-second part.
    #[test]
    fn written_dates_match_times_calendar(
        seconds in FIRST_SECOND - 400_000..=LAST_SECOND + 400_000,
        nanos in 0_u32..1_000_000_000,
        offset in any_offset(),
    ) {
        let utc = OffsetDateTime::from_unix_timestamp(seconds)
            .expect("in time's range")
            .replace_nanosecond(nanos)
            .expect("below one second");
        let moved = utc.checked_to_offset(offset);
        prop_assume!(moved.is_some());
        let mut text = String::new();
        let written = write_imf_fixdate(&mut text, moved.unwrap());
        if (FIRST_SECOND..=LAST_SECOND).contains(&seconds) {
            prop_assert!(written.is_ok());
            let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
                [usize::from(utc.weekday().number_days_from_sunday())];
            let expected = format!(
                "{weekday}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
                utc.day(),
                MONTH_NAMES[usize::from(u8::from(utc.month())) - 1],
                utc.year(),
                utc.hour(),
                utc.minute(),
                utc.second(),
            );
            prop_assert_eq!(text, expected);
        } else {
            prop_assert!(written.is_err());
            prop_assert!(text.is_empty());
        }
    }

    /// The parser against a model of the spec: any order of the four parts,
    /// any delimiters, any month case and non-digit suffixes give the same date.
    #[test]
    fn cookie_date_token_order_and_delimiters_do_not_matter(
        instant in representable_instant(),
        order in Just([0_usize, 1, 2, 3]).prop_shuffle(),
        gaps in proptest::collection::vec(delimiter_run(), 5),
        upper in proptest::collection::vec(any::<bool>(), 3),
        suffixes in proptest::collection::vec(proptest::option::of("[A-Za-z:.]{1,3}"), 3),
    ) {
        let month: String = MONTH_NAMES[usize::from(u8::from(instant.month())) - 1]
            .chars()
            .zip(&upper)
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect();
        let suffix = |i: usize| suffixes[i].clone().unwrap_or_default();
        let parts = [
            format!("{:02}:{:02}:{:02}{}", instant.hour(), instant.minute(), instant.second(), suffix(0)),
            format!("{}{}", instant.day(), suffix(1)),
            month,
            format!("{:04}{}", instant.year(), suffix(2)),
        ];
        let mut input = gaps[0].clone();
        for (slot, &part) in order.iter().enumerate() {
            input.extend_from_slice(parts[part].as_bytes());
            input.extend_from_slice(&gaps[slot + 1]);
        }
        prop_assert_eq!(parse_cookie_date(&input), Some(instant), "{}", input.escape_ascii());
    }

    #[test]
    fn parsers_never_panic_on_bytes(input in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = parse_cookie_date(&input);
        let _ = parse_imf_fixdate(&input);
    }

    #[test]
    fn parsers_never_panic_on_date_like_text(input in "[0-9:A-Za-z ,\\-]{0,40}") {
        let strict = parse_imf_fixdate(input.as_bytes());
        // Whatever the strict parser accepts, a user agent reads the same way.
        if let Ok(instant) = strict {
            prop_assert_eq!(parse_cookie_date(input.as_bytes()), Some(instant));
        }
        if let Err(error) = strict {
            prop_assert!(error.offset() <= input.len());
        }
    }

    #[test]
    fn strict_dates_are_canonical(input in "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9][0-9]{3} [0-2][0-9]:[0-5][0-9]:[0-5][0-9] GMT") {
        // Most generated dates have the wrong weekday; those that parse must
        // write back byte for byte.
        if let Ok(instant) = parse_imf_fixdate(input.as_bytes()) {
            prop_assert_eq!(HttpDate::new(instant).unwrap().to_string(), input);
        }
    }
}

// ---------------------------------------------------------------------------
// Allocations
// ---------------------------------------------------------------------------

/// A fixed-capacity `fmt::Write` target on the stack.
struct StackText {
    bytes: [u8; 64],
    len: usize,
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[test]
fn hot_paths_do_not_allocate() {
    let inputs: [&[u8]; 4] = [
        b"Sun, 06 Nov 1994 08:49:37 GMT",
        b"Sunday, 06-Nov-94 08:49:37 GMT",
        b"Sat, 30 Feb 2030 00:00:00 GMT",
        b"Sun, 06 Nov 1994 08:49:37 UTC",
    ];
    let instant = datetime!(1994-11-06 09:49:37 +01:00);
    let mut text = StackText {
        bytes: [0; 64],
        len: 0,
    };
    let run = |text: &mut StackText| {
        text.len = 0;
        for input in inputs {
            std::hint::black_box(parse_cookie_date(std::hint::black_box(input)));
            if let Err(error) = parse_imf_fixdate(std::hint::black_box(input)) {
                text.len = 0;
                write!(text, "{error}").unwrap();
            }
        }
        text.len = 0;
        write_imf_fixdate(text, std::hint::black_box(instant)).unwrap();
        write!(text, "{}", HttpDate::new(instant).unwrap()).unwrap();
        std::hint::black_box(is_representable(instant));
        std::hint::black_box(is_representable(datetime!(1500-01-01 0:00 UTC)));
    };

    run(&mut text); // warm up
    // The workspace's counting allocator, which counts this thread only.
    let (allocated, ()) = alloc_count::count(|| {
        for _ in 0..100 {
            run(&mut text);
        }
    });
    assert_eq!(allocated, 0);
    let (allocated, _) = alloc_count::count(|| std::hint::black_box(String::from("x")));
    assert_eq!(allocated, 1, "the counter counts");
    assert_eq!(
        &text.bytes[..58],
        b"Sun, 06 Nov 1994 08:49:37 GMTSun, 06 Nov 1994 08:49:37 GMT"
    );
}
