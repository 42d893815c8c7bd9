//! The command line: `itinera [FILE]` opens the app; `check FILE...` validates files; `import`
//! turns other tools' files into a trip; `export` writes a trip in another format; `slides` and
//! `export --to png` (which need a window) are run by `main` through [`crate::app::export_window`].
//!
//! Exit codes of `check`: 0 every file is valid (warnings allowed), 1 some file has errors,
//! 2 a usage or I/O error (clap's own usage errors also exit 2).

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::format;

/// Explore and present diplomatic trips on an offline map and timeline.
#[derive(Debug, Parser)]
#[command(name = "itinera", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Trip file to open (TOML or JSON); the bundled Kerry 2015 trip when omitted. `FILE#ID`
    /// (as *Copy event reference* writes it) opens at the event `ID`.
    pub file: Option<PathBuf>,
    /// Open with the event of this id selected and in view (presenting: at its slide).
    #[arg(long, value_name = "ID")]
    pub event: Option<String>,
    /// Start presenting (full screen) as soon as the trip opens.
    #[arg(long)]
    pub present: bool,
    /// Present from this slide, counted from 1 (implies --present).
    #[arg(long, value_name = "N")]
    pub slide: Option<usize>,
    /// Open a bundled example instead of a file: `kerry-2015` or `official-travels` (every
    /// foreign trip of the U.S. presidents and secretaries of state).
    #[arg(long, value_name = "NAME", conflicts_with = "file", value_parser = parse_example)]
    pub example: Option<&'static crate::Example>,
    /// Print frames drawn, the app's own work per frame (median, mean, worst) and resident
    /// memory to standard error once a second.
    #[arg(long)]
    pub frame_stats: bool,
    /// What to do instead of opening the app.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Check trip files and print every problem with its file, line and column.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Read files in other formats into one trip and write it as TOML (or JSON): Itinera CSV,
    /// TimelineJS JSON or spreadsheet CSV, StoryMapJS JSON, GeoJSON points, or the Office of the
    /// Historian's travel records (XML; several files become several travellers).
    Import {
        /// The files to read; the format of each is recognised from its name and content.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The trip file to write (TOML, or JSON by its extension).
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Write the trip in another format: GeoJSON (RFC 7946), CSV (one row per event), TimelineJS
    /// or StoryMapJS JSON, or a printable HTML handout (one section per stop, with a map).
    Export {
        /// The trip file.
        file: PathBuf,
        /// The format to write.
        #[arg(long = "to", value_enum)]
        format: ExportTarget,
        /// The file to write (its previous version is kept as .bak).
        #[arg(short, long)]
        out: PathBuf,
        /// For `--to png`: the picture's size in pixels, WIDTHxHEIGHT.
        #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
        size: (u32, u32),
    },
    /// Write a synthetic collection (travellers on journeys between real cities, with meetings
    /// and quotes) for benchmarks and stress tests; the same seed gives the same file.
    Generate {
        /// How many events.
        #[arg(long)]
        events: usize,
        /// How many travellers share them.
        #[arg(long, default_value_t = 20)]
        travellers: usize,
        /// The seed of the random choices.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The trip file to write (TOML, or JSON by its extension; a previous version is kept
        /// as .bak).
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Save every slide of the trip's presentation as a PNG image (slide-01.png, …) in a folder.
    /// Opens a window to draw them (on a server, run it under xvfb-run).
    Slides {
        /// The trip file.
        file: PathBuf,
        /// The folder to write the images to (created if missing).
        #[arg(short, long)]
        out: PathBuf,
        /// Image size in pixels, WIDTHxHEIGHT, e.g. 1920x1080 (16:9) or 1440x1080 (4:3).
        #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
        size: (u32, u32),
    },
    /// Record the trip's presentation as a video: MP4 (H.264) or, for short clips, an animated
    /// GIF, by the file name. Each slide is held for the trip's slide_seconds while the map flies
    /// to its stop and the route draws itself. Opens a window to draw the frames (on a server,
    /// run it under xvfb-run).
    Video {
        /// The trip file.
        file: PathBuf,
        /// The video file to write: NAME.mp4 or NAME.gif (an existing one is kept as NAME.mp4.bak).
        #[arg(short, long)]
        out: PathBuf,
        /// Frame size in pixels, WIDTHxHEIGHT (even numbers), e.g. 1920x1080 or 1280x720.
        #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
        size: (u32, u32),
        /// Frames per second (1 to 60).
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=60))]
        fps: u32,
    },
}

/// `itinera generate`: write a synthetic collection for benchmarks and stress tests. Returns
/// the exit code: 0 written, 2 the file could not be written.
pub fn generate(
    options: crate::generate::GenerateOptions,
    out: &std::path::Path,
    err: &mut dyn Write,
) -> i32 {
    let trip = crate::generate::generate(options);
    let format = format::FileFormat::of(out);
    let text = match format::write::to_text(&trip, format, "") {
        Ok(text) => text,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return 2;
        }
    };
    if let Err(error) = format::save::save_atomic(out, text.as_bytes()) {
        let _ = writeln!(err, "error: {}: {error}", out.display());
        return 2;
    }
    let _ = writeln!(
        err,
        "Wrote {} events of {} travellers at {} places to {}",
        trip.events.len(),
        trip.travellers.len(),
        trip.places.len(),
        out.display()
    );
    0
}

