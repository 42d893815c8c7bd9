//! The eframe application: panels around the map, shortcuts, and the per-frame command drain.
//!
//! Each frame draws every panel from [`AppState`], collecting [`Command`]s, then applies them in
//! order. Nothing else mutates the state, which is what lets tests drive the app by clicking.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

pub mod export_window;
pub mod frame_stats;
mod inspect;
mod layout;
pub mod loader;
mod menu;
pub mod recording;
mod transfer;

use crate::command::{Command, Commands, Effect};
use crate::state::AppState;
use crate::ui::detail_ui::DetailPanel;
use crate::ui::files::{Files, Purpose};
use crate::ui::header_ui::Header;
use crate::ui::map::MapView;
use crate::ui::present::PresentView;
use crate::ui::present::export::{ExportOutcome, SlideExport};
use crate::ui::recent::RecentFiles;
use crate::ui::reload_ui::{self, Watcher};
use crate::ui::report_ui;
use crate::ui::theme;
use crate::ui::timeline::TimelineView;

/// Storage key of the remembered online-layer setting.
const ONLINE_TILES_KEY: &str = "online_tiles";
/// Storage key of the recent files list.
const RECENT_FILES_KEY: &str = "recent_files";
/// Storage key under which eframe remembers the window (its own constant is private).
const WINDOW_KEY: &str = "window";

/// The remembered window `settings` (eframe's RON) without full screen: a presentation's full
/// screen is not the user's window, and the next start must not open full screen.
pub fn windowed(settings: &str) -> String {
    settings
        .replace("fullscreen:true", "fullscreen:false")
        .replace("fullscreen: true", "fullscreen: false")
}

/// Ctrl+O (Cmd+O on macOS).
const OPEN_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// F5: present.
const PRESENT_KEY: Key = Key::F5;

/// Where the command line waits for the outcome of `itinera slides`.
pub type ExportResult = std::sync::Arc<std::sync::Mutex<Option<ExportOutcome>>>;

/// Ctrl+F: search.
const FIND_SHORTCUT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// The Itinera window.
pub struct App {
    state: AppState,
    commands: Commands,
    map: MapView,
    timeline: TimelineView,
    header: Header,
    details: DetailPanel,
    present: PresentView,
    /// The folder typed in the export dialog, while it is open.
    export_dialog: Option<String>,
    /// File ▸ Export ▸ Presentation as video, while its dialog is open.
    video_dialog: Option<recording::VideoDialog>,
    /// The last frame count printed while recording from the command line.
    video_progress_said: Option<u64>,
    /// Set when the app was started to export slides and then quit.
    export_result: Option<ExportResult>,
    files: Files,
    watcher: Watcher,
    /// Recently opened or saved files.
    recent: RecentFiles,
    /// The path last added to `recent`.
    recent_noted: Option<PathBuf>,
    /// File ▸ Import.
    import: crate::ui::import_ui::ImportWindow,
    /// File ▸ Export ▸ Map and timeline as PNG.
    view_shot: crate::ui::view_shot::ViewShot,
    /// Frames drawn and their cost (View ▸ Performance, `--frame-stats`).
    frame_stats: frame_stats::FrameStats,
    /// Whether View ▸ Performance is open.
    performance_open: bool,
    /// Whether a text field had focus at the end of the last frame: egui drops a field's focus
    /// on Escape before the frame runs, and that Escape is the field's (it clears the search).
    was_typing: bool,
    /// Where to start once the trip has loaded (`--event`, `FILE#ID`, `--present`, `--slide`).
    start_at: crate::start_at::StartAt,
    /// What a screen reader is told changed.
    announcer: crate::ui::announce::Announcer,
    /// A large file being opened in the background.
    loading: Option<loader::Loader>,
}

