//! Reading our own CSV layout (the columns of [`crate::interchange::csv_layout::COLUMNS`], in
//! any order) back into a trip: one event per row; places are gathered from the place columns,
//! once per id; a person or source named only by id gets an entry with that id as its name, to
//! be completed.

use std::collections::HashMap;

use super::csv_parse::parse;
use super::import_problem::ImportProblem;
use super::part::Origin;
use crate::model::{Event, EventKind, Person, Place, Quote, Source, Trip};

/// Read a trip from CSV text in our layout. The trip's title is `title`.
pub fn from_csv(text: &str, title: &str) -> Result<Trip, Vec<ImportProblem>> {
    from_csv_located(text, title).map(|(trip, _)| trip)
}

/// What to do about a coordinate that is not a number.
const DEGREES_HELP: &str = "write degrees as a decimal number, e.g. 51.1801";
/// What to do about a `sequence` that is not a whole number.
const SEQUENCE_HELP: &str = "write 1, 2, 3… for events at the same time, or leave it empty";

/// The cells that hold each event field (and its place's fields, as `place.…`), by column.
const FIELD_OF_COLUMN: [(&str, &str); 19] = [
    ("id", "id"),
    ("title", "title"),
    ("kind", "kind"),
    ("start", "start"),
    ("end", "end"),
    ("place", "place"),
    ("place", "place.id"),
    ("place_name", "place.name"),
    ("country", "place.country"),
    ("lat", "place.lat"),
    ("lon", "place.lon"),
    ("timezone", "place.timezone"),
    ("summary", "summary"),
    ("participants", "participants"),
    ("sources", "sources"),
    ("quote", "quotes"),
    ("quote_speaker", "quotes"),
    ("quote_source", "quotes"),
    ("sequence", "sequence"),
];

