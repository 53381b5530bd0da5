//! Print settings: paper, margins, fonts, sizes, leading and colours, read from the theme's
//! `theme.yaml` (`print:`), with defaults that make a designed NGO leaflet.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::config::OutputCondition;
use crate::diagnostics::Diagnostic;

use super::print_color::PrintColor;
pub(crate) use super::print_color::Rgb;

use crate::units::{Mm, Paper, Pt};

/// Margins in millimetres. `inner` is the side of the fold (left on right-hand pages).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub inner: f32,
    pub outer: f32,
}

impl Default for Margins {
    fn default() -> Self {
        Margins {
            top: 15.0,
            bottom: 17.0,
            inner: 16.0,
            outer: 13.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub(crate) enum FamilyChoice {
    #[default]
    Serif,
    Sans,
}

/// Font files of a theme's own family, relative to the theme folder.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct FaceFiles {
    pub regular: Option<PathBuf>,
    pub bold: Option<PathBuf>,
    pub italic: Option<PathBuf>,
    pub bold_italic: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Fonts {
    /// The family of running text.
    pub body: FamilyChoice,
    /// The family of headings, figures and captions.
    pub headings: FamilyChoice,
    /// Replacement files for the built-in Noto Serif / Noto Sans faces.
    pub serif: Option<FaceFiles>,
    pub sans: Option<FaceFiles>,
}

impl Default for Fonts {
    fn default() -> Self {
        Fonts {
            body: FamilyChoice::Serif,
            headings: FamilyChoice::Sans,
            serif: None,
            sans: None,
        }
    }
}

/// Type sizes in points.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Sizes {
    pub body: f32,
    pub small: f32,
    pub h1: f32,
    pub h2: f32,
    pub h3: f32,
    /// The big numbers of `results`.
    pub figure: f32,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            body: 10.0,
            small: 7.5,
            h1: 19.0,
            h2: 13.0,
            h3: 11.0,
            figure: 22.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct Colors {
    pub text: PrintColor,
    pub accent: PrintColor,
    pub muted: PrintColor,
    pub rule: PrintColor,
    /// Background of result cards and testimonials.
    pub tint: PrintColor,
}

impl Colors {
    /// Every colour, to fill in what the press makes of each.
    pub(crate) fn all_mut(&mut self) -> [&mut PrintColor; 5] {
        [
            &mut self.text,
            &mut self.accent,
            &mut self.muted,
            &mut self.rule,
            &mut self.tint,
        ]
    }
}

impl Default for Colors {
    fn default() -> Self {
        Colors {
            text: PrintColor::hex(Rgb(0.11, 0.13, 0.15)),
            accent: PrintColor::hex(Rgb(0.043, 0.431, 0.475)),
            muted: PrintColor::hex(Rgb(0.36, 0.40, 0.44)),
            rule: PrintColor::hex(Rgb(0.79, 0.83, 0.84)),
            tint: PrintColor::hex(Rgb(0.93, 0.96, 0.96)),
        }
    }
}

/// Everything the print engine takes from the theme.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PrintSettings {
    pub paper: Paper,
    pub margins: Margins,
    pub fonts: Fonts,
    pub sizes: Sizes,
    /// Line height as a multiple of the body size.
    pub leading: f32,
    pub colors: Colors,
    /// Justified text (optimal fit) or ragged right.
    pub justify: bool,
    pub hyphenate: bool,
    /// Running header with the title.
    pub header: bool,
    /// Running footer with the page number.
    pub footer: bool,
    /// The printing condition of the print-shop editions; absent: FOGRA39 (site.yaml's
    /// `print: output_intent:` wins over the theme's).
    pub output_intent: Option<OutputCondition>,
}

impl Default for PrintSettings {
    fn default() -> Self {
        PrintSettings {
            paper: Paper::A5,
            margins: Margins::default(),
            fonts: Fonts::default(),
            sizes: Sizes::default(),
            leading: 1.38,
            colors: Colors::default(),
            justify: true,
            hyphenate: true,
            header: true,
            footer: true,
            output_intent: None,
        }
    }
}

impl PrintSettings {
    /// Read the `print:` section of a theme (already parsed as YAML), checking the values.
    pub(crate) fn from_yaml(
        value: &serde_yaml::Value,
        file: &Path,
    ) -> Result<PrintSettings, Diagnostic> {
        let text = serde_yaml::to_string(value).unwrap_or_default();
        let settings: PrintSettings = crate::yaml::parse(&text, file, 1).map_err(|d| {
            // Positions refer to the re-serialised section, not the file: keep the file, drop the place.
            Diagnostic {
                line: None,
                column: None,
                message: format!("print: {}", d.message),
                ..d
            }
        })?;
        settings
            .check()
            .map_err(|message| Diagnostic::error(format!("print: {message}")).in_file(file))?;
        Ok(settings)
    }

    fn check(&self) -> Result<(), String> {
        let s = &self.sizes;
        for (name, size) in [
            ("body", s.body),
            ("small", s.small),
            ("h1", s.h1),
            ("h2", s.h2),
            ("h3", s.h3),
            ("figure", s.figure),
        ] {
            if !(4.0..=72.0).contains(&size) {
                return Err(format!(
                    "sizes.{name} is {size} pt; type sizes go from 4 to 72 pt"
                ));
            }
        }
        if !(1.0..=2.5).contains(&self.leading) {
            return Err(format!(
                "leading is {}; use a value between 1.0 and 2.5 (1.35 is usual)",
                self.leading
            ));
        }
        let m = &self.margins;
        let width = self.paper.width.0 - m.inner - m.outer;
        let height = self.paper.height.0 - m.top - m.bottom;
        if [m.top, m.bottom, m.inner, m.outer].iter().any(|v| *v < 0.0)
            || width < 40.0
            || height < 50.0
        {
            return Err(format!(
                "the margins leave a text area of {width:.0} × {height:.0} mm on {} paper; it must be at least 40 × 50 mm",
                self.paper.name
            ));
        }
        Ok(())
    }

    /// The text area width in points.
    pub(crate) fn measure(&self) -> Pt {
        Pt::from(Mm(self.paper.width.0
            - self.margins.inner
            - self.margins.outer))
    }

    pub(crate) fn line_height(&self) -> Pt {
        Pt(self.sizes.body * self.leading)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(yaml: &str) -> Result<PrintSettings, Diagnostic> {
        let value: serde_yaml::Value = serde_yaml::from_str(yaml).expect("yaml");
        PrintSettings::from_yaml(&value, Path::new("theme.yaml"))
    }

    #[test]
    fn defaults_are_an_a5_leaflet() {
        let s = parse("{}").expect("valid");
        assert_eq!(s.paper, Paper::A5);
        assert!(s.justify && s.hyphenate);
    }

    #[test]
    fn paper_by_name_or_size() {
        assert_eq!(parse("paper: a4").expect("valid").paper, Paper::A4);
        let custom = parse("paper: { width_mm: 120, height_mm: 170 }")
            .expect("valid")
            .paper;
        assert_eq!((custom.width, custom.height), (Mm(120.0), Mm(170.0)));
        assert!(parse("paper: B7").is_err());
    }

    #[test]
    fn colours_and_impossible_values_are_checked() {
        assert_eq!(
            parse("colors: { accent: '#ff0000' }")
                .expect("valid")
                .colors
                .accent
                .rgb,
            Rgb(1.0, 0.0, 0.0)
        );
        assert!(parse("colors: { accent: red }").is_err());
        let e = parse("margins: { inner: 70, outer: 70 }").expect_err("invalid");
        assert!(e.message.contains("text area"), "{}", e.message);
        assert!(parse("sizes: { body: 200 }").is_err());
    }
}
