//! Small drawing helpers of the map's trip layer: text with a halo, where a stop's name may go,
//! the dashed ring of an approximate position, route arrows, and the distance from the pointer
//! to a route. They draw with a painter only and know nothing of trips.

use egui::{Align2, Painter, Pos2, Rect, Stroke, Vec2, vec2};

use crate::ui::theme::{self, Tokens};

/// Text with a one-point halo so it stays readable on any basemap colour.
pub fn halo_text(painter: &Painter, pos: Pos2, text: &str, tokens: &Tokens) {
    let font = tokens.map_font(theme::MAP_LABEL_SIZE);
    for offset in [vec2(-1.0, 0.0), vec2(1.0, 0.0), vec2(0.0, -1.0), vec2(0.0, 1.0)] {
        painter.text(pos + offset, Align2::LEFT_CENTER, text, font.clone(), tokens.halo);
    }
    painter.text(pos, Align2::LEFT_CENTER, text, font, tokens.map_text);
}

/// Where a stop's name of `size` may go around a marker of `radius` at `centre`, in order of
/// preference: right, above, below, left (left last: a slide's card covers the map's left).
pub fn label_spots(centre: Pos2, radius: f32, size: Vec2) -> [Rect; 4] {
    let gap = radius + 6.0;
    [
        Align2::LEFT_CENTER.anchor_size(centre + vec2(gap, 0.0), size),
        Align2::CENTER_BOTTOM.anchor_size(centre - vec2(0.0, radius + 5.0), size),
        Align2::CENTER_TOP.anchor_size(centre + vec2(0.0, radius + 5.0), size),
        Align2::RIGHT_CENTER.anchor_size(centre - vec2(gap, 0.0), size),
    ]
}

/// A dashed ring around a stop whose position is only a region's or country's centre.
pub fn approximate_ring_ui(painter: &Painter, centre: Pos2, radius: f32, tokens: &Tokens, opacity: f32) {
    let ring = radius + theme::APPROXIMATE_RING_GAP;
    let points: Vec<Pos2> = (0..=48)
        .map(|i| {
            let angle = i as f32 / 48.0 * std::f32::consts::TAU;
            centre + ring * vec2(angle.cos(), angle.sin())
        })
        .collect();
    let stroke = Stroke::new(
        theme::APPROXIMATE_RING_WIDTH,
        tokens.route.gamma_multiply(opacity),
    );
    painter.extend(egui::Shape::dashed_line(&points, stroke, 4.0, 3.0));
}

/// A route's direction arrow halfway along `points`, or `None` for a leg too short to have a
/// direction.
pub fn arrow_shape(points: &[Pos2], width: f32, tokens: &Tokens) -> Option<egui::Shape> {
    let total: f32 = points.windows(2).map(|w| w[0].distance(w[1])).sum();
    // Walk to the segment holding the halfway point.
    let mut left = total / 2.0;
    let (mut middle, mut direction) = (None, Vec2::ZERO);
    for w in points.windows(2) {
        let length = w[0].distance(w[1]);
        if length > 0.0 && left <= length {
            direction = (w[1] - w[0]) / length;
            middle = Some(w[0] + direction * left);
            break;
        }
        left -= length;
    }
    let middle = middle?;
    let tip = middle + direction * 6.0;
    let side = direction.rot90() * 5.0;
    let back = tip - direction * 12.0;
    Some(egui::Shape::convex_polygon(
        vec![tip, back + side, back - side],
        tokens.route,
        Stroke::new(width * 0.4, tokens.halo),
    ))
}

/// Shortest distance from `p` to the polyline through `points`, in points.
pub fn distance_to_polyline(p: Pos2, points: &[Pos2]) -> f32 {
    points
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let ab = b - a;
            let t = if ab.length_sq() > 0.0 {
                ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
            } else {
                0.0
            };
            p.distance(a + ab * t)
        })
        .fold(f32::INFINITY, f32::min)
}
