//! Grammar, verify order, time rules, contexts, rotation and bad input.

mod common;

use core::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::{base64_vectors, key, ring};
use hardtack_token::{
    KeyError, KeyRing, MAX_TIME, MAX_TOKEN_LEN, MIN_TOKEN_LEN, SignError, VerifyError,
    VerifyOptions, decode_uid, encode_uid,
};
use proptest::prelude::*;

const CTX: &str = "myapp/remember-me";
const HOUR: Duration = Duration::from_secs(3600);
const T: u64 = 1_700_000_000;

fn opts() -> VerifyOptions {
    VerifyOptions::new(HOUR)
}

/// Splits a token into (uid, time, sign) at its two dots.
fn parts(t: &str) -> (&str, &str, &str) {
    let mut it = t.split('.');
    let p = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
    assert!(it.next().is_none());
    p
}

/// The same token with its header byte replaced (the MAC is left as it was).
fn with_header(t: &str, hdr: u8) -> String {
    let (uid, time, sign) = parts(t);
    let mut raw = URL_SAFE_NO_PAD.decode(sign).unwrap();
    raw[0] = hdr;
    format!("{uid}.{time}.{}", URL_SAFE_NO_PAD.encode(raw))
}

const B64U: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// ------------------------------------------------------------------ grammar and alphabet

#[test]
fn lengths_and_shape() {
    let r = ring(CTX, 1);
    let short = r.sign("a", T).unwrap();
    assert_eq!(short.as_str().len(), MIN_TOKEN_LEN);
    assert_eq!(MIN_TOKEN_LEN, 55);
    let long = r.sign(&"x".repeat(64), T).unwrap();
    assert_eq!(long.as_str().len(), MAX_TOKEN_LEN);
    assert_eq!(MAX_TOKEN_LEN, 118);
    for t in [&short, &long] {
        let (_, time, sign) = parts(t.as_str());
        assert_eq!((time.len(), sign.len()), (8, 44));
        // Version 1 puts 0b0001 in the top nibble: the sign segment starts with E, F, G or H.
        assert!(matches!(sign.as_bytes()[0], b'E'..=b'H'));
        assert_eq!(t.to_string(), t.as_str());
    }
    // Times from 2004 to 2038 all start with "AAB"; the research example.
    assert_eq!(
        parts(r.sign("u", 1_795_414_360).unwrap().as_str()).1,
        "AABrA9lY"
    );
}

/// Every token is a valid RFC 2068 token (no tspecials: so an unquoted Version 0 cookie value),
/// a string of RFC 6265 cookie-octets, and RFC 3986 unreserved characters.
#[test]
fn tokens_are_cookie_and_url_safe() {
    const TSPECIALS: &[u8] = b"()<>@,;:\\\"/[]?={} \t";
    let r = ring(CTX, 2);
    let uids = [
        "a",
        "Zz09-_",
        &"-".repeat(64),
        &"_".repeat(64),
        "user-12345",
    ];
    for (i, uid) in uids.iter().enumerate() {
        for t in [0, 1, T, MAX_TIME, MAX_TIME - i as u64] {
            let tok = r.sign(uid, t).unwrap();
            for &b in tok.as_bytes() {
                assert!(b > 0x20 && b < 0x7F, "RFC 2068 CHAR, not CTL");
                assert!(!TSPECIALS.contains(&b), "RFC 2068 tspecial {:?}", b as char);
                let cookie_octet =
                    matches!(b, 0x21 | 0x23..=0x2B | 0x2D..=0x3A | 0x3C..=0x5B | 0x5D..=0x7E);
                assert!(cookie_octet, "RFC 6265 cookie-octet");
                let unreserved = b.is_ascii_alphanumeric() || b"-._~".contains(&b);
                assert!(unreserved, "RFC 3986 unreserved");
            }
        }
    }
}

#[test]
fn sign_validates_uid_and_time() {
    let r = ring(CTX, 3);
    assert_eq!(r.sign("", T).unwrap_err(), SignError::InvalidUid);
    assert_eq!(
        r.sign(&"a".repeat(65), T).unwrap_err(),
        SignError::InvalidUid
    );
    assert!(r.sign(&"a".repeat(64), T).is_ok());
    for bad in ["a.b", "a b", "a+b", "a/b", "a=b", "ü", "a\0", "a;b", "a,b"] {
        assert_eq!(
            r.sign(bad, T).unwrap_err(),
            SignError::InvalidUid,
            "{bad:?}"
        );
    }
    assert!(r.sign("a", MAX_TIME).is_ok());
    assert_eq!(
        r.sign("a", MAX_TIME + 1).unwrap_err(),
        SignError::TimeOutOfRange
    );
    assert_eq!(
        r.sign("a", u64::MAX).unwrap_err(),
        SignError::TimeOutOfRange
    );
}

