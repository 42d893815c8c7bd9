//! Placing imported place names on the map offline, with the bundled gazetteer.
//!
//! Importers meet names ("Tel Aviv, Jerusalem", "Havana (Cuba)", "Niagara Falls (Ontario)") and
//! sometimes a country. A [`Placer`] finds each name among the gazetteer's cities (constrained to
//! the allowed countries), adds the city to the trip's places once, and returns its id. A name it
//! cannot find is never guessed: the importer reports it.

use std::collections::{HashMap, HashSet};

use crate::countries::countries;
use crate::gazetteer::{Gazetteer, curated, historical};
use crate::model::refs::fresh_id;
use crate::model::{LatLon, Place, Trip};

/// Adds gazetteer cities to a trip as places, each city once.
#[derive(Debug)]
pub struct Placer<'g> {
    gazetteer: &'g Gazetteer,
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

/// What a name was found as.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// The named place itself: a city, a former name, or a curated island, base, venue or site.
    Exact(Place),
    /// A region: only its centre is known (the place is marked approximate).
    Region(Place),
}

impl<'g> Placer<'g> {
    /// A placer adding to `trip`, whose existing place ids it will not reuse.
    pub fn new(gazetteer: &'g Gazetteer, trip: &Trip) -> Self {
        Self {
            gazetteer,
            taken: trip.places.iter().map(|p| p.id.clone()).collect(),
            known: HashMap::new(),
            event_ids: trip.events.iter().map(|e| e.id.clone()).collect(),
        }
    }

    /// The id of the place called `name` in one of `countries` (anywhere when empty), adding it
    /// to `trip` the first time: a former name ("Leningrad", at today's place), a curated island,
    /// base, venue or site, or a city. `None` when none is known, or only a region.
    pub fn place(&mut self, trip: &mut Trip, name: &str, countries: &[&str]) -> Option<String> {
        match self.find(name, countries)? {
            Found::Exact(place) => Some(self.known(trip, place)),
            Found::Region(_) => None,
        }
    }

    /// What `name` is in one of `countries` (anywhere when empty), trying its spelling and then
    /// its common variants ("St." for "Saint", "Djibouti City" for "Djibouti").
    pub fn find(&self, name: &str, countries: &[&str]) -> Option<Found> {
        variants(name).find_map(|variant| self.find_as_written(&variant, name, countries))
    }

    fn find_as_written(&self, variant: &str, written: &str, countries: &[&str]) -> Option<Found> {
        let allowed = |code: &str| countries.is_empty() || code.is_empty() || countries.contains(&code);
        if let Some(former) = historical::former_name(variant).filter(|f| allowed(&f.country)) {
            let city = self.gazetteer.named(&former.today, &[former.country.as_str()])?;
            // The name of its time is the place's name; today's name is kept for search. The
            // Tongan ʻokina is shown as the quotation mark every font has.
            let written = written.trim().replace('ʻ', "‘");
            let mut place = city.to_place(written.clone());
            place.name = written;
            place.alt_names.insert(0, city.name);
            return Some(Found::Exact(place));
        }
        if let Some(site) = curated::site_named(variant).filter(|s| allowed(&s.country)) {
            return Some(self.site_place(site));
        }
        let city = self.gazetteer.named(variant, countries)?;
        let normal = crate::model::filter::fold(variant.trim());
        let by_other_name = crate::model::filter::fold(&city.name) != normal
            && city
                .alt_names
                .iter()
                .any(|n| crate::model::filter::fold(n) == normal);
        let id = city.name.clone();
        let mut place = city.to_place(id);
        if by_other_name {
            // "Kiev", "Bombay": the record's name is the name of its time.
            place
                .alt_names
                .insert(0, std::mem::replace(&mut place.name, written.trim().to_owned()));
        }
        Some(Found::Exact(place))
    }

    /// A curated site as a place, with the timezone of the nearest city.
    pub fn site_place(&self, site: &curated::Site) -> Found {
        let at = LatLon::new(site.lat_deg, site.lon_deg);
        let place = Place {
            id: site.name.clone(),
            name: site.name.clone(),
            alt_names: site.other_names.iter().take(3).cloned().collect(),
            country: site.country.clone(),
            lat: Some(site.lat_deg),
            lon: Some(site.lon_deg),
            timezone: self.gazetteer.nearest(at).map(|c| c.timezone).unwrap_or_default(),
            approximate: site.kind.is_approximate(),
        };
        if site.kind.is_approximate() {
            Found::Region(place)
        } else {
            Found::Exact(place)
        }
    }

    /// The centre of the country `code` as an approximate place called `name`.
    pub fn country_place(&self, code: &str, name: &str) -> Option<Place> {
        let centre = self.gazetteer.country_centre(code)?;
        Some(Place {
            id: name.to_owned(),
            name: name.to_owned(),
            country: code.to_owned(),
            lat: Some((centre.lat_deg * 1e4).round() / 1e4),
            lon: Some((centre.lon_deg * 1e4).round() / 1e4),
            timezone: self
                .gazetteer
                .nearest(centre)
                .map(|c| c.timezone)
                .unwrap_or_default(),
            approximate: true,
            ..Place::default()
        })
    }
}

/// `name`, then the spellings records use for the same place: "St."/"Ft."/"Mt." written out,
/// and without a trailing "City" or "Island".
fn variants(name: &str) -> impl Iterator<Item = String> {
    let name = name.trim();
    let mut all = vec![name.to_owned()];
    for (short, long) in [("St. ", "Saint "), ("Ft. ", "Fort "), ("Mt. ", "Mount ")] {
        if let Some(rest) = name.strip_prefix(short) {
            all.push(format!("{long}{rest}"));
        }
    }
    for suffix in [" City", " Island"] {
        if let Some(stem) = name.strip_suffix(suffix) {
            all.push(stem.to_owned());
        }
    }
    all.into_iter()
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
                    .exactly_named(&name)
                    .find(|c| c.population >= 100_000 && c.name == name)
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
        assert_eq!(placer.place(&mut trip, "Nowhereville", &["CV"]), None);
    }
}
