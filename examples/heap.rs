//! Heap used by a loaded corpus, by part: `cargo run --release --example heap -- DIR`.

use std::path::PathBuf;

use whosaid::corpus::{Corpus, Themes, article_paths, read_article, read_lexicon};

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
    let (quotes, statements, paragraphs, speakers) = articles.iter().fold((0, 0, 0, 0), |acc, a| {
        (
            acc.0 + a.quotes.len(),
            acc.1 + a.statements.len(),
            acc.2 + a.paragraphs.len(),
            acc.3 + a.speakers.len(),
        )
    });
    println!(
        "paragraph text {text} B; {paragraphs} paragraphs, {quotes} quotes, {statements} statements, {speakers} article speakers"
    );
    println!("parsed articles: {parsed} B ({:.2}x text)", parsed as f64 / text as f64);
    let corpus = Corpus::build(articles, Themes::new(Vec::new()));
    let built = dhat::HeapStats::get().curr_bytes - base;
    println!(
        "corpus: {built} B ({:.2}x text); index and rows {} B",
        built as f64 / text as f64,
        built - parsed
    );
    drop(corpus);
}
