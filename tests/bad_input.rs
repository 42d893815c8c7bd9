//! The bad-input corpus (`tests/bad_input/`, listed with its expectations in `expected.tsv`):
//! every file gets its exit status and a message that says where and what, and nothing hangs,
//! crashes or writes a broken trip.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use common::corpus::{CORPUS, Case, cases};

/// Run `check` or `import` on `file` (from inside its folder, so messages name it plainly):
/// the exit status, everything printed, and whether an import wrote its output.
fn run(folder: &Path, file: &str, command: &str, out: &Path) -> (Option<i32>, String, bool) {
    let _ = std::fs::remove_file(out);
    let mut itinera = Command::new(env!("CARGO_BIN_EXE_itinera"));
    itinera.current_dir(folder).arg(command).arg(file);
    if command == "import" {
        itinera.arg("-o").arg(out);
    }
    let output = itinera.output().expect("runs");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code(), printed, out.exists())
}

#[test]
fn every_file_of_the_bad_input_corpus_gets_its_status_and_a_located_message() {
    let cases = cases();
    assert!(cases.len() >= 40, "the corpus has {} files", cases.len());
    let dir = tempfile::tempdir().expect("temp dir");
    // Two at a time: most of the time is each import loading the gazetteer.
    let halves: Vec<&[Case]> = cases.chunks(cases.len().div_ceil(2)).collect();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let runs: Vec<_> = halves
            .iter()
            .enumerate()
            .map(|(k, half)| {
                let out = dir.path().join(format!("out-{k}.toml"));
                scope.spawn(move || {
                    half.iter()
                        .flat_map(|case| check_case(case, &out))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        runs.into_iter()
            .flat_map(|r| r.join().expect("a corpus run"))
            .collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What is wrong with how `case` was handled, if anything.
fn check_case(case: &Case, out: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    assert!(
        Path::new(CORPUS).join(&case.file).exists(),
        "{} is listed but missing",
        case.file
    );
    let (status, printed, wrote) = run(Path::new(CORPUS), &case.file, &case.command, out);
    let missing: Vec<&String> = case
        .expected
        .iter()
        .filter(|e| !printed.contains(e.as_str()))
        .collect();
    if status != Some(case.status) || !missing.is_empty() {
        failures.push(format!(
            "{}: status {status:?}, missing {missing:?} in:\n{printed}",
            case.file
        ));
    }
    if case.command == "import" && case.status != 0 && wrote {
        failures.push(format!("{}: a failed import wrote its output", case.file));
    }
    failures
}

#[test]
fn every_file_in_the_corpus_folder_is_listed() {
    let listed: Vec<String> = cases().into_iter().map(|c| c.file).collect();
    let mut unlisted: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.tsv"))
        .filter(|p| !listed.iter().any(|l| p.ends_with(l)))
        .collect();
    unlisted.sort();
    assert!(unlisted.is_empty(), "not in expected.tsv: {unlisted:?}");
}

#[test]
fn a_ten_megabyte_string_is_read_the_error_after_it_is_located_and_past_the_text_limit_it_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = format!("format = 1\ntitle = \"{}\"\nsummary = 5\n", "x".repeat(10 << 20));
    std::fs::write(dir.path().join("long.toml"), text).expect("write");
    let (status, printed, _) = run(dir.path(), "long.toml", "check", &dir.path().join("unused"));
    assert_eq!(status, Some(1), "{printed}");
    assert!(
        printed.contains("long.toml:3:11"),
        "{}",
        &printed[..printed.len().min(2000)]
    );
    // A text that parses but is past the limit is an error at its line, saying the limit.
    let text = format!(
        "format = 1\ntitle = \"t\"\nsummary = \"{}\"\n",
        "x".repeat(10 << 20)
    );
    std::fs::write(dir.path().join("long-summary.toml"), text).expect("write");
    let (status, printed, _) = run(
        dir.path(),
        "long-summary.toml",
        "check",
        &dir.path().join("unused"),
    );
    assert_eq!(status, Some(1), "{}", &printed[..printed.len().min(2000)]);
    assert!(
        printed.contains("long-summary.toml:3:11")
            && printed.contains("more than the 100000 one text may hold"),
        "{}",
        &printed[..printed.len().min(2000)]
    );
}
