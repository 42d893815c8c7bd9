//! Edit mode of the detail panel: add, duplicate and delete events, edit every field of the
//! selected event (with its meetings, quotes and pictures), and place it in a city found by name
//! in the offline gazetteer, which also gives the place its coordinates and timezone.
//!
//! Every change is a [`Command::Edit`], so it can be undone and is validated at once; the
//! problems of a field appear beside it as you type.

pub mod fields;
pub mod trip_records_ui;

use egui::Ui;
use serde_json::Value;

use self::fields::Form;
use self::trip_records_ui::list_ui;
use crate::command::{Command, Commands};
use crate::gazetteer::City;
use crate::model::edit::Edit;
use crate::model::refs::fresh_id;
use crate::model::{Event, EventKind, FieldPath, Media, Meeting, Quote, Trip};
use crate::state::AppState;
use crate::ui::theme::{self, Tokens};

/// Cities listed for a search.
const CITY_RESULTS: usize = 8;

/// What the editor shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// The selected event.
    #[default]
    Event,
    /// The trip's title, summary, travellers and story.
    Trip,
    /// Places.
    Places,
    /// People.
    People,
    /// Sources.
    Sources,
}

/// State of the editor: its tab and the city search.
#[derive(Debug, Default)]
pub struct EventEditor {
    tab: Tab,
    city_query: String,
    /// The last query searched and its results: a search runs once per keystroke, not per frame.
    city_results: Option<(String, Vec<City>)>,
    /// Ids of events added here whose id still follows their title.
    titled_ids: std::collections::HashSet<String>,
}

