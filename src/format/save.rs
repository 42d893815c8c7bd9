//! Saving a file so that no failure can lose it: write a temporary file in the same folder,
//! flush it to disk, keep the previous version as `NAME.bak`, then rename the temporary file
//! over the original (an atomic step on one file system).
//!
//! At every moment the path holds either the complete old text or the complete new one, and
//! `NAME.bak` either the complete previous backup or the complete old text: the backup is a
//! second name (hard link) for the old file, or where the file system has none (FAT) a synced
//! copy, made under a temporary name and renamed into place. Temporary files a killed save left
//! behind are removed by the next save. The file system is reached through [`SaveIo`] so tests
//! can make any step fail.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why a save failed. The original file is untouched in every case.
#[derive(Debug, thiserror::Error)]
#[error("could not save {path}: {step} failed: {source}")]
pub struct SaveError {
    /// The file being saved.
    pub path: PathBuf,
    /// Which step failed, in words.
    pub step: &'static str,
    /// The I/O error.
    #[source]
    pub source: std::io::Error,
}

/// The file-system operations a save needs.
pub trait SaveIo {
    /// Create `path`, write `bytes` and flush them to disk.
    fn write_synced(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Make `to` a second name for the file `from` (a hard link).
    fn link(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Rename `from` to `to`, replacing it atomically.
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Remove `path`.
    fn remove(&mut self, path: &Path) -> std::io::Result<()>;
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealIo;

impl SaveIo for RealIo {
    fn write_synced(&mut self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let mut file = std::fs::File::create(path)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    fn link(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::hard_link(from, to)
    }

    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }

    fn remove(&mut self, path: &Path) -> std::io::Result<()> {
        std::fs::remove_file(path)
    }
}

/// `NAME.bak` next to `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Save `bytes` to `path` atomically, keeping the previous version as `NAME.bak`.
pub fn save_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    save_with(&mut RealIo, path, bytes)
}

/// `.NAME.KIND-PID` next to `path`: a temporary file of this process's save.
fn temporary(path: &Path, kind: &str, pid: u32) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{kind}-{pid}"));
    path.with_file_name(name)
}

/// Remove the temporary files that saves of `path` killed before they finished left behind
/// (those of a process still running are its own business).
fn remove_stale_temporaries(io: &mut dyn SaveIo, path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(super::folder_of(path)) else {
        return;
    };
    let running = |pid: u32| pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        let pid = ["saving", "bak-saving"].iter().find_map(|kind| {
            entry_name
                .strip_prefix(&format!(".{name}.{kind}-"))
                .and_then(|pid| pid.parse::<u32>().ok())
        });
        if pid.is_some_and(|pid| !running(pid)) {
            let _ = io.remove(&entry.path());
        }
    }
}

/// [`save_atomic`] through `io`.
pub fn save_with(io: &mut dyn SaveIo, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |step, source| SaveError {
        path: path.to_path_buf(),
        step,
        source,
    };
    remove_stale_temporaries(io, path);
    let temp = temporary(path, "saving", std::process::id());
    if let Err(e) = io.write_synced(&temp, bytes) {
        let _ = io.remove(&temp);
        return Err(fail("writing a temporary copy", e));
    }
    if path.exists()
        && let Err(e) = keep_backup(io, path)
    {
        let _ = io.remove(&temp);
        return Err(fail("keeping the previous version as .bak", e));
    }
    if let Err(e) = io.rename(&temp, path) {
        let _ = io.remove(&temp);
        return Err(fail("replacing the file", e));
    }
    // Make the renames themselves durable (best effort: not every platform can sync a folder).
    if let Ok(dir) = std::fs::File::open(super::folder_of(path)) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Make `NAME.bak` the current contents of `path`, atomically: under a temporary name first
/// (a hard link, or a synced copy where links are not supported), then renamed over the old
/// backup. The original stays in place throughout.
fn keep_backup(io: &mut dyn SaveIo, path: &Path) -> std::io::Result<()> {
    let temp = temporary(path, "bak-saving", std::process::id());
    let _ = io.remove(&temp);
    if io.link(path, &temp).is_err() {
        let old = std::fs::read(path)?;
        if let Err(e) = io.write_synced(&temp, &old) {
            let _ = io.remove(&temp);
            return Err(e);
        }
    }
    let renamed = io.rename(&temp, &backup_path(path));
    if renamed.is_err() {
        let _ = io.remove(&temp);
    }
    renamed
}