// ------------------------------------------------------------------ malformed shapes

#[test]
fn zero_or_three_dots_are_malformed() {
    let r = ring(CTX, 4);
    let tok = r.sign("user-1", T).unwrap();
    let (uid, time, sign) = parts(tok.as_str());
    let cases = [
        format!("{uid}{time}{sign}"),     // 0 dots
        format!("{uid}.{time}{sign}"),    // 1 dot
        format!("{uid}{time}.{sign}"),    // 1 dot
        format!("{uid}.{time}.{sign}."),  // 3 dots, trailing
        format!(".{uid}.{time}.{sign}"),  // 3 dots, leading
        format!("{uid}..{time}.{sign}"),  // 3 dots, empty segment
        format!("us.er-1.{time}.{sign}"), // 3 dots inside the uid
        format!("{uid}.{time}.{}", &sign[1..]).replacen('.', "..", 1),
    ];
    for c in &cases {
        assert_eq!(
            r.verify(c, T, &opts()).unwrap_err(),
            VerifyError::Malformed,
            "{c}"
        );
    }
}

#[test]
fn uid_and_segment_lengths() {
    let r = ring(CTX, 5);
    let tok = r.sign(&"u".repeat(64), T).unwrap();
    let (uid, time, sign) = parts(tok.as_str());
    // A 65-byte uid (over the length gate, and over the uid limit).
    let t65 = format!("{uid}u.{time}.{sign}");
    assert_eq!(t65.len(), 119);
    assert_eq!(
        r.verify(&t65, T, &opts()).unwrap_err(),
        VerifyError::Malformed
    );
    // An empty uid.
    let t0 = format!(".{time}.{sign}");
    assert_eq!(
        r.verify(&t0, T, &opts()).unwrap_err(),
        VerifyError::Malformed
    );

    let tok = r.sign("user-12345", T).unwrap();
    let (uid, time, sign) = parts(tok.as_str());
    for bad_time in [
        &time[..7],
        &format!("{time}A")[..],
        &time[1..],
        &format!("A{time}")[..],
    ] {
        let t = format!("{uid}.{bad_time}.{sign}");
        assert_eq!(
            r.verify(&t, T, &opts()).unwrap_err(),
            VerifyError::Malformed,
            "{t}"
        );
    }
    for bad_sign in [
        &sign[..43],
        &format!("{sign}A")[..],
        &sign[..40],
        &format!("{sign}AAAA")[..],
    ] {
        let t = format!("{uid}.{time}.{bad_sign}");
        assert_eq!(
            r.verify(&t, T, &opts()).unwrap_err(),
            VerifyError::Malformed,
            "{t}"
        );
    }
}

/// Every strict-decoding negative of the shared base64 vectors is rejected by the strict
/// decoders: the uid decoder (any length), and in the time and sign segments of a token.
#[test]
fn base64_negatives_are_rejected() {
    let doc = base64_vectors();
    let negatives = doc
        .get("derived")
        .get("strict_base64url_unpadded_must_reject")
        .as_array();
    assert!(negatives.len() >= 7);
    let r = ring(CTX, 6);
    let tok = r.sign("user-12345", T).unwrap();
    let (uid, time, sign) = parts(tok.as_str());
    for n in negatives {
        let neg = n.get("input").as_str();
        let mut buf = [0u8; 48];
        assert_eq!(
            decode_uid(neg, &mut buf).unwrap_err(),
            VerifyError::Malformed,
            "{neg:?}"
        );
        // The whole segment replaced by the negative.
        let whole_time = format!("{uid}.{neg}.{sign}");
        let whole_sign = format!("{uid}.{time}.{neg}");
        // The negative written over the end of each segment, keeping its length.
        let end_time = format!("{uid}.{}{neg}.{sign}", &time[..8 - neg.len()]);
        let end_sign = format!("{uid}.{time}.{}{neg}", &sign[..44 - neg.len()]);
        // And over the start.
        let start_time = format!("{uid}.{neg}{}.{sign}", &time[neg.len()..]);
        let start_sign = format!("{uid}.{time}.{neg}{}", &sign[neg.len()..]);
        for t in [
            whole_time, whole_sign, end_time, end_sign, start_time, start_sign,
        ] {
            let e = r.verify(&t, T, &opts()).unwrap_err();
            // Characters outside the alphabet, and wrong lengths, are Malformed. A negative
            // made only of alphabet characters (such as "Zh") that keeps the segment length is
            // merely another value: it then fails on the MAC or header instead.
            if neg.bytes().all(|b| B64U.contains(&b)) && t.len() == tok.as_str().len() {
                assert!(!e.is_authentic(), "{t}: {e:?}");
            } else {
                assert_eq!(e, VerifyError::Malformed, "{t}");
            }
        }
    }
}

