//! Error types. None of them carries any part of the input: a rejected id may
//! still be somebody's live session id.

use core::fmt;

/// Why a string was not accepted as a session id.
///
/// Whatever the variant, treat the request as one without a session: issue a
/// fresh id and never adopt the one the client sent. The variants exist for
/// metrics and debugging, not for different handling.
///
/// ```
/// use hardtack_sid::{ParseError, SessionId};
///
/// assert_eq!(
///     "short".parse::<SessionId>(),
///     Err(ParseError::InvalidLength { expected: 32, found: 5 })
/// );
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// The input does not have the exact length of an encoded id. Nothing
    /// else was looked at.
    InvalidLength {
        /// The only accepted length, in bytes.
        expected: usize,
        /// The length of the input, in bytes.
        found: usize,
    },
    /// The input contains a byte outside the base64url alphabet
    /// `[A-Za-z0-9_-]` (for example `+`, `/`, `=`, a space or a non-ASCII
    /// byte).
    InvalidCharacter,
    /// The last character carries non-zero unused bits, so the input is a
    /// second spelling of some other id. Only sizes that are not a multiple
    /// of 3 bytes (the 16-byte interop size) have unused bits.
    NonCanonical,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidLength { expected, found } => write!(
                f,
                "invalid session id length: expected {expected} bytes, found {found}"
            ),
            Self::InvalidCharacter => f.write_str("session id contains a byte outside base64url"),
            Self::NonCanonical => f.write_str("session id has non-zero trailing bits"),
        }
    }
}

impl core::error::Error for ParseError {}

/// The operating system's random number generator failed.
///
/// Opaque on purpose: the details depend on the platform. `Display` and
/// `Debug` describe the OS error for logs.
///
/// ```
/// use hardtack_sid::{GenerateError, SessionId};
///
/// match SessionId::generate() {
///     Ok(_) => {}
///     Err(GenerateError::OsRng(e)) => eprintln!("no session id: {e}"),
///     Err(e) => eprintln!("no session id: {e}"),
/// }
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct OsRngError(getrandom::Error);

impl OsRngError {
    pub(crate) const fn new(inner: getrandom::Error) -> Self {
        Self(inner)
    }
}

impl fmt::Debug for OsRngError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("OsRngError").field(&self.0).finish()
    }
}

impl fmt::Display for OsRngError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl core::error::Error for OsRngError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// No id could be generated.
///
/// The only cause is a failing OS random number generator, which on a
/// healthy system does not happen once it is seeded (`getrandom` blocks
/// until it is). Never fall back to a weaker source: answer the request with
/// a server error (HTTP 503) and let the client retry.
///
/// ```
/// use hardtack_sid::{GenerateError, SessionId};
///
/// fn new_session() -> Result<SessionId, GenerateError> {
///     let id = SessionId::generate()?;
///     Ok(id)
/// }
/// assert!(new_session().is_ok());
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenerateError {
    /// The OS random number generator returned an error, either for the id
    /// itself or for (re)seeding the fast generator.
    OsRng(OsRngError),
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OsRng(_) => f.write_str("the operating system's random number generator failed"),
        }
    }
}

impl core::error::Error for GenerateError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::OsRng(e) => Some(e),
        }
    }
}

impl From<getrandom::Error> for GenerateError {
    fn from(e: getrandom::Error) -> Self {
        Self::OsRng(OsRngError::new(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn display_is_lowercase_without_trailing_period() {
        let messages = [
            ParseError::InvalidLength {
                expected: 32,
                found: 0,
            }
            .to_string(),
            ParseError::InvalidCharacter.to_string(),
            ParseError::NonCanonical.to_string(),
            GenerateError::from(getrandom::Error::UNEXPECTED).to_string(),
        ];
        for m in messages {
            assert!(m.starts_with(|c: char| c.is_ascii_lowercase()), "{m}");
            assert!(!m.ends_with('.'), "{m}");
        }
    }

    #[test]
    fn invalid_length_reports_both_lengths() {
        let m = ParseError::InvalidLength {
            expected: 32,
            found: 33,
        }
        .to_string();
        assert_eq!(m, "invalid session id length: expected 32 bytes, found 33");
    }

    #[test]
    fn generate_error_chains_to_the_os_error() {
        use core::error::Error as _;
        let e = GenerateError::from(getrandom::Error::UNEXPECTED);
        let source = e.source().map(ToString::to_string);
        assert_eq!(source, Some(getrandom::Error::UNEXPECTED.to_string()));
    }
}
