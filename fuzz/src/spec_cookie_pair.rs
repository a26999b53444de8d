//! The server grammar's `cookie-pair` (RFC 6265 §4.1.1) written plainly, for a
//! `Set-Cookie` value with no attributes: what hardtack's strict profile must accept
//! exactly.
//!
//! ```text
//! cookie-pair  = cookie-name "=" cookie-value
//! cookie-name  = token
//! cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE )
//! cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
//! ```
//!
//! plus the one limit hardtack adds: name and value (quotes included) at most 4096
//! bytes together, as browsers keep them.

/// RFC 9110 `tchar`.
fn tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// RFC 6265 `cookie-octet`.
fn cookie_octet(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x2B | 0x2D..=0x3A | 0x3C..=0x5B | 0x5D..=0x7E)
}

/// Whether `s` is exactly one `cookie-pair` within the size limit.
pub fn accepts(s: &[u8]) -> bool {
    let Some(eq) = s.iter().position(|&b| b == b'=') else {
        return false;
    };
    let (name, value) = (&s[..eq], &s[eq + 1..]);
    let inner = match value {
        [b'"', inner @ .., b'"'] => inner,
        _ => value,
    };
    !name.is_empty()
        && name.iter().all(|&b| tchar(b))
        && inner.iter().all(|&b| cookie_octet(b))
        && name.len() + value.len() <= 4096
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked_examples() {
        for ok in [&b"a=b"[..], b"a=", b"a=\"\"", b"a=\"x!#\"", b"__Host-x=1%2F"] {
            assert!(accepts(ok), "{ok:?}");
        }
        for bad in [
            &b""[..],
            b"=b",
            b"a",
            b"a b=c",
            b"a=b c",
            b"a=\"b",
            b"a=b\"",
            b"a=\"b\"c",
            b"a=b,c",
            b"a=b\\c",
            b"a=\"\"\"",
            b"a=\"",
            b"a=b;",
            b"a=\x7f",
        ] {
            assert!(!accepts(bad), "{bad:?}");
        }
        let mut long = b"n=".to_vec();
        long.extend(std::iter::repeat_n(b'v', 4095));
        assert!(accepts(&long));
        long.push(b'v');
        assert!(!accepts(&long));
    }
}
