//! Everything drawn with egui: panels, the map view and the design tokens they share.
//!
//! UI code reads [`crate::state::AppState`] and sends [`crate::command::Command`]s; it never
//! mutates the model itself.

pub mod accessible;
pub mod announce;
pub mod clock;
pub mod collection_ui;
pub mod contrast;
pub mod detail_ui;
pub mod editor;
pub mod file_dialog;
pub mod files;
pub mod header_ui;
pub mod import_ui;
pub mod map;
pub mod media;
pub mod present;
pub mod recent;
pub mod reload_ui;
pub mod report_ui;
pub mod results_ui;
pub mod splitter;
pub mod theme;
pub mod timeline;
pub mod view_shot;
