//! Watching the open file for outside changes, and what the user sees when one arrives: a
//! question when it clashes with local edits, a banner when it has errors.
//!
//! A background thread looks at the file's modification time and size once a second (no
//! platform watchers; a text editor's save is noticed within a second) and wakes the window only
//! when they differ from the version the app holds, so an idle window draws no frames at all.
//! Reading and checking the file happens on the UI thread, and only after such a wake-up.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use egui::{Context, RichText, Ui};

use super::theme::Tokens;
use crate::command::{Command, Commands};
use crate::document::FileStamp;
use crate::state::AppState;

/// Time between looks at the file's stamp.
const POLL_INTERVAL: std::time::Duration = std::time::Duration::from_secs(1);

/// What the watching thread compares: the open file and the stamp of the version the app holds.
type Watched = Option<(PathBuf, Option<FileStamp>)>;

/// What the UI thread and the watching thread share.
#[derive(Default)]
struct Shared {
    watched: Mutex<Watched>,
    /// Set by the thread when the file's stamp differs from the held one.
    changed: AtomicBool,
}

/// Watches the open file from a background thread (started on the first frame).
#[derive(Default)]
pub struct Watcher {
    shared: Arc<Shared>,
    started: bool,
    /// The last (path, stamp) handed to the thread, to hand over only changes.
    told: Watched,
}

impl Watcher {
    /// Keep the thread watching the open file; ask for a reload when it saw a change.
    pub fn poll(&mut self, ctx: &Context, state: &AppState, commands: &mut Commands) {
        let now: Watched = state.open().map(|o| (o.path.clone(), o.disk_stamp));
        if now != self.told {
            if let Ok(mut watched) = self.shared.watched.lock() {
                watched.clone_from(&now);
            }
            self.told = now;
        }
        if !self.started {
            self.started = true;
            self.start(ctx.clone());
        }
        if self.shared.changed.swap(false, Ordering::AcqRel) && self.told.is_some() {
            commands.send(Command::DiskChanged);
        }
    }

    fn start(&self, ctx: Context) {
        let shared = Arc::downgrade(&self.shared);
        let spawned = std::thread::Builder::new()
            .name("file-watch".to_owned())
            .spawn(move || {
                // Ends with the app: once the watcher is dropped, the weak link fails.
                while let Some(shared) = shared.upgrade() {
                    let watched = shared.watched.lock().map(|w| w.clone()).unwrap_or_default();
                    if let Some((path, held)) = watched
                        && FileStamp::of(&path) != held
                    {
                        shared.changed.store(true, Ordering::Release);
                        ctx.request_repaint();
                    }
                    drop(shared);
                    std::thread::sleep(POLL_INTERVAL);
                }
            });
        if let Err(e) = spawned {
            log::error!("could not start watching the open file: {e}");
        }
    }
}

/// "trip.toml was changed outside Itinera": keep mine, load theirs, or save mine as a copy.
/// Returns true when the user chose to save a copy (the caller shows the Save As chooser).
pub fn conflict_ui(ctx: &Context, state: &AppState, commands: &mut Commands) -> bool {
    let (Some(open), Some(_)) = (state.open(), state.conflict()) else {
        return false;
    };
    let name = open
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut save_copy = false;
    egui::Window::new("Changed on disk")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(format!(
                "{name} was changed outside Itinera, and you have unsaved changes here."
            ));
            ui.horizontal(|ui| {
                if ui
                    .button("Keep mine")
                    .on_hover_text("Keep editing; saving will replace their version (kept as .bak)")
                    .clicked()
                {
                    commands.send(Command::KeepMine);
                }
                if ui
                    .button("Load theirs")
                    .on_hover_text("Drop your changes and show the file as it is now")
                    .clicked()
                {
                    commands.send(Command::LoadTheirs);
                }
                if ui.button("Save mine as a copy…").clicked() {
                    commands.send(Command::KeepMine);
                    save_copy = true;
                }
            });
        });
    save_copy
}

/// A banner over the app when the file on disk has errors; the last good trip stays open.
pub fn banner_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let Some(report) = state.reload_problems() else {
        return;
    };
    let tokens = Tokens::for_visuals(ui.visuals());
    egui::Panel::top("reload_problems").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let errors = report.count(crate::model::Severity::Error);
            ui.label(
                RichText::new(format!(
                    "{} changed on disk but has {errors} error{}; the last good version stays open.",
                    report.file.display(),
                    if errors == 1 { "" } else { "s" }
                ))
                .color(tokens.error)
                .strong(),
            )
            .on_hover_text(report.render());
            if ui.button("Dismiss").clicked() {
                commands.send(Command::DismissReloadProblems);
            }
        });
        ui.label(RichText::new(report.render()).monospace().small());
    });
}
