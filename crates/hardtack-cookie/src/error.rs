//! Errors as data: what went wrong, and where.

use core::fmt;

/// A cookie attribute, named in errors.
///
/// ```
/// use hardtack_cookie::Attribute;
/// assert_eq!(Attribute::MaxAge.as_str(), "Max-Age");
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Attribute {
    /// `Expires`
    Expires,
    /// `Max-Age`
    MaxAge,
    /// `Domain`
    Domain,
    /// `Path`
    Path,
    /// `Secure`
    Secure,
    /// `HttpOnly`
    HttpOnly,
    /// `SameSite`
    SameSite,
    /// `Partitioned` (CHIPS)
    Partitioned,
    /// `Priority` (a Chromium extension)
    Priority,
    /// `Version` (RFC 2109)
    Version,
    /// `Comment` (RFC 2109)
    Comment,
    /// An attribute hardtack does not interpret.
    Extension,
}

impl Attribute {
    /// The attribute's canonical spelling.
    ///
    /// ```
    /// use hardtack_cookie::Attribute;
    /// assert_eq!(Attribute::HttpOnly.as_str(), "HttpOnly");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Attribute::Expires => "Expires",
            Attribute::MaxAge => "Max-Age",
            Attribute::Domain => "Domain",
            Attribute::Path => "Path",
            Attribute::Secure => "Secure",
            Attribute::HttpOnly => "HttpOnly",
            Attribute::SameSite => "SameSite",
            Attribute::Partitioned => "Partitioned",
            Attribute::Priority => "Priority",
            Attribute::Version => "Version",
            Attribute::Comment => "Comment",
            Attribute::Extension => "extension attribute",
        }
    }

    /// Recognises an attribute name, ASCII case-insensitively, without allocating.
    #[inline]
    /// RFC 2109's `Version` and `Comment` are recognised only when `rfc2109` is set.
    pub(crate) fn recognise(name: &[u8], rfc2109: bool) -> Attribute {
        use crate::keyword::{Keyword, key};
        const PATH: Keyword = Keyword::new("path");
        const DOMAIN: Keyword = Keyword::new("domain");
        const SECURE: Keyword = Keyword::new("secure");
        const EXPIRES: Keyword = Keyword::new("expires");
        const MAX_AGE: Keyword = Keyword::new("max-age");
        const VERSION: Keyword = Keyword::new("version");
        const COMMENT: Keyword = Keyword::new("comment");
        const HTTPONLY: Keyword = Keyword::new("httponly");
        const SAMESITE: Keyword = Keyword::new("samesite");
        const PRIORITY: Keyword = Keyword::new("priority");
        const PARTITIONED: Keyword = Keyword::new("partitioned");
        // Dispatch on length, then one or two word compares per candidate.
        let k = key(name);
        match name.len() {
            4 if PATH.is(k) => Attribute::Path,
            6 if DOMAIN.is(k) => Attribute::Domain,
            6 if SECURE.is(k) => Attribute::Secure,
            7 if EXPIRES.is(k) => Attribute::Expires,
            7 if MAX_AGE.is(k) => Attribute::MaxAge,
            7 if rfc2109 && VERSION.is(k) => Attribute::Version,
            7 if rfc2109 && COMMENT.is(k) => Attribute::Comment,
            8 if HTTPONLY.is(k) => Attribute::HttpOnly,
            8 if SAMESITE.is(k) => Attribute::SameSite,
            8 if PRIORITY.is(k) => Attribute::Priority,
            11 if PARTITIONED.is(k) => Attribute::Partitioned,
            _ => Attribute::Extension,
        }
    }

    pub(crate) const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl fmt::Display for Attribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a `Set-Cookie` or `Cookie` string was rejected.
