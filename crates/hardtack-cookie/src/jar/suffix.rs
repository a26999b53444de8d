//! Public suffixes: the domains nobody may set a cookie for (RFC 6265bis §5.7 step 6).

/// A public suffix list: decides whether a domain is a suffix under which unrelated
/// parties register names (`com`, `co.uk`, `github.io`), so that no site can set a
/// cookie for all of them.
///
/// The jar calls it with a lower-case ASCII domain without a leading dot (it may end
/// with a dot). Implementations are [`FixedSuffixes`] (a list you give, for tests and
/// closed networks), `PslSuffixes` (the full Mozilla list, feature `psl`) and
/// [`NoSuffixes`].
///
/// ```
/// use hardtack_cookie::jar::{FixedSuffixes, PublicSuffixes};
/// struct OnlyCom;
/// impl PublicSuffixes for OnlyCom {
///     fn is_public_suffix(&self, domain: &str) -> bool {
///         domain == "com"
///     }
/// }
/// assert!(OnlyCom.is_public_suffix("com"));
/// assert!(!OnlyCom.is_public_suffix("example.com"));
/// ```
pub trait PublicSuffixes {
    /// Whether `domain` is a public suffix.
    ///
    /// ```
    /// use hardtack_cookie::jar::{FixedSuffixes, PublicSuffixes};
    /// assert!(FixedSuffixes(&["co.uk"]).is_public_suffix("co.uk"));
    /// ```
    fn is_public_suffix(&self, domain: &str) -> bool;
}

impl<T: PublicSuffixes + ?Sized> PublicSuffixes for &T {
    fn is_public_suffix(&self, domain: &str) -> bool {
        (**self).is_public_suffix(domain)
    }
}

/// A fixed list of public suffixes, compared whole and ASCII case-insensitively (a
/// trailing dot on the domain is ignored). Wildcard and exception rules are not
/// supported: list each suffix.
///
/// ```
/// use hardtack_cookie::jar::{FixedSuffixes, PublicSuffixes};
/// let list = FixedSuffixes(&["org", "com"]);
/// assert!(list.is_public_suffix("org") && list.is_public_suffix("com."));
/// assert!(!list.is_public_suffix("example.org"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedSuffixes<'a>(pub &'a [&'a str]);

impl PublicSuffixes for FixedSuffixes<'_> {
    fn is_public_suffix(&self, domain: &str) -> bool {
        let d = domain.strip_suffix('.').unwrap_or(domain);
        self.0.iter().any(|s| s.eq_ignore_ascii_case(d))
    }
}

/// No public suffixes at all: any site may set a cookie for `com`.
///
/// Only for closed networks and tests; a jar that talks to the Internet needs a real
/// list (`PslSuffixes`), or one site can plant cookies on every other.
///
/// ```
/// use hardtack_cookie::jar::{NoSuffixes, PublicSuffixes};
/// assert!(!NoSuffixes.is_public_suffix("com"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoSuffixes;

impl PublicSuffixes for NoSuffixes {
    fn is_public_suffix(&self, _: &str) -> bool {
        false
    }
}

/// Mozilla's Public Suffix List, compiled in by the `psl` crate (feature `psl`),
/// including its private section (`github.io`, `blogspot.com`, ...).
///
/// A single label that the list does not know (`localhost`, `internal`) counts as a
/// public suffix too (the list's implicit `*` rule), so `Domain=internal` is refused
/// unless the host is exactly `internal`, in which case the cookie becomes host-only.
///
/// ```
/// use hardtack_cookie::jar::{PslSuffixes, PublicSuffixes};
/// assert!(PslSuffixes.is_public_suffix("co.uk"));
/// assert!(PslSuffixes.is_public_suffix("github.io"));
/// assert!(!PslSuffixes.is_public_suffix("example.co.uk"));
/// ```
#[cfg(feature = "psl")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PslSuffixes;

#[cfg(feature = "psl")]
impl PublicSuffixes for PslSuffixes {
    fn is_public_suffix(&self, domain: &str) -> bool {
        use psl::Psl as _;
        psl::List
            .suffix(domain.as_bytes())
            .is_some_and(|s| s.as_bytes().len() == domain.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed() {
        let l = FixedSuffixes(&["org", "co.uk"]);
        assert!(l.is_public_suffix("ORG"));
        assert!(l.is_public_suffix("co.uk."));
        assert!(!l.is_public_suffix("uk"));
        assert!(!l.is_public_suffix(""));
        fn through_ref<P: PublicSuffixes>(p: P) -> bool {
            p.is_public_suffix("org")
        }
        let by_ref: &dyn PublicSuffixes = &l;
        assert!(through_ref(by_ref));
    }

    #[cfg(feature = "psl")]
    #[test]
    fn psl_list() {
        for (d, want) in [
            ("com", true),
            ("com.", true),
            ("example.com", false),
            ("co.uk", true),
            ("bbc.co.uk", false),
            ("localhost", true),
            ("s3.amazonaws.com", true),
            ("amazonaws.com", false),
        ] {
            assert_eq!(PslSuffixes.is_public_suffix(d), want, "{d}");
        }
    }
}
