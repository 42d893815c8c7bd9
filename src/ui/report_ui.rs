//! Shows a file's problems in a window, in the same words as `itinera check`.

use egui::{Context, RichText, Window};

use super::theme::Tokens;
use crate::command::{Command, Commands};
use crate::format::Report;
use crate::format::diagnostic::{MAX_MESSAGE_CHARS, clip};
use crate::model::Severity;

/// A window listing `report`'s diagnostics.
pub fn report_window_ui(ctx: &Context, report: &Report, commands: &mut Commands) {
    let mut open = true;
    Window::new(format!("Problems in {}", report.file.display()))
        .default_width(640.0)
        .open(&mut open)
        .show(ctx, |ui| {
            let tokens = Tokens::for_visuals(ui.visuals());
            ui.label(format!(
                "This file could not be opened: {} errors, {} warnings. Fix them and open it again.",
                report.count(Severity::Error),
                report.count(Severity::Warning)
            ));
            ui.separator();
            egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                for located in report.located() {
                    let d = located.diagnostic;
                    let (label, colour) = match d.severity {
                        Severity::Error => ("error", tokens.error),
                        Severity::Warning => ("warning", tokens.warning),
                    };
                    let position = match (located.line, located.column) {
                        (Some(line), Some(column)) => format!("{}:{line}:{column}", report.file.display()),
                        _ => report.file.display().to_string(),
                    };
                    ui.label(
                        RichText::new(format!("{label}: {}", clip(&d.message, MAX_MESSAGE_CHARS)))
                            .color(colour)
                            .strong(),
                    );
                    ui.label(RichText::new(format!("  --> {position}")).monospace());
                    ui.label(format!("help: {}", clip(&d.help, MAX_MESSAGE_CHARS)));
                    ui.add_space(6.0);
                }
            });
            ui.separator();
            ui.collapsing("Full report (as printed by itinera check)", |ui| {
                ui.label(RichText::new(report.render()).monospace());
            });
            if ui.button("Close").clicked() {
                commands.send(Command::DismissProblems);
            }
        });
    if !open {
        commands.send(Command::DismissProblems);
    }
}
