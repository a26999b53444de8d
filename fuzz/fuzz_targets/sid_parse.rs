//! Session-id parsing on arbitrary bytes, against the `base64` crate's strict
//! url-safe decoder: an id parses exactly when it has the right length and is
//! canonical unpadded base64url, and then its bytes and text are the decoder's.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hardtack_sid::{ParseError, Sid};
use libfuzzer_sys::fuzz_target;

fn check<const N: usize>(data: &[u8]) {
    let got = Sid::<N>::parse_bytes(data);
    if let Ok(s) = std::str::from_utf8(data) {
        assert_eq!(Sid::<N>::parse(s), got, "parse and parse_bytes disagree");
    }
    let reference = (data.len() == Sid::<N>::TEXT_LEN)
        .then(|| URL_SAFE_NO_PAD.decode(data).ok())
        .flatten();
    match (&got, reference) {
        (Ok(id), Some(bytes)) => {
            assert_eq!(&id.expose_bytes()[..], &bytes[..]);
            assert_eq!(id.expose().as_bytes(), data, "text is not the input");
            assert_eq!(id.as_cookie_value(), id.expose());
            assert_eq!(
                id.storage_key(),
                Sid::<N>::parse_bytes(data)
                    .expect("parsed once")
                    .storage_key()
            );
            assert!(
                !format!("{id:?}").contains(id.expose()),
                "Debug shows the id"
            );
        }
        (Err(ParseError::InvalidLength { expected, found }), None) => {
            assert_eq!((*expected, *found), (Sid::<N>::TEXT_LEN, data.len()));
        }
        (Err(_), None) => assert_eq!(data.len(), Sid::<N>::TEXT_LEN),
        (got, reference) => panic!("Sid<{N}>: hardtack {got:?}, base64 {reference:?}"),
    }
}

fuzz_target!(|data: &[u8]| {
    check::<24>(data);
    check::<16>(data);
    check::<18>(data);
    check::<48>(data);
});
