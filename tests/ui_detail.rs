//! The detail panel's pictures: a local file is shown with its caption and credit; a missing,
//! outside, linked-out or oversized one shows a placeholder that names the path and the reason.

mod common;

use common::{VALID_TRIP, app_at};
use egui_kittest::kittest::Queryable as _;

/// The fixture trip with two pictures on the London event: one that exists, one that does not.
fn trip_with_pictures(dir: &std::path::Path) -> std::path::PathBuf {
    let photo = image::RgbaImage::from_pixel(64, 48, image::Rgba([30, 90, 160, 255]));
    photo.save(dir.join("handshake.png")).expect("write png");
    let text = format!(
        "{VALID_TRIP}
[[events.media]]
path = \"handshake.png\"
caption = \"Kerry and Hammond at Lancaster House\"
credit = \"Test fixture\"
alt = \"Two men shaking hands\"

[[events.media]]
path = \"pictures/missing.jpg\"
caption = \"A picture nobody saved\"
"
    );
    let path = dir.join("trip.toml");
    std::fs::write(&path, text).expect("write trip");
    path
}

#[test]
fn pictures_show_from_local_files_and_a_missing_one_names_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = app_at(trip_with_pictures(dir.path()), None, false);
    harness.get_by_label("Talks in London").click();
    settle_pictures(&mut harness, "Two men shaking hands");
    harness.get_by_label("Two men shaking hands");
    harness.get_by_label("Kerry and Hammond at Lancaster House");
    harness.get_by_label("Credit: Test fixture");
    harness.get_by_label("Picture not shown: pictures/missing.jpg");
    harness.get_by_label_contains("no file at");
    harness.get_by_label("A picture nobody saved");
}

/// Pictures decode on a thread of their own: run frames until `label` shows (or give up).
fn settle_pictures(harness: &mut egui_kittest::Harness<'_, itinera::App>, label: &str) {
    for _ in 0..200 {
        harness.run();
        if harness.query_by_label(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// A PNG header that declares a picture of `side`×`side` pixels (and holds none).
fn png_declaring(side: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut crc = flate2::Crc::new();
    crc.update(&ihdr);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc.sum().to_be_bytes());
    png
}

#[cfg(unix)]
#[test]
fn pictures_outside_the_trip_folder_links_out_of_it_and_bombs_show_a_reason_not_their_bytes() {
    let root = tempfile::tempdir().expect("temp dir");
    let dir = root.path().join("trip");
    std::fs::create_dir(&dir).expect("dir");
    std::fs::write(root.path().join("outside.png"), png_declaring(10)).expect("write");
    std::os::unix::fs::symlink("/etc/passwd", dir.join("passwd.png")).expect("link");
    std::fs::write(dir.join("bomb.png"), png_declaring(100_000)).expect("write");
    let mut text = VALID_TRIP.to_owned();
    for path in ["../outside.png", "/etc/passwd", "passwd.png", "bomb.png"] {
        text.push_str(&format!("\n[[events.media]]\npath = \"{path}\"\n"));
    }
    let path = dir.join("trip.toml");
    std::fs::write(&path, text).expect("write trip");
    let mut harness = app_at(path, None, false);
    harness.get_by_label("Talks in London").click();
    settle_pictures(&mut harness, "Picture not shown: bomb.png");
    for path in ["../outside.png", "/etc/passwd", "passwd.png"] {
        harness.get_by_label(&format!("Picture not shown: {path}"));
    }
    assert_eq!(
        harness
            .query_all_by_label_contains("outside the trip's folder")
            .count(),
        3
    );
    harness.get_by_label_contains("larger than 12000×12000 pixels");
    assert!(
        harness.query_by_label_contains("root:").is_none(),
        "the file's bytes are shown"
    );
}

#[test]
fn a_sources_web_link_shows_its_address_and_opens_in_the_browser_when_clicked() {
    let mut harness = common::kerry_app();
    harness
        .get_by_label("Dedication of the new U.S. Embassy compound")
        .click();
    harness.run();
    let link = harness.get_by_label_contains("Travels of the Secretary of State: John Forbes Kerry");
    link.hover();
    harness.run();
    harness.get_by_label("https://history.state.gov/departmenthistory/travels/secretary/kerry-john-forbes");
    harness
        .get_by_label_contains("Travels of the Secretary of State: John Forbes Kerry")
        .click();
    harness.step();
    let opened: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        opened,
        ["https://history.state.gov/departmenthistory/travels/secretary/kerry-john-forbes"]
    );
}
