//! The trip's geometry on the map, kept between frames: nothing here is redone per frame
//! unless what it depends on changed.
//!
//! Three layers of cache, each with the key it depends on:
//! - **geometry** (the trip's content revision): each stop's position and each drawn leg's
//!   great-circle path in normalised Mercator, with its bounding box (traced on first use);
//! - **what is shown** (content and filter revisions, and how far a presentation has got): each
//!   stop's first shown event, and the legs grouped for drawing (shared legs once per pair of
//!   places, with the journeys that took them);
//! - **markers** (the above and the zoom): the clusters in world pixels (Mercator × scale), so
//!   panning only translates them.
//!
//! Invariant: a frame's work is then proportional to what is on screen, not to the trip.

use egui::{Pos2, Vec2, pos2};

use super::cluster::{Cluster, cluster, merge_overlapping};
use super::legs::{DrawnLeg, group_legs};
use super::markers::{MarkerStyle, distinct_names, marker_radius};
use crate::basemap::to_mercator;
use crate::model::{Chronology, LatLon, Trip};
use crate::ui::theme;

/// Longest straight piece of a drawn great circle, in metres (about a degree of arc): its bow
/// from the true curve is under 250 m, a point or less at any zoom the map offers.
const ARC_STEP_M: f64 = 110_000.0;

/// Screen position = Mercator × `scale` + `offset` (Web Mercator is affine on screen).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MercatorView {
    /// Points per unit of normalised Mercator (256 × 2^zoom).
    pub scale: f64,
    /// Screen position of Mercator (0, 0).
    pub offset: Vec2,
}

impl MercatorView {
    /// Where `merc` is in world pixels (independent of panning).
    pub fn world(&self, [x, y]: [f64; 2]) -> Pos2 {
        pos2((x * self.scale) as f32, (y * self.scale) as f32)
    }

    /// Where `merc` is on screen.
    pub fn screen(&self, merc: [f64; 2]) -> Pos2 {
        self.world(merc) + self.offset
    }
}

/// A resolved stop on the map.
#[derive(Clone, Copy, Debug)]
pub struct StopPoint {
    /// Index into `Chronology::stops`.
    pub stop: usize,
    /// Where it is.
    pub location: LatLon,
    /// Where it is in normalised Mercator.
    pub merc: [f64; 2],
    /// The event a click selects: the first that passes the filter (and that a presentation has
    /// reached); `None` when the stop is dimmed.
    pub first_shown: Option<usize>,
}

/// A leg's great-circle path.
#[derive(Clone, Debug)]
pub struct LegPath {
    /// Points in normalised Mercator (longitudes may pass ±180° to stay continuous).
    pub points: Vec<[f64; 2]>,
    /// `[min_x, min_y, max_x, max_y]` of `points`.
    pub bbox: [f64; 4],
}

/// A cluster of [`Scene::stops`] with how it is drawn; `centre` in world pixels.
#[derive(Clone, Debug)]
pub struct MarkerGroup {
    /// Members index [`Scene::stops`].
    pub cluster: Cluster,
    /// How it is drawn.
    pub style: MarkerStyle,
    /// Its radius, in points.
    pub radius: f32,
    /// The events at its stops.
    pub visits: usize,
    /// Its stops' names, as its label shows them ("Lima · Santiago · …").
    pub names: String,
}

/// What a view of the trip depends on besides the zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SceneKey {
    /// The state's content revision.
    pub revision: u64,
    /// The state's filter-and-focus revision.
    pub matches_revision: u64,
    /// The last stop a presentation has reached, if presenting.
    pub route_until: Option<usize>,
}

/// The cached geometry (see the module documentation).
#[derive(Debug, Default)]
pub struct Scene {
    geometry_revision: Option<u64>,
    /// Per `Chronology::stops` entry: its location and Mercator position, if resolved.
    points: Vec<Option<(LatLon, [f64; 2])>>,
    /// Per `Chronology::legs` entry: its path, once the leg has been drawn.
    paths: Vec<Option<LegPath>>,
    shown_key: Option<SceneKey>,
    stops: Vec<StopPoint>,
    legs: Vec<DrawnLeg>,
    most_shared: usize,
    one_journey_shown: bool,
    marker_key: Option<(SceneKey, u64)>,
    groups: Vec<MarkerGroup>,
    /// Per `Chronology::stops` entry, the index of its marker in `groups`.
    group_of_stop: Vec<Option<usize>>,
}

