//! Editing a trip and writing it back: untouched text stays byte-identical, comments travel
//! with their records, unknown keys survive, undo/redo retraces every step, and a save that
//! fails at any point leaves the old file intact.

mod common;

use std::path::{Path, PathBuf};

use common::{VALID_TRIP, check_toml};
use itinera::format::FileFormat;
use itinera::format::save::{SaveIo, backup_path, save_atomic, save_with};
use itinera::format::write::to_text;
use itinera::model::edit::{Edit, EditError, History, apply};
use itinera::model::{FieldPath, Trip};
use serde_json::json;

fn bundled() -> (String, Trip) {
    let text = std::fs::read_to_string(itinera::BUNDLED_TRIP).expect("bundled trip");
    let trip = check_toml(&text).trip.expect("parses");
    (text, trip)
}

fn event_index(trip: &Trip, id: &str) -> usize {
    trip.events.iter().position(|e| e.id == id).expect("event exists")
}

fn set(path: FieldPath, value: serde_json::Value) -> Edit {
    Edit::Set { path, value }
}

/// Lines of `a` not in `b` at the same position, after aligning on equal lines.
fn changed_lines(a: &str, b: &str) -> Vec<(usize, String, String)> {
    a.lines()
        .zip(b.lines())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(n, (x, y))| (n + 1, x.to_owned(), y.to_owned()))
        .collect()
}

#[test]
fn editing_one_title_changes_only_that_line_and_keeps_every_comment() {
    let (text, mut trip) = bundled();
    let i = event_index(&trip, "astana-nazarbayev");
    apply(
        &mut trip,
        &set(
            FieldPath::root().key("events").index(i).key("title"),
            json!("Talks with Nazarbayev"),
        ),
    )
    .expect("edit applies");
    let written = to_text(&trip, FileFormat::Toml, &text).expect("writes");
    assert_eq!(written.lines().count(), text.lines().count());
    let changed = changed_lines(&text, &written);
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert_eq!(changed[0].2, "title = \"Talks with Nazarbayev\"");
    let reloaded = check_toml(&written);
    assert!(!reloaded.report.has_errors(), "{}", reloaded.report.render());
    assert_eq!(reloaded.trip.as_ref(), Some(&trip));
}

#[test]
fn unchanged_trips_are_written_back_byte_for_byte() {
    let (text, trip) = bundled();
    assert_eq!(to_text(&trip, FileFormat::Toml, &text).expect("writes"), text);
}

#[test]
fn removing_and_adding_events_keeps_the_comments_of_the_others() {
    let (text, mut trip) = bundled();
    let comment_lines: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with('#')).collect();
    assert!(!comment_lines.is_empty(), "the bundled trip has comments");
    let first = event_index(&trip, "bishkek-embassy");
    let removed = trip.events[first].clone();
    apply(
        &mut trip,
        &Edit::Remove {
            path: FieldPath::root().key("events"),
            index: first,
        },
    )
    .expect("removes");
    let mut added = removed.clone();
    added.id = "bishkek-arrival".to_owned();
    added.title = "Arrival in Bishkek".to_owned();
    let value = serde_json::to_value(&added).expect("json");
    apply(
        &mut trip,
        &Edit::Insert {
            path: FieldPath::root().key("events"),
            index: 0,
            value,
        },
    )
    .expect("inserts");
    let written = to_text(&trip, FileFormat::Toml, &text).expect("writes");
    for line in comment_lines
        .iter()
        .filter(|l| !removed_section(&text, "bishkek-embassy").contains(*l))
    {
        assert!(written.contains(line), "comment lost: {line}");
    }
    let reloaded = check_toml(&written);
    assert!(!reloaded.report.has_errors(), "{}", reloaded.report.render());
    assert_eq!(reloaded.trip.as_ref(), Some(&trip));
    assert!(written.contains("id = \"bishkek-arrival\""));
}

