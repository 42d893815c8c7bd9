//! The map as a student uses it: markers, clusters, the layer menu.

mod common;

use common::kerry_app;
use egui_kittest::kittest::Queryable as _;

#[test]
fn stops_that_would_overlap_become_one_cluster_that_zooms_in_when_clicked() {
    let mut harness = kerry_app();
    // Zoomed out as far as the map goes (the world fills the panel), Central Asia's stops sit on
    // top of each other.
    for _ in 0..5 {
        harness.get_by_label(" − ").click();
        harness.run();
    }
    let zoom = harness.state().map_zoom();
    let cluster = harness
        .query_all_by_label_contains(" stops: ")
        .next()
        .expect("a cluster of stops");
    cluster.click();
    harness.run();
    assert!(
        harness.state().map_zoom() > zoom + 0.9,
        "the camera zoomed in on the cluster"
    );
    assert!(
        harness.state().state().selection().is_none(),
        "a cluster click selects nothing"
    );
}

#[test]
fn online_tiles_are_off_until_turned_on_in_the_layer_menu() {
    let mut harness = kerry_app();
    assert!(!harness.state().online_tiles(), "offline by default");
    harness.get_by_label("Layers").click();
    harness.run();
    harness.get_by_label("OpenStreetMap tiles (online)").click();
    harness.run();
    assert!(harness.state().online_tiles());
    harness.get_by_label_contains("© OpenStreetMap contributors");
    if harness.query_by_label("OpenStreetMap tiles (online)").is_none() {
        harness.get_by_label("Layers").click();
        harness.run();
    }
    harness.get_by_label("OpenStreetMap tiles (online)").click();
    harness.run();
    assert!(!harness.state().online_tiles());
}

#[test]
fn the_route_length_and_scale_bar_are_shown() {
    let harness = kerry_app();
    harness.get_by_label_contains("Route 9,");
}
