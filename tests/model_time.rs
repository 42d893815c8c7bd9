//! Local times with precision, their UTC spans, and the total order of events.

use chrono::{TimeZone as _, Utc};
use chrono_tz::Tz;
use itinera::model::time::{TimeParseError, format_utc_offset};
use itinera::model::{Precision, TripTime};

fn parse(text: &str) -> TripTime {
    TripTime::parse(text).expect("valid time")
}

#[test]
fn each_precision_parses_and_prints_back_the_same() {
    for (text, precision) in [
        ("2015", Precision::Year),
        ("2015-11", Precision::Month),
        ("2015-11-02", Precision::Day),
        ("2015-11-02T14:30", Precision::Minute),
        ("2015-11~", Precision::Month),
    ] {
        let time = parse(text);
        assert_eq!(time.precision, precision, "{text}");
        assert_eq!(time.to_string(), text);
    }
    assert!(parse("2015-11~").approximate);
    assert!(!parse("2015-11").approximate);
}

#[test]
fn impossible_dates_and_times_are_rejected() {
    assert!(matches!(
        TripTime::parse("2015-02-29"),
        Err(TimeParseError::Impossible(..))
    ));
    assert!(matches!(
        TripTime::parse("2015-11-02T24:00"),
        Err(TimeParseError::Impossible(..))
    ));
    assert!(matches!(
        TripTime::parse("2015-13"),
        Err(TimeParseError::Impossible(..))
    ));
    assert!(matches!(
        TripTime::parse("02/11/2015"),
        Err(TimeParseError::Shape(_))
    ));
    assert!(matches!(
        TripTime::parse("2015-11T10:00"),
        Err(TimeParseError::Shape(_))
    ));
    assert!(TripTime::parse("2016-02-29").is_ok());
}

#[test]
fn a_day_covers_the_local_day_in_its_timezone() {
    let astana: Tz = "Asia/Almaty".parse().expect("zone");
    let (start, end) = parse("2015-11-02").utc_span(astana).expect("exists");
    assert_eq!(start, Utc.with_ymd_and_hms(2015, 11, 1, 18, 0, 0).unwrap());
    assert_eq!(end, Utc.with_ymd_and_hms(2015, 11, 2, 18, 0, 0).unwrap());
}

#[test]
fn a_month_covers_the_whole_month_across_a_clock_change() {
    let london: Tz = "Europe/London".parse().expect("zone");
    let (start, end) = parse("2015-10").utc_span(london).expect("exists");
    // 1 October is in summer time (UTC+1), 1 November in winter time (UTC+0).
    assert_eq!(start, Utc.with_ymd_and_hms(2015, 9, 30, 23, 0, 0).unwrap());
    assert_eq!(end, Utc.with_ymd_and_hms(2015, 11, 1, 0, 0, 0).unwrap());
}

#[test]
fn a_minute_in_a_daylight_saving_gap_does_not_exist() {
    let london: Tz = "Europe/London".parse().expect("zone");
    assert!(parse("2015-03-29T01:30").utc_span(london).is_err());
    assert!(parse("2015-03-29T02:30").utc_span(london).is_ok());
}

#[test]
fn an_ambiguous_minute_takes_the_earlier_instant() {
    let london: Tz = "Europe/London".parse().expect("zone");
    let (start, _) = parse("2015-10-25T01:30").utc_span(london).expect("exists");
    assert_eq!(start, Utc.with_ymd_and_hms(2015, 10, 25, 0, 30, 0).unwrap());
}

#[test]
fn offsets_read_like_people_write_them() {
    assert_eq!(format_utc_offset(6 * 3600), "UTC+6");
    assert_eq!(format_utc_offset(0), "UTC+0");
    assert_eq!(format_utc_offset(-(3 * 3600 + 1800)), "UTC−3:30");
    assert_eq!(format_utc_offset(5 * 3600 + 45 * 60), "UTC+5:45");
}

#[test]
fn events_order_by_utc_start_then_end_then_id() {
    let text = common_trip(&[
        ("c", "2015-11-02", "astana"),
        ("a", "2015-11-02", "london"),
        ("b", "2015-11-02", "astana"),
        ("d", "2015-11-02T10:00", "astana"),
    ]);
    // Astana's 2 Nov starts at 18:00 UTC on 1 Nov; London's at 00:00 UTC on 2 Nov; 10:00 in
    // Astana is 04:00 UTC. b and c tie exactly and go by id, whatever the file's order.
    assert_eq!(chronology_ids(text), ["b", "c", "a", "d"]);
}