/// RFC 4648 section 10 inputs in base64url round-trip through the uid helpers, and the
/// standard-alphabet spellings of the alphabet-difference cases are rejected.
#[test]
fn base64_positives_and_alphabet_difference() {
    let doc = base64_vectors();
    for v in doc
        .get("derived")
        .get("base64url_of_section10_inputs")
        .as_array()
    {
        let raw = common::json::hex(v.get("input_hex").as_str());
        let text = v.get("base64url_unpadded").as_str();
        let mut buf = [0u8; 64];
        let mut out = [0u8; 48];
        if raw.is_empty() {
            assert_eq!(
                encode_uid(&raw, &mut buf).unwrap_err(),
                SignError::InvalidUid
            );
            assert!(decode_uid(text, &mut out).is_err());
            continue;
        }
        assert_eq!(encode_uid(&raw, &mut buf).unwrap(), text);
        assert_eq!(decode_uid(text, &mut out).unwrap(), raw.as_slice());
        let padded = v.get("base64url_padded").as_str();
        if padded != text {
            assert!(decode_uid(padded, &mut out).is_err(), "{padded}");
        }
    }
    for v in doc.get("derived").get("alphabet_difference").as_array() {
        let raw = common::json::hex(v.get("input_hex").as_str());
        let mut buf = [0u8; 64];
        let mut out = [0u8; 48];
        let url = v.get("base64url_unpadded").as_str();
        assert_eq!(encode_uid(&raw, &mut buf).unwrap(), url);
        assert_eq!(decode_uid(url, &mut out).unwrap(), raw.as_slice());
        let std64 = v.get("base64").as_str();
        if std64 != url {
            assert!(decode_uid(std64, &mut out).is_err(), "{std64}");
        }
    }
}

#[test]
fn encode_uid_limits() {
    let mut buf = [0u8; 64];
    assert_eq!(
        encode_uid(&[], &mut buf).unwrap_err(),
        SignError::InvalidUid
    );
    assert_eq!(
        encode_uid(&[0; 49], &mut buf).unwrap_err(),
        SignError::InvalidUid
    );
    let uid = encode_uid(&[0xFF; 48], &mut buf).unwrap().to_owned();
    assert_eq!(uid.len(), 64);
    let r = ring(CTX, 7);
    let tok = r.sign(&uid, T).unwrap();
    let ok = r.verify(tok.as_str(), T, &opts()).unwrap();
    let mut raw = [0u8; 48];
    assert_eq!(decode_uid(ok.uid, &mut raw).unwrap(), &[0xFF; 48]);
    // 65 characters never decode.
    assert!(decode_uid(&"A".repeat(65), &mut raw).is_err());
}

// ------------------------------------------------------------------ header: version and kid

#[test]
fn wrong_version_is_unsupported_before_the_mac() {
    let r = ring(CTX, 8);
    let tok = r.sign("user-1", T).unwrap();
    for version in [0u8, 2, 3, 7, 15] {
        let t = with_header(tok.as_str(), version << 4);
        assert_eq!(
            r.verify(&t, T, &opts()).unwrap_err(),
            VerifyError::UnsupportedVersion
        );
    }
}

