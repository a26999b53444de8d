//! The fast generator behind [`Sid::generate_fast`](crate::Sid::generate_fast):
//! a per-thread ChaCha20 stream seeded from the OS.
//!
//! [`Sid::generate`](crate::Sid::generate) makes one `getrandom` call per id.
//! Where that is a real system call (Linux without the vDSO `getrandom`), it
//! dominates the cost of an id. The fast generator amortises it:
//!
//! * **Seeding.** Each thread lazily seeds its own ChaCha20 key from
//!   `getrandom`; nothing is shared between threads, so there is no lock.
//! * **Reseeding.** After 64 refills (about 62 KiB of output, some 2 600
//!   default ids) the key is replaced with fresh OS bytes, bounding how long
//!   one seed is in use.
//! * **Fast key erasure.** Every refill of the 1 KiB keystream buffer
//!   immediately re-keys ChaCha20 with the first 32 bytes of that keystream,
//!   and every word handed out is wiped from the buffer. The generator state
//!   therefore never contains an id that was already issued: a memory dump
//!   reveals at most the ids this thread would issue *next*. (Copies the
//!   compiler makes in registers or on the stack are outside any library's
//!   control.)
//! * **Speed.** The keystream comes from the RustCrypto `chacha20` crate,
//!   which picks an AVX2 or SSE2 implementation at run time (NEON on
//!   aarch64): the same core as rand's `ThreadRng`, which runs it with 12
//!   rounds. This generator keeps the full 20: measured, 12 rounds would
//!   save only 10-15% of the cost of an id, most of which is encoding and
//!   bookkeeping. Ids are cut from whole 32-bit words; for a
//!   size that is not a multiple of 4 bytes the rest of the last word is
//!   wiped unused.
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

use chacha20::rand_core::SeedableRng;
use chacha20::rand_core::block::Generator;
use zeroize::Zeroize;

use crate::error::GenerateError;
use crate::fork_guard;

/// ChaCha20 in its original form (64-bit counter, zero nonce), the same
/// RustCrypto core that rand's `ThreadRng` runs with 12 rounds. The
/// counter never passes 16: the key changes after every refill.
type Core = chacha20::ChaChaCore<chacha20::R20, chacha20::variants::Legacy>;
/// What one call of the core produces: four 64-byte blocks as
/// little-endian words (the AVX2 backend computes them in parallel).
type Batch = <Core as Generator>::Output;

/// Batches per refill: 1 KiB of keystream, so the re-key is paid once per
/// some 40 default ids rather than once per 9.
const BATCHES: usize = 4;
const BATCH_WORDS: usize = 64;
const BUF_WORDS: usize = BATCHES * BATCH_WORDS;
/// The first words of every refill, used as the next key and never output.
const KEY_WORDS: usize = 8;
/// Largest piece of a request served from one contiguous run of words; a
/// default id (24 bytes) is six words.
const CHUNK_BYTES: usize = 64;
/// Refills between two seeds from the OS: 64 × 992 bytes of output.
const REFILLS_PER_SEED: u32 = 64;

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Fills `out` from this thread's generator, falling back to the OS
/// generator where no fork guard exists or the thread-local is unavailable
/// (during thread teardown).
#[inline]
pub(crate) fn fill(out: &mut [u8]) -> Result<(), GenerateError> {
    let cached = STATE.try_with(|cell| {
        let mut slot = cell.try_borrow_mut().ok()?;
        match slot.as_mut() {
            Some(state) => Some(state.fill(out)),
            None => Some(seed_slot(&mut slot, out)),
        }
    });
    match cached {
        Ok(Some(result)) => result,
        _ => os_fill(out),
    }
}

