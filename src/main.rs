//! The `itinera` binary: parse the command line, then check files or open the window.

use std::process::ExitCode;

use clap::Parser as _;
use itinera::app::export_window::{WindowExportError, export_slides, export_video, export_view_png};
use itinera::cli::{Cli, CliCommand, check};

fn main() -> anyhow::Result<ExitCode> {
    let launched = std::time::Instant::now();
    // geo warns about degenerate slivers in the map data while placing labels; that is not news.
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn,geo=error")).init();
    let cli = Cli::parse();
    match cli.command {
        Some(CliCommand::Check { files }) => {
            let status = check(&files, &mut std::io::stdout().lock());
            return Ok(ExitCode::from(status as u8));
        }
        Some(CliCommand::Slides { file, out, size }) => {
            return Ok(window_export(file, |file| export_slides(file, &out, size)));
        }
        Some(CliCommand::Video { file, out, size, fps }) => {
            if itinera::video::VideoFormat::for_path(&out).is_none() {
                eprintln!(
                    "error: {}: the video's file name must end in .mp4 or .gif",
                    out.display()
                );
                return Ok(ExitCode::from(2));
            }
            return Ok(window_export(file, |file| export_video(file, &out, size, fps)));
        }
        Some(CliCommand::Generate {
            events,
            travellers,
            seed,
            out,
        }) => {
            let options = itinera::generate::GenerateOptions {
                events,
                travellers,
                seed,
            };
            let status = itinera::cli::generate(options, &out, &mut std::io::stderr().lock());
            return Ok(ExitCode::from(status as u8));
        }
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
                return Ok(window_export(file, |file| export_view_png(file, &out, size)));
            };
            let status = itinera::cli::export(&file, format, &out, &mut std::io::stderr().lock());
            return Ok(ExitCode::from(status as u8));
        }
        None => {}
    }
    let frame_stats = cli.frame_stats;
    let (file, referenced) = match cli.example {
        Some(example) => (example.path.into(), None),
        None => itinera::start_at::split_reference(&cli.file.unwrap_or_else(|| itinera::BUNDLED_TRIP.into())),
    };
    let start = itinera::start_at::StartAt {
        event: cli.event.or(referenced),
        present: cli.present,
        slide: cli.slide,
    };
    // Read a small trip while the window and renderer are being set up.
    let preread = itinera::app::loader::Preread::start(file.clone());
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
        Box::new(move |cc| {
            let app = itinera::App::with_preread(cc, Some(file), preread).starting_at(start);
            Ok(Box::new(if frame_stats {
                app.print_frame_stats(launched)
            } else {
                app
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// `itinera slides` and `itinera export --to png`: check the file, then let the app's window
/// draw the pictures. Exit status 0 when all were saved, 1 when the trip has errors or a file
/// could not be written, 2 when no window can be opened.
fn window_export(
    file: std::path::PathBuf,
    export: impl FnOnce(std::path::PathBuf) -> Result<String, WindowExportError>,
) -> ExitCode {
    if check(std::slice::from_ref(&file), &mut std::io::stderr().lock()) != itinera::cli::CheckStatus::Valid {
        return ExitCode::from(1);
    }
    match export(file) {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(error @ WindowExportError::NoWindow { .. }) => {
            eprintln!("error: {error}\n  = help: on a machine without a display, run it under xvfb-run");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}
