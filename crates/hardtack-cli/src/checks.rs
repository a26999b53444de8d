//! What `hardtack lint` finds in one header value. Pure functions: no I/O, no clock
//! (the caller passes `now`), so every rule is unit-tested here.
//!
//! ```
//! use hardtack_cli::checks::{Outcome, lint};
//! use hardtack_cli::input::classify;
//! let r = lint(&classify("Set-Cookie: id=a b; Path=/", None), 0);
//! let Outcome::Stored { rows, .. } = &r.outcome else { unreachable!() };
//! // A browser stores the value anyway; strict servers do not accept it.
//! assert!(rows.contains(&("value", "a b".to_owned())));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use hardtack::cookie::date::{HttpDate, parse_imf_fixdate};
use hardtack::cookie::encode::{PercentSet, percent_encode};
use hardtack::cookie::rfc2109::{CookieHeader, Part, check_version0};
use hardtack::cookie::{
    Attribute, ErrorKind, Pairs, ParseError, Prefix, Profile, SameSite, SetCookie, StrictPairs,
};

use crate::input::{HeaderKind, HeaderLine};
use crate::json::Json;

/// Browsers ignore an attribute whose value exceeds this.
const MAX_ATTRIBUTE_VALUE: usize = 1024;
/// Browsers cap Max-Age and Expires at 400 days (RFC 6265bis §5.6.1, §5.6.2).
const MAX_LIFETIME: i64 = 400 * 86_400;
/// Apache's `LimitRequestFieldSize` default; nginx's header buffer is 8 KiB too.
const MAX_REQUEST_HEADER: usize = 8190;

/// How bad a finding is. Orders `Warning < Error`, so the worst of a list is its `max`.
///
/// ```
/// use hardtack_cli::checks::Severity;
/// assert!(Severity::Warning < Severity::Error);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Works in browsers, breaks somewhere else (old clients, strict servers) or is
    /// unsafe: exit status 1.
    Warning,
    /// Browsers drop the cookie, or it is outside the grammar servers must send:
    /// exit status 2.
    Error,
}

impl Severity {
    /// `"warning"` or `"error"`.
    ///
    /// ```
    /// assert_eq!(hardtack_cli::checks::Severity::Error.as_str(), "error");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a finding is about; used to avoid reporting one problem twice.
///
/// ```
/// use hardtack_cli::checks::{Subject, lint};
/// use hardtack_cli::input::classify;
/// let r = lint(&classify("a=b c", None), 0);
/// assert_eq!(r.findings[0].subject, Subject::Value);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// The cookie name.
    Name,
    /// The cookie value.
    Value,
    /// One attribute (`Extension` for unknown ones).
    Attribute(Attribute),
    /// The header as a whole (separators, size).
    Cookie,
}

/// One problem: where it is, what it is and how to fix it.
///
/// ```
/// use hardtack_cli::checks::{Severity, lint};
/// use hardtack_cli::input::classify;
/// let r = lint(&classify("Set-Cookie: a=1; SameSite=None", None), 0);
/// let f = &r.findings[0];
/// assert_eq!((f.severity, f.code, f.offset), (Severity::Error, "samesite-none-without-secure", 5));
/// assert_eq!(f.fix, "add `; Secure` (and serve the site over HTTPS)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Warning or error.
    pub severity: Severity,
    /// Stable identifier for scripts (`--json`), such as `value-needs-encoding`.
    pub code: &'static str,
    /// Name, value, attribute or the whole header.
    pub subject: Subject,
    /// Byte offset in the header value (after `Set-Cookie:` and its spaces).
    pub offset: usize,
    /// What is wrong and who it breaks for.
    pub message: String,
    /// What to do about it.
    pub fix: String,
}

/// The verdict of one parser profile on the line.
///
/// ```
/// use hardtack_cli::checks::lint;
/// use hardtack_cli::input::classify;
/// let r = lint(&classify("a=b c", None), 0);
/// let verdicts: Vec<_> = r.profiles.iter().map(|p| (p.profile, p.result.is_ok())).collect();
/// assert_eq!(verdicts, [("lenient", true), ("strict", false), ("rfc2109", false)]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfileResult {
    /// `"lenient"`, `"strict"` or `"rfc2109"`.
    pub profile: &'static str,
    /// The first error, if the profile refuses the line.
    pub result: Result<(), ParseError>,
}

/// What the other side ends up with.
///
/// ```
/// use hardtack_cli::checks::{Outcome, lint};
/// use hardtack_cli::input::classify;
/// let r = lint(&classify("Cookie: a=1; b=2", None), 0);
/// assert_eq!(r.outcome, Outcome::Read(vec![("a".into(), "1".into()), ("b".into(), "2".into())]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A browser stores this cookie (the lenient parse).
    Stored {
        /// `(field, value)` rows for people, such as `("path", "/")`.
        rows: Vec<(&'static str, String)>,
        /// The raw fields for `--json` (see [`fields`]).
        fields: Json,
    },
    /// A browser ignores the whole `Set-Cookie` header, for this reason.
    Ignored(ParseError),
    /// A server reads these pairs from the `Cookie` header (lenient).
    Read(Vec<(String, String)>),
}

/// Everything `hardtack lint` says about one header line.
///
/// ```
/// use hardtack_cli::checks::lint;
/// use hardtack_cli::input::classify;
/// let r = lint(&classify("Set-Cookie: theme=dark; Path=/", None), 0);
/// assert!(r.findings.is_empty() && r.suggestion.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The line that was linted.
    pub line: HeaderLine,
    /// The problems, errors first, then by offset.
    pub findings: Vec<Finding>,
    /// The verdict of each parser profile.
    pub profiles: Vec<ProfileResult>,
    /// What a browser stores, or what a server reads.
    pub outcome: Outcome,
    /// A corrected `Set-Cookie` value, when the problems have a mechanical fix.
    pub suggestion: Option<String>,
}

