//! What the map draws over the basemap: place names, route legs, and the numbered stops.
//!
//! The geometry comes from the [`Scene`] cache (positions, paths, clusters in world pixels);
//! a frame places on screen only the markers and legs that are in view. Markers are placed
//! first, so the labels can avoid them; then names, then legs, then markers go on top.
//! Clicking a marker selects its first event; clicking a cluster asks the camera to zoom in on
//! its stops.
//!
//! A trip of one journey numbers its stops. In a collection, the stops the focus or filter
//! leaves out become faint discs under everything else; the shown ones are numbered when they
//! are one journey's, and otherwise drawn as discs sized by their visit count (see
//! [`super::markers`]), with legs shared between journeys drawn once (see [`super::routes`]).

use egui::{Pos2, Rect, Response, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::draw::label_spots;
use super::labels::{labels_ui, place_labels};
use super::markers::{MarkerStyle, MarkerSummary, Markers, PlacedStop};
use super::placement::{Placement, PlacementCache, PlacementKey};
use super::projection::{screen_box, to_position};
use super::routes::{RouteCache, Routes};
use super::scene::{MercatorView, Scene, SceneKey};
use crate::basemap::labels::{MapLabel, ScreenBox, overlaps};
use crate::command::{Command, Commands};
use crate::model::{Chronology, GeoBounds, LatLon, Trip};
use crate::ui::theme::{self, Tokens};

/// Draws the trip over the map and turns clicks into commands or camera requests.
pub struct TripLayer<'a> {
    /// The trip.
    pub trip: &'a Trip,
    /// Its resolved view.
    pub chronology: &'a Chronology,
    /// The geometry kept between frames.
    pub scene: &'a mut Scene,
    /// The routes of the last view, tessellated.
    pub route_cache: &'a mut RouteCache,
    /// The names placed for the last view.
    pub placement: &'a mut PlacementCache,
    /// What the scene depends on besides the zoom.
    pub key: SceneKey,
    /// The selected event.
    pub selection: Option<usize>,
    /// Colours.
    pub tokens: &'a Tokens,
    /// Basemap names.
    pub labels: &'a [MapLabel],
    /// Where clicks go.
    pub commands: &'a mut Commands,
    /// Set when the user asks to zoom into a cluster.
    pub zoom_to: &'a mut Option<GeoBounds>,
    /// Screen areas covered by controls, where no name may go.
    pub reserved: Vec<ScreenBox>,
    /// Whether an event passes the reader's filter; stops with none that pass are dimmed.
    pub passes: &'a dyn Fn(usize) -> bool,
    /// In a presentation, the last stop reached: later stops are dimmed and the route stops
    /// there. `None` draws the whole trip.
    pub route_until: Option<usize>,
    /// How far the legs into the `route_until` stop are drawn (0 to 1; 1 when not drawing).
    pub route_progress: f32,
}

/// The affine map from normalised Mercator to the screen, read off the map widget's projector.
fn mercator_view(projector: &Projector) -> MercatorView {
    let origin = projector.project(to_position(LatLon::new(0.0, 0.0)));
    let east = projector.project(to_position(LatLon::new(0.0, 90.0)));
    // Longitude 0 → 90 is a quarter of the world's width.
    let scale = f64::from(east.x - origin.x) * 4.0;
    let offset = origin - Vec2::splat((0.5 * scale) as f32);
    MercatorView { scale, offset }
}

/// A marker in view this frame.
struct Visible<'t> {
    centre: Pos2,
    radius: f32,
    style: MarkerStyle,
    /// Index into the scene's groups.
    group: usize,
    /// Its stops, when it is numbered, small or under the pointer (see `Markers::marker_ui`).
    members: Vec<PlacedStop<'t>>,
}

/// Markers with at most this many stops always list them; bigger ones only under the pointer,
/// so a frame does not build lists of 100,000 stops it never reads.
const ALWAYS_LISTED_STOPS: usize = 8;

impl Plugin for TripLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, projector: &Projector, _memory: &MapMemory) {
        let painter = ui.painter().clone();
        let view = mercator_view(projector);
        self.scene
            .prepare(self.trip, self.chronology, self.key, self.passes, view.scale);
        let visible = self.visible_markers(view, response.rect, response.hover_pos());
        let selected_group = self
            .selection
            .and_then(|i| self.chronology.stop_of(i))
            .and_then(|s| self.scene.group_of(s.number.saturating_sub(1)));

        // Markers first, then the stops' names wherever they overlap nothing (bigger clusters
        // first), then the basemap's names around both: no label covers another or a marker,
        // and none runs off the map's edge. Kept while the view is unchanged.
        let key = PlacementKey {
            scene: self.key,
            view: (view.scale, view.offset),
            clip: response.rect,
            basemap_names: self.labels.len(),
            reserved: self.reserved.clone(),
            dark_mode: ui.visuals().dark_mode,
            pixels_per_point: ui.pixels_per_point(),
            label_scale: self.tokens.map_label_scale,
        };
        let names = Names {
            painter: &painter,
            projector,
            groups: self.scene.groups(),
            basemap: self.labels,
            reserved: &self.reserved,
            tokens: self.tokens,
        };
        let placement = self.placement.get(key, || names.place(&visible, response.rect));
        labels_ui(&painter, &placement.basemap_names, self.tokens);
        let label_at = placement.marker_names.clone();
        // Slides show no tooltips: the pointer may rest anywhere while a teacher talks.
        let pointer = response.hover_pos().filter(|_| self.route_until.is_none());
        let routes = Routes {
            ui,
            painter: &painter,
            pointer,
            view,
            clip: response.rect,
            trip: self.trip,
            chronology: self.chronology,
            tokens: self.tokens,
            drawing: self.route_until.map(|n| (n, self.route_progress)),
        };
        routes.route_ui(self.scene, self.key, self.route_cache);

