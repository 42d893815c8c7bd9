//! Reading a large TOML trip a piece at a time, so that memory follows the trip, not the text.
//!
//! The `toml` crate builds a document of the whole file before serde sees any of it: for a
//! 16 MB file of 100,000 events that document is several times the size of the trip it becomes.
//! A trip file is mostly top-level arrays of tables (`[[events]]`, `[[places]]`, …), and each
//! element stands alone, so the file is cut at those headers: the rest (title, summary, other
//! tables) is read as one small document, and the elements a thousand at a time, appended in
//! file order.
//!
//! Invariant: this only ever gives the trip a whole-file parse would give, or nothing. The
//! cutting follows TOML's strings, comments and brackets; whatever it does not follow (a quoted
//! header, an unterminated string), any syntax or type error in a piece, and any overlap (an
//! inline `events = [...]` beside `[[events]]`) make [`parse`] return `None`, and the caller
//! parses the whole file, which also gives errors their exact position.

use std::ops::Range;

use crate::model::{FieldPath, PathSegment, Trip};

/// Files at least this large are read piece by piece; smaller ones parse whole (it is only
/// worth it when the document is large).
pub const PIECEWISE_BYTES: usize = 1 << 20;

/// The top-level arrays of tables that are cut into pieces.
const ARRAYS: [&str; 4] = ["events", "places", "people", "sources"];

/// Elements of one array parsed together: enough that each parse is worth its setup, few
/// enough that its document stays small.
const ELEMENTS_PER_PIECE: usize = 1000;

/// What a stretch of the file, from one header line to the next, belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    /// The top-level keys and every table that is not one of [`ARRAYS`].
    Rest,
    /// A new element of `ARRAYS[array]` (a `[[events]]` header).
    Element(usize),
    /// A sub-table of the element before it (`[[events.meetings]]`).
    Continues(usize),
}

/// A stretch of the file and what it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Section {
    owner: Owner,
    bytes: Range<usize>,
}

/// The trip in `text`, read piece by piece, with the paths of unknown keys pushed to
/// `unknown`; `None` when it must be parsed whole (see the module's invariant).
pub fn parse(text: &str, unknown: &mut Vec<FieldPath>) -> Option<Trip> {
    let sections = sections(text)?;
    let rest: String = sections
        .iter()
        .filter(|s| s.owner == Owner::Rest)
        .map(|s| with_newline(&text[s.bytes.clone()]))
        .collect();
    let mut found = Vec::new();
    let mut trip = parse_one(&rest, &mut found)?;
    // An inline array beside an array of tables is an error a whole parse reports.
    let in_rest = ARRAYS.map(|name| array_len(&trip, name) > 0);
    for (array, piece) in pieces(&sections) {
        if in_rest[array] {
            return None;
        }
        let text: String = piece
            .sections
            .iter()
            .map(|s| with_newline(&text[s.bytes.clone()]))
            .collect();
        let mut piece_unknown = Vec::new();
        let part = parse_one(&text, &mut piece_unknown)?;
        if array_len(&part, ARRAYS[array]) != piece.elements {
            return None;
        }
        found.extend(piece_unknown.into_iter().map(|p| shifted(p, piece.first)));
        append(&mut trip, part, ARRAYS[array]);
    }
    unknown.extend(found);
    Some(trip)
}

/// Parse one document of the trip schema, collecting unknown keys.
fn parse_one(text: &str, unknown: &mut Vec<FieldPath>) -> Option<Trip> {
    let deserializer = toml::Deserializer::parse(text).ok()?;
    serde_ignored::deserialize(deserializer, |path| {
        unknown.push(super::to_field_path(&path));
    })
    .ok()
}

fn with_newline(text: &str) -> String {
    let mut owned = text.to_owned();
    if !owned.ends_with('\n') {
        owned.push('\n');
    }
    owned
}

fn array_len(trip: &Trip, name: &str) -> usize {
    match name {
        "events" => trip.events.len(),
        "places" => trip.places.len(),
        "people" => trip.people.len(),
        _ => trip.sources.len(),
    }
}

