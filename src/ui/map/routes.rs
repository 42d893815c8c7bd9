//! Route legs over the map: great-circle curves between consecutive stops of one journey.
//!
//! A single journey draws each leg with a direction arrow. Where several journeys share the
//! view, legs between the same two places are drawn once, their strength growing with how many
//! journeys took them: a way travelled by fifty journeys stands out, one taken once stays a
//! faint thread, and thousands of overlapping lines no longer add up to a solid mesh. Legs the
//! focus or filter leaves out are drawn once each, barely visible.
//!
//! The paths come from the [`Scene`] cache in Mercator; a frame only places the legs that cross
//! the screen, dropping points closer than [`MIN_POINT_GAP`] to the last one kept.

use std::sync::Arc;

use egui::epaint::{Mesh, Tessellator};
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, Ui, vec2};

use super::draw::{arrow_shape, distance_to_polyline};
use super::legs::DrawnLeg;
use super::polyline::{prefix, simplify};
use super::scene::{LegPath, MercatorView, Scene, SceneKey};
use crate::model::describe::{describe_dates, format_km};
use crate::model::{Chronology, LatLon, Trip};
use crate::ui::theme::{self, Tokens};

/// Points of a leg closer than this to the last one kept are not drawn, in points: a curve
/// keeps its shape while a leg across a continent at world zoom becomes a handful of points.
const MIN_POINT_GAP: f32 = 2.0;

/// Largest distance, in points, between a leg as drawn and its great circle: a gentle curve
/// across a continent needs a handful of points, not one per 110 km.
const SIMPLIFY_TOLERANCE: f32 = 0.5;

/// Most legs shared by several journeys drawn in one view (see `Routes::route_shapes`).
const MAX_SHARED_LEGS_IN_VIEW: usize = 600;

/// Which of `placed` legs to draw: every leg of a single journey, and of the shared ones the
/// `budget` ranked first by shown, then by how many journeys took them.
fn busiest_shared(placed: &[(usize, &DrawnLeg, Vec<Pos2>)], budget: usize) -> Vec<bool> {
    let mut shared: Vec<usize> = (0..placed.len())
        .filter(|&k| placed[k].1.journeys.is_some())
        .collect();
    let mut kept = vec![true; placed.len()];
    if shared.len() <= budget {
        return kept;
    }
    let rank = |k: usize| {
        let drawn = placed[k].1;
        (drawn.shown, drawn.journeys.as_ref().map_or(0, Vec::len))
    };
    // Stable: among equals, the earlier leg in the scene's order wins.
    shared.sort_by_key(|&k| std::cmp::Reverse(rank(k)));
    for &k in shared.get(budget..).unwrap_or_default() {
        kept[k] = false;
    }
    kept
}

/// Where route legs are drawn and what they read from.
pub struct Routes<'a> {
    /// Where tooltips open.
    pub ui: &'a Ui,
    /// The map's painter.
    pub painter: &'a Painter,
    /// The pointer, when tooltips are wanted.
    pub pointer: Option<Pos2>,
    /// Mercator to screen.
    pub view: MercatorView,
    /// The map's area on screen: legs outside it are skipped.
    pub clip: Rect,
    /// The trip (for names).
    pub trip: &'a Trip,
    /// Its resolved view.
    pub chronology: &'a Chronology,
    /// Colours.
    pub tokens: &'a Tokens,
    /// In a presentation, the legs into this stop (by number) are drawn only this far (0 to
    /// 1): the route draws itself to the new stop as the camera flies there.
    pub drawing: Option<(usize, f32)>,
}

/// What the drawn routes depend on: while it stays the same (the map is still, or only the
/// pointer moves), the tessellated mesh is drawn again as it is.
#[derive(Clone, Copy, Debug, PartialEq)]
struct RouteKey {
    scene: SceneKey,
    view: MercatorView,
    clip: Rect,
    route: Color32,
    pixels_per_point: f32,
    drawing: Option<(usize, f32)>,
}

