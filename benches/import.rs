//! Import speed: a 10,000-event TimelineJS file (exported from the synthetic trip) read back
//! into a trip, and the same as StoryMapJS; the import runs on a worker thread in the app, and
//! these numbers say how long its progress bar runs.

use criterion::{Criterion, criterion_group, criterion_main};
use itinera::interchange::export::{ExportFormat, export_text};
use itinera::interchange::import::Progress;

fn imports(c: &mut Criterion) {
    let trip = itinera::model::synthetic::synthetic_trip(10_000);
    let chronology = itinera::model::resolve(&trip).chronology;
    let dir = std::env::temp_dir().join(format!("itinera-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut group = c.benchmark_group("import 10k events");
    group.sample_size(10);
    for (format, name) in [
        (ExportFormat::Timelinejs, "timeline.json"),
        (ExportFormat::Storymap, "story.json"),
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
                assert_eq!(imported.placed, 10_000);
            });
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, imports);
criterion_main!(benches);
