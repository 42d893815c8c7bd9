//! Small map pictures for the handout: the offline basemap around a stop, the route, and the
//! stop marked, rendered with the same tile renderer as the app and embedded as PNG data.
//!
//! Pure CPU work (tiny-skia), so an export needs no window and no network.

use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, PixmapPaint, Stroke, Transform};

use crate::basemap::render::render_tile;
use crate::basemap::style::MapStyle;
use crate::basemap::{Basemap, to_mercator};
use crate::model::LatLon;

/// Side of a basemap tile in pixels.
const TILE_PX: u32 = 256;

/// What an inset shows.
#[derive(Clone, Debug)]
pub struct Inset<'a> {
    /// The stop in the middle.
    pub centre: LatLon,
    /// Every stop of the trip in order (the route).
    pub route: &'a [LatLon],
    /// Tile zoom (5 shows about 1,500 km across 640 px).
    pub zoom: u8,
    /// Size in pixels.
    pub width_px: u32,
    /// See `width_px`.
    pub height_px: u32,
}

/// Where an inset's pixels lie in the world.
struct Frame {
    /// World width in pixels at the inset's zoom.
    world_px: f64,
    /// World pixel at the inset's top-left corner.
    origin: [f64; 2],
    /// The centre in normalised Mercator.
    centre: [f64; 2],
}

impl Frame {
    fn of(inset: &Inset<'_>) -> Self {
        let world_px = f64::from(TILE_PX) * f64::from(1u32 << inset.zoom.min(20));
        let centre = to_mercator([inset.centre.lon_deg, inset.centre.lat_deg]);
        let origin = [
            centre[0] * world_px - f64::from(inset.width_px) / 2.0,
            centre[1] * world_px - f64::from(inset.height_px) / 2.0,
        ];
        Self {
            world_px,
            origin,
            centre,
        }
    }

    /// The pixel of `p`, measured on the world copy nearest the centre, so a route across
    /// ±180° stays continuous.
    fn pixel_of(&self, p: LatLon) -> (f32, f32) {
        let [mx, my] = to_mercator([p.lon_deg, p.lat_deg]);
        let dx = (mx - self.centre[0] + 0.5).rem_euclid(1.0) - 0.5;
        (
            ((self.centre[0] + dx) * self.world_px - self.origin[0]) as f32,
            (my * self.world_px - self.origin[1]) as f32,
        )
    }
}

/// The pixel where `p` appears in `inset` (it may lie outside the picture), so labels can be
/// laid over it.
pub fn pixel_of(inset: &Inset<'_>, p: LatLon) -> (f32, f32) {
    Frame::of(inset).pixel_of(p)
}

/// Render `inset` as PNG bytes, or `None` if the image cannot be made.
pub fn render_png(basemap: &Basemap, style: &MapStyle, inset: &Inset<'_>) -> Option<Vec<u8>> {
    let mut pixmap = Pixmap::new(inset.width_px, inset.height_px)?;
    let frame = Frame::of(inset);
    let origin = frame.origin;
    let tiles = 1i64 << inset.zoom.min(20);
    let first = [
        (origin[0] / f64::from(TILE_PX)).floor() as i64,
        (origin[1] / f64::from(TILE_PX)).floor() as i64,
    ];
    let last = [
        ((origin[0] + f64::from(inset.width_px)) / f64::from(TILE_PX)).floor() as i64,
        ((origin[1] + f64::from(inset.height_px)) / f64::from(TILE_PX)).floor() as i64,
    ];
    for ty in first[1].max(0)..=last[1].min(tiles - 1) {
        for tx in first[0]..=last[0] {
            let wrapped = tx.rem_euclid(tiles) as u32;
            let rgba = render_tile(basemap, &style.tiles, inset.zoom, wrapped, ty as u32, TILE_PX);
            let Some(tile) =
                tiny_skia::IntSize::from_wh(TILE_PX, TILE_PX).and_then(|size| Pixmap::from_vec(rgba, size))
            else {
                continue;
            };
            let x = (tx as f64 * f64::from(TILE_PX) - origin[0]).round() as i32;
            let y = (ty as f64 * f64::from(TILE_PX) - origin[1]).round() as i32;
            pixmap.draw_pixmap(
                x,
                y,
                tile.as_ref(),
                &PixmapPaint::default(),
                Transform::identity(),
                None,
            );
        }
    }
    let to_px = |p: LatLon| frame.pixel_of(p);
    let colour = |rgba: [u8; 4]| {
        let mut paint = Paint::default();
        paint.set_color(Color::from_rgba8(rgba[0], rgba[1], rgba[2], rgba[3]));
        paint.anti_alias = true;
        paint
    };
    let mut route = PathBuilder::new();
    for pair in inset.route.windows(2) {
        for (i, point) in pair[0].geodesic_path(pair[1], 50_000.0).into_iter().enumerate() {
            let (x, y) = to_px(point);
            if i == 0 {
                route.move_to(x, y)
            } else {
                route.line_to(x, y)
            }
        }
    }
    if let Some(path) = route.finish() {
        let stroke = Stroke {
            width: 2.5,
            ..Stroke::default()
        };
        pixmap.stroke_path(&path, &colour(style.route), &stroke, Transform::identity(), None);
    }
    for (point, radius) in inset.route.iter().map(|&p| (p, 4.0)).chain([(inset.centre, 8.0)]) {
        let (x, y) = to_px(point);
        if let Some(circle) = PathBuilder::from_circle(x, y, radius) {
            pixmap.fill_path(
                &circle,
                &colour(style.route),
                FillRule::Winding,
                Transform::identity(),
                None,
            );
            let stroke = Stroke {
                width: 2.0,
                ..Stroke::default()
            };
            pixmap.stroke_path(&circle, &colour(style.halo), &stroke, Transform::identity(), None);
        }
    }
    let image = image::RgbaImage::from_raw(inset.width_px, inset.height_px, pixmap.take())?;
    let mut png = std::io::Cursor::new(Vec::new());
    image.write_to(&mut png, image::ImageFormat::Png).ok()?;
    Some(png.into_inner())
}
