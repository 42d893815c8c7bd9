//! The offline basemap as a walkers tile source.
//!
//! Tiles are rendered on demand from [`Basemap`] into textures and cached (bounded, least
//! recently used evicted). Rendering is limited per frame: a tile that is not ready yet is drawn
//! from the nearest rendered lower zoom, stretched, so the map never shows holes, and a repaint
//! is requested to fill it in on the next frame.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{ColorImage, Context, Rect, TextureHandle, TextureOptions, pos2};
use walkers::sources::Attribution;
use walkers::{Tile, TileId, TilePiece, Tiles};

use crate::basemap::render::{TileStyle, render_tile};
use crate::basemap::{ATTRIBUTION, Basemap};

/// Tile edge in pixels.
const TILE_SIZE_PX: u32 = 256;
/// At most this many textures are kept (256 px RGBA: 256 KiB each, so 64 MiB).
const MAX_CACHED_TILES: usize = 256;
/// Rendering stops for this frame once it has taken this long.
const FRAME_BUDGET: Duration = Duration::from_millis(12);

/// Offline tiles drawn from the bundled Natural Earth data.
pub struct OfflineTiles {
    basemap: Arc<Basemap>,
    style: TileStyle,
    ctx: Context,
    cache: HashMap<TileId, (TextureHandle, u64)>,
    frame: u64,
    frame_started: Instant,
}

impl OfflineTiles {
    /// A tile source drawing `basemap` in `style`.
    pub fn new(ctx: Context, basemap: Arc<Basemap>, style: TileStyle) -> Self {
        Self {
            basemap,
            style,
            ctx,
            cache: HashMap::new(),
            frame: 0,
            frame_started: Instant::now(),
        }
    }

    /// Call once per frame before the map draws: resets the render budget, and drops every
    /// tile if the style changed (light/dark switch).
    pub fn begin_frame(&mut self, style: TileStyle) {
        if style != self.style {
            self.style = style;
            self.cache.clear();
        }
        self.frame += 1;
        self.frame_started = Instant::now();
    }

    fn render(&mut self, id: TileId) -> TextureHandle {
        let rgba = render_tile(&self.basemap, &self.style, id.zoom, id.x, id.y, TILE_SIZE_PX);
        let size = [TILE_SIZE_PX as usize; 2];
        let image = ColorImage::from_rgba_premultiplied(size, &rgba);
        let name = format!("basemap-{}-{}-{}", id.zoom, id.x, id.y);
        let texture = self.ctx.load_texture(name, image, TextureOptions::LINEAR);
        if self.cache.len() >= MAX_CACHED_TILES
            && let Some(oldest) = self
                .cache
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| *k)
        {
            self.cache.remove(&oldest);
        }
        self.cache.insert(id, (texture.clone(), self.frame));
        texture
    }

    fn cached(&mut self, id: TileId) -> Option<TextureHandle> {
        let frame = self.frame;
        self.cache.get_mut(&id).map(|(texture, used)| {
            *used = frame;
            texture.clone()
        })
    }
}

/// The ancestor of `id` at `zoom`, and the part of it that covers `id`.
fn ancestor(id: TileId, zoom: u8) -> (TileId, Rect) {
    let levels = id.zoom - zoom;
    let factor = 1u32 << levels;
    let parent = TileId {
        x: id.x / factor,
        y: id.y / factor,
        zoom,
    };
    let step = 1.0 / factor as f32;
    let (u, v) = ((id.x % factor) as f32 * step, (id.y % factor) as f32 * step);
    (parent, Rect::from_min_max(pos2(u, v), pos2(u + step, v + step)))
}

impl Tiles for OfflineTiles {
    fn at(&mut self, id: TileId) -> Option<TilePiece> {
        let full = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
        if let Some(texture) = self.cached(id) {
            return Some(TilePiece::new(Tile::Raster(texture), full));
        }
        // Always render world tiles (zoom 0) so there is a fallback for everything.
        if id.zoom == 0 || self.frame_started.elapsed() < FRAME_BUDGET {
            let texture = self.render(id);
            return Some(TilePiece::new(Tile::Raster(texture), full));
        }
        self.ctx.request_repaint();
        (0..id.zoom).rev().find_map(|zoom| {
            let (parent, uv) = ancestor(id, zoom);
            self.cached(parent)
                .or_else(|| (zoom == 0).then(|| self.render(parent)))
                .map(|texture| TilePiece::new(Tile::Raster(texture), uv))
        })
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: ATTRIBUTION,
            url: "https://www.naturalearthdata.com/",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        TILE_SIZE_PX
    }
}
