//! The app's side of recording a video: File ▸ Export ▸ Presentation as video… (a dialog for
//! the file and frame rate), the progress window with *Cancel* while it records, Esc to stop,
//! and `itinera video` from the command line (progress on standard error).

use std::path::{Path, PathBuf};

use egui::{ViewportBuilder, ViewportId};

use super::{App, ExportResult};
use crate::command::Command;
use crate::ui::clock;
use crate::ui::present::export::ExportOutcome;
use crate::ui::present::video::{VideoExport, VideoOutcome, default_video_path, describe_secs};

/// Frames per second offered by default: smooth flights, files a platform accepts.
pub const DEFAULT_FPS: u32 = 30;

/// What the video dialog holds while it is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VideoDialog {
    /// The file typed (`.mp4` or `.gif`).
    pub path: String,
    /// Frames per second.
    pub fps: u32,
}

impl App {
    /// Start the app on the trip at `path`, record its presentation to `out` at `fps` in a
    /// window of `size_px`, store the outcome in `result` and close.
    pub fn recording(
        cc: &eframe::CreationContext<'_>,
        path: PathBuf,
        out: &Path,
        fps: u32,
        size_px: (u32, u32),
        result: ExportResult,
    ) -> Self {
        let mut app = Self::new(cc, Some(path));
        app.start_video(out, fps, size_px);
        app.export_result = Some(result);
        app
    }

    /// Begin recording the presentation to `out` at `fps`, frames of `size_px`.
    pub fn start_video(&mut self, out: &Path, fps: u32, size_px: (u32, u32)) {
        self.present.video = Some(VideoExport::new(out, fps, size_px));
    }

    /// Whether a video is being recorded.
    pub fn recording_video(&self) -> bool {
        self.present.video.is_some()
    }

    /// Open the dialog of File ▸ Export ▸ Presentation as video.
    pub(super) fn open_video_dialog(&mut self) {
        if let Some(open) = self.state.open() {
            self.video_dialog = Some(VideoDialog {
                path: default_video_path(&open.path).display().to_string(),
                fps: DEFAULT_FPS,
            });
        }
    }

    /// The dialog: where to save, how smooth, and how long the video will be.
    pub(super) fn video_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = self.video_dialog.as_mut() else {
            return;
        };
        let slides = self.state.trip().map_or((0, 0.0), |(trip, chronology)| {
            (
                crate::model::slides::deck(trip, chronology).len(),
                crate::model::slides::slide_seconds(trip),
            )
        });
        let (mut record, mut close) = (false, false);
        let size_px = (ctx.content_rect().size() * ctx.pixels_per_point()).round();
        egui::Window::new("Export the presentation as a video")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                let (count, secs) = slides;
                ui.label(format!(
                    "{count} slides, {secs} s each: {} of video, the size of this window \
                     ({} × {} pixels; full screen for 1920 × 1080).",
                    describe_secs(count as f64 * secs),
                    size_px.x,
                    size_px.y
                ));
                let label = ui.label("File (.mp4 for slides and learning platforms, .gif for short clips):");
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(460.0))
                    .labelled_by(label.id);
                ui.horizontal(|ui| {
                    let label = ui.label("Frames per second:");
                    ui.add(egui::DragValue::new(&mut dialog.fps).range(1..=crate::video::MAX_FPS))
                        .labelled_by(label.id);
                });
                ui.horizontal(|ui| {
                    record = ui.button("Record").clicked() && !dialog.path.trim().is_empty();
                    close = ui.button("Cancel").clicked();
                });
            });
        if record {
            let (path, fps) = (PathBuf::from(dialog.path.trim()), dialog.fps);
            self.video_dialog = None;
            self.start_video(&path, fps, (size_px.x as u32, size_px.y as u32));
        } else if close {
            self.video_dialog = None;
        }
    }

    /// Drive a recording for one pass (called before the slides are drawn, so they are drawn at
    /// the frame's time) and show its progress.
    pub(super) fn video_frame_ui(&mut self, ctx: &egui::Context) {
        let Some(mut job) = self.present.video.take() else {
            clock::set_recording_secs(ctx, None);
            return;
        };
        let (done, total) = job.progress(&self.state);
        let cancel = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
            || self.video_progress_ui(ctx, done, total);
        if cancel {
            let outcome = job.cancel(&mut self.commands);
            clock::set_recording_secs(ctx, None);
            self.finish_video(ctx, outcome);
            return;
        }
        match job.frame(ctx, &self.state, self.map.is_drawn(), &mut self.commands) {
            Some(outcome) => {
                clock::set_recording_secs(ctx, None);
                self.finish_video(ctx, outcome);
            }
            None => {
                clock::set_recording_secs(ctx, Some(job.time_secs()));
                self.present.video = Some(job);
            }
        }
    }

    /// Progress: on the command line a line per tenth; in the app a small window of its own
    /// (not in the recorded frames) with a bar and *Cancel*, or the window's title where the
    /// platform has no second window. True when the user cancelled.
    fn video_progress_ui(&mut self, ctx: &egui::Context, done: u64, total: u64) -> bool {
        let percent = done * 100 / total.max(1);
        if self.export_result.is_some() {
            if self.state.presentation().is_none() {
                return false;
            }
            if done.is_multiple_of(total.div_ceil(10).max(1)) && self.video_progress_said != Some(done) {
                self.video_progress_said = Some(done);
                eprintln!("Recording: frame {done} of {total} ({percent} %)");
            }
            return false;
        }
        if ctx.embed_viewports() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(format!(
                "Itinera: recording video {percent} % (Esc cancels)"
            )));
            return false;
        }
        let builder = ViewportBuilder::default()
            .with_title("Itinera: recording video")
            .with_inner_size([440.0, 130.0]);
        ctx.show_viewport_immediate(ViewportId::from_hash_of("video_progress"), builder, |ui, _| {
            let mut cancel = ui.input(|i| i.viewport().close_requested());
            egui::CentralPanel::default().show(ui, |ui| {
                ui.label("Recording the presentation. The slides play in the main window.");
                ui.add(
                    egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                        .text(format!("Frame {done} of {total} ({percent} %)")),
                );
                cancel |= ui.button("Cancel").clicked();
            });
            cancel
        })
    }

    fn finish_video(&mut self, ctx: &egui::Context, outcome: VideoOutcome) {
        self.commands.send(Command::Notify(outcome.message()));
        if let Some(result) = &self.export_result {
            let shared = match outcome {
                VideoOutcome::Saved(path, frames, _) => ExportOutcome::Saved(frames as usize, path),
                other => ExportOutcome::Failed(other.message()),
            };
            *result.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(shared);
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title("Itinera".to_owned()));
        }
    }
}
