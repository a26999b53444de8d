//! The request URL as the jar needs it: scheme, host, port, path and query, borrowed.
//!
//! Not a general URL parser: it reads absolute `http`, `https`, `ws` and `wss` URLs that
//! are already in their serialized (percent-encoded, punycoded) form, refuses anything
//! ambiguous, and never allocates.

use core::fmt;

/// Longest host name accepted: 253 bytes of DNS name plus an optional trailing dot.
const MAX_HOST: usize = 254;

/// The URL scheme. Only the schemes that carry cookies are accepted.
///
/// ```
/// use hardtack_cookie::jar::{RequestUrl, Scheme};
/// let url = RequestUrl::parse("wss://chat.example/socket")?;
/// assert_eq!(url.scheme(), Scheme::Wss);
/// assert!(url.scheme().is_secure());
/// # Ok::<(), hardtack_cookie::jar::UrlError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `http`
    Http,
    /// `https`
    Https,
    /// `ws` (the WebSocket handshake carries cookies)
    Ws,
    /// `wss`
    Wss,
}

impl Scheme {
    /// Whether the scheme runs over TLS, which `Secure` cookies require.
    ///
    /// ```
    /// use hardtack_cookie::jar::Scheme;
    /// assert!(Scheme::Https.is_secure() && !Scheme::Http.is_secure());
    /// ```
    pub const fn is_secure(self) -> bool {
        matches!(self, Scheme::Https | Scheme::Wss)
    }

    /// The scheme in lower case, without `:`.
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::jar::Scheme::Ws.as_str(), "ws");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
            Scheme::Ws => "ws",
            Scheme::Wss => "wss",
        }
    }

    fn recognise(s: &str) -> Option<Scheme> {
        [Scheme::Http, Scheme::Https, Scheme::Ws, Scheme::Wss]
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of host a URL names. IP literals only ever get host-only cookies.
///
/// ```
/// use hardtack_cookie::jar::{HostKind, RequestUrl};
/// assert_eq!(RequestUrl::parse("http://10.0.0.1/")?.host_kind(), HostKind::Ipv4);
/// assert_eq!(RequestUrl::parse("http://[::1]:8080/")?.host_kind(), HostKind::Ipv6);
/// assert_eq!(RequestUrl::parse("http://example.com/")?.host_kind(), HostKind::Name);
/// # Ok::<(), hardtack_cookie::jar::UrlError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HostKind {
    /// A DNS name (ASCII; IDNs must arrive as punycode A-labels).
    Name,
    /// A dotted-quad IPv4 address.
    Ipv4,
    /// A bracketed IPv6 address such as `[::1]`.
    Ipv6,
}

/// Why [`RequestUrl::parse`] refused a URL.
///
/// ```
/// use hardtack_cookie::jar::{RequestUrl, UrlError};
/// assert_eq!(RequestUrl::parse("ftp://example.com/").unwrap_err(), UrlError::UnsupportedScheme);
/// assert_eq!(RequestUrl::parse("http://exa mple.com/").unwrap_err().to_string(),
///            "invalid character in URL");
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UrlError {
    /// The URL is not absolute (`scheme://host...`).
    NotAbsolute,
    /// The scheme is not `http`, `https`, `ws` or `wss`.
    UnsupportedScheme,
    /// A control character, space, backslash or non-ASCII byte. Serialize the URL
    /// (percent-encoding, punycode) before handing it to the jar.
    InvalidCharacter,
    /// The host is empty.
    EmptyHost,
    /// The host is not a DNS name, a dotted-quad IPv4 address or a bracketed IPv6
    /// address (for example `a..b`, `0x7f.0.0.1`, `1.2.3` or `256.0.0.1`).
    InvalidHost,
    /// The host is longer than 254 bytes.
    HostTooLong,
    /// The port is not a number from 0 to 65535.
    InvalidPort,
    /// A path given to [`RequestUrl::from_parts`] does not start with `/`.
    InvalidPath,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UrlError::NotAbsolute => "not an absolute URL",
            UrlError::UnsupportedScheme => "unsupported URL scheme (not http, https, ws or wss)",
            UrlError::InvalidCharacter => "invalid character in URL",
            UrlError::EmptyHost => "empty host",
            UrlError::InvalidHost => "invalid host",
            UrlError::HostTooLong => "host longer than 254 bytes",
            UrlError::InvalidPort => "invalid port",
            UrlError::InvalidPath => "path does not start with '/'",
        })
    }
}

