//! The demo's fixed accounts.

/// A demo account: the uid that goes into tokens and the name shown on pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct User {
    pub(crate) uid: &'static str,
    pub(crate) name: &'static str,
    password: &'static str,
}

/// Built in so that `cargo run` works on a fresh machine with no set-up. The
/// passwords are on the login page: they protect nothing.
const USERS: [User; 2] = [
    User {
        uid: "alice",
        name: "Alice",
        password: "wonderland",
    },
    User {
        uid: "bob",
        name: "Bob",
        password: "builder",
    },
];

/// The user with this uid (from a verified token or a stored session).
pub(crate) fn by_uid(uid: &str) -> Option<User> {
    USERS.iter().copied().find(|u| u.uid == uid)
}

/// The user whose name and password match. Every account's password is compared,
/// without stopping early, so the time taken does not tell which part was wrong.
pub(crate) fn authenticate(uid: &str, password: &str) -> Option<User> {
    let mut found = None;
    for user in USERS {
        let name_ok = same(user.uid.as_bytes(), uid.as_bytes());
        let password_ok = same(user.password.as_bytes(), password.as_bytes());
        if name_ok & password_ok {
            found = Some(user);
        }
    }
    found
}

/// Whether `a == b`, looking at every byte of the shorter input whatever it holds.
fn same(a: &[u8], b: &[u8]) -> bool {
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    diff == 0 && a.len() == b.len()
}

/// The accounts, for the login page.
pub(crate) fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    USERS.iter().map(|u| (u.uid, u.password))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_right_pair_authenticates() {
        assert_eq!(
            authenticate("alice", "wonderland").map(|u| u.name),
            Some("Alice")
        );
        assert_eq!(authenticate("bob", "builder").map(|u| u.name), Some("Bob"));
        for (uid, password) in [
            ("alice", "builder"),
            ("alice", "wonderlan"),
            ("alice", "wonderlandx"),
            ("alic", "wonderland"),
            ("", ""),
            ("carol", "wonderland"),
        ] {
            assert_eq!(authenticate(uid, password), None, "{uid}/{password}");
        }
    }

    #[test]
    fn lookup_by_uid() {
        assert_eq!(by_uid("bob").map(|u| u.name), Some("Bob"));
        assert_eq!(by_uid("Bob"), None);
    }
}
