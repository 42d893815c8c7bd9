//! What one trip may hold: at most [`MAX_EVENTS`] events and [`MAX_TEXT_BYTES`] in any one
//! text. Past them a file could make the app lay out megabytes of text in a label or hold
//! more events than it can draw, so each is an error at its field, saying the limit and what
//! to do; the file is not opened. (How large a file may be is bounded when it is read, in
//! `format::text_file`, and how deep it may nest, by each parser.)
//!
//! The checks only compare lengths, so they cost nothing next to the rest of validation.

use super::problem::{FieldPath, Problem};
use super::trip::Trip;

/// The most events a trip may have: twice the million the app is measured with.
pub const MAX_EVENTS: usize = 2_000_000;

/// The longest any one text may be, in bytes: about forty printed pages.
pub const MAX_TEXT_BYTES: usize = 100_000;

/// The limits `trip` goes past, each at its field.
pub fn problems(trip: &Trip) -> Vec<Problem> {
    let root = FieldPath::root();
    let mut out = Vec::new();
    out.extend(too_many_events(trip.events.len()));
    let mut texts = Texts(&mut out);
    texts.fields(&root, &[("title", &trip.title), ("summary", &trip.summary)]);
    texts.list(&root, "travellers", &trip.travellers);
    texts.list(&root, "story", &trip.story);
    for (i, place) in trip.places.iter().enumerate() {
        let path = root.key("places").index(i);
        let fields = [
            ("id", &place.id),
            ("name", &place.name),
            ("country", &place.country),
            ("timezone", &place.timezone),
        ];
        texts.fields(&path, &fields);
        texts.list(&path, "alt_names", &place.alt_names);
    }
    for (i, person) in trip.people.iter().enumerate() {
        let path = root.key("people").index(i);
        let fields = [
            ("id", &person.id),
            ("name", &person.name),
            ("role", &person.role),
            ("country", &person.country),
        ];
        texts.fields(&path, &fields);
    }
    for (i, source) in trip.sources.iter().enumerate() {
        let path = root.key("sources").index(i);
        let fields = [
            ("id", &source.id),
            ("title", &source.title),
            ("publisher", &source.publisher),
            ("date", &source.date),
            ("url", &source.url),
        ];
        texts.fields(&path, &fields);
    }
    for (i, event) in trip.events.iter().enumerate() {
        let path = root.key("events").index(i);
        let fields = [
            ("id", &event.id),
            ("title", &event.title),
            ("start", &event.start),
            ("end", &event.end),
            ("place", &event.place),
            ("summary", &event.summary),
            ("notes", &event.notes),
            ("journey", &event.journey),
        ];
        texts.fields(&path, &fields);
        texts.list(&path, "participants", &event.participants);
        texts.list(&path, "sources", &event.sources);
        for (j, meeting) in event.meetings.iter().enumerate() {
            let path = path.key("meetings").index(j);
            texts.fields(&path, &[("summary", &meeting.summary)]);
            texts.list(&path, "with", &meeting.with);
            texts.list(&path, "topics", &meeting.topics);
        }
        for (j, quote) in event.quotes.iter().enumerate() {
            let fields = [
                ("speaker", &quote.speaker),
                ("text", &quote.text),
                ("context", &quote.context),
                ("source", &quote.source),
            ];
            texts.fields(&path.key("quotes").index(j), &fields);
        }
        for (j, media) in event.media.iter().enumerate() {
            let fields = [
                ("path", &media.path),
                ("caption", &media.caption),
                ("credit", &media.credit),
                ("alt", &media.alt),
            ];
            texts.fields(&path.key("media").index(j), &fields);
        }
    }
    out
}

/// The error for a trip of `count` events, if that is past [`MAX_EVENTS`].
fn too_many_events(count: usize) -> Option<Problem> {
    (count > MAX_EVENTS).then(|| {
        Problem::error(
            FieldPath::root().key("events"),
            format!("the trip has {count} events, more than the {MAX_EVENTS} Itinera opens"),
            "split it into several trips, e.g. by traveller or by decade",
        )
    })
}

/// Reports texts longer than [`MAX_TEXT_BYTES`].
struct Texts<'a>(&'a mut Vec<Problem>);

impl Texts<'_> {
    /// Check the named fields of the record at `path`.
    fn fields(&mut self, path: &FieldPath, fields: &[(&str, &String)]) {
        for (key, value) in fields {
            self.check(path.key(key), value);
        }
    }

    /// Check each item of the list `key` of the record at `path`.
    fn list(&mut self, path: &FieldPath, key: &str, values: &[String]) {
        for (i, value) in values.iter().enumerate() {
            self.check(path.key(key).index(i), value);
        }
    }

    fn check(&mut self, path: FieldPath, value: &str) {
        if value.len() > MAX_TEXT_BYTES {
            self.0.push(Problem::error(
                path,
                format!(
                    "this text is {} bytes long, more than the {MAX_TEXT_BYTES} one text may hold",
                    value.len()
                ),
                "shorten it; a long document belongs in a source, linked by its address",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::trip::{Event, Quote};

    #[test]
    fn a_text_past_the_limit_is_an_error_at_its_field_and_one_at_the_limit_is_not() {
        let quote = |text: String| Quote {
            text,
            ..Quote::default()
        };
        let trip = Trip {
            events: vec![Event {
                quotes: vec![
                    quote("x".repeat(MAX_TEXT_BYTES)),
                    quote("x".repeat(MAX_TEXT_BYTES + 1)),
                ],
                ..Event::default()
            }],
            ..Trip::default()
        };
        let found = problems(&trip);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path.to_string(), "events[0].quotes[1].text");
        assert!(found[0].message.contains("100000"), "{}", found[0].message);
    }

    #[test]
    fn more_events_than_the_limit_is_an_error_on_the_list() {
        assert!(too_many_events(MAX_EVENTS).is_none());
        let problem = too_many_events(MAX_EVENTS + 1).expect("an error");
        assert_eq!(problem.path.to_string(), "events");
        assert!(problem.message.contains("2000001 events"), "{}", problem.message);
    }
}
