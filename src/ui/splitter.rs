//! The draggable edges between the main view's panels (map | details, map and details |
//! timeline), drawn by us instead of egui's panel resize handles so that they come last in the
//! Tab order (after the map, the details and the timeline, in reading order), show a focus ring,
//! and resize from the keyboard: with an edge focused, the arrow keys move it.
//!
//! Invariant: a size is always within its [`Splitter::range_pts`]; it is kept in egui's persisted
//! memory, so panels come back at the size the reader left them.

use egui::{Id, Key, Rangef, Rect, Sense, Ui};

use super::theme;

/// Which edge of a panel the splitter moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// The top edge of a panel along the bottom (the timeline): dragging up makes it taller.
    Top,
    /// The left edge of a panel along the right (the details): dragging left makes it wider.
    Left,
}

/// One resizable panel edge and the size it controls.
pub struct Splitter {
    /// Persistent identity (also the widget id of the handle).
    pub id: Id,
    /// Which edge of its panel this is.
    pub edge: Edge,
    /// The panel's size before the user first moves it, in points.
    pub default_pts: f32,
    /// The smallest and largest sizes, in points (the largest is also capped by the window).
    pub range_pts: Rangef,
    /// Name read by screen readers.
    pub label: &'static str,
}

impl Splitter {
    /// The panel's current size in points, within `range_pts` and at most `room_pts`.
    pub fn size_pts(&self, ctx: &egui::Context, room_pts: f32) -> f32 {
        let stored = ctx.data_mut(|d| d.get_persisted::<f32>(self.id));
        self.clamp(stored.unwrap_or(self.default_pts), room_pts)
    }

    fn clamp(&self, size_pts: f32, room_pts: f32) -> f32 {
        let max = self.range_pts.max.min(room_pts).max(self.range_pts.min);
        size_pts.clamp(self.range_pts.min, max)
    }

    /// Draw the handle along `panel_rect`'s movable edge and apply drags, arrow keys and
    /// assistive-technology steps to the stored size. `room_pts` is the most the panel may take.
    pub fn ui(&self, ui: &Ui, panel_rect: Rect, room_pts: f32) {
        let ctx = ui.ctx();
        let size = self.size_pts(ctx, room_pts);
        let (line, cross) = match self.edge {
            Edge::Top => (panel_rect.top(), panel_rect.x_range()),
            Edge::Left => (panel_rect.left(), panel_rect.y_range()),
        };
        let grab = ui.style().interaction.resize_grab_radius_side;
        let handle = self.along(line, cross, grab);
        let response = ui.interact(handle, self.id, Sense::click_and_drag());
        // Dragging toward the panel's inside shrinks it; away grows it.
        let mut change = match self.edge {
            Edge::Top => -response.drag_delta().y,
            Edge::Left => -response.drag_delta().x,
        };
        if response.has_focus() {
            change += self.keyboard_change_pts(ui);
        }
        let steps = ui.input(|i| {
            i.num_accesskit_action_requests(self.id, egui::accesskit::Action::Increment) as f32
                - i.num_accesskit_action_requests(self.id, egui::accesskit::Action::Decrement) as f32
        });
        change += steps * theme::SPLITTER_KEY_STEP_PTS;
        if change != 0.0 {
            let new = self.clamp(size + change, room_pts);
            ctx.data_mut(|d| d.insert_persisted(self.id, new));
            ctx.request_repaint();
        }
        response.widget_info(|| {
            let mut info = egui::WidgetInfo::labeled(egui::Role::Splitter, true, self.label);
            info.value = Some(f64::from(size.round()));
            info
        });
        ctx.accesskit_node_builder(self.id, |node| {
            node.set_orientation(match self.edge {
                Edge::Top => egui::accesskit::Orientation::Horizontal,
                Edge::Left => egui::accesskit::Orientation::Vertical,
            });
            node.set_min_numeric_value(f64::from(self.range_pts.min));
            node.set_max_numeric_value(f64::from(self.range_pts.max.min(room_pts)));
            node.add_action(egui::accesskit::Action::Increment);
            node.add_action(egui::accesskit::Action::Decrement);
        });
        if response.hovered() || response.dragged() {
            ui.ctx().set_cursor_icon(match self.edge {
                Edge::Top => egui::CursorIcon::ResizeVertical,
                Edge::Left => egui::CursorIcon::ResizeHorizontal,
            });
        }
        let visuals = ui.visuals();
        let stroke = if response.dragged() || response.hovered() {
            visuals.widgets.hovered.fg_stroke
        } else {
            visuals.widgets.noninteractive.bg_stroke
        };
        let painter = ui.painter().with_clip_rect(ui.ctx().content_rect());
        match self.edge {
            Edge::Top => painter.hline(cross, line, stroke),
            Edge::Left => painter.vline(line, cross, stroke),
        };
        let ring = self.along(line, cross, 0.0).shrink2(ring_inset(self.edge));
        super::accessible::focus_ring_ui(ui, &response, ring, 0.0);
    }

