//! Checking what one file imported before anything is merged or written: every error the
//! trip's validation finds is reported at the line and column of the input record it came
//! from (of the cell or element itself where the format gives fields one by one), so the
//! fix is made where it belongs, in the file being imported.
//!
//! Invariant: `origins` lists where each of the trip's events came from, in the order of
//! `trip.events`; a problem it cannot place in the input is reported at 1:1, never dropped.

use super::import_problem::ImportProblem;
use super::part::Origin;
use crate::model::{PathSegment, Severity, Trip, resolve};

/// The validation errors of `trip`, read from one file, located in that file.
pub fn located_errors(trip: &Trip, origins: &[Origin]) -> Vec<ImportProblem> {
    resolve(trip)
        .problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|problem| {
            let (origin, label, field) = match problem.path.0.as_slice() {
                [PathSegment::Key(list), PathSegment::Index(i), rest @ ..] if list == "events" => {
                    let label = trip.events.get(*i).map(event_label);
                    (
                        origins.get(*i),
                        label,
                        first_key(rest).unwrap_or_default().to_owned(),
                    )
                }
                [PathSegment::Key(list), PathSegment::Index(i), rest @ ..] if list == "places" => {
                    // A place comes from the first record that named it.
                    let place = trip.places.get(*i);
                    let first = place.and_then(|p| trip.events.iter().position(|e| e.place == p.id));
                    let label = place.map(|p| format!("the place `{}` (\"{}\")", p.id, p.name));
                    let field = format!("place.{}", first_key(rest).unwrap_or("id"));
                    (first.and_then(|i| origins.get(i)), label, field)
                }
                _ => (None, None, String::new()),
            };
            let (line, column) = origin.map_or((1, 1), |o| o.of(&field));
            let label = label.unwrap_or_else(|| "the imported trip".to_owned());
            ImportProblem::error(
                line,
                column,
                format!("{label}: {}", problem.message),
                format!("{}; fix it in this file and import again", problem.help),
            )
        })
        .collect()
}

/// How a message names an event: by id and title.
fn event_label(event: &crate::model::Event) -> String {
    format!("the record `{}` (\"{}\")", event.id, event.title)
}

/// The first key of a path's remainder (`start` in `events[3].start`).
fn first_key(rest: &[PathSegment]) -> Option<&str> {
    rest.iter().find_map(|segment| match segment {
        PathSegment::Key(key) => Some(key.as_str()),
        PathSegment::Index(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, Place};

    fn trip_with(start: &str, lat: f64) -> Trip {
        Trip {
            format: crate::model::trip::FORMAT_VERSION,
            title: "t".to_owned(),
            places: vec![Place {
                id: "astana".to_owned(),
                name: "Astana".to_owned(),
                country: "KZ".to_owned(),
                lat: Some(lat),
                lon: Some(71.4),
                timezone: "Asia/Almaty".to_owned(),
                ..Place::default()
            }],
            events: vec![Event {
                id: "a".to_owned(),
                title: "Visit".to_owned(),
                start: start.to_owned(),
                place: "astana".to_owned(),
                ..Event::default()
            }],
            ..Trip::default()
        }
    }

    fn origin() -> Origin {
        Origin {
            line: 7,
            column: 1,
            fields: vec![("start".to_owned(), 7, 9), ("place.lat".to_owned(), 7, 30)],
        }
    }

    #[test]
    fn an_impossible_date_is_reported_at_its_cell() {
        let errors = located_errors(&trip_with("2015-02-30", 51.1), &[origin()]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (7, 9));
        assert!(
            errors[0].message.starts_with("the record `a` (\"Visit\"): "),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn a_place_problem_is_reported_at_the_first_record_that_names_the_place() {
        let errors = located_errors(&trip_with("2015-02-03", 95.0), &[origin()]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (7, 30));
        assert!(errors[0].message.contains("`astana`"), "{}", errors[0].message);
    }

    #[test]
    fn a_valid_trip_has_no_errors_and_an_unplaceable_one_is_at_the_start() {
        assert!(located_errors(&trip_with("2015-02-03", 51.1), &[origin()]).is_empty());
        let errors = located_errors(&trip_with("2015-02-30", 51.1), &[]);
        assert_eq!((errors[0].line, errors[0].column), (1, 1));
    }
}
