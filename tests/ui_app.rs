//! The whole app, driven like a person would: click a stop, read the quote, step with the keys.

mod common;

use common::{kerry_app, selected_id};
use egui::Key;
use egui_kittest::kittest::Queryable as _;

#[test]
fn the_app_opens_the_kerry_trip_with_six_stops_on_the_map() {
    let harness = kerry_app();
    for (n, name) in ["Bishkek", "Samarkand", "Astana", "Dushanbe", "Ashgabat", "London"]
        .iter()
        .enumerate()
    {
        harness.get_by_label(&format!("Stop {}: {name}", n + 1));
    }
    assert!(
        harness.state().map_zoom() > 2.0,
        "the map frames the trip, not the world"
    );
}

#[test]
fn clicking_the_astana_stop_shows_kerrys_security_quote() {
    let mut harness = kerry_app();
    harness.get_by_label("Stop 3: Astana").click();
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("astana-nazarbayev"));
    assert!(
        harness
            .query_by_label_contains("very strong set of security interests")
            .is_some(),
        "the quote is shown in the detail panel"
    );
    harness.get_by_label_contains("Nursultan Nazarbayev, President of Kazakhstan");
    harness.get_by_label_contains("Mon 2 Nov 2015 · Astana · UTC+6");
}

#[test]
fn clicking_an_event_on_the_timeline_selects_it() {
    let mut harness = kerry_app();
    harness
        .get_by_label("Talks with Foreign Secretary Philip Hammond")
        .click();
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("london-hammond"));
    harness.get_by_label_contains("London · UTC+0");
}

#[test]
fn arrow_keys_step_through_events_in_time_order() {
    let mut harness = kerry_app();
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("bishkek-embassy"));
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("bishkek-atambaev"));
    harness.key_press(Key::ArrowLeft);
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(
        selected_id(&harness).as_deref(),
        Some("bishkek-embassy"),
        "stepping stops at the first event"
    );
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("london-hammond"));
}

#[test]
fn arrow_keys_still_step_after_clicking_a_timeline_event() {
    let mut harness = kerry_app();
    harness.get_by_label("Speech at Nazarbayev University").click();
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("astana-locomotive"));
}

#[test]
fn with_the_map_focused_arrow_keys_pan_instead_of_stepping() {
    let mut harness = kerry_app();
    harness.key_press(Key::Home);
    harness.run();
    harness.get_by_label("Fit trip").click();
    harness.run();
    // Click on empty map (top middle of the map area) to give it focus.
    harness.drag_at(egui::pos2(500.0, 160.0));
    harness.drop_at(egui::pos2(500.0, 160.0));
    harness.run();
    let before = harness.state().map_centre();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(
        selected_id(&harness).as_deref(),
        Some("bishkek-embassy"),
        "no step while the map has focus"
    );
    assert!(
        harness.state().map_centre().lon_deg > before.lon_deg + 1.0,
        "the map panned east"
    );
    let zoom = harness.state().map_zoom();
    harness.key_press(Key::Plus);
    harness.run();
    assert!((harness.state().map_zoom() - zoom - 1.0).abs() < 1e-6);
}

#[test]
fn the_zoom_buttons_change_the_zoom_by_one() {
    let mut harness = kerry_app();
    let zoom = harness.state().map_zoom();
    harness.get_by_label(" + ").click();
    harness.run();
    assert!((harness.state().map_zoom() - zoom - 1.0).abs() < 1e-6);
    harness.get_by_label(" − ").click();
    harness.run();
    assert!((harness.state().map_zoom() - zoom).abs() < 1e-6);
}
