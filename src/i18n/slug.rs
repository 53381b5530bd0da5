//! ASCII transliteration of Kazakh and Russian (the table in docs/LOCALES.md) and URL slugs
//! built from it: "Қазақстанның" → `qazaqstannyng`.

use super::Lang;

/// Kazakh and Russian share one table except for ё.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    Kazakh,
    Russian,
}

impl Table {
    fn for_lang(lang: &str) -> Table {
        match Lang::known(lang) {
            Some(Lang::Ru) => Table::Russian,
            _ => Table::Kazakh,
        }
    }
}

/// A URL slug: Kazakh and Russian letters transliterated by the Kazakh table (`қ` → `q`,
/// `ң` → `ng`, `ү` → `u`), lowercase, words joined by `-`, nothing but `a-z`, `0-9` and `-`.
pub fn slugify(text: &str) -> String {
    slugify_in(text, "kk")
}

/// Lowercase ASCII letters, digits and single hyphens, no hyphen at either end:
/// "Мемлекеттік органдарға жүгіну" → `memlekettik-organdargha-zhuginu`. Apostrophes vanish
/// inside words ("don't" → `dont`); everything else that is not a letter or digit separates
/// words. The result may be empty (text with no letters or digits); the caller decides then.
pub(crate) fn slugify_in(text: &str, lang: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    fold(text, Table::for_lang(lang), |c| match c {
        Some(c) if c.is_ascii_alphanumeric() => {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c.to_ascii_lowercase());
        }
        Some('\'') => {}
        _ => pending_hyphen = true,
    });
    slug
}

/// Calls `emit` with the ASCII characters of `text`, and with `None` for each character that
/// has no ASCII form.
fn fold(text: &str, table: Table, mut emit: impl FnMut(Option<char>)) {
    for c in text.chars() {
        if c.is_ascii() {
            emit(Some(c));
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        // İ and the Kelvin sign lowercase to plain ASCII letters.
        if lower.is_ascii() {
            emit(Some(if c.is_uppercase() {
                lower.to_ascii_uppercase()
            } else {
                lower
            }));
            continue;
        }
        let Some(ascii) = cyrillic(lower, table)
            .or_else(|| latin(lower))
            .or_else(|| typographic(c))
        else {
            emit(None);
            continue;
        };
        let mut chars = ascii.chars();
        if c.is_uppercase()
            && let Some(first) = chars.next()
        {
            emit(Some(first.to_ascii_uppercase()));
        }
        chars.for_each(|c| emit(Some(c)));
    }
}

/// A lowercase Cyrillic letter in ASCII; `""` for the signs that have no sound of their own.
fn cyrillic(c: char, table: Table) -> Option<&'static str> {
    Some(match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "gh",
        'д' => "d",
        'е' | 'э' => "e",
        'ё' if table == Table::Russian => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ng",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        // Ukrainian letters appear in names.
        'є' => "ye",
        'ї' => "yi",
        'ґ' => "g",
        _ => return None,
    })
}

/// A lowercase Latin letter with a diacritic (including the 2021 Kazakh Latin alphabet),
/// or a combining mark, which vanishes.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ț' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        '\u{0300}'..='\u{036F}' => "",
        _ => return None,
    })
}

/// Typographic punctuation and spaces in ASCII; invisible characters vanish.
fn typographic(c: char) -> Option<&'static str> {
    Some(match c {
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => "-",
        '«' | '»' | '“' | '”' | '„' | '‟' => "\"",
        '‘' | '’' | '‚' | '‛' | 'ʼ' => "'",
        '…' => "...",
        '№' => "No",
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        c if c.is_whitespace() => " ",
        _ => return None,
    })
}

