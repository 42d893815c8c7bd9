//! Route legs over the map: geodesic curves between consecutive stops of one journey.
//!
//! A single journey draws each leg with a direction arrow. Where several journeys share the
//! view, legs between the same two places are drawn once, their strength growing with how many
//! journeys took them: a way travelled by fifty journeys stands out, one taken once stays a
//! faint thread, and thousands of overlapping lines no longer add up to a solid mesh. Legs the
//! focus or filter leaves out are drawn once each, barely visible.

use std::collections::BTreeMap;

use egui::{Painter, Pos2, Stroke, Ui, vec2};
use walkers::Projector;

use super::draw::{arrow_ui, distance_to_polyline};
use super::markers::PlacedStop;
use super::projection::to_position;
use crate::model::describe::{describe_dates, format_km};
use crate::model::{Chronology, LatLon, Trip};
use crate::ui::theme::{self, Tokens};

/// Longest straight piece of a drawn geodesic, in metres.
const GEODESIC_STEP_M: f64 = 25_000.0;

/// Where route legs are drawn and what they read from.
pub struct Routes<'a> {
    /// Where tooltips open.
    pub ui: &'a Ui,
    /// The map's painter.
    pub painter: &'a Painter,
    /// The pointer, when tooltips are wanted.
    pub pointer: Option<Pos2>,
    /// Screen projection.
    pub projector: &'a Projector<'a>,
    /// The trip (for travellers' names).
    pub trip: &'a Trip,
    /// Its resolved view.
    pub chronology: &'a Chronology,
    /// Colours.
    pub tokens: &'a Tokens,
}

/// The legs between one pair of places, in either direction.
struct SharedLeg<'a> {
    from: &'a PlacedStop<'a>,
    to: &'a PlacedStop<'a>,
    /// Each journey that took it, once.
    journeys: Vec<usize>,
}

/// Shared legs keyed by (shown, place, place), so hidden and shown legs stay apart.
type SharedLegs<'a> = BTreeMap<(bool, usize, usize), SharedLeg<'a>>;
/// Legs drawn one by one: (index in `Chronology::legs`, from, to, shown).
type SingleLegs<'a> = Vec<(usize, &'a PlacedStop<'a>, &'a PlacedStop<'a>, bool)>;

/// Sort `legs` (pairs of indices into `placed`, which is indexed like `Chronology::stops`) into
/// those drawn once per pair of places and those drawn one by one. In a `collection`, hidden legs
/// are always shared, shown ones when `shared`; a single journey draws every leg on its own.
fn group_legs<'a>(
    legs: &[(usize, usize)],
    placed: &[Option<&'a PlacedStop<'a>>],
    collection: bool,
    shared: bool,
) -> (SharedLegs<'a>, SingleLegs<'a>) {
    let mut by_places = SharedLegs::new();
    let mut single = SingleLegs::new();
    for (index, &(a, b)) in legs.iter().enumerate() {
        let (Some(Some(from)), Some(Some(to))) = (placed.get(a).copied(), placed.get(b).copied()) else {
            continue;
        };
        let shown = from.first_shown.is_some() || to.first_shown.is_some();
        if collection && (!shown || shared) {
            let key = (
                shown,
                from.stop.place.min(to.stop.place),
                from.stop.place.max(to.stop.place),
            );
            let leg = by_places.entry(key).or_insert_with(|| SharedLeg {
                from,
                to,
                journeys: Vec::new(),
            });
            if !leg.journeys.contains(&from.stop.journey) {
                leg.journeys.push(from.stop.journey);
            }
        } else {
            single.push((index, from, to, shown));
        }
    }
    (by_places, single)
}

