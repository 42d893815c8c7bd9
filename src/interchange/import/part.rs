//! What one reader returns for one file, and how it adds the people and sources it knows to
//! the trip it reads into. A leaf every reader depends on; the dispatcher ([`super`]) adds up
//! the parts.

use super::import_problem::ImportProblem;
use super::progress::Cancelled;
use crate::model::{Person, Source, Trip};

/// What one importer read from one file.
#[derive(Clone, Debug, Default)]
pub struct Part {
    /// Records (rows, events, features, trip records) in the file.
    pub records: usize,
    /// Records that became events with a place.
    pub placed: usize,
    /// Of those, the ones placed only at a region's or country's centre.
    pub approximate: usize,
    /// Things the user should know; the import still succeeded.
    pub warnings: Vec<ImportProblem>,
}

/// What an importer returns: `Err` when cancelled; otherwise the part read, or the file's errors.
pub type PartRead = Result<Result<Part, Vec<ImportProblem>>, Cancelled>;

/// Add the people and sources whose ids `trip` does not have yet (an id names the same
/// person or source in every file).
pub fn add_missing(trip: &mut Trip, people: Vec<Person>, sources: Vec<Source>) {
    for person in people {
        if trip.person(&person.id).is_none() {
            trip.people.push(person);
        }
    }
    for source in sources {
        if trip.source(&source.id).is_none() {
            trip.sources.push(source);
        }
    }
}
