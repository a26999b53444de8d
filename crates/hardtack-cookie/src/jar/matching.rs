//! The matching rules of RFC 6265bis §5.1.3 (domain) and §5.1.4 (path).
//!
//! Stored domains are lower case; hosts from a [`RequestUrl`](super::RequestUrl) keep
//! the case they were written in, so every comparison here lowercases the host side on
//! the fly instead of allocating a canonical copy.

use core::cmp::Ordering;

/// Orders domains by their bytes read from the end, so that a domain and all of its
/// subdomains sit next to each other (`example.com`, `a.example.com`, `b.example.com`).
/// `stored` is lower case; `probe` may be any case.
pub(crate) fn cmp_reversed(stored: &[u8], probe: &[u8]) -> Ordering {
    stored
        .iter()
        .rev()
        .copied()
        .cmp(probe.iter().rev().map(u8::to_ascii_lowercase))
}

/// `stored` (lower case) ends with `probe` compared case-insensitively.
fn ends_with_ci(s: &[u8], suffix: &[u8]) -> bool {
    s.len() >= suffix.len()
        && s.get(s.len() - suffix.len()..)
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix))
}

/// §5.1.3: `host` domain-matches `domain` when they are equal, or when `domain` is a
/// suffix of `host` that starts right after a `.` and `host` is a name, not an IP.
pub(crate) fn domain_match(host: &str, host_is_ip: bool, domain: &str) -> bool {
    let (h, d) = (host.as_bytes(), domain.as_bytes());
    if h.eq_ignore_ascii_case(d) {
        return true;
    }
    !host_is_ip
        && !d.is_empty()
        && h.len() > d.len()
        && ends_with_ci(h, d)
        && h.get(h.len() - d.len() - 1) == Some(&b'.')
}

/// §5.1.4: the default-path of a request path: everything up to, not including, the
/// right-most `/`, or `/` when that would be empty.
pub(crate) fn default_path(uri_path: &str) -> &str {
    if !uri_path.starts_with('/') {
        return "/";
    }
    match uri_path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &uri_path[..i],
    }
}

/// §5.1.4: the request path path-matches the cookie path when they are equal, or the
/// cookie path is a prefix that ends in `/` or is followed by `/` in the request path.
pub(crate) fn path_match(request_path: &str, cookie_path: &str) -> bool {
    let (r, c) = (request_path.as_bytes(), cookie_path.as_bytes());
    if r == c {
        return true;
    }
    r.starts_with(c) && (c.last() == Some(&b'/') || r.get(c.len()) == Some(&b'/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        let cases = [
            ("example.com", false, "example.com", true),
            ("EXAMPLE.com", false, "example.com", true),
            ("www.example.com", false, "example.com", true),
            ("WWW.EXAMPLE.COM", false, "example.com", true),
            ("wwwexample.com", false, "example.com", false),
            ("example.com", false, "www.example.com", false),
            ("example.com", false, "", false),
            ("1.2.3.4", true, "1.2.3.4", true),
            ("1.2.3.4", true, "2.3.4", false),
            ("a.example.com.", false, "example.com", false),
        ];
        for (host, ip, domain, want) in cases {
            assert_eq!(domain_match(host, ip, domain), want, "{host} {domain}");
        }
    }

    #[test]
    fn reversed_order_groups_subdomains() {
        let mut v = [
            "b.example.com",
            "example.org",
            "example.com",
            "a.example.com",
            "xexample.com",
        ];
        v.sort_by(|a, b| cmp_reversed(a.as_bytes(), b.as_bytes()));
        assert_eq!(
            v,
            [
                "example.org",
                "example.com",
                "a.example.com",
                "b.example.com",
                "xexample.com"
            ]
        );
        assert_eq!(
            cmp_reversed(b"example.com", b"EXAMPLE.COM"),
            Ordering::Equal
        );
    }

    #[test]
    fn default_paths() {
        for (path, want) in [
            ("", "/"),
            ("x", "/"),
            ("/", "/"),
            ("/cookie-parser", "/"),
            ("/a/b", "/a"),
            ("/a/b/", "/a/b"),
            ("//", "/"),
            ("/a//b", "/a/"),
        ] {
            assert_eq!(default_path(path), want, "{path}");
        }
    }

    #[test]
    fn paths() {
        for (req, cookie, want) in [
            ("/", "/", true),
            ("/a", "/", true),
            ("/a/b", "/a", true),
            ("/a/b", "/a/", true),
            ("/a", "/a/", false),
            ("/ab", "/a", false),
            ("/A", "/a", false),
            ("/a", "/a/b", false),
            ("/a%2Fb", "/a", false),
        ] {
            assert_eq!(path_match(req, cookie), want, "{req} {cookie}");
        }
    }
}
