//! Frame statistics: how many frames the app drew, how long its own work took per frame (the
//! panels, the map's layers, applying commands; not egui's tessellation or the GPU), and how
//! much memory the process holds.
//!
//! Shown in *View ▸ Performance* and, with `--frame-stats`, printed to standard error once a
//! second by a thread of its own, so that an idle app (which draws no frames) still reports.
//! Invariant: recording a frame is O(1); the median is taken over the last
//! [`RECENT_FRAMES`] frames only.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How many of the latest frames the median is taken over.
pub const RECENT_FRAMES: usize = 600;

/// Frame counts and times so far.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Frames drawn since start.
    pub frames: u64,
    /// Sum of the app's own work over all frames, in seconds.
    pub total_secs: f64,
    /// The longest frame, in seconds.
    pub worst_secs: f64,
    /// The latest frames' times, in seconds, oldest first.
    recent_secs: VecDeque<f64>,
    /// Seconds from launch to the end of the first frame.
    pub first_frame_secs: Option<f64>,
    /// Seconds from launch to the end of the first complete frame (trip shown, basemap
    /// decoded and every visible tile drawn).
    pub first_complete_secs: Option<f64>,
}

impl Totals {
    /// Mean time per frame, in milliseconds.
    pub fn mean_ms(&self) -> f64 {
        if self.frames == 0 {
            0.0
        } else {
            self.total_secs * 1000.0 / self.frames as f64
        }
    }

    /// Median time of the latest frames, in milliseconds.
    pub fn median_ms(&self) -> f64 {
        let mut times: Vec<f64> = self.recent_secs.iter().copied().collect();
        times.sort_by(f64::total_cmp);
        times.get(times.len() / 2).map_or(0.0, |t| t * 1000.0)
    }

    /// "412 frames · median 1.9 ms · mean 2.3 ms · worst 31.0 ms · first frame 0.31 s ·
    /// complete 0.62 s".
    pub fn summary(&self) -> String {
        let secs = |s: Option<f64>| s.map_or("–".to_owned(), |s| format!("{s:.2} s"));
        format!(
            "{} frames · median {:.1} ms · mean {:.1} ms · worst {:.1} ms · first frame {} · complete {}",
            self.frames,
            self.median_ms(),
            self.mean_ms(),
            self.worst_secs * 1000.0,
            secs(self.first_frame_secs),
            secs(self.first_complete_secs)
        )
    }
}

/// Resident memory of this process, in megabytes (Linux only: read from `/proc/self/status`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Memory {
    /// Resident now (`VmRSS`).
    pub resident_mb: f64,
    /// Peak resident (`VmHWM`).
    pub peak_mb: f64,
}

impl Memory {
    /// The process's memory now, where the system tells it.
    pub fn now() -> Option<Self> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let field = |name: &str| -> Option<f64> {
            let line = status.lines().find(|l| l.starts_with(name))?;
            let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb / 1024.0)
        };
        Some(Self {
            resident_mb: field("VmRSS:")?,
            peak_mb: field("VmHWM:")?,
        })
    }

    /// "resident 182 MB (peak 190 MB)".
    pub fn summary(&self) -> String {
        format!(
            "resident {:.0} MB (peak {:.0} MB)",
            self.resident_mb, self.peak_mb
        )
    }
}

/// Collects frame times; cheap to clone (the totals are shared with the printing thread).
#[derive(Clone)]
pub struct FrameStats {
    totals: Arc<Mutex<Totals>>,
    launched: Instant,
}

impl Default for FrameStats {
    fn default() -> Self {
        Self::since(Instant::now())
    }
}

impl FrameStats {
    /// Statistics counting first frames from `launched` (the start of `main`).
    pub fn since(launched: Instant) -> Self {
        Self {
            totals: Arc::default(),
            launched,
        }
    }

    /// Count one frame whose own work took `elapsed`; `complete` when it showed everything
    /// (see [`Totals::first_complete_secs`]).
    pub fn record(&self, elapsed: Duration, complete: bool) {
        let since_launch = self.launched.elapsed().as_secs_f64();
        let Ok(mut totals) = self.totals.lock() else {
            return;
        };
        totals.first_frame_secs.get_or_insert(since_launch);
        if complete {
            totals.first_complete_secs.get_or_insert(since_launch);
        }
        let secs = elapsed.as_secs_f64();
        totals.frames += 1;
        totals.total_secs += secs;
        totals.worst_secs = totals.worst_secs.max(secs);
        if totals.recent_secs.len() == RECENT_FRAMES {
            totals.recent_secs.pop_front();
        }
        totals.recent_secs.push_back(secs);
    }

    /// The totals so far.
    pub fn totals(&self) -> Totals {
        self.totals.lock().map(|t| t.clone()).unwrap_or_default()
    }

    /// Print the totals and memory to standard error once a second, from a thread that ends
    /// with the process.
    pub fn print_every_second(&self) {
        let stats = self.clone();
        let started = self.launched;
        let spawned = std::thread::Builder::new()
            .name("frame-stats".to_owned())
            .spawn(move || {
                loop {
                    std::thread::sleep(Duration::from_secs(1));
                    let memory = Memory::now().map(|m| m.summary()).unwrap_or_default();
                    eprintln!(
                        "frame-stats {:.1} s · {} · {memory}",
                        started.elapsed().as_secs_f64(),
                        stats.totals().summary()
                    );
                }
            });
        if let Err(e) = spawned {
            log::error!("could not start printing frame statistics: {e}");
        }
    }
}

/// *View ▸ Performance*: the figures above, as of the last frame.
pub fn performance_ui(ctx: &egui::Context, stats: &FrameStats, open: &mut bool) {
    egui::Window::new("Performance")
        .open(open)
        .resizable(false)
        .show(ctx, |ui| {
            let totals = stats.totals();
            ui.label(format!("Frames drawn: {}", totals.frames));
            if let Some(secs) = totals.first_complete_secs {
                ui.label(format!("First complete frame: {secs:.2} s after launch"));
            }
            ui.label(format!(
                "App work per frame: median {:.1} ms, mean {:.1} ms, worst {:.1} ms",
                totals.median_ms(),
                totals.mean_ms(),
                totals.worst_secs * 1000.0
            ));
            match Memory::now() {
                Some(memory) => ui.label(format!(
                    "Memory: {:.0} MB resident, {:.0} MB at most",
                    memory.resident_mb, memory.peak_mb
                )),
                None => ui.label("Memory: not reported on this system"),
            };
            ui.weak("An idle window draws no frames: the count stands still when nothing moves.");
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_times_add_up_to_a_mean_a_median_and_a_worst() {
        let stats = FrameStats::default();
        for ms in [1, 2, 3, 10] {
            stats.record(Duration::from_millis(ms), ms == 3);
        }
        let totals = stats.totals();
        assert_eq!(totals.frames, 4);
        assert!((totals.mean_ms() - 4.0).abs() < 1e-9);
        assert!((totals.median_ms() - 3.0).abs() < 1e-9);
        assert!((totals.worst_secs - 0.010).abs() < 1e-12);
        let (first, complete) = (totals.first_frame_secs, totals.first_complete_secs);
        assert!(first.is_some_and(|f| complete.is_some_and(|c| c >= f)));
    }

    #[test]
    fn only_the_latest_frames_make_the_median() {
        let stats = FrameStats::default();
        for _ in 0..RECENT_FRAMES {
            stats.record(Duration::from_millis(50), true);
        }
        for _ in 0..RECENT_FRAMES {
            stats.record(Duration::from_millis(1), true);
        }
        assert!((stats.totals().median_ms() - 1.0).abs() < 1e-9);
    }
}
