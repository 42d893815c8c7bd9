//! Placement of the official travel records' hardest names: former names and countries, small
//! towns, islands, bases, venues and regions, each checked against reference coordinates, and
//! the curated tables checked against the GeoNames towns they name.

use std::path::Path;

use itinera::gazetteer::{curated, historical, shared};
use itinera::interchange::import::{Progress, import_files};
use itinera::model::LatLon;

/// The fixture's rows: (country, locale, reference position, approximate).
fn reference() -> Vec<(String, String, LatLon, bool)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/placements.tsv");
    let text = std::fs::read_to_string(path).expect("the fixture is committed");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("country\t"))
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let number = |i: usize| f[i].parse::<f64>().expect("a number");
            (
                f[0].to_owned(),
                f[1].to_owned(),
                LatLon::new(number(2), number(3)),
                f[4] == "yes",
            )
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

#[test]
fn every_tricky_record_is_placed_within_25_km_of_where_it_was_or_marked_approximate() {
    let rows = reference();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trips>\n");
    for (i, (country, locale, _, _)) in rows.iter().enumerate() {
        xml += &format!(
            "<trip role=\"secretary\" who=\"tester\"><id>{i}</id><name>Tester</name><start-date>1990-01-01</start-date><end-date>1990-01-01</end-date><country id=\"x\">{}</country><locale>{}</locale><remarks/></trip>\n",
            escape(country),
            escape(locale)
        );
    }
    xml += "</trips>\n";
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tricky.xml");
    std::fs::write(&path, xml).expect("write");
    let imported = import_files(&[path], &Progress::default()).expect("imports");
    let trip = &imported.trip;
    let mut wrong = Vec::new();
    for (i, (country, locale, at, approximate)) in rows.iter().enumerate() {
        let Some(place) = trip
            .events
            .iter()
            .find(|e| e.id == format!("tester-{i}"))
            .and_then(|e| trip.place(&e.place))
        else {
            wrong.push(format!("{locale} ({country}): left out"));
            continue;
        };
        let placed = LatLon::new(place.lat.unwrap_or_default(), place.lon.unwrap_or_default());
        let km = placed.distance_m(*at) / 1000.0;
        // An approximate place is a centre: it need only be in the right region or country.
        let limit_km = if *approximate { 250.0 } else { 25.0 };
        if km > limit_km || place.approximate != *approximate {
            wrong.push(format!(
                "{locale} ({country}): at {} ({:.2}, {:.2}), {km:.0} km away, approximate {}",
                place.name, placed.lat_deg, placed.lon_deg, place.approximate
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Names of their time are the display names; today's names stay searchable.
    let leningrad = trip
        .places
        .iter()
        .find(|p| p.name == "Leningrad")
        .expect("Leningrad");
    assert!(
        leningrad.alt_names.iter().any(|n| n == "Saint Petersburg"),
        "{leningrad:?}"
    );
}

#[test]
fn every_curated_place_lies_within_40_km_of_the_geonames_town_it_names() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for site in curated::sites() {
        let Some((town, country)) = &site.near else {
            continue;
        };
        let found = shared()
            .exactly_named(town)
            .filter(|c| &c.country == country)
            .map(|c| LatLon::new(c.lat_deg, c.lon_deg).distance_m(LatLon::new(site.lat_deg, site.lon_deg)))
            .min_by(f64::total_cmp);
        match found.map(|m| m / 1000.0) {
            None => wrong.push(format!("{}: no town {town} in {country}", site.name)),
            Some(km) if km > 40.0 => wrong.push(format!("{} is {km:.0} km from {town}", site.name)),
            Some(_) => checked += 1,
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        checked >= 60,
        "only {checked} curated places have a town to check against"
    );
}

#[test]
fn every_former_name_leads_to_a_place_the_gazetteer_has_in_that_country() {
    let mut checked = 0;
    for former in historical::former_names() {
        assert!(
            shared()
                .named(&former.today, &[former.country.as_str()])
                .is_some(),
            "{} → {} ({}) is not in the gazetteer",
            former.then,
            former.today,
            former.country
        );
        checked += 1;
    }
    assert!(checked >= 40);
}
