//! What happens when the open file changes on disk while the app has it open.
//!
//! With no local edits, the new version is taken at once and the selected event stays selected
//! (found again by its id). With local edits, the user chooses: keep mine, load theirs, or save
//! mine as a copy. A new version with errors is not taken: its problems are shown in a banner and
//! the last good trip stays. Either way nothing the user typed is lost without being asked.

use crate::document::FileStamp;
use crate::format::{self, Report};
use crate::model::Trip;

/// A valid version of the file on disk that differs from the open one.
#[derive(Clone, Debug)]
pub struct TheirVersion {
    /// The document on disk.
    pub trip: Trip,
    /// Its text.
    pub text: String,
    /// Its stamp.
    pub stamp: Option<FileStamp>,
}

/// What to make of the text now on disk.
#[derive(Debug)]
pub enum DiskChange {
    /// The same text as last read or written: nothing to do.
    Same,
    /// A valid new version.
    Valid(TheirVersion),
    /// A version with errors (or unreadable): report it, keep the open trip.
    Invalid(Report),
}

/// Check the text now at the open trip's `path` against `saved_text`.
pub fn examine(path: &std::path::Path, saved_text: &str) -> DiskChange {
    let stamp = FileStamp::of(path);
    let checked = match format::check_file(path) {
        Ok(checked) => checked,
        Err(error) => {
            return DiskChange::Invalid(Report::unreadable(
                path,
                error,
                "the file was moved, deleted or made unreadable; saving writes it again",
            ));
        }
    };
    if checked.report.text == saved_text {
        return DiskChange::Same;
    }
    let text = checked.report.text.clone();
    match checked.into_valid() {
        Ok((trip, _, _)) => DiskChange::Valid(TheirVersion { trip, text, stamp }),
        Err(report) => DiskChange::Invalid(report),
    }
}
