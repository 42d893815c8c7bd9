//! The offline city gazetteer: GeoNames cities of 15,000 people or more.
//!
//! Bundled in the binary (City data © GeoNames, CC BY 4.0). Rows are kept in the file's order,
//! largest population first, which is the order search results and map labels prefer.

/// One city.
#[derive(Clone, Debug, PartialEq)]
pub struct City {
    /// GeoNames id.
    pub geoname_id: u32,
    /// English/Latin name.
    pub name: String,
    /// Other names and spellings (Latin or Cyrillic).
    pub alt_names: Vec<String>,
    /// Latitude in degrees.
    pub lat_deg: f64,
    /// Longitude in degrees.
    pub lon_deg: f64,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Number of inhabitants.
    pub population: u64,
    /// IANA timezone name.
    pub timezone: String,
}

impl City {
    /// A trip place for this city with `id`: its name, a few other names (for search),
    /// country, coordinates and timezone.
    pub fn to_place(&self, id: String) -> crate::model::Place {
        crate::model::Place {
            id,
            name: self.name.clone(),
            alt_names: self.alt_names.iter().take(3).cloned().collect(),
            country: self.country.clone(),
            lat: Some(self.lat_deg),
            lon: Some(self.lon_deg),
            timezone: self.timezone.clone(),
        }
    }
}

const CITIES_TSV: &str = include_str!("../assets/gazetteer/cities15000.tsv");

/// Credit line the licence requires wherever city data is shown.
pub const ATTRIBUTION: &str = "City data © GeoNames, CC BY 4.0";

/// Every bundled city with at least `min_population` inhabitants, largest first. Malformed rows
/// are skipped (the file is bundled, so there are none in practice).
pub fn cities(min_population: u64) -> Vec<City> {
    CITIES_TSV
        .lines()
        .filter_map(parse_row)
        .filter(|c| c.population >= min_population)
        .collect()
}

/// The cities with their names folded once for searching.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// Cities, most populous first.
    pub cities: Vec<City>,
    /// Per city: its name and alternative names, lower-cased without punctuation.
    folded: Vec<Vec<String>>,
    /// Folded name (single spaces) → the cities with that name, most populous first; built on
    /// the first exact lookup, since only importers need it.
    by_name: std::sync::OnceLock<std::collections::HashMap<String, Vec<usize>>>,
}

/// `fold`ed with single spaces: the key of exact name lookups.
fn normal_name(name: &str) -> String {
    crate::model::filter::fold(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The whole bundled gazetteer, loaded on first use and shared.
pub fn shared() -> &'static Gazetteer {
    static SHARED: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    SHARED.get_or_init(|| Gazetteer::load(0))
}

impl Gazetteer {
    /// The city nearest to `at` (by great-circle distance), e.g. to guess a timezone.
    pub fn nearest(&self, at: crate::model::LatLon) -> Option<&City> {
        // A degree box first, so only a few cities need the exact distance.
        let near = |c: &&City, box_deg: f64| {
            (c.lat_deg - at.lat_deg).abs() < box_deg && (c.lon_deg - at.lon_deg).abs() < box_deg * 2.0
        };
        let distance = |c: &&City| at.distance_m(crate::model::LatLon::new(c.lat_deg, c.lon_deg));
        [2.0, 10.0, 180.0].into_iter().find_map(|box_deg| {
            self.cities
                .iter()
                .filter(|c| near(c, box_deg))
                .min_by(|a, b| distance(a).total_cmp(&distance(b)))
        })
    }

    /// The bundled cities of at least `min_population`, ready to search.
    pub fn load(min_population: u64) -> Self {
        let cities = cities(min_population);
        let folded = cities
            .iter()
            .map(|c| {
                std::iter::once(&c.name)
                    .chain(&c.alt_names)
                    .map(|n| crate::model::filter::fold(n))
                    .collect()
            })
            .collect();
        Self {
            cities,
            folded,
            by_name: std::sync::OnceLock::new(),
        }
    }

    /// The most populous city that `within` accepts and whose name or other name is `name`
    /// (ignoring case and punctuation), or failing that differs from it by one letter in ten
    /// ("Tbilissi"). Unlike [`Gazetteer::search`], no prefix or substring matches: an importer
    /// must not put "Sal" at "Salvador".
    pub fn named(&self, name: &str, within: impl Fn(&City) -> bool) -> Option<&City> {
        let query = normal_name(name);
        let length = query.chars().count();
        if length < 2 {
            return None;
        }
        if let Some(city) = self.exactly(&query).find(|c| within(c)) {
            return Some(city);
        }
        let allowed = length / 10;
        if allowed == 0 {
            return None;
        }
        self.cities
            .iter()
            .zip(&self.folded)
            .filter(|(c, _)| within(c))
            .find(|(_, names)| {
                names.iter().any(|n| {
                    n.chars().count().abs_diff(length) <= allowed + 2
                        && strsim::levenshtein(&normal_name(n), &query) <= allowed
                })
            })
            .map(|(city, _)| city)
    }

    /// Cities whose name or other name is exactly `normal` (a [`normal_name`]), most populous
    /// first.
    fn exactly(&self, normal: &str) -> impl Iterator<Item = &City> {
        let index = self.by_name.get_or_init(|| {
            let mut index: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
            for (i, names) in self.folded.iter().enumerate() {
                for name in names {
                    let entry = index.entry(normal_name(name)).or_default();
                    if entry.last() != Some(&i) {
                        entry.push(i);
                    }
                }
            }
            index
        });
        index
            .get(normal)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.cities.get(i))
    }

    /// Cities whose name or alternative name (Latin or Cyrillic) matches `query`, ignoring case
    /// and punctuation and tolerating small typos ("Dushanbe", "душанбе", "Dushanbé",
    /// "Duschanbe"): exact names first, then names starting with the query, containing it, and
    /// near misses; among equals the most populous first. At most `limit` results.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&City> {
        let query = crate::model::filter::fold(query);
        let query = query.trim();
        let length = query.chars().count();
        if length < 2 {
            return Vec::new();
        }
        // One wrong, missing or extra letter per five typed (at least one).
        let allowed = (length / 5).max(1);
        let rank = |name: &String| -> Option<u8> {
            if name == query {
                Some(0)
            } else if name.starts_with(query) {
                Some(1)
            } else if name.contains(query) {
                Some(2)
            } else if name.chars().count().abs_diff(length) <= allowed
                && strsim::levenshtein(name, query) <= allowed
            {
                Some(3)
            } else {
                None
            }
        };
        let mut found: Vec<(u8, &City)> = self
            .cities
            .iter()
            .zip(&self.folded)
            .filter_map(|(city, names)| names.iter().filter_map(rank).min().map(|r| (r, city)))
            .collect();
        // A stable sort keeps the population order within each rank.
        found.sort_by_key(|(r, _)| *r);
        found.into_iter().take(limit).map(|(_, city)| city).collect()
    }
}

