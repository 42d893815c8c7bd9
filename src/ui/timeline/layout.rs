//! Lanes and shapes of the timeline, computed without egui so they can be tested and
//! benchmarked on their own.
//!
//! Events are grouped into lanes (by country, trip or kind) once per trip load; each frame, a
//! group is laid out for the visible window only. Invariant: the number of shapes a group yields
//! never exceeds what its width can show. Up to one bar per [`MIN_BAR_SPACING_PTS`] of width is
//! drawn as bars packed into sub-lanes; beyond that, or when bars would need more sub-lanes than
//! the lane has room for, the group becomes a density histogram of at most one bin per
//! [`BIN_WIDTH_PTS`]. Work per frame is a binary search plus one pass over the visible events.

use crate::model::timescale::TimeScale;
use crate::model::{Chronology, EventKind, Trip};

/// Narrowest a bar is drawn, so instants stay clickable, in points.
pub const MIN_BAR_WIDTH_PTS: f32 = 10.0;
/// Average room each bar needs before a group switches to a histogram, in points.
const MIN_BAR_SPACING_PTS: f32 = 8.0;
/// Bars may share a sub-lane when they overlap by less than this: adjacent local days in
/// neighbouring timezones overlap by an hour or so, which should not cost a sub-lane.
const LANE_GAP_PTS: f32 = 12.0;
/// Width of one histogram bin, in points.
pub const BIN_WIDTH_PTS: f32 = 3.0;

/// How events are split into lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LaneMode {
    /// One lane per country visited, in order of first visit.
    Country,
    /// One lane for the whole trip, or one per traveller when it has several.
    #[default]
    Trip,
    /// One lane per event kind.
    Kind,
}

impl LaneMode {
    /// Every mode, in menu order.
    pub const ALL: [Self; 3] = [Self::Trip, Self::Country, Self::Kind];

    /// Name in the lane menu.
    pub fn label(self) -> &'static str {
        match self {
            Self::Country => "By country",
            Self::Trip => "By trip",
            Self::Kind => "By kind",
        }
    }
}

/// One event (or travel leg) on the time axis, in UTC seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneItem {
    /// First instant.
    pub start_secs: f64,
    /// Instant just after.
    pub end_secs: f64,
    /// Index into `Trip::events` (or into the legs, for the travel lane).
    pub index: usize,
}

/// A labelled lane and its items, sorted by start.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneGroup {
    /// Shown in the gutter.
    pub label: String,
    /// The traveller whose lane this is (an index into `Trip::travellers`), for their colour.
    pub traveller: Option<usize>,
    /// Items by start time.
    pub items: Vec<LaneItem>,
    /// Longest item, so a search by start can still find items that began off screen.
    longest_secs: f64,
}

impl LaneGroup {
    fn new(label: String, mut items: Vec<LaneItem>) -> Self {
        items.sort_by(|a, b| a.start_secs.total_cmp(&b.start_secs));
        let longest_secs = items
            .iter()
            .map(|i| i.end_secs - i.start_secs)
            .fold(0.0, f64::max);
        Self {
            label,
            traveller: None,

            items,
            longest_secs,
        }
    }

    /// Items that may overlap `from..=to` (UTC seconds), by start: a superset of the visible
    /// ones, found by binary search.
    fn candidates(&self, from: f64, to: f64) -> &[LaneItem] {
        let lo = self
            .items
            .partition_point(|i| i.start_secs < from - self.longest_secs);
        let hi = self.items.partition_point(|i| i.start_secs <= to);
        &self.items[lo..hi.max(lo)]
    }

    /// Items overlapping `from..=to` (UTC seconds), by start.
    pub fn visible(&self, from: f64, to: f64) -> impl Iterator<Item = &LaneItem> {
        self.candidates(from, to)
            .iter()
            .filter(move |i| i.end_secs >= from)
    }
}

