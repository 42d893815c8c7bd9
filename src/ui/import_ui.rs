//! File ▸ Import: choose files in other formats, read them on a worker thread with a progress
//! bar and a Cancel button, write the merged trip and open it.
//!
//! Invariants: the window never blocks a frame (the import runs on its own thread and reports
//! through [`Progress`]); nothing is written unless every file read without errors; an existing
//! file is replaced only when the user ticked "Replace", and then its old version is kept as
//! `.bak`. The trip is opened through [`Command::Open`], so unsaved changes are asked about.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use egui::{Context, RichText, Window};

use super::file_dialog::{FileDialog, Outcome};
use crate::command::{Command, Commands};
use crate::interchange::import::Progress;
use crate::interchange::import::{ImportError, Imported, import_files, save_imported};
use crate::state::AppState;

/// An import running on its worker thread.
#[derive(Debug)]
struct Job {
    progress: Arc<Progress>,
    worker: JoinHandle<Result<Imported, ImportError>>,
}

/// How the last import ended, as shown in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Ended {
    /// Written to this path: the summary line and the warnings.
    Written(PathBuf, String, Vec<String>),
    /// Not written: why, one line per problem.
    Failed(Vec<String>),
}

/// The Import window and its job.
#[derive(Debug, Default)]
pub struct ImportWindow {
    open: bool,
    files: Vec<PathBuf>,
    /// Where the trip goes, as typed.
    out: String,
    /// The user agreed to replace an existing file.
    replace: bool,
    chooser: Option<FileDialog>,
    job: Option<Job>,
    ended: Option<Ended>,
    /// Folder the chooser starts in.
    folder: PathBuf,
}

impl ImportWindow {
    /// Show the window, starting in the open trip's folder.
    pub fn open(&mut self, state: &AppState) {
        // Importers place names with the full gazetteer: load it while the user picks files.
        crate::gazetteer::preload();
        self.open = true;
        self.ended = None;
        self.folder = state
            .open()
            .and_then(|o| o.path.parent().map(Path::to_path_buf))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
    }

    /// Whether the window is showing.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Add a file to import (as the chooser does), suggesting the output name from the first.
    pub fn add_file(&mut self, path: PathBuf) {
        if self.out.is_empty() {
            // Next to the file, unless that folder cannot be written (a shared, read-only
            // folder): then in the open trip's folder.
            let beside = path.with_extension("toml");
            let writable = beside
                .parent()
                .and_then(|dir| std::fs::metadata(dir).ok())
                .is_some_and(|m| !m.permissions().readonly());
            let out = match (writable, beside.file_name()) {
                (false, Some(name)) => self.folder.join(name),
                _ => beside,
            };
            self.out = out.display().to_string();
        }
        if !self.files.contains(&path) {
            self.files.push(path);
        }
    }

    /// Draw the window and follow the job.
    pub fn ui(&mut self, ctx: &Context, commands: &mut Commands) {
        if !self.open {
            return;
        }
        self.follow_job(ctx, commands);
        let mut window_open = true;
        Window::new("Import")
            .collapsible(false)
            .default_width(560.0)
            .open(&mut window_open)
            .show(ctx, |ui| match &self.job {
                Some(job) => {
                    let (done, total) = job.progress.get();
                    let fraction = if total == 0 {
                        0.0
                    } else {
                        done as f32 / total as f32
                    };
                    ui.label(format!("Reading… {done} of {total} records"));
                    ui.add(egui::ProgressBar::new(fraction).show_percentage());
                    if ui.button("Cancel").clicked() {
                        job.progress.cancel();
                    }
                }
                None => self.form_ui(ui),
            });
        if !window_open {
            if let Some(job) = &self.job {
                job.progress.cancel();
            }
            self.open = false;
        }
        if let Some(chooser) = &mut self.chooser {
            match chooser.show(ctx) {
                Outcome::Open => {}
                Outcome::Cancelled => self.chooser = None,
                Outcome::Chosen(path) => {
                    self.chooser = None;
                    self.add_file(path);
                }
            }
        }
    }

