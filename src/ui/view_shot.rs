//! File ▸ Export ▸ Map and timeline as PNG: a picture of the window as it is (map, timeline,
//! details) at a chosen size.
//!
//! The window is resized to the chosen size, the job waits until the map is still and every
//! tile is drawn, takes a screenshot, writes it (the old file kept as `.bak`) and gives the
//! window back its size. A window manager may refuse a size larger than the screen; the picture
//! then has the size the window could get, and the message says so.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use egui::{Context, Vec2, ViewportCommand, Window};

use crate::state::AppState;

/// Sizes offered, in pixels.
const SIZES: [(u32, u32); 4] = [(1280, 720), (1920, 1080), (2560, 1440), (3840, 2160)];
/// Frames to wait for the window to take its new size before going on with what it has.
const RESIZE_FRAMES: u32 = 30;
/// Frames the view must stay ready before the picture is taken.
const SETTLE_FRAMES: u32 = 3;

/// Where the window hands over a screenshot it was asked for, with the tag it was asked with
/// (the slide or video frame it shows); shared by the PNG, slide and video exports.
#[derive(Debug)]
pub struct ShotInbox<T>(Arc<Mutex<Option<Shot<T>>>>);

/// A screenshot and the tag it was asked with.
type Shot<T> = (T, Arc<egui::ColorImage>);

impl<T> Default for ShotInbox<T> {
    fn default() -> Self {
        Self(Arc::default())
    }
}

impl<T: Send + 'static> ShotInbox<T> {
    /// Ask the window for a screenshot of this frame, delivered here tagged `tag`.
    pub fn request(&self, ctx: &egui::Context, tag: T) {
        let (inbox, waker) = (self.0.clone(), ctx.clone());
        ctx.request_screenshot(move |image| {
            *inbox.lock().unwrap_or_else(PoisonError::into_inner) = Some((tag, image));
            waker.request_repaint();
        });
    }

    /// The screenshot delivered, if any (taken out of the inbox).
    pub fn take(&self) -> Option<Shot<T>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

/// A screenshot handed over by the window.
type Inbox = ShotInbox<()>;

/// A picture being taken.
#[derive(Debug)]
struct Job {
    path: PathBuf,
    size_px: (u32, u32),
    /// The window's size before, in points.
    restore: Vec2,
    frames: u32,
    still_frames: u32,
    requested: bool,
    inbox: Inbox,
}

/// The dialog and the job.
#[derive(Debug, Default)]
pub struct ViewShot {
    /// Path typed and size chosen, while the dialog is open.
    dialog: Option<(String, (u32, u32))>,
    job: Option<Job>,
}

impl ViewShot {
    /// Open the dialog, suggesting `<trip>-view.png` next to the trip.
    pub fn open(&mut self, state: &AppState, ctx: &Context) {
        let path = state.open().map_or_else(
            || PathBuf::from("view.png"),
            |o| {
                let stem = o.path.file_stem().map_or("trip".into(), |s| s.to_string_lossy());
                o.path.with_file_name(format!("{stem}-view.png"))
            },
        );
        let ppp = ctx.pixels_per_point();
        let window = ctx.content_rect().size() * ppp;
        let size = (window.x.round() as u32, window.y.round() as u32);
        self.dialog = Some((path.display().to_string(), size));
    }

