//! The presentation as a video: recorded through the app (kittest, on the CPU renderer), then
//! decoded again to check what a teacher's player would show: the number of frames, their
//! size, the camera flying and the route drawing between stops, and the same frames twice.

mod common;

use std::path::Path;

use common::{VALID_TRIP, app_sized};
use itinera::video::{VideoSettings, VideoWriter};
use openh264::formats::YUVSource as _;

/// The test trip, each slide held two seconds (the least a trip may ask): title, two events,
/// overview.
fn short_trip(dir: &Path) -> std::path::PathBuf {
    let trip = dir.join("trip.toml");
    let text = VALID_TRIP.replacen(
        "title = \"Test trip\"\n",
        "title = \"Test trip\"\nslide_seconds = 2.0\n",
        1,
    );
    std::fs::write(&trip, text).expect("write trip");
    trip
}

const FPS: u32 = 2;
const SIZE: (u32, u32) = (320, 240);

/// Record the presentation of `trip` to `out` in the app, until it says it is done (60 s at most).
fn record(trip: std::path::PathBuf, out: &Path) -> String {
    let mut harness = app_sized(trip, [SIZE.0 as f32, SIZE.1 as f32], None, true);
    harness.state_mut().start_video(out, FPS, SIZE);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while harness.state().recording_video() {
        assert!(
            std::time::Instant::now() < deadline,
            "the recording never finished"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(
        harness.state().state().presentation().is_none(),
        "back to exploring"
    );
    harness.state().notice().expect("a message").to_owned()
}

/// Every frame of an MP4 as RGB, and its size.
fn decode_mp4(path: &Path) -> (Vec<Vec<u8>>, (usize, usize)) {
    let file = std::fs::File::open(path).expect("the video exists");
    let mut reader = mp4::read_mp4(file).expect("an MP4");
    let track = reader.tracks().get(&1).expect("a video track");
    let start_code = [0u8, 0, 0, 1];
    let mut header = Vec::new();
    for set in [
        track.sequence_parameter_set().expect("SPS"),
        track.picture_parameter_set().expect("PPS"),
    ] {
        header.extend_from_slice(&start_code);
        header.extend_from_slice(set);
    }
    let count = reader.sample_count(1).expect("samples");
    let mut decoder = openh264::decoder::Decoder::new().expect("decoder");
    let mut frames = Vec::new();
    let mut size = (0, 0);
    for id in 1..=count {
        let sample = reader.read_sample(1, id).expect("read").expect("a sample");
        let mut annex_b = if id == 1 { header.clone() } else { Vec::new() };
        let mut rest = &sample.bytes[..];
        while rest.len() > 4 {
            let len = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
            annex_b.extend_from_slice(&start_code);
            annex_b.extend_from_slice(&rest[4..4 + len]);
            rest = &rest[4 + len..];
        }
        let yuv = decoder
            .decode(&annex_b)
            .expect("decodes")
            .expect("a picture per sample");
        size = yuv.dimensions();
        let mut rgb = vec![0; size.0 * size.1 * 3];
        yuv.write_rgb8(&mut rgb);
        frames.push(rgb);
    }
    (frames, size)
}

/// Pixels that differ clearly between two frames.
fn changed_pixels(a: &[u8], b: &[u8]) -> usize {
    a.chunks(3)
        .zip(b.chunks(3))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 24))
        .count()
}

#[test]
fn a_presentation_records_as_an_mp4_that_decodes_frame_for_frame_the_same_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let trip = short_trip(dir.path());
    let out = dir.path().join("trip.mp4");
    let notice = record(trip.clone(), &out);
    assert!(
        notice.starts_with("Saved the presentation as a video:"),
        "{notice}"
    );
    assert!(notice.contains("(16 frames, 8 s)"), "{notice}");
    let (frames, size) = decode_mp4(&out);
    // Four slides of two seconds at 2 frames a second.
    assert_eq!(frames.len(), 16);
    assert_eq!(size, (320, 240));
    // Slide 3 (London) starts at frame 8 (4 s): the camera flies from Astana and the route
    // draws itself over its first 0.7 s, so frames 8 and 9 differ; from frame 10 it holds.
    let flying = changed_pixels(&frames[8], &frames[9]);
    assert!(flying > 2_000, "frames 8 and 9 differ in only {flying} pixels");
    let holding = changed_pixels(&frames[10], &frames[11]);
    assert!(
        holding < 300,
        "the held slide changes {holding} pixels between frames"
    );
    // Nothing else was left in the folder but the trip and the video.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["trip.mp4", "trip.toml"]);

    // The same trip again gives the same frames, and the first file is kept as .bak.
    record(trip, &out);
    let (again, _) = decode_mp4(&out);
    assert!(dir.path().join("trip.mp4.bak").exists());
    for (n, (a, b)) in frames.iter().zip(&again).enumerate() {
        assert_eq!(
            changed_pixels(a, b),
            0,
            "frame {n} differs between two recordings"
        );
    }
}

