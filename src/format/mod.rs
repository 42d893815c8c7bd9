//! Reading trip files: TOML (native) and JSON (same schema), with located diagnostics.
//!
//! Loading a file never stops at the first problem it can recover from: syntax and type errors
//! (which leave nothing to check) are reported alone, but once the file parses, every validation
//! problem and every unknown key is reported together, each with its line and column.

pub mod diagnostic;
pub mod json_spans;
pub mod media_file;
pub mod save;
pub mod spans;
pub mod text_file;
mod toml_pieces;
pub mod write;

use std::path::{Path, PathBuf};

use crate::model::{FieldPath, Problem, Resolution, Severity, Trip, resolve};

pub use diagnostic::{Diagnostic, Located, Report};
use spans::{SpanIndex, offset_of};

/// Which syntax a trip file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// TOML, the native format (comments allowed).
    Toml,
    /// JSON with the same schema.
    Json,
}

impl FileFormat {
    /// The format for `path`, chosen by extension: `.json` is JSON, anything else TOML.
    pub fn of(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") => Self::Json,
            _ => Self::Toml,
        }
    }
}

/// The folder holding the file at `path` (`.` for a bare file name): where its backup and
/// temporary files go and where its pictures must stay.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    }
}

/// A file could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}: {source}", path.display())]
pub struct ReadError {
    /// The file.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

/// The result of reading and checking one trip file.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The document, if it parsed (it may still have validation errors).
    pub trip: Option<Trip>,
    /// Validation outcome, if it parsed.
    pub resolution: Option<Resolution>,
    /// Every diagnostic, located.
    pub report: Report,
}

impl Checked {
    /// The trip and its chronology, if the file has no errors.
    pub fn into_valid(self) -> Result<(Trip, Resolution, Report), Report> {
        match (self.trip, self.resolution) {
            (Some(trip), Some(resolution)) if !self.report.has_errors() => {
                Ok((trip, resolution, self.report))
            }
            _ => Err(self.report),
        }
    }
}

/// Read and check the trip file at `path`.
pub fn check_file(path: &Path) -> Result<Checked, ReadError> {
    let text = text_file::read_text(path, text_file::MAX_TRIP_BYTES).map_err(|source| ReadError {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(check_text(path, FileFormat::of(path), text))
}

/// Check trip file `text`, reporting against the name `path`.
pub fn check_text(path: &Path, format: FileFormat, text: String) -> Checked {
    let mut report = Report::new(path, text);
    let mut unknown_keys = Vec::new();
    let parsed = match format {
        FileFormat::Toml => parse_toml(&report.text, &mut unknown_keys),
        FileFormat::Json => parse_json(&report.text, &mut unknown_keys),
    };
    let (trip, spans) = match parsed {
        Ok(parsed) => parsed,
        Err(diagnostic) => {
            report.diagnostics.push(diagnostic);
            return Checked {
                trip: None,
                resolution: None,
                report,
            };
        }
    };
    let resolution = resolve(&trip);
    let unknown: Vec<Problem> = unknown_keys
        .into_iter()
        .map(|path| {
            Problem::warning(
                path.clone(),
                format!("unknown key `{}`", last_key(&path)),
                "it is kept but not used; check its spelling against the format in the README",
            )
        })
        .collect();
    let pictures = picture_problems(path, &trip);
    // Locate only what is reported: a valid file is not indexed at all.
    let problems: Vec<&Problem> = resolution
        .problems
        .iter()
        .chain(&unknown)
        .chain(&pictures)
        .collect();
    let spans = if problems.is_empty() {
        SpanIndex::default()
    } else {
        spans.index(&report.text, problems.iter().map(|p| &p.path))
    };
    for problem in problems.into_iter().cloned() {
        report.diagnostics.push(Diagnostic {
            severity: problem.severity,
            message: problem.message,
            help: problem.help,
            span: spans.lookup(&problem.path),
            field: Some(problem.path.to_string()).filter(|f| !f.is_empty()),
        });
    }
    report.sort();
    Checked {
        trip: Some(trip),
        resolution: Some(resolution),
        report,
    }
}

/// A warning for each picture the app would not show (outside the trip's folder, missing, not
/// a regular file, too large), when the trip's folder exists on disk.
fn picture_problems(path: &Path, trip: &Trip) -> Vec<Problem> {
    if !folder_of(path).is_dir() {
        return Vec::new();
    }
    let mut problems = Vec::new();
    for (e, event) in trip.events.iter().enumerate() {
        for (m, media) in event.media.iter().enumerate() {
            if media.path.is_empty() {
                continue;
            }
            if let Err(refused) = media_file::confine(path, &media.path) {
                problems.push(Problem::warning(
                    FieldPath::root()
                        .key("events")
                        .index(e)
                        .key("media")
                        .index(m)
                        .key("path"),
                    format!("picture `{}` will not be shown", media.path),
                    refused.to_string(),
                ));
            }
        }
    }
    problems
}

fn last_key(path: &FieldPath) -> String {
    match path.0.last() {
        Some(crate::model::PathSegment::Key(k)) => k.clone(),
        Some(crate::model::PathSegment::Index(i)) => i.to_string(),
        None => String::new(),
    }
}

fn syntax_error(message: &str, span: Option<std::ops::Range<usize>>, help: &str) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        message: message.trim().to_owned(),
        help: help.to_owned(),
        span,
        field: None,
    }
}

