//! Who is asking: the state a request's cookies establish, decided once per request.
//!
//! Every failure ends the same way for the client (anonymous, and a removal header
//! for the cookie that failed); the reason is kept as a note for the page, which is
//! a demo's privilege: a real server would log it instead.

use http::HeaderMap;
use http::header::COOKIE;

use hardtack::cookie::ResponseCookie;
use hardtack::session::SessionError;
use hardtack::sid::{GenerateError, SessionId, Status};

use crate::app::App;
use crate::cookies::{self, CookieError, REMEMBER, SESSION};
use crate::store::Session;
use crate::users::{self, User};

/// Browsers send at most about 4 KiB per cookie and servers commonly refuse header
/// fields past 8 KiB; a `Cookie` header larger than this in all is ignored whole.
pub(crate) const MAX_COOKIE_BYTES: usize = 8 * 1024;
/// How many received cookies the `/me` page lists.
const MAX_LISTED: usize = 32;

/// A signed-in user and their session.
#[derive(Debug)]
pub(crate) struct SignedIn {
    pub(crate) user: User,
    pub(crate) id: SessionId,
    pub(crate) session: Session,
}

/// A cookie the request carried, as the `/me` page shows it: the value is never
/// echoed, only its length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Seen {
    pub(crate) name: String,
    pub(crate) value_len: usize,
}

#[derive(Debug, Default)]
pub(crate) struct Visit {
    pub(crate) signed_in: Option<SignedIn>,
    /// Why cookies were refused, or what was done with them.
    pub(crate) notes: Vec<String>,
    /// `Set-Cookie` headers the response must carry, in order.
    pub(crate) set_cookies: Vec<ResponseCookie<'static>>,
    pub(crate) seen: Vec<Seen>,
    pub(crate) cookie_fields: usize,
    pub(crate) cookie_bytes: usize,
    pub(crate) had_remember: bool,
}

impl Visit {
    pub(crate) fn send(&mut self, cookie: Result<ResponseCookie<'static>, CookieError>) {
        match cookie {
            Ok(c) => self.set_cookies.push(c),
            Err(e) => self.notes.push(e.to_string()),
        }
    }

    fn clear(&mut self, name: &'static str) {
        self.send(cookies::removal(name));
    }

    /// Drops queued `Set-Cookie`s for `name`, before a handler sends its own.
    pub(crate) fn forget(&mut self, name: &str) {
        self.set_cookies.retain(|c| c.name() != name);
    }
}

/// Reads the request's cookies and settles its state: a live session, a session
/// re-created from the remember-me cookie, or anonymous.
pub(crate) fn visit(app: &App, headers: &HeaderMap, now: u64) -> Visit {
    let mut v = Visit::default();
    let fields = headers.get_all(COOKIE);
    v.cookie_fields = fields.iter().count();
    v.cookie_bytes = fields.iter().map(|f| f.len()).sum();
    if v.cookie_bytes > MAX_COOKIE_BYTES {
        v.notes.push(format!(
            "Cookie header of {} bytes ignored (limit {MAX_COOKIE_BYTES})",
            v.cookie_bytes
        ));
        v.clear(SESSION);
        v.clear(REMEMBER);
        return v;
    }
    for (name, value) in hardtack::http::cookie_pairs(headers).take(MAX_LISTED) {
        v.seen.push(Seen {
            name: name.to_owned(),
            value_len: value.len(),
        });
    }
    v.had_remember = hardtack::http::cookie_pairs(headers).any(|(n, _)| n == REMEMBER);

    v.signed_in = session(app, headers, now, &mut v);
    if v.signed_in.is_none() {
        v.signed_in = remembered(app, headers, now, &mut v);
    }
    v
}

fn session(app: &App, headers: &HeaderMap, now: u64, v: &mut Visit) -> Option<SignedIn> {
    let pairs = hardtack::http::cookie_pairs(headers);
    // One HMAC decides whether the cookie is ours before the store is touched.
    let opened = match app.sessions.find(pairs, SESSION, now) {
        Ok(opened) => opened,
        Err(SessionError::Missing) => return None,
        Err(e) => {
            v.notes.push(e.to_string());
            v.clear(SESSION);
            return None;
        }
    };
    let id = opened.into_id();
    let key = id.storage_key();
    let Some(session) = app.store.get(&key) else {
        v.notes
            .push("session cookie rejected: no such session (logged out?)".to_owned());
        v.clear(SESSION);
        return None;
    };
    let status = app.lifetime.check(session.created, session.last_seen, now);
    let expired = match status {
        Status::Valid => None,
        Status::Renew => {
            // Record the activity and extend the cookie together, so the browser's
            // expiry and the store's agree.
            app.store.touch(&key, now);
            v.send(cookies::session(app, &id, session.created, now));
            None
        }
        Status::IdleExpired => Some("idle for the whole idle timeout"),
        Status::AbsoluteExpired => Some("older than the absolute timeout"),
    };
    if let Some(why) = expired {
        app.store.remove(&key);
        v.notes.push(format!("session expired: {why}"));
        v.clear(SESSION);
        return None;
    }
    let user = users::by_uid(session.uid)?;
    let session = app.store.get(&key).unwrap_or(session);
    Some(SignedIn { user, id, session })
}

