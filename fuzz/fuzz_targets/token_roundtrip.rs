//! Sign → verify → equal, then change one byte → refused, on arbitrary uids,
//! times and keys. Signing must accept exactly the uids and times the format
//! allows (1 to 64 base64url characters, time below 2^48), and `encode_uid` /
//! `decode_uid` must round-trip every id of 1 to 48 bytes.
#![no_main]

use core::time::Duration;
use std::sync::LazyLock;

use hardtack_fuzz::structured::{B64URL, TokenCase};
use hardtack_token::{
    KeyRing, MAX_TIME, MasterKey, SignError, VerifyError, VerifyOptions, decode_uid, encode_uid,
};
use libfuzzer_sys::fuzz_target;

const KIDS: [u8; 3] = [0, 9, 15];
const MAX_AGE: u64 = 1 << 32;

/// `signers[i]` signs with `KIDS[i]`; `verifier` holds all three, `KIDS[0]` current.
struct Rings {
    signers: Vec<KeyRing>,
    verifier: KeyRing,
}

fn master(kid: u8) -> MasterKey {
    let bytes: Vec<u8> = (0..40u8).map(|i| i.wrapping_mul(31) ^ kid).collect();
    MasterKey::from_bytes(&bytes).expect("40 bytes")
}

static RINGS: LazyLock<Rings> = LazyLock::new(|| {
    let ring = |current: usize| {
        let mut b =
            KeyRing::builder("fuzz/roundtrip").current(KIDS[current], &master(KIDS[current]));
        for (i, &kid) in KIDS.iter().enumerate() {
            if i != current {
                b = b.previous(kid, &master(kid));
            }
        }
        b.build().expect("a valid ring")
    };
    Rings {
        signers: (0..KIDS.len()).map(ring).collect(),
        verifier: ring(0),
    }
});

fuzz_target!(|case: TokenCase| {
    let rings = &*RINGS;
    let i = usize::from(case.signer) % KIDS.len();
    let kid = KIDS[i];
    let uid_ok =
        (1..=64).contains(&case.uid.len()) && case.uid.bytes().all(|c| B64URL.contains(&c));

    let token = match rings.signers[i].sign(&case.uid, case.issued_at) {
        Ok(t) => {
            assert!(
                uid_ok && case.issued_at <= MAX_TIME,
                "signed what the format cannot carry"
            );
            t
        }
        Err(SignError::InvalidUid) => return assert!(!uid_ok, "refused a valid uid"),
        Err(SignError::TimeOutOfRange) => return assert!(uid_ok && case.issued_at > MAX_TIME),
        Err(e) => panic!("unexpected {e:?}"),
    };
    let bytes = token.as_bytes();
    assert_eq!(bytes.len(), case.uid.len() + 54);
    assert!(bytes.starts_with(case.uid.as_bytes()));

    let opts = VerifyOptions::new(Duration::from_secs(MAX_AGE)).with_leeway(Duration::ZERO);
    let now = case.issued_at + u64::from(case.age);
    let v = rings
        .verifier
        .verify(token.as_str(), now, &opts)
        .expect("our own token verifies");
    assert_eq!(
        (v.uid, v.issued_at, v.kid, v.stale_key),
        (case.uid.as_str(), case.issued_at, kid, i != 0)
    );

    // The time rules, at their edges.
    let early = rings
        .verifier
        .verify(token.as_str(), case.issued_at.wrapping_sub(1), &opts);
    if case.issued_at > 0 {
        assert_eq!(
            early,
            Err(VerifyError::NotYetValid {
                issued_at: case.issued_at
            })
        );
    }
    let late = case.issued_at + MAX_AGE + 1;
    assert_eq!(
        rings.verifier.verify(token.as_str(), late, &opts),
        Err(VerifyError::Expired {
            issued_at: case.issued_at
        })
    );

    // One changed byte: never accepted, never even authentic.
    let mut bad = bytes.to_vec();
    let at = case.flip_at % bad.len();
    bad[at] ^= case.flip_xor;
    let r = rings.verifier.verify_bytes(&bad, now, &opts);
    assert!(
        r.is_err() && !r.as_ref().is_err_and(VerifyError::is_authentic),
        "a mutated token passed: {r:?}"
    );

    // Arbitrary ids survive the uid encoding.
    let mut buf = [0u8; 64];
    match encode_uid(&case.raw_uid, &mut buf) {
        Ok(uid) => {
            assert!((1..=48).contains(&case.raw_uid.len()));
            let mut raw = [0u8; 48];
            assert_eq!(
                decode_uid(uid, &mut raw).expect("decodes"),
                &case.raw_uid[..]
            );
            assert!(
                rings
                    .verifier
                    .sign(uid, case.issued_at.min(MAX_TIME))
                    .is_ok(),
                "encoded uid not signable"
            );
        }
        Err(_) => assert!(case.raw_uid.is_empty() || case.raw_uid.len() > 48),
    }
});
