//! Idle, absolute and renewal timeouts as one pure function of three times.

use core::num::NonZeroU64;

/// How long a session may live: an idle timeout, an absolute timeout and a
/// renewal rule.
///
/// Times are plain `u64`s supplied by the caller, all in one unit of their
/// choice (Unix seconds in the examples); nothing here reads a clock, so the
/// policy is pure, allocation-free and trivially testable. Arithmetic
/// saturates instead of overflowing.
///
/// * **Idle timeout** — a session unused for `idle` is dead. "Unused" is
///   measured from `last_seen`, the last activity the server *recorded*.
/// * **Absolute timeout** — a session older than `absolute` is dead however
///   active it is, forcing a fresh login. Measured from `created`, the
///   moment the session was established (login; rotating the id at login
///   does not restart it later).
/// * **Renewal** — once `renew_after` has passed since `last_seen`, an
///   active session should be refreshed: store `now` as its `last_seen` and
///   re-send the cookie with [`max_age`](Self::max_age). Between renewals
///   requests need no store write and no `Set-Cookie`. The default
///   `renew_after` is half the idle timeout, so a user's effective idle
///   timeout lies between `idle / 2` and `idle`; `renew_after(0)` refreshes
///   on every request (the classic "touch on each access").
///
/// **Boundaries.** A timeout is reached *at* its deadline: with `idle =
/// 1800` and `last_seen = 0`, the session is valid at 1799 and expired at
/// 1800. Likewise `Renew` starts exactly at `last_seen + renew_after`.
/// A `now` earlier than `last_seen` or `created` (a clock stepping back)
/// counts as zero elapsed time.
///
/// ```
/// use core::num::NonZeroU64;
/// use hardtack_sid::{Lifetime, Status};
///
/// const THIRTY_MINUTES: NonZeroU64 = NonZeroU64::new(30 * 60).unwrap();
/// const TWELVE_HOURS: NonZeroU64 = NonZeroU64::new(12 * 60 * 60).unwrap();
/// const POLICY: Lifetime = Lifetime::new(THIRTY_MINUTES, TWELVE_HOURS);
///
/// let (created, last_seen) = (1_000_000, 1_000_000);
/// assert_eq!(POLICY.check(created, last_seen, created + 60), Status::Valid);
/// assert_eq!(POLICY.check(created, last_seen, created + 15 * 60), Status::Renew);
/// assert_eq!(POLICY.check(created, last_seen, created + 30 * 60), Status::IdleExpired);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Lifetime {
    idle: NonZeroU64,
    absolute: NonZeroU64,
    renew_after: u64,
}

/// What to do with a session, as decided by [`Lifetime::check`].
///
/// ```
/// use hardtack_sid::Status;
///
/// assert!(Status::Renew.is_live());
/// assert!(!Status::IdleExpired.is_live());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Live; nothing to write back.
    Valid,
    /// Live, but due for renewal: record `now` as the last-seen time and
    /// re-send the cookie with [`Lifetime::max_age`].
    Renew,
    /// Unused for the whole idle timeout: delete it and start a new session
    /// with a fresh id.
    IdleExpired,
    /// Older than the absolute timeout: delete it and require a new login.
    /// Reported in preference to [`IdleExpired`](Self::IdleExpired) when
    /// both apply.
    AbsoluteExpired,
}

impl Status {
    /// Whether the session may still be used (`Valid` or `Renew`).
    ///
    /// ```
    /// use hardtack_sid::Status;
    ///
    /// assert!(Status::Valid.is_live());
    /// assert!(!Status::AbsoluteExpired.is_live());
    /// ```
    #[must_use]
    pub const fn is_live(self) -> bool {
        matches!(self, Self::Valid | Self::Renew)
    }
}

impl Lifetime {
    /// A policy with the given idle and absolute timeouts, renewing after
    /// half the idle timeout. Zero timeouts are unrepresentable; pass
    /// `NonZeroU64::MAX` for "no absolute timeout" (not recommended by
    /// OWASP).
    ///
    /// ```
    /// use core::num::NonZeroU64;
    /// use hardtack_sid::Lifetime;
    ///
    /// let idle = NonZeroU64::new(1800).unwrap();
    /// let absolute = NonZeroU64::new(8 * 3600).unwrap();
    /// let policy = Lifetime::new(idle, absolute);
    /// assert_eq!(policy.renew_after_elapsed(), 900);
    /// ```
    #[must_use]
    pub const fn new(idle: NonZeroU64, absolute: NonZeroU64) -> Self {
        Self {
            idle,
            absolute,
            renew_after: idle.get() / 2,
        }
    }

