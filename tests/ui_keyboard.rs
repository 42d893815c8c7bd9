//! The main view for keyboard users and at 200 % scale: Tab goes through the view in reading
//! order, the panel edges move with the arrow keys and show focus, and a small (or magnified)
//! window keeps the trip, the timeline's labels and the map's credits in view. Also the
//! presenter console's text in the main window's accessibility tree and the slides' larger names.

mod common;

use common::{app_sized, kerry_app};
use egui::Key;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

type App = egui_kittest::Harness<'static, itinera::App>;

/// Labels of the widgets Tab reaches, in order, from the first Tab on (one lap at most).
fn tab_order(harness: &mut App) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    for _ in 0..120 {
        harness.key_press(Key::Tab);
        harness.run();
        let focused = harness.query(egui_kittest::kittest::By::new().predicate(|n| n.is_focused()));
        let Some(label) = focused.map(|n| n.accesskit_node().label().unwrap_or_default()) else {
            continue;
        };
        if order.first() == Some(&label) {
            break;
        }
        order.push(label);
    }
    order
}

fn position(order: &[String], wanted: impl Fn(&str) -> bool, what: &str) -> usize {
    order
        .iter()
        .position(|l| wanted(l))
        .unwrap_or_else(|| panic!("Tab never reached {what}: {order:?}"))
}

#[test]
fn tab_goes_through_the_header_map_details_and_timeline_in_reading_order() {
    let mut harness = kerry_app();
    let order = tab_order(&mut harness);
    let search = position(&order, |l| l == "Search", "the search box");
    let map = position(&order, |l| l.starts_with("Map:"), "the map");
    let stop = position(&order, |l| l.starts_with("Stop "), "a stop");
    let details = position(&order, |l| l == "Edit mode", "the detail panel");
    let timeline = position(&order, |l| l == "Timeline", "the timeline");
    let edge = position(
        &order,
        |l| l.starts_with("Timeline height"),
        "the timeline's edge",
    );
    assert!(
        search < map && map < details && stop < details && details < timeline && timeline < edge,
        "{order:?}"
    );
}

/// The accessible value (size in points) of the splitter labelled `label`.
fn splitter_pts(harness: &App, label: &str) -> f64 {
    let node = harness.get_by_label_contains(label);
    assert_eq!(node.accesskit_node().role(), egui::accesskit::Role::Splitter);
    node.accesskit_node()
        .numeric_value()
        .expect("a splitter has a value")
}

#[test]
fn a_focused_panel_edge_shows_a_ring_and_moves_with_the_arrow_keys() {
    let mut harness = kerry_app();
    let before = splitter_pts(&harness, "Timeline height");
    harness.get_by_label_contains("Timeline height").focus();
    harness.run();
    harness.key_press(Key::ArrowUp);
    harness.key_press(Key::ArrowUp);
    harness.run();
    let focused = harness.ctx.memory(|m| m.focused());
    assert!(focused.is_some());
    assert_eq!(itinera::ui::accessible::last_focus_ring(&harness.ctx), focused);
    let taller = splitter_pts(&harness, "Timeline height");
    assert_eq!(taller, before + 32.0, "two Up presses add 2 × 16 points");

    let before = splitter_pts(&harness, "Details width");
    harness.get_by_label_contains("Details width").focus();
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(splitter_pts(&harness, "Details width"), before - 16.0);
    // The focus stayed on the edge: the arrow keys did not wander off to other widgets.
    assert_eq!(
        harness.ctx.memory(|m| m.focused()),
        itinera::ui::accessible::last_focus_ring(&harness.ctx)
    );
}

/// The places whose markers (a stop's, or a group's: "2 stops: Samarkand, Dushanbe") are on the
/// map: markers off its edge leave the accessibility tree.
fn places_in_view(harness: &App) -> Vec<String> {
    let mut places: Vec<String> = harness
        .query_all(egui_kittest::kittest::By::new().role(egui::accesskit::Role::Button))
        .filter_map(|n| n.accesskit_node().label())
        .filter_map(|label| {
            let (what, names) = label.split_once(": ")?;
            (what.starts_with("Stop ") || what.ends_with(" stops")).then(|| names.to_owned())
        })
        .flat_map(|names| names.split(", ").map(str::to_owned).collect::<Vec<_>>())
        .collect();
    places.sort();
    places
}

