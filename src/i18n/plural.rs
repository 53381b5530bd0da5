//! CLDR cardinal plural rules: which form of a word goes with a number (Russian "1 человек",
//! "2 человека", "5 человек"). Rules for kk, ru and en; other languages get the English ones.

use super::Lang;

/// A CLDR plural category, in CLDR order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    pub const ALL: [PluralCategory; 6] = [
        PluralCategory::Zero,
        PluralCategory::One,
        PluralCategory::Two,
        PluralCategory::Few,
        PluralCategory::Many,
        PluralCategory::Other,
    ];

    /// The category named as in CLDR and in `i18n/LANG.yaml` (`one`, `few`, ...).
    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|category| category.name() == s)
    }

    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// The categories `lang` distinguishes, in CLDR order.
pub(crate) fn plural_categories(lang: &str) -> &'static [PluralCategory] {
    use PluralCategory::{Few, Many, One, Other};
    match Lang::or_english(lang) {
        Lang::Ru => &[One, Few, Many, Other],
        Lang::Kk | Lang::En => &[One, Other],
    }
}

/// CLDR cardinal rules for kk, ru, en (other languages: en-like one/other); n may be fractional.
/// The sign does not matter; a whole-valued float counts as an integer (1.0 is "one").
pub(crate) fn plural_category(lang: &str, n: f64) -> PluralCategory {
    let n = n.abs();
    match Lang::or_english(lang) {
        // kk: one is n = 1; en: one is i = 1 and v = 0, the same thing for a float.
        Lang::Kk | Lang::En if n == 1.0 => PluralCategory::One,
        Lang::Kk | Lang::En => PluralCategory::Other,
        Lang::Ru => russian(n),
    }
}

fn russian(n: f64) -> PluralCategory {
    // NaN and infinities have no integer digits: like fractions, they are "other".
    if !n.is_finite() || n.fract() != 0.0 {
        return PluralCategory::Other;
    }
    // Exact: `%` on whole-valued floats gives a whole number below 100.
    let last_two = n % 100.0;
    let last = n % 10.0;
    if last == 1.0 && last_two != 11.0 {
        PluralCategory::One
    } else if (2.0..=4.0).contains(&last) && !(12.0..=14.0).contains(&last_two) {
        PluralCategory::Few
    } else {
        PluralCategory::Many
    }
}

#[cfg(test)]
mod tests {
    use super::PluralCategory::{Few, Many, One, Other};
    use super::*;

    #[test]
    fn russian_integers_follow_cldr_checks() {
        let cases = [
            (0.0, Many),
            (1.0, One),
            (2.0, Few),
            (3.0, Few),
            (4.0, Few),
            (5.0, Many),
            (11.0, Many),
            (12.0, Many),
            (13.0, Many),
            (14.0, Many),
            (20.0, Many),
            (21.0, One),
            (22.0, Few),
            (25.0, Many),
            (101.0, One),
            (111.0, Many),
            (112.0, Many),
            (1_000_002.0, Few),
        ];
        for (n, expected) in cases {
            assert_eq!(plural_category("ru", n), expected, "ru {n}");
        }
    }

    #[test]
    fn russian_fractions_are_other() {
        assert_eq!(plural_category("ru", 1.5), Other);
        assert_eq!(plural_category("ru", 0.1), Other);
        assert_eq!(plural_category("ru", f64::NAN), Other);
    }

    #[test]
    fn negative_numbers_take_the_category_of_their_absolute_value() {
        assert_eq!(plural_category("ru", -21.0), One);
        assert_eq!(plural_category("kk", -1.0), One);
    }

    #[test]
    fn kazakh_has_one_for_exactly_one_and_other_otherwise() {
        assert_eq!(plural_category("kk", 1.0), One);
        assert_eq!(plural_category("kk", 5.0), Other);
        assert_eq!(plural_category("kk", 21.0), Other);
        assert_eq!(plural_category("kk", 0.0), Other);
        assert_eq!(plural_category("kk", 1.5), Other);
    }

    #[test]
    fn english_and_unknown_languages_use_one_and_other() {
        assert_eq!(plural_category("en", 1.0), One);
        assert_eq!(plural_category("en", 2.0), Other);
        assert_eq!(plural_category("de", 1.0), One);
        assert_eq!(plural_category("de", 3.0), Other);
        assert_eq!(plural_category("ru-RU", 3.0), Few);
    }

    #[test]
    fn category_names_round_trip() {
        for category in PluralCategory::ALL {
            assert_eq!(PluralCategory::from_name(category.name()), Some(category));
        }
        assert_eq!(PluralCategory::from_name("fwe"), None);
        assert_eq!(PluralCategory::from_name("One"), None);
    }

    #[test]
    fn russian_distinguishes_four_categories_kazakh_two() {
        assert_eq!(plural_categories("ru"), &[One, Few, Many, Other]);
        assert_eq!(plural_categories("kk"), &[One, Other]);
    }
}
