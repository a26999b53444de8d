//! Dates in cookies and HTTP fields.
//!
//! Cookies use two date grammars, one for each direction:
//!
//! * A **user agent** reading `Expires` must accept whatever servers send.
//!   [`parse_cookie_date`] runs the lenient token algorithm of RFC 6265bis
//!   §5.1.1. It reads IMF-fixdate, RFC 850, asctime and many broken variants.
//! * A **server** must send an IMF-fixdate (RFC 9110 §5.6.7), such as
//!   `Sun, 06 Nov 1994 08:49:37 GMT`. [`write_imf_fixdate`] and [`HttpDate`]
//!   write one. [`parse_imf_fixdate`] checks one strictly and reports where it
//!   is wrong.
//!
//! All of these work on the stack and never allocate. They return UTC
//! instants with whole seconds.
//!
//! # Representable years
//!
//! IMF-fixdate has a four-digit year, and the cookie-date algorithm rejects
//! years before 1601. So this module uses years 1601 to 9999, in both
//! directions. [`is_representable`] tells whether an instant is in that range.
//!
//! ```
//! use hardtack_cookie::date::{HttpDate, parse_cookie_date, parse_imf_fixdate};
//!
//! let sent = parse_cookie_date(b"Sunday, 06-Nov-94 08:49:37 GMT").unwrap();
//! assert_eq!(HttpDate::new(sent).unwrap().to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
//! assert_eq!(parse_imf_fixdate(b"Sun, 06 Nov 1994 08:49:37 GMT"), Ok(sent));
//! ```

use core::fmt;

use nom::Parser;
use nom::bytes::{tag, take, take_while_m_n};
use nom::combinator::eof;
use nom::error::{ErrorKind, ParseError};
use nom::{Err, Mode, OutputMode, PResult};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, Weekday};

use crate::class;
use crate::digits;

/// The first year this module reads or writes.
///
/// RFC 6265bis §5.1.1 rejects cookie dates before 1601.
const MIN_YEAR: u16 = 1601;

/// The last year this module reads or writes: IMF-fixdate has four digits.
const MAX_YEAR: u16 = 9999;

/// Length of an IMF-fixdate, such as `Sun, 06 Nov 1994 08:49:37 GMT`.
const IMF_FIXDATE_LEN: usize = 29;

// ---------------------------------------------------------------------------
// RFC 6265bis §5.1.1: the cookie-date algorithm
// ---------------------------------------------------------------------------

/// Parses an `Expires` value with the RFC 6265bis §5.1.1 algorithm.
///
/// A user agent must use this algorithm when it reads `Expires`. The input is
/// split into tokens at delimiters. Delimiters are HTAB, `SP` to `/`, `;` to
/// `@`, `[` to `` ` `` and `{` to `~`. Each token is then checked against the
/// date parts in order: time (`h:m:s`, 1 or 2 digits each), day of month
/// (1 or 2 digits), month (the first three letters, in any case) and year
/// (2 to 4 digits). A number part may be followed by a non-digit and any other
/// bytes. The first token that matches a part sets it, and later matches are
/// ignored. Tokens that match nothing are ignored, so weekday and time zone
/// names are ignored too.
///
/// Years 70 to 99 become 1970 to 1999, and years 0 to 69 become 2000 to 2069.
///
/// Returns `None` if a part is missing, the year is before 1601, the day is
/// outside 1 to 31, the hour is above 23, the minute or second is above 59, or
/// the date does not exist (such as 30 February). A leap second (`:60`) is
/// rejected too. The result is in UTC.
///
/// The time taken is linear in the input length.
///
/// # Examples
///
/// ```
/// use hardtack_cookie::date::parse_cookie_date;
/// use time::macros::datetime;
///
/// let expected = Some(datetime!(1994-11-06 08:49:37 UTC));
/// assert_eq!(parse_cookie_date(b"Sun, 06 Nov 1994 08:49:37 GMT"), expected);
/// assert_eq!(parse_cookie_date(b"Sunday, 06-Nov-94 08:49:37 GMT"), expected);
/// assert_eq!(parse_cookie_date(b"Sun Nov  6 08:49:37 1994"), expected);
///
/// assert_eq!(parse_cookie_date(b"Thu, 10-Sep-69 20:00:00 GMT"), Some(datetime!(2069-09-10 20:00:00 UTC)));
/// assert_eq!(parse_cookie_date(b"Sat, 30 Feb 2030 00:00:00 GMT"), None);
/// assert_eq!(parse_cookie_date(b"tomorrow"), None);
/// ```
#[must_use]
pub fn parse_cookie_date(input: &[u8]) -> Option<OffsetDateTime> {
    // The three shapes servers send, told apart by the byte after a three-letter
    // day name, are read at fixed offsets; anything else is tokenized.
    let shaped = imf_shaped(input)
        .or_else(|| asctime_shaped(input))
        .or_else(|| rfc850_shaped(input));
    match shaped {
        Some(parts) => parts.finish(),
        None => tokenize(input),
    }
}

/// The general path of [`parse_cookie_date`], out of line so that the fixed-layout
/// path does not pay for its registers.
#[inline(never)]
fn tokenize(input: &[u8]) -> Option<OffsetDateTime> {
    let mut parts = CookieDateParts::default();
    let mut at = 0;
    // One pass over the bytes. The first byte of a token decides which productions
    // can match (only the month starts with a non-digit), so each token is read
    // once, from its start, and the rest of it is skipped.
    while let Some(&byte) = input.get(at) {
        if is_delimiter(byte) {
            at += 1;
            continue;
        }
        at = if byte.is_ascii_digit() {
            parts.offer_number(input, at)
        } else {
            parts.offer_word(input, at)
        };
        // Each part keeps its first match, so later tokens cannot change anything.
        if parts.complete() {
            break;
        }
        // The delimiter that ends the token is consumed here, not classified again.
        while let Some(&byte) = input.get(at) {
            at += 1;
            if is_delimiter(byte) {
                break;
            }
        }
    }
    parts.finish()
}

/// The fields of an input laid out like an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37`),
/// read at fixed offsets, with the numbers already checked to be digits, and the bytes
/// after the seconds. Names are [packed](pack).
struct ImfLayout<'a> {
    day_name: u32,
    day: u8,
    month: u32,
    year: u16,
    time: (u8, u8, u8),
    rest: &'a [u8],
}

/// The first 25 bytes of an IMF-fixdate: `0` stands for a digit, `_` for a name byte
/// (checked on its own), anything else for itself.
const IMF_LAYOUT: &[u8; 25] = b"___, 00 ___ 0000 00:00:00";

/// Where [`imf_layout`] reads its three 8-byte words. They cover every digit and
/// separator of [`IMF_LAYOUT`], and only the first one has name bytes (its low lanes).
const IMF_WORDS: [LayoutWord; 3] = LayoutWord::of(IMF_LAYOUT, [0, 11, 17]);

/// One 8-byte word of a fixed layout (such as [`IMF_LAYOUT`]), read at `at`: `0` in
/// the layout stands for a digit, `_` for a byte checked on its own, anything else
/// for itself.
#[derive(Clone, Copy)]
struct LayoutWord {
    at: usize,
    /// What to xor so that a separator lane becomes 0 and a digit lane becomes the
    /// digit's value (`'0'..='9'` are `0x30..=0x39`).
    xor: u64,
    /// What to add after the xor so that bit 7 is set exactly when the lane is above
    /// its limit (0 for a separator, 9 for a digit). Lanes at 0x80 or above fail on
    /// their own bit 7; only such a lane can carry into the next one, so a carry
    /// never hides a failure.
    add: u64,
    /// Bit 7 of every checked lane (not the `_` lanes).
    checked: u64,
}

impl LayoutWord {
    const fn new(layout: &[u8], at: usize) -> Self {
        let (mut xor, mut add, mut checked) = (0, 0, 0);
        let mut lane = 0;
        while lane < 8 {
            let shift = 8 * lane;
            match layout[at + lane] {
                b'_' => {}
                b'0' => {
                    xor |= (b'0' as u64) << shift;
                    add |= (0x7F - 9) << shift;
                    checked |= 0x80 << shift;
                }
                byte => {
                    xor |= (byte as u64) << shift;
                    add |= 0x7F << shift;
                    checked |= 0x80 << shift;
                }
            }
            lane += 1;
        }
        LayoutWord {
            at,
            xor,
            add,
            checked,
        }
    }

    const fn of<const N: usize>(layout: &[u8], offsets: [usize; N]) -> [LayoutWord; N] {
        let mut words = [LayoutWord {
            at: 0,
            xor: 0,
            add: 0,
            checked: 0,
        }; N];
        let mut i = 0;
        while i < N {
            words[i] = LayoutWord::new(layout, offsets[i]);
            i += 1;
        }
        words
    }
}

/// The words of `layout` read from `bytes` as digit values (separator lanes 0, `_`
/// lanes left as they were xored), if every checked lane fits: all the tests folded
/// into one branch.
#[inline(always)]
fn read_layout<const N: usize>(bytes: &[u8], layout: &[LayoutWord; N]) -> Option<[u64; N]> {
    let mut values = [0; N];
    let mut over = 0;
    for (value, word) in values.iter_mut().zip(layout) {
        *value = word_at(bytes, word.at)? ^ word.xor;
        over |= (value.wrapping_add(word.add) | *value) & word.checked;
    }
    (over == 0).then_some(values)
}