    /// Replaces the renewal threshold: renew once `elapsed` has passed since
    /// `last_seen`. `0` renews on every request; a value at or above the idle
    /// timeout never renews.
    ///
    /// ```
    /// use core::num::NonZeroU64;
    /// use hardtack_sid::{Lifetime, Status};
    ///
    /// let hour = NonZeroU64::new(3600).unwrap();
    /// let touch_always = Lifetime::new(hour, hour).renew_after(0);
    /// assert_eq!(touch_always.check(0, 0, 0), Status::Renew);
    /// ```
    #[must_use]
    pub const fn renew_after(self, elapsed: u64) -> Self {
        Self {
            renew_after: elapsed,
            ..self
        }
    }

    /// The idle timeout.
    ///
    /// ```
    /// use core::num::NonZeroU64;
    /// use hardtack_sid::Lifetime;
    ///
    /// let t = NonZeroU64::new(60).unwrap();
    /// assert_eq!(Lifetime::new(t, t).idle(), 60);
    /// ```
    #[must_use]
    pub const fn idle(&self) -> u64 {
        self.idle.get()
    }

    /// The absolute timeout.
    ///
    /// ```
    /// use core::num::NonZeroU64;
    /// use hardtack_sid::Lifetime;
    ///
    /// let (idle, absolute) = (NonZeroU64::new(60).unwrap(), NonZeroU64::new(600).unwrap());
    /// assert_eq!(Lifetime::new(idle, absolute).absolute(), 600);
    /// ```
    #[must_use]
    pub const fn absolute(&self) -> u64 {
        self.absolute.get()
    }

    /// The renewal threshold, measured from `last_seen`.
    ///
    /// ```
    /// use core::num::NonZeroU64;
    /// use hardtack_sid::Lifetime;
    ///
    /// let t = NonZeroU64::new(60).unwrap();
    /// assert_eq!(Lifetime::new(t, t).renew_after(45).renew_after_elapsed(), 45);
    /// ```
    #[must_use]
    pub const fn renew_after_elapsed(&self) -> u64 {
        self.renew_after
    }

    /// Classifies a session from the time it was `created`, the time its
    /// activity was last recorded (`last_seen`) and the current time `now`.
    ///
    /// ```
    /// use core::num::NonZeroU64;
    /// use hardtack_sid::{Lifetime, Status};
    ///
    /// let policy = Lifetime::new(NonZeroU64::new(100).unwrap(), NonZeroU64::new(1000).unwrap());
    /// // Active all along, but past the absolute timeout.
    /// assert_eq!(policy.check(0, 990, 1000), Status::AbsoluteExpired);
    /// // Idle exactly for the idle timeout.
    /// assert_eq!(policy.check(0, 500, 600), Status::IdleExpired);
    /// assert_eq!(policy.check(0, 500, 599), Status::Renew);
    /// assert_eq!(policy.check(0, 500, 549), Status::Valid);
    /// ```
    #[must_use]
    pub const fn check(&self, created: u64, last_seen: u64, now: u64) -> Status {
        let age = now.saturating_sub(created);
        let idle_for = now.saturating_sub(last_seen);
        if age >= self.absolute.get() {
            Status::AbsoluteExpired
        } else if idle_for >= self.idle.get() {
            Status::IdleExpired
        } else if idle_for >= self.renew_after {
            Status::Renew
        } else {
            Status::Valid
        }
    }

    /// The `Max-Age` for a cookie (re-)issued at `now`: the idle timeout,
    /// cut short so the cookie never outlives the absolute deadline. `0`
    /// once the absolute timeout has passed.
    ///
    /// ```
    /// use core::num::NonZeroU64;
    /// use hardtack_sid::Lifetime;
    ///
    /// let policy = Lifetime::new(NonZeroU64::new(1800).unwrap(), NonZeroU64::new(3600).unwrap());
    /// assert_eq!(policy.max_age(0, 0), 1800);
    /// assert_eq!(policy.max_age(0, 3000), 600);
    /// assert_eq!(policy.max_age(0, 4000), 0);
    /// ```
    #[must_use]
    pub const fn max_age(&self, created: u64, now: u64) -> u64 {
        // Measured like `check` measures age, so `max_age` is zero exactly
        // when `check` reports `AbsoluteExpired`.
        let left = self
            .absolute
            .get()
            .saturating_sub(now.saturating_sub(created));
        if left < self.idle.get() {
            left
        } else {
            self.idle.get()
        }
    }
}
