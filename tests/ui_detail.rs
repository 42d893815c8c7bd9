//! The detail panel's pictures: a local file is shown with its caption and credit, and a
//! missing file shows a placeholder that names the path.

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
    harness.run();
    harness.get_by_label("Two men shaking hands");
    harness.get_by_label("Kerry and Hammond at Lancaster House");
    harness.get_by_label("Credit: Test fixture");
    harness.get_by_label("Picture not shown: pictures/missing.jpg");
    harness.get_by_label_contains("no file at");
    harness.get_by_label("A picture nobody saved");
}
