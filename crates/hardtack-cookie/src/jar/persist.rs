//! Saving and loading a jar: a versioned, line-based text format.
//!
//! ```text
//! hardtack-jar v1
//! <domain> TAB <host|domain> TAB <path> TAB <name> TAB <value> TAB <expires|session> TAB <created> TAB <accessed> TAB <flags> TAB <samesite>
//! ```
//!
//! One cookie per line, oldest first. Times are Unix seconds. `flags` is `-` or any of
//! `s` (Secure), `h` (HttpOnly), `p` (Partitioned); `samesite` is `strict`, `lax`,
//! `none` or `default`. Text fields escape `%`, TAB, CR, LF and other control bytes as
//! `%XX`; everything else, UTF-8 included, is written as is.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use time::OffsetDateTime;

use super::entry::{Entry, MAX_UNIX, MIN_UNIX, clamp_unix};
use super::url::classify_host;
use super::{Bucket, HostKind, Jar, PublicSuffixes};
use crate::parse::{MAX_ATTRIBUTE_VALUE, MAX_NAME_VALUE};
use crate::{Prefix, SameSite, class};

const HEADER: &str = "hardtack-jar v1";
const FIELDS: usize = 10;

/// Whether [`Jar::save`] writes session cookies (those without `Max-Age` or
/// `Expires`). Browsers drop them when the session ends, so the default is to drop.
///
/// ```
/// use hardtack_cookie::jar::SessionCookies;
/// assert_eq!(SessionCookies::default(), SessionCookies::Drop);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SessionCookies {
    /// Leave session cookies out (a restart ends the session).
    #[default]
    Drop,
    /// Write them too (the session goes on after loading).
    Keep,
}

/// What is wrong with a line of a saved jar.
///
/// ```
/// use hardtack_cookie::jar::{FixedSuffixes, Jar, LoadErrorKind};
/// let mut jar = Jar::new(FixedSuffixes(&[]));
/// let err = jar.load("hardtack-jar v9\n", time::OffsetDateTime::UNIX_EPOCH).unwrap_err();
/// assert_eq!((err.line(), err.kind()), (1, LoadErrorKind::UnsupportedVersion));
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoadErrorKind {
    /// The first line is not a `hardtack-jar` header.
    MissingHeader,
    /// The header names a version this build does not read.
    UnsupportedVersion,
    /// A line does not have exactly ten TAB-separated fields.
    FieldCount,
    /// A `%` not followed by two hex digits, or escapes that decode to invalid UTF-8.
    InvalidEscape,
    /// The domain is not a lower-case host name or IP address, or an IP address is
    /// marked as a domain cookie.
    InvalidDomain,
    /// The second field is neither `host` nor `domain`.
    InvalidScope,
    /// The path does not start with `/` or is longer than 1024 bytes.
    InvalidPath,
    /// Name and value break a rule the storage model enforces: both empty, over 4096
    /// bytes, a control character, a nameless value with a cookie prefix, or a prefix,
    /// `SameSite=None` or `Partitioned` without the attributes it needs.
    InvalidCookie,
    /// A time that is not an integer in the representable range.
    InvalidTime,
    /// The flags field is not `-` or a set of `s`, `h`, `p`.
    InvalidFlags,
    /// The SameSite field is not `strict`, `lax`, `none` or `default`.
    InvalidSameSite,
}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LoadErrorKind::MissingHeader => "missing hardtack-jar header",
            LoadErrorKind::UnsupportedVersion => "unsupported jar format version",
            LoadErrorKind::FieldCount => "wrong number of fields",
            LoadErrorKind::InvalidEscape => "invalid percent escape",
            LoadErrorKind::InvalidDomain => "invalid domain",
            LoadErrorKind::InvalidScope => "invalid scope",
            LoadErrorKind::InvalidPath => "invalid path",
            LoadErrorKind::InvalidCookie => "invalid cookie",
            LoadErrorKind::InvalidTime => "invalid time",
            LoadErrorKind::InvalidFlags => "invalid flags",
            LoadErrorKind::InvalidSameSite => "invalid SameSite value",
        })
    }
}

/// A saved jar that [`Jar::load`] refused: the 1-based line and what is wrong with it.
/// Never holds any of the text, which contains credentials.
///
/// ```
/// use hardtack_cookie::jar::{FixedSuffixes, Jar, LoadErrorKind};
/// let mut jar = Jar::new(FixedSuffixes(&[]));
/// let err = jar.load("hardtack-jar v1\ngarbage\n", time::OffsetDateTime::UNIX_EPOCH).unwrap_err();
/// assert_eq!(err.kind(), LoadErrorKind::FieldCount);
/// assert_eq!(err.to_string(), "line 2: wrong number of fields");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LoadError {
    line: usize,
    kind: LoadErrorKind,
}

