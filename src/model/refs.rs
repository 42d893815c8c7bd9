//! Ids and references between the parts of a trip.
//!
//! Places, people, sources and events each have ids unique within their list; events, meetings
//! and quotes refer to them by id. An unknown reference is reported with the closest known ids,
//! since most are typos.

use std::collections::HashMap;

use super::problem::{FieldPath, Problem};

/// The lists of a trip whose items have ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    /// `[[places]]`
    Places,
    /// `[[people]]`
    People,
    /// `[[sources]]`
    Sources,
    /// `[[events]]`
    Events,
}

impl Collection {
    /// The list's key in a trip file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Places => "places",
            Self::People => "people",
            Self::Sources => "sources",
            Self::Events => "events",
        }
    }

    /// What one item is called in messages.
    pub fn item(self) -> &'static str {
        match self {
            Self::Places => "place",
            Self::People => "person",
            Self::Sources => "source",
            Self::Events => "event",
        }
    }
}

/// The ids of one list (e.g. all places), for resolving references.
#[derive(Clone, Debug)]
pub struct IdIndex {
    /// Which list.
    collection: Collection,
    /// Where each id is first defined.
    positions: HashMap<String, usize>,
}

impl IdIndex {
    /// The position in its list of the item with `id`.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// Resolve a reference at `path`, reporting it if unknown.
    pub fn check_ref(&self, path: &FieldPath, id: &str, problems: &mut Vec<Problem>) -> Option<usize> {
        if let Some(position) = self.get(id) {
            return Some(position);
        }
        let (list, what) = (self.collection.key(), self.collection.item());
        let mut known: Vec<&str> = self.positions.keys().map(String::as_str).collect();
        known.sort_by_key(|k| (strsim::levenshtein(k, id), *k));
        let help = match known.first() {
            Some(best) if strsim::levenshtein(best, id) <= 2 => format!("did you mean `{best}`?"),
            Some(_) => format!(
                "known {list}: {}; or add a [[{list}]] entry with id = \"{id}\"",
                known
                    .iter()
                    .take(6)
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => format!("add a [[{list}]] entry with id = \"{id}\""),
        };
        let message = if id.is_empty() {
            format!("empty {what} reference")
        } else {
            format!("unknown {what} `{id}`")
        };
        problems.push(Problem::error(path.clone(), message, help));
        None
    }
}

/// Index the ids of one list, reporting empty and duplicate ids.
pub fn check_ids<'a>(
    collection: Collection,
    ids: impl Iterator<Item = &'a str>,
    problems: &mut Vec<Problem>,
) -> IdIndex {
    let (list_path, what) = (FieldPath::root().key(collection.key()), collection.item());
    let mut index = IdIndex {
        collection,
        positions: HashMap::new(),
    };
    for (i, id) in ids.enumerate() {
        let path = list_path.index(i).key("id");
        if id.trim().is_empty() {
            problems.push(Problem::error(
                path,
                format!("this {what} has no id"),
                "give it a unique `id = \"…\"` so that others can refer to it".to_owned(),
            ));
        } else if let Some(first) = index.positions.get(id) {
            problems.push(Problem::error(
                path,
                format!("duplicate {what} id `{id}`"),
                format!(
                    "ids must be unique; `{id}` is already used by {}[{first}]",
                    collection.key()
                ),
            ));
        } else {
            index.positions.insert(id.to_owned(), i);
        }
    }
    index
}

/// An id for which `taken` is false, from `base` ("dushanbe", "dushanbe-2", …).
pub fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let slug: String = super::filter::fold(base)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() { "item".to_owned() } else { slug };
    (1..)
        .map(|n| {
            if n == 1 {
                slug.clone()
            } else {
                format!("{slug}-{n}")
            }
        })
        .find(|id| !taken(id))
        .unwrap_or(slug)
}
