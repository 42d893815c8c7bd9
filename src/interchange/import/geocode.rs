//! Placing imported place names on the map offline, with the bundled gazetteer.
//!
//! Importers meet names ("Tel Aviv, Jerusalem", "Havana (Cuba)", "Niagara Falls (Ontario)") and
//! sometimes a country. A [`Placer`] finds each name among the gazetteer's cities (constrained to
//! the allowed countries), adds the city to the trip's places once, and returns its id. A name it
//! cannot find is never guessed: the importer reports it.

use std::collections::{HashMap, HashSet};

use crate::countries::countries;
use crate::gazetteer::Gazetteer;
use crate::model::refs::fresh_id;
use crate::model::{LatLon, Place, Trip};

/// Adds gazetteer cities to a trip as places, each city once.
#[derive(Debug)]
pub struct Placer<'g> {
    gazetteer: &'g Gazetteer,
    /// GeoNames id → the place id it was added under.
    by_city: HashMap<u32, String>,
    /// Place ids in use.
    taken: HashSet<String>,
    /// (name, country, lat bits, lon bits) → id of the places added by [`Placer::known`], so
    /// finding the same place again costs no scan (imports can have 100,000 records).
    known: HashMap<PlaceKey, String>,
    /// Event ids in use, for [`Placer::event_id`].
    event_ids: HashSet<String>,
}

/// What makes two places the same place: name, country and exact coordinates.
pub type PlaceKey = (String, String, u64, u64);

/// The [`PlaceKey`] of `place`.
pub fn place_key(place: &Place) -> PlaceKey {
    let bits = |v: Option<f64>| v.map_or(u64::MAX, f64::to_bits);
    (
        place.name.clone(),
        place.country.clone(),
        bits(place.lat),
        bits(place.lon),
    )
}

/// A locale list split into place names, with the countries its parentheses name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Locales {
    /// Place names, in the order written, without parentheses.
    pub names: Vec<String>,
    /// What parentheses said that is not a country ("Ontario"), tried as a name too.
    pub asides: Vec<String>,
    /// ISO codes of countries named in parentheses ("Havana (Cuba)").
    pub countries: Vec<&'static str>,
}