impl LoadError {
    /// The 1-based line number.
    ///
    /// ```
    /// use hardtack_cookie::jar::{FixedSuffixes, Jar};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// assert_eq!(jar.load("", time::OffsetDateTime::UNIX_EPOCH).unwrap_err().line(), 1);
    /// ```
    pub const fn line(&self) -> usize {
        self.line
    }

    /// What is wrong.
    ///
    /// ```
    /// use hardtack_cookie::jar::{FixedSuffixes, Jar, LoadErrorKind};
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let err = jar.load("cookies", time::OffsetDateTime::UNIX_EPOCH).unwrap_err();
    /// assert_eq!(err.kind(), LoadErrorKind::MissingHeader);
    /// ```
    pub const fn kind(&self) -> LoadErrorKind {
        self.kind
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl core::error::Error for LoadError {}

/// One validated line.
struct Record<'t> {
    domain: Cow<'t, str>,
    entry: Entry,
}

impl<S> Jar<S> {
    /// Writes the jar in the text format, oldest cookie first, leaving out expired
    /// cookies and, unless asked, session cookies.
    ///
    /// # Errors
    /// Only those of `out`.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl, SessionCookies};
    /// use time::OffsetDateTime;
    /// let mut jar = Jar::new(FixedSuffixes(&[]));
    /// let now = OffsetDateTime::from_unix_timestamp(1_700_000_000)?;
    /// let url = RequestUrl::parse("https://example.com/")?;
    /// jar.store_response(&url, ["a=1; Max-Age=60; Secure; SameSite=Lax", "session=x"], now, Context::http());
    /// let mut text = String::new();
    /// jar.save(&mut text, now, SessionCookies::Drop)?;
    /// assert_eq!(text, "hardtack-jar v1\n\
    ///     example.com\thost\t/\ta\t1\t1700000060\t1700000000\t1700000000\ts\tlax\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn save<W: fmt::Write + ?Sized>(
        &self,
        out: &mut W,
        now: OffsetDateTime,
        sessions: SessionCookies,
    ) -> fmt::Result {
        let now = clamp_unix(now.unix_timestamp());
        let mut all: Vec<(&str, &Entry)> = self
            .buckets
            .iter()
            .flat_map(|b| b.cookies.iter().map(move |e| (&*b.domain, e)))
            .filter(|(_, e)| !e.is_expired(now))
            .filter(|(_, e)| e.expiry.is_some() || sessions == SessionCookies::Keep)
            .collect();
        all.sort_unstable_by_key(|(_, e)| (e.created, e.seq));
        out.write_str(HEADER)?;
        out.write_char('\n')?;
        for (domain, e) in all {
            write_escaped(out, domain)?;
            out.write_str(if e.host_only {
                "\thost\t"
            } else {
                "\tdomain\t"
            })?;
            write_escaped(out, &e.path)?;
            out.write_char('\t')?;
            write_escaped(out, e.name())?;
            out.write_char('\t')?;
            write_escaped(out, e.value())?;
            match e.expiry {
                Some(t) => write!(out, "\t{t}")?,
                None => out.write_str("\tsession")?,
            }
            write!(out, "\t{}\t{}\t", e.created, e.accessed)?;
            if !(e.secure || e.http_only || e.partitioned) {
                out.write_char('-')?;
            }
            for (on, c) in [(e.secure, 's'), (e.http_only, 'h'), (e.partitioned, 'p')] {
                if on {
                    out.write_char(c)?;
                }
            }
            out.write_str(match e.same_site {
                Some(SameSite::Strict) => "\tstrict\n",
                Some(SameSite::Lax) => "\tlax\n",
                Some(SameSite::None) => "\tnone\n",
                None => "\tdefault\n",
            })?;
        }
        Ok(())
    }

    /// [`save`](Jar::save) into a new `String`.
    ///
    /// ```
    /// use hardtack_cookie::jar::{FixedSuffixes, Jar, SessionCookies};
    /// let jar = Jar::new(FixedSuffixes(&[]));
    /// assert_eq!(jar.to_text(time::OffsetDateTime::UNIX_EPOCH, SessionCookies::Keep), "hardtack-jar v1\n");
    /// ```
    pub fn to_text(&self, now: OffsetDateTime, sessions: SessionCookies) -> String {
        let mut s = String::new();
        // Writing to a String cannot fail.
        let _ = self.save(&mut s, now, sessions);
        s
    }
}

