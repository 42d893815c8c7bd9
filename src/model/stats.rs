//! The trip's headline numbers: days, stops, countries, kilometres and timezones crossed; for a
//! collection of several journeys, travellers, journeys, visits, countries and years instead
//! (days and kilometres summed over 160 years of travel mean nothing).
//!
//! "Timezones crossed" counts the hours the traveller's clock was reset between consecutive
//! stops (Ashgabat UTC+5 to London UTC+0 crosses five), each leg compared at its arrival instant
//! so daylight saving is taken into account. The per-leg changes are kept so the UI can show
//! how the total was reached.

use super::chronology::{Chronology, Stop};
use super::journeys::Focus;
use super::time::{format_utc_offset, utc_offset_secs};
use super::trip::Trip;

/// A clock change between two consecutive stops.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockChange {
    /// Name of the stop left.
    pub from: String,
    /// Name of the stop reached.
    pub to: String,
    /// Offset at the stop left, e.g. "UTC+6".
    pub from_offset: String,
    /// Offset at the stop reached.
    pub to_offset: String,
    /// Signed change in seconds (negative: clocks go back).
    pub shift_secs: i32,
}

/// Headline numbers of a trip.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TripStats {
    /// Local calendar days covered.
    pub days: usize,
    /// Numbered stops.
    pub stops: usize,
    /// Distinct countries of the stops.
    pub countries: usize,
    /// Geodesic route length between stops, in kilometres.
    pub route_km: f64,
    /// Whole hours of clock change along the route.
    pub timezones_crossed: u32,
    /// Each leg where the clock changed (the first [`MAX_LISTED_CLOCK_CHANGES`]).
    pub clock_changes: Vec<ClockChange>,
    /// For a trip of more than one journey, the collection's own figures.
    pub collection: Option<CollectionStats>,
}

/// Headline numbers of a collection of journeys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CollectionStats {
    /// Travellers with at least one visit.
    pub travellers: usize,
    /// Journeys (see `model::journeys`).
    pub journeys: usize,
    /// Resolved events.
    pub visits: usize,
    /// Distinct countries visited.
    pub countries: usize,
    /// First and last year, local time.
    pub years: Option<(i32, i32)>,
}

impl CollectionStats {
    /// The figures of the journeys `keep` accepts (with their `stops`), or `None` for fewer
    /// than two journeys.
    fn of(
        trip: &Trip,
        chronology: &Chronology,
        stops: &[&Stop],
        keep: &impl Fn(usize) -> bool,
    ) -> Option<Self> {
        let journeys: Vec<&super::journeys::Journey> = (0..chronology.journeys.len())
            .filter(|&j| keep(j))
            .filter_map(|j| chronology.journeys.get(j))
            .collect();
        if journeys.len() < 2 {
            return None;
        }
        let mut travellers: Vec<Option<usize>> = journeys.iter().map(|j| j.traveller).collect();
        travellers.sort_unstable();
        travellers.dedup();
        let events = journeys
            .iter()
            .flat_map(|j| &j.events)
            .filter_map(|&i| chronology.event(i));
        let years = events.clone().map(|e| chrono::Datelike::year(&e.start.local));
        Some(Self {
            travellers: travellers.len(),
            journeys: journeys.len(),
            visits: events.count(),
            countries: country_count(trip, stops),
            years: years.clone().min().zip(years.max()),
        })
    }

    /// "55 travellers · 1,355 journeys · 4,271 visits · 179 countries · 1866–2025".
    pub fn summary(&self) -> String {
        let count = |n: usize, one: &str, many: &str| {
            let word = if n == 1 { one } else { many };
            format!("{} {word}", super::describe::format_count(n as u64))
        };
        let mut parts = vec![
            count(self.travellers, "traveller", "travellers"),
            count(self.journeys, "journey", "journeys"),
            count(self.visits, "visit", "visits"),
            count(self.countries, "country", "countries"),
        ];
        if let Some((first, last)) = self.years {
            parts.push(super::time::year_span_label(first, last));
        }
        parts.join(" · ")
    }
}