fn append(trip: &mut Trip, part: Trip, name: &str) {
    match name {
        "events" => trip.events.extend(part.events),
        "places" => trip.places.extend(part.places),
        "people" => trip.people.extend(part.people),
        _ => trip.sources.extend(part.sources),
    }
}

/// `path` (within a piece whose first element is number `first` of its array) within the file.
fn shifted(mut path: FieldPath, first: usize) -> FieldPath {
    if let Some(PathSegment::Index(i)) = path.0.get_mut(1) {
        *i += first;
    }
    path
}

/// Consecutive elements of one array, parsed as one document.
#[derive(Debug)]
struct Piece<'s> {
    /// The element's index in its array, over the whole file.
    first: usize,
    elements: usize,
    sections: Vec<&'s Section>,
}

/// The file's elements grouped into pieces of at most [`ELEMENTS_PER_PIECE`], each with the
/// index of its array.
fn pieces(sections: &[Section]) -> Vec<(usize, Piece<'_>)> {
    let mut pieces: Vec<(usize, Piece<'_>)> = Vec::new();
    let mut seen = [0usize; ARRAYS.len()];
    for section in sections {
        match section.owner {
            Owner::Rest => {}
            Owner::Element(array) => {
                let start_new = match pieces.last() {
                    Some((last, piece)) => *last != array || piece.elements >= ELEMENTS_PER_PIECE,
                    None => true,
                };
                if start_new {
                    pieces.push((
                        array,
                        Piece {
                            first: seen[array],
                            elements: 0,
                            sections: Vec::new(),
                        },
                    ));
                }
                if let Some((_, piece)) = pieces.last_mut() {
                    piece.elements += 1;
                    piece.sections.push(section);
                }
                seen[array] += 1;
            }
            Owner::Continues(_) => {
                if let Some((_, piece)) = pieces.last_mut() {
                    piece.sections.push(section);
                }
            }
        }
    }
    pieces
}

/// The file cut at its header lines, each stretch with its owner; `None` when the text has
/// something the cutting does not follow.
fn sections(text: &str) -> Option<Vec<Section>> {
    let headers = headers(text)?;
    let mut sections = Vec::with_capacity(headers.len() + 1);
    let first = headers.first().map_or(text.len(), |h| h.0);
    sections.push(Section {
        owner: Owner::Rest,
        bytes: 0..first,
    });
    let mut current = Owner::Rest;
    for (k, (start, header)) in headers.iter().enumerate() {
        let end = headers.get(k + 1).map_or(text.len(), |h| h.0);
        current = classify(header, current);
        sections.push(Section {
            owner: current,
            bytes: *start..end,
        });
    }
    Some(sections)
}

/// What the section under `header` belongs to, given the owner of the section before it.
fn classify(header: &str, before: Owner) -> Owner {
    let array_header = header.starts_with("[[");
    let name: String = header
        .trim_matches(|c| c == '[' || c == ']')
        .split('.')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(".");
    if array_header && let Some(array) = ARRAYS.iter().position(|a| *a == name) {
        return Owner::Element(array);
    }
    match before {
        Owner::Element(array) | Owner::Continues(array)
            if name
                .strip_prefix(ARRAYS[array])
                .is_some_and(|sub| sub.starts_with('.')) =>
        {
            Owner::Continues(array)
        }
        _ => Owner::Rest,
    }
}

/// The byte offset and text of every table header (`[name]` or `[[name]]` opening a line
/// outside any string or value); `None` for a quoted header or a string left open.
fn headers(text: &str) -> Option<Vec<(usize, &str)>> {
    let bytes = text.as_bytes();
    let mut headers = Vec::new();
    let mut depth = 0usize;
    let mut line_start = true;
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'\n' => {
                line_start = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                i = find(bytes, i, b"\n").unwrap_or(bytes.len());
                continue;
            }
            b'"' | b'\'' => i = string_end(bytes, i)?,
            b'[' if line_start && depth == 0 => {
                let line_end = find(bytes, i, b"\n").unwrap_or(bytes.len());
                let line = &text[i..line_end];
                let close = if line.starts_with("[[") { "]]" } else { "]" };
                let end = line.find(close)? + close.len();
                let header = &line[..end];
                if header.contains(['"', '\'']) {
                    return None;
                }
                headers.push((i, header));
                i += end;
            }
            b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            _ => i += 1,
        }
        line_start = false;
    }
    (depth == 0).then_some(headers)
}

