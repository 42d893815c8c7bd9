//! Drawing the timeline for one frame: the calendar axis, the travel row, the lanes (bars or
//! histograms) and the time filter, plus the widgets that make bars clickable.
//!
//! Everything is clipped to the timeline's rectangle; bars are accessible buttons named after
//! their events, which is how tests and screen readers find them.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use egui::{
    Align2, CornerRadius, FontId, Painter, Pos2, Rect, Response, Role, Sense, Stroke, Ui, WidgetInfo, pos2,
    vec2,
};

use super::Layouts;
use super::layout::{GroupLayout, LaneGroup, Shape};
use crate::command::{Command, Commands};
use crate::model::describe::{describe_dates, describe_offset, describe_time};
use crate::model::timescale::{self, TimeScale, utc_from_secs};
use crate::state::AppState;
use crate::ui::theme::{self, Tokens};

/// What one frame draws.
pub(super) struct Frame<'a> {
    /// The whole canvas, gutter included.
    pub rect: Rect,
    /// The part of the canvas with the time axis.
    pub plot: Rect,
    pub scale: TimeScale,
    /// Zone of the tick labels.
    pub tz: Tz,
    pub groups: &'a [LaneGroup],
    /// The travel row and every lane laid out for this scale and width (cached by the view).
    pub layouts: &'a Layouts,
    /// UTC seconds where a brush in progress began and where it is now.
    pub brush: Option<(f64, f64)>,
    /// The selection just changed: scroll its bar into view.
    pub reveal_selection: bool,
}

impl Frame<'_> {
    fn x(&self, secs: f64) -> f32 {
        self.plot.left() + self.scale.x_of_secs(secs)
    }
}

/// Draw the frame; returns a UTC span to zoom to (a double-clicked event, a clicked histogram).
pub(super) fn paint_ui(
    ui: &mut Ui,
    frame: &Frame<'_>,
    state: &AppState,
    canvas: &Response,
    commands: &mut Commands,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let tokens = Tokens::for_visuals(ui.visuals());
    let painter = ui.painter_at(frame.rect);
    painter.rect_filled(frame.rect, 4.0, tokens.timeline_fill);
    axis(&painter, frame, &tokens);

    let travel_top = frame.rect.top() + theme::AXIS_HEIGHT;
    let travel_row = Rect::from_x_y_ranges(
        frame.rect.x_range(),
        travel_top..=travel_top + theme::TRAVEL_ROW_HEIGHT,
    );
    gutter_label(&painter, travel_row, "Travel", &tokens);
    let travel = &frame.layouts.travel;
    if travel.density {
        histogram(&painter, frame, travel, travel_row, &tokens);
    } else {
        travel_ui(ui, frame, travel, travel_row, state, &tokens);
    }

    // Lanes scroll vertically (by their scroll bar; the wheel zooms time) when they do not fit.
    let lanes = Rect::from_min_max(pos2(frame.rect.left(), travel_row.bottom() + 2.0), frame.rect.max);
    let layouts = &frame.layouts.groups;
    let sublanes: usize = layouts.iter().map(|l| l.sublanes).sum();
    let lane_height = theme::LANE_HEIGHT;
    let mut zoom_to = None;
    let mut lanes_ui = ui.new_child(egui::UiBuilder::new().max_rect(lanes));
    egui::ScrollArea::vertical()
        .id_salt("timeline_lanes")
        .scroll_source(egui::scroll_area::ScrollSource::SCROLL_BAR)
        .auto_shrink([false, false])
        .show(&mut lanes_ui, |ui| {
            let (content, _) =
                ui.allocate_exact_size(vec2(lanes.width(), sublanes as f32 * lane_height), Sense::hover());
            let painter = ui.painter().clone();
            let mut top = content.top();
            for (group, layout) in frame.groups.iter().zip(layouts) {
                let row = Rect::from_min_size(
                    pos2(frame.rect.left(), top),
                    vec2(frame.rect.width(), layout.sublanes as f32 * lane_height),
                );
                top = row.bottom();
                // Lanes scrolled out of view draw nothing (unless the selection's bar must be
                // scrolled to).
                if !row.intersects(painter.clip_rect()) && !frame.reveal_selection {
                    continue;
                }
                painter.hline(
                    frame.rect.x_range(),
                    row.top(),
                    Stroke::new(1.0, tokens.timeline_grid),
                );
                gutter_label(&painter, row, &group.label, &tokens);
                if let Some(traveller) = group.traveller {
                    // The traveller's colour, as their routes on the map and in the list.
                    let bar = Rect::from_x_y_ranges(
                        row.left()..=row.left() + theme::LANE_COLOUR_WIDTH,
                        row.top() + 2.0..=row.bottom() - 2.0,
                    );
                    painter.rect_filled(bar, 0.0, theme::traveller_colour(Some(traveller)));
                }
                if layout.density {
                    histogram(&painter, frame, layout, row, &tokens);
                    if let Some(span) =
                        histogram_hover(canvas, frame, layout, row.intersect(painter.clip_rect()))
                    {
                        zoom_to = Some(span);
                    }
                    continue;
                }
                for shape in &layout.shapes {
                    if let &Shape::Bar {
                        index,
                        sublane,
                        x0,
                        x1,
                    } = shape
                    {
                        let y = row.top() + sublane as f32 * lane_height;
                        let bar = Rect::from_x_y_ranges(
                            frame.plot.left() + x0..=frame.plot.left() + x1,
                            y + 1.0..=y + lane_height - 2.0,
                        );
                        if frame.reveal_selection && state.selection() == Some(index) {
                            ui.scroll_to_rect(bar, Some(egui::Align::Center));
                        }
                        if let Some(span) =
                            bar_ui(ui, &painter, frame.plot, bar, index, state, &tokens, commands)
                        {
                            zoom_to = Some(span);
                        }
                    }
                }
            }
        });
    time_filter(&painter, frame, state, &tokens);
    zoom_to
}