    /// The strip `half_width` either side of the edge at `line`, spanning `cross`.
    fn along(&self, line: f32, cross: Rangef, half_width: f32) -> Rect {
        let across = Rangef::point(line).expand(half_width);
        match self.edge {
            Edge::Top => Rect::from_x_y_ranges(cross, across),
            Edge::Left => Rect::from_x_y_ranges(across, cross),
        }
    }

    /// Arrow keys along the splitter's axis move it (Shift for bigger steps); the other arrows
    /// are left to egui's focus navigation.
    fn keyboard_change_pts(&self, ui: &Ui) -> f32 {
        let filter = egui::EventFilter {
            horizontal_arrows: self.edge == Edge::Left,
            vertical_arrows: self.edge == Edge::Top,
            ..Default::default()
        };
        ui.memory_mut(|m| m.set_focus_lock_filter(self.id, filter));
        let (grow, shrink) = match self.edge {
            Edge::Top => (Key::ArrowUp, Key::ArrowDown),
            Edge::Left => (Key::ArrowLeft, Key::ArrowRight),
        };
        let mut change = 0.0;
        ui.input_mut(|input| {
            for (modifiers, step) in [
                (egui::Modifiers::NONE, theme::SPLITTER_KEY_STEP_PTS),
                (egui::Modifiers::SHIFT, theme::SPLITTER_KEY_STEP_PTS * 4.0),
            ] {
                while input.consume_key(modifiers, grow) {
                    change += step;
                }
                while input.consume_key(modifiers, shrink) {
                    change -= step;
                }
            }
        });
        change
    }
}

/// Keep the focus ring of a splitter off the window's edges, where it would be clipped.
fn ring_inset(edge: Edge) -> egui::Vec2 {
    let inset = theme::FOCUS_RING_WIDTH * 2.0;
    match edge {
        Edge::Top => egui::vec2(inset, 0.0),
        Edge::Left => egui::vec2(0.0, inset),
    }
}

/// Whether a panel edge has keyboard focus (then it takes the arrow keys).
pub fn any_has_focus(ctx: &egui::Context) -> bool {
    let ids = [timeline_edge().id, details_edge().id];
    ctx.memory(|m| ids.iter().any(|id| m.has_focus(*id)))
}

/// The top edge of the timeline panel.
pub fn timeline_edge() -> Splitter {
    Splitter {
        id: Id::unique("itinera-timeline-edge"),
        edge: Edge::Top,
        default_pts: theme::TIMELINE_HEIGHT,
        range_pts: Rangef::new(theme::TIMELINE_MIN_HEIGHT, f32::INFINITY),
        label: "Timeline height: up and down arrows resize",
    }
}

/// The left edge of the detail panel.
pub fn details_edge() -> Splitter {
    Splitter {
        id: Id::unique("itinera-details-edge"),
        edge: Edge::Left,
        default_pts: theme::DETAIL_PANEL_WIDTH,
        range_pts: Rangef::new(theme::DETAIL_PANEL_MIN_WIDTH, f32::INFINITY),
        label: "Details width: left and right arrows resize",
    }
}
