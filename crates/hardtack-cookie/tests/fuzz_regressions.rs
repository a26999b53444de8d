//! Inputs found by the fuzz targets in `fuzz/` (see `docs/fuzzing.md`), kept as
//! plain tests so that they run on every `cargo test`.
//!
//! Each test names the target that found it. A test marked `#[ignore = "bug: ..."]`
//! reproduces a bug that is not fixed yet; un-ignore it with the fix.

use hardtack_cookie::{Profile, SetCookie};

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
