//! The stop markers: how a cluster of stops is drawn, named and clicked.
//!
//! Three styles, chosen by the layer for each cluster:
//! - **numbered**: the stops of one journey, with their numbers within it ("3", "2–4") and a
//!   count badge on a cluster, as a reader follows one trip;
//! - **counted**: where several journeys share the view, a disc sized by the logarithm of how
//!   many visits it holds, with that count, so density reads at a glance at any zoom;
//! - **faint**: stops the focus or filter leaves out in a collection, as small pale discs with
//!   no text, so they give context without competing with what is shown.
//!
//! Invariant: a marker's radius depends only on its style and contents, so the layer can merge
//! clusters until no two discs overlap before anything is drawn.

use egui::{Align2, FontId, Painter, Pos2, Rect, Sense, Stroke, Ui, Vec2, WidgetInfo, vec2};

use super::draw::{approximate_ring_ui, halo_text};
use super::tooltip::{DETAILED_TOOLTIP_STOPS, dense_tooltip_ui, stop_tooltip_ui};
use crate::model::{Chronology, EventKind, LatLon, Stop, Trip};
use crate::ui::theme::{self, Tokens};

/// A stop placed on screen.
pub struct PlacedStop<'a> {
    /// The stop.
    pub stop: &'a Stop,
    /// Its place's name.
    pub name: &'a str,
    /// Where it is.
    pub location: LatLon,
    /// The event a click selects: the first that passes the filter.
    pub first_shown: Option<usize>,
    /// Only a region's or country's centre is known.
    pub approximate: bool,
}

/// How a cluster of stops is drawn (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerStyle {
    /// Stop numbers within one journey.
    Numbered,
    /// A disc sized by its visit count.
    Counted,
    /// A pale disc for stops left out by the focus or filter.
    Faint,
}

/// The radius of a marker of `stops` stops and `visits` visits drawn in `style`, in points.
pub fn marker_radius(style: MarkerStyle, stops: usize, visits: usize) -> f32 {
    let visits = visits.max(1) as f32;
    match style {
        MarkerStyle::Numbered if stops > 1 => theme::MARKER_RADIUS + 3.0,
        MarkerStyle::Numbered => theme::MARKER_RADIUS,
        // Logarithmic: ten times the visits adds a fixed step, so one visit and a thousand
        // both stay readable and neither hides the map.
        MarkerStyle::Counted => (theme::COUNTED_MIN_RADIUS + theme::COUNTED_RADIUS_PER_E * visits.ln())
            .min(theme::COUNTED_MAX_RADIUS),
        MarkerStyle::Faint => {
            (theme::FAINT_MIN_RADIUS + theme::FAINT_RADIUS_PER_E * visits.ln()).min(theme::FAINT_MAX_RADIUS)
        }
    }
}

/// Most names a marker label lists before "…".
const MAX_LABEL_NAMES: usize = 3;

/// "Lima · Santiago" for stops at Lima, Lima and Santiago: each place once (a place visited on
/// several trips is one name), at most [`MAX_LABEL_NAMES`], then "…".
pub fn distinct_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut distinct: Vec<&str> = Vec::new();
    for name in names {
        if !distinct.contains(&name) {
            distinct.push(name);
            // One more than is shown is enough to know "…" is needed.
            if distinct.len() > MAX_LABEL_NAMES {
                break;
            }
        }
    }
    let more = distinct.len() > MAX_LABEL_NAMES;
    distinct.truncate(MAX_LABEL_NAMES);
    let mut text = distinct.join(" · ");
    if more {
        text.push_str(" · …");
    }
    text
}

/// What every marker of one frame shares.
pub struct Markers<'a> {
    /// Where markers are drawn and clicked.
    pub ui: &'a Ui,
    /// The map's painter.
    pub painter: &'a Painter,
    /// The trip.
    pub trip: &'a Trip,
    /// Its resolved view.
    pub chronology: &'a Chronology,
    /// Colours.
    pub tokens: &'a Tokens,
    /// Whether hovering shows a tooltip (not on slides).
    pub tooltips: bool,
}

/// What a marker shows without looking at its stops one by one (kept per zoom by the scene).
#[derive(Clone, Copy, Debug)]
pub struct MarkerSummary<'n> {
    /// Number of its first stop, which identifies it.
    pub first_stop: usize,
    /// Events at its stops.
    pub visits: usize,
    /// Its label ("Lima · Santiago · …").
    pub names: &'n str,
    /// Whether it holds the selected event's stop.
    pub selected: bool,
}

