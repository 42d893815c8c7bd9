//! The detail panel: search results when a search is active, then the selected event's date,
//! place, meetings, quotes, pictures and sources, or an overview of the trip when nothing is
//! selected.

use egui::{Frame, Margin, RichText, Stroke, Ui};

use super::editor::EventEditor;
use super::media::MediaCache;
use super::results_ui::results_ui;
use super::theme::{self, Tokens};
use crate::command::{Command, Commands};
use crate::model::describe::{describe_dates, describe_offset};
use crate::model::{Chronology, Event, Stop, Trip};
use crate::state::AppState;

/// The detail panel: its cache of decoded pictures, and whether it shows the editor.
#[derive(Debug, Default)]
pub struct DetailPanel {
    media: MediaCache,
    /// Edit mode: forms instead of the reading view.
    pub editing: bool,
    editor: EventEditor,
    collection: super::collection_ui::CollectionBrowser,
    generation: u64,
}

impl DetailPanel {
    /// Draw the detail panel.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let Some(open) = state.open() else {
            ui.weak("Open a trip file with Ctrl+O, or drop one on the window.");
            return;
        };
        if self.generation != state.generation() {
            // A reloaded trip may point at edited pictures.
            self.media.clear();
            self.generation = state.generation();
        }
        let (trip, chronology) = (&open.trip, &open.chronology);
        let tokens = Tokens::for_visuals(ui.visuals());
        ui.horizontal(|ui| {
            let button = egui::Button::new("Edit mode").selected(self.editing);
            if ui
                .add(button)
                .on_hover_text("Edit events, their meetings, quotes and pictures (undo with Ctrl+Z)")
                .clicked()
            {
                self.editing = !self.editing;
            }
        });
        if self.editing {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| self.editor.ui(ui, state, commands));
            return;
        }
        let scroll_pts = keyboard_scroll_pts(ui);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if scroll_pts != 0.0 {
                    ui.scroll_with_delta(egui::vec2(0.0, scroll_pts));
                }
                results_ui(ui, state, commands);
                match state.selection().and_then(|i| Some((i, trip.events.get(i)?))) {
                    Some((index, event)) => {
                        let event_view = EventView {
                            trip,
                            chronology,
                            index,
                            event,
                            tokens: &tokens,
                        };
                        event_view.ui(ui, &mut self.media, &open.path, commands);
                    }
                    // A collection of journeys is browsed by traveller, not as one list of stops.
                    None if chronology.journeys.len() > 1 => {
                        theme::section_heading_ui(ui, "About this collection");
                        ui.label(trip.summary.trim());
                        self.collection.ui(ui, state, commands);
                    }
                    None => overview_ui(ui, trip, chronology, commands),
                }
            });
    }
}

/// One event and what it is drawn with.
struct EventView<'a> {
    trip: &'a Trip,
    chronology: &'a Chronology,
    index: usize,
    event: &'a Event,
    tokens: &'a Tokens,
}

