//! A listing of quotes: the filters run over the corpus, cut into pages.

use crate::corpus::Corpus;
use crate::web::error::AppError;
use crate::web::filters::QuoteFilters;

/// Quotes on one page of a listing.
pub const PAGE_SIZE: usize = 50;

/// The quote rows a listing shows, and the page of them asked for.
pub struct Listing {
    /// Every matching row.
    pub rows: Vec<usize>,
    /// Rows on the requested page.
    pub page_rows: std::ops::Range<usize>,
    /// Number of pages (at least 1).
    pub pages: usize,
}

/// Runs the filters and checks the page number against the result.
pub fn listing(corpus: &Corpus, filters: &QuoteFilters, page_size: usize) -> Result<Listing, AppError> {
    let rows = corpus.search(&filters.query(corpus));
    let pages = rows.len().div_ceil(page_size).max(1);
    if filters.page > pages {
        return Err(AppError::bad(
            "page",
            format!("page {} is past the last page", filters.page),
            format!("a page from 1 to {pages}"),
        ));
    }
    let start = (filters.page - 1) * page_size;
    let page_rows = start..(start + page_size).min(rows.len());
    Ok(Listing { rows, page_rows, pages })
}
