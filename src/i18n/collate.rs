//! Alphabetical order for labels in Kazakh and Russian. Unicode code points put the Kazakh
//! letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і) and ё after я; the Kazakh alphabet, which contains the
//! Russian one in the same order, puts them where readers expect them.

/// The Kazakh alphabet (Cyrillic), in order. Russian words sort correctly by it as well.
const CYRILLIC: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";

/// A key that sorts labels alphabetically, ignoring case: Latin letters and digits first (by
/// code point), then Cyrillic in the Kazakh alphabet's order, then anything else.
pub(crate) fn collation_key(text: &str) -> Vec<(u8, u32)> {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match CYRILLIC.chars().position(|letter| letter == c) {
            Some(index) => (1, index as u32),
            None if c.is_ascii() => (0, c as u32),
            None => (2, c as u32),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        words.sort_by_key(|w| collation_key(w));
        words
    }

    #[test]
    fn kazakh_letters_sort_after_their_base_letters() {
        assert_eq!(
            sorted(&["Ұйғыр", "Балқаш", "Әлеуметтік", "Ауыл", "Үміт", "Іле"]),
            ["Ауыл", "Әлеуметтік", "Балқаш", "Ұйғыр", "Үміт", "Іле"]
        );
    }

    #[test]
    fn russian_yo_sorts_after_ye_and_case_is_ignored() {
        assert_eq!(
            sorted(&["ёлка", "Жук", "Ель", "яма"]),
            ["Ель", "ёлка", "Жук", "яма"]
        );
    }
}
