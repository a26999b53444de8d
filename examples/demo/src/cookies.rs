//! The cookies the demo sends, each built and validated by hardtack's serializer.

use core::fmt;

use hardtack::cookie::rfc2109::{Version0Error, check_version0};
use hardtack::cookie::{BuildError, ResponseCookie, SameSite, SetCookie};
use hardtack::sid::SessionId;
use hardtack::token::Token;

use crate::app::App;

/// The session cookie. `__Host-`: the browser keeps it only if it is `Secure`, has
/// `Path=/` and no `Domain`, so no sibling host or path can plant or shadow it.
pub(crate) const SESSION: &str = "__Host-session";
/// The remember-me cookie, `__Host-` for the same reason.
pub(crate) const REMEMBER: &str = "__Host-remember";
/// A harmless preference, readable by scripts, to show the serializer refusing values.
pub(crate) const THEME: &str = "theme";
/// A year, well under the 400-day cap browsers apply.
const THEME_MAX_AGE: i64 = 365 * 86_400;

fn seconds(secs: u64) -> i64 {
    i64::try_from(secs).unwrap_or(i64::MAX)
}

/// `__Host-session` for the session `id` created at `created`. `Max-Age` is what
/// the [`Lifetime`](hardtack::sid::Lifetime) policy grants from `now` (the idle
/// timeout, cut at the absolute deadline), so the browser drops the cookie when the
/// server would refuse it.
pub(crate) fn session(
    app: &App,
    id: &SessionId,
    created: u64,
    now: u64,
) -> Result<ResponseCookie<'static>, CookieError> {
    let token = app.sessions.issue(id, created).map_err(|_| CookieError)?;
    let max_age = seconds(app.lifetime.max_age(created, now));
    let cookie = app
        .sessions
        .set_cookie(SESSION, &token, now)
        .max_age(max_age)
        .finish()
        .map_err(|_| CookieError)?;
    Ok(cookie.into_owned())
}

/// `__Host-remember` carrying `token`, kept by the browser as long as the token is
/// valid.
pub(crate) fn remember(app: &App, token: &Token) -> Result<ResponseCookie<'static>, CookieError> {
    let cookie = host_only(REMEMBER, token.as_str())
        .max_age(seconds(app.remember_for.as_secs()))
        .finish()
        .map_err(|_| CookieError)?;
    Ok(cookie.into_owned())
}

/// Deletes the cookie `name` (one of [`SESSION`], [`REMEMBER`]): same name, path and
/// `Secure` flag, empty value, `Max-Age=0` and an `Expires` in 1970.
pub(crate) fn removal(name: &'static str) -> Result<ResponseCookie<'static>, CookieError> {
    host_only(name, "")
        .finish()
        .map(|c| c.removal())
        .map_err(|_| CookieError)
}

fn host_only<'a>(name: &'a str, value: &'a str) -> hardtack::cookie::SetCookieBuilder<'a> {
    SetCookie::build(name, value)
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Lax)
}

/// The `theme` preference cookie, if `value` is safe for every client: the RFC 6265
/// serializer must accept it, and so must the RFC 2109 "Version 0" check, because
/// old clients and many phones' HTTP stacks split or truncate values at tspecials
/// such as `/`, `=` or `@` that RFC 6265 allows.
pub(crate) fn theme(value: &str) -> Result<ResponseCookie<'static>, Refused> {
    let cookie = SetCookie::build(THEME, value)
        .path("/")
        .secure(true)
        .same_site(SameSite::Lax)
        .max_age(THEME_MAX_AGE)
        .finish()
        .map_err(Refused::Serializer)?;
    check_version0(THEME, value).map_err(Refused::Version0)?;
    Ok(cookie.into_owned())
}

/// A cookie the server itself builds failed validation: a bug, reported as such
/// rather than sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CookieError;

impl fmt::Display for CookieError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the server could not build a cookie")
    }
}

/// Why a preference value never reached the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// The RFC 6265 serializer refused it (a `;`, a quote, a space…).
    Serializer(BuildError),
    /// RFC 6265 allows it, but an RFC 2109 / Version 0 client would misread it.
    Version0(Version0Error),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Serializer(e) => write!(f, "refused by the RFC 6265 serializer: {e}"),
            Refused::Version0(e) => write!(f, "refused by the Version 0 check: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use core::num::NonZeroU64;
    use core::time::Duration;

    use hardtack::sid::Lifetime;
    use hardtack::token::MasterKey;

    use super::*;

    fn app() -> App {
        let idle = NonZeroU64::new(600).unwrap_or(NonZeroU64::MIN);
        let absolute = NonZeroU64::new(3600).unwrap_or(NonZeroU64::MIN);
        let key = MasterKey::from_bytes(&[9; 32]);
        let app = key.and_then(|k| {
            App::new(
                &k,
                Lifetime::new(idle, absolute),
                Duration::from_secs(86_400),
            )
        });
        match app {
            Ok(app) => app,
            Err(e) => panic!("app: {e}"),
        }
    }

    #[test]
    fn the_session_cookie_has_the_intended_attributes() {
        let app = app();
        let Ok(id) = SessionId::parse("q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf") else {
            panic!("id")
        };
        let text = session(&app, &id, 1_000, 1_000).map(|c| c.to_string());
        let text = text.unwrap_or_default();
        assert!(
            text.starts_with("__Host-session=q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf."),
            "{text}"
        );
        assert!(
            text.ends_with("; Max-Age=600; Path=/; Secure; HttpOnly; SameSite=Lax"),
            "{text}"
        );
        // Near the absolute deadline the idle allowance is cut short.
        let late = session(&app, &id, 1_000, 4_300).map(|c| c.max_age());
        assert_eq!(late, Ok(Some(300)));
    }

    #[test]
    fn removals_keep_the_host_prefix_rules() {
        for name in [SESSION, REMEMBER] {
            assert_eq!(
                removal(name).map(|c| c.to_string()),
                Ok(format!(
                    "{name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax"
                ))
            );
        }
    }

    #[test]
    fn theme_values_safe_everywhere_pass() {
        assert_eq!(
            theme("dark-blue_2").map(|c| c.to_string()),
            Ok("theme=dark-blue_2; Max-Age=31536000; Path=/; Secure; SameSite=Lax".to_owned())
        );
    }

    #[test]
    fn version0_tspecials_are_refused_even_where_rfc6265_allows_them() {
        for (value, offset, byte) in [
            ("dark/blue", 4, b'/'),
            ("a=b", 1, b'='),
            ("me@home", 2, b'@'),
            // RFC 6265 allows a quoted value; a Version 0 client keeps the quotes.
            ("\"q\"", 0, b'"'),
        ] {
            match theme(value) {
                Err(Refused::Version0(e)) => assert_eq!((e.offset(), e.byte()), (offset, byte)),
                other => panic!("{value}: {other:?}"),
            }
        }
    }

    #[test]
    fn injection_is_refused_by_the_serializer_first() {
        for value in ["a;b", "a b", "a,b", "x\r\nSet-Cookie: y=z"] {
            assert!(
                matches!(theme(value), Err(Refused::Serializer(_))),
                "{value:?}"
            );
        }
    }
}