/// How strongly a leg taken by `journeys` journeys is drawn, from 0 (once) to 1 (as often as
/// the most travelled leg in view, `most`): logarithmic, so a few busy ways do not leave every
/// other leg invisible.
fn share_strength(journeys: usize, most: usize) -> f32 {
    if most > 1 {
        ((journeys.max(1) as f32).ln() / (most as f32).ln()).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

impl Routes<'_> {
    /// Draw the legs among `stops` (those a presentation has not reached yet are left out by
    /// the caller). `shared` draws shown legs once per pair of places, faded by use.
    pub fn route_ui(&self, stops: &[PlacedStop<'_>], shared: bool) {
        let chronology = self.chronology;
        // Stops by their index in the chronology (number - 1); only these may be joined.
        let mut placed: Vec<Option<&PlacedStop<'_>>> = vec![None; chronology.stops.len()];
        for stop in stops {
            if let Some(slot) = stop.stop.number.checked_sub(1).and_then(|i| placed.get_mut(i)) {
                *slot = Some(stop);
            }
        }
        let collection = chronology.journeys.len() > 1;
        let (by_places, mut single) = group_legs(chronology.legs(), &placed, collection, shared);
        let most = by_places
            .iter()
            .filter(|((shown, ..), _)| *shown)
            .map(|(_, leg)| leg.journeys.len())
            .max()
            .unwrap_or(1);
        // Hidden first, so what is shown is drawn over it.
        for ((shown, ..), leg) in &by_places {
            self.shared_leg_ui(leg, *shown, most);
        }
        single.sort_by_key(|&(index, .., shown)| (shown, index));
        for (index, from, to, shown) in single {
            self.single_leg_ui(index, from, to, shown, collection);
        }
    }

    fn screen_path(&self, from: LatLon, to: LatLon) -> Vec<Pos2> {
        from.geodesic_path(to, GEODESIC_STEP_M)
            .into_iter()
            .map(|p| self.projector.project(to_position(p)).to_pos2())
            .collect()
    }

    fn hovers(&self, points: &[Pos2]) -> bool {
        self.pointer
            .is_some_and(|p| distance_to_polyline(p, points) < theme::LEG_HOVER_DISTANCE)
    }

    /// One leg of the journey being followed, with its arrow.
    fn single_leg_ui(
        &self,
        index: usize,
        from: &PlacedStop<'_>,
        to: &PlacedStop<'_>,
        shown: bool,
        collection: bool,
    ) {
        let points = self.screen_path(from.location, to.location);
        let hovered = shown && self.hovers(&points);
        let width = theme::ROUTE_WIDTH * if hovered { 2.0 } else { 1.0 };
        // A leg whose stops the filter hides fades back, as the stops do.
        let opacity = if shown { 1.0 } else { theme::DIMMED_OPACITY };
        let colour = if collection {
            theme::traveller_colour(self.traveller_of(from.stop.journey))
        } else {
            self.tokens.route
        };
        self.painter.add(egui::Shape::line(
            points.clone(),
            Stroke::new(width, colour.gamma_multiply(opacity)),
        ));
        if !shown {
            return;
        }
        arrow_ui(self.painter, &points, width, self.tokens);
        if hovered {
            let date_of = |stop: &PlacedStop<'_>, last: bool| {
                let event = if last {
                    stop.stop.events.last()
                } else {
                    stop.stop.events.first()
                };
                event
                    .and_then(|&i| self.chronology.event(i))
                    .map(describe_dates)
                    .unwrap_or_default()
            };
            let km = from.location.distance_m(to.location) / 1000.0;
            self.tooltip_ui(
                ("leg", index),
                format!(
                    "Leg {}: {} to {}\nLeft {}\nArrived {}\n{}",
                    index + 1,
                    from.name,
                    to.name,
                    date_of(from, true),
                    date_of(to, false),
                    format_km(km)
                ),
            );
        }
    }

    /// The legs of several journeys between two places, drawn once: stronger and wider the
    /// more journeys took it (on a log scale, relative to the most travelled leg in view).
    fn shared_leg_ui(&self, leg: &SharedLeg<'_>, shown: bool, most: usize) {
        let points = self.screen_path(leg.from.location, leg.to.location);
        let journeys = leg.journeys.len();
        let mut travellers: Vec<Option<usize>> = leg.journeys.iter().map(|&j| self.traveller_of(j)).collect();
        travellers.sort_unstable();
        travellers.dedup();
        let colour = match travellers.as_slice() {
            [only] => theme::traveller_colour(*only),
            _ => self.tokens.route,
        };
        if !shown {
            let stroke = Stroke::new(
                theme::ROUTE_WIDTH * 0.5,
                colour.gamma_multiply(theme::HIDDEN_ROUTE_OPACITY),
            );
            self.painter.add(egui::Shape::line(points, stroke));
            return;
        }
        let share = share_strength(journeys, most);
        let hovered = self.hovers(&points);
        let opacity = if hovered {
            1.0
        } else {
            theme::SHARED_ROUTE_MIN_OPACITY
                + (theme::SHARED_ROUTE_MAX_OPACITY - theme::SHARED_ROUTE_MIN_OPACITY) * share
        };
        let width = theme::ROUTE_WIDTH * (0.5 + share) * if hovered { 2.0 } else { 1.0 };
        self.painter.add(egui::Shape::line(
            points,
            Stroke::new(width, colour.gamma_multiply(opacity)),
        ));
        if hovered {
            let km = leg.from.location.distance_m(leg.to.location) / 1000.0;
            let who = match travellers.as_slice() {
                [Some(t)] => self
                    .trip
                    .travellers
                    .get(*t)
                    .map(|id| format!("by {}", self.trip.person_name(id)))
                    .unwrap_or_default(),
                many => format!("by {} travellers", many.len()),
            };
            let times = if journeys == 1 {
                "1 journey".to_owned()
            } else {
                format!("{journeys} journeys")
            };
            self.tooltip_ui(
                ("shared leg", leg.from.stop.place, leg.to.stop.place),
                format!(
                    "{} – {}\n{times} {who}\n{}",
                    leg.from.name,
                    leg.to.name,
                    format_km(km)
                ),
            );
        }
    }

    fn traveller_of(&self, journey: usize) -> Option<usize> {
        self.chronology.journeys.get(journey).and_then(|j| j.traveller)
    }

    fn tooltip_ui(&self, id: impl std::hash::Hash + std::fmt::Debug, text: String) {
        let anchor = self.pointer.unwrap_or_default() + vec2(14.0, 14.0);
        egui::Tooltip::always_open(
            self.ui.ctx().clone(),
            self.ui.layer_id(),
            self.ui.scope_id().with(id),
            anchor,
        )
        .show(|ui| ui.label(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stop;

    fn stop(number: usize, place: usize, journey: usize) -> Stop {
        Stop {
            number,
            in_journey: 1,
            place,
            events: vec![number - 1],
            journey,
        }
    }

    #[test]
    fn legs_between_two_places_are_drawn_once_and_count_each_journey_once() {
        // Journey 0: Paris, London, Paris; journey 1: London, Paris; journey 2: Rome, Paris.
        let stops = [
            stop(1, 0, 0),
            stop(2, 1, 0),
            stop(3, 0, 0),
            stop(4, 1, 1),
            stop(5, 0, 1),
            stop(6, 2, 2),
            stop(7, 0, 2),
        ];
        let placed: Vec<PlacedStop<'_>> = stops
            .iter()
            .map(|stop| PlacedStop {
                stop,
                name: "",
                location: LatLon::new(0.0, 0.0),
                pos: Pos2::ZERO,
                first_shown: stop.events.first().copied(),
                approximate: false,
            })
            .collect();
        let slots: Vec<Option<&PlacedStop<'_>>> = placed.iter().map(Some).collect();
        let legs = [(0, 1), (1, 2), (3, 4), (5, 6)];
        let (shared, single) = group_legs(&legs, &slots, true, true);
        assert!(single.is_empty());
        let counts: Vec<((bool, usize, usize), usize)> =
            shared.iter().map(|(k, l)| (*k, l.journeys.len())).collect();
        assert_eq!(counts, [((true, 0, 1), 2), ((true, 0, 2), 1)]);
        // One journey followed: its legs are drawn one by one, with arrows.
        let (shared, single) = group_legs(&legs, &slots, true, false);
        assert!(shared.is_empty());
        assert_eq!(single.len(), 4);
    }

    #[test]
    fn a_leg_is_drawn_stronger_the_more_journeys_share_it() {
        assert_eq!(share_strength(1, 50), 0.0);
        assert!(share_strength(5, 50) > share_strength(2, 50));
        assert_eq!(share_strength(50, 50), 1.0);
        assert_eq!(share_strength(1, 1), 0.0);
    }
}