impl core::error::Error for UrlError {}

/// The URL of a request, as the cookie jar needs it. Borrows from its input.
///
/// The host keeps the case it was written in; the jar compares it ASCII
/// case-insensitively, which is the canonicalisation RFC 6265bis §5.1.2 asks for on
/// ASCII hosts. Internationalised names must already be punycode (`xn--...`): a
/// non-ASCII host is refused rather than guessed at.
///
/// ```
/// use hardtack_cookie::jar::{RequestUrl, Scheme};
/// let url = RequestUrl::parse("https://User@WWW.Example.com:8443/a/b?q=1#frag")?;
/// assert_eq!(url.scheme(), Scheme::Https);
/// assert_eq!(url.host(), "WWW.Example.com");
/// assert_eq!(url.port(), Some(8443));
/// assert_eq!(url.path(), "/a/b");
/// assert_eq!(url.query(), Some("q=1"));
/// # Ok::<(), hardtack_cookie::jar::UrlError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RequestUrl<'a> {
    scheme: Scheme,
    host: &'a str,
    host_kind: HostKind,
    port: Option<u16>,
    path: &'a str,
    query: Option<&'a str>,
}

impl<'a> RequestUrl<'a> {
    /// Parses an absolute URL such as `https://example.com/path?query`.
    ///
    /// User information (`user:pass@`) is skipped, the fragment is dropped, an empty
    /// path becomes `/`. Nothing is decoded: the path is compared byte for byte, as
    /// RFC 6265bis §5.1.4 path-matching does.
    ///
    /// # Errors
    /// A [`UrlError`] when the URL is not an absolute http(s)/ws(s) URL with a valid
    /// host.
    ///
    /// ```
    /// use hardtack_cookie::jar::{RequestUrl, UrlError};
    /// assert_eq!(RequestUrl::parse("http://example.com")?.path(), "/");
    /// assert_eq!(RequestUrl::parse("/relative").unwrap_err(), UrlError::NotAbsolute);
    /// assert_eq!(RequestUrl::parse("http://a..b/").unwrap_err(), UrlError::InvalidHost);
    /// # Ok::<(), UrlError>(())
    /// ```
    pub fn parse(url: &'a str) -> Result<RequestUrl<'a>, UrlError> {
        if url
            .bytes()
            .any(|b| !(0x21..0x7f).contains(&b) || b == b'\\')
        {
            return Err(UrlError::InvalidCharacter);
        }
        let (scheme, rest) = url.split_once("://").ok_or(UrlError::NotAbsolute)?;
        if scheme.is_empty() || !scheme.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(UrlError::NotAbsolute);
        }
        let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, path_and_query) = rest.split_at(authority_end);
        // Userinfo never reaches the server as a host; the last `@` ends it.
        let host_port = authority
            .rsplit_once('@')
            .map_or(authority, |(_, host)| host);
        let (host, port) = split_port(host_port)?;
        Self::build(scheme, host, port, path_and_query)
    }

    /// Builds the URL from parts a client already has (for example from `http::Uri` or
    /// `url::Url`): the scheme, the host (IPv6 in brackets), the port and the
    /// path-and-query (empty, or starting with `/`).
    ///
    /// # Errors
    /// As [`parse`](RequestUrl::parse), plus [`UrlError::InvalidPath`].
    ///
    /// ```
    /// use hardtack_cookie::jar::RequestUrl;
    /// let url = RequestUrl::from_parts("https", "example.com", None, "/cart?id=7")?;
    /// assert_eq!((url.path(), url.query()), ("/cart", Some("id=7")));
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub fn from_parts(
        scheme: &'a str,
        host: &'a str,
        port: Option<u16>,
        path_and_query: &'a str,
    ) -> Result<RequestUrl<'a>, UrlError> {
        let bad = |s: &str| s.bytes().any(|b| !(0x21..0x7f).contains(&b) || b == b'\\');
        if bad(scheme) || bad(host) || bad(path_and_query) {
            return Err(UrlError::InvalidCharacter);
        }
        let path_and_query = path_and_query
            .split_once('#')
            .map_or(path_and_query, |(before, _)| before);
        if !path_and_query.is_empty() && !path_and_query.starts_with(['/', '?']) {
            return Err(UrlError::InvalidPath);
        }
        Self::build(scheme, host, port, path_and_query)
    }

    fn build(
        scheme: &'a str,
        host: &'a str,
        port: Option<u16>,
        path_and_query: &'a str,
    ) -> Result<RequestUrl<'a>, UrlError> {
        let scheme = Scheme::recognise(scheme).ok_or(UrlError::UnsupportedScheme)?;
        let host_kind = classify_host(host)?;
        let (path, query) = match path_and_query.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path_and_query, None),
        };
        Ok(RequestUrl {
            scheme,
            host,
            host_kind,
            port,
            path: if path.is_empty() { "/" } else { path },
            query,
        })
    }

    /// The scheme.
    ///
    /// ```
    /// use hardtack_cookie::jar::{RequestUrl, Scheme};
    /// assert_eq!(RequestUrl::parse("HTTP://a.example/")?.scheme(), Scheme::Http);
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub const fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The host as written (IPv6 with its brackets). Compare it case-insensitively.
    ///
    /// ```
    /// use hardtack_cookie::jar::RequestUrl;
    /// assert_eq!(RequestUrl::parse("http://[::1]/")?.host(), "[::1]");
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub const fn host(&self) -> &'a str {
        self.host
    }

    /// Whether the host is a name or an IP literal.
    ///
    /// ```
    /// use hardtack_cookie::jar::{HostKind, RequestUrl};
    /// assert_eq!(RequestUrl::parse("http://127.0.0.1/")?.host_kind(), HostKind::Ipv4);
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub const fn host_kind(&self) -> HostKind {
        self.host_kind
    }

    /// The explicit port, if any. Cookies ignore ports (RFC 6265bis §8.5).
    ///
    /// ```
    /// use hardtack_cookie::jar::RequestUrl;
    /// assert_eq!(RequestUrl::parse("http://a.example:8888/")?.port(), Some(8888));
    /// assert_eq!(RequestUrl::parse("http://a.example/")?.port(), None);
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub const fn port(&self) -> Option<u16> {
        self.port
    }

    /// The path, percent-encoded as given, never empty.
    ///
    /// ```
    /// use hardtack_cookie::jar::RequestUrl;
    /// assert_eq!(RequestUrl::parse("http://a.example/f%6Fo?x")?.path(), "/f%6Fo");
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub const fn path(&self) -> &'a str {
        self.path
    }

    /// The query without `?`, if there is one.
    ///
    /// ```
    /// use hardtack_cookie::jar::RequestUrl;
    /// assert_eq!(RequestUrl::parse("http://a.example/?")?.query(), Some(""));
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub const fn query(&self) -> Option<&'a str> {
        self.query
    }

    /// Whether `Secure` cookies may be set by and sent to this URL: the scheme is
    /// `https` or `wss`, or the host is loopback (`localhost`, `*.localhost`,
    /// `127.0.0.0/8`, `[::1]`), which browsers treat as a secure context.
    ///
    /// ```
    /// use hardtack_cookie::jar::RequestUrl;
    /// assert!(RequestUrl::parse("https://example.com/")?.is_secure());
    /// assert!(RequestUrl::parse("http://localhost:3000/")?.is_secure());
    /// assert!(!RequestUrl::parse("http://example.com/")?.is_secure());
    /// # Ok::<(), hardtack_cookie::jar::UrlError>(())
    /// ```
    pub fn is_secure(&self) -> bool {
        self.scheme.is_secure() || self.is_loopback()
    }

    fn is_loopback(&self) -> bool {
        let h = self.host.strip_suffix('.').unwrap_or(self.host).as_bytes();
        match self.host_kind {
            HostKind::Ipv4 => h.starts_with(b"127."),
            HostKind::Ipv6 => h == b"[::1]" || h == b"[0:0:0:0:0:0:0:1]",
            HostKind::Name => {
                let tail = b".localhost";
                h.eq_ignore_ascii_case(&tail[1..])
                    || (h.len() > tail.len()
                        && h.get(h.len() - tail.len()..)
                            .is_some_and(|t| t.eq_ignore_ascii_case(tail)))
            }
        }
    }
}

