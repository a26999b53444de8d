//! Verification: [`VerifyOptions`], [`Verified`], [`VerifyError`].

use core::fmt;
use core::time::Duration;

use crate::b64;
use crate::key::KeyRing;
use crate::token::{MAX_MAC_INPUT, mac_input, valid_uid};
use crate::{MAX_TOKEN_LEN, MIN_TOKEN_LEN, SIGN_LEN, TIME_LEN, VERSION};

/// Default allowance for clocks that run ahead: 60 seconds.
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// use core::time::Duration;
/// use hardtack_token::{VerifyError, VerifyOptions, DEFAULT_LEEWAY};
/// let opts = VerifyOptions::new(Duration::from_secs(3600));
/// assert_eq!(opts.leeway(), DEFAULT_LEEWAY);
/// // Issued 60 s after `now` (another server's clock runs ahead): still accepted.
/// let token = ring.sign("u", 1_060).unwrap();
/// assert!(ring.verify(token.as_str(), 1_000, &opts).is_ok());
/// let token = ring.sign("u", 1_061).unwrap();
/// assert_eq!(ring.verify(token.as_str(), 1_000, &opts).unwrap_err(), VerifyError::NotYetValid { issued_at: 1_061 });
/// ```
pub const DEFAULT_LEEWAY: Duration = Duration::from_secs(60);

/// Time rules for [`KeyRing::verify`]. There is no default `max_age`: every use chooses one.
///
/// Durations count whole seconds (sub-second parts are ignored).
///
/// ```
/// use core::time::Duration;
/// use hardtack_token::VerifyOptions;
///
/// let opts = VerifyOptions::new(Duration::from_secs(30 * 24 * 3600))
///     .with_leeway(Duration::from_secs(5))
///     .with_not_before(1_700_000_000); // e.g. "log out everywhere" at this time
/// assert_eq!(opts.max_age(), Duration::from_secs(30 * 24 * 3600));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyOptions {
    max_age: u64,
    leeway: u64,
    not_before: Option<u64>,
}

impl VerifyOptions {
    /// Accept tokens at most `max_age` old (an age equal to `max_age` is still valid), with the
    /// default 60 s leeway for tokens from the future and no revocation cutoff.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// use core::time::Duration;
    /// use hardtack_token::{VerifyError, VerifyOptions};
    /// let opts = VerifyOptions::new(Duration::from_secs(3600));
    /// let token = ring.sign("u", 1_000).unwrap();
    /// // An age equal to max_age is valid; one second more is not.
    /// assert!(ring.verify(token.as_str(), 4_600, &opts).is_ok());
    /// assert_eq!(ring.verify(token.as_str(), 4_601, &opts).unwrap_err(), VerifyError::Expired { issued_at: 1_000 });
    /// assert_eq!(opts.not_before(), None);
    /// ```
    pub const fn new(max_age: Duration) -> Self {
        VerifyOptions {
            max_age: max_age.as_secs(),
            leeway: DEFAULT_LEEWAY.as_secs(),
            not_before: None,
        }
    }

    /// How far in the future an issue time may be (clock skew between servers). Default 60 s.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// use core::time::Duration;
    /// use hardtack_token::VerifyOptions;
    /// let strict = VerifyOptions::new(Duration::from_secs(3600)).with_leeway(Duration::ZERO);
    /// let token = ring.sign("u", 1_001).unwrap();
    /// assert!(ring.verify(token.as_str(), 1_000, &strict).is_err());
    /// assert!(ring.verify(token.as_str(), 1_001, &strict).is_ok());
    /// ```
    #[must_use]
    pub const fn with_leeway(mut self, leeway: Duration) -> Self {
        self.leeway = leeway.as_secs();
        self
    }

