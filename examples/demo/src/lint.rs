//! `POST /lint`: the `hardtack lint` verdict as HTML, from the CLI's own engine
//! (`hardtack_cli::checks`), so the page and the command line never disagree.

use core::fmt::Write;

use hardtack_cli::checks::{self, Outcome, Report, Severity};
use hardtack_cli::input::{self, HeaderKind};

use crate::html::Escaped;

/// More lines than this in one paste are not linted.
const MAX_LINES: usize = 20;

/// The verdict for every non-blank line of `input` (each a `Set-Cookie: …` or
/// `Cookie: …` header, or a raw `Set-Cookie` value), as HTML.
pub(crate) fn verdict(input: &str, now: i64) -> String {
    let mut out = String::new();
    let lines = input
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty());
    let mut total = 0;
    for line in lines.take(MAX_LINES) {
        total += 1;
        let report = checks::lint(&input::classify(line, Some(HeaderKind::SetCookie)), now);
        render(&mut out, &report);
    }
    if total == 0 {
        out.push_str("<p class=\"verdict muted\">Nothing to lint.</p>");
    }
    out
}

fn render(out: &mut String, r: &Report) {
    let (class, summary) = match r.worst() {
        Some(Severity::Error) => ("bad", "errors"),
        Some(Severity::Warning) => ("warn", "warnings"),
        None => ("ok", "no problems"),
    };
    let _ = write!(
        out,
        "<section class=\"lint\"><pre>{}: {}</pre><p class=\"verdict {class}\">{summary}</p>",
        r.line.kind.name(),
        Escaped(&r.line.value)
    );
    if !r.findings.is_empty() {
        out.push_str("<ul class=\"findings\">");
        for f in &r.findings {
            let _ = write!(
                out,
                "<li><b class=\"{}\">{}</b> <code>{}</code> at byte {}: {}<br><span class=\"muted\">fix: {}</span></li>",
                if f.severity == Severity::Error {
                    "bad"
                } else {
                    "warn"
                },
                f.severity.as_str(),
                f.code,
                f.offset,
                Escaped(&f.message),
                Escaped(&f.fix)
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("<table><tr><th>profile</th><th>verdict</th></tr>");
    for p in &r.profiles {
        let verdict = match p.result {
            Ok(()) => "<span class=\"ok\">ok</span>".to_owned(),
            Err(e) => format!(
                "<span class=\"bad\">fails: {}</span>",
                Escaped(&e.to_string())
            ),
        };
        let _ = write!(out, "<tr><td>{}</td><td>{verdict}</td></tr>", p.profile);
    }
    out.push_str("</table>");
    match &r.outcome {
        Outcome::Ignored(e) => {
            let _ = write!(
                out,
                "<p><b>A browser stores:</b> nothing, it ignores this header ({}).</p>",
                Escaped(&e.to_string())
            );
        }
        Outcome::Stored { rows, .. } => {
            out.push_str("<p><b>A browser stores:</b></p><table>");
            for (k, v) in rows {
                let _ = write!(
                    out,
                    "<tr><th>{k}</th><td><code>{}</code></td></tr>",
                    Escaped(v)
                );
            }
            out.push_str("</table>");
        }
        Outcome::Read(pairs) => {
            out.push_str("<p><b>A server reads:</b></p><table>");
            for (n, v) in pairs {
                let _ = write!(
                    out,
                    "<tr><td><code>{}</code></td><td><code>{}</code></td></tr>",
                    Escaped(n),
                    Escaped(v)
                );
            }
            out.push_str("</table>");
        }
    }
    if let Some(s) = &r.suggestion {
        let _ = write!(
            out,
            "<p><b>Suggested:</b> <code>{}: {}</code></p>",
            r.line.kind.name(),
            Escaped(s)
        );
    }
    out.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_header_says_so() {
        let html = verdict("Set-Cookie: theme=dark; Path=/", 0);
        assert!(
            html.contains("<p class=\"verdict ok\">no problems</p>"),
            "{html}"
        );
        assert!(html.contains("<tr><td>strict</td><td><span class=\"ok\">ok</span></td></tr>"));
    }

    #[test]
    fn findings_carry_their_code_and_fix() {
        let html = verdict("Set-Cookie: a=1; SameSite=None", 0);
        assert!(
            html.contains("<p class=\"verdict bad\">errors</p>"),
            "{html}"
        );
        assert!(
            html.contains("<code>samesite-none-without-secure</code> at byte 5"),
            "{html}"
        );
    }

    #[test]
    fn input_is_escaped_and_lines_are_linted_one_by_one() {
        let html = verdict("Cookie: <i>=1\n\nSet-Cookie: b=2", 0);
        assert!(!html.contains("<i>"));
        assert!(html.contains("Cookie: &lt;i&gt;=1"));
        assert_eq!(html.matches("<section").count(), 2);
    }

    #[test]
    fn an_empty_paste_is_not_an_error() {
        assert!(verdict(" \n ", 0).contains("Nothing to lint"));
    }

    #[test]
    fn long_pastes_are_cut() {
        let many = "a=b\n".repeat(MAX_LINES + 5);
        assert_eq!(verdict(&many, 0).matches("<section").count(), MAX_LINES);
    }
}
