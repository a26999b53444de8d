//! What the server is told at start: where to listen, the session policy and the key.

use core::fmt;
use core::num::NonZeroU64;
use core::time::Duration;
use std::net::{Ipv4Addr, SocketAddr};

use hardtack::sid::Lifetime;
use hardtack::token::MasterKey;

/// The port the demo listens on when neither an argument nor the environment names one.
pub(crate) const DEFAULT_PORT: u16 = 8443;
const THIRTY_MINUTES: NonZeroU64 = NonZeroU64::new(30 * 60).unwrap();
const TWELVE_HOURS: NonZeroU64 = NonZeroU64::new(12 * 3600).unwrap();
const THIRTY_DAYS: Duration = Duration::from_secs(30 * 86_400);

/// How the demo server runs: the address (always on 127.0.0.1), the session
/// [`Lifetime`] policy, how long a remember-me token lasts, and the master key
/// (a fresh random one unless given).
///
/// ```
/// use core::num::NonZeroU64;
/// use core::time::Duration;
/// use hardtack::sid::Lifetime;
/// use hardtack_demo::Config;
///
/// let two = NonZeroU64::new(2).unwrap();
/// let hour = NonZeroU64::new(3600).unwrap();
/// let config = Config::default()
///     .port(0)
///     .lifetime(Lifetime::new(two, hour))
///     .remember_for(Duration::from_secs(86_400));
/// assert_eq!(config.addr().port(), 0);
/// assert_eq!(config.session_lifetime().idle(), 2);
/// ```
pub struct Config {
    addr: SocketAddr,
    lifetime: Lifetime,
    remember_for: Duration,
    key: Option<MasterKey>,
}

impl Default for Config {
    /// Port 8443, idle timeout 30 minutes, absolute timeout 12 hours, remember-me for
    /// 30 days, a random key.
    ///
    /// ```
    /// let config = hardtack_demo::Config::default();
    /// assert_eq!(config.addr().to_string(), "127.0.0.1:8443");
    /// assert_eq!(config.session_lifetime().absolute(), 12 * 3600);
    /// ```
    fn default() -> Self {
        Config {
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, DEFAULT_PORT)),
            lifetime: Lifetime::new(THIRTY_MINUTES, TWELVE_HOURS),
            remember_for: THIRTY_DAYS,
            key: None,
        }
    }
}

impl Config {
    /// Reads the settings from command-line arguments (without the program name),
    /// falling back to environment variables, then to the defaults:
    ///
    /// | argument | environment | meaning |
    /// |---|---|---|
    /// | `PORT` or `--port PORT` | `HARDTACK_DEMO_PORT` | port on 127.0.0.1; `0` picks a free one |
    /// | `--idle SECS` | `HARDTACK_DEMO_IDLE` | idle timeout |
    /// | `--absolute SECS` | `HARDTACK_DEMO_ABSOLUTE` | absolute timeout |
    /// | `--remember SECS` | `HARDTACK_DEMO_REMEMBER` | remember-me token lifetime |
    ///
    /// # Errors
    /// An unknown argument, a missing or malformed number, or a zero timeout.
    ///
    /// ```
    /// use hardtack_demo::{Config, ConfigError};
    ///
    /// let env = |name: &str| (name == "HARDTACK_DEMO_IDLE").then(|| "5".to_owned());
    /// let config = Config::from_args(["9000", "--absolute", "60"].map(String::from), env)?;
    /// assert_eq!(config.addr().port(), 9000);
    /// assert_eq!((config.session_lifetime().idle(), config.session_lifetime().absolute()), (5, 60));
    ///
    /// let bad = Config::from_args(["--idle", "0"].map(String::from), |_| None);
    /// assert_eq!(bad.err(), Some(ConfigError::Invalid("--idle")));
    /// # Ok::<(), ConfigError>(())
    /// ```
    pub fn from_args<I, E>(args: I, env: E) -> Result<Config, ConfigError>
    where
        I: IntoIterator<Item = String>,
        E: Fn(&str) -> Option<String>,
    {
        let mut port = None;
        let (mut idle, mut absolute, mut remember) = (None, None, None);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (slot, name) = match arg.as_str() {
                "--port" => (&mut port, "--port"),
                "--idle" => (&mut idle, "--idle"),
                "--absolute" => (&mut absolute, "--absolute"),
                "--remember" => (&mut remember, "--remember"),
                _ if port.is_none() && arg.bytes().all(|b| b.is_ascii_digit()) => {
                    port = Some(arg);
                    continue;
                }
                _ => return Err(ConfigError::UnknownArgument),
            };
            *slot = Some(args.next().ok_or(ConfigError::Missing(name))?);
        }
        let pick = |given: Option<String>, var: &str| given.or_else(|| env(var));

