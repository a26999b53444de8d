//! `token_sign` / `token_verify`: a `uid.time.sign` login token.
//!
//! * hardtack: `KeyRing::sign` / `KeyRing::verify`, with 1 and 16 keys in the ring;
//! * the floor: one clone of a keyed `Hmac<Sha256>` over the same MAC input (19 bytes),
//!   plus a constant-time compare for verify; no parsing, no encoding;
//! * `jsonwebtoken` HS256 with `{sub, iat, exp}`, keys and `Validation` built once;
//! * `cookie`'s `SignedJar` (HMAC-SHA256, re-keyed on every call).

use core::time::Duration;

use hardtack_token::{KeyRing, MasterKey, VerifyOptions};
use hmac::digest::FixedOutput;
use hmac::{Hmac, KeyInit, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The user id in every token.
///
/// ```
/// use hardtack_benches::token::{NOW, TokenFixture, UID};
/// let f = TokenFixture::new();
/// // The uid travels in clear in hardtack's token and comes back from verification.
/// assert!(f.token.starts_with(&format!("{UID}.")));
/// assert_eq!(f.ring1.verify(&f.token, NOW, &f.opts).unwrap().uid, UID);
/// ```
pub const UID: &str = "u1234567890";
/// Issue time (2026-01-01T00:00:00Z).
///
/// ```
/// use hardtack_benches::token::ISSUED_AT;
/// use time::{Date, Month, OffsetDateTime};
/// let new_year = Date::from_calendar_date(2026, Month::January, 1).unwrap().midnight();
/// let issued = OffsetDateTime::from_unix_timestamp(ISSUED_AT as i64).unwrap();
/// assert_eq!(issued, new_year.assume_utc());
/// assert!(ISSUED_AT <= hardtack_token::MAX_TIME); // fits the token's 6-byte time
/// ```
pub const ISSUED_AT: u64 = 1_767_225_600;
/// Verification time: one hour later.
///
/// ```
/// use hardtack_benches::token::{ISSUED_AT, NOW, TokenFixture};
/// let f = TokenFixture::new();
/// // Inside the token's lifetime, so verification does all its work and succeeds.
/// let max_age = f.opts.max_age().as_secs();
/// assert!(f.ring1.verify(&f.token, NOW, &f.opts).is_ok());
/// assert!(f.ring1.verify(&f.token, ISSUED_AT + max_age + 1, &f.opts).is_err());
/// ```
pub const NOW: u64 = ISSUED_AT + 3600;

/// Everything built once: rings, keys, peers' state, and one token of each kind.
///
/// ```
/// use hardtack_benches::token::{NOW, TokenFixture};
/// let f = TokenFixture::new();
/// // One token for both rings: the 16-key ring's current key is the 1-key ring's key.
/// let one = f.ring1.verify(&f.token, NOW, &f.opts).unwrap();
/// assert_eq!(f.ring16.verify(&f.token, NOW, &f.opts).unwrap(), one);
/// ```
pub struct TokenFixture {
    /// A ring with one key.
    pub ring1: KeyRing,
    /// A ring with all 16 key ids filled; the token is signed by the current one.
    pub ring16: KeyRing,
    /// hardtack verification options.
    pub opts: VerifyOptions,
    /// A token signed by both rings' current key.
    pub token: String,
    /// The floor's keyed HMAC state.
    pub hmac: Hmac<Sha256>,
    /// The floor's MAC input (hardtack's layout: header, uid length, uid, 6-byte time).
    pub msg: Vec<u8>,
    /// The floor's expected tag.
    pub tag: [u8; 32],
    /// jsonwebtoken keys and validation.
    pub jwt_enc: EncodingKey,
    /// jsonwebtoken decoding key.
    pub jwt_dec: DecodingKey,
    /// jsonwebtoken validation rules (HS256).
    pub jwt_validation: Validation,
    /// A jsonwebtoken token.
    pub jwt: String,
    /// The `cookie` crate's key.
    pub cookie_key: cookie::Key,
    /// A `SignedJar` cookie value (MAC prefix + value).
    pub cookie_signed: String,
}

/// jsonwebtoken claims.
///
/// ```
/// use hardtack_benches::token::{Claims, ISSUED_AT, TokenFixture, UID};
/// let f = TokenFixture::new();
/// let jwt = jsonwebtoken::decode::<Claims>(&f.jwt, &f.jwt_dec, &f.jwt_validation).unwrap();
/// assert_eq!((jwt.claims.sub.as_str(), jwt.claims.iat), (UID, ISSUED_AT));
/// ```
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// Subject.
    pub sub: String,
    /// Issued at.
    pub iat: u64,
    /// Expiry.
    pub exp: u64,
}

