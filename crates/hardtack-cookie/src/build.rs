//! The serializer: a builder that refuses what it cannot write safely, and a
//! validated cookie that writes without allocating.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;
use core::ops::Deref;

use time::OffsetDateTime;

use crate::class::{self, AV_OCTET, TCHAR, WSP};
use crate::error::{Attribute, BuildError, BuildErrorKind as K, ErrorKind, Field};
use crate::parse::{self, MAX_ATTRIBUTE_VALUE, MAX_NAME_VALUE};
use crate::set_cookie::{Prefix, Priority, Profile, SameSite, SetCookie};
use crate::{date, digits, host, scan};

/// Builds a [`ResponseCookie`]. Create one with [`SetCookie::build`].
///
/// Setters never fail; [`finish`](SetCookieBuilder::finish) checks everything at once
/// and reports the first problem. Nothing is rewritten or dropped silently.
///
/// ```
/// use hardtack_cookie::{SameSite, SetCookie};
/// let cookie = SetCookie::build("__Host-sid", "3q2-7w")
///     .path("/")
///     .secure(true)
///     .http_only(true)
///     .same_site(SameSite::Lax)
///     .max_age(3600)
///     .finish()?;
/// assert_eq!(
///     cookie.to_string(),
///     "__Host-sid=3q2-7w; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Lax"
/// );
/// # Ok::<(), hardtack_cookie::BuildError>(())
/// ```
#[derive(Clone)]
#[must_use = "a builder does nothing until `finish` is called"]
pub struct SetCookieBuilder<'a> {
    // Only what a builder can set: it is moved through every setter, so it is kept
    // smaller than the `SetCookie` that `finish` assembles in place.
    name: Cow<'a, str>,
    value: Cow<'a, str>,
    domain: Option<Cow<'a, str>>,
    path: Option<Cow<'a, str>>,
    /// The extension attributes as written (`; a=1; b`), or the first refused one.
    extensions: Result<String, BuildError>,
    expires: Option<OffsetDateTime>,
    max_age: Option<i64>,
    same_site: Option<SameSite>,
    priority: Option<Priority>,
    secure: bool,
    http_only: bool,
    partitioned: bool,
}

impl fmt::Debug for SetCookieBuilder<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The value may be a session id: only its length is shown.
        f.debug_struct("SetCookieBuilder")
            .field("name", &self.name)
            .field(
                "value",
                &format_args!("<{} bytes redacted>", self.value.len()),
            )
            .field("expires", &self.expires)
            .field("max_age", &self.max_age)
            .field("domain", &self.domain)
            .field("path", &self.path)
            .field("secure", &self.secure)
            .field("http_only", &self.http_only)
            .field("partitioned", &self.partitioned)
            .field("same_site", &self.same_site)
            .field("priority", &self.priority)
            .finish_non_exhaustive()
    }
}

impl<'a> SetCookieBuilder<'a> {
    pub(crate) fn new(name: Cow<'a, str>, value: Cow<'a, str>) -> Self {
        SetCookieBuilder {
            name,
            value,
            domain: None,
            path: None,
            extensions: Ok(String::new()),
            expires: None,
            max_age: None,
            same_site: None,
            priority: None,
            secure: false,
            http_only: false,
            partitioned: false,
        }
    }

