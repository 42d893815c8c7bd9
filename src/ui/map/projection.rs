//! The leaf every map file stands on: converting between our [`LatLon`], the map widget's
//! `walkers::Position`, normalised Mercator and screen boxes; the zoom limits; and where corner
//! overlays go. It uses nothing else of the map, so the arrows between map files go one way.

use egui::{Rect, Vec2};
use walkers::{Position, lat_lon};

use crate::basemap::labels::ScreenBox;
use crate::model::LatLon;

/// Zoom limits of the map (the basemap has detail down to about zoom 10).
pub const MIN_ZOOM: f64 = 1.0;
/// See [`MIN_ZOOM`].
pub const MAX_ZOOM: f64 = 12.0;

/// The lowest zoom for a map `width_pts` wide: the world (256 points wide at zoom 0) always
/// fills the width, so there are never empty bands beside it.
pub fn min_zoom_for(width_pts: f32) -> f64 {
    (f64::from(width_pts) / 256.0).log2().max(MIN_ZOOM)
}
/// Convert our coordinates to the map widget's.
pub fn to_position(p: LatLon) -> Position {
    lat_lon(p.lat_deg, p.lon_deg)
}

/// Convert the map widget's coordinates to ours.
pub fn from_position(p: Position) -> LatLon {
    LatLon::new(p.y(), p.x())
}

/// The inverse of [`to_mercator`].
pub fn from_mercator([x, y]: [f64; 2]) -> LatLon {
    let lon = x * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y))
        .sinh()
        .atan()
        .to_degrees();
    LatLon::new(lat, lon)
}

/// Screen box of `rect`, for placement.
pub fn screen_box(rect: Rect) -> ScreenBox {
    [rect.min.x, rect.min.y, rect.max.x, rect.max.y]
}

/// The part of `rect` where an overlay anchored at a corner goes.
pub fn corner(rect: Rect, size: Vec2, right: bool, bottom: bool, margin: f32) -> Rect {
    let x = if right {
        rect.right() - size.x - margin
    } else {
        rect.left() + margin
    };
    let y = if bottom {
        rect.bottom() - size.y - margin
    } else {
        rect.top() + margin
    };
    Rect::from_min_size(egui::pos2(x, y), size)
}
