//! Drawing one basemap tile into RGBA pixels with tiny-skia.
//!
//! Pure CPU work with no UI types, so it can run on any thread and be benchmarked alone. A tile
//! is addressed like a slippy-map tile (`zoom`, `x`, `y`); shapes are culled by bounding box,
//! including their copies one world to the east and west (see the module docs of `basemap`).

use tiny_skia::{Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform};

use super::{Area, BBox, Basemap, Line};

/// Colours and line widths of the basemap, as RGBA bytes; the UI theme provides one per
/// light/dark mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TileStyle {
    /// Sea and lakes.
    pub water: [u8; 4],
    /// Land.
    pub land: [u8; 4],
    /// Coastlines and lake shores.
    pub coast: [u8; 4],
    /// Country borders.
    pub border: [u8; 4],
    /// Rivers.
    pub river: [u8; 4],
}

/// Where a tile lies in normalised Mercator, and how to get from there to pixels.
struct TileFrame {
    /// Pixels per world width.
    scale: f64,
    /// Top-left of the tile in world pixels.
    origin: [f64; 2],
    /// Bounds of the tile in normalised Mercator.
    bbox: BBox,
}

impl TileFrame {
    fn new(zoom: u8, x: u32, y: u32, size_px: u32) -> Self {
        let tiles = f64::from(1u32 << zoom.min(30));
        let size = f64::from(size_px);
        let scale = tiles * size;
        let origin = [f64::from(x) * size, f64::from(y) * size];
        let bbox = [
            f64::from(x) / tiles,
            f64::from(y) / tiles,
            f64::from(x + 1) / tiles,
            f64::from(y + 1) / tiles,
        ];
        Self { scale, origin, bbox }
    }

    /// The whole-world shifts (-1, 0, +1) under which `bbox` overlaps this tile, with a margin
    /// of `margin_px` for line widths.
    fn shifts(&self, bbox: &BBox, margin_px: f64) -> impl Iterator<Item = f64> + '_ {
        let m = margin_px / self.scale;
        let b = *bbox;
        [-1.0, 0.0, 1.0].into_iter().filter(move |dx| {
            b[0] + dx - m <= self.bbox[2]
                && b[2] + dx + m >= self.bbox[0]
                && b[1] - m <= self.bbox[3]
                && b[3] + m >= self.bbox[1]
        })
    }

    fn to_px(&self, [mx, my]: [f64; 2], dx: f64) -> (f32, f32) {
        (
            ((mx + dx) * self.scale - self.origin[0]) as f32,
            (my * self.scale - self.origin[1]) as f32,
        )
    }
}

fn paint(rgba: [u8; 4]) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(Color::from_rgba8(rgba[0], rgba[1], rgba[2], rgba[3]));
    paint.anti_alias = true;
    paint
}

/// Render tile `zoom/x/y` at `size_px` square; returns premultiplied RGBA bytes, row by row.
pub fn render_tile(basemap: &Basemap, style: &TileStyle, zoom: u8, x: u32, y: u32, size_px: u32) -> Vec<u8> {
    let Some(mut pixmap) = Pixmap::new(size_px, size_px) else {
        return Vec::new();
    };
    let frame = TileFrame::new(zoom, x, y, size_px);
    let layer = basemap.layer_for_zoom(zoom);
    let [r, g, b, a] = style.water;
    pixmap.fill(Color::from_rgba8(r, g, b, a));

    fill_areas(&mut pixmap, &frame, &layer.land, &paint(style.land));
    // Rivers sit on land under the lakes, so a river flowing into a lake ends at its shore.
    let river_stroke = Stroke {
        width: (0.4 + 0.12 * f32::from(zoom)).min(1.6),
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    };
    let rivers: Vec<&Line> = basemap
        .rivers
        .iter()
        .filter(|(_, min_zoom)| f64::from(zoom) + 1.0 >= *min_zoom)
        .map(|(line, _)| line)
        .collect();
    stroke_lines(&mut pixmap, &frame, rivers, &paint(style.river), &river_stroke);
    fill_areas(&mut pixmap, &frame, &layer.lakes, &paint(style.water));

    // Lines get thicker as the map zooms in, so borders stay readable without crowding the world.
    let width = (0.6 + 0.15 * f32::from(zoom)).min(2.0);
    let coast = Stroke {
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    };
    stroke_lines(&mut pixmap, &frame, &layer.coasts, &paint(style.coast), &coast);
    stroke_lakes(
        &mut pixmap,
        &frame,
        &layer.lakes,
        &paint(style.coast),
        width * 0.6,
    );
    let border = Stroke {
        width: width * 1.1,
        dash: tiny_skia::StrokeDash::new(vec![width * 4.0, width * 2.0], 0.0),
        ..coast.clone()
    };
    stroke_lines(&mut pixmap, &frame, &layer.borders, &paint(style.border), &border);
    pixmap.take()
}

fn fill_areas(pixmap: &mut Pixmap, frame: &TileFrame, areas: &[Area], paint: &Paint<'_>) {
    let mut builder = PathBuilder::new();
    for area in areas {
        for dx in frame.shifts(&area.bbox, 1.0) {
            for ring in &area.rings {
                let mut points = ring.iter().map(|p| frame.to_px(*p, dx));
                let Some((x0, y0)) = points.next() else { continue };
                builder.move_to(x0, y0);
                for (x, y) in points {
                    builder.line_to(x, y);
                }
                builder.close();
            }
        }
    }
    if let Some(path) = builder.finish() {
        pixmap.fill_path(&path, paint, FillRule::EvenOdd, Transform::identity(), None);
    }
}

fn stroke_lines<'a>(
    pixmap: &mut Pixmap,
    frame: &TileFrame,
    lines: impl IntoIterator<Item = &'a Line>,
    paint: &Paint<'_>,
    stroke: &Stroke,
) {
    let mut builder = PathBuilder::new();
    for line in lines {
        for dx in frame.shifts(&line.bbox, f64::from(stroke.width)) {
            add_polyline(&mut builder, frame, &line.points, dx);
        }
    }
    if let Some(path) = builder.finish() {
        pixmap.stroke_path(&path, paint, stroke, Transform::identity(), None);
    }
}

fn stroke_lakes(pixmap: &mut Pixmap, frame: &TileFrame, lakes: &[Area], paint: &Paint<'_>, width: f32) {
    let stroke = Stroke {
        width,
        ..Stroke::default()
    };
    let mut builder = PathBuilder::new();
    for lake in lakes {
        for dx in frame.shifts(&lake.bbox, 1.0) {
            for ring in &lake.rings {
                add_polyline(&mut builder, frame, ring, dx);
            }
        }
    }
    if let Some(path) = builder.finish() {
        pixmap.stroke_path(&path, paint, &stroke, Transform::identity(), None);
    }
}

fn add_polyline(builder: &mut PathBuilder, frame: &TileFrame, points: &[[f64; 2]], dx: f64) {
    let mut points = points.iter().map(|p| frame.to_px(*p, dx));
    let Some((x0, y0)) = points.next() else { return };
    builder.move_to(x0, y0);
    for (x, y) in points {
        builder.line_to(x, y);
    }
}
