//! Exports that open a window (`slides`, `export --to png`) in a real one under Xvfb: the size
//! asked for wins over the window size the app remembered.
//!
//! Needs `xvfb-run` (Debian's xvfb, which `.ci/test` installs): without it this test fails,
//! saying so, rather than pass having checked nothing.

use std::path::Path;
use std::process::Command;

/// Width and height from a PNG's header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("png");
    let number = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (number(16), number(20))
}

#[test]
fn slides_and_pictures_take_the_size_asked_for_not_the_remembered_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The app remembered a 1440×900 window, full screen from a presentation (eframe's format).
    let settings = dir.path().join("data/itinera");
    std::fs::create_dir_all(&settings).expect("settings folder");
    let window = "(normal_geometry:(outer_position_pixels:None,scale_factor:1.0,inner_size_points:(x:1440.0,y:900.0)),fullscreen:true,maximized:false)";
    std::fs::write(settings.join("app.ron"), format!("{{\"window\":{window:?}}}")).expect("settings");
    let slides = dir.path().join("slides");
    let picture = dir.path().join("view.png");
    for args in [
        vec![
            "slides",
            itinera::BUNDLED_TRIP,
            "-o",
            slides.to_str().expect("path"),
            "--size",
            "640x360",
        ],
        vec![
            "export",
            itinera::BUNDLED_TRIP,
            "--to",
            "png",
            "-o",
            picture.to_str().expect("path"),
            "--size",
            "800x500",
        ],
    ] {
        let output = Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1920x1080x24"])
            .arg(env!("CARGO_BIN_EXE_itinera"))
            .args(&args)
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .output()
            .unwrap_or_else(|e| panic!("cannot run xvfb-run ({e}); install xvfb, as .ci/test does"));
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let first = std::fs::read_dir(&slides)
        .expect("slides")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .expect("a slide");
    assert_eq!(png_size(&first), (640, 360));
    assert_eq!(png_size(&picture), (800, 500));
    // The exports left the remembered settings alone.
    let kept = std::fs::read_to_string(settings.join("app.ron")).expect("settings");
    assert!(kept.contains("1440"), "{kept}");
}

#[test]
fn a_remembered_full_screen_window_opens_windowed_next_time() {
    let remembered = "(normal_geometry:(outer_position_pixels:None,scale_factor:1.0,inner_size_points:(x:1440.0,y:900.0)),fullscreen:true,maximized:false)";
    let next = itinera::app::windowed(remembered);
    assert!(
        next.contains("fullscreen:false") && !next.contains("fullscreen:true"),
        "{next}"
    );
    assert!(next.contains("x:1440.0"), "the size is kept: {next}");
}