/// The 8 bytes of `bytes` from `at`, little-endian.
#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(*bytes.get(at..)?.first_chunk::<8>()?))
}

/// Each lane of a word of digit values (at most 9) turned into the two-digit number
/// starting there: ten times itself plus the next lane. No lane exceeds 99, so none
/// carries into the next.
#[inline(always)]
fn digit_pairs(values: u64) -> u64 {
    values * 10 + (values >> 8)
}

/// Lane `lane` of `word`.
#[inline(always)]
fn lane(word: u64, lane: u32) -> u8 {
    (word >> (8 * lane)) as u8
}

fn imf_layout(input: &[u8]) -> Option<ImfLayout<'_>> {
    let (head, rest) = input.split_first_chunk::<25>()?;
    // The comma alone turns away the other long shapes (RFC 850 has `Sunday,`)
    // before the word tests.
    if head[3] != b',' {
        return None;
    }
    // Twelve digits and nine separators in three word tests folded into one branch.
    let values = read_layout(head, &IMF_WORDS)?;
    let [first, year, time] = values;
    // The name lanes of `first` are not digit values; shifted out before `digit_pairs`.
    let day = lane(digit_pairs(first >> 40), 0);
    let year = digit_pairs(year >> 8);
    let time = digit_pairs(time);
    Some(ImfLayout {
        day_name: first as u32 & 0xFF_FFFF,
        day,
        month: u32::from_le_bytes(*head.get(8..)?.first_chunk::<4>()?) & 0xFF_FFFF,
        year: u16::from(lane(year, 0)) * 100 + u16::from(lane(year, 2)),
        time: (lane(time, 0), lane(time, 3), lane(time, 6)),
        rest,
    })
}

/// The parts of an input laid out like an IMF-fixdate: most `Expires` values look
/// like this, and for them the tokenizer would find exactly these parts.
///
/// The day name must be one of `Mon` to `Sun` in any case (letters that cannot
/// start a month name, so the tokenizer ignores them), and whatever follows the
/// seconds must start with a delimiter; anything else takes the general path.
#[inline(always)]
fn imf_shaped(input: &[u8]) -> Option<CookieDateParts> {
    let layout = imf_layout(input)?;
    weekday_ignore_case(layout.day_name)?;
    if layout.rest.first().is_some_and(|&c| !is_delimiter(c)) {
        return None;
    }
    Some(CookieDateParts {
        time: Some(layout.time),
        day: Some(layout.day),
        month: Some(month_ignore_case(layout.month)?),
        year: Some(layout.year),
    })
}

/// What follows the weekday of an RFC 850 date (`Sunday, 06-Nov-94 08:49:37`).
const RFC850_LAYOUT: &[u8; 20] = b", 00-___-00 00:00:00";
const RFC850_WORDS: [LayoutWord; 3] = LayoutWord::of(RFC850_LAYOUT, [0, 8, 12]);

/// The parts of an RFC 850 date (RFC 9110 `rfc850-date`), as the tokenizer would
/// find them: a full day name (letters only, starting with `Mon` to `Sun` in any
/// case, so not a month), then day, month, two-digit year and time at fixed
/// offsets, then a delimiter or the end. Anything else takes the general path.
#[inline(always)]
fn rfc850_shaped(input: &[u8]) -> Option<CookieDateParts> {
    // `Monday` to `Wednesday`: the comma is at 6 to 9.
    let comma = (6..=9).find(|&at| input.get(at) == Some(&b','))?;
    let (name, tail) = input.split_at(comma);
    if !name.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    weekday_ignore_case(pack(*name.first_chunk::<3>()?))?;
    let (head, rest) = tail.split_first_chunk::<20>()?;
    if rest.first().is_some_and(|&c| !is_delimiter(c)) {
        return None;
    }
    let [first, year, time] = read_layout(head, &RFC850_WORDS)?;
    let time = digit_pairs(time);
    Some(CookieDateParts {
        time: Some((lane(time, 0), lane(time, 3), lane(time, 6))),
        day: Some(lane(digit_pairs(first >> 16), 0)),
        month: Some(month_ignore_case(pack(
            *head.get(5..)?.first_chunk::<3>()?,
        ))?),
        year: Some(u16::from(lane(digit_pairs(year >> 8), 0))),
    })
}

/// An asctime date (`Sun Nov  6 08:49:37 1994`): the day of month is one digit after
/// a space, or two digits (lane `_`, checked on its own).
const ASCTIME_LAYOUT: &[u8; 24] = b"___ ___ _0 00:00:00 0000";
const ASCTIME_WORDS: [LayoutWord; 3] = LayoutWord::of(ASCTIME_LAYOUT, [3, 11, 16]);

/// The parts of an asctime date (RFC 9110 `asctime-date`), as the tokenizer would
/// find them: `Mon` to `Sun` and a month name in any case, day, time and four-digit
/// year at fixed offsets, then a delimiter or the end. Anything else takes the
/// general path.
#[inline(always)]
fn asctime_shaped(input: &[u8]) -> Option<CookieDateParts> {
    let (head, rest) = input.split_first_chunk::<24>()?;
    if rest.first().is_some_and(|&c| !is_delimiter(c)) {
        return None;
    }
    let [names, time, year] = read_layout(head, &ASCTIME_WORDS)?;
    let ones = lane(names, 6);
    let day = match head[8] {
        b' ' => ones,
        tens @ b'0'..=b'9' => (tens - b'0') * 10 + ones,
        _ => return None,
    };
    weekday_ignore_case(pack(*head.first_chunk::<3>()?))?;
    let time = digit_pairs(time);
    let year = digit_pairs(year >> 32);
    Some(CookieDateParts {
        time: Some((lane(time, 0), lane(time, 3), lane(time, 6))),
        day: Some(day),
        month: Some(month_ignore_case(pack(
            *head.get(4..)?.first_chunk::<3>()?,
        ))?),
        year: Some(u16::from(lane(year, 0)) * 100 + u16::from(lane(year, 2))),
    })
}

/// `delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E`
#[inline(always)]
fn is_delimiter(byte: u8) -> bool {
    class::is(byte, class::DATE_DELIMITER)
}

/// The parts found so far, each set by the first token that matches it.
#[derive(Default)]
struct CookieDateParts {
    time: Option<(u8, u8, u8)>,
    day: Option<u8>,
    month: Option<Month>,
    year: Option<u16>,
}

impl CookieDateParts {
    fn complete(&self) -> bool {
        self.time.is_some() && self.day.is_some() && self.month.is_some() && self.year.is_some()
    }

    /// Step 2 of the algorithm for a token that starts with a digit at `at`: time,
    /// then day of month, then year (a month name cannot start with a digit).
    /// Returns the offset after what was read, still in the token.
    #[inline(always)]
    fn offer_number(&mut self, input: &[u8], at: usize) -> usize {
        let (value, end) = digit_run(input, at);
        let digits = end - at;
        if self.time.is_none()
            && digits <= 2
            && input.get(end) == Some(&b':')
            && let Some((time, after)) = cookie_time(input, at)
        {
            self.time = Some(time);
            return after;
        }
        // The run ends at a non-digit, or is longer than any part, so the day and
        // year productions only need its length.
        if self.day.is_none() && digits <= 2 {
            self.day = u8::try_from(value).ok();
        } else if self.year.is_none() && (2..=4).contains(&digits) {
            self.year = u16::try_from(value).ok();
        }
        end
    }

    /// Step 2 for a token that starts with a non-digit at `at`: only the month can
    /// match. Returns the offset after what was read, still in the token.
    #[inline(always)]
    fn offer_word(&mut self, input: &[u8], at: usize) -> usize {
        // A delimiter is never a letter, so three bytes that spell a month are all
        // in this token, and need not be skipped one by one.
        if self.month.is_none()
            && let Some(&name) = input.get(at..).and_then(<[u8]>::first_chunk::<3>)
            && let Some(month) = month_ignore_case(pack(name))
        {
            self.month = Some(month);
            return at + 3;
        }
        at + 1
    }

    /// Steps 3 to 7: expand two-digit years, check ranges, build the instant.
    #[inline(always)]
    fn finish(self) -> Option<OffsetDateTime> {
        let (hour, minute, second) = self.time?;
        let day = self.day?;
        let month = self.month?;
        let mut year = self.year?;
        if year < 100 {
            year = two_digit_year(year);
        }
        // Step 5. The day (1 to 31, and that it exists) and the hour (up to 23),
        // minute and second (up to 59) are checked by `Date` and `Time`.
        if year < MIN_YEAR {
            return None;
        }
        let date = Date::from_calendar_date(i32::from(year), month, day).ok()?;
        let time = Time::from_hms(hour, minute, second).ok()?;
        Some(PrimitiveDateTime::new(date, time).assume_utc())
    }
}

/// Steps 3 and 4: years 70 to 99 become 1970 to 1999, and 0 to 69 become 2000 to 2069.
///
/// Cold and out of line: IMF-fixdate years have four digits, and a rarely taken
/// call costs that path less than the selects the compiler would otherwise emit.
#[cold]
#[inline(never)]
fn two_digit_year(year: u16) -> u16 {
    if year < 70 { year + 2000 } else { year + 1900 }
}

