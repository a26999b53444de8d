//! The `Set-Cookie` value type shared by the parsers and the serializer.

use alloc::borrow::Cow;
use core::fmt;

use time::OffsetDateTime;

use crate::error::Attribute;
use crate::keyword::Keyword;
use crate::{class, parse};

/// Which grammar a parser follows. There is no default: the caller chooses.
///
/// ```
/// use hardtack_cookie::{Profile, SetCookie};
/// // A browser stores a nameless cookie; a server-side strict check refuses it.
/// assert_eq!(SetCookie::parse("foo", Profile::Lenient).unwrap().value(), "foo");
/// assert!(SetCookie::parse("foo", Profile::Strict).is_err());
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Profile {
    /// The browser algorithm of RFC 6265bis §5.6: what Chromium or Firefox would store.
    Lenient,
    /// The server grammar of RFC 6265 / 6265bis §4.1: what a careful server may send.
    Strict,
    /// RFC 2109 with RFC 2068 tokens and quoted-strings ("Version 0/1" cookies).
    Rfc2109,
}

/// The `SameSite` attribute.
///
/// ```
/// use hardtack_cookie::SameSite;
/// assert_eq!(SameSite::Lax.as_str(), "Lax");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SameSite {
    /// Sent only on same-site requests.
    Strict,
    /// Sent on same-site requests and top-level cross-site navigations.
    Lax,
    /// Sent on every request; requires `Secure`.
    None,
}

impl SameSite {
    /// Canonical spelling.
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::SameSite::None.as_str(), "None");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            SameSite::Strict => "Strict",
            SameSite::Lax => "Lax",
            SameSite::None => "None",
        }
    }

    pub(crate) fn recognise(v: &[u8]) -> Option<SameSite> {
        const LAX: Keyword = Keyword::new("lax");
        const STRICT: Keyword = Keyword::new("strict");
        const NONE: Keyword = Keyword::new("none");
        if LAX.matches(v) {
            Some(SameSite::Lax)
        } else if STRICT.matches(v) {
            Some(SameSite::Strict)
        } else if NONE.matches(v) {
            Some(SameSite::None)
        } else {
            None
        }
    }
}

impl fmt::Display for SameSite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `Priority` attribute (a Chromium extension that decides eviction order).
///
/// ```
/// use hardtack_cookie::Priority;
/// assert_eq!(Priority::High.as_str(), "High");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Priority {
    /// Evicted first.
    Low,
    /// The browser default.
    Medium,
    /// Evicted last.
    High,
}

