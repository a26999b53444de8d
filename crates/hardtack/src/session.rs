//! Signed session cookies: a session id carried inside a token.
//!
//! A plain session id in a cookie must be looked up in the store to find out it is
//! fake, so a flood of made-up ids becomes a flood of store queries. Here the cookie
//! value is a [`Token`] whose `uid` is the [`SessionId`], signed under the context
//! [`CONTEXT`]: one HMAC (about a microsecond, no I/O) rejects forged, guessed or
//! tampered values before any store lookup, and the token's issue time gives the
//! absolute session timeout without reading the store at all.
//!
//! The id keeps its own job: it is still 192 random bits, the store is still keyed by
//! [`SessionId::storage_key`], and logging out still deletes the stored session. The
//! signature is a cheap first gate, not a replacement for the store.
//!
//! Nothing here allocates: the token is a fixed-size buffer and the id is parsed in
//! place.
//!
//! ```
//! use core::time::Duration;
//! use hardtack::session::SignedSessions;
//! use hardtack::sid::SessionId;
//! use hardtack::token::MasterKey;
//!
//! let key = MasterKey::from_bytes(&[7; 32])?;
//! let sessions = SignedSessions::new(&key, Duration::from_secs(12 * 3600))?;
//!
//! let id = SessionId::generate()?;
//! let token = sessions.issue(&id, 1_700_000_000)?;
//! // `token` is the cookie value: 86 characters of [A-Za-z0-9._-].
//! assert_eq!(token.as_str().len(), 86);
//!
//! let opened = sessions.open(token.as_str(), 1_700_000_060)?;
//! assert_eq!(opened.id(), &id);
//! assert_eq!(opened.issued_at(), 1_700_000_000);
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```

use core::fmt;
use core::time::Duration;

use hardtack_sid::SessionId;
use hardtack_token::{
    KeyError, KeyRing, KeyRingBuilder, MasterKey, SignError, Token, VerifyError, VerifyOptions,
};

/// The token context of session cookies. A token signed for any other purpose
/// (a password-reset link, an API token) under the same master key is refused here,
/// and a session token is refused there.
///
/// ```
/// assert_eq!(hardtack::session::CONTEXT, "session");
/// ```
pub const CONTEXT: &str = "session";

/// Issues and opens signed session cookie values.
///
/// Build one per process at start-up ([`new`](SignedSessions::new) for one key,
/// [`builder`](SignedSessions::builder) during a key rotation) and share it: both
/// operations take `&self`.
///
/// ```
/// use core::time::Duration;
/// use hardtack::session::SignedSessions;
/// use hardtack::token::MasterKey;
///
/// let key = MasterKey::from_bytes(b"an example master key of 32 byte")?;
/// let sessions = SignedSessions::new(&key, Duration::from_secs(3600))?;
/// assert_eq!(sessions.max_age(), Duration::from_secs(3600));
/// // Keys never show up in debug output.
/// assert!(!format!("{sessions:?}").contains("example"));
/// # Ok::<(), hardtack::token::KeyError>(())
/// ```
#[derive(Clone)]
pub struct SignedSessions {
    ring: KeyRing,
    options: VerifyOptions,
}

impl SignedSessions {
    /// Signs and verifies with one master key (key id 0); sessions older than
    /// `max_age` are refused as [`Expired`](VerifyError::Expired): the absolute timeout.
    ///
    /// # Errors
    /// None in practice: the key is already valid and the context is short. The
    /// [`KeyError`] is the key ring's.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::token::MasterKey;
    ///
    /// let key = MasterKey::generate()?;
    /// let sessions = SignedSessions::new(&key, Duration::from_secs(8 * 3600))?;
    /// assert_eq!(sessions.current_kid(), 0);
    /// # Ok::<(), hardtack::token::KeyError>(())
    /// ```
    pub fn new(key: &MasterKey, max_age: Duration) -> Result<Self, KeyError> {
        SignedSessions::builder(max_age).current(0, key).build()
    }

