//! Heap used by a loaded corpus, by part: `cargo run --release --example heap -- DIR`.
//!
//! Whole figures come from the counting allocator; the parts are the lists' sizes (element
//! size times capacity, plus the strings they own, and each article's whole text once), so they show where the bytes are.

use std::mem::size_of;
use std::path::PathBuf;

use whosaid::corpus::{Corpus, CorpusSpeaker, SaidRow, Themes, article_paths, read_article, read_lexicon};
use whosaid::model::{Paragraph, Quote, Report, Speaker, Statement};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "data".into()));
    let lexicon = read_lexicon(&dir).expect("lexicon");
    let base = dhat::HeapStats::get().curr_bytes;
    let articles: Vec<_> = article_paths(&dir)
        .expect("paths")
        .iter()
        .map(|p| read_article(p, &lexicon).expect("article"))
        .collect();
    let text: usize = articles.iter().flat_map(|a| &a.paragraphs).map(|p| p.text.len()).sum();
    let parsed = dhat::HeapStats::get().curr_bytes - base;
    let times = |bytes: usize| bytes as f64 / text as f64;
    let mut parts = [0usize; 6];
    let mut counts = [0usize; 6];
    for article in &articles {
        parts[0] += list_bytes(&article.paragraphs, |_: &Paragraph| 0);
        parts[1] += list_bytes(&article.quotes, |_: &Quote| 0);
        parts[2] += list_bytes(&article.statements, |_: &Statement| 0);
        parts[3] += list_bytes(&article.reports, |r: &Report| r.quotes.len() * size_of::<u32>());
        parts[4] += list_bytes(&article.speakers, |s: &Speaker| {
            s.name.len() + s.short_name.len() + s.role.as_ref().map_or(0, |r| r.len())
        });
        counts[0] += article.paragraphs.len();
        counts[1] += article.quotes.len();
        counts[2] += article.statements.len();
        counts[3] += article.reports.len();
        counts[4] += article.speakers.len();
        // The article's whole text, which its paragraphs, quotes and reports share.
        parts[5] += article.paragraphs.first().map_or(0, |p| p.text.whole_len());
        counts[5] += 1;
    }
    println!("paragraph text {text} B in {} articles", articles.len());
    println!("parsed articles: {parsed} B ({:.2}x text)", times(parsed));
    for ((name, bytes), count) in [
        "paragraphs",
        "quotes",
        "statements",
        "reports",
        "speakers",
        "whole text",
    ]
    .iter()
    .zip(parts)
    .zip(counts)
    {
        println!("  {name:<12} {count:>8}  {bytes:>11} B ({:.2}x)", times(bytes));
    }
    let corpus = Corpus::build(articles, Themes::new(Vec::new()));
    let built = dhat::HeapStats::get().curr_bytes - base;
    let rows = list_bytes(&corpus.said, |_: &SaidRow| 0) + corpus.theme_sets_heap();
    let speakers = list_bytes(&corpus.speakers, |s: &CorpusSpeaker| {
        (s.said.len() + s.articles.len()) * size_of::<u32>()
            + s.places.len() * size_of::<(u32, u32)>()
            + s.slug.len()
            + s.name.len()
            + s.short_name.len()
            + s.role.as_ref().map_or(0, |r| r.len())
    });
    let added = built - parsed;
    println!(
        "corpus: {built} B ({:.2}x text); added to the articles {added} B ({:.2}x)",
        times(built),
        times(added)
    );
    println!(
        "  said rows    {:>8}  {rows:>11} B ({:.2}x)",
        corpus.said.len(),
        times(rows)
    );
    println!(
        "  speakers     {:>8}  {speakers:>11} B ({:.2}x)",
        corpus.speakers.len(),
        times(speakers)
    );
    let rest = added.saturating_sub(rows + speakers);
    println!("  search index and lookups {rest:>11} B ({:.2}x)", times(rest));
    for (part, bytes) in corpus.index_heap_parts() {
        println!("    {part:<34} {bytes:>11} B ({:.2}x)", times(bytes));
    }
    drop(corpus);
}

/// A list's bytes: its elements' room (capacity times size) plus what each element owns.
fn list_bytes<T>(list: &Vec<T>, owned: impl Fn(&T) -> usize) -> usize {
    list.capacity() * size_of::<T>() + list.iter().map(owned).sum::<usize>()
}
