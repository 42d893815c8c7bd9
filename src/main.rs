//! The `itinera` binary: parse the command line, then check files or open the window.

use std::process::ExitCode;

use clap::Parser as _;
use itinera::cli::{Cli, CliCommand, check};

fn main() -> anyhow::Result<ExitCode> {
    // geo warns about degenerate slivers in the map data while placing labels; that is not news.
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn,geo=error")).init();
    let cli = Cli::parse();
    match cli.command {
        Some(CliCommand::Check { files }) => {
            let status = check(&files, &mut std::io::stdout().lock());
            return Ok(ExitCode::from(status as u8));
        }
        Some(CliCommand::Slides { file, out, size }) => return Ok(slides(file, &out, size)),
        Some(CliCommand::Import { files, out }) => {
            let status = itinera::cli::import(&files, &out, &mut std::io::stderr().lock());
            return Ok(ExitCode::from(status as u8));
        }
        Some(CliCommand::Export {
            file,
            format,
            out,
            size,
        }) => {
            let Some(format) = format.format() else {
                return Ok(view_png(file, &out, size));
            };
            let status = itinera::cli::export(&file, format, &out, &mut std::io::stderr().lock());
            return Ok(ExitCode::from(status as u8));
        }
        None => {}
    }
    let file = cli.file.unwrap_or_else(|| itinera::BUNDLED_TRIP.into());
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Itinera")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Itinera",
        options,
        Box::new(move |cc| Ok(Box::new(itinera::App::new(cc, Some(file))))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// `itinera slides`: check the file, then run the app just long enough to save every slide.
fn slides(file: std::path::PathBuf, out: &std::path::Path, size: (u32, u32)) -> ExitCode {
    let folder = out.to_path_buf();
    run_export_window(
        file,
        "slides",
        size,
        move |cc, file, shared| itinera::App::exporting(cc, file, &folder, shared),
        |count, folder| format!("Saved {count} slides to {}", folder.display()),
    )
}

/// `itinera export --to png`: check the file, then open the app at the picture's size just
/// long enough to save the map and timeline.
fn view_png(file: std::path::PathBuf, out: &std::path::Path, size: (u32, u32)) -> ExitCode {
    let target = out.to_path_buf();
    run_export_window(
        file,
        "the map and timeline",
        size,
        move |cc, file, shared| itinera::App::saving_view(cc, file, &target, size, shared),
        |_, path| format!("Saved the map and timeline to {}", path.display()),
    )
}

/// Check `file`, then run the app in a window of `size` built by `start` until it reports
/// how the export of `what` went; `saved` words the success.
fn run_export_window(
    file: std::path::PathBuf,
    what: &str,
    (width, height): (u32, u32),
    start: impl FnOnce(
        &eframe::CreationContext<'_>,
        std::path::PathBuf,
        itinera::app::ExportResult,
    ) -> itinera::App
    + 'static,
    saved: impl Fn(usize, &std::path::Path) -> String,
) -> ExitCode {
    if check(std::slice::from_ref(&file), &mut std::io::stderr().lock()) != itinera::cli::CheckStatus::Valid {
        return ExitCode::from(1);
    }
    let result = itinera::app::ExportResult::default();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("Itinera: exporting {what}"))
            .with_inner_size([width as f32, height as f32])
            .with_resizable(false),
        // The export's window size is not the user's: do not remember it.
        persist_window: false,
        ..Default::default()
    };
    let shared = result.clone();
    let run = eframe::run_native(
        "Itinera",
        options,
        Box::new(move |cc| Ok(Box::new(start(cc, file, shared)))),
    );
    if let Err(error) = run {
        eprintln!(
            "error: could not open a window to draw {what}: {error}\n  = help: on a machine without a display, run it under xvfb-run"
        );
        return ExitCode::from(2);
    }
    let outcome = result
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    match outcome {
        Some(itinera::ui::present::export::ExportOutcome::Saved(count, path)) => {
            eprintln!("{}", saved(count, &path));
            ExitCode::SUCCESS
        }
        Some(itinera::ui::present::export::ExportOutcome::Failed(error)) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
        None => {
            eprintln!("error: the window closed before {what} was saved");
            ExitCode::from(1)
        }
    }
}
