//! The collection browser in the side panel: travellers with their visits and years, unfolding
//! into their journeys (dates, countries, visits); choosing one focuses it, and *Back to all*
//! (in the header) returns. Shown instead of the stops list when a trip holds more than one journey.
//!
//! Invariant: the rows are derived from the open trip once per content revision, not per frame.

use egui::{CollapsingHeader, RichText, Ui};

use super::theme::{self, Tokens};
use crate::command::{Command, Commands};
use crate::model::describe::format_count;
use crate::model::filter::fold;
use crate::model::journeys::Focus;
use crate::model::{Chronology, Trip};
use crate::state::AppState;

/// One traveller and their journeys, as listed.
#[derive(Clone, Debug)]
struct TravellerRow {
    traveller: Option<usize>,
    name: String,
    visits: usize,
    years: String,
    journeys: Vec<JourneyRow>,
}

/// One journey, as listed.
#[derive(Clone, Debug)]
struct JourneyRow {
    index: usize,
    text: String,
    /// Folded country names, for the search.
    countries: String,
}

/// The browser's search text and rows.
#[derive(Debug, Default)]
pub struct CollectionBrowser {
    query: String,
    rows: Vec<TravellerRow>,
    built_for: Option<(u64, u64)>,
}

impl CollectionBrowser {
    /// The browser, or (when focused) what is followed and *Back to all*.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let Some((trip, chronology)) = state.trip() else {
            return;
        };
        let key = (state.generation(), state.revision());
        if self.built_for != Some(key) {
            self.rows = rows(trip, chronology);
            self.built_for = Some(key);
        }
        if let Some(focus) = state.focus() {
            focus_ui(ui, trip, chronology, focus, commands);
            return;
        }
        theme::section_heading_ui(ui, "Travellers");
        let label = ui.label("Find a traveller or country");
        ui.add(egui::TextEdit::singleline(&mut self.query).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let query = fold(self.query.trim());
        let tokens = Tokens::for_visuals(ui.visuals());
        for row in &self.rows {
            let by_name = fold(&row.name).contains(&query);
            // Filtered only when searching: a million events make 100,000 journeys.
            let journeys: Vec<&JourneyRow> = if by_name {
                row.journeys.iter().collect()
            } else {
                row.journeys
                    .iter()
                    .filter(|j| j.countries.contains(&query))
                    .collect()
            };
            if journeys.is_empty() {
                continue;
            }
            let visits = if row.visits == 1 { "visit" } else { "visits" };
            let header = format!(
                "{} · {} {visits} · {}",
                row.name,
                format_count(row.visits as u64),
                row.years
            );
            // The traveller's colour, as their routes on the map: the list is the legend.
            let mut job = egui::text::LayoutJob::default();
            let font = egui::FontId::proportional(theme::BODY_SIZE);
            let format = |color| egui::TextFormat::simple(font.clone(), color);
            job.append("— ", 0.0, format(theme::traveller_colour(row.traveller)));
            job.append(&header, 0.0, format(ui.visuals().text_color()));
            CollapsingHeader::new(job)
                .id_salt(("traveller", row.traveller))
                .open((!query.is_empty() && !by_name).then_some(true))
                .show(ui, |ui| {
                    if let Some(t) = row.traveller
                        && ui.button(format!("Follow {}", row.name)).clicked()
                    {
                        commands.send(Command::Focus(Some(Focus::Traveller(t))));
                    }
                    journeys_ui(ui, &journeys, commands);
                });
        }
        ui.add_space(theme::SECTION_SPACING);
        ui.label(
            RichText::new(
                "Follow a traveller or choose a journey: the map and timeline frame it and dim the rest.",
            )
            .color(tokens.weak_text),
        );
    }
}

