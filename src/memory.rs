//! Hands the pages freed while loading back to the system, so the resident size is what the corpus holds.

use tikv_jemalloc_ctl::{Access, AsName, arenas};

/// Returns to the system every page jemalloc holds free, in every arena.
///
/// Parsing frees about a third of what it allocates; jemalloc keeps those pages for ten
/// seconds by default in case they are needed again. After a load they are not. First every
/// loading thread's cache hands back the objects it keeps for reuse (4–5 MB at 10,000
/// articles: the slabs they sit in could not be purged); then each arena's decay time is set
/// to zero, which purges at once, and then put back. Serving
/// keeps the default, so a request never waits on the kernel. A program whose allocator
/// is not jemalloc loses nothing: the calls fail and are ignored.
pub fn return_freed_pages() {
    rayon::broadcast(|_| flush_thread_cache());
    flush_thread_cache();
    let Ok(count) = arenas::narenas::read() else {
        return;
    };
    for arena in 0..count {
        let key = format!("arena.{arena}.dirty_decay_ms\0");
        let name = key.as_bytes().name();
        // Arenas no thread has used yet answer with an error: they hold nothing.
        let Ok(decay) = Access::<isize>::read(name) else {
            continue;
        };
        if Access::<isize>::write(name, 0).is_ok() {
            let _ = Access::<isize>::write(name, decay);
        }
    }
}

/// Hands the objects this thread's cache holds back to their arena, so that slabs they alone
/// kept in use can be purged: turning the cache off flushes it, and it is turned back on.
fn flush_thread_cache() {
    let name = b"thread.tcache.enabled\0".name();
    if Access::<bool>::write(name, false).is_ok() {
        let _ = Access::<bool>::write(name, true);
    }
}
