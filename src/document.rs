//! An open trip file: the document, what it looked like on disk, its derived chronology and its
//! edit history. Saving writes through `format::save::save_atomic`, the one function that writes
//! trip files (the importer's `save_imported` uses it too).
//!
//! Invariants: `chronology` and `problems` are always those of `trip` (every change re-resolves);
//! `saved_text` is exactly what the file held when it was last read or written, so saving can
//! keep every comment and untouched line; `history.is_dirty()` tells whether `trip` differs from
//! it.

use std::path::{Path, PathBuf};

use crate::format::save::{SaveError, save_atomic};
use crate::format::write::{WriteError, to_text};
use crate::format::{Checked, FileFormat, Report};
use crate::model::edit::{Edit, EditError, History};
use crate::model::{Chronology, Problem, Resolution, Trip, TripStats, resolve};

/// Why saving failed; the file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveFailure {
    /// The trip could not be turned into text.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The file could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// A trip file read and checked for opening (on any thread), with the numbers derived from it
/// there too, so a big file costs the window nothing more once it arrives.
#[derive(Clone, Debug)]
pub struct Opening {
    /// The check, or a report of why the file could not be read.
    pub checked: Result<Checked, Report>,
    /// The whole trip's headline numbers, when it is valid.
    pub stats: Option<TripStats>,
}

impl Opening {
    /// Read and check the trip file at `path`.
    pub fn read(path: &Path) -> Self {
        let checked = crate::format::check_file(path)
            .map_err(|error| Report::unreadable(path, error, "check the path and that the file is readable"));
        let stats = match &checked {
            Ok(Checked {
                trip: Some(trip),
                resolution: Some(resolution),
                report,
            }) if !report.has_errors() => Some(TripStats::of(trip, &resolution.chronology)),
            _ => None,
        };
        Self { checked, stats }
    }
}

/// A trip file that is open in the app.
#[derive(Clone, Debug)]
pub struct OpenTrip {
    /// Where it is read from and saved to.
    pub path: PathBuf,
    /// TOML or JSON, from the file name.
    pub format: FileFormat,
    /// The document as edited.
    pub trip: Trip,
    /// Its resolved, ordered view.
    pub chronology: Chronology,
    /// Current validation problems of `trip` (shown beside the editor's fields).
    pub problems: Vec<Problem>,
    /// Warnings found when the file was opened.
    pub report: Report,
    /// The file's text when last read or saved.
    pub saved_text: String,
    /// Undo and redo.
    pub history: History,
    /// The file's modification time and size when last read or written, to notice outside
    /// changes.
    pub disk_stamp: Option<FileStamp>,
}

/// What identifies a version of a file on disk without reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    /// Last modification time.
    pub modified: Option<std::time::SystemTime>,
    /// Size in bytes.
    pub len: u64,
}

impl FileStamp {
    /// The stamp of the file at `path` now, or `None` if it cannot be read.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

impl OpenTrip {
    /// A trip that was read from `path` and checked without errors.
    ///
    /// Keeps the resolution's warnings, so the editor shows them beside their fields from the
    /// start rather than after the first edit.
    pub fn loaded(path: &Path, trip: Trip, resolution: Resolution, mut report: Report) -> Self {
        // The report needs the text only to quote lines of its diagnostics: without any, the
        // text moves instead of being copied (a 600 MB file would otherwise be held twice).
        let saved_text = if report.diagnostics.is_empty() {
            std::mem::take(&mut report.text)
        } else {
            report.text.clone()
        };
        Self {
            path: path.to_path_buf(),
            format: FileFormat::of(path),
            saved_text,
            trip,
            chronology: resolution.chronology,
            problems: resolution.problems,
            report,
            history: History::new(),
            disk_stamp: FileStamp::of(path),
        }
    }

    /// A new, empty trip to be saved at `path`.
    pub fn new_file(path: &Path) -> Self {
        let trip = Trip {
            format: crate::model::trip::FORMAT_VERSION,
            title: "Untitled trip".to_owned(),
            ..Trip::default()
        };
        let mut open = Self::loaded(
            path,
            trip,
            Resolution::default(),
            Report::new(path, String::new()),
        );
        open.refresh();
        // Never saved: closing it unsaved should ask.
        open.history = History::default();
        open
    }

    /// Apply an edit (recorded for undo).
    pub fn edit(&mut self, edit: Edit) -> Result<(), EditError> {
        self.history.apply(&mut self.trip, edit)?;
        self.refresh();
        Ok(())
    }

    /// Undo the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let undone = self.history.undo(&mut self.trip);
        self.refresh();
        undone
    }

    /// Redo the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        let redone = self.history.redo(&mut self.trip);
        self.refresh();
        redone
    }

    /// Whether the trip has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Save to `path` (which becomes the file's path), keeping the previous version as `.bak`.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveFailure> {
        let format = FileFormat::of(path);
        // Another file (or format) starts from nothing: no old comments to keep.
        let original = if path == self.path && format == self.format {
            self.saved_text.as_str()
        } else {
            ""
        };
        let text = to_text(&self.trip, format, original)?;
        save_atomic(path, text.as_bytes())?;
        self.path = path.to_path_buf();
        self.format = format;
        self.saved_text = text;
        self.history.mark_saved();
        self.disk_stamp = FileStamp::of(path);
        Ok(())
    }

    /// Save to the file's own path.
    pub fn save(&mut self) -> Result<(), SaveFailure> {
        let path = self.path.clone();
        self.save_as(&path)
    }

    /// The window title: the file name, marked when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let name = self
            .path
            .file_name()
            .map_or_else(|| "untitled".into(), |n| n.to_string_lossy());
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{name} — Itinera")
    }

    /// Take the version now on disk (`text`, already checked into `trip`), dropping local edits
    /// and their history.
    pub fn replace_with(&mut self, trip: Trip, text: String, stamp: Option<FileStamp>) {
        self.trip = trip;
        self.saved_text = text;
        self.history = History::new();
        self.disk_stamp = stamp;
        self.refresh();
    }

    /// Re-derive the chronology and problems after a change.
    fn refresh(&mut self) {
        let resolution = resolve(&self.trip);
        self.chronology = resolution.chronology;
        self.problems = resolution.problems;
    }
}
