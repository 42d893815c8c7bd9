//! The map panel: camera, controls, and the layers drawn over the offline basemap.
//!
//! This is the only module that converts our [`LatLon`] into `walkers::Position`. The camera
//! frames the whole trip when a trip opens (or on request), glides to the selected stop when the
//! selection moves to another place, and zooms into a cluster that is clicked. With the map
//! focused (click it), arrow keys pan and +/− zoom; otherwise the arrow keys step events.

use egui::{Key, Rect, Ui, Vec2, vec2};
use walkers::{Map, MapMemory};

pub mod cluster;
pub mod draw;
pub mod labels;
pub mod layers;
pub mod legs;
pub mod markers;
pub mod online;
pub mod overlay;
pub mod placement;
pub mod projection;
pub mod routes;
pub mod scene;
pub mod tiles;
pub mod tooltip;

use layers::TripLayer;
use online::OnlineLayer;
use overlay::{attribution_ui, controls_ui, legend_ui, scale_bar_ui};
use projection::{MAX_ZOOM, from_mercator, from_position, min_zoom_for, screen_box, to_position};
use tiles::{OfflineTiles, RecordingTiles};

use crate::basemap::to_mercator;
use crate::command::Commands;
use crate::model::{GeoBounds, LatLon};
use crate::state::AppState;
use crate::ui::theme::{self, Tokens};

/// How long the camera takes to glide to a new selection, in seconds.
const FLIGHT_SECS: f64 = 0.7;
/// How far one arrow key press pans, in points.
const KEY_PAN_POINTS: f32 = 120.0;

/// A camera move in progress: centre and zoom are eased together.
#[derive(Clone, Copy, Debug)]
struct Flight {
    from: (LatLon, f64),
    to: (LatLon, f64),
    start_secs: f64,
}

/// The map panel's own state.
pub struct MapView {
    memory: MapMemory,
    tiles: OfflineTiles,
    /// The trip's geometry, kept between frames.
    scene: scene::Scene,
    /// The routes as last drawn.
    route_cache: routes::RouteCache,
    /// Where names went in the last view.
    placement: placement::PlacementCache,
    centre: LatLon,
    followed_selection: Option<usize>,
    /// Where the followed selection was (an edit may move it).
    followed_location: Option<LatLon>,
    flight: Option<Flight>,
    map_id: Option<egui::Id>,
    seen_generation: u64,
    /// Set by [`MapView::request_fit`] (from [`crate::command::Effect::FitMap`]); the next
    /// frame frames the trip.
    fit_requested: bool,
    /// Width of the map panel when last drawn, in points (it sets the lowest zoom).
    width_pts: f32,
    /// A screen area drawn over the map (a slide's card) that stop names must avoid.
    keep_clear: Option<Rect>,
    online: OnlineLayer,
    /// The view as last framed, while the reader has not moved it: a change of the panel's size
    /// (a resized window, a dragged panel edge, 200 % scale) frames the trip again.
    fitted: Option<Fitted>,
}

/// A framing of the trip and the panel size it was made for.
#[derive(Clone, Copy, Debug)]
struct Fitted {
    size: Vec2,
    /// Centre and zoom once the camera settled (`None` until then).
    view: Option<(LatLon, f64)>,
}

impl MapView {
    /// A map view over the bundled offline basemap.
    pub fn new(ctx: &egui::Context) -> Self {
        let tokens = Tokens::for_visuals(&ctx.global_style().visuals);
        let mut memory = MapMemory::default();
        let _ = memory.set_zoom(2.0);
        Self {
            memory,
            tiles: OfflineTiles::new(ctx.clone(), tokens.tiles),
            scene: scene::Scene::default(),
            route_cache: routes::RouteCache::default(),
            placement: placement::PlacementCache::default(),
            centre: LatLon::new(40.0, 60.0),
            followed_selection: None,
            followed_location: None,
            flight: None,
            map_id: None,
            seen_generation: 0,
            fit_requested: false,
            width_pts: 0.0,
            keep_clear: None,
            online: OnlineLayer::default(),
            fitted: None,
        }
    }

