//! In the classroom: opening at an event or a slide (`--event`, `FILE#ID`, `--present
//! --slide`), *Copy event reference*, and an editor that follows the teacher: *New event* after
//! the selected one, an id from the title, and the timeline and map following an edited event.

mod common;

use common::{kerry_app, selected_id, type_into};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use itinera::start_at::{StartAt, split_reference};

type App = egui_kittest::Harness<'static, itinera::App>;

fn kerry_starting_at(start: StartAt) -> App {
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1400.0, 900.0])
        .with_max_steps(400)
        .build_eframe(move |cc| itinera::App::new(cc, Some(itinera::BUNDLED_TRIP.into())).starting_at(start));
    harness.run();
    harness
}

fn current_slide(harness: &App) -> Option<usize> {
    harness.state().state().presentation().map(|p| p.current)
}

#[test]
fn opening_at_an_event_selects_it_and_shows_its_stop_and_bar() {
    let harness = kerry_starting_at(StartAt {
        event: Some("dushanbe-rahmon".to_owned()),
        ..StartAt::default()
    });
    assert_eq!(selected_id(&harness).as_deref(), Some("dushanbe-rahmon"));
    harness.get_by_label("Stop 4: Dushanbe");
    assert!(
        harness
            .query_all_by_label("Meeting with President Emomali Rahmon")
            .any(|bar| bar.accesskit_node().is_selected() == Some(true)),
        "its timeline bar is shown, selected"
    );
}

#[test]
fn a_file_hash_id_reference_opens_at_that_event() {
    let reference = format!("{}#astana-university", itinera::BUNDLED_TRIP);
    let (file, event) = split_reference(std::path::Path::new(&reference));
    assert_eq!(file, std::path::PathBuf::from(itinera::BUNDLED_TRIP));
    let harness = kerry_starting_at(StartAt {
        event,
        ..StartAt::default()
    });
    assert_eq!(selected_id(&harness).as_deref(), Some("astana-university"));
}

#[test]
fn presenting_from_a_slide_or_an_event_starts_there() {
    let harness = kerry_starting_at(StartAt {
        present: true,
        slide: Some(5),
        ..StartAt::default()
    });
    assert_eq!(current_slide(&harness), Some(4), "slide 5 is the fifth");

    let harness = kerry_starting_at(StartAt {
        event: Some("astana-nazarbayev".to_owned()),
        present: true,
        ..StartAt::default()
    });
    assert_eq!(
        current_slide(&harness),
        Some(6),
        "the Nazarbayev meeting is slide 7"
    );
}

#[test]
fn an_unknown_event_or_slide_is_explained_and_the_trip_still_opens() {
    let harness = kerry_starting_at(StartAt {
        event: Some("astana-nazarbaev".to_owned()),
        ..StartAt::default()
    });
    let notice = harness.state().notice().expect("a notice").to_owned();
    assert!(
        notice.contains("no event with the id `astana-nazarbaev`"),
        "{notice}"
    );
    assert!(notice.contains("kerry-central-asia-2015.toml"), "{notice}");
    assert!(harness.state().state().trip().is_some());

    let harness = kerry_starting_at(StartAt {
        slide: Some(99),
        ..StartAt::default()
    });
    let notice = harness.state().notice().expect("a notice").to_owned();
    assert!(notice.contains("has 16 slides; --slide 99"), "{notice}");
}

#[test]
fn copy_event_reference_copies_a_reference_that_opens_the_event() {
    let mut harness = kerry_app();
    harness.get_by_label("Stop 3: Astana").click();
    harness.run();
    let id = selected_id(&harness).expect("Astana's first event");
    harness.get_by_label("Copy event reference").click();
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .expect("the reference is on the clipboard");
    harness.run();
    harness.get_by_label_contains(&format!("Copied …#{id}"));
    let (file, event) = split_reference(std::path::Path::new(&copied));
    assert!(file.is_absolute(), "{copied}");
    assert!(file.ends_with(itinera::BUNDLED_TRIP), "{copied}");
    assert_eq!(event, Some(id));
}

/// Edit mode on a copy of the Kerry trip, with `label` (a map stop) clicked.
fn editing_at(label: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kerry.toml");
    std::fs::copy(itinera::BUNDLED_TRIP, &path).expect("copy the trip");
    let mut harness = common::app_at(path, None, false);
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label("Edit mode").click();
    harness.run();
    (dir, harness)
}

#[test]
fn a_new_event_starts_after_the_selected_one_and_takes_its_id_from_its_title() {
    let (_dir, mut harness) = editing_at("Stop 4: Dushanbe");
    let base = selected_id(&harness).expect("Dushanbe's event");
    harness.get_by_label("New event").click();
    harness.run();
    let state = harness.state().state();
    let (trip, _) = state.trip().expect("trip");
    let base_index = trip.events.iter().position(|e| e.id == base).expect("base");
    let new = &trip.events[base_index + 1];
    assert_eq!(selected_id(&harness).as_deref(), Some(new.id.as_str()));
    assert_eq!(new.place, "dushanbe");
    assert_eq!(new.start, trip.events[base_index].start);
    assert_eq!(new.id, "new-event");

    type_into(&mut harness, "Title", " at the airport");
    let id = selected_id(&harness).expect("still selected");
    assert_eq!(id, "new-event-at-the-airport", "the id follows the title");
    // An id edited by hand stays.
    type_into(&mut harness, "Id (for references: FILE#ID)", "-1");
    type_into(&mut harness, "Title", "!");
    assert_eq!(
        selected_id(&harness).as_deref(),
        Some("new-event-at-the-airport-1")
    );
}

#[test]
fn an_event_moved_in_place_or_time_by_an_edit_stays_in_view() {
    let (_dir, mut harness) = editing_at("Stop 6: London");
    let state = harness.state().state();
    let (trip, _) = state.trip().expect("trip");
    let index = state.selection().expect("London's event");
    let title = trip.events[index].title.clone();
    let path = itinera::model::FieldPath::root().key("events").index(index);
    // Zoom in on London, then move the event to Ashgabat, far off screen.
    harness
        .state_mut()
        .look_at(itinera::model::LatLon::new(51.5, -0.12), 9.0);
    harness.run();
    assert!(
        harness.query_by_label_contains(": Ashgabat").is_none(),
        "off screen"
    );
    harness
        .state_mut()
        .send(itinera::command::Command::Edit(itinera::model::edit::Edit::Set {
            path: path.key("place"),
            value: serde_json::json!("ashgabat"),
        }));
    harness.run();
    harness.get_by_label_contains(": Ashgabat");

    // A year later: the timeline pans to it, so its bar is still on screen.
    for (field, date) in [("end", "2016-11-05"), ("start", "2016-11-04")] {
        harness
            .state_mut()
            .send(itinera::command::Command::Edit(itinera::model::edit::Edit::Set {
                path: path.key(field),
                value: serde_json::json!(date),
            }));
    }
    harness.run();
    let bar = harness.get_by_label(&title);
    let timeline = harness.get_by_label("Timeline").rect();
    assert!(
        timeline.contains_rect(bar.rect()),
        "{:?} in {timeline:?}",
        bar.rect()
    );
}
