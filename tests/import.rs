//! Importers: TimelineJS (JSON and spreadsheet), StoryMapJS, GeoJSON and the Office of the
//! Historian's travel records, each from our own fixtures, plus round trips through our exports
//! and the real records (all 58 files, committed under `data/travels/`).

mod common;

use std::path::{Path, PathBuf};

use common::check_toml;
use itinera::interchange::export::{ExportFormat, export_text};
use itinera::interchange::import::Progress;
use itinera::interchange::import::{ImportError, Imported, import_files};
use itinera::model::{Chronology, Trip, resolve};

fn bundled() -> (Trip, Chronology) {
    let text = std::fs::read_to_string(itinera::BUNDLED_TRIP).expect("bundled trip");
    let trip = check_toml(&text).trip.expect("parses");
    let chronology = resolve(&trip).chronology;
    (trip, chronology)
}

/// Write `text` to `name` in `dir`.
fn fixture(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path
}

fn import(paths: &[PathBuf]) -> Imported {
    import_files(paths, &Progress::default()).expect("imports")
}

fn event<'a>(trip: &'a Trip, title: &str) -> &'a itinera::model::Event {
    trip.events
        .iter()
        .find(|e| e.title == title)
        .unwrap_or_else(|| panic!("no event {title}"))
}

/// An event's title, start, end and quotes as (speaker name, text).
type Essentials = (String, String, String, Vec<(String, String)>);

/// The essentials of every event, sorted.
fn essentials(trip: &Trip) -> Vec<Essentials> {
    let mut all: Vec<_> = trip
        .events
        .iter()
        .map(|e| {
            let quotes = e
                .quotes
                .iter()
                .map(|q| {
                    (
                        trip.person(&q.speaker).map_or(String::new(), |p| p.name.clone()),
                        q.text.clone(),
                    )
                })
                .collect();
            (e.title.clone(), e.start.clone(), e.end.clone(), quotes)
        })
        .collect();
    all.sort();
    all
}

fn round_trip(format: ExportFormat, extension: &str) -> Trip {
    let (trip, chronology) = bundled();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(
        dir.path(),
        &format!("kerry.{extension}"),
        &export_text(&trip, &chronology, format),
    );
    let imported = import(&[path]);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    assert_eq!(imported.placed, trip.events.len());
    imported.trip
}

#[test]
fn ours_to_timelinejs_and_back_keeps_titles_dates_at_their_precision_and_quotes() {
    let (trip, _) = bundled();
    let back = round_trip(ExportFormat::Timelinejs, "json");
    assert_eq!(essentials(&back), essentials(&trip));
    assert_eq!(back.title, trip.title);
    assert_eq!(back.travellers, trip.travellers);
    let astana = event(&back, "Meeting with President Nursultan Nazarbayev");
    assert_eq!(
        back.place(&astana.place).map(|p| p.timezone.as_str()),
        Some("Asia/Almaty")
    );
    let text = check_toml(
        &itinera::format::write::to_text(&back, itinera::format::FileFormat::Toml, "").expect("toml"),
    );
    assert!(!text.report.has_errors(), "{}", text.report.render());
}

#[test]
fn ours_to_storymapjs_and_geojson_and_back_keeps_titles_dates_and_quotes() {
    let (trip, _) = bundled();
    assert_eq!(
        essentials(&round_trip(ExportFormat::Storymap, "json")),
        essentials(&trip)
    );
    let from_geojson = round_trip(ExportFormat::Geojson, "geojson");
    assert_eq!(essentials(&from_geojson), essentials(&trip));
}

#[test]
fn timelinejs_dates_say_their_precision_with_display_date_and_read_back_the_same() {
    let text = common::VALID_TRIP.replace("start = \"2015-11-02\"", "start = \"2015-11~\"");
    let trip = check_toml(&text).trip.expect("parses");
    let chronology = resolve(&trip).chronology;
    let json: serde_json::Value =
        serde_json::from_str(&export_text(&trip, &chronology, ExportFormat::Timelinejs)).expect("json");
    let events = json["events"].as_array().expect("events");
    let month = events
        .iter()
        .find(|e| e["start_date"].get("day").is_none())
        .expect("a month-precision event");
    assert_eq!(month["start_date"]["month"], 11);
    assert_eq!(month["start_date"]["display_date"], "c. November 2015");
    let dir = tempfile::tempdir().expect("tempdir");
    let back = import(&[fixture(dir.path(), "t.json", &json.to_string())]).trip;
    assert!(
        back.events.iter().any(|e| e.start == "2015-11~"),
        "{:?}",
        back.events
    );
}

