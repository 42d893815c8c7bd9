//! Writing a trip in other formats: GeoJSON (`geojson_out`), our CSV (`csv_out`), TimelineJS
//! (`timelinejs_out`) and StoryMapJS (`storymap_out`) JSON, both built from the same slides
//! (`slide_out`), and the handout (`handout`, with map insets drawn by `inset`).
//!
//! Exporters take a trip that opened without errors and its chronology, and only write what the
//! chronology resolved, in time order, so every exported event has real coordinates and times.

pub mod csv_out;
pub mod geojson_out;
pub mod handout;
pub mod inset;
pub mod slide_out;
pub mod storymap_out;
pub mod timelinejs_out;

use std::path::Path;

use crate::format::save::{SaveError, save_atomic};
use crate::model::{Chronology, Trip};

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 5] = [
        Self::Geojson,
        Self::Csv,
        Self::Timelinejs,
        Self::Storymap,
        Self::Handout,
    ];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Geojson => "GeoJSON (GIS)",
            Self::Csv => "CSV (spreadsheet)",
            Self::Timelinejs => "TimelineJS JSON",
            Self::Storymap => "StoryMapJS JSON",
            Self::Handout => "Handout for students (HTML)",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Geojson => "geojson",
            Self::Csv => "csv",
            Self::Timelinejs | Self::Storymap => "json",
            Self::Handout => "html",
        }
    }
}

/// A format `itinera export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// GeoJSON (RFC 7946): a Point per event, a LineString for the route.
    Geojson,
    /// CSV: one row per event, in the columns documented in the README.
    Csv,
    /// TimelineJS JSON: one slide per event, quotes as blockquote media.
    Timelinejs,
    /// StoryMapJS JSON: an overview, then one slide per event at its place.
    Storymap,
    /// A printable, self-contained HTML handout: one section per stop with a map inset.
    Handout,
}

/// The trip written as `format`.
pub fn export_text(trip: &Trip, chronology: &Chronology, format: ExportFormat) -> String {
    let pretty = |value: serde_json::Value| serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
    match format {
        ExportFormat::Geojson => pretty(geojson_out::to_geojson(trip, chronology)),
        ExportFormat::Csv => csv_out::to_csv(trip, chronology),
        ExportFormat::Timelinejs => pretty(timelinejs_out::to_timeline_json(trip, chronology)),
        ExportFormat::Storymap => pretty(storymap_out::to_storymap_json(trip, chronology)),
        ExportFormat::Handout => handout::to_handout_html(trip, chronology),
    }
}

/// Write `text` to `path` safely (atomic, previous version kept as `.bak`).
pub fn write_export(path: &Path, text: &str) -> Result<(), SaveError> {
    save_atomic(path, text.as_bytes())
}