impl Markers<'_> {
    /// Draw one marker at `centre` (on screen) and its name at `label_at`; returns whether it
    /// was clicked. `members` are its stops: all of them for a numbered marker and for any
    /// marker under the pointer (tooltips and clicks need them), possibly none otherwise.
    pub fn marker_ui(
        &self,
        centre: Pos2,
        members: &[&PlacedStop<'_>],
        summary: MarkerSummary<'_>,
        (style, radius): (MarkerStyle, f32),
        label_at: Option<Rect>,
    ) -> bool {
        let tokens = self.tokens;
        let rect = Rect::from_center_size(centre, Vec2::splat(radius * 2.0));
        let id = self
            .ui
            .scope_id()
            .with(("stop", summary.first_stop, style == MarkerStyle::Faint));
        // A marker outside the map's visible area is not there for anyone: no widget, so a
        // screen reader does not list stops that are not showing.
        if !self.ui.clip_rect().intersects(rect) {
            return false;
        }
        let response = self.ui.interact(rect, id, Sense::click());
        let visits = summary.visits;
        let selected = summary.selected;
        // Built only when assistive technology asks (the closure is not called otherwise).
        response.widget_info(|| {
            WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                accessible_label(members, style, visits, summary.names),
            )
        });
        crate::ui::accessible::selected_ui(self.ui.ctx(), response.id, selected);
        crate::ui::accessible::focus_ring_ui(self.ui, &response, rect, radius);
        let radius = radius + if response.hovered() { 2.0 } else { 0.0 };
        if selected {
            self.painter.circle_filled(centre, radius + 5.0, tokens.selection);
        }
        let painter = self.painter;
        match style {
            MarkerStyle::Faint => {
                painter.circle_filled(
                    centre,
                    radius,
                    theme::kind_colour(EventKind::Visit).gamma_multiply(theme::DIMMED_OPACITY),
                );
            }
            MarkerStyle::Counted => {
                painter.circle(
                    centre,
                    radius,
                    theme::kind_colour(EventKind::Visit),
                    Stroke::new(2.0, tokens.halo),
                );
                let size = (radius * theme::COUNTED_TEXT_PER_RADIUS).max(theme::CLUSTER_NUMBER_SIZE);
                painter.text(
                    centre,
                    Align2::CENTER_CENTER,
                    visits.to_string(),
                    FontId::proportional(size),
                    theme::on_kind_colour(EventKind::Visit),
                );
            }
            MarkerStyle::Numbered => self.numbered_ui(members, centre, radius),
        }
        if let Some(spot) = label_at {
            halo_text(painter, spot.left_center(), summary.names, tokens);
        }
        if !self.tooltips || members.is_empty() {
            return response.clicked();
        }
        let response = response.on_hover_ui(|ui| {
            if members.len() > DETAILED_TOOLTIP_STOPS {
                let stops: Vec<(&str, &Stop)> = members.iter().map(|s| (s.name, s.stop)).collect();
                dense_tooltip_ui(ui, self.trip, &stops);
            } else {
                for stop in members {
                    stop_tooltip_ui(
                        ui,
                        self.trip,
                        self.chronology,
                        stop.name,
                        stop.stop,
                        stop.approximate,
                    );
                }
            }
            if members.len() > 1 {
                ui.weak("Click to zoom in on these stops.");
            }
        });
        response.clicked()
    }

    /// A stop in its kind's colour with its number within the journey, or a cluster with the
    /// range of numbers and a count badge.
    fn numbered_ui(&self, members: &[&PlacedStop<'_>], centre: Pos2, radius: f32) {
        let (painter, tokens) = (self.painter, self.tokens);
        let kind = members
            .first()
            .and_then(|s| s.stop.events.first())
            .and_then(|&i| self.trip.events.get(i))
            .map(|e| e.kind)
            .unwrap_or_default();
        // Stops with no event passing the filter fade back, as their events do on the timeline.
        let shown = members.iter().any(|s| s.first_shown.is_some());
        let opacity = if shown { 1.0 } else { theme::DIMMED_OPACITY };
        painter.circle(
            centre,
            radius,
            theme::kind_colour(kind).gamma_multiply(opacity),
            Stroke::new(2.0, tokens.halo.gamma_multiply(opacity)),
        );
        if members.iter().all(|s| s.approximate) {
            approximate_ring_ui(painter, centre, radius, tokens, opacity);
        }
        let first = members.first().map_or(0, |s| s.stop.in_journey);
        let number = match members {
            [only] => only.stop.in_journey.to_string(),
            many => format!("{}–{}", first, many.last().map_or(first, |s| s.stop.in_journey)),
        };
        let number_size = if members.len() > 1 {
            theme::CLUSTER_NUMBER_SIZE
        } else {
            theme::MAP_LABEL_SIZE - 1.0
        };
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            number,
            FontId::proportional(number_size),
            theme::on_kind_colour(kind),
        );
        if members.len() > 1 {
            let badge = centre + vec2(radius * 0.8, -radius * 0.8);
            painter.circle(
                badge,
                theme::BADGE_RADIUS,
                tokens.halo,
                Stroke::new(1.5, tokens.route),
            );
            painter.text(
                badge,
                Align2::CENTER_CENTER,
                members.len().to_string(),
                FontId::proportional(theme::BADGE_SIZE),
                tokens.map_text,
            );
        }
    }
}

/// What a screen reader hears for a marker.
fn accessible_label(members: &[&PlacedStop<'_>], style: MarkerStyle, visits: usize, names: &str) -> String {
    match (style, members) {
        (MarkerStyle::Numbered, [only]) if only.approximate => format!(
            "Stop {}: {} (approximate position)",
            only.stop.in_journey, only.name
        ),
        (MarkerStyle::Numbered, [only]) => format!("Stop {}: {}", only.stop.in_journey, only.name),
        (MarkerStyle::Numbered, many) => format!(
            "{} stops: {}",
            many.len(),
            many.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
        ),
        _ => format!(
            "{visits} {}: {names}",
            if visits == 1 { "visit" } else { "visits" }
        ),
    }
}