///
/// ```
/// use hardtack_cookie::{ErrorKind, Profile, SetCookie};
/// let err = SetCookie::parse("a=b\u{1}c", Profile::Lenient).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::ControlCharacter);
/// assert_eq!(err.offset(), 3);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// There was nothing to parse: the input, or one pair of a Cookie header, is empty
    /// (or only whitespace).
    Empty,
    /// A control character other than HTAB (%x00-08 / %x0A-1F / %x7F). Browsers drop
    /// the whole cookie (RFC 6265bis §5.6 step 1), so every profile refuses it.
    ControlCharacter,
    /// Byte input that is not UTF-8. hardtack hands out `&str`, so such a cookie (or
    /// Cookie-header pair) is refused rather than lossily converted.
    InvalidUtf8,
    /// The strict and RFC 2109 profiles need `name=value`; there was no `=`.
    MissingEquals,
    /// The cookie name is empty (strict and RFC 2109 profiles; the browser algorithm
    /// allows nameless cookies).
    EmptyName,
    /// Both name and value are empty, which the browser algorithm ignores.
    EmptyCookie,
    /// A byte of the name that is not an RFC 9110 / RFC 2068 `token` character
    /// (a CTL, a non-ASCII byte, or one of the tspecials `( ) < > @ , ; : \ " / [ ] ? = { }` SP HT).
    InvalidNameByte(u8),
    /// A byte of the value that the profile does not allow (`cookie-octet` for the
    /// strict profile, `token` or `quoted-string` for RFC 2109).
    InvalidValueByte(u8),
    /// A value opened with DQUOTE but did not close with one.
    UnbalancedQuote,
    /// Name and value together are longer than 4096 bytes.
    TooLarge,
    /// The attribute's value is longer than 1024 bytes.
    AttributeTooLarge(Attribute),
    /// The strict profile separates attributes with exactly `"; "`.
    InvalidSeparator,
    /// Two separators with nothing between them (`;;`) in the strict profile.
    EmptyAttribute,
    /// The attribute's value does not follow its grammar (for example `Max-Age=+5`,
    /// an `Expires` that is not an IMF-fixdate, `SameSite=Maybe`, `Secure=yes`).
    InvalidAttributeValue(Attribute),
    /// A byte in an attribute that is not an `av-octet`.
    InvalidAttributeByte(Attribute),
    /// The strict profile allows each attribute once.
    DuplicateAttribute(Attribute),
    /// RFC 2109 `Set-Cookie` lists several cookies separated by commas; parse them with
    /// [`rfc2109::split_set_cookie`](crate::rfc2109::split_set_cookie).
    UnexpectedComma,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Empty => f.write_str("empty cookie string"),
            ErrorKind::ControlCharacter => f.write_str("control character"),
            ErrorKind::InvalidUtf8 => f.write_str("invalid UTF-8"),
            ErrorKind::MissingEquals => f.write_str("missing '=' between name and value"),
            ErrorKind::EmptyName => f.write_str("empty cookie name"),
            ErrorKind::EmptyCookie => f.write_str("empty cookie name and value"),
            ErrorKind::InvalidNameByte(b) => {
                write!(f, "byte 0x{b:02x} not allowed in a cookie name")
            }
            ErrorKind::InvalidValueByte(b) => {
                write!(f, "byte 0x{b:02x} not allowed in a cookie value")
            }
            ErrorKind::UnbalancedQuote => f.write_str("unbalanced double quote in cookie value"),
            ErrorKind::TooLarge => f.write_str("cookie name and value longer than 4096 bytes"),
            ErrorKind::AttributeTooLarge(a) => write!(f, "{a} value longer than 1024 bytes"),
            ErrorKind::InvalidSeparator => f.write_str("attributes must be separated by \"; \""),
            ErrorKind::EmptyAttribute => f.write_str("empty attribute"),
            ErrorKind::InvalidAttributeValue(a) => write!(f, "invalid {a} value"),
            ErrorKind::InvalidAttributeByte(a) => write!(f, "byte not allowed in {a}"),
            ErrorKind::DuplicateAttribute(a) => write!(f, "{a} given more than once"),
            ErrorKind::UnexpectedComma => f.write_str("comma between cookies"),
        }
    }
}