fn master(seed: u8) -> MasterKey {
    match MasterKey::from_bytes(&[seed; 32]) {
        Ok(k) => k,
        Err(e) => panic!("fixed 32-byte key: {e}"),
    }
}

impl TokenFixture {
    /// Builds every key and one token of each kind.
    ///
    /// # Panics
    /// If a peer refuses its fixed inputs (a broken benchmark, not a measurement).
    ///
    /// ```
    /// use hardtack_benches::token::{TokenFixture, UID};
    /// // The floor's MAC input has hardtack's layout: header, uid length, uid, 6-byte time.
    /// assert_eq!(TokenFixture::new().msg.len(), 2 + UID.len() + 6);
    /// ```
    pub fn new() -> Self {
        let ring1 = KeyRing::single("bench/remember-me", &master(1)).expect("ring");
        let mut b = KeyRing::builder("bench/remember-me").current(0, &master(1));
        for kid in 1..16u8 {
            b = b.previous(kid, &master(kid + 1));
        }
        let ring16 = b.build().expect("ring of 16");
        let token = ring1
            .sign(UID, ISSUED_AT)
            .expect("sign")
            .as_str()
            .to_owned();

        let hmac = <Hmac<Sha256> as KeyInit>::new_from_slice(&[7u8; 32]).expect("any key length");
        let mut msg = vec![0x10, UID.len() as u8];
        msg.extend_from_slice(UID.as_bytes());
        msg.extend_from_slice(&ISSUED_AT.to_be_bytes()[2..]);
        let tag = floor_tag(&hmac, &msg);

        let secret = [9u8; 32];
        let jwt_enc = EncodingKey::from_secret(&secret);
        let jwt_dec = DecodingKey::from_secret(&secret);
        let mut jwt_validation = Validation::new(Algorithm::HS256);
        jwt_validation.set_required_spec_claims(&["exp", "sub"]);
        let claims = Claims {
            sub: UID.to_owned(),
            iat: ISSUED_AT,
            exp: ISSUED_AT + 100 * 365 * 86_400,
        };
        let jwt =
            jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &jwt_enc).expect("jwt");

        let cookie_key = cookie::Key::from(&[3u8; 64]);
        let cookie_signed = cookie_sign_value(&cookie_key);

        TokenFixture {
            ring1,
            ring16,
            opts: VerifyOptions::new(Duration::from_secs(30 * 86_400)),
            token,
            hmac,
            msg,
            tag,
            jwt_enc,
            jwt_dec,
            jwt_validation,
            jwt,
            cookie_key,
            cookie_signed,
        }
    }
}

impl Default for TokenFixture {
    fn default() -> Self {
        Self::new()
    }
}

fn floor_tag(hmac: &Hmac<Sha256>, msg: &[u8]) -> [u8; 32] {
    let mut mac = hmac.clone();
    mac.update(msg);
    mac.finalize_fixed().into()
}

fn cookie_sign_value(key: &cookie::Key) -> String {
    let mut jar = cookie::CookieJar::new();
    jar.signed_mut(key)
        .add(("remember", "u1234567890.1767225600"));
    jar.get("remember")
        .map(|c| c.value().to_owned())
        .unwrap_or_default()
}