/// Day (or hour, month, year) stripes, tick lines and labels in the chosen zone.
fn axis(painter: &Painter, frame: &Frame<'_>, tokens: &Tokens) {
    let (unit, ticks) = timescale::ticks(&frame.scale, frame.plot.width(), frame.tz);
    let rows = frame.rect.top() + theme::AXIS_HEIGHT..=frame.rect.bottom();
    let font = FontId::proportional(theme::SMALL_SIZE);
    for (k, tick) in ticks.iter().enumerate() {
        let x = frame.x(tick.secs);
        let next = ticks.get(k + 1).map_or(frame.plot.right(), |t| frame.x(t.secs));
        // Parity from the absolute step number, so stripes do not flicker while panning.
        if ((tick.secs / unit.nominal_secs()).round() as i64).rem_euclid(2) == 1 {
            let span = x.max(frame.plot.left())..=next.min(frame.plot.right());
            painter.rect_filled(
                Rect::from_x_y_ranges(span, rows.clone()),
                0.0,
                tokens.timeline_stripe,
            );
        }
        if x >= frame.plot.left() {
            let stroke = Stroke::new(if tick.major { 1.5 } else { 1.0 }, tokens.timeline_grid);
            painter.vline(x, frame.rect.top()..=frame.rect.bottom(), stroke);
        }
        // The first, partly hidden tick keeps its label pinned at the left while there is room.
        let label_x = x.max(frame.plot.left()) + 4.0;
        if next - label_x > 40.0 || x >= frame.plot.left() {
            painter
                .with_clip_rect(Rect::from_x_y_ranges(label_x..=next - 2.0, frame.rect.y_range()))
                .text(
                    pos2(label_x, frame.rect.top() + 4.0),
                    Align2::LEFT_TOP,
                    &tick.label,
                    font.clone(),
                    tokens.weak_text,
                );
        }
    }
}

fn gutter_label(painter: &Painter, row: Rect, text: &str, tokens: &Tokens) {
    let gutter = Rect::from_x_y_ranges(
        row.left()..=row.left() + theme::TIMELINE_GUTTER_WIDTH - 6.0,
        row.y_range(),
    );
    painter
        .with_clip_rect(gutter.intersect(painter.clip_rect()))
        .text(
            pos2(
                gutter.left() + 6.0,
                row.top() + theme::LANE_HEIGHT.min(row.height()) / 2.0 + 2.0,
            ),
            Align2::LEFT_CENTER,
            text,
            FontId::proportional(theme::SMALL_SIZE),
            tokens.weak_text,
        );
}

