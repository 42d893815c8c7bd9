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
    console_mirror_ui(ctx, state, elapsed_secs);
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
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Elapsed {}", clock_text(elapsed_secs)))
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
    let notes = notes(trip, presentation.slide());
    egui::ScrollArea::vertical().show(ui, |ui| {
        if notes.is_empty() {
            ui.weak("No presenter notes for this slide.");
        } else {
            ui.label(RichText::new(notes).size(theme::QUOTE_SIZE));
        }
    });
}

/// One line of a slide's summary and how it is shown.
enum Line {
    Heading(String),
    Weak(String),
    Quote(String),
    Plain(String),
}

impl Line {
    fn text(&self) -> &str {
        match self {
            Line::Heading(t) | Line::Weak(t) | Line::Quote(t) | Line::Plain(t) => t,
        }
    }
}

/// A slide in a few lines, as the teacher needs it at a glance.
fn slide_summary_ui(
    ui: &mut Ui,
    trip: &crate::model::Trip,
    chronology: &crate::model::Chronology,
    slide: Option<Slide>,
) {
    for line in summary_lines(trip, chronology, slide) {
        match line {
            Line::Heading(t) => ui.label(RichText::new(t).size(theme::QUOTE_SIZE).strong()),
            Line::Weak(t) => ui.weak(t),
            Line::Quote(t) => ui.label(RichText::new(t).italics()),
            Line::Plain(t) => ui.label(t),
        };
    }
}

/// The lines [`slide_summary_ui`] shows (and the screen-reader mirror reads).
fn summary_lines(
    trip: &crate::model::Trip,
    chronology: &crate::model::Chronology,
    slide: Option<Slide>,
) -> Vec<Line> {
    match slide {
        None => vec![Line::Weak("End of the presentation".to_owned())],
        Some(Slide::Title) => vec![
            Line::Heading(trip.title.clone()),
            Line::Weak("Title slide".to_owned()),
            Line::Plain(trip.summary.trim().to_owned()),
        ],
        Some(Slide::Overview) => vec![
            Line::Heading("The whole journey".to_owned()),
            Line::Weak("Overview: route and statistics".to_owned()),
        ],
        Some(Slide::Event(i)) => {
            let (Some(event), Some(resolved)) = (trip.events.get(i), chronology.event(i)) else {
                return Vec::new();
            };
            let place = trip.places.get(resolved.place).map_or("", |p| p.name.as_str());
            let mut lines = vec![
                Line::Heading(event.title.clone()),
                Line::Weak(format!("{} · {place}", describe_dates(resolved))),
                Line::Weak(event.kind.label().to_owned()),
            ];
            if let Some(quote) = key_quote(event) {
                lines.push(Line::Quote(format!("“{}”", quote.text)));
            }
            if !event.summary.trim().is_empty() {
                lines.push(Line::Plain(event.summary.trim().to_owned()));
            }
            lines
        }
    }
}

/// Elapsed time as a presenter's clock shows it: "03:07".
fn clock_text(elapsed_secs: f64) -> String {
    let whole = elapsed_secs.max(0.0) as u64;
    format!("{:02}:{:02}", whole / 60, whole % 60)
}

/// The presenter notes of the current slide ("" for none).
fn notes(trip: &crate::model::Trip, slide: Slide) -> &str {
    match slide {
        Slide::Event(i) => trip.events.get(i).map_or("", |e| e.notes.trim()),
        Slide::Title | Slide::Overview => "",
    }
}

/// Put the console's text in the main window's accessibility tree, as nodes a screen reader
/// can read ("Presenter console, now: …", "next: …", "notes: …", elapsed time): eframe gives
/// only the main window an AccessKit adapter, so the console's own window is silent.
pub fn console_mirror_ui(ctx: &egui::Context, state: &AppState, elapsed_secs: f64) {
    let (Some(presentation), Some((trip, chronology))) = (state.presentation(), state.trip()) else {
        return;
    };
    let joined = |slide| {
        let lines = summary_lines(trip, chronology, slide);
        lines
            .iter()
            .map(Line::text)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(". ")
    };
    let notes = notes(trip, presentation.slide());
    let texts = [
        format!(
            "Presenter console: slide {} of {}, elapsed {}",
            presentation.current + 1,
            presentation.deck.len(),
            clock_text(elapsed_secs)
        ),
        format!("Now: {}", joined(Some(presentation.slide()))),
        format!("Next: {}", joined(presentation.next_slide())),
        if notes.is_empty() {
            "Notes: none for this slide".to_owned()
        } else {
            format!("Notes: {notes}")
        },
    ];
    for (n, text) in texts.into_iter().enumerate() {
        ctx.accesskit_node_builder(egui::Id::unique("itinera-console-mirror").with(n), |node| {
            // As egui's own labels do: the text is the value of a Label node.
            node.set_role(egui::accesskit::Role::Label);
            node.set_value(text);
        });
    }
}
