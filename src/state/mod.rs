//! Application state and the single place where commands change it.
//!
//! [`AppState`] holds the open trip, the selection and any problems to show; it has no egui
//! types so tests can drive it directly. Its fields are private: views read them through
//! accessors, and [`AppState::apply`] is the only function that changes them. What a command
//! asks of a view (show the file chooser, frame the map) is returned from `apply` as an
//! [`Effect`] instead of being left in the state for a view to clear. UI-only state (map
//! camera, scroll positions) lives with the views in `ui/` and follows this state, e.g. the map
//! flies to a new selection.

use std::path::Path;

mod disk;
mod focus;
mod matching;

use crate::command::{Command, Effect};
pub use crate::document::{OpenTrip, Opening};
use crate::format::Report;
use crate::model::journeys::Focus;
use crate::model::slides::{Presentation, Slide};
use crate::model::{Chronology, Filter, SearchHit, Trip, TripStats};
use crate::reload::TheirVersion;

/// Everything the panels draw from.
#[derive(Debug, Default)]
pub struct AppState {
    /// The open trip, if any.
    open: Option<OpenTrip>,
    /// Index in `Trip::events` of the selected event.
    selection: Option<usize>,
    /// Problems of a file that could not be opened; the previous trip stays open meanwhile.
    problems: Option<Report>,
    /// Counts trip loads, so views can tell a new trip arrived (e.g. to frame it on the map).
    generation: u64,
    /// Effects of the command being applied; always empty between calls to `apply`.
    effects: Vec<Effect>,
    /// The reader's search and filter chips.
    filter: Filter,
    /// Per `Trip::events` entry, whether it passes `filter`; recomputed when either changes.
    matches: Vec<bool>,
    /// How many resolved events pass `filter`.
    match_count: usize,
    /// Counts changes to `matches` (filter, focus or content), so views know when to re-derive
    /// what they cache from it.
    matches_revision: u64,
    /// The folded text of every event for searching, and the content revision it was built
    /// for; built when a search first needs it.
    search_index: Option<(u64, crate::model::search_index::SearchIndex)>,
    /// Events matching the search query, in time order, with what matched.
    hits: Vec<SearchHit>,
    /// Headline numbers of the open trip (header, overview slide).
    stats: TripStats,
    /// The running presentation, if any.
    presentation: Option<Presentation>,
    /// Counts changes to the open trip's content (edits, undo, redo, loads), so views can tell
    /// when to re-derive what they cache.
    revision: u64,
    /// A message for the user, e.g. why a save failed or where slides were saved.
    notice: Option<String>,
    /// Index of the place waiting for a map click to set its coordinates.
    picking: Option<usize>,
    /// A valid version on disk that arrived while there were local edits; the user decides.
    conflict: Option<TheirVersion>,
    /// Problems of an outside change that could not be taken (the last good trip stays).
    reload_problems: Option<Report>,
    /// The traveller or journey the reader follows in a collection; others are dimmed.
    focus: Option<Focus>,
}

impl AppState {
    /// State with the trip at `path` opened (or its problems shown), for tools and tests that
    /// have no views to hand effects to.
    pub fn with_file(path: &Path) -> Self {
        let mut state = Self::default();
        let _effects = state.apply(Command::Open(path.to_path_buf()));
        state
    }

    /// The open trip file, if any.
    pub fn open(&self) -> Option<&OpenTrip> {
        self.open.as_ref()
    }

    /// Index in `Trip::events` of the selected event.
    pub fn selection(&self) -> Option<usize> {
        self.selection
    }

    /// Problems of a file that could not be opened (the previous trip stays open meanwhile).
    pub fn problems(&self) -> Option<&Report> {
        self.problems.as_ref()
    }

