//! Edits to a trip document, and the undo/redo history built from them.
//!
//! Every change an editor makes is an [`Edit`] at a [`FieldPath`]: set a value, insert into an
//! array, remove from an array. Applying an edit returns its exact inverse, which is all undo
//! needs. Values are JSON values so one edit type covers every field of every record; the
//! touched record is re-read through serde, so an edit that would make the document
//! ill-typed (text where a number belongs) is refused and leaves the trip unchanged.
//!
//! Invariant of [`History`]: undoing every step restores the document the history started
//! from, and redoing them all gives back the latest one.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::problem::{FieldPath, PathSegment};
use super::trip::Trip;

/// One change to a trip document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replace the value at `path` (a field, an array element or a whole record).
    Set {
        /// Where.
        path: FieldPath,
        /// The new value.
        value: Value,
    },
    /// Insert `value` at `index` into the array at `path`.
    Insert {
        /// The array.
        path: FieldPath,
        /// Position of the new element.
        index: usize,
        /// The element.
        value: Value,
    },
    /// Remove the element at `index` of the array at `path`.
    Remove {
        /// The array.
        path: FieldPath,
        /// Position of the element.
        index: usize,
    },
}

/// Why an edit was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EditError {
    /// The path names nothing in the document.
    #[error("there is no `{0}` in this trip")]
    NoSuchPath(String),
    /// The value does not fit the field.
    #[error("`{path}` cannot hold that value: {reason}")]
    WrongType {
        /// Where.
        path: String,
        /// What serde said.
        reason: String,
    },
}

/// Apply `edit` to `trip`; returns the edit that undoes it. On error the trip is unchanged.
pub fn apply(trip: &mut Trip, edit: &Edit) -> Result<Edit, EditError> {
    let path = match edit {
        Edit::Set { path, .. } | Edit::Insert { path, .. } | Edit::Remove { path, .. } => path,
    };
    let segments = path.0.as_slice();
    // Records of the big collections are edited one at a time, so an edit costs the size of
    // one event, not of the whole trip.
    macro_rules! in_record {
        ($field:ident) => {
            match segments {
                [PathSegment::Key(_), PathSegment::Index(i), rest @ ..] if !rest.is_empty() => {
                    let record = trip
                        .$field
                        .get_mut(*i)
                        .ok_or_else(|| EditError::NoSuchPath(path.to_string()))?;
                    edit_node(record, rest, edit, path)
                }
                _ => edit_node(trip, segments, edit, path),
            }
        };
    }
    match segments.first() {
        Some(PathSegment::Key(k)) if k == "events" => in_record!(events),
        Some(PathSegment::Key(k)) if k == "places" => in_record!(places),
        Some(PathSegment::Key(k)) if k == "people" => in_record!(people),
        Some(PathSegment::Key(k)) if k == "sources" => in_record!(sources),
        _ => edit_node(trip, segments, edit, path),
    }
}

/// Apply `edit` to the node at `rest` inside `target`, through its JSON form.
fn edit_node<T: Serialize + DeserializeOwned>(
    target: &mut T,
    rest: &[PathSegment],
    edit: &Edit,
    path: &FieldPath,
) -> Result<Edit, EditError> {
    let wrong = |e: serde_json::Error| EditError::WrongType {
        path: path.to_string(),
        reason: e.to_string(),
    };
    let missing = || EditError::NoSuchPath(path.to_string());
    let mut json = serde_json::to_value(&*target).map_err(wrong)?;
    let inverse = match edit {
        Edit::Set { value, .. } => {
            let (last, parent) = rest.split_last().ok_or_else(missing)?;
            let slot = child(navigate(&mut json, parent).ok_or_else(missing)?, last).ok_or_else(missing)?;
            let old = std::mem::replace(slot, value.clone());
            Edit::Set {
                path: path.clone(),
                value: old,
            }
        }
        Edit::Insert { index, value, .. } => {
            let array = navigate(&mut json, rest)
                .and_then(Value::as_array_mut)
                .ok_or_else(missing)?;
            if *index > array.len() {
                return Err(missing());
            }
            array.insert(*index, value.clone());
            Edit::Remove {
                path: path.clone(),
                index: *index,
            }
        }
        Edit::Remove { index, .. } => {
            let array = navigate(&mut json, rest)
                .and_then(Value::as_array_mut)
                .ok_or_else(missing)?;
            if *index >= array.len() {
                return Err(missing());
            }
            let old = array.remove(*index);
            Edit::Insert {
                path: path.clone(),
                index: *index,
                value: old,
            }
        }
    };
    *target = serde_json::from_value(json).map_err(wrong)?;
    Ok(inverse)
}