impl Report {
    /// The worst severity found, `None` for a clean line.
    ///
    /// ```
    /// use hardtack_cli::checks::{Severity, lint};
    /// use hardtack_cli::input::classify;
    /// assert_eq!(lint(&classify("prefs=a/b", None), 0).worst(), Some(Severity::Warning));
    /// assert_eq!(lint(&classify("prefs=ab", None), 0).worst(), None);
    /// ```
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

/// Lints one header line as of `now` (Unix seconds, to compare `Max-Age` with
/// `Expires`). Never panics, runs in time linear in the line.
///
/// ```
/// use hardtack_cli::checks::lint;
/// use hardtack_cli::input::classify;
/// let r = lint(&classify("Set-Cookie: prefs=lang=en/GB", None), 0);
/// assert_eq!(r.findings[0].code, "version0-tspecial");
/// assert_eq!(r.findings[0].fix, "encode with the token set: prefs=lang%3Den%2FGB");
/// ```
pub fn lint(line: &HeaderLine, now: i64) -> Report {
    match line.kind {
        HeaderKind::SetCookie => lint_set_cookie(line, now),
        HeaderKind::Cookie => lint_cookie(line),
    }
}

fn finding(
    severity: Severity,
    code: &'static str,
    subject: Subject,
    offset: usize,
    message: String,
    fix: String,
) -> Finding {
    Finding {
        severity,
        code,
        subject,
        offset,
        message,
        fix,
    }
}

/// Where `part` (a slice of `whole`) starts in `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    let (w, p) = (whole.as_ptr() as usize, part.as_ptr() as usize);
    if p >= w && p + part.len() <= w + whole.len() {
        p - w
    } else {
        0
    }
}

/// RFC 9110 `tchar`.
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// RFC 6265 `cookie-octet`.
fn is_cookie_octet(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x2B | 0x2D..=0x3A | 0x3C..=0x5B | 0x5D..=0x7E)
}

fn show_byte(b: u8) -> String {
    if b.is_ascii_graphic() || b == b' ' {
        format!("'{}'", b as char)
    } else {
        format!("0x{b:02x}")
    }
}

fn profile_name(p: Profile) -> &'static str {
    match p {
        Profile::Strict => "strict",
        Profile::Rfc2109 => "rfc2109",
        _ => "lenient",
    }
}

fn subject_of(kind: ErrorKind) -> Subject {
    match kind {
        ErrorKind::InvalidNameByte(_) | ErrorKind::EmptyName => Subject::Name,
        ErrorKind::InvalidValueByte(_) | ErrorKind::UnbalancedQuote | ErrorKind::TooLarge => {
            Subject::Value
        }
        ErrorKind::AttributeTooLarge(a)
        | ErrorKind::InvalidAttributeValue(a)
        | ErrorKind::InvalidAttributeByte(a)
        | ErrorKind::DuplicateAttribute(a) => Subject::Attribute(a),
        _ => Subject::Cookie,
    }
}

/// One `; name=value` attribute with its offsets.
struct Av<'a> {
    name: &'a str,
    value: Option<&'a str>,
    at: usize,
    value_at: usize,
}

fn attributes(v: &str) -> Vec<Av<'_>> {
    const WS: [char; 2] = [' ', '\t'];
    let mut out = Vec::new();
    let Some(first) = v.find(';') else {
        return out;
    };
    let mut pos = first + 1;
    while pos <= v.len() {
        let rest = v.get(pos..).unwrap_or_default();
        let end = rest.find(';').map_or(v.len(), |i| pos + i);
        let seg = v.get(pos..end).unwrap_or_default();
        let (raw_name, raw_value) = match seg.split_once('=') {
            Some((n, val)) => (n, Some(val)),
            None => (seg, None),
        };
        let name = raw_name.trim_matches(WS);
        let value = raw_value.map(|x| x.trim_matches(WS));
        if !name.is_empty() || value.is_some_and(|x| !x.is_empty()) {
            out.push(Av {
                name,
                value,
                at: offset_in(v, name),
                value_at: value.map_or(end, |x| offset_in(v, x)),
            });
        }
        pos = end + 1;
    }
    out
}

fn recognise(name: &str) -> Attribute {
    const KNOWN: [(&str, Attribute); 9] = [
        ("expires", Attribute::Expires),
        ("max-age", Attribute::MaxAge),
        ("domain", Attribute::Domain),
        ("path", Attribute::Path),
        ("secure", Attribute::Secure),
        ("httponly", Attribute::HttpOnly),
        ("samesite", Attribute::SameSite),
        ("partitioned", Attribute::Partitioned),
        ("priority", Attribute::Priority),
    ];
    KNOWN
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map_or(Attribute::Extension, |&(_, a)| a)
}

/// Whether a cookie looks like it carries a credential, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sensitivity {
    Plain,
    /// An anti-CSRF token: scripts may need to read it, so `HttpOnly` is optional.
    Csrf,
    Credential(&'static str),
}

