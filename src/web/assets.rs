//! Static assets: where `static/` is, and a content fingerprint per file for long-lived caching.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The static folder and a fingerprint of each file in it.
#[derive(Debug, Clone)]
pub struct Assets {
    /// The folder `/static/` serves.
    pub dir: PathBuf,
    fingerprints: HashMap<String, String>,
}

impl Assets {
    /// Finds the static folder: `./static`, else the one in the source tree
    /// the binary was built from; and fingerprints its files.
    pub fn locate() -> Self {
        let candidates = [
            PathBuf::from("static"),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("static"),
        ];
        let dir = candidates
            .iter()
            .find(|d| d.join("style.css").is_file())
            .cloned()
            .unwrap_or_else(|| candidates[1].clone());
        Self::in_dir(dir)
    }

    /// Fingerprints the files of `dir`.
    pub fn in_dir(dir: PathBuf) -> Self {
        let mut fingerprints = HashMap::new();
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.filter_map(Result::ok) {
                if let (Ok(bytes), Some(name)) = (std::fs::read(entry.path()), entry.file_name().to_str()) {
                    fingerprints.insert(name.to_owned(), format!("{:016x}", fnv1a(&bytes)));
                }
            }
        }
        Assets { dir, fingerprints }
    }

    /// The URL of an asset with its fingerprint, so it can be cached for a year.
    pub fn url(&self, name: &str) -> String {
        match self.fingerprints.get(name) {
            Some(fingerprint) => format!("/static/{name}?v={fingerprint}"),
            None => format!("/static/{name}"),
        }
    }
}

/// FNV-1a: a small, stable hash, enough to tell one version of a file from another.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
