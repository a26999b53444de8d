//! `hardtack demo`: every capability on built-in examples, each outcome checked.
//! Exit 0 when every step behaved as described, 2 otherwise.

use std::fmt::Write as _;
use std::num::NonZeroU64;
use std::time::Duration;

use hardtack::cookie::{Pairs, SameSite, SetCookie, StrictPairs};
use hardtack::session::SignedSessions;
use hardtack::sid::{Lifetime, SessionId, Status as Life};
use hardtack::token::{KeyRing, MasterKey, VerifyError, VerifyOptions};

use crate::checks;
use crate::input::classify;
use crate::json::Json;
use crate::{CliError, Ctx, Output, Status};

/// A fixed "now" so the walkthrough reads the same every time.
const NOW: u64 = 1_700_000_000;

struct Step {
    title: &'static str,
    lines: Vec<String>,
    ok: bool,
}

impl Step {
    fn new(title: &'static str) -> Step {
        Step {
            title,
            lines: Vec::new(),
            ok: true,
        }
    }

    fn say(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    /// Records an expectation; a wrong outcome fails the demo.
    fn expect(&mut self, held: bool, line: impl Into<String>) {
        let line = line.into();
        self.lines.push(if held {
            line
        } else {
            format!("UNEXPECTED: {line}")
        });
        self.ok &= held;
    }
}

/// Runs the walkthrough.
///
/// # Errors
/// The operating system's random generator failed.
pub fn run(ctx: Ctx) -> Result<Output, CliError> {
    let steps = [
        lint_step(),
        build_step(),
        cookie_header_step(),
        token_step()?,
        sid_step()?,
        session_step()?,
    ];
    let ok = steps.iter().all(|s| s.ok);
    let text = if ctx.json {
        let items = steps
            .iter()
            .map(|s| {
                Json::Obj(vec![
                    ("title", Json::str(s.title)),
                    ("ok", Json::Bool(s.ok)),
                    ("lines", Json::Arr(s.lines.iter().map(Json::str).collect())),
                ])
            })
            .collect();
        format!(
            "{}\n",
            Json::Obj(vec![("steps", Json::Arr(items)), ("ok", Json::Bool(ok))])
        )
    } else {
        let s = ctx.style;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}\n",
            s.bold("hardtack demo: cookies, tokens and session ids on built-in examples")
        );
        for (i, step) in steps.iter().enumerate() {
            let mark = if step.ok {
                s.ok("ok")
            } else {
                s.error("FAILED")
            };
            let _ = writeln!(
                out,
                "{} {}  [{mark}]",
                s.accent(format!("{}.", i + 1)),
                s.bold(step.title)
            );
            for line in &step.lines {
                let _ = writeln!(out, "   {line}");
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{}",
            if ok {
                s.ok("every step behaved as described").to_string()
            } else {
                s.error("some steps did not behave as described")
                    .to_string()
            }
        );
        out
    };
    Ok(Output {
        text,
        status: if ok { Status::Ok } else { Status::Error },
    })
}

fn lint_step() -> Step {
    let mut st = Step::new("Lint: what is wrong with these cookies?");
    let cases: [(&str, &str); 4] = [
        ("Set-Cookie: id=a b; Path=/", "value-needs-encoding"),
        ("Set-Cookie: prefs=lang=en/GB; Path=/", "version0-tspecial"),
        (
            "Set-Cookie: session=abc; SameSite=None",
            "samesite-none-without-secure",
        ),
        ("Set-Cookie: __Host-id=1; Path=/app", "prefix-violation"),
    ];
    for (line, expected) in cases {
        let report = checks::lint(&classify(line, None), i64::try_from(NOW).unwrap_or(0));
        st.say(line);
        for f in &report.findings {
            st.say(format!(
                "  {} {} at byte {}: {}",
                f.severity.as_str(),
                f.code,
                f.offset,
                f.fix
            ));
        }
        st.expect(
            report.findings.iter().any(|f| f.code == expected),
            format!("  -> found {expected}"),
        );
        if let Some(s) = &report.suggestion {
            st.say(format!("  suggested: Set-Cookie: {s}"));
        }
    }
    st
}