/// `time = hms-time [ non-digit *OCTET ]` from `at`, where
/// `hms-time = time-field ":" time-field ":" time-field` and
/// `time-field = 1*2DIGIT`. Also returns the offset after `hms-time`.
fn cookie_time(bytes: &[u8], at: usize) -> Option<((u8, u8, u8), usize)> {
    if let Some(time) = two_digit_time(bytes, at) {
        return Some((time, at + 8));
    }
    let (hour, at) = time_field(bytes, at)?;
    let (minute, at) = time_field(bytes, colon(bytes, at)?)?;
    let (second, at) = time_field(bytes, colon(bytes, at)?)?;
    Some(((hour, minute, second), at))
}

/// The usual shape of `hms-time`, `hh:mm:ss` and no digit after it, read as one word
/// (as the time of [`IMF_LAYOUT`]); `None` leaves any other shape to the fields.
#[inline(always)]
fn two_digit_time(bytes: &[u8], at: usize) -> Option<(u8, u8, u8)> {
    const TIME: [LayoutWord; 1] = LayoutWord::of(b"00:00:00", [0]);
    let [values] = read_layout(bytes.get(at..)?, &TIME)?;
    if digit_at(bytes, at + 8).is_some() {
        return None;
    }
    let pairs = digit_pairs(values);
    Some((lane(pairs, 0), lane(pairs, 3), lane(pairs, 6)))
}

/// `1*2DIGIT` at `at`, not followed by a digit: its value and the offset after it.
/// Spelled out rather than a loop: this is the innermost step of the time production.
#[inline(always)]
fn time_field(bytes: &[u8], at: usize) -> Option<(u8, usize)> {
    let first = digit_at(bytes, at)?;
    let Some(second) = digit_at(bytes, at + 1) else {
        return Some((first, at + 1));
    };
    if digit_at(bytes, at + 2).is_some() {
        return None;
    }
    Some((first * 10 + second, at + 2))
}

/// The value of the byte at `at`, if it is a digit.
#[inline(always)]
fn digit_at(bytes: &[u8], at: usize) -> Option<u8> {
    let digit = bytes.get(at)?.wrapping_sub(b'0');
    (digit < 10).then_some(digit)
}

/// The offset after a `:` at `at`.
#[inline(always)]
fn colon(bytes: &[u8], at: usize) -> Option<usize> {
    (bytes.get(at) == Some(&b':')).then_some(at + 1)
}

/// The ASCII digits of `bytes` from `start`: their value and the offset after them,
/// but counting no further than 5 digits, already too long for every part.
#[inline(always)]
fn digit_run(bytes: &[u8], start: usize) -> (u32, usize) {
    let mut value = 0;
    let mut end = start;
    while end - start < 5
        && let Some(&byte) = bytes.get(end)
        && byte.is_ascii_digit()
    {
        value = value * 10 + u32::from(byte - b'0');
        end += 1;
    }
    (value, end)
}

/// The value of at most four ASCII digits.
fn decimal(digits: &[u8]) -> u16 {
    digits
        .iter()
        .fold(0, |value, &digit| value * 10 + u16::from(digit - b'0'))
}

/// `month = ( "jan" / "feb" / ... / "dec" ) *OCTET`, case-insensitively, for a
/// [packed](pack) name.
fn month_ignore_case(name: u32) -> Option<Month> {
    // Setting bit 5 lower-cases a letter, and a non-letter never becomes a letter
    // that way (`c | 0x20 == l` only for `c` = `l` or its capital), so this ignores
    // the case of letters only, as the spec asks.
    let lower = name | 0x20_2020;
    let (key, month) = MONTH_SLOTS[month_slot(lower)];
    (key == lower).then_some(month)
}

// ---------------------------------------------------------------------------
// Names shared by the IMF-fixdate reader and writer
// ---------------------------------------------------------------------------

/// Three name bytes as one little-endian `u32` (top byte 0), compared at once.
const fn pack([a, b, c]: [u8; 3]) -> u32 {
    u32::from_le_bytes([a, b, c, 0])
}

/// A key that no packed name equals: its top byte is not 0.
const NO_NAME: u32 = u32::MAX;

/// Slot of a lower-cased packed month name in [`MONTH_SLOTS`]: a multiplicative
/// hash, with the multiplier picked so that the twelve names get twelve slots.
const fn month_slot(lower: u32) -> usize {
    hash_slot(lower, MONTH_HASH)
}

/// Multiplier and shift of the month and day hashes.
const MONTH_HASH: (u32, u32) = (0x67E4, 28);
const DAY_HASH: (u32, u32) = (0x9DA, 29);

const fn hash_slot(lower: u32, (multiplier, shift): (u32, u32)) -> usize {
    (lower.wrapping_mul(multiplier) >> shift) as usize
}

/// Slot of a lower-cased packed day name in [`DAY_SLOTS`], as [`month_slot`].
const fn day_slot(lower: u32) -> usize {
    hash_slot(lower, DAY_HASH)
}

/// The packed month names, lower-cased, at their [`month_slot`]: one multiply and
/// one comparison instead of a chain of twelve.
static MONTH_SLOTS: [(u32, Month); 16] = {
    const MONTHS: [Month; 12] = [
        Month::January,
        Month::February,
        Month::March,
        Month::April,
        Month::May,
        Month::June,
        Month::July,
        Month::August,
        Month::September,
        Month::October,
        Month::November,
        Month::December,
    ];
    slot_table(&MONTH_NAMES, &MONTHS, MONTH_HASH)
};

/// The packed day names, lower-cased, at their [`day_slot`].
static DAY_SLOTS: [(u32, Weekday); 8] = {
    const DAYS: [Weekday; 7] = [
        Weekday::Sunday,
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
    ];
    slot_table(&DAY_NAMES, &DAYS, DAY_HASH)
};

/// The lower-cased packed `names` at their [`hash_slot`], each with its value (a
/// compile-time hash table; building it fails if two names share a slot).
const fn slot_table<T: Copy, const N: usize>(
    names: &[[u8; 3]],
    values: &[T],
    hash: (u32, u32),
) -> [(u32, T); N] {
    let mut slots = [(NO_NAME, values[0]); N];
    let mut i = 0;
    while i < values.len() {
        let lower = pack(names[i]) | 0x20_2020;
        let at = hash_slot(lower, hash);
        assert!(slots[at].0 == NO_NAME, "two names share a slot");
        slots[at] = (lower, values[i]);
        i += 1;
    }
    slots
}

/// A day name, [packed](pack), in any case of its letters (see [`month_ignore_case`]).
fn weekday_ignore_case(name: u32) -> Option<Weekday> {
    let lower = name | 0x20_2020;
    let (key, weekday) = DAY_SLOTS[day_slot(lower)];
    (key == lower).then_some(weekday)
}

/// Every month and day name is written with a capital and two small letters, so
/// flipping the case bit of its first letter gives the lower-cased key: an exact
/// match is a lookup of that, with no other case change allowed.
const CAPITAL: u32 = 0x20;

/// `month` in RFC 9110 `date1`, [packed](pack): case-sensitive.
fn month_exact(name: u32) -> Option<Month> {
    let lower = name ^ CAPITAL;
    let (key, month) = MONTH_SLOTS[month_slot(lower)];
    (key == lower).then_some(month)
}

/// `day-name` in RFC 9110, [packed](pack): case-sensitive.
fn weekday_exact(name: u32) -> Option<Weekday> {
    let lower = name ^ CAPITAL;
    let (key, weekday) = DAY_SLOTS[day_slot(lower)];
    (key == lower).then_some(weekday)
}

/// `month` in RFC 9110 `date1`: case-sensitive.
fn month_from_name(name: &[u8]) -> Option<Month> {
    month_exact(pack(*<&[u8; 3]>::try_from(name).ok()?))
}

/// `day-name` in RFC 9110: case-sensitive.
fn weekday_from_name(name: &[u8]) -> Option<Weekday> {
    weekday_exact(pack(*<&[u8; 3]>::try_from(name).ok()?))
}

// ---------------------------------------------------------------------------
// RFC 9110 §5.6.7: strict IMF-fixdate
// ---------------------------------------------------------------------------

/// Why [`parse_imf_fixdate`] rejected its input.
///
/// # Examples
///
/// ```
/// use hardtack_cookie::date::{DateErrorKind, parse_imf_fixdate};
///
/// let error = parse_imf_fixdate(b"Sun, 06 Nov 1994 08:49:37 UTC").unwrap_err();
/// assert_eq!(error.kind(), DateErrorKind::Zone);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateErrorKind {
    /// A separator (`", "`, `" "` or `":"`) is missing or wrong, or the input
    /// ends early.
    Layout,
    /// The day name is not one of `Mon` to `Sun`, with this exact case.
    Weekday,
    /// The day of month is not two digits from `01` to `31`.
    Day,
    /// The month name is not one of `Jan` to `Dec`, with this exact case.
    Month,
    /// The year is not four digits from `1601` to `9999`.
    Year,
    /// The hour, minute or second is not two digits in range. Hours go up to
    /// 23 and minutes and seconds up to 59; leap seconds are rejected.
    Time,
    /// The time zone is not the literal `GMT`.
    Zone,
    /// Bytes follow the date.
    Trailing,
    /// The date does not exist, such as `30 Feb`.
    Nonexistent,
    /// The day name does not match the date.
    WrongWeekday,
}