    /// Sets `Expires`. HTTP dates have whole seconds in UTC, so the instant is
    /// converted to UTC and sub-second digits are cut; `expires()` on the result shows
    /// exactly what will be written.
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// use time::OffsetDateTime;
    /// let t = OffsetDateTime::from_unix_timestamp(1_445_412_480).unwrap();
    /// let c = SetCookie::build("a", "b").expires(t).finish()?;
    /// assert_eq!(c.to_string(), "a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn expires(mut self, at: OffsetDateTime) -> Self {
        // Normalised by `finish`, which must refuse an out-of-range instant, not panic.
        self.expires = Some(at);
        self
    }

    /// Sets `Max-Age` in seconds; `0` tells the browser to delete the cookie. A
    /// negative number is refused by `finish` (browsers treat it as 0; say 0).
    ///
    /// ```
    /// use hardtack_cookie::{BuildErrorKind, SetCookie};
    /// assert_eq!(SetCookie::build("a", "b").max_age(0).finish()?.to_string(), "a=b; Max-Age=0");
    /// let err = SetCookie::build("a", "b").max_age(-1).finish().unwrap_err();
    /// assert_eq!(err.kind(), BuildErrorKind::NegativeMaxAge);
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn max_age(mut self, seconds: i64) -> Self {
        self.max_age = Some(seconds);
        self
    }

    /// Sets `Domain` (a host name, no leading dot: the dot is meaningless since RFC 6265
    /// and the strict grammar refuses it).
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let c = SetCookie::build("a", "b").domain("example.com").finish()?;
    /// assert_eq!(c.to_string(), "a=b; Domain=example.com");
    /// assert!(SetCookie::build("a", "b").domain(".example.com").finish().is_err());
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn domain(mut self, domain: impl Into<Cow<'a, str>>) -> Self {
        self.domain = Some(domain.into());
        self
    }

    /// Sets `Path` (must start with `/`).
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// assert_eq!(SetCookie::build("a", "b").path("/app").finish()?.to_string(), "a=b; Path=/app");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn path(mut self, path: impl Into<Cow<'a, str>>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Sets or clears `Secure`.
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// assert_eq!(SetCookie::build("a", "b").secure(true).finish()?.to_string(), "a=b; Secure");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn secure(mut self, on: bool) -> Self {
        self.secure = on;
        self
    }

    /// Sets or clears `HttpOnly`.
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// assert_eq!(SetCookie::build("a", "b").http_only(true).finish()?.to_string(), "a=b; HttpOnly");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn http_only(mut self, on: bool) -> Self {
        self.http_only = on;
        self
    }

    /// Sets or clears `Partitioned` (CHIPS; needs `Secure`).
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let c = SetCookie::build("a", "b").secure(true).partitioned(true).finish()?;
    /// assert_eq!(c.to_string(), "a=b; Secure; Partitioned");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn partitioned(mut self, on: bool) -> Self {
        self.partitioned = on;
        self
    }

    /// Sets `SameSite` (`None` needs `Secure`).
    ///
    /// ```
    /// use hardtack_cookie::{SameSite, SetCookie};
    /// let c = SetCookie::build("a", "b").same_site(SameSite::Strict).finish()?;
    /// assert_eq!(c.to_string(), "a=b; SameSite=Strict");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn same_site(mut self, same_site: SameSite) -> Self {
        self.same_site = Some(same_site);
        self
    }

    /// Sets `Priority`.
    ///
    /// ```
    /// use hardtack_cookie::{Priority, SetCookie};
    /// let c = SetCookie::build("a", "b").priority(Priority::High).finish()?;
    /// assert_eq!(c.to_string(), "a=b; Priority=High");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn priority(mut self, priority: Priority) -> Self {
        self.priority = Some(priority);
        self
    }

    /// Appends an extension attribute, written after the standard ones in the order
    /// added. The name must not be one hardtack writes itself; name and value must be
    /// `av-octet`s without `=` in the name and without surrounding whitespace.
    /// This is the one setter that allocates (the attribute text is kept in a `String`).
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let c = SetCookie::build("a", "b").extension("Foo", Some("1")).extension("Bar", None).finish()?;
    /// assert_eq!(c.to_string(), "a=b; Foo=1; Bar");
    /// assert!(SetCookie::build("a", "b").extension("path", Some("/")).finish().is_err());
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn extension(mut self, name: &str, value: Option<&str>) -> Self {
        if let Ok(attrs) = &mut self.extensions {
            match check_extension(name, value) {
                Ok(()) => {
                    attrs.push_str("; ");
                    attrs.push_str(name);
                    if let Some(v) = value {
                        attrs.push('=');
                        attrs.push_str(v);
                    }
                }
                Err(e) => self.extensions = Err(e),
            }
        }
        self
    }

    /// Checks the cookie and returns it ready to write.
    ///
    /// # Errors
    /// The first rule the cookie breaks, as a [`BuildError`] naming the field.
    ///
    /// ```
    /// use hardtack_cookie::{BuildErrorKind, SetCookie};
    /// let err = SetCookie::build("__Secure-a", "b").finish().unwrap_err();
    /// assert_eq!(err.kind(), BuildErrorKind::SecurePrefixWithoutSecure);
    /// ```
    pub fn finish(self) -> Result<ResponseCookie<'a>, BuildError> {
        let extensions = self.extensions?;
        if self.max_age.is_some_and(|secs| secs < 0) {
            return Err(BuildError::new(
                Field::Attribute(Attribute::MaxAge),
                K::NegativeMaxAge,
            ));
        }
        // `Err` keeps an unrepresentable instant for `validate` to refuse in its turn.
        let expires = self.expires.map(|t| date::whole_seconds_utc(t).ok_or(t));
        validate(&Parts {
            name: &self.name,
            value: &self.value,
            expires_representable: !matches!(expires, Some(Err(_))),
            max_age: self.max_age,
            domain: self.domain.as_deref(),
            path: self.path.as_deref(),
            legacy: None,
            secure: self.secure,
            same_site: self.same_site,
            partitioned: self.partitioned,
        })?;
        Ok(ResponseCookie(SetCookie {
            name: self.name,
            value: self.value,
            expires: expires.and_then(Result::ok),
            max_age: self.max_age,
            domain: self.domain,
            path: self.path,
            secure: self.secure,
            http_only: self.http_only,
            partitioned: self.partitioned,
            same_site: self.same_site,
            priority: self.priority,
            attrs: if extensions.is_empty() {
                Cow::Borrowed("")
            } else {
                Cow::Owned(extensions)
            },
            ..SetCookie::empty(Profile::Strict)
        }))
    }
}