/// hardtack `KeyRing::sign` (returns the token in a stack buffer).
///
/// ```
/// use hardtack_benches::token::{TokenFixture, UID, hardtack_sign};
/// use hardtack_token::{SIGN_LEN, TIME_LEN};
/// let f = TokenFixture::new();
/// // `uid.time.sign`: the fixture's token again.
/// assert_eq!(hardtack_sign(&f), UID.len() + 1 + TIME_LEN + 1 + SIGN_LEN);
/// assert_eq!(hardtack_sign(&f), f.token.len());
/// ```
pub fn hardtack_sign(f: &TokenFixture) -> usize {
    f.ring1.sign(UID, ISSUED_AT).map_or(0, |t| t.as_str().len())
}

/// The floor of signing: one cloned keyed HMAC over the MAC input.
///
/// ```
/// use hardtack_benches::token::{TokenFixture, floor_sign};
/// let f = TokenFixture::new();
/// // It computes the fixture's expected tag (the digest is its first byte, plus one).
/// assert_eq!(floor_sign(&f), usize::from(f.tag[0]) + 1);
/// ```
pub fn floor_sign(f: &TokenFixture) -> usize {
    usize::from(floor_tag(&f.hmac, &f.msg)[0]) + 1
}

/// jsonwebtoken `encode` (HS256).
///
/// ```
/// use hardtack_benches::token::{TokenFixture, jsonwebtoken_sign};
/// let f = TokenFixture::new();
/// // The same claims under the same key: the fixture's token again.
/// assert_eq!(jsonwebtoken_sign(&f), f.jwt.len());
/// ```
pub fn jsonwebtoken_sign(f: &TokenFixture) -> usize {
    let claims = Claims {
        sub: UID.to_owned(),
        iat: ISSUED_AT,
        exp: ISSUED_AT + 100 * 365 * 86_400,
    };
    jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &f.jwt_enc).map_or(0, |t| t.len())
}

/// `cookie` `SignedJar::add` into a fresh jar, then read the signed value.
///
/// ```
/// use hardtack_benches::token::{ISSUED_AT, TokenFixture, UID, cookie_signed_jar_sign};
/// let f = TokenFixture::new();
/// // The base64 of the 32-byte HMAC-SHA256 tag (44 characters), then `uid.time`.
/// assert_eq!(cookie_signed_jar_sign(&f), 44 + format!("{UID}.{ISSUED_AT}").len());
/// ```
pub fn cookie_signed_jar_sign(f: &TokenFixture) -> usize {
    cookie_sign_value(&f.cookie_key).len()
}

/// hardtack `KeyRing::verify` with one key in the ring.
///
/// ```
/// use hardtack_benches::token::{TokenFixture, UID, hardtack_verify};
/// let mut f = TokenFixture::new();
/// assert_eq!(hardtack_verify(&f), UID.len());
/// f.token.replace_range(..1, "v"); // another uid under the same tag
/// assert_eq!(hardtack_verify(&f), 0);
/// ```
pub fn hardtack_verify(f: &TokenFixture) -> usize {
    f.ring1
        .verify(&f.token, NOW, &f.opts)
        .map_or(0, |v| v.uid.len())
}

/// hardtack `KeyRing::verify` with sixteen keys in the ring (the key id picks one).
///
/// ```
/// use hardtack_benches::token::{TokenFixture, hardtack_verify, hardtack_verify_16};
/// let f = TokenFixture::new();
/// assert_eq!(hardtack_verify_16(&f), hardtack_verify(&f));
/// ```
pub fn hardtack_verify_16(f: &TokenFixture) -> usize {
    f.ring16
        .verify(&f.token, NOW, &f.opts)
        .map_or(0, |v| v.uid.len())
}

