//! Colours of the print settings: a hex value for screens and, for the press, CMYK. Printed
//! editions draw the CMYK values, screen editions the hex values. The CMYK values are, first
//! found first:
//!
//! 1. the theme's own, `{ hex: "#0b6e79", cmyk: [89, 35, 42, 23] }` (percentages), drawn as given;
//! 2. the hex value converted through the output intent's ICC profile (sRGB to FOGRA39 by
//!    default, relative colorimetric), which the print engine fills in as [`PrintColor::press`];
//! 3. when no profile conversion is at hand, the naive formula with full grey-component
//!    replacement (GCR): K = 1 − max(R, G, B), then C = (1 − R − K) / (1 − K) and likewise M
//!    from G, Y from B, on the sRGB values as written. It is a rough approximation (on coated
//!    paper the default teal comes out bluer than on screen), kept as a fallback only.
//!
//! Two rules keep 2 and 3 printable:
//! - text and lines in a near-grey colour (channels within [`NEUTRAL_SPREAD`] of each other) go
//!   on the black plate only, K = 1 − luma, and a near-black (K ≥ [`NEAR_BLACK`]) becomes 100 % K:
//!   small type and hairlines on four plates blur when the plates do not register exactly, and a
//!   rich black adds ink for nothing;
//! - the total ink never exceeds [`MAX_INK`] (300 %), which print shops ask for: C, M and Y are
//!   scaled down when it would.

use serde::Deserialize;
use serde::de::{self, Deserializer};

/// Total ink a print shop accepts, as a sum of the four channels (1.0 = 100 %).
pub(crate) const MAX_INK: f32 = 3.0;
/// Channels this close together (0..1) make a grey for text and lines.
pub(crate) const NEUTRAL_SPREAD: f32 = 0.1;
/// A grey at least this dark (as K) prints as solid black.
pub(crate) const NEAR_BLACK: f32 = 0.8;

/// An RGB colour written as `"#0b6e79"`, each channel 0..1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    pub(crate) fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| {
            u8::from_str_radix(&hex[i..i + 2], 16)
                .ok()
                .map(|v| f32::from(v) / 255.0)
        };
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    fn spread(self) -> f32 {
        let Rgb(r, g, b) = self;
        r.max(g).max(b) - r.min(g).min(b)
    }

    /// Rec. 601 luma of the channels as written: how light the colour looks.
    fn luma(self) -> f32 {
        0.299 * self.0 + 0.587 * self.1 + 0.114 * self.2
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rgb::parse(&text).ok_or_else(|| de::Error::custom(not_a_colour(&text)))
    }
}

fn not_a_colour(text: &str) -> String {
    format!("\"{text}\" is not a colour: write it as \"#rrggbb\", e.g. \"#0b6e79\"")
}

/// Process colour, each channel 0..1 (the theme writes percentages).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cmyk(pub [f32; 4]);

impl Cmyk {
    pub(crate) const BLACK: Cmyk = Cmyk([0.0, 0.0, 0.0, 1.0]);
    #[cfg(test)]
    pub(crate) const WHITE: Cmyk = Cmyk([0.0; 4]);

    /// Total ink, 1.0 = 100 %.
    pub(crate) fn ink(self) -> f32 {
        self.0.iter().sum()
    }

    /// The naive conversion with full GCR, ink capped at [`MAX_INK`].
    pub(crate) fn from_rgb(rgb: Rgb) -> Cmyk {
        let Rgb(r, g, b) = rgb;
        let [r, g, b] = [r, g, b].map(|v| {
            if v.is_finite() {
                v.clamp(0.0, 1.0)
            } else {
                0.0
            }
        });
        let k = 1.0 - r.max(g).max(b);
        if k >= 1.0 - f32::EPSILON {
            return Cmyk::BLACK;
        }
        let part = |v: f32| ((1.0 - v - k) / (1.0 - k)).clamp(0.0, 1.0);
        let [c, m, y, k] = Cmyk([part(r), part(g), part(b), k]).capped().0;
        // Whole percents; C, M and Y rounded down so that rounding never adds ink.
        let down = |v: f32| ((v * 100.0 + 1e-3).floor() / 100.0).clamp(0.0, 1.0);
        Cmyk([down(c), down(m), down(y), round_percent(k)])
    }

