//! The in-memory session store: sessions by storage key, and per-user revocation
//! cutoffs for remember-me tokens.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use hardtack::sid::{Lifetime, StorageKey};

/// Past this many sessions, an insert first drops the expired ones, so a flood of
/// logins cannot grow the map without bound while sessions keep expiring.
const PRUNE_ABOVE: usize = 10_000;

/// What the server keeps about a session. The id itself is not here: the map is
/// keyed by its SHA-256, so a dump of the store yields no cookie value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Session {
    pub(crate) uid: &'static str,
    pub(crate) created: u64,
    pub(crate) last_seen: u64,
}

#[derive(Debug, Default)]
struct Inner {
    sessions: HashMap<StorageKey, Session>,
    /// Remember-me tokens issued before this second are refused (set at logout).
    revoked_before: HashMap<&'static str, u64>,
}

#[derive(Debug)]
pub(crate) struct Store {
    inner: Mutex<Inner>,
    lifetime: Lifetime,
}

impl Store {
    pub(crate) fn new(lifetime: Lifetime) -> Store {
        Store {
            inner: Mutex::new(Inner::default()),
            lifetime,
        }
    }

    /// A panic elsewhere while holding the lock leaves the maps consistent (every
    /// operation is one map call), so a poisoned lock is still usable.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn get(&self, key: &StorageKey) -> Option<Session> {
        self.lock().sessions.get(key).copied()
    }

    pub(crate) fn insert(&self, key: StorageKey, session: Session, now: u64) {
        let mut inner = self.lock();
        if inner.sessions.len() >= PRUNE_ABOVE {
            let lifetime = self.lifetime;
            inner
                .sessions
                .retain(|_, s| lifetime.check(s.created, s.last_seen, now).is_live());
        }
        inner.sessions.insert(key, session);
    }

    pub(crate) fn remove(&self, key: &StorageKey) -> Option<Session> {
        self.lock().sessions.remove(key)
    }

    /// Records activity: the session's `last_seen` becomes `now`.
    pub(crate) fn touch(&self, key: &StorageKey, now: u64) {
        if let Some(s) = self.lock().sessions.get_mut(key) {
            s.last_seen = now;
        }
    }

    /// Refuses every remember-me token of `uid` issued before `now`.
    pub(crate) fn revoke_remember(&self, uid: &'static str, now: u64) {
        let mut inner = self.lock();
        let cutoff = inner.revoked_before.entry(uid).or_insert(0);
        *cutoff = (*cutoff).max(now);
    }

    /// The cutoff for `uid`'s remember-me tokens (0: none).
    pub(crate) fn remember_cutoff(&self, uid: &str) -> u64 {
        self.lock().revoked_before.get(uid).copied().unwrap_or(0)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.lock().sessions.len()
    }
}

#[cfg(test)]
mod tests {
    use core::num::NonZeroU64;

    use hardtack::sid::SessionId;

    use super::*;

    fn store() -> Store {
        let ten = NonZeroU64::new(10).unwrap_or(NonZeroU64::MIN);
        Store::new(Lifetime::new(ten, ten))
    }

    fn key() -> StorageKey {
        match SessionId::generate() {
            Ok(id) => id.storage_key(),
            Err(e) => panic!("os rng: {e}"),
        }
    }

    #[test]
    fn insert_get_touch_remove() {
        let s = store();
        let k = key();
        let session = Session {
            uid: "alice",
            created: 100,
            last_seen: 100,
        };
        s.insert(k, session, 100);
        s.touch(&k, 105);
        assert_eq!(s.get(&k).map(|x| x.last_seen), Some(105));
        assert_eq!(s.remove(&k).map(|x| x.created), Some(100));
        assert_eq!(s.get(&k), None);
    }

    #[test]
    fn a_full_store_drops_expired_sessions_first() {
        let s = store();
        for i in 0..PRUNE_ABOVE as u64 {
            // Every other session is long dead by t = 1000.
            let t = if i % 2 == 0 { 0 } else { 995 };
            let session = Session {
                uid: "bob",
                created: t,
                last_seen: t,
            };
            s.insert(key(), session, t);
        }
        let fresh = Session {
            uid: "bob",
            created: 1_000,
            last_seen: 1_000,
        };
        s.insert(key(), fresh, 1_000);
        assert_eq!(s.len(), PRUNE_ABOVE / 2 + 1);
    }

    #[test]
    fn revocation_cutoffs_only_move_forward() {
        let s = store();
        assert_eq!(s.remember_cutoff("alice"), 0);
        s.revoke_remember("alice", 50);
        s.revoke_remember("alice", 40);
        assert_eq!(s.remember_cutoff("alice"), 50);
        assert_eq!(s.remember_cutoff("bob"), 0);
    }
}
