//! Reading a text file a user hands us, with a bound: trip files and every import go through
//! [`read_text`].
//!
//! Invariants: only regular files are opened (a FIFO, a device such as `/dev/zero` or a folder
//! is refused before it is opened, so nothing blocks or grows without end); never more than the
//! limit is read, even from a file that grows while it is read; a UTF-8 byte-order mark is
//! dropped and UTF-16 with its mark is decoded; any other text that is not UTF-8 is refused
//! with the line and column of the first bad byte and the encoding it most likely is.

use std::io::Read as _;
use std::path::Path;

/// The largest trip file opened: a million events of rich JSON are about 600 MB.
pub const MAX_TRIP_BYTES: u64 = 1 << 30;

/// The largest file imported: the Office of the Historian's records are 3 MB in all.
pub const MAX_IMPORT_BYTES: u64 = 256 << 20;

/// The text of `path`, at most `max_bytes` long. Errors are `InvalidData` or `InvalidInput`
/// with a message that says what is wrong and what to do.
pub fn read_text(path: &Path, max_bytes: u64) -> std::io::Result<String> {
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(invalid_input(if metadata.is_dir() {
            "it is a folder; choose a file inside it".to_owned()
        } else {
            "it is not a regular file (a device, pipe or socket); save its contents to a file and \
             open that"
                .to_owned()
        }));
    }
    if metadata.len() > max_bytes {
        return Err(too_large(metadata.len(), max_bytes));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    std::fs::File::open(path)?
        .take(max_bytes + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64, max_bytes));
    }
    decode(bytes)
}

fn invalid_input(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message)
}

fn too_large(bytes: u64, max_bytes: u64) -> std::io::Error {
    invalid_input(format!(
        "it is larger than {} MB, the most Itinera reads ({} MB or more); split it into several \
         files",
        max_bytes >> 20,
        bytes >> 20
    ))
}

/// `bytes` as text: UTF-8 (its byte-order mark dropped) or UTF-16 with a byte-order mark.
pub fn decode(bytes: Vec<u8>) -> std::io::Result<String> {
    match bytes.as_slice() {
        [0xEF, 0xBB, 0xBF, ..] => utf8(bytes[3..].to_vec()),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => {
            // Text never holds NUL; a file that does is binary, or UTF-16 that lost its mark
            // (every other byte of ASCII text is then 0), which would read as valid UTF-8.
            if let Some(at) = bytes.iter().take(4096).position(|&b| b == 0) {
                let head = &bytes[..bytes.len().min(64)];
                let likely = match at % 2 {
                    1 if head.iter().skip(1).step_by(2).all(|&b| b == 0) => {
                        "UTF-16 (little-endian) without a byte-order mark"
                    }
                    0 if head.iter().step_by(2).all(|&b| b == 0) => {
                        "UTF-16 (big-endian) without a byte-order mark"
                    }
                    _ => "binary data, not text",
                };
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("it holds NUL bytes: it looks like {likely}; save it as UTF-8"),
                ));
            }
            utf8(bytes)
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> std::io::Result<String> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])).collect();
    String::from_utf16(&units).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "it says it is UTF-16 but holds an invalid character; save it again as UTF-8",
        )
    })
}

fn utf8(bytes: Vec<u8>) -> std::io::Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = &bytes[..valid];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        let zeros = bytes.iter().take(4096).filter(|&&b| b == 0).count();
        let likely = if zeros > 0 {
            "binary data or UTF-16 without a byte-order mark"
        } else {
            "Latin-1 or Windows-1252"
        };
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "line {line}, column {column}: byte 0x{:02X} is not UTF-8 (the file looks like \
                 {likely}); save it as UTF-8 (in a spreadsheet: \"CSV UTF-8\")",
                bytes.get(valid).copied().unwrap_or(0)
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped_and_utf16_is_decoded() {
        assert_eq!(decode(b"\xEF\xBB\xBFid,title".to_vec()).unwrap(), "id,title");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a/>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(le).unwrap(), "<a/>");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("é".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(be).unwrap(), "é");
    }

    #[test]
    fn utf16_without_its_mark_is_named_not_read_as_text_with_nuls() {
        let le: Vec<u8> = "format = 1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let error = decode(le).unwrap_err().to_string();
        assert!(
            error.contains("UTF-16 (little-endian) without a byte-order mark"),
            "{error}"
        );
        let be: Vec<u8> = "format = 1\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let error = decode(be).unwrap_err().to_string();
        assert!(error.contains("UTF-16 (big-endian)"), "{error}");
    }

    #[test]
    fn latin1_text_is_refused_at_its_line_and_column_naming_the_encoding() {
        let error = decode(b"id,title\n1,Caf\xE9\n".to_vec()).unwrap_err().to_string();
        assert!(error.contains("line 2, column 6"), "{error}");
        assert!(error.contains("Latin-1"), "{error}");
    }

    #[test]
    fn devices_folders_and_files_over_the_limit_are_refused_at_once() {
        let error = read_text(Path::new("/dev/zero"), 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(error.contains("not a regular file"), "{error}");
        let dir = tempfile::tempdir().unwrap();
        assert!(
            read_text(dir.path(), 1 << 20)
                .unwrap_err()
                .to_string()
                .contains("folder")
        );
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; 3000]).unwrap();
        let error = read_text(&big, 2048).unwrap_err().to_string();
        assert!(error.contains("split it"), "{error}");
        assert_eq!(read_text(&big, 4096).unwrap().len(), 3000);
        let fifo = dir.path().join("f.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let error = read_text(&fifo, 1 << 20).unwrap_err().to_string();
        assert!(error.contains("not a regular file"), "{error}");
    }
}
