//! Issuing and opening a signed session cookie must not touch the heap (counted by
//! the workspace's counting allocator, `alloc-count`, on this thread only).
#![cfg(all(feature = "token", feature = "sid"))]

use std::time::Duration;

use hardtack::cookie::Pairs;
use hardtack::session::SignedSessions;
use hardtack::sid::SessionId;
use hardtack::token::MasterKey;

#[test]
fn issue_open_and_find_do_not_allocate() {
    let key = MasterKey::from_bytes(&[0x5a; 32]).expect("32-byte key");
    let sessions = SignedSessions::new(&key, Duration::from_secs(3600)).expect("key ring");
    let id = SessionId::parse("q9Hs0vC4-uJ_x2ZNa8RwLmT1bE5yKdPf").expect("well-formed id");
    let token = sessions.issue(&id, 1_000).expect("sign");
    let header = format!("theme=dark; sid=forged; sid={token}");
    let mut tampered = token.as_str().to_owned();
    tampered.replace_range(..1, "A");

    let run = || {
        let t = sessions.issue(&id, 1_000).expect("sign");
        let opened = sessions.open(t.as_str(), 1_010).expect("open");
        assert!(opened.id() == &id);
        assert!(sessions.open(&tampered, 1_010).is_err());
        assert!(sessions.open("garbage", 1_010).is_err());
        assert!(sessions.open(t.as_str(), 9_999).is_err());
        let found = sessions
            .find(Pairs::new(&header), "sid", 1_010)
            .expect("find");
        assert_eq!(found.issued_at(), 1_000);
    };
    run(); // warm up lazily initialised state (CPU feature detection, …)

    let (allocated, ()) = alloc_count::count(|| {
        for _ in 0..100 {
            run();
        }
    });
    assert_eq!(allocated, 0, "the session hot path allocated");
    let (allocated, _) = alloc_count::count(|| std::hint::black_box(header.clone()));
    assert_eq!(allocated, 1, "the counter counts");
}
