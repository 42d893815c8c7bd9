//! Validation: check a [`Trip`] document and derive its [`Chronology`].
//!
//! Every check runs, so one pass reports every problem in the file, each with a field path, a
//! message and a fix. The chronology holds whatever resolved cleanly (the editor can draw a
//! partly broken trip); a trip with any [`Severity::Error`] must not be opened for viewing.

use std::collections::HashMap;
use std::str::FromStr as _;

use chrono_tz::Tz;

use super::chronology::{Chronology, ResolvedEvent, ResolvedPlace};
use super::geo::LatLon;
use super::problem::{FieldPath, Problem, Severity};
use super::refs::{Collection, IdIndex, check_ids};
use super::time::{TimeParseError, TripTime};
use super::trip::{Event, FORMAT_VERSION, Place, Trip, is_web_link};

/// The outcome of validating a trip.
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    /// Every error and warning, in document order.
    pub problems: Vec<Problem>,
    /// What resolved cleanly.
    pub chronology: Chronology,
}

impl Resolution {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Validate `trip` and build its chronology.
pub fn resolve(trip: &Trip) -> Resolution {
    let root = FieldPath::root();
    let mut problems = Vec::new();
    if trip.format != FORMAT_VERSION {
        let message = if trip.format == 0 {
            "missing `format` version".to_owned()
        } else {
            format!("unsupported format version {}", trip.format)
        };
        problems.push(Problem::error(
            root.key("format"),
            message,
            format!("put `format = {FORMAT_VERSION}` at the top of the file"),
        ));
    }
    problems.extend(super::limits::problems(trip));
    if trip.title.trim().is_empty() {
        problems.push(Problem::error(
            root.key("title"),
            "the trip has no title",
            "add `title = \"…\"` at the top of the file",
        ));
    }

    let places = check_ids(
        Collection::Places,
        trip.places.iter().map(|p| p.id.as_str()),
        &mut problems,
    );
    let people = check_ids(
        Collection::People,
        trip.people.iter().map(|p| p.id.as_str()),
        &mut problems,
    );
    let sources = check_ids(
        Collection::Sources,
        trip.sources.iter().map(|s| s.id.as_str()),
        &mut problems,
    );
    let events = check_ids(
        Collection::Events,
        trip.events.iter().map(|e| e.id.as_str()),
        &mut problems,
    );

    for (i, id) in trip.travellers.iter().enumerate() {
        people.check_ref(&root.key("travellers").index(i), id, &mut problems);
    }
    let mut seen_in_story = HashMap::new();
    for (i, id) in trip.story.iter().enumerate() {
        let path = root.key("story").index(i);
        events.check_ref(&path, id, &mut problems);
        if let Some(first) = seen_in_story.insert(id.as_str(), i) {
            problems.push(Problem::error(
                path,
                format!("event `{id}` appears twice in the story"),
                format!("remove one of the two; it is first at story[{first}]"),
            ));
        }
    }

    if let Some(seconds) = trip.slide_seconds
        && !super::slides::SLIDE_SECONDS_RANGE.contains(&seconds)
    {
        problems.push(Problem::error(
            root.key("slide_seconds"),
            format!("slide_seconds is {seconds}, outside 2 to 600"),
            "give the seconds each slide stays up when autoplaying, e.g. 10",
        ));
    }

    let resolved_places: Vec<Option<ResolvedPlace>> = trip
        .places
        .iter()
        .enumerate()
        .map(|(i, place)| check_place(&root.key("places").index(i), place, &mut problems))
        .collect();
    for (i, person) in trip.people.iter().enumerate() {
        let path = root.key("people").index(i);
        require_text(&path.key("name"), &person.name, "person", "name", &mut problems);
        check_country(&path.key("country"), &person.country, true, &mut problems);
    }
    for (i, source) in trip.sources.iter().enumerate() {
        let path = root.key("sources").index(i);
        require_text(
            &path.key("title"),
            &source.title,
            "source",
            "title",
            &mut problems,
        );
        check_url(&path.key("url"), &source.url, &mut problems);
        if !source.date.is_empty()
            && let Err(e) = TripTime::parse(&source.date)
        {
            problems.push(time_problem(path.key("date"), &e));
        }
    }

    let refs = Refs {
        places: &places,
        people: &people,
        sources: &sources,
        resolved_places: &resolved_places,
    };
    let resolved_events = trip
        .events
        .iter()
        .enumerate()
        .map(|(i, event)| check_event(&root.key("events").index(i), i, event, &refs, &mut problems))
        .collect();

    Resolution {
        problems,
        chronology: Chronology::new(trip, resolved_places, resolved_events),
    }
}

/// The id indexes an event's references are checked against.
struct Refs<'a> {
    places: &'a IdIndex,
    people: &'a IdIndex,
    sources: &'a IdIndex,
    resolved_places: &'a [Option<ResolvedPlace>],
}

