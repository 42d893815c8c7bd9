//! Which route legs are drawn, and how they are grouped: in a collection, the legs between
//! the same two places are drawn once for every journey that took them (in either direction),
//! those the focus or filter hides apart from those shown; a single journey draws each leg on
//! its own, with its arrow.
//!
//! Invariant: hidden legs come before shown ones, and within each the busiest last, so what
//! matters most is drawn on top.

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
    // Each shared leg as (shown, place, place, journey, leg): sorted, the legs between the same
    // two places form one run, their journeys in order. Sorting a flat list is a tenth of the
    // time of a map with a list of journeys per pair, and only the runs that are drawn get one.
    let mut by_places: Vec<(bool, usize, usize, usize, usize)> = Vec::new();
    let mut single: Vec<DrawnLeg> = Vec::new();
    for (leg, &(a, b)) in chronology.legs().iter().enumerate() {
        let (Some(Some(from_shown)), Some(Some(to_shown))) = (shown_stop.get(a), shown_stop.get(b)) else {
            continue;
        };
        let shown = *from_shown || *to_shown;
        let (from, to) = (&chronology.stops[a], &chronology.stops[b]);
        if collection && (!shown || shared) {
            let (low, high) = (from.place.min(to.place), from.place.max(to.place));
            by_places.push((shown, low, high, from.journey, leg));
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
    by_places.sort_unstable();
    let runs = runs(&by_places);
    let most = runs
        .iter()
        .filter(|r| r.shown)
        .map(|r| r.journeys)
        .max()
        .unwrap_or(1);
    // Hidden first, so what is shown is drawn over it; within each, the busiest legs first, as
    // many as are drawn.
    let (mut shown, mut hidden): (Vec<Run>, Vec<Run>) = runs.into_iter().partition(|r| r.shown);
    let mut legs = Vec::with_capacity(MAX_SHARED_LEGS * 2 + single.len());
    for part in [&mut hidden, &mut shown] {
        // Stable: among equals, the pair of places first in the file's place order.
        part.sort_by_key(|r| std::cmp::Reverse(r.journeys));
        part.truncate(MAX_SHARED_LEGS);
        // Faint under strong, so the busiest ways stay on top.
        part.reverse();
        legs.extend(
            part.iter()
                .filter_map(|run| drawn_run(chronology, &by_places[run.range.clone()])),
        );
    }
    single.sort_by_key(|l| (l.shown, l.leg));
    legs.extend(single);
    (legs, most)
}

/// Legs between the same two places: a range of the sorted list, and how many journeys.
struct Run {
    range: std::ops::Range<usize>,
    shown: bool,
    journeys: usize,
}

/// The runs of `sorted` (see [`group_legs`]), in its order.
fn runs(sorted: &[(bool, usize, usize, usize, usize)]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (i, &(shown, low, high, journey, _)) in sorted.iter().enumerate() {
        let same = |p: usize| {
            let (s, l, h, _, _) = sorted[p];
            (s, l, h) == (shown, low, high)
        };
        match runs.last_mut() {
            Some(run) if same(run.range.start) => {
                run.range.end = i + 1;
                if sorted[i - 1].3 != journey {
                    run.journeys += 1;
                }
            }
            _ => runs.push(Run {
                range: i..i + 1,
                shown,
                journeys: 1,
            }),
        }
    }
    runs
}

/// One run drawn as one leg: the path of its first leg in the file, every journey once.
fn drawn_run(chronology: &Chronology, run: &[(bool, usize, usize, usize, usize)]) -> Option<DrawnLeg> {
    let &(shown, _, _, _, leg) = run.iter().min_by_key(|entry| entry.4)?;
    let &(from, to) = chronology.legs().get(leg)?;
    let mut journeys: Vec<usize> = run.iter().map(|entry| entry.3).collect();
    journeys.dedup();
    Some(DrawnLeg {
        leg,
        from,
        to,
        shown,
        journeys: Some(journeys),
    })
}