fn check_extension(name: &str, value: Option<&str>) -> Result<(), BuildError> {
    let field = Field::Attribute(Attribute::Extension);
    let nb = name.as_bytes();
    if nb.is_empty() {
        return Err(BuildError::new(field, K::EmptyName));
    }
    if let Some(i) = nb
        .iter()
        .position(|&c| !class::is(c, AV_OCTET) || c == b'=')
    {
        return Err(BuildError::at(field, K::InvalidByte(nb[i]), i));
    }
    if edge_whitespace(nb) {
        return Err(BuildError::at(field, K::InvalidByte(b' '), 0));
    }
    if Attribute::recognise(nb, true) != Attribute::Extension {
        return Err(BuildError::new(field, K::ReservedExtension));
    }
    if let Some(v) = value {
        let vb = v.as_bytes();
        if vb.len() > MAX_ATTRIBUTE_VALUE {
            return Err(BuildError::new(field, K::AttributeTooLarge));
        }
        if let Some(i) = class::first_not(vb, AV_OCTET) {
            return Err(BuildError::at(field, K::InvalidByte(vb[i]), i));
        }
        if edge_whitespace(vb) {
            return Err(BuildError::at(field, K::InvalidByte(b' '), 0));
        }
    }
    Ok(())
}

fn edge_whitespace(b: &[u8]) -> bool {
    b.first().is_some_and(|&c| class::is(c, WSP)) || b.last().is_some_and(|&c| class::is(c, WSP))
}

/// A cookie that passed every serializer check: writing it cannot fail validation,
/// cannot inject a header, and produces a `Set-Cookie` value that the strict and the
/// lenient profile both parse back to this cookie.
///
/// It dereferences to [`SetCookie`] for the accessors. Writing never allocates
/// ([`write_to`](ResponseCookie::write_to), [`write_to_slice`](ResponseCookie::write_to_slice));
/// `Display` and `to_string()` exist for convenience.
///
/// ```
/// use hardtack_cookie::{Profile, SetCookie};
/// let c = SetCookie::build("id", "1").path("/").finish()?;
/// let text = c.to_string();
/// assert_eq!(SetCookie::parse(&text, Profile::Strict).unwrap(), *c);
/// # Ok::<(), hardtack_cookie::BuildError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ResponseCookie<'a>(SetCookie<'a>);

impl<'a> Deref for ResponseCookie<'a> {
    type Target = SetCookie<'a>;

    fn deref(&self) -> &SetCookie<'a> {
        &self.0
    }
}

impl fmt::Debug for ResponseCookie<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ResponseCookie").field(&self.0).finish()
    }
}

/// Checks a parsed (or hand-assembled) cookie against every serializer rule.
///
/// ```
/// use hardtack_cookie::{Profile, ResponseCookie, SetCookie};
/// let parsed = SetCookie::parse("a=b; Path=/; Foo", Profile::Lenient).unwrap();
/// let again = ResponseCookie::try_from(parsed)?;
/// assert_eq!(again.to_string(), "a=b; Path=/; Foo");
/// let nameless = SetCookie::parse("b", Profile::Lenient).unwrap();
/// assert!(ResponseCookie::try_from(nameless).is_err());
/// # Ok::<(), hardtack_cookie::BuildError>(())
/// ```
impl<'a> TryFrom<SetCookie<'a>> for ResponseCookie<'a> {
    type Error = BuildError;

    fn try_from(mut c: SetCookie<'a>) -> Result<Self, BuildError> {
        validate(&Parts::of(&c))?;
        // A parsed cookie's `attrs` is its whole attribute text; keep only the
        // extension attributes, since the rest is written from the fields.
        let mut ext = String::new();
        for (n, v) in c.extensions() {
            check_extension(n, v)?;
            ext.push_str("; ");
            ext.push_str(n);
            if let Some(v) = v {
                ext.push('=');
                ext.push_str(v);
            }
        }
        c.attrs = if ext.is_empty() {
            Cow::Borrowed("")
        } else {
            Cow::Owned(ext)
        };
        c.expires_raw = None;
        c.profile = Profile::Strict;
        Ok(ResponseCookie(c))
    }
}

/// What the serializer rules look at, borrowed from a builder or a cookie.
struct Parts<'c> {
    name: &'c str,
    value: &'c str,
    expires_representable: bool,
    max_age: Option<i64>,
    domain: Option<&'c str>,
    path: Option<&'c str>,
    /// `Version` or `Comment`, which only RFC 2109 cookies carry.
    legacy: Option<Attribute>,
    secure: bool,
    same_site: Option<SameSite>,
    partitioned: bool,
}

