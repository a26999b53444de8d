//! The demo server over real HTTPS, byte for byte: the cookies it sends, and what it
//! does with every kind of bad cookie (never a 500).

mod common;

use core::num::NonZeroU64;
use core::time::Duration;
use std::time::{SystemTime, UNIX_EPOCH};

use common::{KEY, Server, start};
use hardtack::session::SignedSessions;
use hardtack::sid::{Lifetime, SessionId};
use hardtack::token::{KeyRing, MasterKey};
use hardtack_demo::Config;

const SESSION_ATTRS: &str = "; Max-Age=1800; Path=/; Secure; HttpOnly; SameSite=Lax";
const REMEMBER_ATTRS: &str = "; Max-Age=2592000; Path=/; Secure; HttpOnly; SameSite=Lax";
const SESSION_REMOVAL: &str = "__Host-session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax";
const REMEMBER_REMOVAL: &str = "__Host-remember=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax";

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn key() -> MasterKey {
    match MasterKey::from_bytes(&KEY) {
        Ok(k) => k,
        Err(e) => panic!("key: {e}"),
    }
}

/// Default policy (idle 30 min, absolute 12 h, remember 30 days), known key.
async fn server() -> Server {
    start(Config::default().master_key(key())).await
}

/// The value of `name` in `set_cookie`, as a `Cookie` header pair.
fn pair(r: &common::Response, name: &str) -> String {
    match r.cookie_value(name) {
        Some(v) => format!("{name}={v}"),
        None => panic!("no {name} cookie in {r:?}"),
    }
}

#[tokio::test]
async fn the_home_page_has_the_forms() {
    let s = server().await;
    let r = s.get("/", None).await;
    assert_eq!(r.status, 200);
    for form in [
        "id=\"login\"",
        "id=\"lint\"",
        "id=\"prefs\"",
        "id=\"logout\"",
    ] {
        assert!(r.body.contains(form), "{form}");
    }
    assert!(r.is_anonymous());
    assert!(r.set_cookies().is_empty());
    assert_eq!(r.all("cache-control"), ["no-store"]);
}

#[tokio::test]
async fn login_sets_both_cookies_with_the_intended_attributes() {
    let s = server().await;
    let r = s.login("alice", "wonderland", true).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.all("location"), ["/me"]);
    assert_eq!(r.set_cookies().len(), 2, "{r:?}");

    let session = r.set_cookie("__Host-session").unwrap_or_default();
    assert!(session.ends_with(SESSION_ATTRS), "{session}");
    // A 32-character id, a dot, the issue time and the signature: 86 characters.
    assert_eq!(r.cookie_value("__Host-session").map(|v| v.len()), Some(86));

    let remember = r.set_cookie("__Host-remember").unwrap_or_default();
    assert!(remember.starts_with("__Host-remember=alice."), "{remember}");
    assert!(remember.ends_with(REMEMBER_ATTRS), "{remember}");

    let me = s.get("/me", Some(&pair(&r, "__Host-session"))).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.signed_in_as(), Some("Alice"));
    // A live session needs no new cookie until the renewal point.
    assert!(me.set_cookies().is_empty(), "{me:?}");
}

#[tokio::test]
async fn without_remember_me_only_the_session_cookie_is_sent() {
    let s = server().await;
    let r = s.login("bob", "builder", false).await;
    assert_eq!(r.status, 303);
    assert!(r.set_cookie("__Host-session").is_some());
    assert_eq!(r.set_cookie("__Host-remember"), None);
}

#[tokio::test]
async fn a_wrong_password_gets_401_and_no_cookie() {
    let s = server().await;
    for (user, password) in [
        ("alice", "builder"),
        ("alice", ""),
        ("", ""),
        ("mallory", "x"),
    ] {
        let r = s.login(user, password, true).await;
        assert_eq!(r.status, 401, "{user}/{password}");
        assert!(r.set_cookies().is_empty(), "{user}/{password}");
        assert!(r.body.contains("Wrong user name or password"));
    }
}

