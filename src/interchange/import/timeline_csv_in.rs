//! The TimelineJS spreadsheet layout saved as CSV (Year, Month, Day, Time, End Year, …,
//! Headline, Text, Media, Media Credit, Media Caption, Type, Group): each row is turned into
//! the slide it stands for in TimelineJS JSON and read like one, so both layouts place and
//! date events the same way. A row of Type `title` gives the trip its title.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::csv_parse::{Field, parse};
use super::geocode::Placer;
use super::import_problem::ImportProblem;
use super::part::{Part, PartRead};
use super::progress::Progress;
use super::slide_in::incoming_slide;
use crate::model::Trip;

/// Read a TimelineJS spreadsheet (CSV) into `trip`.
pub fn from_timeline_csv(
    text: &str,
    trip: &mut Trip,
    placer: &mut Placer<'_>,
    progress: &Progress,
) -> PartRead {
    let rows = match parse(text) {
        Ok(rows) => rows,
        Err(problem) => return Ok(Err(vec![problem])),
    };
    let Some((header, records)) = rows.split_first() else {
        return Ok(Err(vec![ImportProblem::error(
            1,
            1,
            "the file is empty",
            "the first row names the columns: Year,Month,Day,Time,…,Headline,Text,…",
        )]));
    };
    let position: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, f)| (f.text.trim().to_lowercase(), i))
        .collect();
    if !position.contains_key("year") || !position.contains_key("headline") {
        return Ok(Err(vec![ImportProblem::error(
            1,
            1,
            "this spreadsheet has no `Year` or no `Headline` column",
            "export the TimelineJS template's sheet as CSV, keeping its first row",
        )]));
    }
    let mut part = Part::default();
    let mut problems = Vec::new();
    for (i, record) in records.iter().enumerate() {
        progress.check()?;
        progress.set(i, records.len());
        let get = |name: &str| -> Option<&Field> { position.get(name).and_then(|&i| record.get(i)) };
        let cell = |name: &str| get(name).map_or("", |f| f.text.trim());
        let (line, column) = record.first().map_or((1, 1), |f| (f.line, f.column));
        if cell("type").eq_ignore_ascii_case("title") {
            trip.title = cell("headline").to_owned();
            trip.summary = crate::interchange::html::to_plain(cell("text"));
            continue;
        }
        if record.iter().all(|f| f.text.trim().is_empty()) {
            continue;
        }
        part.records += 1;
        let mut slide = json!({
            "text": { "headline": cell("headline"), "text": cell("text") },
            "media": { "url": cell("media"), "credit": cell("media credit"), "caption": cell("media caption") },
            "group": cell("group"),
        });
        for (key, prefix) in [("start_date", ""), ("end_date", "end ")] {
            match date(&cell, prefix) {
                Ok(Some(date)) => slide[key] = date,
                Ok(None) => {}
                Err(message) => {
                    let field = get(&format!("{prefix}time")).map_or((line, column), |f| (f.line, f.column));
                    problems.push(ImportProblem::error(
                        field.0,
                        field.1,
                        message,
                        "write times as 14:30 or 2:30 PM",
                    ));
                }
            }
        }
        incoming_slide(&slide, line, column).add_to(trip, placer, &mut part);
    }
    Ok(if problems.is_empty() {
        Ok(part)
    } else {
        Err(problems)
    })
}

/// The date object of the columns starting with `prefix` ("" or "end "), if it has a year.
fn date<'a>(cell: &impl Fn(&str) -> &'a str, prefix: &str) -> Result<Option<Value>, String> {
    let mut date = Map::new();
    for key in ["year", "month", "day"] {
        let value = cell(&format!("{prefix}{key}"));
        if !value.is_empty() {
            date.insert(key.to_owned(), json!(value));
        }
    }
    if !date.contains_key("year") {
        return Ok(None);
    }
    let time = cell(&format!("{prefix}time"));
    if !time.is_empty() {
        let (hour, minute) = clock(time).ok_or_else(|| format!("`{time}` is not a time of day"))?;
        date.insert("hour".to_owned(), json!(hour));
        date.insert("minute".to_owned(), json!(minute));
    }
    Ok(Some(Value::Object(date)))
}

/// "14:30", "14:30:00", "2:30 PM" or "9 am" as (hour, minute).
fn clock(text: &str) -> Option<(u32, u32)> {
    let lower = text.trim().to_ascii_lowercase();
    let (digits, offset) = match (lower.strip_suffix("pm"), lower.strip_suffix("am")) {
        (Some(d), _) => (d.trim(), Some(12)),
        (_, Some(d)) => (d.trim(), Some(0)),
        _ => (lower.as_str(), None),
    };
    let mut parts = digits.split(':');
    let hour: u32 = parts.next()?.trim().parse().ok()?;
    let minute: u32 = parts.next().map_or(Some(0), |m| m.trim().parse().ok())?;
    let hour = match offset {
        Some(add) if (1..=12).contains(&hour) => hour % 12 + add,
        Some(_) => return None,
        None => hour,
    };
    (hour < 24 && minute < 60).then_some((hour, minute))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_times_are_read_in_24_hour_and_12_hour_forms() {
        assert_eq!(clock("14:30"), Some((14, 30)));
        assert_eq!(clock("2:30 PM"), Some((14, 30)));
        assert_eq!(clock("12:05 am"), Some((0, 5)));
        assert_eq!(clock("9 am"), Some((9, 0)));
        assert_eq!(clock("25:00"), None);
    }
}
