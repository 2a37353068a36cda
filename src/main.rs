//! The `whosaid` binary: reads the command line and hands it to the library.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: measured in benches (README, *Runtime and build*).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    whosaid::cli::run(whosaid::cli::Cli::parse())
}
