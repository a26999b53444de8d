#![doc = include_str!("../README.md")]
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
