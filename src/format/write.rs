//! Writing a trip back to text without disturbing what the editor did not change.
//!
//! TOML is written by merging the trip into the document it was read from (`toml_edit`): a value
//! that did not change keeps its exact text, comments and position; a changed value keeps the
//! comments around it; records (`[[events]]`, `[[places]]`, …) are matched by `id`, so comments
//! travel with their record when records are added, removed or reordered; keys the app does not
//! know survive. New records are written as `[[table]]` sections. JSON is written pretty.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::FileFormat;
use crate::model::Trip;

/// Why a trip could not be turned into text.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The trip has a value the format cannot express.
    #[error("the trip cannot be written as {format}: {reason}")]
    Unrepresentable {
        /// TOML or JSON.
        format: &'static str,
        /// What the serializer said.
        reason: String,
    },
}

/// Keys that the model may omit (an unset option); absent in the trip means delete from the file.
const OPTIONAL_KEYS: [&str; 6] = [
    "slide_seconds",
    "lat",
    "lon",
    "approximate",
    "journey",
    "sequence",
];

/// The text of `trip` in `format`. For TOML, `original` is the file's previous text (empty for a
/// new file), whose formatting and comments are kept wherever the trip did not change.
pub fn to_text(trip: &Trip, format: FileFormat, original: &str) -> Result<String, WriteError> {
    match format {
        FileFormat::Json => serde_json::to_string_pretty(trip)
            .map(|mut text| {
                text.push('\n');
                text
            })
            .map_err(|e| WriteError::Unrepresentable {
                format: "JSON",
                reason: e.to_string(),
            }),
        FileFormat::Toml => toml_preserving(trip, original),
    }
}

fn toml_preserving(trip: &Trip, original: &str) -> Result<String, WriteError> {
    let unrepresentable = |reason: String| WriteError::Unrepresentable {
        format: "TOML",
        reason,
    };
    let fresh = toml_edit::ser::to_document(trip).map_err(|e| unrepresentable(e.to_string()))?;
    // A file that no longer parses is rewritten whole rather than guessed at.
    let mut document: DocumentMut = original.parse().unwrap_or_default();
    merge_table(document.as_table_mut(), fresh.as_table());
    Ok(document.to_string())
}

/// Make `old` say what `new` says, touching only what differs.
fn merge_table(old: &mut Table, new: &Table) {
    for (key, new_item) in new.iter() {
        match old.get_mut(key) {
            Some(old_item) => merge_item(old_item, new_item),
            None if is_empty(new_item) => {}
            None => {
                old.insert(key, readable(new_item.clone()));
            }
        }
    }
    for key in OPTIONAL_KEYS {
        if !new.contains_key(key) {
            old.remove(key);
        }
    }
}

fn merge_item(old: &mut Item, new: &Item) {
    match (old, new) {
        (Item::Table(old), Item::Table(new)) => merge_table(old, new),
        (Item::Table(old), Item::Value(Value::InlineTable(new))) => {
            merge_table(old, &new.clone().into_table())
        }
        (Item::ArrayOfTables(old), Item::ArrayOfTables(new)) => {
            merge_records(old, new.iter().cloned().collect())
        }
        (Item::ArrayOfTables(old), Item::Value(Value::Array(new))) if all_tables(new) => {
            let tables = new
                .iter()
                .filter_map(|v| v.as_inline_table().map(|t| t.clone().into_table()))
                .collect();
            merge_records(old, tables);
        }
        (Item::Value(old), Item::Value(new)) => {
            if !same(old, new) {
                let decor = old.decor().clone();
                *old = new.clone();
                *old.decor_mut() = decor;
            }
        }
        (old, new) => *old = readable(new.clone()),
    }
}

