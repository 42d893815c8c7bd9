//! Design tokens: every colour, size and spacing the UI uses, in one place.
//!
//! Panels ask for [`Tokens::for_visuals`] instead of writing colour literals, so light and dark
//! mode (and later the high-contrast presentation theme) change everything at once.

use egui::{Color32, FontId, Visuals};

use crate::basemap::render::TileStyle;
use crate::basemap::style::MapStyle;
use crate::model::EventKind;

/// Colours and sizes for the current light/dark mode.
#[derive(Clone, Debug, PartialEq)]
pub struct Tokens {
    /// Basemap colours.
    pub tiles: TileStyle,
    /// Size of map names (stops, countries, cities) relative to the main view: larger on
    /// slides ([`Tokens::for_slides`]), read from the back of a classroom.
    pub map_label_scale: f32,
    /// Route legs between stops.
    pub route: Color32,
    /// Outline of markers and text halos (contrasts with the map).
    pub halo: Color32,
    /// Text drawn on the map.
    pub map_text: Color32,
    /// Highlight ring around the selected stop or event.
    pub selection: Color32,
    /// Muted text (dates, roles).
    pub weak_text: Color32,
    /// Left bar of a quote block.
    pub quote_bar: Color32,
    /// Background of a quote block.
    pub quote_fill: Color32,
    /// Timeline background and day stripes.
    pub timeline_fill: Color32,
    /// Alternate day stripe.
    pub timeline_stripe: Color32,
    /// Tick lines on the timeline.
    pub timeline_grid: Color32,
    /// Histogram bins of events that pass the filter.
    pub density: Color32,
    /// Shade over time outside the brushed window, and the brush itself.
    pub brush: Color32,
    /// Country names on the map.
    pub country_text: Color32,
    /// City names and dots on the map.
    pub city_text: Color32,
    /// Background of map controls and the scale bar.
    pub overlay_fill: Color32,
    /// Error text.
    pub error: Color32,
    /// Warning text.
    pub warning: Color32,
}

/// Radius of a stop marker, in points.
pub const MARKER_RADIUS: f32 = 11.0;
/// Gap between a stop's marker and the dashed ring of an approximate position, in points.
pub const APPROXIMATE_RING_GAP: f32 = 5.0;
/// Width of that dashed ring, in points.
pub const APPROXIMATE_RING_WIDTH: f32 = 2.0;
/// Opacity of a route leg the filter or focus hides among many journeys.
pub const HIDDEN_ROUTE_OPACITY: f32 = 0.06;
/// Opacity of a leg taken by one journey when a collection shows many at once; the most
/// travelled leg in view gets [`SHARED_ROUTE_MAX_OPACITY`], the rest between on a log scale.
pub const SHARED_ROUTE_MIN_OPACITY: f32 = 0.2;
/// Opacity of the most travelled leg in view.
pub const SHARED_ROUTE_MAX_OPACITY: f32 = 0.9;
/// Radius of a counted marker holding one visit, in points.
pub const COUNTED_MIN_RADIUS: f32 = 8.0;
/// Growth of a counted marker's radius per factor e (about 2.7) of visits, in points.
pub const COUNTED_RADIUS_PER_E: f32 = 3.5;
/// Largest counted marker's radius, in points (reached at about 900 visits).
pub const COUNTED_MAX_RADIUS: f32 = 32.0;
/// Size of a counted marker's number per point of its radius.
pub const COUNTED_TEXT_PER_RADIUS: f32 = 0.55;
/// Radius of a faint marker (a stop left out by the focus) holding one visit, in points.
pub const FAINT_MIN_RADIUS: f32 = 3.0;
/// Growth of a faint marker's radius per factor e of visits, in points.
pub const FAINT_RADIUS_PER_E: f32 = 1.5;
/// Largest faint marker's radius, in points.
pub const FAINT_MAX_RADIUS: f32 = 12.0;
/// Least space between two markers sized by their counts, in points.
pub const MARKER_GAP: f32 = 2.0;
/// Width of route lines, in points.
pub const ROUTE_WIDTH: f32 = 2.5;
/// Height of one event lane on the timeline, in points.
pub const LANE_HEIGHT: f32 = 21.0;
/// Height of the timeline's date axis, in points.
pub const AXIS_HEIGHT: f32 = 22.0;
/// Height of the timeline's travel row, where connectors between stops are drawn.
pub const TRAVEL_ROW_HEIGHT: f32 = 14.0;
/// Most sub-lanes one timeline lane may stack before it becomes a histogram (more lanes
/// scroll; more overlapping events than this are better read as a density).
pub const MAX_SUBLANES: usize = 12;
/// Width of the traveller-colour bar at the left of a traveller's timeline lane, in points.
pub const LANE_COLOUR_WIDTH: f32 = 3.0;
/// Width of the timeline's lane-name gutter.
pub const TIMELINE_GUTTER_WIDTH: f32 = 128.0;
/// Opacity multiplier for events hidden by the filter.
pub const DIMMED_OPACITY: f32 = 0.22;
/// Small print: timeline labels, lane names.
pub const SMALL_SIZE: f32 = 12.0;
/// Default width of the detail panel, in points.
pub const DETAIL_PANEL_WIDTH: f32 = 380.0;
/// Height of the timeline panel, in points.
pub const TIMELINE_HEIGHT: f32 = 230.0;
/// The smallest the timeline panel gets: its toolbar and one lane.
pub const TIMELINE_MIN_HEIGHT: f32 = 90.0;
/// The narrowest the detail panel gets.
pub const DETAIL_PANEL_MIN_WIDTH: f32 = 200.0;
/// Distance of map overlays (buttons, scale bar) from the map's edge, in points.
pub const MAP_OVERLAY_MARGIN: f32 = 10.0;
/// Inner margin of panels, in points.
pub const PANEL_MARGIN: f32 = 10.0;
/// Space between sections of the detail panel, in points.
pub const SECTION_SPACING: f32 = 12.0;
/// Longest list laid out in place (every row reachable with Tab); longer ones, as in generated
/// collections of a million events, scroll in a box of [`SCROLLED_LIST_ROWS`] rows that lays
/// out only what is in view.
pub const LONGEST_LIST_IN_PLACE: usize = 300;
/// Width of the keyboard-focus ring around hand-drawn widgets (map, timeline, bars, stops).
pub const FOCUS_RING_WIDTH: f32 = 2.0;
/// Gap between a hand-drawn widget and its focus ring, in points.
pub const FOCUS_RING_GAP: f32 = 2.0;
/// How far Down/Up scroll the detail panel, in points.
pub const KEY_SCROLL_LINE: f32 = 40.0;
/// Rows in view in a list's own scrolling box.
pub const SCROLLED_LIST_ROWS: usize = 20;
/// Space between items inside a section (meetings, pictures, quotes), in points.
pub const ITEM_SPACING: f32 = 6.0;
/// Space after a meeting's last line, in points.
pub const SMALL_SPACING: f32 = 4.0;
/// Inner margin of a quote's card, in points (horizontal, vertical).
pub const QUOTE_MARGIN: [i8; 2] = [10, 8];
/// Corner radius of a quote's card, in points.
pub const QUOTE_RADIUS: u8 = 4;
/// Width of the coloured bar at a quote's left edge, in points.
pub const QUOTE_BAR_WIDTH: f32 = 3.0;
/// Size of section headings (Meetings, Quotes, …) in the detail panel and editor, in points.
pub const SECTION_HEADING_SIZE: f32 = BODY_SIZE + 2.0;