/// Text in ASCII: Cyrillic by the Kazakh table (`"ru"`: the Russian one, ё → e), Latin letters
/// with diacritics folded (é → e, ş → s), typographic dashes, quotes and spaces made ASCII.
/// Capitals stay capitals; characters with no ASCII form are dropped. The folding slugs are
/// made of, shown whole for its tests.
#[cfg(test)]
fn transliterate(text: &str, lang: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold(text, Table::for_lang(lang), |c| out.extend(c));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_genitive_country_name_becomes_one_ascii_word() {
        assert_eq!(slugify("Қазақстанның"), "qazaqstannyng");
    }

    #[test]
    fn every_kazakh_special_letter_follows_the_table() {
        let pairs = [
            ("ә", "a"),
            ("ғ", "gh"),
            ("қ", "q"),
            ("ң", "ng"),
            ("ө", "o"),
            ("ұ", "u"),
            ("ү", "u"),
            ("һ", "h"),
            ("і", "i"),
            ("ы", "y"),
            ("й", "y"),
            ("ж", "zh"),
            ("ш", "sh"),
            ("ч", "ch"),
            ("щ", "shch"),
            ("ц", "ts"),
            ("х", "kh"),
            ("ё", "yo"),
            ("ю", "yu"),
            ("я", "ya"),
            ("ъ", ""),
            ("ь", ""),
        ];
        for (kk, ascii) in pairs {
            assert_eq!(transliterate(kk, "kk"), ascii, "{kk}");
            let upper = kk.to_uppercase();
            assert_eq!(
                transliterate(&upper, "kk").to_ascii_lowercase(),
                ascii,
                "{upper}"
            );
        }
    }

    #[test]
    fn plain_cyrillic_letters_map_to_the_obvious_latin_ones() {
        assert_eq!(
            transliterate("абвгдезиклмнопрстуфэ", "kk"),
            "abvgdeziklmnoprstufe"
        );
    }

    #[test]
    fn phrase_becomes_hyphenated_slug() {
        assert_eq!(
            slugify("Мемлекеттік органдарға жүгіну"),
            "memlekettik-organdargha-zhuginu"
        );
    }

    #[test]
    fn yo_is_e_in_russian_and_yo_in_kazakh() {
        assert_eq!(slugify_in("Ёлка", "ru"), "elka");
        assert_eq!(slugify_in("Ёлка", "kk"), "yolka");
        assert_eq!(slugify("Ёлка"), "yolka");
    }

    #[test]
    fn russian_table_drops_hard_and_soft_signs() {
        assert_eq!(
            slugify_in("Объявление о съезде", "ru"),
            "obyavlenie-o-sezde"
        );
        assert_eq!(
            slugify_in("Щука, цех и хлеб", "ru-RU"),
            "shchuka-tsekh-i-khleb"
        );
    }

    #[test]
    fn transliteration_keeps_capitals_and_ascii() {
        assert_eq!(transliterate("Шымкент 2024!", "kk"), "Shymkent 2024!");
        assert_eq!(transliterate("«Жаңа» — жол", "kk"), "\"Zhanga\" - zhol");
    }

    #[test]
    fn latin_diacritics_are_folded() {
        assert_eq!(
            transliterate("Qazaqstan Respublıkasy: ä ğ ñ ö ū ü ş ı", "kk"),
            "Qazaqstan Respublikasy: a g n o u u s i"
        );
        assert_eq!(slugify("Café Zürich Straße"), "cafe-zurich-strasse");
        assert_eq!(slugify("Ärzte İstanbul"), "arzte-istanbul");
        // é as e + combining acute accent
        assert_eq!(slugify("Cafe\u{301}"), "cafe");
    }

    #[test]
    fn characters_without_ascii_form_are_dropped_by_transliterate_and_separate_in_slugs() {
        assert_eq!(transliterate("a😀b 中", "kk"), "ab ");
        assert_eq!(slugify("a😀b"), "a-b");
    }

    #[test]
    fn slugs_collapse_separators_and_trim_them() {
        assert_eq!(slugify("  --Hello,  World!--  "), "hello-world");
        assert_eq!(slugify("snake_case and   tabs\t"), "snake-case-and-tabs");
        assert_eq!(slugify("Алматы—Астана"), "almaty-astana");
        assert_eq!(slugify("№ 5 мектеп"), "no-5-mektep");
    }

    #[test]
    fn apostrophes_vanish_inside_words() {
        assert_eq!(slugify("don't"), "dont");
        assert_eq!(slugify("Qazaqstan’nyn"), "qazaqstannyn");
    }

    #[test]
    fn text_without_letters_or_digits_gives_an_empty_slug() {
        assert_eq!(slugify(""), "");
        assert_eq!(slugify("!!! — ???"), "");
        assert_eq!(slugify("😀"), "");
    }
}
