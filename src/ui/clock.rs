//! The clock animations run on: egui's time, or while a video is recorded, the time of the
//! frame being recorded (`frame / fps`), so the camera's flights and the route drawing itself
//! land on the same frames every time, however long each frame takes to draw.
//!
//! Invariant: only the video export sets the recording time, and it clears it when it ends.

use egui::{Context, Id};

fn key() -> Id {
    Id::unique("itinera-recording-clock")
}

/// Seconds on the animation clock.
pub fn now_secs(ctx: &Context) -> f64 {
    ctx.data(|d| d.get_temp::<f64>(key()))
        .unwrap_or_else(|| ctx.input(|i| i.time))
}

/// Run animations at `secs` (a recording's frame time), or on egui's clock again (`None`).
pub fn set_recording_secs(ctx: &Context, secs: Option<f64>) {
    ctx.data_mut(|d| match secs {
        Some(secs) => {
            d.insert_temp(key(), secs);
        }
        None => d.remove::<f64>(key()),
    });
}