    /// Current zoom level of the map.
    pub fn zoom(&self) -> f64 {
        self.memory.zoom()
    }

    /// The geographic centre of the view.
    pub fn centre(&self) -> LatLon {
        self.memory.detached().map_or(self.centre, from_position)
    }

    /// Whether OpenStreetMap tiles are drawn over the offline map.
    pub fn online(&self) -> bool {
        self.online.enabled()
    }

    /// Turn the online layer on or off.
    pub fn set_online(&mut self, ctx: &egui::Context, on: bool) {
        self.online.set_enabled(ctx, on);
    }

    /// Basemap tiles still being drawn.
    pub fn tiles_pending(&self) -> usize {
        self.tiles.pending()
    }

    /// Whether the map is fully drawn: the basemap decoded, every tile in view drawn (not a
    /// stretched parent), the names placed and the camera still. Tiles preloaded for later
    /// zooming may still be on their way.
    pub fn is_complete(&self) -> bool {
        self.tiles.basemap().is_some()
            && self.tiles.visible_missing() == 0
            && self.tiles.labels_ready()
            && self.flight.is_none()
    }

    /// Whether the map has keyboard focus (then it takes the arrow keys).
    pub fn has_focus(&self, ctx: &egui::Context) -> bool {
        self.map_id.is_some_and(|id| ctx.memory(|m| m.has_focus(id)))
    }

    /// The centre and zoom that frame `bounds` in a map of `size` points.
    fn framing(bounds: &GeoBounds, size: Vec2) -> (LatLon, f64) {
        let [x0, y1] = to_mercator([bounds.min.lon_deg, bounds.min.lat_deg]);
        let [x1, y0] = to_mercator([bounds.max.lon_deg, bounds.max.lat_deg]);
        // Leave room for names and markers around the edge.
        let (width, height) = (
            f64::from((size.x - 200.0).max(64.0)),
            f64::from((size.y - 120.0).max(64.0)),
        );
        let zoom_x = (width / (256.0 * (x1 - x0).max(1e-9))).log2();
        let zoom_y = (height / (256.0 * (y1 - y0).max(1e-9))).log2();
        let zoom = zoom_x.min(zoom_y).clamp(min_zoom_for(size.x), 9.0);
        (from_mercator([(x0 + x1) / 2.0, (y0 + y1) / 2.0]), zoom)
    }

    fn fly_to(&mut self, target: (LatLon, f64), now_secs: f64) {
        self.flight = Some(Flight {
            from: (self.centre(), self.zoom()),
            to: target,
            start_secs: now_secs,
        });
    }

    /// Show `centre` at `zoom` at once (no animation).
    pub fn look_at(&mut self, centre: LatLon, zoom: f64) {
        self.jump_to((centre, zoom));
    }

    fn jump_to(&mut self, (centre, zoom): (LatLon, f64)) {
        self.centre = centre;
        self.memory.center_at(to_position(centre));
        let _ = self.memory.set_zoom(zoom.clamp(self.min_zoom(), MAX_ZOOM));
        self.flight = None;
    }

    /// Whether the camera is still gliding to a target.
    pub fn is_moving(&self) -> bool {
        self.flight.is_some()
    }

    /// Frame the whole trip on the next frame ([`crate::command::Effect::FitMap`]).
    pub fn request_fit(&mut self) {
        self.fit_requested = true;
    }

