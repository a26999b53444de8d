//! The few JSON values the tool prints, and a writer that escapes them (RFC 8259).
//! A dozen lines do not justify a serde dependency.

use std::fmt::{self, Write as _};

/// A JSON value. Objects keep their insertion order so that output is stable.
///
/// ```
/// use hardtack_cli::json::Json;
/// let j = Json::Obj(vec![("ok", Json::Bool(true)), ("n", Json::Int(2))]);
/// assert_eq!(j.to_string(), r#"{"ok":true,"n":2}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A string, escaped on output.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object with fixed key names, in order.
    Obj(Vec<(&'static str, Json)>),
}

impl Json {
    /// A string value.
    ///
    /// ```
    /// assert_eq!(hardtack_cli::json::Json::str("a\"b").to_string(), r#""a\"b""#);
    /// ```
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// A string, or `null` for `None`.
    ///
    /// ```
    /// assert_eq!(hardtack_cli::json::Json::opt_str(None).to_string(), "null");
    /// ```
    pub fn opt_str(s: Option<&str>) -> Json {
        s.map_or(Json::Null, Json::str)
    }

    /// An unsigned number (saturating at `i64::MAX`).
    ///
    /// ```
    /// assert_eq!(hardtack_cli::json::Json::uint(7).to_string(), "7");
    /// ```
    pub fn uint(n: u64) -> Json {
        // Unix times and counts the tool prints are far below 2^63.
        Json::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Int(n) => write!(f, "{n}"),
            Json::Str(s) => write_string(f, s),
            Json::Arr(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
            Json::Obj(fields) => {
                f.write_char('{')?;
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write_string(f, key)?;
                    write!(f, ":{value}")?;
                }
                f.write_char('}')
            }
        }
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            // Other controls, and U+2028/2029 which break JavaScript string literals.
            c if u32::from(c) < 0x20 || c == '\u{7f}' || c == '\u{2028}' || c == '\u{2029}' => {
                write!(f, "\\u{:04x}", u32::from(c))?;
            }
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        let v = Json::str("a\"b\\c\n\u{1}\u{7f}\u{2028}é");
        assert_eq!(v.to_string(), r#""a\"b\\c\n\u0001\u007f\u2028é""#);
    }

    #[test]
    fn nesting_and_order() {
        let v = Json::Obj(vec![
            (
                "b",
                Json::Arr(vec![Json::Int(-1), Json::Null, Json::Bool(true)]),
            ),
            ("a", Json::Obj(vec![])),
        ]);
        assert_eq!(v.to_string(), r#"{"b":[-1,null,true],"a":{}}"#);
    }

    #[test]
    fn huge_unsigned_saturates() {
        assert_eq!(Json::uint(u64::MAX).to_string(), i64::MAX.to_string());
    }
}
