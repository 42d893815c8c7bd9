//! What importers report, and where in the input: problems with line and column, the index
//! that finds them quickly, and JSON input with the positions of its records.
//!
//! Every problem carries the 1-based line and column of the input it is about, so a user can
//! open the file at that spot; an importer never drops a record without saying so here.

/// A problem found while importing, at a line and column of the input file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct ImportProblem {
    /// Line the problem is on (1-based).
    pub line: usize,
    /// Column (in characters, 1-based) where the offending value starts.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
    /// A warning: the record was still imported, or left out on purpose and listed here.
    pub warning: bool,
}

impl ImportProblem {
    /// An error at `line`:`column`.
    pub fn error(line: usize, column: usize, message: impl Into<String>, help: impl Into<String>) -> Self {
        Self {
            line,
            column,
            message: message.into(),
            help: help.into(),
            warning: false,
        }
    }

    /// A warning at `line`:`column`.
    pub fn warning(line: usize, column: usize, message: impl Into<String>, help: impl Into<String>) -> Self {
        Self {
            warning: true,
            ..Self::error(line, column, message, help)
        }
    }

    /// "error" or "warning", as printed.
    pub fn severity(&self) -> &'static str {
        if self.warning { "warning" } else { "error" }
    }
}

/// Where each line of a text starts, so importers can turn the byte offset of each of
/// 100,000 records into a line and column without rescanning the text each time.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Index `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

/// Parse `text` as JSON, or say where it stops being JSON.
pub fn json_value(text: &str) -> Result<serde_json::Value, ImportProblem> {
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        ImportProblem::error(
            e.line(),
            e.column(),
            format!("this is not valid JSON: {e}"),
            "fix the JSON at this spot; files to import are CSV, JSON, GeoJSON or XML",
        )
    })
}

/// A JSON document being imported: its value, and where its records start.
#[derive(Debug)]
pub struct JsonInput<'a> {
    /// The parsed document.
    pub value: serde_json::Value,
    spans: crate::format::spans::SpanIndex,
    lines: LineIndex<'a>,
}

impl<'a> JsonInput<'a> {
    /// `value`, parsed from `text`, indexing where the values at most `depth` levels deep
    /// start (the records).
    pub fn new(text: &'a str, value: serde_json::Value, depth: usize) -> Self {
        Self {
            value,
            spans: crate::format::json_spans::index_json_to_depth(text, depth),
            lines: LineIndex::new(text),
        }
    }

    /// Line and column where the value at `path` (or its nearest indexed parent) starts.
    pub fn line_col(&self, path: &crate::model::FieldPath) -> (usize, usize) {
        self.lines
            .line_col(self.spans.lookup(path).map_or(0, |r| r.start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_index_agrees_with_a_full_scan() {
        let text = "ab\ncé\n\nxyz";
        let lines = LineIndex::new(text);
        for offset in [0, 1, 3, 4, 6, 7, 8, 10, text.len()] {
            assert_eq!(
                lines.line_col(offset),
                crate::format::spans::line_col(text, offset),
                "{offset}"
            );
        }
    }
}
