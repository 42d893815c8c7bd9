//! How a long import is followed and stopped: a counter and a cancel flag shared between the
//! worker thread that imports and the window that shows it.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Shared between an import running on a worker thread and the window showing it: how many
/// records are done out of how many, and whether the user asked to stop.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

/// The user cancelled the import; nothing was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the import was cancelled; nothing was written")]
pub struct Cancelled;

impl Progress {
    /// Record that `done` of `total` records are read.
    pub fn set(&self, done: usize, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }

    /// Done and total so far.
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// Ask the import to stop at its next record.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// `Err(Cancelled)` once [`Progress::cancel`] was called; importers call this per record.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.cancelled.load(Ordering::Relaxed) {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}