    /// The files, the output path, Import, and how the last import ended.
    fn form_ui(&mut self, ui: &mut egui::Ui) {
        ui.label("TimelineJS (JSON or spreadsheet CSV), StoryMapJS, GeoJSON points, Itinera CSV, or the Office of the Historian's travel records (XML). Several record files become one trip with several travellers.");
        ui.separator();
        let mut remove = None;
        for (i, file) in self.files.iter().enumerate() {
            ui.horizontal(|ui| {
                if ui.small_button("✖").on_hover_text("Remove").clicked() {
                    remove = Some(i);
                }
                ui.label(file.display().to_string());
            });
        }
        if let Some(i) = remove {
            self.files.remove(i);
        }
        if ui.button("Add file…").clicked() {
            self.chooser = Some(FileDialog::import(&self.folder));
        }
        ui.horizontal(|ui| {
            let label = ui.label("Save the trip as:");
            ui.add(egui::TextEdit::singleline(&mut self.out).desired_width(400.0))
                .labelled_by(label.id);
        });
        let out = PathBuf::from(self.out.trim());
        let exists = out.is_file();
        if exists {
            ui.checkbox(
                &mut self.replace,
                "Replace the existing file (its old version is kept as .bak)",
            );
        }
        let ready = !self.files.is_empty() && !self.out.trim().is_empty() && (!exists || self.replace);
        if ui.add_enabled(ready, egui::Button::new("Import")).clicked() {
            self.start(out);
        }
        match &self.ended {
            Some(Ended::Written(path, summary, warnings)) => {
                ui.separator();
                ui.label(RichText::new(format!("Imported {summary} into {}", path.display())).strong());
                problems_list_ui(ui, warnings);
            }
            Some(Ended::Failed(problems)) => {
                ui.separator();
                ui.label(RichText::new("Nothing was written:").strong());
                problems_list_ui(ui, problems);
            }
            None => {}
        }
    }

    /// Start the worker thread.
    fn start(&mut self, out: PathBuf) {
        let progress = Arc::new(Progress::default());
        let (files, shared) = (self.files.clone(), progress.clone());
        let worker = std::thread::spawn(move || import_files(&files, &shared));
        self.out = out.display().to_string();
        self.ended = None;
        // Agreeing to replace a file holds for this import only.
        self.replace = false;
        self.job = Some(Job { progress, worker });
    }

    /// Once the worker is done: write the trip and open it, or show why not.
    fn follow_job(&mut self, ctx: &Context, commands: &mut Commands) {
        let finished = self.job.as_ref().is_some_and(|job| job.worker.is_finished());
        if !finished {
            if self.job.is_some() {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
            return;
        }
        let Some(job) = self.job.take() else {
            return;
        };
        let out = PathBuf::from(&self.out);
        let result = job
            .worker
            .join()
            .unwrap_or_else(|_| Err(ImportError::Problems(Vec::new())));
        self.ended = Some(match result {
            Ok(imported) => match save_imported(&imported, &out) {
                Ok(()) => {
                    commands.send(Command::Open(out.clone()));
                    let warnings = imported.warnings.iter().map(ToString::to_string).collect();
                    Ended::Written(out, imported.summary(), warnings)
                }
                Err(error) => Ended::Failed(vec![error]),
            },
            Err(ImportError::Problems(problems)) if problems.is_empty() => Ended::Failed(vec![
                "the import stopped unexpectedly; please report this".to_owned(),
            ]),
            Err(ImportError::Problems(problems)) => {
                Ended::Failed(problems.iter().map(ToString::to_string).collect())
            }
            Err(error) => Ended::Failed(vec![error.to_string()]),
        });
    }
}

/// Problems or warnings, one per line, scrollable.
fn problems_list_ui(ui: &mut egui::Ui, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    ui.label(format!("{} to look at:", lines.len()));
    egui::ScrollArea::vertical().max_height(220.0).show(ui, |ui| {
        for line in lines {
            ui.label(RichText::new(line).monospace().small());
        }
    });
}
