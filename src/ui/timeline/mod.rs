//! The timeline strip: every event on a zoomable time axis, in lanes, linked to the selection.
//!
//! [`TimelineView`] owns only view state (the visible window, lane mode, local-or-UTC labels,
//! an in-progress brush); the selection and the filter live in [`AppState`] and change through
//! commands, so clicking here selects on the map and brushing here filters the map. Lanes are
//! grouped once per trip load and laid out per frame for the visible window only (see
//! [`layout`]), so a frame costs the same at 100,000 events as at 14.
//!
//! Wheel or pinch zooms at the pointer, dragging pans, Shift+drag brushes a time filter,
//! double-clicking an event zooms to it and double-clicking empty space fits the trip.

pub mod layout;
mod paint;

use chrono_tz::Tz;
use egui::{Rect, Response, Role, Sense, Ui, WidgetInfo, vec2};

use self::layout::{GroupLayout, LaneGroup, LaneMode, layout_group};
use super::theme;
use crate::command::{Command, Commands};
use crate::model::describe::describe_zone;
use crate::model::journeys::Focus;
use crate::model::timescale::{TimeScale, utc_from_secs};
use crate::state::AppState;

/// Margin either side of the trip when fitting, as a share of its span.
const FIT_MARGIN: f64 = 0.04;
/// Margin either side of an event zoomed to by double-click.
const EVENT_MARGIN: f64 = 0.3;
/// Zoom factor of the toolbar buttons.
const BUTTON_ZOOM: f64 = 2.0;
/// Wheel points per e-fold of zoom: 200 points of scrolling zooms in 2.7×.
const WHEEL_POINTS_PER_EFOLD: f32 = 200.0;
/// How to move the timeline with a mouse, shown at the toolbar's end when it fits.
const TIMELINE_HINT: &str = "Wheel: zoom · Drag: pan · Shift+drag: filter by time";

/// What the lanes were grouped for: generation, revision, lane mode and focus.
type LanesKey = (u64, u64, LaneMode, Option<Focus>);

/// What a lay-out depends on: the lanes, which events pass the filter, and the view.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    lanes: LanesKey,
    matches_revision: u64,
    scale: TimeScale,
    width_pts: f32,
}

/// The travel row and every lane laid out for one view. Kept until the view, the lanes or the
/// filter change, so a frame in which nothing changed lays out nothing (at the collection's
/// full span that was a pass over every event per frame).
#[derive(Debug, Default)]
pub(super) struct Layouts {
    key: Option<LayoutKey>,
    /// The travel row.
    pub travel: GroupLayout,
    /// One per lane, in lane order.
    pub groups: Vec<GroupLayout>,
}

impl Layouts {
    /// Lay out `travel` and `groups` for `key` unless they already are.
    fn refresh(&mut self, key: LayoutKey, (groups, travel): (&[LaneGroup], &LaneGroup), state: &AppState) {
        if self.key == Some(key) {
            return;
        }
        let (scale, width) = (key.scale, key.width_pts);
        self.travel = layout_group(travel, &scale, width, 2, |_| true);
        self.groups = groups
            .iter()
            .map(|g| layout_group(g, &scale, width, theme::MAX_SUBLANES, |i| state.passes(i)))
            .collect();
        self.key = Some(key);
    }
}

/// View state of the timeline.
#[derive(Debug)]
pub struct TimelineView {
    scale: Option<TimeScale>,
    lane_mode: LaneMode,
    local_time: bool,
    groups: Vec<LaneGroup>,
    travel: LaneGroup,
    /// Generation, revision and lane mode the lanes were built for.
    built_for: Option<LanesKey>,
    /// The lanes laid out for the last view drawn.
    layouts: Layouts,
    seen_selection: Option<usize>,
    /// The selected event's UTC span in seconds when last seen (an edit may move it).
    seen_span: Option<(i64, i64)>,
    /// UTC seconds where a Shift+drag brush began and where the pointer is now.
    brush: Option<(f64, f64)>,
    plot_width: f32,
}

impl Default for TimelineView {
    fn default() -> Self {
        Self {
            scale: None,
            lane_mode: LaneMode::default(),
            local_time: true,
            groups: Vec::new(),
            travel: LaneGroup::default(),
            built_for: None,
            layouts: Layouts::default(),
            seen_selection: None,
            seen_span: None,
            brush: None,
            plot_width: 1.0,
        }
    }
}

impl TimelineView {
    /// UTC seconds at the left and right edges of the plot, once it has been drawn.
    pub fn visible_secs(&self) -> Option<(f64, f64)> {
        self.scale.map(|s| (s.secs_at(0.0), s.secs_at(self.plot_width)))
    }

    /// Frame the whole trip (or the focus) on the next frame.
    pub fn request_fit(&mut self) {
        self.scale = None;
    }

