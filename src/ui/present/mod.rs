//! Presentation mode: the trip as full-screen slides for a classroom, driven by keys or a
//! presentation clicker, with autoplay, a blank screen and an optional presenter console.
//!
//! Navigation lives in [`crate::model::slides::Presentation`] and changes only through commands,
//! so the map (which flies to each slide's stop and draws the route up to it), the console and
//! tests all follow the same slide. This view owns only timing: when the current slide appeared
//! (for autoplay, measured on egui's clock so tests can control it) and when the talk started
//! (for the console's elapsed time).

pub mod console_ui;
pub mod export;
pub mod slide_ui;
pub mod video;

use egui::{Key, Ui};

use crate::command::{Command, Commands};
use crate::model::slides::slide_seconds;
use crate::state::AppState;
use crate::ui::map::MapView;
use crate::ui::theme::present as style;

/// Clicker and keyboard keys, and what they do.
const KEYS: [(Key, Command); 9] = [
    (Key::ArrowRight, Command::SlideStep(1)),
    (Key::Space, Command::SlideStep(1)),
    (Key::PageDown, Command::SlideStep(1)),
    (Key::ArrowLeft, Command::SlideStep(-1)),
    (Key::PageUp, Command::SlideStep(-1)),
    (Key::Home, Command::SlideFirst),
    (Key::End, Command::SlideLast),
    (Key::B, Command::ToggleBlank),
    (Key::Escape, Command::Present(false)),
];

/// Send the command of each clicker key in `input` (the main window's or the console's: a
/// clicker sends its keys to whichever window has focus).
pub fn slide_keys(input: &mut egui::InputState, commands: &mut Commands) {
    for (key, command) in KEYS {
        if input.consume_key(egui::Modifiers::NONE, key) {
            commands.send(command);
        }
    }
}

/// Timing and windows of a running presentation.
#[derive(Debug, Default)]
pub struct PresentView {
    /// The slide shown and the egui time it appeared.
    shown: Option<(usize, f64)>,
    /// The egui time the presentation started.
    started_at: Option<f64>,
    /// Whether autoplay was on last frame; turning it on gives the slide its full time.
    autoplaying: bool,
    /// Whether the presenter console window is open.
    console: bool,
    /// Exporting the slides as images, if under way.
    pub export: Option<export::SlideExport>,
    /// A video being recorded (File ▸ Export ▸ Presentation as video).
    pub video: Option<video::VideoExport>,
    /// Where the slide's card was last frame: the map keeps stop names out from under it.
    card: Option<egui::Rect>,
}

impl PresentView {
    /// Whether slides or a video are being exported (the presentation runs itself).
    pub fn exporting(&self) -> bool {
        self.export.is_some() || self.video.is_some()
    }

    /// Whether the presenter console is open.
    pub fn console_open(&self) -> bool {
        self.console
    }

    /// Draw the presentation over the whole window and handle its keys.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, map: &mut MapView, commands: &mut Commands) {
        let now = crate::ui::clock::now_secs(ui.ctx());
        let Some(presentation) = state.presentation().cloned() else {
            self.shown = None;
            self.started_at = None;
            return;
        };
        self.started_at.get_or_insert(now);
        let autoplay_started = presentation.autoplay && !self.autoplaying;
        self.autoplaying = presentation.autoplay;
        if self.shown.map(|s| s.0) != Some(presentation.current) || autoplay_started {
            self.shown = Some((presentation.current, now));
        }
        if !self.exporting() {
            self.keys(ui, presentation.autoplay, commands);
            self.autoplay(ui, state, now, commands);
        }

        egui::CentralPanel::no_frame().show(ui, |ui| {
            let screen = ui.max_rect();
            // The map ends above the progress strip, so its credits stay visible.
            let strip_height = slide_ui::Scale::of(screen).0 * style::STRIP_HEIGHT;
            let map_rect = egui::Rect::from_min_max(
                screen.min,
                egui::pos2(screen.right(), screen.bottom() - strip_height),
            );
            map.keep_clear(self.card);
            ui.scope_builder(egui::UiBuilder::new().max_rect(map_rect), |ui| {
                map.ui(ui, state, commands)
            });
            if let Some((trip, chronology)) = state.trip() {
                let card = slide_ui::slide_ui(
                    ui,
                    screen,
                    &presentation,
                    trip,
                    chronology,
                    state.stats(),
                    state.focus(),
                );
                if self.card != Some(card) {
                    // Place the names again, clear of the card's new place.
                    self.card = Some(card);
                    ui.ctx().request_repaint();
                }
            }
            if presentation.blanked {
                ui.painter().rect_filled(screen, 0.0, style::BLANK);
            }
        });
        if self.console && !self.exporting() {
            let elapsed = now - self.started_at.unwrap_or(now);
            if !console_ui::console_ui(ui.ctx(), state, elapsed, commands) {
                self.console = false;
            }
        }
    }

    fn keys(&mut self, ui: &Ui, autoplay: bool, commands: &mut Commands) {
        ui.input_mut(|input| {
            let pressed_any = input
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }));
            if input.consume_key(egui::Modifiers::NONE, Key::A) {
                commands.send(Command::SetAutoplay(!autoplay));
                return;
            }
            // Any other key pauses autoplay, and still does what it says.
            if autoplay && pressed_any {
                commands.send(Command::SetAutoplay(false));
            }
            if input.consume_key(egui::Modifiers::NONE, Key::P) {
                self.console = !self.console;
            }
            slide_keys(input, commands);
        });
    }

    /// Advance when the slide has been up long enough; stop at the last slide.
    fn autoplay(&mut self, ui: &Ui, state: &AppState, now: f64, commands: &mut Commands) {
        let (Some(presentation), Some((trip, _)), Some((_, since))) =
            (state.presentation(), state.trip(), self.shown)
        else {
            return;
        };
        if !presentation.autoplay {
            return;
        }
        let seconds = slide_seconds(trip);
        let left = seconds - (now - since);
        if presentation.at_end() {
            commands.send(Command::SetAutoplay(false));
        } else if left <= 0.0 {
            commands.send(Command::SlideStep(1));
        } else {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
    }
}
