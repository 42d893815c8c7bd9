//! Other formats a trip can be written to (and, later, read from): GeoJSON for GIS tools and a
//! spreadsheet-friendly CSV.
//!
//! Exporters take a trip that opened without errors and its chronology, and only write what the
//! chronology resolved, in time order, so every exported event has real coordinates and times.

pub mod csv_in;
pub mod csv_out;
pub mod geojson;

use std::path::Path;

use crate::format::save::{SaveError, save_atomic};

/// A format `itinera export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// GeoJSON (RFC 7946): a Point per event, a LineString for the route.
    Geojson,
    /// CSV: one row per event, in the columns documented in the README.
    Csv,
}

/// Write `text` to `path` safely (atomic, previous version kept as `.bak`).
pub fn write_export(path: &Path, text: &str) -> Result<(), SaveError> {
    save_atomic(path, text.as_bytes())
}
