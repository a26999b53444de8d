//! Tells a forked child that it shares its generator state with its parent.
//!
//! `fork()` copies every thread-local generator of the forking thread
//! byte for byte; without this module the child would hand out the parent's
//! next ids. A `pthread_atfork` child handler bumps a process-wide
//! generation counter before `fork()` returns in the child, so any state
//! seeded under an older generation is known to be shared and is discarded.
//!
//! Checking the counter is one relaxed atomic load. The alternative, calling
//! `getpid()` on every id, is a system call (glibc no longer caches the pid)
//! and has a hole: a descendant can be given the pid of a dead ancestor
//! whose state it inherited.
//!
//! This is the crate's only `unsafe` code; the audit is in `docs/unsafe.md`.

use core::sync::atomic::{AtomicUsize, Ordering};

/// How many `fork()`s separate this process from the process that loaded
/// the crate. Only ever incremented, and only in a child.
static GENERATION: AtomicUsize = AtomicUsize::new(0);

/// The current fork generation.
///
/// `Relaxed` is enough: the child handler runs on the thread that called
/// `fork()`, before `fork()` returns on it, and no other thread survives into
/// the child, so program order makes the increment visible to every later
/// load in the child.
#[inline]
pub(crate) fn generation() -> usize {
    GENERATION.load(Ordering::Relaxed)
}

/// Registers the child handler once per process. Returns whether the guard
/// is active; state must only be cached when it is.
///
/// Must be called *before* any state is seeded, so that a fork between
/// seeding and registration is impossible.
pub(crate) fn install() -> bool {
    imp::install()
}

/// The systems whose `libc` bindings have `pthread_atfork`, named once: the items
/// after `with` are compiled there, the items after `without` on every other Unix.
macro_rules! by_atfork {
    (with { $($with:item)* } without { $($without:item)* }) => {
        by_atfork!(@ [any(
            target_os = "linux",
            target_os = "android",
            target_vendor = "apple",
            target_os = "freebsd",
            target_os = "netbsd",
            target_os = "openbsd",
            target_os = "dragonfly",
            target_os = "solaris",
            target_os = "illumos",
        )] [$($with)*] [$($without)*]);
    };
    (@ [$systems:meta] [$($with:item)*] [$($without:item)*]) => {
        $( #[cfg($systems)] $with )*
        $( #[cfg(all(unix, not($systems)))] $without )*
    };
}

by_atfork! {
    with {
        mod imp {
            #![allow(unsafe_code)]

            use super::{GENERATION, Ordering};
            use std::sync::OnceLock;

            static INSTALLED: OnceLock<bool> = OnceLock::new();

            /// Runs in the child of every `fork()`, on the forking thread. Only an
            /// atomic increment: async-signal-safe, as a handler in the child of a
            /// multi-threaded process must be. Safe code; only its registration is
            /// `unsafe`.
            extern "C" fn on_fork_child() {
                GENERATION.fetch_add(1, Ordering::Relaxed);
            }

            pub(super) fn install() -> bool {
                *INSTALLED.get_or_init(|| {
                    // SAFETY: `pthread_atfork` only records the three function
                    // pointers. Two are null; the child handler is a plain
                    // `extern "C" fn()` that takes nothing, returns nothing, never
                    // unwinds and only touches a `static` atomic, so calling it at
                    // any time (including in a forked child) is sound. The crate
                    // cannot be unloaded while the handler is registered: Rust
                    // statics are not unloaded, and glibc drops handlers of a
                    // `dlclose`d object. A non-zero return (ENOMEM) means nothing
                    // was registered, which we report so no state is cached.
                    let rc = unsafe { libc::pthread_atfork(None, None, Some(on_fork_child)) };
                    rc == 0
                })
            }
        }
    }
    without {
        /// Unix systems whose `libc` bindings lack `pthread_atfork`: no guard, so the
        /// fast generator caches nothing and asks the OS for every id.
        mod imp {
            pub(super) fn install() -> bool {
                false
            }
        }
    }
}

/// No `fork()` outside Unix (Windows, WASI, bare metal): state can never be
/// duplicated into another process.
#[cfg(not(unix))]
mod imp {
    pub(super) fn install() -> bool {
        true
    }
}