impl Scene {
    /// Bring the caches up to date for `key` at `scale` (points per Mercator unit).
    pub fn prepare(
        &mut self,
        trip: &Trip,
        chronology: &Chronology,
        key: SceneKey,
        passes: &dyn Fn(usize) -> bool,
        scale: f64,
    ) {
        if self.geometry_revision != Some(key.revision) {
            self.build_geometry(chronology);
            self.geometry_revision = Some(key.revision);
            self.shown_key = None;
        }
        if self.shown_key != Some(key) {
            self.build_shown(chronology, passes, key.route_until);
            self.shown_key = Some(key);
            self.marker_key = None;
        }
        let marker_key = (key, scale.to_bits());
        if self.marker_key != Some(marker_key) {
            self.groups = group_markers(trip, chronology, &self.stops, scale, self.one_journey_shown);
            self.group_of_stop = vec![None; chronology.stops.len()];
            for (g, group) in self.groups.iter().enumerate() {
                for &m in &group.cluster.members {
                    if let Some(slot) = self.stops.get(m).and_then(|s| self.group_of_stop.get_mut(s.stop)) {
                        *slot = Some(g);
                    }
                }
            }
            self.marker_key = Some(marker_key);
        }
    }

    /// The resolved stops in trip order.
    pub fn stops(&self) -> &[StopPoint] {
        &self.stops
    }

    /// The legs to draw, hidden ones first.
    pub fn legs(&self) -> &[DrawnLeg] {
        &self.legs
    }

    /// The path of `Chronology::legs()[leg]`.
    pub fn path(&self, leg: usize) -> Option<&LegPath> {
        self.paths.get(leg).and_then(Option::as_ref)
    }

    /// How many journeys took the most travelled shared leg that is shown.
    pub fn most_shared(&self) -> usize {
        self.most_shared
    }

    /// The marker holding `Chronology::stops[stop]`, as an index into [`Scene::groups`].
    pub fn group_of(&self, stop: usize) -> Option<usize> {
        self.group_of_stop.get(stop).copied().flatten()
    }

    /// The markers, faint ones first.
    pub fn groups(&self) -> &[MarkerGroup] {
        &self.groups
    }

    fn build_geometry(&mut self, chronology: &Chronology) {
        self.points = chronology
            .stops
            .iter()
            .map(|stop| {
                let location = chronology.places.get(stop.place).copied().flatten()?.location;
                Some((location, to_mercator([location.lon_deg, location.lat_deg])))
            })
            .collect();
        // Paths are traced when a leg is first drawn: a big collection draws a few thousand of
        // its hundreds of thousands of legs.
        self.paths = vec![None; chronology.legs().len()];
    }

    fn build_shown(
        &mut self,
        chronology: &Chronology,
        passes: &dyn Fn(usize) -> bool,
        route_until: Option<usize>,
    ) {
        self.stops = chronology
            .stops
            .iter()
            .enumerate()
            .filter_map(|(i, stop)| {
                let (location, merc) = self.points.get(i).copied().flatten()?;
                let reached = route_until.is_none_or(|n| stop.number <= n);
                Some(StopPoint {
                    stop: i,
                    location,
                    merc,
                    first_shown: stop
                        .events
                        .iter()
                        .copied()
                        .find(|&e| passes(e))
                        .filter(|_| reached),
                })
            })
            .collect();
        let mut shown_journeys = self
            .stops
            .iter()
            .filter(|s| s.first_shown.is_some())
            .map(|s| chronology.stops[s.stop].journey);
        let first = shown_journeys.next();
        self.one_journey_shown = shown_journeys.all(|j| Some(j) == first);
        // A presentation draws the route only up to the stop it has reached.
        let shown_stop: Vec<Option<bool>> = {
            let mut shown = vec![None; chronology.stops.len()];
            for s in &self.stops {
                let reached = route_until.is_none_or(|n| chronology.stops[s.stop].number <= n);
                shown[s.stop] = reached.then_some(s.first_shown.is_some());
            }
            shown
        };
        let collection = chronology.journeys.len() > 1;
        (self.legs, self.most_shared) =
            group_legs(chronology, &shown_stop, collection, !self.one_journey_shown);
        for drawn in &self.legs {
            let ends = chronology.legs().get(drawn.leg).and_then(|&(a, b)| {
                let (from, _) = self.points.get(a).copied().flatten()?;
                let (to, _) = self.points.get(b).copied().flatten()?;
                Some((from, to))
            });
            if let (Some(slot), Some((from, to))) = (self.paths.get_mut(drawn.leg), ends) {
                slot.get_or_insert_with(|| leg_path(from, to));
            }
        }
    }
}