/// Splits `host[:port]`, minding the colons inside `[IPv6]`.
fn split_port(host_port: &str) -> Result<(&str, Option<u16>), UrlError> {
    let colon = if host_port.starts_with('[') {
        match host_port.find(']') {
            Some(end) => match host_port.get(end + 1..) {
                Some("") => None,
                Some(after) if after.starts_with(':') => Some(end + 1),
                _ => return Err(UrlError::InvalidHost),
            },
            None => return Err(UrlError::InvalidHost),
        }
    } else {
        host_port.rfind(':')
    };
    let Some(colon) = colon else {
        return Ok((host_port, None));
    };
    let (host, port) = (&host_port[..colon], &host_port[colon + 1..]);
    if port.is_empty() {
        // `http://host:/` is valid and means the default port.
        return Ok((host, None));
    }
    if port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(UrlError::InvalidPort);
    }
    let n = port.bytes().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    u16::try_from(n)
        .map(|p| (host, Some(p)))
        .map_err(|_| UrlError::InvalidPort)
}

/// Classifies a host, refusing anything that is neither a clean DNS name nor a
/// canonical IP literal. WHATWG URL parsing reads a host whose last label is numeric
/// as IPv4 (`1.2.3` means `1.2.0.3`); rather than reproduce that, such forms are refused.
pub(crate) fn classify_host(host: &str) -> Result<HostKind, UrlError> {
    let b = host.as_bytes();
    if b.is_empty() {
        return Err(UrlError::EmptyHost);
    }
    if b.len() > MAX_HOST {
        return Err(UrlError::HostTooLong);
    }
    if let Some(inner) = host.strip_prefix('[') {
        let inner = inner.strip_suffix(']').ok_or(UrlError::InvalidHost)?;
        let ok = inner.len() >= 2
            && inner.bytes().filter(|&c| c == b':').count() >= 2
            && inner
                .bytes()
                .all(|c| c.is_ascii_hexdigit() || c == b':' || c == b'.');
        return if ok {
            Ok(HostKind::Ipv6)
        } else {
            Err(UrlError::InvalidHost)
        };
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.is_empty()
        || !name.split('.').all(|l| {
            !l.is_empty()
                && l.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        })
    {
        return Err(UrlError::InvalidHost);
    }
    let last = name.rsplit('.').next().unwrap_or(name);
    let numeric = last.bytes().all(|c| c.is_ascii_digit());
    let hex = last.len() > 2 && last.as_bytes()[..2].eq_ignore_ascii_case(b"0x");
    if !numeric && !hex {
        return Ok(HostKind::Name);
    }
    if name.len() == host.len() && is_dotted_quad(name) {
        Ok(HostKind::Ipv4)
    } else {
        Err(UrlError::InvalidHost)
    }
}

/// Exactly four decimal octets, no leading zeros.
fn is_dotted_quad(s: &str) -> bool {
    let mut parts = 0;
    for p in s.split('.') {
        parts += 1;
        let ok = !p.is_empty()
            && p.len() <= 3
            && p.bytes().all(|c| c.is_ascii_digit())
            && (p.len() == 1 || !p.starts_with('0'))
            && p.bytes().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')) <= 255;
        if !ok {
            return false;
        }
    }
    parts == 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        let cases: &[(&str, Result<HostKind, UrlError>)] = &[
            ("example.com", Ok(HostKind::Name)),
            ("EXAMPLE.com.", Ok(HostKind::Name)),
            ("under_score.example", Ok(HostKind::Name)),
            ("xn--caf-dma.example", Ok(HostKind::Name)),
            ("1.2.3.4", Ok(HostKind::Ipv4)),
            ("255.255.255.255", Ok(HostKind::Ipv4)),
            ("[::1]", Ok(HostKind::Ipv6)),
            ("[2001:db8::7]", Ok(HostKind::Ipv6)),
            ("[::ffff:1.2.3.4]", Ok(HostKind::Ipv6)),
            ("", Err(UrlError::EmptyHost)),
            (".", Err(UrlError::InvalidHost)),
            (".example.com", Err(UrlError::InvalidHost)),
            ("a..b", Err(UrlError::InvalidHost)),
            ("1.2.3", Err(UrlError::InvalidHost)),
            ("1.2.3.4.", Err(UrlError::InvalidHost)),
            ("01.2.3.4", Err(UrlError::InvalidHost)),
            ("256.0.0.1", Err(UrlError::InvalidHost)),
            ("0x7f.0.0.1", Err(UrlError::InvalidHost)),
            ("example.0x10", Err(UrlError::InvalidHost)),
            ("a.b.c.d.e.5", Err(UrlError::InvalidHost)),
            ("[::1", Err(UrlError::InvalidHost)),
            ("[1]", Err(UrlError::InvalidHost)),
            ("[::g]", Err(UrlError::InvalidHost)),
            ("exa%6dple.com", Err(UrlError::InvalidHost)),
        ];
        for (host, want) in cases {
            assert_eq!(classify_host(host), *want, "{host}");
        }
        let long = "a.".repeat(127) + "a";
        assert_eq!(long.len(), 255);
        assert_eq!(classify_host(&long), Err(UrlError::HostTooLong));
        assert_eq!(classify_host(&long[2..]), Ok(HostKind::Name));
    }

    #[test]
    fn urls() {
        let u = RequestUrl::parse("http://[::1]:80/x").unwrap();
        assert_eq!((u.host(), u.port(), u.path()), ("[::1]", Some(80), "/x"));
        let u = RequestUrl::parse("http://h.example?x/y").unwrap();
        assert_eq!((u.path(), u.query()), ("/", Some("x/y")));
        let u = RequestUrl::parse("http://a:b@h.example:/p#f?g").unwrap();
        assert_eq!(
            (u.host(), u.port(), u.path(), u.query()),
            ("h.example", None, "/p", None)
        );
        for (bad, err) in [
            ("http//example.com/", UrlError::NotAbsolute),
            ("://example.com/", UrlError::NotAbsolute),
            ("h+t://example.com/", UrlError::NotAbsolute),
            ("file:///etc/passwd", UrlError::UnsupportedScheme),
            ("http:///p", UrlError::EmptyHost),
            ("http://example.com:65536/", UrlError::InvalidPort),
            ("http://example.com:8o/", UrlError::InvalidPort),
            ("http://[::1]x/", UrlError::InvalidHost),
            ("http://example.com/a b", UrlError::InvalidCharacter),
            (
                "http://example.com\\@evil.example/",
                UrlError::InvalidCharacter,
            ),
            ("http://exämple.com/", UrlError::InvalidCharacter),
        ] {
            assert_eq!(RequestUrl::parse(bad), Err(err), "{bad}");
        }
        assert_eq!(
            RequestUrl::from_parts("https", "a.example", None, "p"),
            Err(UrlError::InvalidPath)
        );
    }

    #[test]
    fn loopback_is_secure() {
        for s in [
            "http://localhost/",
            "http://LOCALHOST./",
            "http://a.localhost/",
            "http://127.9.0.1/",
            "http://[::1]/",
        ] {
            assert!(RequestUrl::parse(s).unwrap().is_secure(), "{s}");
        }
        for s in [
            "http://localhost.example/",
            "http://xlocalhost/",
            "http://128.0.0.1/",
            "http://[::2]/",
        ] {
            assert!(!RequestUrl::parse(s).unwrap().is_secure(), "{s}");
        }
    }
}