        let markers = Markers {
            ui,
            painter: &painter,
            trip: self.trip,
            chronology: self.chronology,
            tokens: self.tokens,
            tooltips: self.route_until.is_none(),
        };
        let scene: &Scene = self.scene;
        for (marker, &label_at) in visible.iter().zip(&label_at) {
            let members: Vec<&PlacedStop<'_>> = marker.members.iter().collect();
            let Some(group) = scene.groups().get(marker.group) else {
                continue;
            };
            let summary = MarkerSummary {
                first_stop: group
                    .cluster
                    .members
                    .first()
                    .and_then(|&m| scene.stops().get(m))
                    .map_or(0, |s| s.stop + 1),
                visits: group.visits,
                names: &group.names,
                selected: selected_group == Some(marker.group),
            };
            let style = (marker.style, marker.radius);
            if !markers.marker_ui(marker.centre, &members, summary, style, label_at) {
                continue;
            }
            match members.as_slice() {
                // Activated without the pointer (keyboard, screen reader): its stops were not
                // listed this frame, so zoom to them from the scene.
                [] => {
                    let stops = scene.stops();
                    *self.zoom_to = GeoBounds::of(
                        group
                            .cluster
                            .members
                            .iter()
                            .filter_map(|&m| stops.get(m))
                            .map(|s| s.location),
                    );
                }
                [only] => self.commands.send(Command::Select(
                    only.first_shown.or_else(|| only.stop.events.first().copied()),
                )),
                many => *self.zoom_to = GeoBounds::of(many.iter().map(|s| s.location)),
            }
        }
    }
}

/// What placing names needs.
struct Names<'n> {
    painter: &'n egui::Painter,
    projector: &'n Projector<'n>,
    groups: &'n [super::scene::MarkerGroup],
    basemap: &'n [MapLabel],
    reserved: &'n [ScreenBox],
    tokens: &'n Tokens,
}

impl Names<'_> {
    /// Place the names of the `visible` markers (bigger clusters first, each right of its
    /// marker, else above, below or left, else only in its tooltip), then the basemap's names
    /// around them, all inside `map`.
    fn place(&self, visible: &[Visible<'_>], map: Rect) -> Placement {
        let font = self.tokens.map_font(theme::MAP_LABEL_SIZE);
        let mut taken = self.reserved.to_vec();
        taken.extend(visible.iter().filter(|m| m.style != MarkerStyle::Faint).map(|m| {
            screen_box(Rect::from_center_size(
                m.centre,
                Vec2::splat(m.radius * 2.0 + 4.0),
            ))
        }));
        let inside = map.shrink(2.0);
        // Names for markers on the map only: a name whose marker is off the edge names nothing.
        let mut order: Vec<usize> = (0..visible.len())
            .filter(|&i| visible[i].style != MarkerStyle::Faint && inside.contains(visible[i].centre))
            .collect();
        let size_of = |i: usize| {
            self.groups
                .get(visible[i].group)
                .map_or(0, |g| g.cluster.members.len())
        };
        order.sort_by_key(|&i| std::cmp::Reverse(size_of(i)));
        let mut marker_names: Vec<Option<Rect>> = vec![None; visible.len()];
        for i in order {
            let Some(group) = self.groups.get(visible[i].group) else {
                continue;
            };
            let size = self
                .painter
                .layout_no_wrap(group.names.clone(), font.clone(), self.tokens.map_text)
                .size();
            let spot = label_spots(visible[i].centre, visible[i].radius, size)
                .into_iter()
                .find(|spot| {
                    inside.contains_rect(*spot)
                        && !taken.iter().any(|t| overlaps(t, &screen_box(spot.expand(2.0))))
                });
            if let Some(spot) = spot {
                taken.push(screen_box(spot.expand(2.0)));
                marker_names[i] = Some(spot);
            }
        }
        Placement {
            marker_names,
            basemap_names: place_labels(self.painter, self.projector, self.basemap, &taken, self.tokens),
        }
    }
}

impl<'a> TripLayer<'a> {
    /// The scene's markers whose disc is on screen, with their stops where they are needed.
    fn visible_markers(&self, view: MercatorView, clip: Rect, pointer: Option<Pos2>) -> Vec<Visible<'a>> {
        let (trip, chronology): (&'a Trip, &'a Chronology) = (self.trip, self.chronology);
        let stops = self.scene.stops();
        self.scene
            .groups()
            .iter()
            .enumerate()
            .filter_map(|(index, group)| {
                let centre = group.cluster.centre + view.offset;
                let disc = Rect::from_center_size(centre, Vec2::splat(group.radius * 2.0));
                if !disc.intersects(clip) {
                    return None;
                }
                let listed = group.style == MarkerStyle::Numbered
                    || group.cluster.members.len() <= ALWAYS_LISTED_STOPS
                    || pointer.is_some_and(|p| p.distance(centre) <= group.radius + 4.0);
                if !listed {
                    return Some(Visible {
                        centre,
                        radius: group.radius,
                        style: group.style,
                        group: index,
                        members: Vec::new(),
                    });
                }
                let members = group
                    .cluster
                    .members
                    .iter()
                    .filter_map(|&m| {
                        let point = stops.get(m)?;
                        let stop = chronology.stops.get(point.stop)?;
                        let place = trip.places.get(stop.place)?;
                        Some(PlacedStop {
                            stop,
                            name: &place.name,
                            location: point.location,
                            first_shown: point.first_shown,
                            approximate: place.approximate,
                        })
                    })
                    .collect();
                Some(Visible {
                    centre,
                    radius: group.radius,
                    style: group.style,
                    group: index,
                    members,
                })
            })
            .collect()
    }
}
