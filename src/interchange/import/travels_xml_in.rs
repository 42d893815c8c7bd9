//! The Office of the Historian's travel records (`<trips>` XML, see `trips.rnc` in its
//! repository): one visit event per `<trip>` record, placed offline with the gazetteer.
//!
//! A record's `<locale>` may list several places ("Tel Aviv, Jerusalem"); the event is placed by
//! the rule of [`super::visit_place`]: at the first named place known *in the record's country*
//! (as it was then: "Yugoslavia", "Bermuda" under the United Kingdom, or a country its
//! parentheses name, as in "Havana (Cuba)" on a record filed under Spain), else at the centre of
//! a region or country it names, marked approximate and reported. Names it cannot place are
//! reported by record id; nothing is put at 0,0. The traveller becomes a person and each file
//! one source.

use roxmltree::{Document, Node};

use super::geocode::{Locales, Placer, split_locales};
use super::import_problem::{ImportProblem, LineIndex};
use super::part::{Origin, Part, PartRead};
use super::progress::Progress;
use super::visit_place::VisitNames;
use super::xml_depth;
use crate::countries::countries;
use crate::gazetteer::historical;
use crate::interchange::html::to_plain;
use crate::model::{Event, EventKind, Person, Source, Trip, TripTime};

/// Where the records are published, for the source's link.
const RECORDS_URL: &str = "https://history.state.gov/departmenthistory/travels";

