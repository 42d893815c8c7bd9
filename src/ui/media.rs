//! Pictures of events, from local files next to the trip, decoded once and kept as textures.
//!
//! Paths are relative to the trip file's folder (absolute paths work too). Nothing is fetched
//! from the network: a web address or a missing or undecodable file shows a placeholder that
//! names the path and the reason, so an editor can see at once what to fix.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::{ColorImage, Frame, Margin, RichText, TextureHandle, TextureOptions, Ui};

use super::theme::Tokens;
use crate::model::Media;

/// Longest side of a decoded picture, in pixels; larger photos are scaled down on load.
const MAX_SIDE_PX: u32 = 1600;

/// Decoded pictures by resolved path.
#[derive(Default)]
pub struct MediaCache {
    entries: HashMap<PathBuf, Result<TextureHandle, String>>,
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
        let loaded = if crate::model::trip::is_web_link(&media.path) {
            Err("web pictures are not downloaded; save it next to the trip and use its file name".to_owned())
        } else {
            let path = trip_path.parent().unwrap_or(Path::new(".")).join(&media.path);
            self.entries
                .entry(path.clone())
                .or_insert_with(|| load(ui.ctx(), &path))
                .clone()
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

/// Decode `path` into a texture, scaled down to [`MAX_SIDE_PX`].
fn load(ctx: &egui::Context, path: &Path) -> Result<TextureHandle, String> {
    let image = image::open(path).map_err(|e| match e {
        image::ImageError::IoError(io) if io.kind() == std::io::ErrorKind::NotFound => {
            format!("no file at {}", path.display())
        }
        other => format!("could not read {}: {other}", path.display()),
    })?;
    let image = if image.width().max(image.height()) > MAX_SIDE_PX {
        image.thumbnail(MAX_SIDE_PX, MAX_SIDE_PX)
    } else {
        image
    };
    let rgba = image.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    let colour = ColorImage::from_rgba_unmultiplied(size, rgba.as_raw());
    Ok(ctx.load_texture(path.display().to_string(), colour, TextureOptions::LINEAR))
}
