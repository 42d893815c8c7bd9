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
    if into.title.is_empty() {
        into.title = from.title;
        into.summary = from.summary;
    } else if !from.title.is_empty() && from.title != into.title {
        into.title = format!("{} · {}", into.title, from.title);
    }
    into.slide_seconds = into.slide_seconds.or(from.slide_seconds);
}
