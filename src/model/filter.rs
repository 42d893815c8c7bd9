//! Which events the reader wants to see: a text search, chips by kind, country and person, and
//! a brushed time window; and the search hits that say *why* an event matched.
//!
//! Matching is case-insensitive and ignores punctuation, so "non proliferation" finds
//! "non-proliferation" and "NAZARBAYEV" finds "Nazarbayev". Folding maps every character to
//! exactly one character, so a match position in the folded text is the same character position
//! in the original, which is how snippets are cut. An empty filter matches everything.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::chronology::Chronology;
use super::search_index::SearchIndex;
use super::trip::{Event, EventKind, Place, Trip};

/// Characters of context either side of a match in a snippet.
const SNIPPET_CONTEXT_CHARS: usize = 48;
/// Most matching fields reported per event.
const MAX_FIELDS_PER_HIT: usize = 3;

/// The reader's filter. Chips of one kind are alternatives (kind is meeting *or* speech); the
/// query, the chip groups and the window must all match.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Free text searched in titles, summaries, quotes, meetings, people and places.
    pub query: String,
    /// Event kinds to keep; empty keeps all.
    pub kinds: BTreeSet<EventKind>,
    /// Country codes (of the event's place) to keep; empty keeps all.
    pub countries: BTreeSet<String>,
    /// Person ids (participants, counterparts, speakers) to keep; empty keeps all.
    pub people: BTreeSet<String>,
    /// UTC window an event must overlap, from a brush on the timeline.
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

/// Where a search matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitField {
    /// The event title.
    Title,
    /// The event summary.
    Summary,
    /// A quote's text or context.
    Quote,
    /// A meeting's topics or summary.
    Meeting,
    /// The name or role of a person involved.
    Person,
    /// The place's name or alternative names.
    Place,
    /// The presenter notes.
    Notes,
}

impl HitField {
    /// How the field is named in the results list.
    pub fn label(self) -> &'static str {
        match self {
            Self::Title => "Title",
            Self::Summary => "Summary",
            Self::Quote => "Quote",
            Self::Meeting => "Meeting",
            Self::Person => "Person",
            Self::Place => "Place",
            Self::Notes => "Notes",
        }
    }
}

/// One event found by a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    /// Index into `Trip::events`.
    pub index: usize,
    /// The fields that matched (at most three, in the order of [`HitField`]), each with the
    /// matched text and some context, "…" where it was cut.
    pub fields: Vec<(HitField, String)>,
}

impl Filter {
    /// Whether anything is being filtered.
    pub fn is_active(&self) -> bool {
        !fold(&self.query).trim().is_empty()
            || !self.kinds.is_empty()
            || !self.countries.is_empty()
            || !self.people.is_empty()
            || self.window.is_some()
    }

    /// Whether `Trip::events[index]` passes the filter.
    pub fn matches(&self, trip: &Trip, chronology: &Chronology, index: usize) -> bool {
        let Some(event) = trip.events.get(index) else {
            return false;
        };
        if !self.kinds.is_empty() && !self.kinds.contains(&event.kind) {
            return false;
        }
        if !self.countries.is_empty()
            && !place_of(trip, chronology, index).is_some_and(|p| self.countries.contains(&p.country))
        {
            return false;
        }
        if !self.people.is_empty() && !people_of(event).any(|id| self.people.contains(id)) {
            return false;
        }
        if let Some((from, to)) = self.window {
            match chronology.event(index) {
                Some(e) if e.end_utc >= from && e.start_utc <= to => {}
                _ => return false,
            }
        }
        match folded_query(&self.query) {
            Some(query) => hits(trip, event, place_of(trip, chronology, index), &query)
                .next()
                .is_some(),
            None => true,
        }
    }

    /// Per `Trip::events` entry, whether it passes, and the search hits of the query (in time
    /// order). The query is searched once, for both, through `index` when given.
    pub fn apply(
        &self,
        trip: &Trip,
        chronology: &Chronology,
        index: Option<&SearchIndex>,
    ) -> (Vec<bool>, Vec<SearchHit>) {
        let hits = search_indexed(trip, chronology, index, &self.query);
        let mut by_query = vec![folded_query(&self.query).is_none(); trip.events.len()];
        for hit in &hits {
            by_query[hit.index] = true;
        }
        let chips = Self {
            query: String::new(),
            ..self.clone()
        };
        let matches = by_query
            .iter()
            .enumerate()
            .map(|(i, &found)| found && chips.matches(trip, chronology, i))
            .collect();
        (matches, hits)
    }
}

/// Ids of everyone involved in `event`: participants, meeting counterparts and speakers.
pub fn people_of(event: &Event) -> impl Iterator<Item = &String> {
    event
        .participants
        .iter()
        .chain(event.meetings.iter().flat_map(|m| m.with.iter()))
        .chain(event.quotes.iter().map(|q| &q.speaker))
}

/// Events matching `query`, in time order, with the field that matched and a snippet.
pub fn search(trip: &Trip, chronology: &Chronology, query: &str) -> Vec<SearchHit> {
    search_indexed(trip, chronology, None, query)
}

