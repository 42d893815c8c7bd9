//! Geographic positions and great-circle maths.
//!
//! [`LatLon`] is our own coordinate type so that the model never depends on a map widget; the
//! map view converts it to the map widget's own position type at the edge. Distances are geodesic on the WGS84
//! ellipsoid (Karney's algorithm via the `geo` crate), accurate to millimetres, so a trip's
//! "kilometres travelled" matches reference values.

use geo::{Distance as _, Geodesic, Haversine, InterpolatePoint as _, Point};

/// Latitude and longitude in decimal degrees (WGS84).
///
/// Invariant when it comes from a validated trip: `-90 <= lat_deg <= 90` and
/// `-180 <= lon_deg <= 180`. Constructing one does not check; [`LatLon::is_valid`] does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLon {
    /// Degrees north of the equator (negative is south).
    pub lat_deg: f64,
    /// Degrees east of Greenwich (negative is west).
    pub lon_deg: f64,
}

impl LatLon {
    /// A position from latitude and longitude in degrees.
    pub const fn new(lat_deg: f64, lon_deg: f64) -> Self {
        Self { lat_deg, lon_deg }
    }

    /// Whether both coordinates are finite and inside their ranges.
    pub fn is_valid(self) -> bool {
        self.lat_deg.is_finite()
            && self.lon_deg.is_finite()
            && (-90.0..=90.0).contains(&self.lat_deg)
            && (-180.0..=180.0).contains(&self.lon_deg)
    }

    fn to_point(self) -> Point<f64> {
        Point::new(self.lon_deg, self.lat_deg)
    }

    fn from_point(point: Point<f64>) -> Self {
        Self::new(point.y(), point.x())
    }

    /// Geodesic distance to `other` in metres on the WGS84 ellipsoid.
    pub fn distance_m(self, other: LatLon) -> f64 {
        Geodesic.distance(self.to_point(), other.to_point())
    }

    /// Points along the great circle (geodesic) from `self` to `other`, both ends included,
    /// spaced at most `max_step_m` metres apart. Used to draw route legs as curves.
    pub fn geodesic_path(self, other: LatLon, max_step_m: f64) -> Vec<LatLon> {
        Geodesic
            .points_along_line(self.to_point(), other.to_point(), max_step_m, true)
            .map(Self::from_point)
            .collect()
    }

    /// Points along the great circle to `other` on a sphere, both ends included, at most
    /// `max_step_m` metres apart: for drawing many legs, about ten times faster than
    /// [`LatLon::geodesic_path`] and within a few hundred metres of it.
    pub fn great_circle_path(self, other: LatLon, max_step_m: f64) -> Vec<LatLon> {
        Haversine
            .points_along_line(self.to_point(), other.to_point(), max_step_m, true)
            .map(Self::from_point)
            .collect()
    }

    /// The point a fraction `ratio` (0..=1) of the way along the geodesic to `other`.
    pub fn geodesic_point_at(self, other: LatLon, ratio: f64) -> LatLon {
        Self::from_point(Geodesic.point_at_ratio_between(self.to_point(), other.to_point(), ratio))
    }
}

/// The smallest latitude/longitude box holding a set of positions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GeoBounds {
    /// South-west corner.
    pub min: LatLon,
    /// North-east corner.
    pub max: LatLon,
}

impl GeoBounds {
    /// The bounds of `points`, or `None` when there are none.
    pub fn of(points: impl IntoIterator<Item = LatLon>) -> Option<Self> {
        let mut points = points.into_iter();
        let first = points.next()?;
        let mut bounds = Self {
            min: first,
            max: first,
        };
        for p in points {
            bounds.min.lat_deg = bounds.min.lat_deg.min(p.lat_deg);
            bounds.min.lon_deg = bounds.min.lon_deg.min(p.lon_deg);
            bounds.max.lat_deg = bounds.max.lat_deg.max(p.lat_deg);
            bounds.max.lon_deg = bounds.max.lon_deg.max(p.lon_deg);
        }
        Some(bounds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn astana_to_london_is_about_4765_km() {
        // Reference: haversine on the mean Earth radius (6371.0088 km) gives 4,764.5 km.
        let astana = LatLon::new(51.1801, 71.44598);
        let london = LatLon::new(51.50853, -0.12574);
        let km = astana.distance_m(london) / 1000.0;
        assert!((km - 4764.5).abs() / 4764.5 < 0.005, "{km}");
    }

    #[test]
    fn a_geodesic_path_starts_and_ends_at_its_ends() {
        let a = LatLon::new(42.87, 74.59);
        let b = LatLon::new(39.65456, 66.96445);
        let path = a.geodesic_path(b, 50_000.0);
        assert!(path.len() > 5);
        assert_eq!(path.first().copied(), Some(a));
        let last = path.last().copied().expect("non-empty");
        assert!((last.lat_deg - b.lat_deg).abs() < 1e-9);
    }

    #[test]
    fn out_of_range_coordinates_are_invalid() {
        assert!(!LatLon::new(91.0, 0.0).is_valid());
        assert!(!LatLon::new(0.0, -180.5).is_valid());
        assert!(!LatLon::new(f64::NAN, 0.0).is_valid());
        assert!(LatLon::new(-90.0, 180.0).is_valid());
    }
}
