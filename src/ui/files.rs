//! Files from the user's side: the Open / Save As / New choosers, the keyboard shortcuts for
//! saving and undo, the window title that marks unsaved changes, and the question asked before
//! unsaved changes would be lost (quitting, opening another file, starting a new one).
//!
//! Invariant: no command that replaces or closes the open trip runs while it has unsaved changes
//! until the user has answered Save, Don't save or Cancel.

use std::path::PathBuf;

use egui::{Context, Key, KeyboardShortcut, Modifiers, ViewportCommand};

use super::file_dialog::{FileDialog, Outcome};
use crate::command::{Command, Commands};
use crate::state::AppState;

/// Ctrl+S.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Ctrl+Shift+S.
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
/// Ctrl+N.
pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
/// Ctrl+Z.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Ctrl+Shift+Z.
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Ctrl+Y, the other common redo.
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// What a file chooser is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open a trip.
    Open,
    /// Save the trip under another name.
    SaveAs,
    /// Where a new trip will be saved.
    New,
    /// Where to export the trip in a format.
    Export(crate::interchange::export::ExportFormat),
}

/// Something that would drop unsaved changes, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pending {
    Quit,
    Open(PathBuf),
    New,
}

/// File choosers and the unsaved-changes question.
#[derive(Debug, Default)]
pub struct Files {
    dialog: Option<(Purpose, FileDialog)>,
    pending: Option<Pending>,
    /// The user chose Save in the question; the pending action runs once the save is done.
    saving_first: bool,
    /// The user agreed to quit: let the next close request through.
    may_close: bool,
    /// Close the window on the next frame.
    close_now: bool,
    /// A file the user agreed to open despite unsaved changes.
    approved: Option<PathBuf>,
    title: String,
}

impl Files {
    /// Handle the file and history shortcuts (undo/redo are left to a focused text field).
    pub fn shortcuts(&mut self, ctx: &Context, state: &AppState, commands: &mut Commands) {
        let typing = ctx.text_edit_focused();
        ctx.input_mut(|input| {
            // Longer shortcuts first: Ctrl+Shift+S must not be read as Ctrl+S.
            if input.consume_shortcut(&SAVE_AS) {
                self.choose(Purpose::SaveAs, state);
            }
            if input.consume_shortcut(&SAVE) {
                commands.send(Command::Save);
            }
            if input.consume_shortcut(&NEW) {
                self.ask_or(Pending::New, state, commands);
            }
            if typing {
                return;
            }
            if input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y) {
                commands.send(Command::Redo);
            }
            if input.consume_shortcut(&UNDO) {
                commands.send(Command::Undo);
            }
        });
    }

    /// Show a chooser for `purpose`, starting in the open trip's folder.
    pub fn choose(&mut self, purpose: Purpose, state: &AppState) {
        let path = state.open().map(|o| o.path.clone());
        let folder = path
            .as_ref()
            .and_then(|p| p.parent().map(std::path::Path::to_path_buf))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let dialog = match purpose {
            Purpose::Open => FileDialog::new(&folder),
            Purpose::SaveAs => {
                let name = path.and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()));
                FileDialog::save(
                    "Save trip as",
                    &folder,
                    &name.unwrap_or_else(|| "trip.toml".to_owned()),
                )
            }
            Purpose::New => FileDialog::save("New trip: where to save it", &folder, "new-trip.toml"),
            Purpose::Export(format) => {
                let stem = path.and_then(|p| p.file_stem().map(|n| n.to_string_lossy().into_owned()));
                let suffix = if format == crate::interchange::export::ExportFormat::Handout {
                    "-handout"
                } else {
                    ""
                };
                let name = format!(
                    "{}{suffix}.{}",
                    stem.unwrap_or_else(|| "trip".to_owned()),
                    format.extension()
                );
                FileDialog::save("Export: where to save it", &folder, &name)
            }
        };
        self.dialog = Some((purpose, dialog));
    }

    /// Start a new trip (asking first about unsaved changes).
    pub fn request_new(&mut self, state: &AppState, commands: &mut Commands) {
        self.ask_or(Pending::New, state, commands);
    }

    /// Let `command` through, unless it would drop unsaved changes: then ask first.
    pub fn guard(&mut self, command: Command, state: &AppState, commands: &mut Commands) -> Option<Command> {
        match command {
            Command::Open(path) if state.is_dirty() && self.approved.as_ref() != Some(&path) => {
                self.ask_or(Pending::Open(path), state, commands);
                None
            }
            other => {
                self.approved = None;
                Some(other)
            }
        }
    }

    /// Ask about unsaved changes before `action`, or do it at once when there are none.
    fn ask_or(&mut self, action: Pending, state: &AppState, commands: &mut Commands) {
        if state.is_dirty() {
            self.pending = Some(action);
            self.saving_first = false;
        } else {
            self.run(action, state, commands);
        }
    }

    fn run(&mut self, action: Pending, state: &AppState, commands: &mut Commands) {
        match action {
            Pending::Quit => {
                self.may_close = true;
                self.close_now = true;
            }
            Pending::Open(path) => {
                self.approved = Some(path.clone());
                commands.send(Command::Open(path));
            }
            Pending::New => self.choose(Purpose::New, state),
        }
    }

    /// Show the chooser and the unsaved-changes question, keep the window title current and
    /// stop the window from closing over unsaved changes.
    pub fn ui(&mut self, ctx: &Context, state: &AppState, commands: &mut Commands) {
        let title = state
            .open()
            .map_or_else(|| "Itinera".to_owned(), |o| o.window_title());
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if ctx.input(|i| i.viewport().close_requested()) && state.is_dirty() && !self.may_close {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending = Some(Pending::Quit);
            self.saving_first = false;
        }
        if self.close_now {
            self.close_now = false;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        if let Some((purpose, dialog)) = &mut self.dialog {
            let purpose = *purpose;
            match dialog.show(ctx) {
                Outcome::Open => {}
                Outcome::Cancelled => self.dialog = None,
                Outcome::Chosen(path) => {
                    self.dialog = None;
                    commands.send(match purpose {
                        Purpose::Open => Command::Open(path),
                        Purpose::SaveAs => Command::SaveAs(path),
                        Purpose::New => Command::NewTrip(path),
                        Purpose::Export(format) => Command::Export(format, path),
                    });
                }
            }
        }
        self.question_ui(ctx, state, commands);
    }

    /// "Save changes to trip.toml?" with Save, Don't save and Cancel.
    fn question_ui(&mut self, ctx: &Context, state: &AppState, commands: &mut Commands) {
        let Some(action) = self.pending.clone() else {
            return;
        };
        if self.saving_first {
            // The save ran last frame: go on if it worked, stay (its error is shown) if not.
            self.saving_first = false;
            self.pending = None;
            if !state.is_dirty() {
                self.run(action, state, commands);
            }
            return;
        }
        let name = state
            .open()
            .and_then(|o| o.path.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default();
        let doing = match &action {
            Pending::Quit => "quitting",
            Pending::Open(_) => "opening another trip",
            Pending::New => "starting a new trip",
        };
        egui::Window::new("Unsaved changes")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(format!("Save the changes to {name} before {doing}?"));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        commands.send(Command::Save);
                        self.saving_first = true;
                    }
                    if ui.button("Don't save").clicked() {
                        self.pending = None;
                        self.run(action.clone(), state, commands);
                    }
                    if ui.button("Cancel").clicked() {
                        self.pending = None;
                    }
                });
            });
    }
}
