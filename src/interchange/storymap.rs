//! StoryMapJS JSON (`{"storymap": {"slides": [...]}}`), both ways.
//!
//! Export: an overview slide with the title and summary, then one slide per resolved event in
//! time order, each at its place's coordinates with the route line drawn, its local dates as
//! the display date, its first quote as a `<blockquote>` media, and an `itinera` member
//! (ignored by StoryMapJS) with the place, kind, dates and quotes for a lossless round trip.
//!
//! Import: slides with a `location` are placed there (country and timezone from the nearest
//! city). StoryMapJS dates are display text only, so they are read in the common written
//! forms ("2 November 2015", "Nov 2, 2015", "November 2015", "2015"); a slide with no readable
//! date is reported and left out.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::geocode::Placer;
use super::html::{escape, to_plain};
use super::import::{Part, PartRead};
use super::incoming::IncomingPlace;
use super::problem::{ImportProblem, JsonInput, Progress};
use super::timelinejs::{event_slide, incoming_slide, title_text};
use crate::model::describe::describe_dates;
use crate::model::{Chronology, FieldPath, Trip};

/// Map zoom of an event slide (a city and its surroundings).
const SLIDE_ZOOM: u32 = 9;

/// The trip as a StoryMapJS document.
pub fn to_storymap_json(trip: &Trip, chronology: &Chronology) -> Value {
    let mut slides = vec![json!({ "type": "overview", "text": title_text(trip) })];
    for &i in &chronology.order {
        let (Some(resolved), Some(event)) = (chronology.event(i), event_slide(trip, chronology, i)) else {
            continue;
        };
        let Some(place) = chronology.places.get(resolved.place).copied().flatten() else {
            continue;
        };
        let name = trip.places.get(resolved.place).map_or("", |p| p.name.as_str());
        let mut slide = json!({
            "date": describe_dates(resolved),
            "location": { "lat": place.location.lat_deg, "lon": place.location.lon_deg, "name": escape(name), "zoom": SLIDE_ZOOM, "line": true },
            "text": event["text"].clone(),
            "itinera": event["itinera"].clone(),
        });
        if let Some(media) = event.get("media") {
            slide["media"] = media.clone();
        }
        slides.push(slide);
    }
    json!({ "storymap": { "language": "en", "call_to_action": true, "call_to_action_text": "Start the journey", "slides": slides } })
}

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

/// A date as people write it, in trip-time notation: "2015-11-02", "Mon 2 Nov 2015",
/// "2 November 2015", "November 2, 2015", "November 2015", "2015"; "c." marks it approximate.
pub fn read_date(text: &str) -> Option<String> {
    let text = text.trim();
    let (text, approximate) = match text.strip_prefix("c.") {
        Some(rest) => (rest.trim(), "~"),
        None => (text, ""),
    };
    if text.is_empty() {
        return None;
    }
    if crate::model::TripTime::parse(text).is_ok() {
        return Some(format!("{text}{approximate}"));
    }
    let cleaned = text.replace(',', " ");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    // "November 2015" must not read as day 20 of year 15: a day needs three or more words.
    let words = cleaned.split(' ').count();
    let day_formats: &[&str] = if words >= 3 {
        &[
            "%a %d %b %Y",
            "%d %B %Y",
            "%d %b %Y",
            "%B %d %Y",
            "%b %d %Y",
            "%A %d %B %Y",
            "%A %B %d %Y",
        ]
    } else {
        &[]
    };
    let day = day_formats
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&cleaned, f).ok());
    if let Some(day) = day {
        return Some(format!("{}{approximate}", day.format("%Y-%m-%d")));
    }
    let month = ["%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&format!("1 {cleaned}"), f).ok());
    month.map(|m| format!("{}{approximate}", m.format("%Y-%m")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_are_read_at_their_precision() {
        assert_eq!(read_date("Mon 2 Nov 2015").as_deref(), Some("2015-11-02"));
        assert_eq!(read_date("November 2, 2015").as_deref(), Some("2015-11-02"));
        assert_eq!(read_date("2 November 2015").as_deref(), Some("2015-11-02"));
        assert_eq!(read_date("November 2015").as_deref(), Some("2015-11"));
        assert_eq!(read_date("c. 1866").as_deref(), Some("1866~"));
        assert_eq!(read_date("sometime"), None);
    }
}
