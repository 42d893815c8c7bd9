//! Writing a presentation as a video file, frame by frame, in-process: MP4 (H.264, through
//! OpenH264 and the `mp4` muxer) for slides and learning platforms, or an animated GIF for short
//! clips. No egui here: frames arrive as RGBA pixels.
//!
//! Invariants: every frame pushed is one frame of the file, shown for exactly `1 / fps` seconds
//! (no frame is skipped or merged, so a file of N frames lasts N / fps seconds); the file is
//! written to a temporary file beside the target and only renamed over it when finished, the
//! previous file kept as `NAME.bak`; a cancelled or failed recording leaves nothing behind.

mod gif_sink;
mod mp4_sink;

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// The containers we write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VideoFormat {
    /// MP4 with H.264 video: plays in browsers, slide software and learning platforms.
    Mp4,
    /// Animated GIF: plays anywhere, large; for short clips.
    Gif,
}

impl VideoFormat {
    /// The format a file name asks for (`.mp4`, `.m4v` or `.gif`), if any.
    pub fn for_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match extension.as_str() {
            "mp4" | "m4v" => Some(Self::Mp4),
            "gif" => Some(Self::Gif),
            _ => None,
        }
    }
}

/// Size and rate of a video.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VideoSettings {
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
    /// Frames per second.
    pub fps: u32,
}

/// The most frames per second we write (a GIF counts time in hundredths of a second).
pub const MAX_FPS: u32 = 60;

/// Why a video could not be written.
#[derive(Debug, thiserror::Error)]
pub enum VideoError {
    /// The file name does not say which format.
    #[error("{0}: the video's file name must end in .mp4 or .gif")]
    UnknownFormat(PathBuf),
    /// Size or rate out of range.
    #[error("{0}")]
    Settings(String),
    /// The file could not be created, written or renamed.
    #[error("could not write {path}: {source}")]
    Io {
        /// Which file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The encoder or muxer failed.
    #[error("could not encode {path}: {message}")]
    Encode {
        /// Which file.
        path: PathBuf,
        /// What the encoder said.
        message: String,
    },
}

/// Encodes frames into one container.
trait FrameSink {
    /// Add one frame of RGBA pixels (`width × height × 4` bytes, rows top to bottom).
    fn push(&mut self, rgba: &[u8]) -> Result<(), String>;
    /// Write the file's end.
    fn finish(&mut self) -> Result<(), String>;
}

/// A video being written to `path`.
pub struct VideoWriter {
    path: PathBuf,
    temporary: PathBuf,
    settings: VideoSettings,
    sink: Box<dyn FrameSink>,
    frames: u64,
}

impl std::fmt::Debug for VideoWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VideoWriter")
            .field("path", &self.path)
            .field("settings", &self.settings)
            .field("frames", &self.frames)
            .finish_non_exhaustive()
    }
}

impl VideoWriter {
    /// Start writing a video to `path` (its format from its extension). The size is rounded
    /// down to even numbers of pixels (H.264 needs them); frames must then have that size.
    pub fn create(path: &Path, settings: VideoSettings) -> Result<Self, VideoError> {
        let format = VideoFormat::for_path(path).ok_or_else(|| VideoError::UnknownFormat(path.to_owned()))?;
        let settings = VideoSettings {
            width_px: settings.width_px & !1,
            height_px: settings.height_px & !1,
            ..settings
        };
        check_settings(settings, format)?;
        let temporary = temporary_path(path);
        let io = |source| VideoError::Io {
            path: path.to_owned(),
            source,
        };
        let file = BufWriter::new(File::create(&temporary).map_err(io)?);
        let sink: Result<Box<dyn FrameSink>, String> = match format {
            VideoFormat::Mp4 => mp4_sink::Mp4Sink::new(file, settings).map(|s| Box::new(s) as _),
            VideoFormat::Gif => gif_sink::GifSink::new(file, settings).map(|s| Box::new(s) as _),
        };
        let sink = sink.map_err(|message| {
            let _ = std::fs::remove_file(&temporary);
            VideoError::Encode {
                path: path.to_owned(),
                message,
            }
        })?;
        Ok(Self {
            path: path.to_owned(),
            temporary,
            settings,
            sink,
            frames: 0,
        })
    }

    /// The size and rate frames are written at.
    pub fn settings(&self) -> VideoSettings {
        self.settings
    }

