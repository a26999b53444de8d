//! `set_cookie_parse`: one pass over a corpus of 21 realistic `Set-Cookie` values.
//!
//! The corpus (`benches/data/set-cookie.txt`) holds every attribute kind, quoted
//! values, two values of about 1 KB, unknown attributes, and `Expires` in
//! IMF-fixdate, RFC 850 and asctime form plus one invalid date.

use hardtack_cookie::{Profile, SetCookie};

/// The corpus file, one value per line.
///
/// ```
/// use hardtack_benches::set_cookie::CORPUS;
/// // No blank lines, so `corpus()` drops nothing: 21 lines are the 21 values.
/// assert!(CORPUS.lines().all(|l| !l.is_empty()));
/// assert_eq!(CORPUS.lines().count(), 21);
/// ```
pub const CORPUS: &str = include_str!("../data/set-cookie.txt");

/// The corpus as a list of header values.
///
/// ```
/// assert_eq!(hardtack_benches::set_cookie::corpus().len(), 21);
/// ```
pub fn corpus() -> Vec<&'static str> {
    CORPUS.lines().filter(|l| !l.is_empty()).collect()
}

/// Bytes in one pass (the throughput unit).
///
/// ```
/// let n = hardtack_benches::set_cookie::corpus_bytes(&hardtack_benches::set_cookie::corpus());
/// assert!(n > 3000);
/// ```
pub fn corpus_bytes(corpus: &[&str]) -> usize {
    corpus.iter().map(|s| s.len()).sum()
}

fn hardtack(corpus: &[&str], profile: Profile) -> usize {
    let mut digest = 0;
    for s in corpus {
        if let Ok(c) = SetCookie::parse(s, profile) {
            digest += c.name().len() + c.value().len() + usize::from(c.expires().is_some());
        }
    }
    digest
}

/// hardtack, browser profile (RFC 6265bis §5.6).
///
/// ```
/// use hardtack_benches::set_cookie::{cookie, corpus, hardtack_lenient};
/// // It reads the same names, values and dates as `cookie`, the obsolete dates too.
/// assert_eq!(hardtack_lenient(&corpus()), cookie(&corpus()));
/// assert_eq!(hardtack_lenient(&["a=bc; Expires=Sunday, 06-Nov-94 08:49:37 GMT"]), 1 + 2 + 1);
/// ```
pub fn hardtack_lenient(corpus: &[&str]) -> usize {
    hardtack(corpus, Profile::Lenient)
}

/// hardtack, server grammar (RFC 6265 §4.1): refuses the RFC 850, asctime and
/// invalid dates, so it does less work on three entries.
///
/// ```
/// use hardtack_benches::set_cookie::{corpus, hardtack_lenient, hardtack_strict};
/// let rfc850 = ["a=b; Expires=Sunday, 06-Nov-94 08:49:37 GMT"];
/// assert_eq!((hardtack_strict(&rfc850), hardtack_lenient(&rfc850)), (0, 1 + 1 + 1));
/// assert!(hardtack_strict(&corpus()) < hardtack_lenient(&corpus()));
/// ```
pub fn hardtack_strict(corpus: &[&str]) -> usize {
    hardtack(corpus, Profile::Strict)
}

/// `cookie::Cookie::parse` on a borrowed `&str`.
///
/// ```
/// use hardtack_benches::set_cookie::cookie;
/// // Name and value bytes, and one for an `Expires` that parsed; a bad date counts nothing.
/// assert_eq!(cookie(&["a=bc; Expires=Sun, 06 Nov 1994 08:49:37 GMT"]), 1 + 2 + 1);
/// assert_eq!(cookie(&["a=bc; Expires=not a date"]), 1 + 2);
/// ```
pub fn cookie(corpus: &[&str]) -> usize {
    let mut digest = 0;
    for s in corpus {
        if let Ok(c) = cookie::Cookie::parse(*s) {
            digest +=
                c.name().len() + c.value().len() + usize::from(c.expires_datetime().is_some());
        }
    }
    digest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_shape() {
        let c = corpus();
        assert_eq!(c.len(), 21);
        assert!(c.iter().filter(|s| s.len() > 1000).count() == 2);
        assert!(c.iter().any(|s| s.contains("Expires=Sunday, 06-Nov-94")));
        assert!(c.iter().any(|s| s.contains("Expires=Sun Nov  6")));
    }

    #[test]
    fn lenient_and_cookie_agree_on_names_values_and_dates() {
        let c = corpus();
        for s in &c {
            let ours = SetCookie::parse(s, Profile::Lenient).expect("lenient parses the corpus");
            let theirs = cookie::Cookie::parse(*s).expect("cookie parses the corpus");
            assert_eq!(
                (ours.name(), ours.value()),
                (theirs.name(), theirs.value()),
                "{s}"
            );
        }
        assert_eq!(hardtack_lenient(&c), cookie(&c));
    }

    #[test]
    fn strict_refuses_only_the_obsolete_and_invalid_dates() {
        let refused: Vec<_> = corpus()
            .into_iter()
            .filter(|s| SetCookie::parse(s, Profile::Strict).is_err())
            .collect();
        assert_eq!(refused.len(), 3, "{refused:?}");
        assert!(refused.iter().all(|s| s.contains("Expires=")));
    }
}
