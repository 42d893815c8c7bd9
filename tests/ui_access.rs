//! Accessibility as a screen reader meets it, through the AccessKit tree the app publishes: the
//! window's name, and a polite live region that says what changed when stepping, searching and
//! presenting.

mod common;

use common::{kerry_app, type_into};
use egui::Key;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// What the live region says now.
fn announced(harness: &egui_kittest::Harness<'_, itinera::App>) -> String {
    let node = harness.get_by_role(egui::accesskit::Role::Status);
    assert_eq!(node.accesskit_node().live(), egui::accesskit::Live::Polite);
    node.accesskit_node().label().unwrap_or_default()
}

#[test]
fn the_window_is_named_after_the_app_and_described_by_the_open_trip() {
    let harness = kerry_app();
    let window = harness.queryable_node().accesskit_node();
    assert_eq!(window.role(), egui::accesskit::Role::Window);
    assert_eq!(window.label().as_deref(), Some("Itinera"));
    assert_eq!(
        window.description().as_deref(),
        Some("John Kerry in Central Asia, 2015")
    );
}

#[test]
fn stepping_through_events_announces_each_with_its_date_place_and_kind() {
    let mut harness = kerry_app();
    assert!(
        announced(&harness).starts_with("Opened John Kerry in Central Asia, 2015"),
        "{}",
        announced(&harness)
    );
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(
        announced(&harness),
        "Selected: Dedication of the new U.S. Embassy compound, Sat 31 Oct 2015 – Sun 1 Nov 2015, Bishkek, Ceremony"
    );
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(
        announced(&harness).starts_with("Selected: Meetings with President Atambaev"),
        "{}",
        announced(&harness)
    );
}

#[test]
fn a_search_announces_how_many_events_match_and_clearing_it_says_so() {
    let mut harness = kerry_app();
    type_into(&mut harness, "Search", "Nazarbayev");
    assert!(
        announced(&harness).ends_with(" of 14 events match"),
        "{}",
        announced(&harness)
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(announced(&harness), "Filter cleared: all 14 events shown");
}

#[test]
fn presenting_announces_each_slide_with_its_number_and_title() {
    let mut harness = kerry_app();
    harness.key_press(Key::F5);
    harness.run();
    assert_eq!(
        announced(&harness),
        "Slide 1 of 16: John Kerry in Central Asia, 2015"
    );
    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(
        announced(&harness),
        "Slide 2 of 16: Dedication of the new U.S. Embassy compound"
    );
}

#[test]
fn a_timeline_bar_tells_its_date_place_kind_and_whether_it_is_selected() {
    let mut harness = kerry_app();
    let bar = harness.get_by_label("Speech at Nazarbayev University");
    assert_eq!(bar.accesskit_node().is_selected(), Some(false));
    let description = bar.accesskit_node().description().unwrap_or_default();
    assert_eq!(description, "Mon 2 Nov 2015, Astana, Speech");
    bar.click();
    harness.run();
    let bar = harness.get_by_role_and_label(egui::accesskit::Role::Button, "Speech at Nazarbayev University");
    assert_eq!(bar.accesskit_node().is_selected(), Some(true));
    // A search that leaves it out says so.
    type_into(&mut harness, "Search", "Karimov");
    let description = harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Speech at Nazarbayev University")
        .accesskit_node()
        .description()
        .unwrap_or_default();
    assert!(description.ends_with(", hidden by the filter"), "{description}");
}

#[test]
fn the_selected_stop_on_the_map_says_it_is_selected() {
    let mut harness = kerry_app();
    harness.get_by_label("Fit trip").click();
    harness.run();
    let stop = |harness: &egui_kittest::Harness<'_, itinera::App>| {
        harness
            .get_by_role_and_label(egui::accesskit::Role::Button, "Stop 3: Astana")
            .accesskit_node()
            .is_selected()
    };
    assert_eq!(stop(&harness), Some(false));
    harness.get_by_label("Speech at Nazarbayev University").click();
    harness.run();
    assert_eq!(stop(&harness), Some(true));
}

#[test]
fn combo_boxes_expose_the_value_they_show() {
    let harness = kerry_app();
    let lanes = harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Lanes");
    assert!(
        lanes.value().is_some_and(|v| !v.is_empty()),
        "{:?}",
        lanes.value()
    );
}

#[test]
fn page_down_scrolls_the_detail_panel_to_the_quotes_and_sources_of_a_long_event() {
    let mut harness = common::app_sized(itinera::BUNDLED_TRIP.into(), [1100.0, 560.0], None, false);
    harness
        .get_by_label("Meeting with President Nursultan Nazarbayev")
        .click();
    harness.run();
    let sources_top =
        |harness: &egui_kittest::Harness<'_, itinera::App>| harness.get_by_label("Sources").rect().top();
    let before = sources_top(&harness);
    assert!(before > 560.0, "the sources start below the window ({before})");
    for _ in 0..3 {
        harness.key_press(Key::PageDown);
        harness.run();
    }
    let after = sources_top(&harness);
    assert!(
        after < 560.0,
        "PageDown brought the sources into view ({before} → {after})"
    );
    harness.key_press(Key::PageUp);
    harness.run();
    assert!(sources_top(&harness) > after, "PageUp scrolls back");
}

#[test]
fn every_hand_drawn_widget_tab_reaches_shows_a_focus_ring() {
    let mut harness = kerry_app();
    harness.get_by_label("Fit trip").click();
    harness.run();
    let mut ours = Vec::new();
    for _ in 0..80 {
        harness.key_press(Key::Tab);
        harness.run();
        let Some(focused) = harness.ctx.memory(|m| m.focused()) else {
            continue;
        };
        let node = harness.query(egui_kittest::kittest::By::new().predicate(|n| n.is_focused()));
        let Some(node) = node else { continue };
        let node = node.accesskit_node();
        let label = node.label().unwrap_or_default();
        // The widgets painted by hand: the timeline, its bars (described by date and place),
        // the map's stops and the map itself.
        let hand_drawn = label == "Timeline"
            || label.starts_with("Stop ")
            || node.description().is_some_and(|d| d.contains(" 2015, "))
            || label.starts_with("Map:");
        if hand_drawn {
            assert_eq!(
                itinera::ui::accessible::last_focus_ring(&harness.ctx),
                Some(focused),
                "`{label}` has focus but drew no focus ring"
            );
            ours.push(label);
        }
    }
    assert!(ours.iter().any(|l| l == "Timeline"), "{ours:?}");
    assert!(ours.iter().any(|l| l.starts_with("Stop ")), "{ours:?}");
    assert!(ours.iter().any(|l| l.starts_with("Map:")), "{ours:?}");
    assert!(ours.len() >= 10, "{ours:?}");
}
