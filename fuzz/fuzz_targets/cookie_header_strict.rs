//! `StrictPairs` against RFC 6265 §4.2.1 written plainly: one item per
//! `;`-separated piece, `Ok` exactly when the piece is a valid `cookie-pair`
//! (after the `"; "` separator), and every strict pair is also a lenient pair.
#![no_main]

use hardtack_cookie::StrictPairs;
use hardtack_fuzz::naive_cookie_header::{lenient_bytes, strict_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let got: Vec<_> = StrictPairs::from_bytes(data).collect();
    let want = strict_bytes(data);
    assert_eq!(got.len(), want.len(), "one item per piece");
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        match (g, w) {
            (Ok(g), Some(w)) => assert_eq!(g, w, "piece {i}"),
            (Err(e), None) => assert!(e.offset() <= data.len(), "piece {i}: offset past the input"),
            _ => panic!("piece {i}: StrictPairs says {g:?}, the grammar says {w:?}"),
        }
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let from_text: Vec<_> = StrictPairs::new(s).collect();
        assert_eq!(from_text, got, "StrictPairs::new and from_bytes disagree");
    }
    // A header that is strictly valid throughout reads the same leniently.
    if got.iter().all(Result::is_ok) {
        let strict: Vec<_> = got.iter().flatten().copied().collect();
        assert_eq!(
            strict,
            lenient_bytes(data),
            "strictly valid header reads differently leniently"
        );
    }
});
