//! Country and city names on the map, placed so they never overlap each other or the trip.

use egui::{Align2, Painter, Pos2, vec2};
use walkers::Projector;

use super::placement::PlacedName;
use super::projection::{from_mercator, screen_box, to_position};
use crate::basemap::labels::{LabelKind, MapLabel, ScreenBox, place};
use crate::ui::theme::{self, Tokens};

/// Where a normalised-Mercator point is on screen.
fn project(projector: &Projector, mercator: [f64; 2]) -> Pos2 {
    projector.project(to_position(from_mercator(mercator))).to_pos2()
}

/// The labels that fit at the projector's zoom, avoiding the boxes in `taken`, highest rank
/// first.
pub fn place_labels(
    painter: &Painter,
    projector: &Projector,
    labels: &[MapLabel],
    taken: &[ScreenBox],
    tokens: &Tokens,
) -> Vec<PlacedName> {
    let zoom = projector.zoom();
    let clip = painter.clip_rect();
    let mut visible: Vec<(&MapLabel, Pos2)> = labels
        .iter()
        .filter(|l| zoom >= l.min_zoom)
        .map(|l| (l, project(projector, l.anchor)))
        .filter(|(_, pos)| clip.expand(40.0).contains(*pos))
        .collect();
    visible.sort_by(|a, b| b.0.rank.total_cmp(&a.0.rank));

    let laid_out: Vec<PlacedName> = visible
        .into_iter()
        .map(|(label, anchor)| {
            let (font, colour) = match label.kind {
                LabelKind::Country => (tokens.map_font(theme::COUNTRY_LABEL_SIZE), tokens.country_text),
                LabelKind::City => (tokens.map_font(theme::CITY_LABEL_SIZE), tokens.city_text),
            };
            let galley = painter.layout_no_wrap(label.text.clone(), font, colour);
            let rect = match label.kind {
                LabelKind::Country => Align2::CENTER_CENTER.anchor_size(anchor, galley.size()),
                LabelKind::City => Align2::LEFT_CENTER.anchor_size(anchor + vec2(5.0, 0.0), galley.size()),
            };
            PlacedName {
                anchor,
                galley,
                rect,
                city: label.kind == LabelKind::City,
            }
        })
        .collect();
    let boxes: Vec<ScreenBox> = laid_out.iter().map(|n| screen_box(n.rect.expand(2.0))).collect();
    let placed = place(&boxes, taken);
    laid_out
        .into_iter()
        .zip(placed)
        .filter_map(|(name, shown)| shown.then_some(name))
        .collect()
}

/// Draw placed names (a city's with its dot).
pub fn labels_ui(painter: &Painter, names: &[PlacedName], tokens: &Tokens) {
    for name in names {
        if name.city {
            painter.circle_filled(name.anchor, 2.5, tokens.city_text);
        }
        // The galley carries its own colour; the fallback is never used.
        painter.galley(name.rect.min, name.galley.clone(), tokens.city_text);
    }
}
