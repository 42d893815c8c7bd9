//! The pure trip model: documents, time, geography and validation.
//!
//! Nothing here imports egui, eframe or walkers (a test enforces it), so the model can be used by
//! the CLI, the tests and any future front end alike. The document ([`trip::Trip`]) holds what
//! the file says; [`resolve::resolve`] checks it and derives the typed [`chronology::Chronology`].

pub mod chronology;
pub mod describe;
pub mod edit;
pub mod filter;
pub mod geo;
pub mod journeys;
pub mod limits;
pub mod new_event;
pub mod problem;
pub mod refs;
pub mod resolve;
pub mod search_index;
pub mod slides;
pub mod stats;
pub mod synthetic;
pub mod time;
pub mod timescale;
pub mod trip;

pub use chronology::{Chronology, ResolvedEvent, ResolvedPlace, Stop};
pub use filter::{Filter, SearchHit};
pub use geo::{GeoBounds, LatLon};
pub use problem::{FieldPath, PathSegment, Problem, Severity};
pub use resolve::{Resolution, resolve};
pub use stats::TripStats;
pub use time::{Precision, TripTime};
pub use trip::{Event, EventKind, Media, Meeting, Person, Place, Quote, Source, Trip};
