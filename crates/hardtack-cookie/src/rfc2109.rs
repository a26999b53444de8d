//! RFC 2109 and "Version 0" cookies.
//!
//! Old clients and many phones' HTTP stacks still judge cookies by RFC 2109 / RFC 2068
//! rules: a name or value is a `token`, so none of the tspecials
//! `( ) < > @ , ; : \ " / [ ] ? = { }`, SP and HT, no CTL and nothing outside ASCII.
//! A value such as `a@b` or `x=y/z` is fine for RFC 6265 browsers and breaks there.
//! [`check_version0`] finds such bytes before they ship.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use crate::class::{self, TCHAR, WSP};
use crate::error::{ErrorKind, ParseError};
use crate::parse;
use crate::set_cookie::SetCookie;

/// Which half of a cookie a [`Version0Error`] is about.
///
/// ```
/// use hardtack_cookie::rfc2109::{check_version0, Part};
/// assert_eq!(check_version0("a", "b c").unwrap_err().part(), Part::Value);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The cookie name.
    Name,
    /// The cookie value.
    Value,
}

/// The first byte of a name or value that is not an RFC 2068 `token` character.
///
/// ```
/// use hardtack_cookie::rfc2109::{check_version0, Part};
/// let e = check_version0("session", "user@example.com").unwrap_err();
/// assert_eq!((e.part(), e.offset(), e.byte()), (Part::Value, 4, b'@'));
/// assert_eq!(e.to_string(), "cookie value byte '@' at offset 4 is an RFC 2068 tspecial");
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Version0Error {
    part: Part,
    offset: usize,
    byte: u8,
}

impl Version0Error {
    /// Name or value.
    ///
    /// ```
    /// use hardtack_cookie::rfc2109::{check_version0, Part};
    /// assert_eq!(check_version0("a b", "c").unwrap_err().part(), Part::Name);
    /// ```
    pub const fn part(&self) -> Part {
        self.part
    }

    /// Offset of the byte within the name or the value (an empty name reports 0).
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::rfc2109::check_version0("ab", "x/y").unwrap_err().offset(), 1);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The offending byte (0 for an empty name).
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::rfc2109::check_version0("a", "é").unwrap_err().byte(), 0xc3);
    /// ```
    pub const fn byte(&self) -> u8 {
        self.byte
    }

    /// Why the byte is not allowed: `"an RFC 2068 tspecial"`, `"a control character"`,
    /// `"not ASCII"`, or `"missing"` for an empty name.
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::rfc2109::check_version0("a", "\u{1}").unwrap_err().reason(), "a control character");
    /// ```
    pub const fn reason(&self) -> &'static str {
        match self.byte {
            0 if matches!(self.part, Part::Name) => "missing",
            b if b >= 0x80 => "not ASCII",
            b if b < 0x20 || b == 0x7f => "a control character",
            _ => "an RFC 2068 tspecial",
        }
    }
}

impl fmt::Display for Version0Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = match self.part {
            Part::Name => "cookie name",
            Part::Value => "cookie value",
        };
        if self.byte == 0 && self.part == Part::Name {
            return write!(f, "{part} is empty");
        }
        if self.byte.is_ascii_graphic() || self.byte == b' ' {
            write!(
                f,
                "{part} byte '{}' at offset {} is {}",
                self.byte as char,
                self.offset,
                self.reason()
            )
        } else {
            write!(
                f,
                "{part} byte 0x{:02x} at offset {} is {}",
                self.byte,
                self.offset,
                self.reason()
            )
        }
    }
}

impl core::error::Error for Version0Error {}

/// Checks that `name` (non-empty) and `value` (may be empty) are RFC 2068 tokens, and
/// reports the first offending byte and its offset otherwise.
///
/// ```
/// use hardtack_cookie::rfc2109::check_version0;
/// assert!(check_version0("sid", "AbC-123_x.y~z").is_ok());
/// assert!(check_version0("sid", "a=b").is_err());
/// assert!(check_version0("sid", "\"quoted\"").is_err());
/// ```
pub fn check_version0(name: &str, value: &str) -> Result<(), Version0Error> {
    if name.is_empty() {
        return Err(Version0Error {
            part: Part::Name,
            offset: 0,
            byte: 0,
        });
    }
    for (part, s) in [(Part::Name, name), (Part::Value, value)] {
        if let Some(i) = class::first_not(s.as_bytes(), TCHAR) {
            return Err(Version0Error {
                part,
                offset: i,
                byte: s.as_bytes()[i],
            });
        }
    }
    Ok(())
}

