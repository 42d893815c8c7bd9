//! Network only when asked: every command, and the app itself in a real window, run under
//! `strace` and must not open one Internet socket (AF_INET or AF_INET6; local AF_UNIX sockets
//! to the X server and the accessibility bus are fine). A control run with the online tiles
//! turned on must open one, which shows the check sees a socket when there is one.
//!
//! Needs `strace` and `xvfb-run` (Debian's strace and xvfb, which `.ci/test` installs): without
//! them these tests fail, saying so, rather than pass having checked nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_itinera");

/// What a traced run printed and the Internet sockets it opened.
struct Traced {
    stderr: String,
    internet: Vec<String>,
}

/// Run the binary with `args` under `strace` (inside `xvfb-run` when `window`), for at most
/// `timeout_secs`, with `data_home` as its settings folder.
fn traced(args: &[&str], window: bool, timeout_secs: u32, data_home: &Path) -> Traced {
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("trace.log");
    let mut command = if window {
        let mut c = Command::new("xvfb-run");
        c.args(["-a", "-s", "-screen 0 1280x800x24"]);
        c
    } else {
        Command::new("env")
    };
    command
        .args(["timeout", "-s", "INT", &timeout_secs.to_string()])
        .args(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o"])
        .arg(&log)
        .arg(BIN)
        .args(args)
        .env("XDG_DATA_HOME", data_home)
        .env(
            "WGPU_BACKEND",
            std::env::var("WGPU_BACKEND").unwrap_or_else(|_| "vulkan".to_owned()),
        );
    let output = command.output().unwrap_or_else(|e| {
        panic!("cannot run {command:?}: {e}; install strace and xvfb (Debian), as .ci/test does")
    });
    let trace = std::fs::read_to_string(&log).unwrap_or_else(|e| {
        panic!(
            "strace wrote no trace ({e}); install strace and xvfb, as .ci/test does\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    Traced {
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        internet: trace
            .lines()
            .filter(|line| line.contains("AF_INET"))
            .map(str::to_owned)
            .collect(),
    }
}

fn kerry() -> &'static str {
    itinera::BUNDLED_TRIP
}

/// A TimelineJS file whose pictures and links are web addresses, as its users write them.
fn web_timeline(dir: &Path) -> PathBuf {
    let path = dir.join("web.json");
    let text = r#"{"title": {"text": {"headline": "Web"}},
 "events": [{"start_date": {"year": 2015, "month": 11, "day": 2},
   "text": {"headline": "Astana", "text": "<p><a href='https://example.com/x'>more</a></p>"},
   "media": {"url": "https://example.com/picture.jpg", "credit": "example.com"},
   "group": "Astana"}]}"#;
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn no_command_opens_an_internet_socket() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let web = web_timeline(dir.path()).to_string_lossy().into_owned();
    let travels = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/travels/secretary-travels/kerry-john-forbes.xml"
    );
    let runs: Vec<(Vec<String>, bool)> = vec![
        (vec!["check".into(), kerry().into()], false),
        (
            vec![
                "export".into(),
                kerry().into(),
                "--to".into(),
                "geojson".into(),
                "-o".into(),
                out("k.geojson"),
            ],
            false,
        ),
        (
            vec![
                "export".into(),
                kerry().into(),
                "--to".into(),
                "csv".into(),
                "-o".into(),
                out("k.csv"),
            ],
            false,
        ),
        (
            vec![
                "export".into(),
                kerry().into(),
                "--to".into(),
                "timelinejs".into(),
                "-o".into(),
                out("k-t.json"),
            ],
            false,
        ),
        (
            vec![
                "export".into(),
                kerry().into(),
                "--to".into(),
                "storymap".into(),
                "-o".into(),
                out("k-s.json"),
            ],
            false,
        ),
        (
            vec![
                "export".into(),
                kerry().into(),
                "--to".into(),
                "handout".into(),
                "-o".into(),
                out("k.html"),
            ],
            false,
        ),
        (
            vec![
                "import".into(),
                web.clone(),
                travels.into(),
                "-o".into(),
                out("imported.toml"),
            ],
            false,
        ),
        (
            vec![
                "generate".into(),
                "--events".into(),
                "200".into(),
                "-o".into(),
                out("g.toml"),
            ],
            false,
        ),
        (
            vec![
                "export".into(),
                kerry().into(),
                "--to".into(),
                "png".into(),
                "-o".into(),
                out("k.png"),
                "--size".into(),
                "800x500".into(),
            ],
            true,
        ),
        (
            vec![
                "slides".into(),
                kerry().into(),
                "-o".into(),
                out("slides"),
                "--size".into(),
                "640x360".into(),
            ],
            true,
        ),
    ];
    for (args, window) in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = traced(&args, window, 240, dir.path());
        assert!(
            run.internet.is_empty(),
            "`itinera {}` opened an Internet socket:\n{}",
            args.join(" "),
            run.internet.join("\n")
        );
    }
    // The runs did their work (so "no socket" is not "did nothing").
    for made in [
        "k.geojson",
        "k.csv",
        "k-t.json",
        "k-s.json",
        "k.html",
        "imported.toml",
        "g.toml",
        "k.png",
    ] {
        assert!(dir.path().join(made).is_file(), "{made} was not written");
    }
    assert!(std::fs::read_dir(dir.path().join("slides")).is_ok_and(|d| d.count() > 5));
}

#[test]
fn the_app_opens_no_internet_socket_until_online_tiles_are_turned_on() {
    let settings = tempfile::tempdir().expect("tempdir");
    let offline = traced(&["--frame-stats", kerry()], true, 20, settings.path());
    assert!(
        offline.stderr.lines().any(|line| line
            .split("· complete ")
            .nth(1)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))),
        "the app drew no complete frame in 20 s:\n{}",
        offline.stderr
    );
    assert!(
        offline.internet.is_empty(),
        "the app opened an Internet socket:\n{}",
        offline.internet.join("\n")
    );

    // The control: the same run with the online layer remembered as on looks up the tile server.
    let folder = settings.path().join("itinera");
    std::fs::create_dir_all(&folder).expect("settings folder");
    std::fs::write(folder.join("app.ron"), r#"{"online_tiles":"on"}"#).expect("settings");
    let online = traced(&["--frame-stats", kerry()], true, 20, settings.path());
    assert!(
        !online.internet.is_empty(),
        "with online tiles on the trace saw no socket:\n{}",
        online.stderr
    );
}
