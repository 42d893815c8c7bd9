//! Watching the open file for outside changes, and what the user sees when one arrives: a
//! question when it clashes with local edits, a banner when it has errors.
//!
//! The file's modification time and size are checked once a second (no extra threads or
//! platform watchers; a text editor's save is noticed within a second). Reading and checking the
//! file happens only when the stamp changed.

use egui::{Context, RichText, Ui};

use super::theme::Tokens;
use crate::command::{Command, Commands};
use crate::document::FileStamp;
use crate::state::AppState;

/// Seconds between looks at the file's stamp.
const POLL_SECS: f64 = 1.0;

/// When the file was last looked at.
#[derive(Debug, Default)]
pub struct Watcher {
    last_poll: Option<f64>,
}

impl Watcher {
    /// Look at the open file's stamp once a second; ask for a reload when it changed.
    pub fn poll(&mut self, ctx: &Context, state: &AppState, commands: &mut Commands) {
        let Some(open) = state.open() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        if self.last_poll.is_none_or(|last| now - last >= POLL_SECS) {
            self.last_poll = Some(now);
            if FileStamp::of(&open.path) != open.disk_stamp {
                commands.send(Command::DiskChanged);
            }
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(POLL_SECS));
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