/// Whether every byte of `s` is an RFC 2068 `token` character (and `s` is non-empty).
///
/// ```
/// assert!(hardtack_cookie::rfc2109::is_token("abc"));
/// assert!(!hardtack_cookie::rfc2109::is_token("a,b"));
/// ```
pub fn is_token(s: &str) -> bool {
    !s.is_empty() && class::first_not(s.as_bytes(), TCHAR).is_none()
}

/// Decodes an RFC 2068 `quoted-string` (`"…"` with `\`-escapes) into its content.
/// Text that is not quoted is returned as it is. Allocates only when there is an escape.
///
/// # Errors
/// An unterminated quote or a byte that `qdtext` does not allow.
///
/// ```
/// use hardtack_cookie::rfc2109::unquote;
/// assert_eq!(unquote("\"a\\\"b\"")?, "a\"b");
/// assert_eq!(unquote("plain")?, "plain");
/// assert!(unquote("\"open").is_err());
/// # Ok::<(), hardtack_cookie::ParseError>(())
/// ```
pub fn unquote(s: &str) -> Result<Cow<'_, str>, ParseError> {
    let b = s.as_bytes();
    if b.first() != Some(&b'"') {
        return Ok(Cow::Borrowed(s));
    }
    let end = parse::word_end(b, 0)?;
    if end != b.len() {
        return Err(ParseError::new(ErrorKind::InvalidValueByte(b[end]), end));
    }
    let inner = &s[1..s.len() - 1];
    if !inner.contains('\\') {
        return Ok(Cow::Borrowed(inner));
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            // word_end guaranteed an ASCII character after each backslash.
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    Ok(Cow::Owned(out))
}

/// The cookies of an RFC 2109 `Set-Cookie` value, which may list several separated by
/// commas (`1#cookie`). A Netscape `Expires` date's comma is not taken for a separator.
/// After an error the iterator ends: there is no reliable place to resume.
///
/// ```
/// use hardtack_cookie::rfc2109::split_set_cookie;
/// let v = "a=1; Version=1, b=\"x y\"; Version=1; Path=/";
/// let cookies: Vec<_> = split_set_cookie(v).collect::<Result<_, _>>()?;
/// assert_eq!(cookies.len(), 2);
/// assert_eq!((cookies[1].name(), cookies[1].value(), cookies[1].path()), ("b", "\"x y\"", Some("/")));
/// # Ok::<(), hardtack_cookie::ParseError>(())
/// ```
pub fn split_set_cookie(value: &str) -> SplitSetCookie<'_> {
    SplitSetCookie {
        s: value,
        pos: 0,
        done: false,
    }
}

/// Iterator returned by [`split_set_cookie`].
///
/// ```
/// assert_eq!(hardtack_cookie::rfc2109::split_set_cookie("a=1, b=2").count(), 2);
/// ```
#[derive(Clone)]
pub struct SplitSetCookie<'a> {
    s: &'a str,
    pos: usize,
    done: bool,
}

impl<'a> Iterator for SplitSetCookie<'a> {
    type Item = Result<SetCookie<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if self.pos == 0
            && let Some(i) = class::first_forbidden_ctl(self.s.as_bytes())
        {
            self.done = true;
            return Some(Err(ParseError::new(ErrorKind::ControlCharacter, i)));
        }
        match parse::rfc2109(self.s, self.pos) {
            Ok((c, stop)) => {
                if stop >= self.s.len() {
                    self.done = true;
                } else {
                    self.pos = stop + 1;
                }
                Some(Ok(c))
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

impl fmt::Debug for SplitSetCookie<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SplitSetCookie")
            .field("pos", &self.pos)
            .finish_non_exhaustive()
    }
}

/// One cookie of an RFC 2109 `Cookie` header, with the `$Path` / `$Domain` that
/// followed it. Values are raw (quoted-strings keep their quotes; see [`unquote`]).
///
/// ```
/// use hardtack_cookie::rfc2109::CookieHeader;
/// let c = CookieHeader::new("$Version=1; a=b; $Path=/x").next().unwrap()?;
/// assert_eq!((c.name, c.value, c.path, c.domain), ("a", "b", Some("/x"), None));
/// # Ok::<(), hardtack_cookie::ParseError>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Rfc2109Cookie<'a> {
    /// Cookie name.
    pub name: &'a str,
    /// Cookie value, raw.
    pub value: &'a str,
    /// The `$Path` attribute that followed it.
    pub path: Option<&'a str>,
    /// The `$Domain` attribute that followed it.
    pub domain: Option<&'a str>,
}