#[test]
fn the_trip_stays_framed_when_the_window_shrinks_before_the_reader_moves_the_map() {
    let mut harness = kerry_app();
    let all = ["Ashgabat", "Astana", "Bishkek", "Dushanbe", "London", "Samarkand"];
    assert_eq!(places_in_view(&harness), all);
    harness.set_size(egui::vec2(1100.0, 760.0));
    harness.run();
    assert_eq!(places_in_view(&harness), all, "every stop is still on the map");
}

#[test]
fn a_map_the_reader_moved_is_not_refitted_when_the_window_changes() {
    let mut harness = kerry_app();
    harness
        .state_mut()
        .look_at(itinera::model::LatLon::new(51.5, -0.12), 7.0);
    harness.run();
    harness.set_size(egui::vec2(1300.0, 850.0));
    harness.run();
    assert!(harness.state().map_zoom() > 6.9, "the reader's zoom is kept");
}

#[test]
fn at_200_percent_the_timeline_hint_and_the_map_credits_overlap_nothing() {
    // 1920 × 1080 pixels at 200 % is 960 × 540 points.
    let harness = app_sized(itinera::BUNDLED_TRIP.into(), [960.0, 540.0], None, false);
    let zone = harness.get_by_label_contains("Bishkek time, UTC+6").rect();
    if let Some(hint) = harness.query_by_label_contains("Wheel: zoom") {
        assert!(!hint.rect().intersects(zone), "{:?} over {zone:?}", hint.rect());
    }
    let map = harness.get_by_label_contains("Map:").rect();
    let credits = harness.get_by_label_contains("Natural Earth").rect();
    assert!(
        map.expand(1.0).contains_rect(credits),
        "credits {credits:?} outside the map {map:?}"
    );
    // The scale bar (painted, bottom left) keeps its corner.
    assert!(credits.left() > map.left() + 170.0, "credits over the scale bar");
}

#[test]
fn the_presenter_console_is_read_out_from_the_main_window() {
    let harness = common::kerry_console_at_slide_7();
    harness.get_by_label_contains("Presenter console: slide 7 of 16, elapsed 00:");
    let now = harness.get_by_label_contains("Now: ");
    let now = now.accesskit_node().value().unwrap_or_default();
    assert!(now.contains("Mon 2 Nov 2015 · Astana"), "{now}");
    harness.get_by_label_contains("Next: ");
    harness.get_by_label_contains("Notes: Compare with Kerry's speech the same day");
}

#[test]
fn names_on_slides_are_large_enough_to_read_from_the_back_of_a_room() {
    use itinera::ui::theme::{self, Tokens};
    let slides = Tokens::dark().for_slides();
    for size in [
        theme::MAP_LABEL_SIZE,
        theme::COUNTRY_LABEL_SIZE,
        theme::CITY_LABEL_SIZE,
    ] {
        // A capital letter is about 0.7 of the font size: at least 12 pixels on a 1080p screen.
        let cap_px = slides.map_font(size).size * 0.7;
        assert!(
            cap_px >= 12.0,
            "{size}-point names are {cap_px} px high on slides"
        );
        assert_eq!(Tokens::dark().map_font(size).size, size, "main view unchanged");
    }
}

#[test]
fn enter_on_a_focused_stop_or_timeline_bar_selects_it() {
    let mut harness = kerry_app();
    harness.get_by_label("Stop 5: Ashgabat").focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let selected = common::selected_id(&harness).expect("Enter selects the stop's first event");
    let place = |harness: &App, id: &str| {
        let state = harness.state().state();
        let (trip, _) = state.trip().expect("a trip");
        trip.events.iter().find(|e| e.id == id).map(|e| e.place.clone())
    };
    assert_eq!(place(&harness, &selected).as_deref(), Some("ashgabat"));

    harness.get_by_label("Speech at Nazarbayev University").focus();
    harness.run();
    harness.key_press(Key::Space);
    harness.run();
    let selected = common::selected_id(&harness).expect("Space selects the bar's event");
    assert_eq!(place(&harness, &selected).as_deref(), Some("astana"));
}
