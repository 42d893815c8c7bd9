//! `itinera import IN... -o OUT` and File ▸ Import: read files in other formats into one trip.
//!
//! Each input's format is recognised by its extension and content; each is read into its own
//! trip, and the trips are merged: places at the same spot with the same name become one,
//! people and sources with the same id are the same, and colliding event ids get a suffix. So
//! several travel-record files become one trip with several travellers. Any error in any file
//! stops the import before anything is written; warnings (such as a city the gazetteer lacks)
//! are returned with the trip.

//!
//! Rooms: this module is the dispatcher. The readers (`*_in.rs`, one per format) depend only on
//! the shared leaves below them — [`part`], [`import_problem`], [`progress`], [`geocode`],
//! [`incoming`], [`slide_in`], [`written_date`], [`csv_parse`], [`xml_depth`] — and never on each other or on
//! this module; [`validate`] locates each file's errors in that file, [`merge`] joins their trips.

pub mod csv_parse;
pub mod geocode;
pub mod geojson_in;
pub mod import_problem;
pub mod incoming;
pub mod itinera_csv_in;
pub mod merge;
pub mod part;
pub mod progress;
pub mod slide_in;
pub mod storymap_in;
pub mod timeline_csv_in;
pub mod timelinejs_in;
pub mod travels_xml_in;
pub mod validate;
pub mod visit_place;
pub mod written_date;
pub mod xml_depth;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::format::diagnostic::{MAX_MESSAGE_CHARS, clip};
use geocode::Placer;
use import_problem::{ImportProblem, JsonInput};
pub use merge::merge;
use part::{Part, PartRead};
pub use progress::{Cancelled, Progress};

use crate::model::Trip;

/// The formats `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// Our CSV layout (README).
    ItineraCsv,
    /// The TimelineJS spreadsheet layout, saved as CSV.
    TimelineCsv,
    /// TimelineJS JSON.
    TimelineJson,
    /// StoryMapJS JSON.
    StoryMapJson,
    /// GeoJSON point features.
    GeoJson,
    /// Office of the Historian travel records.
    TravelsXml,
}

impl ImportFormat {
    /// A readable name, e.g. for the import report.
    pub fn label(self) -> &'static str {
        match self {
            Self::ItineraCsv => "Itinera CSV",
            Self::TimelineCsv => "TimelineJS spreadsheet (CSV)",
            Self::TimelineJson => "TimelineJS JSON",
            Self::StoryMapJson => "StoryMapJS JSON",
            Self::GeoJson => "GeoJSON",
            Self::TravelsXml => "Office of the Historian travel records",
        }
    }

    /// Recognise the format of `text` read from `path`; a JSON file comes back parsed, so it
    /// is parsed once.
    pub fn detect(path: &Path, text: &str) -> Result<(Self, Option<serde_json::Value>), ImportProblem> {
        let unknown = |message: &str, help: &str| ImportProblem::error(1, 1, message, help);
        let trip_help = "use File ▸ Open (or `itinera check`) for Itinera trip files";
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let start = text.trim_start_matches('\u{feff}').trim_start();
        match extension.as_str() {
            "xml" => Ok((Self::TravelsXml, None)),
            "csv" => {
                let header = start.lines().next().unwrap_or_default().to_lowercase();
                let format = if header.contains("headline") {
                    Self::TimelineCsv
                } else {
                    Self::ItineraCsv
                };
                Ok((format, None))
            }
            "toml" => Err(unknown("this is already a trip file", trip_help)),
            _ if start.starts_with('<') => Ok((Self::TravelsXml, None)),
            _ => {
                let value = import_problem::json_value(text)?;
                let kind = value.get("type").and_then(|t| t.as_str());
                if value.get("storymap").is_some() {
                    Ok((Self::StoryMapJson, Some(value)))
                } else if matches!(kind, Some("FeatureCollection" | "Feature")) {
                    Ok((Self::GeoJson, Some(value)))
                } else if value.get("format").is_some() && value.get("places").is_some() {
                    Err(unknown("this is already a trip file", trip_help))
                } else if value.get("events").is_some() {
                    Ok((Self::TimelineJson, Some(value)))
                } else {
                    Err(unknown(
                        "this JSON is neither TimelineJS, StoryMapJS nor GeoJSON",
                        "TimelineJS has an `events` list, StoryMapJS a `storymap`, GeoJSON a `type`",
                    ))
                }
            }
        }
    }
}