/// A rejected `Set-Cookie` or `Cookie` string: the [`ErrorKind`] and the byte offset
/// (from the start of the string handed to the parser) where the problem was found.
///
/// The error never holds any of the input, so it is safe to log.
///
/// ```
/// use hardtack_cookie::{ErrorKind, Profile, SetCookie, Attribute};
/// let err = SetCookie::parse("id=1; Max-Age=+5", Profile::Strict).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidAttributeValue(Attribute::MaxAge));
/// assert_eq!(err.offset(), 14);
/// assert_eq!(err.to_string(), "invalid Max-Age value at byte 14");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseError {
    kind: ErrorKind,
    offset: usize,
}

impl ParseError {
    pub(crate) const fn new(kind: ErrorKind, offset: usize) -> Self {
        ParseError { kind, offset }
    }

    /// What went wrong.
    ///
    /// ```
    /// use hardtack_cookie::{ErrorKind, Profile, SetCookie};
    /// let err = SetCookie::parse("", Profile::Strict).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Empty);
    /// ```
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Byte offset of the problem in the parsed string.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// let err = SetCookie::parse("a b=c", Profile::Strict).unwrap_err();
    /// assert_eq!(err.offset(), 1);
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind, self.offset)
    }
}

impl core::error::Error for ParseError {}

/// The part of a cookie a [`BuildError`] is about.
///
/// ```
/// use hardtack_cookie::{Field, SetCookie};
/// let err = SetCookie::build("a;b", "v").finish().unwrap_err();
/// assert_eq!(err.field(), Field::Name);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The cookie name.
    Name,
    /// The cookie value.
    Value,
    /// An attribute.
    Attribute(Attribute),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Name => f.write_str("cookie name"),
            Field::Value => f.write_str("cookie value"),
            Field::Attribute(a) => write!(f, "{a}"),
        }
    }
}

/// Why the serializer refused to build a cookie.
///
/// The serializer never drops or rewrites what it is given: anything that the strict
/// profile would reject, that a browser would ignore, or that could inject a header is
/// refused with one of these.
///
/// ```
/// use hardtack_cookie::{BuildErrorKind, SetCookie, SameSite};
/// let err = SetCookie::build("id", "1").same_site(SameSite::None).finish().unwrap_err();
/// assert_eq!(err.kind(), BuildErrorKind::SameSiteNoneWithoutSecure);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuildErrorKind {
    /// The name is empty.
    EmptyName,
    /// A byte that the field's grammar does not allow (CR, LF, `;`, any CTL, a tspecial
    /// in the name, a non-`cookie-octet` in the value, …). Encode values with
    /// [`encode`](crate::encode) first.
    InvalidByte(u8),
    /// A value opened with DQUOTE but did not close with one.
    UnbalancedQuote,
    /// Name and value together exceed 4096 bytes.
    TooLarge,
    /// The attribute value exceeds 1024 bytes.
    AttributeTooLarge,
    /// `Max-Age` must not be negative (use `0` to delete a cookie).
    NegativeMaxAge,
    /// The `Expires` date is outside 1601..=9999, which IMF-fixdate cannot express and
    /// browsers do not accept.
    ExpiresOutOfRange,
    /// `Domain` is not a host name (letters, digits, hyphens, dots; no leading dot).
    InvalidDomain,
    /// `Path` must start with `/`.
    RelativePath,
    /// A `__Secure-` cookie needs `Secure`.
    SecurePrefixWithoutSecure,
    /// A `__Host-` cookie needs `Secure`.
    HostPrefixWithoutSecure,
    /// A `__Host-` cookie must not have `Domain`.
    HostPrefixWithDomain,
    /// A `__Host-` cookie needs `Path=/`.
    HostPrefixPath,
    /// `SameSite=None` needs `Secure`.
    SameSiteNoneWithoutSecure,
    /// `Partitioned` needs `Secure`.
    PartitionedWithoutSecure,
    /// An extension attribute is named like an attribute hardtack writes itself.
    ReservedExtension,
    /// The output buffer is too small (only from [`ResponseCookie::write_to_slice`](crate::ResponseCookie::write_to_slice)).
    BufferTooSmall,
}

