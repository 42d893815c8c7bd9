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
    fn the_gazetteer_knows_astana_by_its_cyrillic_name() {
        let cities = cities(1_000_000);
        let astana = cities.iter().find(|c| c.name == "Astana").expect("Astana");
        assert!(astana.alt_names.iter().any(|n| n == "Астана"));
        assert_eq!(astana.timezone, "Asia/Almaty");
        assert!(cities.windows(2).all(|w| w[0].population >= w[1].population));
    }
}
