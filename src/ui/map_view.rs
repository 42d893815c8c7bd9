//! The map: offline basemap, numbered stops, route legs, and the camera that follows selection.
//!
//! This is the only module that converts our [`LatLon`] into `walkers::Position`. The camera
//! frames the whole trip when a trip opens (or on request) and glides to the selected stop when
//! the selection moves to another place.

use std::sync::Arc;

use egui::{Align2, Rect, Role, Sense, Stroke, Ui, Vec2, WidgetInfo, vec2};
use walkers::{Map, MapMemory, Plugin, Position, Projector, lat_lon};

use super::theme::{self, Tokens};
use super::tiles::OfflineTiles;
use crate::basemap::{Basemap, to_mercator};
use crate::command::{Command, Commands};
use crate::model::{Chronology, LatLon, Trip};
use crate::state::AppState;

/// How long the camera takes to glide to a new selection, in seconds.
const FLIGHT_SECS: f64 = 0.6;

/// Convert our coordinates to the map widget's.
pub fn to_position(p: LatLon) -> Position {
    lat_lon(p.lat_deg, p.lon_deg)
}

/// A camera move in progress.
#[derive(Clone, Copy, Debug)]
struct Flight {
    from: LatLon,
    to: LatLon,
    start_secs: f64,
}

/// The map panel's own state.
pub struct MapView {
    memory: MapMemory,
    tiles: OfflineTiles,
    centre: LatLon,
    followed_selection: Option<usize>,
    flight: Option<Flight>,
}

impl MapView {
    /// A map view drawing `basemap`.
    pub fn new(ctx: &egui::Context, basemap: Arc<Basemap>) -> Self {
        let tokens = Tokens::for_visuals(&ctx.global_style().visuals);
        let mut memory = MapMemory::default();
        let _ = memory.set_zoom(2.0);
        Self {
            memory,
            tiles: OfflineTiles::new(ctx.clone(), basemap, tokens.tiles),
            centre: LatLon::new(40.0, 60.0),
            followed_selection: None,
            flight: None,
        }
    }

    /// Current zoom level of the map.
    pub fn zoom(&self) -> f64 {
        self.memory.zoom()
    }

    /// Frame every stop of the trip in a map of `size` points.
    fn fit(&mut self, chronology: &Chronology, size: Vec2) {
        let Some(bounds) = chronology.bounds() else { return };
        let [x0, y1] = to_mercator([bounds.min.lon_deg, bounds.min.lat_deg]);
        let [x1, y0] = to_mercator([bounds.max.lon_deg, bounds.max.lat_deg]);
        // Leave room for labels and markers around the edge.
        let (width, height) = (
            (size.x - 160.0).max(64.0) as f64,
            (size.y - 100.0).max(64.0) as f64,
        );
        let zoom_x = (width / (256.0 * (x1 - x0).max(1e-9))).log2();
        let zoom_y = (height / (256.0 * (y1 - y0).max(1e-9))).log2();
        let zoom = zoom_x.min(zoom_y).clamp(1.0, 12.0);
        let _ = self.memory.set_zoom(zoom);
        let centre_merc = [(x0 + x1) / 2.0, (y0 + y1) / 2.0];
        self.centre = from_mercator(centre_merc);
        self.memory.center_at(to_position(self.centre));
        self.flight = None;
    }

    /// Draw the map and queue commands for clicks on it.
    pub fn ui(&mut self, ui: &mut Ui, state: &mut AppState, commands: &mut Commands) {
        let tokens = Tokens::for_visuals(ui.visuals());
        self.tiles.begin_frame(tokens.tiles);
        if state.fit_map_requested {
            if let Some((_, chronology)) = state.trip() {
                self.fit(chronology, ui.available_size());
            }
            state.fit_map_requested = false;
            self.followed_selection = state.selection;
        }
        self.follow_selection(ui, state);

        let now = ui.input(|i| i.time);
        if let Some(flight) = self.flight {
            let t = ((now - flight.start_secs) / FLIGHT_SECS).clamp(0.0, 1.0);
            let eased = 1.0 - (1.0 - t).powi(3);
            self.centre = flight.from.geodesic_point_at(flight.to, eased);
            self.memory.center_at(to_position(self.centre));
            if t >= 1.0 {
                self.flight = None;
            } else {
                ui.ctx().request_repaint();
            }
        }

        let mut map = Map::new(Some(&mut self.tiles), &mut self.memory, to_position(self.centre));
        if let Some((trip, chronology)) = state.trip() {
            map = map.with_plugin(StopsPlugin {
                trip,
                chronology,
                selection: state.selection,
                tokens: &tokens,
                commands,
            });
        }
        let response = map.show(ui, |_, _, _, _| ()).response;
        controls_ui(ui, response.rect, commands);
        attribution_ui(ui, response.rect, &tokens);
        if response.dragged() {
            self.flight = None;
        }
    }

    fn follow_selection(&mut self, ui: &Ui, state: &AppState) {
        if state.selection == self.followed_selection {
            return;
        }
        self.followed_selection = state.selection;
        let Some((_, chronology)) = state.trip() else {
            return;
        };
        let target = state
            .selection
            .and_then(|i| chronology.event(i))
            .and_then(|e| chronology.places.get(e.place).copied().flatten())
            .map(|p| p.location);
        if let Some(to) = target {
            let from = self
                .memory
                .detached()
                .map_or(self.centre, |p| LatLon::new(p.y(), p.x()));
            self.flight = Some(Flight {
                from,
                to,
                start_secs: ui.input(|i| i.time),
            });
        }
    }
}

