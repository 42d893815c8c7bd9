//! Saving every slide as a PNG image, from the app (File ▸ Export slides) or the command line
//! (`itinera slides`).
//!
//! The export runs the real presentation: for each slide it waits until the map has finished
//! flying and every basemap tile is drawn, asks the window for a screenshot, and writes it as
//! `slide-01.png`, `slide-02.png`, … in the chosen folder. So the images are exactly what a class
//! would see. Existing files of the same names are replaced; nothing else in the folder is
//! touched. A failure names the file and stops the export.

use std::path::{Path, PathBuf};

use crate::command::{Command, Commands};
use crate::state::AppState;

/// Frames a slide must stay still before its picture is taken, so card heights settle.
const SETTLE_FRAMES: u32 = 3;

/// How an export ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportOutcome {
    /// Every slide was saved; the number and the folder.
    Saved(usize, PathBuf),
    /// Something went wrong; what and where.
    Failed(String),
}

/// A screenshot handed over by the window, with the slide it shows.
type Inbox = crate::ui::view_shot::ShotInbox<usize>;

/// An export under way.
#[derive(Debug)]
pub struct SlideExport {
    folder: PathBuf,
    /// Slide whose screenshot was requested.
    requested: Option<usize>,
    inbox: Inbox,
    still_frames: u32,
    saved: usize,
    started: bool,
}

impl SlideExport {
    /// Export into `folder`, creating it if needed.
    pub fn new(folder: &Path) -> Result<Self, String> {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("could not create the folder {}: {e}", folder.display()))?;
        Ok(Self {
            folder: folder.to_path_buf(),
            requested: None,
            inbox: Inbox::default(),
            still_frames: 0,
            saved: 0,
            started: false,
        })
    }

    /// The file a slide is saved to.
    pub fn file_for(folder: &Path, slide: usize) -> PathBuf {
        folder.join(format!("slide-{:02}.png", slide + 1))
    }

    /// Drive the export for one frame. `ready` says the map is still and fully drawn. Returns
    /// the outcome once finished.
    pub fn frame(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        ready: bool,
        commands: &mut Commands,
    ) -> Option<ExportOutcome> {
        ctx.request_repaint();
        if !self.started {
            self.started = true;
            commands.send(Command::Present(true));
            return None;
        }
        let presentation = state.presentation()?;
        let current = presentation.current;
        if let Some(slide) = self.requested {
            let image = match self.inbox.take() {
                Some((shot, image)) if shot == slide => image,
                _ => return None,
            };
            let path = Self::file_for(&self.folder, slide);
            if let Err(error) = save_png(&image, &path) {
                commands.send(Command::Present(false));
                return Some(ExportOutcome::Failed(error));
            }
            self.saved += 1;
            self.requested = None;
            self.still_frames = 0;
            if presentation.at_end() {
                commands.send(Command::Present(false));
                return Some(ExportOutcome::Saved(self.saved, self.folder.clone()));
            }
            commands.send(Command::SlideStep(1));
            return None;
        }
        self.still_frames = if ready { self.still_frames + 1 } else { 0 };
        if self.still_frames >= SETTLE_FRAMES {
            self.requested = Some(current);
            self.inbox.request(ctx, current);
        }
        None
    }
}

/// Write `image` to `path` as a PNG.
fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), String> {
    let png = crate::ui::view_shot::encode_png(image)?;
    std::fs::write(path, png).map_err(|e| format!("could not write {}: {e}", path.display()))
}

/// What the export dialog asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogChoice {
    /// Export into this folder.
    Export(PathBuf),
    /// Close without exporting.
    Cancel,
}

/// The folder slides of the trip at `trip_path` go to unless the user says otherwise:
/// `<trip name>-slides` next to the trip file.
pub fn default_folder(trip_path: &Path) -> PathBuf {
    let stem = trip_path
        .file_stem()
        .map_or("trip".into(), |s| s.to_string_lossy());
    trip_path
        .parent()
        .unwrap_or(Path::new("."))
        .join(format!("{stem}-slides"))
}

/// A small window asking where to save the slides; `folder` is its editable text.
pub fn export_dialog_ui(ctx: &egui::Context, folder: &mut String) -> Option<DialogChoice> {
    let mut choice = None;
    egui::Window::new("Export slides as PNG")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label("Every slide is saved as slide-01.png, slide-02.png, … in this folder:");
            let label = ui.label("Folder:");
            ui.add(egui::TextEdit::singleline(folder).desired_width(420.0))
                .labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui.button("Export").clicked() && !folder.trim().is_empty() {
                    choice = Some(DialogChoice::Export(PathBuf::from(folder.trim())));
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(DialogChoice::Cancel);
                }
            });
        });
    choice
}
