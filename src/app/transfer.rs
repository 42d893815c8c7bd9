//! The app's import and export windows: File ▸ Import, File ▸ Export ▸ Slides as PNG and
//! Map and timeline as PNG (format exports go through the file chooser and
//! [`Command::Export`]).

use super::App;
use crate::command::Command;
use crate::ui::present::export::{self, DialogChoice};

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
        self.import.ui(ctx, &mut self.commands);
        let ready = !self.map.is_moving() && self.map.tiles_pending() == 0;
        if let Some(message) = self.view_shot.ui(ctx, ready) {
            self.commands.send(Command::Notify(message));
        }
    }

    /// The Import window, for tests.
    pub fn import_window(&mut self) -> &mut crate::ui::import_ui::ImportWindow {
        &mut self.import
    }

    /// Save the current view (map, timeline, details) as a PNG of `size_px` at `path`, as
    /// File ▸ Export ▸ Map and timeline as PNG does.
    pub fn save_view_png(&mut self, ctx: &egui::Context, path: &std::path::Path, size_px: (u32, u32)) {
        self.view_shot.start(ctx, path, size_px);
    }

    /// Whether a view picture is being taken.
    pub fn saving_view(&self) -> bool {
        self.view_shot.busy()
    }
}