impl Priority {
    /// Canonical spelling.
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::Priority::Low.as_str(), "Low");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "Low",
            Priority::Medium => "Medium",
            Priority::High => "High",
        }
    }

    pub(crate) fn recognise(v: &[u8]) -> Option<Priority> {
        const LOW: Keyword = Keyword::new("low");
        const MEDIUM: Keyword = Keyword::new("medium");
        const HIGH: Keyword = Keyword::new("high");
        if LOW.matches(v) {
            Some(Priority::Low)
        } else if MEDIUM.matches(v) {
            Some(Priority::Medium)
        } else if HIGH.matches(v) {
            Some(Priority::High)
        } else {
            None
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One cookie from a `Set-Cookie` header value, borrowed from the input.
///
/// Parsing never allocates: every string is a slice of the input (`Cow::Borrowed`).
/// [`into_owned`](SetCookie::into_owned) copies when the cookie must outlive the input.
/// To *write* a cookie, use [`SetCookie::build`], which validates and returns a
/// [`ResponseCookie`](crate::ResponseCookie).
///
/// ```
/// use hardtack_cookie::{Profile, SameSite, SetCookie};
/// let header = "sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=3600";
/// let c = SetCookie::parse(header, Profile::Strict)?;
/// assert_eq!((c.name(), c.value()), ("sid", "abc"));
/// assert_eq!(c.path(), Some("/"));
/// assert!(c.secure() && c.http_only());
/// assert_eq!(c.same_site(), Some(SameSite::Lax));
/// assert_eq!(c.max_age(), Some(3600));
/// # Ok::<(), hardtack_cookie::ParseError>(())
/// ```
#[derive(Clone)]
pub struct SetCookie<'a> {
    pub(crate) name: Cow<'a, str>,
    pub(crate) value: Cow<'a, str>,
    pub(crate) expires: Option<OffsetDateTime>,
    pub(crate) expires_raw: Option<Cow<'a, str>>,
    pub(crate) max_age: Option<i64>,
    pub(crate) domain: Option<Cow<'a, str>>,
    pub(crate) path: Option<Cow<'a, str>>,
    pub(crate) secure: bool,
    pub(crate) http_only: bool,
    pub(crate) partitioned: bool,
    pub(crate) same_site: Option<SameSite>,
    pub(crate) priority: Option<Priority>,
    pub(crate) version: Option<u32>,
    pub(crate) comment: Option<Cow<'a, str>>,
    /// The attribute text after the name-value pair (parsed cookies) or the written
    /// extension attributes (built cookies); `extensions()` re-scans it on demand
    /// so that parsing needs no storage for an unbounded number of them.
    pub(crate) attrs: Cow<'a, str>,
    pub(crate) profile: Profile,
}

impl<'a> SetCookie<'a> {
    pub(crate) fn empty(profile: Profile) -> Self {
        SetCookie {
            name: Cow::Borrowed(""),
            value: Cow::Borrowed(""),
            expires: None,
            expires_raw: None,
            max_age: None,
            domain: None,
            path: None,
            secure: false,
            http_only: false,
            partitioned: false,
            same_site: None,
            priority: None,
            version: None,
            comment: None,
            attrs: Cow::Borrowed(""),
            profile,
        }
    }

    /// Parses one `Set-Cookie` header value (without the `Set-Cookie:` name) with the
    /// chosen [`Profile`]. Never allocates.
    ///
    /// # Errors
    /// A [`ParseError`](crate::ParseError) with the kind and byte offset. In the lenient
    /// profile an error means a browser would ignore the whole header.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// let c = SetCookie::parse("  a = b ; path=/x ; unknown=1", Profile::Lenient)?;
    /// assert_eq!((c.name(), c.value(), c.path()), ("a", "b", Some("/x")));
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn parse(input: &'a str, profile: Profile) -> Result<SetCookie<'a>, crate::ParseError> {
        parse::set_cookie(parse::Input::text(input), profile)
    }

    /// Parses a header value given as bytes (for example `http::HeaderValue::as_bytes`).
    ///
    /// Bytes that are not UTF-8 inside the name, the value or a string attribute make
    /// the parse fail with [`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8) at
    /// their offset; nothing is replaced or lost silently.
    ///
    /// ```
    /// use hardtack_cookie::{ErrorKind, Profile, SetCookie};
    /// assert_eq!(SetCookie::parse_bytes(b"a=b", Profile::Lenient)?.value(), "b");
    /// let err = SetCookie::parse_bytes(b"a=\xff", Profile::Lenient).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn parse_bytes(
        input: &'a [u8],
        profile: Profile,
    ) -> Result<SetCookie<'a>, crate::ParseError> {
        parse::set_cookie(parse::Input::bytes(input), profile)
    }

    /// The profile that produced this cookie ([`Profile::Strict`] for built cookies).
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert_eq!(SetCookie::parse("a=b", Profile::Lenient)?.profile(), Profile::Lenient);
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// The cookie name (empty for a nameless cookie in the lenient profile).
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert_eq!(SetCookie::parse("foo", Profile::Lenient)?.name(), "");
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The cookie value exactly as sent, double quotes included (RFC 6265bis keeps them).
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert_eq!(SetCookie::parse("a=\"b\"", Profile::Strict)?.value(), "\"b\"");
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The value without one pair of surrounding double quotes, if it has them.
    /// Backslash escapes (RFC 2109) are not decoded: see [`rfc2109::unquote`](crate::rfc2109::unquote).
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert_eq!(SetCookie::parse("a=\"b\"", Profile::Strict)?.value_unquoted(), "b");
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn value_unquoted(&self) -> &str {
        let v: &str = &self.value;
        match v.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            Some(inner) => inner,
            None => v,
        }
    }

    /// The `Expires` date, if the last `Expires` attribute parsed.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// let c = SetCookie::parse("a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT", Profile::Strict)?;
    /// assert_eq!(c.expires().unwrap().unix_timestamp(), 1445412480);
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn expires(&self) -> Option<OffsetDateTime> {
        self.expires
    }

    /// The raw text of the last `Expires` attribute, whether or not it parsed as a date.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// let c = SetCookie::parse("a=b; Expires=soon", Profile::Lenient)?;
    /// assert_eq!((c.expires(), c.expires_raw()), (None, Some("soon")));
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn expires_raw(&self) -> Option<&str> {
        self.expires_raw.as_deref()
    }

    /// `Max-Age` in seconds, as written (saturating at the `i64` range). A value of zero
    /// or less means "expire now". Browsers cap it at 400 days when storing.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert_eq!(SetCookie::parse("a=b; Max-Age=-1", Profile::Lenient)?.max_age(), Some(-1));
    /// assert_eq!(SetCookie::parse("a=b; Max-Age=+5", Profile::Lenient)?.max_age(), None);
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn max_age(&self) -> Option<i64> {
        self.max_age
    }

    /// When the cookie expires, as a browser computes it (RFC 6265bis §5.6.1, §5.6.2,
    /// §5.7): `Max-Age` wins over `Expires`; a `Max-Age` of zero or less means "already
    /// expired" (reported as the Unix epoch); both are capped at 400 days after `now`.
    /// `None` is a session cookie.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// use time::OffsetDateTime;
    /// let now = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
    /// let c = SetCookie::parse("a=b; Max-Age=60; Expires=Thu, 01 Jan 2099 00:00:00 GMT", Profile::Lenient)?;
    /// assert_eq!(c.expiry(now).unwrap().unix_timestamp(), 1_700_000_060);
    /// let capped = SetCookie::parse("a=b; Max-Age=999999999", Profile::Lenient)?;
    /// assert_eq!(capped.expiry(now).unwrap().unix_timestamp(), 1_700_000_000 + 400 * 86_400);
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn expiry(&self, now: OffsetDateTime) -> Option<OffsetDateTime> {
        let cap = now.saturating_add(time::Duration::days(400));
        match (self.max_age, self.expires) {
            (Some(secs), _) if secs <= 0 => Some(OffsetDateTime::UNIX_EPOCH),
            (Some(secs), _) => Some(now.saturating_add(time::Duration::seconds(secs)).min(cap)),
            (None, Some(t)) => Some(t.min(cap)),
            (None, None) => None,
        }
    }

    /// The `Domain` attribute without a leading dot, in the case it was sent (compare it
    /// case-insensitively). `Some("")` means an empty `Domain=`: a host-only cookie.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// let c = SetCookie::parse("a=b; Domain=.Example.COM", Profile::Lenient)?;
    /// assert_eq!(c.domain(), Some("Example.COM"));
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn domain(&self) -> Option<&str> {
        self.domain.as_deref()
    }

    /// The `Path` attribute. In the lenient profile a value that does not start with `/`
    /// means "use the default path", reported as `None`.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert_eq!(SetCookie::parse("a=b; Path=rel", Profile::Lenient)?.path(), None);
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// Whether `Secure` is set.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert!(SetCookie::parse("a=b; Secure", Profile::Strict)?.secure());
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn secure(&self) -> bool {
        self.secure
    }

    /// Whether `HttpOnly` is set.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert!(SetCookie::parse("a=b; HttpOnly", Profile::Strict)?.http_only());
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn http_only(&self) -> bool {
        self.http_only
    }

    /// Whether `Partitioned` (CHIPS) is set.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert!(SetCookie::parse("a=b; Secure; Partitioned", Profile::Strict)?.partitioned());
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn partitioned(&self) -> bool {
        self.partitioned
    }

    /// The `SameSite` attribute. In the lenient profile an unrecognised value means the
    /// browser default ("Default" enforcement), reported as `None`.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SameSite, SetCookie};
    /// assert_eq!(SetCookie::parse("a=b; SameSite=strict", Profile::Lenient)?.same_site(), Some(SameSite::Strict));
    /// assert_eq!(SetCookie::parse("a=b; SameSite=maybe", Profile::Lenient)?.same_site(), None);
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn same_site(&self) -> Option<SameSite> {
        self.same_site
    }

    /// The `Priority` attribute.
    ///
    /// ```
    /// use hardtack_cookie::{Priority, Profile, SetCookie};
    /// assert_eq!(SetCookie::parse("a=b; Priority=High", Profile::Lenient)?.priority(), Some(Priority::High));
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn priority(&self) -> Option<Priority> {
        self.priority
    }

    /// RFC 2109 `Version` (only recognised by [`Profile::Rfc2109`]; an extension otherwise).
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// assert_eq!(SetCookie::parse("a=b; Version=1", Profile::Rfc2109)?.version(), Some(1));
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn version(&self) -> Option<u32> {
        self.version
    }

    /// RFC 2109 `Comment`, raw (quoted-strings keep their quotes).
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// let c = SetCookie::parse("a=b; Comment=\"hi there\"; Version=1", Profile::Rfc2109)?;
    /// assert_eq!(c.comment(), Some("\"hi there\""));
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn comment(&self) -> Option<&str> {
        self.comment.as_deref()
    }

    /// The attributes hardtack does not interpret, in order, as `(name, value)`.
    /// Attributes a browser would ignore (value over 1024 bytes) are skipped in the
    /// lenient profile.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// let c = SetCookie::parse("a=b; Foo=1; Path=/; bar", Profile::Lenient)?;
    /// let ext: Vec<_> = c.extensions().collect();
    /// assert_eq!(ext, [("Foo", Some("1")), ("bar", None)]);
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn extensions(&self) -> Extensions<'_> {
        Extensions {
            rest: &self.attrs,
            rfc2109: self.profile == Profile::Rfc2109,
        }
    }

    /// Copies every borrowed string so that the cookie no longer borrows the input.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// let owned: SetCookie<'static> = {
    ///     let s = String::from("a=b; Path=/");
    ///     SetCookie::parse(&s, Profile::Strict)?.into_owned()
    /// };
    /// assert_eq!(owned.path(), Some("/"));
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn into_owned(self) -> SetCookie<'static> {
        fn own(c: Cow<'_, str>) -> Cow<'static, str> {
            Cow::Owned(c.into_owned())
        }
        SetCookie {
            name: own(self.name),
            value: own(self.value),
            expires: self.expires,
            expires_raw: self.expires_raw.map(own),
            max_age: self.max_age,
            domain: self.domain.map(own),
            path: self.path.map(own),
            secure: self.secure,
            http_only: self.http_only,
            partitioned: self.partitioned,
            same_site: self.same_site,
            priority: self.priority,
            version: self.version,
            comment: self.comment.map(own),
            attrs: own(self.attrs),
            profile: self.profile,
        }
    }

    /// Which cookie prefix the name carries, compared ASCII case-insensitively as
    /// browsers do.
    ///
    /// ```
    /// use hardtack_cookie::{Prefix, Profile, SetCookie};
    /// let c = SetCookie::parse("__host-id=1; Secure; Path=/", Profile::Lenient)?;
    /// assert_eq!(c.prefix(), Some(Prefix::Host));
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn prefix(&self) -> Option<Prefix> {
        Prefix::of(&self.name)
    }

    /// Whether the cookie satisfies the rules of its name prefix (RFC 6265bis §4.1.3):
    /// `__Secure-` needs `Secure`; `__Host-` needs `Secure`, no `Domain` and `Path=/`.
    /// A cookie without a prefix always satisfies them.
    ///
    /// ```
    /// use hardtack_cookie::{Profile, SetCookie};
    /// let ok = SetCookie::parse("__Host-id=1; Secure; Path=/", Profile::Lenient)?;
    /// let bad = SetCookie::parse("__Host-id=1; Secure; Path=/; Domain=example.com", Profile::Lenient)?;
    /// assert!(ok.satisfies_prefix());
    /// assert!(!bad.satisfies_prefix());
    /// # Ok::<(), hardtack_cookie::ParseError>(())
    /// ```
    pub fn satisfies_prefix(&self) -> bool {
        match self.prefix() {
            None => true,
            Some(Prefix::Secure) => self.secure,
            Some(Prefix::Host) => {
                // A `Domain=` with an empty value still counts as present.
                self.secure && self.domain.is_none() && self.path.as_deref() == Some("/")
            }
        }
    }

    /// Starts building a cookie to send. See [`SetCookieBuilder`](crate::SetCookieBuilder).
    ///
    /// ```
    /// use hardtack_cookie::SetCookie;
    /// let c = SetCookie::build("id", "42").path("/").secure(true).http_only(true).finish()?;
    /// assert_eq!(c.to_string(), "id=42; Path=/; Secure; HttpOnly");
    /// # Ok::<(), hardtack_cookie::BuildError>(())
    /// ```
    pub fn build(
        name: impl Into<Cow<'a, str>>,
        value: impl Into<Cow<'a, str>>,
    ) -> crate::SetCookieBuilder<'a> {
        crate::SetCookieBuilder::new(name.into(), value.into())
    }
}