    /// Starts a key ring for a rotation: one current key that signs, and previous
    /// keys that still verify until the sessions they signed have expired.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::MasterKey;
    ///
    /// let (old, new) = (MasterKey::from_bytes(&[1; 32])?, MasterKey::from_bytes(&[2; 32])?);
    /// let before = SignedSessions::new(&old, Duration::from_secs(3600))?;
    /// let after = SignedSessions::builder(Duration::from_secs(3600))
    ///     .current(1, &new)
    ///     .previous(0, &old)
    ///     .build()?;
    ///
    /// let id = SessionId::generate()?;
    /// let cookie = before.issue(&id, 1_000)?;
    /// let opened = after.open(cookie.as_str(), 1_010)?;
    /// // Still accepted, but signed by a retiring key: send a fresh cookie.
    /// assert!(opened.stale_key());
    /// let fresh = after.issue(opened.id(), opened.issued_at())?;
    /// assert!(!after.open(fresh.as_str(), 1_010)?.stale_key());
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn builder(max_age: Duration) -> SignedSessionsBuilder {
        SignedSessionsBuilder {
            ring: KeyRing::builder(CONTEXT),
            options: VerifyOptions::new(max_age),
        }
    }

    /// Replaces the verification options (clock leeway, a global not-before cutoff
    /// for "log everyone out").
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::{MasterKey, VerifyOptions};
    ///
    /// let key = MasterKey::from_bytes(&[3; 32])?;
    /// let sessions = SignedSessions::new(&key, Duration::from_secs(3600))?
    ///     .with_options(VerifyOptions::new(Duration::from_secs(3600)).with_not_before(5_000));
    /// let old = sessions.issue(&SessionId::generate()?, 4_000)?;
    /// assert!(sessions.open(old.as_str(), 5_100).is_err());
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_options(mut self, options: VerifyOptions) -> Self {
        self.options = options;
        self
    }