fn sensitivity(name: &str, value: &str) -> Sensitivity {
    let lower = name.to_ascii_lowercase();
    if lower.contains("csrf") || lower.contains("xsrf") {
        return Sensitivity::Csrf;
    }
    const HINTS: [&str; 11] = [
        "sess",
        "sid",
        "token",
        "auth",
        "jwt",
        "login",
        "remember",
        "secret",
        "credential",
        "apikey",
        "api_key",
    ];
    if HINTS.iter().any(|h| lower.contains(h)) {
        return Sensitivity::Credential("its name");
    }
    let b = value.as_bytes();
    let random_looking = b.len() >= 22
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || b"-_.~+/=".contains(&c))
        && b.iter().any(u8::is_ascii_digit)
        && b.iter().any(u8::is_ascii_alphabetic);
    if random_looking {
        Sensitivity::Credential("its long random-looking value")
    } else {
        Sensitivity::Plain
    }
}

fn lint_set_cookie(line: &HeaderLine, now: i64) -> Report {
    let v = line.value.as_str();
    let profiles: Vec<ProfileResult> = [Profile::Lenient, Profile::Strict, Profile::Rfc2109]
        .into_iter()
        .map(|p| ProfileResult {
            profile: profile_name(p),
            result: SetCookie::parse(v, p).map(|_| ()),
        })
        .collect();
    let mut findings = Vec::new();
    let c = match SetCookie::parse(v, Profile::Lenient) {
        Ok(c) => c,
        Err(e) => {
            findings.push(ignored_by_browsers(e));
            return Report {
                line: line.clone(),
                findings,
                profiles,
                outcome: Outcome::Ignored(e),
                suggestion: None,
            };
        }
    };
    let avs = attributes(v);
    // The attribute a browser uses: the last one, unless oversize (then ignored).
    let attr = |a: Attribute| {
        avs.iter().rev().find(|av| {
            recognise(av.name) == a && av.value.is_none_or(|x| x.len() <= MAX_ATTRIBUTE_VALUE)
        })
    };
    let name_at = offset_in(v, c.name());
    let value_at = offset_in(v, c.value());
    let quoted = c.value().len() >= 2 && c.value().starts_with('"') && c.value().ends_with('"');
    let inner = if quoted {
        c.value_unquoted()
    } else {
        c.value()
    };
    let inner_at = value_at + usize::from(quoted);
    let sensitivity = sensitivity(c.name(), inner);

    // Name and value bytes.
    if c.name().is_empty() {
        findings.push(finding(
            Severity::Error,
            "nameless-cookie",
            Subject::Name,
            0,
            "the cookie has no name: browsers store it under an empty name, which \
                servers cannot read reliably"
                .into(),
            "write it as name=value".into(),
        ));
    } else if let Some(i) = c.name().bytes().position(|b| !is_tchar(b)) {
        let b = c.name().as_bytes().get(i).copied().unwrap_or(0);
        findings.push(finding(
            Severity::Error,
            "name-needs-encoding",
            Subject::Name,
            name_at + i,
            format!(
                "the name contains {}, which is not allowed in a cookie name",
                show_byte(b)
            ),
            "use only letters, digits and !#$%&'*+-.^_`|~ in cookie names".into(),
        ));
    }
    let bad: Vec<usize> = inner
        .bytes()
        .enumerate()
        .filter(|&(_, b)| !is_cookie_octet(b))
        .map(|(i, _)| i)
        .collect();
    let encoded_value = percent_encode(inner, PercentSet::CookieOctet).to_string();
    if let Some(&i) = bad.first() {
        let b = inner.as_bytes().get(i).copied().unwrap_or(0);
        let more = match bad.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        findings.push(finding(
            Severity::Error,
            "value-needs-encoding",
            Subject::Value,
            inner_at + i,
            format!(
                "the value contains {}{more}, outside RFC 6265 cookie-octets: strict \
                    servers and frameworks reject or mangle it",
                show_byte(b)
            ),
            format!(
                "percent-encode the value ({}={encoded_value}) or base64url it, and \
                    decode on the way in",
                c.name()
            ),
        ));
    }
    if findings.is_empty()
        && let Err(e) = check_version0(c.name(), inner)
    {
        let at = match e.part() {
            Part::Name => name_at + e.offset(),
            _ => inner_at + e.offset(),
        };
        findings.push(finding(
            Severity::Warning,
            "version0-tspecial",
            if e.part() == Part::Name {
                Subject::Name
            } else {
                Subject::Value
            },
            at,
            format!(
                "{}: fine in browsers, but RFC 2109 servers and old phone HTTP stacks \
                        reject it (\"works on desktop, 500 on some phones\")",
                e
            ),
            format!(
                "encode with the token set: {}={}",
                c.name(),
                percent_encode(inner, PercentSet::Token)
            ),
        ));
    }

    // Attributes.
    for av in &avs {
        if av.value.is_some_and(|x| x.len() > MAX_ATTRIBUTE_VALUE) {
            findings.push(finding(
                Severity::Warning,
                "attribute-too-large",
                Subject::Attribute(recognise(av.name)),
                av.at,
                format!(
                    "the {} value is {} bytes: browsers ignore attribute values over \
                        {MAX_ATTRIBUTE_VALUE} bytes",
                    av.name,
                    av.value.map_or(0, str::len)
                ),
                "shorten it".into(),
            ));
        } else if recognise(av.name) == Attribute::Extension {
            findings.push(finding(
                Severity::Warning,
                "unknown-attribute",
                Subject::Attribute(Attribute::Extension),
                av.at,
                format!("browsers ignore the unknown attribute '{}'", av.name),
                "remove it, or check its spelling".into(),
            ));
        }
    }
    if c.same_site() == Some(SameSite::None) && !c.secure() {
        findings.push(finding(
            Severity::Error,
            "samesite-none-without-secure",
            Subject::Attribute(Attribute::SameSite),
            attr(Attribute::SameSite).map_or(0, |a| a.at),
            "browsers reject SameSite=None without Secure".into(),
            "add `; Secure` (and serve the site over HTTPS)".into(),
        ));
    }
    if let Some(a) = attr(Attribute::SameSite).filter(|_| c.same_site().is_none()) {
        findings.push(finding(
            Severity::Warning,
            "samesite-unknown",
            Subject::Attribute(Attribute::SameSite),
            a.value_at,
            format!(
                "SameSite value '{}' is not Strict, Lax or None: browsers treat the cookie as Lax",
                a.value.unwrap_or_default()
            ),
            "write SameSite=Strict, SameSite=Lax or SameSite=None; Secure".into(),
        ));
    }
    if c.partitioned() && !c.secure() {
        findings.push(finding(
            Severity::Error,
            "partitioned-without-secure",
            Subject::Attribute(Attribute::Partitioned),
            attr(Attribute::Partitioned).map_or(0, |a| a.at),
            "browsers reject Partitioned without Secure".into(),
            "add `; Secure`".into(),
        ));
    }
    if !c.satisfies_prefix() {
        let (what, fix) = match c.prefix() {
            Some(Prefix::Host) => (
                "a __Host- cookie needs Secure, Path=/ and no Domain",
                "add `; Secure; Path=/` and remove Domain",
            ),
            _ => ("a __Secure- cookie needs Secure", "add `; Secure`"),
        };
        findings.push(finding(
            Severity::Error,
            "prefix-violation",
            Subject::Name,
            name_at,
            format!("{what}: browsers reject this cookie"),
            fix.into(),
        ));
    }
    if let Some(a) = attr(Attribute::Path).filter(|_| c.path().is_none()) {
        findings.push(finding(
            Severity::Warning,
            "path-not-absolute",
            Subject::Attribute(Attribute::Path),
            a.value_at,
            format!(
                "Path '{}' does not start with '/': browsers ignore it and use the \
                    request's directory",
                a.value.unwrap_or_default()
            ),
            "write an absolute path, usually Path=/".into(),
        ));
    }
    check_lifetime(&c, &attr, now, &mut findings);
    let why = match sensitivity {
        Sensitivity::Credential(why) => Some(why),
        Sensitivity::Csrf => Some("its name"),
        Sensitivity::Plain => None,
    };
    if let Some(why) = why {
        if !c.http_only() && sensitivity != Sensitivity::Csrf {
            findings.push(finding(
                Severity::Warning,
                "credential-without-httponly",
                Subject::Attribute(Attribute::HttpOnly),
                v.len(),
                format!(
                    "'{}' looks like a session id or token ({why}) but lacks HttpOnly: any \
                        injected script can read it",
                    c.name()
                ),
                "add `; HttpOnly`".into(),
            ));
        }
        if !c.secure() {
            findings.push(finding(
                Severity::Warning,
                "credential-without-secure",
                Subject::Attribute(Attribute::Secure),
                v.len(),
                format!(
                    "'{}' looks like a session id or token ({why}) but lacks Secure: it is \
                        sent over plain HTTP",
                    c.name()
                ),
                "add `; Secure`".into(),
            ));
        }
    }

    // Whatever the strict grammar refuses that no rule above explained.
    if let Some(Err(e)) = profiles.get(1).map(|p| p.result) {
        let subject = subject_of(e.kind());
        if !findings.iter().any(|f| f.subject == subject) {
            findings.push(finding(
                Severity::Warning,
                "server-grammar",
                subject,
                e.offset(),
                format!(
                    "{e}: outside the RFC 6265 §4.1 grammar servers should send; browsers \
                    cope, strict parsers do not"
                ),
                strict_fix(e.kind()).into(),
            ));
        }
    }

    let suggestion = suggest(&c, sensitivity, &encoded_value, &findings, v);
    sort(&mut findings);
    Report {
        line: line.clone(),
        findings,
        profiles,
        outcome: Outcome::Stored {
            rows: describe(&c),
            fields: fields(&c),
        },
        suggestion,
    }
}

