//! The command line: `itinera [FILE]` opens the app, `itinera check FILE...` validates files,
//! `itinera slides FILE -o DIR` saves the presentation's slides as PNG images.
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
    /// Trip file to open (TOML or JSON); the bundled Kerry 2015 trip when omitted.
    pub file: Option<PathBuf>,
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
    /// Read a trip from a CSV file in Itinera's layout (see the README) and write it as TOML.
    Import {
        /// The CSV file.
        file: PathBuf,
        /// The trip file to write (TOML, or JSON by its extension).
        #[arg(short, long)]
        out: PathBuf,
    },
    /// Write the trip in another format: GeoJSON (RFC 7946) or CSV (one row per event).
    Export {
        /// The trip file.
        file: PathBuf,
        /// The format to write.
        #[arg(long = "to", value_enum)]
        format: crate::interchange::ExportFormat,
        /// The file to write (its previous version is kept as .bak).
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
    format: crate::interchange::ExportFormat,
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
    let chronology = &resolution.chronology;
    let text = match format {
        crate::interchange::ExportFormat::Geojson => {
            let value = crate::interchange::geojson::to_geojson(&trip, chronology);
            serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
        }
        crate::interchange::ExportFormat::Csv => crate::interchange::csv_out::to_csv(&trip, chronology),
    };
    match crate::interchange::write_export(out, &text) {
        Ok(()) => CheckStatus::Valid,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            CheckStatus::IoError
        }
    }
}

/// Import the CSV `file` into the trip file `out`, writing problems to `err`: 0 written, 1 the
/// CSV has problems (nothing written), 2 a file could not be read or written.
pub fn import(file: &std::path::Path, out: &std::path::Path, err: &mut dyn Write) -> CheckStatus {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(error) => {
            let _ = writeln!(err, "error: cannot read {}: {error}", file.display());
            return CheckStatus::IoError;
        }
    };
    let title = file
        .file_stem()
        .map_or("Imported trip".into(), |s| s.to_string_lossy())
        .into_owned();
    let trip = match crate::interchange::csv_in::from_csv(&text, &title) {
        Ok(trip) => trip,
        Err(problems) => {
            for p in problems {
                let _ = writeln!(err, "{}:{p}\n  = help: {}", file.display(), p.help);
            }
            return CheckStatus::Invalid;
        }
    };
    let written = crate::format::write::to_text(&trip, crate::format::FileFormat::of(out), "")
        .map_err(|e| e.to_string())
        .and_then(|text| crate::interchange::write_export(out, &text).map_err(|e| e.to_string()));
    if let Err(error) = written {
        let _ = writeln!(err, "error: {error}");
        return CheckStatus::IoError;
    }
    // The trip is written either way, so it can be fixed in the app; say what needs fixing.
    check(&[out.to_path_buf()], err)
}
