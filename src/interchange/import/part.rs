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
    /// Where each event of the part's trip came from, in the order of `trip.events`: so a
    /// problem found in the trip afterwards is reported at the input's line and column.
    pub origins: Vec<Origin>,
}

/// Where one imported event's record is in the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// Line of the record (1-based).
    pub line: usize,
    /// Column of the record (1-based, in characters).
    pub column: usize,
    /// Where single fields are, for formats that give them one by one (a CSV row's cells, an
    /// XML record's elements), by the event field they hold (`start`, `quotes`) or, for its
    /// place, `place.` and the place's field (`place.lat`): `(field, line, column)`.
    pub fields: Vec<(String, usize, usize)>,
}

impl Origin {
    /// The record at `line`:`column`, with no field positions.
    pub fn at(line: usize, column: usize) -> Self {
        Self {
            line,
            column,
            fields: Vec::new(),
        }
    }

    /// Line and column of the field `name` (as in [`Origin::fields`]), or of the record.
    pub fn of(&self, name: &str) -> (usize, usize) {
        self.fields
            .iter()
            .find(|(field, ..)| field == name)
            .map_or((self.line, self.column), |&(_, line, column)| (line, column))
    }
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