fn build_step() -> Step {
    let mut st = Step::new("Build: a serializer that refuses instead of rewriting");
    let built = SetCookie::build("__Host-sid", "q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf")
        .path("/")
        .secure(true)
        .http_only(true)
        .same_site(SameSite::Lax)
        .finish();
    match &built {
        Ok(c) => st.expect(true, format!("Set-Cookie: {c}")),
        Err(e) => st.expect(false, format!("a valid cookie was refused: {e}")),
    }
    let injected = SetCookie::build("id", "1; Max-Age=99999").finish();
    st.expect(
        injected.is_err(),
        format!(
            "value \"1; Max-Age=99999\" refused: {}",
            injected
                .err()
                .map_or_else(|| "accepted!".to_owned(), |e| e.to_string())
        ),
    );
    let crlf = SetCookie::build("id", "1\r\nSet-Cookie: admin=1").finish();
    st.expect(
        crlf.is_err(),
        "header injection through CR LF refused".to_owned(),
    );
    if let Ok(c) = built {
        st.say(format!("removal: Set-Cookie: {}", c.removal()));
    }
    st
}

fn cookie_header_step() -> Step {
    let mut st = Step::new("Read: a Cookie request header, leniently and strictly");
    let header = "theme=dark; sid=abc; sid=old; broken=x y";
    st.say(format!("Cookie: {header}"));
    let pairs: Vec<_> = Pairs::new(header).collect();
    st.expect(
        pairs.len() == 4,
        format!("lenient: {} pairs, in order: {pairs:?}", pairs.len()),
    );
    let bad: Vec<String> = StrictPairs::new(header)
        .filter_map(Result::err)
        .map(|e| e.to_string())
        .collect();
    st.expect(
        bad.len() == 1,
        format!("strict: one bad pair ({})", bad.join("; ")),
    );
    st
}

fn token_step() -> Result<Step, CliError> {
    let mut st = Step::new("Tokens: sign, verify, tamper, expire, wrong purpose");
    let key = MasterKey::generate().map_err(|e| CliError::failure(e.to_string()))?;
    st.say("generated a 256-bit master key (never printed: keys do not belong in output)");
    let ring =
        KeyRing::single("password-reset", &key).map_err(|e| CliError::failure(e.to_string()))?;
    let token = ring
        .sign("user-17", NOW)
        .map_err(|e| CliError::failure(e.to_string()))?;
    st.say(format!(
        "signed uid user-17 for \"password-reset\": {token}"
    ));
    let opts = VerifyOptions::new(Duration::from_secs(900));
    let ok = ring.verify(token.as_str(), NOW + 60, &opts);
    st.expect(
        ok.is_ok_and(|v| v.uid == "user-17" && v.issued_at == NOW),
        "verified a minute later: uid user-17, issued at the signing time".to_owned(),
    );
    let tampered = token.as_str().replacen("user-17", "user-18", 1);
    let t = ring.verify(&tampered, NOW + 60, &opts);
    st.expect(
        t == Err(VerifyError::BadSignature),
        format!("uid changed to user-18: {}", verdict(&t)),
    );
    let late = ring.verify(token.as_str(), NOW + 901, &opts);
    st.expect(
        matches!(late, Err(VerifyError::Expired { .. })),
        format!("15 minutes and a second later: {}", verdict(&late)),
    );
    let session_ring =
        KeyRing::single("session", &key).map_err(|e| CliError::failure(e.to_string()))?;
    let other = session_ring.verify(token.as_str(), NOW + 60, &opts);
    st.expect(
        other == Err(VerifyError::BadSignature),
        format!("same key, context \"session\": {}", verdict(&other)),
    );
    Ok(st)
}

fn verdict<T>(r: &Result<T, VerifyError>) -> String {
    match r {
        Ok(_) => "accepted".to_owned(),
        Err(e) => format!("rejected ({e})"),
    }
}

