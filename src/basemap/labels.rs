//! Map labels: which country and city names exist, from which zoom, and where they may go.
//!
//! Labels are placed in screen space every frame (not baked into tiles), so they never get cut
//! at tile edges and can avoid each other and the trip's own markers. Placement is greedy in
//! priority order: a label is shown only if its box overlaps no box already taken.

use geo::{Area as _, InteriorPoint as _, LineString, Polygon};

use super::topojson::Country;
use super::{Mercator, to_mercator};
use crate::gazetteer::City;

/// What a label names; decides its style and priority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelKind {
    /// A country name, drawn in spaced capitals.
    Country,
    /// A city, drawn with a dot.
    City,
}

/// A name that may be drawn on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLabel {
    /// The text.
    pub text: String,
    /// Where it goes, in normalised Mercator.
    pub anchor: Mercator,
    /// Shown from this map zoom on.
    pub min_zoom: f64,
    /// Higher ranks are placed first.
    pub rank: f64,
    /// Country or city.
    pub kind: LabelKind,
}

/// A label per country, anchored inside its largest polygon, appearing once that polygon is
/// wide enough on screen to hold a name.
pub fn country_labels(countries: &[Country]) -> Vec<MapLabel> {
    countries
        .iter()
        .filter_map(|country| {
            // The visual centre is slow to find (a scan per vertex of every ring), so it is
            // found only for the largest polygon, not for every island.
            let mut polygons: Vec<(f64, Polygon<f64>)> = country
                .polygons
                .iter()
                .filter_map(|rings| {
                    let outer = rings.first()?;
                    let ring: LineString<f64> = outer
                        .iter()
                        .map(|&p| to_mercator(p))
                        .map(|[x, y]| (x, y))
                        .collect();
                    let polygon = Polygon::new(ring, Vec::new());
                    Some((polygon.unsigned_area(), polygon))
                })
                .collect();
            polygons.sort_by(|a, b| b.0.total_cmp(&a.0));
            let (area, anchor) = polygons.iter().find_map(|(area, polygon)| {
                let point = polygon.interior_point()?;
                Some((*area, [point.x(), point.y()]))
            })?;
            // A name needs about 80 px; the polygon is sqrt(area) of a 256 px world wide at zoom 0.
            let min_zoom = (80.0 / (256.0 * area.sqrt())).log2().clamp(1.5, 9.0);
            Some(MapLabel {
                text: country.name.to_uppercase(),
                anchor,
                min_zoom,
                rank: 1000.0 + area.sqrt() * 1000.0,
                kind: LabelKind::Country,
            })
        })
        .collect()
}

/// A label per city of at least 100,000 people, bigger cities from lower zooms.
pub fn city_labels(cities: &[City]) -> Vec<MapLabel> {
    cities
        .iter()
        .filter(|c| c.population >= 100_000)
        .map(|city| {
            let millions = city.population as f64 / 1e6;
            let min_zoom = match millions {
                m if m >= 5.0 => 3.0,
                m if m >= 2.0 => 4.0,
                m if m >= 1.0 => 5.0,
                m if m >= 0.5 => 6.0,
                m if m >= 0.25 => 7.0,
                _ => 8.0,
            };
            MapLabel {
                text: city.name.clone(),
                anchor: to_mercator([city.lon_deg, city.lat_deg]),
                min_zoom,
                rank: millions,
                kind: LabelKind::City,
            }
        })
        .collect()
}

/// An axis-aligned box on screen: `[min_x, min_y, max_x, max_y]`.
pub type ScreenBox = [f32; 4];

/// Whether two screen boxes overlap.
pub fn overlaps(a: &ScreenBox, b: &ScreenBox) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Greedy placement: `candidates` in priority order; returns which ones to draw so that no two
/// drawn boxes, nor a drawn box and any of `taken`, overlap.
pub fn place(candidates: &[ScreenBox], taken: &[ScreenBox]) -> Vec<bool> {
    let mut occupied: Vec<ScreenBox> = taken.to_vec();
    candidates
        .iter()
        .map(|candidate| {
            let free = !occupied.iter().any(|o| overlaps(o, candidate));
            if free {
                occupied.push(*candidate);
            }
            free
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placed_labels_never_overlap_and_earlier_ones_win() {
        let candidates = [
            [0.0, 0.0, 50.0, 10.0],
            [40.0, 5.0, 90.0, 15.0],
            [60.0, 0.0, 100.0, 10.0],
            [0.0, 20.0, 50.0, 30.0],
        ];
        let taken = [[0.0, 25.0, 10.0, 35.0]];
        let placed = place(&candidates, &taken);
        assert_eq!(placed, [true, false, true, false]);
    }
}
