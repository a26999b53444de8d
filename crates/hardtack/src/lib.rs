#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// `Set-Cookie` and `Cookie` parsing and serialization: the [`hardtack-cookie`](hardtack_cookie) crate.
#[cfg(feature = "cookie")]
#[doc(inline)]
pub use hardtack_cookie as cookie;

/// Signed `uid.time.sign` login tokens: the [`hardtack-token`](hardtack_token) crate.
#[cfg(feature = "token")]
#[doc(inline)]
pub use hardtack_token as token;

/// Unguessable session ids: the [`hardtack-sid`](hardtack_sid) crate.
#[cfg(feature = "sid")]
#[doc(inline)]
pub use hardtack_sid as sid;

#[cfg(all(feature = "token", feature = "sid"))]
pub mod session;

#[cfg(feature = "http")]
pub mod http;
