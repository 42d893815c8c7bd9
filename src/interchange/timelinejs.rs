//! TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html), both ways.
//!
//! Export: one slide per resolved event, in time order. Dates are written at their precision
//! (a month-precision date has no `day`), with `display_date` saying it the way the app does
//! ("November 2015", "Mon 2 Nov 2015"), since TimelineJS would otherwise show a precise day.
//! The first quote is the slide's media as a `<blockquote>` (TimelineJS shows it as a quote),
//! `group` is the place name, and an `itinera` member (which TimelineJS ignores) keeps what
//! TimelineJS has no field for (place, kind, all quotes), so a round trip loses nothing.
//!
//! Import reads slides from any TimelineJS file: the `itinera` member when present; otherwise
//! the group, then a city named in the headline or text, places the event.

use serde::Deserialize as _;
use serde_json::{Map, Value, json};

use super::geocode::Placer;
use super::html::{escape, to_plain};
use super::import::{Part, PartRead};
use super::incoming::{Incoming, IncomingPlace, IncomingQuote};
use super::problem::{ImportProblem, JsonInput, Progress};
use crate::model::describe::describe_time;
use crate::model::{Chronology, EventKind, FieldPath, Place, Precision, Trip, TripTime};

/// The trip as a TimelineJS JSON document.
pub fn to_timeline_json(trip: &Trip, chronology: &Chronology) -> Value {
    let events: Vec<Value> = chronology
        .order
        .iter()
        .filter_map(|&i| event_slide(trip, chronology, i))
        .collect();
    json!({
        "title": { "text": title_text(trip) },
        "events": events,
        "itinera": { "travellers": trip.travellers, "story": trip.story },
    })
}

/// The trip's title and summary as a TimelineJS (or StoryMapJS) `text` object.
pub(super) fn title_text(trip: &Trip) -> Value {
    json!({ "headline": escape(&trip.title), "text": format!("<p>{}</p>", escape(&trip.summary)) })
}

/// The TimelineJS slide of resolved event `index` (StoryMapJS slides share its text, media and
/// `itinera` member); `None` when the event did not resolve.
pub(super) fn event_slide(trip: &Trip, chronology: &Chronology, index: usize) -> Option<Value> {
    let (event, resolved) = (trip.events.get(index)?, chronology.event(index)?);
    let place = trip.places.get(resolved.place)?;
    let mut slide = json!({
        "unique_id": event.id,
        "start_date": date_object(&resolved.start),
        "text": { "headline": escape(&event.title), "text": slide_html(trip, event) },
        "group": place.name,
        "itinera": extension(trip, event, place),
    });
    if let Some(end) = resolved.end.as_ref().filter(|end| **end != resolved.start) {
        slide["end_date"] = date_object(end);
        slide["display_date"] = json!(crate::model::describe::describe_dates(resolved));
    }
    if let Some(quote) = event.quotes.first() {
        slide["media"] = json!({
            "url": format!("<blockquote>{}</blockquote>", escape(&quote.text)),
            "credit": speaker_credit(trip, &quote.speaker),
            "caption": escape(&quote.context),
        });
    }
    Some(slide)
}

/// A TimelineJS date object at `time`'s precision.
fn date_object(time: &TripTime) -> Value {
    use chrono::{Datelike as _, Timelike as _};
    let local = time.local;
    let mut date = Map::new();
    date.insert("year".into(), json!(local.year()));
    if time.precision >= Precision::Month {
        date.insert("month".into(), json!(local.month()));
    }
    if time.precision >= Precision::Day {
        date.insert("day".into(), json!(local.day()));
    }
    if time.precision >= Precision::Minute {
        date.insert("hour".into(), json!(local.hour()));
        date.insert("minute".into(), json!(local.minute()));
    }
    date.insert("display_date".into(), json!(describe_time(time)));
    Value::Object(date)
}

/// "Name, Role" for a speaker id.
fn speaker_credit(trip: &Trip, id: &str) -> String {
    match trip.person(id) {
        Some(p) if p.role.is_empty() => escape(&p.name),
        Some(p) => escape(&format!("{}, {}", p.name, p.role)),
        None => escape(id),
    }
}

/// The slide text: the summary, meetings and sources as HTML.
fn slide_html(trip: &Trip, event: &crate::model::Event) -> String {
    let mut html = String::new();
    if !event.summary.is_empty() {
        html += &format!("<p>{}</p>", escape(&event.summary));
    }
    for meeting in &event.meetings {
        let with: Vec<String> = meeting.with.iter().map(|id| speaker_credit(trip, id)).collect();
        html += &format!("<p><b>Meeting with {}</b>", with.join("; "));
        if !meeting.topics.is_empty() {
            html += &format!(": {}", escape(&meeting.topics.join(", ")));
        }
        html += "</p>";
    }
    for quote in event.quotes.iter().skip(1) {
        html += &format!(
            "<blockquote>{}<br>— {}</blockquote>",
            escape(&quote.text),
            speaker_credit(trip, &quote.speaker)
        );
    }
    let sources: Vec<String> = event
        .sources
        .iter()
        .filter_map(|id| trip.source(id))
        .map(|s| match crate::model::trip::is_web_link(&s.url) {
            true => format!("<a href=\"{}\">{}</a>", escape(&s.url), escape(&s.title)),
            false => escape(&s.title),
        })
        .collect();
    if !sources.is_empty() {
        html += &format!("<p><small>Sources: {}</small></p>", sources.join("; "));
    }
    html
}

/// What TimelineJS has no field for, to read back losslessly: the event record with the place,
/// people and sources it refers to.
fn extension(trip: &Trip, event: &crate::model::Event, place: &Place) -> Value {
    let mut people: Vec<&String> = event.participants.iter().collect();
    people.extend(event.quotes.iter().map(|q| &q.speaker));
    people.extend(event.meetings.iter().flat_map(|m| &m.with));
    people.sort();
    people.dedup();
    let people: Vec<&crate::model::Person> = people.into_iter().filter_map(|id| trip.person(id)).collect();
    let mut sources: Vec<&String> = event
        .sources
        .iter()
        .chain(event.quotes.iter().map(|q| &q.source))
        .collect();
    sources.sort();
    sources.dedup();
    let sources: Vec<&crate::model::Source> = sources.into_iter().filter_map(|id| trip.source(id)).collect();
    json!({ "event": event, "place": place, "people": people, "sources": sources })
}

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

/// A TimelineJS slide (from JSON or a spreadsheet row turned into the same shape).
pub(super) fn incoming_slide(slide: &Value, line: usize, column: usize) -> Incoming {
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
    let year = field("year")?;
    Some(match (field("month"), field("day"), field("hour")) {
        (None, ..) => format!("{year:04}"),
        (Some(month), None, _) => format!("{year:04}-{month:02}"),
        (Some(month), Some(day), None) => format!("{year:04}-{month:02}-{day:02}"),
        (Some(month), Some(day), Some(hour)) => {
            format!(
                "{year:04}-{month:02}-{day:02}T{hour:02}:{:02}",
                field("minute").unwrap_or(0)
            )
        }
    })
}
