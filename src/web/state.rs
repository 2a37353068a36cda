//! Shared, read-only state every handler sees.

use std::sync::Arc;

use super::assets::Assets;
use crate::corpus::Corpus;

/// What handlers share: the corpus, the static assets, and the site's address.
#[derive(Clone)]
pub struct AppState {
    /// Every article, speaker and quote.
    pub corpus: Arc<Corpus>,
    /// Fingerprinted static asset URLs.
    pub assets: Arc<Assets>,
    /// Absolute base URL for canonical links and citations ("http://127.0.0.1:3000").
    pub base_url: Arc<str>,
}

impl AppState {
    /// State for a corpus served at `base_url`.
    pub fn new(corpus: Corpus, base_url: &str) -> Self {
        AppState {
            corpus: Arc::new(corpus),
            assets: Arc::new(Assets::locate()),
            base_url: Arc::from(base_url.trim_end_matches('/')),
        }
    }
}