    /// Reject tokens issued before `cutoff` (Unix seconds) as [`VerifyError::Revoked`]. For a
    /// per-user cutoff (password change, "log out everywhere"), which you can only look up
    /// once you know the uid, use [`Verified::check_not_before`] instead.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// use core::time::Duration;
    /// use hardtack_token::{VerifyError, VerifyOptions};
    /// // Every token issued before 2_000 is revoked (say, after a key leak).
    /// let opts = VerifyOptions::new(Duration::from_secs(3600)).with_not_before(2_000);
    /// let old = ring.sign("u", 1_999).unwrap();
    /// let new = ring.sign("u", 2_000).unwrap();
    /// assert_eq!(ring.verify(old.as_str(), 2_100, &opts).unwrap_err(), VerifyError::Revoked { issued_at: 1_999 });
    /// assert!(ring.verify(new.as_str(), 2_100, &opts).is_ok());
    /// ```
    #[must_use]
    pub const fn with_not_before(mut self, cutoff: u64) -> Self {
        self.not_before = Some(cutoff);
        self
    }

    /// The maximum age.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack_token::VerifyOptions;
    /// // Whole seconds: the sub-second part is dropped.
    /// assert_eq!(VerifyOptions::new(Duration::from_millis(90_500)).max_age(), Duration::from_secs(90));
    /// ```
    pub const fn max_age(&self) -> Duration {
        Duration::from_secs(self.max_age)
    }

    /// The leeway.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack_token::{VerifyOptions, DEFAULT_LEEWAY};
    /// let opts = VerifyOptions::new(Duration::from_secs(60));
    /// assert_eq!(opts.leeway(), DEFAULT_LEEWAY);
    /// assert_eq!(opts.with_leeway(Duration::from_secs(5)).leeway(), Duration::from_secs(5));
    /// ```
    pub const fn leeway(&self) -> Duration {
        Duration::from_secs(self.leeway)
    }

    /// The revocation cutoff, if any.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack_token::VerifyOptions;
    /// let opts = VerifyOptions::new(Duration::from_secs(60));
    /// assert_eq!(opts.not_before(), None);
    /// assert_eq!(opts.with_not_before(1_700_000_000).not_before(), Some(1_700_000_000));
    /// ```
    pub const fn not_before(&self) -> Option<u64> {
        self.not_before
    }
}

/// An authentic, unexpired token.
///
/// ```
/// use core::time::Duration;
/// use hardtack_token::{KeyRing, MasterKey, VerifyOptions};
/// let (old, new) = (MasterKey::from_bytes(&[1u8; 32]).unwrap(), MasterKey::from_bytes(&[2u8; 32]).unwrap());
/// let token = KeyRing::single("ctx", &old).unwrap().sign("user-7", 5_000).unwrap();
/// let ring = KeyRing::builder("ctx").current(1, &new).previous(0, &old).build().unwrap();
/// let v = ring.verify(token.as_str(), 5_010, &VerifyOptions::new(Duration::from_secs(60))).unwrap();
/// assert_eq!((v.uid, v.issued_at, v.kid, v.stale_key), ("user-7", 5_000, 0, true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Verified<'a> {
    /// The uid, borrowed from the token.
    pub uid: &'a str,
    /// The issue time, Unix seconds.
    pub issued_at: u64,
    /// The key id the token was signed with.
    pub kid: u8,
    /// True when `kid` is not the ring's current key: re-issue the token (key rotation).
    pub stale_key: bool,
}

impl Verified<'_> {
    /// A second revocation check once the uid is known: [`VerifyError::Revoked`] if the token
    /// was issued before `cutoff` (for example this user's last password change). A token
    /// issued in the cutoff second itself stays valid.
    ///
    /// # Errors
    ///
    /// [`VerifyError::Revoked`].
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// use core::time::Duration;
    /// use hardtack_token::{VerifyError, VerifyOptions};
    /// let token = ring.sign("user-7", 1_000).unwrap();
    /// let v = ring.verify(token.as_str(), 1_010, &VerifyOptions::new(Duration::from_secs(60))).unwrap();
    /// // This user changed their password at 1_005: tokens from before are void.
    /// assert_eq!(v.check_not_before(1_005).unwrap_err(), VerifyError::Revoked { issued_at: 1_000 });
    /// assert!(v.check_not_before(1_000).is_ok());
    /// ```
    pub fn check_not_before(&self, cutoff: u64) -> Result<(), VerifyError> {
        if self.issued_at < cutoff {
            Err(VerifyError::Revoked {
                issued_at: self.issued_at,
            })
        } else {
            Ok(())
        }
    }
}

