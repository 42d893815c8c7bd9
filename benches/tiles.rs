//! Speed of drawing one 256 px basemap tile (target: at most 5 ms at 1:50m detail).
//!
//! Tiles over Central Asia at zooms 2 (1:110m), 5 and 8 (1:50m), as a student pans the trip.

use criterion::{Criterion, criterion_group, criterion_main};
use itinera::basemap::Basemap;
use itinera::basemap::render::render_tile;
use itinera::ui::theme::Tokens;

fn tile_rendering(c: &mut Criterion) {
    let basemap = Basemap::load().expect("bundled data decodes");
    let style = Tokens::light().tiles;
    let mut group = c.benchmark_group("render_tile_256px");
    // Tiles containing Astana (51.18° N, 71.45° E) at each zoom.
    for (zoom, x, y) in [(2u8, 2u32, 1u32), (5, 22, 10), (8, 178, 85)] {
        group.bench_function(format!("zoom_{zoom}"), |b| {
            b.iter(|| render_tile(&basemap, &style, zoom, x, y, 256));
        });
    }
    group.finish();
}

fn basemap_loading(c: &mut Criterion) {
    c.bench_function("basemap_load", |b| b.iter(Basemap::load));
}

criterion_group!(benches, tile_rendering, basemap_loading);
criterion_main!(benches);
