//! GeoJSON (RFC 7946): one Point feature per event with its properties, and the route as a
//! LineString (a MultiLineString cut at ±180° where a leg crosses the antimeridian, as §3.1.9
//! asks). Positions are `[longitude, latitude]` in WGS 84, rounded to six decimals (~10 cm).

use serde_json::{Value, json};

use crate::model::describe::{describe_dates, describe_offset};
use crate::model::{Chronology, LatLon, Trip};

/// Decimals kept in coordinates.
const COORDINATE_SCALE: f64 = 1e6;

/// The trip as a GeoJSON FeatureCollection.
pub fn to_geojson(trip: &Trip, chronology: &Chronology) -> Value {
    let mut features: Vec<Value> = chronology
        .order
        .iter()
        .filter_map(|&i| {
            let (event, resolved) = (trip.events.get(i)?, chronology.event(i)?);
            let place = trip.places.get(resolved.place)?;
            let location = chronology.places.get(resolved.place).copied().flatten()?.location;
            let name = |id: &String| trip.person_name(id);
            let mut feature = json!({
                "type": "Feature",
                "id": event.id,
                "geometry": { "type": "Point", "coordinates": position(location) },
                "properties": {
                    "title": event.title,
                    "kind": event.kind.id(),
                    "start": event.start,
                    "end": event.end,
                    "local_dates": describe_dates(resolved),
                    "utc_offset": describe_offset(resolved),
                    "utc_start": resolved.start_utc.to_rfc3339(),
                    "utc_end": resolved.end_utc.to_rfc3339(),
                    "place": place.name,
                    "country": place.country,
                    "timezone": place.timezone,
                    "summary": event.summary,
                    "participants": event.participants.iter().map(name).collect::<Vec<_>>(),
                    "quotes": event.quotes.iter().map(|q| json!({ "speaker": name(&q.speaker), "text": q.text })).collect::<Vec<_>>(),
                    "sources": event.sources.iter().filter_map(|s| trip.source(s)).map(|s| json!({ "title": s.title, "url": s.url })).collect::<Vec<_>>(),
                }
            });
            if place.approximate {
                // Only a region's or country's centre: say so, as the trip file does.
                feature["properties"]["approximate"] = json!(true);
            }
            Some(feature)
        })
        .collect();
    let stops: Vec<LatLon> = chronology.stop_locations().collect();
    if stops.len() >= 2 {
        features.push(json!({
            "type": "Feature",
            "id": "route",
            "geometry": route_geometry(&stops),
            "properties": {
                "title": trip.title,
                "kind": "route",
                "stops": chronology.stops.iter().filter_map(|s| trip.places.get(s.place).map(|p| p.name.clone())).collect::<Vec<_>>(),
                "length_km": (chronology.route_length_m() / 1000.0).round(),
            }
        }));
    }
    json!({ "type": "FeatureCollection", "features": features })
}

/// `[lon, lat]`, rounded.
fn position(p: LatLon) -> Value {
    let round = |v: f64| (v * COORDINATE_SCALE).round() / COORDINATE_SCALE;
    json!([round(p.lon_deg), round(p.lat_deg)])
}

/// The route through `stops`: a LineString, or a MultiLineString cut where a leg crosses ±180°
/// (a leg crosses it when its longitudes are more than 180° apart).
fn route_geometry(stops: &[LatLon]) -> Value {
    let mut parts: Vec<Vec<Value>> = vec![vec![position(stops[0])]];
    for pair in stops.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if (b.lon_deg - a.lon_deg).abs() > 180.0 {
            // Cut at the meridian, at the latitude where the straight (unwrapped) line meets it.
            let edge = if a.lon_deg > 0.0 { 180.0 } else { -180.0 };
            let b_unwrapped = b.lon_deg + 2.0 * edge;
            let t = (edge - a.lon_deg) / (b_unwrapped - a.lon_deg);
            let lat = a.lat_deg + t * (b.lat_deg - a.lat_deg);
            if let Some(current) = parts.last_mut() {
                current.push(position(LatLon::new(lat, edge)));
            }
            parts.push(vec![position(LatLon::new(lat, -edge))]);
        }
        if let Some(current) = parts.last_mut() {
            current.push(position(b));
        }
    }
    match parts.as_slice() {
        [single] => json!({ "type": "LineString", "coordinates": single }),
        _ => json!({ "type": "MultiLineString", "coordinates": parts }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leg_across_the_antimeridian_is_cut_in_two() {
        let geometry = route_geometry(&[LatLon::new(60.0, 170.0), LatLon::new(64.0, -170.0)]);
        assert_eq!(geometry["type"], "MultiLineString");
        assert_eq!(geometry["coordinates"][0][1], json!([180.0, 62.0]));
        assert_eq!(geometry["coordinates"][1][0], json!([-180.0, 62.0]));
    }
}
