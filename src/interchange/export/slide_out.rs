//! The slide both JSON timelines are built from: one resolved event as a TimelineJS slide
//! (dates at their precision, the summary, meetings and sources as HTML, the first quote as
//! `<blockquote>` media) with an `itinera` member that keeps what TimelineJS has no field for.
//!
//! A leaf of the exporters: [`super::timelinejs_out`] writes these slides as they are, and
//! [`super::storymap_out`] places the same text and media on the map.

use serde_json::{Map, Value, json};

use crate::interchange::html::escape;
use crate::model::describe::describe_time;
use crate::model::{Chronology, Place, Precision, Trip, TripTime};

/// The trip's title and summary as a TimelineJS (or StoryMapJS) `text` object.
pub fn title_text(trip: &Trip) -> Value {
    json!({ "headline": escape(&trip.title), "text": format!("<p>{}</p>", escape(&trip.summary)) })
}

/// The TimelineJS slide of resolved event `index` (StoryMapJS slides share its text, media and
/// `itinera` member); `None` when the event did not resolve.
pub fn event_slide(trip: &Trip, chronology: &Chronology, index: usize) -> Option<Value> {
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
    // TimelineJS counts years BC as negative numbers with no year 0, as trip files do.
    date.insert(
        "year".into(),
        json!(crate::model::time::historical_year(local.year())),
    );
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
