//! Stage 1: split raw text into non-empty lines with their source ranges, tolerating a BOM and CRLF.

/// A non-empty line of the source, trimmed of surrounding white space.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The trimmed text.
    pub text: &'a str,
    /// Byte offset of the first byte in the whole source.
    pub byte_start: usize,
}

/// About how many bytes a line of copy holds, blank lines included: the lines' list is sized
/// from it.
const BYTES_PER_LINE: usize = 100;

/// The non-empty lines of `source`, in order. Each line is a paragraph in
/// this style of article, whether a blank line follows it or not.
pub(crate) fn split_lines(source: &str) -> Vec<Line<'_>> {
    let bytes = source.as_bytes();
    // Sized for lines of about a hundred bytes, rather than counted in a pass of its own.
    let mut lines = Vec::with_capacity(bytes.len() / BYTES_PER_LINE + 1);
    let mut start = 0;
    let line_ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    for end in line_ends {
        let raw = &source[start..end];
        let after_leading = raw.trim_start_matches(is_blank);
        let text = after_leading.trim_end_matches(is_blank);
        if !text.is_empty() {
            lines.push(Line {
                text,
                byte_start: end - after_leading.len(),
            });
        }
        start = end + 1;
    }
    lines
}

/// White space at a line's ends, including a carriage return and a byte-order mark.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

#[cfg(test)]
mod tests {
    use super::split_lines;

    #[test]
    fn splits_on_single_and_blank_lines_with_byte_offsets() {
        let source = "\u{feff}July 1, 2024\r\n\r\n“Hé,” she said.\nNext  \n";
        let lines = split_lines(source);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["July 1, 2024", "“Hé,” she said.", "Next"]);
        for line in &lines {
            assert_eq!(&source[line.byte_start..line.byte_start + line.text.len()], line.text);
        }
    }

    #[test]
    fn empty_and_blank_sources_have_no_lines() {
        assert!(split_lines("").is_empty());
        assert!(split_lines("\n \r\n\t\n").is_empty());
    }
}
