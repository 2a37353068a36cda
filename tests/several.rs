//! A site for several stories: one `<h1>`, articles newest first with their commentators,
//! cards that name their articles, a person in two stories on one page grouped by article,
//! colours from slugs, and themes that belong to articles. Every article here but the shipped
//! one is written for this test.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

mod common;

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::Request;
use common::texts;
use scraper::Html;
use tower::ServiceExt;
use whosaid::corpus::{Corpus, Library};
use whosaid::web::{AppState, app};

const TIDAL: &str = "Tidal energy trial extended for two years\n\nBy Ana Ruiz\n\nMarch 20, 2025\n\n\
Engineers will keep the tidal turbine in the sound running for two more years, the energy agency said.\n\n\
“The turbine has done everything we asked of it, in seas rougher than we planned for,” said Nadia Okafor, \
a marine engineer at the agency.\n\n\
Okafor said the turbine's output had beaten every forecast, and that China was watching the trial closely.\n";

const ENERGY_THEMES: &str = "[[theme]]\nslug = \"output\"\nlabel = \"Output\"\nkeywords = [\"output\", \"power\"]\n";

fn folder(with_default_themes: bool) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "whosaid-several-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["putin-north-korea-visit.txt", "putin-north-korea-visit.toml"] {
        std::fs::copy(root.join("data/articles").join(name), dir.join("articles").join(name)).unwrap();
    }
    if with_default_themes {
        std::fs::copy(root.join("data/themes.toml"), dir.join("themes.toml")).unwrap();
    }
    std::fs::write(dir.join("articles/tidal.txt"), TIDAL).unwrap();
    std::fs::write(
        dir.join("articles/tidal.toml"),
        "outlet = \"Coast Weekly\"\nthemes = \"themes-energy.toml\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("themes-energy.toml"), ENERGY_THEMES).unwrap();
    dir
}

fn corpus(dir: &Path) -> Corpus {
    let (loaded, _) = Library::new(dir).refresh().unwrap();
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.corpus
}

fn site(corpus: Corpus) -> Router {
    app(AppState::new(corpus, "http://127.0.0.1:3000"))
}

/// The status and body of a GET.
async fn fetch(site: &Router, uri: &str) -> (u16, Bytes) {
    let response = site
        .clone()
        .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        axum::body::to_bytes(response.into_body(), 10 << 20).await.unwrap(),
    )
}

async fn page(corpus: Corpus, uri: &str) -> Html {
    let (status, bytes) = fetch(&site(corpus), uri).await;
    assert_eq!(status, 200, "{uri}");
    Html::parse_document(&String::from_utf8_lossy(&bytes))
}

#[tokio::test]
async fn the_home_page_lists_stories_newest_first_under_one_heading() {
    let dir = folder(true);
    let html = page(corpus(&dir), "/").await;
    assert_eq!(texts(&html, "h1"), ["Who said what, story by story"]);
    assert_eq!(
        texts(&html, ".story-title"),
        [
            "Tidal energy trial extended for two years",
            "Putin in Pyongyang: what the visit means for Russia–North Korea ties"
        ]
    );
    assert!(texts(&html, ".story .kicker")[0].starts_with("Coast Weekly"));
    assert!(texts(&html, ".story-who")[1].contains("Jenny Town"));
    let okafor = texts(&html, ".card")
        .into_iter()
        .find(|c| c.contains("Nadia Okafor"))
        .unwrap();
    assert!(
        okafor.contains("In Tidal energy trial extended for two years"),
        "{okafor}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn themes_belong_to_their_articles() {
    let dir = folder(true);
    let corpus = corpus(&dir);
    let tidal = corpus.article("tidal").unwrap();
    let output = corpus.themes.position("output").unwrap();
    let china = corpus.themes.position("china").unwrap();
    for (r, row) in corpus.said.iter().enumerate() {
        if row.article() == tidal {
            // “China” is a keyword of the other story's themes, not of this one's.
            assert!(!corpus.row_themes(r).any(|t| t == china), "{row:?}");
        } else {
            assert!(!corpus.row_themes(r).any(|t| t == output), "{row:?}");
        }
    }
    assert!(
        (0..corpus.said.len()).any(|r| corpus.said[r].article() == tidal && corpus.row_themes(r).any(|t| t == output))
    );
    // A folder without themes.toml gives its other articles no themes at all.
    let bare = folder(false);
    let corpus = self::corpus(&bare);
    let putin = corpus.article("putin-north-korea-visit").unwrap();
    assert!(
        (0..corpus.said.len())
            .filter(|&r| corpus.said[r].article() == putin)
            .all(|r| corpus.row_themes(r).next().is_none())
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&bare);
}

#[tokio::test]
async fn colours_stay_when_another_story_arrives() {
    let only = Corpus::shipped().unwrap();
    let dir = folder(true);
    let both = corpus(&dir);
    for speaker in &only.speakers {
        let same = both.speakers.iter().find(|s| s.slug == speaker.slug).unwrap();
        assert_eq!(same.colour, speaker.colour, "{}", speaker.slug);
    }
    // Everyone in the shipped story has a colour of their own.
    let mut colours: Vec<usize> = only.speakers.iter().map(|s| s.colour).collect();
    colours.sort_unstable();
    colours.dedup();
    assert_eq!(colours.len(), only.speakers.len());
    let _ = std::fs::remove_dir_all(&dir);
}

async fn json(site: &Router, uri: &str) -> (u16, serde_json::Value) {
    let (status, bytes) = fetch(site, uri).await;
    (status, serde_json::from_slice(&bytes).unwrap())
}

#[tokio::test]
async fn the_speaker_and_article_lists_come_a_page_at_a_time() {
    let dir = folder(false);
    let mut rng = whosaid::synthetic::Rng::new(7);
    for n in 0..120 {
        let (text, _) = whosaid::synthetic::article(&mut rng, 6);
        std::fs::write(dir.join(format!("articles/gen-{n:03}.txt")), text).unwrap();
    }
    let corpus = corpus(&dir);
    let (articles, speakers) = (corpus.articles.len(), corpus.speakers.len());
    assert_eq!(articles, 122);
    assert!(speakers > 100, "{speakers} speakers");
    let site = site(corpus);
    for (path, key, total) in [
        ("/api/articles", "articles", articles),
        ("/api/speakers", "speakers", speakers),
    ] {
        // Following `next` from the first page visits every item once, 100 to a page.
        let mut slugs: Vec<String> = Vec::new();
        let mut next = Some(path.to_owned());
        let mut pages = 0;
        while let Some(uri) = next {
            let (status, page) = json(&site, &uri).await;
            assert_eq!(status, 200, "{uri}");
            pages += 1;
            assert_eq!(page["page"], pages, "{uri}");
            assert_eq!(page["total"], total, "{uri}");
            assert_eq!(page["pages"], total.div_ceil(100), "{uri}");
            let items = page[key].as_array().unwrap();
            assert_eq!(items.len(), (total - slugs.len()).min(100), "{uri}");
            slugs.extend(items.iter().map(|i| i["slug"].as_str().unwrap().to_owned()));
            next = page["next"].as_str().map(str::to_owned);
        }
        assert_eq!(slugs.len(), total, "{path}");
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), total, "{path}: an item on two pages");
        let past = format!("{path}?page={}", pages + 1);
        let (status, answer) = json(&site, &past).await;
        assert_eq!(status, 400, "{past}");
        assert_eq!(answer["error"]["parameter"], "page", "{past}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
