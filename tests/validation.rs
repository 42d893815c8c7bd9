//! One test per kind of validation problem: the message, and the line:column it points at.

mod common;

use common::{VALID_TRIP, assert_single_error, broken, check_toml, located};
use itinera::model::Severity;

#[test]
fn the_fixture_itself_is_valid() {
    let checked = check_toml(VALID_TRIP);
    assert!(!checked.report.has_errors(), "{}", checked.report.render());
    assert_eq!(
        checked.report.count(Severity::Warning),
        0,
        "{}",
        checked.report.render()
    );
}

#[test]
fn a_latitude_out_of_range_is_reported_at_its_value() {
    assert_single_error(
        &broken("lat = 51.1801", "lat = 151.1801"),
        9,
        7,
        "latitude 151.1801 is out of range",
    );
}

#[test]
fn a_longitude_out_of_range_is_reported_at_its_value() {
    assert_single_error(
        &broken("lon = -0.12574", "lon = -200.5"),
        18,
        7,
        "longitude -200.5 is out of range",
    );
}

#[test]
fn an_unknown_timezone_is_reported_with_a_suggestion() {
    let text = broken("timezone = \"Asia/Almaty\"", "timezone = \"asia/almaty\"");
    assert_single_error(&text, 11, 12, "unknown timezone `asia/almaty`");
    let checked = check_toml(&text);
    assert!(checked.report.diagnostics[0].help.contains("Asia/Almaty"));
}

#[test]
fn an_impossible_date_is_reported() {
    assert_single_error(
        &broken("start = \"2015-11-02\"", "start = \"2015-11-31\""),
        38,
        9,
        "is not a real date",
    );
}

#[test]
fn a_malformed_date_is_reported_with_the_accepted_forms() {
    assert_single_error(
        &broken("start = \"2015-11-02\"", "start = \"2 Nov 2015\""),
        38,
        9,
        "YYYY-MM-DD",
    );
}

#[test]
fn an_end_before_its_start_is_reported_at_the_end() {
    assert_single_error(
        &broken("end = \"2015-11-04\"", "end = \"2015-11-01\""),
        50,
        7,
        "ends (2015-11-01) before it starts",
    );
}

#[test]
fn an_unknown_place_reference_suggests_the_closest_id() {
    let text = broken("place = \"london\"", "place = \"londn\"");
    assert_single_error(&text, 51, 9, "unknown place `londn`");
    let checked = check_toml(&text);
    assert!(
        checked.report.diagnostics[0]
            .help
            .contains("did you mean `london`?")
    );
}

#[test]
fn an_unknown_person_reference_is_reported() {
    assert_single_error(
        &broken("speaker = \"kerry\"", "speaker = \"obama\""),
        42,
        11,
        "unknown person `obama`",
    );
}

#[test]
fn an_unknown_source_reference_is_reported() {
    assert_single_error(
        &broken("source = \"voa\"", "source = \"bbc\""),
        44,
        10,
        "unknown source `bbc`",
    );
}

#[test]
fn a_duplicate_id_is_reported_at_the_second_use() {
    // A third place reusing the first one's id, appended after the events.
    let text = format!(
        "{VALID_TRIP}\n[[places]]\nid = \"astana\"\nname = \"Astana again\"\ncountry = \"KZ\"\nlat = 51.0\nlon = 71.0\ntimezone = \"Asia/Almaty\"\n"
    );
    assert_single_error(&text, 55, 6, "duplicate place id `astana`");
    let checked = check_toml(&text);
    assert!(
        checked.report.diagnostics[0]
            .help
            .contains("already used by places[0]")
    );
}

#[test]
fn an_empty_title_is_reported() {
    assert_single_error(
        &broken("title = \"Talks in London\"", "title = \"  \""),
        48,
        9,
        "the event has an empty title",
    );
}

#[test]
fn a_missing_format_version_is_reported() {
    let checked = check_toml(&broken("format = 1\n", ""));
    let all = located(&checked);
    assert!(
        all.iter().any(|(_, _, m)| m.contains("missing `format` version")),
        "{all:#?}"
    );
}

#[test]
fn a_quote_without_a_source_is_a_warning_not_an_error() {
    let checked = check_toml(&broken("source = \"voa\"\n", ""));
    assert!(!checked.report.has_errors(), "{}", checked.report.render());
    let warnings: Vec<_> = located(&checked);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].0, warnings[0].2.as_str()),
        (41, "quote has no source")
    );
}

#[test]
fn an_unknown_key_is_a_warning_at_the_key() {
    let checked = check_toml(&broken(
        "title = \"Meeting in Astana\"",
        "titel = \"Meeting in Astana\"",
    ));
    let all = located(&checked);
    assert!(
        all.iter().any(|(l, _, m)| *l == 36 && m == "unknown key `titel`"),
        "{all:#?}"
    );
}

