//! Properties of the lint engine on generated input: it never panics, every offset
//! points into the value, and every suggested fix is itself free of errors.

use hardtack_cli::checks::{Severity, lint};
use hardtack_cli::input::{HeaderKind, HeaderLine};
use proptest::prelude::*;

const NOW: i64 = 1_700_000_000;

fn line(kind: HeaderKind, value: &str) -> HeaderLine {
    HeaderLine {
        kind,
        value: value.to_owned(),
    }
}

/// Set-Cookie-like text: names, values with awkward bytes, real and broken attributes.
fn set_cookie_like() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        Just("id".to_owned()),
        Just("session".to_owned()),
        Just("__Host-sid".to_owned()),
        Just("__Secure-x".to_owned()),
        "[a-zA-Z0-9_@/ -]{0,8}",
    ];
    let value = "[a-zA-Z0-9 \"=/,@:\\\\é-]{0,24}";
    let attr = prop_oneof![
        Just("Path=/".to_owned()),
        Just("Path=rel".to_owned()),
        Just("Domain=example.com".to_owned()),
        Just("Domain=.Example.COM".to_owned()),
        Just("Secure".to_owned()),
        Just("HttpOnly".to_owned()),
        Just("SameSite=None".to_owned()),
        Just("SameSite=Lax".to_owned()),
        Just("SameSite=maybe".to_owned()),
        Just("Partitioned".to_owned()),
        Just("Max-Age=3600".to_owned()),
        Just("Max-Age=-1".to_owned()),
        Just("Max-Age=99999999999".to_owned()),
        Just("Expires=Wed, 21 Oct 2015 07:28:00 GMT".to_owned()),
        Just("Expires=Wed, 21-Oct-2015 07:28:00 GMT".to_owned()),
        Just("Expires=soon".to_owned()),
        Just("Priority=High".to_owned()),
        "[a-zA-Z=;, -]{0,12}",
    ];
    (name, value, proptest::collection::vec(attr, 0..5)).prop_map(|(n, v, attrs)| {
        let mut s = format!("{n}={v}");
        for a in attrs {
            s.push_str("; ");
            s.push_str(&a);
        }
        s
    })
}

proptest! {
    #[test]
    fn offsets_point_into_the_value(v in set_cookie_like()) {
        for kind in [HeaderKind::SetCookie, HeaderKind::Cookie] {
            let r = lint(&line(kind, &v), NOW);
            for f in &r.findings {
                prop_assert!(f.offset <= v.len(), "{} at {} in {v:?}", f.code, f.offset);
            }
        }
    }

    #[test]
    fn suggested_fixes_have_no_errors(v in set_cookie_like()) {
        let r = lint(&line(HeaderKind::SetCookie, &v), NOW);
        if let Some(s) = &r.suggestion {
            let again = lint(&line(HeaderKind::SetCookie, s), NOW);
            prop_assert!(
                again.worst() != Some(Severity::Error),
                "{v:?} -> {s:?}: {:?}",
                again.findings
            );
        }
    }

    #[test]
    fn any_bytes_as_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let v = String::from_utf8_lossy(&bytes);
        let _ = lint(&line(HeaderKind::SetCookie, &v), NOW);
        let _ = lint(&line(HeaderKind::Cookie, &v), NOW);
    }
}