    /// On the black plate only: K from how light the colour looks, solid black when near it.
    pub(crate) fn black_plate(rgb: Rgb) -> Cmyk {
        let k = (1.0 - rgb.luma()).clamp(0.0, 1.0);
        if k >= NEAR_BLACK {
            Cmyk::BLACK
        } else {
            Cmyk([0.0, 0.0, 0.0, round_percent(k)])
        }
    }

    /// C, M and Y scaled down so the total stays within [`MAX_INK`].
    pub(crate) fn capped(self) -> Cmyk {
        let [c, m, y, k] = self.0;
        let colour = c + m + y;
        if self.ink() <= MAX_INK || colour <= 0.0 {
            return self;
        }
        // Half a percent under the limit, so that rounding K up cannot cross it.
        let scale = (MAX_INK - 0.005 - k) / colour;
        Cmyk([c * scale, m * scale, y * scale, k])
    }
}

/// Whole percents: what a press operator reads, and stable numbers in the file.
fn round_percent(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// What a colour is used for; text and lines in grey go on the black plate alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    /// Type, rules and hairlines.
    Text,
    /// Filled areas: bands, tints, bars.
    Area,
}

/// A colour of the print settings: `"#rrggbb"`, or `{ hex: "#rrggbb", cmyk: [c, m, y, k] }`
/// with percentages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PrintColor {
    pub rgb: Rgb,
    /// The theme's own process values; `None` derives them from `rgb`.
    pub cmyk: Option<Cmyk>,
    /// `rgb` as the output intent's press prints it (set by the print engine, not written).
    pub press: Option<Cmyk>,
}

impl PrintColor {
    pub(crate) const fn hex(rgb: Rgb) -> PrintColor {
        PrintColor {
            rgb,
            cmyk: None,
            press: None,
        }
    }

