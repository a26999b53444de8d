//! The RFC 2109 side: `rfc2109::CookieHeader`, `rfc2109::split_set_cookie` and
//! `rfc2109::unquote`, on arbitrary text.
//!
//! * every iterator ends, and every string it yields borrows from the input;
//! * cookie names are RFC 2068 tokens that do not start with `$`, and no value
//!   holds a control character (an item with one is an error);
//! * writing the accepted cookies back as `name=value; $Path=..; $Domain=..`,
//!   separated by `, `, reads back as the same cookies;
//! * without a comma, `split_set_cookie` yields what `SetCookie::parse` with the
//!   RFC 2109 profile reads from the whole text.
#![no_main]

use hardtack_cookie::rfc2109::{CookieHeader, is_token, split_set_cookie, unquote};
use libfuzzer_sys::fuzz_target;

fn within(part: &str, whole: &str) -> bool {
    let (p, w) = (part.as_ptr() as usize, whole.as_ptr() as usize);
    part.is_empty() || (p >= w && p + part.len() <= w + whole.len())
}

fuzz_target!(|text: &str| {
    // An iterator that resumes after errors must still end: bound it by the input.
    let items: Vec<_> = CookieHeader::new(text).take(text.len() + 2).collect();
    assert!(items.len() <= text.len() + 1, "CookieHeader does not end");
    let cookies: Vec<_> = items
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .copied()
        .collect();
    for c in &cookies {
        assert!(
            is_token(c.name) && !c.name.starts_with('$'),
            "bad cookie name {:?}",
            c.name
        );
        for part in [Some(c.name), Some(c.value), c.path, c.domain]
            .into_iter()
            .flatten()
        {
            assert!(within(part, text), "not borrowed from the input");
        }
        let forbidden = |s: &str| s.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f);
        assert!(
            !forbidden(c.value),
            "cookie value with a control character: {:?}",
            c.value
        );
        let _ = unquote(c.value);
    }
    for e in items.iter().filter_map(|r| r.as_ref().err()) {
        assert!(e.offset() <= text.len());
    }

    if !cookies.is_empty() {
        let mut written = String::new();
        for (i, c) in cookies.iter().enumerate() {
            if i > 0 {
                written.push_str(", ");
            }
            written.push_str(c.name);
            written.push('=');
            written.push_str(c.value);
            if let Some(p) = c.path {
                written.push_str("; $Path=");
                written.push_str(p);
            }
            if let Some(d) = c.domain {
                written.push_str("; $Domain=");
                written.push_str(d);
            }
        }
        let again: Vec<_> = CookieHeader::new(&written).collect();
        let again: Vec<_> = again
            .into_iter()
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| {
                panic!("{written:?} (rewritten from {text:?}) does not parse: {e}")
            });
        assert_eq!(again, cookies, "{written:?} reads back differently");
    }

    let pieces: Vec<_> = split_set_cookie(text).take(text.len() + 2).collect();
    assert!(
        pieces.len() <= text.len() + 1,
        "split_set_cookie does not end"
    );
    for c in pieces.iter().flatten() {
        assert!(within(c.name(), text) && within(c.value(), text));
    }
    if let ([Ok(only)], false) = (pieces.as_slice(), text.contains(',')) {
        let whole = hardtack_cookie::SetCookie::parse(text, hardtack_cookie::Profile::Rfc2109);
        assert_eq!(
            whole.as_ref(),
            Ok(only),
            "one piece, but the whole text parses differently"
        );
    }
});