fn remembered(app: &App, headers: &HeaderMap, now: u64, v: &mut Visit) -> Option<SignedIn> {
    let mut rejected = None;
    for (_, value) in hardtack::http::cookie_pairs(headers).filter(|(n, _)| *n == REMEMBER) {
        let verified = app
            .remember
            .verify(value, now, &app.remember_options)
            .and_then(|t| {
                t.check_not_before(app.store.remember_cutoff(t.uid))
                    .map(|()| t)
            });
        match verified.map(|t| users::by_uid(t.uid)) {
            Ok(Some(user)) => match start(app, user, None, now) {
                Ok((signed_in, cookie)) => {
                    v.notes
                        .push("signed in again from the remember-me cookie".to_owned());
                    v.send(cookie);
                    return Some(signed_in);
                }
                Err(e) => {
                    v.notes.push(format!("no session could be created: {e}"));
                    return None;
                }
            },
            Ok(None) => {
                rejected
                    .get_or_insert_with(|| "remember-me cookie rejected: no such user".to_owned());
            }
            Err(e) => {
                rejected.get_or_insert_with(|| format!("remember-me cookie rejected: {e}"));
            }
        }
    }
    if let Some(note) = rejected {
        v.notes.push(note);
        v.clear(REMEMBER);
    }
    None
}

/// Starts a session for `user`. With a `previous` id (the visitor already had a
/// session) the id is rotated: the old one is deleted and can never be used again,
/// which defeats session fixation. Returns the session and its cookie.
pub(crate) fn start(
    app: &App,
    user: User,
    previous: Option<SessionId>,
    now: u64,
) -> Result<(SignedIn, Result<ResponseCookie<'static>, CookieError>), GenerateError> {
    let id = match previous {
        Some(mut id) => {
            let retired = id.rotate()?;
            app.store.remove(&retired);
            id
        }
        None => SessionId::generate()?,
    };
    let session = Session {
        uid: user.uid,
        created: now,
        last_seen: now,
    };
    app.store.insert(id.storage_key(), session, now);
    let cookie = cookies::session(app, &id, now, now);
    Ok((SignedIn { user, id, session }, cookie))
}

#[cfg(test)]
mod tests {
    use core::num::NonZeroU64;
    use core::time::Duration;

    use hardtack::sid::Lifetime;
    use hardtack::token::MasterKey;
    use http::HeaderValue;

    use super::*;

    const T0: u64 = 1_800_000_000;

    /// Idle 100 s (renewal after 50 s), absolute 300 s.
    fn app() -> App {
        let idle = NonZeroU64::new(100).unwrap_or(NonZeroU64::MIN);
        let absolute = NonZeroU64::new(300).unwrap_or(NonZeroU64::MIN);
        let app = MasterKey::from_bytes(&[3; 32])
            .and_then(|k| App::new(&k, Lifetime::new(idle, absolute), Duration::from_secs(3600)));
        match app {
            Ok(app) => app,
            Err(e) => panic!("app: {e}"),
        }
    }

    fn alice() -> User {
        users::by_uid("alice").unwrap_or_else(|| panic!("alice"))
    }

    /// Starts a session at `T0` and returns the `Cookie` header that carries it.
    fn logged_in(app: &App) -> HeaderMap {
        let Ok((_, Ok(cookie))) = start(app, alice(), None, T0) else {
            panic!("start")
        };
        headers(&format!("{}={}", cookie.name(), cookie.value()))
    }

    fn headers(cookie: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        match HeaderValue::from_str(cookie) {
            Ok(v) => h.append(COOKIE, v),
            Err(e) => panic!("header: {e}"),
        };
        h
    }

    fn names(v: &Visit) -> Vec<(String, Option<i64>)> {
        v.set_cookies
            .iter()
            .map(|c| (c.name().to_owned(), c.max_age()))
            .collect()
    }