#[tokio::test]
async fn every_login_rotates_the_session_id() {
    let s = server().await;
    let first = s.login("alice", "wonderland", false).await;
    let old = pair(&first, "__Host-session");
    let again = s
        .post("/login", Some(&old), "user=alice&password=wonderland")
        .await;
    let new = pair(&again, "__Host-session");
    assert_ne!(old, new);

    // The old id was retired: signed, but no longer in the store.
    let stale = s.get("/me", Some(&old)).await;
    assert!(stale.is_anonymous());
    assert!(stale.body.contains("no such session"), "{}", stale.body);
    assert_eq!(stale.set_cookies(), [SESSION_REMOVAL]);

    let fresh = s.get("/me", Some(&new)).await;
    assert_eq!(fresh.signed_in_as(), Some("Alice"));
}

#[tokio::test]
async fn bad_session_cookies_get_a_fresh_anonymous_state_never_a_500() {
    let s = server().await;
    let t = now();
    let other_key = MasterKey::from_bytes(&[0x55; 32]).ok();
    let foreign = other_key
        .and_then(|k| SignedSessions::new(&k, Duration::from_secs(3600)).ok())
        .and_then(|ss| ss.issue(&SessionId::generate().ok()?, t).ok())
        .map(|tok| tok.to_string())
        .unwrap_or_default();
    let ours = SignedSessions::new(&key(), Duration::from_secs(12 * 3600)).ok();
    let id = SessionId::generate().ok();
    let sign = |at: u64| {
        ours.as_ref()
            .zip(id.as_ref())
            .and_then(|(ss, id)| ss.issue(id, at).ok())
            .map(|tok| tok.to_string())
            .unwrap_or_default()
    };
    let (expired, future, unknown) = (sign(t - 13 * 3600), sign(t + 3600), sign(t));
    let remember_as_session = KeyRing::single("demo/remember", &key())
        .ok()
        .and_then(|r| r.sign("alice", t).ok())
        .map(|tok| tok.to_string())
        .unwrap_or_default();
    let mut forged = unknown.clone().into_bytes();
    if let Some(last) = forged.last_mut() {
        *last = if *last == b'A' { b'B' } else { b'A' };
    }
    let forged = String::from_utf8(forged).unwrap_or_default();

    let cases: [(&str, String, &str); 9] = [
        ("garbage", "garbage".to_owned(), "malformed"),
        ("empty", String::new(), "malformed"),
        (
            "a bare session id",
            "q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf".to_owned(),
            "malformed",
        ),
        ("4000 bytes", "A".repeat(4000), "malformed"),
        ("another server's key", foreign, "bad token signature"),
        ("one character changed", forged, "bad token signature"),
        (
            "a remember-me token",
            remember_as_session,
            "bad token signature",
        ),
        ("past the absolute timeout", expired, "expired"),
        ("issued in the future", future, "future"),
    ];
    for (what, value, why) in cases {
        let r = s.get("/me", Some(&format!("__Host-session={value}"))).await;
        assert_eq!(r.status, 200, "{what}");
        assert!(r.is_anonymous(), "{what}");
        assert!(r.body.contains(why), "{what}: {}", r.body);
        assert_eq!(r.set_cookies(), [SESSION_REMOVAL], "{what}");
    }
    // Authentic, fresh, but never issued by this server's store.
    let r = s
        .get("/me", Some(&format!("__Host-session={unknown}")))
        .await;
    assert!(r.is_anonymous());
    assert!(r.body.contains("no such session"));
}

