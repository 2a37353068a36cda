//! What a page puts in or after an article's body that is not the article, removed line by line.

/// Headings that open a list of other stories or the page's end matter: the body ends there.
const END_HEADINGS: &[&str] = &[
    "you may also like",
    "you may also be interested in",
    "you might also like",
    "related articles",
    "related stories",
    "related content",
    "related posts",
    "related coverage",
    "read more",
    "read next",
    "more in",
    "more from",
    "more stories",
    "most read",
    "most popular",
    "recommended",
    "recommended for you",
    "sponsored links",
    "sponsored content",
    "trending",
    "trending now",
    "latest news",
    "关联文章",
    "関連記事",
    "share this article",
    "comments",
    "leave a comment",
    "leave a reply",
];

/// Words of body needed before an end heading ends the body; before that, the heading is a
/// menu's and is only dropped.
const BODY_BEFORE_END_WORDS: usize = 15;

/// Lines that are labels, not text.
const LABELS: &[&str] = &[
    "advertisement",
    "ad",
    "sponsored",
    "breaking news",
    "share",
    "share this",
    "tweet",
    "email",
    "print",
    "listen",
    "close",
    "skip",
    "subscribe",
];

/// Month names, for telling a date line.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// A line folded for comparing: lower case, letters, digits and single spaces.
fn loose(line: &str) -> String {
    line.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `&#039;` and the like, which some pages double-escape in their titles.
pub fn unescape(text: &str) -> String {
    text.replace("&#039;", "’")
        .replace("&#39;", "’")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// A byline: "By NAME", "By NAME and NAME - date", short and without a sentence's end.
pub fn is_byline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.first().is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && words.len() <= 12
        && !line.trim_end().ends_with(['.', '?', '!', ':'])
}

/// A line that is only a date or a time ("11/20/2019 01:14 PM", "2018-08-16",
/// "Updated: Nov. 19, 2019", "March 20, 2024").
pub fn is_date_line(line: &str) -> bool {
    let folded = loose(line);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 9 {
        return false;
    }
    let fillers = [
        "updated",
        "published",
        "posted",
        "on",
        "at",
        "am",
        "pm",
        "et",
        "gmt",
        "utc",
        "est",
        "edt",
        "pst",
        "bst",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "last",
        "modified",
    ];
    let has_number = words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
    has_number
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()) || MONTHS.contains(w) || fillers.contains(w))
}

/// A photo credit or caption credit line ("© Aaron Schwartz", "Photo: …", "… photos © …, 2018").
fn is_credit(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.starts_with('©')
        || [
            "photo:",
            "photograph:",
            "image:",
            "picture:",
            "credit:",
            "getty images",
            "photo by",
            "photos ©",
            "photo ©",
        ]
        .iter()
        .any(|m| lower.starts_with(m) || (lower.contains(m) && line.split_whitespace().count() <= 14))
        || (lower.starts_with("copyright") && line.split_whitespace().count() <= 14)
}

/// Whether a line is only page furniture around the headline: the headline with a byline
/// ("Drought closes two reservoirs By Hale Dorran") or a byline with a date ("Lea Marsh ·
/// 21 September 2023").
fn is_head_matter(line: &str, title: Option<&str>, byline: Option<&str>) -> bool {
    let folded = loose(line);
    if let Some(title) = title.filter(|t| !t.is_empty())
        && let Some(rest) = folded.strip_prefix(title)
        && (rest.is_empty() || is_byline(rest.trim()) || is_date_line(rest.trim()))
    {
        return true;
    }
    if let Some(byline) = byline.filter(|b| !b.is_empty())
        && let Some(rest) = folded.strip_prefix(byline)
        && (rest.is_empty() || is_date_line(rest.trim()))
    {
        return true;
    }
    false
}