#[test]
fn a_timelinejs_file_from_elsewhere_is_placed_by_group_or_by_a_city_its_text_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(
        dir.path(),
        "kerry.json",
        r#"{
  "title": {"text": {"headline": "Kerry &amp; Central Asia", "text": "<p>A tour.</p>"}},
  "events": [
    {"start_date": {"year": "2015", "month": "11", "day": "2"},
     "text": {"headline": "Meeting Nazarbayev", "text": "<p>Talks.</p>"},
     "media": {"url": "<blockquote>We are grateful.</blockquote>", "credit": "John Kerry, Secretary of State"},
     "group": "Astana"},
    {"start_date": {"year": 2015, "month": 11, "day": 5, "hour": 9, "minute": 30},
     "text": {"headline": "Talks in London"}},
    {"start_date": {"year": 2015},
     "text": {"headline": "Reflections"}}
  ]
}"#,
    );
    let imported = import(&[path]);
    let trip = &imported.trip;
    assert_eq!(trip.title, "Kerry & Central Asia");
    let astana = event(trip, "Meeting Nazarbayev");
    assert_eq!(astana.start, "2015-11-02");
    assert_eq!(trip.place(&astana.place).map(|p| p.name.as_str()), Some("Astana"));
    let speaker = trip.person(&astana.quotes[0].speaker).expect("speaker");
    assert_eq!(
        (speaker.name.as_str(), speaker.role.as_str()),
        ("John Kerry", "Secretary of State")
    );
    let london = event(trip, "Talks in London");
    assert_eq!(london.start, "2015-11-05T09:30");
    assert_eq!(
        trip.place(&london.place).map(|p| p.timezone.as_str()),
        Some("Europe/London")
    );
    assert_eq!(imported.summary(), "3 records, 2 placed (67%)");
    let messages: Vec<(usize, &str)> = imported
        .warnings
        .iter()
        .map(|w| (w.problem.line, w.problem.message.as_str()))
        .collect();
    assert!(
        messages
            .iter()
            .any(|(line, m)| *line == 8 && m.contains("put at London")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|(line, m)| *line == 10 && m.contains("\"Reflections\"") && m.contains("left out")),
        "{messages:?}"
    );
}

#[test]
fn a_timelinejs_spreadsheet_reads_its_columns_and_reports_a_bad_time_where_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let header = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n";
    let good = format!(
        "{header},,,,,,,,,Kerry in Central Asia,A tour,,,,,title,,\n2015,11,1,2:30 PM,2015,11,1,,,Samarkand visit,\"Kerry met Karimov, then toured\",,,,,,Samarkand,\n"
    );
    let trip = import(&[fixture(dir.path(), "sheet.csv", &good)]).trip;
    assert_eq!(trip.title, "Kerry in Central Asia");
    let visit = event(&trip, "Samarkand visit");
    assert_eq!(
        (visit.start.as_str(), visit.end.as_str()),
        ("2015-11-01T14:30", "2015-11-01")
    );
    assert_eq!(visit.summary, "Kerry met Karimov, then toured");
    assert_eq!(
        trip.place(&visit.place).map(|p| p.timezone.as_str()),
        Some("Asia/Samarkand")
    );

    let bad = format!("{header}2015,11,1,half past two,,,,,,Samarkand visit,,,,,,,Samarkand,\n");
    let Err(ImportError::Problems(problems)) =
        import_files(&[fixture(dir.path(), "bad.csv", &bad)], &Progress::default())
    else {
        panic!("a bad time is an error");
    };
    let p = &problems[0].problem;
    assert_eq!((p.line, p.column), (2, 11));
    assert!(p.message.contains("half past two"));
}

