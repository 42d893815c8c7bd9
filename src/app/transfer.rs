//! The app's import and export windows: File ▸ Import, File ▸ Export ▸ Slides as PNG and
//! Map and timeline as PNG (format exports go through the file chooser and
//! [`Command::Export`]).

use super::App;
use crate::command::Command;
use crate::ui::present::export::{self, DialogChoice, ExportOutcome};

impl App {
    /// Draw the import and export windows and drive their jobs.
    pub(super) fn transfer_ui(&mut self, ctx: &egui::Context) {
        if let Some(folder) = &mut self.export_dialog {
            match export::export_dialog_ui(ctx, folder) {
                Some(DialogChoice::Export(folder)) => {
                    self.export_dialog = None;
                    self.start_export(&folder);
                }
                Some(DialogChoice::Cancel) => self.export_dialog = None,
                None => {}
            }
        }
        self.video_dialog_ui(ctx);
        self.import.ui(ctx, &mut self.commands);
        let ready = !self.map.is_moving() && self.map.tiles_pending() == 0;
        if let Some(result) = self.view_shot.ui(ctx, ready) {
            let outcome = match result {
                Ok((path, message)) => {
                    self.commands.send(Command::Notify(message));
                    ExportOutcome::Saved(1, path)
                }
                Err(message) => {
                    self.commands.send(Command::Notify(message.clone()));
                    ExportOutcome::Failed(message)
                }
            };
            // Started from the command line: hand over the outcome and close.
            if let Some(shared) = &self.export_result {
                *shared.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(outcome);
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Start the app on the trip at `path`, save the map and timeline as a PNG at `out` (the
    /// window is opened at the picture's size), store the outcome in `result` and close.
    pub fn saving_view(
        cc: &eframe::CreationContext<'_>,
        path: std::path::PathBuf,
        out: &std::path::Path,
        size_px: (u32, u32),
        result: super::ExportResult,
    ) -> Self {
        let mut app = Self::new(cc, Some(path));
        app.view_shot.start(&cc.egui_ctx, out, size_px, false);
        app.export_result = Some(result);
        app
    }

    /// The Import window, for tests.
    pub fn import_window(&mut self) -> &mut crate::ui::import_ui::ImportWindow {
        &mut self.import
    }

    /// Save the current view (map, timeline, details) as a PNG of `size_px` at `path`, as
    /// File ▸ Export ▸ Map and timeline as PNG does.
    pub fn save_view_png(&mut self, ctx: &egui::Context, path: &std::path::Path, size_px: (u32, u32)) {
        self.view_shot.start(ctx, path, size_px, true);
    }

    /// Whether a view picture is being taken.
    pub fn view_shot_busy(&self) -> bool {
        self.view_shot.busy()
    }
}
