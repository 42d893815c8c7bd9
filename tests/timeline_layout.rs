//! The timeline's lanes, layout and time scale, without a window: bars while they fit, a
//! histogram beyond, and never more shapes than the width can show.

use itinera::model::resolve;
use itinera::model::synthetic::synthetic_trip;
use itinera::model::timescale::TimeScale;
use itinera::ui::timeline::layout::{BIN_WIDTH_PTS, LaneMode, Shape, lane_groups, layout_group, travel_lane};

fn resolved(events: usize) -> (itinera::model::Trip, itinera::model::Chronology) {
    let trip = synthetic_trip(events);
    let resolution = resolve(&trip);
    assert!(
        resolution
            .problems
            .iter()
            .all(|p| p.severity != itinera::model::Severity::Error),
        "the synthetic trip is valid: {:?}",
        resolution.problems.first()
    );
    (trip, resolution.chronology)
}

#[test]
fn a_hundred_thousand_events_become_a_histogram_with_no_more_bins_than_the_width_allows() {
    let (trip, chronology) = resolved(100_000);
    let groups = lane_groups(&trip, &chronology, LaneMode::Trip);
    let (first, last) = chronology.utc_range().expect("events");
    let width = 1200.0;
    let scale = TimeScale::fit(first, last, width, 0.0);
    let layout = layout_group(&groups[0], &scale, width, 6, |_| true);
    assert!(layout.density);
    assert!(layout.shapes.len() <= (width / BIN_WIDTH_PTS).ceil() as usize);
    let total: u32 = layout
        .shapes
        .iter()
        .map(|s| match s {
            Shape::Bin { count, .. } => *count,
            Shape::Bar { .. } => 0,
        })
        .max()
        .unwrap_or(0);
    assert!(total > 0, "bins count events");
}

#[test]
fn zoomed_in_the_same_events_are_bars_again() {
    let (trip, chronology) = resolved(100_000);
    let groups = lane_groups(&trip, &chronology, LaneMode::Trip);
    let (first, _) = chronology.utc_range().expect("events");
    let scale = TimeScale::fit(first, first + chrono::Duration::hours(3), 1200.0, 0.0);
    let layout = layout_group(&groups[0], &scale, 1200.0, 12, |_| true);
    assert!(!layout.density);
    assert!(!layout.shapes.is_empty() && layout.shapes.len() <= 1200 / 8);
    // Bars in one sub-lane never overlap by more than the allowed gap.
    let mut ends = vec![f32::MIN; layout.sublanes];
    for shape in &layout.shapes {
        if let Shape::Bar { sublane, x0, x1, .. } = *shape {
            assert!(x0 >= ends[sublane] - 12.0);
            ends[sublane] = x1;
        }
    }
}

#[test]
fn country_lanes_follow_the_order_of_first_visit() {
    let trip: itinera::model::Trip =
        toml::from_str(&std::fs::read_to_string(itinera::BUNDLED_TRIP).expect("bundled trip"))
            .expect("parses");
    let chronology = resolve(&trip).chronology;
    let labels: Vec<String> = lane_groups(&trip, &chronology, LaneMode::Country)
        .into_iter()
        .map(|g| g.label)
        .collect();
    assert_eq!(
        labels,
        [
            "KG · Bishkek",
            "UZ · Samarkand",
            "KZ · Astana",
            "TJ · Dushanbe",
            "TM · Ashgabat",
            "GB · London"
        ]
    );
    assert_eq!(
        travel_lane(&chronology).items.len(),
        5,
        "five legs between six stops"
    );
}

#[test]
fn a_trip_with_several_travellers_has_a_lane_for_each() {
    let mut trip: itinera::model::Trip =
        toml::from_str(&std::fs::read_to_string(itinera::BUNDLED_TRIP).expect("bundled trip"))
            .expect("parses");
    trip.travellers.push("obama".to_owned());
    trip.events[0].participants = vec!["obama".to_owned()];
    let chronology = resolve(&trip).chronology;
    let lanes = lane_groups(&trip, &chronology, LaneMode::Trip);
    let summary: Vec<(&str, usize)> = lanes.iter().map(|g| (g.label.as_str(), g.items.len())).collect();
    assert_eq!(summary, [("John Kerry", 13), ("Barack Obama", 1)]);
}
