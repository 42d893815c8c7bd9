//! The trip's headline numbers: days, stops, countries, kilometres and timezones crossed.
//!
//! "Timezones crossed" counts the hours the traveller's clock was reset between consecutive
//! stops (Ashgabat UTC+5 to London UTC+0 crosses five), each leg compared at its arrival instant
//! so daylight saving is taken into account. The per-leg changes are kept so the UI can show
//! how the total was reached.

use super::chronology::Chronology;
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
    /// Each leg where the clock changed.
    pub clock_changes: Vec<ClockChange>,
}

impl TripStats {
    /// "5 days · 6 stops · 6 countries · 9,125 km · 8 timezones crossed".
    pub fn summary(&self) -> String {
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
        let mut clock_changes = Vec::new();
        for pair in chronology.stops.windows(2) {
            let (from, to) = (&pair[0], &pair[1]);
            let arrival = to.events.first().and_then(|&i| chronology.event(i));
            let (Some(arrival), Some(Some(before))) = (arrival, chronology.places.get(from.place)) else {
                continue;
            };
            let from_secs = utc_offset_secs(before.tz, arrival.start_utc);
            let to_secs = utc_offset_secs(arrival.tz, arrival.start_utc);
            if from_secs != to_secs {
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
        let crossed_secs: u32 = clock_changes.iter().map(|c| c.shift_secs.unsigned_abs()).sum();
        Self {
            days: chronology.day_count(),
            stops: chronology.stops.len(),
            countries: chronology.country_count(trip),
            route_km: chronology.route_length_m() / 1000.0,
            timezones_crossed: (crossed_secs + 1_800) / 3_600,
            clock_changes,
        }
    }
}
