//! Following one traveller or one journey of a collection: the focus narrows what passes the
//! filter (so the map and timeline dim the rest and Left/Right step within it), the headline
//! numbers describe it, and the views frame it.
//!
//! Invariant: a focus always names a traveller or journey of the open trip; an edit that removes
//! it clears it.

use chrono::{DateTime, Utc};

use super::AppState;
use crate::command::Effect;
use crate::model::journeys::Focus;
use crate::model::{GeoBounds, TripStats};

impl AppState {
    /// The traveller or journey followed, if any.
    pub fn focus(&self) -> Option<Focus> {
        self.focus
    }

    /// Follow `focus` (or everything again with `None`): dim the rest, frame it, keep the
    /// selection only if it is inside.
    pub(super) fn set_focus(&mut self, focus: Option<Focus>) {
        self.focus = focus;
        self.check_focus();
        self.refresh_stats();
        self.refresh_matches();
        if self.selection.is_some_and(|i| !self.passes(i)) {
            self.selection = None;
        }
        self.effects.push(Effect::FitMap);
        self.effects.push(Effect::FitTimeline);
    }

    /// Clear a focus that no longer names a traveller or journey of the trip.
    pub(super) fn check_focus(&mut self) {
        let valid = match (self.focus, self.trip()) {
            (Some(Focus::Traveller(t)), Some((trip, _))) => t < trip.travellers.len(),
            (Some(Focus::Journey(j)), Some((_, chronology))) => j < chronology.journeys.len(),
            (None, _) => true,
            (Some(_), None) => false,
        };
        if !valid {
            self.focus = None;
        }
    }

    /// Recompute the headline numbers for the whole trip or the focus.
    pub(super) fn refresh_stats(&mut self) {
        self.stats = match (self.trip(), self.focus) {
            (Some((trip, chronology)), Some(focus)) => TripStats::of_focus(trip, chronology, focus),
            (Some((trip, chronology)), None) => TripStats::of(trip, chronology),
            (None, _) => TripStats::default(),
        };
    }

    /// Events outside the focus do not pass.
    pub(super) fn narrow_to_focus(&mut self) {
        let (Some(focus), Some(open)) = (self.focus, &self.open) else {
            return;
        };
        let chronology = &open.chronology;
        if self.matches.is_empty() {
            self.matches = vec![true; open.trip.events.len()];
        }
        for (i, passes) in self.matches.iter_mut().enumerate() {
            *passes &= focus.has_event(chronology, i);
        }
        let matches = &self.matches;
        self.hits
            .retain(|hit| matches.get(hit.index).copied().unwrap_or(false));
    }

    /// Where the views should frame: the focus's stops, or the whole trip's.
    pub fn view_bounds(&self) -> Option<GeoBounds> {
        let (_, chronology) = self.trip()?;
        match self.focus {
            None => chronology.bounds(),
            Some(focus) => GeoBounds::of(
                chronology
                    .stops
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| focus.has_journey(&chronology.journeys, s.journey))
                    .filter_map(|(i, _)| chronology.stop_location(i)),
            ),
        }
    }

    /// The UTC span the views should frame: the focus's events, or the whole trip's.
    pub fn view_span(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let (_, chronology) = self.trip()?;
        let Some(focus) = self.focus else {
            return chronology.utc_range();
        };
        let events = chronology
            .order
            .iter()
            .filter(|&&i| focus.has_event(chronology, i))
            .filter_map(|&i| chronology.event(i));
        let start = events.clone().map(|e| e.start_utc).min()?;
        let end = events.map(|e| e.end_utc).max()?;
        Some((start, end))
    }
}
