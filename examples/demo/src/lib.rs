//! A small login server built on hardtack the way a framework would use it, and the
//! library half of the `hardtack-demo` binary.
//!
//! * `GET /` a login form, a "lint a cookie" form and a preference form.
//! * `POST /login` checks a built-in demo user, rotates the session id, stores the
//!   session under its [`StorageKey`](hardtack::sid::StorageKey) and sends
//!   `__Host-session` (a [signed session id](hardtack::session)) and, when asked,
//!   `__Host-remember` (a `uid.time.sign` token for the context `"demo/remember"`).
//! * `GET /me` reads every `Cookie` field, opens the session (or re-creates it from the
//!   remember token), applies the [`Lifetime`] policy and shows who you are.
//! * `POST /logout` deletes the session, revokes older remember tokens and expires both
//!   cookies.
//! * `POST /prefs` stores a `theme` cookie only if the serializer and the RFC 2109
//!   "Version 0" check both accept the value.
//! * `POST /lint` shows the `hardtack lint` verdict for a pasted header.
//!
//! Bad cookies (garbage, forged, expired, oversized) get a fresh anonymous state and
//! removal headers, never an error page.
//!
//! Browsers store a `__Host-` cookie only when it is `Secure`, so the demo serves
//! HTTPS with a self-signed certificate made at start-up.
//!
//! ```no_run
//! use hardtack_demo::{Config, Demo};
//!
//! # async fn run() -> std::io::Result<()> {
//! let demo = Demo::bind(Config::default()).await?;
//! println!("https://{}/", demo.local_addr());
//! demo.run().await
//! # }
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod app;
mod clock;
mod config;
mod cookies;
mod html;
mod lint;
mod pages;
mod routes;
mod serve;
mod store;
mod tls;
mod users;
mod visit;

pub use config::{Config, ConfigError};
pub use serve::Demo;

#[cfg(doc)]
use hardtack::sid::Lifetime;
