//! Bad input from e-mail and USB sticks: each case gets a clear error or a documented warning,
//! nothing hangs or crashes, and an import that is not valid writes nothing.

use std::path::Path;
use std::process::{Command, Output};

fn itinera(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(args)
        .output()
        .expect("runs")
}

fn import(input: &Path, out: &Path) -> (Option<i32>, String) {
    let output = itinera(&[
        "import".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const HEADER: &str = "id,title,kind,start,end,place,place_name,country,lat,lon,timezone,summary\n";

#[test]
fn an_import_with_an_impossible_date_writes_nothing_and_names_the_record() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("trip.csv");
    let out = dir.path().join("trip.toml");
    let row = "feb,Visit,meeting,2015-02-30,,astana,Astana,KZ,51.18,71.45,Asia/Almaty,\n";
    std::fs::write(&csv, format!("{HEADER}{row}")).expect("write");
    let (code, stderr) = import(&csv, &out);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("the record `feb` (\"Visit\")"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!out.exists(), "a broken trip was left on disk");
}

#[test]
fn a_csv_saved_by_a_spreadsheet_with_a_byte_order_mark_imports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("trip.csv");
    let out = dir.path().join("trip.toml");
    let row = "a,Visit,meeting,2015-11-02,,astana,Astana,KZ,51.18,71.45,Asia/Almaty,\r\n";
    std::fs::write(&csv, format!("\u{feff}{}{row}", HEADER.replace('\n', "\r\n"))).expect("write");
    let (code, stderr) = import(&csv, &out);
    assert_eq!(code, Some(0), "{stderr}");
    let trip = itinera::format::check_file(&out)
        .expect("readable")
        .trip
        .expect("parses");
    assert_eq!(trip.events.len(), 1);
}

#[test]
fn a_latin1_file_is_refused_with_its_line_column_and_likely_encoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("trip.csv");
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"a,Caf\xE9,meeting,2015-11-02,,astana,Astana,KZ,51.18,71.45,Asia/Almaty,\n");
    std::fs::write(&csv, bytes).expect("write");
    let (code, stderr) = import(&csv, &dir.path().join("out.toml"));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("line 2, column 6"), "{stderr}");
    assert!(stderr.contains("Latin-1"), "{stderr}");
}

#[test]
fn an_xml_file_nested_thirty_thousand_deep_is_an_error_not_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let xml = dir.path().join("deep.xml");
    std::fs::write(&xml, format!("{}{}", "<a>".repeat(30_000), "</a>".repeat(30_000))).expect("write");
    let (code, stderr) = import(&xml, &dir.path().join("out.toml"));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("deep.xml:1:769: the XML nests more than 256"),
        "{stderr}"
    );
}

#[test]
fn checking_a_device_a_pipe_or_deeply_nested_json_returns_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("trip.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let deep = dir.path().join("deep.json");
    let nested = format!("{{\"a\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(&deep, nested).expect("write");
    for (file, code) in [
        (Path::new("/dev/zero"), 2),
        (fifo.as_path(), 2),
        (deep.as_path(), 1),
    ] {
        let output = itinera(&["check".as_ref(), file.as_os_str()]);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(code), "{}: {stdout}", file.display());
    }
}

#[cfg(unix)]
#[test]
fn check_reports_pictures_outside_the_trip_folder_at_their_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let trip = dir.path().join("trip.toml");
    std::os::unix::fs::symlink("/etc/shadow", dir.path().join("x.png")).expect("link");
    let text = std::fs::read_to_string(itinera::BUNDLED_TRIP).expect("bundled trip");
    let lines = text.lines().count();
    let text = format!("{text}\n[[events.media]]\npath = \"x.png\"\n");
    std::fs::write(&trip, text).expect("write");
    let output = itinera(&["check".as_ref(), trip.as_os_str()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("picture `x.png` will not be shown"), "{stdout}");
    assert!(stdout.contains(&format!("trip.toml:{}:8", lines + 3)), "{stdout}");
    assert!(stdout.contains("outside the trip's folder"), "{stdout}");
}

#[test]
fn an_import_with_no_records_writes_nothing_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.toml");
    let csv = dir.path().join("empty.csv");
    std::fs::write(&csv, HEADER).expect("write");
    let geojson = dir.path().join("empty.geojson");
    std::fs::write(&geojson, r#"{"type": "FeatureCollection", "features": []}"#).expect("write");
    for input in [&csv, &geojson] {
        let (code, stderr) = import(input, &out);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains(":1:1: there is nothing to import"), "{stderr}");
        assert!(!out.exists());
    }
}

#[test]
fn a_duplicate_id_in_a_csv_is_a_located_error_naming_the_first_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("trip.csv");
    let out = dir.path().join("trip.toml");
    let row = |title: &str| {
        format!("visit,{title},meeting,2015-11-02,,astana,Astana,KZ,51.18,71.45,Asia/Almaty,\n")
    };
    std::fs::write(&csv, format!("{HEADER}{}{}", row("First"), row("Second"))).expect("write");
    let (code, stderr) = import(&csv, &out);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("trip.csv:3:1: the id `visit` is already used on line 2"),
        "{stderr}"
    );
    assert!(!out.exists());
}
