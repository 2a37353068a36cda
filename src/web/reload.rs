//! Keeping the served corpus in step with the data folder: a file watcher (and SIGHUP) trigger
//! a refresh that re-parses only the changed files; the new corpus is swapped in whole.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc;

use super::state::AppState;
use crate::corpus::Library;
use crate::memory::return_freed_pages;

/// How long to wait after a change for the others that come with it (an editor's save, `add`
/// writing a text and its sidecar) before reloading once.
pub const SETTLE: Duration = Duration::from_millis(300);

/// Watches the library's folder and reloads on every change and on SIGHUP, until the runtime
/// stops. Returns the watcher, which must be kept alive.
pub fn watch(library: Library, state: AppState) -> Option<notify::RecommendedWatcher> {
    let (tx, mut rx) = mpsc::unbounded_channel::<()>();
    let dir = library.dir().to_owned();
    let changes = tx.clone();
    let mut watcher = match notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !e.kind.is_access()) {
            let _ = changes.send(());
        }
    }) {
        Ok(watcher) => watcher,
        Err(err) => {
            tracing::error!("cannot watch {}: {err}; reload with SIGHUP", dir.display());
            return None;
        }
    };
    if let Err(err) = watcher.watch(&dir, RecursiveMode::Recursive) {
        tracing::error!("cannot watch {}: {err}; reload with SIGHUP", dir.display());
    }
    #[cfg(unix)]
    {
        let hangup = tx.clone();
        tokio::spawn(async move {
            let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) else {
                tracing::error!("cannot listen for SIGHUP");
                return;
            };
            while signal.recv().await.is_some() {
                tracing::info!("SIGHUP: reloading");
                if hangup.send(()).is_err() {
                    return;
                }
            }
        });
    }
    let library = Arc::new(Mutex::new(library));
    tokio::spawn(async move {
        while rx.recv().await.is_some() {
            tokio::time::sleep(SETTLE).await;
            while rx.try_recv().is_ok() {}
            let library = Arc::clone(&library);
            let state = state.clone();
            let reloaded = tokio::task::spawn_blocking(move || reload(&library, &state)).await;
            if let Err(err) = reloaded {
                tracing::error!("reload failed: {err}");
            }
        }
    });
    Some(watcher)
}

/// Refreshes the library and swaps the corpus in; failures are logged with file and line and
/// the last good version of each article stays.
pub fn reload(library: &Mutex<Library>, state: &AppState) {
    let Ok(mut library) = library.lock() else {
        tracing::error!("reload skipped: the library is poisoned");
        return;
    };
    match library.refresh() {
        Ok((loaded, report)) => {
            for err in &loaded.errors {
                tracing::error!("{err}; the last good version stays");
            }
            for stale in &loaded.stale {
                tracing::warn!("{stale}");
            }
            if report.parsed == 0 && report.removed == 0 && loaded.errors.is_empty() {
                return;
            }
            tracing::info!(
                articles = loaded.corpus.articles.len(),
                parsed = report.parsed,
                kept = report.kept,
                removed = report.removed,
                parse_ms = report.parse_time.as_millis(),
                build_ms = report.build_time.as_millis(),
                "reloaded {}",
                library.dir().display()
            );
            state.replace_corpus(loaded.corpus);
            return_freed_pages();
        }
        Err(err) => tracing::error!("reload failed, still serving the previous data: {err}"),
    }
}
