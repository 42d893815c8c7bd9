//! The map panel: camera, controls, and the layers drawn over the offline basemap.
//!
//! This is the only module that converts our [`LatLon`] into `walkers::Position`. The camera
//! frames the whole trip when a trip opens (or on request), glides to the selected stop when the
//! selection moves to another place, and zooms into a cluster that is clicked. With the map
//! focused (click it), arrow keys pan and +/− zoom; otherwise the arrow keys step events.

use egui::{Rect, Ui};

use camera::Camera;
use walkers::{Map, MapMemory};

pub mod camera;
pub mod cluster;
pub mod draw;
pub mod labels;
pub mod layers;
pub mod legs;
pub mod markers;
pub mod online;
pub mod overlay;
pub mod placement;
pub mod polyline;
pub mod projection;
pub mod routes;
pub mod scene;
pub mod tiles;
pub mod tooltip;

use layers::TripLayer;
use online::OnlineLayer;
use overlay::{attribution_ui, controls_ui, legend_ui, scale_bar_ui};
use projection::{from_position, screen_box, to_position};
use tiles::{OfflineTiles, RecordingTiles};

use crate::command::Commands;
use crate::model::LatLon;
use crate::state::AppState;
use crate::ui::theme::{self, Tokens};

/// The map panel's own state.
pub struct MapView {
    /// Where the map looks and how it moves.
    camera: Camera,
    tiles: OfflineTiles,
    /// The trip's geometry, kept between frames.
    scene: scene::Scene,
    /// The routes as last drawn.
    route_cache: routes::RouteCache,
    /// Where names went in the last view.
    placement: placement::PlacementCache,
    map_id: Option<egui::Id>,
    seen_generation: u64,
    /// Set by [`MapView::request_fit`] (from [`crate::command::Effect::FitMap`]); the next
    /// frame frames the trip.
    fit_requested: bool,
    /// A screen area drawn over the map (a slide's card) that stop names must avoid.
    keep_clear: Option<Rect>,
    online: OnlineLayer,
}

impl MapView {
    /// A map view over the bundled offline basemap.
    pub fn new(ctx: &egui::Context) -> Self {
        let tokens = Tokens::for_visuals(&ctx.global_style().visuals);
        let mut memory = MapMemory::default();
        let _ = memory.set_zoom(2.0);
        Self {
            camera: Camera::new(memory),
            tiles: OfflineTiles::new(ctx.clone(), tokens.tiles),
            scene: scene::Scene::default(),
            route_cache: routes::RouteCache::default(),
            placement: placement::PlacementCache::default(),
            map_id: None,
            seen_generation: 0,
            fit_requested: false,
            keep_clear: None,
            online: OnlineLayer::default(),
        }
    }

    /// Current zoom level of the map.
    pub fn zoom(&self) -> f64 {
        self.camera.zoom()
    }

    /// The geographic centre of the view.
    pub fn centre(&self) -> LatLon {
        self.camera.centre()
    }

    /// Show `centre` at `zoom` at once (no animation).
    pub fn look_at(&mut self, centre: LatLon, zoom: f64) {
        self.camera.jump_to((centre, zoom));
    }

    /// Whether the camera is still gliding to a target.
    pub fn is_moving(&self) -> bool {
        self.camera.is_flying()
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
        self.is_drawn() && !self.camera.is_flying()
    }

    /// Whether this frame's view is fully drawn (basemap, every tile in view, names), moving
    /// or not: a video frame is recorded only then.
    pub fn is_drawn(&self) -> bool {
        self.tiles.basemap().is_some() && self.tiles.visible_missing() == 0 && self.tiles.labels_ready()
    }

    /// Whether the map has keyboard focus (then it takes the arrow keys).
    pub fn has_focus(&self, ctx: &egui::Context) -> bool {
        self.map_id.is_some_and(|id| ctx.memory(|m| m.has_focus(id)))
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
        self.camera.width_pts = size.x;
        if self.zoom() < self.camera.min_zoom() {
            // The wheel or a smaller window went below the world's width.
            let _ = self.camera.memory.set_zoom(self.camera.min_zoom());
        }
        self.camera.keep_world_in_view();
        let now = crate::ui::clock::now_secs(ui.ctx());
        self.tiles.begin_frame(tokens.tiles);
        if std::mem::take(&mut self.fit_requested) {
            if let Some(bounds) = state.view_bounds() {
                let target = Camera::framing(&bounds, size);
                // A new trip appears framed at once; a re-fit of the same trip glides.
                if self.seen_generation == state.generation() {
                    self.camera.fly_to(target, now);
                } else {
                    self.camera.jump_to(target);
                }
            }
            self.seen_generation = state.generation();
            self.camera.followed_selection = state.selection();
            self.camera.mark_framed(size);
        } else {
            self.camera.keep_framed(state, size);
        }
        self.camera.follow_selection(state, size, now);
        self.camera.animate(ui, now);

        let route_progress = {
            let reached = state
                .trip()
                .and_then(|(_, c)| Some(state.presentation()?.route_until(c)));
            self.camera.route_progress(reached, now)
        };
        let mut zoom_to = None;
        let labels = self.tiles.labels().clone();
        let mut reserved = overlay::reserved_areas(ui, ui.available_rect_before_wrap(), self.online());
        reserved.extend(self.keep_clear.map(screen_box));
        let mut tiles = RecordingTiles {
            inner: &mut self.tiles,
            wanted: Default::default(),
        };
        let mut map = Map::new(
            Some(&mut tiles),
            &mut self.camera.memory,
            to_position(self.camera.centre),
        );
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
                route_progress,
            });
        }
        let shown = map.show(ui, |_, response, projector, memory| {
            let centre = memory
                .detached()
                .unwrap_or_else(|| to_position(self.camera.centre));
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
            self.camera.stop();
        }
        if let Some(bounds) = zoom_to {
            let (centre, zoom) = Camera::framing(&bounds, size);
            self.camera.fly_to((centre, zoom.max(self.zoom() + 1.0)), now);
        }
        if response.has_focus() {
            // Keep the arrow keys for panning instead of egui's focus navigation.
            let filter = egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..Default::default()
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(response.id, filter));
            self.camera.keyboard(ui);
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
                self.camera.zoom_by(zoom_change);
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

    /// Keep stop and place names out of `area` (a slide's card drawn over the map).
    pub fn keep_clear(&mut self, area: Option<Rect>) {
        self.keep_clear = area;
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
