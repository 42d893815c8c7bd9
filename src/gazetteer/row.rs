//! One row of a gazetteer file (the columns of GeoNames' `cities*.tsv` as bundled), read without
//! copying: geonameid, name, lat, lon, ISO country, admin1, population, IANA timezone, other
//! names separated by `|`.

use super::City;

/// A two-letter country code as bytes (blank-padded when shorter), the key of per-country lists.
pub fn country_code(text: &str) -> [u8; 2] {
    let bytes = text.as_bytes();
    [
        bytes.first().copied().unwrap_or(b' '),
        bytes.get(1).copied().unwrap_or(b' '),
    ]
}

/// The columns of one row of a gazetteer file.
pub struct Fields<'a> {
    /// GeoNames id.
    pub geoname_id: u32,
    /// Name.
    pub name: &'a str,
    /// Latitude in degrees.
    pub lat_deg: f64,
    /// Longitude in degrees.
    pub lon_deg: f64,
    /// ISO 3166-1 alpha-2 code.
    pub country: &'a str,
    /// Number of inhabitants.
    pub population: u64,
    /// IANA timezone name.
    pub timezone: &'a str,
    /// Other names, `|`-separated.
    pub alt_names: &'a str,
}

impl<'a> Fields<'a> {
    /// The fields of `line`, or `None` for the header or a malformed row.
    pub fn of(line: &'a str) -> Option<Self> {
        let mut fields = line.split('\t');
        let geoname_id = fields.next()?.parse().ok()?;
        let name = fields.next()?;
        let lat_deg = fields.next()?.parse().ok()?;
        let lon_deg = fields.next()?.parse().ok()?;
        let country = fields.next()?;
        let _admin1 = fields.next()?;
        let population = fields.next()?.parse().ok()?;
        let timezone = fields.next()?;
        let alt_names = fields.next().unwrap_or_default();
        Some(Self {
            geoname_id,
            name,
            lat_deg,
            lon_deg,
            country,
            population,
            timezone,
            alt_names,
        })
    }
}

/// An owned [`City`] of `line`, its timezone name made by `timezone`.
pub fn parse_row(line: &str, timezone: impl Fn(&str) -> String) -> Option<City> {
    let fields = Fields::of(line)?;
    Some(City {
        geoname_id: fields.geoname_id,
        name: fields.name.to_owned(),
        alt_names: fields
            .alt_names
            .split('|')
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect(),
        lat_deg: fields.lat_deg,
        lon_deg: fields.lon_deg,
        country: fields.country.to_owned(),
        population: fields.population,
        timezone: timezone(fields.timezone),
    })
}