fn ignored_by_browsers(e: ParseError) -> Finding {
    let fix = match e.kind() {
        ErrorKind::ControlCharacter => {
            "remove the control character (a CR or LF here usually means header injection upstream)"
        }
        ErrorKind::TooLarge => {
            "keep name and value under 4096 bytes: store the data server-side and send an id"
        }
        ErrorKind::InvalidUtf8 => "send ASCII: percent-encode or base64url other bytes",
        _ => "send name=value with a non-empty name",
    };
    let code = match e.kind() {
        ErrorKind::ControlCharacter => "control-character",
        ErrorKind::TooLarge => "cookie-too-large",
        _ => "ignored-by-browsers",
    };
    finding(
        Severity::Error,
        code,
        subject_of(e.kind()),
        e.offset(),
        format!("browsers ignore this whole header: {}", e.kind()),
        fix.into(),
    )
}

fn strict_fix(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::InvalidSeparator => "separate attributes with exactly \"; \"",
        ErrorKind::EmptyAttribute => "remove the empty attribute (\";;\")",
        ErrorKind::DuplicateAttribute(_) => "send each attribute once",
        ErrorKind::InvalidAttributeValue(Attribute::Expires) => {
            "write Expires as an IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT"
        }
        ErrorKind::InvalidAttributeValue(_) => "write the attribute value in its RFC 6265 form",
        _ => "see docs/cookie.md for the strict grammar",
    }
}