/// The byline a page prints near the top when its metadata names no author: "By Hale
/// Dorran", also run together with the headline.
pub fn byline_in(lines: &[String], title: Option<&str>) -> Option<String> {
    lines
        .iter()
        .take(6)
        .find_map(|line| {
            let rest = match title {
                Some(t) if line.starts_with(t) => line[t.len()..].trim(),
                _ => line.trim(),
            };
            is_byline(rest).then(|| {
                let name = rest[2..].trim();
                // "By NAME - 2019-04-10": the name without the date after it.
                name.split([' ', '-', '–', '|', '·'])
                    .take_while(|w| !w.chars().any(|c| c.is_ascii_digit()))
                    .collect::<Vec<_>>()
                    .join(" ")
                    .trim()
                    .trim_end_matches(['-', '–', '|', '·', ','])
                    .trim()
                    .to_owned()
            })
        })
        .filter(|name| !name.is_empty())
}

/// The body: the lines of the main-content candidate without what is not the article.
pub fn body(lines: Vec<String>, title: Option<&str>, byline: Option<&str>) -> Vec<String> {
    let title = title.map(loose);
    let byline = byline.map(loose);
    // A list of other stories: a headline, then its byline, then its date, again and again.
    let mut listed = vec![false; lines.len()];
    for i in 0..lines.len().saturating_sub(2) {
        if is_byline(&lines[i + 1]) && is_date_line(&lines[i + 2]) {
            listed[i] = true;
            listed[i + 1] = true;
            listed[i + 2] = true;
        }
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        let folded = loose(&line);
        let heading = folded.trim_end_matches(" more");
        // A heading alone, or run together with the list it heads ("Most popular Grain
        // prices rise …"): not a sentence of the article.
        let sentence = line.trim_end().ends_with(['.', '?', '!', '”', '"']);
        if END_HEADINGS
            .iter()
            .any(|h| heading == *h || heading.starts_with(&format!("{h} ")))
            && (line.len() <= 60 || !sentence)
        {
            if out.iter().map(|l| l.split_whitespace().count()).sum::<usize>() >= BODY_BEFORE_END_WORDS {
                break;
            }
            continue;
        }
        let drop = listed[i]
            || folded.is_empty()
            || LABELS.contains(&folded.as_str())
            || ["advertisement ", "sponsored "]
                .iter()
                .any(|l| folded.starts_with(l) && !sentence)
            || is_head_matter(&line, title.as_deref(), byline.as_deref())
            || (folded.contains("all rights reserved") && line.split_whitespace().count() <= 16)
            || title.as_deref() == Some(folded.as_str())
            || byline.as_deref().is_some_and(|b| !b.is_empty() && folded == *b)
            || is_byline(&line)
            || is_date_line(&line)
            || is_credit(&line)
            || folded.starts_with("updated at ")
            || (line.split_whitespace().count() >= 10 && out.contains(&line));
        if !drop {
            out.push(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn the_body_without_its_furniture() {
        let page = lines(
            "Harbour fees to double\nBy Ana Ruiz\nMarch 20, 2024\n\
             The harbour will double its fees from spring, the port authority said on Tuesday.\n\
             ADVERTISEMENT\n© Tomas Berg\n\
             Fishing crews say the rise will put smaller boats out of business within a year.\n\
             You may also like...\nCouncil votes on ferry timetable\nNew lighthouse opens",
        );
        assert_eq!(
            body(page, Some("Harbour fees to double"), Some("Ana Ruiz")),
            [
                "The harbour will double its fees from spring, the port authority said on Tuesday.",
                "Fishing crews say the rise will put smaller boats out of business within a year."
            ]
        );
    }

    #[test]
    fn a_list_of_other_stories_is_not_the_body() {
        let page = lines(
            "Ferry timetable changes\nBy STAFF\n11/20/2019 01:14 PM\nCouncil votes on budget\nBy WIRE\n11/20/2019 10:08 AM\n\
             The ferry will sail twice a day from Monday, the operator said.",
        );
        assert_eq!(
            body(page, None, None),
            ["The ferry will sail twice a day from Monday, the operator said."]
        );
    }

    #[test]
    fn dates_and_bylines() {
        for date in [
            "2018-08-16",
            "11/20/2019 01:14 PM",
            "Updated: Nov. 19, 2019",
            "March 20, 2024",
            "Tuesday 3 June 2025",
        ] {
            assert!(is_date_line(date), "{date}");
        }
        assert!(!is_date_line("The 2019 season ended in March."));
        assert!(is_byline("By FEDERICA LUSIARDI - 2019-04-10"));
        assert!(!is_byline("By the time the ferry docked, the crowd had gone."));
    }
}
