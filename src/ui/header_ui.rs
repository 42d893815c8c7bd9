//! The header above the map: the trip's title and statistics, the search field (Ctrl+F) and
//! the filter chips by kind, country and person.
//!
//! The search text is edited in a local buffer and sent as [`Command::SetQuery`] when it
//! changes, so the filter itself only ever changes through the command path; the buffer
//! follows the state when the query is changed elsewhere (e.g. "Clear all").

use std::collections::BTreeMap;

use egui::{Id, Key, RichText, Ui};

use super::theme::{self, Tokens};
use crate::command::{Command, Commands};
use crate::model::filter::people_of;
use crate::model::{EventKind, Trip, TripStats};
use crate::state::AppState;

/// View state of the header.
#[derive(Debug, Default)]
pub struct Header {
    text: String,
    focus_requested: bool,
}

impl Header {
    /// Focus the search field on the next frame (Ctrl+F).
    pub fn focus_search(&mut self) {
        self.focus_requested = true;
    }

    /// Draw the header.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let Some((trip, chronology)) = state.trip() else {
            return;
        };
        let tokens = Tokens::for_visuals(ui.visuals());
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&trip.title).size(theme::TITLE_SIZE).strong());
            if let Some(focus) = state.focus() {
                // What is followed, with its own numbers, and the way back.
                let title = super::collection_ui::focus_title(trip, chronology, focus);
                ui.label(RichText::new(format!("› {title}")).size(theme::TITLE_SIZE));
                if ui.button("Back to all").clicked() {
                    commands.send(Command::Focus(None));
                }
            }
            stats_ui(ui, state.stats(), &tokens);
        });
        ui.horizontal_wrapped(|ui| {
            self.search_ui(ui, state, commands);
            chips_ui(ui, trip, state, commands);
        });
        ui.add_space(2.0);
    }

    fn search_ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let id = Id::unique("search");
        let focused = ui.memory(|m| m.has_focus(id));
        if !focused && self.text != state.filter().query {
            self.text.clone_from(&state.filter().query);
        }
        let label = ui.label("Search");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut self.text)
                    .id(id)
                    .hint_text("titles, quotes, people, places (Ctrl+F)")
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
        if self.focus_requested {
            self.focus_requested = false;
            response.request_focus();
        }
        if response.changed() {
            commands.send(Command::SetQuery(self.text.clone()));
        }
        // Escape in the field clears the search, as in a browser (egui takes the focus away on
        // the same key, so the field has just lost it).
        let in_field = response.has_focus() || response.lost_focus();
        if in_field && ui.input(|i| i.key_pressed(Key::Escape)) && !self.text.is_empty() {
            self.text.clear();
            commands.send(Command::SetQuery(String::new()));
        }
        if state.filter().is_active() {
            ui.label(format!(
                "{} of {} events",
                state.match_count(),
                state.trip().map_or(0, |(_, c)| c.order.len())
            ));
        }
    }
}

/// "7 days · 6 stops · 6 countries · 9,125 km · 8 timezones crossed", with the clock changes
/// in the tooltip.
fn stats_ui(ui: &mut Ui, stats: &TripStats, tokens: &Tokens) {
    let text = stats.summary();
    // The figures read as one line: where they would wrap mid-way, they start a line of their own.
    let width = ui
        .painter()
        .layout_no_wrap(
            text.clone(),
            egui::TextStyle::Body.resolve(ui.style()),
            tokens.weak_text,
        )
        .size()
        .x;
    if width > ui.available_size_before_wrap().x {
        ui.end_row();
    }
    let label = ui.label(RichText::new(text).color(tokens.weak_text));
    if stats.collection.is_some() {
        label.on_hover_text(format!(
            "A journey is one traveller's visits with at most {} days between them, or the visits a file gives one journey id.",
            crate::model::journeys::JOURNEY_GAP_DAYS
        ));
        return;
    }
    label.on_hover_ui(|ui| {
        ui.strong("Clock changes between stops");
        for change in &stats.clock_changes {
            ui.label(format!(
                "{} ({}) to {} ({}): {:+} h",
                change.from,
                change.from_offset,
                change.to,
                change.to_offset,
                f64::from(change.shift_secs) / 3600.0
            ));
        }
        if stats.clock_changes.is_empty() {
            ui.label("None: every stop keeps the same time.");
        }
    });
}

/// Menus of chips by kind, country and person, then the active chips with a remove button.
fn chips_ui(ui: &mut Ui, trip: &Trip, state: &AppState, commands: &mut Commands) {
    let filter = state.filter();
    ui.menu_button("Kind", |ui| {
        for kind in EventKind::ALL {
            if trip.events.iter().any(|e| e.kind == kind) {
                let mut on = filter.kinds.contains(&kind);
                if ui.checkbox(&mut on, kind.label()).changed() {
                    commands.send(Command::ToggleKind(kind));
                }
            }
        }
    });
    let countries = countries_of(trip);
    ui.menu_button("Country", |ui| {
        for (code, names) in &countries {
            let mut on = filter.countries.contains(code);
            if ui.checkbox(&mut on, format!("{code} · {names}")).changed() {
                commands.send(Command::ToggleCountry(code.clone()));
            }
        }
    });
    ui.menu_button("Person", |ui| {
        egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for person in &trip.people {
                if !trip
                    .events
                    .iter()
                    .any(|e| people_of(e).any(|id| id == &person.id))
                {
                    continue;
                }
                let mut on = filter.people.contains(&person.id);
                if ui.checkbox(&mut on, &person.name).changed() {
                    commands.send(Command::TogglePerson(person.id.clone()));
                }
            }
        });
    });

    for kind in &filter.kinds {
        chip_ui(ui, kind.label(), Command::ToggleKind(*kind), commands);
    }
    for code in &filter.countries {
        chip_ui(ui, code, Command::ToggleCountry(code.clone()), commands);
    }
    for id in &filter.people {
        let name = trip.person(id).map_or(id.as_str(), |p| p.name.as_str());
        chip_ui(ui, name, Command::TogglePerson(id.clone()), commands);
    }
    if filter.is_active() && ui.button("Clear all").clicked() {
        commands.send(Command::ClearFilters);
    }
}

/// An active filter as a chip; clicking removes it.
fn chip_ui(ui: &mut Ui, text: &str, remove: Command, commands: &mut Commands) {
    let chip = egui::Button::new(format!("{text}  ×"))
        .corner_radius(10.0)
        .selected(true);
    if ui.add(chip).on_hover_text("Remove this filter").clicked() {
        commands.send(remove);
    }
}

/// Country codes of the trip's places with their place names, e.g. "KZ" → "Astana".
fn countries_of(trip: &Trip) -> BTreeMap<String, String> {
    let mut countries: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for place in &trip.places {
        countries
            .entry(place.country.clone())
            .or_default()
            .push(&place.name);
    }
    countries
        .into_iter()
        .map(|(code, names)| (code, names.join(", ")))
        .collect()
}