/// A problem in one of the imported files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    /// The file.
    pub file: PathBuf,
    /// The problem, with its line and column.
    pub problem: ImportProblem,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.problem;
        write!(
            f,
            "{}: {}:{}:{}: {}\n  = help: {}",
            p.severity(),
            self.file.display(),
            p.line,
            p.column,
            clip(&p.message, MAX_MESSAGE_CHARS),
            clip(&p.help, MAX_MESSAGE_CHARS)
        )
    }
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A file could not be read.
    #[error("cannot read {}: {source}", file.display())]
    Unreadable {
        /// The file.
        file: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Files have errors (warnings may be among them).
    #[error("{} problem(s) in the imported files", .0.len())]
    Problems(Vec<FileProblem>),
    /// The user cancelled.
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
}

/// The merged result of an import.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// The trip, ready to save.
    pub trip: Trip,
    /// Warnings, by file.
    pub warnings: Vec<FileProblem>,
    /// Records read in all files.
    pub records: usize,
    /// Records that became placed events.
    pub placed: usize,
    /// Of those, the ones placed only at a region's or country's centre (marked approximate).
    pub approximate: usize,
    /// Each file with its recognised format.
    pub formats: Vec<(PathBuf, ImportFormat)>,
}

impl Imported {
    /// "348 records, 341 placed (98%)", and how many of those are approximate.
    pub fn summary(&self) -> String {
        let share = |n: usize| {
            if self.records == 0 {
                100.0
            } else {
                n as f64 * 100.0 / self.records as f64
            }
        };
        let mut summary = format!(
            "{} records, {} placed ({:.0}%)",
            self.records,
            self.placed,
            share(self.placed)
        );
        if self.approximate > 0 {
            let exact = self.placed - self.approximate;
            summary.push_str(&format!(
                ": {exact} at their named place ({:.1}%), {} approximate ({:.1}%)",
                share(exact),
                self.approximate,
                share(self.approximate)
            ));
        }
        summary
    }
}

/// Read every file in `files` and merge them into one trip.
pub fn import_files(files: &[PathBuf], progress: &Progress) -> Result<Imported, ImportError> {
    let read = files.iter().map(|file| {
        crate::format::text_file::read_text(file, crate::format::text_file::MAX_IMPORT_BYTES)
            .map(|text| (file.clone(), text))
            .map_err(|source| ImportError::Unreadable {
                file: file.clone(),
                source,
            })
    });
    import_texts(read, progress)
}

/// [`import_files`] on texts already read, each with the path it is reported under (whose
/// extension also helps recognise its format): for tests and the fuzzer.
pub fn import_texts(
    inputs: impl IntoIterator<Item = Result<(PathBuf, String), ImportError>>,
    progress: &Progress,
) -> Result<Imported, ImportError> {
    let gazetteer = crate::gazetteer::shared();
    let mut imported = Imported::default();
    let mut errors = Vec::new();
    let mut files = 0;
    for input in inputs {
        let (file, text) = input?;
        let file = &file;
        files += 1;
        let at_file = |problem| FileProblem {
            file: file.clone(),
            problem,
        };
        let (format, json) = match ImportFormat::detect(file, &text) {
            Ok(detected) => detected,
            Err(problem) => {
                errors.push(at_file(problem));
                continue;
            }
        };
        let mut trip = Trip::default();
        let mut placer = Placer::new(gazetteer, &trip);
        let read = read_part(format, &text, json, &mut trip, &mut placer, progress)?;
        match read {
            Ok(part) if part.records == 0 => errors.push(at_file(ImportProblem::error(
                1,
                1,
                "there is nothing to import in this file: it has no records".to_owned(),
                "check that it is the right file and that its records are not all empty",
            ))),
            Ok(part) => {
                if trip.title.is_empty() {
                    trip.title = file
                        .file_stem()
                        .map_or(String::new(), |s| s.to_string_lossy().into_owned());
                }
                trip.format = crate::model::trip::FORMAT_VERSION;
                // Nothing is written unless the whole result is valid, and each error is
                // told at the record it came from: the input is where the fix belongs.
                let invalid = validate::located_errors(&trip, &part.origins);
                imported.warnings.extend(part.warnings.into_iter().map(at_file));
                if !invalid.is_empty() {
                    errors.extend(invalid.into_iter().map(at_file));
                    continue;
                }
                imported.records += part.records;
                imported.placed += part.placed;
                imported.approximate += part.approximate;
                merge(&mut imported.trip, trip);
            }
            Err(problems) => errors.extend(problems.into_iter().map(at_file)),
        }
        imported.formats.push((file.clone(), format));
    }
    if !errors.is_empty() {
        errors.extend(imported.warnings);
        return Err(ImportError::Problems(errors));
    }
    imported.trip.format = crate::model::trip::FORMAT_VERSION;
    if files > 1 {
        merge::name_collection(&mut imported.trip);
    }
    Ok(imported)
}

