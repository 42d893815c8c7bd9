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
    choose_path(&mut harness, &copy);
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
    assert!(harness.state().state().open().is_none());
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

/// Open the File menu and choose `item` (in the Export submenu when `export`).
#[test]
fn every_broken_trip_file_of_the_corpus_shows_its_located_problems_and_keeps_the_open_trip() {
    let mut harness = common::kerry_app();
    let mut checked = 0;
    for case in common::corpus::cases() {
        if case.command != "check" || case.status != 1 {
            continue;
        }
        let path = Path::new(common::corpus::CORPUS).join(&case.file);
        harness.state_mut().send(Command::Open(path));
        harness.run();
        assert_eq!(
            open_title(&harness).as_deref(),
            Some("John Kerry in Central Asia, 2015"),
            "{} replaced the open trip",
            case.file
        );
        for piece in &case.expected {
            assert!(
                harness.query_all_by_label_contains(piece).next().is_some(),
                "{}: the app does not show `{piece}`",
                case.file
            );
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} broken trip files");
}

/// Import `file` with File ▸ Import… and wait until the import opened its trip or said
/// that nothing was written.
fn import_in_app(harness: &mut Harness<'_, App>, file: &Path) {
    file_menu(harness, "Import…", false);
    harness.get_by_label("Add file…").click();
    harness.run();
    choose_path(harness, file);
    harness.get_by_label(&file.display().to_string());
    let before = harness.state().state().open().map(|o| o.path.clone());
    harness
        .get_by_role_and_label(egui::Role::Button, "Import")
        .click();
    // Generous: the first import loads the gazetteer, and CI shares two cores.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    while harness.state().state().open().map(|o| o.path.clone()) == before
        && harness.query_by_label("Nothing was written:").is_none()
    {
        assert!(std::time::Instant::now() < deadline, "the import never finished");
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.run();
}

#[test]
fn every_broken_import_of_the_corpus_shows_its_located_problems_writes_nothing_and_keeps_the_open_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut imported = 0;
    for case in common::corpus::cases() {
        if case.command != "import" || case.status == 0 {
            continue;
        }
        let file = dir.path().join(&case.file);
        std::fs::copy(Path::new(common::corpus::CORPUS).join(&case.file), &file).expect("copy");
        let mut harness = common::kerry_app();
        import_in_app(&mut harness, &file);
        assert_eq!(
            open_title(&harness).as_deref(),
            Some("John Kerry in Central Asia, 2015"),
            "{} replaced the open trip",
            case.file
        );
        harness.get_by_label("Nothing was written:");
        for piece in case.expected.iter().filter(|p| *p != "nothing was written") {
            assert!(
                harness.query_all_by_label_contains(piece).next().is_some(),
                "{}: the Import window does not show `{piece}`",
                case.file
            );
        }
        assert!(
            !file.with_extension("toml").exists(),
            "{}: a trip was written",
            case.file
        );
        imported += 1;
    }
    assert!(imported >= 12, "only {imported} broken imports");
}

fn file_menu(harness: &mut Harness<'_, App>, item: &str, export: bool) {
    harness.get_by_label("File").click();
    harness.run();
    if export {
        harness.get_by_label("Export").hover();
        harness.run();
    }
    harness.get_by_label(item).click();
    harness.run();
}

/// Focus the chooser's path field, replace its text with `path` and press Enter.
fn choose_path(harness: &mut Harness<'_, App>, path: &Path) {
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Path:")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Path:")
        .type_text(&path.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn file_import_reads_travel_records_on_a_worker_and_opens_the_new_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = dir.path().join("kerry.xml");
    std::fs::write(
        &records,
        "<trips>\n<trip role=\"secretary\" who=\"kerry-john-forbes\"><id>3594</id><name>John Forbes Kerry</name>\
         <start-date>2015-11-02</start-date><end-date>2015-11-03</end-date><country id=\"kazakhstan\">Kazakhstan</country>\
         <locale>Astana</locale><remarks>Met President Nazarbayev.</remarks></trip>\n\
         <trip role=\"secretary\" who=\"kerry-john-forbes\"><id>3595</id><name>John Forbes Kerry</name>\
         <start-date>2015-11-03</start-date><end-date>2015-11-03</end-date><country id=\"xyzzyland\">Xyzzyland</country>\
         <locale>Xyzzy</locale><remarks/></trip>\n</trips>\n",
    )
    .expect("write records");
    let mut harness = common::kerry_app();
    import_in_app(&mut harness, &records);
    let out = dir.path().join("kerry.toml");
    assert_eq!(
        harness.state().state().open().map(|o| o.path.clone()),
        Some(out.clone())
    );
    let (trip, chronology) = harness.state().state().trip().expect("the imported trip is open");
    assert_eq!(trip.title, "Travels of John Forbes Kerry");
    assert_eq!(chronology.order.len(), 1);
    harness.get_by_label(&format!(
        "Imported 2 records, 1 placed (50%) into {}",
        out.display()
    ));
    let written = std::fs::read_to_string(&out).expect("written");
    assert!(written.starts_with("# Imported by Itinera"), "{written}");
    assert!(
        written.contains("record 3595 (2015-11-03): cannot place \"Xyzzy\""),
        "{written}"
    );
}

#[test]
fn file_export_writes_timelinejs_next_to_the_trip_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = retitled_copy(dir.path(), "Copied trip");
    let mut harness = app_with(copy);
    file_menu(&mut harness, "TimelineJS JSON…", true);
    harness.get_by_label("Export: where to save it");
    let out = dir.path().join("copy.json");
    choose_path(&mut harness, &out);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("exported")).expect("json");
    assert_eq!(json["title"]["text"]["headline"], "Copied trip");
    assert_eq!(json["events"].as_array().map(Vec::len), Some(14));
    assert_eq!(
        harness.state().notice(),
        Some(format!("Exported TimelineJS JSON to {}", out.display()).as_str())
    );
}

#[test]
fn a_large_file_opens_in_the_background_with_a_progress_window_then_shows_its_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.json");
    let trip = itinera::generate::generate(itinera::generate::GenerateOptions {
        events: 20_000,
        travellers: 5,
        seed: 3,
    });
    std::fs::write(&path, serde_json::to_string(&trip).expect("serialises")).expect("write");
    // The spinner keeps repainting, so the harness steps frame by frame. Generated places
    // include names with letters the bundled font lacks (e.g. U+1E11); they draw as boxes.
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| App::new(cc, Some(path)));
    harness.run_steps(2);
    // The window is drawn before the file is read: a progress window, no trip yet.
    assert!(harness.state().state().trip().is_none());
    harness.get_by_label_contains("Opening large.json (");
    common::step_until_open(&mut harness);
    let (opened, _) = harness.state().state().trip().expect("open");
    assert_eq!(opened.events.len(), 20_000);
    assert!(harness.query_by_label_contains("Opening large.json").is_none());
}
