//! Accessibility details egui's widgets leave out, added to their AccessKit nodes: the value a
//! combo box shows, and a description (date, place, kind, state) beside a name.
//!
//! Each call is a no-op when no assistive technology is listening (egui builds no tree then).

use egui::{Context, Id};

/// Say that the widget `id` (a combo box) shows `value`, so a screen reader reads "Lanes,
/// combo box, By kind" rather than only "Lanes, combo box".
pub fn value_ui(ctx: &Context, id: Id, value: &str) {
    ctx.accesskit_node_builder(id, |node| node.set_value(value.to_owned()));
}

/// Give the widget `id` a description, read after its name.
pub fn description_ui(ctx: &Context, id: Id, description: impl FnOnce() -> String) {
    ctx.accesskit_node_builder(id, |node| node.set_description(description()));
}

/// Mark the widget `id` as the selected one (or not): egui says this only as "pressed", which
/// reads as a toggle; a timeline bar or map stop is selected, as an item in a list is.
pub fn selected_ui(ctx: &Context, id: Id, selected: bool) {
    ctx.accesskit_node_builder(id, |node| node.set_selected(selected));
}

/// Draw a keyboard-focus ring around `rect` when `response` has focus: egui styles its own
/// widgets when focused, but the map, the timeline and the bars and stops drawn on them are
/// painted by hand and showed nothing. The ring is the selection colour at 3:1 or more on the
/// panel (`ui/contrast.rs` checks it), drawn outside the shape, thicker than a hover outline.
/// Records the widget it drew for, for the focus test.
pub fn focus_ring_ui(ui: &egui::Ui, response: &egui::Response, rect: egui::Rect, radius: f32) {
    if !response.has_focus() {
        return;
    }
    let colour = ui.visuals().selection.stroke.color;
    let stroke = egui::Stroke::new(super::theme::FOCUS_RING_WIDTH, colour);
    ui.painter()
        .with_clip_rect(ui.clip_rect().expand(super::theme::FOCUS_RING_WIDTH * 2.0))
        .rect_stroke(
            rect.expand(super::theme::FOCUS_RING_GAP),
            radius,
            stroke,
            egui::StrokeKind::Outside,
        );
    ui.ctx()
        .data_mut(|d| d.insert_temp(focus_ring_key(), response.id));
}

/// Where [`focus_ring_ui`] records the last widget it drew a ring for.
fn focus_ring_key() -> Id {
    Id::unique("itinera-focus-ring")
}

/// The widget a focus ring was last drawn for (for tests of focus visibility).
pub fn last_focus_ring(ctx: &Context) -> Option<Id> {
    ctx.data(|d| d.get_temp(focus_ring_key()))
}
