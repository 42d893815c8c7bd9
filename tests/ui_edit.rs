//! Editing in the app: add an event, place it by typing a city name, save, and reload it; undo
//! and the unsaved-changes mark in between.

mod common;

use common::{VALID_TRIP, app_at};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

#[test]
fn an_event_added_in_dushanbe_by_city_search_is_saved_and_reloads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("trip.toml");
    let original = format!("# Written by hand; this comment must survive.\n{VALID_TRIP}");
    std::fs::write(&path, &original).expect("write trip");
    let mut harness = app_at(path.clone(), None, false);

    harness.get_by_label("Edit mode").click();
    harness.run();
    harness.get_by_label("New event").click();
    harness.run();
    assert!(harness.state().state().is_dirty(), "the new event is unsaved");
    harness
        .get_by_role_and_label(
            egui::Role::TextInput,
            "Find a city (any spelling, Latin or Cyrillic)",
        )
        .click();
    harness.run();
    harness
        .get_by_role_and_label(
            egui::Role::TextInput,
            "Find a city (any spelling, Latin or Cyrillic)",
        )
        .type_text("Dushanbe");
    harness.run();
    harness
        .get_by_label_contains("Dushanbe, TJ · Asia/Dushanbe")
        .click();
    harness.run();
    let open = harness.state().state().open.as_ref().expect("open");
    let event = open.trip.events.last().expect("the new event");
    assert_eq!(event.place, "dushanbe");
    assert!(
        open.trip
            .place("dushanbe")
            .is_some_and(|p| p.timezone == "Asia/Dushanbe")
    );

    // Undo takes the place back; redo puts it there again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let open = harness.state().state().open.as_ref().expect("open");
    assert_ne!(
        open.trip.events.last().map(|e| e.place.as_str()),
        Some("dushanbe")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!harness.state().state().is_dirty(), "saved");
    let saved = std::fs::read_to_string(&path).expect("read saved file");
    assert!(saved.starts_with("# Written by hand; this comment must survive.\n"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("trip.toml.bak")).expect("backup"),
        original
    );

    let reloaded = itinera::state::AppState::with_file(&path);
    assert!(
        reloaded.problems.is_none(),
        "{:?}",
        reloaded.problems.map(|r| r.render())
    );
    let trip = &reloaded.open.as_ref().expect("reloads").trip;
    assert_eq!(trip.events.last().map(|e| e.place.as_str()), Some("dushanbe"));
    assert_eq!(trip.events.last().map(|e| e.title.as_str()), Some("New event"));
}