    /// The absolute session timeout.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::token::MasterKey;
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[0; 32])?, Duration::from_secs(60))?;
    /// assert_eq!(s.max_age().as_secs(), 60);
    /// # Ok::<(), hardtack::token::KeyError>(())
    /// ```
    pub fn max_age(&self) -> Duration {
        self.options.max_age()
    }

    /// The options [`open`](SignedSessions::open) verifies with.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::token::{MasterKey, DEFAULT_LEEWAY};
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[0; 32])?, Duration::from_secs(60))?;
    /// assert_eq!(s.options().leeway(), DEFAULT_LEEWAY);
    /// # Ok::<(), hardtack::token::KeyError>(())
    /// ```
    pub fn options(&self) -> &VerifyOptions {
        &self.options
    }

    /// The key id that signs new session cookies.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::token::MasterKey;
    /// let key = MasterKey::from_bytes(&[0; 32])?;
    /// let s = SignedSessions::builder(Duration::from_secs(60)).current(4, &key).build()?;
    /// assert_eq!(s.current_kid(), 4);
    /// # Ok::<(), hardtack::token::KeyError>(())
    /// ```
    pub fn current_kid(&self) -> u8 {
        self.ring.current_kid()
    }

    /// Signs `id` as a session cookie value issued at `now` (Unix seconds). Use the
    /// time the session was created, also when re-issuing under a new key, so that
    /// the absolute timeout keeps counting from login.
    ///
    /// # Errors
    /// [`SignError::TimeOutOfRange`] if `now` is 2^48 or later. A session id is always
    /// a valid token uid.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::MasterKey;
    ///
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[9; 32])?, Duration::from_secs(60))?;
    /// let id = SessionId::parse("q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf")?;
    /// let token = s.issue(&id, 1_700_000_000)?;
    /// assert!(token.as_str().starts_with("q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf."));
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn issue(&self, id: &SessionId, now: u64) -> Result<Token, SignError> {
        self.ring.sign(id.expose(), now)
    }

    /// Checks a cookie value and returns the session id inside it.
    ///
    /// The order is the point: length and alphabet, then one constant-time HMAC, then
    /// the times, and only then is the id parsed. A caller looks the id up in the
    /// store only after this succeeds.
    ///
    /// # Errors
    /// [`SessionError::Token`] with the token verdict (malformed, bad signature,
    /// unknown key, expired, issued in the future, revoked), or
    /// [`SessionError::NotASessionId`] for an authentic token of this context whose
    /// uid is not a session id.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::{SessionError, SignedSessions};
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::{MasterKey, VerifyError};
    ///
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[9; 32])?, Duration::from_secs(60))?;
    /// // A guessed id is not a signed session: no store lookup needed.
    /// let guess = "q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf";
    /// assert_eq!(s.open(guess, 0), Err(SessionError::Token(VerifyError::Malformed)));
    ///
    /// let token = s.issue(&SessionId::generate()?, 1_000)?;
    /// assert_eq!(
    ///     s.open(token.as_str(), 1_061),
    ///     Err(SessionError::Token(VerifyError::Expired { issued_at: 1_000 }))
    /// );
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn open(&self, cookie_value: &str, now: u64) -> Result<OpenedSession, SessionError> {
        let verified = self
            .ring
            .verify(cookie_value, now, &self.options)
            .map_err(SessionError::Token)?;
        let id = SessionId::parse(verified.uid).map_err(|_| SessionError::NotASessionId)?;
        Ok(OpenedSession {
            id,
            issued_at: verified.issued_at,
            stale_key: verified.stale_key,
        })
    }

    /// Like [`open`](SignedSessions::open), for a cookie value given as bytes (for
    /// example straight from a header).
    ///
    /// # Errors
    /// As [`open`](SignedSessions::open); bytes that are not UTF-8 are
    /// [`VerifyError::Malformed`].
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::{SessionError, SignedSessions};
    /// use hardtack::token::{MasterKey, VerifyError};
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[9; 32])?, Duration::from_secs(60))?;
    /// assert_eq!(s.open_bytes(b"\xff", 0), Err(SessionError::Token(VerifyError::Malformed)));
    /// # Ok::<(), hardtack::token::KeyError>(())
    /// ```
    pub fn open_bytes(&self, cookie_value: &[u8], now: u64) -> Result<OpenedSession, SessionError> {
        match core::str::from_utf8(cookie_value) {
            Ok(value) => self.open(value, now),
            Err(_) => Err(SessionError::Token(VerifyError::Malformed)),
        }
    }

    /// Opens the session cookie called `name` from `pairs` (for example
    /// [`cookie::Pairs`](hardtack_cookie::Pairs) over a `Cookie` header).
    ///
    /// A request can carry several cookies with the same name (set for different
    /// paths or by a sibling domain); the first that opens wins, so a planted
    /// cookie can neither hide a real one nor be taken for one. Each candidate costs
    /// one HMAC, and there are at most as many as pairs in the header.
    ///
    /// # Errors
    /// [`SessionError::Missing`] if no cookie has that name; otherwise the first
    /// authentic refusal (expired, revoked) if a candidate had one, so that the user
    /// can be told the session ended, else the first candidate's error.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::cookie::Pairs;
    /// use hardtack::session::{SessionError, SignedSessions};
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::MasterKey;
    ///
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[9; 32])?, Duration::from_secs(60))?;
    /// let token = s.issue(&SessionId::generate()?, 1_000)?;
    /// let header = format!("__Host-session=planted; theme=dark; __Host-session={token}");
    /// let opened = s.find(Pairs::new(&header), "__Host-session", 1_010)?;
    /// assert_eq!(opened.issued_at(), 1_000);
    /// assert_eq!(s.find(Pairs::new("theme=dark"), "__Host-session", 1_010), Err(SessionError::Missing));
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn find<'h, I>(&self, pairs: I, name: &str, now: u64) -> Result<OpenedSession, SessionError>
    where
        I: IntoIterator<Item = (&'h str, &'h str)>,
    {
        let mut error: Option<SessionError> = None;
        for (_, value) in pairs.into_iter().filter(|(n, _)| *n == name) {
            match self.open(value, now) {
                Ok(opened) => return Ok(opened),
                // An authentic refusal (expired, revoked) says more than a planted
                // cookie's "malformed": keep the first of those if there is one.
                Err(e) if error.is_none_or(|kept| e.is_authentic() && !kept.is_authentic()) => {
                    error = Some(e);
                }
                Err(_) => {}
            }
        }
        Err(error.unwrap_or(SessionError::Missing))
    }

    /// A `Set-Cookie` builder for `token` with the attributes a session cookie needs:
    /// `Path=/`, `Secure`, `HttpOnly`, `SameSite=Lax` and `Max-Age` set to the time
    /// the session has left (measured from `now`), so that the browser forgets the
    /// cookie when the server would refuse it anyway. Name it `__Host-…` so that no
    /// other host or path can set it.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::MasterKey;
    ///
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[9; 32])?, Duration::from_secs(3600))?;
    /// let token = s.issue(&SessionId::generate()?, 1_000)?;
    /// let cookie = s.set_cookie("__Host-session", &token, 1_600).finish()?;
    /// assert_eq!(
    ///     cookie.to_string(),
    ///     format!("__Host-session={token}; Max-Age=3000; Path=/; Secure; HttpOnly; SameSite=Lax")
    /// );
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    #[cfg(feature = "cookie")]
    pub fn set_cookie<'t>(
        &self,
        name: &'t str,
        token: &'t Token,
        now: u64,
    ) -> hardtack_cookie::SetCookieBuilder<'t> {
        // Read the issue time back through the verifier rather than re-implementing
        // the token layout; any age is fine here, it only sizes `Max-Age`.
        let any_age = VerifyOptions::new(Duration::MAX).with_leeway(Duration::MAX);
        let issued_at = self
            .ring
            .verify(token.as_str(), now, &any_age)
            .map_or(now, |v| v.issued_at);
        let ends = issued_at.saturating_add(self.options.max_age().as_secs());
        let left = i64::try_from(ends.saturating_sub(now)).unwrap_or(i64::MAX);
        hardtack_cookie::SetCookie::build(name, token.as_str())
            .max_age(left)
            .path("/")
            .secure(true)
            .http_only(true)
            .same_site(hardtack_cookie::SameSite::Lax)
    }
}

