//! What the fuzzer checks, one function per target: reading any bytes never panics, and what
//! reads round-trips. `tests/fuzz_findings.rs` runs the same functions over every finding kept
//! in `tests/fuzz_findings/`, so a fixed finding stays fixed without the fuzzer.
//!
//! Bytes are decoded as a file's bytes are (byte-order marks, UTF-16), so the decoder is
//! fuzzed too. Trips are compared by their `Debug` text, which sees a NaN as equal to itself.

use std::path::{Path, PathBuf};

use itinera::format::{FileFormat, check_text, text_file, write};
use itinera::interchange::import::{Progress, import_texts, trip_text};

/// A TOML trip file: a trip that parses, saved over its own text (keeping its comments and
/// layout), reads back identical.
pub fn trip_toml(data: &[u8]) {
    trip(data, FileFormat::Toml, "/nonexistent/fuzz.toml");
}

/// A JSON trip file: a trip that parses, saved, reads back identical.
pub fn trip_json(data: &[u8]) {
    trip(data, FileFormat::Json, "/nonexistent/fuzz.json");
}

/// A JSON file to import (TimelineJS, StoryMapJS or GeoJSON, recognised by content).
pub fn import_json(data: &[u8]) {
    import(data, "fuzz.json");
}

/// A CSV file to import (our layout or a TimelineJS spreadsheet, recognised by its header).
pub fn import_csv(data: &[u8]) {
    import(data, "fuzz.csv");
}

/// An XML file to import (the Office of the Historian travel records).
pub fn import_xml(data: &[u8]) {
    import(data, "fuzz.xml");
}

fn trip(data: &[u8], format: FileFormat, name: &str) {
    let Ok(text) = text_file::decode(data.to_vec()) else {
        return;
    };
    let path = Path::new(name);
    let checked = check_text(path, format, text.clone());
    let Some(trip) = checked.trip else {
        return;
    };
    let saved = match write::to_text(&trip, format, &text) {
        Ok(saved) => saved,
        Err(error) => panic!("a trip that was read cannot be written: {error}"),
    };
    let again = check_text(path, format, saved.clone());
    assert_eq!(
        format!("{:?}", again.trip),
        format!("{:?}", Some(trip)),
        "the saved trip reads back differently:\n{saved}\n{}",
        again.report.render()
    );
}

fn import(data: &[u8], name: &str) {
    let Ok(text) = text_file::decode(data.to_vec()) else {
        return;
    };
    let input = Ok((PathBuf::from(name), text));
    let Ok(imported) = import_texts([input], &Progress::default()) else {
        return;
    };
    // What an import writes is a valid trip file that reads back as the trip imported.
    let out = Path::new("/nonexistent/imported.toml");
    let saved = match trip_text(&imported, out) {
        Ok(saved) => saved,
        Err(error) => panic!("an import cannot be written: {error}"),
    };
    let checked = check_text(out, FileFormat::Toml, saved.clone());
    assert!(
        !checked.report.has_errors(),
        "the written import has errors:\n{}\n{saved}",
        checked.report.render()
    );
    assert_eq!(
        format!("{:?}", checked.trip),
        format!("{:?}", Some(imported.trip)),
        "the written import reads back differently:\n{saved}"
    );
}
