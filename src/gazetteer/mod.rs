//! The offline gazetteer: every GeoNames populated place of 500 people or more, the places it
//! lacks ([`curated`]: regions, islands, bases, venues) and names of their time ([`historical`]).
//!
//! Bundled in the binary (City data © GeoNames, CC BY 4.0). The 199,568 places stay compressed
//! until first used ([`shared`], [`preload`]), so start-up does not pay for them; map labels read
//! the small file of cities of 15,000 or more ([`label_cities`]). Rows keep the file's order,
//! largest population first, which is the order search results prefer.

pub mod curated;
pub mod historical;
mod names;
mod row;

use row::{Fields, country_code, parse_row};

use std::collections::HashMap;
use std::io::Read as _;
use std::sync::OnceLock;

use crate::model::LatLon;

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
            approximate: false,
        }
    }
}

/// The cities of 15,000 people or more, for map labels: small, so the map needs no more at start.
const LABEL_CITIES_TSV: &str = include_str!("../../assets/gazetteer/cities15000.tsv");

/// Every populated place of 500 people or more (199,568 rows, gzip), loaded on first use.
const PLACES_GZ: &[u8] = include_bytes!("../../assets/gazetteer/cities500.tsv.gz");

/// Credit line the licence requires wherever city data is shown.
pub const ATTRIBUTION: &str = "City data © GeoNames, CC BY 4.0";

/// The cities of 15,000 people or more with at least `min_population` inhabitants, largest first,
/// for map labels. Malformed rows are skipped (the file is bundled, so there are none in practice).
pub fn label_cities(min_population: u64) -> Vec<City> {
    LABEL_CITIES_TSV
        .lines()
        .filter_map(|line| parse_row(line, |tz| tz.to_owned()))
        .filter(|c| c.population >= min_population)
        .collect()
}

/// A place's row, compactly: names stay in the file's text, timezones are shared.
#[derive(Clone, Copy, Debug)]
struct Row {
    geoname_id: u32,
    lat_deg: f64,
    lon_deg: f64,
    population: u32,
    country: [u8; 2],
    timezone: u16,
    /// Byte range of the name in `text`.
    name: (u32, u32),
    /// Byte range of the `|`-separated other names in `text`.
    alt_names: (u32, u32),
}

/// What an exact or near lookup may filter on, without building a [`City`].
#[derive(Clone, Copy, Debug)]
pub struct Candidate<'a> {
    /// Name.
    pub name: &'a str,
    /// ISO 3166-1 alpha-2 code.
    pub country: &'a str,
    /// Number of inhabitants.
    pub population: u64,
}

/// Every populated place of 500 people or more, with its names indexed for search.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// The decompressed file; rows point into it.
    text: String,
    rows: Vec<Row>,
    timezones: Vec<String>,
    names: names::NameIndex,
    /// Rows per country, for lookups limited to a few countries.
    by_country: HashMap<[u8; 2], Vec<u32>>,
}

/// The whole bundled gazetteer, loaded on first use and shared. Start it early with
/// [`preload`] where a search is about to be needed.
pub fn shared() -> &'static Gazetteer {
    static SHARED: OnceLock<Gazetteer> = OnceLock::new();
    SHARED.get_or_init(Gazetteer::load_bundled)
}

/// Load the shared gazetteer on a background thread, so the first search does not wait.
pub fn preload() {
    static STARTED: OnceLock<()> = OnceLock::new();
    STARTED.get_or_init(|| {
        let spawned = std::thread::Builder::new()
            .name("gazetteer".to_owned())
            .spawn(|| {
                shared();
            });
        if let Err(error) = spawned {
            log::warn!("gazetteer preload not started: {error}");
        }
    });
}

impl Gazetteer {
    /// Decompress and index the bundled places (what [`shared`] does once; about 0.5 s).
    pub fn load_bundled() -> Self {
        let mut text = String::new();
        let read = flate2::read::GzDecoder::new(PLACES_GZ).read_to_string(&mut text);
        if let Err(error) = read {
            log::error!("the bundled gazetteer cannot be read: {error}");
        }
        Self::from_tsv(text)
    }

