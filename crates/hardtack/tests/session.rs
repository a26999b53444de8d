//! Signed session cookies through the facade: forged, expired, wrong-context and
//! garbage values are all refused before anyone would look the id up.
#![cfg(all(feature = "token", feature = "sid"))]

use std::time::Duration;

use hardtack::session::{CONTEXT, SessionError, SignedSessions};
use hardtack::sid::SessionId;
use hardtack::token::{KeyRing, MasterKey, VerifyError};

const NOW: u64 = 1_700_000_000;

fn key(byte: u8) -> MasterKey {
    MasterKey::from_bytes(&[byte; 32]).expect("32-byte key")
}

fn sessions() -> SignedSessions {
    SignedSessions::new(&key(1), Duration::from_secs(3600)).expect("key ring")
}

#[test]
fn a_fresh_cookie_opens_to_its_id() {
    let s = sessions();
    let id = SessionId::generate().expect("os rng");
    let token = s.issue(&id, NOW).expect("sign");
    let opened = s.open(token.as_str(), NOW + 5).expect("open");
    assert_eq!(opened.id(), &id);
    assert_eq!(opened.issued_at(), NOW);
    assert!(!opened.stale_key());
}

#[test]
fn a_cookie_signed_with_another_key_is_forged() {
    let other = SignedSessions::new(&key(2), Duration::from_secs(3600)).expect("key ring");
    let token = other
        .issue(&SessionId::generate().expect("os rng"), NOW)
        .expect("sign");
    assert_eq!(
        sessions().open(token.as_str(), NOW),
        Err(SessionError::Token(VerifyError::BadSignature))
    );
}

#[test]
fn swapping_the_id_breaks_the_signature() {
    let s = sessions();
    let token = s
        .issue(&SessionId::generate().expect("os rng"), NOW)
        .expect("sign");
    let other = SessionId::generate().expect("os rng");
    let (_, rest) = token.as_str().split_at(32);
    let swapped = format!("{}{rest}", other.expose());
    assert_eq!(
        s.open(&swapped, NOW),
        Err(SessionError::Token(VerifyError::BadSignature))
    );
}

#[test]
fn a_bare_session_id_is_not_a_signed_session() {
    let id = SessionId::generate().expect("os rng");
    assert_eq!(
        sessions().open(id.expose(), NOW),
        Err(SessionError::Token(VerifyError::Malformed))
    );
}

#[test]
fn the_absolute_timeout_comes_from_the_issue_time() {
    let s = sessions();
    let token = s
        .issue(&SessionId::generate().expect("os rng"), NOW)
        .expect("sign");
    assert!(s.open(token.as_str(), NOW + 3600).is_ok());
    let err = s.open(token.as_str(), NOW + 3601).unwrap_err();
    assert_eq!(
        err,
        SessionError::Token(VerifyError::Expired { issued_at: NOW })
    );
    assert!(err.is_authentic());
}

#[test]
fn a_cookie_from_the_future_is_refused() {
    let s = sessions();
    let token = s
        .issue(&SessionId::generate().expect("os rng"), NOW + 3600)
        .expect("sign");
    assert_eq!(
        s.open(token.as_str(), NOW),
        Err(SessionError::Token(VerifyError::NotYetValid {
            issued_at: NOW + 3600
        }))
    );
}

#[test]
fn tokens_of_other_contexts_do_not_open_and_vice_versa() {
    let id = SessionId::generate().expect("os rng");
    let reset = KeyRing::single("password-reset", &key(1)).expect("ring");
    let reset_token = reset.sign(id.expose(), NOW).expect("sign");
    assert_eq!(
        sessions().open(reset_token.as_str(), NOW),
        Err(SessionError::Token(VerifyError::BadSignature))
    );

    let session_token = sessions().issue(&id, NOW).expect("sign");
    let opts = hardtack::token::VerifyOptions::new(Duration::from_secs(60));
    assert_eq!(
        reset
            .verify(session_token.as_str(), NOW, &opts)
            .map(|v| v.uid),
        Err(VerifyError::BadSignature)
    );
    // The same key under the session context does verify: the context is the only difference.
    let same = KeyRing::single(CONTEXT, &key(1)).expect("ring");
    assert!(same.verify(session_token.as_str(), NOW, &opts).is_ok());
}

#[test]
fn garbage_never_panics_and_is_malformed() {
    let s = sessions();
    let long = "A".repeat(1 << 16);
    let accents = "é".repeat(50);
    let inputs: [&[u8]; 8] = [
        b"",
        b".",
        b"..",
        b"\xff\xfe",
        b"a.b.c",
        long.as_bytes(),
        accents.as_bytes(),
        b"q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf.AAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ];
    for input in inputs {
        let err = s.open_bytes(input, NOW).unwrap_err();
        assert!(!err.is_authentic(), "{input:?}");
    }
}

#[test]
fn rotation_accepts_old_cookies_and_flags_them() {
    let old = sessions();
    let id = SessionId::generate().expect("os rng");
    let cookie = old.issue(&id, NOW).expect("sign");

    let rotated = SignedSessions::builder(Duration::from_secs(3600))
        .current(1, &key(9))
        .previous(0, &key(1))
        .build()
        .expect("ring");
    let opened = rotated.open(cookie.as_str(), NOW + 1).expect("still valid");
    assert!(opened.stale_key());

    let retired = SignedSessions::builder(Duration::from_secs(3600))
        .current(1, &key(9))
        .build()
        .expect("ring");
    assert_eq!(
        retired.open(cookie.as_str(), NOW + 1),
        Err(SessionError::Token(VerifyError::UnknownKey))
    );
}

#[test]
fn find_prefers_a_valid_cookie_over_a_planted_one() {
    let s = sessions();
    let token = s
        .issue(&SessionId::generate().expect("os rng"), NOW)
        .expect("sign");
    let header = format!("sid=planted; sid={token}");
    let pairs = hardtack::cookie::Pairs::new(&header);
    assert!(s.find(pairs, "sid", NOW).is_ok());
    let only_planted = hardtack::cookie::Pairs::new("sid=planted; other=1");
    assert_eq!(
        s.find(only_planted, "sid", NOW),
        Err(SessionError::Token(VerifyError::Malformed))
    );
    // A planted cookie in front of an expired real one: report the expiry.
    let late = NOW + 3601;
    assert_eq!(
        s.find(hardtack::cookie::Pairs::new(&header), "sid", late),
        Err(SessionError::Token(VerifyError::Expired { issued_at: NOW }))
    );
}

#[test]
fn debug_output_carries_no_secret() {
    let s = sessions();
    let id = SessionId::generate().expect("os rng");
    let token = s.issue(&id, NOW).expect("sign");
    let opened = s.open(token.as_str(), NOW).expect("open");
    for debug in [
        format!("{s:?}"),
        format!("{opened:?}"),
        format!("{token:?}"),
    ] {
        assert!(!debug.contains(id.expose()), "{debug}");
        assert!(!debug.contains(&token.as_str()[40..]), "{debug}");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_bytes_never_open(bytes in proptest::collection::vec(any::<u8>(), 0..160)) {
            let err = sessions().open_bytes(&bytes, NOW).unwrap_err();
            prop_assert!(!err.is_authentic());
        }

        #[test]
        fn token_shaped_text_never_opens(
            uid in "[A-Za-z0-9_-]{32}",
            time in "[A-Za-z0-9_-]{8}",
            sign in "[A-Za-z0-9_-]{44}",
        ) {
            let forged = format!("{uid}.{time}.{sign}");
            prop_assert!(sessions().open(&forged, NOW).is_err());
        }
    }
}
