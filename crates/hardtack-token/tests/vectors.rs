//! The crate must reproduce, bit for bit, the tokens computed by the independent Python
//! generator (tests/vectors/gen_token_vectors.py, standard library only), and give the
//! expected verdict on every negative and time-rule vector.

mod common;

use core::time::Duration;

use common::json::hex;
use common::{outcome, ring_from, token_vectors};
use hardtack_token::{KeyRing, MasterKey, VerifyOptions, decode_uid, encode_uid};

#[test]
fn layout_version_is_1() {
    assert_eq!(token_vectors().get("layout_version").as_u64(), 1);
}

#[test]
fn valid_tokens_are_reproduced_and_verify() {
    let doc = token_vectors();
    let valid = doc.get("valid").as_array();
    assert!(valid.len() >= 10);
    let (mut kid0, mut kid_nonzero, mut uid1, mut uid64, mut t0, mut tmax) =
        (false, false, false, false, false, false);
    for v in valid {
        let name = v.get("name").as_str();
        let kid = u8::try_from(v.get("kid").as_u64()).unwrap();
        let uid = v.get("uid").as_str();
        let issued_at = v.get("issued_at").as_u64();
        let master = MasterKey::from_bytes(&hex(v.get("master_hex").as_str())).unwrap();
        let ctx = hex(v.get("context_hex").as_str());
        let ring = KeyRing::builder(&ctx)
            .current(kid, &master)
            .build()
            .unwrap();

        let token = ring.sign(uid, issued_at).unwrap();
        assert_eq!(token.as_str(), v.get("token").as_str(), "{name}");

        let opts = VerifyOptions::new(Duration::ZERO);
        let ok = ring
            .verify(token.as_str(), issued_at, &opts)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (ok.uid, ok.issued_at, ok.kid, ok.stale_key),
            (uid, issued_at, kid, false)
        );
        let ok = ring
            .verify_bytes(token.as_bytes(), issued_at, &opts)
            .unwrap();
        assert_eq!(ok.uid, uid);

        kid0 |= kid == 0;
        kid_nonzero |= kid != 0;
        uid1 |= uid.len() == 1;
        uid64 |= uid.len() == 64;
        t0 |= issued_at == 0;
        tmax |= issued_at == (1 << 48) - 1;
    }
    assert!(
        kid0 && kid_nonzero && uid1 && uid64 && t0 && tmax,
        "coverage of the vector set"
    );
}

#[test]
fn invalid_tokens_get_the_expected_error() {
    let doc = token_vectors();
    let list = doc.get("invalid").as_array();
    assert!(list.len() >= 8);
    for v in list {
        let name = v.get("name").as_str();
        let ring = ring_from(v.get("ring"));
        let opts = VerifyOptions::new(Duration::from_secs(v.get("max_age").as_u64()));
        let r = ring.verify(v.get("token").as_str(), v.get("now").as_u64(), &opts);
        assert_eq!(outcome(&r), v.get("expected").as_str(), "{name}");
        let r = ring.verify_bytes(
            v.get("token").as_str().as_bytes(),
            v.get("now").as_u64(),
            &opts,
        );
        assert_eq!(outcome(&r), v.get("expected").as_str(), "{name} (bytes)");
    }
}

#[test]
fn time_rules_match_the_vectors() {
    let doc = token_vectors();
    for v in doc.get("time_checks").as_array() {
        let name = v.get("name").as_str();
        let ring = ring_from(v.get("ring"));
        let mut opts = VerifyOptions::new(Duration::from_secs(v.get("max_age").as_u64()))
            .with_leeway(Duration::from_secs(v.get("leeway").as_u64()));
        let nb = v.get("not_before");
        if !nb.is_null() {
            opts = opts.with_not_before(nb.as_u64());
        }
        let r = ring.verify(v.get("token").as_str(), v.get("now").as_u64(), &opts);
        assert_eq!(outcome(&r), v.get("expected").as_str(), "{name}");
        let issued = v.get("issued_at").as_u64();
        match r {
            Ok(ok) => assert_eq!(ok.issued_at, issued),
            Err(e) => assert!(e.is_authentic(), "{name}: time errors are authentic"),
        }
    }
}

#[test]
fn encode_uid_matches_the_vectors() {
    let doc = token_vectors();
    for v in doc.get("encode_uid").as_array() {
        let bytes = hex(v.get("bytes_hex").as_str());
        let mut buf = [0u8; 64];
        let uid = encode_uid(&bytes, &mut buf).unwrap();
        assert_eq!(uid, v.get("uid").as_str());
        let mut raw = [0u8; 48];
        assert_eq!(decode_uid(uid, &mut raw).unwrap(), bytes.as_slice());
    }
}

#[test]
fn worked_example_of_the_docs() {
    let doc = token_vectors();
    let w = doc.get("worked_example");
    let master = MasterKey::from_bytes(&hex(w.get("master_hex").as_str())).unwrap();
    let ring = KeyRing::builder(w.get("context").as_str())
        .current(1, &master)
        .build()
        .unwrap();
    let token = ring
        .sign(w.get("uid").as_str(), w.get("issued_at").as_u64())
        .unwrap();
    assert_eq!(token.as_str(), w.get("token").as_str());
    assert_eq!(token.as_str().len() as u64, w.get("token_len").as_u64());

    // The documentation quotes the same token.
    let docs = common::read("../../docs/token-format.md");
    assert!(
        docs.contains(w.get("token").as_str()),
        "docs/token-format.md quotes the worked example"
    );
    assert!(docs.contains(w.get("tag_hex").as_str()));
    assert!(docs.contains(w.get("k_ctx_hex").as_str()));
}

/// The committed JSON is what the committed script writes (skipped if python3 is missing).
#[test]
fn generator_output_is_committed() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let out_path =
        std::env::temp_dir().join(format!("hardtack-token-v1-{}.json", std::process::id()));
    let run = std::process::Command::new("python3")
        .arg(format!("{dir}/tests/vectors/gen_token_vectors.py"))
        .arg(&out_path)
        .output();
    let Ok(out) = run else {
        eprintln!("python3 not available: regeneration check skipped");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fresh = std::fs::read_to_string(&out_path).unwrap();
    let _ = std::fs::remove_file(&out_path);
    assert!(
        fresh == common::read("tests/vectors/token-v1.json"),
        "tests/vectors/token-v1.json differs from the generator's output: rerun the script"
    );
}