    #[test]
    fn before_the_renewal_point_nothing_is_written() {
        let app = app();
        let h = logged_in(&app);
        let v = visit(&app, &h, T0 + 49);
        assert_eq!(v.signed_in.map(|s| s.session.last_seen), Some(T0));
        assert!(v.set_cookies.is_empty());
        assert!(v.notes.is_empty());
    }

    #[test]
    fn renewal_touches_last_seen_and_resends_the_cookie() {
        let app = app();
        let h = logged_in(&app);
        let v = visit(&app, &h, T0 + 60);
        assert_eq!(
            v.signed_in.as_ref().map(|s| s.session.last_seen),
            Some(T0 + 60)
        );
        assert_eq!(names(&v), [(SESSION.to_owned(), Some(100))]);
        // The renewed session survives what would have been its idle deadline.
        let later = visit(&app, &h, T0 + 150);
        assert!(later.signed_in.is_some());
    }

    #[test]
    fn an_idle_session_is_deleted_and_its_cookie_removed() {
        let app = app();
        let h = logged_in(&app);
        let v = visit(&app, &h, T0 + 100);
        assert!(v.signed_in.is_none());
        assert_eq!(
            v.notes,
            ["session expired: idle for the whole idle timeout"]
        );
        assert_eq!(names(&v), [(SESSION.to_owned(), Some(0))]);
        // Deleted, not just refused: the same cookie is unknown from now on.
        let again = visit(&app, &h, T0 + 101);
        assert_eq!(
            again.notes,
            ["session cookie rejected: no such session (logged out?)"]
        );
    }

    #[test]
    fn activity_does_not_extend_past_the_absolute_timeout() {
        let app = app();
        let h = logged_in(&app);
        for t in [60, 120, 180, 240] {
            assert!(visit(&app, &h, T0 + t).signed_in.is_some(), "t = {t}");
        }
        let v = visit(&app, &h, T0 + 300);
        assert!(v.signed_in.is_none());
        assert_eq!(
            v.notes,
            ["session expired: older than the absolute timeout"]
        );
        // Near the deadline the renewed cookie's Max-Age was cut to what is left.
        let Ok((_, Ok(cookie))) = start(&app, alice(), None, T0) else {
            panic!("start")
        };
        let h = headers(&format!("{}={}", cookie.name(), cookie.value()));
        for t in [60, 120, 180, 240] {
            let v = visit(&app, &h, T0 + t);
            assert_eq!(
                names(&v),
                [(SESSION.to_owned(), Some(100.min(300 - t as i64)))]
            );
        }
    }

    #[test]
    fn debug_output_holds_no_cookie_value() {
        let app = app();
        let Ok((_, Ok(cookie))) = start(&app, alice(), None, T0) else {
            panic!("start")
        };
        let h = headers(&format!("{}={}", cookie.name(), cookie.value()));
        let v = visit(&app, &h, T0 + 60);
        assert!(v.signed_in.is_some() && !v.set_cookies.is_empty());
        let id = cookie.value().split('.').next().unwrap_or_default();
        assert_eq!(id.len(), 32);
        for text in [format!("{v:?}"), format!("{app:?}")] {
            assert!(!text.contains(id), "{text}");
        }
    }

    #[test]
    fn rotation_retires_the_previous_id() {
        let app = app();
        let h = logged_in(&app);
        let Some(before) = visit(&app, &h, T0 + 1).signed_in else {
            panic!("not signed in")
        };
        let old_key = before.id.storage_key();
        let Ok((after, _)) = start(&app, alice(), Some(before.id), T0 + 2) else {
            panic!("rotate")
        };
        assert_ne!(after.id.storage_key(), old_key);
        assert_eq!(app.store.get(&old_key), None);
        assert!(app.store.get(&after.id.storage_key()).is_some());
    }

    #[test]
    fn an_oversized_header_is_not_parsed_at_all() {
        let app = app();
        let h = headers(&"a=b; ".repeat(MAX_COOKIE_BYTES / 5 + 1));
        let v = visit(&app, &h, T0);
        assert!(v.seen.is_empty());
        assert_eq!(
            names(&v),
            [
                (SESSION.to_owned(), Some(0)),
                (REMEMBER.to_owned(), Some(0))
            ]
        );
    }

    #[test]
    fn the_page_lists_at_most_a_bounded_number_of_cookies() {
        let app = app();
        let many: Vec<String> = (0..100).map(|i| format!("c{i}=v")).collect();
        let v = visit(&app, &headers(&many.join("; ")), T0);
        assert_eq!(v.seen.len(), MAX_LISTED);
        assert_eq!(
            v.seen.first().map(|s| (s.name.as_str(), s.value_len)),
            Some(("c0", 1))
        );
    }
}
