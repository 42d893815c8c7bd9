//! The offline basemap as a walkers tile source.
//!
//! The bundled map data is decoded on a background thread at start (it takes a few hundred
//! milliseconds), so the window opens at once; until then the map is plain background.
//! Tiles are drawn by [`TileRenderer`] threads and uploaded as textures here, in a bounded cache
//! (least recently used evicted). A tile that is not ready is drawn from the nearest cached
//! lower zoom, stretched, so panning never shows holes; the world tiles of zooms 0–2 are asked
//! for at start so such a fallback soon exists everywhere.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use egui::{ColorImage, Context, Rect, TextureHandle, TextureOptions, pos2};
use walkers::sources::Attribution;
use walkers::{Tile, TileId, TilePiece, Tiles};

use crate::basemap::labels::MapLabel;
use crate::basemap::render::TileStyle;
use crate::basemap::worker::{TileKey, TileRenderer};
use crate::basemap::{ATTRIBUTION, Basemap, PendingLabels};

/// Tile edge in pixels.
const TILE_SIZE_PX: u32 = 256;
/// At most this many textures are kept (256 px RGBA: 256 KiB each, so 96 MiB).
const MAX_CACHED_TILES: usize = 384;
/// Zoom levels whose every tile is requested up front, as fallbacks.
const PRELOAD_MAX_ZOOM: u8 = 2;

fn key(id: TileId) -> TileKey {
    TileKey {
        zoom: id.zoom,
        x: id.x,
        y: id.y,
    }
}

/// Offline tiles drawn from the bundled Natural Earth data.
pub struct OfflineTiles {
    /// `None` until the basemap is decoded.
    renderer: Option<TileRenderer>,
    basemap: Option<Arc<Basemap>>,
    loading: Option<Receiver<Basemap>>,
    /// Country and city names, once placed (after the shapes).
    labels: Arc<Vec<MapLabel>>,
    labels_loading: Option<Receiver<Vec<MapLabel>>>,
    style: TileStyle,
    ctx: Context,
    cache: HashMap<TileKey, (TextureHandle, u64)>,
    in_flight: HashSet<TileKey>,
    frame: u64,
    /// Tiles the last frame wanted that were not drawn yet (it showed a stretched parent).
    visible_missing: usize,
}

impl OfflineTiles {
    /// A tile source drawing the bundled basemap in `style`; decoding starts in the background.
    pub fn new(ctx: Context, style: TileStyle) -> Self {
        let (sender, receiver) = channel();
        let (label_sender, label_receiver) = channel();
        let repaint = ctx.clone();
        // Shapes first, so tiles can be drawn while the names are placed.
        let spawned = std::thread::Builder::new()
            .name("basemap-load".to_owned())
            .spawn(move || {
                let (basemap, names) = match Basemap::load_in_stages() {
                    Ok((basemap, names)) => (basemap, Some(names)),
                    Err(e) => {
                        log::error!("the bundled basemap could not be read: {e}");
                        (Basemap::default(), None)
                    }
                };
                let _ = sender.send(basemap);
                repaint.request_repaint();
                let _ = label_sender.send(names.map(PendingLabels::place).unwrap_or_default());
                repaint.request_repaint();
            });
        if let Err(e) = spawned {
            log::error!("could not start loading the basemap: {e}");
        }
        Self {
            renderer: None,
            basemap: None,
            loading: Some(receiver),
            labels: Arc::new(Vec::new()),
            labels_loading: Some(label_receiver),
            style,
            ctx,
            cache: HashMap::new(),
            in_flight: HashSet::new(),
            frame: 0,
            visible_missing: usize::MAX,
        }
    }

    /// The decoded basemap, once ready.
    pub fn basemap(&self) -> Option<&Arc<Basemap>> {
        self.basemap.as_ref()
    }

    /// Whether the country and city names are placed.
    pub fn labels_ready(&self) -> bool {
        self.labels_loading.is_none()
    }

    /// The basemap's country and city names (empty until placed).
    pub fn labels(&self) -> &Arc<Vec<MapLabel>> {
        &self.labels
    }

    /// Start rendering once the background decode has finished.
    fn poll_loading(&mut self) {
        if let Some(labels) = self.labels_loading.as_ref().and_then(|r| r.try_recv().ok()) {
            self.labels = Arc::new(labels);
            self.labels_loading = None;
        }
        let Some(basemap) = self.loading.as_ref().and_then(|r| r.try_recv().ok()) else {
            return;
        };
        self.loading = None;
        let basemap = Arc::new(basemap);
        // Every core: the UI thread mostly waits while tiles are drawn, and a first full frame
        // is a map whose tiles are all in.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().max(1));
        let repaint = self.ctx.clone();
        let on_done = move || repaint.request_repaint();
        self.renderer = Some(TileRenderer::new(basemap.clone(), TILE_SIZE_PX, threads, on_done));
        self.basemap = Some(basemap);
        self.preload();
    }

