//! The `Cookie` request header, modelled with `split(';')`.
//!
//! [`lenient_str`] / [`lenient_bytes`] model `hardtack_cookie::Pairs` as its docs
//! describe it: split on `;`, drop pairs a browser could never have sent (a
//! control character other than HTAB, empty after trimming, name and value over
//! 4096 bytes, not UTF-8), split the rest at the first `=` (none: a nameless
//! cookie), trim SP and HTAB. [`strict_pair`] is RFC 6265 §4.2.1 read aloud.

/// Browsers drop a cookie whose name and value together exceed this (RFC 6265bis §5.6).
pub const MAX_NAME_VALUE: usize = 4096;

/// A control character that makes a browser drop the cookie: CTL except HTAB.
fn forbidden_ctl(c: u8) -> bool {
    (c < 0x20 && c != b'\t') || c == 0x7f
}

fn trim_wsp(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&c| c != b' ' && c != b'\t');
    match start {
        None => &s[s.len()..],
        Some(start) => {
            let end = s
                .iter()
                .rposition(|&c| c != b' ' && c != b'\t')
                .map_or(start, |e| e + 1);
            &s[start..end]
        }
    }
}

/// One `;`-separated piece as the lenient parser would split it, or `None` if it
/// is dropped.
fn lenient_piece(piece: &[u8]) -> Option<(&[u8], &[u8])> {
    if piece.iter().any(|&c| forbidden_ctl(c)) {
        return None;
    }
    let (name, value) = match piece.iter().position(|&c| c == b'=') {
        Some(eq) => (trim_wsp(&piece[..eq]), trim_wsp(&piece[eq + 1..])),
        None => (&piece[..0], trim_wsp(piece)),
    };
    let len = name.len() + value.len();
    if len == 0 || len > MAX_NAME_VALUE {
        return None;
    }
    Some((name, value))
}

/// The lenient pairs of a header given as bytes.
pub fn lenient_bytes(header: &[u8]) -> Vec<(&str, &str)> {
    header
        .split(|&c| c == b';')
        .filter_map(lenient_piece)
        .filter_map(|(n, v)| Some((std::str::from_utf8(n).ok()?, std::str::from_utf8(v).ok()?)))
        .collect()
}

/// The lenient pairs of a header given as text.
pub fn lenient_str(header: &str) -> Vec<(&str, &str)> {
    header
        .split(';')
        .filter_map(|piece| {
            if piece.bytes().any(forbidden_ctl) {
                return None;
            }
            let (name, value) = match piece.split_once('=') {
                Some((n, v)) => (n.trim_matches([' ', '\t']), v.trim_matches([' ', '\t'])),
                None => ("", piece.trim_matches([' ', '\t'])),
            };
            let len = name.len() + value.len();
            (len != 0 && len <= MAX_NAME_VALUE).then_some((name, value))
        })
        .collect()
}

/// RFC 9110 `tchar`.
pub fn is_tchar(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c)
}

/// RFC 6265 `cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E`.
pub fn is_cookie_octet(c: u8) -> bool {
    matches!(c, 0x21 | 0x23..=0x2b | 0x2d..=0x3a | 0x3c..=0x5b | 0x5d..=0x7e)
}

/// `cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE )`
pub fn is_cookie_value(v: &[u8]) -> bool {
    let inner = match v {
        [b'"', inner @ .., b'"'] => inner,
        _ => v,
    };
    inner.iter().all(|&c| is_cookie_octet(c))
}

/// One piece of `split(';')` checked against
/// `cookie-string = cookie-pair *( ";" SP cookie-pair )`: every piece after the
/// first must start with exactly one SP. `Some((name, value))` when the piece is a
/// valid `cookie-pair` whose name and value fit in 4096 bytes.
pub fn strict_pair(piece: &[u8], first: bool) -> Option<(&str, &str)> {
    let pair = if first {
        piece
    } else {
        piece.strip_prefix(b" ")?
    };
    let eq = pair.iter().position(|&c| c == b'=')?;
    let (name, value) = (&pair[..eq], &pair[eq + 1..]);
    let ok = !name.is_empty()
        && name.iter().all(|&c| is_tchar(c))
        && is_cookie_value(value)
        && name.len() + value.len() <= MAX_NAME_VALUE;
    if !ok {
        return None;
    }
    // Both are ASCII by now.
    Some((
        std::str::from_utf8(name).ok()?,
        std::str::from_utf8(value).ok()?,
    ))
}

/// [`strict_pair`] for every piece of a header, in order (one item per piece, so an
/// empty header yields one `None`).
pub fn strict_bytes(header: &[u8]) -> Vec<Option<(&str, &str)>> {
    header
        .split(|&c| c == b';')
        .enumerate()
        .map(|(i, piece)| strict_pair(piece, i == 0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_examples() {
        let h = "a=1; b = 2;; c=x=y; a=3; bare;\t;x\u{1}y=1; =v; n=";
        let want = [
            ("a", "1"),
            ("b", "2"),
            ("c", "x=y"),
            ("a", "3"),
            ("", "bare"),
            ("", "v"),
            ("n", ""),
        ];
        assert_eq!(lenient_str(h), want);
        assert_eq!(lenient_bytes(h.as_bytes()), want);
    }

    #[test]
    fn lenient_bytes_drops_only_the_bad_pair() {
        assert_eq!(lenient_bytes(b"a=\xff; b=2"), [("b", "2")]);
        assert_eq!(lenient_bytes(b"\xc3\xa9=\xc3\xa9"), [("é", "é")]);
    }

    #[test]
    fn lenient_size_limit_counts_name_and_value() {
        let at = format!("{}={}", "n".repeat(96), "v".repeat(4000));
        let over = format!("{}={}", "n".repeat(97), "v".repeat(4000));
        assert_eq!(lenient_str(&at).len(), 1);
        assert!(lenient_str(&over).is_empty());
    }

    #[test]
    fn strict_examples() {
        assert_eq!(
            strict_bytes(b"a=1; b=\"x\"; c="),
            [Some(("a", "1")), Some(("b", "\"x\"")), Some(("c", ""))]
        );
        assert_eq!(strict_bytes(b""), [None]);
        assert_eq!(strict_bytes(b"a=1;b=2"), [Some(("a", "1")), None]);
        assert_eq!(strict_bytes(b"a=1;  b=2"), [Some(("a", "1")), None]);
        assert_eq!(strict_bytes(b"a=1; "), [Some(("a", "1")), None]);
        assert_eq!(strict_bytes(b"=1"), [None]);
        assert_eq!(strict_bytes(b"a b=1"), [None]);
        assert_eq!(strict_bytes(b"a=x y"), [None]);
        assert_eq!(strict_bytes(b"a=\"x"), [None]);
        assert_eq!(strict_bytes(b"a=\""), [None]);
        assert_eq!(strict_bytes(b"a=\"\""), [Some(("a", "\"\""))]);
        assert_eq!(strict_bytes(b"a=x,y"), [None]);
        assert_eq!(strict_bytes(b"a"), [None]);
    }

    #[test]
    fn octet_classes_match_the_rfc_counts() {
        assert_eq!((0u8..=255).filter(|&c| is_cookie_octet(c)).count(), 90);
        // 94 visible ASCII minus the 17 visible tspecials (SP and HTAB are not visible).
        assert_eq!((0u8..=255).filter(|&c| is_tchar(c)).count(), 77);
    }
}
