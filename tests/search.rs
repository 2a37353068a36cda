//! Search on our own fixture articles: stems, both spellings, phrases in order, OR,
//! relevance and prefixes, through the same index the pages use.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::path::Path;

use whosaid::corpus::{Corpus, QuoteQuery, SearchQuery, StoredArticle, Themes, read_article};
use whosaid::parse::Lexicon;

fn corpus() -> Corpus {
    let lexicon = Lexicon::builtin();
    let articles: Vec<StoredArticle> = ["agency-relay", "rare-earths", "council-groups"]
        .iter()
        .map(|name| {
            let mut article =
                read_article(&Path::new("tests/fixtures").join(name).join("article.txt"), &lexicon).unwrap();
            article.slug = (*name).to_owned();
            article
        })
        .collect();
    Corpus::build(articles, Themes::new(Vec::new()))
}

fn texts(corpus: &Corpus, search: &str, by_relevance: bool) -> Vec<String> {
    corpus
        .search(&QuoteQuery {
            text: SearchQuery::parse(search, corpus.terms()),
            by_relevance,
            ..QuoteQuery::default()
        })
        .into_iter()
        .map(|row| corpus.said_text(row).text)
        .collect()
}

#[test]
fn stems_and_spellings() {
    let corpus = corpus();
    let found = texts(&corpus, "weaponization", false);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("weaponisation of interdependence"));
    assert_eq!(texts(&corpus, "neighbors", false), texts(&corpus, "neighbour", false));
    assert!(!texts(&corpus, "neighbors", false).is_empty());
    assert_eq!(
        texts(&corpus, "neighb*", false).len(),
        texts(&corpus, "neighbour", false).len()
    );
}

#[test]
fn phrases_or_and_relevance() {
    let corpus = corpus();
    assert_eq!(texts(&corpus, "\"choose our neighbours\"", false).len(), 1);
    assert!(texts(&corpus, "\"neighbours our choose\"", false).is_empty());
    let either = texts(&corpus, "neighbours OR interdependence", false);
    assert_eq!(
        either.len(),
        texts(&corpus, "neighbours", false).len() + texts(&corpus, "interdependence", false).len()
    );
    // Relevance puts the item with the phrase first; article order does not care.
    let ranked = texts(&corpus, "choose OR neighbours", true);
    assert!(ranked[0].contains("We choose how we live beside them"), "{ranked:?}");
}