impl App {
    /// Start the app, opening the trip at `path`.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        Self::with_preread(cc, path, None)
    }

    /// The app on `path`, taking the file from `preread` when that read it already.
    pub fn with_preread(
        cc: &eframe::CreationContext<'_>,
        path: Option<PathBuf>,
        preread: Option<loader::Preread>,
    ) -> Self {
        let ctx = &cc.egui_ctx;
        ctx.all_styles_mut(|style| {
            if let Some(body) = style.text_styles.get_mut(&egui::TextStyle::Body) {
                body.size = theme::BODY_SIZE;
            }
            if let Some(button) = style.text_styles.get_mut(&egui::TextStyle::Button) {
                button.size = theme::BODY_SIZE;
            }
        });
        theme::apply(ctx);
        let mut state = AppState::default();
        // A large file opens in the background, so the window shows at once.
        let (effects, loading) = match (path, preread) {
            (Some(path), Some(preread)) => match preread.finish(&mut state, &path) {
                Some(effects) => (effects, None),
                None => loader::open(&mut state, path, ctx),
            },
            (Some(path), None) => loader::open(&mut state, path, ctx),
            (None, _) => (Vec::new(), None),
        };
        let mut map = MapView::new(ctx);
        // The online layer is off unless the user turned it on in an earlier session.
        let online = cc
            .storage
            .and_then(|s| s.get_string(ONLINE_TILES_KEY))
            .is_some_and(|v| v == "on");
        map.set_online(ctx, online);
        let mut recent = RecentFiles::from_storage(
            &cc.storage
                .and_then(|s| s.get_string(RECENT_FILES_KEY))
                .unwrap_or_default(),
        );
        if let Some(open) = state.open() {
            recent.note(&open.path);
        }
        let mut app = Self {
            recent_noted: state.open().map(|o| o.path.clone()),
            recent,
            state,
            commands: Commands::default(),
            map,
            timeline: TimelineView::default(),
            header: Header::default(),
            details: DetailPanel::default(),
            present: PresentView::default(),
            export_dialog: None,
            video_dialog: None,
            video_progress_said: None,
            export_result: None,
            files: Files::default(),
            watcher: Watcher::default(),
            import: Default::default(),
            view_shot: Default::default(),
            frame_stats: Default::default(),
            performance_open: false,
            was_typing: false,
            start_at: Default::default(),
            announcer: crate::ui::announce::Announcer::default(),
            loading,
        };
        app.handle_effects(effects);
        app
    }

    /// Start at an event or slide once the trip has loaded.
    pub fn starting_at(mut self, start: crate::start_at::StartAt) -> Self {
        self.start_at = start;
        self
    }

    /// Send the commands of [`Self::starting_at`] once the trip is open (or drop them when it
    /// could not be opened: its problems are shown instead).
    fn apply_start(&mut self) {
        if !self.start_at.is_some() || self.loading.is_some() {
            return;
        }
        let start = std::mem::take(&mut self.start_at);
        let Some(path) = self.state.open().map(|o| o.path.clone()) else {
            return;
        };
        match start.commands(&self.state, &path) {
            Ok(commands) => commands.into_iter().for_each(|c| self.commands.send(c)),
            Err(message) => self.commands.send(Command::Notify(message)),
        }
    }

    /// Start the app on the trip at `path`, export its slides into `folder`, store the outcome
    /// in `result` and close the window.
    pub fn exporting(
        cc: &eframe::CreationContext<'_>,
        path: PathBuf,
        folder: &std::path::Path,
        result: ExportResult,
    ) -> Self {
        let mut app = Self::new(cc, Some(path));
        app.start_export(folder);
        app.export_result = Some(result);
        app
    }

    /// Begin saving every slide as a PNG in `folder`.
    pub fn start_export(&mut self, folder: &std::path::Path) {
        match SlideExport::new(folder) {
            Ok(job) => self.present.export = Some(job),
            Err(error) => self.finish_export(ExportOutcome::Failed(error), None),
        }
    }

    fn finish_export(&mut self, outcome: ExportOutcome, ctx: Option<&egui::Context>) {
        self.present.export = None;
        self.commands.send(Command::Notify(match &outcome {
            ExportOutcome::Saved(count, folder) => format!("Saved {count} slides to {}", folder.display()),
            ExportOutcome::Failed(error) => format!("The slides were not all saved: {error}"),
        }));
        if let Some(result) = &self.export_result {
            *result.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(outcome);
            if let Some(ctx) = ctx {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn shortcuts(&mut self, ui: &Ui) {
        // Typing in a field, a focused map (which pans with the arrows) or a focused panel edge
        // (which moves with them) keeps the keys.
        let typing = ui.ctx().text_edit_focused()
            || self.was_typing
            || self.map.has_focus(ui.ctx())
            || crate::ui::splitter::any_has_focus(ui.ctx());
        ui.input_mut(|input| {
            if input.consume_shortcut(&OPEN_SHORTCUT) {
                self.commands.send(Command::ShowOpenDialog);
            }
            if input.consume_shortcut(&FIND_SHORTCUT) {
                self.header.focus_search();
            }
            if input.consume_key(Modifiers::NONE, PRESENT_KEY) {
                self.commands.send(Command::Present(true));
            }
            if typing {
                return;
            }
            for (key, command) in [
                (Key::ArrowRight, Command::Step(1)),
                (Key::ArrowLeft, Command::Step(-1)),
                (Key::Home, Command::SelectFirst),
                (Key::End, Command::SelectLast),
                (
                    Key::Escape,
                    if self.state.picking().is_some() {
                        Command::PickOnMap(None)
                    } else {
                        Command::Select(None)
                    },
                ),
            ] {
                if input.consume_key(Modifiers::NONE, key) {
                    self.commands.send(command);
                }
            }
            for file in input.raw.dropped_files.drain(..) {
                self.commands.send(Command::Open(file.path().to_path_buf()));
            }
        });
    }
}

impl eframe::App for App {
    fn persist_egui_memory(&self) -> bool {
        // A slide export runs at its own window size; it must not become the user's layout.
        self.export_result.is_none()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.export_result.is_some() {
            return;
        }
        if let Some(window) = storage.get_string(WINDOW_KEY) {
            storage.set_string(WINDOW_KEY, windowed(&window));
        }
        let online = if self.map.online() { "on" } else { "off" };
        storage.set_string(ONLINE_TILES_KEY, online.to_owned());
        storage.set_string(RECENT_FILES_KEY, self.recent.to_storage());
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let started = std::time::Instant::now();
        self.apply_start();
        if self.state.presentation().is_some() || self.present.exporting() {
            self.presentation_ui(ui);
        } else {
            self.main_ui(ui);
        }
        self.announcer.update(&self.state);
        let trip_title = self.state.trip().map_or("", |(trip, _)| trip.title.as_str());
        crate::ui::announce::announce_ui(ui.ctx(), trip_title, &self.announcer);
        let complete = self.state.trip().is_some() && self.map.is_complete();
        self.frame_stats.record(started.elapsed(), complete);
    }
}

impl App {
    /// Print frame statistics and memory to standard error once a second (`--frame-stats`),
    /// timing first frames from `launched`.
    pub fn print_frame_stats(mut self, launched: std::time::Instant) -> Self {
        self.frame_stats = frame_stats::FrameStats::since(launched);
        self.frame_stats.print_every_second();
        self
    }

    /// The main view: menu, header, timeline, details and map, and the windows over them.
    fn main_ui(&mut self, ui: &mut Ui) {
        self.files.shortcuts(ui.ctx(), &self.state, &mut self.commands);
        self.shortcuts(ui);
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar_ui(ui));
        reload_ui::banner_ui(ui, &self.state, &mut self.commands);
        egui::Panel::top("header").show(ui, |ui| self.header.ui(ui, &self.state, &mut self.commands));
        self.panels_ui(ui);

        if let Some(report) = self.state.problems() {
            report_ui::report_window_ui(ui.ctx(), report, &mut self.commands);
        }
        self.files.ui(ui.ctx(), &self.state, &mut self.commands);
        self.watcher.poll(ui.ctx(), &self.state, &mut self.commands);
        if reload_ui::conflict_ui(ui.ctx(), &self.state, &mut self.commands) {
            self.files.choose(Purpose::SaveAs, &self.state);
        }
        self.transfer_ui(ui.ctx());
        frame_stats::performance_ui(ui.ctx(), &self.frame_stats, &mut self.performance_open);
        if let Some(loading) = &self.loading {
            loading.progress_ui(ui.ctx());
        }
        if let Some(notice) = self.state.notice() {
            let mut open = true;
            egui::Window::new("Itinera")
                .collapsible(false)
                .open(&mut open)
                .show(ui.ctx(), |ui| ui.label(notice));
            if !open {
                self.commands.send(Command::DismissNotice);
            }
        }
        self.apply_commands(ui.ctx());
        self.was_typing = ui.ctx().text_edit_focused();
    }

    /// The full-screen slides (or an export running through them).
    fn presentation_ui(&mut self, ui: &mut Ui) {
        self.video_frame_ui(ui.ctx());
        self.present
            .ui(ui, &self.state, &mut self.map, &mut self.commands);
        if let Some(mut job) = self.present.export.take() {
            let ready = !self.map.is_moving() && self.map.tiles_pending() == 0;
            match job.frame(ui.ctx(), &self.state, ready, &mut self.commands) {
                Some(outcome) => self.finish_export(outcome, Some(ui.ctx())),
                None => self.present.export = Some(job),
            }
        }
        self.apply_commands(ui.ctx());
    }

    /// Hand what applied commands asked of the views to the views concerned.
    fn handle_effects(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::ShowOpenDialog => self.files.choose(Purpose::Open, &self.state),
                Effect::FitMap => self.map.request_fit(),
                Effect::FitTimeline => self.timeline.request_fit(),
            }
        }
    }

    /// Apply the frame's commands; entering or leaving a presentation (not an export) switches
    /// full screen.
    fn apply_commands(&mut self, ctx: &egui::Context) {
        let was_presenting = self.state.presentation().is_some();
        let mut follow_ups = Commands::default();
        if let Some(opened) = self.loading.as_ref().and_then(loader::Loader::poll) {
            self.loading = None;
            self.commands.send(opened);
        }
        for command in self.commands.drain() {
            match self.files.guard(command, &self.state, &mut follow_ups) {
                Some(Command::Open(path)) => {
                    let (effects, loading) = loader::open(&mut self.state, path, ctx);
                    if loading.is_some() {
                        self.loading = loading;
                    }
                    self.handle_effects(effects);
                }
                Some(command) => {
                    let effects = self.state.apply(command);
                    self.handle_effects(effects);
                }
                None => {}
            }
            ctx.request_repaint();
        }
        for command in follow_ups.drain() {
            self.commands.send(command);
        }
        // Whatever was opened or saved as becomes the most recent file.
        if let Some(open) = self.state.open()
            && self.recent_noted.as_ref() != Some(&open.path)
        {
            self.recent.note(&open.path);
            self.recent_noted = Some(open.path.clone());
        }
        let presenting = self.state.presentation().is_some();
        if presenting != was_presenting && !self.present.exporting() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(presenting));
        }
    }
}
