//! Which events pass the reader's search, filter chips and focus: the per-event matches, the
//! search hits and their count, recomputed whenever the filter, focus or content changes.
//!
//! Invariant: `matches_revision` grows with every recomputation, so views can cache what they
//! derive from [`AppState::passes`]; the search index is rebuilt only when the content's
//! revision has moved on and a search needs it.

use super::AppState;
use crate::model::search_index::SearchIndex;
use crate::model::{Filter, SearchHit};

impl AppState {
    /// Whether `Trip::events[index]` passes the reader's filter (true when nothing is filtered).
    pub fn passes(&self, index: usize) -> bool {
        self.matches.get(index).copied().unwrap_or(true)
    }

    /// Counts changes to which events pass the filter and focus ([`AppState::passes`]).
    pub fn matches_revision(&self) -> u64 {
        self.matches_revision
    }

    /// Events matching the search query, in time order (empty without a query).
    pub fn search_hits(&self) -> &[SearchHit] {
        &self.hits
    }

    /// How many events pass the filter.
    pub fn match_count(&self) -> usize {
        self.match_count
    }

    pub(super) fn change_filter(&mut self, change: impl FnOnce(&mut Filter)) {
        change(&mut self.filter);
        self.refresh_matches();
    }

    pub(super) fn refresh_matches(&mut self) {
        self.matches_revision += 1;
        if let Some(open) = &self.open
            && !self.filter.query.trim().is_empty()
            && self
                .search_index
                .as_ref()
                .is_none_or(|(r, _)| *r != self.revision)
        {
            let index = SearchIndex::new(&open.trip, &open.chronology);
            self.search_index = Some((self.revision, index));
        }
        let index = self
            .search_index
            .as_ref()
            .filter(|(r, _)| *r == self.revision)
            .map(|(_, i)| i);
        (self.matches, self.hits) = match &self.open {
            Some(open) if self.filter.is_active() => self.filter.apply(&open.trip, &open.chronology, index),
            _ => (Vec::new(), Vec::new()),
        };
        self.narrow_to_focus();
        self.match_count = match &self.open {
            Some(open) => open.chronology.order.iter().filter(|&&i| self.passes(i)).count(),
            None => 0,
        };
    }
}
