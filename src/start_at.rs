//! Where the app starts in a trip: at an event (`itinera FILE --event ID`, or `FILE#ID` as
//! *Copy event reference* writes it), presenting (`--present`), at a slide (`--slide N`).
//!
//! A reference is resolved once the trip has loaded (a large file loads in the background), into
//! the same commands a click would send, so selection, map and timeline follow as usual. An id
//! the trip does not have is reported in words, naming the file and a few of its ids.

use std::path::{Path, PathBuf};

use crate::command::Command;
use crate::model::Trip;
use crate::model::slides::Slide;
use crate::state::AppState;

/// Where to start in the opened trip.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartAt {
    /// Select this event (by id) and bring it into view.
    pub event: Option<String>,
    /// Start presenting.
    pub present: bool,
    /// The slide to present first, counted from 1 (with `present`).
    pub slide: Option<usize>,
}

impl StartAt {
    /// Whether this asks for anything beyond opening the trip.
    pub fn is_some(&self) -> bool {
        self.event.is_some() || self.present || self.slide.is_some()
    }

    /// The commands that take `state`'s open trip (from `path`) to this start, or a message
    /// saying why not.
    pub fn commands(&self, state: &AppState, path: &Path) -> Result<Vec<Command>, String> {
        let Some((trip, chronology)) = state.trip() else {
            return Ok(Vec::new());
        };
        let mut commands = Vec::new();
        let event = match &self.event {
            Some(id) => Some(event_index(trip, id).ok_or_else(|| unknown_event(trip, id, path))?),
            None => None,
        };
        if let Some(index) = event {
            commands.push(Command::Select(Some(index)));
        }
        if self.present || self.slide.is_some() {
            commands.push(Command::Present(true));
            let deck = crate::model::slides::deck(trip, chronology);
            let slide = match (self.slide, event) {
                (Some(n), _) if n == 0 || n > deck.len() => {
                    return Err(format!(
                        "{} has {} slides; --slide {n} is not one of them (1 to {}).",
                        path.display(),
                        deck.len(),
                        deck.len()
                    ));
                }
                (Some(n), _) => Some(n - 1),
                // Presenting at an event starts at its slide, when it has one.
                (None, Some(index)) => deck.iter().position(|s| *s == Slide::Event(index)),
                (None, None) => None,
            };
            if let Some(slide) = slide {
                commands.push(Command::SlideGoTo(slide));
            }
        }
        Ok(commands)
    }
}

fn event_index(trip: &Trip, id: &str) -> Option<usize> {
    trip.events.iter().position(|e| e.id == id)
}

fn unknown_event(trip: &Trip, id: &str, path: &Path) -> String {
    let some: Vec<&str> = trip.events.iter().take(5).map(|e| e.id.as_str()).collect();
    let more = if trip.events.len() > some.len() {
        ", …"
    } else {
        ""
    };
    format!(
        "{} has no event with the id `{id}`. Its events' ids are {}{more}; check the reference \
         (FILE#ID) for a typo, or copy it again with *Copy event reference*.",
        path.display(),
        some.join(", ")
    )
}

/// Split `FILE#ID` into the file and the event id. A path that exists as written is a file,
/// even with a `#` in its name; so is one whose part before the last `#` does not exist.
pub fn split_reference(path: &Path) -> (PathBuf, Option<String>) {
    if path.exists() {
        return (path.to_owned(), None);
    }
    let text = path.to_string_lossy();
    match text.rsplit_once('#') {
        Some((file, id)) if !id.is_empty() && Path::new(file).exists() => {
            (PathBuf::from(file), Some(id.to_owned()))
        }
        _ => (path.to_owned(), None),
    }
}

/// The reference *Copy event reference* copies: the trip file (absolute, so it opens from any
/// folder) and the event's id.
pub fn event_reference(path: &Path, id: &str) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    format!("{}#{id}", absolute.display())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_splits_at_the_last_hash_when_the_file_before_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        let trip = dir.path().join("trip.toml");
        std::fs::write(&trip, "").unwrap();
        let reference = PathBuf::from(format!("{}#astana-nazarbayev", trip.display()));
        assert_eq!(
            split_reference(&reference),
            (trip.clone(), Some("astana-nazarbayev".to_owned()))
        );
        assert_eq!(split_reference(&trip), (trip.clone(), None));
        // A file whose own name has a `#` is opened as it is.
        let hashed = dir.path().join("notes#1.toml");
        std::fs::write(&hashed, "").unwrap();
        assert_eq!(split_reference(&hashed), (hashed.clone(), None));
        // Nothing before the `#` exists: left whole, so the error names what was typed.
        let missing = PathBuf::from("/no/such/trip.toml#x");
        assert_eq!(split_reference(&missing), (missing.clone(), None));
    }

    #[test]
    fn a_copied_reference_opens_the_same_event() {
        let dir = tempfile::tempdir().unwrap();
        let trip = dir.path().join("trip.toml");
        std::fs::write(&trip, "").unwrap();
        let copied = event_reference(&trip, "bishkek-embassy");
        let (file, id) = split_reference(Path::new(&copied));
        assert_eq!(
            std::fs::canonicalize(file).unwrap(),
            std::fs::canonicalize(&trip).unwrap()
        );
        assert_eq!(id.as_deref(), Some("bishkek-embassy"));
    }
}