/// Body text size, in points.
pub const BODY_SIZE: f32 = 14.0;
/// Event title size in the detail panel, in points.
pub const TITLE_SIZE: f32 = 22.0;
/// Quote text size, in points.
pub const QUOTE_SIZE: f32 = 16.0;
/// Size of stop names drawn on the map, in points.
pub const MAP_LABEL_SIZE: f32 = 14.0;
/// Size of the stop-number range ("2–4") on a cluster marker, in points.
pub const CLUSTER_NUMBER_SIZE: f32 = 11.0;
/// Size of the count on a cluster's badge, in points.
pub const BADGE_SIZE: f32 = 10.0;
/// Radius of a cluster's count badge, in points.
pub const BADGE_RADIUS: f32 = 8.0;
/// Size of the map data credits, in points.
pub const ATTRIBUTION_SIZE: f32 = 10.0;
/// Size of country names on the basemap, in points.
pub const COUNTRY_LABEL_SIZE: f32 = 12.0;
/// Size of city names on the basemap, in points.
pub const CITY_LABEL_SIZE: f32 = 11.0;
/// How much larger map names are on slides than in the main view: a 14-point stop name becomes
/// 22 points, a capital letter about 16 pixels high on a 1080p projector.
pub const SLIDE_LABEL_SCALE: f32 = 1.6;
/// Markers closer than this on screen (they would overlap) are drawn as one cluster, in points.
pub const CLUSTER_DISTANCE: f32 = 2.0 * MARKER_RADIUS;
/// How close the pointer must be to a route leg to hover it, in points.
pub const LEG_HOVER_DISTANCE: f32 = 6.0;

/// Font for body text.
pub fn body_font() -> FontId {
    FontId::proportional(BODY_SIZE)
}

impl Tokens {
    /// The tokens for `visuals` (light or dark).
    pub fn for_visuals(visuals: &Visuals) -> Self {
        if visuals.dark_mode {
            Self::dark()
        } else {
            Self::light()
        }
    }

