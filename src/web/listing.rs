//! Lists cut into pages: the page a number asks for, and the listing of quotes the filters select.

use std::ops::Range;

use crate::corpus::Corpus;
use crate::web::error::AppError;
use crate::web::filters::QuoteFilters;

/// Quotes on one page of a listing.
pub const PAGE_SIZE: usize = 50;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Its number, from 1.
    pub number: usize,
    /// How many pages the list has (at least 1: an empty list has one empty page).
    pub pages: usize,
    /// The positions of the items on it.
    pub items: Range<usize>,
}

impl Page {
    /// Page `number` of a list of `total` items, `size` to a page; a number past the last
    /// page is a 400 that says how many pages there are.
    pub fn of(number: usize, total: usize, size: usize) -> Result<Self, AppError> {
        let pages = total.div_ceil(size).max(1);
        if number > pages {
            return Err(AppError::bad(
                "page",
                format!("Page {number} is past the last page"),
                format!("a page from 1 to {pages}"),
            ));
        }
        let start = (number - 1) * size;
        Ok(Page {
            number,
            pages,
            items: start..(start + size).min(total),
        })
    }

    /// Whether a page follows this one.
    pub fn has_next(&self) -> bool {
        self.number < self.pages
    }
}

/// The quote rows a listing shows, and the page of them asked for.
pub struct Listing {
    /// Every matching row.
    pub rows: Vec<usize>,
    /// The page asked for; its items are positions in `rows`.
    pub page: Page,
}

/// Runs the filters and checks the page number against the result.
pub fn listing(corpus: &Corpus, filters: &QuoteFilters, page_size: usize) -> Result<Listing, AppError> {
    let rows = corpus.search(&filters.query(corpus));
    let page = Page::of(filters.page, rows.len(), page_size)?;
    Ok(Listing { rows, page })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cut_a_list_and_a_number_past_the_last_is_refused() {
        assert_eq!(
            Page::of(1, 0, 50).unwrap().items,
            0..0,
            "an empty list has one empty page"
        );
        let last = Page::of(3, 120, 50).unwrap();
        assert_eq!((last.pages, last.items.clone(), last.has_next()), (3, 100..120, false));
        assert!(Page::of(2, 120, 50).unwrap().has_next());
        match Page::of(4, 120, 50) {
            Err(AppError::BadParameter {
                parameter, accepted, ..
            }) => {
                assert_eq!((parameter.as_str(), accepted.as_str()), ("page", "a page from 1 to 3"));
            }
            other => panic!("{other:?}"),
        }
    }
}