fn check_place(path: &FieldPath, place: &Place, problems: &mut Vec<Problem>) -> Option<ResolvedPlace> {
    require_text(&path.key("name"), &place.name, "place", "name", problems);
    check_country(&path.key("country"), &place.country, false, problems);
    let lat = check_coordinate(&path.key("lat"), place, Axis::Latitude, problems);
    let lon = check_coordinate(&path.key("lon"), place, Axis::Longitude, problems);
    // "Null island": a real place there is almost unheard of, a coordinate lost on the way to
    // 0 is common (empty spreadsheet cells, a GeoJSON point with no position).
    if lat == Some(0.0) && lon == Some(0.0) {
        problems.push(Problem::warning(
            path.key("lat"),
            format!(
                "place `{}` is at latitude 0, longitude 0, in the Gulf of Guinea",
                place.id
            ),
            "this is almost always a missing coordinate; give the place its latitude and longitude",
        ));
    }
    let tz = match Tz::from_str(&place.timezone) {
        Ok(tz) => Some(tz),
        Err(_) => {
            problems.push(Problem::error(
                path.key("timezone"),
                if place.timezone.is_empty() {
                    format!("place `{}` has no timezone", place.id)
                } else {
                    format!("unknown timezone `{}`", place.timezone)
                },
                timezone_help(&place.timezone),
            ));
            None
        }
    };
    let location = LatLon::new(lat?, lon?);
    tz.map(|tz| ResolvedPlace { location, tz })
}

/// Which coordinate of a place.
#[derive(Clone, Copy)]
enum Axis {
    Latitude,
    Longitude,
}

/// The place's latitude or longitude if present and in range; otherwise report why.
fn check_coordinate(path: &FieldPath, place: &Place, axis: Axis, problems: &mut Vec<Problem>) -> Option<f64> {
    let (value, key, name, limit, help) = match axis {
        Axis::Latitude => (
            place.lat,
            "lat",
            "latitude",
            90.0,
            "latitude is in degrees from -90 (south pole) to 90 (north pole); did you swap lat and lon?",
        ),
        Axis::Longitude => (
            place.lon,
            "lon",
            "longitude",
            180.0,
            "longitude is in degrees from -180 (west) to 180 (east)",
        ),
    };
    match value {
        Some(v) if v.is_finite() && (-limit..=limit).contains(&v) => Some(v),
        Some(v) => {
            problems.push(Problem::error(
                path.clone(),
                format!("{name} {v} is out of range"),
                help,
            ));
            None
        }
        None => {
            problems.push(Problem::error(
                path.clone(),
                format!("place `{}` has no {name}", place.id),
                format!("add `{key} = …` in decimal degrees; a missing coordinate is never taken as 0"),
            ));
            None
        }
    }
}

fn timezone_help(written: &str) -> String {
    let lower = written.to_ascii_lowercase();
    let mut close: Vec<(usize, &str)> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| {
            (
                strsim::levenshtein(&tz.name().to_ascii_lowercase(), &lower),
                tz.name(),
            )
        })
        .filter(|(distance, _)| *distance <= 3)
        .collect();
    close.sort_unstable();
    if written.is_empty() || close.is_empty() {
        "use an IANA timezone name such as \"Asia/Almaty\" or \"Europe/London\"".to_owned()
    } else {
        let names: Vec<String> = close.iter().take(3).map(|(_, n)| format!("\"{n}\"")).collect();
        format!("did you mean {}?", names.join(" or "))
    }
}