#[test]
fn unknown_kid_is_rejected_without_trying_other_keys() {
    let k = key(9);
    // kid 3 and kid 4 hold the same master: trying the other key would succeed.
    let r3 = KeyRing::builder(CTX).current(3, &k).build().unwrap();
    let r34 = KeyRing::builder(CTX)
        .current(4, &k)
        .previous(3, &k)
        .build()
        .unwrap();
    let tok = r34.sign("user-1", T).unwrap();
    assert_eq!(
        r3.verify(tok.as_str(), T, &opts()).unwrap_err(),
        VerifyError::UnknownKey
    );
    // Every kid that is not in the ring.
    for kid in 0..16u8 {
        let t = with_header(tok.as_str(), 0x10 | kid);
        let r = r34.verify(&t, T, &opts());
        match kid {
            4 => assert!(r.is_ok(), "the original header"),
            3 => assert_eq!(
                r.unwrap_err(),
                VerifyError::BadSignature,
                "header is MAC-covered"
            ),
            _ => assert_eq!(r.unwrap_err(), VerifyError::UnknownKey),
        }
    }
}

// ------------------------------------------------------------------ tamper: every character

/// Replacing any single character, at every position including the last, with any other
/// character of the token alphabet (and a few outside it) makes verification fail.
#[test]
fn every_single_character_change_fails() {
    let r = ring(CTX, 10);
    let toks = [
        r.sign("a", 0).unwrap(),
        r.sign("user-12345", T).unwrap(),
        r.sign(&"Z_-9".repeat(16), MAX_TIME).unwrap(),
    ];
    let mut checked = 0;
    for tok in &toks {
        let s = tok.as_str();
        assert!(r.verify(s, s_time(s), &opts()).is_ok());
        for i in 0..s.len() {
            for &c in B64U.iter().chain(b".+/= \0~") {
                if c == s.as_bytes()[i] {
                    continue;
                }
                let mut m = s.as_bytes().to_vec();
                m[i] = c;
                let r2 = r.verify_bytes(&m, s_time(s), &opts());
                assert!(r2.is_err(), "position {i} -> {:?} verified", c as char);
                assert!(!r2.unwrap_err().is_authentic());
                checked += 1;
            }
        }
        // Dropping or appending a character fails too.
        assert!(r.verify(&s[..s.len() - 1], s_time(s), &opts()).is_err());
        assert!(r.verify(&format!("{s}A"), s_time(s), &opts()).is_err());
    }
    assert!(checked > 15_000);
}

/// The issue time of a token made by these tests (read back through an authentic verify).
fn s_time(s: &str) -> u64 {
    let (_, time, _) = parts(s);
    let raw = URL_SAFE_NO_PAD.decode(time).unwrap();
    raw.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b))
}

// ------------------------------------------------------------------ time rules

#[test]
fn age_boundaries() {
    let r = ring(CTX, 11);
    let tok = r.sign("u", T).unwrap();
    let o = opts();
    assert!(r.verify(tok.as_str(), T, &o).is_ok());
    assert!(
        r.verify(tok.as_str(), T + 3600, &o).is_ok(),
        "age == max_age is valid"
    );
    assert_eq!(
        r.verify(tok.as_str(), T + 3601, &o).unwrap_err(),
        VerifyError::Expired { issued_at: T }
    );
    let zero = VerifyOptions::new(Duration::ZERO);
    assert!(r.verify(tok.as_str(), T, &zero).is_ok());
    assert!(r.verify(tok.as_str(), T + 1, &zero).is_err());
    // Sub-second parts of max_age are ignored.
    let frac = VerifyOptions::new(Duration::from_millis(1999));
    assert!(r.verify(tok.as_str(), T + 1, &frac).is_ok());
    assert!(r.verify(tok.as_str(), T + 2, &frac).is_err());
    assert_eq!(frac.max_age(), Duration::from_secs(1));
}

#[test]
fn leeway_boundaries() {
    let r = ring(CTX, 12);
    let tok = r.sign("u", T).unwrap();
    let o = opts();
    assert_eq!(o.leeway(), Duration::from_secs(60), "default leeway");
    assert!(
        r.verify(tok.as_str(), T - 60, &o).is_ok(),
        "issued == now + leeway"
    );
    assert_eq!(
        r.verify(tok.as_str(), T - 61, &o).unwrap_err(),
        VerifyError::NotYetValid { issued_at: T }
    );
    let strict = o.with_leeway(Duration::ZERO);
    assert!(r.verify(tok.as_str(), T, &strict).is_ok());
    assert!(matches!(
        r.verify(tok.as_str(), T - 1, &strict),
        Err(VerifyError::NotYetValid { .. })
    ));
    // A future token within the leeway has age 0, not an underflowed age.
    let zero = VerifyOptions::new(Duration::ZERO);
    assert!(r.verify(tok.as_str(), T - 30, &zero).is_ok());
    // Huge leeway does not overflow.
    let huge = o.with_leeway(Duration::from_secs(u64::MAX));
    assert!(r.verify(tok.as_str(), 0, &huge).is_ok());
}

