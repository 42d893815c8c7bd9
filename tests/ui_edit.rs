//! Editing in the app: add an event, place it by typing a city name, save, and reload it; undo
//! and the unsaved-changes mark in between.

mod common;

use common::{VALID_TRIP, app_at, type_into};
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
    type_into(
        &mut harness,
        "Find a city (any spelling, Latin or Cyrillic)",
        "Dushanbe",
    );
    harness
        .get_by_label_contains("Dushanbe, TJ · Asia/Dushanbe")
        .click();
    harness.run();
    let open = harness.state().state().open().expect("open");
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
    let open = harness.state().state().open().expect("open");
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
        reloaded.problems().is_none(),
        "{:?}",
        reloaded.problems().map(|r| r.render())
    );
    let trip = &reloaded.open().expect("reloads").trip;
    assert_eq!(trip.events.last().map(|e| e.place.as_str()), Some("dushanbe"));
    assert_eq!(trip.events.last().map(|e| e.title.as_str()), Some("New event"));
}

/// Edit mode, the Places tab, and Astana's fields unfolded.
fn open_astana_in_the_editor(harness: &mut egui_kittest::Harness<'_, itinera::App>) {
    harness.get_by_label("Edit mode").click();
    harness.run();
    harness.get_by_label("Places").click();
    harness.run();
    harness.get_by_label("Astana (astana)").click();
    harness.run();
}

fn edit_copy_of(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("trip.toml");
    std::fs::write(&path, text).expect("write trip");
    (dir, path)
}

#[test]
fn pick_on_map_moves_a_place_and_takes_the_nearest_citys_timezone() {
    let (_dir, path) = edit_copy_of(VALID_TRIP);
    let mut harness = app_at(path, None, false);
    open_astana_in_the_editor(&mut harness);
    harness.get_by_label("Pick on map").click();
    harness.run();
    harness.get_by_label_contains("Click the map to place Astana");
    // Look at Paris, away from the trip's markers, and click the middle of the map.
    harness
        .state_mut()
        .look_at(itinera::model::LatLon::new(48.85, 2.35), 9.0);
    harness.run();
    let map_centre = egui::pos2(500.0, 380.0);
    harness.drag_at(map_centre);
    harness.drop_at(map_centre);
    harness.run();
    let open = harness.state().state().open().expect("open");
    let astana = open.trip.place("astana").expect("place");
    let (lat, lon) = (astana.lat.expect("lat"), astana.lon.expect("lon"));
    assert!(
        (lat - 48.85).abs() < 1.0 && (lon - 2.35).abs() < 1.5,
        "{lat}, {lon}"
    );
    assert_eq!(astana.timezone, "Europe/Paris");
    assert!(harness.state().state().picking().is_none(), "one click places it");
}

#[test]
fn opening_another_file_with_unsaved_changes_asks_first() {
    let (dir, path) = edit_copy_of(VALID_TRIP);
    let other = dir.path().join("other.toml");
    std::fs::write(&other, VALID_TRIP.replace("Test trip", "Other trip")).expect("write");
    let mut harness = app_at(path, None, false);
    harness.get_by_label("Edit mode").click();
    harness.run();
    harness.get_by_label("Trip").click();
    harness.run();
    type_into(&mut harness, "Trip title", " (draft)");
    assert!(harness.state().state().is_dirty());
    let title =
        |h: &egui_kittest::Harness<'_, itinera::App>| h.state().state().open().map(|o| o.trip.title.clone());

    harness
        .state_mut()
        .send(itinera::command::Command::Open(other.clone()));
    harness.run();
    harness.get_by_label_contains("Save the changes to trip.toml before opening another trip?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        title(&harness).as_deref(),
        Some("Test trip (draft)"),
        "Cancel keeps the edits"
    );

    harness.state_mut().send(itinera::command::Command::Open(other));
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(title(&harness).as_deref(), Some("Other trip"));
}

#[test]
fn a_new_trip_saves_as_a_valid_file_and_save_as_writes_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_keep, path) = edit_copy_of(VALID_TRIP);
    let mut harness = app_at(path, None, false);
    let new = dir.path().join("new-trip.toml");
    harness
        .state_mut()
        .send(itinera::command::Command::NewTrip(new.clone()));
    harness.run();
    assert!(harness.state().state().is_dirty(), "a new trip is unsaved");
    harness.state_mut().send(itinera::command::Command::Save);
    harness.run();
    assert!(!harness.state().state().is_dirty());
    let checked = itinera::format::check_file(&new).expect("readable");
    assert!(!checked.report.has_errors(), "{}", checked.report.render());

    let json = dir.path().join("copy.json");
    harness
        .state_mut()
        .send(itinera::command::Command::SaveAs(json.clone()));
    harness.run();
    let text = std::fs::read_to_string(&json).expect("saved as JSON");
    assert!(text.trim_start().starts_with('{') && text.contains("\"title\": \"Untitled trip\""));
    assert_eq!(harness.state().state().open().map(|o| o.path.clone()), Some(json));
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_and_save_saves_first() {
    let (_dir, path) = edit_copy_of(VALID_TRIP);
    let mut harness = app_at(path.clone(), None, false);
    harness
        .state_mut()
        .send(itinera::command::Command::Edit(itinera::model::edit::Edit::Set {
            path: itinera::model::FieldPath::root().key("title"),
            value: serde_json::json!("Renamed before closing"),
        }));
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label_contains("Save the changes to trip.toml before quitting?");
    harness.get_by_label("Save").click();
    harness.run();
    assert!(!harness.state().state().is_dirty());
    let saved = std::fs::read_to_string(&path).expect("saved");
    assert!(saved.contains("title = \"Renamed before closing\""));
}

