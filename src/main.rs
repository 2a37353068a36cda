//! The `whosaid` binary: reads the command line and hands it to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    whosaid::cli::run(whosaid::cli::Cli::parse())
}
