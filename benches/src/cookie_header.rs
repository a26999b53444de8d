//! `cookie_header_parse/{1,10,50}`: every pair of one `Cookie` request header.

use std::fmt::Write as _;

use biscotti::{Processor, ProcessorConfig, RequestCookies};
use hardtack_cookie::{Pairs, StrictPairs};

/// The pair counts benchmarked.
///
/// ```
/// use hardtack_benches::cookie_header::{SIZES, header};
/// // The benchmark ids end in the pair count: `cookie_header_parse/hardtack/50`.
/// for n in SIZES {
///     assert_eq!(header(n).split("; ").count(), n);
/// }
/// ```
pub const SIZES: [usize; 3] = [1, 10, 50];

/// A realistic header of `n` pairs: analytics ids, flags, a session id, base64 blobs.
/// Deterministic; 1 pair is about 30 bytes, 50 pairs about 2.5 KB.
///
/// ```
/// let h = hardtack_benches::cookie_header::header(10);
/// assert_eq!(h.matches("; ").count(), 9);
/// ```
pub fn header(n: usize) -> String {
    const NAMES: [&str; 10] = [
        "session",
        "_ga",
        "theme",
        "csrftoken",
        "lang",
        "_gid",
        "consent",
        "cart",
        "tz",
        "ab",
    ];
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut h = String::new();
    let mut state = 0x2545_f491_u32;
    for i in 0..n {
        if i > 0 {
            h.push_str("; ");
        }
        let name = NAMES[i % NAMES.len()];
        let _ = write!(
            h,
            "{name}{}=",
            if i < NAMES.len() {
                String::new()
            } else {
                format!("_{i}")
            }
        );
        let len = [24, 20, 8, 44, 5, 40, 3, 96, 24, 16][i % 10] + (i * 7) % 11;
        for _ in 0..len {
            // xorshift32: a fixed, unremarkable value alphabet.
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            h.push(char::from(ALPHABET[(state % 64) as usize]));
        }
    }
    h
}

/// hardtack `Pairs` (lenient: the browser's view).
///
/// ```
/// use hardtack_benches::cookie_header::{cookie, hardtack, header};
/// // The digest is the bytes of every name and value, so equal digests mean the
/// // same pairs were read.
/// assert_eq!(hardtack("a=1; bc=23"), 1 + 1 + 2 + 2);
/// assert_eq!(hardtack(&header(10)), cookie(&header(10)));
/// ```
pub fn hardtack(h: &str) -> usize {
    Pairs::new(h).map(|(n, v)| n.len() + v.len()).sum()
}

/// hardtack `StrictPairs` (the RFC 6265 §4.2.1 grammar, every pair checked).
///
/// ```
/// use hardtack_benches::cookie_header::{hardtack, hardtack_strict, header};
/// assert_eq!(hardtack_strict(&header(10)), hardtack(&header(10)));
/// // A space is not a cookie-octet: strict skips that pair, the browser's view keeps it.
/// assert_eq!(hardtack_strict("a=1; b=2 3"), 1 + 1);
/// assert_eq!(hardtack("a=1; b=2 3"), 1 + 1 + 1 + 3);
/// ```
pub fn hardtack_strict(h: &str) -> usize {
    StrictPairs::new(h)
        .flatten()
        .map(|(n, v)| n.len() + v.len())
        .sum()
}

/// `cookie::Cookie::split_parse`, consuming every pair.
///
/// ```
/// use hardtack_benches::cookie_header::{bytes_baseline, cookie, header};
/// assert_eq!(cookie(&header(50)), bytes_baseline(&header(50)));
/// ```
pub fn cookie(h: &str) -> usize {
    cookie::Cookie::split_parse(h)
        .flatten()
        .map(|c| c.name().len() + c.value().len())
        .sum()
}

/// The biscotti processor the benchmark uses: no percent-decoding, no crypto (the
/// closest to what the other parsers do).
///
/// ```
/// use hardtack_benches::cookie_header::{biscotti, biscotti_processor};
/// // Not percent-decoded: the value keeps its escape, as the other parsers' values do.
/// assert_eq!(biscotti("session=a%20b", &biscotti_processor()), "a%20b".len());
/// ```
pub fn biscotti_processor() -> Processor {
    let mut config = ProcessorConfig::default();
    config.percent_encode = false;
    config.into()
}

/// biscotti `RequestCookies::parse_header` (it builds a map of every pair), then one
/// lookup so that the map is used.
///
/// Its digest is the length of the `session` value (1 without one, 0 on an error),
/// not the bytes of every pair: it is not comparable with the other parsers'.
///
/// ```
/// use hardtack_benches::cookie_header::{biscotti, biscotti_processor, header};
/// let (h, p) = (header(10), biscotti_processor());
/// let session = h.strip_prefix("session=").and_then(|r| r.split(';').next()).unwrap();
/// assert_eq!(biscotti(&h, &p), session.len());
/// assert_eq!(biscotti("theme=dark", &p), 1);
/// ```
pub fn biscotti(h: &str, processor: &Processor) -> usize {
    match RequestCookies::parse_header(h, processor) {
        Ok(map) => map.get("session").map_or(1, |c| c.value().len()),
        Err(_) => 0,
    }
}

/// The byte-level floor: `memchr` for `;` and `=`, `trim_ascii`, no validation at all.
/// Not a usable parser (it accepts control characters and invalid UTF-8 would not
/// even be possible here); it shows what bare splitting costs.
///
/// ```
/// use hardtack_benches::cookie_header::{bytes_baseline, hardtack, hardtack_strict, header};
/// assert_eq!(bytes_baseline(&header(50)), hardtack(&header(50)));
/// // No validation: it counts a control character that the strict grammar refuses.
/// assert_eq!(bytes_baseline("a=\u{1}"), 2);
/// assert_eq!(hardtack_strict("a=\u{1}"), 0);
/// ```
pub fn bytes_baseline(h: &str) -> usize {
    let b = h.as_bytes();
    let mut digest = 0;
    let mut rest = b;
    loop {
        let (pair, tail) = match memchr::memchr(b';', rest) {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        let (name, value) = match memchr::memchr(b'=', pair) {
            Some(i) => (pair[..i].trim_ascii(), pair[i + 1..].trim_ascii()),
            None => (&pair[..0], pair.trim_ascii()),
        };
        digest += name.len() + value.len();
        match tail {
            Some(t) => rest = t,
            None => return digest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_match_the_baseline_study() {
        // perf-baselines.md used 30 B, 409 B and 2,489 B; stay in the same range.
        let lens: Vec<usize> = SIZES.iter().map(|&n| header(n).len()).collect();
        assert!((20..=40).contains(&lens[0]), "{lens:?}");
        assert!((300..=500).contains(&lens[1]), "{lens:?}");
        assert!((2000..=3000).contains(&lens[2]), "{lens:?}");
    }

    #[test]
    fn every_parser_reads_every_pair() {
        let p = biscotti_processor();
        for n in SIZES {
            let h = header(n);
            let want = bytes_baseline(&h);
            assert_eq!(Pairs::new(&h).count(), n);
            assert_eq!(
                StrictPairs::new(&h).filter(Result::is_ok).count(),
                n,
                "strictly valid"
            );
            assert_eq!(hardtack(&h), want);
            assert_eq!(hardtack_strict(&h), want);
            assert_eq!(cookie(&h), want);
            assert!(
                biscotti(&h, &p) > 1,
                "biscotti parses and finds the session"
            );
        }
    }
}