    /// These tokens for the map of a slide: names [`SLIDE_LABEL_SCALE`] times larger.
    pub fn for_slides(self) -> Self {
        Self {
            map_label_scale: SLIDE_LABEL_SCALE,
            ..self
        }
    }

    /// A map name's font: `size` (one of the `*_LABEL_SIZE`s) at this map's label scale.
    pub fn map_font(&self, size: f32) -> FontId {
        FontId::proportional(size * self.map_label_scale)
    }

    /// Light mode: pale sea, warm land (the map's colours from [`MapStyle::light`]).
    pub fn light() -> Self {
        const MAP: MapStyle = MapStyle::light();
        Self {
            tiles: MAP.tiles,
            map_label_scale: 1.0,
            route: rgba(MAP.route),
            halo: rgba(MAP.halo),
            map_text: Color32::from_rgb(30, 30, 40),
            selection: Color32::from_rgb(255, 190, 0),
            weak_text: Color32::from_rgb(95, 95, 105),
            quote_bar: rgba(MAP.route),
            quote_fill: Color32::from_rgb(248, 243, 235),
            timeline_fill: Color32::from_rgb(250, 250, 252),
            timeline_stripe: Color32::from_rgb(238, 240, 245),
            timeline_grid: Color32::from_rgb(200, 204, 214),
            density: Color32::from_rgb(0, 114, 178),
            brush: Color32::from_rgba_unmultiplied(60, 70, 90, 60),
            country_text: Color32::from_rgb(90, 72, 88),
            city_text: Color32::from_rgb(70, 70, 80),
            overlay_fill: Color32::from_rgba_unmultiplied(255, 255, 255, 215),
            error: Color32::from_rgb(190, 30, 30),
            warning: Color32::from_rgb(140, 90, 0),
        }
    }

    /// Dark mode: deep sea, slate land (the map's colours from [`MapStyle::dark`]).
    pub fn dark() -> Self {
        const MAP: MapStyle = MapStyle::dark();
        Self {
            tiles: MAP.tiles,
            map_label_scale: 1.0,
            route: rgba(MAP.route),
            halo: rgba(MAP.halo),
            map_text: Color32::from_rgb(235, 235, 240),
            selection: Color32::from_rgb(255, 200, 40),
            weak_text: Color32::from_rgb(165, 165, 175),
            quote_bar: rgba(MAP.route),
            quote_fill: Color32::from_rgb(40, 40, 46),
            timeline_fill: Color32::from_rgb(30, 30, 34),
            timeline_stripe: Color32::from_rgb(34, 34, 39),
            timeline_grid: Color32::from_rgb(70, 72, 82),
            density: Color32::from_rgb(86, 180, 233),
            brush: Color32::from_rgba_unmultiplied(0, 0, 0, 110),
            country_text: Color32::from_rgb(180, 175, 195),
            city_text: Color32::from_rgb(185, 185, 195),
            overlay_fill: Color32::from_rgba_unmultiplied(25, 25, 30, 215),
            error: Color32::from_rgb(255, 110, 110),
            warning: Color32::from_rgb(240, 190, 80),
        }
    }
}