impl<'c> Parts<'c> {
    fn of(c: &'c SetCookie<'_>) -> Self {
        let legacy = if c.version.is_some() {
            Some(Attribute::Version)
        } else if c.comment.is_some() {
            Some(Attribute::Comment)
        } else {
            None
        };
        Parts {
            name: &c.name,
            value: &c.value,
            expires_representable: c.expires.is_none_or(date::is_representable),
            max_age: c.max_age,
            domain: c.domain.as_deref(),
            path: c.path.as_deref(),
            legacy,
            secure: c.secure,
            same_site: c.same_site,
            partitioned: c.partitioned,
        }
    }

    /// Just a name-value pair, as the `Cookie` header writer checks it.
    fn pair(name: &'c str, value: &'c str) -> Self {
        Parts {
            name,
            value,
            expires_representable: true,
            max_age: None,
            domain: None,
            path: None,
            legacy: None,
            secure: false,
            same_site: None,
            partitioned: false,
        }
    }
}

/// Every serializer rule, in a fixed order: the first broken one is reported.
///
/// Each byte rule first asks the whole-field yes-or-no question of [`scan`], which is
/// all a valid field costs; only a refusal looks for the offending byte.
fn validate(c: &Parts<'_>) -> Result<(), BuildError> {
    let name = c.name.as_bytes();
    if name.is_empty() {
        return Err(BuildError::new(Field::Name, K::EmptyName));
    }
    if !scan::all_tchar(name)
        && let Some(i) = class::first_not(name, TCHAR)
    {
        return Err(BuildError::at(Field::Name, K::InvalidByte(name[i]), i));
    }
    let value = c.value.as_bytes();
    if !scan::all_cookie_octets(value) {
        check_value(value)?;
    }
    if name.len() + value.len() > MAX_NAME_VALUE {
        return Err(BuildError::new(Field::Value, K::TooLarge));
    }
    let attr = |a| Field::Attribute(a);
    if !c.expires_representable {
        return Err(BuildError::new(
            attr(Attribute::Expires),
            K::ExpiresOutOfRange,
        ));
    }
    if c.max_age.is_some_and(|s| s < 0) {
        return Err(BuildError::new(attr(Attribute::MaxAge), K::NegativeMaxAge));
    }
    if let Some(d) = c.domain {
        if d.len() > MAX_ATTRIBUTE_VALUE {
            return Err(BuildError::new(
                attr(Attribute::Domain),
                K::AttributeTooLarge,
            ));
        }
        if !host::is_host_name(d.as_bytes()) {
            return Err(BuildError::new(attr(Attribute::Domain), K::InvalidDomain));
        }
    }
    if let Some(p) = c.path {
        let pb = p.as_bytes();
        if pb.len() > MAX_ATTRIBUTE_VALUE {
            return Err(BuildError::new(attr(Attribute::Path), K::AttributeTooLarge));
        }
        if !scan::all_av_octets(pb)
            && let Some(i) = class::first_not(pb, AV_OCTET)
        {
            return Err(BuildError::at(
                attr(Attribute::Path),
                K::InvalidByte(pb[i]),
                i,
            ));
        }
        if pb.first() != Some(&b'/') {
            return Err(BuildError::new(attr(Attribute::Path), K::RelativePath));
        }
        // Browsers trim trailing whitespace off attribute values: such a path would
        // not come back as written.
        if pb.last() == Some(&b' ') {
            return Err(BuildError::at(
                attr(Attribute::Path),
                K::InvalidByte(b' '),
                pb.len() - 1,
            ));
        }
    }
    if let Some(a) = c.legacy {
        return Err(BuildError::new(attr(a), K::ReservedExtension));
    }
    match prefix(name) {
        Some(Prefix::Secure) if !c.secure => {
            return Err(BuildError::new(Field::Name, K::SecurePrefixWithoutSecure));
        }
        Some(Prefix::Host) if !c.secure => {
            return Err(BuildError::new(Field::Name, K::HostPrefixWithoutSecure));
        }
        Some(Prefix::Host) if c.domain.is_some() => {
            return Err(BuildError::new(Field::Name, K::HostPrefixWithDomain));
        }
        Some(Prefix::Host) if c.path != Some("/") => {
            return Err(BuildError::new(Field::Name, K::HostPrefixPath));
        }
        _ => {}
    }
    if c.same_site == Some(SameSite::None) && !c.secure {
        return Err(BuildError::new(
            attr(Attribute::SameSite),
            K::SameSiteNoneWithoutSecure,
        ));
    }
    if c.partitioned && !c.secure {
        return Err(BuildError::new(
            attr(Attribute::Partitioned),
            K::PartitionedWithoutSecure,
        ));
    }
    Ok(())
}

