//! Exports: GeoJSON that follows RFC 7946, CSV that any spreadsheet reads, and the handout.

mod common;

use common::{VALID_TRIP, check_toml};
use itinera::interchange::csv_layout::COLUMNS;
use itinera::interchange::export::csv_out::to_csv;
use itinera::interchange::export::geojson_out::to_geojson;
use itinera::model::{EventKind, resolve};
use serde_json::Value;

fn bundled() -> (itinera::model::Trip, itinera::model::Chronology) {
    let text = std::fs::read_to_string(itinera::BUNDLED_TRIP).expect("bundled trip");
    let trip = check_toml(&text).trip.expect("parses");
    let chronology = resolve(&trip).chronology;
    (trip, chronology)
}

#[test]
fn geojson_puts_longitude_first_and_has_a_point_per_event_and_the_route() {
    let (trip, chronology) = bundled();
    let geojson = to_geojson(&trip, &chronology);
    assert_eq!(geojson["type"], "FeatureCollection");
    assert!(geojson.get("crs").is_none(), "RFC 7946 has no crs member");
    // The right-hand rule (RFC 7946 §3.1.6) applies to polygons; an export has none to orient.
    let kinds: Vec<&str> = geojson["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["geometry"]["type"].as_str())
        .collect();
    assert!(
        kinds
            .iter()
            .all(|k| ["Point", "LineString", "MultiLineString"].contains(k)),
        "{kinds:?}"
    );
    let features = geojson["features"].as_array().expect("features");
    let points: Vec<&Value> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "Point")
        .collect();
    assert_eq!(points.len(), 14);
    for point in &points {
        let [lon, lat] = [0, 1].map(|i| point["geometry"]["coordinates"][i].as_f64().expect("number"));
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }
    let astana = features
        .iter()
        .find(|f| f["id"] == "astana-nazarbayev")
        .expect("feature");
    assert_eq!(
        astana["geometry"]["coordinates"],
        serde_json::json!([71.44598, 51.1801])
    );
    assert_eq!(astana["properties"]["utc_offset"], "UTC+6");
    assert_eq!(astana["properties"]["kind"], "meeting");
    assert_eq!(astana["properties"]["quotes"][0]["speaker"], "John Kerry");
    let route = features.iter().find(|f| f["id"] == "route").expect("route");
    assert_eq!(route["geometry"]["type"], "LineString");
    assert_eq!(route["geometry"]["coordinates"].as_array().map(Vec::len), Some(6));
    assert_eq!(route["properties"]["length_km"], 9125.0);
}

#[test]
fn csv_has_a_header_and_a_row_per_event_with_quoting_where_needed() {
    let (trip, chronology) = bundled();
    let csv = to_csv(&trip, &chronology);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], COLUMNS.join(","));
    assert_eq!(lines.len(), 15);

    let text = VALID_TRIP.replace(
        "title = \"Talks in London\"",
        "title = 'He said \"hi\", then left'",
    );
    let trip = check_toml(&text).trip.expect("parses");
    let csv = to_csv(&trip, &resolve(&trip).chronology);
    assert!(csv.contains(",\"He said \"\"hi\"\", then left\","), "{csv}");
}

#[test]
fn event_kind_ids_are_the_spelling_trip_files_use() {
    for kind in EventKind::ALL {
        assert_eq!(serde_json::to_value(kind).ok(), Some(Value::from(kind.id())));
    }
}

#[test]
fn ours_to_csv_and_back_keeps_every_csv_column() {
    let (trip, chronology) = bundled();
    let csv = to_csv(&trip, &chronology);
    let back = itinera::interchange::import::itinera_csv_in::from_csv(&csv, &trip.title).expect("reads back");
    assert_eq!(back.events.len(), trip.events.len());
    for imported in &back.events {
        let original = trip
            .events
            .iter()
            .find(|e| e.id == imported.id)
            .expect("same ids");
        assert_eq!(
            (
                &imported.title,
                imported.kind,
                &imported.start,
                &imported.end,
                &imported.place
            ),
            (
                &original.title,
                original.kind,
                &original.start,
                &original.end,
                &original.place
            )
        );
        assert_eq!(
            (
                &imported.summary,
                &imported.participants,
                &imported.sources,
                imported.sequence
            ),
            (
                &original.summary,
                &original.participants,
                &original.sources,
                original.sequence
            )
        );
        let first = |e: &itinera::model::Event| {
            e.quotes
                .first()
                .map(|q| (q.text.clone(), q.speaker.clone(), q.source.clone()))
        };
        assert_eq!(first(imported), first(original));
    }
    for place in &back.places {
        let original = trip.place(&place.id).expect("same place ids");
        assert_eq!(
            (&place.name, &place.country, place.lat, place.lon, &place.timezone),
            (
                &original.name,
                &original.country,
                original.lat,
                original.lon,
                &original.timezone
            )
        );
    }
    assert!(
        !resolve(&back)
            .problems
            .iter()
            .any(|p| p.severity == itinera::model::Severity::Error)
    );
}

#[test]
fn csv_problems_name_their_line_and_column() {
    let csv = "id,title,start,place,lat,lon\r\na,A,2015-11-02,x,51.1,71.4\r\nb,B,2015-11-03,y,north,0\r\n";
    let problems =
        itinera::interchange::import::itinera_csv_in::from_csv(csv, "t").expect_err("bad latitude");
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (3, 18));
    assert!(
        problems[0]
            .message
            .contains("`north` in column `lat` is not a number")
    );
    let missing = itinera::interchange::import::itinera_csv_in::from_csv("id,title\r\na,A\r\n", "t")
        .expect_err("no start");
    assert!(missing.iter().any(|p| p.message == "there is no `start` column"));
}

#[test]
fn the_handout_has_a_section_per_stop_with_an_embedded_map_dates_quotes_and_sources() {
    let (trip, chronology) = bundled();
    let html = itinera::interchange::export::export_text(
        &trip,
        &chronology,
        itinera::interchange::export::ExportFormat::Handout,
    );
    assert_eq!(
        html.matches("<section class=\"stop\">").count(),
        chronology.stops.len()
    );
    assert_eq!(
        html.matches("src=\"data:image/png;base64,").count(),
        chronology.stops.len()
    );
    assert!(html.contains("<h2>3. Astana, Kazakhstan</h2>"));
    // Each map names the stops it shows, the one it is about in bold.
    assert_eq!(
        html.matches("<span class=\"label here\"").count(),
        chronology.stops.len()
    );
    assert!(html.contains(">Samarkand</span>"));
    assert!(html.contains("Mon 2 Nov 2015 · UTC+6"));
    assert!(html.contains("<blockquote>“"));
    assert!(html.contains("Sources: <a href=\"https://"));
    assert!(html.contains("GeoNames"));
    // Self-contained: nothing is fetched when it is opened or printed.
    assert!(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("<link"));
}
