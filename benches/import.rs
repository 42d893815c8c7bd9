//! Import speed: a 10,000-event file (exported from the synthetic trip) read back into a trip,
//! in every format Itinera writes and reads (TimelineJS, StoryMapJS, GeoJSON, CSV); the import
//! runs on a worker thread in the app, and these numbers say how long its progress bar runs.
//! Compared with the 1,000-event file (`import 1k events`), they show the time grows linearly.

use criterion::{Criterion, criterion_group, criterion_main};
use itinera::interchange::export::{ExportFormat, export_text};
use itinera::interchange::import::Progress;

fn imports(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("itinera-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let benchmarking = std::env::args().any(|a| a == "--bench");
    // Under `cargo test` only the small files run, once, to keep CI quick.
    let sizes: &[(usize, &str)] = if benchmarking {
        &[(1_000, "1k"), (10_000, "10k")]
    } else {
        &[(1_000, "1k")]
    };
    for &(events, label) in sizes {
        let trip = itinera::model::synthetic::synthetic_trip(events);
        let chronology = itinera::model::resolve(&trip).chronology;
        let mut group = c.benchmark_group(format!("import {label} events"));
        group.sample_size(10);
        for (format, name) in [
            (ExportFormat::Timelinejs, "timeline.json"),
            (ExportFormat::Storymap, "story.json"),
            (ExportFormat::Geojson, "points.geojson"),
            (ExportFormat::Csv, "events.csv"),
        ] {
            let path = dir.join(name);
            std::fs::write(&path, export_text(&trip, &chronology, format)).expect("write");
            group.bench_function(name, |b| {
                b.iter(|| {
                    let imported = itinera::interchange::import::import_files(
                        std::slice::from_ref(&path),
                        &Progress::default(),
                    )
                    .expect("imports");
                    assert_eq!(imported.placed, events, "{name}");
                });
            });
        }
        group.finish();
    }
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, imports);
criterion_main!(benches);
