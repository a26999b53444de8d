//! `http` crate interop: several Cookie fields read as one, Set-Cookie never joined.
#![cfg(feature = "http")]

use http::header::{COOKIE, SET_COOKIE};
use http::{HeaderMap, HeaderValue};

use hardtack::cookie::{Profile, SameSite, SetCookie};

#[test]
fn cookie_pairs_walks_every_cookie_field_in_order() {
    let mut h = HeaderMap::new();
    h.append(COOKIE, HeaderValue::from_static("a=1; b=2"));
    h.append(COOKIE, HeaderValue::from_static("c=3"));
    h.append(COOKIE, HeaderValue::from_static(""));
    h.append(COOKIE, HeaderValue::from_static("d=4;; e=5"));
    let pairs: Vec<_> = hardtack::http::cookie_pairs(&h).collect();
    assert_eq!(
        pairs,
        [("a", "1"), ("b", "2"), ("c", "3"), ("d", "4"), ("e", "5")]
    );
}

#[test]
fn cookie_pairs_skips_non_utf8_pairs_only() {
    let mut h = HeaderMap::new();
    h.append(
        COOKIE,
        HeaderValue::from_bytes(b"a=\xff; b=2").expect("valid header bytes"),
    );
    let pairs: Vec<_> = hardtack::http::cookie_pairs(&h).collect();
    assert_eq!(pairs, [("b", "2")]);
}

#[test]
fn two_set_cookies_stay_two_fields() {
    let mut h = HeaderMap::new();
    let expires = time::OffsetDateTime::from_unix_timestamp(1_445_412_480).expect("in range");
    let a = SetCookie::build("a", "1")
        .expires(expires)
        .finish()
        .expect("valid");
    let b = SetCookie::build("b", "2")
        .secure(true)
        .same_site(SameSite::None)
        .finish()
        .expect("valid");
    hardtack::http::append_set_cookie(&mut h, &a);
    hardtack::http::append_set_cookie(&mut h, &b);
    let all: Vec<&HeaderValue> = h.get_all(SET_COOKIE).iter().collect();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0], "a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT");
    assert_eq!(all[1], "b=2; Secure; SameSite=None");
    assert!(all.iter().all(|v| v.is_sensitive()));
    // And they parse back as written.
    let back: Vec<_> = hardtack::http::set_cookies(&h, Profile::Strict)
        .map(|c| c.map(|c| c.name().to_owned()))
        .collect();
    assert_eq!(back, [Ok("a".to_owned()), Ok("b".to_owned())]);
}

#[test]
fn header_value_debug_hides_the_cookie() {
    let c = SetCookie::build("sid", "secret-value")
        .finish()
        .expect("valid");
    let v = hardtack::http::set_cookie_header_value(&c);
    assert!(!format!("{v:?}").contains("secret-value"));
}

#[cfg(all(feature = "token", feature = "sid"))]
#[test]
fn a_signed_session_round_trips_through_header_maps() {
    use hardtack::session::SignedSessions;
    use hardtack::sid::SessionId;
    use hardtack::token::MasterKey;
    use std::time::Duration;

    let key = MasterKey::from_bytes(&[3; 32]).expect("32-byte key");
    let sessions = SignedSessions::new(&key, Duration::from_secs(3600)).expect("ring");
    let id = SessionId::generate().expect("os rng");
    let token = sessions.issue(&id, 1_000).expect("sign");

    // Response: the cookie goes out as its own Set-Cookie field.
    let mut response = HeaderMap::new();
    let cookie = sessions
        .set_cookie("__Host-session", &token, 1_000)
        .finish()
        .expect("valid cookie");
    hardtack::http::append_set_cookie(&mut response, &cookie);
    let sent = response.get(SET_COOKIE).expect("one field");
    let value = sent
        .to_str()
        .expect("ASCII")
        .split(';')
        .next()
        .and_then(|pair| pair.strip_prefix("__Host-session="))
        .expect("name=value first");

    // Next request, HTTP/2 style: one Cookie field per cookie.
    let mut request = HeaderMap::new();
    request.append(COOKIE, HeaderValue::from_static("theme=dark"));
    request.append(
        COOKIE,
        HeaderValue::from_str(&format!("__Host-session={value}")).expect("valid"),
    );
    let opened = sessions
        .find(
            hardtack::http::cookie_pairs(&request),
            "__Host-session",
            1_010,
        )
        .expect("opens");
    assert_eq!(opened.id(), &id);
}
