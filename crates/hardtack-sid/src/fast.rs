//! The fast generator behind [`Sid::generate_fast`](crate::Sid::generate_fast):
//! a per-thread ChaCha20 stream seeded from the OS.
//!
//! [`Sid::generate`](crate::Sid::generate) makes one `getrandom` call per id.
//! Where that is a real system call (Linux without the vDSO `getrandom`), it
//! dominates the cost of an id. The fast generator amortises it:
//!
//! * **Seeding.** Each thread lazily seeds its own ChaCha20 key from
//!   `getrandom`; nothing is shared between threads, so there is no lock.
//! * **Reseeding.** After about 56 KiB of output (some 2 300 default ids)
//!   the key is replaced with fresh OS bytes, bounding how long one seed
//!   is in use.
//! * **Fast key erasure.** Every refill of the 256-byte output buffer
//!   immediately re-keys ChaCha20 with the first 32 bytes of that output, and
//!   every byte handed out is wiped from the buffer. The state in memory
//!   therefore never contains an id that was already issued: a memory dump
//!   reveals at most the ids this thread would issue *next*.
//! * **Fork safety.** `fork()` copies the thread's state into the child, which
//!   would then repeat the parent's next ids. On Linux, Android, the BSDs,
//!   Apple systems and illumos/Solaris, a `pthread_atfork` child handler bumps
//!   a generation counter; a generator seeded under an older generation
//!   throws its state away and reseeds from the OS before producing
//!   anything. The check is one relaxed atomic load per id. On other Unix
//!   systems no guard exists, so nothing is cached and every id comes from
//!   the OS (correct, just not fast); outside Unix there is no `fork()`.
//!
//! The guard does not see a child created by a raw `clone`/`fork` system call
//! that bypasses libc. Code that does that must call [`reseed`] in the
//! child before minting ids.
//!
//! If the OS generator fails while seeding or reseeding, the id is not
//! produced and [`GenerateError::OsRng`] is returned; the generator never
//! keeps running on an overdue seed.
//!
//! ```
//! use hardtack_sid::{SessionId, fast};
//!
//! // Mint in bulk on this thread.
//! let ids = (0..1000)
//!     .map(|_| SessionId::generate_fast())
//!     .collect::<Result<Vec<_>, _>>()?;
//! assert!(ids.windows(2).all(|w| w[0] != w[1]));
//!
//! // Only after creating a process without libc's `fork()`:
//! fast::reseed();
//! # Ok::<(), hardtack_sid::GenerateError>(())
//! ```

use core::cell::RefCell;

use rand_chacha::ChaCha20Core;
use rand_core::SeedableRng;
use rand_core::block::Generator;
use zeroize::Zeroize;

use crate::error::GenerateError;
use crate::fork_guard;

/// One ChaCha20Core refill: four 64-byte blocks.
const BUF_LEN: usize = 256;
/// The first bytes of every refill, used as the next key and never output.
const KEY_LEN: usize = 32;
/// Refills between two seeds from the OS: 256 × 224 bytes of output.
const REFILLS_PER_SEED: u32 = 256;

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Fills `out` from this thread's generator, falling back to the OS
/// generator where no fork guard exists or the thread-local is unavailable
/// (during thread teardown).
pub(crate) fn fill(out: &mut [u8]) -> Result<(), GenerateError> {
    let cached = STATE.try_with(|cell| {
        let mut slot = cell.try_borrow_mut().ok()?;
        Some(fill_slot(&mut slot, out))
    });
    match cached {
        Ok(Some(result)) => result,
        _ => os_fill(out),
    }
}

fn fill_slot(slot: &mut Option<State>, out: &mut [u8]) -> Result<(), GenerateError> {
    let state = match slot {
        Some(state) => state,
        None => {
            // The guard goes in before the first seed exists.
            if !fork_guard::install() {
                return os_fill(out);
            }
            slot.insert(State::seeded()?)
        }
    };
    state.fill(out)
}

fn os_fill(out: &mut [u8]) -> Result<(), GenerateError> {
    getrandom::fill(out).map_err(GenerateError::from)
}

/// Discards the calling thread's generator state; its next fast id draws a
/// fresh seed from the OS.
///
/// Needed only in a child created without libc's `fork()` (a raw `clone`
/// system call), which the fork guard cannot see. Calling it at any other
/// time is harmless.
///
/// ```
/// use hardtack_sid::{SessionId, fast};
///
/// fast::reseed();
/// let id = SessionId::generate_fast()?;
/// assert_eq!(id.expose().len(), 32);
/// # Ok::<(), hardtack_sid::GenerateError>(())
/// ```
pub fn reseed() {
    // Teardown or re-entrancy leaves nothing to discard for this thread.
    let _ = STATE.try_with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            if let Some(state) = slot.as_mut() {
                state.buf.zeroize();
            }
            *slot = None;
        }
    });
}

struct State {
    core: ChaCha20Core,
    /// Output not yet handed out lives in `buf[pos..]`; everything before
    /// `pos` is zero.
    buf: [u8; BUF_LEN],
    pos: usize,
    refills_left: u32,
    /// The fork generation this state was seeded under.
    generation: usize,
}

impl State {
    fn seeded() -> Result<Self, GenerateError> {
        Ok(Self {
            core: os_keyed_core()?,
            buf: [0; BUF_LEN],
            pos: BUF_LEN,
            refills_left: REFILLS_PER_SEED,
            generation: fork_guard::generation(),
        })
    }

