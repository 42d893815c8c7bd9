//! Other formats a trip is read from and written to: GeoJSON for GIS tools, a spreadsheet CSV,
//! TimelineJS and StoryMapJS JSON, the Office of the Historian's travel records (import only) and
//! a printable handout (export only).
//!
//! Rooms: [`import`] (readers and their dispatcher) and [`export`] (writers) never use each
//! other; what both directions share sits in leaves here: [`html`] (escaping and plain text) and
//! [`csv_layout`] (our CSV columns). Nothing in this folder knows the screen: no `ui`, `state`
//! or `app` (a test enforces it).

pub mod csv_layout;
pub mod export;
pub mod html;
pub mod import;