fn check_lifetime<'v>(
    c: &SetCookie<'_>,
    attr: &dyn Fn(Attribute) -> Option<&'v Av<'v>>,
    now: i64,
    findings: &mut Vec<Finding>,
) {
    if let Some(a) = attr(Attribute::Expires) {
        let raw = a.value.unwrap_or_default();
        if c.expires().is_none() {
            findings.push(finding(
                Severity::Warning,
                "expires-unreadable",
                Subject::Attribute(Attribute::Expires),
                a.value_at,
                format!(
                    "browsers cannot read Expires '{raw}', so the cookie becomes a session cookie"
                ),
                format!(
                    "write an IMF-fixdate, e.g. Expires={}",
                    crate::timefmt::http_date(now + 86_400)
                ),
            ));
        } else if parse_imf_fixdate(raw.as_bytes()).is_err() {
            let fixed = c.expires().and_then(HttpDate::new).map(|d| d.to_string());
            findings.push(finding(
                Severity::Warning,
                "expires-not-imf-fixdate",
                Subject::Attribute(Attribute::Expires),
                a.value_at,
                format!(
                    "Expires '{raw}' is not an IMF-fixdate (RFC 9110 §5.6.7): browsers \
                    guess, strict parsers and old clients do not"
                ),
                format!(
                    "write Expires={}",
                    fixed.unwrap_or_else(|| "Sun, 06 Nov 1994 08:49:37 GMT".into())
                ),
            ));
        }
    }
    if let Some(a) = attr(Attribute::MaxAge).filter(|_| c.max_age().is_none()) {
        findings.push(finding(
            Severity::Warning,
            "max-age-unreadable",
            Subject::Attribute(Attribute::MaxAge),
            a.value_at,
            format!("browsers ignore Max-Age '{}'", a.value.unwrap_or_default()),
            "write a whole number of seconds, e.g. Max-Age=3600".into(),
        ));
    }
    let expires = c.expires().map(|t| t.unix_timestamp());
    if let (Some(age), Some(exp)) = (c.max_age(), expires) {
        let by_age = now.saturating_add(age);
        // Max-Age counts from receipt, Expires is absolute: allow for the time between
        // sending and linting, but not for one meaning "delete" and the other "keep".
        let slack = 300.max(age / 10);
        let opposite = (age <= 0) != (exp <= now);
        if opposite || (by_age - exp).abs() > slack {
            findings.push(finding(
                Severity::Warning,
                "max-age-expires-disagree",
                Subject::Attribute(Attribute::MaxAge),
                attr(Attribute::MaxAge).map_or(0, |a| a.at),
                format!(
                    "Max-Age={age} means {} but Expires says {} (taking now = {}): browsers \
                        use Max-Age, clients that only know Expires keep the cookie for a \
                        different time",
                    crate::timefmt::http_date(by_age),
                    crate::timefmt::http_date(exp),
                    crate::timefmt::http_date(now),
                ),
                "compute both from one expiry time, or send only Max-Age".into(),
            ));
        }
    }
    let lifetime = c.max_age().or(expires.map(|e| e - now));
    if lifetime.is_some_and(|l| l > MAX_LIFETIME) {
        findings.push(finding(
            Severity::Warning,
            "lifetime-capped",
            Subject::Attribute(if c.max_age().is_some() {
                Attribute::MaxAge
            } else {
                Attribute::Expires
            }),
            attr(if c.max_age().is_some() {
                Attribute::MaxAge
            } else {
                Attribute::Expires
            })
            .map_or(0, |a| a.at),
            "the cookie asks to live longer than 400 days: browsers cap it at 400 days".into(),
            "set Max-Age to at most 34560000 and refresh the cookie while it is in use".into(),
        ));
    }
}

/// A corrected header, built with hardtack's serializer (so it is itself clean).
fn suggest(
    c: &SetCookie<'_>,
    sensitivity: Sensitivity,
    encoded_value: &str,
    findings: &[Finding],
    original: &str,
) -> Option<String> {
    if findings.is_empty() || c.name().is_empty() {
        return None;
    }
    let credential = matches!(sensitivity, Sensitivity::Credential(_));
    let host = c.prefix() == Some(Prefix::Host);
    let needs_secure = c.secure()
        || credential
        || sensitivity == Sensitivity::Csrf
        || c.prefix().is_some()
        || c.same_site() == Some(SameSite::None)
        || c.partitioned();
    let value = if c.value().bytes().all(is_cookie_octet)
        || (c.value().starts_with('"') && c.value_unquoted().bytes().all(is_cookie_octet))
    {
        c.value().to_owned()
    } else {
        encoded_value.to_owned()
    };
    let mut b = SetCookie::build(c.name().to_owned(), value)
        .secure(needs_secure)
        .http_only(c.http_only() || credential)
        .partitioned(c.partitioned());
    match c.path() {
        _ if host => b = b.path("/"),
        Some(p) => b = b.path(p.to_owned()),
        None => {}
    }
    if let Some(d) = c.domain().filter(|d| !host && !d.is_empty()) {
        b = b.domain(d.to_ascii_lowercase());
    }
    if let Some(age) = c.max_age() {
        b = b.max_age(age.clamp(0, MAX_LIFETIME));
    } else if let Some(t) = c.expires() {
        b = b.expires(t);
    }
    if let Some(s) = c.same_site() {
        b = b.same_site(s);
    }
    if let Some(p) = c.priority() {
        b = b.priority(p);
    }
    let fixed = b.finish().ok()?.to_string();
    (fixed != original).then_some(fixed)
}