/// The text of the `[[events]]` section with `id`, with the comments just above its header
/// (they belong to the record, and go with it).
fn removed_section(text: &str, id: &str) -> String {
    let at = text.find(&format!("id = \"{id}\"")).expect("section");
    let header = text[..at].rfind("[[events]]").expect("header");
    let lines: Vec<&str> = text[..header].lines().collect();
    let above = lines
        .iter()
        .rev()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        .map(|l| l.len() + 1)
        .sum::<usize>();
    let end = text[at..].find("[[events]]").map_or(text.len(), |n| at + n);
    text[header.saturating_sub(above)..end].to_owned()
}

#[test]
fn unknown_keys_survive_an_edit() {
    let text = VALID_TRIP.replace("country = \"KZ\"", "country = \"KZ\"\npopulation_2015 = 835153");
    let mut trip = check_toml(&text).trip.expect("parses");
    apply(&mut trip, &set(FieldPath::root().key("title"), json!("Renamed"))).expect("edit");
    let written = to_text(&trip, FileFormat::Toml, &text).expect("writes");
    assert!(written.contains("population_2015 = 835153"));
    assert!(written.contains("title = \"Renamed\""));
}

#[test]
fn json_is_written_pretty_and_reads_back_the_same() {
    let (_, trip) = bundled();
    let written = to_text(&trip, FileFormat::Json, "").expect("writes");
    assert!(written.contains("\n  \"title\": "));
    let read: Trip = serde_json::from_str(&written).expect("parses");
    assert_eq!(read, trip);
}

#[test]
fn an_edit_that_does_not_fit_the_field_is_refused_and_changes_nothing() {
    let (_, mut trip) = bundled();
    let before = trip.clone();
    let error = apply(
        &mut trip,
        &set(FieldPath::root().key("events").index(0).key("start"), json!(5)),
    );
    assert!(matches!(error, Err(EditError::WrongType { .. })), "{error:?}");
    let missing = apply(
        &mut trip,
        &set(
            FieldPath::root().key("events").index(999).key("title"),
            json!("x"),
        ),
    );
    assert!(matches!(missing, Err(EditError::NoSuchPath(_))));
    assert_eq!(trip, before);
}

/// A small deterministic generator, so the property test is reproducible.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

fn random_edit(trip: &Trip, rng: &mut Lcg, n: usize) -> Edit {
    let events = FieldPath::root().key("events");
    let i = rng.next(trip.events.len());
    match rng.next(6) {
        0 => set(events.index(i).key("title"), json!(format!("Title {n}"))),
        1 if !trip.events.is_empty() => Edit::Remove {
            path: events,
            index: i,
        },
        2 => {
            let mut copy = trip.events.get(i).cloned().unwrap_or_default();
            copy.id = format!("copy-{n}");
            Edit::Insert {
                path: events,
                index: rng.next(trip.events.len() + 1),
                value: serde_json::to_value(copy).expect("json"),
            }
        }
        3 => set(
            FieldPath::root()
                .key("places")
                .index(rng.next(trip.places.len()))
                .key("lat"),
            json!(n as f64 / 10.0),
        ),
        4 => set(FieldPath::root().key("summary"), json!(format!("Summary {n}"))),
        _ => set(
            events.index(i).key("participants"),
            json!(["kerry", format!("guest-{n}")]),
        ),
    }
}

#[test]
fn undoing_every_step_restores_each_earlier_version_and_redo_returns_to_the_last() {
    for seed in 1..=20 {
        let (_, mut trip) = bundled();
        let mut history = History::new();
        let mut versions = vec![trip.clone()];
        let mut rng = Lcg(seed);
        for n in 0..60 {
            let edit = random_edit(&trip, &mut rng, n);
            if history.apply(&mut trip, edit).is_ok() {
                history.seal();
                versions.push(trip.clone());
            }
        }
        assert!(history.is_dirty());
        let last = trip.clone();
        for version in versions.iter().rev().skip(1) {
            assert!(history.undo(&mut trip));
            assert_eq!(&trip, version, "seed {seed}");
        }
        assert!(!history.undo(&mut trip), "nothing left to undo");
        assert!(!history.is_dirty(), "back at the loaded version");
        while history.redo(&mut trip) {}
        assert_eq!(trip, last, "seed {seed}");
    }
}