impl DateErrorKind {
    const fn as_str(self) -> &'static str {
        match self {
            Self::Layout => "malformed layout",
            Self::Weekday => "invalid day name",
            Self::Day => "invalid day of month",
            Self::Month => "invalid month name",
            Self::Year => "invalid year",
            Self::Time => "invalid time of day",
            Self::Zone => "time zone is not GMT",
            Self::Trailing => "trailing bytes",
            Self::Nonexistent => "nonexistent date",
            Self::WrongWeekday => "wrong weekday",
        }
    }
}

impl fmt::Display for DateErrorKind {
    /// Writes a short lowercase description.
    ///
    /// ```
    /// use hardtack_cookie::date::DateErrorKind;
    ///
    /// assert_eq!(DateErrorKind::WrongWeekday.to_string(), "wrong weekday");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An invalid IMF-fixdate: what is wrong and where.
///
/// # Examples
///
/// ```
/// use hardtack_cookie::date::{DateErrorKind, parse_imf_fixdate};
///
/// // 6 November 1994 was a Sunday.
/// let error = parse_imf_fixdate(b"Mon, 06 Nov 1994 08:49:37 GMT").unwrap_err();
/// assert_eq!(error.kind(), DateErrorKind::WrongWeekday);
/// assert_eq!(error.offset(), 0);
/// assert_eq!(error.to_string(), "invalid IMF-fixdate: wrong weekday at byte 0");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateError {
    kind: DateErrorKind,
    offset: usize,
}

impl DateError {
    /// What is wrong.
    ///
    /// ```
    /// use hardtack_cookie::date::{DateErrorKind, parse_imf_fixdate};
    ///
    /// let error = parse_imf_fixdate(b"Sun, 06 nov 1994 08:49:37 GMT").unwrap_err();
    /// assert_eq!(error.kind(), DateErrorKind::Month);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> DateErrorKind {
        self.kind
    }

    /// The byte offset where the wrong part starts.
    ///
    /// A date that does not exist points at its day of month, and a day name
    /// that does not match the date points at the day name.
    ///
    /// ```
    /// use hardtack_cookie::date::parse_imf_fixdate;
    ///
    /// let error = parse_imf_fixdate(b"Sun, 06 Nov 1994 24:00:00 GMT").unwrap_err();
    /// assert_eq!(error.offset(), 17);
    /// ```
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for DateError {
    /// Writes `invalid IMF-fixdate: <kind> at byte <offset>`.
    ///
    /// ```
    /// use hardtack_cookie::date::parse_imf_fixdate;
    ///
    /// let error = parse_imf_fixdate(b"Sun, 06 Nov 1994").unwrap_err();
    /// assert_eq!(error.to_string(), "invalid IMF-fixdate: malformed layout at byte 16");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid IMF-fixdate: {} at byte {}",
            self.kind, self.offset
        )
    }
}

impl core::error::Error for DateError {}

/// Parses a strict RFC 9110 IMF-fixdate, such as
/// `Sun, 06 Nov 1994 08:49:37 GMT`.
///
/// The input must be exactly 29 bytes in this layout:
/// `day-name "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT"`.
/// Day and month names are case-sensitive. The day name must match the date.
/// The date must exist, and the time must be 00:00:00 to 23:59:59.
///
/// The grammar allows any four-digit year, but years before 1601 are
/// rejected. [`parse_cookie_date`] rejects them too, and this way every date
/// read here can be written back with [`write_imf_fixdate`].
///
/// Use this to check dates that a server is about to send, or to be strict
/// about `Date` or `Last-Modified`. A user agent reading `Expires` must use
/// [`parse_cookie_date`].
///
/// # Errors
///
/// Returns a [`DateError`] with the first problem found and its byte offset.
///
/// # Examples
///
/// ```
/// use hardtack_cookie::date::{DateErrorKind, parse_imf_fixdate};
/// use time::macros::datetime;
///
/// assert_eq!(
///     parse_imf_fixdate(b"Sun, 06 Nov 1994 08:49:37 GMT"),
///     Ok(datetime!(1994-11-06 08:49:37 UTC)),
/// );
///
/// // RFC 850 dates are obsolete: the parse stops at the "d" of "Sunday".
/// let error = parse_imf_fixdate(b"Sunday, 06-Nov-94 08:49:37 GMT").unwrap_err();
/// assert_eq!((error.kind(), error.offset()), (DateErrorKind::Layout, 3));
/// ```
pub fn parse_imf_fixdate(input: &[u8]) -> Result<OffsetDateTime, DateError> {
    if let Some(instant) = canonical_imf_fixdate(input) {
        return Ok(instant);
    }
    // Anything else is refused, and the nom grammar says where and why.
    let located = |failure: Failure| DateError {
        kind: failure.kind.unwrap_or(DateErrorKind::Layout),
        offset: input.len().saturating_sub(failure.remaining),
    };
    match imf_fixdate().parse_complete(input) {
        Ok((_, instant)) => Ok(instant),
        Err(Err::Error(failure) | Err::Failure(failure)) => Err(located(failure)),
        // A complete-mode parse never asks for more input.
        Err(Err::Incomplete(_)) => Err(DateError {
            kind: DateErrorKind::Layout,
            offset: input.len(),
        }),
    }
}

/// The accepting path of [`parse_imf_fixdate`] at fixed offsets: the same checks as
/// the nom grammar below (case-sensitive names, ranges, the weekday of the date),
/// without the combinator machinery; `None` hands the input to the grammar, which
/// then refuses it with the position of the fault.
fn canonical_imf_fixdate(input: &[u8]) -> Option<OffsetDateTime> {
    let ImfLayout {
        day_name,
        day,
        month,
        year,
        time: (hour, minute, second),
        rest,
    } = imf_layout(input)?;
    if rest != b" GMT" || !(1..=31).contains(&day) || !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    let weekday = weekday_exact(day_name)?;
    let date = Date::from_calendar_date(i32::from(year), month_exact(month)?, day).ok()?;
    let time = Time::from_hms(hour, minute, second).ok()?;
    (date.weekday() == weekday).then(|| PrimitiveDateTime::new(date, time).assume_utc())
}

/// `IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT`
fn imf_fixdate<'a>() -> impl Parser<&'a [u8], Output = OffsetDateTime, Error = Failure> {
    let date1 = (
        labelled(DateErrorKind::Day, two_digits().map_opt(in_range(1, 31))),
        separator(b" "),
        labelled(DateErrorKind::Month, take(3_usize).map_opt(month_from_name)),
        separator(b" "),
        labelled(
            DateErrorKind::Year,
            take_while_m_n(4, 4, |byte: u8| byte.is_ascii_digit())
                .map(decimal)
                .map_opt(in_range(MIN_YEAR, MAX_YEAR)),
        ),
    )
        .map_opt(|(day, _, month, _, year)| {
            Date::from_calendar_date(i32::from(year), month, day).ok()
        });
    let time_of_day = (
        labelled(DateErrorKind::Time, two_digits().map_opt(in_range(0, 23))),
        separator(b":"),
        labelled(DateErrorKind::Time, two_digits().map_opt(in_range(0, 59))),
        separator(b":"),
        labelled(DateErrorKind::Time, two_digits().map_opt(in_range(0, 59))),
    )
        .map_opt(|(hour, _, minute, _, second)| Time::from_hms(hour, minute, second).ok());
    let fixdate = (
        labelled(
            DateErrorKind::Weekday,
            take(3_usize).map_opt(weekday_from_name),
        ),
        separator(b", "),
        labelled(DateErrorKind::Nonexistent, date1),
        separator(b" "),
        labelled(DateErrorKind::Time, time_of_day),
        separator(b" "),
        labelled(DateErrorKind::Zone, tag(&b"GMT"[..])),
        labelled(DateErrorKind::Trailing, eof),
    )
        .map_opt(|(weekday, _, date, _, time, ..)| {
            (date.weekday() == weekday).then(|| PrimitiveDateTime::new(date, time).assume_utc())
        });
    labelled(DateErrorKind::WrongWeekday, fixdate)
}

fn separator<'a>(
    literal: &'static [u8],
) -> impl Parser<&'a [u8], Output = &'a [u8], Error = Failure> {
    labelled(DateErrorKind::Layout, tag(literal))
}

fn two_digits<'a>() -> impl Parser<&'a [u8], Output = u8, Error = Failure> {
    // Two digits are at most 99, so the conversion cannot fail.
    take_while_m_n(2, 2, |byte: u8| byte.is_ascii_digit())
        .map_opt(|digits: &[u8]| u8::try_from(decimal(digits)).ok())
}

fn in_range<T: PartialOrd>(min: T, max: T) -> impl FnMut(T) -> Option<T> {
    move |value| (min <= value && value <= max).then_some(value)
}

/// The parse error: the innermost labelled part that failed, and how much
/// input was left where it starts.
///
/// nom's own errors know only the combinator that failed, not which date part
/// it was reading, so [`Labelled`] fills the part in on the way out.
struct Failure {
    kind: Option<DateErrorKind>,
    remaining: usize,
}

impl<'a> ParseError<&'a [u8]> for Failure {
    fn from_error_kind(input: &'a [u8], _: ErrorKind) -> Self {
        Self {
            kind: None,
            remaining: input.len(),
        }
    }

    fn append(_: &'a [u8], _: ErrorKind, other: Self) -> Self {
        other
    }
}

