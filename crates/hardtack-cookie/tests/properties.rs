//! Properties: what the serializer writes parses back identically; the lenient parser
//! never panics; strict acceptance implies lenient acceptance with the same pair.

use hardtack_cookie::{Pairs, Priority, Profile, SameSite, SetCookie, StrictPairs};
use proptest::prelude::*;

fn token() -> impl Strategy<Value = String> {
    "[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}"
}

fn cookie_value() -> impl Strategy<Value = String> {
    let octets = "[!#-+\\--:<-\\[\\]-~]{0,40}";
    prop_oneof![
        octets.prop_map(|s| s),
        octets.prop_map(|s| format!("\"{s}\""))
    ]
}

fn host() -> impl Strategy<Value = String> {
    proptest::collection::vec("[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", 1..4)
        .prop_map(|labels| labels.join("."))
}

fn path() -> impl Strategy<Value = String> {
    "/[ -:<-~]{0,30}".prop_filter("no trailing whitespace", |p| !p.ends_with(' '))
}

prop_compose! {
    fn built()(
        name in token(),
        value in cookie_value(),
        expires in proptest::option::of(-11_644_473_600i64..253_402_300_799),
        max_age in proptest::option::of(0i64..=i64::MAX),
        domain in proptest::option::of(host()),
        path in proptest::option::of(path()),
        secure in any::<bool>(),
        http_only in any::<bool>(),
        same_site in proptest::option::of(prop_oneof![Just(SameSite::Lax), Just(SameSite::Strict), Just(SameSite::None)]),
        partitioned in any::<bool>(),
        priority in proptest::option::of(prop_oneof![Just(Priority::Low), Just(Priority::Medium), Just(Priority::High)]),
        ext in proptest::collection::vec(("[a-z]{1,8}", proptest::option::of("[!-:<-~]([ -:<-~]{0,10}[!-:<-~])?")), 0..3),
    ) -> Option<String> {
        let mut b = SetCookie::build(name, value).secure(secure).http_only(http_only).partitioned(partitioned);
        if let Some(t) = expires { b = b.expires(time::OffsetDateTime::from_unix_timestamp(t).unwrap()); }
        if let Some(s) = max_age { b = b.max_age(s); }
        if let Some(d) = domain { b = b.domain(d); }
        if let Some(p) = path { b = b.path(p); }
        if let Some(s) = same_site { b = b.same_site(s); }
        if let Some(p) = priority { b = b.priority(p); }
        for (n, v) in &ext { b = b.extension(&format!("x{n}"), v.as_deref()); }
        b.finish().ok().map(|c| {
            let text = c.to_string();
            // The property itself: both main profiles read back exactly this cookie.
            for p in [Profile::Strict, Profile::Lenient] {
                let back = SetCookie::parse(&text, p).unwrap_or_else(|e| panic!("{p:?} {text:?}: {e}"));
                assert_eq!(back, *c, "{p:?} {text:?}");
            }
            text
        })
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn serializer_output_parses_back_identically(text in built()) {
        // Most generated cookies are valid; make sure the property was exercised.
        if let Some(text) = text {
            prop_assert!(!text.contains('\r') && !text.contains('\n'));
        }
    }

    #[test]
    fn lenient_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        for p in [Profile::Lenient, Profile::Strict, Profile::Rfc2109] {
            let _ = SetCookie::parse_bytes(&bytes, p);
        }
        let _ = Pairs::from_bytes(&bytes).count();
        let _ = StrictPairs::from_bytes(&bytes).count();
    }

    #[test]
    fn lenient_never_panics_on_cookie_like_text(s in "[a-zA-Z0-9=;,\" \\t\\\\/.:-]{0,200}") {
        let _ = SetCookie::parse(&s, Profile::Lenient).map(|c| c.extensions().count());
        let _ = SetCookie::parse(&s, Profile::Rfc2109);
        let _ = hardtack_cookie::rfc2109::CookieHeader::new(&s).count();
        let _ = hardtack_cookie::rfc2109::split_set_cookie(&s).count();
    }

    #[test]
    fn strict_acceptance_implies_lenient_acceptance(s in "[a-zA-Z0-9=; \"/.,-]{1,120}") {
        if let Ok(strict) = SetCookie::parse(&s, Profile::Strict) {
            let lenient = SetCookie::parse(&s, Profile::Lenient).expect("lenient accepts");
            prop_assert_eq!((strict.name(), strict.value()), (lenient.name(), lenient.value()));
            prop_assert_eq!(strict, lenient);
        }
    }

    #[test]
    fn strict_pairs_imply_lenient_pairs(s in "[a-z0-9=; \"]{0,80}") {
        let strict: Vec<_> = StrictPairs::new(&s).collect();
        if strict.iter().all(Result::is_ok) {
            let strict: Vec<_> = strict.into_iter().map(Result::unwrap).collect();
            let lenient: Vec<_> = Pairs::new(&s).collect();
            prop_assert_eq!(strict, lenient);
        }
    }
}

/// The generator must produce mostly valid cookies, or the round-trip property is vacuous.
#[test]
fn generator_mostly_builds_valid_cookies() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = built();
    let valid = (0..500)
        .filter(|_| strategy.new_tree(&mut runner).unwrap().current().is_some())
        .count();
    assert!(
        valid > 150,
        "only {valid} of 500 generated cookies were valid"
    );
}