/// Read the records in `text` into a new trip, placing cities with `placer`.
pub fn from_travels_xml(
    text: &str,
    trip: &mut Trip,
    placer: &mut Placer<'_>,
    progress: &Progress,
) -> PartRead {
    if let Some((line, column)) = xml_depth::first_too_deep(text, xml_depth::MAX_XML_DEPTH) {
        return Ok(Err(vec![ImportProblem::error(
            line,
            column,
            format!(
                "the XML nests more than {} elements deep here",
                xml_depth::MAX_XML_DEPTH
            ),
            "travel records nest four deep; this is not a travel-records file, or it is damaged",
        )]));
    }
    let document = match Document::parse(text) {
        Ok(document) => document,
        Err(roxmltree::Error::DtdDetected) => {
            return Ok(Err(vec![ImportProblem::error(
                1,
                1,
                "the file declares a document type (<!DOCTYPE …>), whose entities Itinera does not read",
                "travel records have no document type; remove the <!DOCTYPE …> declaration",
            )]));
        }
        Err(error) => {
            let pos = error.pos();
            return Ok(Err(vec![ImportProblem::error(
                pos.row as usize,
                pos.col as usize,
                format!("this is not well-formed XML: {error}"),
                "fix the XML at this spot, or export the records again",
            )]));
        }
    };
    // roxmltree's `text_pos_at` scans from the start of the text on every call, which made
    // 10,000 records take 55 s; an index of line starts makes each lookup a binary search.
    let lines = LineIndex::new(text);
    let at = |node: Node<'_, '_>| lines.line_col(node.range().start);
    let root = document.root_element();
    if root.tag_name().name() != "trips" {
        let (line, column) = at(root);
        return Ok(Err(vec![ImportProblem::error(
            line,
            column,
            format!("the root element is <{}>, not <trips>", root.tag_name().name()),
            "this importer reads the Office of the Historian's travel records (<trips><trip>…)",
        )]));
    }
    let records: Vec<Node<'_, '_>> = root.children().filter(|n| n.has_tag_name("trip")).collect();
    let mut part = Part {
        records: records.len(),
        ..Part::default()
    };
    let mut errors = Vec::new();
    for (i, record) in records.iter().enumerate() {
        progress.check()?;
        progress.set(i, records.len());
        let child = |name: &str| record.children().find(|n| n.has_tag_name(name));
        // Records are plain text; markup in one (an escaped `<a href="javascript:…">`) is
        // reduced to its words, so nothing in a summary can pose as a link or a tag.
        let text_of = |name: &str| {
            child(name)
                .and_then(|n| n.text())
                .map(|t| to_plain(t).split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
        };
        let (line, column) = at(*record);
        let id = text_of("id");
        let label = if id.is_empty() {
            format!("line {line}")
        } else {
            format!("record {id}")
        };
        let mut date = |name: &str| -> Option<String> {
            let value = text_of(name);
            let (line, column) = child(name).map_or((line, column), at);
            match TripTime::parse(&value) {
                Ok(_) => Some(value),
                Err(error) => {
                    errors.push(ImportProblem::error(
                        line,
                        column,
                        format!("{label}: <{name}> `{value}` is not a date: {error}"),
                        "write the date as YYYY-MM-DD",
                    ));
                    None
                }
            }
        };
        let (Some(start), Some(end)) = (date("start-date"), date("end-date")) else {
            continue;
        };
        let who = record.attribute("who").unwrap_or("traveller").to_owned();
        let role = record.attribute("role").unwrap_or_default();
        add_traveller(trip, &who, &text_of("name"), role);
        let country_node = child("country");
        let country_name = country_node.and_then(|n| n.text()).unwrap_or_default();
        let country_id = country_node.and_then(|n| n.attribute("id")).unwrap_or_default();
        let locale = text_of("locale");
        // "Mexico, D.F." is one former name, not two places.
        let mut locales = if historical::former_name(&locale).is_some() {
            Locales {
                names: vec![locale.clone()],
                ..Locales::default()
            }
        } else {
            split_locales(&locale)
        };
        let country_code = countries()
            .code(country_id)
            .or_else(|| countries().code(country_name));
        let successors = historical::former_country(country_name.split('(').next().unwrap_or_default());
        let mut allowed: Vec<&str> = locales.countries.clone();
        allowed.extend(country_code);
        allowed.extend(successors.iter().map(String::as_str));
        allowed.extend(split_locales(country_name).countries);
        let territories: Vec<&str> = allowed.iter().flat_map(|c| territories_of(c)).copied().collect();
        allowed.extend(territories);
        let governed: Vec<&str> = allowed
            .iter()
            .flat_map(|c| historical::once_governed(c))
            .map(String::as_str)
            .filter(|c| !allowed.contains(c))
            .collect();
        if locales.names.is_empty() {
            // A record with no locale ("Vatican City" trips) is about the country itself.
            let country = country_name.split('(').next().unwrap_or_default().trim();
            locales.names.push(country.to_owned());
        }
        let (locale_line, locale_column) = child("locale").map_or((line, column), at);
        let where_ = if country_name.is_empty() {
            String::new()
        } else {
            format!(" in {country_name}")
        };
        let names = VisitNames {
            names: &locales.names,
            asides: &locales.asides,
            countries: &allowed,
            governed: &governed,
            // A former country stands for the first country on its territory today.
            country: country_code
                .or_else(|| successors.first().map(String::as_str))
                .map(|code| (code, country_name)),
        };
        let Some(visit) = placer.place_visit(trip, &names) else {
            part.warnings.push(ImportProblem::warning(
                locale_line,
                locale_column,
                format!("{label} ({start}): cannot place \"{locale}\"{where_}; the record is left out"),
                "give the record a <country> the importer knows, or add the visit in the app with Find a city or Pick on map",
            ));
            continue;
        };
        let shown_at = || {
            trip.place(&visit.place)
                .map_or(visit.place.clone(), |p| p.name.clone())
        };
        if let Some(what) = &visit.approximate {
            part.approximate += 1;
            part.warnings.push(ImportProblem::warning(
                locale_line,
                locale_column,
                format!("{label} ({start}): \"{locale}\"{where_} is placed at the centre of {what}, marked approximate"),
                "if you know where the visit was, find the place in the app's editor (Find a city or Pick on map)",
            ));
        } else if !visit.unplaced.is_empty() {
            part.warnings.push(ImportProblem::warning(
                locale_line,
                locale_column,
                format!(
                    "{label}: cannot place {}{where_}; the visit is shown at {}, which the record also names",
                    visit.unplaced.join(", "),
                    shown_at()
                ),
                "edit the place in the app if the visit belongs elsewhere",
            ));
        }
        let place = visit.place;
        part.placed += 1;
        let source_id = format!("ohd-{who}");
        trip.events.push(Event {
            id: placer.event_id(&format!(
                "{who}-{}",
                if id.is_empty() { i.to_string() } else { id.clone() }
            )),
            title: if locale.is_empty() {
                country_name.to_owned()
            } else {
                locale.clone()
            },
            kind: EventKind::Visit,
            end: if end == start { String::new() } else { end },
            start,
            place,
            participants: vec![who.clone()],
            summary: text_of("remarks"),
            sources: vec![source_id],
            notes: format!("Office of the Historian travel record {id}."),
            ..Event::default()
        });
        let mut origin = Origin::at(line, column);
        for (field, element) in [
            ("start", "start-date"),
            ("end", "end-date"),
            ("title", "locale"),
            ("place", "locale"),
        ] {
            if let Some((line, column)) = child(element).map(at) {
                origin.fields.push((field.to_owned(), line, column));
            }
        }
        part.origins.push(origin);
    }
    progress.set(records.len(), records.len());
    name_journeys(trip);
    if trip.summary.is_empty() && part.placed > 0 {
        let names: Vec<&str> = trip.people.iter().map(|p| p.name.as_str()).collect();
        trip.summary = format!(
            "The official travels of {}, from the records of the Office of the Historian, U.S. Department of State: {} visits abroad.",
            names.join(" and "),
            part.placed
        );
    }
    Ok(if errors.is_empty() { Ok(part) } else { Err(errors) })
}

/// Give each traveller's consecutive visits one explicit journey id ("kerry-john-forbes-2015-10-31",
/// after the traveller and the first day): a visit starting at most
/// [`JOURNEY_GAP_DAYS`](crate::model::journeys::JOURNEY_GAP_DAYS) days after the previous one
/// ended continues its journey. Written into the file, so an editor can move a visit to another
/// journey by hand.
fn name_journeys(trip: &mut Trip) {
    let day = |text: &str| chrono::NaiveDate::parse_from_str(text.get(..10).unwrap_or(text), "%Y-%m-%d").ok();
    let mut order: Vec<usize> = (0..trip.events.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| (&trip.events[i].participants, &trip.events[i].start);
        key(a).cmp(&key(b))
    });
    let mut current: Option<(Vec<String>, chrono::NaiveDate, String)> = None;
    for i in order {
        let event = &trip.events[i];
        let (Some(start), who) = (day(&event.start), event.participants.clone()) else {
            continue;
        };
        let end = day(&event.end).unwrap_or(start);
        let continues = current.as_ref().filter(|(w, last_end, _)| {
            *w == who && (start - *last_end).num_days() <= crate::model::journeys::JOURNEY_GAP_DAYS
        });
        let id = match continues {
            Some((_, _, id)) => id.clone(),
            None => format!(
                "{}-{}",
                who.first().map_or("journey", String::as_str),
                event.start
            ),
        };
        let last_end = current
            .as_ref()
            .filter(|(_, _, current_id)| *current_id == id)
            .map_or(end, |(_, last, _)| end.max(*last));
        trip.events[i].journey = id.clone();
        current = Some((who, last_end, id));
    }
}

