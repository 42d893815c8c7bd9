//! What the app shows, read from outside: for tests (kittest drives the real app and asserts
//! on its state) and for embedding. Reading only, except [`App::send`] and [`App::look_at`],
//! which go through the same command path and camera as a click.

use std::path::PathBuf;

use super::App;
use crate::command::Command;
use crate::state::AppState;
use crate::ui::timeline::TimelineView;

impl App {
    /// The message shown to the user, if any (e.g. where slides were saved).
    pub fn notice(&self) -> Option<&str> {
        self.state.notice()
    }

    /// Recently opened and saved files, newest first.
    pub fn recent_files(&self) -> &[PathBuf] {
        self.recent.paths()
    }

    /// Whether the presenter console is open.
    pub fn console_open(&self) -> bool {
        self.present.console_open()
    }

    /// Whether OpenStreetMap tiles are shown (off by default).
    pub fn online_tiles(&self) -> bool {
        self.map.online()
    }

    /// The application state, for tests and embedding.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The map's current zoom level.
    pub fn map_zoom(&self) -> f64 {
        self.map.zoom()
    }

    /// Point the map at `centre` with `zoom`, at once.
    pub fn look_at(&mut self, centre: crate::model::LatLon, zoom: f64) {
        self.map.look_at(centre, zoom);
    }

    /// The geographic centre of the map view.
    pub fn map_centre(&self) -> crate::model::LatLon {
        self.map.centre()
    }

    /// Queue a command as if the user had asked for it.
    pub fn send(&mut self, command: Command) {
        self.commands.send(command);
    }

    /// The timeline's view state.
    pub fn timeline(&self) -> &TimelineView {
        &self.timeline
    }

    /// Basemap tiles still being drawn in the background.
    pub fn tiles_pending(&self) -> usize {
        self.map.tiles_pending()
    }
}
