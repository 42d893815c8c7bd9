//! Properties that must hold for any trip, not just the ones we wrote: writing a trip as TOML
//! or JSON and reading it back gives the same trip, also when the TOML is written over the text
//! of another trip (the editor's save path, which keeps formatting and comments); and the
//! chronology's order is total and the same whatever the order of the file's events.

use itinera::format::write::to_text;
use itinera::format::{FileFormat, check_text};
use itinera::model::trip::{Event, Media, Place, Quote, Trip};
use proptest::prelude::*;

/// Any text a user might type, including quotes, backslashes, newlines and other scripts.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ,.'\"\\\\-]{0,24}",
        "\\PC{0,16}",
        "[a-z]{0,8}\n[^\u{0}]{0,8}",
    ]
}

fn place() -> impl Strategy<Value = Place> {
    (text(), text(), -90.0f64..=90.0, -180.0f64..=180.0, text()).prop_map(|(id, name, lat, lon, timezone)| {
        Place {
            id,
            name,
            lat: Some(lat),
            lon: Some(lon),
            timezone,
            ..Place::default()
        }
    })
}

fn event() -> impl Strategy<Value = Event> {
    (
        text(),
        text(),
        text(),
        text(),
        proptest::collection::vec(text(), 0..3),
        proptest::option::of((text(), text())),
        proptest::option::of(text()),
        0u32..4,
    )
        .prop_map(
            |(id, title, start, summary, participants, quote, picture, sequence)| Event {
                id,
                title,
                start,
                sequence,
                summary,
                participants,
                quotes: quote
                    .map(|(speaker, text)| Quote {
                        speaker,
                        text,
                        ..Quote::default()
                    })
                    .into_iter()
                    .collect(),
                media: picture
                    .map(|path| Media {
                        path,
                        ..Media::default()
                    })
                    .into_iter()
                    .collect(),
                ..Event::default()
            },
        )
}

fn trip() -> impl Strategy<Value = Trip> {
    (
        text(),
        text(),
        proptest::collection::vec(place(), 0..4),
        proptest::collection::vec(event(), 0..6),
        proptest::option::of(2.0f64..600.0),
    )
        .prop_map(|(title, summary, places, events, slide_seconds)| Trip {
            format: 1,
            title,
            summary,
            places,
            events,
            slide_seconds,
            ..Trip::default()
        })
}

/// The trip read back from `text`, whatever the validation says of it.
fn read_back(text: String, format: FileFormat) -> Option<Trip> {
    let name = match format {
        FileFormat::Toml => "trip.toml",
        FileFormat::Json => "trip.json",
    };
    // A name in a folder that does not exist: pictures are not looked up on disk.
    check_text(
        std::path::Path::new("/nonexistent/folder").join(name).as_path(),
        format,
        text,
    )
    .trip
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_trip_written_as_toml_reads_back_the_same(trip in trip()) {
        let text = to_text(&trip, FileFormat::Toml, "").expect("any trip is representable");
        prop_assert_eq!(read_back(text, FileFormat::Toml), Some(trip));
    }

    #[test]
    fn a_trip_written_as_json_reads_back_the_same(trip in trip()) {
        let text = to_text(&trip, FileFormat::Json, "").expect("any trip is representable");
        prop_assert_eq!(read_back(text, FileFormat::Json), Some(trip));
    }

    #[test]
    fn a_trip_saved_over_another_trips_text_reads_back_as_itself(before in trip(), after in trip()) {
        let original = to_text(&before, FileFormat::Toml, "").expect("representable");
        let text = to_text(&after, FileFormat::Toml, &original).expect("representable");
        prop_assert_eq!(read_back(text, FileFormat::Toml), Some(after));
    }
}

/// Events at a few places and times, so that many tie: start, optional end, sequence, place.
fn chronology_events() -> impl Strategy<Value = Vec<Event>> {
    let starts = prop_oneof![
        Just("2015-11-02"),
        Just("2015-11-02T10:00"),
        Just("2015-11"),
        Just("-44-03-15"),
        Just("2015-11-03"),
    ];
    let ends = prop_oneof![Just(""), Just("2015-11-04"), Just("2015-12")];
    let one = (starts, ends, 0u32..3, prop_oneof![Just("astana"), Just("london")]);
    proptest::collection::vec(one, 0..12).prop_map(|events| {
        events
            .into_iter()
            .enumerate()
            .map(|(i, (start, end, sequence, place))| Event {
                // Ids are unique but unrelated to the position: a shuffle moves them.
                id: format!("e{}", (i * 7919) % 101),
                title: format!("Event {i}"),
                start: start.to_owned(),
                end: if end > start {
                    end.to_owned()
                } else {
                    String::new()
                },
                place: place.to_owned(),
                sequence,
                ..Event::default()
            })
            .collect()
    })
}

/// The ids in chronology order of a trip with `events` at Astana (UTC+6) and London.
fn chronology_ids(events: Vec<Event>) -> Vec<String> {
    let place = |id: &str, name: &str, country: &str, lat, lon, timezone: &str| Place {
        id: id.to_owned(),
        name: name.to_owned(),
        country: country.to_owned(),
        lat: Some(lat),
        lon: Some(lon),
        timezone: timezone.to_owned(),
        ..Place::default()
    };
    let trip = Trip {
        format: 1,
        title: "t".to_owned(),
        places: vec![
            place("astana", "Astana", "KZ", 51.18, 71.45, "Asia/Almaty"),
            place("london", "London", "GB", 51.5, -0.13, "Europe/London"),
        ],
        events,
        ..Trip::default()
    };
    let chronology = itinera::model::resolve(&trip).chronology;
    assert_eq!(
        chronology.order.len(),
        trip.events.len(),
        "every event is in the order"
    );
    chronology
        .order
        .iter()
        .map(|&i| trip.events[i].id.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_chronology_is_the_same_whatever_the_order_of_the_files_events(
        (events, shuffled) in chronology_events().prop_flat_map(|events| {
            let shuffled = Just(events.clone()).prop_shuffle();
            (Just(events), shuffled)
        })
    ) {
        prop_assert_eq!(chronology_ids(events), chronology_ids(shuffled));
    }
}
