//! The map's colours, one home for every picture of the map: the app's tiles and route (the UI
//! theme builds its tokens from these) and the handout's insets and style sheet.
//!
//! Colours are RGBA bytes so this room needs no UI crate. Light is the style for paper and the
//! light theme; dark is for the dark theme.

use super::render::TileStyle;

/// Colours of the basemap and of what is drawn on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapStyle {
    /// Land, water, coasts, borders and rivers.
    pub tiles: TileStyle,
    /// Route legs between stops (and the accent that echoes them, like the quote bar).
    pub route: [u8; 4],
    /// Outline of markers and text halos (contrasts with the map).
    pub halo: [u8; 4],
}

impl MapStyle {
    /// Light mode and print: pale sea, warm land.
    pub const fn light() -> Self {
        Self {
            tiles: TileStyle {
                water: [170, 205, 230, 255],
                land: [243, 239, 228, 255],
                coast: [110, 150, 185, 255],
                border: [150, 120, 140, 255],
                river: [140, 185, 220, 255],
            },
            route: [200, 60, 40, 255],
            halo: [255, 255, 255, 255],
        }
    }

    /// Dark mode: deep sea, slate land.
    pub const fn dark() -> Self {
        Self {
            tiles: TileStyle {
                water: [28, 42, 60, 255],
                land: [58, 62, 70, 255],
                coast: [90, 120, 150, 255],
                border: [150, 140, 160, 255],
                river: [50, 80, 110, 255],
            },
            route: [255, 120, 90, 255],
            halo: [20, 20, 25, 255],
        }
    }
}

/// `rgba` as a CSS colour, `#rrggbb` (opaque) or `#rrggbbaa`.
pub fn css_colour(rgba: [u8; 4]) -> String {
    let [r, g, b, a] = rgba;
    if a == 255 {
        format!("#{r:02x}{g:02x}{b:02x}")
    } else {
        format!("#{r:02x}{g:02x}{b:02x}{a:02x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_colours_are_hex_with_alpha_only_when_translucent() {
        assert_eq!(css_colour(MapStyle::light().route), "#c83c28");
        assert_eq!(css_colour([0, 16, 255, 128]), "#0010ff80");
    }
}
