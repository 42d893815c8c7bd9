//! The presenter console: a second window (an egui viewport) for the teacher's own screen, with
//! the current and next slide, the event's presenter notes, the elapsed time and the controls.
//!
//! Where the platform cannot open a second window, egui shows it as a window inside the main
//! one instead. Buttons send the same commands as the clicker keys, and the keys work in the
//! console too (a clicker sends them to whichever window has focus).

use egui::{RichText, Ui, ViewportBuilder, ViewportId};

use crate::command::{Command, Commands};
use crate::model::describe::describe_dates;
use crate::model::slides::{Slide, key_quote};
use crate::state::AppState;
use crate::ui::theme;

/// Show the console; returns false once the user closed it.
pub fn console_ui(ctx: &egui::Context, state: &AppState, elapsed_secs: f64, commands: &mut Commands) -> bool {
    let builder = ViewportBuilder::default()
        .with_title("Itinera presenter console")
        .with_inner_size([820.0, 560.0]);
    ctx.show_viewport_immediate(
        ViewportId::from_hash_of("presenter_console"),
        builder,
        |ui, _class| {
            if ui.input(|i| i.viewport().close_requested()) {
                return false;
            }
            ui.input_mut(|input| super::slide_keys(input, commands));
            egui::CentralPanel::default().show(ui, |ui| contents_ui(ui, state, elapsed_secs, commands));
            true
        },
    )
}

fn contents_ui(ui: &mut Ui, state: &AppState, elapsed_secs: f64, commands: &mut Commands) {
    let (Some(presentation), Some((trip, chronology))) = (state.presentation(), state.trip()) else {
        return;
    };
    let elapsed = elapsed_secs.max(0.0) as u64;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Elapsed {:02}:{:02}", elapsed / 60, elapsed % 60))
                .size(theme::TITLE_SIZE)
                .monospace(),
        );
        ui.separator();
        ui.label(format!(
            "Slide {} of {}",
            presentation.current + 1,
            presentation.deck.len()
        ));
    });
    ui.horizontal(|ui| {
        if ui.button("◀ Back").clicked() {
            commands.send(Command::SlideStep(-1));
        }
        if ui.button("Next ▶").clicked() {
            commands.send(Command::SlideStep(1));
        }
        let blank = if presentation.blanked {
            "Unblank"
        } else {
            "Blank screen"
        };
        if ui.button(blank).clicked() {
            commands.send(Command::ToggleBlank);
        }
        let autoplay = if presentation.autoplay {
            "Pause autoplay"
        } else {
            "Autoplay"
        };
        if ui.button(autoplay).clicked() {
            commands.send(Command::SetAutoplay(!presentation.autoplay));
        }
    });
    ui.separator();
    ui.columns(2, |columns| {
        columns[0].strong("Now");
        slide_summary_ui(&mut columns[0], trip, chronology, Some(presentation.slide()));
        columns[1].strong("Next");
        slide_summary_ui(&mut columns[1], trip, chronology, presentation.next_slide());
    });
    ui.separator();
    ui.strong("Notes");
    let notes = match presentation.slide() {
        Slide::Event(i) => trip.events.get(i).map_or("", |e| e.notes.trim()),
        Slide::Title | Slide::Overview => "",
    };
    egui::ScrollArea::vertical().show(ui, |ui| {
        if notes.is_empty() {
            ui.weak("No presenter notes for this slide.");
        } else {
            ui.label(RichText::new(notes).size(theme::QUOTE_SIZE));
        }
    });
}

/// A slide in a few lines, as the teacher needs it at a glance.
fn slide_summary_ui(
    ui: &mut Ui,
    trip: &crate::model::Trip,
    chronology: &crate::model::Chronology,
    slide: Option<Slide>,
) {
    match slide {
        None => {
            ui.weak("End of the presentation");
        }
        Some(Slide::Title) => {
            ui.label(RichText::new(&trip.title).size(theme::QUOTE_SIZE).strong());
            ui.weak("Title slide");
            ui.label(trip.summary.trim());
        }
        Some(Slide::Overview) => {
            ui.label(
                RichText::new("The whole journey")
                    .size(theme::QUOTE_SIZE)
                    .strong(),
            );
            ui.weak("Overview: route and statistics");
        }
        Some(Slide::Event(i)) => {
            let (Some(event), Some(resolved)) = (trip.events.get(i), chronology.event(i)) else {
                return;
            };
            ui.label(RichText::new(&event.title).size(theme::QUOTE_SIZE).strong());
            let place = trip.places.get(resolved.place).map_or("", |p| p.name.as_str());
            ui.weak(format!("{} · {place}", describe_dates(resolved)));
            ui.weak(event.kind.label());
            if let Some(quote) = key_quote(event) {
                ui.label(RichText::new(format!("“{}”", quote.text)).italics());
            }
            if !event.summary.trim().is_empty() {
                ui.label(event.summary.trim());
            }
        }
    }
}
