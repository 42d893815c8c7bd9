//! What the map draws over the basemap: place names, route legs, and the numbered stops.
//!
//! Everything is laid out in screen space each frame. Markers are clustered first (and merged
//! until no two discs overlap), so the labels can avoid them; then names, then legs, then
//! markers go on top. Clicking a marker selects its first event; clicking a cluster asks the
//! camera to zoom in on its stops.
//!
//! A trip of one journey numbers its stops. In a collection, the stops the focus or filter
//! leaves out become faint discs under everything else; the shown ones are numbered when they
//! are one journey's, and otherwise drawn as discs sized by their visit count (see
//! [`super::markers`]), with legs shared between journeys drawn once (see [`super::routes`]).

use egui::{FontId, Pos2, Rect, Response, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::cluster::{Cluster, cluster, merge_overlapping};
use super::draw::label_spots;
use super::labels::labels_ui;
use super::markers::{MarkerStyle, Markers, PlacedStop, cluster_name, marker_radius};
use super::projection::{screen_box, to_position};
use super::routes::Routes;
use crate::basemap::labels::{MapLabel, ScreenBox, overlaps};
use crate::command::{Command, Commands};
use crate::model::{Chronology, GeoBounds, Trip};
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

impl Plugin for TripLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, projector: &Projector, _memory: &MapMemory) {
        let painter = ui.painter().clone();
        let stops = self.placed_stops(projector);
        let groups = group_markers(&stops, self.chronology.journeys.len() > 1);

        // Markers first, then the stops' names wherever they overlap nothing (bigger clusters
        // first), then the basemap's names around both: no label covers another or a marker,
        // and none runs off the map's edge.
        let font = FontId::proportional(theme::MAP_LABEL_SIZE);
        let mut taken = self.reserved.clone();
        taken.extend(groups.iter().filter(|g| g.style != MarkerStyle::Faint).map(|g| {
            screen_box(Rect::from_center_size(
                g.cluster.centre,
                Vec2::splat(g.radius * 2.0 + 4.0),
            ))
        }));
        let inside = response.rect.shrink(2.0);
        // Names for markers on the map only: a name whose marker is off the edge names nothing.
        let mut order: Vec<usize> = (0..groups.len())
            .filter(|&i| groups[i].style != MarkerStyle::Faint && inside.contains(groups[i].cluster.centre))
            .collect();
        order.sort_by_key(|&i| std::cmp::Reverse(groups[i].cluster.members.len()));
        let mut label_at: Vec<Option<Rect>> = vec![None; groups.len()];
        for i in order {
            let group = &groups[i];
            let size = painter
                .layout_no_wrap(
                    cluster_name(&group.cluster, &stops),
                    font.clone(),
                    self.tokens.map_text,
                )
                .size();
            // Right of the marker, else above, below or left; else only in the tooltip.
            let spot = label_spots(group.cluster.centre, group.radius, size)
                .into_iter()
                .find(|spot| {
                    inside.contains_rect(*spot)
                        && !taken.iter().any(|t| overlaps(t, &screen_box(spot.expand(2.0))))
                });
            if let Some(spot) = spot {
                taken.push(screen_box(spot.expand(2.0)));
                label_at[i] = Some(spot);
            }
        }
        labels_ui(&painter, projector, self.labels, &taken, self.tokens);
        // Slides show no tooltips: the pointer may rest anywhere while a teacher talks.
        let pointer = response.hover_pos().filter(|_| self.route_until.is_none());
        let reached = stops
            .iter()
            .take_while(|s| self.route_until.is_none_or(|n| s.stop.number <= n))
            .count();
        let routes = Routes {
            ui,
            painter: &painter,
            pointer,
            projector,
            trip: self.trip,
            chronology: self.chronology,
            tokens: self.tokens,
        };
        routes.route_ui(&stops[..reached], !shown_in_one_journey(&stops));

