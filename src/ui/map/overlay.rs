//! Controls and readouts drawn over the map: fit and zoom buttons, route length, scale bar,
//! and the data attribution the licences require.

use egui::{Align2, FontId, Rect, Stroke, Ui, pos2, vec2};

use super::projection::{MAX_ZOOM, corner, min_zoom_for, screen_box};
use crate::command::{Command, Commands};
use crate::model::describe::format_km;
use crate::ui::theme::{self, Tokens};

/// Screen boxes of the overlays on a map filling `rect` (controls, route length, scale bar,
/// credits), which map names must avoid.
pub fn reserved_areas(ui: &Ui, rect: Rect, online: bool) -> Vec<crate::basemap::labels::ScreenBox> {
    let margin = theme::MAP_OVERLAY_MARGIN;
    [
        corner(rect, vec2(CONTROLS_WIDTH, 30.0), false, false, margin),
        corner(rect, vec2(ROUTE_LABEL_WIDTH, 30.0), true, false, margin),
        corner(rect, vec2(SCALE_BAR_WIDTH, 30.0), false, true, margin),
        credits_layout(ui, rect, online, &Tokens::for_visuals(ui.visuals())).1,
    ]
    .into_iter()
    .map(|r| screen_box(r.expand(2.0)))
    .collect()
}

/// Width of the row of map buttons, in points.
const CONTROLS_WIDTH: f32 = 320.0;
/// Width of the route-length readout, in points.
const ROUTE_LABEL_WIDTH: f32 = 150.0;
/// Width kept for the scale bar (bottom left), in points.
const SCALE_BAR_WIDTH: f32 = 170.0;

/// What the user asked of the map controls this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ControlRequests {
    /// Zoom in (positive) or out.
    pub zoom_change: Option<f64>,
    /// Turn the online layer on or off.
    pub online: Option<bool>,
}

/// Fit, zoom and layer buttons (top left) and the route length (top right).
pub fn controls_ui(
    ui: &mut Ui,
    rect: Rect,
    zoom: f64,
    online: bool,
    route_km: Option<f64>,
    commands: &mut Commands,
    tokens: &Tokens,
) -> ControlRequests {
    let mut requests = ControlRequests::default();
    let area = corner(
        rect,
        vec2(CONTROLS_WIDTH, 30.0),
        false,
        false,
        theme::MAP_OVERLAY_MARGIN,
    );
    ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
        ui.horizontal(|ui| {
            if ui
                .button("Fit trip")
                .on_hover_text("Show the whole trip")
                .clicked()
            {
                commands.send(Command::FitMap);
            }
            let zoom_in = ui.add_enabled(zoom < MAX_ZOOM, egui::Button::new(" + "));
            if zoom_in
                .on_hover_text("Zoom in (+ when the map has focus)")
                .clicked()
            {
                requests.zoom_change = Some(1.0);
            }
            let zoom_out = ui.add_enabled(zoom > min_zoom_for(rect.width()) + 1e-3, egui::Button::new(" − "));
            if zoom_out
                .on_hover_text("Zoom out (− when the map has focus)")
                .clicked()
            {
                requests.zoom_change = Some(-1.0);
            }
            ui.menu_button("Layers", |ui| {
                ui.label("The offline map (Natural Earth) is always drawn.");
                let mut on = online;
                let toggle = ui.checkbox(&mut on, "OpenStreetMap tiles (online)");
                if toggle
                    .on_hover_text("Downloads street-level tiles over the network; off by default")
                    .changed()
                {
                    requests.online = Some(on);
                }
            });
        });
    });
    if let Some(km) = route_km {
        // A real label (not painted text), so screen readers and tests can read it.
        let text = egui::RichText::new(format!("Route {}", format_km(km))).color(tokens.map_text);
        let area = corner(
            rect,
            vec2(ROUTE_LABEL_WIDTH, 30.0),
            true,
            false,
            theme::MAP_OVERLAY_MARGIN,
        );
        ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(area)
                .layout(egui::Layout::right_to_left(egui::Align::Min)),
            |ui| {
                egui::Frame::new()
                    .fill(tokens.overlay_fill)
                    .corner_radius(4)
                    .inner_margin(egui::Margin::symmetric(8, 5))
                    .show(ui, |ui| ui.label(text));
            },
        );
    }
    requests
}

/// The longest "nice" distance (1, 2 or 5 × 10ⁿ metres) that fits in `max_points` at
/// `points_per_m`, with its length in points.
pub fn scale_bar_length(points_per_m: f32, max_points: f32) -> Option<(f64, f32)> {
    if !(points_per_m.is_finite() && points_per_m > 0.0) {
        return None;
    }
    let max_m = f64::from(max_points / points_per_m);
    let magnitude = 10f64.powf(max_m.log10().floor());
    let nice = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|f| f * magnitude)
        .find(|&m| m <= max_m)?;
    Some((nice, (nice as f32) * points_per_m))
}