/// What `export --to` writes: a file format, or a picture of the app's window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportTarget {
    /// GeoJSON (RFC 7946): a Point per event, a LineString for the route.
    Geojson,
    /// CSV: one row per event, in the columns documented in the README.
    Csv,
    /// TimelineJS JSON.
    Timelinejs,
    /// StoryMapJS JSON.
    Storymap,
    /// A printable, self-contained HTML handout.
    Handout,
    /// A PNG of the map and timeline as the app shows the trip (opens a window; on a server,
    /// run it under xvfb-run).
    Png,
}

impl ExportTarget {
    /// The file format, or `None` for the picture.
    pub fn format(self) -> Option<crate::interchange::export::ExportFormat> {
        use crate::interchange::export::ExportFormat;
        match self {
            Self::Geojson => Some(ExportFormat::Geojson),
            Self::Csv => Some(ExportFormat::Csv),
            Self::Timelinejs => Some(ExportFormat::Timelinejs),
            Self::Storymap => Some(ExportFormat::Storymap),
            Self::Handout => Some(ExportFormat::Handout),
            Self::Png => None,
        }
    }
}

/// Parse "1920x1080" into (1920, 1080), each between 320 and 7680.
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let number = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (320..=7680).contains(n))
            .ok_or_else(|| format!("`{s}` in `{text}` is not a size between 320 and 7680 pixels"))
    };
    Ok((number(w)?, number(h)?))
}

/// Exit status of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckStatus {
    /// Every file is valid.
    Valid = 0,
    /// At least one file has errors.
    Invalid = 1,
    /// A file could not be read.
    IoError = 2,
}

/// Check `files`, writing diagnostics to `out`, and return the exit status.
pub fn check(files: &[PathBuf], out: &mut dyn Write) -> CheckStatus {
    let mut status = CheckStatus::Valid;
    for file in files {
        match format::check_file(file) {
            Ok(checked) => {
                let _ = write!(out, "{}", checked.report.render());
                if checked.report.has_errors() && status == CheckStatus::Valid {
                    status = CheckStatus::Invalid;
                }
            }
            Err(error) => {
                let _ = writeln!(
                    out,
                    "error: {error}\n  = help: check the path and that the file is readable"
                );
                status = CheckStatus::IoError;
            }
        }
    }
    status
}

/// Export `file` as `format` into `out`, writing problems to `err`; the exit status is that of
/// `check` (1 when the trip has errors, 2 when a file cannot be read or written).
pub fn export(
    file: &std::path::Path,
    format: crate::interchange::export::ExportFormat,
    out: &std::path::Path,
    err: &mut dyn Write,
) -> CheckStatus {
    let checked = match format::check_file(file) {
        Ok(checked) => checked,
        Err(error) => {
            let _ = writeln!(
                err,
                "error: {error}\n  = help: check the path and that the file is readable"
            );
            return CheckStatus::IoError;
        }
    };
    let (trip, resolution, report) = match checked.into_valid() {
        Ok(valid) => valid,
        Err(report) => {
            let _ = write!(err, "{}", report.render());
            return CheckStatus::Invalid;
        }
    };
    let _ = write!(err, "{}", report.render());
    let text = crate::interchange::export::export_text(&trip, &resolution.chronology, format);
    match crate::interchange::export::write_export(out, &text) {
        Ok(()) => CheckStatus::Valid,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            CheckStatus::IoError
        }
    }
}

/// Import `files` into the trip file `out`, writing problems and a summary to `err`: 0 written,
/// 1 a file has errors (nothing written), 2 a file could not be read or written.
pub fn import(files: &[PathBuf], out: &std::path::Path, err: &mut dyn Write) -> CheckStatus {
    use crate::interchange::import::{ImportError, import_files};
    let progress = crate::interchange::import::Progress::default();
    let imported = match import_files(files, &progress) {
        Ok(imported) => imported,
        Err(ImportError::Problems(problems)) => {
            for problem in problems {
                let _ = writeln!(err, "{problem}");
            }
            let _ = writeln!(err, "nothing was written");
            return CheckStatus::Invalid;
        }
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            return CheckStatus::IoError;
        }
    };
    for warning in &imported.warnings {
        let _ = writeln!(err, "{warning}");
    }
    if let Err(error) = crate::interchange::import::save_imported(&imported, out) {
        let _ = writeln!(err, "error: {error}");
        return CheckStatus::IoError;
    }
    let _ = writeln!(err, "Imported {} into {}", imported.summary(), out.display());
    check(&[out.to_path_buf()], err)
}

/// The bundled example called `name`.
fn parse_example(name: &str) -> Result<&'static crate::Example, String> {
    crate::EXAMPLES.iter().find(|e| e.name == name).ok_or_else(|| {
        let names: Vec<&str> = crate::EXAMPLES.iter().map(|e| e.name).collect();
        format!(
            "there is no example `{name}`; the examples are: {}",
            names.join(", ")
        )
    })
}
