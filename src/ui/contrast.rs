//! Readable colour pairs: the WCAG 2 contrast ratio, a way to darken or lighten a colour until
//! text in it is readable on a background, and the list of every text-on-background pair the
//! UI draws, which a test holds to WCAG AA (4.5:1, or 3:1 for large text) in both themes.
//!
//! Colours themselves live in [`super::theme`]; this module only measures and adjusts them.

use egui::{Color32, Visuals};

use super::theme::{self, Tokens};
use crate::model::EventKind;

/// WCAG AA for body text.
pub const AA_TEXT: f32 = 4.5;
/// WCAG AA for large text (18 pt, or 14 pt bold) and for graphics such as focus rings.
pub const AA_LARGE: f32 = 3.0;

/// The WCAG 2 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white).
pub fn ratio(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// Relative luminance (WCAG 2), of the colour as drawn over nothing (alpha ignored).
fn luminance(colour: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

/// `colour`, moved towards black or white (whichever the background is further from) just
/// enough that text in it reads at `target` on `background`; unchanged if it already does.
pub fn readable_on(colour: Color32, background: Color32, target: f32) -> Color32 {
    let toward = if luminance(background) > 0.18 {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    (0..=20)
        .map(|step| lerp(colour, toward, step as f32 / 20.0))
        .find(|c| ratio(*c, background) >= target)
        .unwrap_or(toward)
}

fn lerp(from: Color32, to: Color32, t: f32) -> Color32 {
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    Color32::from_rgb(
        mix(from.r(), to.r()),
        mix(from.g(), to.g()),
        mix(from.b(), to.b()),
    )
}

/// Black or white, whichever reads better on `background` (text on a timeline bar or marker).
pub fn text_on(background: Color32) -> Color32 {
    if ratio(Color32::BLACK, background) >= ratio(Color32::WHITE, background) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// One pair the UI draws: text in `text` on `background`.
#[derive(Clone, Debug)]
pub struct Pair {
    /// What it is, for the test's message.
    pub name: String,
    /// The text colour.
    pub text: Color32,
    /// What it is drawn on.
    pub background: Color32,
    /// Large text (3:1 suffices).
    pub large: bool,
}

/// Every text-on-background pair of the theme with `visuals` (after [`theme::style_visuals`]).
pub fn pairs(visuals: &Visuals) -> Vec<Pair> {
    let tokens = Tokens::for_visuals(visuals);
    let opaque = |c: Color32| Color32::from_rgb(c.r(), c.g(), c.b());
    let tile = |[r, g, b, _]: [u8; 4]| Color32::from_rgb(r, g, b);
    let (land, water) = (tile(tokens.tiles.land), tile(tokens.tiles.water));
    let mut out = Vec::new();
    let mut pair = |name: &str, text: Color32, background: Color32, large: bool| {
        out.push(Pair {
            name: name.to_owned(),
            text,
            background,
            large,
        });
    };
    let panels = [
        ("panel", visuals.panel_fill),
        ("window", visuals.window_fill),
        ("text box", visuals.text_edit_bg_color()),
    ];
    for (where_, background) in panels {
        pair(
            &format!("text on {where_}"),
            visuals.text_color(),
            background,
            false,
        );
        pair(
            &format!("secondary text on {where_}"),
            tokens.weak_text,
            background,
            false,
        );
        pair(
            &format!("hint text on {where_}"),
            visuals.weak_text_color(),
            background,
            false,
        );
        pair(
            &format!("link on {where_}"),
            visuals.hyperlink_color,
            background,
            false,
        );
        pair(&format!("error on {where_}"), tokens.error, background, false);
        pair(&format!("warning on {where_}"), tokens.warning, background, false);
    }
    pair(
        "focus ring on panel",
        visuals.selection.stroke.color,
        visuals.panel_fill,
        true,
    );
    for kind in EventKind::ALL {
        let fill = theme::kind_colour(kind);
        pair(
            &format!("text on a {} bar", kind.id()),
            theme::on_kind_colour(kind),
            fill,
            false,
        );
        pair(
            &format!("{} label on panel", kind.id()),
            theme::kind_text_colour(kind, visuals),
            visuals.panel_fill,
            false,
        );
    }
    pair("timeline text", visuals.text_color(), tokens.timeline_fill, false);
    pair(
        "timeline text on a stripe",
        visuals.text_color(),
        tokens.timeline_stripe,
        false,
    );
    pair(
        "secondary timeline text",
        tokens.weak_text,
        tokens.timeline_fill,
        false,
    );
    pair("country names on land", tokens.country_text, land, false);
    pair("city names on land", tokens.city_text, land, false);
    pair("country names on water", tokens.country_text, water, false);
    pair(
        "stop names on their halo",
        tokens.map_text,
        opaque(tokens.halo),
        false,
    );
    pair(
        "map credits",
        visuals.text_color(),
        opaque(tokens.overlay_fill),
        false,
    );
    pair(
        "slide text",
        theme::present::TEXT,
        opaque(theme::present::CARD),
        false,
    );
    pair(
        "slide muted text",
        theme::present::MUTED,
        opaque(theme::present::CARD),
        false,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ratio_is_21_for_black_on_white_and_1_for_a_colour_on_itself() {
        assert!((ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((ratio(Color32::GRAY, Color32::GRAY) - 1.0).abs() < 0.001);
        // WCAG's own example: #777 on white is 4.48.
        assert!((ratio(Color32::from_gray(0x77), Color32::WHITE) - 4.48).abs() < 0.01);
    }

    #[test]
    fn every_text_the_ui_draws_reads_at_wcag_aa_in_both_themes() {
        let mut failures = Vec::new();
        for (theme, mut visuals) in [("light", Visuals::light()), ("dark", Visuals::dark())] {
            theme::style_visuals(&mut visuals);
            for pair in pairs(&visuals) {
                let needed = if pair.large { AA_LARGE } else { AA_TEXT };
                let found = ratio(pair.text, pair.background);
                if found < needed {
                    failures.push(format!(
                        "{theme}: {} is {found:.2}:1, below {needed}:1",
                        pair.name
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn readable_on_moves_a_colour_just_far_enough() {
        let orange = Color32::from_rgb(230, 159, 0);
        let fixed = readable_on(orange, Color32::WHITE, AA_TEXT);
        assert!(ratio(fixed, Color32::WHITE) >= AA_TEXT);
        assert_eq!(
            readable_on(Color32::BLACK, Color32::WHITE, AA_TEXT),
            Color32::BLACK
        );
    }
}
