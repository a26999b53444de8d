//! Where a request comes from: the two facts about it that RFC 6265bis needs beyond
//! its URL.

/// How the request relates to the site the user is on (RFC 6265bis §5.2), which decides
/// whether `SameSite` cookies are stored and sent.
///
/// A crawler or API client that follows its own links makes same-site requests;
/// browsers and browser-like test harnesses pick the value per request.
///
/// ```
/// use hardtack_cookie::jar::{Context, Site};
/// let ctx = Context::http().with_site(Site::CrossSiteNavigation);
/// assert_eq!(ctx.site(), Site::CrossSiteNavigation);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Site {
    /// The request is same-site (the usual case outside browsers).
    #[default]
    SameSite,
    /// A cross-site top-level navigation with a safe method (`GET`, `HEAD`): `Lax`
    /// cookies are sent, `Strict` ones are not.
    CrossSiteNavigation,
    /// A cross-site top-level navigation with an unsafe method (`POST`): only
    /// `SameSite=None` cookies are sent, but the response may still set any cookie.
    CrossSiteUnsafeNavigation,
    /// Any other cross-site request (subresource, `fetch`): only `SameSite=None`
    /// cookies are sent or stored.
    CrossSite,
}

impl Site {
    pub(crate) const fn is_top_level_navigation(self) -> bool {
        matches!(
            self,
            Site::CrossSiteNavigation | Site::CrossSiteUnsafeNavigation
        )
    }
}

/// The context of a store or retrieval: whether it goes through HTTP (a response's
/// `Set-Cookie`, a request's `Cookie`) or a "non-HTTP" API such as a script's
/// `document.cookie`, and the request's [`Site`].
///
/// `HttpOnly` cookies are invisible to non-HTTP APIs, which also may not set them or
/// overwrite them.
///
/// ```
/// use hardtack_cookie::jar::{Context, Site};
/// assert_eq!(Context::default(), Context::http());
/// assert!(Context::http().is_http());
/// assert!(!Context::non_http().is_http());
/// assert_eq!(Context::http().site(), Site::SameSite);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Context {
    http: bool,
    site: Site,
}

impl Default for Context {
    fn default() -> Self {
        Context::http()
    }
}

impl Context {
    /// A same-site HTTP request: what an HTTP client, crawler or proxy makes.
    ///
    /// ```
    /// assert!(hardtack_cookie::jar::Context::http().is_http());
    /// ```
    pub const fn http() -> Self {
        Context {
            http: true,
            site: Site::SameSite,
        }
    }

    /// A same-site non-HTTP API (a script reading or writing cookies).
    ///
    /// ```
    /// assert!(!hardtack_cookie::jar::Context::non_http().is_http());
    /// ```
    pub const fn non_http() -> Self {
        Context {
            http: false,
            site: Site::SameSite,
        }
    }

    /// The same context with another [`Site`].
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, Site};
    /// assert_eq!(Context::http().with_site(Site::CrossSite).site(), Site::CrossSite);
    /// ```
    #[must_use]
    pub const fn with_site(self, site: Site) -> Self {
        Context { site, ..self }
    }

    /// Whether this is the HTTP API.
    ///
    /// ```
    /// assert!(hardtack_cookie::jar::Context::default().is_http());
    /// ```
    pub const fn is_http(&self) -> bool {
        self.http
    }

    /// The request's relation to the current site.
    ///
    /// ```
    /// use hardtack_cookie::jar::{Context, Site};
    /// assert_eq!(Context::non_http().site(), Site::SameSite);
    /// ```
    pub const fn site(&self) -> Site {
        self.site
    }
}
