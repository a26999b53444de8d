//! The jar's limits and policy knobs.

/// Size limits and policy of a [`Jar`](super::Jar).
///
/// The limits bound memory: a cookie holds at most 4096 bytes of name and value, a
/// 1024-byte path and a 254-byte domain, so with the defaults a jar never holds more
/// than about 3000 × 5.5 KB ≈ 16.5 MB, whatever the servers send.
///
/// ```
/// use hardtack_cookie::jar::Config;
/// let config = Config::new().max_cookies(500).max_cookies_per_domain(50);
/// assert_eq!((config.cookies_limit(), config.cookies_per_domain_limit()), (500, 50));
/// assert!(Config::default().is_lax_by_default());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Config {
    max_total: usize,
    max_per_domain: usize,
    lax_by_default: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

impl Config {
    /// The defaults: 3000 cookies in total (the minimum RFC 6265bis §6.1 asks for, and
    /// Go's limit), 180 per domain (Chromium), and `Lax` for cookies without a valid
    /// `SameSite` attribute.
    ///
    /// ```
    /// use hardtack_cookie::jar::Config;
    /// assert_eq!(Config::new().cookies_limit(), 3000);
    /// assert_eq!(Config::new().cookies_per_domain_limit(), 180);
    /// ```
    pub const fn new() -> Self {
        Config {
            max_total: 3000,
            max_per_domain: 180,
            lax_by_default: true,
        }
    }

    /// Sets the most cookies the jar holds (at least 1). When a new cookie goes over
    /// it, the jar drops expired cookies, then the least recently used ones until it
    /// is back to 90% of the limit, so that a flood costs amortised constant time.
    ///
    /// ```
    /// use hardtack_cookie::jar::Config;
    /// assert_eq!(Config::new().max_cookies(0).cookies_limit(), 1);
    /// ```
    #[must_use]
    pub const fn max_cookies(mut self, n: usize) -> Self {
        self.max_total = if n == 0 { 1 } else { n };
        self
    }

    /// Sets the most cookies that share one domain (at least 1). Going over evicts
    /// that domain's expired cookies, then its non-`Secure` ones, then its `Secure`
    /// ones, least recently used first (RFC 6265bis §5.7).
    ///
    /// ```
    /// use hardtack_cookie::jar::Config;
    /// assert_eq!(Config::new().max_cookies_per_domain(10).cookies_per_domain_limit(), 10);
    /// ```
    #[must_use]
    pub const fn max_cookies_per_domain(mut self, n: usize) -> Self {
        self.max_per_domain = if n == 0 { 1 } else { n };
        self
    }

    /// Whether a cookie without a valid `SameSite` attribute ("Default" enforcement)
    /// is treated as `Lax` on cross-site requests (true, as Chromium and RFC 6265bis
    /// §5.8.3 do) or as `None` (false, as Firefox and Safari do).
    ///
    /// ```
    /// use hardtack_cookie::jar::Config;
    /// assert!(!Config::new().lax_by_default(false).is_lax_by_default());
    /// ```
    #[must_use]
    pub const fn lax_by_default(mut self, on: bool) -> Self {
        self.lax_by_default = on;
        self
    }

    /// The total limit.
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::jar::Config::new().cookies_limit(), 3000);
    /// ```
    pub const fn cookies_limit(&self) -> usize {
        self.max_total
    }

    /// The per-domain limit.
    ///
    /// ```
    /// assert_eq!(hardtack_cookie::jar::Config::new().cookies_per_domain_limit(), 180);
    /// ```
    pub const fn cookies_per_domain_limit(&self) -> usize {
        self.max_per_domain
    }

    /// Whether "Default" `SameSite` enforcement means `Lax`.
    ///
    /// ```
    /// assert!(hardtack_cookie::jar::Config::new().is_lax_by_default());
    /// ```
    pub const fn is_lax_by_default(&self) -> bool {
        self.lax_by_default
    }

    /// Where a total purge stops: 90% of the limit.
    pub(crate) const fn purge_target(&self) -> usize {
        self.max_total - self.max_total / 10
    }
}
