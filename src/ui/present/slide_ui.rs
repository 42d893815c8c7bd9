//! What a slide shows over the map: the title card, an event's card (title, local date and place,
//! the key quote and its speaker), the overview with the trip's statistics, the slide counter
//! and the progress strip along the bottom.
//!
//! Text is real labels (so tests and screen readers can read a slide) in the high-contrast
//! presentation theme, scaled with the screen height; at 4:3 the event card spans the bottom of
//! the screen instead of its left side, so it never hides the stop in the middle.

use egui::{Align2, Color32, FontId, Frame, Margin, Rect, RichText, Stroke, Ui, UiBuilder, pos2, vec2};

use crate::model::describe::{describe_dates, describe_offset, describe_time};
use crate::model::journeys::Focus;
use crate::model::slides::{Presentation, Slide, key_quote};
use crate::model::{Chronology, Trip, TripStats};
use crate::ui::theme::{self, present as style};

/// Sizes scaled for a screen `height` points tall.
#[derive(Clone, Copy, Debug)]
pub struct Scale(pub f32);

impl Scale {
    /// The scale for `screen`.
    pub fn of(screen: Rect) -> Self {
        Self((screen.height() / style::REFERENCE_HEIGHT).max(style::MIN_SCALE))
    }

    fn size(self, size: f32) -> f32 {
        size * self.0
    }
}

/// Draw the slide's card, counter and progress strip over `screen`; `stats` are the trip's.
/// Returns where the card is, so the map can keep its names out from under it.
pub fn slide_ui(
    ui: &mut Ui,
    screen: Rect,
    presentation: &Presentation,
    trip: &Trip,
    chronology: &Chronology,
    stats: &TripStats,
    focus: Option<Focus>,
) -> Rect {
    let scale = Scale::of(screen);
    let margin = scale.size(style::MARGIN);
    let strip = Rect::from_min_max(
        pos2(screen.left(), screen.bottom() - scale.size(style::STRIP_HEIGHT)),
        screen.max,
    );
    progress_ui(ui, strip, presentation, trip, chronology, scale);
    counter_ui(ui, screen, presentation, trip, scale);

    let wide = screen.aspect_ratio() >= 1.5;
    let card_width = if wide {
        screen.width() * 0.42
    } else {
        screen.width() - 2.0 * margin
    };
    match presentation.slide() {
        Slide::Title => {
            let rect =
                Rect::from_center_size(screen.center(), vec2(screen.width() * 0.7, screen.height() * 0.6));
            card_ui(ui, rect, Align2::CENTER_CENTER, scale, |ui| {
                title_ui(ui, trip, chronology, focus, scale)
            })
        }
        slide => {
            let rect = Rect::from_min_max(
                pos2(screen.left() + margin, screen.top() + margin),
                pos2(screen.left() + margin + card_width, strip.top() - margin),
            );
            card_ui(ui, rect, Align2::LEFT_BOTTOM, scale, |ui| match slide {
                Slide::Event(index) => event_ui(ui, trip, chronology, index, scale),
                _ => overview_ui(ui, trip, chronology, stats, scale),
            })
        }
    }
}

/// A dark card sized to its content, placed at `align` inside `rect`; returns where it is.
fn card_ui(ui: &mut Ui, rect: Rect, align: Align2, scale: Scale, content: impl FnOnce(&mut Ui)) -> Rect {
    // Lay out once off screen to learn the height, then place the card where it belongs.
    let id = ui
        .scope_id()
        .with(("slide_card", align.x() as u8, align.y() as u8));
    let height = ui
        .ctx()
        .data(|d| d.get_temp::<f32>(id))
        .unwrap_or(rect.height() * 0.5);
    let size = vec2(rect.width(), height.min(rect.height()));
    let placed = align.align_size_within_rect(size, rect);
    let padding = scale.size(style::MARGIN * 0.75) as i8;
    let inner = ui.scope_builder(UiBuilder::new().max_rect(placed), |ui| {
        Frame::new()
            .fill(style::CARD)
            .corner_radius(scale.size(12.0))
            .inner_margin(Margin::same(padding))
            .show(ui, |ui| {
                ui.set_width(placed.width() - 2.0 * f32::from(padding));
                content(ui);
            })
            .response
            .rect
    });
    let used = inner.inner.height();
    if (used - height).abs() > 0.5 {
        ui.ctx().data_mut(|d| d.insert_temp(id, used));
        ui.ctx().request_repaint();
    }
    inner.inner
}

fn text(ui: &mut Ui, text: impl Into<String>, size: f32, colour: Color32) -> egui::Response {
    ui.label(RichText::new(text).size(size).color(colour))
}

