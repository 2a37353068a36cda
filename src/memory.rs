//! Hands the pages freed while loading back to the system, so the resident size is what the corpus holds.

use tikv_jemalloc_ctl::{Access, AsName, arenas};

/// Returns to the system every page jemalloc holds free, in every arena.
///
/// Parsing frees about a third of what it allocates; jemalloc keeps those pages for ten
/// seconds by default in case they are needed again. After a load they are not, so each
/// arena's decay time is set to zero, which purges at once, and then put back. Serving
/// keeps the default, so a request never waits on the kernel. A program whose allocator
/// is not jemalloc loses nothing: the calls fail and are ignored.
pub fn return_freed_pages() {
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
