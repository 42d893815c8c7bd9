//! Image snapshots of key views, rendered on the CPU (Mesa lavapipe; `.ci/test` installs it).
//!
//! Regenerate after an intended change with `UPDATE_SNAPSHOTS=1 .ci/test` and look at the PNGs.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use itinera::App;

#[test]
fn the_main_view_with_astana_selected_matches_its_snapshot() {
    let mut harness = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(400)
        .wgpu()
        .build_eframe(|cc| App::new(cc, Some(itinera::BUNDLED_TRIP.into())));
    harness.run();
    harness.get_by_label("Stop 3: Astana").click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    harness.snapshot("main_view_astana");
}

#[test]
fn the_trip_overview_in_light_mode_matches_its_snapshot() {
    let mut harness = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(400)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(|cc| App::new(cc, Some(itinera::BUNDLED_TRIP.into())));
    harness.run();
    harness.remove_cursor();
    harness.run();
    harness.snapshot("trip_overview_light");
}
