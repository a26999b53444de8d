//! Every generated id has the exact length and alphabet, parses back to
//! itself, and matches the reference base64url encoding of its bytes (the
//! `base64` crate is the independent oracle).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hardtack_sid::{GenerateError, Sid};

const COUNT: usize = 100_000;

fn is_base64url(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

fn assert_well_formed<const N: usize>(
    generate: fn() -> Result<Sid<N>, GenerateError>,
    count: usize,
) {
    let text_len = (4 * N).div_ceil(3);
    for i in 0..count {
        let id = generate().unwrap_or_else(|e| panic!("id {i}: {e}"));
        let text = id.expose();
        assert_eq!(text.len(), text_len, "id {i}: length");
        assert!(text.bytes().all(is_base64url), "id {i}: alphabet");
        assert_eq!(
            Sid::<N>::parse(text).as_ref(),
            Ok(&id),
            "id {i}: round trip"
        );
        let decoded = URL_SAFE_NO_PAD.decode(text);
        assert_eq!(
            decoded.as_deref(),
            Ok(&id.expose_bytes()[..]),
            "id {i}: oracle"
        );
    }
}

#[test]
fn os_ids_are_well_formed_and_round_trip() {
    assert_well_formed(Sid::<24>::generate, COUNT);
}

#[test]
fn fast_ids_are_well_formed_and_round_trip() {
    assert_well_formed(Sid::<24>::generate_fast, COUNT);
}

#[test]
fn every_supported_size_is_well_formed_and_round_trips() {
    assert_well_formed(Sid::<16>::generate, 10_000);
    assert_well_formed(Sid::<16>::generate_fast, 10_000);
    assert_well_formed(Sid::<18>::generate_fast, 2_000);
    assert_well_formed(Sid::<21>::generate_fast, 2_000);
    assert_well_formed(Sid::<27>::generate_fast, 2_000);
    assert_well_formed(Sid::<30>::generate_fast, 2_000);
    assert_well_formed(Sid::<33>::generate_fast, 2_000);
    assert_well_formed(Sid::<36>::generate_fast, 2_000);
    assert_well_formed(Sid::<39>::generate_fast, 2_000);
    assert_well_formed(Sid::<42>::generate_fast, 2_000);
    assert_well_formed(Sid::<45>::generate_fast, 2_000);
    assert_well_formed(Sid::<48>::generate, 2_000);
}