#[tokio::test]
async fn bytes_no_client_should_send_are_survived() {
    let s = server().await;
    let heads: [&[u8]; 4] = [
        b"GET /me HTTP/1.1\r\nCookie: __Host-session=\xff\xfe\x80",
        b"GET /me HTTP/1.1\r\nCookie: ;;;==;\t; =x; __Host-session",
        b"GET /me HTTP/1.1\r\nCookie: __Host-session=\"quoted\"; __Host-remember=\"\"",
        b"GET /me HTTP/1.1\r\nCookie: a=1\r\nCookie: __Host-remember=x.y.z\r\nCookie: b=2",
    ];
    for head in heads {
        let r = s.expect(head, b"").await;
        assert_eq!(r.status, 200, "{:?}", String::from_utf8_lossy(head));
        assert!(r.is_anonymous());
    }
    // A pair longer than a browser would store (4096 bytes) is skipped by the parser,
    // as a browser would skip it: nothing to refuse, nothing to remove.
    let r = s
        .get("/me", Some(&format!("__Host-session={}", "A".repeat(4100))))
        .await;
    assert_eq!(r.status, 200);
    assert!(r.is_anonymous());
    assert!(
        r.body
            .contains("<p id=\"cookies\" class=\"muted\">none</p>")
    );
    assert!(r.set_cookies().is_empty());
}

#[tokio::test]
async fn bad_remember_tokens_are_refused_and_removed() {
    let s = server().await;
    let t = now();
    let sign = |context: &str, uid: &str, at: u64| {
        KeyRing::single(context, &key())
            .ok()
            .and_then(|r| r.sign(uid, at).ok())
            .map(|tok| tok.to_string())
            .unwrap_or_default()
    };
    let cases = [
        (
            "a session-context token",
            sign("session", "alice", t),
            "bad token signature",
        ),
        (
            "expired",
            sign("demo/remember", "alice", t - 31 * 86_400),
            "expired",
        ),
        (
            "an unknown user",
            sign("demo/remember", "mallory", t),
            "no such user",
        ),
        ("garbage", "alice.AAAAAAAA.x".to_owned(), "malformed"),
    ];
    for (what, value, why) in cases {
        let r = s
            .get("/me", Some(&format!("__Host-remember={value}")))
            .await;
        assert_eq!(r.status, 200, "{what}");
        assert!(r.is_anonymous(), "{what}");
        assert!(r.body.contains(why), "{what}: {}", r.body);
        assert_eq!(r.set_cookies(), [REMEMBER_REMOVAL], "{what}");
    }
}

#[tokio::test]
async fn a_valid_remember_token_recreates_the_session() {
    let s = server().await;
    let login = s.login("bob", "builder", true).await;
    let remember = pair(&login, "__Host-remember");
    let r = s.get("/me", Some(&remember)).await;
    assert_eq!(r.signed_in_as(), Some("Bob"));
    assert!(
        r.body
            .contains("signed in again from the remember-me cookie")
    );
    let session = r.set_cookie("__Host-session").unwrap_or_default();
    assert!(session.ends_with(SESSION_ATTRS), "{session}");
    // The new session is a different one from the login's.
    assert_ne!(pair(&r, "__Host-session"), pair(&login, "__Host-session"));
}

#[tokio::test]
async fn oversized_cookie_headers_are_ignored_not_fatal() {
    let s = server().await;
    let login = s.login("alice", "wonderland", false).await;
    let big = format!(
        "{}; pad={}",
        pair(&login, "__Host-session"),
        "x".repeat(64 * 1024)
    );
    let r = s.get("/me", Some(&big)).await;
    assert_eq!(r.status, 200);
    assert!(r.is_anonymous());
    assert!(r.body.contains("ignored (limit 8192)"), "{}", r.body);
    assert_eq!(r.set_cookies(), [SESSION_REMOVAL, REMEMBER_REMOVAL]);

    // Past hyper's own header limit the request never reaches the app: refused
    // with a 4xx or a closed connection, and the server carries on.
    let huge = format!("GET /me HTTP/1.1\r\nCookie: pad={}", "x".repeat(1 << 20));
    if let Ok(r) = s.raw(huge.as_bytes(), b"").await {
        assert!((400..500).contains(&r.status), "{}", r.status);
    }
    let after = s.get("/me", Some(&pair(&login, "__Host-session"))).await;
    assert_eq!(after.signed_in_as(), Some("Alice"));
}

