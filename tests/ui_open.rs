//! Opening files in the app: Ctrl+O with the in-app chooser, dropping a file, and a broken file
//! that must not replace the trip already open.

use std::path::{Path, PathBuf};
use std::sync::Arc;

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use itinera::App;
use itinera::command::Command;

fn app_with(path: PathBuf) -> Harness<'static, App> {
    common::app_at(path, None, false)
}

fn open_title(harness: &Harness<'_, App>) -> Option<String> {
    harness.state().state().trip().map(|(trip, _)| trip.title.clone())
}

/// A copy of the bundled trip under another title, in a temporary folder.
fn retitled_copy(dir: &Path, title: &str) -> PathBuf {
    let text = std::fs::read_to_string(itinera::BUNDLED_TRIP).expect("bundled trip");
    let path = dir.join("copy.toml");
    let text = text.replacen(
        "title = \"John Kerry in Central Asia, 2015\"",
        &format!("title = \"{title}\""),
        1,
    );
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn ctrl_o_opens_a_chooser_where_a_typed_path_opens_the_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = retitled_copy(dir.path(), "Copied trip");
    let mut harness = app_with(itinera::BUNDLED_TRIP.into());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("Open trip");
    let field = harness.get_by_role_and_label(egui::Role::TextInput, "Path:");
    field.click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Path:")
        .type_text(&copy.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(open_title(&harness).as_deref(), Some("Copied trip"));
    assert!(
        harness.query_by_label("Open trip").is_none(),
        "the chooser closes"
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_trip_file_on_the_window_opens_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = retitled_copy(dir.path(), "Dropped trip");
    let mut harness = app_with(itinera::BUNDLED_TRIP.into());
    harness.input_mut().dropped_files.push(Arc::new(Dropped(copy)));
    harness.run();
    assert_eq!(open_title(&harness).as_deref(), Some("Dropped trip"));
}

/// A file with a latitude out of range and no longitude.
fn broken_file(dir: &Path) -> PathBuf {
    let broken = dir.join("broken.toml");
    let text = "format = 1\ntitle = \"x\"\n[[places]]\nid = \"p\"\nlat = 200\n";
    std::fs::write(&broken, text).expect("write");
    broken
}

#[test]
fn a_broken_file_given_at_start_shows_its_problems_and_opens_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let harness = app_with(broken_file(dir.path()));
    assert!(harness.state().state().open.is_none());
    harness.get_by_label_contains("error: latitude 200 is out of range");
    harness.get_by_label_contains("broken.toml:5:7");
}

#[test]
fn a_broken_file_shows_its_problems_and_keeps_the_open_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = broken_file(dir.path());
    let mut harness = app_with(itinera::BUNDLED_TRIP.into());
    harness.state_mut().send(Command::Open(broken));
    harness.run();
    assert_eq!(
        open_title(&harness).as_deref(),
        Some("John Kerry in Central Asia, 2015")
    );
    harness.get_by_label_contains("error: latitude 200 is out of range");
    harness.get_by_label_contains("error: place `p` has no longitude");
}

#[test]
fn opened_files_become_recent_files_newest_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = retitled_copy(dir.path(), "Copied trip");
    let mut harness = app_with(itinera::BUNDLED_TRIP.into());
    harness
        .state_mut()
        .send(itinera::command::Command::Open(copy.clone()));
    harness.run();
    let recent: Vec<String> = harness
        .state()
        .recent_files()
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        recent.first().map(String::as_str),
        copy.file_name().and_then(|n| n.to_str())
    );
    assert!(recent.iter().any(|n| n == "kerry-central-asia-2015.toml"));
}
