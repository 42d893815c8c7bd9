//! What a screen reader hears change: the window's accessible name and description, and one
//! polite live region
//! (AccessKit `Live::Polite`, role `Status`) that says what changed — the selected event with
//! its date, place and kind; how many events a search or filter leaves; the slide shown.
//!
//! The announcement is derived from the state each frame and changes only when one of those
//! changes, so stepping with Left/Right, typing a search or advancing a slide is read out once,
//! and nothing is repeated while the user is idle.

use egui::{Context, Id, accesskit};

use crate::model::Filter;
use crate::model::describe::describe_dates;
use crate::model::slides::Slide;
use crate::state::AppState;

/// What was announced last, to tell when something changed.
#[derive(Clone, Debug, Default, PartialEq)]
struct Seen {
    trip: Option<u64>,
    selection: Option<usize>,
    filter: Option<(Filter, usize)>,
    slide: Option<(usize, usize)>,
}

/// The live region's text, kept between frames.
#[derive(Clone, Debug, Default)]
pub struct Announcer {
    seen: Seen,
    text: String,
}

impl Announcer {
    /// What the live region says now (empty until something changed).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Compare `state` with what was seen last and, if something changed, say what.
    pub fn update(&mut self, state: &AppState) {
        let Some((trip, chronology)) = state.trip() else {
            self.seen = Seen::default();
            return;
        };
        let filtering = *state.filter() != Filter::default();
        let now = Seen {
            trip: Some(state.generation()),
            selection: state.selection(),
            filter: filtering.then(|| (state.filter().clone(), state.match_count())),
            slide: state.presentation().map(|p| (p.current, p.deck.len())),
        };
        if now == self.seen {
            return;
        }
        let before = std::mem::replace(&mut self.seen, now.clone());
        if before.trip != now.trip {
            // A trip just opened: its title, not a list of changes.
            self.text = format!("Opened {}: {} events", trip.title, chronology.order.len());
        } else if let Some((current, count)) = now.slide.filter(|s| before.slide != Some(*s)) {
            let what = match state.presentation().and_then(|p| p.deck.get(current)) {
                Some(Slide::Title) => trip.title.clone(),
                Some(Slide::Event(i)) => trip.events.get(*i).map_or(String::new(), |e| e.title.clone()),
                Some(Slide::Overview) => "Overview of the route".to_owned(),
                None => String::new(),
            };
            self.text = format!("Slide {} of {count}: {what}", current + 1);
        } else if before.filter != now.filter {
            self.text = match &now.filter {
                Some((_, count)) => format!("{count} of {} events match", chronology.order.len()),
                None => format!("Filter cleared: all {} events shown", chronology.order.len()),
            };
        } else if before.selection != now.selection {
            self.text = match now
                .selection
                .and_then(|i| Some((trip.events.get(i)?, chronology.event(i)?)))
            {
                Some((event, resolved)) => {
                    let place = trip.place(&event.place).map_or("", |p| p.name.as_str());
                    format!(
                        "Selected: {}, {}, {place}, {}",
                        event.title,
                        describe_dates(resolved),
                        event.kind.label()
                    )
                }
                None => "Nothing selected".to_owned(),
            };
        }
    }
}

/// The live region's node, a child of the window.
fn live_region_id() -> Id {
    Id::unique("itinera-live-region")
}

/// Name the window "Itinera", described by the open trip's title (a description, so a search
/// for the title still finds the header's one label), and put `announcer`'s text in the live
/// region.
pub fn announce_ui(ctx: &Context, trip_title: &str, announcer: &Announcer) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
        node.set_label("Itinera".to_owned());
        if !trip_title.is_empty() {
            node.set_description(trip_title.to_owned());
        }
    });
    ctx.accesskit_node_builder(live_region_id(), |node| {
        node.set_role(accesskit::Role::Status);
        node.set_live(accesskit::Live::Polite);
        node.set_label(announcer.text().to_owned());
    });
}
