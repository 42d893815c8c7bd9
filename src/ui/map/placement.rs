//! Where names go on the map, kept between frames.
//!
//! Placing names tests every candidate against every box already taken (markers, controls,
//! names placed before it). A frame whose view, markers and basemap names are those of the
//! frame before places nothing again: it reuses the spots and the laid-out basemap names.
//! Invariant: a placement is reused only under an equal [`PlacementKey`].

use std::sync::Arc;

use egui::{Galley, Pos2, Rect, Vec2};

use super::scene::SceneKey;
use crate::basemap::labels::ScreenBox;

/// Everything a placement depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacementKey {
    /// What the markers were built for.
    pub scene: SceneKey,
    /// Points per unit of Mercator (the zoom) and where Mercator (0, 0) is (the pan).
    pub view: (f64, Vec2),
    /// The map's rectangle.
    pub clip: Rect,
    /// How many basemap names there are (they arrive after the first frames).
    pub basemap_names: usize,
    /// Boxes the map's controls cover.
    pub reserved: Vec<ScreenBox>,
    /// Dark or light theme (name colours are baked into the laid-out text).
    pub dark_mode: bool,
    /// Physical pixels per point (text sizes depend on it).
    pub pixels_per_point: f32,
    /// Size of names relative to the main view's (larger on slides).
    pub label_scale: f32,
}

/// A basemap name placed on screen.
#[derive(Clone, Debug)]
pub struct PlacedName {
    /// The anchor: a city's dot, a country's visual centre.
    pub anchor: Pos2,
    /// Laid-out text, coloured.
    pub galley: Arc<Galley>,
    /// Where the text goes.
    pub rect: Rect,
    /// Whether it names a city (drawn with a dot).
    pub city: bool,
}

/// The names placed for one view.
#[derive(Clone, Debug, Default)]
pub struct Placement {
    /// Per visible marker (in the order they were found), where its name goes, if anywhere.
    pub marker_names: Vec<Option<Rect>>,
    /// The basemap names that fit around the markers and their names.
    pub basemap_names: Vec<PlacedName>,
}

/// The last placement and what it was made for.
#[derive(Debug, Default)]
pub struct PlacementCache {
    key: Option<PlacementKey>,
    placement: Placement,
}

impl PlacementCache {
    /// The placement for `key`, made by `place` unless the last one was made for it.
    pub fn get(&mut self, key: PlacementKey, place: impl FnOnce() -> Placement) -> &Placement {
        if self.key.as_ref() != Some(&key) {
            self.placement = place();
            self.key = Some(key);
        }
        &self.placement
    }
}