/// Split "Tel Aviv, Jerusalem", "Bangkok and Phuket" or "St. Thomas, St. Croix (Virgin
/// Islands)" into names, noting countries named in parentheses.
pub fn split_locales(text: &str) -> Locales {
    let mut locales = Locales::default();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        plain.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find(')').unwrap_or(after.len());
        let aside = after[..close].trim();
        match countries().code(aside) {
            Some(code) => locales.countries.push(code),
            None if !aside.is_empty() => locales.asides.push(aside.to_owned()),
            None => {}
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    plain.push_str(rest);
    locales.names = plain
        .replace(" and ", ",")
        .split([',', ';', '/'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect();
    locales
}

impl<'g> Placer<'g> {
    /// A placer adding to `trip`, whose existing place ids it will not reuse.
    pub fn new(gazetteer: &'g Gazetteer, trip: &Trip) -> Self {
        Self {
            gazetteer,
            by_city: HashMap::new(),
            taken: trip.places.iter().map(|p| p.id.clone()).collect(),
            known: HashMap::new(),
            event_ids: trip.events.iter().map(|e| e.id.clone()).collect(),
        }
    }

    /// The id of the place for the city called `name` in one of `countries` (anywhere when
    /// empty), adding it to `trip` the first time; `None` when the gazetteer has no such city.
    pub fn place(&mut self, trip: &mut Trip, name: &str, countries: &[&str]) -> Option<String> {
        let city = self.gazetteer.named(name, |c| {
            countries.is_empty() || countries.contains(&c.country.as_str())
        })?;
        if let Some(id) = self.by_city.get(&city.geoname_id) {
            return Some(id.clone());
        }
        let id = fresh_id(&city.name, |id| self.taken.contains(id));
        self.taken.insert(id.clone());
        self.by_city.insert(city.geoname_id, id.clone());
        trip.places.push(city.to_place(id.clone()));
        Some(id)
    }
}

impl Placer<'_> {
    /// The id of `place` in `trip`: an existing place with the same name, country and
    /// coordinates, or `place` added (under a fresh id if its id is taken).
    pub fn known(&mut self, trip: &mut Trip, mut place: Place) -> String {
        let key = place_key(&place);
        if let Some(id) = self.known.get(&key) {
            return id.clone();
        }
        place.id = fresh_id(&place.id, |id| self.taken.contains(id));
        self.taken.insert(place.id.clone());
        self.known.insert(key, place.id.clone());
        let id = place.id.clone();
        trip.places.push(place);
        id
    }

    /// An event id based on `base` that no event of the trip has yet, now taken.
    pub fn event_id(&mut self, base: &str) -> String {
        let id = fresh_id(base, |id| self.event_ids.contains(id));
        self.event_ids.insert(id.clone());
        id
    }

    /// The id of a place called `name` at `lat`, `lon`, with the country and timezone of the
    /// nearest gazetteer city; `None` for coordinates off the globe.
    pub fn at(&mut self, trip: &mut Trip, name: &str, lat: f64, lon: f64) -> Option<String> {
        let location = LatLon::new(lat, lon);
        if !location.is_valid() {
            return None;
        }
        let nearest = self.gazetteer.nearest(location)?;
        let name = if name.trim().is_empty() {
            nearest.name.clone()
        } else {
            name.trim().to_owned()
        };
        let place = Place {
            id: name.clone(),
            name,
            country: nearest.country.clone(),
            lat: Some(lat),
            lon: Some(lon),
            timezone: nearest.timezone.clone(),
            ..Place::default()
        };
        Some(self.known(trip, place))
    }

    /// A city of 100,000 people or more that `text` names in capitals ("talks in Geneva"):
    /// its place id and name. Used only when a record has no place at all, and reported.
    pub fn place_in_text(&mut self, trip: &mut Trip, text: &str) -> Option<(String, String)> {
        let words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        let found = (0..words.len()).find_map(|i| {
            (1..=3).rev().find_map(|n| {
                let phrase = words.get(i..i + n)?;
                if !phrase
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                {
                    return None;
                }
                let name = phrase.join(" ");
                self.gazetteer
                    .named(&name, |c| c.population >= 100_000 && c.name == name)
            })
        })?;
        let name = found.name.clone();
        let country = found.country.clone();
        self.place(trip, &name, &[country.as_str()]).map(|id| (id, name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_lists_split_into_names_and_parenthesised_countries() {
        let locales = split_locales("Havana (Cuba)");
        assert_eq!(locales.names, ["Havana"]);
        assert_eq!(locales.countries, ["CU"]);
        let locales = split_locales("Niagara Falls (Ontario)");
        assert_eq!(locales.names, ["Niagara Falls"]);
        assert_eq!(locales.asides, ["Ontario"]);
        let locales = split_locales("Johannesburg, Pretoria and Durban");
        assert_eq!(locales.names, ["Johannesburg", "Pretoria", "Durban"]);
    }

    #[test]
    fn a_place_is_found_within_its_country_and_added_once() {
        let gazetteer = crate::gazetteer::shared();
        let mut trip = Trip::default();
        let mut placer = Placer::new(gazetteer, &trip);
        let london = placer.place(&mut trip, "London", &["GB"]);
        assert_eq!(london.as_deref(), Some("london"));
        assert_eq!(placer.place(&mut trip, "london", &["GB"]), london);
        let ontario = placer
            .place(&mut trip, "London", &["CA"])
            .expect("London, Ontario");
        assert_eq!(ontario, "london-2");
        assert_eq!(trip.places.len(), 2);
        assert_eq!(trip.places[1].timezone, "America/Toronto");
        assert_eq!(placer.place(&mut trip, "Sal", &["CV"]), None);
    }
}