#[test]
fn the_editor_shows_a_files_warnings_beside_their_fields_from_the_moment_it_opens() {
    let unsourced = VALID_TRIP.replacen("source = \"voa\"\n", "", 1);
    let (_dir, path) = edit_copy_of(&unsourced);
    let mut harness = app_at(path, None, false);
    let open = harness
        .state()
        .state()
        .open()
        .expect("opens: a warning is no error");
    assert!(
        open.problems.iter().any(|p| p.message == "quote has no source"),
        "{:?}",
        open.problems
    );
    harness.get_by_label("Edit mode").click();
    harness.run();
    harness
        .state_mut()
        .send(itinera::command::Command::Select(Some(0)));
    harness.run();
    harness.get_by_label_contains("quote has no source");
    assert!(!harness.state().state().is_dirty(), "nothing was edited");
}

#[test]
fn marking_a_place_approximate_is_saved_and_the_map_says_so() {
    let (_dir, path) = edit_copy_of(VALID_TRIP);
    let mut harness = app_at(path.clone(), None, false);
    open_astana_in_the_editor(&mut harness);
    harness
        .get_by_label("Approximate position (only a region or country is known)")
        .click();
    harness.run();
    let open = harness.state().state().open().expect("open");
    assert!(open.trip.place("astana").is_some_and(|p| p.approximate));
    harness.get_by_label_contains("Astana (approximate position)");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&path).expect("saved");
    assert!(saved.contains("approximate = true"), "{saved}");
    let reloaded = itinera::state::AppState::with_file(&path);
    let trip = &reloaded.open().expect("reloads").trip;
    assert!(trip.place("astana").is_some_and(|p| p.approximate));

    // Unmarking it takes the key out of the file again.
    harness
        .get_by_label("Approximate position (only a region or country is known)")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(&path).expect("saved");
    assert!(!saved.contains("approximate"), "{saved}");
}

#[test]
fn an_editor_reorders_same_day_events_with_their_sequence_and_dates_an_event_before_christ() {
    let (_dir, path) = edit_copy_of(&std::fs::read_to_string(itinera::BUNDLED_TRIP).expect("bundled"));
    let mut harness = app_at(path, None, false);
    let index_of = |harness: &egui_kittest::Harness<'_, itinera::App>, id: &str| {
        let (trip, _) = harness.state().state().trip().expect("open");
        trip.events.iter().position(|e| e.id == id).expect("event")
    };
    let rank_of = |harness: &egui_kittest::Harness<'_, itinera::App>, id: &str| {
        let (trip, chronology) = harness.state().state().trip().expect("open");
        chronology
            .order
            .iter()
            .position(|&i| trip.events[i].id == id)
            .expect("in order")
    };
    // The article's order: the meeting with Nazarbayev (1) before the mosque (6).
    assert!(rank_of(&harness, "astana-nazarbayev") < rank_of(&harness, "astana-mosque"));
    let mosque = index_of(&harness, "astana-mosque");
    harness
        .state_mut()
        .send(itinera::command::Command::Select(Some(mosque)));
    harness.run();
    harness.get_by_label("Edit mode").click();
    harness.run();
    replace_text(
        &mut harness,
        "Order among events at the same time (1, 2, 3…; optional)",
        "1",
    );
    let (trip, _) = harness.state().state().trip().expect("open");
    assert_eq!(trip.events[mosque].sequence, 1);
    // Both are now first of the day; the tie goes by id, so the mosque comes first.
    assert!(rank_of(&harness, "astana-mosque") < rank_of(&harness, "astana-nazarbayev"));

    replace_text(
        &mut harness,
        "Start (2015-11-02, 2015-11-02T14:30 or -490 for 490 BC)",
        "-490",
    );
    let (trip, chronology) = harness.state().state().trip().expect("open");
    assert_eq!(trip.events[mosque].start, "-490");
    assert_eq!(chronology.order.first(), Some(&mosque), "490 BC comes first");
    assert!(
        harness.query_all_by_label_contains("490 BC").next().is_some(),
        "the date reads 490 BC"
    );
}

/// Replace the text of the field labelled `label` with `text`, as a user does: click, select
/// all, type.
fn replace_text(harness: &mut egui_kittest::Harness<'_, itinera::App>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(egui::Role::TextInput, label)
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::TextInput, label)
        .type_text(text);
    harness.run();
}