/// The offset just past the string that opens at `start` (basic or literal, one line or
/// several); `None` when it is not closed.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let quote = *bytes.get(start)?;
    let escapes = quote == b'"';
    let triple = [quote; 3];
    let multiline = bytes.get(start..start + 3) == Some(&triple[..]);
    let mut i = start + if multiline { 3 } else { 1 };
    loop {
        let c = *bytes.get(i)?;
        if escapes && c == b'\\' {
            i += 2;
        } else if multiline && bytes.get(i..i + 3) == Some(&triple[..]) {
            // Up to two quotes may stand just inside the closing three.
            let mut end = i + 3;
            while end < i + 5 && bytes.get(end) == Some(&quote) {
                end += 1;
            }
            return Some(end);
        } else if !multiline && c == quote {
            return Some(i + 1);
        } else if !multiline && c == b'\n' {
            return None;
        } else {
            i += 1;
        }
    }
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> (Trip, Vec<FieldPath>) {
        let mut unknown = Vec::new();
        let trip = parse_one(text, &mut unknown).expect("parses whole");
        (trip, unknown)
    }

    fn piecewise(text: &str) -> Option<(Trip, Vec<FieldPath>)> {
        let mut unknown = Vec::new();
        parse(text, &mut unknown).map(|trip| (trip, unknown))
    }

    const TRICKY: &str = r#"
format = 1
title = "Headers in [[events]] strings"
summary = """
[[events]]
not a header, "quoted" and \""" escaped ""
"""
travellers = [
  "kerry",
]
story = ['a', "b"] # [[events]] in a comment

[[places]]
id = "a"
lat = 1.0
lon = 2.0

[[ events ]]
id = "a"
title = 'it is [ok]'
colour = "unknown key"
  [[events.meetings]]
  with = ["x"]
  [events.extra]
  note = '''
[[events]]
'''

[[people]]
id = "x"

[[events]]
id = "b"
typo = 1
"#;

    #[test]
    fn a_tricky_file_read_in_pieces_equals_the_whole_parse() {
        let (trip, unknown) = piecewise(TRICKY).expect("reads in pieces");
        let (expected, expected_unknown) = whole(TRICKY);
        assert_eq!(trip, expected);
        assert_eq!(trip.events.len(), 2);
        let mut got: Vec<String> = unknown.iter().map(ToString::to_string).collect();
        let mut want: Vec<String> = expected_unknown.iter().map(ToString::to_string).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn thousands_of_events_come_back_in_file_order_with_unknown_keys_at_their_index() {
        let mut text = String::from("format = 1\ntitle = \"many\"\n");
        for i in 0..2500 {
            text.push_str(&format!("[[events]]\nid = \"e{i}\"\n"));
            if i == 2100 {
                text.push_str("misspelt = true\n");
            }
        }
        let (trip, unknown) = piecewise(&text).expect("reads in pieces");
        assert_eq!(trip, whole(&text).0);
        assert_eq!(unknown.len(), 1);
        assert_eq!(unknown[0].to_string(), whole(&text).1[0].to_string());
    }

    #[test]
    fn what_the_cutting_cannot_follow_is_left_to_the_whole_parse() {
        for text in [
            "title = \"open\n[[events]]\nid = \"a\"\n",
            "[[\"events\"]]\nid = \"a\"\n",
            "events = [{ id = \"a\" }]\n[[events]]\nid = \"b\"\n",
            "[[events]]\nid = 1\n",
            "[[events]]\nid = \"a\"\n[[events]\n",
        ] {
            assert!(piecewise(text).is_none(), "{text}");
        }
    }
}
