//! Shared state every handler sees: the corpus (swapped whole when the data changes), the
//! page cache, the static assets and the site's address.

use std::sync::Arc;

use arc_swap::ArcSwap;

use super::assets::Assets;
use super::cache::ResponseCache;
use crate::corpus::Corpus;

/// What handlers share. The corpus is read once per request ([`AppState::corpus`]), so a
/// request in flight finishes on the corpus it started with when a new one is swapped in.
#[derive(Clone)]
pub struct AppState {
    corpus: Arc<ArcSwap<Corpus>>,
    /// Rendered pages, cleared whenever the corpus changes.
    pub cache: Arc<ResponseCache>,
    /// Fingerprinted static asset URLs.
    pub assets: Arc<Assets>,
    /// Absolute base URL for canonical links and citations ("http://127.0.0.1:3000").
    pub base_url: Arc<str>,
}

impl AppState {
    /// State for a corpus served at `base_url`.
    pub fn new(corpus: Corpus, base_url: &str) -> Self {
        AppState {
            corpus: Arc::new(ArcSwap::from_pointee(corpus)),
            cache: ResponseCache::new(),
            assets: Arc::new(Assets::locate()),
            base_url: Arc::from(base_url.trim_end_matches('/')),
        }
    }

    /// The corpus as it is now.
    pub fn corpus(&self) -> Arc<Corpus> {
        self.corpus.load_full()
    }

    /// Serves `corpus` from now on: requests already running keep the old one, and every
    /// cached page is dropped.
    pub fn replace_corpus(&self, corpus: Corpus) {
        self.corpus.store(Arc::new(corpus));
        self.cache.clear();
    }
}