/// Names the date part that `inner` reads, for errors that don't name one yet.
fn labelled<'a, P>(kind: DateErrorKind, inner: P) -> Labelled<P>
where
    P: Parser<&'a [u8], Error = Failure>,
{
    Labelled { kind, inner }
}

struct Labelled<P> {
    kind: DateErrorKind,
    inner: P,
}

impl<'a, P> Parser<&'a [u8]> for Labelled<P>
where
    P: Parser<&'a [u8], Error = Failure>,
{
    type Output = P::Output;
    type Error = Failure;

    fn process<OM: OutputMode>(
        &mut self,
        input: &'a [u8],
    ) -> PResult<OM, &'a [u8], P::Output, Failure> {
        let kind = self.kind;
        let label = |failure: Failure| match failure.kind {
            Some(_) => failure,
            None => Failure {
                kind: Some(kind),
                remaining: input.len(),
            },
        };
        self.inner
            .process::<OM>(input)
            .map_err(|error| match error {
                Err::Error(failure) => Err::Error(OM::Error::map(failure, label)),
                Err::Failure(failure) => Err::Failure(label(failure)),
                Err::Incomplete(needed) => Err::Incomplete(needed),
            })
    }
}

// ---------------------------------------------------------------------------
// Writing IMF-fixdate
// ---------------------------------------------------------------------------

/// Whether `t` can be written as an IMF-fixdate: its UTC year is 1601 to 9999.
///
/// Sub-second precision is ignored; the written date truncates to the second.
///
/// # Examples
///
/// ```
/// use hardtack_cookie::date::is_representable;
/// use time::macros::datetime;
///
/// assert!(is_representable(datetime!(1994-11-06 08:49:37 UTC)));
/// assert!(!is_representable(datetime!(1600-12-31 23:59:59 UTC)));
/// // In UTC this is already 10000-01-01.
/// assert!(!is_representable(datetime!(9999-12-31 23:00:00 -05:00)));
/// ```
#[must_use]
pub fn is_representable(t: OffsetDateTime) -> bool {
    (FIRST_SECOND..END_SECOND).contains(&t.unix_timestamp())
}

/// Unix time of 1601-01-01 00:00:00 UTC, the first representable second.
const FIRST_SECOND: i64 = -11_644_473_600;

/// Unix time of 10000-01-01 00:00:00 UTC, just past the last representable second.
const END_SECOND: i64 = 253_402_300_800;

/// Days from 0000-03-01 (the epoch of [`encode_unix`]'s calendar) to 1601-01-01.
const DAYS_TO_FIRST: u32 = 584_694;

/// Writes `t` as an IMF-fixdate in UTC, such as `Sun, 06 Nov 1994 08:49:37 GMT`.
///
/// The date is converted to UTC and truncated to the second. The output is
/// always 29 ASCII bytes, written with one `write_str` call, without
/// allocating.
///
/// # Errors
///
/// Returns [`fmt::Error`] if `w` fails, or if `t` is not representable (see
/// [`is_representable`]). Nothing is written in the second case.
///
/// # Examples
///
/// ```
/// use hardtack_cookie::date::write_imf_fixdate;
/// use time::macros::datetime;
///
/// let mut header = String::from("Expires=");
/// write_imf_fixdate(&mut header, datetime!(2015-10-21 09:28:00.75 +02:00))?;
/// assert_eq!(header, "Expires=Wed, 21 Oct 2015 07:28:00 GMT");
///
/// assert!(write_imf_fixdate(&mut header, datetime!(1500-01-01 0:00 UTC)).is_err());
/// # Ok::<(), core::fmt::Error>(())
/// ```
pub fn write_imf_fixdate<W: fmt::Write + ?Sized>(w: &mut W, t: OffsetDateTime) -> fmt::Result {
    let bytes = encode(t).ok_or(fmt::Error)?;
    // Always ASCII; the check costs 29 byte comparisons and needs no unsafe.
    w.write_str(core::str::from_utf8(&bytes).map_err(|_| fmt::Error)?)
}

/// Formats `t` as IMF-fixdate bytes, or `None` outside years 1601 to 9999.
pub(crate) fn encode(t: OffsetDateTime) -> Option<[u8; IMF_FIXDATE_LEN]> {
    let mut out = [0; IMF_FIXDATE_LEN];
    encode_into(t, &mut out).then_some(out)
}

/// Writes `t` as an IMF-fixdate into `out`, or returns `false` (and writes
/// nothing) outside years 1601 to 9999.
///
/// An instant already in UTC (every cookie the builder made) is read from
/// `time`'s own fields: its packed date holds the year and a leap flag, from which
/// month and day are two multiplications, so only the weekday needs a day count.
/// Any other offset goes through Unix time.
pub(crate) fn encode_into(t: OffsetDateTime, out: &mut [u8; IMF_FIXDATE_LEN]) -> bool {
    if !t.offset().is_utc() {
        return encode_unix(t.unix_timestamp(), out);
    }
    let Ok(year) = u32::try_from(t.year()) else {
        return false;
    };
    if !(u32::from(MIN_YEAR)..=u32::from(MAX_YEAR)).contains(&year) {
        return false;
    }
    let (_, month, day) = t.to_calendar_date();
    // Julian day 0 was a Monday; from 1601 on the day number is positive.
    let weekday = t.to_julian_day().unsigned_abs().wrapping_add(1) % 7;
    fill(
        out,
        weekday,
        u32::from(day),
        u32::from(u8::from(month)),
        year,
        (t.hour(), t.minute(), t.second()),
    );
    true
}

/// Day names from Sunday.
const DAY_NAMES: [[u8; 3]; 7] = [
    *b"Sun", *b"Mon", *b"Tue", *b"Wed", *b"Thu", *b"Fri", *b"Sat",
];

/// Month names from January.
const MONTH_NAMES: [[u8; 3]; 12] = [
    *b"Jan", *b"Feb", *b"Mar", *b"Apr", *b"May", *b"Jun", *b"Jul", *b"Aug", *b"Sep", *b"Oct",
    *b"Nov", *b"Dec",
];

/// Writes Unix time `secs` as an IMF-fixdate into `out`, or returns `false` (and
/// writes nothing) outside years 1601 to 9999.
///
/// The calendar arithmetic is Neri and Schneider's (“Euclidean affine functions
/// and their application to calendar algorithms”, 2022): days counted from
/// 0000-03-01, so that the leap day ends a year, and every division a
/// multiplication by a constant. In the representable range every quantity is
/// non-negative and fits a `u32`. Going through `time`'s date and time accessors
/// instead costs several separate conversions.
pub(crate) fn encode_unix(secs: i64, out: &mut [u8; IMF_FIXDATE_LEN]) -> bool {
    if !(FIRST_SECOND..END_SECOND).contains(&secs) {
        return false;
    }
    // In range, so non-negative and below 2^39: the casts below are exact.
    let since_first = secs.abs_diff(FIRST_SECOND);
    let days = (since_first / 86_400) as u32 + DAYS_TO_FIRST;
    let of_day = (since_first % 86_400) as u32;

    let n1 = 4 * days + 3;
    let century = n1 / 146_097;
    let n2 = (n1 % 146_097) | 3;
    let p2 = 2_939_745 * u64::from(n2);
    let year_of_century = (p2 >> 32) as u32;
    let day_of_year = (p2 as u32) / 2_939_745 / 4; // 0 = 1 March
    let n3 = 2141 * day_of_year + 197_913;
    let shifted_month = n3 >> 16; // 3 = March, up to 14 = February
    let day = (n3 & 0xffff) / 2141 + 1;
    let january = day_of_year >= 306;
    let year = 100 * century + year_of_century + u32::from(january);
    let month = if january {
        shifted_month - 12
    } else {
        shifted_month
    };

    let time = (
        (of_day / 3600) as u8,
        (of_day / 60 % 60) as u8,
        (of_day % 60) as u8,
    );
    // 0000-03-01 was a Wednesday.
    fill(out, (days + 3) % 7, day, month, year, time);
    true
}

/// Fills `out` from calendar fields: weekday 0 is Sunday, month 1 is January.
#[inline(always)]
fn fill(
    out: &mut [u8; IMF_FIXDATE_LEN],
    weekday: u32,
    day: u32,
    month: u32,
    year: u32,
    (hour, minute, second): (u8, u8, u8),
) {
    *out = *b"Thu, 01 Jan 1970 00:00:00 GMT";
    let weekday = DAY_NAMES.get(weekday as usize);
    let month = MONTH_NAMES.get((month as usize).wrapping_sub(1));
    if let (Some(weekday), Some(month)) = (weekday, month) {
        out[..3].copy_from_slice(weekday);
        out[8..11].copy_from_slice(month);
    }
    out[5..7].copy_from_slice(&digits::below_100(day));
    out[12..14].copy_from_slice(&digits::below_100(year / 100));
    out[14..16].copy_from_slice(&digits::below_100(year % 100));
    out[17..19].copy_from_slice(&digits::below_100(u32::from(hour)));
    out[20..22].copy_from_slice(&digits::below_100(u32::from(minute)));
    out[23..25].copy_from_slice(&digits::below_100(u32::from(second)));
}

