//! The offline basemap draws land and water where they are, and the route maths is right.

use std::sync::OnceLock;

use itinera::basemap::Basemap;
use itinera::basemap::render::{TileStyle, render_tile};
use itinera::model::LatLon;

const STYLE: TileStyle = TileStyle {
    water: [0, 0, 255, 255],
    land: [0, 255, 0, 255],
    coast: [255, 0, 0, 255],
    border: [255, 0, 255, 255],
    river: [0, 255, 255, 255],
};

fn basemap() -> &'static Basemap {
    static BASEMAP: OnceLock<Basemap> = OnceLock::new();
    BASEMAP.get_or_init(|| Basemap::load().expect("bundled data decodes"))
}

/// The colour at `lat`/`lon` in the tile of `zoom` containing it.
fn colour_at(lat: f64, lon: f64, zoom: u8) -> [u8; 4] {
    let n = f64::from(1u32 << zoom);
    let x = (lon + 180.0) / 360.0 * n;
    let lat_rad = lat.to_radians();
    let y = (1.0 - (lat_rad.tan() + 1.0 / lat_rad.cos()).ln() / std::f64::consts::PI) / 2.0 * n;
    let rgba = render_tile(basemap(), &STYLE, zoom, x as u32, y as u32, 256);
    let (px, py) = ((x.fract() * 256.0) as usize, (y.fract() * 256.0) as usize);
    let i = (py * 256 + px) * 4;
    [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]
}

#[test]
fn astana_is_on_land_at_every_zoom() {
    for zoom in [1, 3, 5, 8] {
        assert_eq!(colour_at(51.1801, 71.44598, zoom), STYLE.land, "zoom {zoom}");
    }
}

#[test]
fn the_open_atlantic_and_the_caspian_sea_are_water() {
    assert_eq!(colour_at(30.0, -40.0, 3), STYLE.water);
    assert_eq!(colour_at(42.0, 50.5, 5), STYLE.water, "Caspian Sea");
    assert_eq!(
        colour_at(46.5, 74.5, 6),
        STYLE.water,
        "Lake Balkhash, patched in from 1:110m"
    );
}

#[test]
fn countries_across_the_antimeridian_do_not_smear_over_the_pacific() {
    // Russia and Fiji cross ±180°; drawn flat without care they fill a band across the map.
    assert_eq!(colour_at(0.0, -150.0, 2), STYLE.water, "central Pacific");
    // Points checked against the raw data with an independent point-in-polygon test.
    assert_eq!(
        colour_at(65.0, 179.5, 4),
        STYLE.land,
        "Chukotka, west of the meridian"
    );
    assert_eq!(
        colour_at(66.5, -175.5, 4),
        STYLE.land,
        "Chukotka, east of the meridian"
    );
    assert_eq!(
        colour_at(66.0, -179.5, 6),
        STYLE.water,
        "Kresta Gulf, on the meridian"
    );
}

#[test]
fn borders_are_drawn_between_neighbours() {
    // Somewhere along a column crossing the Kazakhstan–Uzbekistan border there is border colour.
    let rgba = render_tile(basemap(), &STYLE, 5, 21, 11, 256);
    let has_border = rgba.chunks_exact(4).any(|p| p == STYLE.border);
    assert!(has_border);
}

#[test]
fn route_legs_match_reference_great_circle_distances() {
    // References: haversine on the mean Earth radius, computed independently; the app's geodesic
    // distances on the WGS84 ellipsoid must agree within 0.5 %.
    let places = [
        LatLon::new(42.87, 74.59),
        LatLon::new(39.65456, 66.96445),
        LatLon::new(51.1801, 71.44598),
        LatLon::new(38.53575, 68.77905),
        LatLon::new(37.95, 58.38333),
        LatLon::new(51.50853, -0.12574),
    ];
    let reference_km = [730.4, 1327.8, 1421.4, 909.7, 4721.7];
    for (leg, expected) in places.windows(2).zip(reference_km) {
        let km = leg[0].distance_m(leg[1]) / 1000.0;
        assert!((km - expected).abs() / expected < 0.005, "{km} vs {expected}");
    }
}

#[test]
fn labels_exist_for_countries_and_big_cities() {
    let labels = &basemap().labels;
    assert!(labels.iter().any(|l| l.text == "KAZAKHSTAN" && l.min_zoom <= 3.0));
    assert!(labels.iter().any(|l| l.text == "Tashkent"));
    assert!(labels.len() > 1000);
}