#[test]
fn a_presentation_records_as_a_looping_gif_of_the_same_length() {
    let dir = tempfile::tempdir().expect("temp dir");
    let trip = short_trip(dir.path());
    let out = dir.path().join("clip.gif");
    record(trip, &out);
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options
        .read_info(std::fs::File::open(&out).expect("the GIF exists"))
        .expect("a GIF");
    assert_eq!((decoder.width(), decoder.height()), (320, 240));
    let mut frames = 0;
    let mut centis = 0u32;
    while let Some(frame) = decoder.read_next_frame().expect("a frame") {
        frames += 1;
        centis += u32::from(frame.delay);
    }
    assert_eq!(frames, 16);
    assert_eq!(centis, 800, "the clip lasts exactly eight seconds");
}

#[test]
fn the_encoder_writes_exactly_the_frames_it_is_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ramp.mp4");
    let settings = VideoSettings {
        width_px: 64,
        height_px: 48,
        fps: 10,
    };
    let mut writer = VideoWriter::create(&path, settings).expect("create");
    for shade in 0..25u8 {
        let frame: Vec<u8> = (0..64 * 48)
            .flat_map(|_| [shade * 10, 128, 255 - shade * 10, 255])
            .collect();
        writer.push_rgba(64, 48, &frame).expect("push");
    }
    writer.finish().expect("finish");
    let (frames, size) = decode_mp4(&path);
    assert_eq!((frames.len(), size), (25, (64, 48)));
    // Red rises by 10 a frame: the first and last frames are clearly different.
    assert!(
        frames[24][0] > frames[0][0] + 150,
        "{} → {}",
        frames[0][0],
        frames[24][0]
    );
}

#[test]
fn a_cancelled_recording_leaves_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let trip = short_trip(dir.path());
    let out = dir.path().join("trip.mp4");
    let mut harness = app_sized(trip, [SIZE.0 as f32, SIZE.1 as f32], None, true);
    harness.state_mut().start_video(&out, FPS, SIZE);
    for _ in 0..20 {
        harness.step();
    }
    assert!(harness.state().recording_video());
    harness.key_press(egui::Key::Escape);
    harness.step();
    assert!(!harness.state().recording_video());
    let notice = harness.state().notice().expect("a message").to_owned();
    assert_eq!(notice, "Video export cancelled; no file was written.");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("folder")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("trip.toml")]);
}

#[test]
fn the_export_menu_offers_a_video_of_the_window_size_and_records_it() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let trip = short_trip(dir.path());
    let mut harness = app_sized(trip, [SIZE.0 as f32 * 2.0, SIZE.1 as f32 * 2.0], None, false);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Presentation as video…").click();
    harness.run();
    // Four slides of two seconds, the window's size, and the trip's name as the file.
    harness.get_by_label_contains("4 slides, 2 s each: 8 s of video");
    harness.get_by_label_contains("(640 × 480 pixels");
    let field = harness.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "File (.mp4 for slides and learning platforms, .gif for short clips):",
    );
    let value = egui_kittest::kittest::NodeT::accesskit_node(&field)
        .value()
        .unwrap_or_default();
    assert!(value.ends_with("trip.mp4"), "{value}");
    harness.get_by_label("Record").click();
    harness.run_steps(2);
    assert!(harness.state().recording_video());
    harness.key_press(egui::Key::Escape);
    harness.step();
    assert!(!harness.state().recording_video(), "Esc stops the recording");
}
