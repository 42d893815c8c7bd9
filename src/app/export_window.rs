//! Running the window just long enough to draw pictures for the command line: `itinera slides`
//! (every slide as a PNG) and `itinera export --to png` (the map and timeline). The command line
//! reaches the window only through here, so it never needs a panel's types.

use std::path::{Path, PathBuf};

use super::{App, ExportResult};
use crate::ui::present::export::ExportOutcome;
use crate::ui::present::video::VideoOutcome;

/// Why a window export saved nothing (or not everything).
#[derive(Debug, thiserror::Error)]
pub enum WindowExportError {
    /// No window could be opened (e.g. no display).
    #[error("could not open a window to draw {what}: {reason}")]
    NoWindow {
        /// What was to be drawn.
        what: String,
        /// The windowing system's words.
        reason: String,
    },
    /// A picture could not be taken or written.
    #[error("{0}")]
    Failed(String),
    /// The window closed before the export finished.
    #[error("the window closed before {0} was saved")]
    Closed(String),
}

/// Save every slide of the trip at `file` as `slide-NN.png` in `folder`, drawn in a window of
/// `size`; the message says where they went.
pub fn export_slides(file: PathBuf, folder: &Path, size: (u32, u32)) -> Result<String, WindowExportError> {
    let folder = folder.to_path_buf();
    run(
        file,
        "slides",
        size,
        move |cc, file, shared| App::exporting(cc, file, &folder, shared),
        |count, folder| format!("Saved {count} slides to {}", folder.display()),
    )
}

/// Record the presentation of the trip at `file` as the video `out` (MP4 or GIF) at `fps`, in
/// a window of `size`.
pub fn export_video(
    file: PathBuf,
    out: &Path,
    size: (u32, u32),
    fps: u32,
) -> Result<String, WindowExportError> {
    let target = out.to_path_buf();
    run(
        file,
        "the video",
        size,
        move |cc, file, shared| App::recording(cc, file, &target, fps, size, shared),
        move |frames, path| {
            let secs = frames as f64 / f64::from(fps);
            VideoOutcome::Saved(path.to_owned(), frames as u64, secs).message()
        },
    )
}

/// Save the map and timeline of the trip at `file` as the PNG `out`, at `size`.
pub fn export_view_png(file: PathBuf, out: &Path, size: (u32, u32)) -> Result<String, WindowExportError> {
    let target = out.to_path_buf();
    run(
        file,
        "the map and timeline",
        size,
        move |cc, file, shared| App::saving_view(cc, file, &target, size, shared),
        |_, path| format!("Saved the map and timeline to {}", path.display()),
    )
}

/// Run the app in a window of `size` built by `start` until it reports how the export of
/// `what` went; `saved` words the success.
fn run(
    file: PathBuf,
    what: &str,
    (width, height): (u32, u32),
    start: impl FnOnce(&eframe::CreationContext<'_>, PathBuf, ExportResult) -> App + 'static,
    saved: impl Fn(usize, &Path) -> String,
) -> Result<String, WindowExportError> {
    let result = ExportResult::default();
    let export_settings = std::env::temp_dir().join(format!("itinera-export-{}.ron", std::process::id()));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("Itinera: exporting {what}"))
            .with_inner_size([width as f32, height as f32])
            .with_resizable(false),
        // The export's window size is not the user's: do not remember it, and do not start
        // from the one the app remembered (eframe restores it whatever `persist_window` says,
        // and `--size` must win), so the export keeps its settings in a file of its own.
        persist_window: false,
        persistence_path: Some(export_settings.clone()),
        ..Default::default()
    };
    let shared = result.clone();
    let ran = eframe::run_native(
        "Itinera",
        options,
        Box::new(move |cc| Ok(Box::new(start(cc, file, shared)))),
    )
    .map_err(|error| WindowExportError::NoWindow {
        what: what.to_owned(),
        reason: error.to_string(),
    });
    let _ = std::fs::remove_file(&export_settings);
    ran?;
    let outcome = result
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    match outcome {
        Some(ExportOutcome::Saved(count, path)) => Ok(saved(count, &path)),
        Some(ExportOutcome::Failed(error)) => Err(WindowExportError::Failed(error)),
        None => Err(WindowExportError::Closed(what.to_owned())),
    }
}
