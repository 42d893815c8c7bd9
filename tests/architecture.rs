//! The model stays pure: no UI crate may be used from `src/model/`.

use std::path::Path;

#[test]
fn the_model_imports_no_ui_crates() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut checked = 0;
    for entry in std::fs::read_dir(model).expect("src/model exists") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        for forbidden in ["egui", "eframe", "walkers"] {
            let used = text.lines().any(|line| {
                let code = line.split("//").next().unwrap_or_default();
                code.contains(&format!("{forbidden}::")) || code.contains(&format!("use {forbidden}"))
            });
            assert!(!used, "{} uses {forbidden}", path.display());
        }
        checked += 1;
    }
    assert!(checked >= 5);
}
