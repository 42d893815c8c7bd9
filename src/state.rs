//! Application state and the single place where commands change it.
//!
//! [`AppState`] holds the open trip, the selection and any problems to show; it has no egui
//! types so tests can drive it directly. UI-only state (map camera, scroll positions) lives with
//! the views in `ui/` and follows this state, e.g. the map flies to a new selection.

use std::path::{Path, PathBuf};

use crate::command::Command;
use crate::format::{self, Report};
use crate::model::{Chronology, Trip};

/// A trip that opened without errors.
#[derive(Clone, Debug)]
pub struct OpenTrip {
    /// Where it was read from.
    pub path: PathBuf,
    /// The document.
    pub trip: Trip,
    /// Its resolved, ordered view.
    pub chronology: Chronology,
    /// Warnings found when it was opened (no errors).
    pub report: Report,
}

/// Everything the panels draw from.
#[derive(Debug, Default)]
pub struct AppState {
    /// The open trip, if any.
    pub open: Option<OpenTrip>,
    /// Index in `Trip::events` of the selected event.
    pub selection: Option<usize>,
    /// Problems of a file that could not be opened; the previous trip stays open meanwhile.
    pub problems: Option<Report>,
    /// Counts trip loads, so views can tell a new trip arrived (e.g. to frame it on the map).
    pub generation: u64,
    /// Set by [`Command::ShowOpenDialog`]; the app shows its file chooser while true.
    pub open_dialog_requested: bool,
    /// Set by [`Command::FitMap`]; the map view frames the trip and clears it.
    pub fit_map_requested: bool,
}

impl AppState {
    /// State with the trip at `path` opened (or its problems shown).
    pub fn with_file(path: &Path) -> Self {
        let mut state = Self::default();
        state.apply(Command::Open(path.to_path_buf()));
        state
    }

    /// The open trip's document and chronology.
    pub fn trip(&self) -> Option<(&Trip, &Chronology)> {
        self.open.as_ref().map(|o| (&o.trip, &o.chronology))
    }

    /// Apply one command. This is the only function that changes the state.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(index) => {
                self.selection = index.filter(|&i| self.chronology().is_some_and(|c| c.event(i).is_some()));
            }
            Command::Step(step) => {
                self.selection = self.chronology().and_then(|c| c.step(self.selection, step))
            }
            Command::SelectFirst => self.selection = self.chronology().and_then(|c| c.order.first().copied()),
            Command::SelectLast => self.selection = self.chronology().and_then(|c| c.order.last().copied()),
            Command::Open(path) => self.open_file(&path),
            Command::ShowOpenDialog => self.open_dialog_requested = true,
            Command::FitMap => self.fit_map_requested = true,
            Command::DismissProblems => self.problems = None,
        }
    }

    fn chronology(&self) -> Option<&Chronology> {
        self.open.as_ref().map(|o| &o.chronology)
    }

    fn open_file(&mut self, path: &Path) {
        let checked = match format::check_file(path) {
            Ok(checked) => checked,
            Err(error) => {
                let mut report = Report::new(path, String::new());
                report.diagnostics.push(format::Diagnostic {
                    severity: crate::model::Severity::Error,
                    message: error.to_string(),
                    help: "check the path and that the file is readable".to_owned(),
                    span: None,
                    field: None,
                });
                self.problems = Some(report);
                return;
            }
        };
        match checked.into_valid() {
            Ok((trip, resolution, report)) => {
                self.open = Some(OpenTrip {
                    path: path.to_path_buf(),
                    trip,
                    chronology: resolution.chronology,
                    report,
                });
                self.selection = None;
                self.problems = None;
                self.generation += 1;
                self.fit_map_requested = true;
            }
            Err(report) => self.problems = Some(report),
        }
    }
}