/// The rows of "what a browser would store" (also used by `hardtack parse`).
///
/// ```
/// use hardtack::cookie::{Profile, SetCookie};
/// let c = SetCookie::parse("a=1; Max-Age=60", Profile::Lenient)?;
/// let rows = hardtack_cli::checks::describe(&c);
/// assert!(rows.contains(&("lifetime", "persistent for 1m".to_owned())));
/// # Ok::<(), hardtack::cookie::ParseError>(())
/// ```
pub fn describe(c: &SetCookie<'_>) -> Vec<(&'static str, String)> {
    let mut rows = vec![
        ("name", c.name().to_owned()),
        ("value", c.value().to_owned()),
    ];
    if let Some(t) = c.expires() {
        let text =
            HttpDate::new(t).map_or_else(|| t.unix_timestamp().to_string(), |d| d.to_string());
        rows.push(("expires", text));
    } else if let Some(raw) = c.expires_raw() {
        rows.push(("expires", format!("(unreadable: {raw})")));
    }
    if let Some(a) = c.max_age() {
        rows.push(("max-age", a.to_string()));
    }
    match c.domain() {
        Some(d) if !d.is_empty() => rows.push((
            "domain",
            format!("{} and its subdomains", d.to_ascii_lowercase()),
        )),
        _ => rows.push(("domain", "host-only (the exact host that set it)".into())),
    }
    rows.push((
        "path",
        c.path().map_or_else(
            || "default (the request's directory)".to_owned(),
            str::to_owned,
        ),
    ));
    rows.push(("secure", c.secure().to_string()));
    rows.push(("http-only", c.http_only().to_string()));
    rows.push((
        "same-site",
        c.same_site().map_or_else(
            || "default (Lax in current browsers)".to_owned(),
            |s| s.as_str().to_owned(),
        ),
    ));
    if c.partitioned() {
        rows.push(("partitioned", "true".into()));
    }
    if let Some(p) = c.priority() {
        rows.push(("priority", p.as_str().to_owned()));
    }
    if let Some(v) = c.version() {
        rows.push(("version", v.to_string()));
    }
    if let Some(cm) = c.comment() {
        rows.push(("comment", cm.to_owned()));
    }
    let persistence = match (c.max_age(), c.expires()) {
        (Some(a), _) if a <= 0 => "deleted (expires now)".to_owned(),
        (Some(a), _) => format!(
            "persistent for {}",
            crate::timefmt::human_duration(a.unsigned_abs())
        ),
        (None, Some(_)) => "persistent until Expires".to_owned(),
        (None, None) => "session cookie (until the browser closes)".to_owned(),
    };
    rows.push(("lifetime", persistence));
    rows
}

/// The parsed fields as they are, for scripts: `null` for what is absent.
///
/// ```
/// use hardtack::cookie::{Profile, SetCookie};
/// let c = SetCookie::parse("a=1; Path=/", Profile::Lenient)?;
/// let json = hardtack_cli::checks::fields(&c).to_string();
/// assert!(json.starts_with(r#"{"name":"a","value":"1","expires":null,"#));
/// assert!(json.contains(r#""path":"/""#));
/// # Ok::<(), hardtack::cookie::ParseError>(())
/// ```
pub fn fields(c: &SetCookie<'_>) -> Json {
    Json::Obj(vec![
        ("name", Json::str(c.name())),
        ("value", Json::str(c.value())),
        (
            "expires",
            c.expires()
                .map_or(Json::Null, |t| Json::Int(t.unix_timestamp())),
        ),
        ("expires_raw", Json::opt_str(c.expires_raw())),
        ("max_age", c.max_age().map_or(Json::Null, Json::Int)),
        ("domain", Json::opt_str(c.domain())),
        ("path", Json::opt_str(c.path())),
        ("secure", Json::Bool(c.secure())),
        ("http_only", Json::Bool(c.http_only())),
        (
            "same_site",
            Json::opt_str(c.same_site().map(SameSite::as_str)),
        ),
        ("partitioned", Json::Bool(c.partitioned())),
        ("priority", Json::opt_str(c.priority().map(|p| p.as_str()))),
        (
            "version",
            c.version().map_or(Json::Null, |v| Json::Int(i64::from(v))),
        ),
        ("comment", Json::opt_str(c.comment())),
        (
            "extensions",
            Json::Arr(
                c.extensions()
                    .map(|(n, v)| Json::Arr(vec![Json::str(n), Json::opt_str(v)]))
                    .collect(),
            ),
        ),
    ])
}

