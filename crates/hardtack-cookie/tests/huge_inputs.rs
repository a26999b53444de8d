//! 1 MiB inputs of the shapes that make careless parsers quadratic: every parser
//! answers, and answers what its rules say.
//!
//! How the cost grows with the length is not timed here: `benches/icount_growth.rs`
//! counts the instructions at 10 KiB and 100 KiB and CI fails on more than linear
//! growth (`benches/icount.py --check`), which is exact where a timed test is not.

use hardtack_cookie::rfc2109::{CookieHeader, split_set_cookie};
use hardtack_cookie::{ErrorKind, Pairs, Profile, SetCookie, StrictPairs};

const MIB: usize = 1 << 20;
const PROFILES: [Profile; 3] = [Profile::Lenient, Profile::Strict, Profile::Rfc2109];

fn kind(input: &str, p: Profile) -> ErrorKind {
    SetCookie::parse(input, p)
        .map(|c| panic!("{p:?} accepted {} bytes as {:?}", input.len(), c.name()))
        .unwrap_or_else(|e| e.kind())
}

#[test]
fn a_value_with_no_end_is_too_large_everywhere() {
    let input = format!("a={}", "v".repeat(MIB));
    for p in PROFILES {
        // RFC 6265bis §5.6 step 4: name + value over 4096 bytes drops the cookie.
        assert_eq!(kind(&input, p), ErrorKind::TooLarge, "{p:?}");
    }
    // In a Cookie header it is one pair that nobody accepts either.
    assert_eq!(Pairs::new(&input).count(), 0);
    assert!(StrictPairs::new(&input).all(|r| r.is_err()));
    assert_eq!(split_set_cookie(&input).count(), 1);
}

#[test]
fn a_million_semicolons_are_empty_attributes() {
    let input = format!("a=b{}", ";".repeat(MIB));
    // The browser skips empty attributes (§5.6 step 7 finds no name): a=b.
    let c = SetCookie::parse(&input, Profile::Lenient).expect("lenient");
    assert_eq!((c.name(), c.value(), c.extensions().count()), ("a", "b", 0));
    // The grammar wants "; " between attributes.
    assert_eq!(kind(&input, Profile::Strict), ErrorKind::InvalidSeparator);
    assert_eq!(kind(&input, Profile::Rfc2109), ErrorKind::EmptyAttribute);
    // A Cookie header: one pair, then nothing but empty ones.
    assert_eq!(Pairs::new(&input).count(), 1);
    assert_eq!(StrictPairs::new(&input).filter(Result::is_ok).count(), 1);
    assert_eq!(split_set_cookie(&input).count(), 1);
}

#[test]
fn a_third_of_a_million_unknown_attributes_are_kept_in_order() {
    let n = MIB / 3;
    let input = format!("a=b{}", "; x".repeat(n));
    for p in PROFILES {
        let c = SetCookie::parse(&input, p).unwrap_or_else(|e| panic!("{p:?}: {e}"));
        assert_eq!(c.extensions().count(), n, "{p:?}");
        assert!(c.extensions().all(|e| e == ("x", None)), "{p:?}");
    }
    assert_eq!(Pairs::new(&input).count(), 1 + n);
    assert_eq!(CookieHeader::new(&input).count(), 1 + n);
}

#[test]
fn a_mebibyte_of_equals_signs_has_no_name() {
    let input = "=".repeat(MIB);
    // The browser keeps a nameless cookie whose value is everything after the
    // first '=', which is over the size limit here.
    assert_eq!(kind(&input, Profile::Lenient), ErrorKind::TooLarge);
    assert_eq!(kind(&input, Profile::Strict), ErrorKind::EmptyName);
    assert_eq!(kind(&input, Profile::Rfc2109), ErrorKind::EmptyName);
    assert_eq!(Pairs::new(&input).count(), 0);
}

#[test]
fn two_hundred_thousand_pairs_in_one_header() {
    let n = MIB / 5;
    let input = "a=b; ".repeat(n);
    assert_eq!(Pairs::new(&input).count(), n);
    assert!(Pairs::new(&input).all(|(k, v)| (k, v) == ("a", "b")));
    // The strict iterator refuses only the trailing "; " (an empty pair).
    let strict: Vec<_> = StrictPairs::new(&input).collect();
    assert_eq!(strict.iter().filter(|r| r.is_ok()).count(), n);
    assert_eq!(strict.iter().filter(|r| r.is_err()).count(), 1);
    assert_eq!(CookieHeader::new(&input).count(), n);
    // As a Set-Cookie value: a=b, then n - 1 attributes called "a", then "; ".
    let lenient = SetCookie::parse(&input, Profile::Lenient).expect("lenient");
    assert_eq!(lenient.extensions().count(), n - 1);
    assert_eq!(kind(&input, Profile::Strict), ErrorKind::EmptyAttribute);
}

#[test]
fn half_a_million_escaped_quotes_never_close_the_value() {
    let input = format!("a=\"{}", "\\\"".repeat(MIB / 2));
    assert_eq!(kind(&input, Profile::Lenient), ErrorKind::TooLarge);
    // The first byte after the opening quote is already outside cookie-octet.
    assert_eq!(
        kind(&input, Profile::Strict),
        ErrorKind::InvalidValueByte(b'\\')
    );
    assert_eq!(kind(&input, Profile::Rfc2109), ErrorKind::UnbalancedQuote);
    // A Cookie-header pair over 4096 bytes is dropped like a Set-Cookie one.
    assert_eq!(Pairs::new(&input).count(), 0);
}
