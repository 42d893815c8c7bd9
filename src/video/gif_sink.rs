//! Animated GIF output through the `gif` crate (image-rs): each frame quantised to its own
//! 256-colour palette, looping forever.
//!
//! GIF counts time in hundredths of a second, so frame delays alternate (at 30 fps: 3, 3, 4…
//! hundredths) to keep the whole clip exactly `frames / fps` seconds long.

use std::fs::File;
use std::io::BufWriter;

use super::{FrameSink, VideoSettings};

/// Quantiser speed (1 best, 30 fastest): 10 keeps map colours and text clean at a fraction of
/// the best setting's time.
const QUANTISE_SPEED: i32 = 10;

/// A GIF being written.
pub struct GifSink {
    encoder: Option<gif::Encoder<BufWriter<File>>>,
    settings: VideoSettings,
    frame: u64,
}

impl GifSink {
    /// A GIF of `settings` written to `file`.
    pub fn new(file: BufWriter<File>, settings: VideoSettings) -> Result<Self, String> {
        let (w, h) = (settings.width_px as u16, settings.height_px as u16);
        let mut encoder = gif::Encoder::new(file, w, h, &[]).map_err(|e| e.to_string())?;
        encoder
            .set_repeat(gif::Repeat::Infinite)
            .map_err(|e| e.to_string())?;
        Ok(Self {
            encoder: Some(encoder),
            settings,
            frame: 0,
        })
    }
}

/// Hundredths of a second from the clip's start to frame `frame` at `fps`, rounded.
fn centis_at(frame: u64, fps: u32) -> u64 {
    (frame * 100 + u64::from(fps) / 2) / u64::from(fps)
}

impl FrameSink for GifSink {
    fn push(&mut self, rgba: &[u8]) -> Result<(), String> {
        let (w, h) = (self.settings.width_px as u16, self.settings.height_px as u16);
        let mut pixels = rgba.to_vec();
        let mut frame = gif::Frame::from_rgba_speed(w, h, &mut pixels, QUANTISE_SPEED);
        let fps = self.settings.fps;
        frame.delay = (centis_at(self.frame + 1, fps) - centis_at(self.frame, fps)) as u16;
        let encoder = self.encoder.as_mut().ok_or("the GIF was already finished")?;
        encoder.write_frame(&frame).map_err(|e| e.to_string())?;
        self.frame += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<(), String> {
        let encoder = self.encoder.take().ok_or("the GIF was already finished")?;
        let mut file = encoder.into_inner().map_err(|e| e.to_string())?;
        use std::io::Write as _;
        file.flush().map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::centis_at;

    #[test]
    fn gif_delays_add_up_to_the_exact_length_of_the_clip() {
        let delays: Vec<u64> = (0..30).map(|f| centis_at(f + 1, 30) - centis_at(f, 30)).collect();
        assert_eq!(
            delays.iter().sum::<u64>(),
            100,
            "30 frames at 30 fps last one second"
        );
        assert!(delays.iter().all(|d| (3..=4).contains(d)), "{delays:?}");
    }
}
