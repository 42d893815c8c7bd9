//! Import speed: a 10,000-event file (exported from the synthetic trip) read back into a trip,
//! in every format Itinera writes and reads (TimelineJS, StoryMapJS, GeoJSON, CSV), and 10,000
//! Office of the Historian travel records (the real ones, repeated under new ids); the import
//! runs on a worker thread in the app, and these numbers say how long its progress bar runs.
//! Compared with the 1,000-event files (`import 1k events`), they show the time grows linearly.
//! `import official records` reads all 58 real files (4,271 visits), as the bundled collection
//! was made.

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
        let path = dir.join("records.xml");
        std::fs::write(&path, travel_records(events)).expect("write");
        group.bench_function("records.xml", |b| {
            b.iter(|| {
                let imported = itinera::interchange::import::import_files(
                    std::slice::from_ref(&path),
                    &Progress::default(),
                )
                .expect("imports");
                assert_eq!(imported.records, events);
            });
        });
        group.finish();
    }
    let official = official_files();
    let mut group = c.benchmark_group("import official records");
    group.sample_size(10);
    group.bench_function("58 files", |b| {
        b.iter(|| {
            let imported =
                itinera::interchange::import::import_files(&official, &Progress::default()).expect("imports");
            assert_eq!(imported.records, 4_271);
        });
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every official travel-record file.
fn official_files() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/travels");
    let mut files: Vec<_> = ["president-travels", "secretary-travels"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(root.join(folder)).expect("records folder"))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

/// `count` travel records: the real ones in turn, each under a new id.
fn travel_records(count: usize) -> String {
    let records: Vec<String> = official_files()
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).expect("records");
            text.split("<trip ")
                .skip(1)
                .filter_map(|t| {
                    t.split_once("</trip>")
                        .map(|(record, _)| format!("<trip {record}</trip>"))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<trips>\n");
    for (i, record) in records.iter().cycle().take(count).enumerate() {
        let renumbered = match (record.find("<id>"), record.find("</id>")) {
            (Some(a), Some(b)) => format!("{}<id>{}</id>{}", &record[..a], 100_000 + i, &record[b + 5..]),
            _ => record.clone(),
        };
        xml.push_str(&renumbered);
        xml.push('\n');
    }
    xml.push_str("</trips>\n");
    xml
}

criterion_group!(benches, imports);
criterion_main!(benches);