fn lint_cookie(line: &HeaderLine) -> Report {
    let v = line.value.as_str();
    let mut findings = Vec::new();
    let strict_first = StrictPairs::new(v).find_map(Result::err);
    let rfc_first = CookieHeader::new(v).find_map(Result::err);
    let profiles = vec![
        ProfileResult {
            profile: "lenient",
            // Every strictly valid pair is also read leniently, so "no pairs" comes
            // with a strict error to show.
            result: match (Pairs::new(v).next(), strict_first) {
                (None, Some(e)) => Err(e),
                _ => Ok(()),
            },
        },
        ProfileResult {
            profile: "strict",
            result: strict_first.map_or(Ok(()), Err),
        },
        ProfileResult {
            profile: "rfc2109",
            result: rfc_first.map_or(Ok(()), Err),
        },
    ];
    if v.trim().is_empty() {
        findings.push(finding(
            Severity::Error,
            "empty-header",
            Subject::Cookie,
            0,
            "the Cookie header is empty".into(),
            "omit the header when there are no cookies".into(),
        ));
    }
    for e in StrictPairs::new(v).filter_map(Result::err) {
        if v.trim().is_empty() {
            break;
        }
        let separator = matches!(e.kind(), ErrorKind::InvalidSeparator | ErrorKind::Empty);
        findings.push(finding(
            if separator {
                Severity::Warning
            } else {
                Severity::Error
            },
            if separator {
                "pair-separator"
            } else {
                "pair-invalid"
            },
            subject_of(e.kind()),
            e.offset(),
            if separator {
                format!("{e}: pairs should be separated by exactly \"; \"")
            } else {
                format!(
                    "{e}: strict servers (Go's http.ParseCookie, Python's http.cookies) \
                    drop this pair or the whole header"
                )
            },
            if separator {
                "join pairs with \"; \"".into()
            } else {
                "percent-encode or base64url the value where the cookie is set".into()
            },
        ));
    }
    let pairs: Vec<(&str, &str)> = Pairs::new(v).collect();
    // Offsets already reported, so one bad byte is not reported twice.
    let mut reported: BTreeSet<usize> = findings.iter().map(|f| f.offset).collect();
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for &(n, val) in &pairs {
        let entry = counts.entry(n).or_insert((0, offset_in(v, n)));
        entry.0 += 1;
        let looks_like_attribute = n.starts_with('$') || recognise(n) != Attribute::Extension;
        if looks_like_attribute {
            findings.push(finding(
                Severity::Warning,
                "attribute-in-cookie-header",
                Subject::Name,
                offset_in(v, n),
                format!(
                    "'{n}' looks like a Set-Cookie attribute: a Cookie header carries only \
                    name=value pairs"
                ),
                "send attributes only in Set-Cookie; drop RFC 2109 $Path/$Domain/$Version".into(),
            ));
        } else if let Err(e) = check_version0(n, val) {
            let at = match e.part() {
                Part::Name => offset_in(v, n) + e.offset(),
                _ => offset_in(v, val) + e.offset(),
            };
            if reported.insert(at) {
                findings.push(finding(
                    Severity::Warning,
                    "version0-tspecial",
                    Subject::Value,
                    at,
                    format!("{e}: RFC 2109 servers and old stacks reject the header"),
                    format!(
                        "set it encoded: {n}={}",
                        percent_encode(val, PercentSet::Token)
                    ),
                ));
            }
        }
    }
    for (n, (count, at)) in counts.iter().filter(|(_, (c, _))| *c > 1) {
        findings.push(finding(
            Severity::Warning,
            "duplicate-name",
            Subject::Name,
            *at,
            format!(
                "'{n}' appears {count} times: servers disagree on which wins (first, \
                last or all), and a sibling subdomain may have planted one"
            ),
            "use a __Host- name, or distinct names per path and domain".into(),
        ));
    }
    if v.len() > MAX_REQUEST_HEADER {
        findings.push(finding(
            Severity::Warning,
            "header-too-large",
            Subject::Cookie,
            MAX_REQUEST_HEADER,
            format!(
                "the header is {} bytes: many servers refuse header lines over \
                {MAX_REQUEST_HEADER} bytes (431 or 400)",
                v.len()
            ),
            "send fewer or smaller cookies; keep state server-side".into(),
        ));
    }
    sort(&mut findings);
    Report {
        line: line.clone(),
        findings,
        profiles,
        outcome: Outcome::Read(
            pairs
                .into_iter()
                .map(|(n, val)| (n.to_owned(), val.to_owned()))
                .collect(),
        ),
        suggestion: None,
    }
}

