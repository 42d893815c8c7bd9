//! Live reload: the open file is changed by another program while the app has it open.

mod common;

use common::{VALID_TRIP, app_at, selected_id};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use itinera::App;

fn open_copy() -> (tempfile::TempDir, std::path::PathBuf, Harness<'static, App>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("trip.toml");
    std::fs::write(&path, VALID_TRIP).expect("write trip");
    let harness = app_at(path.clone(), None, false);
    (dir, path, harness)
}

/// Let the watching thread's once-a-second look at the file happen (it runs in real time, and
/// wakes the app only when the file changed).
fn let_a_second_pass(harness: &mut Harness<'_, App>) {
    for _ in 0..15 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        harness.run();
    }
}

fn title_of(harness: &Harness<'_, App>, id: &str) -> Option<String> {
    let open = harness.state().state().open()?;
    open.trip
        .events
        .iter()
        .find(|e| e.id == id)
        .map(|e| e.title.clone())
}

#[test]
fn an_outside_change_without_local_edits_reloads_and_keeps_the_selection() {
    let (_dir, path, mut harness) = open_copy();
    harness.get_by_label("Talks in London").click();
    harness.run();
    let changed = VALID_TRIP.replace(
        "title = \"Talks in London\"",
        "title = \"Talks at Lancaster House\"",
    );
    std::fs::write(&path, changed).expect("outside change");
    let_a_second_pass(&mut harness);
    assert_eq!(
        title_of(&harness, "london-talks").as_deref(),
        Some("Talks at Lancaster House")
    );
    assert_eq!(selected_id(&harness).as_deref(), Some("london-talks"));
    assert!(!harness.state().state().is_dirty());
}

#[test]
fn an_outside_change_over_local_edits_asks_and_load_theirs_takes_it() {
    let (_dir, path, mut harness) = open_copy();
    harness
        .state_mut()
        .send(itinera::command::Command::Edit(itinera::model::edit::Edit::Set {
            path: itinera::model::FieldPath::root().key("title"),
            value: serde_json::json!("My local title"),
        }));
    harness.run();
    std::fs::write(&path, VALID_TRIP.replace("Test trip", "Their title")).expect("outside change");
    let_a_second_pass(&mut harness);
    harness.get_by_label_contains("was changed outside Itinera, and you have unsaved changes here");
    let title = |h: &Harness<'_, App>| h.state().state().open().map(|o| o.trip.title.clone());
    assert_eq!(
        title(&harness).as_deref(),
        Some("My local title"),
        "nothing changes before the answer"
    );
    harness.get_by_label("Load theirs").click();
    harness.run();
    assert_eq!(title(&harness).as_deref(), Some("Their title"));
    assert!(!harness.state().state().is_dirty());
}

#[test]
fn an_invalid_outside_change_shows_a_banner_and_keeps_the_last_good_trip() {
    let (_dir, path, mut harness) = open_copy();
    std::fs::write(&path, VALID_TRIP.replace("lat = 51.1801", "lat = 151.1801")).expect("outside change");
    let_a_second_pass(&mut harness);
    harness.get_by_label_contains("changed on disk but has 1 error; the last good version stays open");
    let open = harness.state().state().open().expect("still open");
    assert_eq!(open.trip.place("astana").and_then(|p| p.lat), Some(51.1801));
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().state().reload_problems().is_none());
}

#[test]
fn the_banner_goes_when_the_file_is_fixed_on_disk_or_saved_from_the_app() {
    let (_dir, path, mut harness) = open_copy();
    let broken = VALID_TRIP.replace("lat = 51.1801", "lat = 151.1801");
    std::fs::write(&path, &broken).expect("outside change");
    let_a_second_pass(&mut harness);
    assert!(harness.state().state().reload_problems().is_some());
    // Fixed by the other program: the file is the version the app has again.
    std::fs::write(&path, VALID_TRIP).expect("outside fix");
    let_a_second_pass(&mut harness);
    assert!(
        harness.state().state().reload_problems().is_none(),
        "the banner stays after the fix"
    );

    std::fs::write(&path, &broken).expect("outside change");
    let_a_second_pass(&mut harness);
    assert!(harness.state().state().reload_problems().is_some());
    // Saved from the app: what is on disk is the open trip.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(
        harness.state().state().reload_problems().is_none(),
        "the banner stays after saving"
    );
    let saved = std::fs::read_to_string(&path).expect("read");
    assert!(saved.contains("lat = 51.1801"), "the save wrote the open trip");
}
