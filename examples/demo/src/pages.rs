//! The HTML of each page. Everything that came from the request is escaped.

use core::fmt::Write;

use crate::cookies::{REMEMBER, Refused, SESSION};
use crate::html::{Escaped, page};
use crate::users;
use crate::visit::Visit;

/// An error line at the top of a page.
fn error_line(out: &mut String, error: Option<&str>) {
    if let Some(m) = error {
        let _ = write!(out, "<p id=\"error\" class=\"bad\">{}</p>", Escaped(m));
    }
}

fn who(out: &mut String, visit: &Visit) {
    let _ = match &visit.signed_in {
        Some(s) => write!(
            out,
            "<p id=\"who\" class=\"ok\">Signed in as <b>{}</b> ({})</p>",
            Escaped(s.user.name),
            Escaped(s.user.uid)
        ),
        None => write!(out, "<p id=\"who\" class=\"muted\">Not signed in</p>"),
    };
}

fn notes(out: &mut String, visit: &Visit) {
    if visit.notes.is_empty() {
        return;
    }
    out.push_str("<ul id=\"notes\">");
    for n in &visit.notes {
        let _ = write!(out, "<li class=\"warn\">{}</li>", Escaped(n));
    }
    out.push_str("</ul>");
}

/// `GET /`: the forms.
pub(crate) fn index(visit: &Visit, error: Option<&str>) -> String {
    let mut b = String::with_capacity(4096);
    error_line(&mut b, error);
    who(&mut b, visit);
    notes(&mut b, visit);

    b.push_str("<h2>Sign in</h2><form id=\"login\" method=\"post\" action=\"/login\">");
    b.push_str(
        "<label>User <input type=\"text\" name=\"user\" autocomplete=\"username\"></label>\
         <label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\"></label>\
         <label><input type=\"checkbox\" name=\"remember\" value=\"on\"> Remember me</label>\
         <button type=\"submit\">Sign in</button><p class=\"muted\">Demo accounts: ",
    );
    for (i, (uid, password)) in users::all().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        let _ = write!(b, "{sep}<code>{uid}</code> / <code>{password}</code>");
    }
    b.push_str("</p></form>");

    b.push_str(
        "<form id=\"logout\" method=\"post\" action=\"/logout\"><button type=\"submit\">Sign out</button></form>",
    );

    b.push_str(
        "<h2>Lint a cookie</h2><form id=\"lint\" method=\"post\" action=\"/lint\">\
         <label>A <code>Set-Cookie</code> or <code>Cookie</code> header \
         <textarea name=\"header\" spellcheck=\"false\">Set-Cookie: sid=abc; Path=/; HttpOnly</textarea></label>\
         <button type=\"submit\">Lint</button></form>",
    );

    b.push_str(
        "<h2>Save a preference</h2><form id=\"prefs\" method=\"post\" action=\"/prefs\">\
         <label>Theme (stored in the <code>theme</code> cookie) \
         <input type=\"text\" name=\"theme\" value=\"dark\"></label>\
         <button type=\"submit\">Save</button>\
         <p class=\"muted\">Values must be safe for RFC 6265 and for old \"Version 0\" clients: \
         try <code>dark/blue</code>.</p></form>",
    );
    page("hardtack demo", &b)
}

