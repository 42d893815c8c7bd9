//! Diagnostics with file, line and column, rendered the way rustc renders them.
//!
//! The same [`Report`] is printed by `itinera check` and shown in the app, so an editor sees the
//! identical message wherever they meet it.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::model::Severity;

use super::spans::line_col;

/// One problem located in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// Byte range in the file text, when known.
    pub span: Option<Range<usize>>,
    /// The field path (e.g. `events[2].start`), when the problem is about a field.
    pub field: Option<String>,
}

/// Everything found in one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The file, as the user named it.
    pub file: PathBuf,
    /// Its text, for line and column numbers and excerpts.
    pub text: String,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A diagnostic with its position worked out, for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<'a> {
    /// The diagnostic.
    pub diagnostic: &'a Diagnostic,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
}

impl Report {
    /// A report on `file` (whose text is `text`) with no findings yet.
    pub fn new(file: &Path, text: String) -> Self {
        Self {
            file: file.to_path_buf(),
            text,
            diagnostics: Vec::new(),
        }
    }

    /// A report that `file` could not be read at all: `error`, and `help` on what to do.
    pub fn unreadable(file: &Path, error: impl std::fmt::Display, help: &str) -> Self {
        let mut report = Self::new(file, String::new());
        report.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            message: error.to_string(),
            help: help.to_owned(),
            span: None,
            field: None,
        });
        report
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many diagnostics have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// Sort diagnostics by position, errors before warnings at the same place.
    pub fn sort(&mut self) {
        self.diagnostics
            .sort_by_key(|d| (d.span.as_ref().map(|s| s.start), std::cmp::Reverse(d.severity)));
    }

    /// Each diagnostic with its line and column.
    pub fn located(&self) -> impl Iterator<Item = Located<'_>> {
        self.diagnostics.iter().map(|diagnostic| {
            let position = diagnostic.span.as_ref().map(|s| line_col(&self.text, s.start));
            Located {
                diagnostic,
                line: position.map(|p| p.0),
                column: position.map(|p| p.1),
            }
        })
    }

    /// The rustc-style text of every diagnostic, then a summary line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for located in self.located() {
            self.render_one(&mut out, &located);
        }
        let (errors, warnings) = (self.count(Severity::Error), self.count(Severity::Warning));
        let file = self.file.display();
        let _ = match (errors, warnings) {
            (0, 0) => writeln!(out, "{file}: ok"),
            (0, w) => writeln!(out, "{file}: ok, {w} {}", plural(w, "warning")),
            (e, w) => writeln!(
                out,
                "{file}: {e} {}, {w} {}",
                plural(e, "error"),
                plural(w, "warning")
            ),
        };
        out
    }

    fn render_one(&self, out: &mut String, located: &Located<'_>) {
        let d = located.diagnostic;
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{label}: {}", clip(&d.message, MAX_MESSAGE_CHARS));
        let (Some(line), Some(column)) = (located.line, located.column) else {
            let _ = writeln!(out, "  --> {}", self.file.display());
            let _ = writeln!(out, "   = help: {}\n", clip(&d.help, MAX_MESSAGE_CHARS));
            return;
        };
        let gutter = line.to_string().len();
        let pad = " ".repeat(gutter);
        let _ = writeln!(out, "{pad}--> {}:{line}:{column}", self.file.display());
        let source_line = self.text.lines().nth(line - 1).unwrap_or_default();
        let underline_len = d
            .span
            .as_ref()
            .and_then(|s| self.text.get(s.clone()))
            .map_or(1, |t| t.lines().next().unwrap_or_default().chars().count().max(1));
        // A long line (a 10 MB string, minified JSON) is shown as a window around the column.
        let skip = column.saturating_sub(SOURCE_CONTEXT_CHARS + 1);
        let shown: String = source_line.chars().skip(skip).take(MAX_SOURCE_CHARS).collect();
        let cut_before = if skip > 0 { "…" } else { "" };
        let cut_after = if source_line.chars().count() > skip + MAX_SOURCE_CHARS {
            "…"
        } else {
            ""
        };
        let column_shown = column - skip + cut_before.chars().count();
        let available = (shown.chars().count() + cut_before.chars().count())
            .saturating_sub(column_shown - 1)
            .max(1);
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{line} | {cut_before}{shown}{cut_after}");
        let _ = writeln!(
            out,
            "{pad} | {}{}",
            " ".repeat(column_shown - 1),
            "^".repeat(underline_len.min(available))
        );
        if let Some(field) = &d.field {
            let _ = writeln!(out, "{pad} = in: {}", clip(field, MAX_MESSAGE_CHARS));
        }
        let _ = writeln!(out, "{pad} = help: {}\n", clip(&d.help, MAX_MESSAGE_CHARS));
    }
}

/// The most characters of a message or help shown (one may quote a user's text).
pub const MAX_MESSAGE_CHARS: usize = 400;
/// The most characters of a source line shown under a diagnostic.
const MAX_SOURCE_CHARS: usize = 120;
/// How many characters before the column a long source line keeps.
const SOURCE_CONTEXT_CHARS: usize = 40;

/// `text`, cut to `max_chars` characters with "…" when longer: a message that quotes a
/// 10 MB value must not become a 10 MB label.
pub fn clip(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => format!("{}…", &text[..end]).into(),
        None => text.into(),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_as_a_window_with_the_caret_under_the_column() {
        let line = format!("{}BAD{}", "a".repeat(5_000), "b".repeat(5_000));
        let mut report = Report::new(Path::new("long.json"), line);
        report.diagnostics.push(Diagnostic {
            severity: Severity::Error,
            message: "m".repeat(10_000),
            help: "fix it".to_owned(),
            span: Some(5_000..5_003),
            field: None,
        });
        let text = report.render();
        assert!(text.len() < 1_500, "{} bytes", text.len());
        let lines: Vec<&str> = text.lines().collect();
        let source = lines.iter().find(|l| l.starts_with("1 | ")).expect("source line");
        let caret = lines.iter().find(|l| l.contains('^')).expect("caret line");
        // In characters, as a terminal shows them ("…" is one character, three bytes).
        let at = caret.chars().position(|c| c == '^').expect("caret");
        let under: String = source.chars().skip(at).take(3).collect();
        assert_eq!(under, "BAD", "{source}\n{caret}");
        assert!(source.contains("…aaa") && source.ends_with('…'), "{source}");
        assert!(text.contains(&format!("error: {}…", "m".repeat(MAX_MESSAGE_CHARS))));
    }
}
