//! The MAC layer: HMAC-SHA256 with a precomputed keyed state, context-key derivation, and
//! constant-time tag comparison on a fixed length.

use hmac::digest::FixedOutput;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::Zeroize;

type HmacSha256 = Hmac<Sha256>;

/// Length of an HMAC-SHA256 tag in bytes.
pub(crate) const TAG_LEN: usize = 32;

/// Domain-separation label of format v1's key derivation.
pub(crate) const DERIVE_LABEL: &[u8] = b"uid.time.sign/v1";

/// An HMAC-SHA256 key with the inner and outer pads already absorbed.
///
/// Each MAC clones this state, so the per-call cost is the message compressions plus the
/// final outer compression: no re-keying. With the `zeroize` features of `hmac` and `sha2`
/// enabled (this crate enables them), the state and every clone are wiped on drop.
#[derive(Clone)]
pub(crate) struct MacKey(HmacSha256);

impl MacKey {
    /// Keys HMAC-SHA256 with `key` (any length; keys longer than 64 bytes are hashed first, as
    /// RFC 2104 specifies).
    pub(crate) fn new(key: &[u8]) -> Self {
        Self(keyed(key))
    }

    /// The full 32-byte tag of `msg`.
    #[inline]
    pub(crate) fn tag(&self, msg: &[u8]) -> [u8; TAG_LEN] {
        let mut mac = self.0.clone();
        mac.update(msg);
        FixedOutput::finalize_fixed(mac).into()
    }

    /// Constant-time check of the first `N` bytes of the tag of `msg` against `expected`.
    /// `N` is fixed by the caller's type, never taken from input; the format uses `N = 32`.
    #[inline]
    pub(crate) fn verify_prefix<const N: usize>(&self, msg: &[u8], expected: &[u8; N]) -> bool {
        const { assert!(N >= 16 && N <= TAG_LEN && N.is_multiple_of(8)) };
        let tag = self.tag(msg);
        // Compare as 64-bit words with `subtle` (4 steps for a full tag rather than 32): every
        // word is compared, with no early exit and no data-dependent branch.
        let words = |b: &[u8]| -> [u64; TAG_LEN / 8] {
            core::array::from_fn(|i| match b.get(i * 8..i * 8 + 8) {
                Some(w) => u64::from_ne_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]),
                None => 0,
            })
        };
        let (a, b) = (words(&tag[..N]), words(&expected[..]));
        bool::from(a[..].ct_eq(&b[..]))
    }
}

fn keyed(key: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of every length, so this never fails.
    match <HmacSha256 as KeyInit>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    }
}

/// `k_ctx = HMAC-SHA256(master, "uid.time.sign/v1" || 0x00 || u16be(len(ctx)) || ctx || 0x01)`,
/// returned as a ready keyed state. The intermediate key bytes are wiped.
///
/// The caller guarantees `context.len() <= u16::MAX`.
pub(crate) fn derive_context_key(master: &[u8], context: &[u8]) -> MacKey {
    let mut k_ctx = derive_context_key_bytes(master, context);
    let key = MacKey::new(&k_ctx);
    k_ctx.zeroize();
    key
}

/// The raw 32 bytes of `k_ctx` (tests compare them with the independent vectors).
pub(crate) fn derive_context_key_bytes(master: &[u8], context: &[u8]) -> [u8; TAG_LEN] {
    debug_assert!(context.len() <= usize::from(u16::MAX));
    let len = u16::try_from(context.len()).unwrap_or(u16::MAX);
    let mut mac = keyed(master);
    mac.update(DERIVE_LABEL);
    mac.update(&[0x00]);
    mac.update(&len.to_be_bytes());
    mac.update(context);
    mac.update(&[0x01]);
    FixedOutput::finalize_fixed(mac).into()
}

/// SHA-256 of `data`, used to shorten master keys longer than the HMAC block (RFC 2104).
pub(crate) fn sha256(data: &[u8]) -> [u8; TAG_LEN] {
    use sha2::Digest;
    Sha256::digest(data).into()
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::string::String;
    use std::vec::Vec;

    use crate::test_json as json;
    use json::hex;

    fn read(rel: &str) -> String {
        let path = std::format!("{}/{}", env!("CARGO_MANIFEST_DIR"), rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
    }

    /// RFC 4231 cases 1 to 7 against this layer. Case 5 is a 128-bit truncated tag, checked at
    /// the fixed length 16 (a `[u8; 16]`), never at a length taken from the data.
    #[test]
    fn rfc4231_all_cases() {
        let doc = json::parse(&read("../../../shared/vectors/hmac-sha256-rfc4231.json"));
        let vectors = doc.get("vectors").as_array();
        assert_eq!(vectors.len(), 7);
        let mut seen = Vec::new();
        for v in vectors {
            let case = v.get("test_case").as_u64();
            seen.push(case);
            let key = MacKey::new(&hex(v.get("key_hex").as_str()));
            let data = hex(v.get("data_hex").as_str());
            let mac = hex(v.get("mac_hex").as_str());
            if v.get("truncated").as_bool() {
                assert_eq!(case, 5);
                assert_eq!(v.get("mac_bits").as_u64(), 128);
                let expected: [u8; 16] = mac.as_slice().try_into().expect("16 bytes");
                assert!(key.verify_prefix(&data, &expected), "case {case}");
                let mut wrong = expected;
                wrong[15] ^= 1;
                assert!(!key.verify_prefix(&data, &wrong), "case {case}");
                let full = hex(v.get("full_mac_hex_computed").as_str());
                assert_eq!(key.tag(&data).as_slice(), full.as_slice(), "case {case}");
            } else {
                assert_eq!(v.get("mac_bits").as_u64(), 256);
                assert_eq!(key.tag(&data).as_slice(), mac.as_slice(), "case {case}");
                let expected: [u8; 32] = mac.as_slice().try_into().expect("32 bytes");
                assert!(key.verify_prefix(&data, &expected), "case {case}");
                for i in [0, 31] {
                    let mut wrong = expected;
                    wrong[i] ^= 0x80;
                    assert!(!key.verify_prefix(&data, &wrong), "case {case}");
                }
            }
        }
        assert_eq!(seen, [1, 2, 3, 4, 5, 6, 7]);
    }

    /// The state is reusable: the same key tags many messages with the same results.
    #[test]
    fn cloned_state_is_independent() {
        let key = MacKey::new(b"key");
        let a = key.tag(b"one");
        let _ = key.tag(b"two");
        assert_eq!(key.tag(b"one"), a);
    }

    /// k_ctx derivation against the independent Python vectors.
    #[test]
    fn derivation_matches_vectors() {
        let doc = json::parse(&read("tests/vectors/token-v1.json"));
        let list = doc.get("derivations").as_array();
        assert!(list.len() >= 16);
        for d in list {
            let master = hex(d.get("master_hex").as_str());
            let ctx = hex(d.get("context_hex").as_str());
            let want = hex(d.get("k_ctx_hex").as_str());
            assert_eq!(
                derive_context_key_bytes(&master, &ctx).as_slice(),
                want.as_slice()
            );
            // A master key longer than the block is equivalent to its SHA-256.
            if master.len() > 64 {
                assert_eq!(
                    derive_context_key_bytes(&sha256(&master), &ctx).as_slice(),
                    want.as_slice()
                );
            }
        }
    }
}
