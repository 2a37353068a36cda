//! Parses the parse benchmark's 1 MiB corpus on one thread (once, or as many times as the
//! first argument says; or, given a folder as the second argument, the `.txt` files in it),
//! for instruction counts
//! (`valgrind --tool=callgrind target/release/examples/parse_once`) and for timing on a pinned
//! core (`taskset -c 1 target/release/examples/parse_once 30`): it prints the time the passes
//! took, without building the corpus or starting the process.

use std::hint::black_box;

use std::path::Path;

use whosaid::corpus::{LoadError, article_paths, read_text};
use whosaid::parse::{Lexicon, parse};
use whosaid::synthetic::parse_bench_corpus;

/// The allocator the binary ships with, so the counts are the binary's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let lexicon = Lexicon::builtin();
    let rounds: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(1);
    let articles = match std::env::args().nth(2) {
        Some(folder) => read_folder(&folder),
        None => parse_bench_corpus(1),
    };
    let started = std::time::Instant::now();
    for _ in 0..rounds {
        for text in &articles {
            black_box(parse(black_box(text), &lexicon));
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let bytes: usize = articles.iter().map(String::len).sum();
    let megabytes = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} articles, {bytes} bytes, parsed {rounds} times in {seconds:.3} s: {:.1} MB/s",
        articles.len(),
        megabytes / seconds
    );
}

/// The articles of `folder` as the app finds and reads them ([`article_paths`], [`read_text`]);
/// exits with a message when one cannot be read.
fn read_folder(folder: &str) -> Vec<String> {
    let read = || -> Result<Vec<String>, LoadError> {
        article_paths(Path::new(folder))?
            .iter()
            .map(|path| read_text(path))
            .collect()
    };
    match read() {
        Ok(articles) => articles,
        Err(error) => {
            eprintln!("parse_once: {error}");
            std::process::exit(2);
        }
    }
}