impl fmt::Debug for SignedSessions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `KeyRing`'s own Debug shows key ids only.
        f.debug_struct("SignedSessions")
            .field("ring", &self.ring)
            .field("options", &self.options)
            .finish()
    }
}

/// Collects the keys of a [`SignedSessions`] during a rotation. From
/// [`SignedSessions::builder`]; the context is always [`CONTEXT`].
///
/// ```
/// use core::time::Duration;
/// use hardtack::session::SignedSessions;
/// use hardtack::token::{KeyError, MasterKey};
///
/// let key = MasterKey::from_bytes(&[1; 32])?;
/// let err = SignedSessions::builder(Duration::from_secs(60)).previous(0, &key).build().unwrap_err();
/// assert_eq!(err, KeyError::NoCurrentKey);
/// # Ok::<(), KeyError>(())
/// ```
#[must_use = "a builder does nothing until `build` is called"]
pub struct SignedSessionsBuilder {
    ring: KeyRingBuilder<'static>,
    options: VerifyOptions,
}

impl SignedSessionsBuilder {
    /// The key that signs new cookies (exactly one), with its key id (0 to 15).
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::token::MasterKey;
    /// let key = MasterKey::from_bytes(&[1; 32])?;
    /// let s = SignedSessions::builder(Duration::from_secs(60)).current(2, &key).build()?;
    /// assert_eq!(s.current_kid(), 2);
    /// # Ok::<(), hardtack::token::KeyError>(())
    /// ```
    pub fn current(mut self, kid: u8, key: &MasterKey) -> Self {
        self.ring = self.ring.current(kid, key);
        self
    }

    /// A retiring key that still verifies.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::token::MasterKey;
    /// let (a, b) = (MasterKey::from_bytes(&[1; 32])?, MasterKey::from_bytes(&[2; 32])?);
    /// let s = SignedSessions::builder(Duration::from_secs(60)).current(1, &b).previous(0, &a).build()?;
    /// assert_eq!(s.current_kid(), 1);
    /// # Ok::<(), hardtack::token::KeyError>(())
    /// ```
    pub fn previous(mut self, kid: u8, key: &MasterKey) -> Self {
        self.ring = self.ring.previous(kid, key);
        self
    }

    /// Finishes the key ring.
    ///
    /// # Errors
    /// The key ring's [`KeyError`]: no current key, two current keys, a duplicate or
    /// out-of-range key id.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::token::{KeyError, MasterKey};
    /// let key = MasterKey::from_bytes(&[1; 32])?;
    /// let err = SignedSessions::builder(Duration::from_secs(60)).current(16, &key).build().unwrap_err();
    /// assert_eq!(err, KeyError::KidOutOfRange);
    /// # Ok::<(), KeyError>(())
    /// ```
    pub fn build(self) -> Result<SignedSessions, KeyError> {
        Ok(SignedSessions {
            ring: self.ring.build()?,
            options: self.options,
        })
    }
}

impl fmt::Debug for SignedSessionsBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedSessionsBuilder")
            .field("ring", &self.ring)
            .field("options", &self.options)
            .finish()
    }
}

