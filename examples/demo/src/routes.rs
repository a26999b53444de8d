//! The HTTP surface: one handler per route, each turning a [`Visit`] into a response.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Form, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use http::{HeaderMap, HeaderValue, StatusCode};

use crate::app::App;
use crate::clock;
use crate::cookies::{self, CookieError, REMEMBER, SESSION, THEME};
use crate::pages;
use crate::users;
use crate::visit::{self, Visit};

type Shared = State<Arc<App>>;
/// Form fields in order; fields the handler does not know are ignored.
type Fields = Form<Vec<(String, String)>>;

pub(crate) fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/me", get(me))
        .route("/login", post(login))
        .route("/logout", post(logout))
        .route("/prefs", post(prefs))
        .route("/lint", post(lint))
        .with_state(app)
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// A response with the visit's `Set-Cookie` headers, each its own field.
fn respond(
    status: StatusCode,
    visit: &Visit,
    body: Option<String>,
    location: Option<&'static str>,
) -> Response {
    let mut headers = HeaderMap::new();
    for cookie in &visit.set_cookies {
        hardtack::http::append_set_cookie(&mut headers, cookie);
    }
    // Pages show who is signed in: no shared cache may keep them.
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(to) = location {
        headers.insert(LOCATION, HeaderValue::from_static(to));
    }
    match body {
        Some(html) => {
            headers.insert(
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            (status, headers, html).into_response()
        }
        None => (status, headers).into_response(),
    }
}

async fn index(State(app): Shared, headers: HeaderMap) -> Response {
    let visit = visit::visit(&app, &headers, clock::now());
    respond(
        StatusCode::OK,
        &visit,
        Some(pages::index(&visit, None)),
        None,
    )
}

async fn me(State(app): Shared, headers: HeaderMap) -> Response {
    let now = clock::now();
    let visit = visit::visit(&app, &headers, now);
    let body = pages::me(&visit, now, app.lifetime.idle());
    respond(StatusCode::OK, &visit, Some(body), None)
}

async fn login(State(app): Shared, headers: HeaderMap, Form(fields): Fields) -> Response {
    let now = clock::now();
    let mut visit = visit::visit(&app, &headers, now);
    let uid = field(&fields, "user").unwrap_or_default();
    let password = field(&fields, "password").unwrap_or_default();
    let Some(user) = users::authenticate(uid, password) else {
        let body = pages::index(&visit, Some("Wrong user name or password."));
        return respond(StatusCode::UNAUTHORIZED, &visit, Some(body), None);
    };

    // Every login gets a new id: the one the visitor had (maybe planted by someone
    // else) is retired, not promoted.
    let previous = visit.signed_in.take().map(|s| s.id);
    let (signed_in, cookie) = match visit::start(&app, user, previous, now) {
        Ok(started) => started,
        Err(e) => {
            let message = format!("No session could be created: {e}.");
            let body = pages::index(&visit, Some(&message));
            return respond(StatusCode::SERVICE_UNAVAILABLE, &visit, Some(body), None);
        }
    };
    visit.forget(SESSION);
    visit.forget(REMEMBER);
    visit.send(cookie);
    if field(&fields, "remember").is_some() {
        let token = app.remember.sign(signed_in.user.uid, now);
        visit.send(
            token
                .map_err(|_| CookieError)
                .and_then(|t| cookies::remember(&app, &t)),
        );
    } else if visit.had_remember {
        // Signing in without "remember me" ends any earlier remember-me.
        visit.send(cookies::removal(REMEMBER));
    }
    respond(StatusCode::SEE_OTHER, &visit, None, Some("/me"))
}

async fn logout(State(app): Shared, headers: HeaderMap) -> Response {
    let now = clock::now();
    let mut visit = visit::visit(&app, &headers, now);
    if let Some(s) = visit.signed_in.take() {
        app.store.remove(&s.id.storage_key());
        // A copy of the remember-me cookie taken before now is worthless from now on.
        app.store.revoke_remember(s.user.uid, now);
    }
    visit.forget(SESSION);
    visit.forget(REMEMBER);
    visit.send(cookies::removal(SESSION));
    visit.send(cookies::removal(REMEMBER));
    respond(StatusCode::SEE_OTHER, &visit, None, Some("/"))
}

async fn prefs(State(app): Shared, headers: HeaderMap, Form(fields): Fields) -> Response {
    let mut visit = visit::visit(&app, &headers, clock::now());
    let value = field(&fields, THEME).unwrap_or_default();
    match cookies::theme(value) {
        Ok(cookie) => {
            let header = cookie.to_string();
            visit.set_cookies.push(cookie);
            respond(
                StatusCode::OK,
                &visit,
                Some(pages::prefs(value, Ok(&header))),
                None,
            )
        }
        Err(refused) => {
            let body = pages::prefs(value, Err(refused));
            respond(StatusCode::BAD_REQUEST, &visit, Some(body), None)
        }
    }
}

async fn lint(State(app): Shared, headers: HeaderMap, Form(fields): Fields) -> Response {
    let now = clock::now();
    let visit = visit::visit(&app, &headers, now);
    let input = field(&fields, "header").unwrap_or_default();
    let verdict = crate::lint::verdict(input, i64::try_from(now).unwrap_or(i64::MAX));
    respond(StatusCode::OK, &visit, Some(pages::lint(&verdict)), None)
}
