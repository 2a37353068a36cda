//! Parses the parse benchmark's 1 MiB corpus on one thread (once, or as many times as the
//! first argument says), for instruction counts
//! (`valgrind --tool=callgrind target/release/examples/parse_once`) and for timing on a pinned
//! core (`taskset -c 1 target/release/examples/parse_once 30`): it prints the time the passes
//! took, without building the corpus or starting the process.

use std::hint::black_box;

use whosaid::parse::{Lexicon, parse};
use whosaid::synthetic::parse_bench_corpus;

/// The allocator the binary ships with, so the counts are the binary's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let lexicon = Lexicon::builtin();
    let articles = parse_bench_corpus(1);
    let rounds: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(1);
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