/// Rebuild the records of `old` in the order of `new`, reusing each old table (and its comments)
/// that has the same `id`, or the same position when records have no ids.
fn merge_records(old: &mut ArrayOfTables, new: Vec<Table>) {
    let mut pool: Vec<Option<Table>> = old.iter().cloned().map(Some).collect();
    let id_of = |t: &Table| t.get("id").and_then(Item::as_str).map(str::to_owned);
    let mut merged = ArrayOfTables::new();
    for (index, new_table) in new.into_iter().enumerate() {
        let found = match id_of(&new_table) {
            Some(id) => pool
                .iter()
                .position(|t| t.as_ref().and_then(id_of).as_deref() == Some(id.as_str())),
            None => (index < pool.len()).then_some(index),
        };
        let table = match found.and_then(|at| pool.get_mut(at)).and_then(Option::take) {
            Some(mut table) => {
                merge_table(&mut table, &new_table);
                table
            }
            None => readable_table(new_table),
        };
        merged.push(table);
    }
    keep_order(&mut merged);
    *old = merged;
}

/// toml_edit writes tables in the order of their position in the original document (a new
/// table takes the position of the table written before it), so reused records that moved, or
/// a new record put first, would be written in another order (found by the fuzzer: records
/// with the same id, and a file whose events are interleaved with other sections). When the
/// array would not be written in its order, its positions are cleared, here and in nested
/// records, and the records are written in the array's order.
fn keep_order(records: &mut ArrayOfTables) {
    if written_in_order(records) {
        return;
    }
    for table in records.iter_mut() {
        clear_positions(table);
    }
}

/// Whether toml_edit writes `records` in their order as they are positioned now.
fn written_in_order(records: &ArrayOfTables) -> bool {
    let positioned = records.iter().any(|t| t.position().is_some());
    let mut last: Option<isize> = None;
    for table in records.iter() {
        match (table.position(), last) {
            (Some(position), Some(before)) if position < before => return false,
            (Some(position), _) => last = Some(last_position(table).max(position)),
            // A new first record would take the position of whatever precedes the array.
            (None, None) if positioned => return false,
            (None, _) => {}
        }
    }
    true
}

/// The highest position in `table` and its nested tables.
fn last_position(table: &Table) -> isize {
    let nested = table.iter().filter_map(|(_, item)| match item {
        Item::Table(nested) => Some(last_position(nested)),
        Item::ArrayOfTables(nested) => nested.iter().map(last_position).max(),
        _ => None,
    });
    nested.chain(table.position()).max().unwrap_or(isize::MIN)
}

fn clear_positions(table: &mut Table) {
    table.set_position(None);
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(nested) => clear_positions(nested),
            Item::ArrayOfTables(nested) => nested.iter_mut().for_each(clear_positions),
            _ => {}
        }
    }
}

/// Whether two values mean the same, whatever their spelling ('a' and "a", 1.50 and 1.5).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Float(x), Value::Float(y)) => x.value() == y.value(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same(p, q))
        }
        (Value::InlineTable(x), Value::InlineTable(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

fn all_tables(array: &toml_edit::Array) -> bool {
    !array.is_empty() && array.iter().all(Value::is_inline_table)
}

/// Empty strings and arrays are the defaults of the model; a file need not spell them out.
fn is_empty(item: &Item) -> bool {
    match item {
        Item::Value(Value::String(s)) => s.value().is_empty(),
        Item::Value(Value::Array(a)) => a.is_empty(),
        Item::ArrayOfTables(a) => a.is_empty(),
        _ => false,
    }
}

/// A new item as a person would write it: records as `[[sections]]`, empty fields left out.
fn readable(item: Item) -> Item {
    match item {
        Item::Value(Value::Array(array)) if all_tables(&array) => {
            let mut records = ArrayOfTables::new();
            for value in array {
                if let Value::InlineTable(table) = value {
                    records.push(readable_table(table.into_table()));
                }
            }
            Item::ArrayOfTables(records)
        }
        Item::Value(Value::InlineTable(table)) => Item::Table(readable_table(table.into_table())),
        other => other,
    }
}

fn readable_table(table: Table) -> Table {
    let mut out = Table::new();
    for (key, item) in table {
        if !is_empty(&item) {
            out.insert(&key, readable(item));
        }
    }
    out
}
