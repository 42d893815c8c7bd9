//! Journeys: a traveller's visits grouped into trips abroad, so that routes join the stops of
//! one journey and never one journey's or traveller's last stop to the next one's first.
//!
//! The rule: events belong to a traveller (the first of an event's participants who is one of
//! the trip's travellers; in a trip with one traveller or none, every event belongs to it).
//! Within a traveller, in time order, an event continues the journey of the one before when both
//! carry the same explicit `journey` id (whatever the gap), or when neither carries one and it
//! starts at most [`JOURNEY_GAP_DAYS`] days after the one before ended.
//!
//! Invariant: every resolved event is in exactly one journey; journeys are ordered by the start
//! of their first event, and their events by time.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::chronology::ResolvedEvent;
use super::trip::Trip;

/// The longest gap, in days, between two visits of one journey: a traveller home for a weekend
/// between two capitals is still on one trip; a week at home starts a new one.
pub const JOURNEY_GAP_DAYS: i64 = 3;

/// Consecutive visits of one traveller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Journey {
    /// Index into `Trip::travellers`; `None` for events that name no traveller in a trip of
    /// several.
    pub traveller: Option<usize>,
    /// The explicit journey id of its events, or empty when it follows from the dates.
    pub id: String,
    /// Indices into `Trip::events`, in time order.
    pub events: Vec<usize>,
}

/// Indices into `Trip::travellers` by id (the first of two equal ids wins, as a scan in order
/// would find it), so finding an event's travellers does not compare each participant with
/// every traveller (50 travellers × a million events).
pub fn traveller_indices(trip: &Trip) -> HashMap<&str, usize> {
    let mut by_id = HashMap::new();
    for (t, id) in trip.travellers.iter().enumerate() {
        by_id.entry(id.as_str()).or_insert(t);
    }
    by_id
}

/// The traveller of an event (see the module rule), through [`traveller_indices`].
struct Travellers<'a> {
    count: usize,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Travellers<'a> {
    fn of(trip: &'a Trip) -> Self {
        Self {
            count: trip.travellers.len(),
            by_id: traveller_indices(trip),
        }
    }

    fn of_event(&self, trip: &Trip, index: usize) -> Option<usize> {
        if self.count <= 1 {
            return (self.count == 1).then_some(0);
        }
        let event = trip.events.get(index)?;
        event
            .participants
            .iter()
            .find_map(|p| self.by_id.get(p.as_str()).copied())
    }
}

/// The journeys of the events in `order` (time order), and per `Trip::events` entry the index
/// of its journey.
pub fn journeys(
    trip: &Trip,
    order: &[usize],
    events: &[Option<ResolvedEvent>],
) -> (Vec<Journey>, Vec<Option<usize>>) {
    let travellers = Travellers::of(trip);
    let mut journeys: Vec<Journey> = Vec::new();
    let mut journey_of = vec![None; events.len()];
    // Per traveller (index + 1, 0 for none): its open journey and when its last event ended.
    let mut open: Vec<Option<(usize, DateTime<Utc>)>> = vec![None; trip.travellers.len() + 1];
    for &i in order {
        let Some(event) = events.get(i).copied().flatten() else {
            continue;
        };
        let traveller = travellers.of_event(trip, i);
        let slot = traveller.map_or(0, |t| t + 1);
        let id = trip.events.get(i).map_or("", |e| e.journey.as_str());
        let continues = open.get(slot).copied().flatten().filter(|&(j, last_end)| {
            if id.is_empty() && journeys[j].id.is_empty() {
                event.start_utc - last_end <= Duration::days(JOURNEY_GAP_DAYS)
            } else {
                journeys[j].id == id
            }
        });
        let j = match continues {
            Some((j, _)) => j,
            None => {
                journeys.push(Journey {
                    traveller,
                    id: id.to_owned(),
                    events: Vec::new(),
                });
                journeys.len() - 1
            }
        };
        journeys[j].events.push(i);
        journey_of[i] = Some(j);
        let end = open
            .get(slot)
            .copied()
            .flatten()
            .filter(|&(open_j, _)| open_j == j)
            .map_or(event.end_utc, |(_, last_end)| last_end.max(event.end_utc));
        if let Some(entry) = open.get_mut(slot) {
            *entry = Some((j, end));
        }
    }
    (journeys, journey_of)
}

/// What the reader follows in a collection: one traveller, or one journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Index into `Trip::travellers`.
    Traveller(usize),
    /// Index into `Chronology::journeys`.
    Journey(usize),
}

impl Focus {
    /// Whether `Trip::events[index]` belongs to a journey inside the focus.
    pub fn has_event(self, chronology: &super::Chronology, index: usize) -> bool {
        chronology
            .journey_of(index)
            .is_some_and(|j| self.has_journey(&chronology.journeys, j))
    }

    /// The traveller the focus follows: its own, or its journey's.
    pub fn traveller(self, journeys: &[Journey]) -> Option<usize> {
        match self {
            Self::Traveller(t) => Some(t),
            Self::Journey(j) => journeys.get(j)?.traveller,
        }
    }

    /// Whether the journey `journey` (an index into `journeys`) is inside the focus.
    pub fn has_journey(self, journeys: &[Journey], journey: usize) -> bool {
        match self {
            Self::Journey(j) => j == journey,
            Self::Traveller(t) => journeys.get(journey).is_some_and(|j| j.traveller == Some(t)),
        }
    }
}