impl EventEditor {
    /// Draw the editor: tabs, then the selected event or the trip's records.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let Some(open) = state.open() else {
            return;
        };
        // The 199,568 places load in the background while the user picks a field.
        crate::gazetteer::preload();
        ui.horizontal_wrapped(|ui| {
            for (tab, label) in [
                (Tab::Event, "Event"),
                (Tab::Trip, "Trip"),
                (Tab::Places, "Places"),
                (Tab::People, "People"),
                (Tab::Sources, "Sources"),
            ] {
                ui.selectable_value(&mut self.tab, tab, label);
            }
        });
        ui.separator();
        let tokens = Tokens::for_visuals(ui.visuals());
        let mut form = Form {
            problems: &open.problems,
            commands,
            tokens: &tokens,
        };
        match self.tab {
            Tab::Event => self.event_ui(ui, state, form.commands),
            Tab::Trip => trip_records_ui::trip_fields_ui(ui, &mut form, &open.trip),
            Tab::Places => trip_records_ui::places_ui(ui, &mut form, &open.trip, state.picking()),
            Tab::People => trip_records_ui::people_ui(ui, &mut form, &open.trip),
            Tab::Sources => trip_records_ui::sources_ui(ui, &mut form, &open.trip),
        }
    }

    /// The selected event's form (or the buttons to add one).
    fn event_ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let Some(open) = state.open() else {
            return;
        };
        let trip = &open.trip;
        let tokens = Tokens::for_visuals(ui.visuals());
        let selected = state.selection().and_then(|i| Some((i, trip.events.get(i)?)));
        ui.horizontal_wrapped(|ui| {
            if ui.button("New event").clicked() {
                let today = chrono::Local::now().date_naive().to_string();
                let new = crate::model::new_event::new_event_after(
                    trip,
                    &open.chronology,
                    selected.map(|(i, _)| i),
                    "New event",
                    &today,
                );
                self.titled_ids.insert(new.event.id.clone());
                insert_event(new.index, &new.event, commands);
            }
            if let Some((index, event)) = selected {
                if ui.button("Duplicate").clicked() {
                    add_event(trip, event.clone(), &format!("{} (copy)", event.title), commands);
                }
                if ui.button("Delete event").clicked() {
                    commands.send(Command::Select(None));
                    commands.send(Command::Edit(Edit::Remove {
                        path: FieldPath::root().key("events"),
                        index,
                    }));
                }
            }
        });
        let Some((index, event)) = selected else {
            ui.weak("Select an event to edit it, or add a new one.");
            return;
        };
        let mut form = Form {
            problems: &open.problems,
            commands,
            tokens: &tokens,
        };
        let path = FieldPath::root().key("events").index(index);
        ui.add_space(theme::SECTION_SPACING);
        if let Some(title) = form.text_ui(ui, "Title", &path.key("title"), &event.title, false)
            && self.titled_ids.remove(&event.id)
        {
            // A new event's id follows its title until the id is edited by hand.
            let id = fresh_id(&title, |id| {
                id != event.id && trip.events.iter().any(|e| e.id == id)
            });
            self.titled_ids.insert(id.clone());
            form.set(&path.key("id"), Value::String(id));
        }
        if let Some(id) = form.text_ui(
            ui,
            "Id (for references: FILE#ID)",
            &path.key("id"),
            &event.id,
            false,
        ) {
            self.titled_ids.remove(&id);
        }
        let kinds: Vec<(String, String)> = EventKind::ALL
            .iter()
            .map(|k| (k.id().to_owned(), k.label().to_owned()))
            .collect();
        form.choice_ui(ui, "Kind", &path.key("kind"), event.kind.id(), &kinds);
        form.text_ui(
            ui,
            "Start (2015-11-02, 2015-11-02T14:30 or -490 for 490 BC)",
            &path.key("start"),
            &event.start,
            false,
        );
        form.text_ui(ui, "End (optional)", &path.key("end"), &event.end, false);
        form.whole_number_ui(
            ui,
            "Order among events at the same time (1, 2, 3…; optional)",
            &path.key("sequence"),
            event.sequence,
        );
        let places: Vec<(String, String)> = trip
            .places
            .iter()
            .map(|p| (p.id.clone(), format!("{}, {}", p.name, p.country)))
            .collect();
        form.choice_ui(ui, "Place", &path.key("place"), &event.place, &places);
        self.city_search_ui(ui, trip, &path, form.commands);
        form.text_ui(ui, "Summary", &path.key("summary"), &event.summary, true);
        form.lines_ui(
            ui,
            "Participants (person ids, one per line)",
            &path.key("participants"),
            &event.participants,
        );
        form.lines_ui(
            ui,
            "Sources (source ids, one per line)",
            &path.key("sources"),
            &event.sources,
        );
        form.text_ui(ui, "Presenter notes", &path.key("notes"), &event.notes, true);
        event_lists_ui(ui, &mut form, &path, event);
    }

    /// "Find a city": search the gazetteer and put the event there, adding the place if the trip
    /// does not have it yet (with the city's coordinates and timezone).
    fn city_search_ui(&mut self, ui: &mut Ui, trip: &Trip, event_path: &FieldPath, commands: &mut Commands) {
        let label = ui.label("Find a city (any spelling, Latin or Cyrillic)");
        ui.add(egui::TextEdit::singleline(&mut self.city_query).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if self.city_query.trim().chars().count() < 2 {
            return;
        }
        if self
            .city_results
            .as_ref()
            .is_none_or(|(query, _)| *query != self.city_query)
        {
            let found = crate::gazetteer::shared().search(&self.city_query, CITY_RESULTS);
            self.city_results = Some((self.city_query.clone(), found));
        }
        let mut chosen = None;
        let results = self
            .city_results
            .as_ref()
            .map(|(_, found)| found.as_slice())
            .unwrap_or_default();
        for city in results {
            let text = format!(
                "{}, {} · {} · population {}",
                city.name,
                city.country,
                city.timezone,
                crate::model::describe::format_count(city.population)
            );
            if ui.button(text).clicked() {
                chosen = Some(city.clone());
            }
        }
        if let Some(city) = chosen {
            self.city_query.clear();
            use_city(trip, &city, event_path, commands);
        }
    }
}