    /// A gazetteer of the rows of `text` (the columns of `cities500.tsv`, most populous first).
    pub fn from_tsv(text: String) -> Self {
        let mut gazetteer = Self::default();
        let mut zones: HashMap<String, u16> = HashMap::new();
        let base = text.as_ptr() as usize;
        let span = |part: &str| {
            let from = (part.as_ptr() as usize - base) as u32;
            (from, from + part.len() as u32)
        };
        for line in text.lines() {
            let Some(fields) = Fields::of(line) else { continue };
            let next = zones.len() as u16;
            let timezone = *zones.entry(fields.timezone.to_owned()).or_insert(next);
            let row = gazetteer.rows.len() as u32;
            gazetteer.rows.push(Row {
                geoname_id: fields.geoname_id,
                lat_deg: fields.lat_deg,
                lon_deg: fields.lon_deg,
                population: u32::try_from(fields.population).unwrap_or(u32::MAX),
                country: country_code(fields.country),
                timezone,
                name: span(fields.name),
                alt_names: span(fields.alt_names),
            });
            gazetteer
                .by_country
                .entry(country_code(fields.country))
                .or_default()
                .push(row);
            gazetteer.names.push(
                row,
                std::iter::once(fields.name).chain(fields.alt_names.split('|')),
            );
        }
        gazetteer.names.finish();
        let mut timezones = vec![String::new(); zones.len()];
        for (zone, i) in zones {
            timezones[usize::from(i)] = zone;
        }
        gazetteer.timezones = timezones;
        gazetteer.text = text;
        gazetteer
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the gazetteer has no places (its file could not be read).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn slice(&self, (from, to): (u32, u32)) -> &str {
        self.text.get(from as usize..to as usize).unwrap_or_default()
    }

    fn candidate(&self, row: u32) -> Candidate<'_> {
        let r = &self.rows[row as usize];
        Candidate {
            name: self.slice(r.name),
            country: std::str::from_utf8(&r.country).unwrap_or_default(),
            population: u64::from(r.population),
        }
    }

    /// The place of row `row`.
    fn city(&self, row: u32) -> City {
        let r = &self.rows[row as usize];
        let candidate = self.candidate(row);
        City {
            geoname_id: r.geoname_id,
            name: candidate.name.to_owned(),
            alt_names: self
                .slice(r.alt_names)
                .split('|')
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect(),
            lat_deg: r.lat_deg,
            lon_deg: r.lon_deg,
            country: candidate.country.to_owned(),
            population: candidate.population,
            timezone: self
                .timezones
                .get(usize::from(r.timezone))
                .cloned()
                .unwrap_or_default(),
        }
    }