impl<S: PublicSuffixes> Jar<S> {
    /// Adds the cookies of a saved jar, replacing stored cookies with the same name,
    /// domain, host-only flag and path, and returns how many were added.
    ///
    /// All or nothing: the whole text is checked before the first cookie goes in.
    /// Expired cookies, and domain cookies whose domain has since become a public
    /// suffix, are skipped. The jar's limits apply as for stored cookies.
    ///
    /// # Errors
    /// A [`LoadError`] naming the first bad line; the jar is then unchanged.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl, SessionCookies};
    /// use time::OffsetDateTime;
    /// let now = OffsetDateTime::from_unix_timestamp(1_700_000_000)?;
    /// let url = RequestUrl::parse("http://www.example.com/")?;
    /// let mut jar = Jar::new(FixedSuffixes(&["com"]));
    /// jar.store(&url, "a=1; Domain=example.com; Max-Age=3600", now, Context::http())?;
    /// let text = jar.to_text(now, SessionCookies::Drop);
    ///
    /// let mut restored = Jar::new(FixedSuffixes(&["com"]));
    /// assert_eq!(restored.load(&text, now)?, 1);
    /// assert_eq!(restored.cookie_header(&url, now, Context::http()).as_deref(), Some("a=1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn load(&mut self, text: &str, now: OffsetDateTime) -> Result<usize, LoadError> {
        let now = clamp_unix(now.unix_timestamp());
        // First pass: validate everything, keep nothing, so memory stays bounded
        // whatever the size of the text.
        for record in records(text)? {
            record?;
        }
        let mut added = 0;
        for record in records(text)? {
            let Ok(Record { domain, mut entry }) = record else {
                continue;
            };
            if entry.is_expired(now)
                || (!entry.host_only && self.suffixes.is_public_suffix(&domain))
            {
                continue;
            }
            entry.seq = self.next_seq;
            self.next_seq += 1;
            let keep = entry.seq;
            let b = match self.find(&domain) {
                Ok(b) => b,
                Err(at) => {
                    self.buckets.insert(
                        at,
                        Bucket {
                            domain: domain.into_owned().into_boxed_str(),
                            cookies: Vec::new(),
                        },
                    );
                    at
                }
            };
            let Some(bucket) = self.buckets.get_mut(b) else {
                continue;
            };
            let same = bucket.cookies.iter().position(|e| {
                e.host_only == entry.host_only && e.path == entry.path && e.name() == entry.name()
            });
            match same.and_then(|i| bucket.cookies.get_mut(i)) {
                Some(slot) => *slot = entry,
                None => {
                    bucket.cookies.push(entry);
                    self.len += 1;
                }
            }
            added += 1;
            self.enforce_limits(b, now, keep);
        }
        Ok(added)
    }
}

/// The records of a saved jar, after its header.
fn records(text: &str) -> Result<impl Iterator<Item = Result<Record<'_>, LoadError>>, LoadError> {
    let mut lines = text.split('\n');
    let header = lines.next().unwrap_or_default();
    let header_err = |kind| LoadError { line: 1, kind };
    match header.strip_prefix("hardtack-jar v") {
        None => return Err(header_err(LoadErrorKind::MissingHeader)),
        Some("1") => {}
        Some(_) => return Err(header_err(LoadErrorKind::UnsupportedVersion)),
    }
    Ok(lines
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(i, l)| parse_record(l).map_err(|kind| LoadError { line: i + 2, kind })))
}

