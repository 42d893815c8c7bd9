//! Recently opened and saved trip files, newest first, remembered between sessions.

use std::path::{Path, PathBuf};

use egui::Ui;

use crate::command::{Command, Commands};

/// Most files remembered.
const MAX_RECENT: usize = 10;

/// The list of recent files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecentFiles {
    paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// The list as stored by [`Self::to_storage`] (one path per line).
    pub fn from_storage(text: &str) -> Self {
        Self {
            paths: text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(PathBuf::from)
                .take(MAX_RECENT)
                .collect(),
        }
    }

    /// The list as one string, one path per line.
    pub fn to_storage(&self) -> String {
        self.paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Put `path` first (moving it up if already listed).
    pub fn note(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| p != &path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX_RECENT);
    }

    /// The paths, newest first.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// The "Open recent" menu: one entry per file (missing files are shown but disabled).
    pub fn menu_ui(&self, ui: &mut Ui, commands: &mut Commands) {
        ui.menu_button("Open recent", |ui| {
            if self.paths.is_empty() {
                ui.weak("No recent files yet");
            }
            for path in &self.paths {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let exists = path.exists();
                let response = ui
                    .add_enabled(exists, egui::Button::new(name))
                    .on_hover_text(path.display().to_string())
                    .on_disabled_hover_text(format!("{} no longer exists", path.display()));
                if response.clicked() {
                    commands.send(Command::Open(path.clone()));
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_put_the_newest_first_without_repeats_and_survive_storage() {
        let mut recent = RecentFiles::default();
        for name in ["a.toml", "b.toml", "a.toml"] {
            recent.note(Path::new(name));
        }
        let names: Vec<String> = recent
            .paths()
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(names, ["a.toml", "b.toml"]);
        assert_eq!(RecentFiles::from_storage(&recent.to_storage()), recent);
    }
}
