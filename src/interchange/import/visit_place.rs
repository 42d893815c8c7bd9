//! Where to put a visit a record describes by name: at the named place, or, when only a region
//! or country is known, at its centre marked approximate; never silently at another city.
//!
//! The rule: the first name of the record's list that is known decides. A name is looked up as
//! a place (a city, a former name, a curated island, base, venue or site) in the record's
//! countries, then in the territories those countries once governed, then as a curated site
//! anywhere (records sometimes file a base under a neighbour). If it is a region, the visit is
//! at the region's centre, marked approximate ("Normandy, Paris" is a visit to Normandy, not to
//! Paris). If no name is known: a region its parentheses name, then a country it names, then the
//! record's own country, each at its centre and marked approximate.

use super::geocode::{Found, Placer};
use crate::countries::countries;
use crate::gazetteer::curated;
use crate::model::Trip;

/// What a record says about where a visit was.
#[derive(Clone, Debug, Default)]
pub struct VisitNames<'a> {
    /// The places it lists, in order ("Normandy", "Paris").
    pub names: &'a [String],
    /// What its parentheses say that is not a country ("Ontario", "Azores").
    pub asides: &'a [String],
    /// The ISO codes of the record's countries (its country, former-country successors, and
    /// countries its parentheses name).
    pub countries: &'a [&'a str],
    /// Territories those countries once governed.
    pub governed: &'a [&'a str],
    /// The record's country as written, with its code, for the last resort.
    pub country: Option<(&'a str, &'a str)>,
}

/// Where a visit was placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    /// The place id in the trip.
    pub place: String,
    /// `None` at the named place; otherwise what the approximate position is the centre of
    /// ("the region Cornwall", "the country Liberia").
    pub approximate: Option<String>,
    /// Names of the record that were not found before the one used.
    pub unplaced: Vec<String>,
}

impl Placer<'_> {
    /// Place a visit described by `visit`, adding its place to `trip`; `None` only when no name
    /// and no country of the record is known.
    pub fn place_visit(&mut self, trip: &mut Trip, visit: &VisitNames<'_>) -> Option<Visit> {
        let mut unplaced = Vec::new();
        let mut region = None;
        let mut named_country = None;
        for name in visit.names {
            let found = self
                .find(name, visit.countries)
                .or_else(|| {
                    (!visit.governed.is_empty())
                        .then(|| self.find(name, visit.governed))
                        .flatten()
                })
                .or_else(|| curated::site_named(name).map(|site| self.site_place(site)));
            match found {
                Some(Found::Exact(place)) => {
                    let place = self.known(trip, place);
                    unplaced.extend(self.unknown_after(name, visit));
                    return Some(Visit {
                        place,
                        approximate: None,
                        unplaced,
                    });
                }
                Some(Found::Region(place)) => {
                    // The first place the record names decides, even when only its region is
                    // known: "Normandy, Paris" is a visit to Normandy, not one to Paris.
                    region = Some(place);
                    break;
                }
                None => {
                    if let Some(code) = countries().code(name) {
                        named_country.get_or_insert((code, name.as_str()));
                    }
                }
            }
            unplaced.push(name.clone());
        }
        let aside = || {
            visit
                .asides
                .iter()
                .find_map(|aside| match self.find(aside, &[])? {
                    Found::Exact(mut place) | Found::Region(mut place) => {
                        place.approximate = true;
                        Some(place)
                    }
                })
        };
        if let Some(place) = region.or_else(aside) {
            let what = format!("the region {}", place.name);
            let place = self.known(trip, place);
            return Some(Visit {
                place,
                approximate: Some(what),
                unplaced,
            });
        }
        let (code, name) = named_country.or(visit.country)?;
        let name = countries().name(code).unwrap_or(name);
        let place = self.country_place(code, name)?;
        let place = self.known(trip, place);
        Some(Visit {
            place,
            approximate: Some(format!("the country {name}")),
            unplaced,
        })
    }
}

impl Placer<'_> {
    /// The names after `used` in the record's list that are no known place, to report them.
    fn unknown_after(&self, used: &str, visit: &VisitNames<'_>) -> Vec<String> {
        let later = visit.names.iter().skip_while(|n| *n != used).skip(1);
        later
            .filter(|name| {
                self.find(name, visit.countries).is_none()
                    && (visit.governed.is_empty() || self.find(name, visit.governed).is_none())
                    && curated::site_named(name).is_none()
            })
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(names: &[&str], countries: &[&str], country: (&str, &str)) -> (Trip, Option<Visit>) {
        let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let mut trip = Trip::default();
        let mut placer = Placer::new(crate::gazetteer::shared(), &trip);
        let found = placer.place_visit(
            &mut trip,
            &VisitNames {
                names: &names,
                countries,
                country: Some(country),
                ..VisitNames::default()
            },
        );
        (trip, found)
    }

    #[test]
    fn a_region_is_placed_at_its_centre_and_marked_approximate_never_at_a_city() {
        let (trip, found) = visit(&["Cornwall"], &["GB"], ("GB", "United Kingdom"));
        let found = found.expect("placed");
        assert_eq!(found.approximate.as_deref(), Some("the region Cornwall"));
        let place = trip.place(&found.place).expect("place");
        assert!(place.approximate);
        assert!((place.lon.unwrap_or_default() - -4.9).abs() < 0.5, "{place:?}");
    }

    #[test]
    fn the_first_known_name_decides_even_a_region_before_a_city() {
        let (trip, found) = visit(&["Normandy", "Paris"], &["FR"], ("FR", "France"));
        let found = found.expect("placed");
        assert_eq!(found.approximate.as_deref(), Some("the region Normandy"));
        assert_eq!(
            trip.place(&found.place).map(|p| p.name.as_str()),
            Some("Normandy")
        );
        let (trip, found) = visit(&["Nowhereville", "Paris"], &["FR"], ("FR", "France"));
        let found = found.expect("placed");
        assert_eq!(found.approximate, None);
        assert_eq!(trip.place(&found.place).map(|p| p.name.as_str()), Some("Paris"));
        assert_eq!(found.unplaced, ["Nowhereville"]);
    }

    #[test]
    fn a_country_named_as_the_locale_is_placed_at_that_countrys_centre() {
        let (trip, found) = visit(&["Jamaica"], &["GB"], ("GB", "United Kingdom"));
        let found = found.expect("placed");
        assert_eq!(found.approximate.as_deref(), Some("the country Jamaica"));
        assert_eq!(trip.place(&found.place).map(|p| p.country.as_str()), Some("JM"));
    }
}
