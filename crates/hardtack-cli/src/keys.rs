//! Where the master key comes from: a file or an environment variable, never the
//! command line unless explicitly allowed.

use std::io::Read;
use std::path::PathBuf;

use hardtack::cookie::encode::base64url_decode;
use hardtack::token::{KeyError, MasterKey};

use crate::CliError;

/// Key files larger than this are certainly not key files.
const MAX_KEY_FILE: u64 = 64 * 1024;

/// The key options shared by `token sign` and `token verify`.
#[derive(Clone, Debug, clap::Args)]
pub struct KeyArgs {
    /// Read the master key from FILE: base64url text (what `hardtack key generate`
    /// writes), or else the raw bytes of the file. At least 32 bytes of key.
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,

    /// Read the master key (base64url) from this environment variable when no
    /// --key-file is given.
    #[arg(long, value_name = "VAR", default_value = "HARDTACK_KEY")]
    pub key_env: String,

    /// The master key itself, base64url. Refused unless --allow-key-argument is also
    /// given: command-line arguments are visible to every user through `ps` and
    /// /proc/PID/cmdline, and land in shell history.
    #[arg(long, value_name = "BASE64URL")]
    pub key: Option<String>,

    /// Accept --key despite the leak (for throwaway keys in examples and tests).
    #[arg(long)]
    pub allow_key_argument: bool,
}

impl KeyArgs {
    /// Loads the key: --key-file, else --key (if allowed), else the environment.
    ///
    /// # Errors
    /// A message that never contains key material.
    pub fn load(&self) -> Result<MasterKey, CliError> {
        if let Some(path) = &self.key_file {
            return from_file(path);
        }
        if let Some(text) = &self.key {
            if !self.allow_key_argument {
                return Err(CliError::usage(
                    "refusing a key on the command line (it leaks through ps and shell \
                     history): use --key-file or the HARDTACK_KEY environment variable, \
                     or add --allow-key-argument",
                ));
            }
            return from_text(text, "--key");
        }
        match std::env::var_os(&self.key_env) {
            Some(v) => match v.to_str() {
                Some(text) => from_text(text, &format!("${}", self.key_env)),
                None => Err(CliError::usage(format!(
                    "${} is not base64url text",
                    self.key_env
                ))),
            },
            None => Err(CliError::usage(format!(
                "no key: pass --key-file FILE or set ${} (create one with `hardtack key generate`)",
                self.key_env
            ))),
        }
    }
}

fn from_file(path: &PathBuf) -> Result<MasterKey, CliError> {
    let shown = path.display();
    let file = std::fs::File::open(path)
        .map_err(|e| CliError::usage(format!("cannot read key file {shown}: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_KEY_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::usage(format!("cannot read key file {shown}: {e}")))?;
    if bytes.len() as u64 > MAX_KEY_FILE {
        wipe(&mut bytes);
        return Err(CliError::usage(format!(
            "key file {shown} is larger than {MAX_KEY_FILE} bytes: not a key"
        )));
    }
    let text = std::str::from_utf8(&bytes).ok().map(str::trim_end);
    let key = match text.filter(|t| looks_base64url(t)) {
        Some(t) => from_text(t, &shown.to_string()),
        None => {
            MasterKey::from_bytes(&bytes).map_err(|e| key_error(e, &shown.to_string(), bytes.len()))
        }
    };
    wipe(&mut bytes);
    key
}

fn looks_base64url(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn from_text(text: &str, source: &str) -> Result<MasterKey, CliError> {
    let text = text.trim();
    if !looks_base64url(text) {
        return Err(CliError::usage(format!(
            "{source} is not base64url text (A-Z a-z 0-9 - _, no padding)"
        )));
    }
    let mut bytes = base64url_decode(text)
        .map_err(|e| CliError::usage(format!("{source} is not valid base64url: {e}")))?;
    let key = MasterKey::from_bytes(&bytes).map_err(|e| key_error(e, source, bytes.len()));
    wipe(&mut bytes);
    key
}

fn key_error(e: KeyError, source: &str, len: usize) -> CliError {
    match e {
        KeyError::TooShort => CliError::usage(format!(
            "the key from {source} is {len} bytes; at least 32 are needed (make one \
                with `hardtack key generate`)"
        )),
        other => CliError::usage(format!("unusable key from {source}: {other}")),
    }
}

/// Best-effort erasure of a key buffer before it is freed.
fn wipe(bytes: &mut Vec<u8>) {
    bytes.fill(0);
    std::hint::black_box(&bytes);
}

/// A fresh key as base64url text: 32 bytes from the operating system's generator.
///
/// # Errors
/// The OS generator failed.
pub fn generate() -> Result<String, CliError> {
    let key = MasterKey::generate()
        .map_err(|e| CliError::failure(format!("cannot generate a key: {e}")))?;
    Ok(hardtack::cookie::encode::base64url(key.expose_bytes()).to_string())
}

/// Writes `text` to a new file readable only by its owner (0600 on Unix). An
/// existing file is never overwritten: a key is not something to clobber by mistake.
///
/// # Errors
/// The file exists or cannot be created.
pub fn write_new(path: &PathBuf, text: &str) -> Result<(), CliError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let shown = path.display();
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            CliError::usage(format!(
                "{shown} already exists; refusing to overwrite a key"
            ))
        } else {
            CliError::usage(format!("cannot create {shown}: {e}"))
        }
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| CliError::failure(format!("cannot write {shown}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_text_decodes_to_the_key_bytes() {
        let text = hardtack::cookie::encode::base64url(&[7u8; 32]).to_string();
        let key = from_text(&text, "test");
        assert_eq!(
            key.map(|k| k.expose_bytes().to_vec()).ok(),
            Some(vec![7u8; 32])
        );
    }

    #[test]
    fn short_keys_are_refused_without_echoing_them() {
        let text = hardtack::cookie::encode::base64url(b"short-secret").to_string();
        let err = from_text(&text, "test").unwrap_err();
        assert!(err.message.contains("12 bytes"));
        assert!(!err.message.contains(&text));
    }

    #[test]
    fn padded_or_foreign_alphabets_are_refused() {
        assert!(from_text("AAAA==", "test").is_err());
        assert!(from_text("a+b/", "test").is_err());
        assert!(from_text("", "test").is_err());
    }

    #[test]
    fn generated_keys_are_32_bytes() {
        let text = generate().ok();
        assert_eq!(text.as_ref().map(String::len), Some(43));
        assert!(text.is_some_and(|t| from_text(&t, "generated").is_ok()));
    }
}
