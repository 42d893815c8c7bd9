//! Properties that must hold for any trip, not just the ones we wrote: writing a trip as TOML
//! or JSON and reading it back gives the same trip, also when the TOML is written over the text
//! of another trip (the editor's save path, which keeps formatting and comments).

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
    )
        .prop_map(
            |(id, title, start, summary, participants, quote, picture)| Event {
                id,
                title,
                start,
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