#[test]
fn not_before_boundaries() {
    let r = ring(CTX, 13);
    let tok = r.sign("u", T).unwrap();
    let o = opts().with_not_before(T);
    assert_eq!(o.not_before(), Some(T));
    assert!(
        r.verify(tok.as_str(), T, &o).is_ok(),
        "issued == not_before is valid"
    );
    let o = opts().with_not_before(T + 1);
    assert_eq!(
        r.verify(tok.as_str(), T, &o).unwrap_err(),
        VerifyError::Revoked { issued_at: T }
    );
    // Per-user cutoff after verification.
    let ok = r.verify(tok.as_str(), T, &opts()).unwrap();
    assert!(ok.check_not_before(T).is_ok());
    assert_eq!(
        ok.check_not_before(T + 1).unwrap_err(),
        VerifyError::Revoked { issued_at: T }
    );
    // Order: expiry is reported before revocation.
    let o = opts().with_not_before(T + 1);
    assert!(matches!(
        r.verify(tok.as_str(), T + 4000, &o),
        Err(VerifyError::Expired { .. })
    ));
}

#[test]
fn timestamps_near_2_pow_48() {
    let r = ring(CTX, 14);
    for t in [
        MAX_TIME,
        MAX_TIME - 1,
        MAX_TIME - 3600,
        1 << 47,
        (1 << 32) - 1,
        1 << 32,
    ] {
        let tok = r.sign("u", t).unwrap();
        let ok = r.verify(tok.as_str(), t, &opts()).unwrap();
        assert_eq!(ok.issued_at, t);
        assert_eq!(s_time(tok.as_str()), t);
    }
    let tok = r.sign("u", MAX_TIME).unwrap();
    assert_eq!(parts(tok.as_str()).1, "________");
    // Checked arithmetic at the extremes: now = u64::MAX, now = 0.
    assert!(matches!(
        r.verify(tok.as_str(), u64::MAX, &opts()),
        Err(VerifyError::Expired {
            issued_at: MAX_TIME
        })
    ));
    assert!(
        r.verify(tok.as_str(), u64::MAX, &VerifyOptions::new(Duration::MAX))
            .is_ok()
    );
    assert!(matches!(
        r.verify(tok.as_str(), 0, &opts()),
        Err(VerifyError::NotYetValid { .. })
    ));
    assert!(r.verify(tok.as_str(), MAX_TIME + 3600, &opts()).is_ok());
    let tok0 = r.sign("u", 0).unwrap();
    assert_eq!(parts(tok0.as_str()).1, "AAAAAAAA");
    assert!(
        r.verify(tok0.as_str(), 0, &VerifyOptions::new(Duration::ZERO))
            .is_ok()
    );
}

/// Time is checked only after the MAC: a forged token that would also be expired, or from
/// the future, reports BadSignature, never a time error.
#[test]
fn time_is_not_revealed_before_the_mac() {
    let r = ring(CTX, 15);
    let tok = r.sign("u", T).unwrap();
    let (uid, time, sign) = parts(tok.as_str());
    let last = if sign.ends_with('A') { 'B' } else { 'A' };
    let forged = format!("{uid}.{time}.{}{last}", &sign[..43]);
    for now in [0, T, T + 1_000_000, u64::MAX] {
        assert_eq!(
            r.verify(&forged, now, &opts()).unwrap_err(),
            VerifyError::BadSignature
        );
    }
    assert!(!VerifyError::BadSignature.is_authentic());
    assert!(VerifyError::Expired { issued_at: 1 }.is_authentic());
    assert!(VerifyError::NotYetValid { issued_at: 1 }.is_authentic());
    assert!(VerifyError::Revoked { issued_at: 1 }.is_authentic());
    for e in [
        VerifyError::Malformed,
        VerifyError::UnsupportedVersion,
        VerifyError::UnknownKey,
    ] {
        assert!(!e.is_authentic());
    }
}

// ------------------------------------------------------------------ contexts and rotation