/// The cover: the trip's title (or, presenting a followed traveller or journey, its name under
/// the collection's title), its dates and travellers.
fn title_ui(ui: &mut Ui, trip: &Trip, chronology: &Chronology, focus: Option<Focus>, scale: Scale) {
    let title = match focus {
        Some(focus) => {
            text(ui, &trip.title, scale.size(style::META_SIZE), style::MUTED);
            crate::ui::collection_ui::focus_title(trip, chronology, focus)
        }
        None => trip.title.clone(),
    };
    ui.label(
        RichText::new(title)
            .size(scale.size(style::COVER_TITLE_SIZE))
            .strong()
            .color(style::TEXT),
    );
    let inside = |i: &&usize| focus.is_none_or(|f| f.has_event(chronology, **i));
    let first = chronology
        .order
        .iter()
        .find(inside)
        .and_then(|&i| chronology.event(i));
    let last = chronology
        .order
        .iter()
        .rev()
        .find(inside)
        .and_then(|&i| chronology.event(i));
    if let (Some(first), Some(last)) = (first, last) {
        let from = describe_time(&first.start);
        let to = describe_time(&last.end.unwrap_or(last.start));
        let dates = if from == to {
            from
        } else {
            format!("{from} – {to}")
        };
        text(ui, dates, scale.size(style::META_SIZE), style::MUTED);
    }
    let travellers: Vec<&str> = trip
        .travellers
        .iter()
        .filter_map(|id| trip.person(id).map(|p| p.name.as_str()))
        .collect();
    // A followed traveller is named in the title; a long list would fill the slide.
    if focus.is_none() && !travellers.is_empty() {
        let names = if travellers.len() > theme::TRAVELLER_PALETTE.len() {
            format!("{} travellers", travellers.len())
        } else {
            travellers.join(", ")
        };
        text(ui, names, scale.size(style::META_SIZE), style::MUTED);
    }
    ui.add_space(scale.size(16.0));
    // The collection's summary does not describe one traveller's journey.
    if focus.is_none() {
        text(ui, trip.summary.trim(), scale.size(style::BODY_SIZE), style::TEXT);
    }
    ui.add_space(scale.size(16.0));
    text(
        ui,
        "Right, Space or PageDown: next · Left or PageUp: back · B: blank · A: autoplay · P: presenter console · Esc: leave",
        scale.size(style::SMALL_SIZE),
        style::MUTED,
    );
}

fn event_ui(ui: &mut Ui, trip: &Trip, chronology: &Chronology, index: usize, scale: Scale) {
    let (Some(event), Some(resolved)) = (trip.events.get(index), chronology.event(index)) else {
        return;
    };
    let place = trip.places.get(resolved.place);
    text(
        ui,
        event.kind.label().to_uppercase(),
        scale.size(style::SMALL_SIZE),
        style::ACCENT,
    );
    ui.label(
        RichText::new(&event.title)
            .size(scale.size(style::TITLE_SIZE))
            .strong()
            .color(style::TEXT),
    );
    let place_name = place.map_or(String::new(), |p| format!("{}, {}", p.name, p.country));
    text(
        ui,
        format!(
            "{} · {place_name} · {}",
            describe_dates(resolved),
            describe_offset(resolved)
        ),
        scale.size(style::META_SIZE),
        style::MUTED,
    );
    ui.add_space(scale.size(18.0));
    match key_quote(event) {
        Some(quote) => {
            let bar_width = scale.size(5.0);
            let response = Frame::new()
                .inner_margin(Margin {
                    left: (bar_width + scale.size(14.0)) as i8,
                    ..Margin::ZERO
                })
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!("“{}”", quote.text))
                            .size(scale.size(style::QUOTE_SIZE))
                            .italics()
                            .color(style::TEXT),
                    );
                    let speaker = trip.person(&quote.speaker).map_or(String::new(), |p| {
                        if p.role.is_empty() {
                            format!("— {}", p.name)
                        } else {
                            format!("— {}, {}", p.name, p.role)
                        }
                    });
                    text(ui, speaker, scale.size(style::BODY_SIZE), style::MUTED);
                })
                .response;
            let bar = Rect::from_min_size(response.rect.min, vec2(bar_width, response.rect.height()));
            ui.painter().rect_filled(bar, 0.0, style::ACCENT);
        }
        None if !event.summary.is_empty() => {
            text(
                ui,
                event.summary.trim(),
                scale.size(style::BODY_SIZE),
                style::TEXT,
            );
        }
        None => {}
    }
}

