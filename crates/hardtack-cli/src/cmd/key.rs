//! `hardtack key generate`.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::json::Json;
use crate::keys;
use crate::{CliError, Ctx, Output, Status};

/// `hardtack key …`
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Generate a 256-bit master key as base64url text.
    ///
    /// With --out the key goes to a new file with mode 0600 (an existing file is
    /// never overwritten); otherwise to standard output.
    Generate {
        /// Write the key to this new file instead of standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
}

/// Runs the key command.
///
/// # Errors
/// The random generator failed, or the file exists or cannot be written.
pub fn run(command: &Command, ctx: Ctx) -> Result<Output, CliError> {
    match command {
        Command::Generate { out } => {
            let key = keys::generate()?;
            let text = match out {
                Some(path) => {
                    keys::write_new(path, &format!("{key}\n"))?;
                    let shown = path.display().to_string();
                    if ctx.json {
                        format!("{}\n", Json::Obj(vec![("written", Json::str(&shown))]))
                    } else {
                        format!("wrote a new 256-bit key to {shown} (mode 0600)\n")
                    }
                }
                None => {
                    if !ctx.json && std::io::stdout().is_terminal() {
                        eprintln_hint();
                    }
                    if ctx.json {
                        format!("{}\n", Json::Obj(vec![("key", Json::str(&key))]))
                    } else {
                        format!("{key}\n")
                    }
                }
            };
            Ok(Output {
                text,
                status: Status::Ok,
            })
        }
    }
}

fn eprintln_hint() {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "hint: a key shown on a terminal can end up in scrollback and logs; prefer --out FILE"
    );
}