fn navigate<'a>(mut node: &'a mut Value, segments: &[PathSegment]) -> Option<&'a mut Value> {
    for segment in segments {
        node = child(node, segment)?;
    }
    Some(node)
}

fn child<'a>(node: &'a mut Value, segment: &PathSegment) -> Option<&'a mut Value> {
    match segment {
        // A missing optional field (e.g. `slide_seconds`) can still be set.
        PathSegment::Key(key) => node
            .as_object_mut()
            .map(|o| o.entry(key.clone()).or_insert(Value::Null)),
        PathSegment::Index(i) => node.as_array_mut()?.get_mut(*i),
    }
}

/// Undo and redo stacks, and whether the document differs from the last save.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// Applied edits with their inverses, oldest first.
    undo: Vec<(Edit, Edit)>,
    /// Undone edits with their inverses, most recently undone last.
    redo: Vec<(Edit, Edit)>,
    /// Length of `undo` when the file was last saved or loaded; `None` once unreachable.
    saved_at: Option<usize>,
    /// Whether the next edit of the same field may merge into the last step.
    merge_open: bool,
}

impl History {
    /// A history for a document just loaded or saved.
    pub fn new() -> Self {
        Self {
            saved_at: Some(0),
            ..Self::default()
        }
    }

    /// Apply `edit` and record it. Consecutive `Set`s of the same field (typing into one box)
    /// become one undo step until [`History::seal`] is called.
    pub fn apply(&mut self, trip: &mut Trip, edit: Edit) -> Result<(), EditError> {
        let inverse = apply(trip, &edit)?;
        let merge = self.merge_open
            && matches!((&edit, self.undo.last()), (Edit::Set { path, .. }, Some((Edit::Set { path: last, .. }, _))) if path == last)
            && self.saved_at != Some(self.undo.len());
        if merge {
            if let Some(step) = self.undo.last_mut() {
                step.0 = edit;
            }
        } else {
            if self.saved_at.is_some_and(|s| s > self.undo.len()) {
                self.saved_at = None;
            }
            self.undo.push((edit, inverse));
        }
        self.redo.clear();
        self.merge_open = true;
        Ok(())
    }

    /// End the current step: the next edit starts a new one (e.g. when a field loses focus).
    pub fn seal(&mut self) {
        self.merge_open = false;
    }

    /// Undo the last step; false when there is nothing to undo.
    pub fn undo(&mut self, trip: &mut Trip) -> bool {
        self.seal();
        replay(trip, &mut self.undo, &mut self.redo, |(_, inverse)| inverse)
    }

    /// Redo the last undone step; false when there is nothing to redo.
    pub fn redo(&mut self, trip: &mut Trip) -> bool {
        self.seal();
        replay(trip, &mut self.redo, &mut self.undo, |(edit, _)| edit)
    }

    /// Whether there are steps to undo and to redo.
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (!self.undo.is_empty(), !self.redo.is_empty())
    }

    /// Whether the document differs from the last save.
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.undo.len())
    }

    /// The document was just saved.
    pub fn mark_saved(&mut self) {
        self.seal();
        self.saved_at = Some(self.undo.len());
    }
}

/// Move the newest step of `from` to `to`, applying the edit `pick` chooses from it. A step
/// that cannot be applied (impossible for a recorded inverse) stays where it was.
fn replay(
    trip: &mut Trip,
    from: &mut Vec<(Edit, Edit)>,
    to: &mut Vec<(Edit, Edit)>,
    pick: fn(&(Edit, Edit)) -> &Edit,
) -> bool {
    let Some(step) = from.pop() else {
        return false;
    };
    if apply(trip, pick(&step)).is_ok() {
        to.push(step);
        true
    } else {
        from.push(step);
        false
    }
}