/// `t` in UTC without its sub-second digits, exactly what an HTTP date says, if
/// it is [representable](is_representable).
pub(crate) fn whole_seconds_utc(t: OffsetDateTime) -> Option<OffsetDateTime> {
    // Most instants arrive like this (from a Unix timestamp): the year alone decides,
    // and it is a field of `time`'s packed date.
    if t.offset().is_utc() && t.nanosecond() == 0 {
        return (i32::from(MIN_YEAR)..=i32::from(MAX_YEAR))
            .contains(&t.year())
            .then_some(t);
    }
    let secs = t.unix_timestamp();
    if !(FIRST_SECOND..END_SECOND).contains(&secs) {
        return None;
    }
    OffsetDateTime::from_unix_timestamp(secs).ok()
}

/// An instant that can be written as an IMF-fixdate (UTC, whole seconds, years
/// 1601 to 9999), for `Expires` and HTTP date fields.
///
/// It can only be made through [`HttpDate::new`], which refuses instants that
/// are not [representable](is_representable), so `Display` never fails and
/// `to_string()` never panics.
///
/// # Examples
///
/// ```
/// use hardtack_cookie::date::HttpDate;
/// use time::macros::datetime;
///
/// let expires = HttpDate::new(datetime!(1994-11-06 09:49:37 +01:00)).unwrap();
/// assert_eq!(format!("Expires={expires}"), "Expires=Sun, 06 Nov 1994 08:49:37 GMT");
/// assert!(HttpDate::new(datetime!(1000-01-01 0:00 UTC)).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HttpDate(OffsetDateTime);

impl HttpDate {
    /// Wraps `t` (converted to UTC, sub-second digits dropped) if it is representable.
    ///
    /// ```
    /// use hardtack_cookie::date::HttpDate;
    /// use time::macros::datetime;
    /// let d = HttpDate::new(datetime!(2015-10-21 07:28:00.5 UTC)).unwrap();
    /// assert_eq!(d.get(), datetime!(2015-10-21 07:28:00 UTC));
    /// ```
    pub fn new(t: OffsetDateTime) -> Option<HttpDate> {
        whole_seconds_utc(t).map(HttpDate)
    }

    /// The instant, in UTC with whole seconds.
    ///
    /// ```
    /// use hardtack_cookie::date::HttpDate;
    /// use time::macros::datetime;
    /// let t = datetime!(1970-01-01 0:00 UTC);
    /// assert_eq!(HttpDate::new(t).unwrap().get(), t);
    /// ```
    pub fn get(self) -> OffsetDateTime {
        self.0
    }
}