/// A session cookie that passed [`SignedSessions::open`]: the id to look up, and
/// what the signature vouches for.
///
/// ```
/// use core::time::Duration;
/// use hardtack::session::SignedSessions;
/// use hardtack::sid::SessionId;
/// use hardtack::token::MasterKey;
///
/// let s = SignedSessions::new(&MasterKey::from_bytes(&[5; 32])?, Duration::from_secs(60))?;
/// let id = SessionId::generate()?;
/// let opened = s.open(s.issue(&id, 100)?.as_str(), 110)?;
/// assert_eq!((opened.id(), opened.issued_at(), opened.stale_key()), (&id, 100, false));
/// // The id stays redacted.
/// assert!(!format!("{opened:?}").contains(id.expose()));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct OpenedSession {
    id: SessionId,
    issued_at: u64,
    stale_key: bool,
}

impl OpenedSession {
    /// The session id; look it up by [`SessionId::storage_key`].
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::MasterKey;
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[5; 32])?, Duration::from_secs(60))?;
    /// let id = SessionId::generate()?;
    /// let opened = s.open(s.issue(&id, 100)?.as_str(), 110)?;
    /// assert_eq!(opened.id().storage_key(), id.storage_key());
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn id(&self) -> &SessionId {
        &self.id
    }

    /// Consumes the result, returning the id.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::MasterKey;
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[5; 32])?, Duration::from_secs(60))?;
    /// let id = SessionId::generate()?;
    /// assert_eq!(s.open(s.issue(&id, 100)?.as_str(), 110)?.into_id(), id);
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn into_id(self) -> SessionId {
        self.id
    }

    /// When the cookie was issued (Unix seconds): the session's start, if every
    /// re-issue keeps it.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::MasterKey;
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[5; 32])?, Duration::from_secs(60))?;
    /// let opened = s.open(s.issue(&SessionId::generate()?, 100)?.as_str(), 110)?;
    /// assert_eq!(opened.issued_at(), 100);
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn issued_at(&self) -> u64 {
        self.issued_at
    }

    /// Whether a previous (retiring) key signed the cookie: re-issue it with
    /// [`SignedSessions::issue`] so the old key can be dropped.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack::session::SignedSessions;
    /// use hardtack::sid::SessionId;
    /// use hardtack::token::MasterKey;
    /// let s = SignedSessions::new(&MasterKey::from_bytes(&[5; 32])?, Duration::from_secs(60))?;
    /// let opened = s.open(s.issue(&SessionId::generate()?, 100)?.as_str(), 110)?;
    /// assert!(!opened.stale_key());
    /// # Ok::<(), Box<dyn core::error::Error>>(())
    /// ```
    pub fn stale_key(&self) -> bool {
        self.stale_key
    }
}

impl fmt::Debug for OpenedSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenedSession")
            .field("id", &self.id)
            .field("issued_at", &self.issued_at)
            .field("stale_key", &self.stale_key)
            .finish()
    }
}

/// Why a session cookie was refused. Holds no part of the cookie.
///
/// ```
/// use core::time::Duration;
/// use hardtack::session::{SessionError, SignedSessions};
/// use hardtack::token::{MasterKey, VerifyError};
///
/// let s = SignedSessions::new(&MasterKey::from_bytes(&[5; 32])?, Duration::from_secs(60))?;
/// let err = s.open("garbage", 0).unwrap_err();
/// assert_eq!(err, SessionError::Token(VerifyError::Malformed));
/// assert_eq!(err.to_string(), "session cookie rejected: malformed token");
/// # Ok::<(), hardtack::token::KeyError>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionError {
    /// The token check failed: see [`VerifyError`] (malformed, bad signature, unknown
    /// key, expired, issued in the future, revoked).
    Token(VerifyError),
    /// The token is authentic but its uid is not a session id: something else was
    /// signed under the session context. Treat it as forged.
    NotASessionId,
    /// [`SignedSessions::find`] found no cookie with the name.
    Missing,
}

impl SessionError {
    /// Whether the cookie carried a valid signature (it is only too old, too new or
    /// revoked): worth a "your session expired" page rather than a silent reset.
    ///
    /// ```
    /// use hardtack::session::SessionError;
    /// use hardtack::token::VerifyError;
    /// assert!(SessionError::Token(VerifyError::Expired { issued_at: 1 }).is_authentic());
    /// assert!(!SessionError::Token(VerifyError::BadSignature).is_authentic());
    /// assert!(!SessionError::Missing.is_authentic());
    /// ```
    pub const fn is_authentic(&self) -> bool {
        match self {
            SessionError::Token(e) => e.is_authentic(),
            SessionError::NotASessionId | SessionError::Missing => false,
        }
    }
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::Token(e) => write!(f, "session cookie rejected: {e}"),
            SessionError::NotASessionId => {
                f.write_str("session cookie rejected: signed uid is not a session id")
            }
            SessionError::Missing => f.write_str("no session cookie"),
        }
    }
}