/// The full `cookie-value` rule (a DQUOTE-wrapped value included), with the
/// offending byte when it fails.
fn check_value(value: &[u8]) -> Result<(), BuildError> {
    match parse::cookie_value_end(value, 0) {
        Ok(end) if end == value.len() => Ok(()),
        Ok(end) => Err(BuildError::at(
            Field::Value,
            K::InvalidByte(value[end]),
            end,
        )),
        Err((ErrorKind::InvalidValueByte(b), at)) => {
            Err(BuildError::at(Field::Value, K::InvalidByte(b), at))
        }
        Err((_, at)) => Err(BuildError::at(Field::Value, K::UnbalancedQuote, at)),
    }
}

/// [`Prefix::of`] for the serializer: the same answer (ASCII case-insensitive),
/// from one or two word compares instead of two byte-by-byte ones.
fn prefix(name: &[u8]) -> Option<Prefix> {
    const SECURE: u64 = u64::from_le_bytes(*b"__secure");
    const HOST: u64 = u64::from_le_bytes(*b"__host-\0");
    // Bytes 2 to 7 of `__Secure` and 2 to 5 of `__Host` are letters: setting bit 5
    // lower-cases a letter, and only a letter's two cases land on a lower-case letter.
    const SECURE_CASE: u64 = 0x2020_2020_2020_0000;
    const HOST_CASE: u64 = 0x0000_2020_2020_0000;
    if name.first() != Some(&b'_') {
        return None;
    }
    if let Some(&[a, b, c, d, e, f, g, h, i]) = name.first_chunk::<9>()
        && u64::from_le_bytes([a, b, c, d, e, f, g, h]) | SECURE_CASE == SECURE
        && i == b'-'
    {
        return Some(Prefix::Secure);
    }
    let &[a, b, c, d, e, f, g] = name.first_chunk::<7>()?;
    (u64::from_le_bytes([a, b, c, d, e, f, g, 0]) | HOST_CASE == HOST).then_some(Prefix::Host)
}

/// Room on the stack for a whole header value: `write_to` assembles it there and
/// hands it over in one `write_str`, so that `to_string()` allocates once.
const STACK: usize = 256;

/// Length of an IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`.
const IMF_FIXDATE_LEN: usize = 29;

/// A byte buffer filled from the front; every step fails rather than overflow.
struct Cursor<'b> {
    /// What is left to fill.
    rest: &'b mut [u8],
}

impl<'b> Cursor<'b> {
    /// The next `n` bytes, to be filled by the caller.
    #[inline(always)]
    fn take(&mut self, n: usize) -> Option<&'b mut [u8]> {
        let (dst, rest) = core::mem::take(&mut self.rest).split_at_mut_checked(n)?;
        self.rest = rest;
        Some(dst)
    }

    #[inline(always)]
    fn put(&mut self, b: &[u8]) -> Option<()> {
        copy(self.take(b.len())?, b);
        Some(())
    }
}

/// `dst.copy_from_slice(src)` (equal lengths) without a call to `memcpy` for the
/// short fields of a cookie: two overlapping fixed-size copies cover any length
/// from one size to twice it.
#[inline(always)]
fn copy(dst: &mut [u8], src: &[u8]) {
    fn halves<const N: usize>(dst: &mut [u8], src: &[u8]) {
        if let (Some(d), Some(s)) = (dst.first_chunk_mut::<N>(), src.first_chunk::<N>()) {
            *d = *s;
        }
        if let (Some(d), Some(s)) = (dst.last_chunk_mut::<N>(), src.last_chunk::<N>()) {
            *d = *s;
        }
    }
    match src.len() {
        0..4 => dst.iter_mut().zip(src).for_each(|(d, &s)| *d = s),
        4..8 => halves::<4>(dst, src),
        8..16 => halves::<8>(dst, src),
        16..=32 => halves::<16>(dst, src),
        _ => dst.copy_from_slice(src),
    }
}

/// `; Expires=`, `; Max-Age=` and so on: the fixed text before each attribute.
const EXPIRES: &str = "; Expires=";
const MAX_AGE: &str = "; Max-Age=";
const DOMAIN: &str = "; Domain=";
const PATH: &str = "; Path=";
const SECURE: &str = "; Secure";
const HTTP_ONLY: &str = "; HttpOnly";
const SAME_SITE: &str = "; SameSite=";
const PARTITIONED: &str = "; Partitioned";
const PRIORITY: &str = "; Priority=";

/// `Max-Age` as written: validation refused negative numbers.
fn max_age_digits(secs: i64) -> u64 {
    secs.unsigned_abs()
}