/// A shown leg on screen, for hovering.
#[derive(Clone, Debug)]
struct HoverLeg {
    /// Index into [`Scene::legs`].
    drawn: usize,
    points: Vec<Pos2>,
    width: f32,
    /// Its colour before fading: a hovered leg is drawn at full strength.
    colour: Color32,
}

/// The routes of the last view, tessellated once: redrawing them costs a copy.
#[derive(Debug, Default)]
pub struct RouteCache {
    key: Option<RouteKey>,
    mesh: Arc<Mesh>,
    hover: Vec<HoverLeg>,
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
    /// Draw the legs of `scene` (prepared for `scene_key`) that cross the screen, from `cache`
    /// when the view is unchanged; then the leg under the pointer, highlighted, with its tooltip.
    pub fn route_ui(&self, scene: &Scene, scene_key: SceneKey, cache: &mut RouteCache) {
        let key = RouteKey {
            scene: scene_key,
            view: self.view,
            clip: self.clip,
            route: self.tokens.route,
            pixels_per_point: self.ui.ctx().pixels_per_point(),
            drawing: self.drawing,
        };
        if cache.key != Some(key) {
            let (shapes, hover) = self.route_shapes(scene);
            cache.mesh = Arc::new(self.tessellate(shapes));
            cache.hover = hover;
            cache.key = Some(key);
        }
        self.painter.add(Shape::Mesh(cache.mesh.clone()));
        let Some(pointer) = self.pointer else {
            return;
        };
        // The topmost leg (drawn last) under the pointer.
        let Some(hovered) = cache
            .hover
            .iter()
            .rev()
            .find(|h| distance_to_polyline(pointer, &h.points) < theme::LEG_HOVER_DISTANCE)
        else {
            return;
        };
        let Some(drawn) = scene.legs().get(hovered.drawn) else {
            return;
        };
        let width = hovered.width * 2.0;
        self.painter.add(Shape::line(
            hovered.points.clone(),
            Stroke::new(width, hovered.colour),
        ));
        if drawn.journeys.is_none() {
            self.painter
                .extend(arrow_shape(&hovered.points, width, self.tokens));
        }
        self.tooltip_ui(drawn);
    }

    /// Every leg's shapes (lines and arrows, hidden ones first), and the shown ones' screen
    /// points for hovering. Of the legs shared by several journeys, at most
    /// [`MAX_SHARED_LEGS_IN_VIEW`] are drawn, shown ones and the busiest first: at world zoom
    /// the rare ones only thicken a haze that costs a software renderer a third of a second
    /// per frame, and they come back as the reader zooms in on them.
    fn route_shapes(&self, scene: &Scene) -> (Vec<Shape>, Vec<HoverLeg>) {
        let collection = self.chronology.journeys.len() > 1;
        let placed: Vec<(usize, &DrawnLeg, Vec<Pos2>)> = scene
            .legs()
            .iter()
            .enumerate()
            .filter_map(|(i, drawn)| {
                let points = scene.path(drawn.leg).and_then(|p| self.screen_path(p))?;
                Some((i, drawn, self.drawn_so_far(drawn, points)?))
            })
            .collect();
        let kept = busiest_shared(&placed, MAX_SHARED_LEGS_IN_VIEW);
        let mut shapes = Vec::new();
        let mut hover = Vec::new();
        for ((i, drawn, points), kept) in placed.into_iter().zip(kept) {
            if !kept {
                continue;
            }
            let (width, colour, opacity) = match &drawn.journeys {
                Some(journeys) => self.shared_style(drawn, journeys, scene.most_shared()),
                None => self.single_style(drawn, collection),
            };
            shapes.push(Shape::line(
                points.clone(),
                Stroke::new(width, colour.gamma_multiply(opacity)),
            ));
            if drawn.journeys.is_none() && drawn.shown {
                shapes.extend(arrow_shape(&points, width, self.tokens));
            }
            if drawn.shown {
                hover.push(HoverLeg {
                    drawn: i,
                    points,
                    width,
                    colour,
                });
            }
        }
        (shapes, hover)
    }