/// An egui colour from the basemap's RGBA bytes.
fn rgba([r, g, b, a]: [u8; 4]) -> Color32 {
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Colours of travellers in a trip of several (routes on the map, swatches in the list and the
/// legend): Paul Tol's "bright" scheme, distinguishable with the common colour-vision
/// deficiencies and distinct from the event kinds' Okabe–Ito colours. They repeat after seven.
pub const TRAVELLER_PALETTE: [Color32; 7] = [
    Color32::from_rgb(0x44, 0x77, 0xAA),
    Color32::from_rgb(0xEE, 0x66, 0x77),
    Color32::from_rgb(0x22, 0x88, 0x33),
    Color32::from_rgb(0xCC, 0xBB, 0x44),
    Color32::from_rgb(0x66, 0xCC, 0xEE),
    Color32::from_rgb(0xAA, 0x33, 0x77),
    Color32::from_rgb(0xBB, 0xBB, 0xBB),
];

/// The colour of traveller `index` (into `Trip::travellers`); grey for visits of no traveller.
pub fn traveller_colour(index: Option<usize>) -> Color32 {
    index.map_or(Color32::GRAY, |i| TRAVELLER_PALETTE[i % TRAVELLER_PALETTE.len()])
}

/// The colour of events of `kind` on the map and timeline (the same in both modes; chosen to be
/// distinguishable with the common colour-vision deficiencies, after Okabe & Ito).
pub fn kind_colour(kind: EventKind) -> Color32 {
    match kind {
        EventKind::Visit => Color32::from_rgb(0, 114, 178),
        EventKind::Meeting => Color32::from_rgb(213, 94, 0),
        EventKind::Speech => Color32::from_rgb(0, 158, 115),
        EventKind::Press => Color32::from_rgb(204, 121, 167),
        EventKind::Tour => Color32::from_rgb(86, 180, 233),
        EventKind::Ceremony => Color32::from_rgb(230, 159, 0),
        EventKind::Travel => Color32::from_rgb(120, 120, 120),
        EventKind::Other => Color32::from_rgb(90, 90, 110),
    }
}

/// Text colour readable on top of [`kind_colour`]: black or white, whichever contrasts more
/// (white on the ceremony's orange was 2.3:1).
pub fn on_kind_colour(kind: EventKind) -> Color32 {
    super::contrast::text_on(kind_colour(kind))
}

/// The kind's colour as text on the panel (the detail panel's kind label): darkened in the
/// light theme, lightened in the dark one, until it reads at WCAG AA.
pub fn kind_text_colour(kind: EventKind, visuals: &Visuals) -> Color32 {
    super::contrast::readable_on(kind_colour(kind), visuals.panel_fill, super::contrast::AA_TEXT)
}

/// Hint text (a search box's placeholder) in the light theme: 5.9:1 on a text box.
const LIGHT_HINT: Color32 = Color32::from_rgb(100, 100, 110);
/// Hint text in the dark theme: 6.2:1 on a text box.
const DARK_HINT: Color32 = Color32::from_rgb(160, 160, 170);
/// Links in the light theme: egui's default blue is 2.8:1 on white, this is 6.4:1.
const LIGHT_LINK: Color32 = Color32::from_rgb(0, 84, 166);
/// Links in the dark theme.
const DARK_LINK: Color32 = Color32::from_rgb(110, 180, 255);

/// egui's visuals made readable: hint text and links at WCAG AA in both themes. Applied to
/// both themes at start, so switching theme keeps them.
pub fn style_visuals(visuals: &mut Visuals) {
    let (hint, link) = if visuals.dark_mode {
        (DARK_HINT, DARK_LINK)
    } else {
        (LIGHT_HINT, LIGHT_LINK)
    };
    visuals.weak_text_color = Some(hint);
    visuals.hyperlink_color = link;
}

/// [`style_visuals`] for both of `ctx`'s themes.
pub fn apply(ctx: &egui::Context) {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        ctx.style_mut_of(theme, |style| style_visuals(&mut style.visuals));
    }
}

/// The high-contrast presentation theme: light text on near-black cards, readable from the
/// back of a classroom whatever the app's light or dark mode.
pub mod present {
    use egui::Color32;

    /// Card behind slide text.
    pub const CARD: Color32 = Color32::from_rgba_premultiplied(12, 12, 16, 235);
    /// Slide text.
    pub const TEXT: Color32 = Color32::WHITE;
    /// Dates, places, speakers.
    pub const MUTED: Color32 = Color32::from_rgb(215, 215, 225);
    /// Quote bar, progress and the current slide's mark.
    pub const ACCENT: Color32 = Color32::from_rgb(255, 200, 40);
    /// Unvisited part of the progress strip.
    pub const TRACK: Color32 = Color32::from_rgb(90, 90, 100);
    /// The blanked screen.
    pub const BLANK: Color32 = Color32::BLACK;

    /// Sizes at 1080 points of screen height; slides scale them with the screen.
    pub const REFERENCE_HEIGHT: f32 = 1080.0;
    /// Slide titles (at least 48 px on a 1080p screen).
    pub const TITLE_SIZE: f32 = 60.0;
    /// The trip's name on the title slide.
    pub const COVER_TITLE_SIZE: f32 = 76.0;
    /// Date and place line.
    pub const META_SIZE: f32 = 32.0;
    /// The key quote.
    pub const QUOTE_SIZE: f32 = 38.0;
    /// Summaries, statistics, speakers.
    pub const BODY_SIZE: f32 = 28.0;
    /// Kind label, slide counter, key hints.
    pub const SMALL_SIZE: f32 = 20.0;
    /// Padding inside cards and around the screen edge.
    pub const MARGIN: f32 = 40.0;
    /// Height of the progress strip.
    pub const STRIP_HEIGHT: f32 = 64.0;
    /// Smallest scale, so small windows stay legible.
    pub const MIN_SCALE: f32 = 0.6;
}

/// A section heading (Meetings, Quotes, Pictures…): space above, strong text, a rule below.
/// The detail panel and the editor share it so both read alike.
pub fn section_heading_ui(ui: &mut egui::Ui, text: &str) {
    ui.add_space(SECTION_SPACING);
    ui.label(egui::RichText::new(text).strong().size(SECTION_HEADING_SIZE));
    ui.separator();
}
/// How far one arrow key press moves a panel edge, in points (Shift: four times as far).
pub const SPLITTER_KEY_STEP_PTS: f32 = 16.0;
