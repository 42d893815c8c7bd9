//! The one path by which the UI changes application state.
//!
//! Panels never mutate [`crate::state::AppState`] directly: they push a [`Command`] onto a
//! [`Commands`] queue, and the app applies the queue once per frame, after drawing. The map,
//! the timeline, keyboard shortcuts, the editor, undo, presentation mode and tests all go through
//! [`crate::state::AppState::apply`], so they cannot disagree. What a command asks of a view
//! rather than of the state (show a chooser, frame the map) comes back from `apply` as an
//! [`Effect`], so the state never holds requests that views would have to clear.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use crate::document::Opening;
use crate::model::EventKind;
use crate::model::edit::Edit;

/// A trip file read and checked off the UI thread: the check, or the report of why the file
/// could not be read. Taken once by the state; commands compare equal only to themselves.
#[derive(Clone, Debug)]
pub struct Loaded(pub Arc<Mutex<Option<Opening>>>);

impl Loaded {
    /// Wrap a finished check.
    pub fn new(opening: Opening) -> Self {
        Self(Arc::new(Mutex::new(Some(opening))))
    }

    /// The check, the first time it is asked for.
    pub fn take(&self) -> Option<Opening> {
        self.0.lock().ok().and_then(|mut r| r.take())
    }
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select an event by its index in `Trip::events`, or clear the selection.
    Select(Option<usize>),
    /// Select the event this many steps later (negative: earlier) in time order.
    Step(isize),
    /// Follow one traveller or journey of a collection (`None`: back to all).
    Focus(Option<crate::model::journeys::Focus>),
    /// Select the first event.
    SelectFirst,
    /// Select the last event.
    SelectLast,
    /// Open a trip file.
    Open(PathBuf),
    /// Take a trip file that was read and checked in the background (see [`Loaded`]).
    Opened(PathBuf, Loaded),
    /// Show the in-app file chooser.
    ShowOpenDialog,
    /// Frame the whole trip on the map.
    FitMap,
    /// Close the window that shows a file's problems.
    DismissProblems,
    /// Search for this text (empty clears the search).
    SetQuery(String),
    /// Add or remove an event kind from the filter.
    ToggleKind(EventKind),
    /// Add or remove a country code from the filter.
    ToggleCountry(String),
    /// Add or remove a person id from the filter.
    TogglePerson(String),
    /// Keep only events overlapping this UTC window, or stop filtering by time.
    SetTimeWindow(Option<(DateTime<Utc>, DateTime<Utc>)>),
    /// Remove the search and every filter.
    ClearFilters,
    /// Start (true) or leave (false) the presentation.
    Present(bool),
    /// Move this many slides (negative: back).
    SlideStep(isize),
    /// Go to the first slide.
    SlideFirst,
    /// Go to the last slide.
    SlideLast,
    /// Go to the slide at this index (0 for the first; past the end, the last).
    SlideGoTo(usize),
    /// Blank or unblank the screen.
    ToggleBlank,
    /// Start or pause autoplay.
    SetAutoplay(bool),
    /// Change the open trip (recorded for undo).
    Edit(Edit),
    /// The field being edited lost focus: the next edit starts a new undo step.
    EndEdit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Save the open trip to its file.
    Save,
    /// Save the open trip to another file, which it then belongs to.
    SaveAs(PathBuf),
    /// Start a new, empty trip to be saved at this path.
    NewTrip(PathBuf),
    /// Write the open trip in another format to this file (its previous version kept as .bak).
    Export(crate::interchange::export::ExportFormat, PathBuf),
    /// Show a message to the user (e.g. where a picture was saved).
    Notify(String),
    /// Close the message shown to the user.
    DismissNotice,
    /// The open file's stamp on disk changed: look at the new version.
    DiskChanged,
    /// After an outside change while there were local edits: keep the local version.
    KeepMine,
    /// After an outside change while there were local edits: take the version on disk.
    LoadTheirs,
    /// Hide the banner about an invalid outside change.
    DismissReloadProblems,
    /// Wait for a map click to place `Trip::places[i]` (or stop waiting).
    PickOnMap(Option<usize>),
    /// The map was clicked here while waiting for [`Command::PickOnMap`]: move the place there
    /// and take the timezone of the nearest city (one undo step).
    PlaceAt(crate::model::LatLon),
}

/// Something a command asks of the views rather than of the state; returned by
/// [`crate::state::AppState::apply`] for the app to hand to the view concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Show the in-app file chooser to open a trip.
    ShowOpenDialog,
    /// Frame the whole trip (or the focus) on the map (a new trip appears framed at once; a
    /// re-fit glides).
    FitMap,
    /// Frame the focus (or the whole trip) on the timeline.
    FitTimeline,
}

/// Commands collected during one frame.
#[derive(Debug, Default)]
pub struct Commands {
    queue: Vec<Command>,
}

impl Commands {
    /// Ask for `command` to be applied at the end of this frame.
    pub fn send(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Take every queued command, oldest first.
    pub fn drain(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.queue)
    }
}