#[test]
fn context_binding() {
    let k = key(16);
    let a = KeyRing::single("myapp/remember-me", &k).unwrap();
    let b = KeyRing::single("myapp/password-reset", &k).unwrap();
    let ta = a.sign("user-1", T).unwrap();
    assert!(a.verify(ta.as_str(), T, &opts()).is_ok());
    assert_eq!(
        b.verify(ta.as_str(), T, &opts()).unwrap_err(),
        VerifyError::BadSignature
    );
    let tb = b.sign("user-1", T).unwrap();
    assert_ne!(ta.as_str(), tb.as_str());
    assert_eq!(
        a.verify(tb.as_str(), T, &opts()).unwrap_err(),
        VerifyError::BadSignature
    );
    // Length-prefixed: a context that is a prefix of another gives another key.
    let c = KeyRing::single("myapp/remember-m", &k).unwrap();
    assert!(c.verify(ta.as_str(), T, &opts()).is_err());
    // Byte contexts work the same as string contexts.
    let d = KeyRing::single(b"myapp/remember-me".as_slice(), &k).unwrap();
    assert!(d.verify(ta.as_str(), T, &opts()).is_ok());
    // Different master key, same context.
    let e = KeyRing::single("myapp/remember-me", &key(17)).unwrap();
    assert_eq!(
        e.verify(ta.as_str(), T, &opts()).unwrap_err(),
        VerifyError::BadSignature
    );
}

#[test]
fn rotation_stale_flag_then_removal() {
    let (old, new) = (key(20), key(21));
    let before = KeyRing::builder(CTX).current(5, &old).build().unwrap();
    let t_old = before.sign("user-1", T).unwrap();
    assert!(!before.verify(t_old.as_str(), T, &opts()).unwrap().stale_key);

    let during = KeyRing::builder(CTX)
        .current(6, &new)
        .previous(5, &old)
        .build()
        .unwrap();
    assert_eq!(during.current_kid(), 6);
    assert!(during.has_kid(5) && during.has_kid(6) && !during.has_kid(7) && !during.has_kid(200));
    let ok = during.verify(t_old.as_str(), T, &opts()).unwrap();
    assert_eq!((ok.kid, ok.stale_key), (5, true));
    let t_new = during.sign("user-1", T).unwrap();
    let ok = during.verify(t_new.as_str(), T, &opts()).unwrap();
    assert_eq!((ok.kid, ok.stale_key), (6, false));

    let after = KeyRing::builder(CTX).current(6, &new).build().unwrap();
    assert_eq!(
        after.verify(t_old.as_str(), T, &opts()).unwrap_err(),
        VerifyError::UnknownKey
    );
    assert!(after.verify(t_new.as_str(), T, &opts()).is_ok());
}

#[test]
fn sixteen_keys_all_verify() {
    let keys: Vec<_> = (0..16u8).map(|i| key(i * 16)).collect();
    let mut rings = Vec::new();
    for cur in 0..16u8 {
        let mut b = KeyRing::builder(CTX);
        for (kid, k) in keys.iter().enumerate() {
            let kid = kid as u8;
            b = if kid == cur {
                b.current(kid, k)
            } else {
                b.previous(kid, k)
            };
        }
        rings.push(b.build().unwrap());
    }
    for (cur, signer) in rings.iter().enumerate() {
        let tok = signer.sign("user", T).unwrap();
        for (other, verifier) in rings.iter().enumerate() {
            let ok = verifier.verify(tok.as_str(), T, &opts()).unwrap();
            assert_eq!(usize::from(ok.kid), cur);
            assert_eq!(ok.stale_key, cur != other);
        }
    }
}

#[test]
fn ring_construction_errors() {
    let k = key(30);
    assert_eq!(
        KeyRing::builder(CTX).build().unwrap_err(),
        KeyError::NoCurrentKey
    );
    assert_eq!(
        KeyRing::builder(CTX).previous(1, &k).build().unwrap_err(),
        KeyError::NoCurrentKey
    );
    assert_eq!(
        KeyRing::builder(CTX).current(16, &k).build().unwrap_err(),
        KeyError::KidOutOfRange
    );
    assert_eq!(
        KeyRing::builder(CTX)
            .current(1, &k)
            .previous(1, &k)
            .build()
            .unwrap_err(),
        KeyError::DuplicateKid
    );
    assert_eq!(
        KeyRing::builder(CTX)
            .current(1, &k)
            .current(2, &k)
            .build()
            .unwrap_err(),
        KeyError::MultipleCurrentKeys
    );
    let long = vec![b'c'; 65_536];
    assert_eq!(
        KeyRing::single(&long, &k).unwrap_err(),
        KeyError::ContextTooLong
    );
    assert!(KeyRing::single(&long[..65_535], &k).is_ok());
    assert!(KeyRing::single("", &k).is_ok());
    assert_eq!(
        hardtack_token::MasterKey::from_bytes(&[0; 31]).unwrap_err(),
        KeyError::TooShort
    );
}

