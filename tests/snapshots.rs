//! Image snapshots of key views, rendered on the CPU (Mesa lavapipe; `.ci/test` installs it).
//!
//! Regenerate after an intended change with `UPDATE_SNAPSHOTS=1 .ci/test` and look at the PNGs.

mod common;

use common::{app_at, app_sized, choose_kerrys_central_asian_journey, collection_app, search_for, settle};
use egui_kittest::SnapshotOptions;
use egui_kittest::kittest::Queryable as _;

/// Anti-aliased edges of moving shapes can land a few pixels differently from run to run; a
/// real change (a missing layer, a moved label) changes thousands.
fn tolerance() -> SnapshotOptions {
    SnapshotOptions::new().max_failed_pixels(50)
}

#[test]
fn the_main_view_with_astana_selected_matches_its_snapshot() {
    let mut harness = app_at(itinera::BUNDLED_TRIP.into(), None, true);
    harness.get_by_label("Stop 3: Astana").click();
    harness.run();
    harness.remove_cursor();
    settle(&mut harness);
    harness.snapshot_options("main_view_astana", &tolerance());
}

#[test]
fn the_trip_overview_in_light_mode_matches_its_snapshot() {
    let mut harness = app_at(itinera::BUNDLED_TRIP.into(), Some(egui::Theme::Light), true);
    harness.remove_cursor();
    settle(&mut harness);
    harness.snapshot_options("trip_overview_light", &tolerance());
}

#[test]
fn the_map_reads_well_from_world_to_city_zoom() {
    let mut harness = app_at(itinera::BUNDLED_TRIP.into(), Some(egui::Theme::Light), true);
    harness.remove_cursor();
    for (name, lat, lon, zoom) in [
        ("map_world", 30.0, 30.0, 2.0),
        ("map_central_asia", 42.0, 66.0, 5.0),
        ("map_london", 51.5, -0.12, 9.0),
    ] {
        harness
            .state_mut()
            .look_at(itinera::model::LatLon::new(lat, lon), zoom);
        settle(&mut harness);
        harness.snapshot_options(name, &tolerance());
    }
}

#[test]
fn a_search_with_country_lanes_matches_its_snapshot() {
    let mut harness = app_at(itinera::BUNDLED_TRIP.into(), Some(egui::Theme::Light), true);
    search_for(&mut harness, "nuclear");
    harness.get_by_label("Lanes").click();
    harness.run();
    harness.get_by_label("By country").click();
    harness.run();
    harness
        .get_by_label_contains("Meeting with President Nursultan Nazarbayev\n")
        .click();
    harness.run();
    harness.remove_cursor();
    settle(&mut harness);
    harness.snapshot_options("search_country_lanes", &tolerance());
}

/// Present the bundled trip in a window of `size`, page to the Astana slide and compare it.
fn astana_slide_snapshot(name: &str, size: [f32; 2]) {
    let mut harness = app_sized(itinera::BUNDLED_TRIP.into(), size, None, true);
    harness.key_press(egui::Key::F5);
    for _ in 0..6 {
        harness.key_press(egui::Key::PageDown);
    }
    harness.run();
    harness.remove_cursor();
    settle(&mut harness);
    harness.snapshot_options(name, &tolerance());
}

#[test]
fn the_astana_slide_reads_well_at_16_9() {
    astana_slide_snapshot("slide_astana_16x9", [1600.0, 900.0]);
}

#[test]
fn the_astana_slide_reads_well_at_4_3() {
    astana_slide_snapshot("slide_astana_4x3", [1024.0, 768.0]);
}

#[test]
fn the_whole_collection_and_one_followed_journey_match_their_snapshots() {
    let mut harness = collection_app(true);
    harness.remove_cursor();
    settle(&mut harness);
    harness.snapshot_options("collection_world", &tolerance());
    choose_kerrys_central_asian_journey(&mut harness);
    harness.remove_cursor();
    settle(&mut harness);
    harness.snapshot_options("collection_kerry_journey", &tolerance());
}