fn overview_ui(ui: &mut Ui, trip: &Trip, chronology: &Chronology, stats: &TripStats, scale: Scale) {
    ui.label(
        RichText::new("The whole journey")
            .size(scale.size(style::TITLE_SIZE))
            .strong()
            .color(style::TEXT),
    );
    ui.add_space(scale.size(12.0));
    for line in [
        format!("{} days", stats.days),
        format!("{} stops in {} countries", stats.stops, stats.countries),
        format!("{} travelled", crate::model::describe::format_km(stats.route_km)),
        format!("{} timezones crossed", stats.timezones_crossed),
    ] {
        text(ui, line, scale.size(style::META_SIZE), style::TEXT);
    }
    ui.add_space(scale.size(12.0));
    let stops: Vec<String> = chronology
        .stops
        .iter()
        // A no-break space keeps each number with its stop when the line wraps.
        .filter_map(|s| {
            trip.places
                .get(s.place)
                .map(|p| format!("{}.\u{a0}{}", s.number, p.name))
        })
        .collect();
    text(ui, stops.join(" · "), scale.size(style::BODY_SIZE), style::MUTED);
}

/// "6 / 16" and the autoplay state, top right.
fn counter_ui(ui: &mut Ui, screen: Rect, presentation: &Presentation, trip: &Trip, scale: Scale) {
    let margin = scale.size(style::MARGIN * 0.5);
    let mut line = format!("{} / {}", presentation.current + 1, presentation.deck.len());
    if presentation.autoplay {
        line = format!(
            "{line} · Autoplay, {} s per slide",
            crate::model::slides::slide_seconds(trip)
        );
    }
    let rect = Rect::from_min_max(
        pos2(screen.center().x, screen.top() + margin),
        pos2(screen.right() - margin, screen.top() + margin + scale.size(40.0)),
    );
    ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
            Frame::new()
                .fill(style::CARD)
                .corner_radius(scale.size(8.0))
                .inner_margin(Margin::symmetric(scale.size(12.0) as i8, scale.size(6.0) as i8))
                .show(ui, |ui| {
                    text(ui, line, scale.size(style::SMALL_SIZE), style::TEXT)
                });
        });
    });
}

/// The trip on a time axis: a track with a mark per event, filled up to the current slide, and
/// the stops' names under their first events.
fn progress_ui(
    ui: &mut Ui,
    strip: Rect,
    presentation: &Presentation,
    trip: &Trip,
    chronology: &Chronology,
    scale: Scale,
) {
    let painter = ui.painter_at(strip);
    painter.rect_filled(strip, 0.0, style::CARD);
    let Some((first, last)) = chronology.utc_range() else {
        return;
    };
    let margin = scale.size(style::MARGIN);
    let track = strip.shrink2(vec2(margin, 0.0));
    let y = strip.top() + strip.height() * 0.35;
    let span = (last - first).num_seconds().max(1) as f32;
    let x_of = |t: chrono::DateTime<chrono::Utc>| {
        track.left() + (t - first).num_seconds() as f32 / span * track.width()
    };
    let reached = match presentation.slide() {
        Slide::Title => track.left(),
        Slide::Event(i) => chronology.event(i).map_or(track.left(), |e| x_of(e.start_utc)),
        Slide::Overview => track.right(),
    };
    let thickness = scale.size(6.0);
    painter.line_segment(
        [pos2(track.left(), y), pos2(track.right(), y)],
        Stroke::new(thickness, style::TRACK),
    );
    painter.line_segment(
        [pos2(track.left(), y), pos2(reached, y)],
        Stroke::new(thickness, style::ACCENT),
    );
    for &i in &chronology.order {
        if let Some(e) = chronology.event(i) {
            let x = x_of(e.start_utc);
            let colour = if x <= reached { style::ACCENT } else { style::TRACK };
            painter.circle_filled(pos2(x, y), scale.size(6.0), colour);
        }
    }
    if let Slide::Event(_) = presentation.slide() {
        painter.circle(
            pos2(reached, y),
            scale.size(11.0),
            style::ACCENT,
            Stroke::new(scale.size(3.0), style::TEXT),
        );
    }
    // Stop names under their first events, skipping any that would overlap the previous one.
    let font = FontId::proportional(scale.size(style::SMALL_SIZE));
    let mut free_from = f32::MIN;
    for stop in &chronology.stops {
        let (Some(place), Some(e)) = (
            trip.places.get(stop.place),
            stop.events.first().and_then(|&i| chronology.event(i)),
        ) else {
            continue;
        };
        let x = x_of(e.start_utc).max(free_from);
        let galley = painter.layout_no_wrap(place.name.clone(), font.clone(), style::MUTED);
        if x + galley.size().x > strip.right() {
            continue;
        }
        painter.galley(pos2(x, y + scale.size(12.0)), galley.clone(), style::MUTED);
        free_from = x + galley.size().x + scale.size(12.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slide_titles_are_at_least_48_px_on_a_1080p_screen() {
        for (width, height) in [(1920.0, 1080.0), (1440.0, 1080.0)] {
            let scale = Scale::of(Rect::from_min_size(egui::Pos2::ZERO, vec2(width, height)));
            assert!(scale.size(style::TITLE_SIZE) >= 48.0);
            assert!(scale.size(style::QUOTE_SIZE) >= 32.0);
        }
    }
}