#[test]
fn generated_keys_work_and_differ() {
    let a = hardtack_token::MasterKey::generate().unwrap();
    let b = hardtack_token::MasterKey::generate().unwrap();
    assert_eq!(a.expose_bytes().len(), 32);
    assert_ne!(a.expose_bytes(), b.expose_bytes());
    let ra = KeyRing::single(CTX, &a).unwrap();
    let rb = KeyRing::single(CTX, &b).unwrap();
    let tok = ra.sign("u", T).unwrap();
    assert!(ra.verify(tok.as_str(), T, &opts()).is_ok());
    assert_eq!(
        rb.verify(tok.as_str(), T, &opts()).unwrap_err(),
        VerifyError::BadSignature
    );
    // Long keys are kept as their SHA-256: same MACs as the long key.
    let long = [0x5Au8; 100];
    let k = hardtack_token::MasterKey::from_bytes(&long).unwrap();
    assert_eq!(k.expose_bytes().len(), 32);
    let k2 = hardtack_token::MasterKey::from_bytes(k.expose_bytes()).unwrap();
    let t1 = KeyRing::single(CTX, &k).unwrap().sign("u", T).unwrap();
    let t2 = KeyRing::single(CTX, &k2).unwrap().sign("u", T).unwrap();
    assert_eq!(t1.as_str(), t2.as_str());
}

#[test]
fn now_variants_use_the_system_clock() {
    let r = ring(CTX, 31);
    let tok = r.sign_now("user-1").unwrap();
    let ok = r.verify_now(tok.as_str(), &opts()).unwrap();
    let wall = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(ok.issued_at <= wall && wall - ok.issued_at < 60);
    assert_eq!(ok.uid, "user-1");
}

// ------------------------------------------------------------------ bad input

#[test]
fn bad_input_is_malformed_and_never_panics() {
    let r = ring(CTX, 32);
    let o = opts();
    let big = "A".repeat(1 << 20);
    let dots = ".".repeat(118);
    let dots55 = ".".repeat(55);
    let spaced = format!("{}.{}.{}", " ".repeat(10), " ".repeat(8), " ".repeat(44));
    let cases: Vec<&str> = vec!["", ".", "..", "a.b.c", &big, &dots, &dots55, &spaced];
    for c in &cases {
        assert_eq!(r.verify(c, T, &o).unwrap_err(), VerifyError::Malformed);
        assert_eq!(
            r.verify_bytes(c.as_bytes(), T, &o).unwrap_err(),
            VerifyError::Malformed
        );
    }
    // 1 MiB of dots. That the length gate refuses it before reading it (1 MiB
    // costs what 1 KiB costs) is checked in instructions by
    // benches/icount_growth.rs, not timed here.
    let big_dots = vec![b'.'; 1 << 20];
    assert_eq!(
        r.verify_bytes(&big_dots, T, &o).unwrap_err(),
        VerifyError::Malformed
    );
    // Invalid UTF-8 in every segment via the bytes entry point.
    let tok = r.sign("user-12345", T).unwrap();
    for i in [0, 5, 9, 11, 15, 20, 40, tok.as_str().len() - 1] {
        for bad in [0x80u8, 0xC3, 0xFF, 0xE2] {
            let mut m = tok.as_bytes().to_vec();
            m[i] = bad;
            assert_eq!(
                r.verify_bytes(&m, T, &o).unwrap_err(),
                VerifyError::Malformed
            );
        }
    }
    // A multi-byte UTF-8 character in a &str token.
    let utf = format!("ü{}", &tok.as_str()[2..]);
    assert_eq!(r.verify(&utf, T, &o).unwrap_err(), VerifyError::Malformed);
}