/// How to find spans in a parsed file, once it is known which are needed.
#[derive(Clone, Copy, Debug)]
enum Spans {
    Toml,
    Json,
}

impl Spans {
    /// The spans of `paths` (and their ancestors) in `text`.
    fn index<'p>(self, text: &str, paths: impl IntoIterator<Item = &'p FieldPath>) -> SpanIndex {
        let wanted = SpanIndex::wanting(paths);
        match self {
            // The text already parsed once, so a second parse fails only if toml_edit and toml
            // disagree; then problems have no position rather than none at all.
            Self::Toml => match toml_edit::Document::parse(text) {
                Ok(document) => wanted.with_toml(&document),
                Err(_) => wanted,
            },
            Self::Json => json_spans::index_json_into(text, wanted, usize::MAX),
        }
    }
}

fn parse_toml(text: &str, unknown: &mut Vec<FieldPath>) -> Result<(Trip, Spans), Diagnostic> {
    // A large file is read a piece at a time (see `toml_pieces`); when that declines, the
    // whole parse below gives the same trip or the located error.
    if text.len() >= toml_pieces::PIECEWISE_BYTES
        && let Some(trip) = toml_pieces::parse(text, unknown)
    {
        return Ok((trip, Spans::Toml));
    }
    const HELP: &str = "fix the TOML syntax here; see the file format in the README";
    let deserializer =
        toml::Deserializer::parse(text).map_err(|e| syntax_error(e.message(), e.span(), HELP))?;
    let trip: Trip = serde_ignored::deserialize(deserializer, |path| unknown.push(to_field_path(&path)))
        .map_err(|e| {
            syntax_error(
                e.message(),
                e.span(),
                "give this field a value of the type the README's schema shows",
            )
        })?;
    Ok((trip, Spans::Toml))
}

fn parse_json(text: &str, unknown: &mut Vec<FieldPath>) -> Result<(Trip, Spans), Diagnostic> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let trip: Trip = serde_ignored::deserialize(&mut deserializer, |path| unknown.push(to_field_path(&path)))
        .and_then(|trip| deserializer.end().map(|()| trip))
        .map_err(|e| {
            let offset = offset_of(text, e.line(), e.column().max(1));
            let help = if e.is_syntax() || e.is_eof() {
                "fix the JSON syntax here"
            } else {
                "give this field a value of the type the README's schema shows"
            };
            // serde_json appends " at line L column C"; we show the position ourselves.
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or_default().to_owned();
            syntax_error(&message, Some(offset..offset + 1), help)
        })?;
    Ok((trip, Spans::Json))
}

/// Convert serde_ignored's path to ours.
fn to_field_path(path: &serde_ignored::Path<'_>) -> FieldPath {
    use serde_ignored::Path as P;
    match path {
        P::Root => FieldPath::root(),
        P::Seq { parent, index } => to_field_path(parent).index(*index),
        P::Map { parent, key } => to_field_path(parent).key(key),
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            to_field_path(parent)
        }
    }
}