/// The great circle from `from` to `to` in normalised Mercator, with longitudes unwrapped so
/// a leg across the date line stays one short curve.
fn leg_path(from: LatLon, to: LatLon) -> LegPath {
    let arc = from.great_circle_path(to, ARC_STEP_M);
    let mut points = Vec::with_capacity(arc.len());
    let mut previous_lon: Option<f64> = None;
    let mut bbox = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
    for p in arc {
        let mut lon = p.lon_deg;
        if let Some(prev) = previous_lon {
            lon += 360.0 * ((prev - lon) / 360.0).round();
        }
        previous_lon = Some(lon);
        let merc = to_mercator([lon, p.lat_deg]);
        bbox = [
            bbox[0].min(merc[0]),
            bbox[1].min(merc[1]),
            bbox[2].max(merc[0]),
            bbox[3].max(merc[1]),
        ];
        points.push(merc);
    }
    LegPath { points, bbox }
}

/// Cluster the stops in world pixels and choose each cluster's style: faint ones first, so
/// shown markers are drawn (and hit) on top of them.
fn group_markers(
    trip: &Trip,
    chronology: &Chronology,
    stops: &[StopPoint],
    scale: f64,
    one_journey_shown: bool,
) -> Vec<MarkerGroup> {
    let view = MercatorView {
        scale,
        offset: Vec2::ZERO,
    };
    let positions: Vec<Pos2> = stops.iter().map(|s| view.world(s.merc)).collect();
    // Weights are visits, so discs grow with them and merging adds them up.
    let weigh = |mut c: Cluster| -> Cluster {
        c.weight = c
            .members
            .iter()
            .filter_map(|&m| stops.get(m))
            .map(|s| chronology.stops[s.stop].events.len())
            .sum();
        c
    };
    let radius = |style: MarkerStyle, c: &Cluster| marker_radius(style, c.members.len(), c.weight);
    let group = |cluster: Cluster, style: MarkerStyle| MarkerGroup {
        radius: radius(style, &cluster),
        visits: cluster.weight,
        names: distinct_names(
            cluster
                .members
                .iter()
                .filter_map(|&m| stops.get(m))
                .filter_map(|s| trip.places.get(chronology.stops[s.stop].place))
                .map(|p| p.name.as_str()),
        ),
        cluster,
        style,
    };
    if chronology.journeys.len() <= 1 {
        // One journey: every stop numbered, those the filter hides dimmed in place.
        return cluster(&positions, theme::CLUSTER_DISTANCE)
            .into_iter()
            .map(|c| group(weigh(c), MarkerStyle::Numbered))
            .collect();
    }
    let shown_style = if one_journey_shown {
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
            .map(weigh)
            .collect();
        let clusters = if style == MarkerStyle::Numbered {
            clusters
        } else {
            merge_overlapping(&positions, clusters, |c| radius(style, c), theme::MARKER_GAP)
        };
        groups.extend(clusters.into_iter().map(|c| group(c, style)));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leg_across_the_date_line_stays_one_short_curve() {
        let path = leg_path(LatLon::new(21.3, -157.9), LatLon::new(35.7, 139.7));
        let width = path.bbox[2] - path.bbox[0];
        assert!(
            width < 0.25,
            "Honolulu to Tokyo spans {width} of the world's width"
        );
    }
}