fn from_mercator([x, y]: [f64; 2]) -> LatLon {
    let lon = x * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y))
        .sinh()
        .atan()
        .to_degrees();
    LatLon::new(lat, lon)
}

fn controls_ui(ui: &mut Ui, rect: Rect, commands: &mut Commands) {
    let area = Rect::from_min_size(rect.left_top() + vec2(10.0, 10.0), vec2(120.0, 30.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
        if ui
            .button("Fit trip")
            .on_hover_text("Show the whole trip on the map")
            .clicked()
        {
            commands.send(Command::FitMap);
        }
    });
}

fn attribution_ui(ui: &Ui, rect: Rect, tokens: &Tokens) {
    let text = format!(
        "{} · City data © GeoNames, CC BY 4.0",
        crate::basemap::ATTRIBUTION
    );
    let painter = ui.painter_at(rect);
    let galley = painter.layout_no_wrap(text, egui::FontId::proportional(10.0), tokens.map_text);
    let pos = rect.right_bottom() - galley.size() - vec2(6.0, 4.0);
    let background = Rect::from_min_size(pos, galley.size()).expand(3.0);
    painter.rect_filled(background, 3.0, tokens.halo.gamma_multiply(0.75));
    painter.galley(pos, galley, tokens.map_text);
}

/// Draws route legs and numbered stop markers, and turns clicks into selection commands.
struct StopsPlugin<'a> {
    trip: &'a Trip,
    chronology: &'a Chronology,
    selection: Option<usize>,
    tokens: &'a Tokens,
    commands: &'a mut Commands,
}

impl Plugin for StopsPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let painter = ui.painter().clone();
        let locations: Vec<LatLon> = self.chronology.stop_locations().collect();
        let route = Stroke::new(theme::ROUTE_WIDTH, self.tokens.route);
        for leg in locations.windows(2) {
            let points: Vec<egui::Pos2> = leg[0]
                .geodesic_path(leg[1], 50_000.0)
                .into_iter()
                .map(|p| projector.project(to_position(p)).to_pos2())
                .collect();
            painter.add(egui::Shape::line(points, route));
        }

        let selected_stop = self
            .selection
            .and_then(|i| self.chronology.stop_of(i))
            .map(|s| s.number);
        for stop in &self.chronology.stops {
            let (Some(place), Some(Some(resolved))) = (
                self.trip.places.get(stop.place),
                self.chronology.places.get(stop.place),
            ) else {
                continue;
            };
            let centre = projector.project(to_position(resolved.location)).to_pos2();
            let first_event = stop.events.first().copied();
            let kind = first_event
                .and_then(|i| self.trip.events.get(i))
                .map(|e| e.kind)
                .unwrap_or_default();
            let rect = Rect::from_center_size(centre, Vec2::splat(theme::MARKER_RADIUS * 2.0));
            let response = ui.interact(rect, ui.scope_id().with(("stop", stop.number)), Sense::click());
            let label = format!("Stop {}: {}", stop.number, place.name);
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
            let selected = selected_stop == Some(stop.number);
            let radius = theme::MARKER_RADIUS + if response.hovered() { 2.0 } else { 0.0 };
            if selected {
                painter.circle_filled(centre, radius + 5.0, self.tokens.selection);
            }
            painter.circle(
                centre,
                radius,
                theme::kind_colour(kind),
                Stroke::new(2.0, self.tokens.halo),
            );
            painter.text(
                centre,
                Align2::CENTER_CENTER,
                stop.number.to_string(),
                egui::FontId::proportional(theme::MAP_LABEL_SIZE - 1.0),
                theme::on_kind_colour(),
            );
            halo_text(
                &painter,
                centre + vec2(radius + 6.0, 0.0),
                &place.name,
                self.tokens,
            );
            let response = response.on_hover_ui(|ui| stop_tooltip_ui(ui, self.trip, stop));
            if response.clicked() {
                self.commands.send(Command::Select(first_event));
            }
        }
    }
}

fn halo_text(painter: &egui::Painter, pos: egui::Pos2, text: &str, tokens: &Tokens) {
    let font = egui::FontId::proportional(theme::MAP_LABEL_SIZE);
    for offset in [vec2(-1.0, 0.0), vec2(1.0, 0.0), vec2(0.0, -1.0), vec2(0.0, 1.0)] {
        painter.text(pos + offset, Align2::LEFT_CENTER, text, font.clone(), tokens.halo);
    }
    painter.text(pos, Align2::LEFT_CENTER, text, font, tokens.map_text);
}

fn stop_tooltip_ui(ui: &mut Ui, trip: &Trip, stop: &crate::model::Stop) {
    if let Some(place) = trip.places.get(stop.place) {
        ui.strong(format!("{}. {}", stop.number, place.name));
    }
    for &i in &stop.events {
        if let Some(event) = trip.events.get(i) {
            ui.label(format!("• {}", event.title));
        }
    }
}
