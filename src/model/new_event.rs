//! The event *New event* adds: where and when it starts, and where it goes in the file.
//!
//! A new event follows the one it is added after (the selected event, else the trip's last in
//! time): same place, starting when that one ends (or starts, if it has no end), in the same
//! journey, numbered after it among same-time events, and written right after it in the file.
//! Only a trip with no events at all starts on `today`. Its id comes from its title
//! ([`super::refs::fresh_id`], unique in the trip).

use super::refs::fresh_id;
use super::{Chronology, Event, Trip};

/// The event to insert and the index in `trip.events` to insert it at.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEvent {
    /// Where in the file it goes.
    pub index: usize,
    /// The event, with a fresh id from its title.
    pub event: Event,
}

/// A new event titled `title`, after the event `after` (an index into `trip.events`), or after
/// the trip's last event in time when `after` is `None`. `today` (`YYYY-MM-DD`) is the start
/// only when the trip has no events.
pub fn new_event_after(
    trip: &Trip,
    chronology: &Chronology,
    after: Option<usize>,
    title: &str,
    today: &str,
) -> NewEvent {
    let base = after
        .filter(|&i| i < trip.events.len())
        .or_else(|| chronology.order.last().copied())
        .or_else(|| trip.events.len().checked_sub(1));
    let mut event = Event {
        title: title.to_owned(),
        id: fresh_id(title, |id| trip.events.iter().any(|e| e.id == id)),
        ..Event::default()
    };
    let Some(base_index) = base else {
        event.start = today.to_owned();
        event.place = trip.places.first().map(|p| p.id.clone()).unwrap_or_default();
        return NewEvent {
            index: trip.events.len(),
            event,
        };
    };
    let base_event = &trip.events[base_index];
    event.start = if base_event.end.trim().is_empty() {
        base_event.start.clone()
    } else {
        base_event.end.clone()
    };
    event.place = base_event.place.clone();
    event.journey = base_event.journey.clone();
    event.participants = base_event.participants.clone();
    if base_event.sequence > 0 {
        event.sequence = base_event.sequence + 1;
    }
    NewEvent {
        index: base_index + 1,
        event,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trip() -> (Trip, Chronology) {
        let text = include_str!("../../data/kerry-central-asia-2015.toml");
        let trip: Trip = toml::from_str(text).expect("Kerry trip parses");
        let chronology = crate::model::resolve(&trip).chronology;
        (trip, chronology)
    }

    #[test]
    fn a_new_event_follows_the_selected_one_at_its_place_and_time() {
        let (trip, chronology) = trip();
        let astana = trip
            .events
            .iter()
            .position(|e| e.place == "astana")
            .expect("an Astana event");
        let new = new_event_after(&trip, &chronology, Some(astana), "Press conference", "2026-12-03");
        let base = &trip.events[astana];
        assert_eq!(new.index, astana + 1);
        assert_eq!(new.event.place, "astana");
        let expected = if base.end.is_empty() {
            &base.start
        } else {
            &base.end
        };
        assert_eq!(&new.event.start, expected);
        assert_eq!(new.event.id, "press-conference");
        assert!(new.event.summary.is_empty() && new.event.quotes.is_empty());
    }

    #[test]
    fn without_a_selection_a_new_event_follows_the_last_event_never_on_1_january() {
        let (trip, chronology) = trip();
        let new = new_event_after(&trip, &chronology, None, "New event", "2026-12-03");
        let last = *chronology.order.last().expect("events");
        assert_eq!(new.event.place, trip.events[last].place);
        assert!(new.event.start.starts_with("2015-11-0"), "{}", new.event.start);
        assert_ne!(new.event.start, "2015-01-01");
    }

    #[test]
    fn a_new_events_id_is_unique_in_the_trip() {
        let (mut trip, chronology) = trip();
        let first = new_event_after(&trip, &chronology, None, "New event", "2026-12-03");
        trip.events.push(first.event);
        let second = new_event_after(&trip, &chronology, None, "New event", "2026-12-03");
        assert_eq!(second.event.id, "new-event-2");
    }

    #[test]
    fn an_empty_trip_starts_its_first_event_today() {
        let trip = Trip::default();
        let chronology = crate::model::resolve(&trip).chronology;
        let new = new_event_after(&trip, &chronology, None, "Arrival", "2026-12-03");
        assert_eq!((new.index, new.event.start.as_str()), (0, "2026-12-03"));
    }
}
