//! The lenient `Cookie` header iterators (`Pairs`, `MultiPairs`) against a naive
//! `split(';')` model of the same rules.
#![no_main]

use hardtack_cookie::{MultiPairs, Pairs};
use hardtack_fuzz::naive_cookie_header::{lenient_bytes, lenient_str};
use libfuzzer_sys::fuzz_target;

fn within(part: &str, whole: &[u8]) -> bool {
    let (p, w) = (part.as_ptr() as usize, whole.as_ptr() as usize);
    part.is_empty() || (p >= w && p + part.len() <= w + whole.len())
}

fuzz_target!(|data: &[u8]| {
    let got: Vec<_> = Pairs::from_bytes(data).collect();
    assert_eq!(
        got,
        lenient_bytes(data),
        "Pairs::from_bytes differs from the model"
    );
    for (name, value) in &got {
        assert!(
            within(name, data) && within(value, data),
            "pair not borrowed from the input"
        );
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let from_text: Vec<_> = Pairs::new(s).collect();
        assert_eq!(
            from_text,
            lenient_str(s),
            "Pairs::new differs from the model"
        );
        assert_eq!(from_text, got, "Pairs::new and Pairs::from_bytes disagree");
    }
    // The iterator is fused.
    let mut it = Pairs::from_bytes(data);
    it.by_ref().for_each(drop);
    assert_eq!(it.next(), None);

    // Split the input into several header fields at each LF: `MultiPairs` over the
    // fields yields exactly the pairs of each field in turn.
    let fields: Vec<&[u8]> = data.split(|&c| c == b'\n').collect();
    let multi: Vec<_> = MultiPairs::new(fields.iter().copied()).collect();
    let each: Vec<_> = fields.iter().flat_map(|f| lenient_bytes(f)).collect();
    assert_eq!(
        multi, each,
        "MultiPairs differs from the pairs of each field"
    );
});
