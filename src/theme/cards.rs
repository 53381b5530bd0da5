//! The share cards' design, read from the theme's `theme.yaml` (`cards:`): whether cards are
//! made, their colours, where the cover photo and the site's name go, and which fields they
//! show. The card sizes and file names live here too, because both the card maker (which draws
//! them) and the web renderer (which links them) must agree on them. docs/THEMES.md describes
//! every setting.

use serde::Deserialize;

use super::print::{FamilyChoice, Rgb};

/// One size of card, with the file it is written to beside the story's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CardSize {
    pub width: u32,
    pub height: u32,
}

impl CardSize {
    /// `card-1200x630.png`.
    pub(crate) fn file_name(self) -> String {
        format!("card-{}x{}.png", self.width, self.height)
    }

    /// Wider than tall: the photo goes beside the text, not above it.
    pub(crate) fn is_wide(self) -> bool {
        self.width * 5 > self.height * 6
    }
}

/// The link preview size of Open Graph, Telegram and WhatsApp (1.91:1).
pub(crate) const WIDE: CardSize = CardSize {
    width: 1200,
    height: 630,
};

/// A square post (Instagram, Facebook).
pub(crate) const SQUARE: CardSize = CardSize {
    width: 1080,
    height: 1080,
};

/// Every card made for a story page, the link preview first.
pub(crate) const SIZES: [CardSize; 2] = [WIDE, SQUARE];

/// What a card can show besides its title, which it always shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Field {
    /// The site's title.
    Site,
    /// The theme's sun beside the site's title.
    Mark,
    District,
    /// The story's first result: its figure and label.
    Result,
    /// The story's cover photo.
    Photo,
}

/// Where the cover photo goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub(crate) enum PhotoPlace {
    /// Beside the text on a wide card (on the right), above it on a square one.
    #[default]
    Right,
    /// Beside the text on the left of a wide card, above it on a square one.
    Left,
    /// Under the whole card, with the text on a shaded band.
    Background,
}

/// Where the site's name and mark sit in the text area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Edge {
    #[default]
    Top,
    Bottom,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct CardColors {
    pub background: Rgb,
    pub text: Rgb,
    /// The mark, the result's figure and the band at the card's foot.
    pub accent: Rgb,
    /// The district and the result's label.
    pub muted: Rgb,
    /// The shade over a background photo, under the text.
    pub scrim: Rgb,
}

impl Default for CardColors {
    /// The default theme's header: petrol blue, white, and the gold of its sun.
    fn default() -> Self {
        CardColors {
            background: rgb(0x0a, 0x4a, 0x58),
            text: rgb(0xff, 0xff, 0xff),
            accent: rgb(0xf2, 0xb6, 0x00),
            muted: rgb(0xcf, 0xe6, 0xea),
            scrim: rgb(0x06, 0x2f, 0x38),
        }
    }
}

fn rgb(r: u8, g: u8, b: u8) -> Rgb {
    Rgb(
        f32::from(r) / 255.0,
        f32::from(g) / 255.0,
        f32::from(b) / 255.0,
    )
}

/// The `cards:` section of theme.yaml.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct CardDesign {
    /// `false`: no cards; pages then offer the cover photo to link previews, as before.
    pub enabled: bool,
    pub colors: CardColors,
    /// The family of the title; the other fields are set in the sans.
    pub font: FamilyChoice,
    /// What the card shows besides the title.
    pub show: Vec<Field>,
    pub photo: PhotoPlace,
    pub brand: Edge,
    /// The space around the text, in pixels of the 1200 × 630 card (scaled for the square one).
    pub margin: u32,
}

impl Default for CardDesign {
    fn default() -> Self {
        CardDesign {
            enabled: true,
            colors: CardColors::default(),
            font: FamilyChoice::Sans,
            show: vec![
                Field::Site,
                Field::Mark,
                Field::District,
                Field::Result,
                Field::Photo,
            ],
            photo: PhotoPlace::Right,
            brand: Edge::Top,
            margin: 64,
        }
    }
}

impl CardDesign {
    pub(crate) fn shows(&self, field: Field) -> bool {
        self.show.contains(&field)
    }

    /// What is wrong with the design in plain words, if anything.
    pub(crate) fn check(&self) -> Result<(), String> {
        if !(16..=160).contains(&self.margin) {
            return Err(format!(
                "cards.margin is {} px; use 16 to 160 (64 is the default)",
                self.margin
            ));
        }
        Ok(())
    }

    /// A stable text of every setting, for the card cache's key: a changed design makes new
    /// cards.
    pub(crate) fn fingerprint(&self) -> String {
        format!("{self:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_name_their_files_and_know_their_shape() {
        assert_eq!(WIDE.file_name(), "card-1200x630.png");
        assert_eq!(SQUARE.file_name(), "card-1080x1080.png");
        assert!(WIDE.is_wide() && !SQUARE.is_wide());
    }

    #[test]
    fn a_partial_section_keeps_the_other_defaults_and_unknown_keys_are_refused() {
        let design: CardDesign =
            serde_yaml::from_str("photo: background\ncolors: { text: \"#000000\" }\n")
                .expect("parses");
        assert_eq!(design.photo, PhotoPlace::Background);
        assert_eq!(design.colors.text, Rgb(0.0, 0.0, 0.0));
        assert_eq!(design.colors.accent, CardColors::default().accent);
        assert!(design.shows(Field::Result));
        assert!(serde_yaml::from_str::<CardDesign>("colour: red\n").is_err());
        assert!(serde_yaml::from_str::<CardDesign>("show: [title]\n").is_err());
    }

    #[test]
    fn a_margin_out_of_range_is_explained() {
        let design = CardDesign {
            margin: 2,
            ..CardDesign::default()
        };
        assert!(design.check().unwrap_err().contains("16 to 160"));
        assert!(CardDesign::default().check().is_ok());
    }
}
