//! What setting needs: the fonts, the settings and the language ([`Typesetter`]), and the
//! design values every block style and the running header read, derived once from the
//! theme's print settings ([`Look`]).

use crate::print::display::Color;
use crate::print::fonts::{Family, FontSet};
use crate::theme::print::{FamilyChoice, PrintSettings};
use crate::theme::print_color::{PrintColor, Use};
use crate::units::Pt;

/// What every stage of setting a booklet needs: the fonts, the theme's print settings and
/// the language of the text (BCP 47: "kk", "ru"; it picks hyphenation patterns and shaping).
#[derive(Clone, Copy)]
pub(crate) struct Typesetter<'a> {
    pub fonts: &'a FontSet,
    pub settings: &'a PrintSettings,
    pub lang: &'a str,
}

/// The design values derived from the settings that every block style uses.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Look {
    pub body: Family,
    pub headings: Family,
    pub size: f32,
    pub small: f32,
    pub h1: f32,
    pub h2: f32,
    pub h3: f32,
    pub figure: f32,
    pub leading: f32,
    /// Body line height.
    pub line: f32,
    pub measure: f32,
    /// Height of the text area.
    pub page_height: f32,
    pub text: Color,
    pub accent: Color,
    pub muted: Color,
    pub rule: Color,
    pub tint: Color,
    pub justify: bool,
    pub hyphenate: bool,
}

impl Look {
    pub(crate) fn new(settings: &PrintSettings) -> Look {
        let c = &settings.colors;
        let page_height = settings.paper.height.0 - settings.margins.top - settings.margins.bottom;
        Look {
            body: family(settings.fonts.body),
            headings: family(settings.fonts.headings),
            size: settings.sizes.body,
            small: settings.sizes.small,
            h1: settings.sizes.h1,
            h2: settings.sizes.h2,
            h3: settings.sizes.h3,
            figure: settings.sizes.figure,
            leading: settings.leading,
            line: settings.line_height().0,
            measure: settings.measure().0,
            page_height: Pt::from(crate::units::Mm(page_height)).0,
            text: color(c.text, Use::Text),
            // Titles and figures are set in the accent too, but it is the colour of bands and
            // bars first: it keeps its hue rather than going onto the black plate.
            accent: color(c.accent, Use::Area),
            muted: color(c.muted, Use::Text),
            rule: color(c.rule, Use::Text),
            tint: color(c.tint, Use::Area),
            justify: settings.justify,
            hyphenate: settings.hyphenate,
        }
    }
}

fn family(choice: FamilyChoice) -> Family {
    match choice {
        FamilyChoice::Serif => Family::Serif,
        FamilyChoice::Sans => Family::Sans,
    }
}

fn color(color: PrintColor, used: Use) -> Color {
    let rgb = color.rgb;
    Color {
        rgb: [rgb.0, rgb.1, rgb.2],
        cmyk: color.cmyk(used).0,
        registration: false,
    }
}