/// `GET /me`: who you are, your session and the cookies the browser sent.
pub(crate) fn me(visit: &Visit, now: u64, idle: u64) -> String {
    let mut b = String::with_capacity(4096);
    who(&mut b, visit);
    notes(&mut b, visit);
    if let Some(s) = &visit.signed_in {
        let age = now.saturating_sub(s.session.created);
        let quiet = now.saturating_sub(s.session.last_seen);
        let _ = write!(
            b,
            "<table id=\"session\"><tr><th>session age</th><td id=\"session-age\">{age} s</td></tr>\
             <tr><th>last activity recorded</th><td>{quiet} s ago (idle timeout {idle} s)</td></tr>\
             <tr><th>stored under</th><td><code>{:?}</code> (SHA-256 of the id; the id itself is not stored)</td></tr></table>",
            s.id.storage_key()
        );
    }

    let _ = write!(
        b,
        "<h2>Cookies received</h2><p>{} <code>Cookie</code> field(s), {} bytes. Values are redacted.</p>",
        visit.cookie_fields, visit.cookie_bytes
    );
    if visit.seen.is_empty() {
        b.push_str("<p id=\"cookies\" class=\"muted\">none</p>");
    } else {
        b.push_str("<table id=\"cookies\"><tr><th>name</th><th>value</th></tr>");
        for c in &visit.seen {
            let role = match c.name.as_str() {
                SESSION => " (signed session id)",
                REMEMBER => " (remember-me token)",
                _ => "",
            };
            let _ = write!(
                b,
                "<tr><td><code>{}</code>{role}</td><td class=\"muted\">&lt;redacted, {} bytes&gt;</td></tr>",
                Escaped(&c.name),
                c.value_len
            );
        }
        b.push_str("</table>");
    }

    if !visit.set_cookies.is_empty() {
        b.push_str("<h2>Sent back with this page</h2><ul id=\"sent\">");
        for c in &visit.set_cookies {
            let _ = write!(
                b,
                "<li><code>Set-Cookie: {}=&lt;redacted&gt;{}</code></li>",
                Escaped(c.name()),
                Escaped(attributes(
                    &c.to_string(),
                    c.name().len() + 1 + c.value().len()
                ))
            );
        }
        b.push_str("</ul>");
    }
    page("Who am I?", &b)
}

/// The attribute part of a serialized `Set-Cookie` value: everything after the pair.
fn attributes(serialized: &str, pair_len: usize) -> &str {
    serialized.get(pair_len..).unwrap_or_default()
}

/// `POST /prefs`: what happened to the value.
pub(crate) fn prefs(value: &str, result: Result<&str, Refused>) -> String {
    let mut b = String::new();
    let _ = match result {
        Ok(header) => write!(
            b,
            "<p id=\"verdict\" class=\"ok\">Saved. Sent <code>Set-Cookie: {}</code></p>",
            Escaped(header)
        ),
        Err(refused) => write!(
            b,
            "<p id=\"verdict\" class=\"bad\">Not saved: <code>{}</code> was {}. No cookie was sent.</p>",
            Escaped(value),
            Escaped(&refused.to_string())
        ),
    };
    b.push_str("<p><a href=\"/\">Back</a></p>");
    page("Preference", &b)
}

/// `POST /lint`: the verdict, already HTML.
pub(crate) fn lint(verdict_html: &str) -> String {
    let mut b = String::from(verdict_html);
    b.push_str("<p><a href=\"/\">Lint another</a></p>");
    page("Lint verdict", &b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::visit::Seen;

    #[test]
    fn cookie_values_never_reach_the_page() {
        let visit = Visit {
            seen: vec![Seen {
                name: "<script>".to_owned(),
                value_len: 7,
            }],
            cookie_fields: 1,
            cookie_bytes: 16,
            ..Visit::default()
        };
        let html = me(&visit, 0, 60);
        assert!(html.contains("<code>&lt;script&gt;</code>"));
        assert!(html.contains("&lt;redacted, 7 bytes&gt;"));
        assert!(html.contains("Not signed in"));
    }

    #[test]
    fn a_refused_value_is_shown_escaped() {
        let refused = crate::cookies::theme("<b>/x");
        let html = match refused {
            Err(r) => prefs("<b>/x", Err(r)),
            Ok(c) => panic!("accepted: {c}"),
        };
        assert!(html.contains("<code>&lt;b&gt;/x</code>"), "{html}");
        assert!(html.contains("No cookie was sent"));
    }

    #[test]
    fn attributes_follow_the_pair() {
        assert_eq!(attributes("a=bc; Path=/", 4), "; Path=/");
        assert_eq!(attributes("a=b", 10), "");
    }
}