    fn reseed(&mut self) -> Result<(), GenerateError> {
        // Drop buffered output first: after a fork the parent issues it too,
        // and it must stay unusable even if the OS call below fails.
        self.buf.zeroize();
        self.pos = BUF_LEN;
        self.core = os_keyed_core()?;
        self.refills_left = REFILLS_PER_SEED;
        self.generation = fork_guard::generation();
        Ok(())
    }

    fn refill(&mut self) {
        let mut words = [0u32; BUF_LEN / 4];
        self.core.generate(&mut words);
        for (bytes, word) in self.buf.chunks_exact_mut(4).zip(words.iter()) {
            bytes.copy_from_slice(&word.to_le_bytes());
        }
        words.zeroize();
        let (key, _) = self.buf.split_at_mut(KEY_LEN);
        let mut seed = [0u8; KEY_LEN];
        seed.copy_from_slice(key);
        key.zeroize();
        self.core = ChaCha20Core::from_seed(seed);
        seed.zeroize();
        self.pos = KEY_LEN;
        self.refills_left = self.refills_left.saturating_sub(1);
    }

    fn fill(&mut self, mut out: &mut [u8]) -> Result<(), GenerateError> {
        if self.generation != fork_guard::generation() {
            self.reseed()?;
        }
        while !out.is_empty() {
            if self.pos >= BUF_LEN {
                if self.refills_left == 0 {
                    self.reseed()?;
                }
                self.refill();
            }
            let available = self.buf.get_mut(self.pos..).unwrap_or_default();
            let n = available.len().min(out.len());
            let (src, _) = available.split_at_mut(n);
            let (dst, rest) = out.split_at_mut(n);
            dst.copy_from_slice(src);
            src.zeroize();
            self.pos += n;
            out = rest;
        }
        Ok(())
    }
}

fn os_keyed_core() -> Result<ChaCha20Core, GenerateError> {
    let mut seed = [0u8; KEY_LEN];
    getrandom::fill(&mut seed)?;
    let core = ChaCha20Core::from_seed(seed);
    seed.zeroize();
    Ok(core)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> State {
        match State::seeded() {
            Ok(state) => state,
            Err(e) => panic!("OS generator unavailable: {e}"),
        }
    }

    #[test]
    fn handed_out_bytes_and_the_key_are_wiped_from_the_buffer() {
        let mut state = fresh();
        let mut out = [0u8; 24];
        assert_eq!(state.fill(&mut out), Ok(()));
        assert_eq!(state.pos, KEY_LEN + 24);
        assert!(state.buf.iter().take(KEY_LEN + 24).all(|&b| b == 0));
        assert_ne!(out, [0u8; 24]);
    }

    #[test]
    fn requests_larger_than_the_buffer_span_refills() {
        let mut state = fresh();
        let mut out = [0u8; 1000];
        assert_eq!(state.fill(&mut out), Ok(()));
        // 1000 bytes need five refills of 224 bytes.
        assert_eq!(state.refills_left, REFILLS_PER_SEED - 5);
        assert!(out.chunks(8).all(|c| c != [0u8; 8]));
    }

    #[test]
    fn an_exhausted_seed_is_replaced_before_more_output() {
        let mut state = fresh();
        state.refills_left = 0;
        state.pos = BUF_LEN;
        let mut out = [0u8; 24];
        assert_eq!(state.fill(&mut out), Ok(()));
        assert_eq!(state.refills_left, REFILLS_PER_SEED - 1);
    }

    #[test]
    fn a_stale_generation_discards_buffered_output() {
        let mut state = fresh();
        let mut first = [0u8; 24];
        assert_eq!(state.fill(&mut first), Ok(()));
        // Pretend the state was copied by a fork: clone it, mark the copy
        // stale, and check it does not repeat what the original emits next.
        let mut copy = State {
            core: state.core.clone(),
            buf: state.buf,
            pos: state.pos,
            refills_left: state.refills_left,
            generation: state.generation.wrapping_sub(1),
        };
        let (mut a, mut b) = ([0u8; 24], [0u8; 24]);
        assert_eq!(state.fill(&mut a), Ok(()));
        assert_eq!(copy.fill(&mut b), Ok(()));
        assert_ne!(a, b);
        assert_eq!(copy.generation, fork_guard::generation());
    }

    #[test]
    fn an_unguarded_copy_would_repeat_the_output() {
        // The counterpart of the test above: this is what the guard prevents.
        let mut state = fresh();
        let mut copy = State {
            core: state.core.clone(),
            buf: state.buf,
            pos: state.pos,
            refills_left: state.refills_left,
            generation: state.generation,
        };
        let (mut a, mut b) = ([0u8; 24], [0u8; 24]);
        assert_eq!(state.fill(&mut a), Ok(()));
        assert_eq!(copy.fill(&mut b), Ok(()));
        assert_eq!(a, b);
    }

    #[test]
    fn reseed_forgets_the_thread_state() {
        let mut out = [0u8; 24];
        assert_eq!(fill(&mut out), Ok(()));
        let cached = STATE.with(|cell| cell.borrow().is_some());
        assert_eq!(cached, fork_guard::install());
        reseed();
        assert!(STATE.with(|cell| cell.borrow().is_none()));
    }
}
