//! The trip document: exactly what a trip file says, field for field.
//!
//! These types are what editors write and what the app edits. Values an editor types (dates,
//! timezones, references) are kept as written, even when wrong, so that a half-typed date in the
//! editor or a typo in a file never loses data: [`crate::model::resolve`] checks them and derives
//! the typed view (instants, place indices) the UI draws from. Every field has a default so a
//! file missing several fields reports all of them at once instead of stopping at the first.

use serde::{Deserialize, Serialize};

/// The file format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A whole trip file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Trip {
    /// File format version; must be [`FORMAT_VERSION`].
    pub format: u32,
    /// Title shown in the header, e.g. "John Kerry in Central Asia, 2015".
    pub title: String,
    /// A paragraph that introduces the trip.
    pub summary: String,
    /// Ids of the people who travel (the protagonists), from `people`.
    pub travellers: Vec<String>,
    /// Optional explicit story order (event ids) for presentations; time order when empty.
    pub story: Vec<String>,
    /// Seconds each slide stays up when a presentation autoplays (2–600; 10 when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slide_seconds: Option<f64>,
    /// Where events happen.
    pub places: Vec<Place>,
    /// Who takes part or is quoted.
    pub people: Vec<Person>,
    /// Where the facts come from.
    pub sources: Vec<Source>,
    /// What happened, in any order; the app orders them by time.
    pub events: Vec<Event>,
}

/// A city or site.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Place {
    /// Unique id that events refer to, e.g. `astana`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names and spellings (other scripts, former names), for search.
    pub alt_names: Vec<String>,
    /// ISO 3166-1 alpha-2 country code, e.g. `KZ`.
    pub country: String,
    /// Latitude in degrees, -90..=90. Optional only so that a missing value is reported
    /// instead of silently becoming 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in degrees, -180..=180 (see `lat`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// IANA timezone name, e.g. `Asia/Almaty`; local times at this place are in this zone.
    pub timezone: String,
    /// Whether the coordinates are only a region's or country's centre (a record named no
    /// place the gazetteer knows): the map draws such a stop differently and says so.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

/// A person (or an office that speaks, such as a spokesperson's office).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Unique id that events, meetings and quotes refer to.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Role at the time of the trip, e.g. "President of Kazakhstan".
    pub role: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

/// A document the trip is based on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Source {
    /// Unique id that events and quotes refer to.
    pub id: String,
    /// Title of the article or record.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Publication date in trip-time notation (e.g. `2015-11-02`), or empty if unknown.
    pub date: String,
    /// Where to read it (http or https), or empty.
    pub url: String,
}

/// What kind of thing happened; decides colour and icon.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Arriving at and staying in a place.
    Visit,
    /// Talks with counterparts.
    Meeting,
    /// An address to an audience.
    Speech,
    /// A press conference or statement.
    Press,
    /// A tour of a site.
    Tour,
    /// A dedication, wreath-laying or similar.
    Ceremony,
    /// Moving between places.
    Travel,
    /// Anything else.
    #[default]
    Other,
}

impl EventKind {
    /// Every kind, in the order menus list them.
    pub const ALL: [EventKind; 8] = [
        Self::Visit,
        Self::Meeting,
        Self::Speech,
        Self::Press,
        Self::Tour,
        Self::Ceremony,
        Self::Travel,
        Self::Other,
    ];

    /// The name trip files use, e.g. "meeting" (serde's lower-case spelling).
    pub fn id(self) -> &'static str {
        match self {
            Self::Visit => "visit",
            Self::Meeting => "meeting",
            Self::Speech => "speech",
            Self::Press => "press",
            Self::Tour => "tour",
            Self::Ceremony => "ceremony",
            Self::Travel => "travel",
            Self::Other => "other",
        }
    }

    /// Capitalised name for display.
    pub fn label(self) -> &'static str {
        match self {
            Self::Visit => "Visit",
            Self::Meeting => "Meeting",
            Self::Speech => "Speech",
            Self::Press => "Press",
            Self::Tour => "Tour",
            Self::Ceremony => "Ceremony",
            Self::Travel => "Travel",
            Self::Other => "Other",
        }
    }
}

/// One thing that happened at one place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Event {
    /// Unique id, e.g. `astana-nazarbayev`.
    pub id: String,
    /// Short title.
    pub title: String,
    /// What kind of event.
    pub kind: EventKind,
    /// Local start in trip-time notation at `place` (see [`crate::model::time`]).
    pub start: String,
    /// Optional local end (inclusive of its whole span: an end of `2015-11-04` means through
    /// that day). Empty when the event is within its start.
    pub end: String,
    /// Id of the place.
    pub place: String,
    /// Ids of the people taking part.
    pub participants: Vec<String>,
    /// What happened.
    pub summary: String,
    /// Meetings held during the event.
    pub meetings: Vec<Meeting>,
    /// What was said.
    pub quotes: Vec<Quote>,
    /// Pictures and other media.
    pub media: Vec<Media>,
    /// Ids of the sources for this event.
    pub sources: Vec<String>,
    /// Notes for the presenter, shown only in the presenter console.
    pub notes: String,
    /// The journey this event belongs to, when the file says so (e.g. `kerry-2015-10`); empty
    /// means the journey follows from the dates (see `model::journeys`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub journey: String,
    /// Place among events that start and end at the same time (1, 2, 3…), e.g. the meetings
    /// of one day known only by their date: the chronology never depends on the order of the
    /// file. 0 (unset) comes after the numbered ones; ties then go by id.
    #[serde(skip_serializing_if = "is_zero")]
    pub sequence: u32,
}

/// Serde's test for an unset [`Event::sequence`].
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Talks between the travellers and counterparts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    /// Ids of the counterparts (their roles come from `people`).
    pub with: Vec<String>,
    /// Topics discussed.
    pub topics: Vec<String>,
    /// What the meeting was about or achieved.
    pub summary: String,
}

/// Words someone said, verbatim.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quote {
    /// Id of the person speaking.
    pub speaker: String,
    /// The exact words, without surrounding quotation marks.
    pub text: String,
    /// The circumstances, e.g. "Of the U.S. and Kazakhstan".
    pub context: String,
    /// Id of the source that reports the quote.
    pub source: String,
}

/// A picture or other file shown with an event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Media {
    /// Path relative to the trip file.
    pub path: String,
    /// What it shows.
    pub caption: String,
    /// Who made it.
    pub credit: String,
    /// Text alternative for people who cannot see it.
    pub alt: String,
}

/// Whether `url` is a link the app may open: only `http` and `https`, never `file:` or
/// `javascript:` and the like. Schemes are case-insensitive (`HTTPS://` is a web link).
pub fn is_web_link(url: &str) -> bool {
    let starts = |prefix: &str| {
        url.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    starts("https://") || starts("http://")
}

impl Trip {
    /// The place with `id`, if any.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The person with `id`, if any.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The name of the person with `id`, or the id itself when there is no such person.
    pub fn person_name(&self, id: &str) -> String {
        self.person(id).map_or_else(|| id.to_owned(), |p| p.name.clone())
    }

    /// The source with `id`, if any.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
