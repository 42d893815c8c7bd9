//! The map's camera: framing the trip (and framing it again when the panel changes size, until
//! the reader moves the map), gliding to the selection and to an edited event that moved off
//! screen, keyboard panning and zooming, and keeping the world's edges in view.
//!
//! Invariant: the zoom stays between the panel's lowest (the world fills its width) and
//! [`MAX_ZOOM`]; a flight eases centre and zoom together and ends exactly at its target.

use egui::{Key, Ui, Vec2, vec2};

use walkers::MapMemory;

use super::projection::from_position;
use super::projection::{MAX_ZOOM, from_mercator, min_zoom_for, to_position};
use crate::basemap::to_mercator;
use crate::model::{GeoBounds, LatLon};
use crate::state::AppState;
use crate::ui::theme;

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

/// A framing of the trip and the panel size it was made for.
#[derive(Clone, Copy, Debug)]
struct Fitted {
    size: Vec2,
    /// Centre and zoom once the camera settled (`None` until then).
    view: Option<(LatLon, f64)>,
}

/// The map's camera: where it looks, where it is flying, what it follows.
pub struct Camera {
    pub(super) memory: MapMemory,
    pub(super) centre: LatLon,
    pub(super) followed_selection: Option<usize>,
    /// Where the followed selection was (an edit may move it).
    pub(super) followed_location: Option<LatLon>,
    flight: Option<Flight>,
    /// Width of the map panel when last drawn, in points (it sets the lowest zoom).
    pub(super) width_pts: f32,
    /// The view as last framed, while the reader has not moved it: a change of the panel's
    /// size (a resized window, a dragged panel edge, 200 % scale) frames the trip again.
    fitted: Option<Fitted>,
    /// The stop the presentation's route last reached and when (in seconds of the clock) it
    /// changed: the legs into it draw themselves over [`FLIGHT_SECS`].
    pub(super) route_reached: Option<(usize, f64)>,
}

impl Camera {
    /// A camera over `memory`, looking at Central Asia until a trip is framed.
    pub(super) fn new(memory: MapMemory) -> Self {
        Self {
            memory,
            centre: LatLon::new(40.0, 60.0),
            followed_selection: None,
            followed_location: None,
            flight: None,
            width_pts: 0.0,
            fitted: None,
            route_reached: None,
        }
    }

    /// The trip was just framed for a panel of `size`: frame it again if the panel changes
    /// before the reader moves the map.
    pub(super) fn mark_framed(&mut self, size: Vec2) {
        self.fitted = Some(Fitted { size, view: None });
    }

    /// Whether the camera is gliding to a target.
    pub(super) fn is_flying(&self) -> bool {
        self.flight.is_some()
    }

    /// Stop gliding (the reader took the map).
    pub(super) fn stop(&mut self) {
        self.flight = None;
    }

    /// Current zoom level.
    pub(super) fn zoom(&self) -> f64 {
        self.memory.zoom()
    }

    /// The geographic centre of the view.
    pub(super) fn centre(&self) -> LatLon {
        self.memory.detached().map_or(self.centre, from_position)
    }

    /// The centre and zoom that frame `bounds` in a map of `size` points.
    pub(super) fn framing(bounds: &GeoBounds, size: Vec2) -> (LatLon, f64) {
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

    pub(super) fn fly_to(&mut self, target: (LatLon, f64), now_secs: f64) {
        self.flight = Some(Flight {
            from: (self.centre(), self.zoom()),
            to: target,
            start_secs: now_secs,
        });
    }

    pub(super) fn jump_to(&mut self, (centre, zoom): (LatLon, f64)) {
        self.centre = centre;
        self.memory.center_at(to_position(centre));
        let _ = self.memory.set_zoom(zoom.clamp(self.min_zoom(), MAX_ZOOM));
        self.flight = None;
    }

    /// Frame the trip again when the panel changed size since it was framed, unless the reader
    /// has moved the camera since.
    pub(super) fn keep_framed(&mut self, state: &AppState, size: Vec2) {
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
            self.mark_framed(size);
        }
    }

    /// Keep the view's left and right edges within ±180° (the map does not wrap), so no empty
    /// band shows beside the world at low zoom.
    pub(super) fn keep_world_in_view(&mut self) {
        let world_pts = self.world_pts();
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

    /// The world's width in points at the current zoom (256 at zoom 0).
    fn world_pts(&self) -> f64 {
        256.0 * 2f64.powf(self.zoom())
    }

    /// The lowest zoom at which the world fills the panel.
    pub(super) fn min_zoom(&self) -> f64 {
        min_zoom_for(self.width_pts)
    }

    pub(super) fn zoom_by(&mut self, delta: f64) {
        let _ = self
            .memory
            .set_zoom((self.zoom() + delta).clamp(self.min_zoom(), MAX_ZOOM));
    }

    pub(super) fn keyboard(&mut self, ui: &Ui) {
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
            let world_points = self.world_pts();
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
    pub(super) fn follow_selection(&mut self, state: &AppState, size: Vec2, now: f64) {
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

    /// How far the route into the presentation's newest stop is drawn, from 0 when the slide
    /// changed to 1 as the camera lands; 1 outside a presentation and on going back.
    pub(super) fn route_progress(&mut self, route_until: Option<usize>, now: f64) -> f32 {
        let Some(stop) = route_until else {
            self.route_reached = None;
            return 1.0;
        };
        match self.route_reached {
            Some((before, _)) if before == stop => {}
            // Forward: draw from the start. Back, or the first slide: drawn at once.
            Some((before, _)) if stop > before => self.route_reached = Some((stop, now)),
            _ => self.route_reached = Some((stop, now - FLIGHT_SECS)),
        }
        let since = self.route_reached.map_or(FLIGHT_SECS, |(_, at)| now - at);
        (since / FLIGHT_SECS).clamp(0.0, 1.0) as f32
    }

    /// Whether `at` is inside a map of `size` points, away from its edges.
    fn shows(&self, at: LatLon, size: Vec2) -> bool {
        let world_pts = self.world_pts();
        let centre = to_mercator([self.centre().lon_deg, self.centre().lat_deg]);
        let point = to_mercator([at.lon_deg, at.lat_deg]);
        let margin = f64::from(theme::MAP_OVERLAY_MARGIN) * 4.0;
        let dx = ((point[0] - centre[0]) * world_pts).abs();
        let dy = ((point[1] - centre[1]) * world_pts).abs();
        dx < f64::from(size.x) / 2.0 - margin && dy < f64::from(size.y) / 2.0 - margin
    }

    pub(super) fn animate(&mut self, ui: &Ui, now: f64) {
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
