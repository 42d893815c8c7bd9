//! A folded copy of every event's searchable text, built once per change of the trip, so that
//! a search finds its candidate events with one substring scan of one buffer instead of folding
//! every field of every event for every keystroke.
//!
//! Invariant: the index holds exactly the fields [`super::filter`] searches, folded the same
//! way, each followed by a newline (which a folded query never contains, so no match spans two
//! fields or two events). An event the index does not match cannot match the search.

use std::ops::Range;

use memchr::memmem;

use super::chronology::Chronology;
use super::filter::{fold_into, searchable_fields};
use super::trip::Trip;

/// The folded searchable text of a trip's events.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    text: String,
    /// Per `Trip::events` entry, its byte range in `text`.
    ranges: Vec<Range<usize>>,
}

impl SearchIndex {
    /// Fold every event's searchable fields.
    pub fn new(trip: &Trip, chronology: &Chronology) -> Self {
        let mut text = String::new();
        let mut ranges = Vec::with_capacity(trip.events.len());
        for (index, event) in trip.events.iter().enumerate() {
            let start = text.len();
            let place = chronology.event(index).and_then(|e| trip.places.get(e.place));
            for (_, field) in searchable_fields(trip, event, place) {
                fold_into(field, &mut text);
                text.push('\n');
            }
            ranges.push(start..text.len());
        }
        Self { text, ranges }
    }

    /// Per `Trip::events` entry, whether its text contains the folded `query`.
    pub fn candidates(&self, query: &str) -> Vec<bool> {
        let mut found = vec![false; self.ranges.len()];
        let finder = memmem::Finder::new(query.as_bytes());
        let mut from = 0;
        while let Some(at) = finder.find(&self.text.as_bytes()[from..]) {
            let at = from + at;
            // The event whose range holds the match; then skip to its end (one hit is enough).
            let event = self.ranges.partition_point(|r| r.end <= at);
            let Some(range) = self.ranges.get(event) else {
                break;
            };
            found[event] = true;
            from = range.end.max(at + 1);
        }
        found
    }

    /// Bytes of folded text held.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the index holds no text.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}
