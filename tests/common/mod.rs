//! Shared test fixtures: a small valid trip written for the tests, and helpers to check it.
#![allow(dead_code)]

pub mod corpus;

use std::path::Path;

use itinera::format::{Checked, FileFormat, check_text};

/// A minimal valid trip: two places, two people, one source, two events. Tests break one line
/// of it at a time; line numbers in assertions refer to this text.
pub const VALID_TRIP: &str = r#"format = 1
title = "Test trip"
travellers = ["kerry"]

[[places]]
id = "astana"
name = "Astana"
country = "KZ"
lat = 51.1801
lon = 71.44598
timezone = "Asia/Almaty"

[[places]]
id = "london"
name = "London"
country = "GB"
lat = 51.50853
lon = -0.12574
timezone = "Europe/London"

[[people]]
id = "kerry"
name = "John Kerry"
role = "U.S. Secretary of State"

[[people]]
id = "hammond"
name = "Philip Hammond"

[[sources]]
id = "voa"
title = "Kerry Praises Kazakhstan on Security"

[[events]]
id = "astana-meeting"
title = "Meeting in Astana"
kind = "meeting"
start = "2015-11-02"
place = "astana"

[[events.quotes]]
speaker = "kerry"
text = "We have a very strong set of security interests"
source = "voa"

[[events]]
id = "london-talks"
title = "Talks in London"
start = "2015-11-03"
end = "2015-11-04"
place = "london"
participants = ["kerry", "hammond"]
"#;

/// Check `text` as a TOML file named `trip.toml`.
pub fn check_toml(text: &str) -> Checked {
    check_text(Path::new("trip.toml"), FileFormat::Toml, text.to_owned())
}

/// `VALID_TRIP` with the first occurrence of `from` replaced by `to`.
pub fn broken(from: &str, to: &str) -> String {
    assert!(VALID_TRIP.contains(from), "fixture has no `{from}`");
    VALID_TRIP.replacen(from, to, 1)
}

/// The located diagnostics of `checked` as `(line, column, message)`.
pub fn located(checked: &Checked) -> Vec<(usize, usize, String)> {
    checked
        .report
        .located()
        .map(|l| {
            (
                l.line.unwrap_or(0),
                l.column.unwrap_or(0),
                l.diagnostic.message.clone(),
            )
        })
        .collect()
}

/// Assert that exactly one error was reported, at `line`:`column`, containing `message`.
#[track_caller]
pub fn assert_single_error(text: &str, line: usize, column: usize, message: &str) {
    let checked = check_toml(text);
    let errors: Vec<_> = checked
        .report
        .located()
        .filter(|l| l.diagnostic.severity == itinera::model::Severity::Error)
        .map(|l| {
            (
                l.line.unwrap_or(0),
                l.column.unwrap_or(0),
                l.diagnostic.message.clone(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    let (l, c, m) = &errors[0];
    assert!(m.contains(message), "message `{m}` does not contain `{message}`");
    assert_eq!((*l, *c), (line, column), "wrong position for `{m}`");
}

/// Run the app until every requested basemap tile is drawn and shown (tiles render on
/// background threads, so frames alone do not wait for them). Gives up after 60 s.
pub fn settle(harness: &mut egui_kittest::Harness<'_, itinera::App>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        harness.run();
        if harness.state().tiles_pending() == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "basemap tiles never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

/// The whole app at 1400×900 on the trip at `path`, run until idle. `wgpu` adds the software
/// renderer (needed for snapshots only); `theme` forces light or dark.
pub fn app_at(
    path: std::path::PathBuf,
    theme: Option<egui::Theme>,
    wgpu: bool,
) -> egui_kittest::Harness<'static, itinera::App> {
    app_sized(path, [1400.0, 900.0], theme, wgpu)
}

/// Like [`app_at`], with a window of `size` points.
pub fn app_sized(
    path: std::path::PathBuf,
    size: [f32; 2],
    theme: Option<egui::Theme>,
    wgpu: bool,
) -> egui_kittest::Harness<'static, itinera::App> {
    let mut builder = egui_kittest::Harness::builder()
        .with_size(size)
        .with_max_steps(400);
    if let Some(theme) = theme {
        builder = builder.with_theme(theme);
    }
    if wgpu {
        builder = builder.wgpu();
    }
    let mut harness = builder.build_eframe(move |cc| itinera::App::new(cc, Some(path)));
    harness.run();
    harness
}

/// The whole app on the bundled Kerry trip, run until idle (no renderer).
pub fn kerry_app() -> egui_kittest::Harness<'static, itinera::App> {
    app_at(itinera::BUNDLED_TRIP.into(), None, false)
}

/// Id of the selected event, if any.
pub fn selected_id(harness: &egui_kittest::Harness<'_, itinera::App>) -> Option<String> {
    let state = harness.state().state();
    let (trip, _) = state.trip()?;
    state.selection().map(|i| trip.events[i].id.clone())
}

/// Click the search field and type `text` into it, as a reader would.
pub fn search_for(harness: &mut egui_kittest::Harness<'_, itinera::App>, text: &str) {
    type_into(harness, "Search", text);
}

/// Click the text field labelled `label` and type `text` at its end.
pub fn type_into(harness: &mut egui_kittest::Harness<'_, itinera::App>, label: &str, text: &str) {
    use egui_kittest::kittest::Queryable as _;
    harness
        .get_by_role_and_label(egui::Role::TextInput, label)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::TextInput, label)
        .type_text(text);
    harness.run();
}

/// The whole app on the bundled collection of official travels (see [`app_at`] for `wgpu`).
pub fn collection_app(wgpu: bool) -> egui_kittest::Harness<'static, itinera::App> {
    let example = itinera::EXAMPLES
        .iter()
        .find(|e| e.name == "official-travels")
        .expect("the collection is an example");
    app_at(example.path.into(), None, wgpu)
}

/// Find Kerry in the collection's browser and click his Central Asian journey of 2015, one of
/// about a hundred (scrolled to first).
pub fn choose_kerrys_central_asian_journey(harness: &mut egui_kittest::Harness<'_, itinera::App>) {
    use egui_kittest::kittest::Queryable as _;
    type_into(harness, "Find a traveller or country", "Kerry");
    harness.get_by_label_contains("John Forbes Kerry · ").click();
    harness.run();
    harness
        .get_by_label_contains("Kyrgyzstan, Uzbekistan")
        .scroll_to_me();
    harness.run();
    harness.get_by_label_contains("Kyrgyzstan, Uzbekistan").click();
    harness.run();
}

/// Step frame by frame (a spinner keeps repainting, so `run` would not settle) until a file
/// opened in the background is in, then run until idle. Gives up after 5 minutes.
pub fn step_until_open(harness: &mut egui_kittest::Harness<'_, itinera::App>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(300);
    while harness.state().state().trip().is_none() {
        assert!(std::time::Instant::now() < deadline, "the file never opened");
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    harness.run();
}

/// The Kerry trip presented, at slide 7 (the Nazarbayev meeting, which has presenter notes), with
/// the presenter console open.
pub fn kerry_console_at_slide_7() -> egui_kittest::Harness<'static, itinera::App> {
    let mut harness = kerry_app();
    harness.key_press(egui::Key::F5);
    harness.run();
    for _ in 0..6 {
        harness.key_press(egui::Key::ArrowRight);
    }
    harness.key_press(egui::Key::P);
    harness.run();
    harness
}
