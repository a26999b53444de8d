//! `SetCookie::parse` / `parse_bytes` in all three profiles, on arbitrary bytes.
//!
//! Properties, beyond "never panics":
//! * the lenient profile stores exactly what the plain RFC 6265bis §5.6 model
//!   (`hardtack_fuzz::spec_set_cookie`) stores, field by field, and refuses what it
//!   ignores;
//! * text and byte entry points agree on UTF-8 input;
//! * parsing borrows: name and value are slices of the input;
//! * whatever the strict profile accepts, the lenient (browser) profile accepts
//!   with the same name and value;
//! * with no attributes (no `;`), the strict profile accepts exactly the plain
//!   RFC 6265 `cookie-pair` grammar (`hardtack_fuzz::spec_cookie_pair`);
//! * a strictly parsed cookie that passes the serializer's checks writes text that
//!   both main profiles parse back to the same cookie.
#![no_main]

use hardtack_cookie::{Profile, ResponseCookie, SetCookie};
use hardtack_fuzz::spec_cookie_pair;
use hardtack_fuzz::spec_set_cookie::{self, Stored};
use libfuzzer_sys::fuzz_target;

const PROFILES: [Profile; 3] = [Profile::Lenient, Profile::Strict, Profile::Rfc2109];

fn within(part: &str, whole: &[u8]) -> bool {
    let (p, w) = (part.as_ptr() as usize, whole.as_ptr() as usize);
    part.is_empty() || (p >= w && p + part.len() <= w + whole.len())
}

fuzz_target!(|data: &[u8]| {
    let text = std::str::from_utf8(data).ok();
    let parsed = PROFILES.map(|profile| {
        let from_bytes = SetCookie::parse_bytes(data, profile);
        if let Some(s) = text {
            let from_text = SetCookie::parse(s, profile);
            assert_eq!(
                from_text, from_bytes,
                "{profile:?}: parse and parse_bytes disagree"
            );
        }
        if let Ok(c) = &from_bytes {
            assert!(
                within(c.name(), data) && within(c.value(), data),
                "{profile:?}: not borrowed"
            );
            assert_eq!(c.profile(), profile);
            // Every accessor is safe to call on anything that parsed.
            let _ = (
                c.expires(),
                c.expires_raw(),
                c.max_age(),
                c.domain(),
                c.path(),
            );
            let _ = (
                c.same_site(),
                c.priority(),
                c.version(),
                c.comment(),
                c.value_unquoted(),
            );
            let _ = (c.prefix(), c.satisfies_prefix(), c.extensions().count());
            let _ = format!("{c:?}");
        }
        from_bytes
    });
    let [lenient, strict, _] = &parsed;

    if let Some(s) = text {
        let stored = lenient.as_ref().ok().map(|c| Stored {
            name: c.name(),
            value: c.value(),
            expires_raw: c.expires_raw(),
            expires: c.expires().map(|t| t.unix_timestamp()),
            max_age: c.max_age(),
            domain: c.domain(),
            path: c.path(),
            secure: c.secure(),
            http_only: c.http_only(),
            partitioned: c.partitioned(),
            same_site: c.same_site().map(|v| v.as_str()),
            priority: c.priority().map(|v| v.as_str()),
        });
        assert_eq!(
            stored,
            spec_set_cookie::parse(s),
            "lenient differs from the model"
        );
    }

    if !data.contains(&b';') {
        assert_eq!(
            strict.is_ok(),
            spec_cookie_pair::accepts(data),
            "strict differs from the cookie-pair grammar: {strict:?}"
        );
    }

    if let Ok(s) = strict {
        let Ok(l) = lenient else {
            panic!("strict accepted but lenient refused: {lenient:?}");
        };
        assert_eq!(
            (s.name(), s.value()),
            (l.name(), l.value()),
            "strict and lenient disagree"
        );

        if let Ok(rc) = ResponseCookie::try_from(s.clone()) {
            let written = rc.to_string();
            for profile in [Profile::Strict, Profile::Lenient] {
                match SetCookie::parse(&written, profile) {
                    Ok(again) => {
                        assert_eq!(again, *rc, "{profile:?}: {written:?} does not round-trip")
                    }
                    Err(e) => {
                        panic!("{profile:?} refuses what the serializer wrote, {written:?}: {e}")
                    }
                }
            }
        }
    }
    // Errors carry an offset inside the input (or at its end).
    for e in parsed.iter().filter_map(|r| r.as_ref().err()) {
        assert!(
            e.offset() <= data.len(),
            "error offset {} past the input",
            e.offset()
        );
        let _ = e.to_string();
    }
});
