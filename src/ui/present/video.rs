//! Recording the presentation as a video (File ▸ Export ▸ Presentation as video, `itinera
//! video`): the real slides, frame by frame on the recording clock ([`crate::ui::clock`]), each
//! slide held for the trip's `slide_seconds`, the camera flying and the route drawing itself
//! as in the classroom.
//!
//! For each frame the clock is set to `frame / fps`, the slide due then is shown, and once the
//! map's tiles and names for that view are drawn a screenshot is taken and encoded. So a frame
//! never shows a half-drawn map, and the same trip gives the same frames. Cancelling (Esc or
//! *Cancel*) stops at once and leaves no file.

use std::path::{Path, PathBuf};

use crate::command::{Command, Commands};
use crate::state::AppState;
use crate::video::{VideoSettings, VideoWriter};

/// Passes a frame's view must be drawn and unchanged before it is recorded (the slide card
/// measures itself on the first).
const SETTLE_PASSES: u32 = 2;

/// How a recording ended.
#[derive(Clone, Debug, PartialEq)]
pub enum VideoOutcome {
    /// The file, its frames and its length in seconds.
    Saved(PathBuf, u64, f64),
    /// The user stopped it; nothing was written.
    Cancelled,
    /// What went wrong, naming the file.
    Failed(String),
}

impl VideoOutcome {
    /// The outcome in a sentence.
    pub fn message(&self) -> String {
        match self {
            Self::Saved(path, frames, secs) => format!(
                "Saved the presentation as a video: {} ({frames} frames, {})",
                path.display(),
                describe_secs(*secs)
            ),
            Self::Cancelled => "Video export cancelled; no file was written.".to_owned(),
            Self::Failed(error) => format!("The video was not saved: {error}"),
        }
    }
}

/// A screenshot handed over by the window, with the frame it shows.
type Inbox = crate::ui::view_shot::ShotInbox<u64>;

/// A recording under way.
#[derive(Debug)]
pub struct VideoExport {
    path: PathBuf,
    fps: u32,
    size_px: (u32, u32),
    writer: Option<VideoWriter>,
    /// The frame being recorded, from 0.
    frame: u64,
    /// Set once the frame's screenshot was asked for.
    requested: bool,
    settled: u32,
    inbox: Inbox,
    started: bool,
}

impl VideoExport {
    /// Record to `path` (`.mp4` or `.gif`) at `fps`, frames of `size_px` (the window's pixels).
    pub fn new(path: &Path, fps: u32, size_px: (u32, u32)) -> Self {
        Self {
            path: path.to_owned(),
            fps,
            size_px,
            writer: None,
            frame: 0,
            requested: false,
            settled: 0,
            inbox: Inbox::default(),
            started: false,
        }
    }

    /// The recording clock's time for the frame under way, in seconds.
    pub fn time_secs(&self) -> f64 {
        self.frame as f64 / f64::from(self.fps)
    }

    /// Frames per slide and in all, for `state`'s presentation.
    fn plan(&self, state: &AppState) -> (u64, u64) {
        let (Some((trip, _)), Some(presentation)) = (state.trip(), state.presentation()) else {
            return (1, 1);
        };
        let per_slide = (crate::model::slides::slide_seconds(trip) * f64::from(self.fps))
            .round()
            .max(1.0) as u64;
        (per_slide, per_slide * presentation.deck.len() as u64)
    }

    /// Frames recorded and to record, for the progress bar.
    pub fn progress(&self, state: &AppState) -> (u64, u64) {
        (self.frame, self.plan(state).1)
    }

    /// Stop now; nothing is written.
    pub fn cancel(mut self, commands: &mut Commands) -> VideoOutcome {
        if let Some(writer) = self.writer.take() {
            writer.discard();
        }
        commands.send(Command::Present(false));
        VideoOutcome::Cancelled
    }

    /// Drive the recording for one pass; `drawn` says the map's view is fully drawn. Returns
    /// the outcome once finished.
    pub fn frame(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        drawn: bool,
        commands: &mut Commands,
    ) -> Option<VideoOutcome> {
        ctx.request_repaint();
        if !self.started {
            // The trip may still be loading (a large file loads in the background).
            state.trip()?;
            self.started = true;
            let settings = VideoSettings {
                width_px: self.size_px.0,
                height_px: self.size_px.1,
                fps: self.fps,
            };
            match VideoWriter::create(&self.path, settings) {
                Ok(writer) => self.writer = Some(writer),
                Err(error) => return Some(VideoOutcome::Failed(error.to_string())),
            }
            commands.send(Command::Present(true));
            return None;
        }
        let presentation = state.presentation()?;
        let (per_slide, total) = self.plan(state);
        let due = ((self.frame / per_slide) as usize).min(presentation.deck.len().saturating_sub(1));
        if presentation.current != due {
            commands.send(Command::SlideGoTo(due));
            self.settled = 0;
            return None;
        }
        if self.requested {
            let image = match self.inbox.take() {
                Some((shot, image)) if shot == self.frame => image,
                _ => return None,
            };
            if let Err(error) = self.record(&image) {
                return Some(self.fail(error, commands));
            }
            self.frame += 1;
            self.requested = false;
            self.settled = 0;
            if self.frame >= total {
                return Some(self.finish(commands));
            }
            return None;
        }
        self.settled = if drawn { self.settled + 1 } else { 0 };
        if self.settled >= SETTLE_PASSES {
            self.requested = true;
            self.inbox.request(ctx, self.frame);
        }
        None
    }

    fn record(&mut self, image: &egui::ColorImage) -> Result<(), String> {
        let writer = self.writer.as_mut().ok_or("the video file is closed")?;
        let [w, h] = image.size;
        let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
        writer.push_rgba(w, h, &rgba).map_err(|e| e.to_string())
    }

    fn finish(&mut self, commands: &mut Commands) -> VideoOutcome {
        commands.send(Command::Present(false));
        let Some(writer) = self.writer.take() else {
            return VideoOutcome::Failed("the video file is closed".to_owned());
        };
        let frames = writer.frames();
        match writer.finish() {
            Ok(path) => VideoOutcome::Saved(path, frames, frames as f64 / f64::from(self.fps)),
            Err(error) => VideoOutcome::Failed(error.to_string()),
        }
    }

    fn fail(&mut self, error: String, commands: &mut Commands) -> VideoOutcome {
        if let Some(writer) = self.writer.take() {
            writer.discard();
        }
        commands.send(Command::Present(false));
        VideoOutcome::Failed(error)
    }
}

/// The file a trip's video goes to unless the user says otherwise: `<trip name>.mp4` beside it.
pub fn default_video_path(trip_path: &Path) -> PathBuf {
    let stem = trip_path
        .file_stem()
        .map_or("trip".into(), |s| s.to_string_lossy());
    trip_path.with_file_name(format!("{stem}.mp4"))
}

/// A length of video in words: "12 s", "2 min 40 s".
pub fn describe_secs(secs: f64) -> String {
    let whole = secs.round() as u64;
    match (whole / 60, whole % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}
