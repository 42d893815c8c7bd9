//! Every trip bundled in `data/` opens without errors, and the Kerry trip says what the sources say.

use std::path::Path;

use itinera::format::check_file;
use itinera::model::describe::describe_offset;
use itinera::model::{Precision, Severity};

#[test]
fn every_file_in_data_loads_and_validates() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut checked_files = 0;
    for entry in std::fs::read_dir(&data).expect("data/ exists") {
        let path = entry.expect("readable entry").path();
        if !matches!(path.extension().and_then(|e| e.to_str()), Some("toml" | "json")) {
            continue;
        }
        let checked = check_file(&path).expect("readable");
        assert!(!checked.report.has_errors(), "{}", checked.report.render());
        assert_eq!(
            checked.report.count(Severity::Warning),
            0,
            "{}",
            checked.report.render()
        );
        checked_files += 1;
    }
    assert!(checked_files >= 1, "no trip files in data/");
}

fn kerry() -> (itinera::model::Trip, itinera::model::Chronology) {
    let checked = check_file(Path::new(itinera::BUNDLED_TRIP)).expect("bundled trip is readable");
    let (trip, resolution, _) = checked.into_valid().expect("bundled trip is valid");
    (trip, resolution.chronology)
}

#[test]
fn the_kerry_trip_has_six_stops_in_order() {
    let (trip, chronology) = kerry();
    let names: Vec<&str> = chronology
        .stops
        .iter()
        .map(|s| trip.places[s.place].name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Bishkek", "Samarkand", "Astana", "Dushanbe", "Ashgabat", "London"]
    );
    assert_eq!(chronology.day_count(), 5, "31 Oct to 4 Nov");
    assert_eq!(itinera::model::TripStats::of(&trip, &chronology).countries, 6);
}

#[test]
fn the_kerry_trip_uses_the_real_utc_offsets_of_november_2015() {
    let (trip, chronology) = kerry();
    let offset_at = |place: &str| {
        let index = trip
            .events
            .iter()
            .position(|e| e.place == place)
            .expect("an event there");
        describe_offset(chronology.event(index).expect("resolved"))
    };
    assert_eq!(offset_at("bishkek"), "UTC+6");
    assert_eq!(offset_at("samarkand"), "UTC+5");
    assert_eq!(offset_at("astana"), "UTC+6");
    assert_eq!(offset_at("dushanbe"), "UTC+5");
    assert_eq!(offset_at("ashgabat"), "UTC+5");
    assert_eq!(offset_at("london"), "UTC+0");
}

#[test]
fn no_kerry_event_claims_a_time_of_day_the_sources_do_not_give() {
    let (_, chronology) = kerry();
    for event in chronology.events.iter().flatten() {
        assert_eq!(event.start.precision, Precision::Day);
    }
}

#[test]
fn every_quote_in_the_article_is_in_the_kerry_trip_verbatim() {
    let (trip, _) = kerry();
    // The source article (Voice of America, public domain), committed beside the tests.
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/voa-kerry-central-asia-2015.txt");
    let article = std::fs::read_to_string(article).expect("the article fixture is committed");
    let quotes: Vec<&str> = trip
        .events
        .iter()
        .flat_map(|e| &e.quotes)
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(quotes.len(), 6);
    for quote in quotes {
        // Fragments joined with " … " must each appear in the article.
        for fragment in quote.split(" … ") {
            assert!(article.contains(fragment), "not in the article: {fragment}");
        }
    }
}