    /// A leg into the stop being drawn, cut at the drawing's progress (`None` before it starts).
    fn drawn_so_far(&self, drawn: &DrawnLeg, points: Vec<Pos2>) -> Option<Vec<Pos2>> {
        let Some((stop_number, fraction)) = self.drawing else {
            return Some(points);
        };
        let into = self.chronology.legs().get(drawn.leg).map(|&(_, b)| b);
        let drawing = into
            .and_then(|b| self.chronology.stops.get(b))
            .is_some_and(|stop| stop.number == stop_number);
        if !drawing || fraction >= 1.0 {
            return Some(points);
        }
        let cut = prefix(&points, fraction);
        (cut.len() >= 2).then_some(cut)
    }

    fn tessellate(&self, shapes: Vec<Shape>) -> Mesh {
        let ctx = self.ui.ctx();
        let options = ctx.tessellation_options(|o| *o);
        let font_size = ctx.fonts(|f| f.font_image_size());
        let mut tessellator = Tessellator::new(ctx.pixels_per_point(), options, font_size, Vec::new());
        let mut mesh = Mesh::default();
        for shape in shapes {
            tessellator.tessellate_shape(shape, &mut mesh);
        }
        mesh
    }

    /// The leg's points on screen, thinned; `None` when it misses the screen or hides under its
    /// stops' markers.
    fn screen_path(&self, path: &LegPath) -> Option<Vec<Pos2>> {
        let [x0, y0, x1, y1] = path.bbox;
        let bounds = Rect::from_two_pos(self.view.screen([x0, y0]), self.view.screen([x1, y1]));
        if !bounds.intersects(self.clip.expand(theme::ROUTE_WIDTH * 2.0)) {
            return None;
        }
        let mut points: Vec<Pos2> = Vec::with_capacity(path.points.len().min(64));
        let last = path.points.len().saturating_sub(1);
        for (i, &merc) in path.points.iter().enumerate() {
            let p = self.view.screen(merc);
            if i == last || points.last().is_none_or(|q| q.distance(p) >= MIN_POINT_GAP) {
                points.push(p);
            }
        }
        let points = simplify(&points, SIMPLIFY_TOLERANCE);
        let span = match (points.first(), points.last()) {
            (Some(a), Some(b)) => a.distance(*b),
            _ => 0.0,
        };
        (points.len() >= 2 && (span >= theme::MARKER_RADIUS || points.len() > 2)).then_some(points)
    }

    /// A leg of one journey: the route colour (or its traveller's in a collection), faded when
    /// the filter hides its stops, as the stops are. Returns width, colour and opacity.
    fn single_style(&self, drawn: &DrawnLeg, collection: bool) -> (f32, Color32, f32) {
        let opacity = if drawn.shown { 1.0 } else { theme::DIMMED_OPACITY };
        let colour = if collection {
            theme::traveller_colour(self.traveller_of(self.journey_of(drawn.from)))
        } else {
            self.tokens.route
        };
        (theme::ROUTE_WIDTH, colour, opacity)
    }

    /// The legs of several journeys between two places, drawn once: stronger and wider the
    /// more journeys took it (on a log scale, relative to the most travelled leg in view).
    /// Returns width, colour and opacity.
    fn shared_style(&self, drawn: &DrawnLeg, journeys: &[usize], most: usize) -> (f32, Color32, f32) {
        let travellers = self.travellers_of(journeys);
        let colour = match travellers.as_slice() {
            [only] => theme::traveller_colour(*only),
            _ => self.tokens.route,
        };
        if !drawn.shown {
            return (theme::ROUTE_WIDTH * 0.5, colour, theme::HIDDEN_ROUTE_OPACITY);
        }
        let share = share_strength(journeys.len(), most);
        let opacity = theme::SHARED_ROUTE_MIN_OPACITY
            + (theme::SHARED_ROUTE_MAX_OPACITY - theme::SHARED_ROUTE_MIN_OPACITY) * share;
        (theme::ROUTE_WIDTH * (0.5 + share), colour, opacity)
    }

