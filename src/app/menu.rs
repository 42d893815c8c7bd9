//! The menu bar: File, Edit and View, with their shortcuts shown.

use egui::{KeyboardShortcut, RichText, Ui};

use super::{App, OPEN_SHORTCUT};
use crate::command::Command;
use crate::ui::files::{self, Purpose};
use crate::ui::present::export;
use crate::ui::theme::Tokens;

/// A menu entry with its shortcut, greyed out unless `enabled`; true when chosen.
fn item_ui(ui: &mut Ui, enabled: bool, text: &str, shortcut: &KeyboardShortcut) -> bool {
    let shortcut = ui.ctx().format_shortcut(shortcut);
    ui.add_enabled(enabled, egui::Button::new(text).shortcut_text(shortcut))
        .clicked()
}

impl App {
    /// Draw the menu bar.
    pub(super) fn menu_bar_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if item_ui(ui, true, "New trip…", &files::NEW) {
                    self.files.request_new(&self.state, &mut self.commands);
                }
                if item_ui(ui, true, "Open…", &OPEN_SHORTCUT) {
                    self.commands.send(Command::ShowOpenDialog);
                }
                self.recent.menu_ui(ui, &mut self.commands);
                ui.menu_button("Open example", |ui| {
                    for example in &crate::EXAMPLES {
                        if ui.button(example.title).clicked() {
                            self.commands.send(Command::Open(example.path.into()));
                        }
                    }
                });
                let has_trip = self.state.open().is_some();
                if item_ui(ui, has_trip, "Save", &files::SAVE) {
                    self.commands.send(Command::Save);
                }
                if item_ui(ui, has_trip, "Save as…", &files::SAVE_AS) {
                    self.files.choose(Purpose::SaveAs, &self.state);
                }
                ui.separator();
                if ui.button("Import…").clicked() {
                    self.import.open(&self.state);
                }
                ui.add_enabled_ui(has_trip, |ui| {
                    ui.menu_button("Export", |ui| {
                        for format in crate::interchange::export::ExportFormat::ALL {
                            if ui.button(format!("{}…", format.label())).clicked() {
                                self.files.choose(Purpose::Export(format), &self.state);
                            }
                        }
                        if ui.button("Presentation as video…").clicked() {
                            self.open_video_dialog();
                        }
                        if ui.button("Map and timeline as PNG…").clicked() {
                            self.view_shot.open(&self.state, ui.ctx());
                        }
                        if ui.button("Slides as PNG…").clicked()
                            && let Some(open) = self.state.open()
                        {
                            self.export_dialog =
                                Some(export::default_folder(&open.path).display().to_string());
                        }
                    });
                });
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = self
                    .state
                    .open()
                    .map_or((false, false), |o| o.history.can_undo_redo());
                if item_ui(ui, undo, "Undo", &files::UNDO) {
                    self.commands.send(Command::Undo);
                }
                if item_ui(ui, redo, "Redo", &files::REDO) {
                    self.commands.send(Command::Redo);
                }
            });
            ui.menu_button("View", |ui| {
                if ui.add(egui::Button::new("Present").shortcut_text("F5")).clicked() {
                    self.commands.send(Command::Present(true));
                }
                if ui.button("Fit trip on map").clicked() {
                    self.commands.send(Command::FitMap);
                }
                theme_choice_ui(ui);
                ui.separator();
                if ui.button("Performance").clicked() {
                    self.performance_open = true;
                }
            });
            if let Some(open) = self.state.open() {
                let warnings = open.report.count(crate::model::Severity::Warning);
                if warnings > 0 {
                    ui.label(
                        RichText::new(format!("⚠ {warnings} warnings"))
                            .color(Tokens::for_visuals(ui.visuals()).warning),
                    )
                    .on_hover_text(open.report.render());
                }
            }
        });
    }
}

/// Light, dark or the system's theme, named in words (egui's own buttons are only a sun, a
/// moon and a computer, which a screen reader reads as nothing useful).
fn theme_choice_ui(ui: &mut egui::Ui) {
    use egui::ThemePreference;
    let before = ui.ctx().options(|o| o.theme_preference);
    let mut preference = before;
    ui.horizontal(|ui| {
        ui.label("Theme:");
        for (choice, name) in [
            (ThemePreference::Light, "Light"),
            (ThemePreference::Dark, "Dark"),
            (ThemePreference::System, "Follow system"),
        ] {
            ui.selectable_value(&mut preference, choice, name);
        }
    });
    if preference != before {
        ui.ctx().set_theme(preference);
    }
}
