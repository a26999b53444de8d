#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
// The only `unsafe` is the `pthread_atfork` registration of the fast
// generator's fork guard (`fork_guard.rs`, audited in docs/unsafe.md); every
// build without it forbids `unsafe` outright.
#![cfg_attr(not(all(feature = "std", unix)), forbid(unsafe_code))]
#![cfg_attr(all(feature = "std", unix), deny(unsafe_code))]
#![deny(missing_docs)]

#[cfg(test)]
extern crate std;

mod b64;
mod error;
#[cfg(feature = "std")]
pub mod fast;
#[cfg(feature = "std")]
mod fork_guard;
mod id;
mod lifetime;
mod storage;

pub use error::{GenerateError, OsRngError, ParseError};
pub use id::{InteropSessionId, SessionId, Sid};
pub use lifetime::{Lifetime, Status};
pub use storage::StorageKey;