    /// Counts trip loads, so views can tell a new trip arrived (e.g. to frame it on the map).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Counts changes to the open trip's content, so views know when to re-derive caches.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The reader's search and filter chips.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The running presentation, if any.
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presentation.as_ref()
    }

    /// A message for the user, e.g. why a save failed or where slides were saved.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Index of the place waiting for a map click to set its coordinates.
    pub fn picking(&self) -> Option<usize> {
        self.picking
    }

    /// A valid version on disk that arrived while there were local edits; the user decides.
    pub fn conflict(&self) -> Option<&TheirVersion> {
        self.conflict.as_ref()
    }

    /// Problems of an outside change that could not be taken (the last good trip stays).
    pub fn reload_problems(&self) -> Option<&Report> {
        self.reload_problems.as_ref()
    }

    /// The open trip's document and chronology.
    pub fn trip(&self) -> Option<(&Trip, &Chronology)> {
        self.open.as_ref().map(|o| (&o.trip, &o.chronology))
    }

    /// Apply one command, returning what it asks of the views. This is the only function that
    /// changes the state.
    pub fn apply(&mut self, command: Command) -> Vec<Effect> {
        self.apply_one(command);
        std::mem::take(&mut self.effects)
    }

    fn apply_one(&mut self, command: Command) {
        match command {
            Command::Select(index) => {
                self.selection = index.filter(|&i| self.chronology().is_some_and(|c| c.event(i).is_some()));
            }
            // Stepping skips events the filter hides, so Left/Right walk the search results.
            Command::Step(step) => {
                let next = self
                    .chronology()
                    .and_then(|c| c.step_where(self.selection, step, |i| self.passes(i)));
                self.selection = next;
            }
            Command::SelectFirst => {
                self.selection = self
                    .chronology()
                    .and_then(|c| c.step_where(None, 1, |i| self.passes(i)))
            }
            Command::SelectLast => {
                self.selection = self
                    .chronology()
                    .and_then(|c| c.step_where(None, -1, |i| self.passes(i)))
            }
            Command::Open(path) => self.open_file(&path),
            Command::Opened(path, loaded) => {
                if let Some(opening) = loaded.take() {
                    self.finish_open(&path, opening);
                }
            }
            Command::ShowOpenDialog => self.effects.push(Effect::ShowOpenDialog),
            Command::FitMap => self.effects.push(Effect::FitMap),
            Command::DismissProblems => self.problems = None,
            Command::SetQuery(query) => self.change_filter(|f| f.query = query),
            Command::ToggleKind(kind) => self.change_filter(|f| toggle(&mut f.kinds, kind)),
            Command::ToggleCountry(code) => self.change_filter(|f| toggle(&mut f.countries, code)),
            Command::TogglePerson(id) => self.change_filter(|f| toggle(&mut f.people, id)),
            Command::SetTimeWindow(window) => self.change_filter(|f| f.window = window),
            Command::ClearFilters => self.change_filter(|f| *f = Filter::default()),
            Command::Focus(focus) => self.set_focus(focus),
            Command::Present(on) => {
                self.presentation = match (on, self.trip()) {
                    // A followed traveller or journey is what is presented.
                    (true, Some((trip, chronology))) => Some(match self.focus {
                        Some(focus) => {
                            Presentation::of_events(trip, chronology, |i| focus.has_event(chronology, i))
                        }
                        None => Presentation::new(trip, chronology),
                    }),
                    _ => None,
                };
                self.show_slide();
            }
            Command::SlideStep(step) => self.change_slide(|p| p.step(step)),
            Command::SlideFirst => self.change_slide(|p| p.go_to(0)),
            Command::SlideLast => self.change_slide(|p| p.go_to(usize::MAX)),
            Command::SlideGoTo(index) => self.change_slide(|p| p.go_to(index)),
            Command::ToggleBlank => self.change_slide(|p| p.blanked = !p.blanked),
            Command::SetAutoplay(on) => self.change_slide(|p| p.autoplay = on),
            Command::Edit(edit) => {
                self.change_trip(|open| open.edit(edit).map(|()| true).map_err(|e| e.to_string()))
            }
            Command::EndEdit => {
                if let Some(open) = self.open.as_mut() {
                    open.history.seal();
                }
            }
            Command::Undo => self.change_trip(|open| Ok(open.undo())),
            Command::Redo => self.change_trip(|open| Ok(open.redo())),
            Command::Save => self.save(None),
            Command::SaveAs(path) => self.save(Some(path)),
            Command::NewTrip(path) => {
                self.open = Some(OpenTrip::new_file(&path));
                self.after_load(None);
            }
            Command::Export(format, path) => self.notice = Some(self.export(format, &path)),
            Command::Notify(message) => self.notice = Some(message),
            Command::DismissNotice => self.notice = None,
            Command::PickOnMap(place) => self.picking = place,
            Command::DiskChanged => self.disk_changed(),
            Command::KeepMine => self.conflict = None,
            Command::LoadTheirs => {
                if let Some(theirs) = self.conflict.take() {
                    self.take_theirs(theirs);
                }
            }
            Command::DismissReloadProblems => self.reload_problems = None,
            Command::PlaceAt(at) => {
                if let Some(index) = self.picking.take() {
                    self.change_trip(|open| place_at(open, index, at).map(|()| true));
                }
            }
        }
    }

    /// Whether the open trip has unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.open.as_ref().is_some_and(OpenTrip::is_dirty)
    }

    /// Change the open trip; `change` says whether anything changed, or why it could not.
    fn change_trip(&mut self, change: impl FnOnce(&mut OpenTrip) -> Result<bool, String>) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        match change(open) {
            Ok(false) => {}
            Ok(true) => {
                let events = open.trip.events.len();
                self.selection = self.selection.filter(|&i| i < events);
                self.content_changed();
            }
            Err(message) => self.notice = Some(message),
        }
    }

    fn change_slide(&mut self, change: impl FnOnce(&mut Presentation)) {
        if let Some(presentation) = self.presentation.as_mut() {
            let before = presentation.current;
            change(presentation);
            if presentation.current != before {
                self.show_slide();
            }
        }
    }

    /// Select the event of the slide shown (so the map flies to it), or frame the whole trip on
    /// the title and overview slides.
    fn show_slide(&mut self) {
        match self.presentation.as_ref().map(Presentation::slide) {
            Some(Slide::Event(i)) => self.selection = Some(i),
            Some(Slide::Title | Slide::Overview) => {
                self.selection = None;
                self.effects.push(Effect::FitMap);
            }
            None => {}
        }
    }

    /// The open trip's content changed: count a revision and re-derive what depends on it.
    fn content_changed(&mut self) {
        self.content_changed_with(None);
    }

    /// As [`Self::content_changed`], with the whole trip's numbers when they were derived
    /// already (while a big file was read, off the UI thread).
    fn content_changed_with(&mut self, stats: Option<TripStats>) {
        self.revision += 1;
        self.check_focus();
        match stats {
            Some(stats) if self.focus.is_none() => self.stats = stats,
            _ => self.refresh_stats(),
        }
        self.refresh_matches();
    }

    /// The open trip's headline numbers, kept current with every change.
    pub fn stats(&self) -> &TripStats {
        &self.stats
    }

    /// A trip was opened or created (with its numbers, if already derived): a fresh start for
    /// every view.
    fn after_load(&mut self, stats: Option<TripStats>) {
        self.selection = None;
        self.focus = None;
        self.problems = None;
        self.generation += 1;
        self.effects.push(Effect::FitMap);
        self.content_changed_with(stats);
        // Slides, questions and map picks about the old trip mean nothing for the new one.
        self.presentation = None;
        self.conflict = None;
        self.reload_problems = None;
        self.picking = None;
    }

    fn chronology(&self) -> Option<&Chronology> {
        self.open.as_ref().map(|o| &o.chronology)
    }
}

/// Insert `value` if absent, remove it if present.
fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

/// Move `Trip::places[index]` to `at`, with the timezone of the nearest city, as one edit.
fn place_at(open: &mut OpenTrip, index: usize, at: crate::model::LatLon) -> Result<(), String> {
    let mut place = open
        .trip
        .places
        .get(index)
        .cloned()
        .ok_or_else(|| format!("there is no place number {}", index + 1))?;
    // Six decimals is about 10 cm: more would only be noise from the pointer.
    place.lat = Some((at.lat_deg * 1e6).round() / 1e6);
    place.lon = Some((at.lon_deg * 1e6).round() / 1e6);
    // Placed by hand: no longer a region's or country's centre.
    place.approximate = false;
    if let Some(city) = crate::gazetteer::shared().nearest(at) {
        place.timezone.clone_from(&city.timezone);
    }
    let value = serde_json::to_value(&place).map_err(|e| e.to_string())?;
    let path = crate::model::FieldPath::root().key("places").index(index);
    open.edit(crate::model::edit::Edit::Set { path, value })
        .map_err(|e| e.to_string())
}