/// Like [`search`], looking only at the events `index` (of this trip, if given) says may match.
pub fn search_indexed(
    trip: &Trip,
    chronology: &Chronology,
    index: Option<&SearchIndex>,
    query: &str,
) -> Vec<SearchHit> {
    let Some(query) = folded_query(query) else {
        return Vec::new();
    };
    let query = query.as_str();
    let candidates = index.map(|i| i.candidates(query));
    chronology
        .order
        .iter()
        .filter(|&&index| {
            candidates
                .as_ref()
                .is_none_or(|c| c.get(index).copied().unwrap_or(true))
        })
        .filter_map(|&index| {
            let event = trip.events.get(index)?;
            let len = query.chars().count();
            let place = place_of(trip, chronology, index);
            let fields: Vec<(HitField, String)> = hits(trip, event, place, query)
                .take(MAX_FIELDS_PER_HIT)
                .map(|(field, text, at)| (field, snippet(text, at, len)))
                .collect();
            (!fields.is_empty()).then_some(SearchHit { index, fields })
        })
        .collect()
}

/// The place of `Trip::events[index]`, through the chronology's resolved index (a lookup by id
/// would scan every place for every event: seconds at 100,000 events).
fn place_of<'a>(trip: &'a Trip, chronology: &Chronology, index: usize) -> Option<&'a Place> {
    match chronology.event(index) {
        Some(resolved) => trip.places.get(resolved.place),
        None => trip.events.get(index).and_then(|e| trip.place(&e.place)),
    }
}

/// Every searchable field of `event` (at `place`): what [`hits`] looks in and what
/// [`super::search_index::SearchIndex`] folds.
pub(super) fn searchable_fields<'a>(
    trip: &'a Trip,
    event: &'a Event,
    place: Option<&'a Place>,
) -> impl Iterator<Item = (HitField, &'a str)> {
    let people = people_of(event).filter_map(|id| trip.person(id));
    [
        (HitField::Title, event.title.as_str()),
        (HitField::Summary, &event.summary),
    ]
    .into_iter()
    .chain(
        event
            .quotes
            .iter()
            .flat_map(|q| [(HitField::Quote, q.text.as_str()), (HitField::Quote, &q.context)]),
    )
    .chain(event.meetings.iter().flat_map(|m| {
        m.topics
            .iter()
            .map(|t| (HitField::Meeting, t.as_str()))
            .chain([(HitField::Meeting, m.summary.as_str())])
    }))
    .chain(people.flat_map(|p| [(HitField::Person, p.name.as_str()), (HitField::Person, &p.role)]))
    .chain(place.into_iter().flat_map(|p| {
        std::iter::once((HitField::Place, p.name.as_str()))
            .chain(p.alt_names.iter().map(|n| (HitField::Place, n.as_str())))
    }))
    .chain([(HitField::Notes, event.notes.as_str())])
}

/// The fields of `event` (at `place`) containing the folded `query`, lazily: each field, its
/// text and the character position of the match.
fn hits<'a>(
    trip: &'a Trip,
    event: &'a Event,
    place: Option<&'a Place>,
    query: &'a str,
) -> impl Iterator<Item = (HitField, &'a str, usize)> {
    // One buffer for every field: searching 100,000 events must not allocate per field.
    let mut folded = String::new();
    searchable_fields(trip, event, place).filter_map(move |(field, text)| {
        folded.clear();
        fold_into(text, &mut folded);
        let byte = folded.find(query)?;
        Some((field, text, folded[..byte].chars().count()))
    })
}

/// Append `text` folded (see [`fold`]) to `out`.
pub(super) fn fold_into(text: &str, out: &mut String) {
    out.extend(text.chars().map(fold_char));
}

/// The folded query, or `None` when it is blank.
fn folded_query(query: &str) -> Option<String> {
    let folded = fold(query);
    let trimmed = folded.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Lower-case `text` and turn punctuation into spaces, one character for one character.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// One character folded: lower case, or a space for anything that is not a letter or digit.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            ' '
        }
    } else if c.is_alphanumeric() {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        ' '
    }
}

/// `text` around the match at character `at` of `len` characters, whitespace collapsed.
fn snippet(text: &str, at: usize, len: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut from = at.saturating_sub(SNIPPET_CONTEXT_CHARS);
    let mut to = (at + len + SNIPPET_CONTEXT_CHARS).min(chars.len());
    // Widen to whole words, so the snippet does not start or end mid-word.
    while from > 0 && !chars[from - 1].is_whitespace() {
        from -= 1;
    }
    while to < chars.len() && !chars[to].is_whitespace() {
        to += 1;
    }
    let body: String = chars[from.min(to)..to].iter().collect();
    let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < chars.len() { "…" } else { "" };
    format!("{lead}{body}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_punctuation_but_keeps_positions() {
        assert_eq!(fold("Non-Proliferation!"), "non proliferation ");
        assert_eq!(fold("Астана").chars().count(), 6);
    }

    #[test]
    fn snippets_are_cut_with_ellipses() {
        let text = "a ".repeat(60) + "needle" + &" b".repeat(60);
        let s = snippet(&text, 120, 6);
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("needle"));
    }
}
