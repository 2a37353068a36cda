//! The `whosaid` binary: reads the command line and hands it to the library.

use std::process::ExitCode;

use clap::Parser;

/// jemalloc: measured against glibc and mimalloc (README, *Runtime, allocator and build*).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    whosaid::cli::run(whosaid::cli::Cli::parse())
}
