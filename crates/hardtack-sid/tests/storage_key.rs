//! Storage keys: the SHA-256 of the id bytes (vectors computed with Python's
//! `hashlib`), stable across parse and generate, and distinct per id.

use std::collections::HashSet;

use hardtack_sid::{InteropSessionId, SessionId, StorageKey};

#[test]
fn storage_key_is_sha256_of_the_id_bytes() {
    // Bytes 1..=24.
    let id = SessionId::parse("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY").expect("parse");
    assert_eq!(
        id.storage_key().to_string(),
        "91a306446e73d07e7f3b5a28892b7617df94f886a16ee0d6e0aaf8df5980ae94"
    );
    // Sixteen zero bytes.
    let id = InteropSessionId::parse("AAAAAAAAAAAAAAAAAAAAAA").expect("parse");
    assert_eq!(
        format!("{:x}", id.storage_key()),
        "374708fff7719dd5979ec875d56cd2286f6d3cf7ec317a3b25632aab28ec37bb"
    );
}

#[test]
fn the_key_does_not_contain_the_id() {
    let id = SessionId::generate().expect("generate");
    let key = id.storage_key();
    assert!(!key.to_string().contains(id.expose()));
    assert!(
        key.as_bytes()
            .windows(8)
            .all(|w| !id.expose_bytes().windows(8).any(|x| x == w))
    );
}

#[test]
fn keys_are_stable_and_distinct() {
    let mut keys = HashSet::new();
    for _ in 0..10_000 {
        let id = SessionId::generate_fast().expect("generate");
        let reparsed = SessionId::parse(id.expose()).expect("parse");
        assert_eq!(id.storage_key(), reparsed.storage_key());
        assert!(keys.insert(id.storage_key()));
    }
}

#[test]
fn keys_survive_a_round_trip_through_bytes() {
    let key = SessionId::generate().expect("generate").storage_key();
    assert_eq!(StorageKey::from_bytes(*key.as_bytes()), key);
    assert_ne!(StorageKey::from_bytes([0; 32]), key);
}

#[test]
fn rotation_retires_the_old_key_and_changes_the_id() {
    let mut id = SessionId::generate().expect("generate");
    let old_text = id.expose().to_owned();
    let old_key = id.storage_key();
    let retired = id.rotate().expect("rotate");
    assert_eq!(retired, old_key);
    assert_ne!(id.expose(), old_text);
    assert_ne!(id.storage_key(), old_key);
    assert_eq!(SessionId::parse(id.expose()).as_ref(), Ok(&id));
}
