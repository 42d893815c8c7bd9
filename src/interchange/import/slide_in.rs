//! A TimelineJS slide as an [`Incoming`] event: the shape TimelineJS JSON, the TimelineJS
//! spreadsheet (each row turned into a slide) and StoryMapJS slides share.
//!
//! A leaf of the readers: it knows the slide's fields and our `itinera` member, nothing of
//! the file around it.

use serde::Deserialize as _;
use serde_json::Value;

use super::incoming::{Incoming, IncomingPlace, IncomingQuote};
use crate::interchange::html::to_plain;
use crate::model::{EventKind, Place};

/// A TimelineJS slide (from JSON or a spreadsheet row turned into the same shape).
pub fn incoming_slide(slide: &Value, line: usize, column: usize) -> Incoming {
    let text = |pointer: &str| {
        slide
            .pointer(pointer)
            .and_then(Value::as_str)
            .map(to_plain)
            .unwrap_or_default()
    };
    let ext = slide.get("itinera");
    let record = ext.and_then(|e| {
        let event = crate::model::Event::deserialize(e.get("event")?).ok()?;
        let people = Vec::deserialize(e.get("people")?).unwrap_or_default();
        let sources = Vec::deserialize(e.get("sources")?).unwrap_or_default();
        Some((event, people, sources))
    });
    let place = match ext
        .and_then(|e| e.get("place"))
        .and_then(|p| Place::deserialize(p).ok())
    {
        Some(place) => IncomingPlace::Known(place),
        None => match text("/group") {
            group if group.is_empty() => IncomingPlace::Unknown,
            group => IncomingPlace::Named(group),
        },
    };
    let url = slide
        .pointer("/media/url")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let quotes = if url.trim_start().to_ascii_lowercase().starts_with("<blockquote") {
        vec![IncomingQuote {
            text: to_plain(url).trim_matches(['“', '”', '"']).to_owned(),
            speaker: text("/media/credit"),
            context: text("/media/caption"),
        }]
    } else {
        Vec::new()
    };
    // The visible dates win, but where they say what the record says, the record's spelling
    // keeps what TimelineJS cannot (the `~` of an approximate date); StoryMapJS slides have no
    // machine-readable dates, so there the record's are used.
    let date = |key: &str, written: Option<&String>| {
        let visible = slide.get(key).and_then(trip_time);
        match (visible, written) {
            (Some(v), Some(w)) if w.trim_end_matches('~') == v => Some(w.clone()),
            (None, Some(w)) if !w.is_empty() => Some(w.clone()),
            (visible, _) => visible,
        }
    };
    let start = date("start_date", record.as_ref().map(|r| &r.0.start));
    let end = date("end_date", record.as_ref().map(|r| &r.0.end)).unwrap_or_default();
    Incoming {
        line,
        column,
        id: slide
            .get("unique_id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        title: text("/text/headline"),
        summary: text("/text/text"),
        kind: EventKind::default(),
        start,
        end,
        place,
        quotes,
        record,
    }
}

/// A TimelineJS date object in trip-time notation at the precision its fields give
/// (`{"year": 2015, "month": 11}` → `2015-11`); fields may be numbers or strings.
fn trip_time(date: &Value) -> Option<String> {
    let field = |key: &str| -> Option<i64> {
        match date.get(key)? {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    };
    // TimelineJS writes 500 BC as -500, as trip files do.
    let year = crate::model::time::written_year(field("year")?);
    Some(match (field("month"), field("day"), field("hour")) {
        (None, ..) => year,
        (Some(month), None, _) => format!("{year}-{month:02}"),
        (Some(month), Some(day), None) => format!("{year}-{month:02}-{day:02}"),
        (Some(month), Some(day), Some(hour)) => {
            format!(
                "{year}-{month:02}-{day:02}T{hour:02}:{:02}",
                field("minute").unwrap_or(0)
            )
        }
    })
}