    /// Draw the map and queue commands for clicks on it.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let mut tokens = Tokens::for_visuals(ui.visuals());
        if state.presentation().is_some() {
            tokens = tokens.for_slides();
        }
        let size = ui.available_size();
        self.width_pts = size.x;
        if self.zoom() < self.min_zoom() {
            // The wheel or a smaller window went below the world's width.
            let _ = self.memory.set_zoom(self.min_zoom());
        }
        self.keep_world_in_view();
        let now = ui.input(|i| i.time);
        self.tiles.begin_frame(tokens.tiles);
        if std::mem::take(&mut self.fit_requested) {
            if let Some(bounds) = state.view_bounds() {
                let target = Self::framing(&bounds, size);
                // A new trip appears framed at once; a re-fit of the same trip glides.
                if self.seen_generation == state.generation() {
                    self.fly_to(target, now);
                } else {
                    self.jump_to(target);
                }
            }
            self.seen_generation = state.generation();
            self.followed_selection = state.selection();
            self.fitted = Some(Fitted { size, view: None });
        } else {
            self.keep_framed(state, size);
        }
        self.follow_selection(state, size, now);
        self.animate(ui, now);

        let mut zoom_to = None;
        let labels = self.tiles.labels().clone();
        let mut reserved = overlay::reserved_areas(ui, ui.available_rect_before_wrap(), self.online());
        reserved.extend(self.keep_clear.map(screen_box));
        let mut tiles = RecordingTiles {
            inner: &mut self.tiles,
            wanted: Default::default(),
        };
        let mut map = Map::new(Some(&mut tiles), &mut self.memory, to_position(self.centre));
        if let Some(online) = self.online.tiles_mut() {
            map = map.with_layer(online, 1.0);
        }
        let passes = |i| state.passes(i);
        if let Some((trip, chronology)) = state.trip() {
            let route_until = state.presentation().map(|p| p.route_until(chronology));
            map = map.with_plugin(TripLayer {
                trip,
                chronology,
                scene: &mut self.scene,
                route_cache: &mut self.route_cache,
                placement: &mut self.placement,
                key: scene::SceneKey {
                    revision: state.revision(),
                    matches_revision: state.matches_revision(),
                    route_until,
                },
                selection: state.selection(),
                tokens: &tokens,
                labels: labels.as_slice(),
                commands,
                zoom_to: &mut zoom_to,
                reserved,
                passes: &passes,
                route_until,
            });
        }
        let shown = map.show(ui, |_, response, projector, memory| {
            let centre = memory.detached().unwrap_or_else(|| to_position(self.centre));
            let clicked = response
                .clicked()
                .then(|| response.interact_pointer_pos())
                .flatten()
                .map(|p| from_position(projector.unproject(p.to_vec2())));
            (projector.scale_pixel_per_meter(centre), clicked)
        });
        let (points_per_m, clicked_at) = shown.inner;
        if let (Some(_), Some(at)) = (state.picking(), clicked_at) {
            commands.send(crate::command::Command::PlaceAt(at));
        }
        let wanted = std::mem::take(&mut tiles.wanted);
        self.tiles.end_frame(&wanted);
        let response = shown.response;
        self.map_id = Some(response.id);
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Map: arrow keys pan, + and − zoom")
        });
        crate::ui::accessible::focus_ring_ui(
            ui,
            &response,
            response.rect.shrink(theme::FOCUS_RING_WIDTH * 2.0),
            0.0,
        );
        if response.clicked() || response.dragged() {
            response.request_focus();
        }
        if response.dragged() || response.double_clicked() {
            self.flight = None;
        }
        if let Some(bounds) = zoom_to {
            let (centre, zoom) = Self::framing(&bounds, size);
            self.fly_to((centre, zoom.max(self.zoom() + 1.0)), now);
        }
        if response.has_focus() {
            // Keep the arrow keys for panning instead of egui's focus navigation.
            let filter = egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..Default::default()
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(response.id, filter));
            self.keyboard(ui);
        }
        let rect = response.rect;
        let online = self.online.enabled();
        // Slides show the map bare: no buttons, only the credits.
        if state.presentation().is_none() {
            // One route's length; a collection of journeys has no single route to measure.
            let route_km = state
                .trip()
                .filter(|(_, c)| c.journeys.len() < 2)
                .map(|(_, c)| c.route_length_m() / 1000.0);
            let requests = controls_ui(ui, rect, self.zoom(), online, route_km, commands, &tokens);
            if let Some(zoom_change) = requests.zoom_change {
                self.zoom_by(zoom_change);
            }
            if let Some(on) = requests.online {
                self.set_online(ui.ctx(), on);
            }
            scale_bar_ui(ui, rect, points_per_m, &tokens);
            legend_ui(ui, rect, &legend(state), &tokens);
        }
        attribution_ui(ui, rect, online, &tokens);
        if let Some(name) = state
            .picking()
            .and_then(|i| state.trip().and_then(|(t, _)| t.places.get(i)))
            .map(|p| p.name.clone())
        {
            overlay::hint_ui(
                ui,
                rect,
                &format!("Click the map to place {name} · Esc cancels"),
                &tokens,
            );
        }
    }

    /// Frame the trip again when the panel changed size since it was framed, unless the reader
    /// has moved the camera since.
    fn keep_framed(&mut self, state: &AppState, size: Vec2) {
        let now = (self.centre(), self.zoom());
        let Some(fitted) = self.fitted.as_mut() else {
            return;
        };
        if self.flight.is_some() {
            return;
        }
        let Some(view) = fitted.view else {
            fitted.view = Some(now);
            return;
        };
        let moved = view.0.distance_m(now.0) > 1.0 || (view.1 - now.1).abs() > 1e-6;
        if moved {
            self.fitted = None;
        } else if (fitted.size - size).length() > 0.5
            && let Some(bounds) = state.view_bounds()
        {
            self.jump_to(Self::framing(&bounds, size));
            self.fitted = Some(Fitted { size, view: None });
        }
    }

    /// Keep the view's left and right edges within ±180° (the map does not wrap), so no empty
    /// band shows beside the world at low zoom.
    fn keep_world_in_view(&mut self) {
        let world_pts = 256.0 * 2f64.powf(self.zoom());
        let half_deg = f64::from(self.width_pts) / 2.0 / world_pts * 360.0;
        let centre = self.centre();
        let limit = (180.0 - half_deg).max(0.0);
        let lon = centre.lon_deg.clamp(-limit, limit);
        if (lon - centre.lon_deg).abs() > 1e-9 {
            let clamped = LatLon::new(centre.lat_deg, lon);
            self.centre = clamped;
            self.memory.center_at(to_position(clamped));
        }
    }

    /// Keep stop and place names out of `area` (a slide's card drawn over the map).
    pub fn keep_clear(&mut self, area: Option<Rect>) {
        self.keep_clear = area;
    }

    /// The lowest zoom at which the world fills the panel.
    fn min_zoom(&self) -> f64 {
        min_zoom_for(self.width_pts)
    }

    fn zoom_by(&mut self, delta: f64) {
        let _ = self
            .memory
            .set_zoom((self.zoom() + delta).clamp(self.min_zoom(), MAX_ZOOM));
    }

    fn keyboard(&mut self, ui: &Ui) {
        let mut pan = Vec2::ZERO;
        let mut zoom = 0.0;
        ui.input_mut(|input| {
            for (key, step) in [
                (Key::ArrowLeft, vec2(-1.0, 0.0)),
                (Key::ArrowRight, vec2(1.0, 0.0)),
                (Key::ArrowUp, vec2(0.0, -1.0)),
                (Key::ArrowDown, vec2(0.0, 1.0)),
            ] {
                if input.consume_key(egui::Modifiers::NONE, key) {
                    pan += step * KEY_PAN_POINTS;
                }
            }
            if input.consume_key(egui::Modifiers::NONE, Key::Plus)
                || input.consume_key(egui::Modifiers::NONE, Key::Equals)
            {
                zoom += 1.0;
            }
            if input.consume_key(egui::Modifiers::NONE, Key::Minus) {
                zoom -= 1.0;
            }
        });
        if pan != Vec2::ZERO {
            let world_points = 256.0 * 2f64.powf(self.zoom());
            let [x, y] = to_mercator([self.centre().lon_deg, self.centre().lat_deg]);
            let moved = [
                x + f64::from(pan.x) / world_points,
                (y + f64::from(pan.y) / world_points).clamp(0.0, 1.0),
            ];
            let mut centre = from_mercator(moved);
            centre.lon_deg = (centre.lon_deg + 540.0).rem_euclid(360.0) - 180.0;
            self.centre = centre;
            self.memory.center_at(to_position(centre));
            self.flight = None;
        }
        if zoom != 0.0 {
            self.zoom_by(zoom);
        }
    }

    /// Glide to a newly selected event's stop; and when an edit moves the selected event to
    /// another place off the screen, glide there too, so it never leaves the view.
    fn follow_selection(&mut self, state: &AppState, size: Vec2, now: f64) {
        let target = state
            .selection()
            .zip(state.trip())
            .and_then(|(i, (_, chronology))| {
                let event = chronology.event(i)?;
                Some(chronology.places.get(event.place).copied().flatten()?.location)
            });
        let same = state.selection() == self.followed_selection;
        let moved = same && self.followed_location.is_some() && target != self.followed_location;
        self.followed_selection = state.selection();
        self.followed_location = target;
        let Some(to) = target else { return };
        if same && (!moved || self.shows(to, size)) {
            return;
        }
        self.fitted = None;
        // Keep the zoom, but come close enough to see the stop among its neighbours.
        self.fly_to((to, self.zoom().max(4.0)), now);
    }

    /// Whether `at` is inside a map of `size` points, away from its edges.
    fn shows(&self, at: LatLon, size: Vec2) -> bool {
        let world_pts = 256.0 * 2f64.powf(self.zoom());
        let centre = to_mercator([self.centre().lon_deg, self.centre().lat_deg]);
        let point = to_mercator([at.lon_deg, at.lat_deg]);
        let margin = f64::from(theme::MAP_OVERLAY_MARGIN) * 4.0;
        let dx = ((point[0] - centre[0]) * world_pts).abs();
        let dy = ((point[1] - centre[1]) * world_pts).abs();
        dx < f64::from(size.x) / 2.0 - margin && dy < f64::from(size.y) / 2.0 - margin
    }

    fn animate(&mut self, ui: &Ui, now: f64) {
        let Some(flight) = self.flight else { return };
        let t = ((now - flight.start_secs) / FLIGHT_SECS).clamp(0.0, 1.0);
        // Ease in and out (cubic), so the move starts and lands gently.
        let eased = if t < 0.5 {
            4.0 * t * t * t
        } else {
            1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
        };
        self.centre = flight.from.0.geodesic_point_at(flight.to.0, eased);
        self.memory.center_at(to_position(self.centre));
        let _ = self
            .memory
            .set_zoom(flight.from.1 + (flight.to.1 - flight.from.1) * eased);
        if t >= 1.0 {
            self.flight = None;
        } else {
            ui.ctx().request_repaint();
        }
    }
}

/// Names and route colours of the travellers, when a trip has a few (two to seven, so no colour
/// repeats) and none is followed.
fn legend(state: &AppState) -> Vec<(String, egui::Color32)> {
    let Some((trip, chronology)) = state.trip().filter(|_| state.focus().is_none()) else {
        return Vec::new();
    };
    if !(2..=theme::TRAVELLER_PALETTE.len()).contains(&trip.travellers.len()) {
        return Vec::new();
    }
    trip.travellers
        .iter()
        .enumerate()
        .filter(|(t, _)| chronology.journeys.iter().any(|j| j.traveller == Some(*t)))
        .map(|(t, id)| (trip.person_name(id), theme::traveller_colour(Some(t))))
        .collect()
}