/// Why a token was rejected.
///
/// `Display` strings are constant and never contain token bytes. Map every variant to one
/// answer for the client (for example a 401 or a fresh login); the variants are for logs and
/// metrics. Only the last three carry data, and only data the MAC vouched for.
///
/// ```
/// use hardtack_token::{KeyRing, MasterKey};
/// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
/// use core::time::Duration;
/// use hardtack_token::{VerifyError, VerifyOptions};
/// let opts = VerifyOptions::new(Duration::from_secs(60));
/// assert_eq!(ring.verify("not a token", 0, &opts).unwrap_err(), VerifyError::Malformed);
/// let token = ring.sign("user-7", 1_000).unwrap();
/// let forged = token.as_str().replace("user-7", "user-8");
/// assert_eq!(ring.verify(&forged, 1_000, &opts).unwrap_err(), VerifyError::BadSignature);
/// // The message is constant: no token bytes in logs.
/// let err = ring.verify(token.as_str(), 9_999, &opts).unwrap_err();
/// assert_eq!(err.to_string(), "token expired");
/// let _: &dyn std::error::Error = &err;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// Not a v1 token: wrong length, dots, alphabet or encoding.
    Malformed,
    /// A version other than 1 in the header byte.
    UnsupportedVersion,
    /// The key id has no key in this ring (other keys are never tried).
    UnknownKey,
    /// The MAC does not match: forged, corrupted, or made for another context or key.
    BadSignature,
    /// Authentic, but older than `max_age`.
    Expired {
        /// The authenticated issue time.
        issued_at: u64,
    },
    /// Authentic, but issued more than the leeway after `now`.
    NotYetValid {
        /// The authenticated issue time.
        issued_at: u64,
    },
    /// Authentic, but issued before the revocation cutoff.
    Revoked {
        /// The authenticated issue time.
        issued_at: u64,
    },
}

impl VerifyError {
    /// True when the MAC was valid (the token was made by a holder of the key) and the token
    /// was refused only for its time: `Expired`, `NotYetValid` or `Revoked`. False for forged
    /// or broken tokens.
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// use core::time::Duration;
    /// use hardtack_token::VerifyOptions;
    /// let opts = VerifyOptions::new(Duration::from_secs(60));
    /// let token = ring.sign("user-7", 1_000).unwrap();
    /// assert!(ring.verify(token.as_str(), 5_000, &opts).unwrap_err().is_authentic()); // expired
    /// let tampered = token.as_str().replacen("user-7", "user-0", 1);
    /// assert!(!ring.verify(&tampered, 1_000, &opts).unwrap_err().is_authentic());
    /// ```
    pub const fn is_authentic(&self) -> bool {
        matches!(
            self,
            VerifyError::Expired { .. }
                | VerifyError::NotYetValid { .. }
                | VerifyError::Revoked { .. }
        )
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            VerifyError::Malformed => "malformed token",
            VerifyError::UnsupportedVersion => "unsupported token version",
            VerifyError::UnknownKey => "token key id not in the key ring",
            VerifyError::BadSignature => "bad token signature",
            VerifyError::Expired { .. } => "token expired",
            VerifyError::NotYetValid { .. } => "token issued in the future",
            VerifyError::Revoked { .. } => "token revoked",
        })
    }
}

impl core::error::Error for VerifyError {}

