//! What every page's layout needs: title, description, canonical URL, JSON alternate, asset URLs.

use super::state::AppState;

/// The head and navigation of a page.
#[derive(Debug, Clone)]
pub struct PageMeta {
    /// `<title>` and Open Graph title.
    pub title: String,
    /// Meta description.
    pub description: String,
    /// Absolute canonical URL.
    pub canonical: String,
    /// Path of the JSON behind the page, if any.
    pub json: Option<String>,
    /// Stylesheet URLs: the site's, then the page family's.
    pub styles: Vec<String>,
    /// Script URLs, loaded deferred.
    pub scripts: Vec<String>,
    /// Icon URL.
    pub icon: String,
    /// Which navigation entry is current ("home", "quotes", "themes", "article").
    pub section: &'static str,
}

impl PageMeta {
    /// Meta for a page at `path` (with its query, if it has one).
    pub fn new(
        state: &AppState,
        section: &'static str,
        title: impl Into<String>,
        description: impl Into<String>,
        path: &str,
    ) -> Self {
        PageMeta {
            title: title.into(),
            description: description.into(),
            canonical: format!("{}{path}", state.base_url),
            json: None,
            styles: vec![state.assets.url("style.css")],
            scripts: Vec::new(),
            icon: state.assets.url("favicon.svg"),
            section,
        }
    }

    /// Links the JSON behind the page.
    pub fn with_json(mut self, path: impl Into<String>) -> Self {
        self.json = Some(path.into());
        self
    }

    /// Adds a page-family stylesheet and script from `static/` (either may be empty).
    pub fn with_assets(mut self, state: &AppState, style: &str, script: &str) -> Self {
        if !style.is_empty() {
            self.styles.push(state.assets.url(style));
        }
        if !script.is_empty() {
            self.scripts.push(state.assets.url(script));
        }
        self
    }

    /// Whether `section` is the current one, for `aria-current`.
    pub fn is(&self, section: &str) -> bool {
        self.section == section
    }
}
