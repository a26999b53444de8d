//! The browser's `Set-Cookie` algorithm (RFC 6265bis §5.6) written plainly: refuse
//! control characters, split on `;`, split each piece on its first `=`, trim SP and
//! HTAB, compare attribute names ignoring ASCII case, last one wins. What hardtack's
//! lenient profile must store, field by field.

use crate::spec_cookie_date;

/// What a browser stores from one `Set-Cookie` value.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stored<'a> {
    /// The cookie's name (empty for a nameless cookie).
    pub name: &'a str,
    /// The cookie's value.
    pub value: &'a str,
    /// The last `Expires` attribute's value, as written.
    pub expires_raw: Option<&'a str>,
    /// The last `Expires` that parsed as a cookie date, as a Unix time.
    pub expires: Option<i64>,
    /// The last `Max-Age` that was an optional `-` and digits (saturating).
    pub max_age: Option<i64>,
    /// The last `Domain`, one leading dot removed.
    pub domain: Option<&'a str>,
    /// The last `Path`, if it started with `/` (otherwise the default path: `None`).
    pub path: Option<&'a str>,
    /// `Secure` seen.
    pub secure: bool,
    /// `HttpOnly` seen.
    pub http_only: bool,
    /// `Partitioned` seen.
    pub partitioned: bool,
    /// The last `SameSite`, canonical spelling, `None` when unrecognised.
    pub same_site: Option<&'static str>,
    /// The last `Priority`, canonical spelling, `None` when unrecognised.
    pub priority: Option<&'static str>,
}

fn trim(s: &str) -> &str {
    s.trim_matches([' ', '\t'])
}

fn split_eq(piece: &str) -> (&str, Option<&str>) {
    match piece.find('=') {
        Some(i) => (&piece[..i], Some(&piece[i + 1..])),
        None => (piece, None),
    }
}

fn one_of(value: &str, words: &[&'static str]) -> Option<&'static str> {
    words
        .iter()
        .copied()
        .find(|w| value.eq_ignore_ascii_case(w))
}

fn max_age(v: &str) -> Option<i64> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // Out of range saturates: a huge Max-Age is "forever", a huge negative "expired".
    Some(v.parse::<i64>().unwrap_or(if v.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    }))
}

/// The stored cookie, or `None` when a browser ignores the whole header value.
pub fn parse(s: &str) -> Option<Stored<'_>> {
    if s.bytes().any(|c| (c < 0x20 && c != b'\t') || c == 0x7f) {
        return None;
    }
    let mut pieces = s.split(';');
    let pair = pieces.next().unwrap_or("");
    let (name, value) = match split_eq(pair) {
        (n, Some(v)) => (trim(n), trim(v)),
        (n, None) => ("", trim(n)),
    };
    if name.is_empty() && value.is_empty() {
        return None;
    }
    if name.len() + value.len() > 4096 {
        return None;
    }
    let mut c = Stored {
        name,
        value,
        ..Stored::default()
    };
    for piece in pieces {
        let (n, v) = split_eq(piece);
        let (n, v) = (trim(n), trim(v.unwrap_or("")));
        if v.len() > 1024 {
            continue;
        }
        match n.to_ascii_lowercase().as_str() {
            "expires" => {
                c.expires_raw = Some(v);
                if let Some(t) = spec_cookie_date::parse(v.as_bytes()) {
                    c.expires = Some(t);
                }
            }
            "max-age" => {
                if let Some(secs) = max_age(v) {
                    c.max_age = Some(secs);
                }
            }
            "domain" => c.domain = Some(v.strip_prefix('.').unwrap_or(v)),
            "path" => c.path = v.starts_with('/').then_some(v),
            "secure" => c.secure = true,
            "httponly" => c.http_only = true,
            "partitioned" => c.partitioned = true,
            "samesite" => c.same_site = one_of(v, &["Strict", "Lax", "None"]),
            "priority" => c.priority = one_of(v, &["Low", "Medium", "High"]),
            _ => {}
        }
    }
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked_examples() {
        let c = parse(" a = b ; Path=/x; secure;HTTPONLY ; Domain=.ex.com; SameSite=lax").unwrap();
        assert_eq!((c.name, c.value), ("a", "b"));
        assert_eq!(c.path, Some("/x"));
        assert!(c.secure && c.http_only && !c.partitioned);
        assert_eq!(c.domain, Some("ex.com"));
        assert_eq!(c.same_site, Some("Lax"));

        let c = parse("foo; Path=x; Max-Age=-5; Priority=urgent").unwrap();
        assert_eq!((c.name, c.value), ("", "foo"));
        assert_eq!((c.path, c.max_age, c.priority), (None, Some(-5), None));

        let c = parse("a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=99999999999999999999")
            .unwrap();
        assert_eq!(c.expires, Some(1_445_412_480));
        assert_eq!(c.max_age, Some(i64::MAX));

        assert_eq!(parse("a=b\x01"), None);
        assert_eq!(parse(" \t "), None);
        assert_eq!(parse("="), None);
        assert!(parse("a=b\t; Secure").is_some());
    }
}
