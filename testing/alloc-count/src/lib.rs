//! A counting global allocator for the workspace's "hot paths never allocate" tests.
//!
//! Linking this crate into a test binary (calling any function of it is enough)
//! installs [`Counting`] as that binary's global allocator. It forwards every call to
//! [`System`] unchanged and counts, **per thread**, the calls that hand out memory
//! (`alloc`, `alloc_zeroed`, `realloc`). Per thread, because the test harness's own
//! threads allocate now and then: a process-wide counter once saw four such
//! allocations inside a measured window on a loaded CI machine. hardtack never
//! spawns threads, so the measuring thread sees every allocation the code under
//! test makes.
//!
//! One implementation instead of one per test binary: the `unsafe` this needs is
//! written and argued once (docs/unsafe.md).
//!
//! ```
//! let (n, v) = alloc_count::count(|| vec![1u8; 16]);
//! assert_eq!((n, v.len()), (1, 16));
//! let (n, sum) = alloc_count::count(|| [1u8, 2, 3].iter().map(|&b| u32::from(b)).sum::<u32>());
//! assert_eq!((n, sum), (0, 6));
//! ```

#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

thread_local! {
    // `const` and without a destructor: reading or bumping it never allocates, and
    // it stays usable while the thread's other thread-locals are torn down.
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

#[inline]
fn bump() {
    // `try_with`: the allocator also runs after this thread's locals are gone.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

/// The allocator: [`System`], counting the calls that hand out memory on each thread.
///
/// Installed by this crate; a test only reads the count.
///
/// ```
/// let before = alloc_count::allocations();
/// let s = String::from("counted");
/// assert_eq!(alloc_count::allocations() - before, 1);
/// drop(s);
/// ```
#[derive(Debug)]
pub struct Counting;

// SAFETY: every method forwards to `System` with the caller's arguments and returns
// its result unchanged, so `System`'s guarantees are ours; the only other work is a
// thread-local counter update, which neither allocates nor unwinds.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: the caller's contract for `alloc` is `System.alloc`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: `ptr` came from this allocator, which is `System`, with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as for `realloc`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations (including reallocations) made on the calling thread so far.
///
/// ```
/// let before = alloc_count::allocations();
/// let mut v: Vec<u8> = Vec::with_capacity(1);
/// v.extend_from_slice(&[0; 64]); // grows: a reallocation
/// assert_eq!(alloc_count::allocations() - before, 2);
/// ```
pub fn allocations() -> u64 {
    ALLOCATIONS.with(Cell::get)
}

/// Runs `f` and returns the allocations the calling thread made meanwhile, with
/// `f`'s result (returned rather than dropped inside the window, so that a caller
/// can keep it without its drop being counted, or drop it outside).
///
/// ```
/// let (n, boxed) = alloc_count::count(|| Box::new(7));
/// assert_eq!((n, *boxed), (1, 7));
/// ```
pub fn count<R>(f: impl FnOnce() -> R) -> (u64, R) {
    let before = allocations();
    let r = f();
    (allocations() - before, r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hint::black_box;

    #[test]
    fn counts_alloc_zeroed_and_realloc_but_not_dealloc() {
        let (n, v) = count(|| black_box(vec![0u8; 4096]));
        assert_eq!(n, 1);
        let (n, ()) = count(|| drop(v));
        assert_eq!(n, 0);
        let (n, v) = count(|| {
            let mut v = black_box(Vec::<u64>::with_capacity(1));
            v.extend(0..100);
            v
        });
        assert!(n >= 2, "{n}");
        assert_eq!(v.len(), 100);
    }

    #[test]
    fn other_threads_are_not_counted() {
        let before = allocations();
        let worker = std::thread::spawn(|| {
            let (n, ()) = count(|| {
                for i in 0..1000u32 {
                    drop(black_box(Box::new(i)));
                }
            });
            n
        });
        assert_eq!(worker.join().unwrap(), 1000);
        // Spawning and joining allocate a few times here; a process-wide count would
        // also hold the worker's thousand.
        let here = allocations() - before;
        assert!(here < 100, "{here}");
    }
}
