//! `cargo run -p hardtack-demo -- [PORT] [--idle SECS] [--absolute SECS] [--remember SECS]`

#![forbid(unsafe_code)]

use std::process::ExitCode;

use hardtack_demo::{Config, Demo};

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args().skip(1), |name| std::env::var(name).ok())
    {
        Ok(config) => config,
        Err(e) => {
            eprintln!("hardtack-demo: {e}");
            return ExitCode::from(2);
        }
    };
    let lifetime = config.session_lifetime();
    let demo = match Demo::bind(config).await {
        Ok(demo) => demo,
        Err(e) => {
            eprintln!("hardtack-demo: {e}");
            return ExitCode::from(1);
        }
    };
    println!("hardtack demo listening on https://{}/", demo.local_addr());
    println!(
        "sessions: idle timeout {} s, absolute timeout {} s; the certificate is self-signed",
        lifetime.idle(),
        lifetime.absolute()
    );
    match demo.run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hardtack-demo: {e}");
            ExitCode::from(1)
        }
    }
}
