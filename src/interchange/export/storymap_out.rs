//! StoryMapJS JSON (`{"storymap": {"slides": [...]}}`), written.
//!
//! An overview slide with the title and summary, then one slide per resolved event in time
//! order, each at its place's coordinates with the route line drawn, its local dates as the
//! display date, its first quote as a `<blockquote>` media, and an `itinera` member (ignored by
//! StoryMapJS) with the place, kind, dates and quotes for a lossless round trip.

use serde_json::{Value, json};

use super::slide_out::{event_slide, title_text};
use crate::interchange::html::escape;
use crate::model::Chronology;
use crate::model::Trip;
use crate::model::describe::describe_dates;

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