fn sid_step() -> Result<Step, CliError> {
    let mut st = Step::new("Session ids: 192 random bits, strict parsing, storage keys");
    let id = SessionId::generate().map_err(|e| CliError::failure(e.to_string()))?;
    let other = SessionId::generate().map_err(|e| CliError::failure(e.to_string()))?;
    st.expect(
        id.expose().len() == 32 && id != other,
        format!("two fresh ids: {} and {}", id.expose(), other.expose()),
    );
    st.say(format!(
        "store it under SHA-256(id), never the id: {}",
        id.storage_key()
    ));
    for garbage in ["", "not-a-session-id", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="] {
        let r = SessionId::parse(garbage);
        st.expect(
            r.is_err(),
            format!(
                "{garbage:?} refused: {}",
                r.err()
                    .map_or_else(|| "accepted!".to_owned(), |e| e.to_string())
            ),
        );
    }
    let policy = Lifetime::new(nonzero(1800), nonzero(12 * 3600));
    st.expect(
        policy.check(NOW, NOW, NOW + 20 * 60) == Life::Renew
            && policy.check(NOW, NOW, NOW + 40 * 60) == Life::IdleExpired,
        "lifetime (30m idle, 12h absolute): renew after 20m of quiet, expired after 40m",
    );
    Ok(st)
}

fn nonzero(n: u64) -> NonZeroU64 {
    NonZeroU64::new(n).unwrap_or(NonZeroU64::MIN)
}

fn session_step() -> Result<Step, CliError> {
    let mut st = Step::new("Signed session cookies: forged ids never reach the store");
    let old_key = MasterKey::generate().map_err(|e| CliError::failure(e.to_string()))?;
    let sessions = SignedSessions::new(&old_key, Duration::from_secs(12 * 3600))
        .map_err(|e| CliError::failure(e.to_string()))?;
    let id = SessionId::generate().map_err(|e| CliError::failure(e.to_string()))?;
    let token = sessions
        .issue(&id, NOW)
        .map_err(|e| CliError::failure(e.to_string()))?;
    if let Ok(c) = sessions.set_cookie("__Host-session", &token, NOW).finish() {
        st.say(format!("Set-Cookie: {c}"));
    }
    let header = format!("theme=dark; __Host-session={token}");
    let opened = sessions.find(Pairs::new(&header), "__Host-session", NOW + 60);
    st.expect(
        opened.as_ref().is_ok_and(|o| o.id() == &id),
        "next request: signature checked, id recovered, now look it up in the store",
    );
    let guessed = SessionId::generate().map_err(|e| CliError::failure(e.to_string()))?;
    let forged = format!(
        "{}{}",
        guessed.expose(),
        token.as_str().get(32..).unwrap_or_default()
    );
    let r = sessions.open(&forged, NOW + 60);
    st.expect(
        r.is_err(),
        format!(
            "a guessed id with a copied signature: {}",
            r.err()
                .map_or_else(|| "accepted!".to_owned(), |e| e.to_string())
        ),
    );
    let late = sessions.open(token.as_str(), NOW + 12 * 3600 + 1);
    st.expect(
        late.as_ref()
            .is_err_and(hardtack::session::SessionError::is_authentic),
        "after 12 hours: authentic but expired (the absolute timeout needs no store)",
    );
    let new_key = MasterKey::generate().map_err(|e| CliError::failure(e.to_string()))?;
    let rotated = SignedSessions::builder(Duration::from_secs(12 * 3600))
        .current(1, &new_key)
        .previous(0, &old_key)
        .build()
        .map_err(|e| CliError::failure(e.to_string()))?;
    let during = rotated.open(token.as_str(), NOW + 60);
    st.expect(
        during
            .as_ref()
            .is_ok_and(hardtack::session::OpenedSession::stale_key),
        "key rotation: the old cookie still opens, flagged for re-issue under key 1",
    );
    Ok(st)
}
