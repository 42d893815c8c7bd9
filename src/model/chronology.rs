//! The typed, time-ordered view of a trip that the UI draws from.
//!
//! Built by [`crate::model::resolve`] from a [`Trip`] document. Events are referred to by their
//! index in `Trip::events` (stable while the document is unchanged), and `order` lists them by
//! their UTC start, then UTC end, then file order: a total, stable order, so two events on the
//! same day always appear in the order the editor wrote them.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::geo::{GeoBounds, LatLon};
use super::journeys::{Journey, journeys};
use super::time::TripTime;
use super::trip::Trip;

/// A place whose coordinates and timezone are valid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResolvedPlace {
    /// Where it is.
    pub location: LatLon,
    /// Its timezone.
    pub tz: Tz,
}

/// An event whose place and times are valid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResolvedEvent {
    /// Index into `Trip::events`.
    pub index: usize,
    /// Index into `Trip::places`.
    pub place: usize,
    /// The place's timezone (local times are in it).
    pub tz: Tz,
    /// The start as written.
    pub start: TripTime,
    /// The end as written, if any.
    pub end: Option<TripTime>,
    /// First instant the event covers.
    pub start_utc: DateTime<Utc>,
    /// Instant just after the event (equal to `start_utc` for an instant).
    pub end_utc: DateTime<Utc>,
}

/// Consecutive events at the same place: one numbered marker on the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stop {
    /// 1-based number in trip order, across all journeys.
    pub number: usize,
    /// 1-based number within its journey, as shown on the marker and in stop lists: in a
    /// trip of one journey it equals `number`; in a collection each journey counts from 1.
    pub in_journey: usize,
    /// Index into `Trip::places`.
    pub place: usize,
    /// Indices into `Trip::events`, in time order.
    pub events: Vec<usize>,
    /// Index into `Chronology::journeys`: a stop belongs to one traveller's journey.
    pub journey: usize,
}

/// The resolved, ordered trip.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chronology {
    /// Per `Trip::places` entry; `None` where the place is invalid.
    pub places: Vec<Option<ResolvedPlace>>,
    /// Per `Trip::events` entry; `None` where the event could not be resolved.
    pub events: Vec<Option<ResolvedEvent>>,
    /// Indices of resolved events in time order.
    pub order: Vec<usize>,
    /// Stops in time order (of their first event), across all journeys.
    pub stops: Vec<Stop>,
    /// The travellers' journeys (see [`super::journeys`]), in time order.
    pub journeys: Vec<Journey>,
    /// Route legs as pairs of indices into `stops`: consecutive stops of one journey, never
    /// from one journey to another.
    legs: Vec<(usize, usize)>,
    /// Per `Trip::events` entry, its position in `order` (so lookups stay O(1) at 100,000
    /// events).
    rank: Vec<Option<usize>>,
    /// Per `Trip::events` entry, the index of its stop in `stops`.
    stop_index: Vec<Option<usize>>,
    /// Per `Trip::events` entry, the index of its journey in `journeys`.
    journey_of: Vec<Option<usize>>,
    /// UTC span of all resolved events, kept because every timeline frame asks for it.
    range: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

