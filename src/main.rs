//! The `itinera` binary: parse the command line, then check files or open the window.

use std::process::ExitCode;

use clap::Parser as _;
use itinera::cli::{Cli, CliCommand, check};

fn main() -> anyhow::Result<ExitCode> {
    // geo warns about degenerate slivers in the map data while placing labels; that is not news.
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn,geo=error")).init();
    let cli = Cli::parse();
    if let Some(CliCommand::Check { files }) = cli.command {
        let status = check(&files, &mut std::io::stdout().lock());
        return Ok(ExitCode::from(status as u8));
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