fn check_event(
    path: &FieldPath,
    index: usize,
    event: &Event,
    refs: &Refs<'_>,
    problems: &mut Vec<Problem>,
) -> Option<ResolvedEvent> {
    require_text(&path.key("title"), &event.title, "event", "title", problems);
    let place = refs.places.check_ref(&path.key("place"), &event.place, problems);
    for (i, id) in event.participants.iter().enumerate() {
        refs.people
            .check_ref(&path.key("participants").index(i), id, problems);
    }
    for (i, id) in event.sources.iter().enumerate() {
        refs.sources
            .check_ref(&path.key("sources").index(i), id, problems);
    }
    for (m, meeting) in event.meetings.iter().enumerate() {
        let meeting_path = path.key("meetings").index(m);
        if meeting.with.is_empty() {
            problems.push(Problem::error(
                meeting_path.clone(),
                "a meeting with nobody",
                "list the counterparts' person ids in `with = [\"…\"]`",
            ));
        }
        for (i, id) in meeting.with.iter().enumerate() {
            refs.people
                .check_ref(&meeting_path.key("with").index(i), id, problems);
        }
    }
    for (q, quote) in event.quotes.iter().enumerate() {
        let quote_path = path.key("quotes").index(q);
        require_text(&quote_path.key("text"), &quote.text, "quote", "text", problems);
        refs.people
            .check_ref(&quote_path.key("speaker"), &quote.speaker, problems);
        if quote.source.is_empty() {
            problems.push(Problem::warning(
                quote_path,
                "quote has no source",
                "add `source = \"…\"` naming the source that reports these words",
            ));
        } else {
            refs.sources
                .check_ref(&quote_path.key("source"), &quote.source, problems);
        }
    }
    for (m, media) in event.media.iter().enumerate() {
        require_text(
            &path.key("media").index(m).key("path"),
            &media.path,
            "media item",
            "path",
            problems,
        );
    }

    let start = parse_time(&path.key("start"), &event.start, true, problems);
    let end = parse_time(&path.key("end"), &event.end, false, problems);
    let resolved_place = (*refs.resolved_places.get(place?)?)?;
    let start = start?;
    let tz = resolved_place.tz;
    let (start_utc, start_end_utc) = start
        .utc_span(tz)
        .map_err(|e| {
            problems.push(Problem::error(
                path.key("start"),
                e.to_string(),
                "pick a time that exists on local clocks",
            ))
        })
        .ok()?;
    let end_utc = match end {
        Some(end) => {
            let (_, end_utc) = end
                .utc_span(tz)
                .map_err(|e| {
                    problems.push(Problem::error(
                        path.key("end"),
                        e.to_string(),
                        "pick a time that exists on local clocks",
                    ))
                })
                .ok()?;
            // An end covers its whole span ("2015-11-01" is through that day), so a visit
            // from 14:30 that ends "2015-11-01" ends after it starts.
            if end_utc < start_utc {
                problems.push(Problem::error(
                    path.key("end"),
                    format!(
                        "the event ends ({}) before it starts ({})",
                        event.end, event.start
                    ),
                    "swap `start` and `end`, or correct the end",
                ));
                return None;
            }
            end_utc
        }
        None => start_end_utc,
    };
    Some(ResolvedEvent {
        index,
        place: place?,
        tz,
        start,
        end,
        start_utc,
        end_utc,
    })
}

fn parse_time(path: &FieldPath, text: &str, required: bool, problems: &mut Vec<Problem>) -> Option<TripTime> {
    if text.trim().is_empty() {
        if required {
            problems.push(Problem::error(
                path.clone(),
                "the event has no start",
                "add `start = \"YYYY-MM-DD\"` (local date at the place), or a time as \"YYYY-MM-DDTHH:MM\"",
            ));
        }
        return None;
    }
    TripTime::parse(text)
        .map_err(|e| problems.push(time_problem(path.clone(), &e)))
        .ok()
}

fn time_problem(path: FieldPath, error: &TimeParseError) -> Problem {
    let help = match error {
        TimeParseError::Shape(_) => {
            "for example \"2015-11-02\", \"2015-11\", \"2015-11-02T14:30\" or \"-500\" (500 BC); add `~` at the end if approximate"
        }
        TimeParseError::Impossible(..) => "check the day of the month and the hour (00–23)",
        TimeParseError::NoYearZero(_) => "write `-1` for 1 BC or `0001` for AD 1",
    };
    Problem::error(path, error.to_string(), help)
}

fn require_text(path: &FieldPath, value: &str, what: &str, field: &str, problems: &mut Vec<Problem>) {
    if value.trim().is_empty() {
        problems.push(Problem::error(
            path.clone(),
            format!("the {what} has an empty {field}"),
            format!("write a {field}: `{field} = \"…\"`"),
        ));
    }
}

fn check_country(path: &FieldPath, code: &str, optional: bool, problems: &mut Vec<Problem>) {
    if code.is_empty() && optional {
        return;
    }
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        problems.push(Problem::error(
            path.clone(),
            format!("`{code}` is not an ISO 3166 country code"),
            "use the two capital letters of ISO 3166-1 alpha-2, e.g. \"KZ\" for Kazakhstan, \"GB\" for the United Kingdom",
        ));
    }
}

fn check_url(path: &FieldPath, url: &str, problems: &mut Vec<Problem>) {
    if !url.is_empty() && !is_web_link(url) {
        problems.push(Problem::error(
            path.clone(),
            format!("`{url}` is not a web address"),
            "links must start with https:// or http://",
        ));
    }
}
