//! The command line: `itinera [FILE]` opens the app, `itinera check FILE...` validates files.
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