impl fmt::Debug for Rfc2109Cookie<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rfc2109Cookie")
            .field("name", &self.name)
            .field(
                "value",
                &format_args!("<{} bytes redacted>", self.value.len()),
            )
            .field("path", &self.path)
            .field("domain", &self.domain)
            .finish()
    }
}

/// An RFC 2109 `Cookie` header: `$Version=1; name=value; $Path=…; $Domain=…, …`.
/// Pairs are separated by `;` or `,`; names are tokens; values are tokens or
/// quoted-strings. A bad pair yields an error and parsing resumes at the next separator.
///
/// ```
/// use hardtack_cookie::rfc2109::CookieHeader;
/// let mut h = CookieHeader::new("$Version=\"1\"; a=\"x,y\"; $Path=\"/\", b=2");
/// let cookies: Vec<_> = h.by_ref().collect::<Result<_, _>>()?;
/// assert_eq!(h.version(), Some(1));
/// assert_eq!(cookies.len(), 2);
/// assert_eq!(cookies[0].value, "\"x,y\"");
/// assert_eq!(cookies[0].path, Some("\"/\""));
/// # Ok::<(), hardtack_cookie::ParseError>(())
/// ```
#[derive(Clone)]
pub struct CookieHeader<'a> {
    s: &'a str,
    pos: usize,
    version: Option<u32>,
    /// The next control character at or after `pos` (`s.len()` if none), found with
    /// one forward scan that is only repeated past it, so the whole walk stays linear.
    ctl: usize,
}

impl<'a> CookieHeader<'a> {
    /// Starts reading a header value.
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::rfc2109::CookieHeader::new("a=b").count(), 1);
    /// ```
    pub fn new(header: &'a str) -> Self {
        let ctl = class::first_forbidden_ctl(header.as_bytes()).unwrap_or(header.len());
        CookieHeader {
            s: header,
            pos: 0,
            version: None,
            ctl,
        }
    }

    /// The `$Version` seen so far (it comes first, so after the first item it is known).
    ///
    /// ```
    /// use hardtack_cookie::rfc2109::CookieHeader;
    /// let mut h = CookieHeader::new("$Version=1; a=b");
    /// h.next();
    /// assert_eq!(h.version(), Some(1));
    /// ```
    pub fn version(&self) -> Option<u32> {
        self.version
    }

    /// Reads `name=value` at `pos`; returns the spans and the position after it.
    fn item(&self, pos: usize) -> Result<Item, ParseError> {
        let b = self.s.as_bytes();
        let n0 = skip_ws(b, pos);
        let n1 = n0 + class::first_not(&b[n0..], TCHAR).unwrap_or(b.len() - n0);
        if n0 == n1 {
            let kind = match b.get(n0) {
                None | Some(b';' | b',') => ErrorKind::Empty,
                Some(b'=') => ErrorKind::EmptyName,
                Some(&x) => ErrorKind::InvalidNameByte(x),
            };
            return Err(ParseError::new(kind, n0));
        }
        let eq = skip_ws(b, n1);
        match b.get(eq) {
            Some(b'=') => {}
            None | Some(b';' | b',') => return Err(ParseError::new(ErrorKind::MissingEquals, eq)),
            Some(&x) => return Err(ParseError::new(ErrorKind::InvalidNameByte(x), n1)),
        }
        let v0 = skip_ws(b, eq + 1);
        let v1 = if b[n0] == b'$' {
            parse::attr_word_end(b, v0)?
        } else {
            parse::word_end(b, v0)?
        };
        let after = skip_ws(b, v1);
        match b.get(after) {
            None | Some(b';' | b',') => Ok(((n0, n1), (v0, v1), after)),
            Some(&x) => Err(ParseError::new(ErrorKind::InvalidValueByte(x), after)),
        }
    }

    fn sep(&self, pos: usize) -> usize {
        // Skip to just past the next separator (used after errors too).
        let b = self.s.as_bytes();
        match b[pos.min(b.len())..]
            .iter()
            .position(|&c| c == b';' || c == b',')
        {
            Some(i) => pos + i + 1,
            None => b.len(),
        }
    }
}

