//! The search results list at the top of the detail panel: each matching event with the fields
//! that matched ("Quote: …non-proliferation issue…"), in time order; clicking one selects it.
//!
//! Hits are computed by [`AppState`] when the query changes, not per frame, and only the first
//! [`MAX_SHOWN`] are drawn, so the panel stays cheap at 100,000 events.

use egui::{RichText, Ui};

use super::theme::{self, Tokens};
use crate::command::{Command, Commands};
use crate::model::SearchHit;
use crate::model::describe::describe_dates;
use crate::state::AppState;

/// Most results drawn at once.
const MAX_SHOWN: usize = 100;

/// Draw the results of the current query, if there is one.
pub fn results_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let Some((trip, chronology)) = state.trip() else {
        return;
    };
    let query = state.filter().query.trim();
    if query.is_empty() {
        return;
    }
    let tokens = Tokens::for_visuals(ui.visuals());
    // The chips narrow the results too.
    let shown: Vec<&SearchHit> = state
        .search_hits()
        .iter()
        .filter(|h| state.passes(h.index))
        .collect();
    let heading = match shown.len() {
        0 => format!("No events match “{query}”"),
        1 => format!("1 event matches “{query}”"),
        n => format!("{n} events match “{query}”"),
    };
    ui.label(RichText::new(heading).strong());
    for hit in shown.iter().take(MAX_SHOWN) {
        let Some(event) = trip.events.get(hit.index) else {
            continue;
        };
        let date = chronology
            .event(hit.index)
            .map(describe_dates)
            .unwrap_or_default();
        let mut text = format!("{}\n{date}", event.title);
        for (field, snippet) in &hit.fields {
            text.push_str(&format!("\n{}: {snippet}", field.label()));
        }
        let selected = state.selection() == Some(hit.index);
        if ui.selectable_label(selected, text).clicked() {
            commands.send(Command::Select(Some(hit.index)));
        }
    }
    if shown.len() > MAX_SHOWN {
        ui.label(
            RichText::new(format!(
                "and {} more; refine the search to see them",
                shown.len() - MAX_SHOWN
            ))
            .color(tokens.weak_text),
        );
    }
    ui.add_space(theme::SECTION_SPACING);
    ui.separator();
}