/// One event bar: fill by kind (dimmed when filtered out), outline when hovered or selected,
/// title inside, tooltip with dates. Click selects; double-click asks to zoom to the event.
#[allow(clippy::too_many_arguments)]
fn bar_ui(
    ui: &Ui,
    painter: &Painter,
    plot: Rect,
    bar: Rect,
    index: usize,
    state: &AppState,
    tokens: &Tokens,
    commands: &mut Commands,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let (trip, chronology) = state.trip()?;
    let (event, resolved) = (trip.events.get(index)?, chronology.event(index)?);
    let clip = plot.intersect(painter.clip_rect());
    let visible = bar.intersect(clip);
    if !visible.is_positive() {
        return None;
    }
    let response = ui.interact(visible, ui.scope_id().with(("event", index)), Sense::click());
    let (passes, selected) = (state.passes(index), state.selection() == Some(index));
    // The title names the bar; its date, place, kind and whether the filter hides it are read
    // after it, and its selected state is announced.
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &event.title));
    crate::ui::accessible::selected_ui(ui.ctx(), response.id, selected);
    crate::ui::accessible::focus_ring_ui(ui, &response, bar, 4.0);
    crate::ui::accessible::description_ui(ui.ctx(), response.id, || {
        let place = trip.place(&event.place).map_or("", |p| p.name.as_str());
        let hidden = if passes { "" } else { ", hidden by the filter" };
        format!(
            "{}, {place}, {}{hidden}",
            describe_dates(resolved),
            event.kind.label()
        )
    });
    let painter = painter.with_clip_rect(clip);
    let mut fill = theme::kind_colour(event.kind);
    if !passes {
        fill = fill.gamma_multiply(theme::DIMMED_OPACITY);
    }
    painter.rect_filled(bar, CornerRadius::same(4), fill);
    if selected || response.hovered() {
        let stroke = Stroke::new(if selected { 3.0 } else { 1.5 }, tokens.selection);
        painter.rect_stroke(bar, CornerRadius::same(4), stroke, egui::StrokeKind::Outside);
    }
    if visible.width() > 24.0 {
        painter.with_clip_rect(visible.shrink(3.0)).text(
            pos2(visible.left() + 5.0, bar.center().y),
            Align2::LEFT_CENTER,
            &event.title,
            FontId::proportional(theme::SMALL_SIZE),
            theme::on_kind_colour(event.kind),
        );
    }
    let place = trip.places.get(resolved.place).map_or("", |p| p.name.as_str());
    let response = response.on_hover_ui(|ui| {
        ui.strong(&event.title);
        ui.label(format!(
            "{} · {place} · {}",
            describe_dates(resolved),
            describe_offset(resolved)
        ));
        ui.weak("Double-click to zoom to this event");
    });
    if response.clicked() {
        commands.send(Command::Select(Some(index)));
    }
    response
        .double_clicked()
        .then_some((resolved.start_utc, resolved.end_utc))
}

/// Connectors between stops: a line with an arrowhead, named for its two stops.
fn travel_ui(ui: &Ui, frame: &Frame<'_>, layout: &GroupLayout, row: Rect, state: &AppState, tokens: &Tokens) {
    let Some((trip, chronology)) = state.trip() else {
        return;
    };
    let painter = ui.painter_at(frame.plot.intersect(row));
    let stroke = Stroke::new(2.0, tokens.route);
    for shape in &layout.shapes {
        let Shape::Bar {
            index: leg,
            x0,
            x1,
            sublane,
        } = *shape
        else {
            continue;
        };
        // Two legs close in time are drawn one above the other.
        let y = row.center().y + (sublane as f32 - (layout.sublanes - 1) as f32 / 2.0) * 6.0;
        let Some(&(from, to)) = chronology.legs().get(leg) else {
            continue;
        };
        let (Some(from), Some(to)) = (chronology.stops.get(from), chronology.stops.get(to)) else {
            continue;
        };
        let name = |place: usize| trip.places.get(place).map_or("", |p| p.name.as_str());
        // Day-precision stops overlap; keep the connector long enough to see its direction.
        let (mid, half) = ((x0 + x1) / 2.0, ((x1 - x0) / 2.0).max(8.0));
        let (a, b) = (frame.plot.left() + mid - half, frame.plot.left() + mid + half);
        painter.line_segment([pos2(a, y), pos2(b, y)], stroke);
        painter.add(egui::Shape::convex_polygon(
            vec![pos2(b + 2.0, y), pos2(b - 5.0, y - 4.0), pos2(b - 5.0, y + 4.0)],
            tokens.route,
            Stroke::NONE,
        ));
        painter.circle_filled(pos2(a, y), 2.5, tokens.route);
        let hit = Rect::from_x_y_ranges(a - 2.0..=b + 4.0, row.y_range()).intersect(frame.plot);
        let label = format!("Travel from {} to {}", name(from.place), name(to.place));
        let km = match (chronology.places.get(from.place), chronology.places.get(to.place)) {
            (Some(Some(p)), Some(Some(q))) => p.location.distance_m(q.location) / 1000.0,
            _ => 0.0,
        };
        let when = to
            .events
            .first()
            .and_then(|&i| chronology.event(i))
            .map(|e| describe_time(&e.start))
            .unwrap_or_default();
        // `format_km` says "km" itself ("732 km km" before).
        let details = format!("{} · arriving {when}", crate::model::describe::format_km(km));
        let response = ui.interact(hit, ui.scope_id().with(("leg", leg)), Sense::hover());
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, format!("{label}, {details}")));
        response.on_hover_text(format!("{label}\n{details}"));
    }
}

