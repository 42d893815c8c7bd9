//! Places the city gazetteer lacks, from `assets/gazetteer/places.tsv`: regions, islands, military
//! bases, summit venues, monuments and sites that official travel records name ("Cornwall",
//! "Bali", "Ramstein Air Force Base", "Chequers", "Masada"), each with coordinates and the
//! article that identifies it.
//!
//! Invariants: every row has a name, a kind and coordinates on the globe (a test checks the file,
//! and checks each coordinate against the GeoNames town in its `near` column); names are unique,
//! so a record's country never has to choose between two sites.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::names::normal_name;

const PLACES_TSV: &str = include_str!("../../assets/gazetteer/places.tsv");

/// What a curated place is; regions are placed at their centre and marked approximate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteKind {
    /// A region, province or large island group: only its centre can be given.
    Region,
    /// An island small enough that its centre is the place.
    Island,
    /// A military base or airfield.
    Base,
    /// A retreat, castle or hotel where talks were held.
    Venue,
    /// A monument or memorial.
    Monument,
    /// A bay, lake, port or other named site.
    Site,
    /// A village or town too small for the city gazetteer.
    Town,
}

impl SiteKind {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "region" => Self::Region,
            "island" => Self::Island,
            "base" => Self::Base,
            "venue" => Self::Venue,
            "monument" => Self::Monument,
            "site" => Self::Site,
            "town" => Self::Town,
            _ => return None,
        })
    }

    /// Whether a visit placed here is only approximately located.
    pub fn is_approximate(self) -> bool {
        self == Self::Region
    }

    /// "region", "island"…, for warnings.
    pub fn noun(self) -> &'static str {
        match self {
            Self::Region => "region",
            Self::Island => "island",
            Self::Base => "base",
            Self::Venue => "venue",
            Self::Monument => "monument",
            Self::Site => "site",
            Self::Town => "town",
        }
    }
}

/// One curated place.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// Name as records write it.
    pub name: String,
    /// Other names and spellings.
    pub other_names: Vec<String>,
    /// What it is.
    pub kind: SiteKind,
    /// ISO 3166-1 alpha-2 code today (empty for a region across countries).
    pub country: String,
    /// Latitude in degrees.
    pub lat_deg: f64,
    /// Longitude in degrees.
    pub lon_deg: f64,
    /// A GeoNames town and country code within 40 km, to check the coordinates against.
    pub near: Option<(String, String)>,
    /// The article that identifies the place.
    pub source: String,
}

/// Every curated place, in file order.
pub fn sites() -> &'static [Site] {
    static SITES: OnceLock<Vec<Site>> = OnceLock::new();
    SITES.get_or_init(|| PLACES_TSV.lines().filter_map(parse_row).collect())
}

/// The curated place called `name` (or one of its other names), ignoring case and punctuation.
pub fn site_named(name: &str) -> Option<&'static Site> {
    static BY_NAME: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let index = BY_NAME.get_or_init(|| {
        let mut index = HashMap::new();
        for (i, site) in sites().iter().enumerate() {
            for name in std::iter::once(&site.name).chain(&site.other_names) {
                index.entry(normal_name(name)).or_insert(i);
            }
        }
        index
    });
    index.get(&normal_name(name)).and_then(|&i| sites().get(i))
}

fn parse_row(line: &str) -> Option<Site> {
    if line.starts_with('#') || line.starts_with("name\t") {
        return None;
    }
    let fields: Vec<&str> = line.split('\t').collect();
    let [name, other, kind, country, lat, lon, near, source] = fields.as_slice() else {
        return None;
    };
    let near = near
        .rsplit_once(", ")
        .map(|(town, code)| (town.to_owned(), code.to_owned()));
    Some(Site {
        name: (*name).to_owned(),
        other_names: other
            .split('|')
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect(),
        kind: SiteKind::parse(kind)?,
        country: (*country).to_owned(),
        lat_deg: lat.parse().ok()?,
        lon_deg: lon.parse().ok()?,
        near,
        source: (*source).to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_file_is_read_and_names_are_unique() {
        let rows = PLACES_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("name\t"))
            .count();
        assert_eq!(sites().len(), rows, "a row failed to parse");
        let mut names = std::collections::HashSet::new();
        for site in sites() {
            for name in std::iter::once(&site.name).chain(&site.other_names) {
                assert!(names.insert(normal_name(name)), "{name} is listed twice");
            }
            assert!(
                site.lat_deg.abs() <= 90.0 && site.lon_deg.abs() <= 180.0,
                "{}",
                site.name
            );
            assert!(site.source.starts_with("https://"), "{}", site.name);
        }
    }

    #[test]
    fn regions_are_approximate_and_venues_are_not() {
        assert!(site_named("Cornwall").is_some_and(|s| s.kind.is_approximate()));
        let chequers = site_named("chequers").expect("Chequers");
        assert!(!chequers.kind.is_approximate());
        assert_eq!(chequers.country, "GB");
        assert_eq!(
            site_named("Heiligen-damm").map(|s| s.name.as_str()),
            Some("Heiligendamm")
        );
    }
}