    /// Zoom to the selected event, as a double-click on it does.
    pub fn zoom_to_selection(&mut self, state: &AppState) {
        let event = state
            .selection()
            .zip(state.trip())
            .and_then(|(i, (_, c))| c.event(i));
        if let Some(e) = event {
            self.scale = Some(TimeScale::fit(
                e.start_utc,
                e.end_utc,
                self.plot_width,
                EVENT_MARGIN,
            ));
        }
    }

    /// The lanes of the current mode, for tests.
    pub fn lanes(&self) -> &[LaneGroup] {
        &self.groups
    }

    /// Draw the timeline and handle its input.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let Some((trip, chronology)) = state.trip() else {
            ui.weak("No trip open.");
            return;
        };
        // The focus (a traveller or journey of a collection) when there is one.
        let Some((first, last)) = state.view_span() else {
            ui.weak("This trip has no events yet.");
            return;
        };
        // A new trip gets a fresh view; an edited one keeps its zoom.
        if self.built_for.map(|b| b.0) != Some(state.generation()) {
            self.scale = None;
            self.seen_selection = None;
        }
        let key = (
            state.generation(),
            state.revision(),
            self.lane_mode,
            state.focus(),
        );
        if self.built_for != Some(key) {
            self.groups = layout::lane_groups(trip, chronology, self.lane_mode);
            // Following one traveller of a collection: their lane only.
            if let Some(traveller) = state.focus().and_then(|f| f.traveller(&chronology.journeys))
                && self.lane_mode == LaneMode::Trip
                && self.groups.len() > 1
            {
                self.groups.retain(|g| g.traveller == Some(traveller));
            }
            self.travel = layout::travel_lane(chronology);
            self.built_for = Some(key);
        }

        self.toolbar_ui(ui, state, commands, (first, last));
        let (rect, response) = ui.allocate_exact_size(
            ui.available_size().max(vec2(200.0, 60.0)),
            Sense::click_and_drag(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, "Timeline"));
        crate::ui::accessible::focus_ring_ui(ui, &response, rect.shrink(theme::FOCUS_RING_WIDTH * 2.0), 0.0);
        let plot = Rect::from_min_max(rect.min + vec2(theme::TIMELINE_GUTTER_WIDTH, 0.0), rect.max);
        self.plot_width = plot.width();
        if self.scale.is_none() {
            self.scale = Some(TimeScale::fit(first, last, plot.width(), FIT_MARGIN));
        }
        let reveal_selection = self.follow_selection(state);
        if let Some(window) = self.handle_input(ui, &response, plot) {
            commands.send(Command::SetTimeWindow(Some(window)));
        }
        if response.double_clicked() {
            self.scale = Some(TimeScale::fit(first, last, plot.width(), FIT_MARGIN));
        }
        let Some(scale) = self.scale else {
            return;
        };

        self.layouts.refresh(
            LayoutKey {
                lanes: key,
                matches_revision: state.matches_revision(),
                scale,
                width_pts: plot.width(),
            },
            (&self.groups, &self.travel),
            state,
        );
        let (tz, _) = self.label_zone(state);
        let zoom_to = paint::paint_ui(
            ui,
            &paint::Frame {
                rect,
                plot,
                scale,
                tz,
                groups: &self.groups,
                layouts: &self.layouts,
                brush: self.brush,
                reveal_selection,
            },
            state,
            &response,
            commands,
        );
        if let Some((a, b)) = zoom_to {
            self.scale = Some(TimeScale::fit(a, b, plot.width(), EVENT_MARGIN));
        }
    }

    /// Zoom, pan and brush; returns a finished brush as a UTC window.
    fn handle_input(
        &mut self,
        ui: &Ui,
        response: &Response,
        plot: Rect,
    ) -> Option<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)> {
        let scale = self.scale.as_mut()?;
        if response.hovered() {
            let (scroll, zoom, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            let anchor = pointer.map_or(plot.width() / 2.0, |p| p.x - plot.left());
            let factor = f64::from(zoom) * f64::from((scroll.y / WHEEL_POINTS_PER_EFOLD).exp());
            if factor != 1.0 {
                scale.zoom_about(anchor, factor);
            }
            if scroll.x != 0.0 {
                scale.pan_by(scroll.x);
            }
            // The wheel belongs to the timeline while the pointer is on it.
            ui.ctx().input_mut(|i| i.smooth_scroll_delta = egui::Vec2::ZERO);
        }
        let (shift, latest, origin) = ui.input(|i| {
            (
                i.modifiers.shift,
                i.pointer.latest_pos(),
                i.pointer.press_origin(),
            )
        });
        if response.drag_started() && shift {
            // The brush starts where the button went down, not where the drag was recognised.
            let from = origin
                .unwrap_or(plot.left_top())
                .x
                .clamp(plot.left(), plot.right())
                - plot.left();
            self.brush = Some((scale.secs_at(from), scale.secs_at(from)));
        }
        if let (Some(brush), Some(pointer)) = (self.brush.as_mut(), latest) {
            brush.1 = scale.secs_at(pointer.x.clamp(plot.left(), plot.right()) - plot.left());
        }
        if self.brush.is_none() && response.dragged() {
            scale.pan_by(response.drag_delta().x);
        }
        if response.drag_stopped()
            && let Some((from, to)) = self.brush.take()
        {
            let (a, b) = (from.min(to), from.max(to));
            // A click-sized brush is a slip, not a window.
            if (b - a) / scale.secs_per_point() > 4.0 {
                return Some((utc_from_secs(a), utc_from_secs(b)));
            }
        }
        None
    }

    /// Pan so a newly selected event (from the map, keys or search), or the selected event an
    /// edit moved in time, is in view; true when either happened.
    fn follow_selection(&mut self, state: &AppState) -> bool {
        let event = state
            .selection()
            .zip(state.trip())
            .and_then(|(i, (_, c))| c.event(i));
        let span = event.map(|e| (e.start_utc.timestamp(), e.end_utc.timestamp()));
        if state.selection() == self.seen_selection && span == self.seen_span {
            return false;
        }
        self.seen_selection = state.selection();
        self.seen_span = span;
        if let (Some((a, b)), Some(scale)) = (span, self.scale.as_mut()) {
            let (a, b) = (a as f64, b as f64);
            if a < scale.secs_at(0.0) || b > scale.secs_at(self.plot_width) {
                scale.centre_on((a + b) / 2.0, self.plot_width);
            }
        }
        true
    }

    /// Zone for tick labels and how it reads, e.g. "Astana time, UTC+6": the selected event's
    /// place (or that of the first event the focus and filter show), or UTC.
    fn label_zone(&self, state: &AppState) -> (Tz, String) {
        let utc = (Tz::UTC, "Times in UTC".to_owned());
        let Some((trip, chronology)) = state.trip().filter(|_| self.local_time) else {
            return utc;
        };
        let Some(event) = state
            .selection()
            .or_else(|| chronology.order.iter().copied().find(|&i| state.passes(i)))
            .and_then(|i| chronology.event(i))
        else {
            return utc;
        };
        let centre = self
            .visible_secs()
            .map_or(event.start_utc, |(a, b)| utc_from_secs((a + b) / 2.0));
        let place = trip.places.get(event.place).map_or("Local", |p| p.name.as_str());
        (
            event.tz,
            format!("{place} time, {}", describe_zone(event.tz, centre)),
        )
    }

    fn toolbar_ui(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        commands: &mut Commands,
        (first, last): (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>),
    ) {
        let width = self.plot_width;
        ui.horizontal(|ui| {
            if ui
                .button("Fit")
                .on_hover_text("Show the whole trip (or double-click the timeline)")
                .clicked()
            {
                self.scale = Some(TimeScale::fit(first, last, width, FIT_MARGIN));
            }
            if let Some(scale) = self.scale.as_mut() {
                if ui.button("Zoom in").clicked() {
                    scale.zoom_about(width / 2.0, BUTTON_ZOOM);
                }
                if ui.button("Zoom out").clicked() {
                    scale.zoom_about(width / 2.0, 1.0 / BUTTON_ZOOM);
                }
            }
            ui.separator();
            let lanes = egui::ComboBox::from_label("Lanes")
                .selected_text(self.lane_mode.label())
                .show_ui(ui, |ui| {
                    for mode in LaneMode::ALL {
                        ui.selectable_value(&mut self.lane_mode, mode, mode.label());
                    }
                });
            crate::ui::accessible::value_ui(ui.ctx(), lanes.response.id, self.lane_mode.label());
            ui.separator();
            ui.selectable_value(&mut self.local_time, true, "Local time")
                .on_hover_text("Label days and hours in the selected stop's timezone");
            ui.selectable_value(&mut self.local_time, false, "UTC");
            ui.label(self.label_zone(state).1);
            if state.filter().window.is_some() {
                ui.separator();
                if ui.button("Clear time filter").clicked() {
                    commands.send(Command::SetTimeWindow(None));
                }
            }
            // The hint goes where it fits whole; a narrow (or 200 %) window leaves it out
            // rather than writing it over the zone's name.
            let hint = egui::WidgetText::from(egui::RichText::new(TIMELINE_HINT).weak());
            let galley = hint.into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            if galley.size().x + ui.spacing().item_spacing.x <= ui.available_width() {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(galley);
                });
            }
        });
    }
}
