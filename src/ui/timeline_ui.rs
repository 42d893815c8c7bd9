//! The timeline strip: every event on a UTC time axis, in lanes, linked to the selection.
//!
//! Events become rounded bars from their first to their last instant (a day-precision event
//! spans its whole local day, so the same "2 Nov" sits six hours apart in Astana and London).
//! Bars are packed greedily into lanes so they never overlap; each bar is an accessible button
//! named after its event, which is how tests and screen readers find it.

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use egui::{Align2, CornerRadius, Rect, Role, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

use super::theme::{self, Tokens};
use crate::command::{Command, Commands};
use crate::model::describe::{describe_dates, describe_offset};
use crate::state::AppState;

/// Narrowest a bar is drawn, so instants stay clickable, in points.
const MIN_BAR_WIDTH: f32 = 10.0;
/// Bars may share a lane when they overlap by less than this many points: adjacent local days
/// in neighbouring timezones overlap by an hour or so, which should not cost a lane.
const LANE_GAP: f32 = 12.0;

/// Draw the timeline for the open trip.
pub fn timeline_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let Some((trip, chronology)) = state.trip() else {
        ui.weak("No trip open.");
        return;
    };
    let Some((first, last)) = chronology.utc_range() else {
        ui.weak("This trip has no events yet.");
        return;
    };
    let tokens = Tokens::for_visuals(ui.visuals());
    let padding = Duration::hours(6);
    let (t0, t1) = (first - padding, last + padding);
    let span_secs = (t1 - t0).num_seconds().max(1) as f32;

    egui::ScrollArea::vertical().show(ui, |ui| {
        let width = ui.available_width();
        let x_of = |t: DateTime<Utc>, rect: Rect| {
            rect.left() + (t - t0).num_seconds() as f32 / span_secs * rect.width()
        };

        // Greedy lane packing by pixel extent, in time order.
        let mut lane_ends: Vec<f32> = Vec::new();
        let mut bars = Vec::new();
        for &index in &chronology.order {
            let Some(event) = chronology.event(index) else {
                continue;
            };
            let x0 = (event.start_utc - t0).num_seconds() as f32 / span_secs * width;
            let x1 = ((event.end_utc - t0).num_seconds() as f32 / span_secs * width).max(x0 + MIN_BAR_WIDTH);
            let lane = match lane_ends.iter().position(|&end| end <= x0 + LANE_GAP) {
                Some(lane) => lane,
                None => {
                    lane_ends.push(0.0);
                    lane_ends.len() - 1
                }
            };
            lane_ends[lane] = x1;
            bars.push((index, lane));
        }
        let height = theme::AXIS_HEIGHT + lane_ends.len() as f32 * theme::LANE_HEIGHT + 4.0;
        let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 4.0, tokens.timeline_fill);

        // Day stripes and labels at UTC midnights.
        let mut day = Utc.from_utc_datetime(&t0.date_naive().and_hms_opt(0, 0, 0).unwrap_or_default());
        let mut stripe = false;
        let utc_label_width = 40.0;
        while day < t1 {
            let next = day + Duration::days(1);
            let (x0, x1) = (
                x_of(day, rect).max(rect.left()),
                x_of(next, rect).min(rect.right()),
            );
            if stripe {
                painter.rect_filled(
                    Rect::from_x_y_ranges(x0..=x1, rect.y_range()),
                    0.0,
                    tokens.timeline_stripe,
                );
            }
            stripe = !stripe;
            let label_x = x_of(day, rect).max(rect.left()) + 4.0;
            if label_x > rect.right() - utc_label_width - 70.0 {
                day = next;
                continue;
            }
            painter.text(
                pos2(label_x, rect.top() + 3.0),
                Align2::LEFT_TOP,
                day.format("%a %-d %b").to_string(),
                theme::body_font(),
                tokens.weak_text,
            );
            day = next;
        }
        painter.text(
            rect.right_top() + vec2(-6.0, 3.0),
            Align2::RIGHT_TOP,
            "UTC",
            theme::body_font(),
            tokens.weak_text,
        );

        for (index, lane) in bars {
            let (Some(event), Some(resolved)) = (trip.events.get(index), chronology.event(index)) else {
                continue;
            };
            let x0 = x_of(resolved.start_utc, rect);
            let x1 = x_of(resolved.end_utc, rect).max(x0 + MIN_BAR_WIDTH);
            let top = rect.top() + theme::AXIS_HEIGHT + lane as f32 * theme::LANE_HEIGHT;
            let bar = Rect::from_min_max(pos2(x0, top + 1.0), pos2(x1, top + theme::LANE_HEIGHT - 2.0));
            let response = ui.interact(bar, ui.scope_id().with(("event", index)), Sense::click());
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &event.title));
            let selected = state.selection == Some(index);
            let fill = theme::kind_colour(event.kind);
            painter.rect_filled(bar, CornerRadius::same(4), fill);
            if selected || response.hovered() {
                let stroke = Stroke::new(if selected { 3.0 } else { 1.5 }, tokens.selection);
                painter.rect_stroke(bar, CornerRadius::same(4), stroke, egui::StrokeKind::Outside);
            }
            let text_painter = painter.with_clip_rect(bar.shrink(3.0));
            text_painter.text(
                bar.left_center() + vec2(5.0, 0.0),
                Align2::LEFT_CENTER,
                &event.title,
                egui::FontId::proportional(theme::BODY_SIZE - 2.0),
                theme::on_kind_colour(),
            );
            let place = trip.places.get(resolved.place).map_or("", |p| p.name.as_str());
            let response = response.on_hover_ui(|ui| {
                ui.strong(&event.title);
                ui.label(format!(
                    "{} · {place} · {}",
                    describe_dates(resolved),
                    describe_offset(resolved)
                ));
            });
            if response.clicked() {
                commands.send(Command::Select(Some(index)));
            }
        }
    });
}