fn parse_record(line: &str) -> Result<Record<'_>, LoadErrorKind> {
    let mut fields = [""; FIELDS];
    let mut parts = line.split('\t');
    for f in &mut fields {
        *f = parts.next().ok_or(LoadErrorKind::FieldCount)?;
    }
    if parts.next().is_some() {
        return Err(LoadErrorKind::FieldCount);
    }
    let [
        domain,
        scope,
        path,
        name,
        value,
        expires,
        created,
        accessed,
        flags,
        same_site,
    ] = fields;

    let domain = unescape(domain)?;
    let kind = classify_host(&domain).map_err(|_| LoadErrorKind::InvalidDomain)?;
    if domain.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(LoadErrorKind::InvalidDomain);
    }
    let host_only = match scope {
        "host" => true,
        "domain" if kind == HostKind::Name => false,
        "domain" => return Err(LoadErrorKind::InvalidDomain),
        _ => return Err(LoadErrorKind::InvalidScope),
    };
    let path = unescape(path)?;
    if !path.starts_with('/') || path.len() > MAX_ATTRIBUTE_VALUE {
        return Err(LoadErrorKind::InvalidPath);
    }
    let (name, value) = (unescape(name)?, unescape(value)?);
    let bad_cookie = (name.is_empty() && value.is_empty())
        || name.len() + value.len() > MAX_NAME_VALUE
        || class::first_forbidden_ctl(name.as_bytes()).is_some()
        || class::first_forbidden_ctl(value.as_bytes()).is_some()
        || name.contains('=')
        || name.contains(';')
        || value.contains(';')
        || (name.is_empty() && Prefix::of(&value).is_some());
    if bad_cookie {
        return Err(LoadErrorKind::InvalidCookie);
    }
    let expiry = match expires {
        "session" => None,
        t => Some(parse_time(t)?),
    };
    let (created, accessed) = (parse_time(created)?, parse_time(accessed)?);
    let (mut secure, mut http_only, mut partitioned) = (false, false, false);
    if flags != "-" {
        if flags.is_empty() {
            return Err(LoadErrorKind::InvalidFlags);
        }
        for c in flags.bytes() {
            let flag = match c {
                b's' => &mut secure,
                b'h' => &mut http_only,
                b'p' => &mut partitioned,
                _ => return Err(LoadErrorKind::InvalidFlags),
            };
            if *flag {
                return Err(LoadErrorKind::InvalidFlags);
            }
            *flag = true;
        }
    }
    let same_site = match same_site {
        "strict" => Some(SameSite::Strict),
        "lax" => Some(SameSite::Lax),
        "none" => Some(SameSite::None),
        "default" => None,
        _ => return Err(LoadErrorKind::InvalidSameSite),
    };
    let prefix_ok = match Prefix::of(&name) {
        None => true,
        Some(Prefix::Secure) => secure,
        Some(Prefix::Host) => secure && host_only && &*path == "/",
    };
    if !prefix_ok || (same_site == Some(SameSite::None) && !secure) || (partitioned && !secure) {
        return Err(LoadErrorKind::InvalidCookie);
    }
    let mut nv = String::with_capacity(name.len() + value.len());
    nv.push_str(&name);
    nv.push_str(&value);
    Ok(Record {
        domain,
        entry: Entry {
            name_value: nv.into_boxed_str(),
            name_len: name.len(),
            path: Box::from(&*path),
            host_only,
            expiry,
            created,
            seq: 0,
            accessed,
            secure,
            http_only,
            partitioned,
            same_site,
        },
    })
}

/// A decimal Unix time in the range `time` can represent.
fn parse_time(s: &str) -> Result<i64, LoadErrorKind> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LoadErrorKind::InvalidTime);
    }
    let t = s.parse::<i64>().map_err(|_| LoadErrorKind::InvalidTime)?;
    if (MIN_UNIX..=MAX_UNIX).contains(&t) {
        Ok(t)
    } else {
        Err(LoadErrorKind::InvalidTime)
    }
}

fn needs_escape(b: u8) -> bool {
    b == b'%' || b < 0x20 || b == 0x7f
}

fn write_escaped<W: fmt::Write + ?Sized>(out: &mut W, s: &str) -> fmt::Result {
    let mut rest = s;
    while let Some(i) = rest.bytes().position(needs_escape) {
        out.write_str(&rest[..i])?;
        write!(out, "%{:02X}", rest.as_bytes()[i])?;
        rest = &rest[i + 1..];
    }
    out.write_str(rest)
}

fn unescape(s: &str) -> Result<Cow<'_, str>, LoadErrorKind> {
    if s.bytes().any(|b| b < 0x20 || b == 0x7f) {
        // Raw control bytes are never written; their presence means tampering.
        return Err(LoadErrorKind::InvalidEscape);
    }
    if !s.contains('%') {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b != b'%' {
            out.push(b);
            continue;
        }
        let hex = |d: Option<u8>| d.and_then(|d| char::from(d).to_digit(16));
        match (hex(bytes.next()), hex(bytes.next())) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(LoadErrorKind::InvalidEscape),
        }
    }
    String::from_utf8(out)
        .map(Cow::Owned)
        .map_err(|_| LoadErrorKind::InvalidEscape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips() {
        for s in [
            "plain",
            "100%",
            "a\tb",
            "line\r\nbreak",
            "caf\u{e9}",
            "%41",
            "\u{7f}",
        ] {
            let mut e = String::new();
            write_escaped(&mut e, s).unwrap();
            assert!(!e.contains(['\t', '\n', '\r']), "{e:?}");
            assert_eq!(unescape(&e).unwrap(), s);
        }
        let mut e = String::new();
        write_escaped(&mut e, "a\tb%").unwrap();
        assert_eq!(e, "a%09b%25");
    }

    #[test]
    fn bad_escapes() {
        for s in ["%", "%4", "%zz", "%C3", "a\u{1}b", "%FF"] {
            assert_eq!(unescape(s), Err(LoadErrorKind::InvalidEscape), "{s:?}");
        }
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("0"), Ok(0));
        assert_eq!(parse_time("-5"), Ok(-5));
        for bad in [
            "",
            "-",
            "+5",
            "1e3",
            "999999999999999",
            "9223372036854775807",
            " 1",
        ] {
            assert_eq!(parse_time(bad), Err(LoadErrorKind::InvalidTime), "{bad:?}");
        }
    }
}
