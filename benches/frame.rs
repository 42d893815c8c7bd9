//! One full UI frame of the whole app at 1920×1080 (the app's update plus egui's
//! tessellation), headless through kittest: the Kerry trip, the official collection, and
//! synthetic collections of 10,000 and 100,000 events (`itinera generate`, seed 1).
//!
//! Targets (median, this machine): ≤ 2 ms Kerry, ≤ 4 ms the collection, ≤ 8 ms at 100k events.
//! Nothing changes between frames, as when a reader looks at the map: the caches must hold.
//! Under `cargo test` (no `--bench`), a 1,000-event collection stands in for the big ones.

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use itinera::generate::{GenerateOptions, generate};

/// The app at 1920×1080 on `path`, settled.
fn app(path: std::path::PathBuf) -> Harness<'static, itinera::App> {
    // Generated places include Vietnamese names whose letters (e.g. U+1ECB) the bundled font
    // lacks; they draw as boxes, which costs the same as letters.
    let mut harness = Harness::builder()
        .allow_missing_glyphs()
        .with_size([1920.0, 1080.0])
        .with_max_steps(1000)
        .build_eframe(move |cc| itinera::App::new(cc, Some(path)));
    // A large file opens in the background behind a spinner: step until it is in.
    common::step_until_open(&mut harness);
    harness
}

/// A synthetic collection of `events` events by 20 travellers, written as JSON.
fn synthetic(dir: &tempfile::TempDir, events: usize) -> std::path::PathBuf {
    let trip = generate(GenerateOptions {
        events,
        travellers: 20,
        seed: 1,
    });
    let path = dir.path().join(format!("synthetic-{events}.json"));
    std::fs::write(&path, serde_json::to_string(&trip).expect("serialises")).expect("write trip");
    path
}

/// One frame and its tessellation; returns the number of meshes so nothing is optimised away.
fn frame(harness: &mut Harness<'_, itinera::App>) -> usize {
    harness.step();
    let output = harness.output();
    harness
        .ctx
        .tessellate(output.shapes.clone(), output.pixels_per_point)
        .len()
}

fn full_frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let collection = itinera::EXAMPLES
        .iter()
        .find(|e| e.name == "official-travels")
        .expect("the collection is an example")
        .path;
    let mut cases: Vec<(String, std::path::PathBuf)> = vec![
        ("kerry_2015".to_owned(), itinera::BUNDLED_TRIP.into()),
        ("official_collection".to_owned(), collection.into()),
    ];
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if benchmarking {
        &[10_000, 100_000]
    } else {
        &[1_000]
    };
    for &events in sizes {
        cases.push((format!("synthetic_{}k", events / 1000), synthetic(&dir, events)));
    }
    let mut group = c.benchmark_group("full_frame_1920x1080");
    group.sample_size(20);
    for (name, path) in cases {
        let mut harness = app(path);
        group.bench_function(name, |b| b.iter(|| frame(&mut harness)));
    }
    group.finish();
}

criterion_group!(benches, full_frames);
criterion_main!(benches);
