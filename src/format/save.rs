//! Saving a file so that no failure can lose it: write a temporary file in the same folder,
//! flush it to disk, keep the previous version as `NAME.bak`, then rename the temporary file
//! over the original (an atomic step on one file system).
//!
//! At every moment the path holds either the complete old text or the complete new one. The
//! file system is reached through [`SaveIo`] so tests can make any step fail.

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
    /// Copy `from` to `to`, replacing it.
    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
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

    fn copy(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::copy(from, to).map(|_| ())
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

/// [`save_atomic`] through `io`.
pub fn save_with(io: &mut dyn SaveIo, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |step, source| SaveError {
        path: path.to_path_buf(),
        step,
        source,
    };
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(path.file_name().unwrap_or_default());
    temp_name.push(format!(".saving-{}", std::process::id()));
    let temp = path.with_file_name(temp_name);
    if let Err(e) = io.write_synced(&temp, bytes) {
        let _ = io.remove(&temp);
        return Err(fail("writing a temporary copy", e));
    }
    if path.exists() {
        // The backup is made by copy, so the original stays in place until the final rename.
        if let Err(e) = io.copy(path, &backup_path(path)) {
            let _ = io.remove(&temp);
            return Err(fail("keeping the previous version as .bak", e));
        }
    }
    if let Err(e) = io.rename(&temp, path) {
        let _ = io.remove(&temp);
        return Err(fail("replacing the file", e));
    }
    // Make the rename itself durable (best effort: not every platform can sync a folder).
    if let Some(folder) = path.parent()
        && let Ok(dir) = std::fs::File::open(if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        })
    {
        let _ = dir.sync_all();
    }
    Ok(())
}
