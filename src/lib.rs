//! Itinera: explore and present a diplomatic trip on an offline map and a zoomable timeline.
//!
//! # Architecture
//!
//! Rooms from the bottom up; each names only rooms below it (`tests/architecture.rs` checks it):
//!
//! - [`model`] is pure data and logic (no egui, eframe or walkers): the trip document, local
//!   times with precision and timezones, validation with field paths, edits with undo, and the
//!   time-ordered [`model::Chronology`] derived from it.
//! - [`format`] reads TOML and JSON trip files, turns field paths into `file:line:column`
//!   diagnostics (rendered like rustc's for the CLI and the app) and saves files atomically;
//!   [`countries`] names countries and [`gazetteer`] finds cities.
//! - [`basemap`] decodes the bundled Natural Earth data, owns the map's colours
//!   ([`basemap::style`]) and draws raster tiles on the CPU.
//! - [`interchange`] reads other tools' files (`import/`) and writes them (`export/`); the two
//!   never name each other. [`generate`] makes synthetic collections for benchmarks.
//! - [`document`] is an open trip file with its history; [`reload`] notices outside changes.
//! - [`command`] and [`state`] are the single mutation path: panels send commands,
//!   [`state::AppState::apply`] applies them and returns [`command::Effect`]s for the views.
//! - [`ui`] draws panels from the state; [`app`] wires them into an eframe window and runs the
//!   window-bound exports; [`cli`] is the command line.

pub mod app;
pub mod basemap;
pub mod cli;
pub mod command;
pub mod countries;
pub mod document;
pub mod format;
pub mod gazetteer;
pub mod generate;
pub mod interchange;
pub mod model;
pub mod reload;
pub mod start_at;
pub mod state;
pub mod ui;
pub mod video;

pub use app::App;

/// Path of the bundled Kerry 2015 trip inside the source tree, opened when no file is given.
pub const BUNDLED_TRIP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/kerry-central-asia-2015.toml");

/// A trip or collection that ships with the app, for *File ▸ Open example* and `--example`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// The name `--example` takes.
    pub name: &'static str,
    /// What the menu says.
    pub title: &'static str,
    /// The file inside the source tree.
    pub path: &'static str,
}

/// The bundled examples: the Kerry 2015 trip, and every official foreign trip of the U.S.
/// presidents and secretaries of state (imported from `data/travels/`).
pub const EXAMPLES: [Example; 2] = [
    Example {
        name: "kerry-2015",
        title: "John Kerry in Central Asia, 2015",
        path: BUNDLED_TRIP,
    },
    Example {
        name: "official-travels",
        title: "Official travels of U.S. presidents and secretaries of state",
        path: concat!(env!("CARGO_MANIFEST_DIR"), "/data/official-travels.toml"),
    },
];