impl fmt::Display for HttpDate {
    /// Writes the IMF-fixdate; see [`write_imf_fixdate`].
    ///
    /// ```
    /// use hardtack_cookie::date::HttpDate;
    /// use time::macros::datetime;
    ///
    /// let d = HttpDate::new(datetime!(1970-01-01 0:00 UTC)).unwrap();
    /// assert_eq!(d.to_string(), "Thu, 01 Jan 1970 00:00:00 GMT");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_imf_fixdate(f, self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn canonical_fast_path_agrees_with_the_grammar() {
        let grammar = |input: &[u8]| match imf_fixdate().parse_complete(input) {
            Ok((_, t)) => Some(t),
            Err(_) => None,
        };
        // Every single-byte change of a few valid dates, at every position, to
        // every byte value: the fast path accepts exactly what the grammar accepts.
        let seeds: [&[u8]; 4] = [
            b"Sun, 06 Nov 1994 08:49:37 GMT",
            b"Thu, 29 Feb 2024 23:59:59 GMT",
            b"Mon, 01 Jan 1601 00:00:00 GMT",
            b"Fri, 31 Dec 9999 23:59:59 GMT",
        ];
        for seed in seeds {
            assert!(canonical_imf_fixdate(seed).is_some());
            for at in 0..seed.len() {
                for byte in 0..=255u8 {
                    let mut v = seed.to_vec();
                    v[at] = byte;
                    if let Some(t) = canonical_imf_fixdate(&v) {
                        assert_eq!(Some(t), grammar(&v), "{v:?}");
                    } else {
                        assert_eq!(parse_imf_fixdate(&v).ok(), grammar(&v), "{v:?}");
                    }
                }
            }
        }
    }

    /// The §5.1.1 tokenizer spelled the plain way (split, drop empty tokens, offer
    /// each, every production read from the token on its own): the reference the
    /// fast paths are checked against. It shares only `is_delimiter` and `finish`
    /// with them.
    fn split_reference(input: &[u8]) -> Option<OffsetDateTime> {
        let mut parts = CookieDateParts::default();
        input
            .split(|&b| is_delimiter(b))
            .filter(|t| !t.is_empty())
            .for_each(|t| reference::offer(&mut parts, t));
        parts.finish()
    }

    /// Step 2 of the algorithm as the spec writes it, one production after another.
    mod reference {
        use super::super::{CookieDateParts, Month};

        /// A token sets at most one part, tried in a fixed order, so `12` is the
        /// day until a day is found, then the year.
        pub(super) fn offer(parts: &mut CookieDateParts, token: &[u8]) {
            if parts.time.is_none()
                && let Some(time) = cookie_time(token)
            {
                parts.time = Some(time);
                return;
            }
            if parts.day.is_none()
                && let Some(day) = number_field(token, 1, 2)
            {
                parts.day = u8::try_from(day).ok();
                return;
            }
            if parts.month.is_none()
                && let Some(month) = token.get(..3).and_then(month_ignore_case)
            {
                parts.month = Some(month);
                return;
            }
            if parts.year.is_none() {
                parts.year = number_field(token, 2, 4);
            }
        }

        /// `time = hms-time [ non-digit *OCTET ]`
        pub(super) fn cookie_time(token: &[u8]) -> Option<(u8, u8, u8)> {
            let (hour, rest) = leading_number(token, 2)?;
            let (minute, rest) = leading_number(rest.strip_prefix(b":")?, 2)?;
            let (second, rest) = leading_number(rest.strip_prefix(b":")?, 2)?;
            if starts_with_digit(rest) {
                return None;
            }
            Some((
                u8::try_from(hour).ok()?,
                u8::try_from(minute).ok()?,
                u8::try_from(second).ok()?,
            ))
        }

        /// `min*max DIGIT [ non-digit *OCTET ]`
        pub(super) fn number_field(token: &[u8], min: usize, max: usize) -> Option<u16> {
            let (value, rest) = leading_number(token, max)?;
            let digits = token.len().saturating_sub(rest.len());
            (digits >= min && !starts_with_digit(rest)).then_some(value)
        }

        fn leading_number(bytes: &[u8], max: usize) -> Option<(u16, &[u8])> {
            let mut value = 0u16;
            let mut count = 0;
            while count < max.min(4)
                && let Some(&digit) = bytes.get(count)
                && digit.is_ascii_digit()
            {
                value = value * 10 + u16::from(digit - b'0');
                count += 1;
            }
            if count == 0 {
                return None;
            }
            Some((value, bytes.get(count..).unwrap_or_default()))
        }

        fn starts_with_digit(bytes: &[u8]) -> bool {
            bytes.first().is_some_and(u8::is_ascii_digit)
        }

        /// `month = ( "jan" / ... / "dec" ) *OCTET` by a plain table search.
        pub(super) fn month_ignore_case(name: &[u8]) -> Option<Month> {
            const NAMES: [&[u8; 3]; 12] = [
                b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct",
                b"nov", b"dec",
            ];
            let at = NAMES.iter().position(|m| m.eq_ignore_ascii_case(name))?;
            Month::try_from(at as u8 + 1).ok()
        }
    }

    #[test]
    fn tokenizer_agrees_with_a_plain_split() {
        let alphabets: [&[u8]; 3] = [
            b" ,:-0123456789JanNovDecGMTxyz\t;",
            // Digit-heavy: times, long digit runs, colons in odd places.
            b"0123456789012345:::  ,",
            // Letters and non-letters a careless case fold would confuse.
            b"0123456789:@[`{NnOoVvJjAaDdEeCc \x00\x7f\xce\xee",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for alphabet in alphabets {
            for len in 0..48 {
                for _ in 0..300 {
                    let v: alloc::vec::Vec<u8> = (0..len)
                        .map(|_| {
                            seed ^= seed << 13;
                            seed ^= seed >> 7;
                            seed ^= seed << 17;
                            alphabet[(seed % alphabet.len() as u64) as usize]
                        })
                        .collect();
                    assert_eq!(parse_cookie_date(&v), split_reference(&v), "{v:?}");
                }
            }
        }
    }

    #[test]
    fn fixed_offset_path_agrees_with_the_tokenizer_on_every_byte_change() {
        let seeds: [&[u8]; 6] = [
            b"Sun, 06 Nov 1994 08:49:37 GMT",
            b"thu, 29 feb 2024 23:59:59 gmt",
            b"SUN, 31 DEC 1601 00:00:00",
            b"mOn, 01 jAn 2000 00:00:00\t",
            b"Fri, 31 Dec 9999 23:59:59;x",
            b"Wed, 21 Oct 0069 07:28:00 GMT",
        ];
        for seed in seeds {
            shape_agrees_on_every_byte_change(seed, imf_shaped);
        }
    }

    /// `seed` takes `shaped`'s fixed-offset path, and with any one byte set to any
    /// value, `parse_cookie_date` and that path (when it takes the input) give the
    /// plain-split reference's answer.
    fn shape_agrees_on_every_byte_change(
        seed: &[u8],
        shaped: fn(&[u8]) -> Option<CookieDateParts>,
    ) {
        assert!(shaped(seed).is_some(), "{seed:?}");
        for at in 0..seed.len() {
            for byte in 0..=255u8 {
                let mut v = seed.to_vec();
                v[at] = byte;
                let want = split_reference(&v);
                assert_eq!(parse_cookie_date(&v), want, "{v:?}");
                if let Some(parts) = shaped(&v) {
                    assert_eq!(parts.finish(), want, "{v:?}");
                }
            }
        }
    }

    #[test]
    fn rfc850_and_asctime_paths_agree_with_the_tokenizer_on_every_byte_change() {
        type Shape = fn(&[u8]) -> Option<CookieDateParts>;
        let seeds: [(&[u8], Shape); 10] = [
            (b"Sunday, 06-Nov-94 08:49:37 GMT", rfc850_shaped),
            (b"wednesday, 29-feb-24 23:59:59", rfc850_shaped),
            (b"FRIDAY, 31-DEC-69 00:00:00;x", rfc850_shaped),
            (b"Monday, 01-Jan-70 00:00:00\t", rfc850_shaped),
            (b"Thursday, 10-Sep-00 20:00:00 UTC", rfc850_shaped),
            (b"Sun Nov  6 08:49:37 1994", asctime_shaped),
            (b"thu feb 29 23:59:59 2024 GMT", asctime_shaped),
            (b"SAT DEC 31 00:00:00 1601", asctime_shaped),
            (b"Mon Jan 01 00:00:00 0069;", asctime_shaped),
            (b"Fri Oct  9 07:28:00 9999\t", asctime_shaped),
        ];
        for (seed, shaped) in seeds {
            assert_eq!(parse_cookie_date(seed), split_reference(seed), "{seed:?}");
            shape_agrees_on_every_byte_change(seed, shaped);
        }
    }

    #[test]
    fn rfc850_and_asctime_paths_take_their_shapes_only() {
        // Read at fixed offsets.
        for input in [
            &b"Sunday, 06-Nov-94 08:49:37 GMT"[..],
            b"Tuesday, 06-Nov-94 08:49:37",
        ] {
            assert!(rfc850_shaped(input).is_some(), "{input:?}");
        }
        for input in [
            &b"Sun Nov  6 08:49:37 1994"[..],
            b"Sun Nov 16 08:49:37 1994",
        ] {
            assert!(asctime_shaped(input).is_some(), "{input:?}");
        }
        // Left to the tokenizer, which still reads most of them.
        for input in [
            &b"Sunday, 06-Nov-1994 08:49:37 GMT"[..],
            b"Sun, 06-Nov-94 08:49:37 GMT",
            b"Sunday, 6-Nov-94 08:49:37 GMT",
            b"Novday, 06-Nov-94 08:49:37 GMT",
            b"Sun-day, 06-Nov-94 08:49:37 GMT",
            b"Sunday, 06-Nov-94 08:49:37GMT",
        ] {
            assert!(rfc850_shaped(input).is_none(), "{input:?}");
            assert_eq!(
                parse_cookie_date(input),
                split_reference(input),
                "{input:?}"
            );
        }
        for input in [
            &b"Sun Nov 6 08:49:37 1994"[..],
            b"Nov Nov  6 08:49:37 1994",
            b"Sun Nov  6 08:49:37 19940",
            b"Sun Nov  6 8:49:37 1994",
            b"Sun Nov x6 08:49:37 1994",
        ] {
            assert!(asctime_shaped(input).is_none(), "{input:?}");
            assert_eq!(
                parse_cookie_date(input),
                split_reference(input),
                "{input:?}"
            );
        }
    }

    #[test]
    fn fixed_offset_path_agrees_with_the_tokenizer() {
        let general = split_reference;
        let inputs: [&[u8]; 10] = [
            b"Sun, 06 Nov 1994 08:49:37 GMT",
            b"sun, 06 nov 1994 08:49:37 gmt",
            b"Xyz, 31 Feb 2015 07:28:00 GMT",
            b"Wed, 21 Oct 2015 07:28:00 UTC",
            b"Wed, 21 Oct 0069 07:28:00 GMT",
            b"Wed, 21 Oct 1600 07:28:00 GMT",
            b"Wed, 21 Oct 2015 24:28:00 GMT",
            b"Wed, 00 Oct 2015 07:28:00",
            b"Wed, 21 Oct 2015 07:28:00;x",
            b"Jan, 21 Oct 2015 07:28:00 GMT",
        ];
        for input in inputs {
            let fast = imf_shaped(input).and_then(CookieDateParts::finish);
            if imf_shaped(input).is_some() {
                assert_eq!(fast, general(input), "{:?}", core::str::from_utf8(input));
            }
        }
        assert!(imf_shaped(b"Jan, 21 Oct 2015 07:28:00 GMT").is_none());
        assert!(imf_shaped(b"Sun, 06 Nov 1994 08:49:37GMT").is_none());
        assert_eq!(
            parse_cookie_date(b"Jan, 21 Oct 2015 07:28:00 GMT"),
            general(b"Jan, 21 Oct 2015 07:28:00 GMT")
        );
    }

    #[test]
    fn delimiters_match_the_abnf() {
        let delimiters: alloc::vec::Vec<u8> = (0..=255).filter(|&b| is_delimiter(b)).collect();
        let mut expected = alloc::vec![0x09];
        expected.extend(0x20..=0x2F);
        expected.extend(0x3B..=0x40);
        expected.extend(0x5B..=0x60);
        expected.extend(0x7B..=0x7E);
        assert_eq!(delimiters, expected);
    }

    #[test]
    fn digits_and_colon_are_not_delimiters() {
        assert!(!b"0123456789:".iter().any(|&b| is_delimiter(b)));
        assert!(!is_delimiter(0x00));
        assert!(!is_delimiter(0x7F));
        assert!(!is_delimiter(0xFF));
    }

    #[test]
    fn cookie_time_production() {
        // The fast reader and the reference, which reads only whole tokens.
        let both = |token: &[u8]| {
            let fast = cookie_time(token, 0).map(|(time, _)| time);
            assert_eq!(fast, reference::cookie_time(token), "{token:?}");
            fast
        };
        assert_eq!(both(b"08:49:37"), Some((8, 49, 37)));
        assert_eq!(both(b"8:9:7"), Some((8, 9, 7)));
        assert_eq!(both(b"08:49:37Z"), Some((8, 49, 37)));
        assert_eq!(both(b"99:99:99"), Some((99, 99, 99)));
        assert_eq!(both(b"08:49:375"), None);
        assert_eq!(both(b"008:49:37"), None);
        assert_eq!(both(b"08:49"), None);
        assert_eq!(both(b"08::37"), None);
        assert_eq!(both(b":49:37"), None);
        assert_eq!(both(b"08:49:"), None);
        assert_eq!(both(b"08:49:37:"), Some((8, 49, 37)));
        assert_eq!(both(b"08:49:3"), Some((8, 49, 3)));
        assert_eq!(both(b"08:49:3x"), Some((8, 49, 3)));
        assert_eq!(both(b"08:4:37"), Some((8, 4, 37)));
        assert_eq!(both(b"08:/9:37"), None);
        assert_eq!(both(b"08;49:37"), None);
        // The length read is the `hms-time`, without what follows.
        assert_eq!(cookie_time(b"8:9:7", 0), Some(((8, 9, 7), 5)));
        assert_eq!(cookie_time(b"08:49:37Z;x", 0), Some(((8, 49, 37), 8)));
        assert_eq!(cookie_time(b"x 08:49:37 ", 2), Some(((8, 49, 37), 10)));
        assert_eq!(cookie_time(b"08:49:37", 8), None);
    }

    #[test]
    fn number_field_production() {
        use reference::number_field;
        assert_eq!(number_field(b"6", 1, 2), Some(6));
        assert_eq!(number_field(b"06th", 1, 2), Some(6));
        assert_eq!(number_field(b"006", 1, 2), None);
        assert_eq!(number_field(b"x6", 1, 2), None);
        assert_eq!(number_field(b"1994", 2, 4), Some(1994));
        assert_eq!(number_field(b"94", 2, 4), Some(94));
        assert_eq!(number_field(b"4", 2, 4), None);
        assert_eq!(number_field(b"19945", 2, 4), None);
        assert_eq!(number_field(b"1994AD", 2, 4), Some(1994));
    }

    #[test]
    fn digit_run_counts_to_five() {
        assert_eq!(digit_run(b"", 0), (0, 0));
        assert_eq!(digit_run(b"x6", 0), (0, 0));
        assert_eq!(digit_run(b"x6", 1), (6, 2));
        assert_eq!(digit_run(b"x6", 2), (0, 2));
        assert_eq!(digit_run(b"06th", 0), (6, 2));
        assert_eq!(digit_run(b"1994AD", 0), (1994, 4));
        assert_eq!(digit_run(b"19945", 0), (19945, 5));
        assert_eq!(digit_run(b"x9999999999", 1), (99999, 6));
        assert_eq!(digit_run(b"1/", 0), (1, 1));
        assert_eq!(digit_run(b"1:", 0), (1, 1));
    }

    /// Bytes around the letters and around the 0x20 bit: each other lane is one of
    /// these while one lane runs through every byte.
    const AWKWARD: &[u8] = b"\x00\x1f @AMNOVZ[`amnovz{\x7f\x80\xc1\xce\xe1\xfa\xff";

    #[test]
    fn month_names_ignore_case_and_suffix() {
        let month = |name: &[u8; 3]| month_ignore_case(pack(*name));
        assert_eq!(month(b"nOV"), Some(Month::November));
        assert_eq!(month(b"Nov"), Some(Month::November));
        assert_eq!(month(b"Nox"), None);
        assert_eq!(month(b"N\x0fV"), None);
        assert_eq!(month(b"\xce\xcf\xd6"), None);
        assert_eq!(reference::month_ignore_case(b"No"), None);
        assert_eq!(month_from_name(b"No"), None);
        assert_eq!(month_from_name(b"Nove"), None);
        assert_eq!(month_from_name(b"nov"), None);
        // The packed lookups against the plain ones, every byte in each lane.
        let mut names: alloc::vec::Vec<[u8; 3]> = alloc::vec::Vec::new();
        for name in MONTH_NAMES.iter().chain(&DAY_NAMES) {
            for case in 0..8 {
                let mut name = *name;
                for (i, byte) in name.iter_mut().enumerate() {
                    if case & (1 << i) != 0 {
                        *byte ^= 0x20;
                    }
                }
                names.push(name);
            }
        }
        for &a in AWKWARD {
            for &b in AWKWARD {
                names.push([a, b, b'n']);
            }
        }
        for name in names {
            for lane in 0..3 {
                for byte in 0..=255u8 {
                    let mut v = name;
                    v[lane] = byte;
                    let plain = |names: &[[u8; 3]]| names.iter().position(|n| *n == v);
                    assert_eq!(
                        month_ignore_case(pack(v)),
                        reference::month_ignore_case(&v),
                        "{v:?}"
                    );
                    assert_eq!(
                        weekday_ignore_case(pack(v)).map(|d| d.number_days_from_sunday() as usize),
                        DAY_NAMES.iter().position(|n| n.eq_ignore_ascii_case(&v)),
                        "{v:?}"
                    );
                    assert_eq!(
                        month_exact(pack(v)).map(|m| u8::from(m) as usize - 1),
                        plain(&MONTH_NAMES),
                        "{v:?}"
                    );
                    assert_eq!(
                        weekday_exact(pack(v)).map(|d| d.number_days_from_sunday() as usize),
                        plain(&DAY_NAMES),
                        "{v:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for (i, name) in MONTH_NAMES.iter().enumerate() {
            let month = Month::try_from(i as u8 + 1).unwrap();
            assert_eq!(month_from_name(name), Some(month));
        }
        let mut weekday = Weekday::Sunday;
        for name in &DAY_NAMES {
            assert_eq!(weekday_from_name(name), Some(weekday));
            weekday = weekday.next();
        }
    }

    #[test]
    fn first_match_wins_per_part() {
        // "12" after a day is taken is neither time nor day nor month: a year.
        assert_eq!(
            parse_cookie_date(b"01:02:03 04 Jan 12 13 05:06:07 Feb"),
            Some(datetime!(2012-01-04 01:02:03 UTC))
        );
    }

    #[test]
    fn year_expansion_boundaries() {
        let at = |year: &str| {
            let input = alloc::format!("01 Jan {year} 00:00:00");
            parse_cookie_date(input.as_bytes())
        };
        assert_eq!(at("00"), Some(datetime!(2000-01-01 0:00 UTC)));
        assert_eq!(at("69"), Some(datetime!(2069-01-01 0:00 UTC)));
        assert_eq!(at("70"), Some(datetime!(1970-01-01 0:00 UTC)));
        assert_eq!(at("99"), Some(datetime!(1999-01-01 0:00 UTC)));
        assert_eq!(at("100"), None);
        assert_eq!(at("1600"), None);
        assert_eq!(at("1601"), Some(datetime!(1601-01-01 0:00 UTC)));
        assert_eq!(at("9999"), Some(datetime!(9999-01-01 0:00 UTC)));
    }

    #[test]
    fn encode_boundaries() {
        assert_eq!(
            encode(datetime!(1601-01-01 0:00 UTC)),
            Some(*b"Mon, 01 Jan 1601 00:00:00 GMT")
        );
        assert_eq!(
            encode(datetime!(9999-12-31 23:59:59.999 UTC)),
            Some(*b"Fri, 31 Dec 9999 23:59:59 GMT")
        );
        assert_eq!(encode(datetime!(1600-12-31 23:59:59 UTC)), None);
        assert_eq!(encode(datetime!(1601-01-01 00:30 +01:00)), None);
        assert_eq!(encode(datetime!(-1-01-01 0:00 UTC)), None);
    }

    /// The IMF-fixdate of `t` from `time`'s own calendar fields.
    fn reference(t: OffsetDateTime) -> alloc::string::String {
        let t = t.to_offset(time::UtcOffset::UTC);
        let weekday = DAY_NAMES[t.weekday().number_days_from_sunday() as usize];
        let month = MONTH_NAMES[u8::from(t.month()) as usize - 1];
        alloc::format!(
            "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
            core::str::from_utf8(&weekday).unwrap(),
            t.day(),
            core::str::from_utf8(&month).unwrap(),
            t.year(),
            t.hour(),
            t.minute(),
            t.second()
        )
    }

    #[test]
    fn every_representable_day_matches_time() {
        let first = Date::from_calendar_date(1601, Month::January, 1).unwrap();
        let last = Date::from_calendar_date(9999, Month::December, 31).unwrap();
        for julian in first.to_julian_day()..=last.to_julian_day() {
            let date = Date::from_julian_day(julian).unwrap();
            // A different second of the day each day, both ends of the day included.
            let of_day = match julian % 5 {
                0 => 0,
                1 => 86_399,
                _ => (i64::from(julian) * 7919).rem_euclid(86_400),
            };
            let t = date.midnight().assume_utc() + time::Duration::seconds(of_day);
            let mut out = [0; IMF_FIXDATE_LEN];
            assert!(encode_unix(t.unix_timestamp(), &mut out), "{t}");
            assert_eq!(core::str::from_utf8(&out).unwrap(), reference(t), "{t}");
            // The UTC shortcut, and the general path through another offset.
            assert_eq!(encode(t), Some(out), "{t}");
            let east = time::UtcOffset::from_hms(5, 30, 0).unwrap();
            if let Some(east) = t.checked_to_offset(east) {
                assert_eq!(encode(east), Some(out), "{t}");
            }
        }
    }

    #[test]
    fn range_edges() {
        let mut out = [0; IMF_FIXDATE_LEN];
        assert!(encode_unix(FIRST_SECOND, &mut out));
        assert_eq!(&out, b"Mon, 01 Jan 1601 00:00:00 GMT");
        assert!(encode_unix(END_SECOND - 1, &mut out));
        assert_eq!(&out, b"Fri, 31 Dec 9999 23:59:59 GMT");
        assert!(encode_unix(0, &mut out));
        assert_eq!(&out, b"Thu, 01 Jan 1970 00:00:00 GMT");
        assert!(encode_unix(951_782_400, &mut out));
        assert_eq!(&out, b"Tue, 29 Feb 2000 00:00:00 GMT");
        for secs in [FIRST_SECOND - 1, END_SECOND, i64::MIN, i64::MAX] {
            let mut untouched = [b'x'; IMF_FIXDATE_LEN];
            assert!(!encode_unix(secs, &mut untouched), "{secs}");
            assert_eq!(untouched, [b'x'; IMF_FIXDATE_LEN]);
        }
    }

    #[test]
    fn imf_error_offsets_point_at_the_part() {
        let cases: &[(&[u8], DateErrorKind, usize)] = &[
            (b"", DateErrorKind::Weekday, 0),
            (b"Sun", DateErrorKind::Layout, 3),
            (b"Sun,06 Nov 1994 08:49:37 GMT", DateErrorKind::Layout, 3),
            (b"Sun, 6 Nov 1994 08:49:37 GMT", DateErrorKind::Day, 5),
            (b"Sun, 00 Nov 1994 08:49:37 GMT", DateErrorKind::Day, 5),
            (b"Sun, 06 Nov 94 08:49:37 GMT", DateErrorKind::Year, 12),
            (b"Sun, 06 Nov 1600 08:49:37 GMT", DateErrorKind::Year, 12),
            (
                b"Sun, 31 Nov 1994 08:49:37 GMT",
                DateErrorKind::Nonexistent,
                5,
            ),
            (b"Sun, 06 Nov 1994 08:60:37 GMT", DateErrorKind::Time, 20),
            (b"Sun, 06 Nov 1994 08:49:60 GMT", DateErrorKind::Time, 23),
            (b"Sun, 06 Nov 1994 08-49:37 GMT", DateErrorKind::Layout, 19),
            (b"Sun, 06 Nov 1994 08:49:37 gmt", DateErrorKind::Zone, 26),
            (
                b"Sun, 06 Nov 1994 08:49:37 GMT ",
                DateErrorKind::Trailing,
                29,
            ),
            (
                b"Sat, 06 Nov 1994 08:49:37 GMT",
                DateErrorKind::WrongWeekday,
                0,
            ),
        ];
        for &(input, kind, offset) in cases {
            let error = parse_imf_fixdate(input).unwrap_err();
            assert_eq!((error.kind(), error.offset()), (kind, offset), "{input:?}");
        }
    }
}
