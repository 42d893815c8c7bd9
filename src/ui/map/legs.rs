//! Which route legs are drawn, and how they are grouped: in a collection, the legs between
//! the same two places are drawn once for every journey that took them (in either direction),
//! those the focus or filter hides apart from those shown; a single journey draws each leg on
//! its own, with its arrow.
//!
//! Invariant: hidden legs come before shown ones, and within each the busiest last, so what
//! matters most is drawn on top.

use std::collections::BTreeMap;

use crate::model::Chronology;

/// Most shared legs drawn at once, of those shown and of those hidden each: beyond a few
/// thousand, more faint lines only thicken a haze, while every one costs drawing time. The
/// legs taken by the most journeys are kept.
const MAX_SHARED_LEGS: usize = 2000;

/// A leg as it is drawn.
#[derive(Clone, Debug)]
pub struct DrawnLeg {
    /// Index into `Chronology::legs` (of the first, for a shared leg): its path.
    pub leg: usize,
    /// Indices into `Chronology::stops`.
    pub from: usize,
    /// See `from`.
    pub to: usize,
    /// Whether a stop at either end is shown.
    pub shown: bool,
    /// For a leg drawn once for several journeys between two places: each journey that took
    /// it, once. `None` for a leg drawn on its own, with its arrow.
    pub journeys: Option<Vec<usize>>,
}

/// Sort the legs whose ends are placed (`shown_stop[i]` is `Some(shown)` for a placed stop)
/// into those drawn once per pair of places and those drawn one by one, hidden ones first. In a
/// `collection`, hidden legs are always shared, shown ones when `shared`; a single journey draws
/// every leg on its own. Also returns how many journeys took the busiest shown shared leg.
pub fn group_legs(
    chronology: &Chronology,
    shown_stop: &[Option<bool>],
    collection: bool,
    shared: bool,
) -> (Vec<DrawnLeg>, usize) {
    let mut by_places: BTreeMap<(bool, usize, usize), DrawnLeg> = BTreeMap::new();
    let mut single: Vec<DrawnLeg> = Vec::new();
    for (leg, &(a, b)) in chronology.legs().iter().enumerate() {
        let (Some(Some(from_shown)), Some(Some(to_shown))) = (shown_stop.get(a), shown_stop.get(b)) else {
            continue;
        };
        let shown = *from_shown || *to_shown;
        let (from, to) = (&chronology.stops[a], &chronology.stops[b]);
        if collection && (!shown || shared) {
            let key = (shown, from.place.min(to.place), from.place.max(to.place));
            let drawn = by_places.entry(key).or_insert_with(|| DrawnLeg {
                leg,
                from: a,
                to: b,
                shown,
                journeys: Some(Vec::new()),
            });
            // A journey's legs come together, so this catches most repeats; the rest go below
            // (searching the list each time was quadratic on busy legs).
            if let Some(journeys) = drawn.journeys.as_mut()
                && journeys.last() != Some(&from.journey)
            {
                journeys.push(from.journey);
            }
        } else {
            single.push(DrawnLeg {
                leg,
                from: a,
                to: b,
                shown,
                journeys: None,
            });
        }
    }
    for journeys in by_places.values_mut().filter_map(|l| l.journeys.as_mut()) {
        journeys.sort_unstable();
        journeys.dedup();
    }
    let most = by_places
        .values()
        .filter(|l| l.shown)
        .filter_map(|l| l.journeys.as_ref().map(Vec::len))
        .max()
        .unwrap_or(1);
    // Hidden first, so what is shown is drawn over it; within each, the busiest legs first, as
    // many as are drawn.
    let (mut shown, mut hidden): (Vec<DrawnLeg>, Vec<DrawnLeg>) =
        by_places.into_values().partition(|l| l.shown);
    let mut legs = Vec::with_capacity(MAX_SHARED_LEGS * 2 + single.len());
    for part in [&mut hidden, &mut shown] {
        part.sort_by_key(|l| std::cmp::Reverse(l.journeys.as_ref().map_or(0, Vec::len)));
        part.truncate(MAX_SHARED_LEGS);
        // Faint under strong, so the busiest ways stay on top.
        part.reverse();
        legs.append(part);
    }
    single.sort_by_key(|l| (l.shown, l.leg));
    legs.extend(single);
    (legs, most)
}
