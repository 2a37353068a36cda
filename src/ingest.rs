//! Taking in an article the way a reader has it — a saved web page, a text file or an address —
//! and storing it in a data folder as `articles/SLUG.txt` (headline, then paragraphs) with
//! `articles/SLUG.toml` (its metadata).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::extract::{ExtractError, Extracted, extract};
use crate::model::slugify;

/// Largest page fetched or read, in bytes.
pub const MAX_PAGE_BYTES: u64 = 8 * 1024 * 1024;
/// How long a fetch may take in all.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(20);
/// Most redirects followed.
pub const MAX_REDIRECTS: u32 = 5;
/// The user agent whosaid fetches with.
pub const USER_AGENT: &str = concat!("whosaid/", env!("CARGO_PKG_VERSION"), " (article reader; +local)");

/// Why a source could not be taken in; every message names the source.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file is missing or unreadable.
    #[error("{source_name}: cannot read: {reason}")]
    Read {
        /// The source as given.
        source_name: String,
        /// What went wrong.
        reason: String,
    },
    /// The address could not be fetched.
    #[error("{source_name}: cannot fetch: {reason}")]
    Fetch {
        /// The source as given.
        source_name: String,
        /// What went wrong.
        reason: String,
    },
    /// The source is neither text nor HTML.
    #[error("{source_name}: not a web page or a text file ({what})")]
    NotText {
        /// The source as given.
        source_name: String,
        /// What it looks like.
        what: String,
    },
    /// Nothing in it looks like an article.
    #[error("{source_name}: {reason}")]
    NoArticle {
        /// The source as given.
        source_name: String,
        /// Why.
        reason: String,
    },
    /// The data folder could not be written.
    #[error("{path}: cannot write: {reason}")]
    Write {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
}

/// A source's bytes, what they are, and where they came from.
struct Fetched {
    bytes: Vec<u8>,
    html: bool,
    url: Option<String>,
}

/// Whether the bytes look like HTML: a tag at the start, or `<html`/`<body`/`<!doctype` early on.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    // Text with no tag in its head is text: the usual case, answered without copying.
    if !head.contains(&b'<') {
        return false;
    }
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || head.contains("<html")
        || head.contains("<body")
        || (trimmed.starts_with('<') && head.contains("</"))
}