/// The floor of verifying: one cloned keyed HMAC over the MAC input and a
/// constant-time compare with the expected tag.
///
/// ```
/// use hardtack_benches::token::{TokenFixture, floor_verify, hardtack_verify};
/// let mut f = TokenFixture::new();
/// assert_eq!(floor_verify(&f), hardtack_verify(&f));
/// f.tag[0] ^= 1;
/// assert_eq!(floor_verify(&f), 0);
/// ```
pub fn floor_verify(f: &TokenFixture) -> usize {
    let tag = floor_tag(&f.hmac, &f.msg);
    usize::from(bool::from(tag.ct_eq(&f.tag))) * UID.len()
}

/// jsonwebtoken `decode` (HS256, `exp` checked against the clock).
///
/// ```
/// use hardtack_benches::token::{TokenFixture, hardtack_verify, jsonwebtoken_verify};
/// let f = TokenFixture::new();
/// // `sub` is the uid; `exp` is a century after issue, so the real clock passes it.
/// assert_eq!(jsonwebtoken_verify(&f), hardtack_verify(&f));
/// ```
pub fn jsonwebtoken_verify(f: &TokenFixture) -> usize {
    jsonwebtoken::decode::<Claims>(&f.jwt, &f.jwt_dec, &f.jwt_validation)
        .map_or(0, |d| d.claims.sub.len())
}

/// `cookie` `SignedJar::get` on a jar holding the signed cookie.
///
/// Its digest is the length of the whole signed value, `uid.time`, which the jar
/// returns unsplit: unlike the others' it is not the uid's length.
///
/// ```
/// use hardtack_benches::token::{ISSUED_AT, TokenFixture, UID, cookie_signed_jar_verify};
/// let f = TokenFixture::new();
/// assert_eq!(cookie_signed_jar_verify(&f), format!("{UID}.{ISSUED_AT}").len());
/// ```
pub fn cookie_signed_jar_verify(f: &TokenFixture) -> usize {
    let mut jar = cookie::CookieJar::new();
    jar.add_original(("remember", f.cookie_signed.clone()));
    jar.signed(&f.cookie_key)
        .get("remember")
        .map_or(0, |c| c.value().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_implementation_succeeds() {
        let f = TokenFixture::new();
        assert_eq!(hardtack_sign(&f), f.token.len());
        assert_eq!(f.token.len(), UID.len() + 54);
        assert!(floor_sign(&f) > 0);
        assert!(jsonwebtoken_sign(&f) > 0);
        assert_eq!(cookie_signed_jar_sign(&f), f.cookie_signed.len());
        assert_eq!(hardtack_verify(&f), UID.len());
        assert_eq!(hardtack_verify_16(&f), UID.len());
        assert_eq!(floor_verify(&f), UID.len());
        assert_eq!(jsonwebtoken_verify(&f), UID.len());
        assert_eq!(cookie_signed_jar_verify(&f), "u1234567890.1767225600".len());
    }

    #[test]
    fn the_floor_hashes_as_much_as_hardtack() {
        // Header, uid length, uid, 6-byte time: hardtack's MAC input for this token.
        assert_eq!(TokenFixture::new().msg.len(), 2 + UID.len() + 6);
    }

    /// Swaps the character at `at` for another one of the base64 alphabet.
    fn tamper(s: &mut String, at: usize) {
        let new = if &s[at..=at] == "A" { "B" } else { "A" };
        s.replace_range(at..=at, new);
    }

    #[test]
    fn tampered_tokens_fail_everywhere() {
        let mut f = TokenFixture::new();
        let (t, j) = (f.token.len(), f.jwt.len());
        tamper(&mut f.token, t - 10);
        tamper(&mut f.jwt, j - 10);
        tamper(&mut f.cookie_signed, 5);
        f.tag[0] ^= 1;
        assert_eq!(hardtack_verify(&f), 0);
        assert_eq!(floor_verify(&f), 0);
        assert_eq!(jsonwebtoken_verify(&f), 0);
        assert_eq!(cookie_signed_jar_verify(&f), 0);
    }
}
