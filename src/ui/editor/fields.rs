//! Form fields that edit the trip through commands and show the validation problems of their
//! field underneath, in the same words as `itinera check`.
//!
//! A field shows the trip's current value; a change becomes one [`Edit`], applied at the end of
//! the frame, so the next frame shows it back. Leaving a field ends its undo step.

use egui::{RichText, Ui};
use serde_json::Value;

use crate::command::{Command, Commands};
use crate::model::edit::Edit;
use crate::model::{FieldPath, Problem};
use crate::ui::theme::Tokens;

/// What every field needs: where edits go and the problems to show.
pub struct Form<'a> {
    /// Current problems of the trip.
    pub problems: &'a [Problem],
    /// Where edits are sent.
    pub commands: &'a mut Commands,
    /// Colours.
    pub tokens: &'a Tokens,
}

impl Form<'_> {
    /// Send "set `path` to `value`".
    pub fn set(&mut self, path: &FieldPath, value: Value) {
        self.commands.send(Command::Edit(Edit::Set {
            path: path.clone(),
            value,
        }));
    }

    /// A one-line (or, with `multiline`, several-line) text field for the string at `path`.
    /// Returns the new text when it was changed this frame.
    pub fn text_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        path: &FieldPath,
        current: &str,
        multiline: bool,
    ) -> Option<String> {
        let name = ui.label(label);
        let mut text = current.to_owned();
        let editor = if multiline {
            egui::TextEdit::multiline(&mut text).desired_rows(3)
        } else {
            egui::TextEdit::singleline(&mut text)
        };
        let response = ui.add(editor.desired_width(f32::INFINITY)).labelled_by(name.id);
        let changed = response.changed().then(|| text.clone());
        if response.changed() {
            self.set(path, Value::String(text));
        }
        if response.lost_focus() {
            self.commands.send(Command::EndEdit);
        }
        self.problems_ui(ui, path);
        changed
    }

    /// A text field for a list of strings at `path`, one per line.
    pub fn lines_ui(&mut self, ui: &mut Ui, label: &str, path: &FieldPath, current: &[String]) {
        let name = ui.label(label);
        let mut text = current.join("\n");
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(name.id);
        if response.changed() {
            let lines: Vec<Value> = text.lines().map(|l| Value::String(l.to_owned())).collect();
            self.set(path, Value::Array(lines));
        }
        if response.lost_focus() {
            self.commands.send(Command::EndEdit);
        }
        self.problems_ui(ui, path);
    }

    /// A choice among `options` (value, label) for the string at `path`.
    pub fn choice_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        path: &FieldPath,
        current: &str,
        options: &[(String, String)],
    ) {
        let shown = options
            .iter()
            .find(|(value, _)| value == current)
            .map_or(current.to_owned(), |(_, l)| l.clone());
        let combo = egui::ComboBox::from_label(label)
            .selected_text(&shown)
            .show_ui(ui, |ui| {
                for (value, text) in options {
                    if ui.selectable_label(value == current, text).clicked() && value != current {
                        self.set(path, Value::String(value.clone()));
                    }
                }
            });
        crate::ui::accessible::value_ui(ui.ctx(), combo.response.id, &shown);
        self.problems_ui(ui, path);
    }

    /// A number field for the optional number at `path` (empty clears it). Text that is not a
    /// number stays in the box, marked, and changes nothing.
    pub fn number_ui(&mut self, ui: &mut Ui, label: &str, path: &FieldPath, current: Option<f64>) {
        let shown = current.map_or(String::new(), |v| v.to_string());
        let parse = |text: &str| match text {
            "" => Some(Value::Null),
            text => text.parse::<f64>().ok().map(|n| serde_json::json!(n)),
        };
        self.numeric_ui(ui, label, path, shown, parse, "a number, e.g. 51.18");
    }

    /// A field for the whole number at `path` where 0 means unset (empty sets 0).
    pub fn whole_number_ui(&mut self, ui: &mut Ui, label: &str, path: &FieldPath, current: u32) {
        let shown = if current == 0 {
            String::new()
        } else {
            current.to_string()
        };
        let parse = |text: &str| match text {
            "" => Some(serde_json::json!(0)),
            text => text.parse::<u32>().ok().map(|n| serde_json::json!(n)),
        };
        self.numeric_ui(ui, label, path, shown, parse, "a whole number, e.g. 2");
    }

    /// A one-line box whose text `parse` turns into the value at `path`; text it refuses stays
    /// in the box, marked as not being `expected`, and changes nothing.
    fn numeric_ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        path: &FieldPath,
        shown: String,
        parse: impl Fn(&str) -> Option<Value>,
        expected: &str,
    ) {
        let name = ui.label(label);
        let id = ui.make_persistent_id(("number", path.to_string()));
        let mut text = ui
            .data(|d| d.get_temp::<String>(id))
            .filter(|_| ui.memory(|m| m.has_focus(id)))
            .unwrap_or(shown);
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .id(id)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(name.id);
        let value = parse(text.trim());
        if response.changed() {
            if let Some(value) = &value {
                self.set(path, value.clone());
            }
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        }
        if response.lost_focus() {
            self.commands.send(Command::EndEdit);
        }
        if value.is_none() {
            ui.label(RichText::new(format!("`{}` is not {expected}", text.trim())).color(self.tokens.error));
        }
        self.problems_ui(ui, path);
    }

    /// A yes/no field at `path`, as one undoable edit per click.
    pub fn check_ui(&mut self, ui: &mut Ui, label: &str, path: &FieldPath, current: bool) {
        let mut value = current;
        if ui.checkbox(&mut value, label).changed() {
            self.set(path, Value::Bool(value));
            self.commands.send(Command::EndEdit);
        }
        self.problems_ui(ui, path);
    }

    /// Problems located at `path` or inside it, in the error colour.
    pub fn problems_ui(&self, ui: &mut Ui, path: &FieldPath) {
        self.matching_problems_ui(ui, |at| at.0.starts_with(&path.0));
    }

    /// Problems about a whole record at `path` (a quote without a source), not one of its
    /// fields: shown once under the record's fields.
    pub fn record_problems_ui(&self, ui: &mut Ui, path: &FieldPath) {
        self.matching_problems_ui(ui, |at| at == path);
    }

    fn matching_problems_ui(&self, ui: &mut Ui, located: impl Fn(&FieldPath) -> bool) {
        for problem in self.problems.iter().filter(|p| located(&p.path)) {
            ui.label(
                RichText::new(format!("{} ({})", problem.message, problem.help)).color(self.tokens.error),
            );
        }
    }
}
