//! The trip as CSV, one row per event in time order, quoted per RFC 4180 so any spreadsheet
//! opens it. Lists (participants, sources) are joined with "; "; the first quote of an event
//! is written with its speaker and source ids.

use crate::interchange::csv_layout::COLUMNS;
use crate::model::{Chronology, Trip};

/// The trip's events as CSV text with a header row.
pub fn to_csv(trip: &Trip, chronology: &Chronology) -> String {
    let mut out = row(COLUMNS.map(str::to_owned));
    for &i in &chronology.order {
        let (Some(event), Some(resolved)) = (trip.events.get(i), chronology.event(i)) else {
            continue;
        };
        let place = trip.places.get(resolved.place);
        let number = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
        let quote = event.quotes.first();
        let quote_field =
            |f: fn(&crate::model::Quote) -> &String| quote.map_or(String::new(), |q| f(q).clone());
        out.push_str(&row([
            event.id.clone(),
            event.title.clone(),
            event.kind.id().to_owned(),
            event.start.clone(),
            event.end.clone(),
            event.place.clone(),
            place.map_or(String::new(), |p| p.name.clone()),
            place.map_or(String::new(), |p| p.country.clone()),
            number(place.and_then(|p| p.lat)),
            number(place.and_then(|p| p.lon)),
            place.map_or(String::new(), |p| p.timezone.clone()),
            event.summary.clone(),
            event.participants.join("; "),
            event.sources.join("; "),
            quote_field(|q| &q.text),
            quote_field(|q| &q.speaker),
            quote_field(|q| &q.source),
            match event.sequence {
                0 => String::new(),
                n => n.to_string(),
            },
        ]));
    }
    out
}

/// One CSV line: fields with a comma, quote or line break are quoted, quotes doubled. Taking
/// exactly one field per column makes a row that does not match the header a compile error.
fn row(fields: [String; COLUMNS.len()]) -> String {
    let fields: Vec<String> = fields
        .into_iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect();
    format!("{}\r\n", fields.join(","))
}
