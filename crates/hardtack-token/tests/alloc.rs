//! `sign` and `verify` never touch the heap, counted by the workspace's counting
//! global allocator (`alloc-count`, this thread only).

use std::time::Duration;

use alloc_count::count as allocations;
use hardtack_token::{KeyRing, MasterKey, VerifyOptions, decode_uid, encode_uid};

#[test]
fn sign_and_verify_do_not_allocate() {
    let key = MasterKey::from_bytes(&[3u8; 32]).unwrap();
    let old = MasterKey::from_bytes(&[4u8; 32]).unwrap();
    let ring = KeyRing::builder("myapp/remember-me")
        .current(1, &key)
        .previous(0, &old)
        .build()
        .unwrap();
    let opts = VerifyOptions::new(Duration::from_secs(3600)).with_not_before(5);
    let uid64 = "u".repeat(64);
    let big = vec![b'.'; 1 << 20];

    // The counter works.
    let (n, v) = allocations(|| vec![1u8; 10]);
    assert!(n >= 1 && v.len() == 10);

    let (n, tokens) = allocations(|| {
        let a = ring.sign("a", 0).unwrap();
        let b = ring.sign(&uid64, (1 << 48) - 1).unwrap();
        let c = ring.sign("user-12345", 1_700_000_000).unwrap();
        let e = ring.sign("bad uid", 1);
        assert!(e.is_err());
        [a, b, c]
    });
    assert_eq!(n, 0, "sign allocated");

    let (n, ()) = allocations(|| {
        for t in &tokens {
            let s = t.as_str();
            let now = 1_700_000_000;
            let _ = ring.verify(s, now, &opts);
            let _ = ring.verify_bytes(t.as_bytes(), now, &opts);
            // Every error path too.
            let _ = ring.verify(&s[1..], now, &opts);
            let _ = ring.verify_bytes(&big, now, &opts);
            let _ = ring.verify("", now, &opts);
        }
        let ok = ring
            .verify(tokens[2].as_str(), 1_700_000_100, &opts)
            .unwrap();
        assert_eq!(ok.uid, "user-12345");
        let e = ring
            .verify(tokens[2].as_str(), 1_800_000_000, &opts)
            .unwrap_err();
        assert!(e.is_authentic());
        let mut m = [0u8; 118];
        let len = tokens[2].as_bytes().len();
        m[..len].copy_from_slice(tokens[2].as_bytes());
        m[len - 1] ^= 1;
        assert!(ring.verify_bytes(&m[..len], 1_700_000_000, &opts).is_err());
    });
    assert_eq!(n, 0, "verify allocated");

    let (n, ()) = allocations(|| {
        let mut buf = [0u8; 64];
        let uid = encode_uid(&[0xAB; 48], &mut buf).unwrap();
        let mut raw = [0u8; 48];
        assert_eq!(decode_uid(uid, &mut raw).unwrap().len(), 48);
    });
    assert_eq!(n, 0, "uid helpers allocated");
}
