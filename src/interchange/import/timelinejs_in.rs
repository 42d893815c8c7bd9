//! TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html), read.
//!
//! Slides from any TimelineJS file: the `itinera` member (written by our export) when present;
//! otherwise the group, then a city named in the headline or text, places the event.

use serde_json::Value;

use super::geocode::Placer;
use super::import_problem::{ImportProblem, JsonInput};
use super::part::{Part, PartRead};
use super::progress::Progress;
use super::slide_in::incoming_slide;
use crate::interchange::html::to_plain;
use crate::model::{FieldPath, Trip};

/// Read a TimelineJS JSON document into `trip`.
pub fn from_timeline_json(
    input: &JsonInput<'_>,
    trip: &mut Trip,
    placer: &mut Placer<'_>,
    progress: &Progress,
) -> PartRead {
    let value = &input.value;
    let at = |path: &FieldPath| input.line_col(path);
    let Some(events) = value.get("events").and_then(Value::as_array) else {
        let (line, column) = at(&FieldPath::root());
        return Ok(Err(vec![ImportProblem::error(
            line,
            column,
            "there is no `events` list",
            "a TimelineJS file has {\"events\": [ … ]}",
        )]));
    };
    if let Some(title) = value.pointer("/title/text/headline").and_then(Value::as_str) {
        trip.title = to_plain(title);
    }
    if let Some(summary) = value.pointer("/title/text/text").and_then(Value::as_str) {
        trip.summary = to_plain(summary);
    }
    let list = |key: &str| -> Vec<String> {
        value
            .pointer(&format!("/itinera/{key}"))
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    };
    (trip.travellers, trip.story) = (list("travellers"), list("story"));
    let mut part = Part {
        records: events.len(),
        ..Part::default()
    };
    for (i, slide) in events.iter().enumerate() {
        progress.check()?;
        progress.set(i, events.len());
        let (line, column) = at(&FieldPath::root().key("events").index(i));
        incoming_slide(slide, line, column).add_to(trip, placer, &mut part);
    }
    Ok(Ok(part))
}
