//! A bound on how deeply an XML file nests, checked before it is parsed: a file nested tens of
//! thousands of elements deep would otherwise exhaust the stack of the tree built from it.
//!
//! The scan follows tags, comments, CDATA, processing instructions and quoted attribute values;
//! it only counts, so whatever it misreads is left to the parser to report.

/// Deepest nesting an import accepts; the travel records nest four deep.
pub const MAX_XML_DEPTH: usize = 256;

/// The line and column (1-based) of the first element deeper than `max_depth`, if any.
pub fn first_too_deep(text: &str, max_depth: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', bytes.get(i..)?) {
        let start = i + offset;
        let rest = &bytes[start..];
        let skip_to =
            |end: &[u8]| memchr::memmem::find(rest, end).map_or(bytes.len(), |p| start + p + end.len());
        if rest.starts_with(b"<!--") {
            i = skip_to(b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = skip_to(b"]]>");
        } else if rest.starts_with(b"<?") {
            i = skip_to(b"?>");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = skip_to(b">");
        } else {
            let end = tag_end(bytes, start + 1);
            let self_closing = end >= 2 && bytes.get(end - 2) == Some(&b'/');
            if !rest.starts_with(b"<!") && !self_closing {
                depth += 1;
                if depth > max_depth {
                    return Some(line_column(text, start));
                }
            }
            i = end;
        }
    }
    None
}

/// The offset just past the `>` that ends the tag whose body starts at `from`, skipping quoted
/// attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    bytes.len()
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_nested_too_deep_is_found_at_the_first_element_past_the_bound() {
        let deep = format!(
            "<?xml version=\"1.0\"?>\n{}{}",
            "<a>".repeat(30_000),
            "</a>".repeat(30_000)
        );
        assert_eq!(first_too_deep(&deep, 256), Some((2, 1 + 3 * 256)));
    }

    #[test]
    fn siblings_comments_and_self_closing_tags_do_not_add_depth() {
        let text = "<trips><!-- <a><a> --><trip a='>'/><trip><x><![CDATA[<b><b>]]></x></trip></trips>";
        assert_eq!(first_too_deep(text, 3), None);
        assert_eq!(first_too_deep(text, 2), Some((1, 42)));
    }
}
