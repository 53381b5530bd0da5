//! A typesetter with the default settings, for the flow and booklet tests.

use super::look::Typesetter;
use crate::print::fonts::FontSet;
use crate::theme::print::PrintSettings;

/// Runs `f` with the embedded fonts, default settings (changed by `adjust`) and `lang`.
pub(crate) fn with_typesetter<R>(
    lang: &str,
    adjust: impl FnOnce(&mut PrintSettings),
    f: impl FnOnce(&Typesetter) -> R,
) -> R {
    let fonts = FontSet::embedded();
    let mut settings = PrintSettings::default();
    adjust(&mut settings);
    let ts = Typesetter {
        fonts: &fonts,
        settings: &settings,
        lang,
    };
    f(&ts)
}