impl<'a> ResponseCookie<'a> {
    /// Writes the `Set-Cookie` header value to any [`fmt::Write`] without allocating.
    /// Attributes come in a fixed order: `Expires`, `Max-Age`, `Domain`, `Path`,
    /// `Secure`, `HttpOnly`, `SameSite`, `Partitioned`, `Priority`, extensions.
    ///
    /// # Errors
    /// Only the writer's own error.
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let c = SetCookie::build("a", "b").http_only(true).finish().unwrap();
    /// let mut out = String::with_capacity(c.encoded_len());
    /// c.write_to(&mut out)?;
    /// assert_eq!(out, "a=b; HttpOnly");
    /// # Ok::<(), std::fmt::Error>(())
    /// ```
    pub fn write_to<W: fmt::Write + ?Sized>(&self, w: &mut W) -> fmt::Result {
        let mut stack = [0u8; STACK];
        match self.write_bytes(&mut stack) {
            // Every byte is ASCII (validation saw to it), so this check cannot fail.
            Some(n) => w.write_str(
                stack
                    .get(..n)
                    .and_then(|b| core::str::from_utf8(b).ok())
                    .ok_or(fmt::Error)?,
            ),
            None => self.write_pieces(w),
        }
    }

    /// Writes the header value into `out`, returning its length, or `None` if it
    /// does not fit. The fields are validated ASCII and the generated parts are
    /// ASCII bytes, so nothing here needs UTF-8 checks.
    fn write_bytes(&self, out: &mut [u8]) -> Option<usize> {
        let c = &self.0;
        let len = out.len();
        let mut w = Cursor { rest: out };
        w.put(c.name.as_bytes())?;
        w.put(b"=")?;
        w.put(c.value.as_bytes())?;
        if let Some(t) = c.expires {
            w.put(EXPIRES.as_bytes())?;
            let date = w.take(IMF_FIXDATE_LEN)?.first_chunk_mut()?;
            if !date::encode_into(t, date) {
                return None;
            }
        }
        if let Some(secs) = c.max_age {
            w.put(MAX_AGE.as_bytes())?;
            w.put(digits::right_aligned(
                max_age_digits(secs),
                &mut [0; digits::MAX_U64],
            ))?;
        }
        if let Some(d) = &c.domain {
            w.put(DOMAIN.as_bytes())?;
            w.put(d.as_bytes())?;
        }
        if let Some(p) = &c.path {
            w.put(PATH.as_bytes())?;
            w.put(p.as_bytes())?;
        }
        // Whole attributes as constants, neighbours written together: fixed-size
        // copies, fewer of them.
        match (c.secure, c.http_only) {
            (true, true) => w.put(b"; Secure; HttpOnly")?,
            (true, false) => w.put(SECURE.as_bytes())?,
            (false, true) => w.put(HTTP_ONLY.as_bytes())?,
            (false, false) => {}
        }
        match (c.same_site, c.partitioned) {
            (Some(SameSite::Strict), false) => w.put(b"; SameSite=Strict")?,
            (Some(SameSite::Lax), false) => w.put(b"; SameSite=Lax")?,
            (Some(SameSite::None), false) => w.put(b"; SameSite=None")?,
            (Some(SameSite::Strict), true) => w.put(b"; SameSite=Strict; Partitioned")?,
            (Some(SameSite::Lax), true) => w.put(b"; SameSite=Lax; Partitioned")?,
            (Some(SameSite::None), true) => w.put(b"; SameSite=None; Partitioned")?,
            (None, true) => w.put(PARTITIONED.as_bytes())?,
            (None, false) => {}
        }
        match c.priority {
            Some(Priority::Low) => w.put(b"; Priority=Low")?,
            Some(Priority::Medium) => w.put(b"; Priority=Medium")?,
            Some(Priority::High) => w.put(b"; Priority=High")?,
            None => {}
        }
        // Built cookies keep exactly their extension attributes, already formatted.
        if !c.attrs.is_empty() {
            w.put(c.attrs.as_bytes())?;
        }
        Some(len - w.rest.len())
    }

    /// [`write_to`](Self::write_to) for a value too long for the stack buffer.
    fn write_pieces<W: fmt::Write + ?Sized>(&self, w: &mut W) -> fmt::Result {
        let c = &self.0;
        w.write_str(&c.name)?;
        w.write_char('=')?;
        w.write_str(&c.value)?;
        if let Some(t) = c.expires {
            w.write_str(EXPIRES)?;
            date::write_imf_fixdate(w, t)?;
        }
        if let Some(secs) = c.max_age {
            w.write_str(MAX_AGE)?;
            let mut buf = [0; digits::MAX_U64];
            let digits = digits::right_aligned(max_age_digits(secs), &mut buf);
            w.write_str(core::str::from_utf8(digits).map_err(|_| fmt::Error)?)?;
        }
        if let Some(d) = &c.domain {
            w.write_str(DOMAIN)?;
            w.write_str(d)?;
        }
        if let Some(p) = &c.path {
            w.write_str(PATH)?;
            w.write_str(p)?;
        }
        if c.secure {
            w.write_str(SECURE)?;
        }
        if c.http_only {
            w.write_str(HTTP_ONLY)?;
        }
        if let Some(ss) = c.same_site {
            w.write_str(SAME_SITE)?;
            w.write_str(ss.as_str())?;
        }
        if c.partitioned {
            w.write_str(PARTITIONED)?;
        }
        if let Some(p) = c.priority {
            w.write_str(PRIORITY)?;
            w.write_str(p.as_str())?;
        }
        w.write_str(&c.attrs)
    }