impl EventView<'_> {
    fn ui(&self, ui: &mut Ui, media: &mut MediaCache, trip_path: &std::path::Path, commands: &mut Commands) {
        let Self {
            trip,
            chronology,
            index,
            event,
            tokens,
        } = *self;
        ui.horizontal(|ui| {
            if ui
                .button("◀ Previous")
                .on_hover_text("Previous event (Left arrow)")
                .clicked()
            {
                commands.send(Command::Step(-1));
            }
            if ui
                .button("Next ▶")
                .on_hover_text("Next event (Right arrow)")
                .clicked()
            {
                commands.send(Command::Step(1));
            }
            if let Some(position) = chronology.position(index) {
                ui.weak(format!("{} of {}", position + 1, chronology.order.len()));
            }
        });
        copy_reference_ui(ui, trip_path, &event.id);
        ui.add_space(theme::SECTION_SPACING);
        ui.label(
            RichText::new(event.kind.label().to_uppercase())
                .color(theme::kind_text_colour(event.kind, ui.visuals()))
                .strong(),
        );
        ui.label(RichText::new(&event.title).size(theme::TITLE_SIZE).strong());
        let place = trip.place(&event.place);
        if let Some(resolved) = chronology.event(index) {
            let place_name = place.map_or("", |p| p.name.as_str());
            ui.label(
                RichText::new(format!(
                    "{} · {place_name} · {}",
                    describe_dates(resolved),
                    describe_offset(resolved)
                ))
                .color(tokens.weak_text),
            );
        }
        if let Some(place) = place {
            let alt = if place.alt_names.is_empty() {
                String::new()
            } else {
                format!(" ({})", place.alt_names.join(", "))
            };
            ui.label(
                RichText::new(format!("{}{alt} · {}", place.name, place.country)).color(tokens.weak_text),
            );
            if place.approximate {
                ui.label(
                    RichText::new("Approximate position: the source names only a region or country.")
                        .color(tokens.weak_text)
                        .italics(),
                );
            }
        }
        ui.add_space(theme::SECTION_SPACING);
        if !event.summary.is_empty() {
            ui.label(&event.summary);
        }

        if !event.meetings.is_empty() {
            theme::section_heading_ui(ui, "Meetings");
            for meeting in &event.meetings {
                for id in &meeting.with {
                    if let Some(person) = trip.person(id) {
                        ui.horizontal_wrapped(|ui| {
                            ui.strong(&person.name);
                            if !person.role.is_empty() {
                                ui.label(RichText::new(&person.role).color(tokens.weak_text));
                            }
                        });
                    }
                }
                if !meeting.topics.is_empty() {
                    ui.label(format!("Topics: {}", meeting.topics.join(" · ")));
                }
                if !meeting.summary.is_empty() {
                    ui.label(RichText::new(&meeting.summary).italics());
                }
                ui.add_space(theme::SMALL_SPACING);
            }
        }

        if !event.quotes.is_empty() {
            theme::section_heading_ui(ui, "Quotes");
            for quote in &event.quotes {
                quote_ui(ui, trip, quote, tokens);
            }
        }

        if !event.media.is_empty() {
            theme::section_heading_ui(ui, "Pictures");
            for item in &event.media {
                media.media_ui(ui, trip_path, item, tokens);
                ui.add_space(theme::ITEM_SPACING);
            }
        }

        if !event.sources.is_empty() {
            theme::section_heading_ui(ui, "Sources");
            for id in &event.sources {
                if let Some(source) = trip.source(id) {
                    source_ui(ui, source);
                }
            }
        }
    }
}

fn quote_ui(ui: &mut Ui, trip: &Trip, quote: &crate::model::Quote, tokens: &Tokens) {
    let frame = Frame::new()
        .fill(tokens.quote_fill)
        .inner_margin(Margin::symmetric(theme::QUOTE_MARGIN[0], theme::QUOTE_MARGIN[1]))
        .corner_radius(theme::QUOTE_RADIUS)
        .stroke(Stroke::NONE);
    let response = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            RichText::new(format!("“{}”", quote.text))
                .size(theme::QUOTE_SIZE)
                .italics(),
        );
        let speaker = trip.person(&quote.speaker);
        let who = match speaker {
            Some(p) if !p.role.is_empty() => format!("— {}, {}", p.name, p.role),
            Some(p) => format!("— {}", p.name),
            None => String::new(),
        };
        ui.label(RichText::new(who).strong());
        if !quote.context.is_empty() {
            ui.label(RichText::new(&quote.context).color(tokens.weak_text));
        }
        if let Some(source) = trip.source(&quote.source) {
            source_ui(ui, source);
        }
    });
    let bar = egui::Rect::from_min_max(
        response.response.rect.left_top(),
        response.response.rect.left_bottom() + egui::vec2(theme::QUOTE_BAR_WIDTH, 0.0),
    );
    ui.painter().rect_filled(bar, 0.0, tokens.quote_bar);
    ui.add_space(theme::ITEM_SPACING);
}