/// Two cookies are equal when every interpreted field and every extension is equal;
/// how the attributes were spelled (case, spacing, order of unrelated attributes) and
/// the profile that parsed them do not matter.
impl PartialEq for SetCookie<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.name == o.name
            && self.value == o.value
            && self.expires == o.expires
            && self.max_age == o.max_age
            && self.domain == o.domain
            && self.path == o.path
            && self.secure == o.secure
            && self.http_only == o.http_only
            && self.partitioned == o.partitioned
            && self.same_site == o.same_site
            && self.priority == o.priority
            && self.version == o.version
            && self.comment == o.comment
            && self.extensions().eq(o.extensions())
    }
}

impl Eq for SetCookie<'_> {}

/// Shows every field. Cookie values are usually credentials, so the value is redacted;
/// use [`SetCookie::value`] when you really mean to print it.
impl fmt::Debug for SetCookie<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SetCookie")
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
            .field("version", &self.version)
            .field("comment", &self.comment)
            .field("profile", &self.profile)
            .finish_non_exhaustive()
    }
}

/// A cookie name prefix with rules attached (RFC 6265bis §4.1.3).
///
/// ```
/// use hardtack_cookie::Prefix;
/// assert_eq!(Prefix::of("__Secure-x"), Some(Prefix::Secure));
/// assert_eq!(Prefix::of("__HOST-x"), Some(Prefix::Host));
/// assert_eq!(Prefix::of("x"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prefix {
    /// `__Secure-`: the cookie must be `Secure`.
    Secure,
    /// `__Host-`: `Secure`, no `Domain`, `Path=/`.
    Host,
}

