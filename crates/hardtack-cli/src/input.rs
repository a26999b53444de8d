//! Header lines from the command line or standard input.
//!
//! ```
//! use hardtack_cli::input::{HeaderKind, classify};
//! let line = classify("Set-Cookie: id=1", None);
//! assert_eq!((line.kind, line.value.as_str()), (HeaderKind::SetCookie, "id=1"));
//! ```

use std::io::{IsTerminal, Read};

use crate::CliError;

/// Which header a line is.
///
/// ```
/// use hardtack_cli::input::HeaderKind;
/// assert_ne!(HeaderKind::Cookie, HeaderKind::SetCookie);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderKind {
    /// A `Set-Cookie` response header: one cookie and its attributes.
    SetCookie,
    /// A `Cookie` request header: `name=value` pairs.
    Cookie,
}

impl HeaderKind {
    /// The header's name: `Set-Cookie` or `Cookie`.
    ///
    /// ```
    /// assert_eq!(hardtack_cli::input::HeaderKind::SetCookie.name(), "Set-Cookie");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            HeaderKind::SetCookie => "Set-Cookie",
            HeaderKind::Cookie => "Cookie",
        }
    }

    /// The name in `--json` output: `set-cookie` or `cookie`.
    ///
    /// ```
    /// assert_eq!(hardtack_cli::input::HeaderKind::Cookie.json_name(), "cookie");
    /// ```
    pub fn json_name(self) -> &'static str {
        match self {
            HeaderKind::SetCookie => "set-cookie",
            HeaderKind::Cookie => "cookie",
        }
    }
}

/// One header value to examine. Offsets reported by the tool count bytes from the
/// start of `value`, the text after `Set-Cookie:` / `Cookie:` and its spaces.
///
/// ```
/// use hardtack_cli::input::{HeaderKind, HeaderLine};
/// let line = HeaderLine { kind: HeaderKind::Cookie, value: "a=1".into() };
/// assert_eq!(line.value, "a=1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderLine {
    /// Which header.
    pub kind: HeaderKind,
    /// The header value, without the name.
    pub value: String,
}

/// The input options `lint` and `parse` share: header lines from the arguments or
/// standard input, and how to read a line that carries no header name.
///
/// ```
/// use clap::Parser;
/// use hardtack_cli::input::{HeaderArgs, HeaderKind};
///
/// #[derive(Parser)]
/// struct Cli {
///     #[command(flatten)]
///     input: HeaderArgs,
/// }
/// let cli = Cli::parse_from(["hardtack", "--cookie", "a=1", "Set-Cookie: b=2"]);
/// let lines = cli.input.read().unwrap();
/// assert_eq!((lines[0].kind, lines[1].kind), (HeaderKind::Cookie, HeaderKind::SetCookie));
/// ```
#[derive(Debug, clap::Args)]
pub struct HeaderArgs {
    /// Header lines or raw values; standard input (one per line) when none are given.
    #[arg(value_name = "HEADER")]
    pub headers: Vec<String>,

    /// Read lines without a header name as Set-Cookie values (the default).
    #[arg(long, conflicts_with = "cookie")]
    pub set_cookie: bool,

    /// Read lines without a header name as Cookie header values.
    #[arg(long)]
    pub cookie: bool,
}

impl HeaderArgs {
    /// Reads and classifies every line: a line with a `Set-Cookie:` or `Cookie:` name is
    /// that header; one without is a raw value of the kind the flags say.
    ///
    /// ```
    /// use hardtack_cli::input::{HeaderArgs, HeaderKind};
    /// let args = HeaderArgs {
    ///     headers: vec!["a=1; Path=/".into(), "Cookie: b=2; c=3".into()],
    ///     set_cookie: false,
    ///     cookie: false,
    /// };
    /// let lines = args.read().unwrap();
    /// assert_eq!((lines[0].kind, lines[0].value.as_str()), (HeaderKind::SetCookie, "a=1; Path=/"));
    /// assert_eq!((lines[1].kind, lines[1].value.as_str()), (HeaderKind::Cookie, "b=2; c=3"));
    /// ```
    ///
    /// # Errors
    /// No input.
    pub fn read(&self) -> Result<Vec<HeaderLine>, CliError> {
        let raw = if self.cookie {
            HeaderKind::Cookie
        } else {
            HeaderKind::SetCookie
        };
        Ok(lines(&self.headers)?
            .iter()
            .map(|l| classify(l, Some(raw)))
            .collect())
    }
}