/// First use on this thread.
#[cold]
#[inline(never)]
fn seed_slot(slot: &mut Option<State>, out: &mut [u8]) -> Result<(), GenerateError> {
    // The guard goes in before the first seed exists.
    if !fork_guard::install() {
        return os_fill(out);
    }
    slot.insert(State::seeded()?).fill(out)
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
    core: Core,
    /// Keystream not yet handed out lives in words `pos..`; every word
    /// before `pos` is zero.
    buf: [Batch; BATCHES],
    pos: usize,
    refills_left: u32,
    /// The fork generation this state was seeded under.
    generation: usize,
}

impl State {
    fn seeded() -> Result<Self, GenerateError> {
        Ok(Self {
            core: os_keyed_core()?,
            buf: [[0; BATCH_WORDS]; BATCHES],
            pos: BUF_WORDS,
            refills_left: REFILLS_PER_SEED,
            generation: fork_guard::generation(),
        })
    }

    #[cold]
    #[inline(never)]
    fn reseed(&mut self) -> Result<(), GenerateError> {
        // Drop buffered output first: after a fork the parent issues it too,
        // and it must stay unusable even if the OS call below fails.
        self.buf.zeroize();
        self.pos = BUF_WORDS;
        self.core = os_keyed_core()?;
        self.refills_left = REFILLS_PER_SEED;
        self.generation = fork_guard::generation();
        Ok(())
    }

    /// Replaces the whole buffer with fresh keystream and re-keys the core
    /// with its first words (fast key erasure): the key that produced the
    /// buffer is gone once this returns.
    #[inline(never)]
    fn refill(&mut self) -> Result<(), GenerateError> {
        if self.refills_left == 0 {
            self.reseed()?;
        }
        for batch in &mut self.buf {
            self.core.generate(batch);
        }
        let (key, _) = self.buf.as_flattened_mut().split_at_mut(KEY_WORDS);
        let mut seed = [0u8; 4 * KEY_WORDS];
        for (bytes, word) in seed.chunks_exact_mut(4).zip(key.iter()) {
            bytes.copy_from_slice(&word.to_le_bytes());
        }
        key.zeroize();
        self.core = Core::from_seed(seed);
        seed.zeroize();
        self.pos = KEY_WORDS;
        self.refills_left = self.refills_left.saturating_sub(1);
        Ok(())
    }

    #[inline]
    fn fill(&mut self, out: &mut [u8]) -> Result<(), GenerateError> {
        if self.generation != fork_guard::generation() {
            self.reseed()?;
        }
        for chunk in out.chunks_mut(CHUNK_BYTES) {
            // Whole words only: the unused tail of a last partial word is
            // wiped with it and never handed out.
            let words = chunk.len().div_ceil(4);
            if self.pos + words > BUF_WORDS {
                self.refill()?;
            }
            let start = self.pos;
            self.pos += words;
            match self.buf.as_flattened_mut().get_mut(start..self.pos) {
                Some(keystream) => {
                    for (bytes, word) in chunk.chunks_mut(4).zip(keystream.iter()) {
                        for (byte, k) in bytes.iter_mut().zip(word.to_le_bytes()) {
                            *byte = k;
                        }
                    }
                    keystream.zeroize();
                }
                // Unreachable (the refill above made room), but if the
                // bookkeeping were ever wrong, the OS still answers rather
                // than an id of zeros going out.
                None => os_fill(chunk)?,
            }
        }
        Ok(())
    }
}