fn read(source: &str) -> Result<Fetched, IngestError> {
    if source.starts_with("http://") || source.starts_with("https://") {
        return fetch(source);
    }
    let path = Path::new(source);
    let file = std::fs::File::open(path).map_err(|e| IngestError::Read {
        source_name: source.to_owned(),
        reason: e.to_string(),
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::Read {
            source_name: source.to_owned(),
            reason: e.to_string(),
        })?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(IngestError::Read {
            source_name: source.to_owned(),
            reason: format!("larger than {} MiB", MAX_PAGE_BYTES / 1024 / 1024),
        });
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let html = matches!(extension.as_str(), "html" | "htm" | "xhtml") || looks_like_html(&bytes);
    Ok(Fetched { bytes, html, url: None })
}

fn fetch(url: &str) -> Result<Fetched, IngestError> {
    let failed = |reason: String| IngestError::Fetch {
        source_name: url.to_owned(),
        reason,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(FETCH_TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(USER_AGENT)
        .build()
        .into();
    let response = agent.get(url).call().map_err(|e| failed(e.to_string()))?;
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let bytes = response
        .into_body()
        .with_config()
        .limit(MAX_PAGE_BYTES)
        .read_to_vec()
        .map_err(|e| failed(e.to_string()))?;
    let html = content_type.contains("html") || looks_like_html(&bytes);
    if !html && !content_type.starts_with("text/") && !content_type.is_empty() {
        return Err(IngestError::NotText {
            source_name: url.to_owned(),
            what: content_type,
        });
    }
    Ok(Fetched {
        bytes,
        html,
        url: Some(url.to_owned()),
    })
}

/// What `add` would store for a source, without storing it.
pub fn extract_source(source: &str) -> Result<Extracted, IngestError> {
    let fetched = read(source)?;
    if fetched.bytes.contains(&0) {
        return Err(IngestError::NotText {
            source_name: source.to_owned(),
            what: "binary data".to_owned(),
        });
    }
    if fetched.html {
        return extract(&fetched.bytes, fetched.url.as_deref()).map_err(|e: ExtractError| IngestError::NoArticle {
            source_name: source.to_owned(),
            reason: e.to_string(),
        });
    }
    let text = String::from_utf8(fetched.bytes).map_err(|e| IngestError::NotText {
        source_name: source.to_owned(),
        what: format!(
            "not UTF-8 text: invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        ),
    })?;
    Ok(crate::parse::read_plain_text(&text))
}

/// The text stored for an article: the headline line, then one paragraph per line.
pub fn article_text(extracted: &Extracted) -> String {
    let mut text = String::new();
    if let Some(title) = &extracted.title {
        text.push_str(title);
        text.push_str("\n\n");
    }
    for paragraph in &extracted.paragraphs {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text
}

/// The sidecar stored beside it: the metadata, and the source it came from.
pub fn sidecar_text(extracted: &Extracted, source: &str) -> String {
    let mut table = toml::Table::new();
    let mut put = |key: &str, value: &Option<String>| {
        if let Some(value) = value {
            table.insert(key.to_owned(), toml::Value::String(value.clone()));
        }
    };
    put("title", &extracted.title);
    put("date", &extracted.date);
    put("outlet", &extracted.outlet);
    put("byline", &extracted.byline);
    put("url", &extracted.url);
    put("added_from", &Some(source.to_owned()));
    format!(
        "# Written by `whosaid add`; edit freely (corrections go here too).\n{}",
        toml::to_string(&table).unwrap_or_default()
    )
}

/// Stores a source in `dir/articles/` and returns its slug. The same source (by its
/// `added_from`, or failing that its URL) updates the article it made before.
pub fn add(source: &str, dir: &Path) -> Result<String, IngestError> {
    let extracted = extract_source(source)?;
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).map_err(|e| IngestError::Write {
        path: folder.clone(),
        reason: e.to_string(),
    })?;
    let origin = canonical_source(source);
    let slug = match previous_slug(&folder, &origin, extracted.url.as_deref()) {
        Some(slug) => slug,
        None => fresh_slug(&folder, extracted.title.as_deref().unwrap_or(source)),
    };
    let write = |path: PathBuf, text: String| {
        // Write beside, then rename: a reader (or the server's watcher) never sees half a file.
        let partial = path.with_extension("partial");
        std::fs::write(&partial, text)
            .and_then(|()| std::fs::rename(&partial, &path))
            .map_err(|e| IngestError::Write {
                path: path.clone(),
                reason: e.to_string(),
            })
    };
    write(folder.join(format!("{slug}.toml")), sidecar_text(&extracted, &origin))?;
    write(folder.join(format!("{slug}.txt")), article_text(&extracted))?;
    Ok(slug)
}

/// A file source as an absolute path, so the same file added from elsewhere is the same source.
fn canonical_source(source: &str) -> String {
    if source.starts_with("http://") || source.starts_with("https://") {
        return source.to_owned();
    }
    std::fs::canonicalize(source).map_or_else(|_| source.to_owned(), |p| p.display().to_string())
}

/// The slug of an article added before from the same source or address.
fn previous_slug(folder: &Path, origin: &str, url: Option<&str>) -> Option<String> {
    let entries = std::fs::read_dir(folder).ok()?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(table) = text.parse::<toml::Table>() else {
            continue;
        };
        let same = table.get("added_from").and_then(|v| v.as_str()) == Some(origin)
            || url.is_some_and(|u| table.get("url").and_then(|v| v.as_str()) == Some(u));
        if same {
            return path.file_stem().map(|s| s.to_string_lossy().into_owned());
        }
    }
    None
}

/// A slug from the headline not yet used in the folder.
fn fresh_slug(folder: &Path, title: &str) -> String {
    let mut base: String = slugify(title).chars().take(60).collect();
    base = base.trim_end_matches('-').to_owned();
    if base.is_empty() {
        base = "article".to_owned();
    }
    let mut slug = base.clone();
    let mut n = 2;
    while folder.join(format!("{slug}.txt")).exists() {
        slug = format!("{base}-{n}");
        n += 1;
    }
    slug
}
