//! The bundled collection of official travels: header numbers for the whole collection, the
//! traveller browser, following one traveller and one journey, and stepping inside the focus.

mod common;

use common::{app_at, choose_kerrys_central_asian_journey, collection_app, type_into};
use egui::Key;
use egui_kittest::kittest::Queryable as _;
use itinera::model::journeys::Focus;

/// The index of Kerry among the collection's travellers.
fn kerry(harness: &egui_kittest::Harness<'_, itinera::App>) -> usize {
    let (trip, _) = harness.state().state().trip().expect("open");
    trip.travellers
        .iter()
        .position(|t| t == "kerry-john-forbes")
        .expect("Kerry travels")
}

#[test]
fn the_header_describes_the_collection_and_no_route_joins_two_travellers() {
    let harness = collection_app(false);
    harness.get_by_label("Official travels of 55 presidents and secretaries of state, 1866–2025");
    let stats = harness.get_by_label_contains("55 travellers · ");
    let text = format!("{stats:?}");
    assert!(
        text.contains("4,271 visits") && text.contains("1866–2025"),
        "{text}"
    );
    let (trip, chronology) = harness.state().state().trip().expect("open");
    for &(a, b) in chronology.legs() {
        assert_eq!(chronology.stops[a].journey, chronology.stops[b].journey);
    }
    assert!(chronology.journeys.len() > trip.travellers.len());
}

#[test]
fn following_a_traveller_dims_the_rest_steps_within_them_and_back_to_all_returns() {
    let mut harness = collection_app(false);
    type_into(&mut harness, "Find a traveller or country", "Kerry");
    harness.get_by_label_contains("John Forbes Kerry · ").click();
    harness.run();
    harness.get_by_label("Follow John Forbes Kerry").click();
    harness.run();
    let kerry = kerry(&harness);
    assert_eq!(harness.state().state().focus(), Some(Focus::Traveller(kerry)));
    harness.get_by_label("› John Forbes Kerry");
    // The timeline keeps Kerry's lane only.
    let lanes: Vec<&str> = harness
        .state()
        .timeline()
        .lanes()
        .iter()
        .map(|g| g.label.as_str())
        .collect();
    assert_eq!(lanes, ["John Forbes Kerry"]);
    harness.get_by_label_contains("1 traveller · ");
    // Left/Right step through Kerry's visits only.
    for _ in 0..5 {
        harness.key_press(Key::ArrowRight);
        harness.run();
        let state = harness.state().state();
        let selected = state.selection().expect("a visit is selected");
        let (trip, _) = state.trip().expect("open");
        assert!(
            trip.events[selected]
                .participants
                .iter()
                .any(|p| p == "kerry-john-forbes")
        );
    }
    harness.get_by_label("Back to all").click();
    harness.run();
    assert_eq!(harness.state().state().focus(), None);
    harness.get_by_label_contains("55 travellers · ");
}

#[test]
fn choosing_a_journey_shows_its_own_days_stops_and_kilometres() {
    let mut harness = collection_app(false);
    choose_kerrys_central_asian_journey(&mut harness);
    let state = harness.state().state();
    let Some(Focus::Journey(j)) = state.focus() else {
        panic!("a journey is followed: {:?}", state.focus());
    };
    let (trip, chronology) = state.trip().expect("open");
    let places: Vec<&str> = chronology.journeys[j]
        .events
        .iter()
        .filter_map(|&i| trip.place(&trip.events[i].place))
        .map(|p| p.name.as_str())
        .collect();
    // Vienna (the Syria talks) came first; then the trip of the Kerry 2015 example.
    assert_eq!(
        places,
        [
            "Vienna",
            "Bishkek",
            "Samarkand",
            "Astana",
            "Dushanbe",
            "Ashgabat",
            "London"
        ]
    );
    let stats = state.stats();
    assert!(stats.collection.is_none(), "one journey has a route of its own");
    assert_eq!(stats.stops, places.len());
    assert!(stats.route_km > 5_000.0, "{}", stats.route_km);
    harness.get_by_label_contains(" stops · ");
}

#[test]
fn f5_presents_the_followed_journey_only() {
    let mut harness = collection_app(false);
    choose_kerrys_central_asian_journey(&mut harness);
    harness.key_press(Key::F5);
    harness.run();
    let state = harness.state().state();
    let presentation = state.presentation().expect("presenting");
    // Title, the journey's seven visits, overview.
    assert_eq!(presentation.deck.len(), 9, "{:?}", presentation.deck);
    // The cover names the journey, under the collection's title.
    harness.get_by_label("John Forbes Kerry: 29 Oct 2015 – 4 Nov 2015");
    harness.get_by_label("Official travels of 55 presidents and secretaries of state, 1866–2025");
}

#[test]
fn a_trip_of_a_few_travellers_has_a_legend_of_their_route_colours() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/travels");
    let files: Vec<std::path::PathBuf> = [
        "secretary-travels/kerry-john-forbes.xml",
        "secretary-travels/clinton-hillary-rodham.xml",
        "president-travels/obama-barack.xml",
    ]
    .iter()
    .map(|f| root.join(f))
    .collect();
    let progress = itinera::interchange::import::Progress::default();
    let imported = itinera::interchange::import::import_files(&files, &progress).expect("imports");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("three.toml");
    itinera::interchange::import::save_imported(&imported, &path).expect("saved");
    let mut harness = app_at(path, None, false);
    // The header says it (and the live region, which announces the trip just opened).
    assert!(
        harness
            .query_all_by_label_contains("Official travels of 3 presidents and secretaries of state, 2009–")
            .next()
            .is_some()
    );
    for name in ["John Forbes Kerry", "Hillary Rodham Clinton", "Barack Obama"] {
        harness.get_by_label(name);
    }
    // Their timeline lanes carry the same colours, in the trip's order of travellers.
    let lanes: Vec<Option<usize>> = harness
        .state()
        .timeline()
        .lanes()
        .iter()
        .map(|g| g.traveller)
        .collect();
    assert_eq!(lanes, [Some(0), Some(1), Some(2)]);
    // Following one traveller needs no legend.
    type_into(&mut harness, "Find a traveller or country", "Obama");
    harness.get_by_label_contains("Barack Obama · ").click();
    harness.run();
    harness.get_by_label("Follow Barack Obama").click();
    harness.run();
    assert!(harness.query_by_label("Hillary Rodham Clinton").is_none());
}

