//! TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html), written.
//!
//! One slide per resolved event, in time order. Dates are written at their precision (a
//! month-precision date has no `day`), with `display_date` saying it the way the app does
//! ("November 2015", "Mon 2 Nov 2015"), since TimelineJS would otherwise show a precise day.
//! The first quote is the slide's media as a `<blockquote>` (TimelineJS shows it as a quote),
//! `group` is the place name, and an `itinera` member (which TimelineJS ignores) keeps what
//! TimelineJS has no field for (place, kind, all quotes), so a round trip loses nothing.

use serde_json::{Value, json};

use super::slide_out::{event_slide, title_text};
use crate::model::{Chronology, Trip};

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