/// Errors first, then by position.
fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.offset.cmp(&b.offset)));
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_445_400_000; // Wed, 21 Oct 2015 03:20:00 GMT

    fn set_cookie(v: &str) -> Report {
        lint(
            &HeaderLine {
                kind: HeaderKind::SetCookie,
                value: v.to_owned(),
            },
            NOW,
        )
    }

    fn cookie(v: &str) -> Report {
        lint(
            &HeaderLine {
                kind: HeaderKind::Cookie,
                value: v.to_owned(),
            },
            NOW,
        )
    }

    fn codes(r: &Report) -> Vec<(&'static str, usize)> {
        r.findings.iter().map(|f| (f.code, f.offset)).collect()
    }

    #[test]
    fn a_clean_cookie_has_no_findings() {
        let r = set_cookie("theme=dark; Path=/; Max-Age=3600; SameSite=Lax");
        assert_eq!(codes(&r), []);
        assert_eq!(r.worst(), None);
        assert_eq!(r.suggestion, None);
        assert!(r.profiles.iter().all(|p| p.result.is_ok()));
    }

    #[test]
    fn a_space_in_the_value_needs_encoding() {
        let r = set_cookie("id=a b; Path=/");
        assert_eq!(codes(&r), [("value-needs-encoding", 4)]);
        assert_eq!(r.worst(), Some(Severity::Error));
        assert!(r.findings[0].fix.contains("id=a%20b"));
        assert_eq!(r.suggestion.as_deref(), Some("id=a%20b; Path=/"));
        // A browser stores it anyway.
        let Outcome::Stored { rows, .. } = &r.outcome else {
            panic!("not stored")
        };
        assert!(rows.contains(&("value", "a b".to_owned())));
    }

    #[test]
    fn version0_tspecials_are_warnings_with_a_token_encoding() {
        let r = set_cookie("prefs=lang=en/GB; Path=/");
        assert_eq!(codes(&r), [("version0-tspecial", 10)]);
        assert_eq!(r.worst(), Some(Severity::Warning));
        assert!(r.findings[0].fix.contains("prefs=lang%3Den%2FGB"));
    }

    #[test]
    fn samesite_none_needs_secure() {
        let r = set_cookie("a=1; SameSite=None");
        assert_eq!(codes(&r), [("samesite-none-without-secure", 5)]);
        assert_eq!(r.suggestion.as_deref(), Some("a=1; Secure; SameSite=None"));
    }

    #[test]
    fn prefix_rules_are_enforced() {
        let r = set_cookie("__Host-id=1; Secure; Path=/app");
        assert_eq!(codes(&r), [("prefix-violation", 0)]);
        assert_eq!(r.suggestion.as_deref(), Some("__Host-id=1; Path=/; Secure"));
        assert_eq!(
            codes(&set_cookie("__Secure-x=1")),
            [("prefix-violation", 0)]
        );
        assert_eq!(codes(&set_cookie("__Secure-x=1; Secure")), []);
    }

    #[test]
    fn expires_formats() {
        let r = set_cookie("a=1; Expires=Wed, 21-Oct-2015 07:28:00 GMT");
        assert_eq!(codes(&r), [("expires-not-imf-fixdate", 13)]);
        assert!(r.findings[0].fix.contains("Wed, 21 Oct 2015 07:28:00 GMT"));
        let r = set_cookie("a=1; Expires=soon");
        assert_eq!(codes(&r)[0], ("expires-unreadable", 13));
        assert_eq!(
            codes(&set_cookie("a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT")),
            []
        );
    }

    #[test]
    fn max_age_and_expires_must_agree() {
        // Expires is 3h28m (12480 s) after NOW; Max-Age says 1 hour.
        let r = set_cookie("a=1; Max-Age=3600; Expires=Wed, 21 Oct 2015 07:28:00 GMT");
        assert_eq!(codes(&r), [("max-age-expires-disagree", 5)]);
        let r = set_cookie("a=1; Max-Age=12480; Expires=Wed, 21 Oct 2015 07:28:00 GMT");
        assert_eq!(codes(&r), []);
        // Deleting with Max-Age while Expires keeps it.
        let r = set_cookie("a=1; Max-Age=0; Expires=Wed, 21 Oct 2015 07:28:00 GMT");
        assert_eq!(codes(&r), [("max-age-expires-disagree", 5)]);
    }

    #[test]
    fn credentials_need_httponly_and_secure() {
        let v = "session=abc; Path=/";
        let r = set_cookie(v);
        assert_eq!(
            codes(&r),
            [
                ("credential-without-httponly", v.len()),
                ("credential-without-secure", v.len())
            ]
        );
        assert_eq!(
            r.suggestion.as_deref(),
            Some("session=abc; Path=/; Secure; HttpOnly")
        );
        // A random-looking value counts too; a CSRF token may stay readable.
        let r = set_cookie("x=q9Hs0vC4uJx2ZNa8RwLmT1bE5yKdPf; Secure; HttpOnly");
        assert_eq!(codes(&r), []);
        let r = set_cookie("XSRF-TOKEN=abc");
        assert_eq!(codes(&r), [("credential-without-secure", 14)]);
    }

    #[test]
    fn oversize_cookies_are_ignored_by_browsers() {
        let big = format!("a={}", "x".repeat(4096));
        let r = set_cookie(&big);
        assert_eq!(r.findings[0].code, "cookie-too-large");
        assert!(matches!(r.outcome, Outcome::Ignored(_)));
        let attr = format!("a=1; Path=/{}", "p".repeat(1100));
        assert_eq!(codes(&set_cookie(&attr)), [("attribute-too-large", 5)]);
    }

    #[test]
    fn control_characters_drop_the_cookie() {
        let r = set_cookie("a=1\r\nX-Injected: yes");
        assert_eq!(codes(&r), [("control-character", 3)]);
        assert_eq!(r.worst(), Some(Severity::Error));
    }

    #[test]
    fn unknown_attributes_and_bad_values() {
        let r = set_cookie("a=1; Secured; SameSite=Maybe; Max-Age=+5; Path=rel");
        assert_eq!(
            codes(&r),
            [
                ("unknown-attribute", 5),
                ("samesite-unknown", 23),
                ("max-age-unreadable", 38),
                ("path-not-absolute", 47),
            ]
        );
    }

    #[test]
    fn leftover_strict_violations_are_reported() {
        let r = set_cookie("a=1;Path=/");
        assert_eq!(codes(&r), [("server-grammar", 3)]);
    }

    #[test]
    fn garbage_does_not_panic() {
        for v in [
            "",
            ";",
            "=",
            ";;;=;=",
            "\u{0}",
            "é=é",
            "a=\"",
            "=\"\"; Path",
        ] {
            let _ = set_cookie(v);
            let _ = cookie(v);
        }
    }

    #[test]
    fn cookie_header_rules() {
        let r = cookie("a=1; b=x y; a=2;c=3; $Path=/");
        assert_eq!(
            codes(&r),
            [
                ("pair-invalid", 8),
                ("duplicate-name", 0),
                ("pair-separator", 16),
                ("attribute-in-cookie-header", 21),
            ]
        );
        let Outcome::Read(pairs) = &r.outcome else {
            panic!("not read")
        };
        assert_eq!(pairs.len(), 5);
        assert_eq!(codes(&cookie("a=1; b=2")), []);
        assert_eq!(codes(&cookie("")), [("empty-header", 0)]);
    }
}
