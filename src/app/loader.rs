//! Opening a large trip file off the UI thread: the window stays drawn and responsive, with a
//! spinner, the file's size and the seconds so far, while the file is read and checked; the
//! result reaches the state as one [`Command::Opened`], like any other change.
//!
//! Files under [`BACKGROUND_BYTES`] open at once on the UI thread (a few milliseconds), so a
//! small trip shows in its very first frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use crate::command::{Command, Effect, Loaded};
use crate::document::Opening;
use crate::state::AppState;

/// Files at least this large are opened in the background (about 15,000 events of TOML; the
/// bundled collection, 1.8 MB, opens at once).
pub const BACKGROUND_BYTES: u64 = 5_000_000;

/// Open the trip at `path`: at once through `state` when it is small (returning what the
/// opening asks of the views), or by starting a [`Loader`] when it is large.
pub fn open(state: &mut AppState, path: PathBuf, ctx: &egui::Context) -> (Vec<Effect>, Option<Loader>) {
    match std::fs::metadata(&path).map(|m| m.len()) {
        Ok(bytes) if bytes >= BACKGROUND_BYTES => (Vec::new(), Some(Loader::start(path, bytes, ctx))),
        _ => (state.apply(Command::Open(path)), None),
    }
}

/// A small file read and checked while the window is being created: `main` starts it before
/// eframe sets up the window and renderer, so the two overlap instead of following each other
/// (a tenth of a second for the collection on this machine).
#[derive(Debug)]
pub struct Preread {
    path: PathBuf,
    reading: std::thread::JoinHandle<Opening>,
}

impl Preread {
    /// Start reading `path` if it is small enough to open at once (a large file opens behind
    /// a progress window instead, see [`open`]).
    pub fn start(path: PathBuf) -> Option<Self> {
        let bytes = std::fs::metadata(&path).ok()?.len();
        if bytes >= BACKGROUND_BYTES {
            return None;
        }
        let reading = path.clone();
        let handle = std::thread::Builder::new()
            .name("trip-preread".to_owned())
            .spawn(move || Opening::read(&reading))
            .ok()?;
        Some(Self {
            path,
            reading: handle,
        })
    }

    /// The file, once read: what it asks of the views, or `None` when `path` is another file
    /// or the reading thread failed (then the caller opens it as usual).
    pub fn finish(self, state: &mut AppState, path: &std::path::Path) -> Option<Vec<Effect>> {
        if self.path != path {
            return None;
        }
        let opening = self.reading.join().ok()?;
        Some(state.apply(Command::Opened(self.path, crate::command::Loaded::new(opening))))
    }
}

/// A file being opened in the background.
pub struct Loader {
    path: PathBuf,
    bytes: u64,
    started: Instant,
    receiver: Receiver<Opening>,
}

impl Loader {
    /// Start reading and checking `path` (of `bytes` bytes) on a thread of its own; the window
    /// is woken when done.
    fn start(path: PathBuf, bytes: u64, ctx: &egui::Context) -> Self {
        let (sender, receiver) = channel();
        let wake = ctx.clone();
        let reading = path.clone();
        let spawned = std::thread::Builder::new()
            .name("trip-load".to_owned())
            .spawn(move || {
                let _ = sender.send(Opening::read(&reading));
                wake.request_repaint();
            });
        if let Err(e) = spawned {
            log::error!("could not start opening {}: {e}", path.display());
        }
        Self {
            bytes,
            path,
            started: Instant::now(),
            receiver,
        }
    }

    /// The command that opens the file, once it is read and checked.
    pub fn poll(&self) -> Option<Command> {
        let result = self.receiver.try_recv().ok()?;
        Some(Command::Opened(self.path.clone(), Loaded::new(result)))
    }

    /// "Opening trip.json (77 MB)… 4 s", with a spinner, over the window.
    pub fn progress_ui(&self, ctx: &egui::Context) {
        let name = self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        egui::Window::new("Opening")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    ui.add(egui::Spinner::new());
                    ui.label(format!(
                        "Opening {name} ({:.0} MB)… {} s",
                        self.bytes as f64 / 1e6,
                        self.started.elapsed().as_secs()
                    ));
                });
                ui.weak("Reading and checking every event; the window stays usable meanwhile.");
            });
        // The spinner keeps the window drawing (and the seconds counting) until the file is in.
    }
}