/// [`from_csv`], with where each event's row and cells are, in the order of the trip's events.
pub fn from_csv_located(text: &str, title: &str) -> Result<(Trip, Vec<Origin>), Vec<ImportProblem>> {
    let rows = parse(text).map_err(|p| vec![p])?;
    let Some((header, records)) = rows.split_first() else {
        return Err(vec![ImportProblem {
            warning: false,
            line: 1,
            column: 1,
            message: "the file is empty".to_owned(),
            help: "the first row names the columns: id,title,kind,start,…".to_owned(),
        }]);
    };
    let position: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, f)| (f.text.trim(), i))
        .collect();
    let mut problems = Vec::new();
    for required in ["id", "title", "start", "place"] {
        if !position.contains_key(required) {
            problems.push(ImportProblem {
                warning: false,
                line: 1,
                column: 1,
                message: format!("there is no `{required}` column"),
                help: format!(
                    "add a `{required}` column; the columns are {}",
                    crate::interchange::csv_layout::COLUMNS.join(",")
                ),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut trip = Trip {
        format: crate::model::trip::FORMAT_VERSION,
        title: title.to_owned(),
        ..Trip::default()
    };
    // An id names one event: a repeat is a copy-paste slip, never renamed behind the editor's back.
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    let mut origins = Vec::with_capacity(records.len());
    for record in records {
        let get = |name: &str| position.get(name).and_then(|&i| record.get(i));
        let (line, column) = record.first().map_or((1, 1), |f| (f.line, f.column));
        let mut origin = Origin::at(line, column);
        for (column_name, field) in FIELD_OF_COLUMN {
            if let Some(cell) = get(column_name) {
                origin.fields.push((field.to_owned(), cell.line, cell.column));
            }
        }
        origins.push(origin);
        let text = |name: &str| get(name).map_or(String::new(), |f| f.text.trim().to_owned());
        if let Some(field) = get("id").filter(|f| !f.text.trim().is_empty()) {
            match first_line_of.get(field.text.trim()) {
                Some(first) => problems.push(ImportProblem {
                    warning: false,
                    line: field.line,
                    column: field.column,
                    message: format!("the id `{}` is already used on line {first}", field.text.trim()),
                    help: "give each row its own id".to_owned(),
                }),
                None => {
                    first_line_of.insert(field.text.trim().to_owned(), field.line);
                }
            }
        }
        let mut number = |name: &str, help: &str| -> Option<f64> {
            let field = get(name)?;
            if field.text.trim().is_empty() {
                return None;
            }
            match field.text.trim().parse() {
                Ok(n) => Some(n),
                Err(_) => {
                    problems.push(ImportProblem {
                        warning: false,
                        line: field.line,
                        column: field.column,
                        message: format!("`{}` in column `{name}` is not a number", field.text.trim()),
                        help: help.to_owned(),
                    });
                    None
                }
            }
        };
        let (lat, lon) = (number("lat", DEGREES_HELP), number("lon", DEGREES_HELP));
        let sequence = match number("sequence", SEQUENCE_HELP) {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= f64::from(u32::MAX) => n as u32,
            Some(_) => {
                if let Some(field) = get("sequence") {
                    problems.push(ImportProblem::error(
                        field.line,
                        field.column,
                        format!(
                            "`{}` in column `sequence` is not a whole number",
                            field.text.trim()
                        ),
                        SEQUENCE_HELP,
                    ));
                }
                0
            }
            None => 0,
        };
        let place_id = text("place");
        if !place_id.is_empty() && !trip.places.iter().any(|p| p.id == place_id) {
            trip.places.push(Place {
                id: place_id.clone(),
                name: text("place_name"),
                country: text("country"),
                lat,
                lon,
                timezone: text("timezone"),
                ..Place::default()
            });
        }
        let kind_text = text("kind");
        let kind = EventKind::ALL
            .into_iter()
            .find(|k| k.id() == kind_text)
            .unwrap_or_default();
        if !kind_text.is_empty()
            && kind.id() != kind_text
            && let Some(field) = get("kind")
        {
            problems.push(ImportProblem {
                warning: false,
                line: field.line,
                column: field.column,
                message: format!("unknown kind `{kind_text}`"),
                help: format!("use one of {}", EventKind::ALL.map(EventKind::id).join(", ")),
            });
        }
        let list = |name: &str| -> Vec<String> {
            text(name)
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let quote = text("quote");
        let (participants, sources) = (list("participants"), list("sources"));
        let (speaker, quote_source) = (text("quote_speaker"), text("quote_source"));
        for id in participants
            .iter()
            .chain(std::iter::once(&speaker))
            .filter(|id| !id.is_empty())
        {
            if trip.person(id).is_none() {
                trip.people.push(Person {
                    id: id.clone(),
                    name: id.clone(),
                    ..Person::default()
                });
            }
        }
        for id in sources
            .iter()
            .chain(std::iter::once(&quote_source))
            .filter(|id| !id.is_empty())
        {
            if trip.source(id).is_none() {
                trip.sources.push(Source {
                    id: id.clone(),
                    title: id.clone(),
                    ..Source::default()
                });
            }
        }
        trip.events.push(Event {
            id: text("id"),
            title: text("title"),
            kind,
            start: text("start"),
            end: text("end"),
            place: place_id,
            sequence,
            summary: text("summary"),
            participants,
            sources,
            quotes: if quote.is_empty() {
                Vec::new()
            } else {
                vec![Quote {
                    text: quote,
                    speaker,
                    source: quote_source,
                    ..Quote::default()
                }]
            },
            ..Event::default()
        });
    }
    if problems.is_empty() {
        Ok((trip, origins))
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks_and_know_their_position() {
        let rows = parse("a,\"b, \"\"c\"\"\nd\",e\r\nf,g\n").expect("parses");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][1].text, "b, \"c\"\nd");
        assert_eq!((rows[0][2].line, rows[0][2].column), (2, 4));
        assert_eq!((rows[1][1].line, rows[1][1].column), (3, 3));
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_starts() {
        let problem = parse("a,\"b\nc").expect_err("unclosed");
        assert_eq!((problem.line, problem.column), (1, 3));
    }
}