#[test]
fn a_storymap_from_elsewhere_is_placed_at_its_coordinates_with_the_nearest_citys_timezone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(
        dir.path(),
        "story.json",
        r#"{"storymap": {"slides": [
  {"type": "overview", "text": {"headline": "Kerry's tour"}},
  {"date": "November 3, 2015", "location": {"lat": 38.56, "lon": 68.77, "name": "Dushanbe"},
   "text": {"headline": "Dushanbe", "text": "<p>Talks with Rahmon.</p>"}},
  {"location": {"lat": 37.95, "lon": 58.38}, "text": {"headline": "Ashgabat"}}
]}}"#,
    );
    let imported = import(&[path]);
    let trip = &imported.trip;
    assert_eq!(trip.title, "Kerry's tour");
    let dushanbe = event(trip, "Dushanbe");
    assert_eq!(dushanbe.start, "2015-11-03");
    let place = trip.place(&dushanbe.place).expect("place");
    assert_eq!(
        (place.country.as_str(), place.timezone.as_str()),
        ("TJ", "Asia/Dushanbe")
    );
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(imported.warnings[0].problem.line, 5);
    assert!(
        imported.warnings[0]
            .problem
            .message
            .contains("\"Ashgabat\" has no date")
    );
}

#[test]
fn geojson_points_become_events_and_other_shapes_are_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(
        dir.path(),
        "points.geojson",
        r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [74.59, 42.87]},
   "properties": {"name": "Embassy dedication", "date": "2015-10-31", "kind": "ceremony"}},
  {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]},
   "properties": {"name": "A region"}}
]}"#,
    );
    let imported = import(&[path]);
    let embassy = event(&imported.trip, "Embassy dedication");
    assert_eq!(embassy.kind, itinera::model::EventKind::Ceremony);
    let place = imported.trip.place(&embassy.place).expect("place");
    assert_eq!(
        (place.lat, place.lon, place.timezone.as_str()),
        (Some(42.87), Some(74.59), "Asia/Bishkek")
    );
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(imported.warnings[0].problem.line, 4);
}

/// Travel records in the Office of the Historian's layout.
fn records(who: &str, name: &str, trips: &[(&str, &str, &str, &str, &str)]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trips>\n");
    for (id, start, country, locale, remarks) in trips {
        xml += &format!(
            "    <trip role=\"secretary\" who=\"{who}\">\n        <id>{id}</id>\n        <role>secretary</role>\n        <name>{name}</name>\n        <start-date>{start}</start-date>\n        <end-date>{start}</end-date>\n        <country id=\"{slug}\">{country}</country>\n        <locale>{locale}</locale>\n        <remarks>{remarks}</remarks>\n    </trip>\n",
            slug = country.to_lowercase().replace(' ', "-")
        );
    }
    xml + "</trips>\n"
}

/// Kerry's travel records with `trips`, written as `kerry.xml` in `dir`.
fn kerry_records(dir: &Path, trips: &[(&str, &str, &str, &str, &str)]) -> PathBuf {
    fixture(
        dir,
        "kerry.xml",
        &records("kerry-john-forbes", "John Forbes Kerry", trips),
    )
}

#[test]
fn travel_records_are_placed_within_their_country_and_the_unplaceable_are_named_with_their_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kerry = kerry_records(
        dir.path(),
        &[
            (
                "3592",
                "2015-10-31",
                "Kyrgyzstan",
                "Bishkek",
                "Met President Atambaev.",
            ),
            (
                "3593",
                "2015-11-01",
                "Uzbekistan",
                "Samarkand, Nowhereville",
                "Met President Karimov.",
            ),
            ("3594", "2015-11-02", "Kazakhstan", "Atlantis", "Lost."),
            ("3595", "2015-11-03", "Xyzzyland", "Xyzzy", "Nowhere."),
        ],
    );
    let seward = fixture(
        dir.path(),
        "seward.xml",
        &records(
            "seward-william-henry",
            "William Henry Seward",
            &[("1916", "1866-01-20", "Spain", "Havana (Cuba)", "")],
        ),
    );
    let imported = import(&[kerry, seward]);
    let trip = &imported.trip;
    assert_eq!(trip.travellers, ["kerry-john-forbes", "seward-william-henry"]);
    assert_eq!(
        imported.summary(),
        "5 records, 4 placed (80%): 3 at their named place (60.0%), 1 approximate (20.0%)"
    );
    let bishkek = trip
        .events
        .iter()
        .find(|e| e.id == "kerry-john-forbes-3592")
        .expect("record 3592");
    assert_eq!(
        (bishkek.start.as_str(), bishkek.summary.as_str()),
        ("2015-10-31", "Met President Atambaev.")
    );
    assert_eq!(
        trip.place(&bishkek.place).map(|p| p.timezone.as_str()),
        Some("Asia/Bishkek")
    );
    let havana = trip
        .events
        .iter()
        .find(|e| e.id == "seward-william-henry-1916")
        .expect("record 1916");
    assert_eq!(trip.place(&havana.place).map(|p| p.country.as_str()), Some("CU"));
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("kerry.xml:20:9") && w.contains("record 3593") && w.contains("Nowhereville")),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("kerry.xml:30:9")
            && w.contains("record 3594")
            && w.contains("centre of the country Kazakhstan, marked approximate")),
        "{warnings:#?}"
    );
    let atlantis = trip
        .events
        .iter()
        .find(|e| e.id == "kerry-john-forbes-3594")
        .and_then(|e| trip.place(&e.place))
        .expect("record 3594 is placed");
    assert!(atlantis.approximate && atlantis.country == "KZ", "{atlantis:?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("kerry.xml:40:9") && w.contains("record 3595") && w.contains("left out")),
        "{warnings:#?}"
    );
    // Nothing is ever put at 0,0.
    assert!(
        trip.places
            .iter()
            .all(|p| p.lat != Some(0.0) || p.lon != Some(0.0))
    );
}