/// Run the importer for `format`.
fn read_part(
    format: ImportFormat,
    text: &str,
    json: Option<serde_json::Value>,
    trip: &mut Trip,
    placer: &mut Placer<'_>,
    progress: &Progress,
) -> PartRead {
    // Records are at most this deep: `events[i]`, `features[i]`, `storymap.slides[i]`.
    let mut json = json;
    let mut json_input = |depth| JsonInput::new(text, json.take().unwrap_or_default(), depth);
    match format {
        ImportFormat::ItineraCsv => Ok(itinera_csv_in::from_csv_located(text, "").map(|(read, origins)| {
            let part = Part {
                records: read.events.len(),
                placed: read.events.len(),
                origins,
                ..Part::default()
            };
            *trip = read;
            part
        })),
        ImportFormat::TravelsXml => travels_xml_in::from_travels_xml(text, trip, placer, progress),
        ImportFormat::TimelineJson => {
            timelinejs_in::from_timeline_json(&json_input(2), trip, placer, progress)
        }
        ImportFormat::TimelineCsv => timeline_csv_in::from_timeline_csv(text, trip, placer, progress),
        ImportFormat::StoryMapJson => storymap_in::from_storymap_json(&json_input(3), trip, placer, progress),
        ImportFormat::GeoJson => geojson_in::from_geojson(&json_input(2), trip, placer, progress),
    }
}

/// `text` as it may stand in a TOML comment: control characters (a line break, a NUL, a
/// carriage return from the input, which TOML forbids in comments; found by the fuzzer) become
/// spaces.
fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Write the imported trip to `out` (atomically, an existing file kept as `.bak`).
pub fn save_imported(imported: &Imported, out: &Path) -> Result<(), String> {
    let text = trip_text(imported, out)?;
    crate::format::save::save_atomic(out, text.as_bytes()).map_err(|e| e.to_string())
}

/// The imported trip as the text of a trip file at `out` (TOML or JSON by its extension). A
/// TOML file starts with comments saying where it came from and listing every warning, so
/// records that were left out stay visible next to the trip until someone adds them.
pub fn trip_text(imported: &Imported, out: &Path) -> Result<String, String> {
    let format = crate::format::FileFormat::of(out);
    let mut header = String::from("# Imported by Itinera from:\n");
    for (file, format) in &imported.formats {
        header += &format!(
            "#   {} ({})\n",
            comment_text(&file.display().to_string()),
            format.label()
        );
    }
    header += &format!("# {}.\n", imported.summary());
    if !imported.warnings.is_empty() {
        header += "# Warnings:\n";
        for warning in &imported.warnings {
            let p = &warning.problem;
            let name = warning
                .file
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            header += &format!(
                "#   {}:{}:{}: {}\n",
                comment_text(&name),
                p.line,
                p.column,
                comment_text(&p.message)
            );
        }
    }
    let text = crate::format::write::to_text(&imported.trip, format, "").map_err(|e| e.to_string())?;
    Ok(match format {
        crate::format::FileFormat::Toml => format!("{header}\n{text}"),
        crate::format::FileFormat::Json => text,
    })
}
