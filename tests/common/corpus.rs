//! The bad-input corpus (`tests/bad_input/`) and its listing `expected.tsv`, shared by the
//! command-line test (`tests/bad_input.rs`) and the app's (`tests/ui_open.rs`).

use std::path::Path;

/// The corpus folder.
pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bad_input");

/// One file of the corpus and what reading it must give.
pub struct Case {
    /// The file's name in the corpus folder.
    pub file: String,
    /// `check` (a trip file) or `import` (any other format).
    pub command: String,
    /// The command's exit status.
    pub status: i32,
    /// Pieces the output must contain.
    pub expected: Vec<String>,
}

/// Every case of `expected.tsv`.
pub fn cases() -> Vec<Case> {
    let listing = std::fs::read_to_string(Path::new(CORPUS).join("expected.tsv")).expect("listing");
    listing
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "a listing line has four fields: {line}");
            Case {
                file: fields[0].to_owned(),
                command: fields[1].to_owned(),
                status: fields[2].parse().expect("an exit status"),
                expected: fields[3].split(" | ").map(str::to_owned).collect(),
            }
        })
        .collect()
}
