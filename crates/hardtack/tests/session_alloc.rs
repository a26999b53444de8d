//! Issuing and opening a signed session cookie must not touch the heap.
#![cfg(all(feature = "token", feature = "sid"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::Duration;

use hardtack::cookie::Pairs;
use hardtack::session::SignedSessions;
use hardtack::sid::SessionId;
use hardtack::token::MasterKey;

struct Counting;

thread_local! {
    // Only the measuring thread's allocations count: the test harness's own threads
    // allocate now and then.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    ALLOCATIONS.with(|n| n.set(n.get() + 1));
}

// SAFETY: every method forwards its arguments unchanged to `System`, which upholds
// the `GlobalAlloc` contract; the counter has no effect on the memory returned.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

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

    let before = ALLOCATIONS.with(Cell::get);
    for _ in 0..100 {
        run();
    }
    let after = ALLOCATIONS.with(Cell::get);
    assert_eq!(after - before, 0, "the session hot path allocated");
}