    fn travellers_of(&self, journeys: &[usize]) -> Vec<Option<usize>> {
        let mut travellers: Vec<Option<usize>> = journeys.iter().map(|&j| self.traveller_of(j)).collect();
        travellers.sort_unstable();
        travellers.dedup();
        travellers
    }

    fn name_and_location(&self, stop: usize) -> (&str, LatLon) {
        let place = self.chronology.stops.get(stop).map(|s| s.place);
        let name = place
            .and_then(|p| self.trip.places.get(p))
            .map_or("", |p| p.name.as_str());
        let location = place
            .and_then(|p| self.chronology.places.get(p).copied().flatten())
            .map_or(LatLon::new(0.0, 0.0), |p| p.location);
        (name, location)
    }

    /// What hovering a leg says: from, to, dates and distance; for a shared leg, how many
    /// journeys and travellers took it.
    fn tooltip_ui(&self, drawn: &DrawnLeg) {
        let ((from, a), (to, b)) = (
            self.name_and_location(drawn.from),
            self.name_and_location(drawn.to),
        );
        let km = format_km(a.distance_m(b) / 1000.0);
        let text = match &drawn.journeys {
            None => {
                let date_of = |stop: usize, last: bool| {
                    let events = self.chronology.stops.get(stop).map(|s| &s.events);
                    let event = events.and_then(|e| if last { e.last() } else { e.first() });
                    event
                        .and_then(|&i| self.chronology.event(i))
                        .map(describe_dates)
                        .unwrap_or_default()
                };
                format!(
                    "Leg {}: {from} to {to}\nLeft {}\nArrived {}\n{km}",
                    drawn.leg + 1,
                    date_of(drawn.from, true),
                    date_of(drawn.to, false),
                )
            }
            Some(journeys) => {
                let who = match self.travellers_of(journeys).as_slice() {
                    [Some(t)] => self
                        .trip
                        .travellers
                        .get(*t)
                        .map(|id| format!("by {}", self.trip.person_name(id)))
                        .unwrap_or_default(),
                    many => format!("by {} travellers", many.len()),
                };
                let times = if journeys.len() == 1 {
                    "1 journey".to_owned()
                } else {
                    format!("{} journeys", journeys.len())
                };
                format!("{from} – {to}\n{times} {who}\n{km}")
            }
        };
        let anchor = self.pointer.unwrap_or_default() + vec2(14.0, 14.0);
        egui::Tooltip::always_open(
            self.ui.ctx().clone(),
            self.ui.layer_id(),
            self.ui.scope_id().with(("leg", drawn.leg)),
            anchor,
        )
        .show(|ui| ui.label(text));
    }

    fn journey_of(&self, stop: usize) -> usize {
        self.chronology.stops.get(stop).map_or(0, |s| s.journey)
    }

    fn traveller_of(&self, journey: usize) -> Option<usize> {
        self.chronology.journeys.get(journey).and_then(|j| j.traveller)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leg_is_drawn_stronger_the_more_journeys_share_it() {
        assert_eq!(share_strength(1, 50), 0.0);
        assert!(share_strength(5, 50) > share_strength(2, 50));
        assert_eq!(share_strength(50, 50), 1.0);
        assert_eq!(share_strength(1, 1), 0.0);
    }

    #[test]
    fn over_budget_the_shown_and_busiest_shared_legs_are_kept_and_single_ones_always() {
        let leg = |shown, journeys: Option<usize>| DrawnLeg {
            leg: 0,
            from: 0,
            to: 1,
            shown,
            journeys: journeys.map(|n| (0..n).collect()),
        };
        let legs = [
            leg(false, Some(9)),
            leg(true, Some(2)),
            leg(false, None),
            leg(false, Some(3)),
            leg(true, Some(5)),
        ];
        let placed: Vec<_> = legs.iter().enumerate().map(|(i, l)| (i, l, Vec::new())).collect();
        assert_eq!(busiest_shared(&placed, 2), [false, true, true, false, true]);
        assert_eq!(busiest_shared(&placed, 3), [true, true, true, false, true]);
        assert!(busiest_shared(&placed, 4).iter().all(|&k| k));
    }
}
