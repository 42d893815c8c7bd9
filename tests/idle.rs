//! Idle is free: an open trip that nobody touches asks for no frames, so a laptop on battery
//! does not notice an open Itinera.

mod common;

use common::{collection_app, kerry_app, settle};

/// How long the app asked to wait before its next frame, after the last one it drew.
fn repaint_delay(harness: &egui_kittest::Harness<'_, itinera::App>) -> std::time::Duration {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map_or(std::time::Duration::ZERO, |v| v.repaint_delay)
}

fn assert_idle(mut harness: egui_kittest::Harness<'_, itinera::App>) {
    settle(&mut harness);
    // A second and a half of real time: background work (the file watcher, tiles) may not
    // wake the window when nothing changed.
    for _ in 0..15 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        harness.run();
    }
    let causes = harness.ctx.repaint_causes();
    assert_eq!(
        repaint_delay(&harness),
        std::time::Duration::MAX,
        "the idle app asks for another frame: {causes:?}"
    );
}

#[test]
fn the_kerry_trip_left_alone_asks_for_no_frames() {
    assert_idle(kerry_app());
}

#[test]
fn the_official_collection_left_alone_asks_for_no_frames() {
    assert_idle(collection_app(false));
}