    /// The exact length of the written header value, to pre-size a buffer.
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let c = SetCookie::build("a", "b").secure(true).finish().unwrap();
    /// assert_eq!(c.encoded_len(), c.to_string().len());
    /// ```
    pub fn encoded_len(&self) -> usize {
        let c = &self.0;
        let flag = |on: bool, text: &str| if on { text.len() } else { 0 };
        c.name.len()
            + 1
            + c.value.len()
            + c.expires.map_or(0, |_| EXPIRES.len() + IMF_FIXDATE_LEN)
            + c.max_age
                .map_or(0, |s| MAX_AGE.len() + digits::count(max_age_digits(s)))
            + c.domain.as_ref().map_or(0, |d| DOMAIN.len() + d.len())
            + c.path.as_ref().map_or(0, |p| PATH.len() + p.len())
            + flag(c.secure, SECURE)
            + flag(c.http_only, HTTP_ONLY)
            + c.same_site
                .map_or(0, |s| SAME_SITE.len() + s.as_str().len())
            + flag(c.partitioned, PARTITIONED)
            + c.priority.map_or(0, |p| PRIORITY.len() + p.as_str().len())
            + c.attrs.len()
    }

    /// Writes into a byte buffer and returns the number of bytes written.
    ///
    /// # Errors
    /// [`BuildErrorKind::BufferTooSmall`](crate::BuildErrorKind::BufferTooSmall) if it
    /// does not fit (the buffer's contents are then unspecified).
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let c = SetCookie::build("a", "b").path("/").finish()?;
    /// let mut buf = [0u8; 64];
    /// let n = c.write_to_slice(&mut buf)?;
    /// assert_eq!(&buf[..n], b"a=b; Path=/");
    /// assert!(c.write_to_slice(&mut [0u8; 4]).is_err());
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn write_to_slice(&self, buf: &mut [u8]) -> Result<usize, BuildError> {
        self.write_bytes(buf)
            .ok_or(BuildError::new(Field::Value, K::BufferTooSmall))
    }

    /// Writes to an [`std::io::Write`] without allocating.
    ///
    /// # Errors
    /// The writer's I/O error.
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let mut out = Vec::new();
    /// SetCookie::build("a", "b").finish().unwrap().write_io(&mut out)?;
    /// assert_eq!(out, b"a=b");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[cfg(feature = "std")]
    pub fn write_io<W: std::io::Write + ?Sized>(&self, w: &mut W) -> std::io::Result<()> {
        struct Io<'w, W: ?Sized> {
            w: &'w mut W,
            err: Option<std::io::Error>,
        }
        impl<W: std::io::Write + ?Sized> fmt::Write for Io<'_, W> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.w.write_all(s.as_bytes()).map_err(|e| {
                    self.err = Some(e);
                    fmt::Error
                })
            }
        }
        let mut io = Io { w, err: None };
        match self.write_to(&mut io) {
            Ok(()) => Ok(()),
            Err(_) => Err(io
                .err
                .unwrap_or_else(|| std::io::Error::other("formatting failed"))),
        }
    }

    /// A cookie that deletes this one: same name, `Domain` and `Path` (a browser only
    /// replaces a cookie with the same name, domain and path), empty value, `Max-Age=0`
    /// and an `Expires` in 1970 for clients that predate `Max-Age`.
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let c = SetCookie::build("__Host-sid", "x").secure(true).path("/").finish()?;
    /// assert_eq!(
    ///     c.removal().to_string(),
    ///     "__Host-sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure"
    /// );
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn removal(&self) -> ResponseCookie<'a> {
        let c = &self.0;
        let mut r = SetCookie::empty(Profile::Strict);
        r.name = c.name.clone();
        r.domain = c.domain.clone();
        r.path = c.path.clone();
        r.secure = c.secure;
        r.http_only = c.http_only;
        r.same_site = c.same_site;
        r.partitioned = c.partitioned;
        r.max_age = Some(0);
        r.expires = Some(OffsetDateTime::UNIX_EPOCH);
        // Every field was valid on `self`; an empty value and a zero age are too.
        ResponseCookie(r)
    }

    /// The validated cookie as a plain [`SetCookie`].
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let c = SetCookie::build("a", "b").finish()?.into_inner();
    /// assert_eq!(c.name(), "a");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn into_inner(self) -> SetCookie<'a> {
        self.0
    }

    /// Copies borrowed strings so the cookie owns its data.
    ///
    /// ```
    /// use hardtack_cookie::{ResponseCookie, SetCookie};
    /// let c: ResponseCookie<'static> = SetCookie::build(String::from("a"), "b").finish()?.into_owned();
    /// assert_eq!(c.to_string(), "a=b");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn into_owned(self) -> ResponseCookie<'static> {
        ResponseCookie(self.0.into_owned())
    }
}

