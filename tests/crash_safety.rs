//! Saves survive being killed: a child process writes an export over a file again and again
//! and is killed with SIGKILL at random moments, aimed at the end of its run where the save
//! happens. After every kill the file is the complete old or the complete new version, the
//! `.bak` is a complete version, and the next complete save leaves no temporary file behind.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use itinera::format::save::backup_path;

const ROUNDS: usize = 200;

fn export(trip: &Path, out: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_itinera"));
    command
        .args(["export", "--to", "csv", "-o"])
        .arg(out)
        .arg(trip)
        .stderr(std::process::Stdio::null());
    command
}

/// A deterministic stream of fractions in [0, 1) (no random crate needed for this).
struct Lcg(u64);

impl Lcg {
    fn next_fraction(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn temporaries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains("saving"))
        })
        .collect()
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_complete_file_and_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Two versions: the Kerry trip, and a generated trip large enough that writing takes time.
    let small = PathBuf::from(itinera::BUNDLED_TRIP);
    let large = dir.path().join("large.toml");
    let generated = itinera::generate::generate(itinera::generate::GenerateOptions {
        events: 3000,
        travellers: 5,
        seed: 7,
    });
    let text = itinera::format::write::to_text(&generated, itinera::format::FileFormat::Toml, "")
        .expect("serialises");
    std::fs::write(&large, text).expect("write");
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("dir");
    let out = out_dir.join("trip.csv");

    // Each version once, complete, and how long a whole run takes.
    let mut versions = Vec::new();
    let mut run_secs = Vec::new();
    for trip in [&small, &large] {
        let started = Instant::now();
        assert!(export(trip, &out).status().expect("runs").success());
        run_secs.push(started.elapsed().as_secs_f64());
        versions.push(std::fs::read(&out).expect("read"));
    }
    assert_ne!(versions[0], versions[1]);

    let mut random = Lcg(2015);
    let mut killed_while_running = 0;
    for round in 0..ROUNDS {
        let which = round % 2;
        let trips = [&small, &large];
        let mut child = export(trips[which], &out).spawn().expect("spawns");
        // Aim at the end of the run, where the file is written.
        let delay = run_secs[which] * (0.5 + 0.6 * random.next_fraction());
        std::thread::sleep(Duration::from_secs_f64(delay));
        if child.try_wait().expect("status").is_none() {
            killed_while_running += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&out).expect("the file is always there");
        assert!(
            versions.contains(&now),
            "round {round}: the file is torn ({} bytes)",
            now.len()
        );
        if let Ok(backup) = std::fs::read(backup_path(&out)) {
            assert!(versions.contains(&backup), "round {round}: the backup is torn");
        }
    }
    assert!(
        killed_while_running > ROUNDS / 4,
        "only {killed_while_running} kills hit a running save"
    );

    // The next complete save removes what the killed ones left behind.
    assert!(export(&small, &out).status().expect("runs").success());
    assert_eq!(temporaries(&out_dir), Vec::<PathBuf>::new());
    assert_eq!(std::fs::read(&out).expect("read"), versions[0]);
}
