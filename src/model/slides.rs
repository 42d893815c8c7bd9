//! A presentation of a trip: its slides and where the presenter is in them.
//!
//! A deck is a title slide, one slide per event (in the trip's `story` order when it has one,
//! otherwise in time order) and a closing overview. [`Presentation`] moves through it; it is
//! pure navigation (no clocks, no egui), so keys, a clicker, autoplay and tests all move it the
//! same way. Invariant: `current < deck.len()` and the deck is never empty.

use super::chronology::Chronology;
use super::trip::{Event, Quote, Trip};

/// Seconds per slide when autoplaying, unless the trip sets `slide_seconds`.
pub const DEFAULT_SLIDE_SECONDS: f64 = 10.0;
/// Shortest and longest autoplay time a trip may set.
pub const SLIDE_SECONDS_RANGE: std::ops::RangeInclusive<f64> = 2.0..=600.0;

/// One slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The trip's title, summary and dates.
    Title,
    /// An event, by index into `Trip::events`.
    Event(usize),
    /// The whole route and the trip's statistics.
    Overview,
}

/// Build the slides of `trip`: title, events in story (or time) order, overview.
pub fn deck(trip: &Trip, chronology: &Chronology) -> Vec<Slide> {
    let story: Vec<usize> = trip
        .story
        .iter()
        .filter_map(|id| trip.events.iter().position(|e| &e.id == id))
        .filter(|&i| chronology.event(i).is_some())
        .collect();
    let events = if story.is_empty() {
        chronology.order.clone()
    } else {
        story
    };
    std::iter::once(Slide::Title)
        .chain(events.into_iter().map(Slide::Event))
        .chain(std::iter::once(Slide::Overview))
        .collect()
}

/// The quote a slide shows large: the first one of the event.
pub fn key_quote(event: &Event) -> Option<&Quote> {
    event.quotes.first()
}

/// Seconds per slide for autoplay: the trip's setting, within [`SLIDE_SECONDS_RANGE`].
pub fn slide_seconds(trip: &Trip) -> f64 {
    trip.slide_seconds
        .filter(|s| SLIDE_SECONDS_RANGE.contains(s))
        .unwrap_or(DEFAULT_SLIDE_SECONDS)
}

/// A running presentation.
#[derive(Clone, Debug, PartialEq)]
pub struct Presentation {
    /// The slides.
    pub deck: Vec<Slide>,
    /// Index of the slide shown.
    pub current: usize,
    /// The screen is blanked (B), e.g. while the class discusses.
    pub blanked: bool,
    /// Slides advance by themselves.
    pub autoplay: bool,
}

impl Presentation {
    /// Start at the title slide of `trip`.
    pub fn new(trip: &Trip, chronology: &Chronology) -> Self {
        Self::of_events(trip, chronology, |_| true)
    }

    /// A presentation of the events `keep` accepts (e.g. one journey of a collection) between
    /// the title and the overview.
    pub fn of_events(trip: &Trip, chronology: &Chronology, keep: impl Fn(usize) -> bool) -> Self {
        let mut deck = deck(trip, chronology);
        deck.retain(|slide| !matches!(slide, Slide::Event(i) if !keep(*i)));
        Self {
            deck,
            current: 0,
            blanked: false,
            autoplay: false,
        }
    }

    /// The slide shown.
    pub fn slide(&self) -> Slide {
        self.deck.get(self.current).copied().unwrap_or(Slide::Title)
    }

    /// The slide after the one shown, if any.
    pub fn next_slide(&self) -> Option<Slide> {
        self.deck.get(self.current + 1).copied()
    }

    /// Move `step` slides (negative: back), stopping at the first and last. Moving un-blanks.
    pub fn step(&mut self, step: isize) {
        let last = self.deck.len().saturating_sub(1);
        self.current = self.current.saturating_add_signed(step).min(last);
        self.blanked = false;
    }

    /// Go to slide `index` (clamped to the deck).
    pub fn go_to(&mut self, index: usize) {
        self.current = index.min(self.deck.len().saturating_sub(1));
        self.blanked = false;
    }

    /// Whether the last slide is shown.
    pub fn at_end(&self) -> bool {
        self.current + 1 >= self.deck.len()
    }

    /// The stop number up to which the route is drawn on this slide: none on the title, the
    /// event's stop on an event slide, all on the overview.
    pub fn route_until(&self, chronology: &Chronology) -> usize {
        match self.slide() {
            Slide::Title => 0,
            Slide::Event(i) => chronology.stop_of(i).map_or(0, |s| s.number),
            Slide::Overview => chronology.stops.len(),
        }
    }
}
