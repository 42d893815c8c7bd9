//! Opening a trip file: read, parse and validate (`format::check_text`, what `itinera check`
//! and the app's Open do) for synthetic collections of 1,000, 10,000 and 100,000 events
//! (`itinera generate`, seed 1), in TOML and JSON.
//!
//! Targets (this machine): 100,000 events in ≤ 1 s as JSON and ≤ 2 s as TOML. Under
//! `cargo test` (no `--bench`), only the 1,000-event files run, once, to keep CI quick.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use itinera::format::{FileFormat, check_text, write::to_text};
use itinera::generate::{GenerateOptions, generate};

fn loads(c: &mut Criterion) {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if benchmarking {
        &[1_000, 10_000, 100_000]
    } else {
        &[1_000]
    };
    let mut group = c.benchmark_group("load_and_validate");
    group.sample_size(10);
    for &events in sizes {
        let trip = generate(GenerateOptions {
            events,
            travellers: 20,
            seed: 1,
        });
        for (format, name) in [(FileFormat::Json, "json"), (FileFormat::Toml, "toml")] {
            let text = to_text(&trip, format, "").expect("the generated trip serialises");
            let path = Path::new("synthetic").with_extension(name);
            group.bench_function(format!("{events}_events_{name}"), |b| {
                b.iter(|| {
                    let checked = check_text(&path, format, text.clone());
                    assert!(!checked.report.has_errors(), "{}", checked.report.render());
                    checked.trip.map_or(0, |t| t.events.len())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, loads);
criterion_main!(benches);