/// Group the resolved events of `trip` into lanes.
pub fn lane_groups(trip: &Trip, chronology: &Chronology, mode: LaneMode) -> Vec<LaneGroup> {
    let item = |index: usize| {
        chronology.event(index).map(|e| LaneItem {
            start_secs: e.start_utc.timestamp() as f64,
            end_secs: e.end_utc.timestamp() as f64,
            index,
        })
    };
    match mode {
        // Several travellers (as from several travel-record files): a lane each, by name.
        LaneMode::Trip if trip.travellers.len() > 1 => {
            // One pass over the events, each into the lane of every traveller taking part (a
            // pass per traveller compared ids 50 million times at a million events).
            let lane_of = crate::model::journeys::traveller_indices(trip);
            let mut lanes: Vec<Vec<LaneItem>> = vec![Vec::new(); trip.travellers.len()];
            for &i in &chronology.order {
                let (Some(event), Some(it)) = (trip.events.get(i), item(i)) else {
                    continue;
                };
                for t in event.participants.iter().filter_map(|p| lane_of.get(p.as_str())) {
                    if let Some(lane) = lanes.get_mut(*t) {
                        lane.push(it);
                    }
                }
            }
            trip.travellers
                .iter()
                .zip(lanes)
                .enumerate()
                .filter(|(_, (_, items))| !items.is_empty())
                .map(|(t, (id, items))| {
                    let mut group = LaneGroup::new(trip.person_name(id), items);
                    group.traveller = Some(t);
                    group
                })
                .collect()
        }
        LaneMode::Trip => {
            let label = if trip.title.is_empty() {
                "Trip".to_owned()
            } else {
                trip.title.clone()
            };
            vec![LaneGroup::new(
                label,
                chronology.order.iter().filter_map(|&i| item(i)).collect(),
            )]
        }
        LaneMode::Kind => EventKind::ALL
            .iter()
            .map(|&kind| {
                let items = chronology
                    .order
                    .iter()
                    .filter(|&&i| trip.events.get(i).is_some_and(|e| e.kind == kind))
                    .filter_map(|&i| item(i))
                    .collect();
                LaneGroup::new(kind.label().to_owned(), items)
            })
            .filter(|g| !g.items.is_empty())
            .collect(),
        LaneMode::Country => {
            // Countries in order of first visit, each labelled with its stops' names.
            let mut groups: Vec<(String, Vec<String>, Vec<LaneItem>)> = Vec::new();
            for &i in &chronology.order {
                let (Some(it), Some(resolved)) = (item(i), chronology.event(i)) else {
                    continue;
                };
                let Some(place) = trip.places.get(resolved.place) else {
                    continue;
                };
                let at = match groups.iter().position(|g| g.0 == place.country) {
                    Some(at) => at,
                    None => {
                        groups.push((place.country.clone(), Vec::new(), Vec::new()));
                        groups.len() - 1
                    }
                };
                let group = &mut groups[at];
                if !group.1.contains(&place.name) && group.1.len() < 3 {
                    group.1.push(place.name.clone());
                }
                group.2.push(it);
            }
            groups
                .into_iter()
                .map(|(code, names, items)| LaneGroup::new(format!("{code} · {}", names.join(", ")), items))
                .collect()
        }
    }
}

/// The travel legs between consecutive stops of a journey: leg `k` (an index into
/// `Chronology::legs`) runs from the end of its first stop's last event to the start of its
/// second stop's first. Day-precision events can make the arrival precede the departure (both
/// days are whole local days); the move happened somewhere in that overlap, so the leg is drawn
/// as an instant in its middle.
pub fn travel_lane(chronology: &Chronology) -> LaneGroup {
    let items = chronology
        .legs()
        .iter()
        .enumerate()
        .filter_map(|(leg, &(from, to))| {
            let pair = [chronology.stops.get(from)?, chronology.stops.get(to)?];
            let depart = pair[0]
                .events
                .iter()
                .filter_map(|&i| chronology.event(i))
                .map(|e| e.end_utc)
                .max()?;
            let arrive = pair[1]
                .events
                .first()
                .and_then(|&i| chronology.event(i))?
                .start_utc;
            let (a, b) = (depart.timestamp() as f64, arrive.timestamp() as f64);
            let (start_secs, end_secs) = if b >= a {
                (a, b)
            } else {
                ((a + b) / 2.0, (a + b) / 2.0)
            };
            Some(LaneItem {
                start_secs,
                end_secs,
                index: leg,
            })
        })
        .collect();
    LaneGroup::new("Travel".to_owned(), items)
}

