//! Edit mode for the trip's own fields and its places, people and sources: every field of every
//! record, add and remove buttons, and for places "Pick on map" (the next click on the map sets
//! the coordinates, and the nearest city's timezone).

use egui::{CollapsingHeader, Ui};

use super::fields::Form;
use crate::command::Command;
use crate::model::edit::Edit;
use crate::model::refs::fresh_id;
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
    let new = Place {
        id: fresh_id("place", |id| trip.places.iter().any(|p| p.id == id)),
        name: "New place".to_owned(),
        ..Place::default()
    };
    let header = |_, p: &Place| format!("{} ({})", p.name, p.id);
    list_ui(
        ui,
        form,
        &FieldPath::root().key("places"),
        &trip.places,
        "place",
        header,
        false,
        &new,
        |ui, form, at, i, place| {
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
            form.check_ui(
                ui,
                "Approximate position (only a region or country is known)",
                &at.key("approximate"),
                place.approximate,
            );
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
        },
    );
}

/// Every person.
pub fn people_ui(ui: &mut Ui, form: &mut Form<'_>, trip: &Trip) {
    let new = Person {
        id: fresh_id("person", |id| trip.people.iter().any(|p| p.id == id)),
        name: "New person".to_owned(),
        ..Person::default()
    };
    let header = |_, p: &Person| format!("{} ({})", p.name, p.id);
    list_ui(
        ui,
        form,
        &FieldPath::root().key("people"),
        &trip.people,
        "person",
        header,
        false,
        &new,
        |ui, form, at, _, person| {
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
        },
    );
}

/// Every source.
pub fn sources_ui(ui: &mut Ui, form: &mut Form<'_>, trip: &Trip) {
    let new = Source {
        id: fresh_id("source", |id| trip.sources.iter().any(|s| s.id == id)),
        title: "New source".to_owned(),
        ..Source::default()
    };
    let header = |_, s: &Source| format!("{} ({})", s.title, s.id);
    list_ui(
        ui,
        form,
        &FieldPath::root().key("sources"),
        &trip.sources,
        "source",
        header,
        false,
        &new,
        |ui, form, at, _, source| {
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
        },
    );
}

/// One collapsible block per record of the array at `array` with its `fields` and a remove
/// button, then a button that appends `new`. `noun` names a record in the buttons.
#[allow(clippy::too_many_arguments)]
pub fn list_ui<T: serde::Serialize>(
    ui: &mut Ui,
    form: &mut Form<'_>,
    array: &FieldPath,
    items: &[T],
    noun: &str,
    header: impl Fn(usize, &T) -> String,
    open: bool,
    new: &T,
    mut fields: impl FnMut(&mut Ui, &mut Form<'_>, &FieldPath, usize, &T),
) {
    for (i, item) in items.iter().enumerate() {
        let at = array.index(i);
        CollapsingHeader::new(header(i, item))
            .id_salt((array.to_string(), i))
            .default_open(open)
            .show(ui, |ui| {
                fields(ui, form, &at, i, item);
                form.record_problems_ui(ui, &at);
                if ui.small_button(format!("Remove {noun}")).clicked() {
                    form.commands.send(Command::Edit(Edit::Remove {
                        path: array.clone(),
                        index: i,
                    }));
                }
            });
    }
    if ui.button(format!("Add {noun}")).clicked()
        && let Ok(value) = serde_json::to_value(new)
    {
        form.commands.send(Command::Edit(Edit::Insert {
            path: array.clone(),
            index: items.len(),
            value,
        }));
    }
}
