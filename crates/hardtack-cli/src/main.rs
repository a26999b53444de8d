//! The `hardtack` command-line tool: tells you what is wrong with a cookie, and
//! signs, verifies and mints the things hardtack is made of.
//!
//! Exit status (all subcommands):
//!
//! * `0`: success; `lint` found nothing; `token verify` accepted the token.
//! * `1`: `lint` found warnings but no errors; `token verify` rejected the token.
//! * `2`: `lint` found errors; bad usage or input (clap's own usage errors too), a
//!   missing or unusable key, an unreadable file, empty standard input.
#![forbid(unsafe_code)]

mod cmd;
mod keys;
mod style;

// The engine lives in the library so that other programs can lint too; these
// imports keep `crate::checks` etc. working for the subcommands.
use hardtack_cli::{CliError, checks, input, json, timefmt};

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::json::Json;
use crate::style::{ColorChoice, Style};

const EXIT_HELP: &str = "\
Exit status:
  0  success; lint found nothing; token verify accepted the token
  1  lint found only warnings; token verify rejected the token
  2  lint found errors; bad usage or input; missing or unusable key";

/// Lint and parse cookies, sign and verify tokens, mint session ids and keys.
#[derive(Debug, Parser)]
#[command(name = "hardtack", version, after_help = EXIT_HELP)]
struct Cli {
    /// Print JSON (one object on standard output) instead of text.
    #[arg(long, global = true)]
    json: bool,

    /// When to colour text output.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorChoice::Auto
    )]
    color: ColorChoice,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Report every problem in Set-Cookie / Cookie headers, with byte offsets and fixes.
    #[command(after_help = cmd::lint::AFTER_HELP)]
    Lint(cmd::lint::Args),
    /// Print the parsed structure of Set-Cookie / Cookie headers.
    Parse(cmd::parse::Args),
    /// Sign or verify a uid.time.sign token.
    #[command(subcommand)]
    Token(cmd::token::Command),
    /// Print fresh session ids (192 random bits, 32 base64url characters).
    Sid(cmd::sid::Args),
    /// Manage master keys.
    #[command(subcommand)]
    Key(cmd::key::Command),
    /// Walk through every capability on built-in examples (needs no input).
    Demo,
}

/// What a subcommand hands back: text for standard output and an exit status.
#[derive(Debug)]
pub struct Output {
    pub text: String,
    pub status: Status,
}

/// The documented exit statuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// 0
    Ok,
    /// 1: warnings only, or a negative verdict.
    Warn,
    /// 2: errors.
    Error,
}

impl Status {
    fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Warn => 1,
            Status::Error => 2,
        }
    }
}

/// Settings every subcommand sees.
#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    pub json: bool,
    pub style: Style,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Ctx {
        json: cli.json,
        style: Style::new(cli.color),
    };
    let result = match cli.command {
        Command::Lint(args) => cmd::lint::run(&args, ctx),
        Command::Parse(args) => cmd::parse::run(&args, ctx),
        Command::Token(c) => cmd::token::run(&c, ctx),
        Command::Sid(args) => cmd::sid::run(&args, ctx),
        Command::Key(c) => cmd::key::run(&c, ctx),
        Command::Demo => cmd::demo::run(ctx),
    };
    match result {
        Ok(out) => {
            emit(&out.text);
            ExitCode::from(out.status.code())
        }
        Err(e) => {
            if ctx.json {
                emit(&format!(
                    "{}\n",
                    Json::Obj(vec![("error", Json::str(&e.message))])
                ));
            }
            let _ = writeln!(
                std::io::stderr(),
                "hardtack: {} {}",
                ctx.style.error("error:"),
                e.message
            );
            ExitCode::from(Status::Error.code())
        }
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error worth a panic.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn statuses_map_to_documented_codes() {
        assert_eq!(
            [Status::Ok, Status::Warn, Status::Error].map(Status::code),
            [0, 1, 2]
        );
    }
}