fn parse_row(line: &str) -> Option<City> {
    let mut fields = line.split('\t');
    let geoname_id = fields.next()?.parse().ok()?;
    let name = fields.next()?.to_owned();
    let lat_deg = fields.next()?.parse().ok()?;
    let lon_deg = fields.next()?.parse().ok()?;
    let country = fields.next()?.to_owned();
    let _admin1 = fields.next()?;
    let population = fields.next()?.parse().ok()?;
    let timezone = fields.next()?.to_owned();
    let alt_names = fields
        .next()
        .map(|names| {
            names
                .split('|')
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Some(City {
        geoname_id,
        name,
        alt_names,
        lat_deg,
        lon_deg,
        country,
        population,
        timezone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_finds_dushanbe_in_latin_cyrillic_and_with_a_typo() {
        let gazetteer = Gazetteer::load(15_000);
        for query in ["Dushanbe", "душанбе", "Dushanbé", "Duschanbe", "dushanbe "] {
            let found = gazetteer.search(query, 5);
            assert_eq!(
                found.first().map(|c| c.name.as_str()),
                Some("Dushanbe"),
                "{query}"
            );
            assert_eq!(found[0].timezone, "Asia/Dushanbe");
        }
    }

    #[test]
    fn the_nearest_city_gives_a_point_its_timezone() {
        let gazetteer = Gazetteer::load(15_000);
        let near_astana = gazetteer
            .nearest(crate::model::LatLon::new(51.2, 71.5))
            .expect("a city");
        assert_eq!(near_astana.timezone, "Asia/Almaty");
        let near_london = gazetteer
            .nearest(crate::model::LatLon::new(51.5, -0.1))
            .expect("a city");
        assert_eq!(near_london.timezone, "Europe/London");
    }

    #[test]
    fn search_ranks_the_bigger_city_first_among_equal_matches() {
        let gazetteer = Gazetteer::load(15_000);
        let found = gazetteer.search("London", 5);
        assert_eq!(found.first().map(|c| c.country.as_str()), Some("GB"));
    }

    #[test]
    fn the_gazetteer_knows_astana_by_its_cyrillic_name() {
        let cities = cities(1_000_000);
        let astana = cities.iter().find(|c| c.name == "Astana").expect("Astana");
        assert!(astana.alt_names.iter().any(|n| n == "Астана"));
        assert_eq!(astana.timezone, "Asia/Almaty");
        assert!(cities.windows(2).all(|w| w[0].population >= w[1].population));
    }
}
