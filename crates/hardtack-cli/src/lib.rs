//! The engine of the `hardtack` command-line tool, as a library: the cookie linter
//! ([`checks::lint`]), header-line input ([`input`]), the JSON writer ([`json`]) and
//! time formatting ([`timefmt`]). The binary adds argument parsing and output; other
//! programs (the demo server, editor plugins) can lint without spawning a process.
//!
//! ```
//! use hardtack_cli::checks::{Severity, lint};
//! use hardtack_cli::input::classify;
//!
//! let report = lint(&classify("Set-Cookie: id=a b; Path=/", None), 1_700_000_000);
//! assert_eq!(report.worst(), Some(Severity::Error));
//! assert_eq!(report.findings[0].code, "value-needs-encoding");
//! assert_eq!(report.findings[0].offset, 4);
//! assert_eq!(report.suggestion.as_deref(), Some("id=a%20b; Path=/"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod checks;
pub mod input;
pub mod json;
pub mod timefmt;

/// A failure that stops a subcommand; the tool prints it as `hardtack: error: …` and
/// exits with status 2. Messages never contain key material.
///
/// ```
/// let e = hardtack_cli::CliError::usage("no input");
/// assert_eq!(e.message, "no input");
/// ```
#[derive(Debug)]
pub struct CliError {
    /// What went wrong, for a person.
    pub message: String,
}

impl CliError {
    /// Bad usage or input.
    ///
    /// ```
    /// assert_eq!(hardtack_cli::CliError::usage("bad").message, "bad");
    /// ```
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
        }
    }

    /// The environment failed (random generator, disk).
    ///
    /// ```
    /// assert_eq!(hardtack_cli::CliError::failure("disk full").message, "disk full");
    /// ```
    pub fn failure(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
        }
    }
}