#[test]
fn error_display_is_constant() {
    let all = [
        VerifyError::Malformed,
        VerifyError::UnsupportedVersion,
        VerifyError::UnknownKey,
        VerifyError::BadSignature,
        VerifyError::Expired {
            issued_at: 123_456_789,
        },
        VerifyError::NotYetValid {
            issued_at: 123_456_789,
        },
        VerifyError::Revoked {
            issued_at: 123_456_789,
        },
    ];
    let mut seen = std::collections::HashSet::new();
    for e in all {
        let s = e.to_string();
        assert!(!s.contains("123456789") && !s.is_empty());
        assert!(seen.insert(s));
    }
    assert_eq!(
        VerifyError::Expired { issued_at: 1 }.to_string(),
        VerifyError::Expired { issued_at: 2 }.to_string()
    );
}

// ------------------------------------------------------------------ properties

fn uid_strategy() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-z0-9_-]{1,64}").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn prop_round_trip(uid in uid_strategy(), t in 0..=MAX_TIME, age in 0u64..=3600, kid in 0u8..16) {
        let r = KeyRing::builder(CTX).current(kid, &key(40)).build().unwrap();
        let tok = r.sign(&uid, t).unwrap();
        prop_assert_eq!(tok.as_str().len(), uid.len() + 54);
        let ok = r.verify(tok.as_str(), t.saturating_add(age), &opts()).unwrap();
        prop_assert_eq!(ok.uid, uid.as_str());
        prop_assert_eq!(ok.issued_at, t);
        prop_assert_eq!(ok.kid, kid);
        prop_assert!(!ok.stale_key);
        let ok = r.verify_bytes(tok.as_bytes(), t, &opts()).unwrap();
        prop_assert_eq!(ok.uid, uid.as_str());
    }

    #[test]
    fn prop_single_character_mutation_fails(
        uid in uid_strategy(),
        t in 0..=MAX_TIME,
        pos in any::<prop::sample::Index>(),
        c in any::<u8>(),
    ) {
        let r = ring(CTX, 41);
        let tok = r.sign(&uid, t).unwrap();
        let mut m = tok.as_bytes().to_vec();
        let i = pos.index(m.len());
        prop_assume!(m[i] != c);
        m[i] = c;
        let res = r.verify_bytes(&m, t, &opts());
        prop_assert!(res.is_err());
        prop_assert!(!res.unwrap_err().is_authentic());
    }

    #[test]
    fn prop_uid_codec_round_trip(bytes in proptest::collection::vec(any::<u8>(), 1..=48)) {
        let mut buf = [0u8; 64];
        let uid = encode_uid(&bytes, &mut buf).unwrap().to_owned();
        prop_assert_eq!(&uid, &URL_SAFE_NO_PAD.encode(&bytes));
        let mut raw = [0u8; 48];
        prop_assert_eq!(decode_uid(&uid, &mut raw).unwrap(), bytes.as_slice());
    }

    /// The strict decoder agrees with the base64 crate's canonical no-padding engine on
    /// arbitrary input.
    #[test]
    fn prop_uid_decoder_matches_base64_crate(s in "[A-Za-z0-9_+/= -]{0,64}") {
        let mut raw = [0u8; 48];
        let mine = decode_uid(&s, &mut raw).ok().map(<[u8]>::to_vec);
        let theirs = URL_SAFE_NO_PAD.decode(&s).ok().filter(|v| !v.is_empty());
        prop_assert_eq!(mine, theirs);
    }

    #[test]
    fn prop_arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..200)) {
        let r = ring(CTX, 42);
        let res = r.verify_bytes(&data, T, &opts());
        prop_assert!(res.is_err());
        if data.len() < 55 || data.len() > 118 {
            prop_assert_eq!(res.unwrap_err(), VerifyError::Malformed);
        }
    }

    #[test]
    fn prop_token_shaped_garbage_never_verifies(
        uid in uid_strategy(),
        time in "[A-Za-z0-9_-]{8}",
        sign in "[A-Za-z0-9_-]{44}",
    ) {
        let r = ring(CTX, 43);
        let t = format!("{uid}.{time}.{sign}");
        let res = r.verify(&t, T, &opts());
        prop_assert!(res.is_err());
        let e = res.unwrap_err();
        prop_assert!(!e.is_authentic());
        prop_assert!(e != VerifyError::Malformed);
    }
}