fn os_keyed_core() -> Result<Core, GenerateError> {
    let mut seed = [0u8; 4 * KEY_WORDS];
    getrandom::fill(&mut seed)?;
    let core = Core::from_seed(seed);
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

    /// A state keyed with `key` instead of OS bytes, as if just seeded.
    fn keyed(key: [u8; 32]) -> State {
        State {
            core: Core::from_seed(key),
            buf: [[0; BATCH_WORDS]; BATCHES],
            pos: BUF_WORDS,
            refills_left: REFILLS_PER_SEED,
            generation: fork_guard::generation(),
        }
    }

    fn words(state: &State) -> &[u32] {
        state.buf.as_flattened()
    }

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
            .collect()
    }

    fn le_bytes(words: &[u32]) -> Vec<u8> {
        words.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    /// A straightforward ChaCha20 block function (RFC 8439 §2.3), kept
    /// apart from the crate under test so the generator is checked against
    /// something it does not share code with.
    fn reference_block(key: &[u8; 32], counter: u64, nonce: [u32; 2]) -> [u8; 64] {
        let mut input = [0u32; 16];
        input[..4].copy_from_slice(&[0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]);
        for (w, k) in input[4..12].iter_mut().zip(key.chunks_exact(4)) {
            *w = u32::from_le_bytes([k[0], k[1], k[2], k[3]]);
        }
        input[12] = counter as u32;
        input[13] = (counter >> 32) as u32;
        input[14..].copy_from_slice(&nonce);
        let mut x = input;
        let qr = |x: &mut [u32; 16], a: usize, b: usize, c: usize, d: usize| {
            x[a] = x[a].wrapping_add(x[b]);
            x[d] = (x[d] ^ x[a]).rotate_left(16);
            x[c] = x[c].wrapping_add(x[d]);
            x[b] = (x[b] ^ x[c]).rotate_left(12);
            x[a] = x[a].wrapping_add(x[b]);
            x[d] = (x[d] ^ x[a]).rotate_left(8);
            x[c] = x[c].wrapping_add(x[d]);
            x[b] = (x[b] ^ x[c]).rotate_left(7);
        };
        for _ in 0..10 {
            qr(&mut x, 0, 4, 8, 12);
            qr(&mut x, 1, 5, 9, 13);
            qr(&mut x, 2, 6, 10, 14);
            qr(&mut x, 3, 7, 11, 15);
            qr(&mut x, 0, 5, 10, 15);
            qr(&mut x, 1, 6, 11, 12);
            qr(&mut x, 2, 7, 8, 13);
            qr(&mut x, 3, 4, 9, 14);
        }
        let mut out = [0u8; 64];
        for ((o, w), i) in out.chunks_exact_mut(4).zip(x).zip(input) {
            o.copy_from_slice(&w.wrapping_add(i).to_le_bytes());
        }
        out
    }

    /// The keystream a refill under `key` must produce: blocks 0..16.
    fn reference_refill(key: &[u8; 32]) -> Vec<u8> {
        (0..16u64)
            .flat_map(|n| reference_block(key, n, [0, 0]))
            .collect()
    }

    #[test]
    fn the_reference_block_matches_rfc_8439() {
        // §2.4.2: key 00..1f, nonce 00:00:00:00:00:00:00:4a:00:00:00:00,
        // counter 1 (the nonce's first word is the 64-bit counter's high
        // word here, and zero).
        let key: [u8; 32] = core::array::from_fn(|i| i as u8);
        let block = reference_block(&key, 1, [0x4a00_0000, 0]);
        let expected = hex(concat!(
            "224f51f3401bd9e12fde276fb8631ded8c131f823d2c06e27e4fcaec9ef3cf78",
            "8a3b0aa372600a92b57974cded2b9334794cba40c63e34cdea212c4cf07d41b7",
        ));
        assert_eq!(block.as_slice(), expected.as_slice());
    }

    #[test]
    fn the_keystream_is_chacha20_rfc_8439_a1() {
        // Appendix A.1 test vectors 1 and 2: all-zero key and nonce, block
        // counters 0 and 1.
        let mut state = keyed([0; 32]);
        assert_eq!(state.refill(), Ok(()));
        let block0 = hex(concat!(
            "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7",
            "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586",
        ));
        let block1 = hex(concat!(
            "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed",
            "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f",
        ));
        // The first 32 bytes became the next key and are gone.
        assert_eq!(le_bytes(&words(&state)[..8]), [0u8; 32]);
        assert_eq!(le_bytes(&words(&state)[8..16]), &block0[32..]);
        assert_eq!(le_bytes(&words(&state)[16..32]), block1);
    }

    #[test]
    fn every_refill_rekeys_with_the_first_words_of_the_previous_one() {
        let mut key = [0x5a; 32];
        let mut state = keyed(key);
        for _ in 0..3 {
            assert_eq!(state.refill(), Ok(()));
            let expected = reference_refill(&key);
            assert_eq!(le_bytes(&words(&state)[KEY_WORDS..]), &expected[32..]);
            assert_eq!(state.pos, KEY_WORDS);
            key.copy_from_slice(&expected[..32]);
        }
    }

    #[test]
    fn ids_come_out_of_the_keystream_in_order() {
        let mut state = keyed([7; 32]);
        let mut first = [0u8; 24];
        let mut second = [0u8; 18];
        assert_eq!(state.fill(&mut first), Ok(()));
        assert_eq!(state.fill(&mut second), Ok(()));
        let keystream = reference_refill(&[7; 32]);
        assert_eq!(first.as_slice(), &keystream[32..56]);
        // 18 bytes take five whole words; the unused two bytes are skipped.
        assert_eq!(second.as_slice(), &keystream[56..74]);
        assert_eq!(state.pos, KEY_WORDS + 6 + 5);
    }

    #[test]
    fn handed_out_words_and_the_key_are_wiped_from_the_buffer() {
        let mut state = fresh();
        let mut out = [0u8; 18];
        assert_eq!(state.fill(&mut out), Ok(()));
        assert_eq!(state.pos, KEY_WORDS + 5);
        assert!(words(&state)[..KEY_WORDS + 5].iter().all(|&w| w == 0));
        assert!(words(&state)[KEY_WORDS + 5..].iter().any(|&w| w != 0));
        assert_ne!(out, [0u8; 18]);
    }

    #[test]
    fn requests_larger_than_the_buffer_span_refills() {
        let mut state = fresh();
        let mut out = [0u8; 5000];
        assert_eq!(state.fill(&mut out), Ok(()));
        // 78 chunks of 16 words and one of 2; a refill serves 15 chunks of
        // 16 words (248 after the key), so six refills.
        assert_eq!(state.refills_left, REFILLS_PER_SEED - 6);
        assert!(out.chunks(8).all(|c| c != [0u8; 8]));
    }

    #[test]
    fn an_exhausted_seed_is_replaced_before_more_output() {
        let mut state = keyed([0; 32]);
        state.refills_left = 0;
        let mut out = [0u8; 24];
        assert_eq!(state.fill(&mut out), Ok(()));
        assert_eq!(state.refills_left, REFILLS_PER_SEED - 1);
        // The OS key replaced the known one.
        assert_ne!(
            le_bytes(&words(&state)[8..16]),
            &reference_refill(&[0; 32])[32..64]
        );
    }

    #[test]
    fn a_stale_generation_discards_buffered_output() {
        // Two states with the same key and position stand for a generator
        // and its copy in a forked child; the copy is marked stale.
        let mut state = keyed([3; 32]);
        let mut copy = keyed([3; 32]);
        let (mut first, mut first_copy) = ([0u8; 24], [0u8; 24]);
        assert_eq!(state.fill(&mut first), Ok(()));
        assert_eq!(copy.fill(&mut first_copy), Ok(()));
        copy.generation = state.generation.wrapping_sub(1);
        let (mut a, mut b) = ([0u8; 24], [0u8; 24]);
        assert_eq!(state.fill(&mut a), Ok(()));
        assert_eq!(copy.fill(&mut b), Ok(()));
        assert_ne!(a, b);
        assert_eq!(copy.generation, fork_guard::generation());
    }

    #[test]
    fn an_unguarded_copy_would_repeat_the_output() {
        // The counterpart of the test above: this is what the guard prevents.
        let mut state = keyed([3; 32]);
        let mut copy = keyed([3; 32]);
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