impl Prefix {
    /// The prefix of a cookie name, matched ASCII case-insensitively.
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::Prefix::of("__secure-a"), Some(hardtack_cookie::Prefix::Secure));
    /// ```
    pub fn of(name: &str) -> Option<Prefix> {
        let n = name.as_bytes();
        let starts = |p: &[u8]| n.len() >= p.len() && n[..p.len()].eq_ignore_ascii_case(p);
        if starts(b"__Secure-") {
            Some(Prefix::Secure)
        } else if starts(b"__Host-") {
            Some(Prefix::Host)
        } else {
            None
        }
    }
}

/// Iterator over a cookie's extension attributes; see [`SetCookie::extensions`].
///
/// ```
/// use hardtack_cookie::{Profile, SetCookie};
/// let c = SetCookie::parse("a=b; x", Profile::Lenient)?;
/// assert_eq!(c.extensions().count(), 1);
/// # Ok::<(), hardtack_cookie::ParseError>(())
/// ```
#[derive(Clone, Debug)]
pub struct Extensions<'c> {
    rest: &'c str,
    rfc2109: bool,
}

impl<'c> Iterator for Extensions<'c> {
    type Item = (&'c str, Option<&'c str>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let bytes = self.rest.as_bytes();
            let start = usize::from(bytes.first() == Some(&b';'));
            let seg = class::segment(bytes, start);
            let av = &self.rest[start..seg.end];
            self.rest = &self.rest[seg.end..];
            let (name, value) = match seg.eq {
                Some(eq) => (
                    av[..eq - start].trim_matches([' ', '\t']),
                    Some(av[eq - start + 1..].trim_matches([' ', '\t'])),
                ),
                None => (av.trim_matches([' ', '\t']), None),
            };
            if name.is_empty() && value.is_none() {
                continue;
            }
            if value.is_some_and(|v| v.len() > parse::MAX_ATTRIBUTE_VALUE) {
                continue;
            }
            if crate::error::Attribute::recognise(name.as_bytes(), self.rfc2109)
                == Attribute::Extension
            {
                return Some((name, value));
            }
        }
    }
}