fn source_ui(ui: &mut Ui, source: &crate::model::Source) {
    let mut text = source.title.clone();
    if !source.publisher.is_empty() {
        text = format!("{text} — {}", source.publisher);
    }
    if !source.date.is_empty() {
        text = format!("{text}, {}", source.date);
    }
    // Only web links open; anything else was already rejected by validation.
    if crate::model::trip::is_web_link(&source.url) {
        ui.hyperlink_to(format!("📄 {text}"), &source.url)
            .on_hover_text(&source.url);
    } else {
        ui.label(format!("📄 {text}"));
    }
}

fn overview_ui(ui: &mut Ui, trip: &Trip, chronology: &Chronology, commands: &mut Commands) {
    // The title and statistics are in the header above; this is the trip's story in brief.
    theme::section_heading_ui(ui, "About this trip");
    ui.label(trip.summary.trim());
    theme::section_heading_ui(ui, "Stops");
    for stop in &chronology.stops {
        stop_link_ui(ui, trip, chronology, stop, commands);
    }
    ui.add_space(theme::SECTION_SPACING);
    ui.weak("Click a stop on the map or an event on the timeline. Left/Right step through events.");
}

/// "3. Astana — Mon 2 Nov 2015", a link that selects the stop's first event.
pub fn stop_link_ui(ui: &mut Ui, trip: &Trip, chronology: &Chronology, stop: &Stop, commands: &mut Commands) {
    let Some(place) = trip.places.get(stop.place) else {
        return;
    };
    let first = stop.events.first().copied();
    let date = first
        .and_then(|i| chronology.event(i))
        .map(describe_dates)
        .unwrap_or_default();
    if ui
        .link(format!("{}. {} — {}", stop.in_journey, place.name, date))
        .on_hover_text(format!("{} events", stop.events.len()))
        .clicked()
    {
        commands.send(Command::Select(first));
    }
}

/// How far the keyboard scrolls the detail panel this frame (points, up positive as egui
/// counts): PageDown/PageUp by most of its height, Down/Up by a line when no widget has focus
/// (a focused map pans with the arrows instead). Quotes and sources are text, not Tab stops,
/// so this is how a keyboard user reads a long event.
fn keyboard_scroll_pts(ui: &mut egui::Ui) -> f32 {
    let page = ui.available_height() * 0.85;
    let free = ui.memory(|m| m.focused().is_none());
    ui.input_mut(|input| {
        let mut delta = 0.0;
        for (key, pts, needs_free) in [
            (egui::Key::PageDown, -page, false),
            (egui::Key::PageUp, page, false),
            (egui::Key::ArrowDown, -theme::KEY_SCROLL_LINE, true),
            (egui::Key::ArrowUp, theme::KEY_SCROLL_LINE, true),
        ] {
            if (free || !needs_free) && input.consume_key(egui::Modifiers::NONE, key) {
                delta += pts;
            }
        }
        delta
    })
}

/// *Copy event reference*: puts `FILE#ID` on the clipboard, which `itinera FILE#ID` opens at
/// this event (for a worksheet that points students at one moment of a trip). Says "Copied"
/// beside the button for a few seconds.
fn copy_reference_ui(ui: &mut Ui, trip_path: &std::path::Path, id: &str) {
    let copied_key = egui::Id::unique("itinera-copied-reference");
    let now = ui.input(|i| i.time);
    ui.horizontal(|ui| {
        let button = ui
            .button("Copy event reference")
            .on_hover_text("Copy FILE#ID: `itinera FILE#ID` opens the trip at this event");
        if button.clicked() {
            ui.ctx()
                .copy_text(crate::start_at::event_reference(trip_path, id));
            ui.ctx()
                .data_mut(|d| d.insert_temp(copied_key, (id.to_owned(), now)));
        }
        let copied: Option<(String, f64)> = ui.ctx().data(|d| d.get_temp(copied_key));
        if let Some((copied_id, at)) = copied
            && copied_id == id
            && now - at < COPIED_NOTE_SECS
        {
            ui.weak(format!("Copied …#{id}"));
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(COPIED_NOTE_SECS));
        }
    });
}

/// How long "Copied" shows beside *Copy event reference*, in seconds.
const COPIED_NOTE_SECS: f64 = 3.0;
