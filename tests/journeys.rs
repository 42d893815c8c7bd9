//! Journeys: a traveller's visits with at most a few days between them, or sharing an explicit
//! `journey` id. Routes join the stops of one journey only.

use itinera::model::journeys::JOURNEY_GAP_DAYS;
use itinera::model::{Chronology, Event, Person, Place, Trip, resolve};

fn place(id: &str, lat: f64, lon: f64) -> Place {
    Place {
        id: id.to_owned(),
        name: id.to_owned(),
        country: "FR".to_owned(),
        lat: Some(lat),
        lon: Some(lon),
        timezone: "Europe/Paris".to_owned(),
        ..Place::default()
    }
}

/// A trip of two travellers; each visit is (traveller, place, date, journey id).
fn trip(visits: &[(&str, &str, &str, &str)]) -> (Trip, Chronology) {
    let person = |id: &str| Person {
        id: id.to_owned(),
        name: id.to_owned(),
        ..Person::default()
    };
    let trip = Trip {
        format: 1,
        title: "Two travellers".to_owned(),
        travellers: vec!["ann".to_owned(), "bob".to_owned()],
        people: vec![person("ann"), person("bob")],
        places: vec![
            place("paris", 48.85, 2.35),
            place("lyon", 45.76, 4.83),
            place("nice", 43.7, 7.27),
        ],
        events: visits
            .iter()
            .enumerate()
            .map(|(i, (who, at, date, journey))| Event {
                id: format!("e{i}"),
                title: format!("{who} in {at}"),
                start: (*date).to_owned(),
                place: (*at).to_owned(),
                participants: vec![(*who).to_owned()],
                journey: (*journey).to_owned(),
                ..Event::default()
            })
            .collect(),
        ..Trip::default()
    };
    let resolution = resolve(&trip);
    assert!(!resolution.has_errors(), "{:?}", resolution.problems);
    (trip, resolution.chronology)
}

/// The legs as (traveller of the first stop, traveller of the second), by place id.
fn legs(trip: &Trip, chronology: &Chronology) -> Vec<(String, String)> {
    let name = |s: usize| {
        let stop = &chronology.stops[s];
        let who = &trip.events[stop.events[0]].participants[0];
        format!("{who}:{}", trip.places[stop.place].id)
    };
    chronology
        .legs()
        .iter()
        .map(|&(a, b)| (name(a), name(b)))
        .collect()
}

#[test]
fn interleaved_travellers_each_get_their_own_route() {
    let (trip, chronology) = trip(&[
        ("ann", "paris", "2020-01-01", ""),
        ("bob", "nice", "2020-01-01", ""),
        ("ann", "lyon", "2020-01-02", ""),
        ("bob", "paris", "2020-01-02", ""),
    ]);
    assert_eq!(chronology.journeys.len(), 2);
    assert_eq!(
        legs(&trip, &chronology),
        [
            ("ann:paris".to_owned(), "ann:lyon".to_owned()),
            ("bob:nice".to_owned(), "bob:paris".to_owned())
        ]
    );
}

#[test]
fn a_week_at_home_starts_a_new_journey_and_no_leg_joins_them() {
    let (trip, chronology) = trip(&[
        ("ann", "paris", "2020-01-01", ""),
        ("ann", "lyon", "2020-01-02", ""),
        ("ann", "nice", "2020-01-10", ""),
        ("ann", "paris", "2020-01-11", ""),
    ]);
    const { assert!(JOURNEY_GAP_DAYS < 7) };
    assert_eq!(chronology.journeys.len(), 2);
    assert_eq!(chronology.journeys[1].events, [2, 3]);
    assert_eq!(
        legs(&trip, &chronology),
        [
            ("ann:paris".to_owned(), "ann:lyon".to_owned()),
            ("ann:nice".to_owned(), "ann:paris".to_owned())
        ]
    );
    // The route's length counts the two journeys' legs, not the flight home between them.
    let km = chronology.route_length_m() / 1000.0;
    assert!(
        (1000.0..1200.0).contains(&km),
        "Paris–Lyon and Nice–Paris, not Lyon–Nice: {km}"
    );
}

#[test]
fn an_explicit_journey_id_decides_over_the_dates() {
    let (_, chronology) = trip(&[
        ("ann", "paris", "2020-01-01", "winter"),
        ("ann", "lyon", "2020-01-20", "winter"),
        ("ann", "nice", "2020-01-21", "spring"),
    ]);
    let events: Vec<&[usize]> = chronology.journeys.iter().map(|j| j.events.as_slice()).collect();
    assert_eq!(events, [&[0, 1][..], &[2][..]]);
    assert_eq!(chronology.journeys[0].id, "winter");
}

#[test]
fn the_kerry_trip_is_one_journey_with_a_leg_between_each_pair_of_stops() {
    let text = std::fs::read_to_string(itinera::BUNDLED_TRIP).expect("bundled trip");
    let trip: Trip = toml::from_str(&text).expect("parses");
    let chronology = resolve(&trip).chronology;
    assert_eq!(chronology.journeys.len(), 1);
    assert_eq!(chronology.legs().len(), chronology.stops.len() - 1);
}

#[test]
fn legs_between_two_places_are_drawn_once_and_count_each_journey_once() {
    use itinera::ui::map::legs::group_legs;
    // Ann: Paris, Lyon, Paris (one journey), then Nice, Paris; Bob: Lyon, Paris.
    let (_, chronology) = trip(&[
        ("ann", "paris", "2020-01-01", ""),
        ("ann", "lyon", "2020-01-02", ""),
        ("ann", "paris", "2020-01-03", ""),
        ("bob", "lyon", "2020-01-01", ""),
        ("bob", "paris", "2020-01-02", ""),
        ("ann", "nice", "2020-03-01", ""),
        ("ann", "paris", "2020-03-02", ""),
    ]);
    let shown = vec![Some(true); chronology.stops.len()];
    let (legs, most) = group_legs(&chronology, &shown, true, true);
    let mut counts: Vec<([usize; 2], usize)> = legs
        .iter()
        .map(|l| {
            let mut places = [chronology.stops[l.from].place, chronology.stops[l.to].place];
            places.sort_unstable();
            (places, l.journeys.as_ref().map_or(0, Vec::len))
        })
        .collect();
    counts.sort_unstable();
    // Paris–Lyon: Ann's first journey (there and back) and Bob's; Paris–Nice: Ann's second.
    assert_eq!(counts, [([0, 1], 2), ([0, 2], 1)]);
    assert_eq!(most, 2);
    // One journey followed: its legs are drawn one by one, with arrows.
    let (legs, _) = group_legs(&chronology, &shown, true, false);
    assert!(legs.iter().all(|l| l.journeys.is_none()));
    assert_eq!(legs.len(), chronology.legs().len());
}
