//! The date parsers against RFC 6265 §5.1.1 written out step by step
//! (`hardtack_fuzz::spec_cookie_date`, which shares no code with hardtack).
//!
//! * `parse_cookie_date` gives exactly the spec's answer;
//! * whatever the strict `parse_imf_fixdate` accepts, the cookie-date algorithm
//!   reads as the same instant;
//! * `write_imf_fixdate` of an accepted date is the canonical text, which parses
//!   back to the same instant.
#![no_main]

use hardtack_cookie::date::{parse_cookie_date, parse_imf_fixdate, write_imf_fixdate};
use hardtack_fuzz::spec_cookie_date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let got = parse_cookie_date(data);
    let want = spec_cookie_date::parse(data);
    assert_eq!(
        got.map(|t| t.unix_timestamp()),
        want,
        "parse_cookie_date differs from the spec"
    );
    if let Some(t) = got {
        assert_eq!(t.nanosecond(), 0);
        assert!(t.offset().is_utc());
    }

    match parse_imf_fixdate(data) {
        Ok(t) => {
            assert_eq!(
                Some(t),
                got,
                "IMF-fixdate accepted but cookie-date reads it differently"
            );
            let mut text = String::new();
            write_imf_fixdate(&mut text, t).expect("writing to a String");
            assert_eq!(
                text.as_bytes(),
                data,
                "IMF-fixdate accepts only the canonical text"
            );
        }
        Err(e) => assert!(e.offset() <= data.len(), "error offset past the input"),
    }

    if let Some(t) = got {
        // Every parsed date lies in 1601..=9999, so it can always be written.
        let mut text = String::new();
        write_imf_fixdate(&mut text, t).expect("a parsed date is representable");
        assert_eq!(text.len(), 29);
        assert_eq!(
            parse_imf_fixdate(text.as_bytes()),
            Ok(t),
            "{text:?} does not parse back"
        );
        assert_eq!(parse_cookie_date(text.as_bytes()), Some(t));
    }
});