impl TripStats {
    /// "5 days · 6 stops · 6 countries · 9,125 km · 8 timezones crossed", or the collection's
    /// figures for a trip of several journeys.
    pub fn summary(&self) -> String {
        if let Some(collection) = &self.collection {
            return collection.summary();
        }
        format!(
            "{} days · {} stops · {} countries · {} · {} timezones crossed",
            self.days,
            self.stops,
            self.countries,
            super::describe::format_km(self.route_km),
            self.timezones_crossed
        )
    }

    /// The numbers for `trip` as resolved in `chronology`.
    pub fn of(trip: &Trip, chronology: &Chronology) -> Self {
        Self::of_journeys(trip, chronology, |_| true)
    }

    /// The numbers of the journeys in `focus` only (one traveller's, or one journey's).
    pub fn of_focus(trip: &Trip, chronology: &Chronology, focus: Focus) -> Self {
        Self::of_journeys(trip, chronology, |j| focus.has_journey(&chronology.journeys, j))
    }

    /// The numbers of the journeys (indices into `Chronology::journeys`) that `keep` accepts.
    fn of_journeys(trip: &Trip, chronology: &Chronology, keep: impl Fn(usize) -> bool) -> Self {
        let stops: Vec<&Stop> = chronology.stops.iter().filter(|s| keep(s.journey)).collect();
        let mut clock_changes = Vec::new();
        let mut crossed_secs: u32 = 0;
        for &(from, to) in chronology.legs() {
            let (Some(from), Some(to)) = (chronology.stops.get(from), chronology.stops.get(to)) else {
                continue;
            };
            if !keep(from.journey) {
                continue;
            }
            let arrival = to.events.first().and_then(|&i| chronology.event(i));
            let (Some(arrival), Some(Some(before))) = (arrival, chronology.places.get(from.place)) else {
                continue;
            };
            let from_secs = utc_offset_secs(before.tz, arrival.start_utc);
            let to_secs = utc_offset_secs(arrival.tz, arrival.start_utc);
            crossed_secs += (to_secs - from_secs).unsigned_abs();
            // The list is for reading (the header's tooltip); a collection's hundreds of
            // thousands of changes only count.
            if from_secs != to_secs && clock_changes.len() < MAX_LISTED_CLOCK_CHANGES {
                let name = |place: usize| trip.places.get(place).map(|p| p.name.clone()).unwrap_or_default();
                clock_changes.push(ClockChange {
                    from: name(from.place),
                    to: name(to.place),
                    from_offset: format_utc_offset(from_secs),
                    to_offset: format_utc_offset(to_secs),
                    shift_secs: to_secs - from_secs,
                });
            }
        }
        let events = stops
            .iter()
            .flat_map(|s| &s.events)
            .filter_map(|&i| chronology.event(i));
        let location = |s: usize| chronology.stop_location(s);
        let route_m: f64 = chronology
            .legs()
            .iter()
            .filter(|&&(a, _)| chronology.stops.get(a).is_some_and(|s| keep(s.journey)))
            .filter_map(|&(a, b)| Some(location(a)?.distance_m(location(b)?)))
            .sum();
        Self {
            days: Chronology::day_count_of(events),
            stops: stops.len(),
            countries: country_count(trip, &stops),
            route_km: route_m / 1000.0,
            timezones_crossed: (crossed_secs + 1_800) / 3_600,
            clock_changes,
            collection: CollectionStats::of(trip, chronology, &stops, &keep),
        }
    }
}

/// Most clock changes listed in [`TripStats::clock_changes`]; all of them count towards
/// [`TripStats::timezones_crossed`].
pub const MAX_LISTED_CLOCK_CHANGES: usize = 200;

/// Distinct countries of `stops`.
fn country_count(trip: &Trip, stops: &[&Stop]) -> usize {
    let mut countries: Vec<&str> = stops
        .iter()
        .filter_map(|s| trip.places.get(s.place).map(|p| p.country.as_str()))
        .collect();
    countries.sort_unstable();
    countries.dedup();
    countries.len()
}