impl Chronology {
    /// Order the resolved events of `trip`, group them into journeys and each journey's
    /// consecutive events at one place into stops.
    pub fn new(trip: &Trip, places: Vec<Option<ResolvedPlace>>, events: Vec<Option<ResolvedEvent>>) -> Self {
        let mut order: Vec<usize> = events.iter().flatten().map(|e| e.index).collect();
        // A total order that never depends on where an event is in the file: same-time
        // events go by their `sequence` (unset last), then by id; the index only separates
        // duplicate ids, which validation already reports as errors.
        let key = |i: usize| {
            let times = events[i].as_ref().map(|e| (e.start_utc, e.end_utc));
            let event = &trip.events[i];
            (times, event.sequence == 0, event.sequence, event.id.as_str(), i)
        };
        order.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)));
        let (journeys, journey_of) = journeys(trip, &order, &events);
        let mut stops: Vec<Stop> = Vec::new();
        let mut legs = Vec::new();
        // Per journey, the index of its latest stop and how many stops it has so far.
        let mut last_stop: Vec<Option<usize>> = vec![None; journeys.len()];
        let mut stop_count: Vec<usize> = vec![0; journeys.len()];
        for &i in &order {
            let (Some(event), Some(journey)) = (events[i].as_ref(), journey_of[i]) else {
                continue;
            };
            let previous = last_stop[journey];
            match previous.and_then(|s| stops.get_mut(s)) {
                Some(stop) if stop.place == event.place => stop.events.push(i),
                _ => {
                    stop_count[journey] += 1;
                    stops.push(Stop {
                        number: stops.len() + 1,
                        in_journey: stop_count[journey],
                        place: event.place,
                        events: vec![i],
                        journey,
                    });
                    let new = stops.len() - 1;
                    legs.extend(previous.map(|p| (p, new)));
                    last_stop[journey] = Some(new);
                }
            }
        }
        let mut rank = vec![None; events.len()];
        for (position, &i) in order.iter().enumerate() {
            rank[i] = Some(position);
        }
        let mut stop_index = vec![None; events.len()];
        for (s, stop) in stops.iter().enumerate() {
            for &i in &stop.events {
                stop_index[i] = Some(s);
            }
        }
        let start = events.iter().flatten().map(|e| e.start_utc).min();
        let end = events.iter().flatten().map(|e| e.end_utc).max();
        Self {
            places,
            events,
            order,
            stops,
            journeys,
            legs,
            journey_of,
            rank,
            stop_index,
            range: start.zip(end),
        }
    }

    /// The resolved event at `Trip::events[index]`.
    pub fn event(&self, index: usize) -> Option<&ResolvedEvent> {
        self.events.get(index).and_then(Option::as_ref)
    }

    /// Where `index` sits in time order.
    pub fn position(&self, index: usize) -> Option<usize> {
        self.rank.get(index).copied().flatten()
    }

    /// The event `step` places after (or before, if negative) `index` in time order, counting
    /// only events for which `keep` is true (e.g. those that pass the reader's filter), clamped
    /// to the first and last kept event. With no `index`, the first (or last) kept event.
    pub fn step_where(
        &self,
        index: Option<usize>,
        step: isize,
        keep: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let kept = |&&i: &&usize| keep(i);
        let Some(position) = index.and_then(|i| self.position(i)) else {
            return if step < 0 {
                self.order.iter().rev().find(kept).copied()
            } else {
                self.order.iter().find(kept).copied()
            };
        };
        let count = step.unsigned_abs();
        let found = if step < 0 {
            let before = self.order[..position].iter().rev().filter(kept);
            before.take(count).last()
        } else {
            let after = self.order[position + 1..].iter().filter(kept);
            after.take(count).last()
        };
        found.copied().or(index)
    }

    /// The stop that contains event `index`.
    pub fn stop_of(&self, index: usize) -> Option<&Stop> {
        self.stop_index
            .get(index)
            .copied()
            .flatten()
            .and_then(|s| self.stops.get(s))
    }

    /// UTC span of all resolved events, or `None` when there are none.
    pub fn utc_range(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        self.range
    }

    /// Number of local calendar days the trip covers, from the first event's local start date
    /// to the last event's local end date, inclusive.
    pub fn day_count(&self) -> usize {
        Self::day_count_of(self.events.iter().flatten())
    }

    /// Number of local calendar days `events` cover, first local start to last local end.
    pub fn day_count_of<'a>(events: impl Iterator<Item = &'a ResolvedEvent> + Clone) -> usize {
        let first = events.clone().map(|e| e.start.local.date()).min();
        let last = events
            .map(|e| {
                let end = e.end.unwrap_or(e.start);
                // The last local day the event touches: the span's end is exclusive.
                (end.local_end() - chrono::Duration::minutes(1))
                    .max(end.local)
                    .date()
            })
            .max();
        match (first, last) {
            (Some(first), Some(last)) => usize::try_from((last - first).num_days() + 1).unwrap_or(0),
            _ => 0,
        }
    }

    /// Geographic bounds of the stops.
    pub fn bounds(&self) -> Option<GeoBounds> {
        GeoBounds::of(self.stop_locations())
    }

    /// Location of each stop, in order.
    pub fn stop_locations(&self) -> impl Iterator<Item = LatLon> + '_ {
        self.stops
            .iter()
            .filter_map(|s| self.places.get(s.place).copied().flatten().map(|p| p.location))
    }

    /// The journey of `Trip::events[index]`, an index into `journeys`.
    pub fn journey_of(&self, index: usize) -> Option<usize> {
        self.journey_of.get(index).copied().flatten()
    }

    /// Route legs as pairs of indices into `stops`: consecutive stops of one journey.
    pub fn legs(&self) -> &[(usize, usize)] {
        &self.legs
    }

    /// Where stop `stop` is, if its place is valid.
    pub fn stop_location(&self, stop: usize) -> Option<LatLon> {
        let place = self.stops.get(stop)?.place;
        self.places.get(place).copied().flatten().map(|p| p.location)
    }

    /// Total geodesic distance along the route legs, in metres.
    pub fn route_length_m(&self) -> f64 {
        self.legs
            .iter()
            .filter_map(|&(a, b)| Some(self.stop_location(a)?.distance_m(self.stop_location(b)?)))
            .sum()
    }
}