impl fmt::Display for BuildErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            BuildErrorKind::EmptyName => "is empty",
            BuildErrorKind::InvalidByte(_) => "contains a byte that is not allowed",
            BuildErrorKind::UnbalancedQuote => "has an unbalanced double quote",
            BuildErrorKind::TooLarge => "makes name and value longer than 4096 bytes",
            BuildErrorKind::AttributeTooLarge => "is longer than 1024 bytes",
            BuildErrorKind::NegativeMaxAge => "is negative",
            BuildErrorKind::ExpiresOutOfRange => "is outside the years 1601 to 9999",
            BuildErrorKind::InvalidDomain => "is not a host name",
            BuildErrorKind::RelativePath => "does not start with '/'",
            BuildErrorKind::SecurePrefixWithoutSecure => "has the __Secure- prefix without Secure",
            BuildErrorKind::HostPrefixWithoutSecure => "has the __Host- prefix without Secure",
            BuildErrorKind::HostPrefixWithDomain => "has the __Host- prefix and a Domain",
            BuildErrorKind::HostPrefixPath => "has the __Host- prefix without Path=/",
            BuildErrorKind::SameSiteNoneWithoutSecure => "is None without Secure",
            BuildErrorKind::PartitionedWithoutSecure => "is set without Secure",
            BuildErrorKind::ReservedExtension => "is named like a standard attribute",
            BuildErrorKind::BufferTooSmall => "does not fit in the buffer",
        };
        f.write_str(s)?;
        if let BuildErrorKind::InvalidByte(b) = self {
            write!(f, " (0x{b:02x})")?;
        }
        Ok(())
    }
}

/// A cookie the serializer refused: which [`Field`], what [`BuildErrorKind`], and for
/// byte errors the offset inside that field.
///
/// ```
/// use hardtack_cookie::{BuildErrorKind, Field, SetCookie};
/// let err = SetCookie::build("id", "a\r\nSet-Cookie: x=1").finish().unwrap_err();
/// assert_eq!(err.field(), Field::Value);
/// assert_eq!(err.kind(), BuildErrorKind::InvalidByte(b'\r'));
/// assert_eq!(err.offset(), Some(1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BuildError {
    field: Field,
    kind: BuildErrorKind,
    offset: Option<usize>,
}

impl BuildError {
    pub(crate) const fn new(field: Field, kind: BuildErrorKind) -> Self {
        BuildError {
            field,
            kind,
            offset: None,
        }
    }

    pub(crate) const fn at(field: Field, kind: BuildErrorKind, offset: usize) -> Self {
        BuildError {
            field,
            kind,
            offset: Some(offset),
        }
    }

    /// The refused part of the cookie.
    ///
    /// ```
    /// use hardtack_cookie::{Attribute, Field, SetCookie};
    /// let err = SetCookie::build("a", "b").path("rel").finish().unwrap_err();
    /// assert_eq!(err.field(), Field::Attribute(Attribute::Path));
    /// ```
    pub const fn field(&self) -> Field {
        self.field
    }

    /// Why it was refused.
    ///
    /// ```
    /// use hardtack_cookie::{BuildErrorKind, SetCookie};
    /// let err = SetCookie::build("", "b").finish().unwrap_err();
    /// assert_eq!(err.kind(), BuildErrorKind::EmptyName);
    /// ```
    pub const fn kind(&self) -> BuildErrorKind {
        self.kind
    }

    /// Byte offset inside the field, for byte-level errors.
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let err = SetCookie::build("na me", "b").finish().unwrap_err();
    /// assert_eq!(err.offset(), Some(2));
    /// ```
    pub const fn offset(&self) -> Option<usize> {
        self.offset
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.field, self.kind)?;
        if let Some(o) = self.offset {
            write!(f, " at byte {o}")?;
        }
        Ok(())
    }
}

impl core::error::Error for BuildError {}
