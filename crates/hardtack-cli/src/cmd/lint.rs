//! `hardtack lint`: every problem, where it is, and how to fix it.

use std::fmt::Write as _;

use crate::checks::{self, Finding, Outcome, ProfileResult, Report, Severity};
use crate::input;
use crate::json::Json;
use crate::style::Style;
use crate::{CliError, Ctx, Output, Status};

pub const AFTER_HELP: &str = "\
Each line is a `Set-Cookie: …` or `Cookie: …` header, or a raw value (a Set-Cookie
value unless --cookie). Offsets count bytes from the start of the value.

Exit status: 0 no findings, 1 warnings only, 2 errors (or bad input).

Examples:
  hardtack lint 'Set-Cookie: id=a b; Path=/'
  curl -sI https://example.com | grep -i '^set-cookie' | hardtack lint --json";

/// Arguments of `hardtack lint`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The header lines to read.
    #[command(flatten)]
    pub input: input::HeaderArgs,

    /// When the response was sent, in Unix seconds (to compare Max-Age with
    /// Expires); default: now.
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub now: Option<i64>,
}

/// Runs the lint.
///
/// # Errors
/// No input.
pub fn run(args: &Args, ctx: Ctx) -> Result<Output, CliError> {
    let now = args
        .now
        .unwrap_or_else(|| i64::try_from(crate::timefmt::now()).unwrap_or(i64::MAX));
    let reports: Vec<Report> = args
        .input
        .read()?
        .iter()
        .map(|l| checks::lint(l, now))
        .collect();
    let count = |s| {
        reports
            .iter()
            .flat_map(|r| &r.findings)
            .filter(|f| f.severity == s)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let status = match reports.iter().filter_map(Report::worst).max() {
        Some(Severity::Error) => Status::Error,
        Some(Severity::Warning) => Status::Warn,
        None => Status::Ok,
    };
    let text = if ctx.json {
        let results = reports.iter().map(report_json).collect();
        let j = Json::Obj(vec![
            ("results", Json::Arr(results)),
            ("errors", Json::uint(errors as u64)),
            ("warnings", Json::uint(warnings as u64)),
            ("exit", Json::Int(i64::from(status_code(status)))),
        ]);
        format!("{j}\n")
    } else {
        let mut out = String::new();
        for r in &reports {
            render(&mut out, r, ctx.style);
        }
        let summary = format!(
            "{errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        );
        let _ = writeln!(
            out,
            "{}",
            match status {
                Status::Error => ctx.style.error(summary).to_string(),
                Status::Warn => ctx.style.warning(summary).to_string(),
                Status::Ok => ctx.style.ok(summary).to_string(),
            }
        );
        out
    };
    Ok(Output { text, status })
}

fn status_code(s: Status) -> u8 {
    match s {
        Status::Ok => 0,
        Status::Warn => 1,
        Status::Error => 2,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn render(out: &mut String, r: &Report, style: Style) {
    let v = &r.line.value;
    let _ = writeln!(
        out,
        "{} {}",
        style.bold(format!("{}:", r.line.kind.name())),
        v
    );
    for f in &r.findings {
        render_finding(out, f, v, style);
    }
    let verdicts: Vec<String> = r.profiles.iter().map(|p| verdict(p, style)).collect();
    let _ = writeln!(out, "  {} {}", style.dim("profiles:"), verdicts.join(", "));
    match &r.outcome {
        Outcome::Ignored(e) => {
            let _ = writeln!(
                out,
                "  {} nothing: a browser ignores this header ({e})",
                style.bold("a browser stores:")
            );
        }
        Outcome::Stored { rows, .. } => {
            let _ = writeln!(out, "  {}", style.bold("a browser stores:"));
            for (k, val) in rows {
                let _ = writeln!(out, "    {} {}", style.dim(format!("{:<11}", k)), val);
            }
        }
        Outcome::Read(pairs) => {
            let _ = writeln!(out, "  {}", style.bold("a server reads:"));
            if pairs.is_empty() {
                let _ = writeln!(out, "    (no cookies)");
            }
            for (n, val) in pairs {
                let _ = writeln!(out, "    {} = {}", style.dim(n), val);
            }
        }
    }
    if let Some(s) = &r.suggestion {
        let _ = writeln!(
            out,
            "  {} {}",
            style.ok("suggested:"),
            format_args!("{}: {s}", r.line.kind.name())
        );
    }
    out.push('\n');
}

fn render_finding(out: &mut String, f: &Finding, value: &str, style: Style) {
    let label = match f.severity {
        Severity::Error => style.error("error").to_string(),
        Severity::Warning => style.warning("warning").to_string(),
    };
    let _ = writeln!(out, "  {label}[{}] at byte {}", f.code, f.offset);
    // A caret under the spot, when the line is short enough to read.
    if value.len() <= 160 && value.chars().all(|c| !c.is_control()) {
        let column = value
            .char_indices()
            .take_while(|&(i, _)| i < f.offset)
            .count();
        let _ = writeln!(out, "    {value}");
        let _ = writeln!(out, "    {}{}", " ".repeat(column), style.accent("^"));
    }
    let _ = writeln!(out, "    {}", f.message);
    let _ = writeln!(out, "    {} {}", style.ok("fix:"), f.fix);
}

fn verdict(p: &ProfileResult, style: Style) -> String {
    match p.result {
        Ok(()) => format!("{} {}", p.profile, style.ok("ok")),
        Err(e) => format!("{} {}", p.profile, style.error(format_args!("fails ({e})"))),
    }
}

fn report_json(r: &Report) -> Json {
    let findings = r
        .findings
        .iter()
        .map(|f| {
            Json::Obj(vec![
                ("severity", Json::str(f.severity.as_str())),
                ("code", Json::str(f.code)),
                ("offset", Json::uint(f.offset as u64)),
                ("message", Json::str(&f.message)),
                ("fix", Json::str(&f.fix)),
            ])
        })
        .collect();
    let profiles = r
        .profiles
        .iter()
        .map(|p| {
            let mut fields = vec![
                ("profile", Json::str(p.profile)),
                ("ok", Json::Bool(p.result.is_ok())),
            ];
            if let Err(e) = p.result {
                fields.push(("error", Json::str(e.kind().to_string())));
                fields.push(("offset", Json::uint(e.offset() as u64)));
            }
            Json::Obj(fields)
        })
        .collect();
    let mut fields = vec![
        ("header", Json::str(r.line.kind.json_name())),
        ("value", Json::str(&r.line.value)),
        ("findings", Json::Arr(findings)),
        ("profiles", Json::Arr(profiles)),
    ];
    match &r.outcome {
        Outcome::Stored { fields: f, .. } => fields.push(("browser_stores", f.clone())),
        Outcome::Ignored(_) => fields.push(("browser_stores", Json::Null)),
        Outcome::Read(pairs) => fields.push((
            "server_reads",
            Json::Arr(
                pairs
                    .iter()
                    .map(|(n, v)| Json::Arr(vec![Json::str(n), Json::str(v)]))
                    .collect(),
            ),
        )),
    }
    fields.push(("suggestion", Json::opt_str(r.suggestion.as_deref())));
    Json::Obj(fields)
}