/// A scale bar at the bottom left.
pub fn scale_bar_ui(ui: &Ui, rect: Rect, points_per_m: f32, tokens: &Tokens) {
    let Some((metres, length)) = scale_bar_length(points_per_m, 140.0) else {
        return;
    };
    let label = if metres >= 1000.0 {
        format!("{} km", metres / 1000.0)
    } else {
        format!("{metres} m")
    };
    let area = corner(
        rect,
        vec2(length + 16.0, SCALE_BAR_HEIGHT),
        false,
        true,
        theme::MAP_OVERLAY_MARGIN,
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(area, 4.0, tokens.overlay_fill);
    let (left, right) = (area.left() + 8.0, area.left() + 8.0 + length);
    let y = area.bottom() - 8.0;
    let stroke = Stroke::new(2.0, tokens.map_text);
    painter.line_segment([pos2(left, y), pos2(right, y)], stroke);
    painter.line_segment([pos2(left, y - 5.0), pos2(left, y)], stroke);
    painter.line_segment([pos2(right, y - 5.0), pos2(right, y)], stroke);
    let font = FontId::proportional(theme::BODY_SIZE - 2.0);
    painter.text(
        pos2(left, y - 6.0),
        Align2::LEFT_BOTTOM,
        label,
        font,
        tokens.map_text,
    );
}

/// Height of the scale bar's box, in points (the legend sits above it).
const SCALE_BAR_HEIGHT: f32 = 30.0;

/// The travellers' route colours, bottom left above the scale bar, for a trip of a few
/// travellers (a collection's list in the side panel is its legend).
pub fn legend_ui(ui: &mut Ui, rect: Rect, entries: &[(String, egui::Color32)], tokens: &Tokens) {
    if entries.is_empty() {
        return;
    }
    let row = theme::BODY_SIZE + 6.0;
    let size = vec2(220.0, entries.len() as f32 * row + 12.0);
    let area = corner(rect, size, false, true, theme::MAP_OVERLAY_MARGIN)
        .translate(vec2(0.0, -(SCALE_BAR_HEIGHT + theme::MAP_OVERLAY_MARGIN)));
    ui.painter_at(rect).rect_filled(area, 4.0, tokens.overlay_fill);
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(area.shrink(6.0)));
    for (name, colour) in entries {
        child.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(vec2(16.0, 12.0), egui::Sense::hover());
            ui.painter().line_segment(
                [swatch.left_center(), swatch.right_center()],
                Stroke::new(theme::ROUTE_WIDTH + 1.0, *colour),
            );
            let text = egui::RichText::new(name)
                .color(tokens.map_text)
                .size(theme::BODY_SIZE - 2.0);
            ui.add(egui::Label::new(text).truncate());
        });
    }
}

/// The credits for the map data, bottom right, as a real label (readable by screen readers).
pub fn attribution_ui(ui: &mut Ui, rect: Rect, online: bool, tokens: &Tokens) {
    let (galley, area) = credits_layout(ui, rect, online, tokens);
    ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
        egui::Frame::new()
            .fill(tokens.overlay_fill)
            .inner_margin(CREDITS_MARGIN)
            .show(ui, |ui| ui.label(galley));
    });
}

/// Padding around the credits.
const CREDITS_MARGIN: egui::Margin = egui::Margin::symmetric(4, 2);

/// The credits laid out for a map filling `rect`, and the box they take in its bottom right
/// corner: wrapped beside the scale bar when the map is narrow (or at 200 %), never cut off.
fn credits_layout(
    ui: &Ui,
    rect: Rect,
    online: bool,
    tokens: &Tokens,
) -> (std::sync::Arc<egui::Galley>, Rect) {
    let mut credits = vec![crate::basemap::ATTRIBUTION, crate::gazetteer::ATTRIBUTION];
    if online {
        credits.insert(0, super::online::OSM_ATTRIBUTION);
    }
    let text = egui::RichText::new(credits.join(" · "))
        .size(theme::ATTRIBUTION_SIZE)
        .color(tokens.map_text);
    let beside_scale_bar = rect.width() - SCALE_BAR_WIDTH - 3.0 * theme::MAP_OVERLAY_MARGIN;
    let wrap_width = beside_scale_bar.max(rect.width() / 2.0) - CREDITS_MARGIN.sum().x;
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Wrap),
        wrap_width.max(1.0),
        egui::TextStyle::Body,
    );
    let area = corner(rect, galley.size() + CREDITS_MARGIN.sum(), true, true, 0.0);
    (galley, area)
}

/// A one-line hint at the top centre of the map, e.g. while waiting for a click.
pub fn hint_ui(ui: &mut Ui, rect: Rect, text: &str, tokens: &Tokens) {
    let area = Rect::from_center_size(
        rect.center_top() + egui::vec2(0.0, 3.0 * theme::MAP_OVERLAY_MARGIN),
        egui::vec2(rect.width() * 0.6, 2.0 * theme::MAP_OVERLAY_MARGIN),
    );
    ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
        ui.vertical_centered(|ui| {
            egui::Frame::new()
                .fill(tokens.overlay_fill)
                .corner_radius(4)
                .inner_margin(egui::Margin::symmetric(8, 4))
                .show(ui, |ui| ui.label(text));
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_bars_use_round_lengths_that_fit() {
        // 0.001 points per metre: 140 points hold 140 km; the nice length is 100 km.
        let (metres, points) = scale_bar_length(0.001, 140.0).expect("a bar");
        assert_eq!(metres, 100_000.0);
        assert!((points - 100.0).abs() < 1e-3);
        let (metres, _) = scale_bar_length(0.0005, 140.0).expect("a bar");
        assert_eq!(metres, 200_000.0);
        assert!(scale_bar_length(0.0, 140.0).is_none());
    }

    #[test]
    fn kilometres_get_thousands_separators() {
        assert_eq!(format_km(9125.4), "9,125 km");
        assert_eq!(format_km(730.0), "730 km");
        assert_eq!(format_km(1_234_567.0), "1,234,567 km");
    }
}