    /// Frames written so far.
    pub fn frames(&self) -> u64 {
        self.frames
    }

    /// Add a frame of `width × height` RGBA pixels, cropped to the video's size from the top
    /// left (a window one pixel wider than an even size loses its last column).
    pub fn push_rgba(&mut self, width_px: usize, height_px: usize, rgba: &[u8]) -> Result<(), VideoError> {
        let (w, h) = (self.settings.width_px as usize, self.settings.height_px as usize);
        if width_px < w || height_px < h || rgba.len() < width_px * height_px * 4 {
            return Err(self.encode_error(format!(
                "a frame of {width_px}×{height_px} pixels is smaller than the video's {w}×{h}"
            )));
        }
        let frame: Vec<u8> = if width_px == w {
            rgba[..w * h * 4].to_vec()
        } else {
            rgba.chunks_exact(width_px * 4)
                .take(h)
                .flat_map(|row| &row[..w * 4])
                .copied()
                .collect()
        };
        self.sink.push(&frame).map_err(|m| self.encode_error(m))?;
        self.frames += 1;
        Ok(())
    }

    /// Finish the file and put it in place (the previous one kept as `NAME.bak`).
    pub fn finish(mut self) -> Result<PathBuf, VideoError> {
        if let Err(message) = self.sink.finish() {
            let error = self.encode_error(message);
            self.discard();
            return Err(error);
        }
        let io = |source| VideoError::Io {
            path: self.path.clone(),
            source,
        };
        if self.path.exists() {
            std::fs::rename(&self.path, crate::format::save::backup_path(&self.path)).map_err(io)?;
        }
        std::fs::rename(&self.temporary, &self.path).map_err(io)?;
        Ok(self.path.clone())
    }

    /// Stop and remove the unfinished file.
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.temporary);
    }

    fn encode_error(&self, message: String) -> VideoError {
        VideoError::Encode {
            path: self.path.clone(),
            message,
        }
    }
}

fn check_settings(settings: VideoSettings, format: VideoFormat) -> Result<(), VideoError> {
    let VideoSettings {
        width_px,
        height_px,
        fps,
    } = settings;
    let max_side = match format {
        VideoFormat::Mp4 => 4096,
        VideoFormat::Gif => u32::from(u16::MAX),
    };
    if !(16..=max_side).contains(&width_px) || !(16..=max_side).contains(&height_px) {
        return Err(VideoError::Settings(format!(
            "a video of {width_px}×{height_px} pixels is not possible: each side must be 16 to {max_side}"
        )));
    }
    if !(1..=MAX_FPS).contains(&fps) {
        return Err(VideoError::Settings(format!(
            "{fps} frames per second is not possible: choose 1 to {MAX_FPS}"
        )));
    }
    Ok(())
}

/// `.NAME.recording-PID` beside `path`.
fn temporary_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".recording-{}", std::process::id()));
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_file_name() {
        assert_eq!(
            VideoFormat::for_path(Path::new("a/trip.MP4")),
            Some(VideoFormat::Mp4)
        );
        assert_eq!(
            VideoFormat::for_path(Path::new("clip.gif")),
            Some(VideoFormat::Gif)
        );
        assert_eq!(VideoFormat::for_path(Path::new("clip.webm")), None);
    }

    #[test]
    fn an_odd_size_is_rounded_down_and_impossible_settings_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.mp4");
        let settings = |width_px, height_px, fps| VideoSettings {
            width_px,
            height_px,
            fps,
        };
        let writer = VideoWriter::create(&path, settings(321, 241, 10)).unwrap();
        assert_eq!(
            (writer.settings().width_px, writer.settings().height_px),
            (320, 240)
        );
        writer.discard();
        assert!(
            std::fs::read_dir(dir.path()).unwrap().next().is_none(),
            "nothing left behind"
        );
        let error = VideoWriter::create(&path, settings(320, 240, 0))
            .unwrap_err()
            .to_string();
        assert!(error.contains("0 frames per second"), "{error}");
        let error = VideoWriter::create(&path, settings(8, 240, 10))
            .unwrap_err()
            .to_string();
        assert!(error.contains("8×240"), "{error}");
        let error = VideoWriter::create(&dir.path().join("v.avi"), settings(320, 240, 10));
        assert!(error.unwrap_err().to_string().contains(".mp4 or .gif"));
    }
}