#[test]
fn same_time_events_follow_their_sequence_before_unnumbered_ones() {
    let text = common_trip(&[
        ("a", "2015-11-02", "astana"),
        ("b", "2015-11-02", "astana"),
        ("c", "2015-11-02", "astana"),
    ])
    .replace("id = \"c\"\n", "id = \"c\"\nsequence = 1\n")
    .replace("id = \"b\"\n", "id = \"b\"\nsequence = 2\n");
    assert_eq!(chronology_ids(text), ["c", "b", "a"]);
}

#[test]
fn years_before_christ_are_written_with_a_minus_and_have_no_year_zero() {
    use chrono::Datelike as _;
    for text in ["-500", "-44-03", "-44-03-15", "-44-03-15T11:00", "-1~", "0001"] {
        assert_eq!(parse(text).to_string(), text);
    }
    // 500 BC is astronomical year -499; 1 BC is 0, followed by AD 1.
    assert_eq!(parse("-500").local.year(), -499);
    assert_eq!(parse("-1").local.year(), 0);
    assert!(parse("-1").local < parse("0001").local);
    assert!(matches!(
        TripTime::parse("0000"),
        Err(TimeParseError::NoYearZero(_))
    ));
    assert!(matches!(
        TripTime::parse("-0"),
        Err(TimeParseError::NoYearZero(_))
    ));
    assert!(matches!(TripTime::parse("-"), Err(TimeParseError::Shape(_))));
    assert!(matches!(
        TripTime::parse("-1234567"),
        Err(TimeParseError::Shape(_))
    ));
    assert_eq!(
        itinera::model::describe::describe_time(&parse("-44-03-15")),
        "Fri 15 Mar 44 BC"
    );
    assert_eq!(
        itinera::model::describe::describe_time(&parse("-500~")),
        "c. 500 BC"
    );
    use itinera::model::time::year_span_label;
    assert_eq!(year_span_label(-497, -478), "498–479 BC");
    assert_eq!(year_span_label(-43, 14), "44 BC–AD 14");
    assert_eq!(year_span_label(2009, 2016), "2009–2016");
    assert_eq!(year_span_label(-499, -499), "500 BC");
}

#[test]
fn a_trip_before_christ_checks_and_orders_across_the_era() {
    let text = common_trip(&[
        ("augustus", "0014-08-19", "astana"),
        ("caesar", "-44-03-15", "astana"),
        ("marathon", "-490", "london"),
    ]);
    assert_eq!(chronology_ids(text), ["marathon", "caesar", "augustus"]);
}

/// The ids of `text`'s events in chronology order (the trip must be valid).
fn chronology_ids(text: String) -> Vec<String> {
    let (trip, resolution, _) = itinera::format::check_text(
        std::path::Path::new("t.toml"),
        itinera::format::FileFormat::Toml,
        text,
    )
    .into_valid()
    .expect("a valid trip");
    resolution
        .chronology
        .order
        .iter()
        .map(|&i| trip.events[i].id.clone())
        .collect()
}

fn common_trip(events: &[(&str, &str, &str)]) -> String {
    let mut text = String::from(
        "format = 1\ntitle = \"t\"\n[[places]]\nid = \"astana\"\nname = \"Astana\"\ncountry = \"KZ\"\nlat = 51.18\nlon = 71.45\ntimezone = \"Asia/Almaty\"\n[[places]]\nid = \"london\"\nname = \"London\"\ncountry = \"GB\"\nlat = 51.5\nlon = -0.13\ntimezone = \"Europe/London\"\n",
    );
    for (id, start, place) in events {
        text.push_str(&format!(
            "[[events]]\nid = \"{id}\"\ntitle = \"{id}\"\nstart = \"{start}\"\nplace = \"{place}\"\n"
        ));
    }
    text
}

#[test]
fn an_end_covers_its_whole_day_so_a_timed_start_may_end_that_day_but_not_the_day_before() {
    let check = |start: &str, end: &str| {
        let text = common_trip(&[("a", start, "astana")]).replace(
            &format!("start = \"{start}\"\n"),
            &format!("start = \"{start}\"\nend = \"{end}\"\n"),
        );
        itinera::format::check_text(
            std::path::Path::new("t.toml"),
            itinera::format::FileFormat::Toml,
            text,
        )
        .into_valid()
        .is_ok()
    };
    assert!(check("2015-11-01T14:30", "2015-11-01"));
    assert!(check("2015-11", "2015-11-01"));
    assert!(!check("2015-11-02", "2015-11-01T23:00"));
    assert!(!check("2015-11-03", "2015-11-01"));
}
