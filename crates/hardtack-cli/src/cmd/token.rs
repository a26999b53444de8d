//! `hardtack token sign|verify`.

use std::fmt::Write as _;
use std::time::Duration;

use hardtack::token::{KeyRing, Verified, VerifyError, VerifyOptions};

use crate::input;
use crate::json::Json;
use crate::keys::KeyArgs;
use crate::timefmt::{http_date, human_duration, now, parse_duration};
use crate::{CliError, Ctx, Output, Status};

/// `hardtack token …`
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Sign a uid into a token (printed on standard output).
    Sign(SignArgs),
    /// Check a token; prints the verdict, the uid and the issue time.
    /// Exit 0 if valid, 1 if rejected.
    Verify(VerifyArgs),
}

/// Arguments of `hardtack token sign`.
#[derive(Debug, clap::Args)]
pub struct SignArgs {
    #[command(flatten)]
    pub key: KeyArgs,

    /// What the token is for (e.g. "session", "password-reset"); a token only
    /// verifies under the context it was signed for.
    #[arg(long)]
    pub context: String,

    /// The uid to sign: 1 to 64 characters of A-Z a-z 0-9 - _.
    #[arg(long)]
    pub uid: String,

    /// Key id (0 to 15) of the key, written into the token for rotation.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=15))]
    pub kid: u8,

    /// Issue time in Unix seconds; default: now.
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub issued_at: Option<u64>,

    /// With --json, also report when the token stops verifying under this max age
    /// (3600, 30m, 12h, 7d).
    #[arg(long, value_parser = parse_duration)]
    pub max_age: Option<u64>,
}

/// Arguments of `hardtack token verify`.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub key: KeyArgs,

    /// The context the token must have been signed for.
    #[arg(long)]
    pub context: String,

    /// Oldest acceptable token age (3600, 30m, 12h, 7d).
    #[arg(long, value_parser = parse_duration)]
    pub max_age: u64,

    /// Key id (0 to 15) the key is registered under.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=15))]
    pub kid: u8,

    /// Allowed clock skew for tokens issued "in the future".
    #[arg(long, value_parser = parse_duration, default_value = "60")]
    pub leeway: u64,

    /// Verify as of this time (Unix seconds); default: now.
    #[arg(long, value_name = "UNIX_SECONDS")]
    pub now: Option<u64>,

    /// The token; read from standard input when absent.
    pub token: Option<String>,
}

/// Runs `token sign` or `token verify`.
///
/// # Errors
/// Missing or unusable key, invalid uid, no token.
pub fn run(command: &Command, ctx: Ctx) -> Result<Output, CliError> {
    match command {
        Command::Sign(a) => sign(a, ctx),
        Command::Verify(a) => verify(a, ctx),
    }
}

fn ring(key: &KeyArgs, context: &str, kid: u8) -> Result<KeyRing, CliError> {
    let master = key.load()?;
    KeyRing::builder(context)
        .current(kid, &master)
        .build()
        .map_err(|e| CliError::usage(format!("cannot build the key ring: {e}")))
}

fn sign(a: &SignArgs, ctx: Ctx) -> Result<Output, CliError> {
    let ring = ring(&a.key, &a.context, a.kid)?;
    let issued_at = a.issued_at.unwrap_or_else(now);
    let token = ring
        .sign(&a.uid, issued_at)
        .map_err(|e| CliError::usage(format!("cannot sign: {e}")))?;
    let expires = a.max_age.map(|m| issued_at.saturating_add(m));
    let text = if ctx.json {
        let j = Json::Obj(vec![
            ("token", Json::str(token.as_str())),
            ("uid", Json::str(&a.uid)),
            ("context", Json::str(&a.context)),
            ("issued_at", Json::uint(issued_at)),
            ("kid", Json::Int(i64::from(a.kid))),
            ("expires_at", expires.map_or(Json::Null, Json::uint)),
        ]);
        format!("{j}\n")
    } else {
        // The token alone, so that `$(hardtack token sign …)` works; --json has details.
        format!("{token}\n")
    };
    Ok(Output {
        text,
        status: Status::Ok,
    })
}