    /// Whether a picture is being taken (the app then keeps drawing frames).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Take a picture at `size_px` into `path` now, without the dialog. `resize`: the window
    /// is resized for it and back; without it, the window already has that size (it was opened
    /// for the picture, before any frame, when its size is not known yet).
    pub fn start(&mut self, ctx: &Context, path: &Path, size_px: (u32, u32), resize: bool) {
        let ppp = ctx.pixels_per_point();
        let restore = if resize {
            ctx.content_rect().size()
        } else {
            Vec2::ZERO
        };
        let wanted = Vec2::new(size_px.0 as f32, size_px.1 as f32) / ppp;
        if resize && (wanted - restore).length() > 0.5 {
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(wanted));
        }
        self.job = Some(Job {
            path: path.to_path_buf(),
            size_px,
            restore,
            frames: 0,
            still_frames: 0,
            requested: false,
            inbox: Inbox::default(),
        });
    }

    /// Draw the dialog and drive the job; `ready` says the map is still and fully drawn.
    /// Once the picture is saved: where, and the message to show; or why it was not.
    pub fn ui(&mut self, ctx: &Context, ready: bool) -> Option<Result<(PathBuf, String), String>> {
        self.dialog_ui(ctx);
        let job = self.job.as_mut()?;
        ctx.request_repaint();
        job.frames += 1;
        if !job.requested {
            let ppp = ctx.pixels_per_point();
            let now = ctx.content_rect().size() * ppp;
            let sized =
                (now.x - job.size_px.0 as f32).abs() < 1.5 && (now.y - job.size_px.1 as f32).abs() < 1.5;
            if !sized && job.frames < RESIZE_FRAMES {
                return None;
            }
            job.still_frames = if ready { job.still_frames + 1 } else { 0 };
            if job.still_frames >= SETTLE_FRAMES {
                job.requested = true;
                job.inbox.request(ctx, ());
            }
            return None;
        }
        let (_, image) = job.inbox.take()?;
        let job = self.job.take()?;
        // A window opened at the picture's size (`itinera export --to png`) has nothing to go
        // back to.
        let had_size = job.restore.x > 0.0 && job.restore.y > 0.0;
        if had_size && (ctx.content_rect().size() - job.restore).length() > 0.5 {
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(job.restore));
        }
        let [width, height] = image.size;
        let note = if (width as u32, height as u32) == job.size_px {
            String::new()
        } else {
            format!(
                " (the window could not be made {}×{}, so the picture has its size)",
                job.size_px.0, job.size_px.1
            )
        };
        Some(
            match encode_png(&image)
                .and_then(|png| crate::format::save::save_atomic(&job.path, &png).map_err(|e| e.to_string()))
            {
                Ok(()) => {
                    let message = format!(
                        "Saved the map and timeline ({width}×{height} px) to {}{note}",
                        job.path.display()
                    );
                    Ok((job.path, message))
                }
                Err(error) => Err(format!("The picture was not saved: {error}")),
            },
        )
    }

    /// Where to save and at what size.
    fn dialog_ui(&mut self, ctx: &Context) {
        let Some((path, size)) = &mut self.dialog else {
            return;
        };
        let mut choice = None;
        Window::new("Export map and timeline as PNG")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label("Size in pixels:");
                ui.horizontal_wrapped(|ui| {
                    let current = *size;
                    for option in SIZES
                        .into_iter()
                        .chain((!SIZES.contains(&current)).then_some(current))
                    {
                        ui.radio_value(size, option, format!("{}×{}", option.0, option.1));
                    }
                });
                let label = ui.label("File:");
                ui.add(egui::TextEdit::singleline(path).desired_width(420.0))
                    .labelled_by(label.id);
                ui.horizontal(|ui| {
                    if ui.button("Save picture").clicked() && !path.trim().is_empty() {
                        choice = Some(Some((PathBuf::from(path.trim()), *size)));
                    }
                    if ui.button("Cancel").clicked() {
                        choice = Some(None);
                    }
                });
            });
        match choice {
            Some(Some((path, size))) => {
                self.dialog = None;
                self.start(ctx, &path, size, true);
            }
            Some(None) => self.dialog = None,
            None => {}
        }
    }
}

/// `image` as PNG bytes.
pub fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, bytes)
        .ok_or_else(|| "the screenshot had the wrong size".to_owned())?;
    let mut png = std::io::Cursor::new(Vec::new());
    buffer
        .write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| format!("could not encode the picture: {e}"))?;
    Ok(png.into_inner())
}
