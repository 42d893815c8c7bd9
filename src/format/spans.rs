//! Where each field of a parsed file is, so problems found by path get a line and column.
//!
//! Built after validation, only when there are problems and only along their paths
//! ([`SpanIndex::wanting`]), from a TOML syntax tree (`toml_edit` keeps byte spans) or by
//! scanning JSON text. A path with no span of its own (a missing field) falls back to its nearest
//! ancestor, so `events[3].title` missing points at the `[[events]]` table it is missing from.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml_edit::{Item, Table, Value};

use crate::model::FieldPath;

/// Byte ranges of the values (and, for keys, the key) at each field path.
#[derive(Clone, Debug, Default)]
pub struct SpanIndex {
    values: HashMap<FieldPath, Range<usize>>,
    /// When set, only these paths are indexed and only their subtrees walked: a file of
    /// 100,000 events with two problems needs the spans of two fields and their ancestors, not
    /// of two million (which took most of the time and memory of loading).
    wanted: Option<HashSet<FieldPath>>,
}

impl SpanIndex {
    /// An empty index that will record only `paths` and their ancestors (the fallbacks of
    /// [`SpanIndex::lookup`]).
    pub fn wanting<'p>(paths: impl IntoIterator<Item = &'p FieldPath>) -> Self {
        let mut wanted = HashSet::new();
        for path in paths {
            let mut current = Some(path.clone());
            while let Some(p) = current {
                current = p.parent();
                if !wanted.insert(p) {
                    break;
                }
            }
        }
        Self {
            values: HashMap::new(),
            wanted: Some(wanted),
        }
    }

    /// Whether `path` is to be indexed (and its subtree walked).
    pub fn wants(&self, path: &FieldPath) -> bool {
        self.wanted.as_ref().is_none_or(|w| w.contains(path))
    }

    /// Record that the value at `path` spans `range` (unless the index does not want it).
    pub fn insert(&mut self, path: FieldPath, range: Range<usize>) {
        if self.wants(&path) {
            self.values.entry(path).or_insert(range);
        }
    }

    /// The span of `path`, or of its nearest ancestor that has one.
    pub fn lookup(&self, path: &FieldPath) -> Option<Range<usize>> {
        let mut current = Some(path.clone());
        while let Some(p) = current {
            if let Some(range) = self.values.get(&p) {
                return Some(range.clone());
            }
            current = p.parent();
        }
        None
    }

    /// Index the wanted values of a TOML document (every value, for a default index).
    pub fn with_toml(mut self, document: &toml_edit::Document<&str>) -> Self {
        self.add_table(&FieldPath::root(), document.as_table());
        self
    }

    fn add_table(&mut self, path: &FieldPath, table: &Table) {
        if let Some(span) = table.span() {
            self.insert(path.clone(), span);
        }
        for (key, item) in table.iter() {
            let child = path.key(key);
            if !self.wants(&child) {
                continue;
            }
            match item {
                Item::Value(value) => self.add_value(&child, value),
                Item::Table(t) => self.add_table(&child, t),
                Item::ArrayOfTables(array) => {
                    if let Some(span) = array.span() {
                        self.insert(child.clone(), span);
                    }
                    for (i, t) in array.iter().enumerate() {
                        self.add_table(&child.index(i), t);
                    }
                }
                Item::None => {}
            }
            // An array of tables has no span of its own: point at its first table.
            if let Some((k, _)) = table.get_key_value(key)
                && let Some(span) = k.span()
            {
                self.insert(child, span);
            }
        }
    }

    fn add_value(&mut self, path: &FieldPath, value: &Value) {
        if let Some(span) = value.span() {
            self.insert(path.clone(), span);
        }
        match value {
            Value::Array(array) => {
                for (i, v) in array.iter().enumerate() {
                    let child = path.index(i);
                    if self.wants(&child) {
                        self.add_value(&child, v);
                    }
                }
            }
            Value::InlineTable(table) => {
                for (key, v) in table.iter() {
                    let child = path.key(key);
                    if self.wants(&child) {
                        self.add_value(&child, v);
                    }
                }
            }
            _ => {}
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset of 1-based `line` and `column` (in characters) in `text`, clamped to the text.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(line_start..).unwrap_or_default();
    let within: usize = rest
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    (line_start + within).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_and_offset_of_are_inverse() {
        let text = "a = 1\nbé = \"x\"\n";
        let offset = text.find('"').expect("quote");
        assert_eq!(line_col(text, offset), (2, 6));
        assert_eq!(offset_of(text, 2, 6), offset);
    }

    #[test]
    fn a_missing_field_points_at_its_table() {
        let text = "[[events]]\nid = \"a\"\n\n[[events]]\nid = \"b\"\n";
        let document = toml_edit::Document::parse(text).expect("valid toml");
        let index = SpanIndex::default().with_toml(&document);
        let path = FieldPath::root().key("events").index(1).key("title");
        let span = index.lookup(&path).expect("a span");
        assert_eq!(line_col(text, span.start).0, 4);
    }

    #[test]
    fn an_index_of_wanted_paths_locates_them_and_skips_the_rest() {
        let text = "[[events]]\nid = \"a\"\n\n[[events]]\nid = \"b\"\n";
        let document = toml_edit::Document::parse(text).expect("valid toml");
        let wanted = FieldPath::root().key("events").index(1).key("id");
        let index = SpanIndex::wanting([&wanted]).with_toml(&document);
        let span = index.lookup(&wanted).expect("a span");
        assert_eq!(&text[span], "\"b\"");
        assert_eq!(
            index.values.len(),
            4,
            "root, events, events[1] and its id: {:?}",
            index.values
        );
    }
}