#[test]
fn a_dense_clusters_tooltip_says_how_many_stops_visits_and_countries_and_the_most_visited_places() {
    use itinera::model::{Place, Stop, Trip};
    let place = |id: &str, country: &str| Place {
        id: id.to_owned(),
        name: id.to_owned(),
        country: country.to_owned(),
        ..Place::default()
    };
    let trip = Trip {
        places: vec![place("Paris", "FR"), place("Lyon", "FR"), place("Geneva", "CH")],
        ..Trip::default()
    };
    let stop = |place: usize, visits: usize| Stop {
        number: 1,
        in_journey: 1,
        place,
        events: (0..visits).collect(),
        journey: 0,
    };
    let stops = [stop(0, 3), stop(1, 1), stop(2, 2), stop(0, 2)];
    let names = ["Paris", "Lyon", "Geneva", "Paris"];
    let members: Vec<(&str, &Stop)> = names.iter().copied().zip(stops.iter()).collect();
    let harness = egui_kittest::Harness::new_ui(|ui| {
        itinera::ui::map::tooltip::dense_tooltip_ui(ui, &trip, &members);
    });
    harness.get_by_label("4 stops · 8 visits · 2 countries");
    harness.get_by_label("Most visited: Paris (5), Geneva (2), Lyon (1)");
}

/// The counted markers on screen: (centre, radius, visits) read from the accessibility tree.
fn counted_markers(harness: &egui_kittest::Harness<'_, itinera::App>) -> Vec<(egui::Pos2, f32, usize)> {
    harness
        .query_all_by_label_contains(" visit")
        .filter_map(|node| {
            use egui_kittest::kittest::NodeT as _;
            let label = node.accesskit_node().label()?;
            let visits = label.split(' ').next()?.parse().ok()?;
            let rect = node.rect();
            Some((rect.center(), rect.width() / 2.0, visits))
        })
        .collect()
}

#[test]
fn the_whole_collection_shows_visit_counts_sized_by_magnitude_that_never_overlap() {
    let harness = collection_app(false);
    let markers = counted_markers(&harness);
    assert!(markers.len() > 20, "{} counted markers", markers.len());
    assert!(
        harness.query_by_label_contains("Stop 1: ").is_none(),
        "no stop numbers across many journeys"
    );
    for (i, a) in markers.iter().enumerate() {
        for b in &markers[i + 1..] {
            assert!(
                a.0.distance(b.0) >= a.1 + b.1,
                "markers of {} and {} visits overlap",
                a.2,
                b.2
            );
        }
    }
    let smallest = markers.iter().min_by_key(|m| m.2).expect("markers");
    let largest = markers.iter().max_by_key(|m| m.2).expect("markers");
    assert!(largest.2 > 100 * smallest.2, "{largest:?} {smallest:?}");
    assert!(largest.1 > 2.0 * smallest.1, "a bigger count draws a bigger disc");
}

#[test]
fn a_followed_journey_numbers_its_own_stops_from_one() {
    let mut harness = collection_app(false);
    choose_kerrys_central_asian_journey(&mut harness);
    harness.get_by_label("Fit trip").click();
    harness.run();
    for (n, place) in ["Vienna", "Bishkek", "Astana", "Ashgabat", "London"]
        .iter()
        .zip([1, 2, 4, 6, 7])
        .map(|(p, n)| (n, p))
    {
        harness.get_by_label(&format!("Stop {n}: {place}"));
    }
    harness.get_by_label_contains("1. Vienna — ");
    // The rest of the collection stays as faint discs, with no numbers or counts of their own.
    assert!(harness.query_by_label_contains("Stop 8: ").is_none());
}

#[test]
fn a_traveller_with_thousands_of_journeys_lists_them_in_a_box_that_scrolls() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("many.json");
    let trip = itinera::generate::generate(itinera::generate::GenerateOptions {
        events: 6_000,
        travellers: 1,
        seed: 3,
    });
    std::fs::write(&path, serde_json::to_string(&trip).expect("serialises")).expect("write");
    let mut harness = app_at(path, None, false);
    let (trip, chronology) = harness.state().state().trip().expect("open");
    let journeys = chronology.journeys.len();
    assert!(
        journeys > itinera::ui::theme::LONGEST_LIST_IN_PLACE,
        "{journeys} journeys"
    );
    let header = format!("{} · ", trip.person_name(&trip.travellers[0]));
    harness.get_by_label_contains(&header).click();
    harness.run();
    // Only the rows in view are laid out: the first journeys, not the thousandth.
    let listed = harness.query_all_by_role(egui::Role::Link).count();
    assert!(
        (5..=itinera::ui::theme::SCROLLED_LIST_ROWS + 2).contains(&listed),
        "{listed} of {journeys} journeys laid out"
    );
    harness
        .query_all_by_role(egui::Role::Link)
        .next()
        .expect("a journey")
        .click();
    harness.run();
    assert!(matches!(harness.state().state().focus(), Some(Focus::Journey(_))));
}
