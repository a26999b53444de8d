//! Everything a request handler needs, built once at start-up and shared.

use core::time::Duration;

use hardtack::session::SignedSessions;
use hardtack::sid::Lifetime;
use hardtack::token::{KeyError, KeyRing, MasterKey, VerifyOptions};

use crate::store::Store;

/// The token context of remember-me cookies: a remember token is refused as a session
/// cookie and the other way round, although one master key signs both.
pub(crate) const REMEMBER_CONTEXT: &str = "demo/remember";

#[derive(Debug)]
pub(crate) struct App {
    /// Session cookies: the session id signed under the context `"session"`; the
    /// token's age limit is the absolute timeout.
    pub(crate) sessions: SignedSessions,
    pub(crate) remember: KeyRing,
    pub(crate) remember_options: VerifyOptions,
    pub(crate) remember_for: Duration,
    pub(crate) lifetime: Lifetime,
    pub(crate) store: Store,
}

impl App {
    pub(crate) fn new(
        key: &MasterKey,
        lifetime: Lifetime,
        remember_for: Duration,
    ) -> Result<App, KeyError> {
        // A remember-me token must not outlive its cookie, nor the cookie its token.
        let remember_options = VerifyOptions::new(remember_for);
        Ok(App {
            sessions: SignedSessions::new(key, Duration::from_secs(lifetime.absolute()))?,
            remember: KeyRing::single(REMEMBER_CONTEXT, key)?,
            remember_options,
            remember_for,
            lifetime,
            store: Store::new(lifetime),
        })
    }
}
