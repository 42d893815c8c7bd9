//! Presentation mode, driven like a teacher with a clicker: F5, PageDown to Astana, autoplay on
//! a controlled clock, the presenter console, blanking, leaving with Esc, and exporting the
//! slides as images.

mod common;

use common::{VALID_TRIP, app_at, kerry_app, selected_id};
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use itinera::model::slides::Slide;

/// The presentation now; panics when not presenting.
fn presenting(harness: &egui_kittest::Harness<'_, itinera::App>) -> itinera::model::slides::Presentation {
    harness
        .state()
        .state()
        .presentation()
        .cloned()
        .expect("presenting")
}

fn current_slide(harness: &egui_kittest::Harness<'_, itinera::App>) -> Option<usize> {
    harness.state().state().presentation().map(|p| p.current)
}

#[test]
fn pagedown_from_the_title_reaches_the_astana_slide_and_shows_its_quote() {
    let mut harness = kerry_app();
    harness.key_press(Key::F5);
    harness.run();
    assert_eq!(current_slide(&harness), Some(0), "the title slide comes first");
    harness.get_by_label_contains("Right, Space or PageDown: next");
    // Bishkek (3 events) and Samarkand (2) come before Astana: the 7th slide.
    for _ in 0..6 {
        harness.key_press(Key::PageDown);
        harness.run();
    }
    assert_eq!(selected_id(&harness).as_deref(), Some("astana-nazarbayev"));
    harness.get_by_label("Meeting with President Nursultan Nazarbayev");
    harness.get_by_label("“We have a very strong set of security interests”");
    harness.get_by_label("— John Kerry, U.S. Secretary of State");
    harness.get_by_label_contains("Mon 2 Nov 2015 · Astana, KZ · UTC+6");
    harness.get_by_label("7 / 16");
    // A clicker's PageUp goes back; End reaches the overview.
    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(current_slide(&harness), Some(5));
    harness.key_press(Key::End);
    harness.run();
    harness.get_by_label("The whole journey");
    harness.get_by_label("9,125 km travelled");
}

#[test]
fn esc_leaves_the_presentation_and_b_blanks_the_screen() {
    let mut harness = kerry_app();
    harness.key_press(Key::F5);
    harness.run();
    harness.key_press(Key::B);
    harness.run();
    let blanked = harness.state().state().presentation().map(|p| p.blanked);
    assert_eq!(blanked, Some(true));
    harness.key_press(Key::Space);
    harness.run();
    let presentation = presenting(&harness);
    assert!(!presentation.blanked, "moving on unblanks");
    assert_eq!(presentation.current, 1);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().state().presentation().is_none());
    harness.get_by_role_and_label(egui::Role::TextInput, "Search");
}

#[test]
fn autoplay_advances_after_the_trips_seconds_per_slide_and_any_key_pauses_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("trip.toml");
    std::fs::write(&path, format!("slide_seconds = 2\n{VALID_TRIP}")).expect("write trip");
    let mut harness = app_at(path, None, false);
    harness.key_press(Key::F5);
    harness.run();
    harness.key_press(Key::A);
    harness.step();
    assert!(harness.state().state().presentation().is_some_and(|p| p.autoplay));
    // Each step is 0.25 s of egui's clock: 2 s is 8 steps; allow a few for the frame that
    // notices.
    for _ in 0..11 {
        harness.step();
    }
    assert_eq!(current_slide(&harness), Some(1), "one slide later after 2 s");
    for _ in 0..11 {
        harness.step();
    }
    assert_eq!(current_slide(&harness), Some(2));
    harness.key_press(Key::B);
    harness.step();
    let presentation = presenting(&harness);
    assert!(!presentation.autoplay, "a key pauses autoplay");
    for _ in 0..20 {
        harness.step();
    }
    assert_eq!(current_slide(&harness), Some(2), "paused: no more slides");
}

#[test]
fn the_presenter_console_shows_the_next_slide_and_the_notes() {
    let mut harness = common::kerry_console_at_slide_7();
    assert!(harness.state().console_open());
    // In the console, and in the main window's text of it for screen readers.
    assert_eq!(
        harness
            .query_all_by_label_contains("Compare with Kerry's speech the same day")
            .count(),
        2
    );
    harness.get_by_label_contains("Elapsed 00:");
    // Now and Next each say when and where, and what kind of event, not only a title.
    assert!(
        harness
            .query_all_by_label_contains("Mon 2 Nov 2015 · Astana")
            .count()
            >= 2
    );
    assert!(harness.query_all_by_label("Meeting").count() >= 2);
    // The console's Next button moves the slides too.
    harness.get_by_label("Next ▶").click();
    harness.run();
    let slide = harness.state().state().presentation().map(|p| p.slide());
    assert!(matches!(slide, Some(Slide::Event(_))));
    assert_eq!(current_slide(&harness), Some(7));
}

#[test]
fn exporting_saves_one_png_per_slide_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("slides");
    let trip = dir.path().join("trip.toml");
    std::fs::write(&trip, VALID_TRIP).expect("write trip");
    let mut harness = app_at(trip, None, true);
    harness.state_mut().start_export(&out);
    wait_for_notice(&mut harness);
    let notice = harness.state().notice().expect("the export finished").to_owned();
    assert!(notice.starts_with("Saved 4 slides to"), "{notice}");
    for n in 1..=4 {
        let file = out.join(format!("slide-{n:02}.png"));
        let image = image::open(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!((image.width(), image.height()), (1400, 900));
    }
    assert!(
        harness.state().state().presentation().is_none(),
        "the app returns to exploring"
    );
}

#[test]
fn the_map_and_timeline_save_as_a_png_of_the_window_and_say_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("view.png");
    let trip = dir.path().join("trip.toml");
    std::fs::write(&trip, VALID_TRIP).expect("write trip");
    let mut harness = app_at(trip, None, true);
    let ctx = harness.ctx.clone();
    harness.state_mut().save_view_png(&ctx, &out, (1400, 900));
    wait_for_notice(&mut harness);
    let notice = harness
        .state()
        .notice()
        .expect("the picture was taken")
        .to_owned();
    assert_eq!(
        notice,
        format!("Saved the map and timeline (1400×900 px) to {}", out.display())
    );
    let image = image::open(&out).expect("a PNG");
    assert_eq!((image.width(), image.height()), (1400, 900));
    assert!(!harness.state().view_shot_busy());
}

/// Step the app until it shows a message (an export keeps repainting until done, and tiles draw
/// on other threads in real time), for at most 30 s.
fn wait_for_notice(harness: &mut egui_kittest::Harness<'_, itinera::App>) {
    for _ in 0..3000 {
        harness.step();
        if harness.state().notice().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
