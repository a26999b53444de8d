//! `hardtack sid`: fresh session ids.

use std::fmt::Write as _;

use hardtack::sid::{InteropSessionId, SessionId};

use crate::json::Json;
use crate::{CliError, Ctx, Output, Status};

/// Arguments of `hardtack sid`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many ids to print.
    #[arg(
        long,
        short = 'n',
        default_value_t = 1,
        value_parser = clap::value_parser!(u32).range(1..=100_000)
    )]
    pub count: u32,

    /// 128-bit ids (22 characters) for systems that expect that size; the default
    /// is 192 bits (32 characters).
    #[arg(long)]
    pub interop: bool,

    /// Also print each id's storage key (hex SHA-256): what a store should index by.
    #[arg(long)]
    pub storage_key: bool,
}

/// Prints the ids.
///
/// # Errors
/// The operating system's random generator failed.
pub fn run(args: &Args, ctx: Ctx) -> Result<Output, CliError> {
    let mut ids = Vec::with_capacity(args.count as usize);
    for _ in 0..args.count {
        let id = if args.interop {
            InteropSessionId::generate()
                .map(|id| (id.expose().to_owned(), id.storage_key().to_string()))
        } else {
            SessionId::generate().map(|id| (id.expose().to_owned(), id.storage_key().to_string()))
        };
        ids.push(id.map_err(|e| CliError::failure(format!("cannot generate a session id: {e}")))?);
    }
    let text = if ctx.json {
        let items = ids
            .iter()
            .map(|(id, key)| {
                let mut fields = vec![("id", Json::str(id))];
                if args.storage_key {
                    fields.push(("storage_key", Json::str(key)));
                }
                Json::Obj(fields)
            })
            .collect();
        format!("{}\n", Json::Obj(vec![("ids", Json::Arr(items))]))
    } else {
        let mut out = String::new();
        for (id, key) in &ids {
            if args.storage_key {
                let _ = writeln!(out, "{id}  {}", ctx.style.dim(key));
            } else {
                let _ = writeln!(out, "{id}");
            }
        }
        out
    };
    Ok(Output {
        text,
        status: Status::Ok,
    })
}