/// Append a copy of `template` titled `title` (with an id from it) and select it.
fn add_event(trip: &Trip, template: Event, title: &str, commands: &mut Commands) {
    let mut event = template;
    event.title = title.to_owned();
    event.id = fresh_id(title, |id| trip.events.iter().any(|e| e.id == id));
    insert_event(trip.events.len(), &event, commands);
}

/// Insert `event` at `index` of the trip's events and select it.
fn insert_event(index: usize, event: &Event, commands: &mut Commands) {
    let Ok(value) = serde_json::to_value(event) else {
        return;
    };
    commands.send(Command::Edit(Edit::Insert {
        path: FieldPath::root().key("events"),
        index,
        value,
    }));
    commands.send(Command::Select(Some(index)));
}

/// Put the event at `event_path` in `city`, adding the city to the trip's places if needed.
fn use_city(trip: &Trip, city: &City, event_path: &FieldPath, commands: &mut Commands) {
    let existing = trip
        .places
        .iter()
        .find(|p| p.name == city.name && p.country == city.country);
    let id = match existing {
        Some(place) => place.id.clone(),
        None => {
            let place = city.to_place(fresh_id(&city.name, |id| trip.places.iter().any(|p| p.id == id)));
            let id = place.id.clone();
            if let Ok(value) = serde_json::to_value(place) {
                commands.send(Command::Edit(Edit::Insert {
                    path: FieldPath::root().key("places"),
                    index: trip.places.len(),
                    value,
                }));
            }
            id
        }
    };
    commands.send(Command::Edit(Edit::Set {
        path: event_path.key("place"),
        value: Value::String(id),
    }));
}

/// Meetings, quotes and pictures of the event, each with a remove button, and add buttons.
fn event_lists_ui(ui: &mut Ui, form: &mut Form<'_>, path: &FieldPath, event: &Event) {
    theme::section_heading_ui(ui, "Meetings");
    let header = |i: usize, _: &Meeting| format!("Meeting {}", i + 1);
    list_ui(
        ui,
        form,
        &path.key("meetings"),
        &event.meetings,
        "meeting",
        header,
        true,
        &Meeting::default(),
        |ui, form, at, _, meeting| {
            form.lines_ui(
                ui,
                "With (person ids, one per line)",
                &at.key("with"),
                &meeting.with,
            );
            form.lines_ui(ui, "Topics (one per line)", &at.key("topics"), &meeting.topics);
            form.text_ui(
                ui,
                "Summary of the meeting",
                &at.key("summary"),
                &meeting.summary,
                false,
            );
        },
    );
    theme::section_heading_ui(ui, "Quotes");
    let header = |i: usize, _: &Quote| format!("Quote {}", i + 1);
    list_ui(
        ui,
        form,
        &path.key("quotes"),
        &event.quotes,
        "quote",
        header,
        true,
        &Quote::default(),
        |ui, form, at, _, quote| {
            form.text_ui(ui, "Quote", &at.key("text"), &quote.text, true);
            form.text_ui(
                ui,
                "Speaker (person id)",
                &at.key("speaker"),
                &quote.speaker,
                false,
            );
            form.text_ui(ui, "Context", &at.key("context"), &quote.context, false);
            form.text_ui(ui, "Source (source id)", &at.key("source"), &quote.source, false);
        },
    );
    theme::section_heading_ui(ui, "Pictures");
    let header = |i: usize, _: &Media| format!("Picture {}", i + 1);
    list_ui(
        ui,
        form,
        &path.key("media"),
        &event.media,
        "picture",
        header,
        true,
        &Media::default(),
        |ui, form, at, _, media| {
            form.text_ui(
                ui,
                "File (relative to the trip file)",
                &at.key("path"),
                &media.path,
                false,
            );
            form.text_ui(ui, "Caption", &at.key("caption"), &media.caption, false);
            form.text_ui(ui, "Credit", &at.key("credit"), &media.credit, false);
            form.text_ui(
                ui,
                "Alt text (what the picture shows)",
                &at.key("alt"),
                &media.alt,
                false,
            );
        },
    );
}