        let mut config = Config::default();
        if let Some(p) = pick(port, "HARDTACK_DEMO_PORT") {
            config
                .addr
                .set_port(p.parse().map_err(|_| ConfigError::Invalid("--port"))?);
        }
        let seconds = |value: Option<String>, name: &'static str| {
            value
                .map(|v| {
                    v.parse::<NonZeroU64>()
                        .map_err(|_| ConfigError::Invalid(name))
                })
                .transpose()
        };
        let idle = seconds(pick(idle, "HARDTACK_DEMO_IDLE"), "--idle")?;
        let absolute = seconds(pick(absolute, "HARDTACK_DEMO_ABSOLUTE"), "--absolute")?;
        let remember = seconds(pick(remember, "HARDTACK_DEMO_REMEMBER"), "--remember")?;
        config.lifetime = Lifetime::new(
            idle.unwrap_or(THIRTY_MINUTES),
            absolute.unwrap_or(TWELVE_HOURS),
        );
        if let Some(r) = remember {
            config.remember_for = Duration::from_secs(r.get());
        }
        Ok(config)
    }

    /// Listens on this port of 127.0.0.1 (`0`: any free port; see
    /// [`Demo::local_addr`](crate::Demo::local_addr)).
    ///
    /// ```
    /// assert_eq!(hardtack_demo::Config::default().port(9443).addr().port(), 9443);
    /// ```
    #[must_use]
    pub fn port(mut self, port: u16) -> Self {
        self.addr.set_port(port);
        self
    }

    /// The session policy: idle and absolute timeouts, renewal.
    ///
    /// ```
    /// use core::num::NonZeroU64;
    /// use hardtack::sid::Lifetime;
    /// let t = NonZeroU64::new(60).unwrap();
    /// let config = hardtack_demo::Config::default().lifetime(Lifetime::new(t, t));
    /// assert_eq!(config.session_lifetime().idle(), 60);
    /// ```
    #[must_use]
    pub fn lifetime(mut self, lifetime: Lifetime) -> Self {
        self.lifetime = lifetime;
        self
    }

    /// How long a remember-me token is accepted, and its cookie's `Max-Age`.
    ///
    /// ```
    /// use core::time::Duration;
    /// let config = hardtack_demo::Config::default().remember_for(Duration::from_secs(60));
    /// assert_eq!(config.remember_duration().as_secs(), 60);
    /// ```
    #[must_use]
    pub fn remember_for(mut self, duration: Duration) -> Self {
        self.remember_for = duration;
        self
    }

    /// Signs with this key instead of a random one (tests use it to make tokens the
    /// server will find authentic).
    ///
    /// ```
    /// use hardtack::token::MasterKey;
    /// let config = hardtack_demo::Config::default().master_key(MasterKey::from_bytes(&[7; 32])?);
    /// // The key never shows up in debug output.
    /// assert!(format!("{config:?}").contains("<redacted>"));
    /// # Ok::<(), hardtack::token::KeyError>(())
    /// ```
    #[must_use]
    pub fn master_key(mut self, key: MasterKey) -> Self {
        self.key = Some(key);
        self
    }

    /// The address to bind.
    ///
    /// ```
    /// assert!(hardtack_demo::Config::default().addr().ip().is_loopback());
    /// ```
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The session policy.
    ///
    /// ```
    /// assert_eq!(hardtack_demo::Config::default().session_lifetime().idle(), 1800);
    /// ```
    pub fn session_lifetime(&self) -> Lifetime {
        self.lifetime
    }

    /// How long a remember-me token lasts.
    ///
    /// ```
    /// assert_eq!(hardtack_demo::Config::default().remember_duration().as_secs(), 30 * 86_400);
    /// ```
    pub fn remember_duration(&self) -> Duration {
        self.remember_for
    }

    /// Splits off the key, generating one if none was given.
    pub(crate) fn take_key(&mut self) -> Result<MasterKey, hardtack::token::KeyError> {
        match self.key.take() {
            Some(key) => Ok(key),
            None => MasterKey::generate(),
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("addr", &self.addr)
            .field("lifetime", &self.lifetime)
            .field("remember_for", &self.remember_for)
            .field("key", &self.key.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Why the command line or environment was refused.
///
/// ```
/// use hardtack_demo::{Config, ConfigError};
/// let err = Config::from_args(["--port".to_owned()], |_| None).unwrap_err();
/// assert_eq!(err, ConfigError::Missing("--port"));
/// assert_eq!(err.to_string(), "--port needs a value");
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// An argument the demo does not know.
    UnknownArgument,
    /// A flag without its value.
    Missing(&'static str),
    /// A value that is not a port number or a positive number of seconds (named by
    /// its flag, also when it came from the environment).
    Invalid(&'static str),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::UnknownArgument => f.write_str(
                "unknown argument (usage: hardtack-demo [PORT] [--idle SECS] [--absolute SECS] [--remember SECS])",
            ),
            ConfigError::Missing(flag) => write!(f, "{flag} needs a value"),
            ConfigError::Invalid(flag) => write!(f, "{flag} needs a positive whole number"),
        }
    }
}

impl core::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn arguments_win_over_the_environment() {
        let env = |name: &str| match name {
            "HARDTACK_DEMO_PORT" => Some("7000".to_owned()),
            "HARDTACK_DEMO_REMEMBER" => Some("120".to_owned()),
            _ => None,
        };
        let Ok(c) = Config::from_args(args(&["--port", "7001", "--idle", "9"]), env) else {
            panic!("valid arguments refused")
        };
        assert_eq!(c.addr().port(), 7001);
        assert_eq!(c.session_lifetime().idle(), 9);
        assert_eq!(c.session_lifetime().absolute(), 12 * 3600);
        assert_eq!(c.remember_duration(), Duration::from_secs(120));
    }

    #[test]
    fn the_environment_fills_in() {
        let env = |name: &str| (name == "HARDTACK_DEMO_PORT").then(|| "0".to_owned());
        let c = Config::from_args(Vec::new(), env).map(|c| c.addr().port());
        assert_eq!(c, Ok(0));
    }

    #[test]
    fn bad_input_is_named() {
        for (given, err) in [
            (&["--idle"][..], ConfigError::Missing("--idle")),
            (&["--absolute", "x"], ConfigError::Invalid("--absolute")),
            (&["--remember", "-1"], ConfigError::Invalid("--remember")),
            (&["70000"], ConfigError::Invalid("--port")),
            (&["1", "2"], ConfigError::UnknownArgument),
            (&["--verbose"], ConfigError::UnknownArgument),
        ] {
            assert_eq!(
                Config::from_args(args(given), |_| None).err(),
                Some(err),
                "{given:?}"
            );
        }
    }

    #[test]
    fn a_bad_environment_value_is_an_error_not_a_default() {
        let env = |name: &str| (name == "HARDTACK_DEMO_IDLE").then(|| "soon".to_owned());
        assert_eq!(
            Config::from_args(Vec::new(), env).err(),
            Some(ConfigError::Invalid("--idle"))
        );
    }
}