#[test]
fn typing_into_one_field_is_one_undo_step() {
    let (_, mut trip) = bundled();
    let before = trip.clone();
    let mut history = History::new();
    let path = FieldPath::root().key("title");
    for text in ["K", "Ke", "Ker", "Kerry"] {
        history
            .apply(&mut trip, set(path.clone(), json!(text)))
            .expect("edit");
    }
    assert_eq!(trip.title, "Kerry");
    assert!(history.undo(&mut trip));
    assert_eq!(trip, before);
}

/// Real file-system operations that fail at the `fail_at`-th call.
struct FailingIo {
    calls: usize,
    fail_at: usize,
}

impl FailingIo {
    fn step(&mut self) -> std::io::Result<()> {
        self.calls += 1;
        if self.calls == self.fail_at {
            Err(std::io::Error::other("injected failure"))
        } else {
            Ok(())
        }
    }
}

impl SaveIo for FailingIo {
    fn write_synced(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        self.step()?;
        // A failing write may leave part of the file behind, as a full disk would.
        std::fs::write(path, bytes)
    }
    fn link(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.step()?;
        std::fs::hard_link(from, to)
    }
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.step()?;
        std::fs::rename(from, to)
    }
    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn a_save_that_fails_at_any_step_leaves_the_old_file_intact_and_no_temporary_file() {
    // Steps: write the new text, link the backup (on failure: copy it), rename the backup,
    // rename the new text. A failed link falls back to a copy, so that save still succeeds.
    for fail_at in 1..=5 {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("trip.toml");
        std::fs::write(&path, "old text").expect("write");
        std::fs::write(backup_path(&path), "older text").expect("write");
        let mut io = FailingIo { calls: 0, fail_at };
        let saved = save_with(&mut io, &path, b"new text");
        let now = std::fs::read_to_string(&path).expect("read");
        let backup = std::fs::read_to_string(backup_path(&path)).expect("read");
        match saved {
            Ok(()) => assert_eq!((now.as_str(), backup.as_str()), ("new text", "old text")),
            Err(error) => {
                assert!(error.to_string().contains("trip.toml"), "{error}");
                assert_eq!(now, "old text", "step {fail_at}");
                assert!(
                    ["old text", "older text"].contains(&backup.as_str()),
                    "step {fail_at}"
                );
            }
        }
        let leftovers: Vec<PathBuf> = files_in(dir.path())
            .into_iter()
            .filter(|p| p != &path && p != &backup_path(&path))
            .collect();
        assert!(leftovers.is_empty(), "step {fail_at} left {leftovers:?}");
    }
}

#[test]
fn a_save_removes_the_temporary_files_a_killed_save_left_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("trip.toml");
    std::fs::write(&path, "old text").expect("write");
    // No process has a PID this large (Linux caps them at 2^22).
    for stale in [".trip.toml.saving-99999999", ".trip.toml.bak-saving-99999999"] {
        std::fs::write(dir.path().join(stale), "half a save").expect("write");
    }
    let unrelated = dir.path().join(".other.toml.saving-99999999");
    std::fs::write(&unrelated, "not ours").expect("write");
    save_atomic(&path, b"new text").expect("saves");
    let names: Vec<String> = files_in(dir.path())
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        names,
        [".other.toml.saving-99999999", "trip.toml", "trip.toml.bak"]
    );
}

#[test]
fn a_successful_save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("trip.toml");
    std::fs::write(&path, "version 1").expect("write");
    save_atomic(&path, b"version 2").expect("saves");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "version 2");
    assert_eq!(
        std::fs::read_to_string(backup_path(&path)).expect("bak"),
        "version 1"
    );
    assert_eq!(files_in(dir.path()).len(), 2, "only the file and its .bak");
}
