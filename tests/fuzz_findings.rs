//! The fuzzer's checks (`fuzz/src/lib.rs`: reading never panics, what reads round-trips), run
//! without the fuzzer over its seeds (`fuzz/seeds/TARGET/`), the bad-input corpus
//! (`tests/bad_input/`, which the fuzz runs also start from) and every finding the fuzzer made,
//! kept after the fix in `tests/fuzz_findings/TARGET/`: so a fixed finding stays fixed.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use std::path::Path;

/// Every file of `folder`'s subfolder `target`.
fn inputs(folder: &str, target: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    files
}

/// A fuzz target's name and its check.
type Target = (&'static str, fn(&[u8]));

#[test]
fn every_fuzz_seed_and_kept_finding_reads_without_panicking_and_round_trips() {
    let targets: [Target; 5] = [
        ("trip_toml", checks::trip_toml),
        ("trip_json", checks::trip_json),
        ("import_json", checks::import_json),
        ("import_csv", checks::import_csv),
        ("import_xml", checks::import_xml),
    ];
    let corpus = inputs("tests", "bad_input");
    let mut seen = 0;
    for (target, check) in targets {
        let seeds = inputs("fuzz/seeds", target);
        assert!(!seeds.is_empty(), "no seeds for {target}");
        let bad = corpus.iter().filter(|file| target_of(file) == target);
        for file in seeds
            .iter()
            .chain(bad)
            .chain(&inputs("tests/fuzz_findings", target))
        {
            let bytes = std::fs::read(file).expect("read");
            if let Err(panic) = std::panic::catch_unwind(|| check(&bytes)) {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                panic!("{target}: {} fails its check: {message}", file.display());
            }
            seen += 1;
        }
    }
    assert!(seen >= 40, "only {seen} inputs");
}

/// The target that reads a bad-input corpus file: trip files by their name's start, imports
/// by their extension.
fn target_of(file: &Path) -> &'static str {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match file.extension().and_then(|e| e.to_str()) {
        Some("toml") => "trip_toml",
        Some("json") if name.starts_with("json-") => "trip_json",
        Some("csv") => "import_csv",
        Some("xml") => "import_xml",
        Some("json" | "geojson") => "import_json",
        _ => "none",
    }
}