#[test]
fn a_bad_date_in_a_travel_record_stops_the_import_at_its_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(
        dir.path(),
        "bad.xml",
        &records("k", "K", &[("1", "2015-13-01", "France", "Paris", "")]),
    );
    let Err(ImportError::Problems(problems)) = import_files(&[path], &Progress::default()) else {
        panic!("a bad date is an error");
    };
    let p = &problems[0].problem;
    assert_eq!((p.line, p.column), (7, 9));
    assert!(p.message.contains("2015-13-01"), "{}", p.message);
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(
        dir.path(),
        "k.xml",
        &records("k", "K", &[("1", "2015-11-01", "France", "Paris", "")]),
    );
    let progress = Progress::default();
    progress.cancel();
    assert!(matches!(
        import_files(&[path], &progress),
        Err(ImportError::Cancelled(_))
    ));
}

#[test]
fn every_official_record_is_placed_at_its_named_place_or_marked_approximate() {
    let files = official_records();
    assert_eq!(files.len(), 55, "21 presidents and 34 secretaries of state");
    for file in &files {
        let imported = import(std::slice::from_ref(file));
        eprintln!("{}: {}", file.display(), imported.summary());
        // Every record is either an event or a warning naming it.
        let left_out = imported
            .warnings
            .iter()
            .filter(|w| w.problem.message.contains("left out"))
            .count();
        assert_eq!(imported.placed + left_out, imported.records);
    }
    let all = import(&files);
    eprintln!("all: {}", all.summary());
    assert_eq!(all.records, 4271);
    assert_eq!(all.placed, all.records, "none is left out: {}", all.summary());
    let exact = all.placed - all.approximate;
    assert!(exact * 100 >= all.records * 99, "{}", all.summary());
    // One title for the collection, not 55 concatenated.
    assert_eq!(
        all.trip.title,
        "Official travels of 55 presidents and secretaries of state, 1866–2025"
    );
    // Each visit carries its journey; the model's journeys are the importer's.
    assert!(all.trip.events.iter().all(|e| !e.journey.is_empty()));
    let chronology = resolve(&all.trip).chronology;
    let mut ids: Vec<&str> = all.trip.events.iter().map(|e| e.journey.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(chronology.journeys.len(), ids.len());
    eprintln!("{} journeys", ids.len());
    assert!((800..2500).contains(&ids.len()), "{} journeys", ids.len());
    assert_eq!(all.trip.travellers.len(), files.len());
    let text =
        itinera::format::write::to_text(&all.trip, itinera::format::FileFormat::Toml, "").expect("toml");
    assert!(!check_toml(&text).report.has_errors());
}

/// Every official record file committed under `data/travels/`, sorted.
fn official_records() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/travels");
    let mut files = Vec::new();
    for folder in ["president-travels", "secretary-travels"] {
        let entries = std::fs::read_dir(root.join(folder)).expect("data/travels is committed");
        files.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "xml")),
        );
    }
    files.sort();
    files
}

