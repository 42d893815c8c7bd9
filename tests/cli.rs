//! `itinera check`: exit codes and output, run as a real process.

mod common;

use std::process::Command;

fn itinera() -> Command {
    Command::new(env!("CARGO_BIN_EXE_itinera"))
}

#[test]
fn checking_the_bundled_trip_exits_zero() {
    let output = itinera()
        .args(["check", itinera::BUNDLED_TRIP])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(": ok"), "{stdout}");
}

#[test]
fn checking_a_broken_copy_exits_one_with_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.toml");
    let text = std::fs::read_to_string(itinera::BUNDLED_TRIP)
        .expect("bundled trip")
        .replacen(
            "timezone = \"Asia/Samarkand\"",
            "timezone = \"Asia/Samarcand\"",
            1,
        )
        .replacen("lat = 51.1801", "lat = 151.1801", 1);
    std::fs::write(&path, &text).expect("write");
    let output = itinera().arg("check").arg(&path).output().expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let tz_line = text
        .lines()
        .position(|l| l.contains("Asia/Samarcand"))
        .expect("line")
        + 1;
    assert!(stdout.contains(&format!("broken.toml:{tz_line}:12")), "{stdout}");
    assert!(stdout.contains("unknown timezone `Asia/Samarcand`"), "{stdout}");
    assert!(stdout.contains("latitude 151.1801 is out of range"), "{stdout}");
    assert!(stdout.contains("2 errors"), "{stdout}");
}

#[test]
fn checking_a_missing_file_exits_two() {
    let output = itinera()
        .args(["check", "/nonexistent/trip.toml"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stdout).contains("cannot read /nonexistent/trip.toml"));
}

#[test]
fn check_without_files_is_a_usage_error() {
    let output = itinera().arg("check").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn version_and_help_are_available() {
    let version = itinera().arg("--version").output().expect("runs");
    assert!(String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")));
    let help = itinera().arg("--help").output().expect("runs");
    assert!(String::from_utf8_lossy(&help.stdout).contains("check"));
}

#[test]
fn pictures_of_a_broken_trip_exit_one_before_opening_a_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = broken_copy(dir.path());
    let picture = dir.path().join("view.png");
    let slides = itinera()
        .args(["slides", "-o"])
        .arg(dir.path().join("slides"))
        .arg(&path)
        .output();
    let view = itinera()
        .arg("export")
        .arg(&path)
        .args(["--to", "png", "-o"])
        .arg(&picture)
        .output();
    for output in [slides, view] {
        let output = output.expect("runs");
        assert_eq!(output.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&output.stderr).contains("latitude 151.1801 is out of range"));
    }
    assert!(
        !dir.path().join("slides").exists() && !picture.exists(),
        "nothing was written"
    );
}

#[test]
fn a_malformed_slide_size_is_a_usage_error() {
    let output = itinera()
        .args([
            "slides",
            itinera::BUNDLED_TRIP,
            "-o",
            "out",
            "--size",
            "1920by1080",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is not WIDTHxHEIGHT"));
}

#[test]
fn export_writes_geojson_and_refuses_a_broken_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("trip.geojson");
    let output = itinera()
        .args(["export", itinera::BUNDLED_TRIP, "--to", "geojson", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let geojson: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(geojson["type"], "FeatureCollection");

    let broken = broken_copy(dir.path());
    let output = itinera()
        .args(["export", "--to", "csv", "-o"])
        .arg(dir.path().join("out.csv"))
        .arg(&broken)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(!dir.path().join("out.csv").exists());
}

/// A copy of the bundled trip in `dir` with Astana's latitude out of range.
fn broken_copy(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("broken.toml");
    let text = std::fs::read_to_string(itinera::BUNDLED_TRIP)
        .expect("bundled trip")
        .replacen("lat = 51.1801", "lat = 151.1801", 1);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn import_reads_an_exported_csv_back_into_a_valid_trip_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("kerry.csv");
    let toml = dir.path().join("kerry.toml");
    let export = itinera()
        .args(["export", itinera::BUNDLED_TRIP, "--to", "csv", "-o"])
        .arg(&csv)
        .output()
        .expect("runs");
    assert_eq!(export.status.code(), Some(0));
    let import = itinera()
        .arg("import")
        .arg(&csv)
        .arg("-o")
        .arg(&toml)
        .output()
        .expect("runs");
    assert_eq!(
        import.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let checked = itinera::format::check_file(&toml).expect("readable");
    assert!(!checked.report.has_errors());
    assert_eq!(checked.trip.map(|t| t.events.len()), Some(14));
}

#[test]
fn import_merges_several_files_and_a_broken_one_stops_it_with_file_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let timeline = dir.path().join("kerry.json");
    let handout = dir.path().join("kerry.html");
    let toml = dir.path().join("merged.toml");
    for (format, out) in [("timelinejs", &timeline), ("handout", &handout)] {
        let export = itinera()
            .args(["export", itinera::BUNDLED_TRIP, "--to", format, "-o"])
            .arg(out)
            .output()
            .expect("runs");
        assert_eq!(export.status.code(), Some(0), "{format}");
    }
    let points = dir.path().join("extra.geojson");
    std::fs::write(
        &points,
        r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[69.24,41.31]},"properties":{"title":"Tashkent stopover","start":"2015-11-01"}}"#,
    )
    .expect("write");
    let import = itinera()
        .arg("import")
        .arg(&timeline)
        .arg(&points)
        .arg("-o")
        .arg(&toml)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert_eq!(import.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("Imported 15 records, 15 placed (100%)"),
        "{stderr}"
    );
    let trip = itinera::format::check_file(&toml)
        .expect("readable")
        .trip
        .expect("parses");
    assert_eq!(trip.events.len(), 15);

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"events\": [\n  {\"start_date\": }\n]}").expect("write");
    let untouched = std::fs::read_to_string(&toml).expect("read");
    let import = itinera()
        .arg("import")
        .arg(&timeline)
        .arg(&broken)
        .arg("-o")
        .arg(&toml)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert_eq!(import.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("broken.json:2:18: this is not valid JSON"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&toml).expect("read"),
        untouched,
        "nothing was written"
    );
}
