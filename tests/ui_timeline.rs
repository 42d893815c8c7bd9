//! The timeline, the detail panel and search, driven like a person would: click a bar, zoom
//! with the wheel, brush a time window, search for a word, read the local time and offset.

mod common;

use common::{kerry_app, search_for, selected_id, settle};
use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use itinera::App;

fn timeline_rect(harness: &Harness<'_, App>) -> egui::Rect {
    harness.get_by_label("Timeline").rect()
}

fn visible(harness: &Harness<'_, App>) -> (f64, f64) {
    harness.state().timeline().visible_secs().expect("timeline drawn")
}

#[test]
fn selecting_on_the_timeline_selects_on_the_map_and_shows_the_quote() {
    let mut harness = kerry_app();
    harness
        .get_by_label("Meeting with President Nursultan Nazarbayev")
        .click();
    settle(&mut harness);
    assert_eq!(selected_id(&harness).as_deref(), Some("astana-nazarbayev"));
    harness.get_by_label_contains("We have a very strong set of security interests");
    // The map flew to Astana (51.2°N 71.4°E).
    let centre = harness.state().map_centre();
    assert!(
        (centre.lat_deg - 51.18).abs() < 0.5 && (centre.lon_deg - 71.45).abs() < 0.5,
        "{centre:?}"
    );
}

#[test]
fn searching_non_proliferation_finds_kerrys_quote() {
    let mut harness = kerry_app();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Search")
        .type_text("non-proliferation");
    harness.run();
    assert_eq!(harness.state().state().filter().query, "non-proliferation");
    harness.get_by_label_contains("1 event matches");
    harness
        .get_by_label_contains(
            "Quote: …appreciative of your leadership on the (nuclear) non-proliferation issue",
        )
        .click();
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("astana-nazarbayev"));
    harness.get_by_label_contains("“is very appreciative of your leadership");
}

#[test]
fn a_search_with_no_match_says_so_and_dims_every_event() {
    let mut harness = kerry_app();
    search_for(&mut harness, "zzzz");
    harness.get_by_label_contains("No events match");
    assert_eq!(harness.state().state().match_count(), 0);
    assert!(!harness.state().state().passes(0));
}

#[test]
fn stepping_with_a_filter_visits_only_the_events_that_pass() {
    let mut harness = kerry_app();
    harness.get_by_label("Kind").click();
    harness.run();
    harness.get_by_label("Speech").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("bishkek-auca"));
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(selected_id(&harness).as_deref(), Some("astana-university"));
    // The chip removes the filter again.
    harness.get_by_label("Speech  ×").click();
    harness.run();
    assert!(!harness.state().state().filter().is_active());
}

#[test]
fn each_stop_shows_its_real_utc_offset_for_those_dates() {
    let mut harness = kerry_app();
    for (title, expected) in [
        (
            "Meeting with President Islam Karimov",
            "Sun 1 Nov 2015 · Samarkand · UTC+5",
        ),
        (
            "Speech at Nazarbayev University",
            "Mon 2 Nov 2015 · Astana · UTC+6",
        ),
        // London was back on GMT after 25 October 2015.
        ("Talks with Foreign Secretary Philip Hammond", "London · UTC+0"),
    ] {
        harness.get_by_label(title).click();
        harness.run();
        harness.get_by_label_contains(expected);
    }
}

#[test]
fn the_wheel_zooms_in_around_the_pointer() {
    let mut harness = kerry_app();
    let rect = timeline_rect(&harness);
    let (a, b) = visible(&harness);
    let pointer = Pos2::new(
        rect.left() + 128.0 + (rect.width() - 128.0) * 0.25,
        rect.bottom() - 8.0,
    );
    harness.hover_at(pointer);
    harness.run();
    let at_pointer = a + (b - a) * 0.25;
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(0.0, 200.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let (c, d) = visible(&harness);
    assert!(d - c < (b - a) * 0.6, "zoomed in: {} → {}", b - a, d - c);
    let still = c + (d - c) * 0.25;
    assert!(
        (still - at_pointer).abs() < 3600.0,
        "the instant under the pointer stays put"
    );
}

#[test]
fn dragging_pans_and_double_clicking_an_event_zooms_to_it() {
    let mut harness = kerry_app();
    let rect = timeline_rect(&harness);
    let (a, _) = visible(&harness);
    let from = Pos2::new(rect.center().x, rect.bottom() - 6.0);
    harness.drag_at(from);
    harness.run();
    harness.hover_at(from + vec2(200.0, 0.0));
    harness.run();
    harness.drop_at(from + vec2(200.0, 0.0));
    harness.run();
    let (c, _) = visible(&harness);
    assert!(c < a - 3600.0, "dragging right shows earlier times");

    harness.get_by_label("Fit").click();
    harness.run();
    let bar = harness
        .get_by_label("Speech at Nazarbayev University")
        .rect()
        .center();
    harness.hover_at(bar);
    harness.run();
    // Queued events get a step (0.25 s) each, too slow for a double-click; raw input arrives
    // in one frame, like two quick clicks.
    for pressed in [true, false, true, false] {
        harness.input_mut().events.push(egui::Event::PointerButton {
            pos: bar,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    let (c, d) = visible(&harness);
    assert!(
        d - c < 2.0 * 86_400.0,
        "zoomed to one day, not {} h",
        (d - c) / 3600.0
    );
}

#[test]
fn shift_dragging_brushes_a_time_window_that_filters_the_trip() {
    let mut harness = kerry_app();
    let rect = timeline_rect(&harness);
    let y = rect.bottom() - 6.0;
    let plot_left = rect.left() + 128.0;
    let x = |share: f32| plot_left + (rect.right() - plot_left) * share;
    harness.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    harness.drag_at(Pos2::new(x(0.45), y));
    harness.run();
    harness.hover_at(Pos2::new(x(0.6), y));
    harness.run();
    harness.drop_at(Pos2::new(x(0.6), y));
    harness.run();
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    let state = harness.state().state();
    assert!(state.filter().window.is_some(), "the brush set a window");
    let shown = state.match_count();
    assert!(shown > 0 && shown < 14, "{shown} of 14 events are in the window");
    harness.get_by_label("Clear time filter").click();
    harness.run();
    assert!(harness.state().state().filter().window.is_none());
}

#[test]
fn lanes_can_be_grouped_by_country_and_labels_switch_to_utc() {
    let mut harness = kerry_app();
    harness.get_by_label("Bishkek time, UTC+6");
    harness.get_by_label("Lanes").click();
    harness.run();
    harness.get_by_label("By country").click();
    harness.run();
    let lanes: Vec<String> = harness
        .state()
        .timeline()
        .lanes()
        .iter()
        .map(|l| l.label.clone())
        .collect();
    assert_eq!(lanes.first().map(String::as_str), Some("KG · Bishkek"));
    harness.get_by_label("UTC").click();
    harness.run();
    harness.get_by_label("Times in UTC");
}

#[test]
fn the_header_shows_the_trips_statistics() {
    let harness = kerry_app();
    harness.get_by_label("5 days · 6 stops · 6 countries · 9,125 km · 8 timezones crossed");
}
