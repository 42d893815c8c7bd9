//! What hovering a stop or a cluster of stops says: each stop's events, or for a dense cluster
//! how many stops, visits and countries it holds and its most visited places.

use egui::Ui;

use crate::model::describe::describe_time;
use crate::model::{Chronology, Stop, Trip};

/// Above this many stops in one cluster, its tooltip summarises instead of listing each.
pub const DETAILED_TOOLTIP_STOPS: usize = 6;

/// What a dense cluster holds: how many stops and visits, and its most visited places.
pub fn dense_tooltip_ui(ui: &mut Ui, trip: &Trip, members: &[(&str, &Stop)]) {
    let visits: usize = members.iter().map(|(_, s)| s.events.len()).sum();
    let mut by_place: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (name, stop) in members {
        *by_place.entry(name).or_default() += stop.events.len();
    }
    let mut places: Vec<(&str, usize)> = by_place.into_iter().collect();
    places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let countries: std::collections::HashSet<&str> = members
        .iter()
        .filter_map(|(_, s)| trip.places.get(s.place).map(|p| p.country.as_str()))
        .collect();
    ui.strong(format!(
        "{} stops · {} visits · {} countries",
        members.len(),
        visits,
        countries.len()
    ));
    let top: Vec<String> = places
        .iter()
        .take(5)
        .map(|(name, n)| format!("{name} ({n})"))
        .collect();
    ui.label(format!("Most visited: {}", top.join(", ")));
}

pub fn stop_tooltip_ui(
    ui: &mut Ui,
    trip: &Trip,
    chronology: &Chronology,
    name: &str,
    stop: &Stop,
    approximate: bool,
) {
    ui.strong(format!("{}. {}", stop.in_journey, name));
    if approximate {
        ui.weak("Approximate position: the record names only a region or country.");
    }
    for &i in &stop.events {
        let (Some(event), Some(resolved)) = (trip.events.get(i), chronology.event(i)) else {
            continue;
        };
        ui.label(format!("{} — {}", describe_time(&resolved.start), event.title));
    }
}