impl core::error::Error for SessionError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            SessionError::Token(e) => Some(e),
            SessionError::NotASessionId | SessionError::Missing => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sessions(max_age: u64) -> SignedSessions {
        match MasterKey::from_bytes(&[0x42; 32])
            .and_then(|k| SignedSessions::new(&k, Duration::from_secs(max_age)))
        {
            Ok(s) => s,
            Err(e) => panic!("test key ring: {e}"),
        }
    }

    fn id(text: &str) -> SessionId {
        match SessionId::parse(text) {
            Ok(id) => id,
            Err(e) => panic!("test id: {e}"),
        }
    }

    const ID: &str = "q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf";

    #[test]
    fn round_trip_keeps_id_and_time() {
        let s = sessions(3600);
        let token = s.issue(&id(ID), 1_700_000_000).ok();
        let opened = token.as_ref().map(|t| s.open(t.as_str(), 1_700_000_500));
        let opened = opened.and_then(Result::ok);
        assert_eq!(opened.as_ref().map(OpenedSession::id), Some(&id(ID)));
        assert_eq!(opened.map(|o| o.issued_at()), Some(1_700_000_000));
    }

    #[test]
    fn every_single_character_change_is_refused() {
        let s = sessions(3600);
        let Ok(token) = s.issue(&id(ID), 1_000) else {
            panic!("sign")
        };
        let text = token.as_str();
        for i in 0..text.len() {
            let mut forged = text.as_bytes().to_vec();
            forged[i] = if forged[i] == b'A' { b'B' } else { b'A' };
            let result = s.open_bytes(&forged, 1_000);
            assert!(result.is_err(), "changed byte {i} was accepted");
            assert!(!result.is_err_and(|e| e.is_authentic()), "byte {i}");
        }
    }

    #[test]
    fn a_token_from_another_context_is_refused() {
        let key = MasterKey::from_bytes(&[0x42; 32]).ok();
        let reset = key.and_then(|k| KeyRing::single("password-reset", &k).ok());
        let token = reset.and_then(|r| r.sign(ID, 1_000).ok());
        let s = sessions(3600);
        assert_eq!(
            token.map(|t| s.open(t.as_str(), 1_000)),
            Some(Err(SessionError::Token(VerifyError::BadSignature)))
        );
    }

    #[test]
    fn an_authentic_token_that_is_not_a_session_id_is_refused() {
        let key = MasterKey::from_bytes(&[0x42; 32]).ok();
        let ring = key.and_then(|k| KeyRing::single(CONTEXT, &k).ok());
        let token = ring.and_then(|r| r.sign("user-17", 1_000).ok());
        let s = sessions(3600);
        assert_eq!(
            token.map(|t| s.open(t.as_str(), 1_000)),
            Some(Err(SessionError::NotASessionId))
        );
    }

    #[test]
    fn expiry_is_the_absolute_timeout() {
        let s = sessions(100);
        let Ok(token) = s.issue(&id(ID), 1_000) else {
            panic!("sign")
        };
        assert!(s.open(token.as_str(), 1_100).is_ok());
        assert_eq!(
            s.open(token.as_str(), 1_101),
            Err(SessionError::Token(VerifyError::Expired {
                issued_at: 1_000
            }))
        );
    }

    #[cfg(feature = "cookie")]
    #[test]
    fn set_cookie_max_age_counts_down_from_issue() {
        let s = sessions(100);
        let Ok(token) = s.issue(&id(ID), 1_000) else {
            panic!("sign")
        };
        for (now, left) in [(1_000, Some(100)), (1_040, Some(60)), (5_000, Some(0))] {
            let c = s.set_cookie("__Host-s", &token, now).finish().ok();
            assert_eq!(c.and_then(|c| c.max_age()), left, "now = {now}");
        }
    }

    #[test]
    fn errors_display_lowercase_without_period() {
        for e in [
            SessionError::Token(VerifyError::BadSignature),
            SessionError::NotASessionId,
            SessionError::Missing,
        ] {
            let m = e.to_string();
            assert!(m.starts_with(|c: char| c.is_ascii_lowercase()) && !m.ends_with('.'));
        }
    }
}