    /// The values printed editions draw for this colour used as `used`.
    pub(crate) fn cmyk(&self, used: Use) -> Cmyk {
        if let Some(own) = self.cmyk {
            return own;
        }
        if used == Use::Text && self.rgb.spread() <= NEUTRAL_SPREAD {
            return Cmyk::black_plate(self.rgb);
        }
        match self.press {
            Some(press) => press.capped(),
            None => Cmyk::from_rgb(self.rgb),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Written {
    Hex(String),
    Both { hex: String, cmyk: Vec<f32> },
}

impl<'de> Deserialize<'de> for PrintColor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = Written::deserialize(deserializer).map_err(|_| {
            de::Error::custom(
                "a colour is \"#rrggbb\" or { hex: \"#rrggbb\", cmyk: [c, m, y, k] } (percentages)",
            )
        })?;
        let (hex, cmyk) = match written {
            Written::Hex(hex) => (hex, None),
            Written::Both { hex, cmyk } => (hex, Some(cmyk)),
        };
        let rgb = Rgb::parse(&hex).ok_or_else(|| de::Error::custom(not_a_colour(&hex)))?;
        let cmyk = cmyk
            .map(|values| checked_cmyk(&values))
            .transpose()
            .map_err(de::Error::custom)?;
        Ok(PrintColor {
            rgb,
            cmyk,
            press: None,
        })
    }
}

/// Four percentages from 0 to 100 whose sum a press can print.
fn checked_cmyk(values: &[f32]) -> Result<Cmyk, String> {
    let [c, m, y, k] = values else {
        return Err(format!(
            "cmyk has {} values; write four percentages, e.g. cmyk: [90, 10, 0, 50]",
            values.len()
        ));
    };
    let channels = [*c, *m, *y, *k];
    if channels
        .iter()
        .any(|v| !v.is_finite() || !(0.0..=100.0).contains(v))
    {
        return Err(format!(
            "cmyk {channels:?}: each value is a percentage from 0 to 100"
        ));
    }
    let total: f32 = channels.iter().sum();
    if total > MAX_INK * 100.0 + 0.01 {
        return Err(format!(
            "cmyk {channels:?} adds up to {total:.0} % ink; print shops accept at most {:.0} %",
            MAX_INK * 100.0
        ));
    }
    Ok(Cmyk(channels.map(|v| v / 100.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Cmyk, b: [f32; 4]) -> bool {
        a.0.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.005)
    }

    #[test]
    fn naive_gcr_takes_black_from_the_darkest_channel() {
        // #0b6e79, the default accent: K = 1 − 0.475, C = (0.957 − K) / (1 − K).
        let teal = Cmyk::from_rgb(Rgb::parse("#0b6e79").expect("hex"));
        assert!(close(teal, [0.90, 0.09, 0.0, 0.53]), "{teal:?}");
        assert_eq!(
            Cmyk::from_rgb(Rgb(1.0, 0.0, 0.0)),
            Cmyk([0.0, 1.0, 1.0, 0.0])
        );
        assert_eq!(Cmyk::from_rgb(Rgb(1.0, 1.0, 1.0)), Cmyk::WHITE);
        assert_eq!(Cmyk::from_rgb(Rgb(0.0, 0.0, 0.0)), Cmyk::BLACK);
        // Back to RGB the naive way, the value round-trips.
        let [c, _, _, k] = teal.0;
        assert!(((1.0 - c) * (1.0 - k) - 0.043).abs() < 0.01);
    }

    #[test]
    fn ink_never_exceeds_300_percent() {
        // #010000 would be C0 M100 Y100 K99.6 = 299.6 %; #200000 is 287 %: every byte value.
        for v in 0..=255u8 {
            for rgb in [
                Rgb(f32::from(v) / 255.0, 0.0, 0.0),
                Rgb(f32::from(v) / 255.0, 0.02, 0.0),
                Rgb(0.0, f32::from(v) / 255.0, 0.01),
            ] {
                let ink = Cmyk::from_rgb(rgb).ink();
                assert!(ink <= MAX_INK + 1e-4, "{rgb:?}: {ink}");
            }
        }
    }

    #[test]
    fn near_black_text_is_solid_black_and_greys_use_one_plate() {
        let text = PrintColor::hex(Rgb::parse("#1c2126").expect("hex"));
        assert_eq!(text.cmyk(Use::Text), Cmyk::BLACK);
        let muted = PrintColor::hex(Rgb::parse("#5c6670").expect("hex"));
        let grey = muted.cmyk(Use::Text);
        assert_eq!(&grey.0[..3], &[0.0, 0.0, 0.0]);
        assert!((grey.0[3] - 0.61).abs() < 0.011, "{grey:?}");
        // As an area the same grey keeps its tinge.
        assert!(muted.cmyk(Use::Area).0[0] > 0.0);
        // A saturated colour is never forced onto the black plate.
        let red = PrintColor::hex(Rgb(0.8, 0.1, 0.1));
        assert!(red.cmyk(Use::Text).0[1] > 0.8);
    }

    #[test]
    fn the_press_conversion_is_used_and_capped() {
        let mut accent = PrintColor::hex(Rgb(0.2, 0.1, 0.1));
        accent.press = Some(Cmyk([0.8, 0.8, 0.8, 0.9]));
        let drawn = accent.cmyk(Use::Area);
        assert!(
            drawn.ink() <= MAX_INK + 1e-4 && drawn.0[3] == 0.9,
            "{drawn:?}"
        );
    }

    #[test]
    fn the_themes_own_cmyk_wins_and_is_checked() {
        let parse = |yaml: &str| serde_yaml::from_str::<PrintColor>(yaml);
        let own = parse("{ hex: '#0b6e79', cmyk: [90, 10, 0, 50] }").expect("valid");
        assert_eq!(own.cmyk(Use::Text), Cmyk([0.9, 0.1, 0.0, 0.5]));
        assert_eq!(parse("'#0b6e79'").expect("valid").cmyk, None);
        let too_much = parse("{ hex: '#000000', cmyk: [100, 100, 100, 100] }").expect_err("ink");
        assert!(too_much.to_string().contains("400 %"), "{too_much}");
        assert!(parse("{ hex: '#000000', cmyk: [10, 10] }").is_err());
        assert!(parse("{ hex: '#000000', cmyk: [0, 0, 0, 120] }").is_err());
        assert!(parse("red").is_err());
    }
}
