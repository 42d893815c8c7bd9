//! An event as another tool describes it, and how it joins a trip.
//!
//! TimelineJS, StoryMapJS and GeoJSON each say less than a trip file: TimelineJS has dates but
//! no places, StoryMapJS places but only display dates, GeoJSON coordinates but no standard
//! date. Their importers fill an [`Incoming`]; [`Incoming::add_to`] places it (coordinates, then
//! a place name, then a city named in the text, all offline), turns speakers into people, and
//! either adds the event or reports why it cannot, with the record's line and column.

use super::geocode::Placer;
use super::import_problem::ImportProblem;
use super::part::{Origin, Part, add_missing};
use crate::model::refs::fresh_id;
use crate::model::{Event, EventKind, Person, Place, Quote, Trip, TripTime};

/// Where an incoming event happened, as precisely as its format says.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum IncomingPlace {
    /// A full place (from an Itinera export's extension data).
    Known(Place),
    /// Coordinates with an optional name.
    At {
        /// A name for the place, if given.
        name: String,
        /// Latitude in degrees.
        lat: f64,
        /// Longitude in degrees.
        lon: f64,
    },
    /// Only a name ("Astana") to look up in the gazetteer.
    Named(String),
    /// Nothing; a city named in the title or text may still place it.
    #[default]
    Unknown,
}

/// A quote as it arrives: the speaker by name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IncomingQuote {
    /// The speaker's name (and role after a comma, as TimelineJS credits often say).
    pub speaker: String,
    /// The words.
    pub text: String,
    /// The circumstances.
    pub context: String,
}

/// One event read from another format.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    /// Line and column of the record in the input.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// Its id, if the format has one.
    pub id: String,
    /// Title (headline).
    pub title: String,
    /// Plain-text summary.
    pub summary: String,
    /// Kind, if known.
    pub kind: EventKind,
    /// Start in trip-time notation, if the record has a date.
    pub start: Option<String>,
    /// End in trip-time notation, or empty.
    pub end: String,
    /// Where.
    pub place: IncomingPlace,
    /// Quotes.
    pub quotes: Vec<IncomingQuote>,
    /// The whole event as an Itinera export wrote it, with the people and sources it refers
    /// to: everything the format has no field for (meetings, participants, notes, quote
    /// sources) comes from here; title, dates and place still come from the visible fields.
    pub record: Option<(Event, Vec<Person>, Vec<crate::model::Source>)>,
}

impl Incoming {
    /// Add the event to `trip`, or report in `part` why it cannot be added.
    pub fn add_to(self, trip: &mut Trip, placer: &mut Placer<'_>, part: &mut Part) {
        let label = if self.title.is_empty() {
            "an untitled event".to_owned()
        } else {
            format!("\"{}\"", self.title)
        };
        let warn = |part: &mut Part, message: String, help: &str| {
            part.warnings
                .push(ImportProblem::warning(self.line, self.column, message, help));
        };
        let Some(start) = self.start.clone().filter(|s| !s.is_empty()) else {
            warn(
                part,
                format!("{label} has no date; it is left out"),
                "give it a date (e.g. 2015-11-02) and import again, or add it in the app",
            );
            return;
        };
        for (value, name) in [(&start, "start"), (&self.end, "end")] {
            if !value.is_empty()
                && let Err(error) = TripTime::parse(value)
            {
                warn(
                    part,
                    format!(
                        "{label}: the {name} date `{value}` cannot be read ({error}); the event is left out"
                    ),
                    "write dates as YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM",
                );
                return;
            }
        }
        let place = match &self.place {
            IncomingPlace::Known(place) => Some(placer.known(trip, place.clone())),
            IncomingPlace::At { name, lat, lon } => {
                let name = if name.is_empty() { &self.title } else { name };
                placer.at(trip, name, *lat, *lon)
            }
            IncomingPlace::Named(name) => placer.place(trip, name, &[]),
            IncomingPlace::Unknown => None,
        };
        let place = match place {
            Some(place) => place,
            None => match placer.place_in_text(trip, &format!("{}\n{}", self.title, self.summary)) {
                Some((place, city)) => {
                    warn(
                        part,
                        format!("{label} has no place; it is put at {city}, which its text names"),
                        "check the place in the app",
                    );
                    place
                }
                None => {
                    let named = match &self.place {
                        IncomingPlace::Named(name) => format!(" (\"{name}\" is not in the gazetteer)"),
                        _ => String::new(),
                    };
                    warn(
                        part,
                        format!("{label} has no place that can be found offline{named}; it is left out"),
                        "add it in the app with Find a city, or give the record coordinates",
                    );
                    return;
                }
            },
        };
        let base = if self.id.is_empty() { &self.title } else { &self.id };
        let id = placer.event_id(base);
        if !self.id.is_empty() && id != self.id {
            warn(
                part,
                format!(
                    "{label} has the id `{}` of an earlier record; it is imported as `{id}`",
                    self.id
                ),
                "give each record its own id",
            );
        }
        part.placed += 1;
        let event = match self.record {
            Some((record, people, sources)) => {
                add_missing(trip, people, sources);
                Event {
                    id,
                    title: self.title,
                    start,
                    end: self.end,
                    place,
                    ..record
                }
            }
            None => {
                let quotes = self.quotes.iter().map(|q| Quote {
                    speaker: speaker_id(trip, q),
                    text: q.text.clone(),
                    context: q.context.clone(),
                    source: String::new(),
                });
                let quotes = quotes.collect();
                Event {
                    id,
                    title: self.title,
                    kind: self.kind,
                    start,
                    end: self.end,
                    place,
                    summary: self.summary,
                    quotes,
                    ..Event::default()
                }
            }
        };
        trip.events.push(event);
        part.origins.push(Origin::at(self.line, self.column));
    }
}

/// The id of the quote's speaker, adding a person the first time a name is seen.
fn speaker_id(trip: &mut Trip, quote: &IncomingQuote) -> String {
    let (name, role) = match quote.speaker.split_once(',') {
        Some((name, role)) => (name.trim(), role.trim()),
        None => (quote.speaker.trim(), ""),
    };
    let name = name.trim_start_matches(['—', '–', '-', ' ']);
    if name.is_empty() {
        return String::new();
    }
    if let Some(person) = trip.people.iter().find(|p| p.name == name) {
        return person.id.clone();
    }
    let id = fresh_id(name, |id| trip.person(id).is_some());
    trip.people.push(Person {
        id: id.clone(),
        name: name.to_owned(),
        role: role.to_owned(),
        country: String::new(),
    });
    id
}
