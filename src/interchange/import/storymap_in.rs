//! StoryMapJS JSON (`{"storymap": {"slides": [...]}}`), read.
//!
//! Slides with a `location` are placed there (country and timezone from the nearest city).
//! StoryMapJS dates are display text only, so they are read in the common written forms
//! ("2 November 2015", "Nov 2, 2015", "November 2015", "2015"); a slide with no readable date
//! is reported and left out.

use serde_json::Value;

use super::geocode::Placer;
use super::import_problem::{ImportProblem, JsonInput};
use super::incoming::IncomingPlace;
use super::part::{Part, PartRead};
use super::progress::Progress;
use super::slide_in::incoming_slide;
use super::written_date::{month_and_day, read_date};
use crate::interchange::html::to_plain;
use crate::model::{FieldPath, Trip};

/// Read a StoryMapJS document into `trip`.
pub fn from_storymap_json(
    input: &JsonInput<'_>,
    trip: &mut Trip,
    placer: &mut Placer<'_>,
    progress: &Progress,
) -> PartRead {
    let value = &input.value;
    let slides_path = FieldPath::root().key("storymap").key("slides");
    let Some(slides) = value.pointer("/storymap/slides").and_then(Value::as_array) else {
        return Ok(Err(vec![ImportProblem::error(
            1,
            1,
            "there is no `storymap.slides` list",
            "a StoryMapJS file has {\"storymap\": {\"slides\": [ … ]}}",
        )]));
    };
    let mut part = Part::default();
    // The year of the last slide with a full date, for slides that give only a day ("Aug 23",
    // as in Knight Lab's own examples).
    let mut last_year: Option<String> = None;
    for (i, slide) in slides.iter().enumerate() {
        progress.check()?;
        progress.set(i, slides.len());
        if slide.get("type").and_then(Value::as_str) == Some("overview") {
            trip.title = slide
                .pointer("/text/headline")
                .and_then(Value::as_str)
                .map(to_plain)
                .unwrap_or_default();
            trip.summary = slide
                .pointer("/text/text")
                .and_then(Value::as_str)
                .map(to_plain)
                .unwrap_or_default();
            continue;
        }
        part.records += 1;
        let (line, column) = input.line_col(&slides_path.index(i));
        let mut incoming = incoming_slide(slide, line, column);
        if incoming.start.is_none() {
            let written = slide.get("date").and_then(Value::as_str).unwrap_or_default();
            let (start, end) = written.split_once(['–', '—']).unwrap_or((written, ""));
            incoming.start = read_date(start);
            incoming.end = read_date(end).unwrap_or_default();
            if incoming.start.is_none()
                && let Some((month, day)) = month_and_day(start)
            {
                let message = match &last_year {
                    Some(year) => {
                        incoming.start = Some(format!("{year}-{month:02}-{day:02}"));
                        format!(
                            "the date `{}` has no year; it is taken as {year}, the year of the slide before",
                            start.trim()
                        )
                    }
                    None => format!(
                        "the date `{}` has no year, and no slide before it has one; it is left out",
                        start.trim()
                    ),
                };
                part.warnings.push(ImportProblem::warning(
                    line,
                    column,
                    message,
                    "write the year in the slide's date, e.g. \"Aug 23, 2015\"",
                ));
            }
        }
        if let Some(start) = &incoming.start {
            last_year = start
                .get(..4)
                .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_owned);
        }
        if !matches!(incoming.place, IncomingPlace::Known(_)) {
            let number = |key: &str| slide.pointer(&format!("/location/{key}")).and_then(Value::as_f64);
            if let (Some(lat), Some(lon)) = (number("lat"), number("lon")) {
                let name = slide
                    .pointer("/location/name")
                    .and_then(Value::as_str)
                    .map(to_plain)
                    .unwrap_or_default();
                incoming.place = IncomingPlace::At { name, lat, lon };
            }
        }
        incoming.add_to(trip, placer, &mut part);
    }
    Ok(Ok(part))
}