fn verify(a: &VerifyArgs, ctx: Ctx) -> Result<Output, CliError> {
    let ring = ring(&a.key, &a.context, a.kid)?;
    let token = input::single(a.token.as_deref(), "token")?;
    let now = a.now.unwrap_or_else(now);
    let opts = VerifyOptions::new(Duration::from_secs(a.max_age))
        .with_leeway(Duration::from_secs(a.leeway));
    let result = ring.verify(token.trim(), now, &opts);
    let status = if result.is_ok() {
        Status::Ok
    } else {
        Status::Warn
    };
    let text = if ctx.json {
        format!("{}\n", verdict_json(&result, a.max_age, now))
    } else {
        verdict_text(&result, a, now, ctx)
    };
    Ok(Output { text, status })
}

fn reason_code(e: &VerifyError) -> &'static str {
    match e {
        VerifyError::Malformed => "malformed",
        VerifyError::UnsupportedVersion => "unsupported-version",
        VerifyError::UnknownKey => "unknown-key",
        VerifyError::BadSignature => "bad-signature",
        VerifyError::Expired { .. } => "expired",
        VerifyError::NotYetValid { .. } => "not-yet-valid",
        VerifyError::Revoked { .. } => "revoked",
        _ => "rejected",
    }
}

fn issued_at_of(e: &VerifyError) -> Option<u64> {
    match e {
        VerifyError::Expired { issued_at }
        | VerifyError::NotYetValid { issued_at }
        | VerifyError::Revoked { issued_at } => Some(*issued_at),
        _ => None,
    }
}

fn verdict_json(result: &Result<Verified<'_>, VerifyError>, max_age: u64, now: u64) -> Json {
    match result {
        Ok(v) => Json::Obj(vec![
            ("valid", Json::Bool(true)),
            ("uid", Json::str(v.uid)),
            ("issued_at", Json::uint(v.issued_at)),
            (
                "expires_at",
                Json::uint(v.issued_at.saturating_add(max_age)),
            ),
            ("age", Json::uint(now.saturating_sub(v.issued_at))),
            ("kid", Json::Int(i64::from(v.kid))),
        ]),
        Err(e) => Json::Obj(vec![
            ("valid", Json::Bool(false)),
            ("reason", Json::str(reason_code(e))),
            ("message", Json::str(e.to_string())),
            ("issued_at", issued_at_of(e).map_or(Json::Null, Json::uint)),
        ]),
    }
}

fn when(t: u64, now: u64) -> String {
    let rel = if t <= now {
        format!("{} ago", human_duration(now - t))
    } else {
        format!("in {}", human_duration(t - now))
    };
    format!(
        "{} ({t}, {rel})",
        http_date(i64::try_from(t).unwrap_or(i64::MAX))
    )
}

fn verdict_text(
    result: &Result<Verified<'_>, VerifyError>,
    a: &VerifyArgs,
    now: u64,
    ctx: Ctx,
) -> String {
    let s = ctx.style;
    let mut out = String::new();
    match result {
        Ok(v) => {
            let _ = writeln!(out, "{}", s.ok("valid"));
            let _ = writeln!(out, "  {} {}", s.dim(format!("{:<10}", "uid")), v.uid);
            let _ = writeln!(
                out,
                "  {} {}",
                s.dim(format!("{:<10}", "issued")),
                when(v.issued_at, now)
            );
            let _ = writeln!(
                out,
                "  {} {}",
                s.dim(format!("{:<10}", "expires")),
                when(v.issued_at.saturating_add(a.max_age), now)
            );
            let _ = writeln!(out, "  {} {}", s.dim(format!("{:<10}", "key id")), v.kid);
        }
        Err(e) => {
            let hint = match e {
                VerifyError::Malformed => {
                    "not a uid.time.sign token (wrong length, alphabet or shape)".to_owned()
                }
                VerifyError::BadSignature => format!(
                    "signed with another key or context than '{}', or changed since",
                    a.context
                ),
                VerifyError::UnknownKey => {
                    format!(
                        "its key id is not {}: pass the matching --kid and key",
                        a.kid
                    )
                }
                VerifyError::Expired { issued_at } => format!(
                    "issued {}, older than the max age of {}",
                    when(*issued_at, now),
                    human_duration(a.max_age)
                ),
                VerifyError::NotYetValid { issued_at } => {
                    format!("issued {}: check the clocks", when(*issued_at, now))
                }
                _ => String::new(),
            };
            let _ = writeln!(out, "{} {e}", s.error("rejected:"));
            if !hint.is_empty() {
                let _ = writeln!(out, "  {hint}");
            }
        }
    }
    out
}
