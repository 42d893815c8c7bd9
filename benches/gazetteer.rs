//! The gazetteer of 199,568 places: loading it (once, on first use) and searching it as the
//! user types in *Find a city* (target: at most 20 ms per keystroke), and the importer's exact
//! and near lookups.

use criterion::{Criterion, criterion_group, criterion_main};
use itinera::gazetteer::Gazetteer;

fn gazetteer(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("load and index 199,568 places", |b| {
        b.iter(Gazetteer::load_bundled)
    });
    group.finish();

    let gazetteer = itinera::gazetteer::shared();
    let mut group = c.benchmark_group("gazetteer search per keystroke");
    // Each prefix of a word as typed, a Cyrillic query, a typo, and one that matches nothing
    // (the slowest: every name is tried as a near miss).
    for query in [
        "Du",
        "Dush",
        "Dushanbe",
        "душанбе",
        "Duschanbe",
        "Heiligendam",
        "qxzvw",
    ] {
        group.bench_function(query, |b| b.iter(|| gazetteer.search(query, 8)));
    }
    group.finish();

    let mut group = c.benchmark_group("gazetteer placing");
    group.bench_function("exact name in a country", |b| {
        b.iter(|| gazetteer.named("Samarkand", &["UZ"]))
    });
    group.bench_function("unknown name anywhere", |b| {
        b.iter(|| gazetteer.named("Nowhereville", &[]))
    });
    group.finish();
}

criterion_group!(benches, gazetteer);
criterion_main!(benches);
