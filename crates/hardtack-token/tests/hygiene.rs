//! Key-holding types print no key bytes; errors print no input bytes.

mod common;

use common::json::hex;
use hardtack_token::{KeyRing, MasterKey};

/// Every way key bytes could show up in a formatted string: raw text, hex (both cases) and
/// the decimal / hex list that a derived `Debug` of a byte array prints.
fn assert_no_bytes(out: &str, secret: &[u8], what: &str) {
    for w in secret.windows(4) {
        let lower: String = w.iter().map(|b| format!("{b:02x}")).collect();
        assert!(
            !out.to_lowercase().contains(&lower),
            "{what}: hex of key bytes in {out:?}"
        );
        let dec = format!("{}, {}, {}, {}", w[0], w[1], w[2], w[3]);
        assert!(!out.contains(&dec), "{what}: decimal key bytes in {out:?}");
        let hexlist = format!("{:#x}, {:#x}", w[0], w[1]);
        assert!(!out.contains(&hexlist), "{what}: hex list in {out:?}");
        if let Ok(s) = core::str::from_utf8(w) {
            assert!(
                !out.contains(s) || s.chars().all(|c| !c.is_alphanumeric()),
                "{what}: key text"
            );
        }
    }
}

#[test]
fn debug_of_every_key_holding_type_has_no_key_bytes() {
    let doc = common::token_vectors();
    let w = doc.get("worked_example");
    let master_bytes = hex(w.get("master_hex").as_str());
    let k_ctx = hex(w.get("k_ctx_hex").as_str());
    let text_key = b"QWERTYUIOPASDFGHJKLZXCVBNMqwertyuiop".to_vec();

    let master = MasterKey::from_bytes(&master_bytes).unwrap();
    let text_master = MasterKey::from_bytes(&text_key).unwrap();
    let builder = KeyRing::builder(w.get("context").as_str()).current(1, &master);
    let ring = KeyRing::builder(w.get("context").as_str())
        .current(1, &master)
        .previous(2, &text_master)
        .build()
        .unwrap();

    let outputs = [
        ("MasterKey", format!("{master:?}"), format!("{master:#?}")),
        (
            "MasterKey(text)",
            format!("{text_master:?}"),
            format!("{text_master:#?}"),
        ),
        (
            "KeyRingBuilder",
            format!("{builder:?}"),
            format!("{builder:#?}"),
        ),
        ("KeyRing", format!("{ring:?}"), format!("{ring:#?}")),
    ];
    for (what, flat, pretty) in &outputs {
        for out in [flat, pretty] {
            assert!(out.contains("redacted"), "{what}: {out}");
            for secret in [&master_bytes, &k_ctx, &text_key] {
                assert_no_bytes(out, secret, what);
            }
        }
    }
    assert_eq!(outputs[0].1, "MasterKey(<redacted>)");
    assert_eq!(
        outputs[3].1,
        "KeyRing { current: 1, kids: [1, 2], keys: <redacted> }"
    );

    // The token is a bearer credential: Debug redacts it; Display (asked for) prints it.
    let token = ring.sign("user-12345", 1_795_414_360).unwrap();
    assert_eq!(token.as_str(), w.get("token").as_str());
    let dbg = format!("{token:?} {token:#?}");
    assert!(!dbg.contains("user-12345") && !dbg.contains(&token.as_str()[20..40]));
    assert_eq!(token.to_string(), token.as_str());
}

#[test]
fn errors_print_no_input() {
    use core::time::Duration;
    use hardtack_token::VerifyOptions;
    let ring = common::ring("ctx", 1);
    let opts = VerifyOptions::new(Duration::from_secs(10));
    let tok = ring.sign("secret-user-name", 1_000).unwrap();
    let probes = [
        "secret-user-name".to_string(),
        tok.as_str().to_string(),
        tok.as_str().replace('.', ""),
        format!("{}x", &tok.as_str()[..tok.as_str().len() - 1]),
    ];
    for (now, t) in [
        (1_000, &probes[0]),
        (5_000, &probes[1]),
        (1_000, &probes[2]),
        (1_000, &probes[3]),
    ] {
        let e = ring.verify(t, now, &opts).unwrap_err();
        for out in [e.to_string(), format!("{e:?}")] {
            assert!(
                !out.contains("secret") && !out.contains(&tok.as_str()[17..30]),
                "{out}"
            );
        }
    }
}
