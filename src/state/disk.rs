//! The state's side of files on disk: opening a checked file, saving, exporting, and a new
//! version written by another program (taken when nothing is unsaved, else a conflict to ask
//! about, kept out when it has errors).
//!
//! Invariant: the open trip is replaced only by a valid file; a failed save or export changes
//! nothing but the message shown.

use std::path::{Path, PathBuf};

use super::{AppState, OpenTrip, Opening};
use crate::document::FileStamp;
use crate::model::Filter;
use crate::reload::{self, DiskChange, TheirVersion};

impl AppState {
    /// Look at the open file's new version on disk and take it, ask about it, or report it.
    pub(super) fn disk_changed(&mut self) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        match reload::examine(&open.path, &open.saved_text) {
            DiskChange::Same => {
                // Back to the version the app has (a broken edit undone): nothing to report.
                open.disk_stamp = FileStamp::of(&open.path);
                self.reload_problems = None;
            }
            DiskChange::Invalid(report) => {
                open.disk_stamp = FileStamp::of(&open.path);
                self.reload_problems = Some(report);
            }
            DiskChange::Valid(theirs) => {
                open.disk_stamp = theirs.stamp;
                self.reload_problems = None;
                if open.is_dirty() {
                    self.conflict = Some(theirs);
                } else {
                    self.take_theirs(theirs);
                }
            }
        }
    }

    /// Replace the open trip by the version on disk, keeping the selected event (by its id).
    pub(super) fn take_theirs(&mut self, theirs: TheirVersion) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let selected_id = self
            .selection
            .and_then(|i| open.trip.events.get(i))
            .map(|e| e.id.clone());
        open.replace_with(theirs.trip, theirs.text, theirs.stamp);
        self.selection = selected_id.and_then(|id| open.trip.events.iter().position(|e| e.id == id));
        self.conflict = None;
        self.content_changed();
    }

    /// Export the open trip; the message says where it went or why it did not.
    pub(super) fn export(
        &self,
        format: crate::interchange::export::ExportFormat,
        path: &std::path::Path,
    ) -> String {
        let Some(open) = &self.open else {
            return "There is no trip to export.".to_owned();
        };
        let errors = open.report.count(crate::model::Severity::Error);
        if errors > 0 {
            return format!(
                "The trip has {errors} errors; fix them before exporting (see the problems list)."
            );
        }
        let text = crate::interchange::export::export_text(&open.trip, &open.chronology, format);
        match crate::interchange::export::write_export(path, &text) {
            Ok(()) => format!("Exported {} to {}", format.label(), path.display()),
            Err(error) => format!("The export failed: {error}"),
        }
    }

    pub(super) fn save(&mut self, path: Option<PathBuf>) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let result = match path {
            Some(path) => open.save_as(&path),
            None => open.save(),
        };
        match result {
            // What is on disk now is the open trip: problems of an earlier version are gone.
            Ok(()) => self.reload_problems = None,
            Err(error) => self.notice = Some(format!("{error}. The file on disk is unchanged.")),
        }
    }

    pub(super) fn open_file(&mut self, path: &Path) {
        self.finish_open(path, Opening::read(path));
    }

    /// Take a checked file: open it if it is valid, else show its problems.
    pub(super) fn finish_open(&mut self, path: &Path, opening: Opening) {
        let checked = match opening.checked {
            Ok(checked) => checked,
            Err(report) => {
                self.problems = Some(report);
                return;
            }
        };
        match checked.into_valid() {
            Ok((trip, resolution, report)) => {
                // Another trip's people and countries mean nothing here; reopening keeps them.
                if self.open.as_ref().is_none_or(|o| o.path != path) {
                    self.filter = Filter::default();
                }
                self.open = Some(OpenTrip::loaded(path, trip, resolution, report));
                self.after_load(opening.stats);
            }
            Err(report) => self.problems = Some(report),
        }
    }
}
