//! `KeyRing::verify_bytes` on arbitrary bytes.
//!
//! The oracle for "never accepts a forgery": the wire format is canonical, so a
//! token the ring accepts (or finds authentic but expired) must be byte for byte
//! the token that signing its uid and time with that key produces. A ring for
//! another context never finds anything authentic.
#![no_main]

use core::time::Duration;
use std::sync::LazyLock;

use hardtack_token::{KeyRing, MasterKey, VerifyError, VerifyOptions};
use libfuzzer_sys::fuzz_target;

/// Key ids of the two keys; the seed script signs its tokens with the same keys.
const KIDS: [u8; 2] = [3, 7];
const CONTEXT: &str = "fuzz/token";
/// The fixed "now" of the target, 2027-01-15; seed tokens are issued around it.
const NOW: u64 = 1_800_000_000;

struct Rings {
    /// Current key 3, previous key 7: what verifies.
    verify: KeyRing,
    /// One ring per key id with that key current: what re-signs.
    signers: [KeyRing; 2],
    /// Same keys, another context.
    other_context: KeyRing,
}

fn master(kid: u8) -> MasterKey {
    MasterKey::from_bytes(&[kid.wrapping_mul(17).wrapping_add(1); 32]).expect("32 bytes")
}

static RINGS: LazyLock<Rings> = LazyLock::new(|| {
    let ring = |ctx: &str, current: usize| {
        KeyRing::builder(ctx)
            .current(KIDS[current], &master(KIDS[current]))
            .previous(KIDS[1 - current], &master(KIDS[1 - current]))
            .build()
            .expect("a valid ring")
    };
    Rings {
        verify: ring(CONTEXT, 0),
        signers: [ring(CONTEXT, 0), ring(CONTEXT, 1)],
        other_context: ring("fuzz/other", 0),
    }
});

/// The token bytes that the ring would issue for this uid, time and key, if any.
fn resign(uid: &str, issued_at: u64, kid: u8) -> Option<Vec<u8>> {
    let i = KIDS.iter().position(|&k| k == kid)?;
    Some(
        RINGS.signers[i]
            .sign(uid, issued_at)
            .ok()?
            .as_bytes()
            .to_vec(),
    )
}

fn issued_at(e: &VerifyError) -> Option<u64> {
    match *e {
        VerifyError::Expired { issued_at }
        | VerifyError::NotYetValid { issued_at }
        | VerifyError::Revoked { issued_at } => Some(issued_at),
        _ => None,
    }
}

fuzz_target!(|data: &[u8]| {
    let rings = &*RINGS;
    // A year of validity and a revocation cutoff 115 days before NOW, so that the seeds
    // reach every time rule: valid, Expired, NotYetValid and Revoked.
    let opts = VerifyOptions::new(Duration::from_secs(86_400 * 365)).with_not_before(1_790_000_000);
    let got = rings.verify.verify_bytes(data, NOW, &opts);

    if let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(
            rings.verify.verify(text, NOW, &opts),
            got,
            "verify and verify_bytes disagree"
        );
    }
    match &got {
        Ok(v) => {
            assert_eq!(
                resign(v.uid, v.issued_at, v.kid).as_deref(),
                Some(data),
                "accepted a token we never signed"
            );
            assert_eq!(v.stale_key, v.kid != rings.verify.current_kid());
        }
        Err(e) if e.is_authentic() => {
            // The MAC was valid, so one of our keys signed exactly these bytes.
            let t = issued_at(e).expect("authentic errors carry the time");
            let uid =
                std::str::from_utf8(&data[..data.len() - 54]).expect("authentic uid is ASCII");
            assert!(
                KIDS.iter()
                    .any(|&kid| resign(uid, t, kid).as_deref() == Some(data)),
                "{e:?} for a token we never signed"
            );
        }
        Err(_) => {}
    }
    let elsewhere = rings.other_context.verify_bytes(data, NOW, &opts);
    assert!(
        !matches!(&elsewhere, Ok(_)) && !elsewhere.as_ref().is_err_and(VerifyError::is_authentic),
        "a token from another context verified: {elsewhere:?}"
    );
});