        let markers = Markers {
            ui,
            painter: &painter,
            trip: self.trip,
            chronology: self.chronology,
            tokens: self.tokens,
            selected_stop: self
                .selection
                .and_then(|i| self.chronology.stop_of(i))
                .map(|s| s.number),
            tooltips: self.route_until.is_none(),
        };
        for (group, &label_at) in groups.iter().zip(&label_at) {
            let members: Vec<&PlacedStop<'_>> = group.cluster.members.iter().map(|&i| &stops[i]).collect();
            if !markers.marker_ui(&group.cluster, &members, group.style, group.radius, label_at) {
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

impl<'a> TripLayer<'a> {
    /// The stops whose place is resolved, on screen, in trip order.
    fn placed_stops(&self, projector: &Projector) -> Vec<PlacedStop<'a>> {
        let (trip, chronology): (&'a Trip, &'a Chronology) = (self.trip, self.chronology);
        chronology
            .stops
            .iter()
            .filter_map(|stop| {
                let place = trip.places.get(stop.place)?;
                let location = chronology.places.get(stop.place).copied().flatten()?.location;
                Some(PlacedStop {
                    stop,
                    approximate: place.approximate,
                    name: &place.name,
                    location,
                    pos: projector.project(to_position(location)).to_pos2(),
                    first_shown: stop
                        .events
                        .iter()
                        .copied()
                        .find(|&i| (self.passes)(i))
                        .filter(|_| self.route_until.is_none_or(|n| stop.number <= n)),
                })
            })
            .collect()
    }
}

/// A cluster of stops with how it is drawn.
struct MarkerGroup {
    cluster: Cluster,
    style: MarkerStyle,
    radius: f32,
}

/// Whether every shown stop belongs to one journey (then its stops are numbered and its legs
/// drawn one by one).
fn shown_in_one_journey(stops: &[PlacedStop<'_>]) -> bool {
    let mut shown = stops
        .iter()
        .filter(|s| s.first_shown.is_some())
        .map(|s| s.stop.journey);
    let first = shown.next();
    shown.all(|j| Some(j) == first)
}

/// Cluster the stops and choose each cluster's style: faint ones first, so shown markers are
/// drawn (and hit) on top of them.
fn group_markers(stops: &[PlacedStop<'_>], collection: bool) -> Vec<MarkerGroup> {
    let positions: Vec<Pos2> = stops.iter().map(|s| s.pos).collect();
    if !collection {
        // One journey: every stop numbered, those the filter hides dimmed in place.
        return cluster(&positions, theme::CLUSTER_DISTANCE)
            .into_iter()
            .map(|cluster| MarkerGroup {
                radius: marker_radius(MarkerStyle::Numbered, &cluster, stops),
                cluster,
                style: MarkerStyle::Numbered,
            })
            .collect();
    }
    let shown_style = if shown_in_one_journey(stops) {
        MarkerStyle::Numbered
    } else {
        MarkerStyle::Counted
    };
    let mut groups = Vec::new();
    for (style, shown) in [(MarkerStyle::Faint, false), (shown_style, true)] {
        // Cluster this style's stops only, then map member indices back to `stops`.
        let picked: Vec<usize> = (0..stops.len())
            .filter(|&i| stops[i].first_shown.is_some() == shown)
            .collect();
        let points: Vec<Pos2> = picked.iter().map(|&i| positions[i]).collect();
        let to_stops = |mut c: Cluster| {
            c.members = c.members.iter().map(|&m| picked[m]).collect();
            c
        };
        let clusters: Vec<Cluster> = cluster(&points, theme::CLUSTER_DISTANCE)
            .into_iter()
            .map(to_stops)
            .collect();
        let clusters = if style == MarkerStyle::Numbered {
            clusters
        } else {
            merge_overlapping(
                &positions,
                clusters,
                |c| marker_radius(style, c, stops),
                theme::MARKER_GAP,
            )
        };
        groups.extend(clusters.into_iter().map(|cluster| MarkerGroup {
            radius: marker_radius(style, &cluster, stops),
            cluster,
            style,
        }));
    }
    groups
}