#[test]
fn a_toml_syntax_error_has_a_position() {
    let checked = check_toml(&broken("name = \"Astana\"", "name = \"Astana"));
    let all = located(&checked);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].0, 7);
    assert!(checked.trip.is_none());
}

#[test]
fn a_value_of_the_wrong_type_is_reported_at_it() {
    let checked = check_toml(&broken("lat = 51.1801", "lat = \"north\""));
    let all = located(&checked);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!((all[0].0, all[0].1), (9, 7));
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let text = broken("lat = 51.1801", "lat = 99.0")
        .replace("timezone = \"Europe/London\"", "timezone = \"Mars/Olympus\"");
    let text = text.replacen("place = \"london\"", "place = \"paris\"", 1);
    let checked = check_toml(&text);
    assert_eq!(
        checked.report.count(Severity::Error),
        3,
        "{}",
        checked.report.render()
    );
}

#[test]
fn rendered_diagnostics_look_like_rustc() {
    let checked = check_toml(&broken("lat = 51.1801", "lat = 151.1801"));
    let text = checked.report.render();
    assert!(
        text.contains("error: latitude 151.1801 is out of range"),
        "{text}"
    );
    assert!(text.contains(" --> trip.toml:9:7"), "{text}");
    assert!(text.contains("9 | lat = 151.1801"), "{text}");
    assert!(text.contains("  |       ^^^^^^^^"), "{text}");
    assert!(text.contains("= help: latitude is in degrees"), "{text}");
}

#[test]
fn json_files_get_the_same_checks_with_positions() {
    let json = r#"{
  "format": 1,
  "title": "JSON trip",
  "places": [
    {"id": "x", "name": "X", "country": "KZ", "lat": 95.0, "lon": 10.0, "timezone": "Asia/Almaty"}
  ]
}"#;
    let checked = itinera::format::check_text(
        std::path::Path::new("t.json"),
        itinera::format::FileFormat::Json,
        json.into(),
    );
    let all = located(&checked);
    assert_eq!(all.len(), 1, "{all:#?}");
    let column = json.lines().nth(4).and_then(|l| l.find("95.0")).expect("value") + 1;
    assert_eq!((all[0].0, all[0].1), (5, column));
    assert!(all[0].2.contains("latitude 95 is out of range"));
}

#[test]
fn a_missing_coordinate_is_an_error_not_zero() {
    let checked = check_toml(&broken("lon = 71.44598\n", ""));
    let all = located(&checked);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].2, "place `astana` has no longitude");
    assert_eq!(all[0].0, 5, "points at the [[places]] table");
}

#[test]
fn a_misspelt_timezone_gets_the_nearest_names() {
    let checked = check_toml(&broken(
        "timezone = \"Europe/London\"",
        "timezone = \"Europe/Londn\"",
    ));
    assert_eq!(
        checked.report.diagnostics[0].help,
        "did you mean \"Europe/London\"?"
    );
}

#[test]
fn no_truncation_of_a_valid_file_makes_the_checker_panic() {
    // Every prefix is some kind of broken file: the checker must report, never panic.
    for (end, _) in VALID_TRIP.char_indices() {
        let checked = check_toml(&VALID_TRIP[..end]);
        let _ = checked.report.render();
    }
    let json = serde_json::to_string_pretty(&check_toml(VALID_TRIP).trip.expect("parses")).expect("json");
    for (end, _) in json.char_indices() {
        let checked = itinera::format::check_text(
            std::path::Path::new("t.json"),
            itinera::format::FileFormat::Json,
            json[..end].to_owned(),
        );
        let _ = checked.report.render();
    }
}

#[test]
fn a_slide_time_outside_two_to_600_seconds_is_reported_at_its_value() {
    let text = broken(
        "title = \"Test trip\"",
        "title = \"Test trip\"\nslide_seconds = 0.5",
    );
    assert_single_error(&text, 3, 17, "slide_seconds is 0.5, outside 2 to 600");
}

#[test]
fn a_place_at_latitude_0_longitude_0_is_a_located_warning_naming_it() {
    let text = broken("lat = 51.1801", "lat = 0.0").replacen("lon = 71.44598", "lon = 0.0", 1);
    let checked = check_toml(&text);
    assert!(!checked.report.has_errors(), "{}", checked.report.render());
    let warnings = located(&checked);
    assert!(
        warnings
            .iter()
            .any(|(line, _, message)| *line == 9 && message.contains("latitude 0, longitude 0")),
        "{warnings:?}"
    );
}

#[test]
fn web_links_are_recognised_whatever_the_case_of_their_scheme_and_nothing_else_is() {
    use itinera::model::trip::is_web_link;
    for link in [
        "https://history.state.gov",
        "HTTPS://HISTORY.STATE.GOV",
        "Http://x.org",
    ] {
        assert!(is_web_link(link), "{link}");
    }
    for link in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://x.org",
        "https:",
        "é",
    ] {
        assert!(!is_web_link(link), "{link}");
    }
}
