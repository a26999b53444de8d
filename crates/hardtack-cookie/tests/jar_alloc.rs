//! Producing a `Cookie` header from a warm jar into a reused buffer allocates nothing.
//! The counting allocator counts the measuring thread only, and only inside the measured section.
#![cfg(feature = "jar")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use hardtack_cookie::jar::{Context, FixedSuffixes, Jar, RequestUrl};
use time::OffsetDateTime;

struct Counting;

thread_local! {
    // Only the measuring thread's allocations count: the test harness's own threads
    // allocate now and then.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    if COUNTING.with(Cell::get) {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
    }
}

// SAFETY: forwards to the system allocator unchanged; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn cookie_header_from_a_warm_jar_does_not_allocate() {
    let now = OffsetDateTime::UNIX_EPOCH;
    let mut jar = Jar::new(FixedSuffixes(&["com"]));
    // 1,000 cookies over 100 domains, as in the benchmark the issue describes.
    for d in 0..100 {
        let host = format!("https://www.site{d}.com/a/b");
        let u = RequestUrl::parse(&host).unwrap();
        for c in 0..10 {
            let set = match c % 3 {
                0 => format!("c{c}=value{c}; Domain=site{d}.com; Path=/"),
                1 => format!("c{c}=value{c}; Path=/a"),
                _ => format!("c{c}=value{c}; Secure"),
            };
            jar.store(&u, &set, now, Context::http()).unwrap();
        }
    }
    assert_eq!(jar.len(), 1000);
    let target = RequestUrl::parse("https://www.site42.com/a/b/c?q=1").unwrap();
    let mut header = String::with_capacity(1024);
    // Warm-up: sizes the jar's scratch space.
    jar.write_cookie_header(&target, now, Context::http(), &mut header)
        .unwrap();
    let expected = header.clone();

    header.clear();
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|c| c.set(true));
    let n = jar
        .write_cookie_header(&target, now, Context::http(), &mut header)
        .unwrap();
    let again = RequestUrl::parse("https://WWW.SITE42.COM/a/b").unwrap();
    header.push('|');
    jar.write_cookie_header(&again, now, Context::http(), &mut header)
        .unwrap();
    COUNTING.with(|c| c.set(false));

    assert_eq!(ALLOCATIONS.with(Cell::get), 0);
    assert_eq!(n, 10);
    assert_eq!(header, format!("{expected}|{expected}"));
    assert!(expected.starts_with(
        "c1=value1; c2=value2; c4=value4; c5=value5; c7=value7; c8=value8; c0=value0"
    ));
}