/// Something to draw in a lane, in points from the plot's left edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// An item drawn as a bar in a sub-lane.
    Bar {
        /// The item's index.
        index: usize,
        /// Sub-lane, from 0 at the top.
        sublane: usize,
        /// Left edge.
        x0: f32,
        /// Right edge.
        x1: f32,
    },
    /// A histogram bin.
    Bin {
        /// Left edge.
        x0: f32,
        /// Right edge.
        x1: f32,
        /// Items overlapping the bin.
        count: u32,
        /// Of those, items passing the reader's filter.
        matching: u32,
    },
}

/// One lane laid out for one frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupLayout {
    /// Sub-lanes used (1 for a histogram).
    pub sublanes: usize,
    /// Shapes to draw.
    pub shapes: Vec<Shape>,
    /// Whether the lane is a histogram.
    pub density: bool,
    /// Largest bin count, for scaling the histogram.
    pub max_count: u32,
}

/// Lay out `group` in a plot `width_pts` wide with at most `max_sublanes` sub-lanes.
pub fn layout_group(
    group: &LaneGroup,
    scale: &TimeScale,
    width_pts: f32,
    max_sublanes: usize,
    passes: impl Fn(usize) -> bool,
) -> GroupLayout {
    let (from, to) = (scale.secs_at(0.0), scale.secs_at(width_pts));
    let budget = (width_pts / MIN_BAR_SPACING_PTS).max(1.0) as usize;
    // Far more candidates than bars allowed: no need to try packing them first.
    if group.candidates(from, to).len() > 4 * budget {
        return histogram(group, scale, width_pts, passes);
    }
    let mut lane_ends: Vec<f32> = Vec::new();
    let mut shapes = Vec::new();
    for item in group.visible(from, to) {
        if shapes.len() >= budget {
            return histogram(group, scale, width_pts, passes);
        }
        let x0 = scale.x_of_secs(item.start_secs);
        let x1 = scale.x_of_secs(item.end_secs).max(x0 + MIN_BAR_WIDTH_PTS);
        let sublane = match lane_ends.iter().position(|&end| end <= x0 + LANE_GAP_PTS) {
            Some(lane) => lane,
            None if lane_ends.len() < max_sublanes.max(1) => {
                lane_ends.push(f32::MIN);
                lane_ends.len() - 1
            }
            None => return histogram(group, scale, width_pts, passes),
        };
        lane_ends[sublane] = x1;
        shapes.push(Shape::Bar {
            index: item.index,
            sublane,
            x0,
            x1,
        });
    }
    GroupLayout {
        sublanes: lane_ends.len().max(1),
        shapes,
        density: false,
        max_count: 0,
    }
}

/// Count the visible items of `group` per bin, with a difference array so long items cost no
/// more than short ones.
fn histogram(
    group: &LaneGroup,
    scale: &TimeScale,
    width_pts: f32,
    passes: impl Fn(usize) -> bool,
) -> GroupLayout {
    let bins = (width_pts / BIN_WIDTH_PTS).ceil().max(1.0) as usize;
    let mut all = vec![0i64; bins + 1];
    let mut kept = vec![0i64; bins + 1];
    // Truncation is floor here: negative positions clamp to the first bin.
    let bin_of = |x: f32| ((x / BIN_WIDTH_PTS).max(0.0) as usize).min(bins - 1);
    let (from, to) = (scale.secs_at(0.0), scale.secs_at(width_pts));
    for item in group.visible(from, to) {
        let b0 = bin_of(scale.x_of_secs(item.start_secs));
        let b1 = bin_of(scale.x_of_secs(item.end_secs));
        all[b0] += 1;
        all[b1 + 1] -= 1;
        if passes(item.index) {
            kept[b0] += 1;
            kept[b1 + 1] -= 1;
        }
    }
    let (mut count, mut matching, mut max_count) = (0i64, 0i64, 0u32);
    let mut shapes = Vec::new();
    for bin in 0..bins {
        count += all[bin];
        matching += kept[bin];
        if count > 0 {
            let count = u32::try_from(count).unwrap_or(u32::MAX);
            max_count = max_count.max(count);
            let x0 = bin as f32 * BIN_WIDTH_PTS;
            shapes.push(Shape::Bin {
                x0,
                x1: (x0 + BIN_WIDTH_PTS).min(width_pts),
                count,
                matching: u32::try_from(matching).unwrap_or(u32::MAX),
            });
        }
    }
    GroupLayout {
        sublanes: 1,
        shapes,
        density: true,
        max_count,
    }
}