impl KeyRing {
    /// Verifies `token` at time `now` (Unix seconds). No heap; exactly one HMAC, whatever the
    /// number of keys in the ring.
    ///
    /// The order of checks: length (55 to 118 bytes); structure `uid.time.sign` with segment
    /// lengths and alphabet; strict decoding of time and sign; version; key id; the MAC,
    /// compared in constant time; only then the time rules (`NotYetValid`, `Expired`,
    /// `Revoked`), with overflow-free arithmetic.
    ///
    /// ```
    /// use core::time::Duration;
    /// use hardtack_token::{KeyRing, MasterKey, VerifyError, VerifyOptions};
    ///
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// let token = ring.sign("user-12345", 1_000_000).unwrap();
    /// let opts = VerifyOptions::new(Duration::from_secs(3600));
    ///
    /// let ok = ring.verify(token.as_str(), 1_000_100, &opts).unwrap();
    /// assert_eq!((ok.uid, ok.issued_at, ok.stale_key), ("user-12345", 1_000_000, false));
    ///
    /// let late = ring.verify(token.as_str(), 1_003_601, &opts).unwrap_err();
    /// assert_eq!(late, VerifyError::Expired { issued_at: 1_000_000 });
    /// assert!(late.is_authentic());
    /// ```
    ///
    /// # Errors
    ///
    /// See [`VerifyError`].
    #[inline]
    pub fn verify<'a>(
        &self,
        token: &'a str,
        now: u64,
        opts: &VerifyOptions,
    ) -> Result<Verified<'a>, VerifyError> {
        let (uid_len, issued_at, kid) = self.check(token.as_bytes(), now, opts)?;
        Ok(Verified {
            // `check` accepted only ASCII in the uid, so `uid_len` is a char boundary.
            uid: token.get(..uid_len).ok_or(VerifyError::Malformed)?,
            issued_at,
            kid,
            stale_key: kid != self.current,
        })
    }

    /// [`verify`](KeyRing::verify) for raw bytes, such as a header value that may not be UTF-8.
    ///
    /// # Errors
    ///
    /// See [`VerifyError`].
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// use core::time::Duration;
    /// use hardtack_token::{VerifyError, VerifyOptions};
    /// let opts = VerifyOptions::new(Duration::from_secs(60));
    /// let token = ring.sign("user-7", 1_000).unwrap();
    /// // A header value as raw bytes, not yet known to be UTF-8.
    /// let header: &[u8] = token.as_bytes();
    /// assert_eq!(ring.verify_bytes(header, 1_000, &opts).unwrap().uid, "user-7");
    /// assert_eq!(ring.verify_bytes(b"\xff\xfe", 1_000, &opts).unwrap_err(), VerifyError::Malformed);
    /// ```
    #[inline]
    pub fn verify_bytes<'a>(
        &self,
        token: &'a [u8],
        now: u64,
        opts: &VerifyOptions,
    ) -> Result<Verified<'a>, VerifyError> {
        let (uid_len, issued_at, kid) = self.check(token, now, opts)?;
        Ok(Verified {
            uid: core::str::from_utf8(&token[..uid_len]).map_err(|_| VerifyError::Malformed)?,
            issued_at,
            kid,
            stale_key: kid != self.current,
        })
    }

    /// [`verify`](KeyRing::verify) at the current system time (a clock before 1970 counts
    /// as time 0).
    ///
    /// # Errors
    ///
    /// See [`VerifyError`].
    ///
    /// ```
    /// use hardtack_token::{KeyRing, MasterKey};
    /// let ring = KeyRing::single("myapp/remember-me", &MasterKey::from_bytes(&[9u8; 32]).unwrap()).unwrap();
    /// use core::time::Duration;
    /// use hardtack_token::{VerifyError, VerifyOptions};
    /// let opts = VerifyOptions::new(Duration::from_secs(3600));
    /// let fresh = ring.sign_now("user-7").unwrap();
    /// assert_eq!(ring.verify_now(fresh.as_str(), &opts).unwrap().uid, "user-7");
    /// let ancient = ring.sign("user-7", 1_000).unwrap();
    /// assert!(matches!(ring.verify_now(ancient.as_str(), &opts), Err(VerifyError::Expired { .. })));
    /// ```
    #[cfg(feature = "std")]
    pub fn verify_now<'a>(
        &self,
        token: &'a str,
        opts: &VerifyOptions,
    ) -> Result<Verified<'a>, VerifyError> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.verify(token, now, opts)
    }

    /// Steps 1 to 6; returns (uid length, issued_at, kid).
    #[inline(always)]
    fn check(
        &self,
        t: &[u8],
        now: u64,
        opts: &VerifyOptions,
    ) -> Result<(usize, u64, u8), VerifyError> {
        // 1. Length gate, before anything else.
        let len = t.len();
        if !(MIN_TOKEN_LEN..=MAX_TOKEN_LEN).contains(&len) {
            return Err(VerifyError::Malformed);
        }

        // 2. Structure: uid "." time(8) "." sign(44). The segments sit at fixed offsets from
        //    the end; the uid, time and sign alphabets exclude ".", so this accepts exactly
        //    the strings with two dots and the right segment lengths.
        let uid_len = len - (TIME_LEN + SIGN_LEN + 2);
        let (uid, rest) = t.split_at(uid_len);
        let Some(([dot1], rest)) = rest.split_first_chunk::<1>() else {
            return Err(VerifyError::Malformed);
        };
        let Some((time_seg, rest)) = rest.split_first_chunk::<TIME_LEN>() else {
            return Err(VerifyError::Malformed);
        };
        let Some(([dot2], sign_seg)) = rest.split_first_chunk::<1>() else {
            return Err(VerifyError::Malformed);
        };
        let Ok(sign_seg) = <&[u8; SIGN_LEN]>::try_from(sign_seg) else {
            return Err(VerifyError::Malformed);
        };
        if (*dot1 != b'.') | (*dot2 != b'.') || !valid_uid(uid) {
            return Err(VerifyError::Malformed);
        }

        // 3. Strict decoding into stack arrays.
        let mut time6 = [0u8; 6];
        let mut sign = [0u8; 33];
        let time_ok = b64::decode_fixed(time_seg, &mut time6);
        if !(time_ok & b64::decode_fixed(sign_seg, &mut sign)) {
            return Err(VerifyError::Malformed);
        }

        // 4. Header: version, then key id. Never fall back to another key.
        let hdr = sign[0];
        if hdr >> 4 != VERSION {
            return Err(VerifyError::UnsupportedVersion);
        }
        let kid = hdr & 0x0F;
        let Some(key) = self.slot(kid) else {
            return Err(VerifyError::UnknownKey);
        };

        // 5. One HMAC from the precomputed state; constant-time compare of all 32 bytes.
        let mut msg = [0u8; MAX_MAC_INPUT];
        let msg_len = mac_input(&mut msg, hdr, uid, &time6);
        let Some((_, tag)) = sign.split_last_chunk::<32>() else {
            return Err(VerifyError::Malformed);
        };
        if !key.verify_prefix(&msg[..msg_len], tag) {
            return Err(VerifyError::BadSignature);
        }

        // 6. Time, only now that the MAC is valid. No overflow is possible.
        let issued_at = u64::from_be_bytes([
            0, 0, time6[0], time6[1], time6[2], time6[3], time6[4], time6[5],
        ]);
        if issued_at > now.saturating_add(opts.leeway) {
            return Err(VerifyError::NotYetValid { issued_at });
        }
        if now.saturating_sub(issued_at) > opts.max_age {
            return Err(VerifyError::Expired { issued_at });
        }
        if let Some(cutoff) = opts.not_before
            && issued_at < cutoff
        {
            return Err(VerifyError::Revoked { issued_at });
        }
        Ok((uid_len, issued_at, kid))
    }
}
