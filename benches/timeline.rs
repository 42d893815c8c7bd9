//! One frame of the timeline at 100,000 events: layout, painting and tessellation, as a
//! student sees it with the whole trip fitted (histograms), zoomed to a day (bars), and with a
//! search active (dimmed and highlighted bins). Also the search itself over all events.
//!
//! Target: a frame well under 16 ms, so the timeline never freezes however long the trip.

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, vec2};
use itinera::command::{Command, Commands};
use itinera::model::filter;
use itinera::model::synthetic::synthetic_trip;
use itinera::state::AppState;
use itinera::ui::timeline::TimelineView;

const EVENTS: usize = 100_000;

/// The app state with a synthetic trip of `EVENTS` events, opened from a JSON file.
fn state() -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("synthetic.json");
    let text = serde_json::to_string(&synthetic_trip(EVENTS)).expect("serialises");
    std::fs::write(&path, text).expect("write trip");
    let state = AppState::with_file(&path);
    assert!(
        state.problems().is_none(),
        "the synthetic trip opens without errors"
    );
    (state, dir)
}

/// A 1600 × 240 point timeline panel.
fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 240.0))),
        ..RawInput::default()
    }
}

/// Draw one frame and tessellate it, returning the number of meshes so nothing is skipped.
fn frame(ctx: &egui::Context, view: &mut TimelineView, state: &AppState) -> usize {
    let mut commands = Commands::default();
    let mut output = ctx.run_ui(input(), |ui| view.ui(ui, state, &mut commands));
    // No renderer here: the font atlas upload is dropped on purpose.
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn timeline_frame(c: &mut Criterion) {
    let (mut state, _dir) = state();
    let ctx = egui::Context::default();
    let mut group = c.benchmark_group("timeline_frame_100k_events");

    let mut view = TimelineView::default();
    frame(&ctx, &mut view, &state);
    group.bench_function("whole_trip", |b| b.iter(|| frame(&ctx, &mut view, &state)));

    // Select an event in the middle of the trip and zoom to its day.
    let middle = state.trip().map(|(_, c)| c.order[c.order.len() / 2]);
    state.apply(Command::Select(middle));
    let mut day_view = TimelineView::default();
    frame(&ctx, &mut day_view, &state);
    day_view.zoom_to_selection(&state);
    frame(&ctx, &mut day_view, &state);
    group.bench_function("one_day", |b| b.iter(|| frame(&ctx, &mut day_view, &state)));

    state.apply(Command::SetQuery("event 7".to_owned()));
    group.bench_function("whole_trip_with_search", |b| {
        b.iter(|| frame(&ctx, &mut view, &state))
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    let (mut state, _dir) = state();
    {
        let (trip, chronology) = state.trip().expect("open");
        // Without the index: every field of every event folded for the query.
        c.bench_function("search_100k_events_unindexed", |b| {
            b.iter(|| filter::search(trip, chronology, "number 9999"))
        });
        c.bench_function("search_index_build_100k_events", |b| {
            b.iter(|| itinera::model::search_index::SearchIndex::new(trip, chronology).len())
        });
    }
    // A keystroke as the app takes it: the query changes, the matches and hits are recomputed
    // (through the index built on the first search). Typing a character and deleting it.
    state.apply(Command::SetQuery("number 999".to_owned()));
    let mut longer = false;
    c.bench_function("search_keystroke_100k_events", |b| {
        b.iter(|| {
            longer = !longer;
            let query = if longer { "number 9999" } else { "number 999" };
            state.apply(Command::SetQuery(query.to_owned()));
            state.match_count()
        })
    });
}

criterion_group!(benches, timeline_frame, search);
criterion_main!(benches);
