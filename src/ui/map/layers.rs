//! What the map draws over the basemap: place names, route legs, and the numbered stops.
//!
//! Everything is laid out in screen space each frame. Markers are clustered first, so the
//! labels can avoid them; then names, then legs, then markers go on top. Clicking a marker
//! selects its first event; clicking a cluster asks the camera to zoom in on its stops.

use egui::{Align2, FontId, Painter, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2, WidgetInfo, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::cluster::{Cluster, cluster};
use super::draw::{approximate_ring_ui, arrow_ui, distance_to_polyline, halo_text, label_spots};
use super::labels::labels_ui;
use super::projection::{screen_box, to_position};
use super::tooltip::{DETAILED_TOOLTIP_STOPS, dense_tooltip_ui, stop_tooltip_ui};
use crate::basemap::labels::{MapLabel, ScreenBox, overlaps};
use crate::command::{Command, Commands};
use crate::model::describe::describe_dates;
use crate::model::{Chronology, GeoBounds, LatLon, Stop, Trip};
use crate::ui::theme::{self, Tokens};

/// Draws the trip over the map and turns clicks into commands or camera requests.
pub struct TripLayer<'a> {
    /// The trip.
    pub trip: &'a Trip,
    /// Its resolved view.
    pub chronology: &'a Chronology,
    /// The selected event.
    pub selection: Option<usize>,
    /// Colours.
    pub tokens: &'a Tokens,
    /// Basemap names.
    pub labels: &'a [MapLabel],
    /// Where clicks go.
    pub commands: &'a mut Commands,
    /// Set when the user asks to zoom into a cluster.
    pub zoom_to: &'a mut Option<GeoBounds>,
    /// Screen areas covered by controls, where no name may go.
    pub reserved: Vec<ScreenBox>,
    /// Whether an event passes the reader's filter; stops with none that pass are dimmed.
    pub passes: &'a dyn Fn(usize) -> bool,
    /// In a presentation, the last stop reached: later stops are dimmed and the route stops
    /// there. `None` draws the whole trip.
    pub route_until: Option<usize>,
}

/// A stop placed on screen.
struct PlacedStop<'a> {
    stop: &'a Stop,
    name: &'a str,
    location: LatLon,
    pos: Pos2,
    /// The event a click selects: the first that passes the filter.
    first_shown: Option<usize>,
    /// Only a region's or country's centre is known.
    approximate: bool,
}

impl Plugin for TripLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, projector: &Projector, _memory: &MapMemory) {
        let painter = ui.painter().clone();
        let stops: Vec<PlacedStop<'_>> = self
            .chronology
            .stops
            .iter()
            .filter_map(|stop| {
                let place = self.trip.places.get(stop.place)?;
                let location = self
                    .chronology
                    .places
                    .get(stop.place)
                    .copied()
                    .flatten()?
                    .location;
                let pos = projector.project(to_position(location)).to_pos2();
                Some(PlacedStop {
                    stop,
                    approximate: place.approximate,
                    name: &place.name,
                    location,
                    pos,
                    first_shown: stop
                        .events
                        .iter()
                        .copied()
                        .find(|&i| (self.passes)(i))
                        .filter(|_| self.route_until.is_none_or(|n| stop.number <= n)),
                })
            })
            .collect();
        let positions: Vec<Pos2> = stops.iter().map(|s| s.pos).collect();
        let clusters = cluster(&positions, theme::CLUSTER_DISTANCE);

        // Markers first, then the stops' names wherever they overlap nothing (bigger clusters
        // first), then the basemap's names around both: no label covers another or a marker.
        let font = FontId::proportional(theme::MAP_LABEL_SIZE);
        let mut taken = self.reserved.clone();
        taken.extend(clusters.iter().map(|c| {
            screen_box(Rect::from_center_size(
                c.centre,
                Vec2::splat(marker_radius(c) * 2.0 + 4.0),
            ))
        }));
        let mut order: Vec<usize> = (0..clusters.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(clusters[i].members.len()));
        let mut label_at: Vec<Option<Rect>> = vec![None; clusters.len()];
        for i in order {
            let c = &clusters[i];
            let size = painter
                .layout_no_wrap(cluster_name(c, &stops), font.clone(), self.tokens.map_text)
                .size();
            // Right of the marker, else above, below or left; else only in the tooltip.
            let spot = label_spots(c.centre, marker_radius(c), size)
                .into_iter()
                .find(|spot| !taken.iter().any(|t| overlaps(t, &screen_box(spot.expand(2.0)))));
            if let Some(spot) = spot {
                taken.push(screen_box(spot.expand(2.0)));
                label_at[i] = Some(spot);
            }
        }
        labels_ui(&painter, projector, self.labels, &taken, self.tokens);
        // Slides show no tooltips: the pointer may rest anywhere while a teacher talks.
        let pointer = response.hover_pos().filter(|_| self.route_until.is_none());
        route_ui(
            ui,
            &painter,
            pointer,
            projector,
            self.chronology,
            &stops[..stops
                .iter()
                .take_while(|s| self.route_until.is_none_or(|n| s.stop.number <= n))
                .count()],
            self.tokens,
        );

