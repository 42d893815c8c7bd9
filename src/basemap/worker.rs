//! Background tile rendering: requests in, RGBA tiles out, never on the UI thread.
//!
//! Requests are served newest first, because when a user pans, the tiles asked for last are the
//! ones on screen; stale requests can be dropped with [`TileRenderer::retain`]. A request that
//! is already queued is not queued twice. Workers stop when the renderer is dropped.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;

use super::Basemap;
use super::render::{TileStyle, render_tile};

/// A slippy-map tile address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileKey {
    /// Zoom level, 0 = the whole world in one tile.
    pub zoom: u8,
    /// Column, 0 at 180° W.
    pub x: u32,
    /// Row, 0 at the north edge.
    pub y: u32,
}

/// A finished tile.
#[derive(Clone, Debug)]
pub struct RenderedTile {
    /// Which tile.
    pub key: TileKey,
    /// The style it was drawn in (a result for an old style is stale).
    pub style: TileStyle,
    /// Premultiplied RGBA, `size_px`² pixels.
    pub rgba: Vec<u8>,
}

#[derive(Default)]
struct Queue {
    requests: Vec<(TileKey, TileStyle)>,
    shutting_down: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    wake_workers: Condvar,
}

/// A pool of threads drawing basemap tiles.
pub struct TileRenderer {
    shared: Arc<Shared>,
    results: Receiver<RenderedTile>,
    workers: Vec<JoinHandle<()>>,
}

impl TileRenderer {
    /// Start `threads` workers drawing `basemap` tiles of `size_px`; `on_done` is called after
    /// each tile (the UI uses it to request a repaint).
    pub fn new(
        basemap: Arc<Basemap>,
        size_px: u32,
        threads: usize,
        on_done: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            wake_workers: Condvar::new(),
        });
        let on_done = Arc::new(on_done);
        let (sender, results) = channel();
        let workers = (0..threads.max(1))
            .filter_map(|i| {
                let (shared, basemap, sender, on_done) =
                    (shared.clone(), basemap.clone(), sender.clone(), on_done.clone());
                std::thread::Builder::new()
                    .name(format!("tile-render-{i}"))
                    .spawn(move || work(&shared, &basemap, size_px, &sender, &*on_done))
                    .map_err(|e| log::error!("could not start a tile renderer thread: {e}"))
                    .ok()
            })
            .collect();
        Self {
            shared,
            results,
            workers,
        }
    }

    /// Ask for `key` in `style`. Does nothing if it is already queued.
    pub fn request(&self, key: TileKey, style: TileStyle) {
        let mut queue = self.shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(existing) = queue.requests.iter().position(|r| *r == (key, style)) {
            // Move it to the front of the line: it is wanted again now.
            let request = queue.requests.remove(existing);
            queue.requests.push(request);
        } else {
            queue.requests.push((key, style));
        }
        self.shared.wake_workers.notify_one();
    }

    /// Drop queued requests for which `keep` is false (e.g. tiles no longer on screen).
    pub fn retain(&self, keep: impl Fn(&TileKey, &TileStyle) -> bool) {
        let mut queue = self.shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.requests.retain(|(key, style)| keep(key, style));
    }

    /// How many requests are waiting.
    pub fn queued(&self) -> usize {
        self.shared
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .requests
            .len()
    }

    /// A finished tile, if one is ready.
    pub fn try_recv(&self) -> Option<RenderedTile> {
        self.results.try_recv().ok()
    }
}

impl Drop for TileRenderer {
    fn drop(&mut self) {
        self.shared
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .shutting_down = true;
        self.shared.wake_workers.notify_all();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

fn work(shared: &Shared, basemap: &Basemap, size_px: u32, sender: &Sender<RenderedTile>, on_done: &dyn Fn()) {
    loop {
        let (key, style) = {
            let mut queue = shared.queue.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if queue.shutting_down {
                    return;
                }
                if let Some(request) = queue.requests.pop() {
                    break request;
                }
                queue = shared
                    .wake_workers
                    .wait(queue)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        let rgba = render_tile(basemap, &style, key.zoom, key.x, key.y, size_px);
        if sender.send(RenderedTile { key, style, rgba }).is_err() {
            return;
        }
        on_done();
    }
}
