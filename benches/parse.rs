//! Parser throughput on a generated corpus, at 1× and 10× its size, on one core.
//!
//! Run with `cargo bench --bench parse`. Criterion prints time and throughput
//! (MiB/s) for each size; equal throughput at both sizes means linear time.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use whosaid::parse::{Lexicon, parse};
use whosaid::synthetic::parse_bench_corpus;

/// The allocator the binary ships with, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn bench_parse(c: &mut Criterion) {
    let lexicon = Lexicon::builtin();
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    for megabytes in [1, 10] {
        let articles = parse_bench_corpus(megabytes);
        let bytes: usize = articles.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::new("articles", format!("{megabytes}MiB")),
            &articles,
            |b, articles| {
                b.iter(|| {
                    for text in articles {
                        black_box(parse(black_box(text), &lexicon));
                    }
                });
            },
        );
    }
    // The shipped article alone, parsed over and over.
    let seed = whosaid::corpus::SHIPPED_ARTICLE;
    group.throughput(Throughput::Bytes(seed.len() as u64));
    group.bench_function("shipped-article", |b| {
        b.iter(|| black_box(parse(black_box(seed), &lexicon)))
    });
    // One long paragraph: no rescans within a paragraph either.
    for megabytes in [1, 10] {
        let unit =
            "“It will hold,” said Ana Ruiz, a lecturer at Vigo University, and she added that it was “fragile”. ";
        let text = unit.repeat(megabytes * 1024 * 1024 / unit.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("one-line", format!("{megabytes}MiB")),
            &text,
            |b, text| {
                b.iter(|| black_box(parse(black_box(text), &lexicon)));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
