#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

extern crate alloc;

mod build;
mod class;
pub mod date;
mod digits;
pub mod encode;
mod error;
mod header;
mod host;
#[cfg(feature = "jar")]
pub mod jar;
mod keyword;
mod parse;
pub mod rfc2109;
mod scan;
mod set_cookie;

pub use build::{CookieHeaderWriter, ResponseCookie, SetCookieBuilder};
pub use error::{Attribute, BuildError, BuildErrorKind, ErrorKind, Field, ParseError};
pub use header::{MultiPairs, Pairs, StrictPairs};
pub use set_cookie::{Extensions, Prefix, Priority, Profile, SameSite, SetCookie};