/// Splits off a `Set-Cookie:` or `Cookie:` field name (any case). A line without one
/// is a raw value of kind `raw` (default: `Set-Cookie`).
///
/// ```
/// use hardtack_cli::input::{HeaderKind, classify};
/// assert_eq!(classify("cookie:a=1", None).kind, HeaderKind::Cookie);
/// assert_eq!(classify("a=1", Some(HeaderKind::Cookie)).kind, HeaderKind::Cookie);
/// assert_eq!(classify("a=1", None).kind, HeaderKind::SetCookie);
/// ```
pub fn classify(line: &str, raw: Option<HeaderKind>) -> HeaderLine {
    let trimmed = line.trim_start_matches([' ', '\t']);
    for kind in [HeaderKind::SetCookie, HeaderKind::Cookie] {
        let name = kind.name();
        let is_named = trimmed
            .get(..name.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(name))
            && trimmed.as_bytes().get(name.len()) == Some(&b':');
        if is_named {
            let value = trimmed.get(name.len() + 1..).unwrap_or_default();
            return HeaderLine {
                kind,
                value: value.trim_start_matches([' ', '\t']).to_owned(),
            };
        }
    }
    HeaderLine {
        kind: raw.unwrap_or(HeaderKind::SetCookie),
        value: line.to_owned(),
    }
}

/// The lines to work on: the arguments if any, otherwise standard input (one header
/// per line; blank lines skipped; a trailing CR removed).
///
/// # Errors
/// No input at all, standard input that is a terminal (nothing piped), or input that
/// is not UTF-8.
///
/// ```
/// let args = vec!["Set-Cookie: a=1".to_owned()];
/// assert_eq!(hardtack_cli::input::lines(&args).map_err(|e| e.message)?, args);
/// # Ok::<(), String>(())
/// ```
pub fn lines(args: &[String]) -> Result<Vec<String>, CliError> {
    if !args.is_empty() {
        return Ok(args.to_vec());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(CliError::usage(
            "no input: pass header lines as arguments or pipe them on standard input",
        ));
    }
    let mut buf = Vec::new();
    stdin
        .lock()
        .read_to_end(&mut buf)
        .map_err(|e| CliError::usage(format!("cannot read standard input: {e}")))?;
    let text = String::from_utf8(buf).map_err(|e| {
        CliError::usage(format!(
            "standard input is not UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    if lines.is_empty() {
        return Err(CliError::usage(
            "no input: standard input was empty (pass header lines as arguments or pipe them in)",
        ));
    }
    Ok(lines)
}

/// A single value (a token) from an argument or the first line of standard input.
///
/// # Errors
/// As [`lines`].
///
/// ```
/// let token = hardtack_cli::input::single(Some("abc.def"), "token").map_err(|e| e.message)?;
/// assert_eq!(token, "abc.def");
/// # Ok::<(), String>(())
/// ```
pub fn single(arg: Option<&str>, what: &str) -> Result<String, CliError> {
    match arg {
        Some(a) => Ok(a.to_owned()),
        None => {
            let all = lines(&[]).map_err(|e| {
                CliError::usage(format!(
                    "no {what}: pass it as an argument or on standard input ({})",
                    e.message
                ))
            })?;
            Ok(all.into_iter().next().unwrap_or_default().trim().to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_are_recognised_in_any_case() {
        let l = classify("set-COOKIE:   id=1; Path=/", None);
        assert_eq!(
            (l.kind, l.value.as_str()),
            (HeaderKind::SetCookie, "id=1; Path=/")
        );
        let l = classify("Cookie: a=1; b=2", Some(HeaderKind::SetCookie));
        assert_eq!((l.kind, l.value.as_str()), (HeaderKind::Cookie, "a=1; b=2"));
    }

    #[test]
    fn raw_values_take_the_flagged_kind() {
        assert_eq!(
            classify("a=1", Some(HeaderKind::Cookie)).kind,
            HeaderKind::Cookie
        );
        assert_eq!(classify("a=1", None).kind, HeaderKind::SetCookie);
        // "Cookie" as a cookie *name* is not a header name.
        let l = classify("Cookie=1", Some(HeaderKind::Cookie));
        assert_eq!((l.kind, l.value.as_str()), (HeaderKind::Cookie, "Cookie=1"));
    }
}