/// Territories with their own ISO code that records file under their country ("Hong Kong" under
/// China, "Nuuk" under Denmark), so their cities can still be found.
fn territories_of(code: &str) -> &'static [&'static str] {
    match code {
        "CN" => &["HK", "MO"],
        "DK" => &["GL", "FO"],
        "US" => &["PR", "VI", "GU", "AS", "MP"],
        "FR" => &["GF", "GP", "MQ", "RE", "YT", "PF", "NC"],
        "NL" => &["AW", "CW", "SX"],
        "GB" => &["GI", "BM", "KY", "IM", "JE", "GG"],
        "NZ" => &["CK", "NU"],
        _ => &[],
    }
}

/// Add the traveller `who` (with the source of their records) once.
fn add_traveller(trip: &mut Trip, who: &str, name: &str, role: &str) {
    if trip.person(who).is_some() {
        return;
    }
    let office = match role {
        "secretary" => "Secretary of State".to_owned(),
        "president" => "President of the United States".to_owned(),
        other => other.replace('-', " "),
    };
    let name = if name.is_empty() {
        who.to_owned()
    } else {
        name.to_owned()
    };
    if trip.title.is_empty() {
        trip.title = format!("Travels of {name}");
    }
    trip.sources.push(Source {
        id: format!("ohd-{who}"),
        title: format!("Travels of the {office}: {name}"),
        publisher: "Office of the Historian, U.S. Department of State".to_owned(),
        date: String::new(),
        url: format!("{RECORDS_URL}/{role}/{who}"),
    });
    trip.people.push(Person {
        id: who.to_owned(),
        name,
        role: office,
        country: "US".to_owned(),
    });
    trip.travellers.push(who.to_owned());
}
