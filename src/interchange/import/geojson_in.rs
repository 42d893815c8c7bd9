//! GeoJSON point features as events: the point is the place; the properties give the title
//! (`title` or `name`), dates (`start` or `date`, and `end`; trip-time notation or written
//! dates), `kind`, `summary` or `description`, `place` (the place's name), `timezone`,
//! `country` and `quotes`, as `itinera export --to geojson` writes them. Without a timezone,
//! the nearest city's is used. The route line our export adds is derived from the events, so
//! it is skipped; any other non-point feature is reported.

use serde_json::Value;

use super::geocode::Placer;
use super::import_problem::{ImportProblem, JsonInput};
use super::incoming::{Incoming, IncomingPlace, IncomingQuote};
use super::part::{Part, PartRead};
use super::progress::Progress;
use super::written_date::read_date;
use crate::model::{EventKind, FieldPath, Place, Trip};

/// Read the point features of a GeoJSON document into `trip`.
pub fn from_geojson(
    input: &JsonInput<'_>,
    trip: &mut Trip,
    placer: &mut Placer<'_>,
    progress: &Progress,
) -> PartRead {
    let value = &input.value;
    let features: Vec<(FieldPath, &Value)> = match value.get("features").and_then(Value::as_array) {
        Some(features) => features
            .iter()
            .enumerate()
            .map(|(i, f)| (FieldPath::root().key("features").index(i), f))
            .collect(),
        None => vec![(FieldPath::root(), value)],
    };
    let mut part = Part::default();
    for (i, (path, feature)) in features.iter().enumerate() {
        progress.check()?;
        progress.set(i, features.len());
        let (line, column) = input.line_col(path);
        let properties = feature.get("properties").unwrap_or(&Value::Null);
        let property = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| properties.get(*k).and_then(Value::as_str))
                .map(str::trim)
                .unwrap_or_default()
                .to_owned()
        };
        if property(&["kind"]) == "route" {
            continue;
        }
        part.records += 1;
        let geometry = feature.get("geometry").unwrap_or(&Value::Null);
        let coordinates = geometry.get("coordinates").and_then(Value::as_array);
        let point = match (
            geometry.get("type").and_then(Value::as_str),
            coordinates.map(Vec::as_slice),
        ) {
            (Some("Point"), Some([lon, lat, ..])) => lon.as_f64().zip(lat.as_f64()),
            _ => None,
        };
        let title = property(&["title", "name", "headline"]);
        let Some((lon, lat)) = point else {
            part.warnings.push(ImportProblem::warning(
                line,
                column,
                format!("feature \"{title}\" is not a point; it is left out"),
                "events are points: give the feature a Point geometry [longitude, latitude]",
            ));
            continue;
        };
        let place_name = property(&["place", "place_name", "location"]);
        let (timezone, country) = (property(&["timezone"]), property(&["country"]));
        let place =
            if timezone.parse::<chrono_tz::Tz>().is_ok() && !country.is_empty() && !place_name.is_empty() {
                IncomingPlace::Known(Place {
                    id: place_name.clone(),
                    name: place_name,
                    country,
                    lat: Some(lat),
                    lon: Some(lon),
                    timezone,
                    approximate: properties
                        .get("approximate")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                    ..Place::default()
                })
            } else {
                IncomingPlace::At {
                    name: place_name,
                    lat,
                    lon,
                }
            };
        let quotes = properties
            .get("quotes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|q| IncomingQuote {
                speaker: q
                    .get("speaker")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                text: q
                    .get("text")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                ..IncomingQuote::default()
            })
            .collect();
        let kind = property(&["kind"]);
        Incoming {
            line,
            column,
            id: feature
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            title,
            summary: property(&["summary", "description"]),
            kind: EventKind::ALL
                .into_iter()
                .find(|k| k.id() == kind)
                .unwrap_or_default(),
            start: read_date(&property(&["start", "date", "time", "start_date"])),
            end: read_date(&property(&["end", "end_date"])).unwrap_or_default(),
            place,
            quotes,
            record: None,
        }
        .add_to(trip, placer, &mut part);
    }
    Ok(Ok(part))
}
