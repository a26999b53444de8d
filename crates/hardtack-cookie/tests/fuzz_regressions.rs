//! Inputs found by the fuzz targets in `fuzz/` (see `docs/fuzzing.md`), kept as
//! plain tests so that they run on every `cargo test`.
//!
//! Each test names the target that found it. A test marked `#[ignore = "bug: ..."]`
//! reproduces a bug that is not fixed yet; un-ignore it with the fix.

use hardtack_cookie::{Profile, ResponseCookie, SetCookie};

/// `set_cookie_roundtrip`: the serializer must write only what both main
/// profiles read back unchanged, or refuse. The lenient (browser) algorithm trims
/// SP and HTAB around attribute values (RFC 6265bis §5.6), so a `Path` ending in
/// whitespace cannot survive the round trip.
#[test]
fn path_with_trailing_whitespace_is_refused_or_round_trips() {
    for path in ["/x ", "/`   ", "/\t", "/a b "] {
        if let Ok(cookie) = SetCookie::build("a", "b").path(path).finish() {
            let text = cookie.to_string();
            for profile in [Profile::Strict, Profile::Lenient] {
                let back =
                    SetCookie::parse(&text, profile).expect("the serializer's output parses");
                assert_eq!(
                    back.path(),
                    Some(path),
                    "{profile:?} reads {text:?} with another path"
                );
            }
        }
    }
}

/// `set_cookie_parse`: a cookie parsed with the strict profile, re-validated with
/// `ResponseCookie::try_from` and written again, must read back as the same
/// cookie. Today `try_from` keeps the parsed attribute text of a strict cookie and
/// the writer appends it after the attributes it writes from the fields, so every
/// attribute comes out twice and the strict profile refuses the result
/// ("Path given more than once").
#[test]
fn strictly_parsed_cookie_rewrites_once() {
    for header in [
        "a=b; Path=/",
        "foo=bar; Secure; Ext",
        "x=y; Max-Age=0; Domain=example.org; Path=/; Secure; HttpOnly; SameSite=Lax; Foo=1",
    ] {
        let parsed = SetCookie::parse(header, Profile::Strict).expect("strictly valid");
        let Ok(cookie) = ResponseCookie::try_from(parsed.clone()) else {
            continue;
        };
        let text = cookie.to_string();
        let back = SetCookie::parse(&text, Profile::Strict);
        assert_eq!(
            back.as_ref(),
            Ok(&parsed),
            "{header:?} was rewritten as {text:?}"
        );
    }
    let once = SetCookie::parse("a=b; Path=/", Profile::Strict).expect("strictly valid");
    let written = ResponseCookie::try_from(once).expect("valid").to_string();
    assert_eq!(written, "a=b; Path=/");
}

/// `rfc2109_cookie_header`: `CookieHeader` reports an item that holds a control
/// character as an error (`a="\<NUL>"` is refused). When a `;` or `,` comes first
/// inside the quoted value, the control-character check compares against that
/// separator instead of the end of the quoted-string, and the escaped NUL is
/// accepted as part of the value.
#[test]
fn rfc2109_cookie_header_never_yields_control_characters() {
    use hardtack_cookie::rfc2109::CookieHeader;
    let forbidden = |s: &str| s.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f);
    for header in [
        "a=\"\\\u{0}\"",
        "a=\";\\\u{0}\"",
        "0=\";\\\u{0}\";'=",
        "a=\",\\\u{1f}\"; b=1",
    ] {
        for c in CookieHeader::new(header).flatten() {
            assert!(
                !forbidden(c.name) && !forbidden(c.value),
                "{header:?} yielded a cookie with a control character"
            );
        }
    }
}