/// Spans of a name and a value, and the position after the pair.
type Item = ((usize, usize), (usize, usize), usize);

fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    while b.get(pos).is_some_and(|&c| class::is(c, WSP)) {
        pos += 1;
    }
    pos
}

impl<'a> Iterator for CookieHeader<'a> {
    type Item = Result<Rfc2109Cookie<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let s = self.s;
        loop {
            if skip_ws(s.as_bytes(), self.pos) >= s.len() {
                return None;
            }
            if self.ctl < self.sep(self.pos) {
                // The control character lies in this item: report it, skip the item,
                // and look for the next one from there.
                let at = self.ctl;
                self.pos = self.sep(at);
                let rest = s.as_bytes().get(self.pos..).unwrap_or_default();
                self.ctl = self.pos + class::first_forbidden_ctl(rest).unwrap_or(rest.len());
                return Some(Err(ParseError::new(ErrorKind::ControlCharacter, at)));
            }
            let ((n0, n1), (v0, v1), after) = match self.item(self.pos) {
                Ok(x) => x,
                Err(e) => {
                    self.pos = self.sep(e.offset());
                    return Some(Err(e));
                }
            };
            self.pos = (after + 1).min(s.len());
            let name = &s[n0..n1];
            let value = &s[v0..v1];
            if name.eq_ignore_ascii_case("$Version") {
                let digits = value.trim_matches('"');
                if digits.is_empty()
                    || digits.len() > 9
                    || !digits.bytes().all(|d| d.is_ascii_digit())
                {
                    return Some(Err(ParseError::new(
                        ErrorKind::InvalidAttributeValue(crate::Attribute::Version),
                        v0,
                    )));
                }
                self.version = Some(parse::saturating_decimal(digits.as_bytes(), false) as u32);
                continue;
            }
            if name.starts_with('$') {
                // A `$Path`/`$Domain` with no cookie before it, or an unknown `$` attribute.
                continue;
            }
            let mut cookie = Rfc2109Cookie {
                name,
                value,
                path: None,
                domain: None,
            };
            // Attach the `$Path` / `$Domain` attributes that follow.
            while let Ok(((a0, a1), (w0, w1), after)) = self.item(self.pos) {
                let attr = &s[a0..a1];
                if attr.eq_ignore_ascii_case("$Path") {
                    cookie.path = Some(&s[w0..w1]);
                } else if attr.eq_ignore_ascii_case("$Domain") {
                    cookie.domain = Some(&s[w0..w1]);
                } else {
                    break;
                }
                self.pos = (after + 1).min(s.len());
            }
            return Some(Ok(cookie));
        }
    }
}

impl fmt::Debug for CookieHeader<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CookieHeader")
            .field("pos", &self.pos)
            .field("version", &self.version)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tspecial_is_reported_with_offset() {
        for &t in b"()<>@,;:\\\"/[]?={} \t" {
            let v = alloc::format!("ab{}cd", t as char);
            let e = check_version0("n", &v).unwrap_err();
            assert_eq!((e.part(), e.offset(), e.byte()), (Part::Value, 2, t));
            assert_eq!(
                e.reason(),
                if t == b'\t' {
                    "a control character"
                } else {
                    "an RFC 2068 tspecial"
                }
            );
        }
        assert_eq!(
            check_version0("", "x").unwrap_err().to_string(),
            "cookie name is empty"
        );
    }

    #[test]
    fn cookie_header_resumes_after_a_bad_pair() {
        let items: alloc::vec::Vec<_> = CookieHeader::new("a=1; b c=2, d=3").collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].unwrap().name, "a");
        assert!(items[1].is_err());
        assert_eq!(items[2].unwrap().value, "3");
    }

    #[test]
    fn domain_attaches() {
        let c = CookieHeader::new("a=b; $Domain=.x.com; $Path=/")
            .next()
            .unwrap()
            .unwrap();
        assert_eq!((c.domain, c.path), (Some(".x.com"), Some("/")));
    }
}
