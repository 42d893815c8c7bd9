//! The opt-in online layer: OpenStreetMap tiles drawn over the offline basemap.
//!
//! Off by default. While off, nothing network-related exists: the HTTP tile source is only
//! created when the user turns the layer on, so the app opens no connection at all. When on
//! but offline, tiles that fail to load are simply missing and the offline basemap shows
//! through. Downloaded tiles go to an on-disk HTTP cache, as the OSM tile policy asks.

use std::path::PathBuf;

use egui::Context;
use walkers::sources::OpenStreetMap;
use walkers::{HeaderValue, HttpOptions, HttpTiles};

/// Credit the OpenStreetMap licence requires while its tiles are shown.
pub const OSM_ATTRIBUTION: &str = "© OpenStreetMap contributors";

/// The online layer and whether it is on.
#[derive(Default)]
pub struct OnlineLayer {
    tiles: Option<HttpTiles>,
}

impl OnlineLayer {
    /// Whether online tiles are shown.
    pub fn enabled(&self) -> bool {
        self.tiles.is_some()
    }

    /// Turn the layer on (creating the tile source) or off (dropping it and its connections).
    pub fn set_enabled(&mut self, ctx: &Context, enabled: bool) {
        match (enabled, self.tiles.is_some()) {
            (true, false) => {
                // TLS is needed only from here on; a provider installed earlier is fine too.
                let _ = rustls::crypto::ring::default_provider().install_default();
                self.tiles = Some(HttpTiles::with_options(
                    OpenStreetMap,
                    http_options(),
                    ctx.clone(),
                ));
            }
            (false, true) => self.tiles = None,
            _ => {}
        }
    }

    /// The tile source, when on.
    pub fn tiles_mut(&mut self) -> Option<&mut HttpTiles> {
        self.tiles.as_mut()
    }
}

fn http_options() -> HttpOptions {
    let user_agent = format!(
        "Itinera/{} (desktop trip viewer; offline-first, online tiles opted in by the user)",
        env!("CARGO_PKG_VERSION")
    );
    HttpOptions {
        cache: cache_dir(),
        user_agent: HeaderValue::from_str(&user_agent).ok(),
        ..HttpOptions::default()
    }
}

/// `$XDG_CACHE_HOME/itinera/tiles`, or `~/.cache/itinera/tiles`.
fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
    Some(base.join("itinera").join("tiles"))
}
