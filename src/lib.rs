//! Itinera: explore and present a diplomatic trip on an offline map and a zoomable timeline.
//!
//! # Architecture
//!
//! - [`model`] is pure data and logic (no egui, eframe or walkers): the trip document, local
//!   times with precision and timezones, validation with field paths, and the time-ordered
//!   [`model::Chronology`] derived from it.
//! - [`format`] reads TOML and JSON trip files and turns field paths into `file:line:column`
//!   diagnostics, rendered like rustc's for both the CLI and the app.
//! - [`basemap`] decodes the bundled Natural Earth data and draws raster tiles on the CPU.
//! - [`state`] and [`command`] are the single mutation path: panels send commands, and
//!   [`state::AppState::apply`] applies them once per frame.
//! - [`ui`] draws panels from the state; [`app`] wires them into an eframe window; [`cli`] is the
//!   command line.

pub mod app;
pub mod basemap;
pub mod cli;
pub mod command;
pub mod countries;
pub mod document;
pub mod format;
pub mod gazetteer;
pub mod interchange;
pub mod model;
pub mod reload;
pub mod state;
pub mod ui;

pub use app::App;

/// Path of the bundled Kerry 2015 trip inside the source tree, opened when no file is given.
pub const BUNDLED_TRIP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/kerry-central-asia-2015.toml");
