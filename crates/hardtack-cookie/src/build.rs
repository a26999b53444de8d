//! The serializer: a builder that refuses what it cannot write safely, and a
//! validated cookie that writes without allocating.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;
use core::ops::Deref;

use time::OffsetDateTime;

use crate::class::{self, AV_OCTET, TCHAR, WSP};
use crate::date;
use crate::error::{Attribute, BuildError, BuildErrorKind as K, ErrorKind, Field};
use crate::parse::{self, MAX_ATTRIBUTE_VALUE, MAX_NAME_VALUE};
use crate::set_cookie::{Prefix, Priority, Profile, SameSite, SetCookie};

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
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `finish` is called"]
pub struct SetCookieBuilder<'a> {
    cookie: SetCookie<'a>,
    max_age: Option<i64>,
    error: Option<BuildError>,
}

impl<'a> SetCookieBuilder<'a> {
    pub(crate) fn new(name: Cow<'a, str>, value: Cow<'a, str>) -> Self {
        let mut cookie = SetCookie::empty(Profile::Strict);
        cookie.name = name;
        cookie.value = value;
        SetCookieBuilder {
            cookie,
            max_age: None,
            error: None,
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
        self.cookie.expires = Some(date::whole_seconds_utc(at));
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
        self.cookie.domain = Some(domain.into());
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
        self.cookie.path = Some(path.into());
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
        self.cookie.secure = on;
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
        self.cookie.http_only = on;
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
        self.cookie.partitioned = on;
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
        self.cookie.same_site = Some(same_site);
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
        self.cookie.priority = Some(priority);
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
        if self.error.is_none() {
            match check_extension(name, value) {
                Ok(()) => {
                    let attrs = self.cookie.attrs.to_mut();
                    attrs.push_str("; ");
                    attrs.push_str(name);
                    if let Some(v) = value {
                        attrs.push('=');
                        attrs.push_str(v);
                    }
                }
                Err(e) => self.error = Some(e),
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
        if let Some(e) = self.error {
            return Err(e);
        }
        let mut cookie = self.cookie;
        if let Some(secs) = self.max_age {
            if secs < 0 {
                return Err(BuildError::new(
                    Field::Attribute(Attribute::MaxAge),
                    K::NegativeMaxAge,
                ));
            }
            cookie.max_age = Some(secs);
        }
        validate(&cookie)?;
        // The builder kept exactly the extension attributes in `attrs`, already checked.
        Ok(ResponseCookie(cookie))
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
        validate(&c)?;
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

fn validate(c: &SetCookie<'_>) -> Result<(), BuildError> {
    let name = c.name.as_bytes();
    if name.is_empty() {
        return Err(BuildError::new(Field::Name, K::EmptyName));
    }
    if let Some(i) = class::first_not(name, TCHAR) {
        return Err(BuildError::at(Field::Name, K::InvalidByte(name[i]), i));
    }
    let value = c.value.as_bytes();
    match parse::cookie_value_end(value, 0) {
        Ok(end) if end == value.len() => {}
        Ok(end) => {
            return Err(BuildError::at(
                Field::Value,
                K::InvalidByte(value[end]),
                end,
            ));
        }
        Err((ErrorKind::InvalidValueByte(b), at)) => {
            return Err(BuildError::at(Field::Value, K::InvalidByte(b), at));
        }
        Err((_, at)) => return Err(BuildError::at(Field::Value, K::UnbalancedQuote, at)),
    }
    if name.len() + value.len() > MAX_NAME_VALUE {
        return Err(BuildError::new(Field::Value, K::TooLarge));
    }
    let attr = |a| Field::Attribute(a);
    if c.expires.is_some_and(|t| !date::is_representable(t)) {
        return Err(BuildError::new(
            attr(Attribute::Expires),
            K::ExpiresOutOfRange,
        ));
    }
    if c.max_age.is_some_and(|s| s < 0) {
        return Err(BuildError::new(attr(Attribute::MaxAge), K::NegativeMaxAge));
    }
    if let Some(d) = c.domain.as_deref() {
        if d.len() > MAX_ATTRIBUTE_VALUE {
            return Err(BuildError::new(
                attr(Attribute::Domain),
                K::AttributeTooLarge,
            ));
        }
        if !parse::is_host_name(d.as_bytes()) {
            return Err(BuildError::new(attr(Attribute::Domain), K::InvalidDomain));
        }
    }
    if let Some(p) = c.path.as_deref() {
        let pb = p.as_bytes();
        if pb.len() > MAX_ATTRIBUTE_VALUE {
            return Err(BuildError::new(attr(Attribute::Path), K::AttributeTooLarge));
        }
        if let Some(i) = class::first_not(pb, AV_OCTET) {
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
    if c.version.is_some() || c.comment.is_some() {
        let a = if c.version.is_some() {
            Attribute::Version
        } else {
            Attribute::Comment
        };
        return Err(BuildError::new(attr(a), K::ReservedExtension));
    }
    match Prefix::of(&c.name) {
        Some(Prefix::Secure) if !c.secure => {
            return Err(BuildError::new(Field::Name, K::SecurePrefixWithoutSecure));
        }
        Some(Prefix::Host) if !c.secure => {
            return Err(BuildError::new(Field::Name, K::HostPrefixWithoutSecure));
        }
        Some(Prefix::Host) if c.domain.is_some() => {
            return Err(BuildError::new(Field::Name, K::HostPrefixWithDomain));
        }
        Some(Prefix::Host) if c.path.as_deref() != Some("/") => {
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

/// Decimal digits of a non-negative `i64` into a stack buffer.
fn decimal(mut n: i64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    core::str::from_utf8(&buf[i..]).unwrap_or("0")
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
        let c = &self.0;
        w.write_str(&c.name)?;
        w.write_char('=')?;
        w.write_str(&c.value)?;
        if let Some(t) = c.expires {
            w.write_str("; Expires=")?;
            date::write_imf_fixdate(w, t)?;
        }
        if let Some(secs) = c.max_age {
            w.write_str("; Max-Age=")?;
            w.write_str(decimal(secs, &mut [0; 20]))?;
        }
        if let Some(d) = &c.domain {
            w.write_str("; Domain=")?;
            w.write_str(d)?;
        }
        if let Some(p) = &c.path {
            w.write_str("; Path=")?;
            w.write_str(p)?;
        }
        if c.secure {
            w.write_str("; Secure")?;
        }
        if c.http_only {
            w.write_str("; HttpOnly")?;
        }
        if let Some(ss) = c.same_site {
            w.write_str("; SameSite=")?;
            w.write_str(ss.as_str())?;
        }
        if c.partitioned {
            w.write_str("; Partitioned")?;
        }
        if let Some(p) = c.priority {
            w.write_str("; Priority=")?;
            w.write_str(p.as_str())?;
        }
        // Built cookies keep exactly their extension attributes, already formatted.
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
        let mut n = Counter(0);
        // Counting cannot fail.
        let _ = self.write_to(&mut n);
        n.0
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
        let mut w = SliceWriter { buf, len: 0 };
        self.write_to(&mut w)
            .map_err(|_| BuildError::new(Field::Value, K::BufferTooSmall))?;
        Ok(w.len)
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

struct Counter(usize);

impl fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

struct SliceWriter<'b> {
    buf: &'b mut [u8],
    len: usize,
}

impl fmt::Write for SliceWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
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
        let mut probe = SetCookie::empty(Profile::Strict);
        probe.name = Cow::Borrowed(name);
        probe.value = Cow::Borrowed(value);
        validate(&probe)?;
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
    fn decimal_digits() {
        for n in [0i64, 7, 10, 3600, i64::MAX] {
            assert_eq!(decimal(n, &mut [0; 20]), alloc::format!("{n}"));
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
