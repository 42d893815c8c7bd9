//! Names of their time, from `assets/gazetteer/historical.tsv`: former place names mapped to
//! today's gazetteer names ("Leningrad" → Saint Petersburg, "Mexico, D.F." → Mexico City),
//! former countries to the codes of today's countries on their territory ("Yugoslavia" → RS HR
//! SI BA MK ME XK), and the territories a country once governed, where records of the time file
//! their visits ("Bermuda" under the United Kingdom, "Havana" under Spain).
//!
//! Invariants: every `place` row names a place the city gazetteer has in that country (a test
//! checks it), so a former name always leads somewhere real.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::names::normal_name;

const HISTORICAL_TSV: &str = include_str!("../../assets/gazetteer/historical.tsv");

/// A former place name and where it is today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormerName {
    /// The name as records of the time wrote it.
    pub then: String,
    /// Today's name in the city gazetteer.
    pub today: String,
    /// Today's ISO 3166-1 alpha-2 code.
    pub country: String,
}

#[derive(Debug, Default)]
struct Tables {
    places: HashMap<String, FormerName>,
    countries: HashMap<String, Vec<String>>,
    sovereigns: HashMap<String, Vec<String>>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut tables = Tables::default();
        for line in HISTORICAL_TSV.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            let codes = |text: &str| text.split_whitespace().map(str::to_owned).collect();
            match fields.as_slice() {
                ["place", then, today, country] => {
                    let former = FormerName {
                        then: (*then).to_owned(),
                        today: (*today).to_owned(),
                        country: (*country).to_owned(),
                    };
                    tables.places.insert(normal_name(then), former);
                }
                ["country", name, today] => {
                    tables.countries.insert(normal_name(name), codes(today));
                }
                ["sovereign", code, territories] => {
                    tables.sovereigns.insert((*code).to_owned(), codes(territories));
                }
                _ => {}
            }
        }
        tables
    })
}

/// Where the place a record calls `name` is today, if `name` is a former name.
pub fn former_name(name: &str) -> Option<&'static FormerName> {
    tables().places.get(&normal_name(name))
}

/// Every former place name, for the check that each leads to a real place.
pub fn former_names() -> impl Iterator<Item = &'static FormerName> {
    tables().places.values()
}

/// The codes of today's countries on the territory of the former country `name` ("Soviet
/// Union"), or an empty list for a name that is not a former country.
pub fn former_country(name: &str) -> &'static [String] {
    tables()
        .countries
        .get(&normal_name(name))
        .map_or(&[], Vec::as_slice)
}

/// Territories the country `code` once governed (where old records file visits under it).
pub fn once_governed(code: &str) -> &'static [String] {
    tables().sovereigns.get(code).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn former_names_countries_and_territories_are_read() {
        let berlin = former_name("West Berlin").expect("West Berlin");
        assert_eq!((berlin.today.as_str(), berlin.country.as_str()), ("Berlin", "DE"));
        assert_eq!(
            former_name("mexico d f").map(|f| f.today.as_str()),
            Some("Mexico City")
        );
        assert!(former_country("Yugoslavia").iter().any(|c| c == "HR"));
        assert!(former_country("Soviet Union").iter().any(|c| c == "KZ"));
        assert!(once_governed("GB").iter().any(|c| c == "BM"));
        assert!(former_country("France").is_empty());
    }
}
