//! Large, valid trips generated in code, for benchmarks and stress tests of the views.
//!
//! The trip mixes what real files contain: minute- and day-precision times, instants and
//! multi-hour events, several kinds, and stops in timezones on both sides of UTC (with and
//! without daylight saving). It is deterministic, so benchmark runs compare like with like.

use super::trip::{Event, EventKind, FORMAT_VERSION, Place, Trip};

/// Cities the generated trip moves between: (id, name, country, lat, lon, timezone).
const CITIES: [(&str, &str, &str, f64, f64, &str); 8] = [
    ("astana", "Astana", "KZ", 51.18, 71.45, "Asia/Almaty"),
    ("bishkek", "Bishkek", "KG", 42.87, 74.59, "Asia/Bishkek"),
    ("london", "London", "GB", 51.51, -0.13, "Europe/London"),
    (
        "washington",
        "Washington",
        "US",
        38.90,
        -77.04,
        "America/New_York",
    ),
    ("tokyo", "Tokyo", "JP", 35.69, 139.69, "Asia/Tokyo"),
    ("delhi", "New Delhi", "IN", 28.61, 77.21, "Asia/Kolkata"),
    ("sydney", "Sydney", "AU", -33.87, 151.21, "Australia/Sydney"),
    ("cairo", "Cairo", "EG", 30.04, 31.24, "Africa/Cairo"),
];

/// Minutes between the starts of consecutive events.
const STEP_MINUTES: i64 = 37;
/// Events at one stop before the trip moves on.
const EVENTS_PER_STOP: usize = 5;

/// A valid trip with `events` events, starting on 1 January 2015.
pub fn synthetic_trip(events: usize) -> Trip {
    let places = CITIES
        .iter()
        .map(|&(id, name, country, lat, lon, tz)| Place {
            id: id.to_owned(),
            name: name.to_owned(),
            country: country.to_owned(),
            lat: Some(lat),
            lon: Some(lon),
            timezone: tz.to_owned(),
            ..Place::default()
        })
        .collect();
    let origin = chrono::NaiveDate::from_ymd_opt(2015, 1, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or_default();
    let events = (0..events)
        .map(|i| {
            let start = origin + chrono::Duration::minutes(STEP_MINUTES * i as i64);
            // Clocks change at night (01:00–03:59 local), where a time may not exist; nobody
            // meets then anyway, so night events move to the morning.
            let start = if chrono::Timelike::hour(&start) < 4 {
                start + chrono::Duration::hours(4)
            } else {
                start
            };
            let (start_text, end_text) = match i % 7 {
                0 => (start.format("%Y-%m-%d").to_string(), String::new()),
                1 | 2 => (
                    start.format("%Y-%m-%dT%H:%M").to_string(),
                    (start + chrono::Duration::hours(2))
                        .format("%Y-%m-%dT%H:%M")
                        .to_string(),
                ),
                _ => (start.format("%Y-%m-%dT%H:%M").to_string(), String::new()),
            };
            Event {
                id: format!("event-{i}"),
                title: format!("Event {i}"),
                kind: EventKind::ALL[i % EventKind::ALL.len()],
                start: start_text,
                end: end_text,
                place: CITIES[(i / EVENTS_PER_STOP) % CITIES.len()].0.to_owned(),
                summary: format!("Generated event number {i}."),
                ..Event::default()
            }
        })
        .collect();
    Trip {
        format: FORMAT_VERSION,
        title: "Synthetic trip".to_owned(),
        events,
        places,
        ..Trip::default()
    }
}