    /// The place nearest to `at` (by great-circle distance), e.g. to guess a timezone.
    pub fn nearest(&self, at: LatLon) -> Option<City> {
        // A degree box first, so only a few places need a distance; widened step by step for a
        // point far from any place (at sea). Places are ranked by the straight-line distance
        // between points on the unit sphere, which orders them as the great-circle distance does
        // at a fraction of the cost of the ellipsoidal one (that made an import of 1,000 points
        // at sea take over a minute).
        let near = |r: &Row, box_deg: f64| {
            (r.lat_deg - at.lat_deg).abs() < box_deg && (r.lon_deg - at.lon_deg).abs() < box_deg * 2.0
        };
        let unit = |lat_deg: f64, lon_deg: f64| {
            let (lat, lon) = (lat_deg.to_radians(), lon_deg.to_radians());
            [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
        };
        let target = unit(at.lat_deg, at.lon_deg);
        let chord_squared = |r: &Row| {
            let point = unit(r.lat_deg, r.lon_deg);
            (0..3).map(|k| (point[k] - target[k]).powi(2)).sum::<f64>()
        };
        [1.0, 5.0, 20.0, 180.0].into_iter().find_map(|box_deg| {
            (0..self.rows.len() as u32)
                .filter(|&i| near(&self.rows[i as usize], box_deg))
                .map(|i| (chord_squared(&self.rows[i as usize]), i))
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, row)| self.city(row))
        })
    }

    /// Places whose name or other name is exactly `name` (ignoring case and punctuation), most
    /// populous first.
    pub fn exactly_named(&self, name: &str) -> impl Iterator<Item = City> + '_ {
        self.names
            .exactly(&names::normal_name(name))
            .into_iter()
            .map(|row| self.city(row))
    }

    /// The most populous place in one of `countries` (anywhere when empty) whose name or other
    /// name is `name` (ignoring case and punctuation), or failing that differs from it by one
    /// letter in ten ("Tbilissi"). Unlike [`Gazetteer::search`], no prefix or substring matches:
    /// an importer must not put "Sal" at "Salvador".
    pub fn named(&self, name: &str, countries: &[&str]) -> Option<City> {
        let query = names::normal_name(name);
        let length = query.chars().count();
        if length < 2 {
            return None;
        }
        let within = |row: u32| countries.is_empty() || countries.contains(&self.candidate(row).country);
        if let Some(row) = self.names.exactly(&query).into_iter().find(|&row| within(row)) {
            return Some(self.city(row));
        }
        let allowed = length / 10;
        if allowed == 0 {
            return None;
        }
        self.names
            .near_misses(&query, allowed, within)
            .next()
            .map(|row| self.city(row))
    }

    /// Places whose name or other name (Latin or Cyrillic) matches `query`, ignoring case and
    /// punctuation and tolerating small typos ("Dushanbe", "душанбе", "Dushanbé", "Duschanbe"):
    /// exact names first, then names starting with the query, containing it, and near misses;
    /// among equals the most populous first. At most `limit` results.
    pub fn search(&self, query: &str, limit: usize) -> Vec<City> {
        let query = names::normal_name(query);
        if query.chars().count() < 2 {
            return Vec::new();
        }
        self.names
            .search(&query, limit)
            .into_iter()
            .map(|(_, row)| self.city(row))
            .collect()
    }

    /// The centre of the populated places of the country `code` (their mean position on the
    /// sphere, so a country across ±180° is not put at 0°), to place a visit of which only the
    /// country is known; `None` for a country without places here.
    pub fn country_centre(&self, code: &str) -> Option<LatLon> {
        let rows = self.by_country.get(&country_code(code))?;
        let mut sum = [0.0_f64; 3];
        for &row in rows {
            let r = &self.rows[row as usize];
            let (lat, lon) = (r.lat_deg.to_radians(), r.lon_deg.to_radians());
            sum[0] += lat.cos() * lon.cos();
            sum[1] += lat.cos() * lon.sin();
            sum[2] += lat.sin();
        }
        let horizontal = sum[0].hypot(sum[1]);
        (horizontal + sum[2].abs() > 0.0).then(|| {
            LatLon::new(
                sum[2].atan2(horizontal).to_degrees(),
                sum[1].atan2(sum[0]).to_degrees(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_finds_dushanbe_in_latin_cyrillic_and_with_a_typo() {
        for query in ["Dushanbe", "душанбе", "Dushanbé", "Duschanbe", "dushanbe "] {
            let found = shared().search(query, 5);
            assert_eq!(
                found.first().map(|c| c.name.as_str()),
                Some("Dushanbe"),
                "{query}"
            );
            assert_eq!(found[0].timezone, "Asia/Dushanbe");
        }
    }

    #[test]
    fn the_nearest_place_gives_a_point_its_timezone() {
        let near_astana = shared().nearest(LatLon::new(51.2, 71.5)).expect("a place");
        assert_eq!(near_astana.timezone, "Asia/Almaty");
        let near_london = shared().nearest(LatLon::new(51.5, -0.1)).expect("a place");
        assert_eq!(near_london.timezone, "Europe/London");
    }

    #[test]
    fn search_ranks_the_bigger_city_first_among_equal_matches() {
        let found = shared().search("London", 5);
        assert_eq!(found.first().map(|c| c.country.as_str()), Some("GB"));
    }

    #[test]
    fn small_towns_are_found_and_the_whole_file_is_read() {
        assert_eq!(shared().len(), 199_568);
        let davos = shared().named("Davos", &["CH"]).expect("Davos");
        assert_eq!(davos.timezone, "Europe/Zurich");
        assert!(shared().named("Shannon", &["IE"]).is_some());
        assert!(
            shared().named("Sal", &["CV"]).is_none(),
            "no prefix matches when placing"
        );
    }

    #[test]
    fn a_country_centre_lies_inside_the_country_even_across_the_antimeridian() {
        let fiji = shared().country_centre("FJ").expect("Fiji");
        assert!(
            (-19.5..-15.5).contains(&fiji.lat_deg) && fiji.lon_deg.abs() > 176.0,
            "{fiji:?}"
        );
        let liberia = shared().country_centre("LR").expect("Liberia");
        assert!((4.3..8.6).contains(&liberia.lat_deg) && (-11.5..-7.3).contains(&liberia.lon_deg));
    }

    #[test]
    fn the_label_cities_know_astana_by_its_cyrillic_name() {
        let cities = label_cities(1_000_000);
        let astana = cities.iter().find(|c| c.name == "Astana").expect("Astana");
        assert!(astana.alt_names.iter().any(|n| n == "Астана"));
        assert_eq!(astana.timezone, "Asia/Almaty");
        assert!(cities.windows(2).all(|w| w[0].population >= w[1].population));
    }
}
