//! A file chooser drawn with egui, so opening files works with no desktop portal (and in tests).
//!
//! Lists folders and the files it is for (trip files `.toml`, `.json`; or files to import) of
//! one folder; the path can also be typed.

use std::path::{Path, PathBuf};

use egui::{Context, Window};

/// What the user did with the dialog this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Still open.
    Open,
    /// Chose a file.
    Chosen(PathBuf),
    /// Closed without choosing.
    Cancelled,
}

/// The state of an open file chooser.
#[derive(Clone, Debug)]
pub struct FileDialog {
    /// The window title, which says what the chosen path is for.
    title: &'static str,
    folder: PathBuf,
    typed: String,
    entries: Vec<(PathBuf, bool)>,
    error: Option<String>,
    /// File extensions listed (lower case, without the dot).
    extensions: &'static [&'static str],
}

/// Extensions of trip files.
const TRIP_FILES: &[&str] = &["toml", "json"];
/// Extensions of the files `import` reads.
pub const IMPORT_FILES: &[&str] = &["csv", "json", "geojson", "xml"];

impl FileDialog {
    /// A chooser for a trip to open, showing `folder`.
    pub fn new(folder: &Path) -> Self {
        Self::titled("Open trip", folder)
    }

    /// A chooser for where to save, titled `title`, with `file` suggested in `folder`.
    pub fn save(title: &'static str, folder: &Path, file: &str) -> Self {
        let mut dialog = Self::titled(title, folder);
        dialog.typed = folder.join(file).display().to_string();
        dialog
    }

    /// A chooser for a file to import, showing `folder`.
    pub fn import(folder: &Path) -> Self {
        let mut dialog = Self::titled("Add a file to import", folder);
        dialog.extensions = IMPORT_FILES;
        dialog.enter(folder);
        dialog
    }

    fn titled(title: &'static str, folder: &Path) -> Self {
        let mut dialog = Self {
            title,
            folder: PathBuf::new(),
            typed: String::new(),
            entries: Vec::new(),
            error: None,
            extensions: TRIP_FILES,
        };
        dialog.enter(folder);
        dialog
    }

    fn enter(&mut self, folder: &Path) {
        match std::fs::read_dir(folder) {
            Ok(read) => {
                let mut entries: Vec<(PathBuf, bool)> = read
                    .flatten()
                    .map(|e| (e.path(), e.path().is_dir()))
                    .filter(|(path, is_dir)| {
                        let hidden = path
                            .file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with('.'));
                        let extension = path
                            .extension()
                            .map(|e| e.to_string_lossy().to_lowercase())
                            .unwrap_or_default();
                        let listed = self.extensions.contains(&extension.as_str());
                        !hidden && (*is_dir || listed)
                    })
                    .collect();
                entries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                self.folder = folder.to_path_buf();
                self.typed = folder.display().to_string();
                self.entries = entries;
                self.error = None;
            }
            Err(e) => self.error = Some(format!("cannot open folder {}: {e}", folder.display())),
        }
    }

    /// Draw the chooser window.
    pub fn show(&mut self, ctx: &Context) -> Outcome {
        let mut outcome = Outcome::Open;
        let mut window_open = true;
        Window::new(self.title)
            .collapsible(false)
            .default_width(480.0)
            .open(&mut window_open)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    if ui.button("⬆ Up").clicked()
                        && let Some(parent) = self.folder.parent().map(Path::to_path_buf)
                    {
                        self.enter(&parent);
                    }
                    let label = ui.label("Path:");
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut self.typed).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        let typed = PathBuf::from(&self.typed);
                        if typed.is_dir() {
                            self.enter(&typed);
                        } else {
                            outcome = Outcome::Chosen(typed);
                        }
                    }
                });
                if let Some(error) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                ui.separator();
                let mut enter = None;
                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                    for (path, is_dir) in &self.entries {
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        let label = if *is_dir {
                            format!("📁 {name}")
                        } else {
                            format!("📄 {name}")
                        };
                        if ui.selectable_label(false, label).clicked() {
                            if *is_dir {
                                enter = Some(path.clone());
                            } else {
                                outcome = Outcome::Chosen(path.clone());
                            }
                        }
                    }
                    if self.entries.is_empty() {
                        let listed: Vec<String> = self.extensions.iter().map(|e| format!(".{e}")).collect();
                        ui.weak(format!("No folders or {} files here.", listed.join(", ")));
                    }
                });
                if let Some(folder) = enter {
                    self.enter(&folder);
                }
                ui.separator();
                if ui.button("Cancel").clicked() {
                    outcome = Outcome::Cancelled;
                }
            });
        if !window_open { Outcome::Cancelled } else { outcome }
    }
}
