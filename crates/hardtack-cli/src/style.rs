//! Colour for people, plain text for pipes: ANSI codes only when stdout is a
//! terminal and `NO_COLOR` is unset (or `--color always`).

use std::fmt;
use std::io::IsTerminal;

/// The `--color` choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Whether to emit colour codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    color: bool,
}

impl Style {
    pub fn new(choice: ColorChoice) -> Style {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Style { color }
    }

    pub const fn plain() -> Style {
        Style { color: false }
    }

    fn paint<T: fmt::Display>(self, code: &'static str, text: T) -> Painted<T> {
        Painted {
            code: if self.color { code } else { "" },
            text,
        }
    }

    pub fn error<T: fmt::Display>(self, text: T) -> Painted<T> {
        self.paint("1;31", text)
    }

    pub fn warning<T: fmt::Display>(self, text: T) -> Painted<T> {
        self.paint("1;33", text)
    }

    pub fn ok<T: fmt::Display>(self, text: T) -> Painted<T> {
        self.paint("1;32", text)
    }

    pub fn bold<T: fmt::Display>(self, text: T) -> Painted<T> {
        self.paint("1", text)
    }

    pub fn dim<T: fmt::Display>(self, text: T) -> Painted<T> {
        self.paint("2", text)
    }

    pub fn accent<T: fmt::Display>(self, text: T) -> Painted<T> {
        self.paint("36", text)
    }
}

/// Text wrapped in an ANSI colour (or not).
pub struct Painted<T> {
    code: &'static str,
    text: T,
}

impl<T: fmt::Display> fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.code.is_empty() {
            write!(f, "{}", self.text)
        } else {
            write!(f, "\x1b[{}m{}\x1b[0m", self.code, self.text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_style_adds_no_escape_codes() {
        assert_eq!(Style::plain().error("x").to_string(), "x");
    }

    #[test]
    fn colour_wraps_and_resets() {
        let s = Style::new(ColorChoice::Always);
        assert_eq!(s.warning("w").to_string(), "\x1b[1;33mw\x1b[0m");
    }
}