#[tokio::test]
async fn logout_deletes_the_session_and_expires_both_cookies() {
    let s = server().await;
    let login = s.login("alice", "wonderland", true).await;
    let session = pair(&login, "__Host-session");
    // A copy of a remember-me token issued a minute ago, as a thief would hold it.
    let stolen = KeyRing::single("demo/remember", &key())
        .ok()
        .and_then(|r| r.sign("alice", now() - 60).ok())
        .map(|tok| format!("__Host-remember={tok}"))
        .unwrap_or_default();
    assert_eq!(
        s.get("/me", Some(&stolen)).await.signed_in_as(),
        Some("Alice")
    );

    let out = s.post("/logout", Some(&session), "").await;
    assert_eq!(out.status, 303);
    assert_eq!(out.all("location"), ["/"]);
    assert_eq!(out.set_cookies(), [SESSION_REMOVAL, REMEMBER_REMOVAL]);

    let replay = s.get("/me", Some(&session)).await;
    assert!(replay.is_anonymous());
    assert!(replay.body.contains("no such session"));
    let replay = s.get("/me", Some(&stolen)).await;
    assert!(replay.is_anonymous());
    assert!(replay.body.contains("token revoked"), "{}", replay.body);
}

#[tokio::test]
async fn an_idle_session_expires_on_the_server() {
    let one = NonZeroU64::MIN;
    let hour = NonZeroU64::new(3600).unwrap_or(NonZeroU64::MAX);
    let s = start(Config::default().lifetime(Lifetime::new(one, hour))).await;
    let login = s.login("alice", "wonderland", false).await;
    let session = pair(&login, "__Host-session");
    assert!(
        login
            .set_cookie("__Host-session")
            .unwrap_or_default()
            .contains("; Max-Age=1;")
    );
    // Two clock seconds later the session has been idle for at least one whole second.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let r = s.get("/me", Some(&session)).await;
    assert_eq!(r.status, 200);
    assert!(r.is_anonymous());
    assert!(r.body.contains("session expired: idle"), "{}", r.body);
    assert_eq!(r.set_cookies(), [SESSION_REMOVAL]);
}

#[tokio::test]
async fn version0_tspecials_never_reach_the_client() {
    let s = server().await;
    for (value, why) in [
        (
            "dark%2Fblue",
            "refused by the Version 0 check: cookie value byte &#39;/&#39; at offset 4",
        ),
        ("a%3Db", "refused by the Version 0 check"),
        ("a%3Bb", "refused by the RFC 6265 serializer"),
        ("a+b", "refused by the RFC 6265 serializer"),
    ] {
        let r = s.post("/prefs", None, &format!("theme={value}")).await;
        assert_eq!(r.status, 400, "{value}");
        assert!(r.set_cookies().is_empty(), "{value}");
        assert!(r.body.contains(why), "{value}: {}", r.body);
    }
    let r = s.post("/prefs", None, "theme=dark").await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.set_cookies(),
        ["theme=dark; Max-Age=31536000; Path=/; Secure; SameSite=Lax"]
    );
}

#[tokio::test]
async fn lint_shows_the_cli_verdict_in_html() {
    let s = server().await;
    let r = s
        .post(
            "/lint",
            None,
            "header=Set-Cookie%3A+a%3D1%3B+SameSite%3DNone",
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("<p class=\"verdict bad\">errors</p>"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("<code>samesite-none-without-secure</code> at byte 5")
    );

    let r = s
        .post("/lint", None, "header=Set-Cookie%3A+%3Cb%3E%3D1")
        .await;
    assert_eq!(r.status, 200);
    assert!(!r.body.contains("<b>=1"), "input must be escaped");
    assert!(r.body.contains("&lt;b&gt;=1"));
}
