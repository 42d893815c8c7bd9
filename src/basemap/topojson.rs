//! Decoding TopoJSON (world-atlas) and GeoJSON (Natural Earth lakes) into lon/lat rings.
//!
//! TopoJSON stores each border once as an "arc" shared by the countries on both sides; we keep
//! that topology because it tells coastlines (arcs used by one country) from borders (arcs used
//! by two) for free. Quantised, delta-encoded arcs are decoded to degrees here.

use serde::Deserialize;
use serde_json::Value;

/// A point in degrees: `[lon, lat]`.
pub type LonLat = [f64; 2];

/// Why map data could not be decoded. The data is bundled, so this means a broken build.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// Not valid JSON of the expected shape.
    #[error("map data is not valid TopoJSON/GeoJSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A geometry refers to an arc that does not exist.
    #[error("map data refers to arc {0}, which does not exist")]
    MissingArc(i64),
}

#[derive(Deserialize)]
struct Topology {
    arcs: Vec<Vec<[f64; 2]>>,
    transform: Option<Transform>,
    objects: serde_json::Map<String, Value>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct GeometryCollection {
    geometries: Vec<TopoGeometry>,
}

#[derive(Deserialize)]
struct TopoGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    arcs: Value,
    #[serde(default)]
    properties: Option<serde_json::Map<String, Value>>,
}

/// One country: its name and its polygons, each a list of rings (outer first, then holes), with
/// the arc indices each ring was built from.
#[derive(Clone, Debug)]
pub struct Country {
    /// English name.
    pub name: String,
    /// Polygons; each is a list of rings of points.
    pub polygons: Vec<Vec<Vec<LonLat>>>,
}

/// Decoded countries and the arcs between them.
#[derive(Clone, Debug)]
pub struct Countries {
    /// Every country.
    pub countries: Vec<Country>,
    /// Every arc, decoded to degrees.
    pub arcs: Vec<Vec<LonLat>>,
    /// How many country rings use each arc: 1 is a coastline, 2 a land border.
    pub arc_use: Vec<u8>,
}

/// Decode the `countries` object of a world-atlas TopoJSON file.
pub fn decode_countries(json: &[u8]) -> Result<Countries, DecodeError> {
    let topology: Topology = serde_json::from_slice(json)?;
    let arcs: Vec<Vec<LonLat>> = topology
        .arcs
        .iter()
        .map(|arc| decode_arc(arc, topology.transform.as_ref()))
        .collect();
    let mut arc_use = vec![0u8; arcs.len()];
    let collection: GeometryCollection = match topology.objects.get("countries") {
        Some(value) => serde_json::from_value(value.clone())?,
        None => GeometryCollection {
            geometries: Vec::new(),
        },
    };
    let mut countries = Vec::new();
    for geometry in collection.geometries {
        let name = geometry
            .properties
            .as_ref()
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let polygons_arcs: Vec<Vec<Vec<i64>>> = match geometry.kind.as_str() {
            "Polygon" => vec![serde_json::from_value(geometry.arcs)?],
            "MultiPolygon" => serde_json::from_value(geometry.arcs)?,
            _ => continue,
        };
        let mut polygons = Vec::new();
        for rings in polygons_arcs {
            let mut polygon = Vec::new();
            for ring in rings {
                for &index in &ring {
                    let slot = arc_slot(index);
                    let count = arc_use.get_mut(slot).ok_or(DecodeError::MissingArc(index))?;
                    *count = count.saturating_add(1);
                }
                polygon.push(stitch_ring(&ring, &arcs)?);
            }
            polygons.push(polygon);
        }
        countries.push(Country { name, polygons });
    }
    Ok(Countries {
        countries,
        arcs,
        arc_use,
    })
}

/// Arc indices are one's-complemented (`!i`) when the arc is used backwards.
fn arc_slot(index: i64) -> usize {
    let slot = if index < 0 { !index } else { index };
    usize::try_from(slot).unwrap_or(usize::MAX)
}

fn decode_arc(arc: &[[f64; 2]], transform: Option<&Transform>) -> Vec<LonLat> {
    let Some(t) = transform else {
        return arc.to_vec();
    };
    let (mut x, mut y) = (0.0, 0.0);
    arc.iter()
        .map(|[dx, dy]| {
            x += dx;
            y += dy;
            [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]
        })
        .collect()
}

/// Join a ring's arcs into one list of points; consecutive arcs share their joining point.
fn stitch_ring(ring: &[i64], arcs: &[Vec<LonLat>]) -> Result<Vec<LonLat>, DecodeError> {
    let mut points: Vec<LonLat> = Vec::new();
    for &index in ring {
        let arc = arcs.get(arc_slot(index)).ok_or(DecodeError::MissingArc(index))?;
        let skip = usize::from(!points.is_empty());
        if index < 0 {
            points.extend(arc.iter().rev().skip(skip));
        } else {
            points.extend(arc.iter().skip(skip));
        }
    }
    Ok(points)
}

/// Every feature's geometry type, coordinates and properties in a GeoJSON collection.
fn features(json: &[u8]) -> Result<Vec<(String, Value, Value)>, DecodeError> {
    let mut value: Value = serde_json::from_slice(json)?;
    let features = match value.get_mut("features").map(Value::take) {
        Some(Value::Array(features)) => features,
        _ => Vec::new(),
    };
    Ok(features
        .into_iter()
        .filter_map(|mut feature| {
            let properties = feature
                .get_mut("properties")
                .map(Value::take)
                .unwrap_or(Value::Null);
            let geometry = feature.get_mut("geometry")?;
            let kind = geometry.get("type")?.as_str()?.to_owned();
            let coordinates = geometry.get_mut("coordinates").map(Value::take)?;
            Some((kind, coordinates, properties))
        })
        .collect())
}

/// The polygons (as rings) of every Polygon or MultiPolygon feature in a GeoJSON collection.
pub fn decode_geojson_polygons(json: &[u8]) -> Result<Vec<Vec<Vec<LonLat>>>, DecodeError> {
    let mut polygons = Vec::new();
    for (kind, coordinates, _) in features(json)? {
        match kind.as_str() {
            "Polygon" => polygons.push(serde_json::from_value(coordinates)?),
            "MultiPolygon" => polygons.extend(serde_json::from_value::<Vec<Vec<Vec<LonLat>>>>(coordinates)?),
            _ => {}
        }
    }
    Ok(polygons)
}

/// The lines of every LineString or MultiLineString feature in a GeoJSON collection, each with
/// the feature's numeric `min_zoom` property (0 when absent).
pub fn decode_geojson_lines(json: &[u8]) -> Result<Vec<(Vec<LonLat>, f64)>, DecodeError> {
    let mut lines = Vec::new();
    for (kind, coordinates, properties) in features(json)? {
        let min_zoom = properties.get("min_zoom").and_then(Value::as_f64).unwrap_or(0.0);
        match kind.as_str() {
            "LineString" => lines.push((serde_json::from_value(coordinates)?, min_zoom)),
            "MultiLineString" => {
                let many: Vec<Vec<LonLat>> = serde_json::from_value(coordinates)?;
                lines.extend(many.into_iter().map(|line| (line, min_zoom)));
            }
            _ => {}
        }
    }
    Ok(lines)
}
