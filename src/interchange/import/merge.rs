//! Merging the trips read from several files into one: the same place (name, country and
//! coordinates) is kept once, people and sources with the same id are the same, and colliding
//! place or event ids get a suffix, with references renamed to match.

use std::collections::{HashMap, HashSet};

use super::geocode::{PlaceKey, place_key};
use super::part::add_missing;
use crate::model::Trip;
use crate::model::refs::fresh_id;

/// Add `from` to `into`: the same place (name, country and coordinates) is kept once, people
/// and sources with the same id are the same, and colliding place or event ids get a suffix
/// (with references renamed to match).
pub fn merge(into: &mut Trip, from: Trip) {
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut taken: HashSet<String> = into.places.iter().map(|p| p.id.clone()).collect();
    let mut same: HashMap<PlaceKey, String> =
        into.places.iter().map(|p| (place_key(p), p.id.clone())).collect();
    for place in from.places {
        let key = place_key(&place);
        let id = match same.get(&key) {
            Some(existing) => existing.clone(),
            None => {
                let id = fresh_id(&place.id, |id| taken.contains(id));
                taken.insert(id.clone());
                same.insert(key, id.clone());
                into.places.push(crate::model::Place {
                    id: id.clone(),
                    ..place.clone()
                });
                id
            }
        };
        renamed.insert(place.id, id);
    }
    add_missing(into, from.people, from.sources);
    let mut event_ids: HashSet<String> = into.events.iter().map(|e| e.id.clone()).collect();
    for mut event in from.events {
        if let Some(id) = renamed.get(&event.place) {
            event.place = id.clone();
        }
        if event_ids.contains(&event.id) {
            event.id = fresh_id(&event.id, |id| event_ids.contains(id));
        }
        event_ids.insert(event.id.clone());
        into.events.push(event);
    }
    for traveller in from.travellers {
        if !into.travellers.contains(&traveller) {
            into.travellers.push(traveller);
        }
    }
    // The title of the first file stands until the dispatcher names the whole collection.
    if into.title.is_empty() {
        into.title = from.title;
        into.summary = from.summary;
    }
    into.slide_seconds = into.slide_seconds.or(from.slide_seconds);
}

/// One title and summary for a trip merged from several files with several travellers, in
/// place of the first file's: "Official travels of 55 presidents and secretaries of state,
/// 1866–2025" when the travellers are presidents and secretaries of state, else "Travels of
/// 3 travellers, 2014–2016".
pub fn name_collection(trip: &mut Trip) {
    let travellers = trip.travellers.len();
    if travellers < 2 {
        return;
    }
    let years: Vec<&str> = trip.events.iter().filter_map(|e| e.start.get(..4)).collect();
    let (first, last) = (years.iter().min().copied(), years.iter().max().copied());
    let (span, between) = match (first, last) {
        (Some(first), Some(last)) if first != last => {
            (format!("{first}–{last}"), format!("between {first} and {last}"))
        }
        (Some(only), _) => (only.to_owned(), format!("in {only}")),
        _ => (String::new(), String::new()),
    };
    let role_of = |id: &String| trip.person(id).map_or("", |p| p.role.as_str());
    let presidents = trip
        .travellers
        .iter()
        .filter(|t| role_of(t).starts_with("President of the United States"))
        .count();
    let secretaries = trip
        .travellers
        .iter()
        .filter(|t| role_of(t) == "Secretary of State")
        .count();
    let who = match (presidents, secretaries) {
        (p, s) if p + s < travellers => format!("{travellers} travellers"),
        (0, _) => format!("{travellers} secretaries of state"),
        (_, 0) => format!("{travellers} presidents"),
        _ => format!("{travellers} presidents and secretaries of state"),
    };
    let official = presidents + secretaries == travellers;
    trip.title = format!(
        "{} of {who}, {span}",
        if official { "Official travels" } else { "Travels" }
    );
    let visits = crate::model::describe::format_count(trip.events.len() as u64);
    trip.summary = if official {
        format!(
            "Every foreign visit of {who} {between} ({visits} visits), from the records of the Office of the Historian, U.S. Department of State."
        )
    } else {
        format!("{visits} events of {who} {between}, imported from several files.")
    };
}