/// Journeys listed as links; a very long list scrolls in a box of its own and lays out only
/// the rows in view.
fn journeys_ui(ui: &mut Ui, journeys: &[&JourneyRow], commands: &mut Commands) {
    let mut row_ui = |ui: &mut Ui, journey: &JourneyRow| {
        if ui.link(&journey.text).clicked() {
            commands.send(Command::Focus(Some(Focus::Journey(journey.index))));
        }
    };
    if journeys.len() <= theme::LONGEST_LIST_IN_PLACE {
        for journey in journeys {
            row_ui(ui, journey);
        }
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    egui::ScrollArea::vertical()
        .id_salt(("journeys", journeys.first().map(|j| j.index)))
        .max_height(row_height * theme::SCROLLED_LIST_ROWS as f32)
        .show_rows(ui, row_height, journeys.len(), |ui, range| {
            for journey in journeys.get(range).unwrap_or_default() {
                row_ui(ui, journey);
            }
        });
}

/// What is followed, *Back to all*, and the followed stops.
fn focus_ui(ui: &mut Ui, trip: &Trip, chronology: &Chronology, focus: Focus, commands: &mut Commands) {
    theme::section_heading_ui(ui, "Following");
    ui.label(RichText::new(focus_title(trip, chronology, focus)).strong());
    ui.weak("Back to all, in the header, shows every traveller again.");
    theme::section_heading_ui(ui, "Stops");
    for stop in chronology
        .stops
        .iter()
        .filter(|s| focus.has_journey(&chronology.journeys, s.journey))
    {
        super::detail_ui::stop_link_ui(ui, trip, chronology, stop, commands);
    }
}

/// The name of traveller `t` (an index into `Trip::travellers`), or "Other visits" for none.
fn traveller_name(trip: &Trip, t: Option<usize>) -> String {
    t.and_then(|t| trip.travellers.get(t))
        .map(|id| trip.person_name(id))
        .unwrap_or_else(|| "Other visits".to_owned())
}

/// "Henry A. Kissinger", or "Henry A. Kissinger: 12 Jan – 19 Jan 1974".
pub fn focus_title(trip: &Trip, chronology: &Chronology, focus: Focus) -> String {
    match focus {
        Focus::Traveller(t) => traveller_name(trip, Some(t)),
        Focus::Journey(j) => chronology.journeys.get(j).map_or_else(String::new, |journey| {
            format!(
                "{}: {}",
                traveller_name(trip, journey.traveller),
                journey_dates(chronology, &journey.events)
            )
        }),
    }
}

/// "29 Oct 2015 – 4 Nov 2015": the local day of the first event to that of the last's end.
fn journey_dates(chronology: &Chronology, events: &[usize]) -> String {
    let first = events.first().and_then(|&i| chronology.event(i));
    let last = events.last().and_then(|&i| chronology.event(i));
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let day = |t: &crate::model::TripTime| crate::model::time::day_label(&t.local);
    let (from, to) = (day(&first.start), day(&last.end.unwrap_or(last.start)));
    if from == to {
        from
    } else {
        format!("{from} – {to}")
    }
}

/// A row per traveller (in the trip's order, then visits of no traveller), each with its
/// journeys in time order.
fn rows(trip: &Trip, chronology: &Chronology) -> Vec<TravellerRow> {
    let mut travellers: Vec<Option<usize>> = (0..trip.travellers.len()).map(Some).collect();
    travellers.push(None);
    travellers
        .into_iter()
        .filter_map(|traveller| {
            let journeys: Vec<JourneyRow> = chronology
                .journeys
                .iter()
                .enumerate()
                .filter(|(_, j)| j.traveller == traveller)
                .map(|(index, journey)| journey_row(trip, chronology, index, &journey.events))
                .collect();
            if journeys.is_empty() {
                return None;
            }
            let events = chronology
                .journeys
                .iter()
                .filter(|j| j.traveller == traveller)
                .flat_map(|j| &j.events)
                .filter_map(|&i| chronology.event(i));
            let years = events.clone().map(|e| chrono::Datelike::year(&e.start.local));
            let years = years
                .clone()
                .min()
                .zip(years.max())
                .map_or(String::new(), |(a, b)| crate::model::time::year_span_label(a, b));
            Some(TravellerRow {
                traveller,
                name: traveller_name(trip, traveller),
                visits: events.count(),
                years,
                journeys,
            })
        })
        .collect()
}

fn journey_row(trip: &Trip, chronology: &Chronology, index: usize, events: &[usize]) -> JourneyRow {
    let mut countries: Vec<&str> = Vec::new();
    for &i in events {
        let place = chronology.event(i).and_then(|e| trip.places.get(e.place));
        let country = place.map(|p| {
            crate::countries::countries()
                .name(&p.country)
                .unwrap_or(p.country.as_str())
        });
        if let Some(country) = country
            && !countries.contains(&country)
        {
            countries.push(country);
        }
    }
    let shown: Vec<&str> = countries.iter().take(4).copied().collect();
    let more = countries.len().saturating_sub(shown.len());
    let mut names = shown.join(", ");
    if more > 0 {
        names.push_str(&format!(" and {more} more"));
    }
    JourneyRow {
        index,
        text: format!(
            "{} · {names} · {} {}",
            journey_dates(chronology, events),
            events.len(),
            if events.len() == 1 { "visit" } else { "visits" }
        ),
        countries: fold(&countries.join(" ")),
    }
}