        let selected_stop = self
            .selection
            .and_then(|i| self.chronology.stop_of(i))
            .map(|s| s.number);
        for (c, &label_at) in clusters.iter().zip(&label_at) {
            let members: Vec<&PlacedStop<'_>> = c.members.iter().map(|&i| &stops[i]).collect();
            let clicked = marker_ui(
                ui,
                &painter,
                c,
                &members,
                selected_stop,
                self.trip,
                self.chronology,
                self.tokens,
                (self.route_until.is_none(), label_at),
            );
            if !clicked {
                continue;
            }
            match members.as_slice() {
                [only] => self.commands.send(Command::Select(
                    only.first_shown.or_else(|| only.stop.events.first().copied()),
                )),
                many => *self.zoom_to = GeoBounds::of(many.iter().map(|s| s.location)),
            }
        }
    }
}

fn marker_radius(cluster: &Cluster) -> f32 {
    if cluster.members.len() > 1 {
        theme::MARKER_RADIUS + 3.0
    } else {
        theme::MARKER_RADIUS
    }
}

fn cluster_name(cluster: &Cluster, stops: &[PlacedStop<'_>]) -> String {
    distinct_names(cluster.members.iter().map(|&i| stops[i].name))
}

/// Most names a marker label lists before "…".
const MAX_LABEL_NAMES: usize = 3;

/// "Lima · Santiago" for stops at Lima, Lima and Santiago: each place once (a place visited on
/// several trips is one name), at most [`MAX_LABEL_NAMES`], then "…".
fn distinct_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut distinct: Vec<&str> = Vec::new();
    for name in names {
        if !distinct.contains(&name) {
            distinct.push(name);
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

/// Draw one marker (a stop, or a cluster with a count badge); returns whether it was clicked.
#[allow(clippy::too_many_arguments)]
fn marker_ui(
    ui: &Ui,
    painter: &Painter,
    cluster: &Cluster,
    members: &[&PlacedStop<'_>],
    selected_stop: Option<usize>,
    trip: &Trip,
    chronology: &Chronology,
    tokens: &Tokens,
    (tooltips, label_at): (bool, Option<Rect>),
) -> bool {
    let radius = marker_radius(cluster);
    let centre = cluster.centre;
    let rect = Rect::from_center_size(centre, Vec2::splat(radius * 2.0));
    let first = members.first().map_or(0, |s| s.stop.number);
    let response = ui.interact(rect, ui.scope_id().with(("stop", first)), Sense::click());
    let label = match members {
        [only] if only.approximate => {
            format!("Stop {}: {} (approximate position)", only.stop.number, only.name)
        }
        [only] => format!("Stop {}: {}", only.stop.number, only.name),
        many => format!(
            "{} stops: {}",
            many.len(),
            many.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
        ),
    };
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    let selected = members.iter().any(|s| Some(s.stop.number) == selected_stop);
    let radius = radius + if response.hovered() { 2.0 } else { 0.0 };
    if selected {
        painter.circle_filled(centre, radius + 5.0, tokens.selection);
    }
    let kind = members
        .first()
        .and_then(|s| s.stop.events.first())
        .and_then(|&i| trip.events.get(i))
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
    let number = match members {
        [only] => only.stop.number.to_string(),
        many => format!("{}–{}", first, many.last().map_or(first, |s| s.stop.number)),
    };
    let number_font = FontId::proportional(if members.len() > 1 {
        11.0
    } else {
        theme::MAP_LABEL_SIZE - 1.0
    });
    painter.text(
        centre,
        Align2::CENTER_CENTER,
        number,
        number_font,
        theme::on_kind_colour(),
    );
    if members.len() > 1 {
        let badge = centre + vec2(radius * 0.8, -radius * 0.8);
        painter.circle(
            badge,
            theme::BADGE_RADIUS,
            tokens.halo,
            Stroke::new(1.5, tokens.route),
        );
        let count_font = FontId::proportional(theme::BADGE_SIZE);
        painter.text(
            badge,
            Align2::CENTER_CENTER,
            members.len().to_string(),
            count_font,
            tokens.map_text,
        );
    }
    // A name that would cover another is left to the tooltip.
    if let Some(spot) = label_at {
        let names = distinct_names(members.iter().map(|s| s.name));
        halo_text(painter, spot.left_center(), &names, tokens);
    }
    if !tooltips {
        return response.clicked();
    }
    let response = response.on_hover_ui(|ui| {
        if members.len() > DETAILED_TOOLTIP_STOPS {
            let stops: Vec<(&str, &Stop)> = members.iter().map(|s| (s.name, s.stop)).collect();
            dense_tooltip_ui(ui, trip, &stops);
        } else {
            for stop in members {
                stop_tooltip_ui(ui, trip, chronology, stop.name, stop.stop, stop.approximate);
            }
        }
        if members.len() > 1 {
            ui.weak("Click to zoom in on these stops.");
        }
    });
    response.clicked()
}

/// Above this many shown stops of several journeys, routes are drawn faint and without arrows.
const MANY_STOPS: usize = 60;

/// Route legs as geodesic curves with a direction arrow at their middle; the leg under the
/// pointer is highlighted and explained in a tooltip.
#[allow(clippy::too_many_arguments)]
fn route_ui(
    ui: &Ui,
    painter: &Painter,
    pointer: Option<Pos2>,
    projector: &Projector,
    chronology: &Chronology,
    stops: &[PlacedStop<'_>],
    tokens: &Tokens,
) {
    // Stops by their index in the chronology (number - 1); only these may be joined.
    let mut placed: Vec<Option<&PlacedStop<'_>>> = vec![None; chronology.stops.len()];
    for stop in stops {
        if let Some(slot) = stop.stop.number.checked_sub(1).and_then(|i| placed.get_mut(i)) {
            *slot = Some(stop);
        }
    }
    // Legs join consecutive stops of one journey, never one journey to the next.
    let by_traveller = chronology
        .journeys
        .iter()
        .any(|j| j.traveller.is_some_and(|t| t > 0));
    let many_journeys = chronology.journeys.len() > 1
        && stops.iter().filter(|s| s.first_shown.is_some()).count() > MANY_STOPS;
    for (index, &(a, b)) in chronology.legs().iter().enumerate() {
        let (Some(Some(from)), Some(Some(to))) = (placed.get(a).copied(), placed.get(b).copied()) else {
            continue;
        };
        let points: Vec<Pos2> = from
            .location
            .geodesic_path(to.location, 25_000.0)
            .into_iter()
            .map(|p| projector.project(to_position(p)).to_pos2())
            .collect();
        // A leg whose stops the filter or focus hides fades back, as the stops do.
        let shown = from.first_shown.is_some() || to.first_shown.is_some();
        let hovered =
            shown && pointer.is_some_and(|p| distance_to_polyline(p, &points) < theme::LEG_HOVER_DISTANCE);
        let width = if hovered {
            theme::ROUTE_WIDTH * 2.0
        } else {
            theme::ROUTE_WIDTH
        };
        // In a collection, hundreds of journeys overlap: faint lines add up where many share a
        // way, and arrows would only clutter.
        let opacity = match (shown, many_journeys) {
            (false, false) => theme::DIMMED_OPACITY,
            (false, true) => theme::HIDDEN_ROUTE_OPACITY,
            (true, true) => theme::COLLECTION_ROUTE_OPACITY,
            (true, false) => 1.0,
        };
        // Several travellers: each route in its traveller's colour, as in the list.
        let colour = if by_traveller {
            let traveller = chronology
                .journeys
                .get(from.stop.journey)
                .and_then(|j| j.traveller);
            theme::traveller_colour(traveller)
        } else {
            tokens.route
        };
        painter.add(egui::Shape::line(
            points.clone(),
            Stroke::new(width, colour.gamma_multiply(opacity)),
        ));
        if !shown {
            continue;
        }
        if !many_journeys || hovered {
            arrow_ui(painter, &points, width, tokens);
        }
        if hovered {
            let km = from.location.distance_m(to.location) / 1000.0;
            let date_of = |stop: &PlacedStop<'_>, last: bool| {
                let event = if last {
                    stop.stop.events.last()
                } else {
                    stop.stop.events.first()
                };
                event
                    .and_then(|&i| chronology.event(i))
                    .map(describe_dates)
                    .unwrap_or_default()
            };
            let text = format!(
                "Leg {}: {} to {}\nLeft {}\nArrived {}\n{}",
                index + 1,
                from.name,
                to.name,
                date_of(from, true),
                date_of(to, false),
                crate::model::describe::format_km(km)
            );
            let anchor = pointer.unwrap_or_default() + vec2(14.0, 14.0);
            egui::Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                ui.scope_id().with(("leg", index)),
                anchor,
            )
            .show(|ui| ui.label(text));
        }
    }
}