impl fmt::Display for ResponseCookie<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f)
    }
}

/// Writes a `Cookie` request header value (`a=1; b=2`) pair by pair, refusing any pair
/// the strict grammar would reject. Never allocates.
///
/// ```
/// use hardtack_cookie::CookieHeaderWriter;
/// let mut out = String::new();
/// let mut w = CookieHeaderWriter::new(&mut out);
/// w.pair("a", "1")?.pair("b", "2")?;
/// assert!(w.pair("c", "x;y").is_err());
/// assert_eq!(out, "a=1; b=2");
/// # Ok::<(), hardtack_cookie::BuildError>(())
/// ```
#[derive(Debug)]
pub struct CookieHeaderWriter<W> {
    out: W,
    first: bool,
}

impl<W: fmt::Write> CookieHeaderWriter<W> {
    /// Writes into `out` (usually `&mut String` or `&mut` a fixed buffer writer).
    ///
    /// ```
    /// let mut s = String::new();
    /// hardtack_cookie::CookieHeaderWriter::new(&mut s).pair("a", "b")?;
    /// assert_eq!(s, "a=b");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn new(out: W) -> Self {
        CookieHeaderWriter { out, first: true }
    }

    /// Appends one pair.
    ///
    /// # Errors
    /// The name is not a token, the value is not a `cookie-value`, the pair exceeds
    /// 4096 bytes, or the writer failed (`BufferTooSmall`). Nothing is written then.
    ///
    /// ```
    /// let mut s = String::new();
    /// let mut w = hardtack_cookie::CookieHeaderWriter::new(&mut s);
    /// assert!(w.pair("bad name", "v").is_err());
    /// ```
    pub fn pair(&mut self, name: &str, value: &str) -> Result<&mut Self, BuildError> {
        validate(&Parts::pair(name, value))?;
        let write = |out: &mut W, first: bool| -> fmt::Result {
            if !first {
                out.write_str("; ")?;
            }
            out.write_str(name)?;
            out.write_char('=')?;
            out.write_str(value)
        };
        write(&mut self.out, self.first)
            .map_err(|_| BuildError::new(Field::Value, K::BufferTooSmall))?;
        self.first = false;
        Ok(self)
    }

    /// Gives the writer back.
    ///
    /// ```
    /// let s = hardtack_cookie::CookieHeaderWriter::new(String::new()).into_inner();
    /// assert!(s.is_empty());
    /// ```
    pub fn into_inner(self) -> W {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_agrees_with_prefix_of() {
        let mut names: alloc::vec::Vec<alloc::string::String> = alloc::vec::Vec::new();
        for base in ["__Secure-", "__Host-"] {
            for cut in 0..=base.len() {
                let stem = &base[..cut];
                for tail in ["", "x", "-", "_", "sid", "\u{e9}"] {
                    names.push(alloc::format!("{stem}{tail}"));
                }
            }
            // Every case mix of the letters, and every byte in every position.
            let letters: alloc::vec::Vec<usize> = base
                .bytes()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_alphabetic())
                .map(|(i, _)| i)
                .collect();
            for mask in 0..1u32 << letters.len() {
                let mut b = base.as_bytes().to_vec();
                for (k, &i) in letters.iter().enumerate() {
                    if mask >> k & 1 == 1 {
                        b[i] = b[i].to_ascii_uppercase();
                    } else {
                        b[i] = b[i].to_ascii_lowercase();
                    }
                }
                names.push(alloc::string::String::from_utf8(b).unwrap());
            }
            for i in 0..base.len() {
                for byte in 0..0x80u8 {
                    let mut b = base.as_bytes().to_vec();
                    b[i] = byte;
                    b.push(b'n');
                    names.push(alloc::string::String::from_utf8(b).unwrap());
                }
            }
        }
        for n in &names {
            assert_eq!(prefix(n.as_bytes()), Prefix::of(n), "{n:?}");
        }
    }

    #[test]
    fn injection_is_refused_everywhere() {
        for bad in ["a\r\nb", "a;b", "a\nb", "a\0b", "a\x7fb"] {
            assert!(SetCookie::build("n", bad).finish().is_err());
            assert!(SetCookie::build(bad, "v").finish().is_err());
            assert!(
                SetCookie::build("n", "v")
                    .path(alloc::format!("/{bad}"))
                    .finish()
                    .is_err()
            );
            assert!(SetCookie::build("n", "v").domain(bad).finish().is_err());
            assert!(
                SetCookie::build("n", "v")
                    .extension("x", Some(bad))
                    .finish()
                    .is_err()
            );
        }
    }
}