    fn preload(&mut self) {
        // Highest zoom first in the list: the renderer serves the newest request first, so the
        // single world tile comes back before anything else.
        for zoom in (0..=PRELOAD_MAX_ZOOM).rev() {
            for x in 0..(1u32 << zoom) {
                for y in 0..(1u32 << zoom) {
                    self.request(TileKey { zoom, x, y });
                }
            }
        }
    }

    /// Number of tiles the last frame showed but could not draw yet (stretching a parent).
    pub fn visible_missing(&self) -> usize {
        self.visible_missing
    }

    /// Number of tiles asked for but not yet drawn (the basemap decode and the placing of its
    /// names count as one each), so exports and tests wait for a finished map.
    pub fn pending(&self) -> usize {
        self.in_flight.len()
            + usize::from(self.loading.is_some())
            + usize::from(self.labels_loading.is_some())
    }

    /// Call once per frame before the map draws: uploads finished tiles, and starts over if the
    /// style changed (light/dark switch).
    pub fn begin_frame(&mut self, style: TileStyle) {
        self.frame += 1;
        self.poll_loading();
        if style != self.style {
            self.style = style;
            self.cache.clear();
            self.in_flight.clear();
            if let Some(renderer) = &self.renderer {
                renderer.retain(|_, s| *s == style);
            }
            self.preload();
        }
        while let Some(tile) = self.renderer.as_ref().and_then(TileRenderer::try_recv) {
            if tile.style != self.style {
                continue;
            }
            self.in_flight.remove(&tile.key);
            let size = [TILE_SIZE_PX as usize; 2];
            let image = ColorImage::from_rgba_premultiplied(size, &tile.rgba);
            let name = format!("basemap-{}-{}-{}", tile.key.zoom, tile.key.x, tile.key.y);
            let texture = self.ctx.load_texture(name, image, TextureOptions::LINEAR);
            self.evict_if_full();
            self.cache.insert(tile.key, (texture, self.frame));
        }
    }

    /// Call once per frame after the map drew: forget requests for tiles that were not asked for
    /// this frame, so a fast pan does not leave a queue of tiles nobody sees.
    pub fn end_frame(&mut self, wanted: &HashSet<TileKey>) {
        self.visible_missing = if self.basemap.is_some() {
            wanted.iter().filter(|k| !self.cache.contains_key(k)).count()
        } else {
            usize::MAX
        };
        if let Some(renderer) = &self.renderer {
            renderer.retain(|key, _| wanted.contains(key) || key.zoom <= PRELOAD_MAX_ZOOM);
        }
        let queued_or_wanted = |key: &TileKey| wanted.contains(key) || key.zoom <= PRELOAD_MAX_ZOOM;
        self.in_flight.retain(queued_or_wanted);
    }

    fn evict_if_full(&mut self) {
        if self.cache.len() < MAX_CACHED_TILES {
            return;
        }
        let oldest = self
            .cache
            .iter()
            .filter(|(k, _)| k.zoom > PRELOAD_MAX_ZOOM)
            .min_by_key(|(_, (_, used))| *used)
            .map(|(k, _)| *k);
        if let Some(oldest) = oldest {
            self.cache.remove(&oldest);
        }
    }

    fn request(&mut self, key: TileKey) {
        let Some(renderer) = &self.renderer else { return };
        if self.in_flight.insert(key) {
            renderer.request(key, self.style);
        }
    }

    fn cached(&mut self, key: TileKey) -> Option<TextureHandle> {
        let frame = self.frame;
        self.cache.get_mut(&key).map(|(texture, used)| {
            *used = frame;
            texture.clone()
        })
    }
}

/// The ancestor of `id` at `zoom`, and the part of it that covers `id`.
fn ancestor(id: TileKey, zoom: u8) -> (TileKey, Rect) {
    let factor = 1u32 << (id.zoom - zoom);
    let parent = TileKey {
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
        let wanted = key(id);
        if let Some(texture) = self.cached(wanted) {
            return Some(TilePiece::new(
                Tile::Raster(texture),
                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
            ));
        }
        self.request(wanted);
        (0..wanted.zoom).rev().find_map(|zoom| {
            let (parent, uv) = ancestor(wanted, zoom);
            self.cached(parent)
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

/// Wraps the tile source for one frame and records which tiles the map asked for.
pub struct RecordingTiles<'a> {
    /// The real source.
    pub inner: &'a mut OfflineTiles,
    /// Every tile asked for this frame.
    pub wanted: HashSet<TileKey>,
}

impl Tiles for RecordingTiles<'_> {
    fn at(&mut self, id: TileId) -> Option<TilePiece> {
        self.wanted.insert(key(id));
        self.inner.at(id)
    }

    fn attribution(&self) -> Attribution {
        self.inner.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.inner.tile_size()
    }
}
