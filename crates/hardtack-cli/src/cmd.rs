//! One module per subcommand. Each `run` returns the text to print and the exit
//! status; only `main` touches standard output.

pub mod demo;
pub mod key;
pub mod lint;
pub mod parse;
pub mod sid;
pub mod token;