#[test]
fn the_bundled_official_collection_is_exactly_what_the_importer_makes_of_the_records() {
    // Relative paths, as the file was made: `itinera import data/travels/president-travels/*.xml
    // data/travels/secretary-travels/*.xml -o data/official-travels.toml` from the repository.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<PathBuf> = official_records()
        .iter()
        .map(|f| f.strip_prefix(root).expect("under the repository").to_path_buf())
        .collect();
    let previous = std::env::current_dir().expect("cwd");
    assert_eq!(previous, root, "cargo runs tests from the package root");
    let imported = import(&files);
    let out = Path::new("data/official-travels.toml");
    let made = itinera::interchange::import::trip_text(&imported, out).expect("text");
    let committed = std::fs::read_to_string(root.join(out)).expect("the collection is committed");
    assert!(
        made == committed,
        "data/official-travels.toml is stale: run the import above again"
    );
    let checked = check_toml(&committed);
    assert!(!checked.report.has_errors(), "{}", checked.report.render());
}

#[test]
fn markup_and_javascript_links_in_travel_record_remarks_become_plain_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let remarks = "Met &lt;b&gt;President&lt;/b&gt; Atambaev. &lt;a href=\"javascript:alert(1)\"&gt;Read more&lt;/a&gt;";
    let kerry = kerry_records(
        dir.path(),
        &[("3592", "2015-10-31", "Kyrgyzstan", "Bishkek", remarks)],
    );
    let imported = import(&[kerry]);
    let summary = &imported.trip.events[0].summary;
    assert_eq!(summary, "Met President Atambaev. Read more");
}

#[test]
fn storymap_days_without_a_year_take_the_year_of_the_slide_before_and_say_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(
        dir.path(),
        "story.json",
        r#"{"storymap": {"slides": [
  {"date": "Aug 22", "location": {"lat": 38.56, "lon": 68.77}, "text": {"headline": "First"}},
  {"date": "Aug 23, 1991", "location": {"lat": 38.56, "lon": 68.77}, "text": {"headline": "Second"}},
  {"date": "Aug 24", "location": {"lat": 37.95, "lon": 58.38}, "text": {"headline": "Third"}}
]}}"#,
    );
    let imported = import(&[path]);
    let trip = &imported.trip;
    assert_eq!(event(trip, "Second").start, "1991-08-23");
    assert_eq!(event(trip, "Third").start, "1991-08-24");
    assert!(
        trip.events.iter().all(|e| e.title != "First"),
        "a yearless first slide is left out"
    );
    let messages: Vec<(usize, &str)> = imported
        .warnings
        .iter()
        .map(|w| (w.problem.line, w.problem.message.as_str()))
        .collect();
    assert!(
        messages.contains(&(
            4,
            "the date `Aug 24` has no year; it is taken as 1991, the year of the slide before"
        )),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|(line, m)| *line == 2 && m.contains("`Aug 22` has no year, and no slide before it has one")),
        "{messages:?}"
    );
}

#[test]
fn timelinejs_years_before_christ_import_and_export_as_negative_years() {
    // As TimelineJS users write them: a negative year is that many years BCE.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(
        dir.path(),
        "greece.json",
        r#"{
  "title": {"text": {"headline": "Classical Greece"}},
  "events": [
    {"start_date": {"year": -490}, "text": {"headline": "Battle of Marathon"}, "group": "Athens"},
    {"start_date": {"year": "-44", "month": "3", "day": "15"}, "text": {"headline": "Ides of March"}, "group": "Rome"},
    {"start_date": {"year": -480, "month": 9}, "end_date": {"year": -479}, "text": {"headline": "Salamis and after"}, "group": "Athens"}
  ]
}"#,
    );
    let imported = import(&[path]);
    let starts: Vec<(&str, &str, &str)> = imported
        .trip
        .events
        .iter()
        .map(|e| (e.title.as_str(), e.start.as_str(), e.end.as_str()))
        .collect();
    assert_eq!(
        starts,
        [
            ("Battle of Marathon", "-490", ""),
            ("Ides of March", "-44-03-15", ""),
            ("Salamis and after", "-480-09", "-479")
        ]
    );
    let resolution = resolve(&imported.trip);
    assert!(
        !resolution
            .problems
            .iter()
            .any(|p| p.severity == itinera::model::Severity::Error),
        "{:?}",
        resolution.problems
    );
    let json: serde_json::Value = serde_json::from_str(&export_text(
        &imported.trip,
        &resolution.chronology,
        ExportFormat::Timelinejs,
    ))
    .expect("json");
    let ides = json["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["text"]["headline"] == "Ides of March")
        .expect("exported");
    assert_eq!(ides["start_date"]["year"], -44);
    assert_eq!(ides["start_date"]["display_date"], "Fri 15 Mar 44 BC");
}
