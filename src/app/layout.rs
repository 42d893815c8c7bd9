//! The main view's panels: the map in the middle, the details on the right, the timeline along
//! the bottom, and the edges between them.
//!
//! The panels are laid out first and filled afterwards, in reading order (map, details,
//! timeline, then the two edges), because egui's Tab order is the order widgets are added: filled
//! as laid out, Tab went from the header straight to the timeline.

use egui::{Rect, Ui, UiBuilder};

use super::App;
use crate::ui::splitter;

/// The least the map keeps when panels are dragged large, in points.
const MAP_MIN_PTS: f32 = 160.0;

impl App {
    /// Lay out and fill the map, details and timeline below the header.
    pub(super) fn panels_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let below_header = ui.available_rect_before_wrap();
        let (timeline_edge, details_edge) = (splitter::timeline_edge(), splitter::details_edge());
        let timeline_room = (below_header.height() - MAP_MIN_PTS).max(0.0);
        let timeline = reserve(
            ui,
            egui::Panel::bottom("timeline"),
            timeline_edge.size_pts(&ctx, timeline_room),
        );
        let details_room = (below_header.width() - MAP_MIN_PTS).max(0.0);
        let details = reserve(
            ui,
            egui::Panel::right("details"),
            details_edge.size_pts(&ctx, details_room),
        );
        egui::CentralPanel::no_frame().show(ui, |ui| self.map.ui(ui, &self.state, &mut self.commands));
        let mut details_ui = filled_ui(ui, "details-content", &details);
        self.details.ui(&mut details_ui, &self.state, &mut self.commands);
        let mut timeline_ui = filled_ui(ui, "timeline-content", &timeline);
        self.timeline
            .ui(&mut timeline_ui, &self.state, &mut self.commands);
        details_edge.ui(ui, details.outer, details_room);
        timeline_edge.ui(ui, timeline.outer, timeline_room);
    }
}

/// Where a laid-out panel is: its outer rectangle (frame included), the inside its content
/// goes in, and the clip of that inside.
struct Reserved {
    outer: Rect,
    inner: Rect,
    clip: Rect,
}

/// Lay out `panel`, `size_pts` wide or high, with nothing in it yet.
fn reserve(ui: &mut Ui, panel: egui::Panel, size_pts: f32) -> Reserved {
    let shown = panel
        .resizable(false)
        .exact_size(size_pts)
        .show(ui, |ui| (ui.max_rect(), ui.clip_rect()));
    let (inner, clip) = shown.inner;
    Reserved {
        outer: shown.response.rect,
        inner,
        clip,
    }
}

/// A child of `ui` filling a reserved panel's inside, clipped to it.
fn filled_ui(ui: &mut Ui, salt: &str, panel: &Reserved) -> Ui {
    let mut child = ui.new_child(
        UiBuilder::new()
            .id_salt(salt)
            .max_rect(panel.inner)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.set_clip_rect(panel.clip);
    child
}
