//! Pictures of events, from local files next to the trip, decoded once and kept as textures.
//!
//! Paths are relative to the trip file's folder and must stay inside it
//! ([`crate::format::media_file::confine`]: links followed, regular files of bounded size).
//! Pictures are read and decoded on a thread of their own, with bounded pixel dimensions, so a
//! huge or hostile file never freezes the window. Nothing is fetched from the network: a web
//! address or a refused, missing or undecodable file shows a placeholder that names the path
//! and the reason (never the file's contents), so an editor can see at once what to fix.

use std::collections::HashMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::format::media_file::{MAX_PICTURE_BYTES, MAX_PICTURE_SIDE_PX, confine};

use egui::{ColorImage, Frame, Margin, RichText, TextureHandle, TextureOptions, Ui};

use super::theme::Tokens;
use crate::model::Media;

/// Longest side of a decoded picture, in pixels; larger photos are scaled down on load.
const MAX_SIDE_PX: u32 = 1600;

/// A picture being decoded, or the outcome.
enum Entry {
    Decoding(Receiver<Result<ColorImage, String>>),
    Done(Result<TextureHandle, String>),
}

/// Decoded pictures by their path as written, joined to the trip's folder.
#[derive(Default)]
pub struct MediaCache {
    entries: HashMap<PathBuf, Entry>,
}

impl std::fmt::Debug for MediaCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MediaCache")
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl MediaCache {
    /// Forget every picture (e.g. when another trip opens).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Draw `media` of the trip stored at `trip_path`: the picture (or a placeholder), then its
    /// caption and credit. The alt text is the picture's accessible name.
    pub fn media_ui(&mut self, ui: &mut Ui, trip_path: &Path, media: &Media, tokens: &Tokens) {
        let key = crate::format::folder_of(trip_path).join(&media.path);
        let ctx = ui.ctx().clone();
        let entry = self
            .entries
            .entry(key)
            .or_insert_with(|| match confine(trip_path, &media.path) {
                Ok(resolved) => Entry::Decoding(decode_in_background(ctx.clone(), resolved)),
                Err(refused) => Entry::Done(Err(refused.to_string())),
            });
        if let Entry::Decoding(receiver) = entry {
            match receiver.try_recv() {
                Ok(decoded) => {
                    let texture = decoded
                        .map(|colour| ctx.load_texture(media.path.clone(), colour, TextureOptions::LINEAR));
                    *entry = Entry::Done(texture);
                }
                Err(TryRecvError::Disconnected) => {
                    *entry = Entry::Done(Err("decoding it failed".to_owned()));
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        let loaded = match entry {
            Entry::Done(done) => done.clone(),
            Entry::Decoding(_) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(RichText::new(format!("Loading {}…", media.path)).color(tokens.weak_text));
                });
                return;
            }
        };
        match loaded {
            Ok(texture) => {
                let alt = if media.alt.is_empty() {
                    &media.caption
                } else {
                    &media.alt
                };
                ui.add(
                    egui::Image::new(&texture)
                        .max_width(ui.available_width())
                        .alt_text(alt)
                        .corner_radius(4),
                );
            }
            Err(reason) => {
                Frame::new()
                    .fill(tokens.quote_fill)
                    .inner_margin(Margin::same(10))
                    .corner_radius(4)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new(format!("Picture not shown: {}", media.path)).strong());
                        ui.label(RichText::new(reason).color(tokens.weak_text));
                    });
            }
        }
        if !media.caption.is_empty() {
            ui.label(RichText::new(&media.caption).italics());
        }
        if !media.credit.is_empty() {
            ui.label(RichText::new(format!("Credit: {}", media.credit)).color(tokens.weak_text));
        }
    }
}

/// Read and decode `path` on a thread of its own; the window is woken when it is done.
fn decode_in_background(ctx: egui::Context, path: PathBuf) -> Receiver<Result<ColorImage, String>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("picture-decode".to_owned())
        .spawn(move || {
            let _ = sender.send(decode(&path));
            ctx.request_repaint();
        });
    if spawned.is_err() {
        let (sender, receiver) = std::sync::mpsc::channel();
        let _ = sender.send(Err("no thread could be started to read it".to_owned()));
        return receiver;
    }
    receiver
}

/// Read at most [`MAX_PICTURE_BYTES`] of `path` and decode it, refusing images over
/// [`MAX_PICTURE_SIDE_PX`] on a side before their pixels are allocated; scaled down to
/// [`MAX_SIDE_PX`].
fn decode(path: &Path) -> Result<ColorImage, String> {
    let unreadable = |e: std::io::Error| format!("it cannot be read ({})", e.kind());
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(unreadable)?
        .take(MAX_PICTURE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_PICTURE_BYTES {
        return Err(format!(
            "it is larger than {} MB; save a smaller copy",
            MAX_PICTURE_BYTES >> 20
        ));
    }
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(unreadable)?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_PICTURE_SIDE_PX);
    limits.max_image_height = Some(MAX_PICTURE_SIDE_PX);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => format!(
            "it is larger than {MAX_PICTURE_SIDE_PX}×{MAX_PICTURE_SIDE_PX} pixels; save a smaller copy"
        ),
        image::ImageError::IoError(e) => unreadable(e),
        _ => "it is not a PNG or JPEG picture, or it is damaged; save it again as PNG or JPEG".to_owned(),
    })?;
    let image = if image.width().max(image.height()) > MAX_SIDE_PX {
        image.thumbnail(MAX_SIDE_PX, MAX_SIDE_PX)
    } else {
        image
    };
    let rgba = image.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()))
}
