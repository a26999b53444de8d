//! `hardtack parse`: the parsed structure, profile by profile.

use std::fmt::Write as _;

use hardtack::cookie::rfc2109::CookieHeader;
use hardtack::cookie::{Pairs, ParseError, Profile, SetCookie, StrictPairs};

use crate::checks::{describe, fields};
use crate::input::{self, HeaderKind, HeaderLine};
use crate::json::Json;
use crate::{CliError, Ctx, Output, Status};

/// Which parser to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ProfileArg {
    /// What a browser does (RFC 6265bis §5.6 / §5.4).
    Lenient,
    /// The RFC 6265 §4 grammar a careful server sends.
    Strict,
    /// RFC 2109 / Version 0 rules.
    Rfc2109,
    /// All three.
    All,
}

/// Arguments of `hardtack parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The header lines to read.
    #[command(flatten)]
    pub input: input::HeaderArgs,

    /// The parser profile.
    #[arg(long, value_enum, default_value_t = ProfileArg::Lenient)]
    pub profile: ProfileArg,
}

/// One parse: the profile and either the fields or the error.
struct Parsed {
    profile: &'static str,
    result: Result<Body, ParseError>,
}

enum Body {
    Cookie {
        rows: Vec<(&'static str, String)>,
        extensions: Vec<(String, Option<String>)>,
        fields: Json,
    },
    /// Cookie-header pairs; a bad pair is kept as its error (strict, RFC 2109).
    Pairs(Vec<Result<(String, String), ParseError>>),
}

/// Runs the parser(s).
///
/// # Errors
/// No input.
pub fn run(args: &Args, ctx: Ctx) -> Result<Output, CliError> {
    let profiles: &[Profile] = match args.profile {
        ProfileArg::Lenient => &[Profile::Lenient],
        ProfileArg::Strict => &[Profile::Strict],
        ProfileArg::Rfc2109 => &[Profile::Rfc2109],
        ProfileArg::All => &[Profile::Lenient, Profile::Strict, Profile::Rfc2109],
    };
    let lines: Vec<HeaderLine> = args.input.read()?;
    let mut status = Status::Ok;
    let mut text = String::new();
    let mut results = Vec::new();
    for line in &lines {
        for &p in profiles {
            let parsed = parse(line, p);
            if failed(&parsed) {
                status = Status::Error;
            }
            if ctx.json {
                results.push(to_json(line, &parsed));
            } else {
                render(&mut text, line, &parsed, ctx);
            }
        }
    }
    if ctx.json {
        text = format!("{}\n", Json::Obj(vec![("results", Json::Arr(results))]));
    }
    Ok(Output { text, status })
}

/// Whether the parse, or any pair of it, failed.
fn failed(parsed: &Parsed) -> bool {
    match &parsed.result {
        Err(_) => true,
        Ok(Body::Pairs(pairs)) => pairs.iter().any(Result::is_err),
        Ok(Body::Cookie { .. }) => false,
    }
}

fn profile_name(p: Profile) -> &'static str {
    match p {
        Profile::Strict => "strict",
        Profile::Rfc2109 => "rfc2109",
        _ => "lenient",
    }
}

fn parse(line: &HeaderLine, p: Profile) -> Parsed {
    let v = line.value.as_str();
    let result = match line.kind {
        HeaderKind::SetCookie => SetCookie::parse(v, p).map(|c| Body::Cookie {
            rows: describe(&c),
            fields: fields(&c),
            extensions: c
                .extensions()
                .map(|(n, val)| (n.to_owned(), val.map(str::to_owned)))
                .collect(),
        }),
        HeaderKind::Cookie => Ok(Body::Pairs(match p {
            Profile::Strict => StrictPairs::new(v)
                .map(|r| r.map(|(n, val)| (n.to_owned(), val.to_owned())))
                .collect(),
            Profile::Rfc2109 => CookieHeader::new(v)
                .map(|r| r.map(|c| (c.name.to_owned(), c.value.to_owned())))
                .collect(),
            _ => Pairs::new(v)
                .map(|(n, val)| Ok((n.to_owned(), val.to_owned())))
                .collect(),
        })),
    };
    Parsed {
        profile: profile_name(p),
        result,
    }
}

fn render(out: &mut String, line: &HeaderLine, parsed: &Parsed, ctx: Ctx) {
    let s = ctx.style;
    let _ = writeln!(
        out,
        "{} {}  {}",
        s.bold(format!("{}:", line.kind.name())),
        line.value,
        s.dim(format_args!("[{}]", parsed.profile))
    );
    match &parsed.result {
        Err(e) => {
            let _ = writeln!(out, "  {} {e}", s.error("error:"));
        }
        Ok(Body::Cookie {
            rows, extensions, ..
        }) => {
            for (k, v) in rows {
                let _ = writeln!(out, "  {} {v}", s.dim(format!("{:<11}", k)));
            }
            for (n, v) in extensions {
                let shown = v.as_deref().map_or_else(String::new, |v| format!("={v}"));
                let _ = writeln!(
                    out,
                    "  {} {n}{shown}",
                    s.dim(format!("{:<11}", "extension"))
                );
            }
        }
        Ok(Body::Pairs(pairs)) => {
            if pairs.is_empty() {
                let _ = writeln!(out, "  (no cookies)");
            }
            for p in pairs {
                match p {
                    Ok((n, v)) => {
                        let _ = writeln!(out, "  {} = {v}", s.accent(n));
                    }
                    Err(e) => {
                        let _ = writeln!(out, "  {} {e}", s.error("error:"));
                    }
                }
            }
        }
    }
    out.push('\n');
}

fn error_json(e: &ParseError) -> Json {
    Json::Obj(vec![
        ("error", Json::str(e.kind().to_string())),
        ("offset", Json::uint(e.offset() as u64)),
    ])
}

fn to_json(line: &HeaderLine, parsed: &Parsed) -> Json {
    let mut fields = vec![
        ("header", Json::str(line.kind.json_name())),
        ("value", Json::str(&line.value)),
        ("profile", Json::str(parsed.profile)),
        ("ok", Json::Bool(!failed(parsed))),
    ];
    match &parsed.result {
        Err(e) => fields.push(("error", error_json(e))),
        Ok(Body::Cookie { fields: f, .. }) => fields.push(("cookie", f.clone())),
        Ok(Body::Pairs(pairs)) => fields.push((
            "pairs",
            Json::Arr(
                pairs
                    .iter()
                    .map(|p| match p {
                        Ok((n, v)) => Json::Arr(vec![Json::str(n), Json::str(v)]),
                        Err(e) => error_json(e),
                    })
                    .collect(),
            ),
        )),
    }
    Json::Obj(fields)
}
