//! The language layer: CLDR plural rules, dates and numbers as written in Kazakh, Russian and
//! English, ASCII slugs for URLs, and the UI string tables of a theme. Facts come from
//! docs/LOCALES.md; languages without rules of their own get the English ones.

mod collate;
mod dates;
mod numbers;
mod plural;
mod slug;
mod strings;

pub(crate) use collate::collation_key;
pub(crate) use dates::{Date, DateStyle, format_date, rfc3339};
pub(crate) use numbers::{format_decimal, format_integer, format_money, format_quantity};
pub use slug::slugify;
pub(crate) use strings::StringTable;

/// The languages this layer has rules for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    /// The language of a tag such as `ru`, `ru-RU` or `KK_kz`, if it is one this layer knows.
    fn known(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        [("kk", Lang::Kk), ("ru", Lang::Ru), ("en", Lang::En)]
            .into_iter()
            .find(|(code, _)| primary.eq_ignore_ascii_case(code))
            .map(|(_, lang)| lang)
    }

    /// English is the fallback for languages without rules of their own.
    fn or_english(tag: &str) -> Lang {
        Lang::known(tag).unwrap_or(Lang::En)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_matched_by_primary_subtag_ignoring_case() {
        assert_eq!(Lang::known("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::known("KK_kz"), Some(Lang::Kk));
        assert_eq!(Lang::known("en"), Some(Lang::En));
        assert_eq!(Lang::known("kz"), None);
        assert_eq!(Lang::or_english("de"), Lang::En);
    }
}
