//! Edit mode for the trip's own fields and its places, people and sources: every field of every
//! record, add and remove buttons, and for places "Pick on map" (the next click on the map sets
//! the coordinates, and the nearest city's timezone).

use egui::{CollapsingHeader, Ui};
use serde_json::Value;

use super::fields::Form;
use crate::command::Command;
use crate::model::edit::Edit;
use crate::model::{FieldPath, Person, Place, Source, Trip};

/// The trip's title, summary, travellers, story and autoplay time.
pub fn trip_fields_ui(ui: &mut Ui, form: &mut Form<'_>, trip: &Trip) {
    let root = FieldPath::root();
    form.text_ui(ui, "Trip title", &root.key("title"), &trip.title, false);
    form.text_ui(ui, "Trip summary", &root.key("summary"), &trip.summary, true);
    form.lines_ui(
        ui,
        "Travellers (person ids, one per line)",
        &root.key("travellers"),
        &trip.travellers,
    );
    form.lines_ui(
        ui,
        "Story order for slides (event ids, one per line; empty: time order)",
        &root.key("story"),
        &trip.story,
    );
    form.number_ui(
        ui,
        "Seconds per slide when autoplaying (2–600)",
        &root.key("slide_seconds"),
        trip.slide_seconds,
    );
}

/// Every place, with "Pick on map".
pub fn places_ui(ui: &mut Ui, form: &mut Form<'_>, trip: &Trip, picking: Option<usize>) {
    let array = FieldPath::root().key("places");
    for (i, place) in trip.places.iter().enumerate() {
        let at = array.index(i);
        CollapsingHeader::new(format!("{} ({})", place.name, place.id))
            .id_salt(("place", i))
            .show(ui, |ui| {
                form.text_ui(ui, "Id", &at.key("id"), &place.id, false);
                form.text_ui(ui, "Name", &at.key("name"), &place.name, false);
                form.lines_ui(
                    ui,
                    "Other names (one per line)",
                    &at.key("alt_names"),
                    &place.alt_names,
                );
                form.text_ui(
                    ui,
                    "Country (ISO code, e.g. KZ)",
                    &at.key("country"),
                    &place.country,
                    false,
                );
                form.number_ui(ui, "Latitude (°N)", &at.key("lat"), place.lat);
                form.number_ui(ui, "Longitude (°E)", &at.key("lon"), place.lon);
                let waiting = picking == Some(i);
                let text = if waiting {
                    "Click the map… (Esc cancels)"
                } else {
                    "Pick on map"
                };
                if ui.add(egui::Button::new(text).selected(waiting)).clicked() {
                    form.commands.send(Command::PickOnMap((!waiting).then_some(i)));
                }
                form.text_ui(
                    ui,
                    "Timezone (IANA, e.g. Asia/Almaty)",
                    &at.key("timezone"),
                    &place.timezone,
                    false,
                );
                remove_ui(ui, form, &array, i, "Remove place");
            });
    }
    add_ui(
        ui,
        form,
        &array,
        trip.places.len(),
        "Add place",
        &Place {
            id: fresh(trip.places.iter().map(|p| p.id.as_str()), "place"),
            name: "New place".to_owned(),
            ..Place::default()
        },
    );
}

/// Every person.
pub fn people_ui(ui: &mut Ui, form: &mut Form<'_>, trip: &Trip) {
    let array = FieldPath::root().key("people");
    for (i, person) in trip.people.iter().enumerate() {
        let at = array.index(i);
        CollapsingHeader::new(format!("{} ({})", person.name, person.id))
            .id_salt(("person", i))
            .show(ui, |ui| {
                form.text_ui(ui, "Id", &at.key("id"), &person.id, false);
                form.text_ui(ui, "Name", &at.key("name"), &person.name, false);
                form.text_ui(ui, "Role at the time", &at.key("role"), &person.role, false);
                form.text_ui(
                    ui,
                    "Country (ISO code)",
                    &at.key("country"),
                    &person.country,
                    false,
                );
                remove_ui(ui, form, &array, i, "Remove person");
            });
    }
    add_ui(
        ui,
        form,
        &array,
        trip.people.len(),
        "Add person",
        &Person {
            id: fresh(trip.people.iter().map(|p| p.id.as_str()), "person"),
            name: "New person".to_owned(),
            ..Person::default()
        },
    );
}

/// Every source.
pub fn sources_ui(ui: &mut Ui, form: &mut Form<'_>, trip: &Trip) {
    let array = FieldPath::root().key("sources");
    for (i, source) in trip.sources.iter().enumerate() {
        let at = array.index(i);
        CollapsingHeader::new(format!("{} ({})", source.title, source.id))
            .id_salt(("source", i))
            .show(ui, |ui| {
                form.text_ui(ui, "Id", &at.key("id"), &source.id, false);
                form.text_ui(ui, "Title", &at.key("title"), &source.title, false);
                form.text_ui(ui, "Publisher", &at.key("publisher"), &source.publisher, false);
                form.text_ui(ui, "Date", &at.key("date"), &source.date, false);
                form.text_ui(
                    ui,
                    "Web address (http or https)",
                    &at.key("url"),
                    &source.url,
                    false,
                );
                remove_ui(ui, form, &array, i, "Remove source");
            });
    }
    add_ui(
        ui,
        form,
        &array,
        trip.sources.len(),
        "Add source",
        &Source {
            id: fresh(trip.sources.iter().map(|s| s.id.as_str()), "source"),
            title: "New source".to_owned(),
            ..Source::default()
        },
    );
}

/// `base`, `base-2`, … whichever is not among `taken`.
fn fresh<'a>(taken: impl Iterator<Item = &'a str> + Clone, base: &str) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_owned()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or_else(|| base.to_owned())
}

/// A button that removes element `index` of the array at `array`.
pub fn remove_ui(ui: &mut Ui, form: &mut Form<'_>, array: &FieldPath, index: usize, text: &str) {
    if ui.small_button(text).clicked() {
        form.commands.send(Command::Edit(Edit::Remove {
            path: array.clone(),
            index,
        }));
    }
    ui.separator();
}

/// A button that appends `record` to the array at `array` (of length `len`).
pub fn add_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    array: &FieldPath,
    len: usize,
    text: &str,
    record: &impl serde::Serialize,
) {
    if ui.button(text).clicked()
        && let Ok(value) = serde_json::to_value(record)
    {
        insert(form, array, len, value);
    }
}

/// Insert `value` at `index` of the array at `array`.
pub fn insert(form: &mut Form<'_>, array: &FieldPath, index: usize, value: Value) {
    form.commands.send(Command::Edit(Edit::Insert {
        path: array.clone(),
        index,
        value,
    }));
}