/// A histogram lane: full bins faint, bins of events passing the filter strong.
fn histogram(painter: &Painter, frame: &Frame<'_>, layout: &GroupLayout, row: Rect, tokens: &Tokens) {
    let painter = painter.with_clip_rect(frame.plot.intersect(row).intersect(painter.clip_rect()));
    let max = layout.max_count.max(1) as f32;
    let bottom = row.bottom() - 1.0;
    let height = row.height() - 3.0;
    for shape in &layout.shapes {
        let &Shape::Bin {
            x0,
            x1,
            count,
            matching,
        } = shape
        else {
            continue;
        };
        let (left, right) = (frame.plot.left() + x0, frame.plot.left() + x1);
        let bin = |n: u32| {
            let h = (n as f32 / max * height).max(if n > 0 { 2.0 } else { 0.0 });
            Rect::from_x_y_ranges(left..=right, bottom - h..=bottom)
        };
        // The faint full bin shows only where the filter hides some of it.
        if matching < count {
            painter.rect_filled(
                bin(count),
                0.0,
                tokens.density.gamma_multiply(theme::DIMMED_OPACITY),
            );
        }
        if matching > 0 {
            painter.rect_filled(bin(matching), 0.0, tokens.density);
        }
    }
}

/// Tooltip with the count under the pointer; a click zooms in around it.
fn histogram_hover(
    canvas: &Response,
    frame: &Frame<'_>,
    layout: &GroupLayout,
    row: Rect,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let pointer: Pos2 = canvas
        .hover_pos()
        .filter(|p| row.contains(*p) && frame.plot.contains(*p))?;
    let x = pointer.x - frame.plot.left();
    let count = layout.shapes.iter().find_map(|s| match *s {
        Shape::Bin { x0, x1, count, .. } if (x0..x1).contains(&x) => Some(count),
        _ => None,
    })?;
    let span = frame.scale.secs_per_point() * f64::from(frame.plot.width());
    let at = frame.scale.secs_at(x);
    let local = utc_from_secs(at).with_timezone(&frame.tz).naive_local();
    canvas.clone().on_hover_text_at_pointer(format!(
        "{count} events around {} {}\nClick to zoom in",
        crate::model::time::day_label(&local),
        local.format("%H:%M")
    ));
    canvas
        .clicked()
        .then(|| (utc_from_secs(at - span / 8.0), utc_from_secs(at + span / 8.0)))
}

/// Shade time outside the filter window, and the brush being drawn.
fn time_filter(painter: &Painter, frame: &Frame<'_>, state: &AppState, tokens: &Tokens) {
    let rows = frame.rect.top() + theme::AXIS_HEIGHT..=frame.rect.bottom();
    let painter = painter.with_clip_rect(frame.plot);
    if let Some((from, to)) = state.filter().window {
        let (a, b) = (frame.x(from.timestamp() as f64), frame.x(to.timestamp() as f64));
        for span in [frame.plot.left()..=a, b..=frame.plot.right()] {
            if span.start() < span.end() {
                painter.rect_filled(Rect::from_x_y_ranges(span, rows.clone()), 0.0, tokens.brush);
            }
        }
        for x in [a, b] {
            painter.vline(x, rows.clone(), Stroke::new(2.0, tokens.selection));
        }
    }
    if let Some((from, to)) = frame.brush {
        let (a, b) = (frame.x(from), frame.x(to));
        let span = a.min(b)..=a.max(b);
        painter.rect_filled(Rect::from_x_y_ranges(span, rows), 0.0, tokens.brush);
    }
}
