//! Where a trip's picture may come from: a regular file inside the trip's folder, of bounded
//! size. Used by the app before it reads a picture and by `check` to report paths that would
//! not be shown.
//!
//! Invariants: the path is resolved with every symbolic link followed before it is compared
//! with the (equally resolved) folder, so neither `..`, an absolute path nor a link can reach
//! outside; nothing here reads a byte of the file, and no message quotes its contents.

use std::path::{Path, PathBuf};

use crate::model::trip::is_web_link;

/// The largest picture file read (a photo from a camera is a few MB).
pub const MAX_PICTURE_BYTES: u64 = 32 << 20;

/// The longest side of a picture decoded, in pixels: a small file may declare a huge image
/// (a decompression bomb), which is refused before its pixels are allocated.
pub const MAX_PICTURE_SIDE_PX: u32 = 12_000;

/// Why a picture is not shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MediaRefused {
    /// An address on the web.
    #[error("web pictures are not downloaded; save it next to the trip and use its file name")]
    Web,
    /// Nothing at the path.
    #[error("no file at {}", .0.display())]
    Missing(PathBuf),
    /// The resolved path leaves the trip's folder.
    #[error(
        "it is outside the trip's folder; copy it into that folder (or a folder inside it) and \
         give its path from there, e.g. `pictures/astana.jpg`"
    )]
    Outside,
    /// A folder, device, pipe or socket.
    #[error("it is not a regular file")]
    NotAFile,
    /// Over [`MAX_PICTURE_BYTES`].
    #[error("it is larger than {} MB; save a smaller copy", MAX_PICTURE_BYTES >> 20)]
    TooLarge,
    /// The file system refused (permissions and the like).
    #[error("it cannot be read ({0})")]
    Unreadable(String),
}

/// The resolved path of picture `media_path` of the trip stored at `trip_path`, if it may be
/// read.
pub fn confine(trip_path: &Path, media_path: &str) -> Result<PathBuf, MediaRefused> {
    if is_web_link(media_path) {
        return Err(MediaRefused::Web);
    }
    // Refused as written, before the disk is asked: an absolute path, or one that climbs out
    // with `..` (so a missing file outside is reported as outside, not as missing).
    let mut depth = 0i32;
    for component in Path::new(media_path).components() {
        match component {
            std::path::Component::Normal(_) => depth += 1,
            std::path::Component::ParentDir => depth -= 1,
            std::path::Component::CurDir => {}
            std::path::Component::RootDir | std::path::Component::Prefix(_) => {
                return Err(MediaRefused::Outside);
            }
        }
        if depth < 0 {
            return Err(MediaRefused::Outside);
        }
    }
    let folder = super::folder_of(trip_path);
    let unreadable = |e: std::io::Error| MediaRefused::Unreadable(e.kind().to_string());
    let folder = folder.canonicalize().map_err(unreadable)?;
    let joined = folder.join(media_path);
    let resolved = joined.canonicalize().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => MediaRefused::Missing(joined.clone()),
        _ => unreadable(e),
    })?;
    if !resolved.starts_with(&folder) {
        return Err(MediaRefused::Outside);
    }
    let metadata = std::fs::metadata(&resolved).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(MediaRefused::NotAFile);
    }
    if metadata.len() > MAX_PICTURE_BYTES {
        return Err(MediaRefused::TooLarge);
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn only_regular_files_inside_the_trip_folder_are_allowed() {
        let root = tempfile::tempdir().unwrap();
        let trip_dir = root.path().join("trip");
        std::fs::create_dir_all(trip_dir.join("pictures")).unwrap();
        let trip = trip_dir.join("trip.toml");
        std::fs::write(trip_dir.join("pictures/a.png"), b"png").unwrap();
        std::fs::write(root.path().join("outside.png"), b"png").unwrap();
        std::os::unix::fs::symlink("/etc/passwd", trip_dir.join("link.png")).unwrap();
        assert!(confine(&trip, "pictures/a.png").is_ok());
        assert!(confine(&trip, "pictures/../pictures/a.png").is_ok());
        assert_eq!(confine(&trip, "../outside.png"), Err(MediaRefused::Outside));
        let outside = root.path().join("outside.png");
        assert_eq!(
            confine(&trip, &outside.to_string_lossy()),
            Err(MediaRefused::Outside)
        );
        assert_eq!(confine(&trip, "/etc/passwd"), Err(MediaRefused::Outside));
        assert_eq!(confine(&trip, "link.png"), Err(MediaRefused::Outside));
        assert_eq!(confine(&trip, "pictures"), Err(MediaRefused::NotAFile));
        assert!(matches!(
            confine(&trip, "none.png"),
            Err(MediaRefused::Missing(_))
        ));
        assert_eq!(confine(&trip, "HTTPS://x.org/a.png"), Err(MediaRefused::Web));
    }
}
