//! The value encodings: `percent_encode` / `percent_decode` and `base64url` /
//! `base64url_decode`, on arbitrary text and bytes.
//!
//! * decoding an encoding gives the input back, for both percent sets;
//! * the `CookieOctet` encoding is a valid RFC 6265 cookie value, the `Token`
//!   encoding passes the Version 0 check;
//! * **differential**: base64url agrees with the `base64` crate's strict url-safe
//!   engine, both ways (the decoder accepts exactly what the engine accepts).
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hardtack_cookie::encode::{
    PercentSet, base64url, base64url_decode, percent_decode, percent_encode,
};
use hardtack_cookie::rfc2109::check_version0;
use hardtack_fuzz::naive_cookie_header::{is_cookie_octet, is_tchar};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (String, Vec<u8>, String)| {
    let (text, bytes, candidate) = input;

    for set in [PercentSet::CookieOctet, PercentSet::Token] {
        let encoded = percent_encode(&text, set).to_string();
        let allowed = match set {
            PercentSet::CookieOctet => is_cookie_octet,
            _ => is_tchar,
        };
        assert!(
            encoded.bytes().all(|c| allowed(c) || c == b'%'),
            "{set:?}: {encoded:?} has a byte outside the set"
        );
        assert_eq!(
            percent_decode(&encoded).as_deref(),
            Ok(text.as_str()),
            "{set:?} does not round-trip"
        );
        if set == PercentSet::Token {
            assert!(
                check_version0("n", &encoded).is_ok(),
                "token encoding fails the Version 0 check"
            );
        }
    }
    // Decoding arbitrary text never panics, and what decodes re-encodes to itself
    // once escapes are normalised (decode ∘ encode ∘ decode = decode).
    if let Ok(plain) = percent_decode(&candidate) {
        let again = percent_encode(&plain, PercentSet::Token).to_string();
        assert_eq!(percent_decode(&again).as_deref(), Ok(&*plain));
    }

    let ours = base64url(&bytes).to_string();
    assert_eq!(
        ours,
        URL_SAFE_NO_PAD.encode(&bytes),
        "base64url differs from the base64 crate"
    );
    assert_eq!(base64url_decode(&ours).as_deref(), Ok(&bytes[..]));
    let theirs = URL_SAFE_NO_PAD.decode(candidate.as_bytes());
    let decoded = base64url_decode(&candidate);
    assert_eq!(
        decoded.is_ok(),
        theirs.is_ok(),
        "{candidate:?}: hardtack {decoded:?}, base64 {theirs:?}"
    );
    if let (Ok(a), Ok(b)) = (decoded, theirs) {
        assert_eq!(a, b);
    }
});
