//! The words of search as `js/search.js` sees them, written out again in Rust to test the
//! script against: folding, and word forms — the stem of a folded word, so that a query for
//! "балаларға" finds "балалар" and "жителей" finds "жители". Russian follows Snowball's Russian
//! algorithm; Kazakh takes off one case, one possessive and one plural ending.
//!
//! Only the visitor's query is stemmed, in `search.js`: the index keeps whole folded words and
//! matches a query word as the start of a word, and a stem is always the start of its word, so
//! the stem of any form finds every form. The suite runs the script's stemmer beside this one
//! on every word of the example site (search_index.rs): both must cut alike.

/// The folding of `search.js`, written out again independently: lower case, then the Kazakh
/// letters a Russian keyboard lacks replaced by the letters typed instead, and `ё` → `е`.
pub(crate) fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'қ' => 'к',
            'ғ' => 'г',
            'ң' => 'н',
            'ә' => 'а',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' => 'и',
            'ё' => 'е',
            other => other,
        })
        .collect()
}

/// The stem of `word` (folded: lower case, Kazakh letters as a Russian keyboard types them) in
/// the language `lang`; other languages keep the word.
pub(crate) fn stem(word: &str, lang: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    match lang {
        "ru" => russian(&mut chars),
        "kk" => kazakh(&mut chars),
        _ => {}
    }
    chars.into_iter().collect()
}

const VOWELS: &str = "аеиоуыэюя";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

/// The longest of `endings` that ends `word` and starts at or after `limit`, as its length.
fn longest(word: &[char], limit: usize, endings: &[&str]) -> Option<usize> {
    endings
        .iter()
        .map(|e| e.chars().count())
        .zip(endings)
        .filter(|(len, ending)| {
            *len <= word.len()
                && word.len() - len >= limit
                && word[word.len() - len..].iter().copied().eq(ending.chars())
        })
        .map(|(len, _)| len)
        .max()
}

/// Removes the longest matching ending of two groups: those of `after_a` only when `а` or `я`
/// (inside the region) comes before them, those of `any` always. Snowball takes the longest
/// match first and fails if its condition fails.
fn remove(word: &mut Vec<char>, limit: usize, after_a: &[&str], any: &[&str]) -> bool {
    let first = longest(word, limit, after_a);
    let second = longest(word, limit, any);
    let (len, needs_a) = match (first, second) {
        (Some(a), Some(b)) if a > b => (a, true),
        (_, Some(b)) => (b, false),
        (Some(a), None) => (a, true),
        (None, None) => return false,
    };
    let start = word.len() - len;
    if needs_a && !(start > limit && matches!(word[start - 1], 'а' | 'я')) {
        return false;
    }
    word.truncate(start);
    true
}

const PERFECTIVE_GERUND_1: &[&str] = &["в", "вши", "вшись"];
const PERFECTIVE_GERUND_2: &[&str] = &["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"];
const ADJECTIVE: &[&str] = &[
    "ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его",
    "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
];
const PARTICIPLE_1: &[&str] = &["ем", "нн", "вш", "ющ", "щ"];
const PARTICIPLE_2: &[&str] = &["ивш", "ывш", "ующ"];
const REFLEXIVE: &[&str] = &["ся", "сь"];
const VERB_1: &[&str] = &[
    "ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь",
    "нно",
];
const VERB_2: &[&str] = &[
    "ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым",
    "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую",
    "ю",
];
const NOUN: &[&str] = &[
    "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой",
    "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию",
    "ью", "ю", "ия", "ья", "я",
];
const DERIVATIONAL: &[&str] = &["ост", "ость"];

/// Snowball's Russian stemmer (ё already folded to е).
fn russian(word: &mut Vec<char>) {
    // RV: after the first vowel; R2: after the second vowel-then-consonant pair.
    let Some(first_vowel) = word.iter().position(|&c| is_vowel(c)) else {
        return;
    };
    let rv = first_vowel + 1;
    let r1 = region_after(word, 0);
    let r2 = region_after(word, r1);
    // Step 1.
    if !remove(word, rv, PERFECTIVE_GERUND_1, PERFECTIVE_GERUND_2) {
        remove(word, rv, &[], REFLEXIVE);
        if remove(word, rv, &[], ADJECTIVE) {
            remove(word, rv, PARTICIPLE_1, PARTICIPLE_2);
        } else if !remove(word, rv, VERB_1, VERB_2) {
            remove(word, rv, &[], NOUN);
        }
    }
    // Step 2.
    remove(word, rv, &[], &["и"]);
    // Step 3: the ending must lie in R2.
    remove(word, r2.max(rv), &[], DERIVATIONAL);
    // Step 4: a superlative, then a double н, or a soft sign.
    match longest(word, rv, &["ейш", "ейше", "н", "ь"]) {
        Some(1) if word.last() == Some(&'ь') => {
            word.pop();
        }
        Some(1) => undouble_n(word, rv),
        Some(len) => {
            word.truncate(word.len() - len);
            undouble_n(word, rv);
        }
        None => {}
    }
}

fn undouble_n(word: &mut Vec<char>, rv: usize) {
    if word.len() >= rv + 2 && word.ends_with(&['н', 'н']) {
        word.pop();
    }
}

/// The position after the first consonant that follows a vowel, at or after `from`.
fn region_after(word: &[char], from: usize) -> usize {
    (from + 1..word.len())
        .find(|&i| !is_vowel(word[i]) && is_vowel(word[i - 1]))
        .map_or(word.len(), |i| i + 1)
}

/// Kazakh case endings, folded (ғ → г, қ → к, ң → н, і → и): genitive, dative, accusative,
/// locative, ablative, instrumental. The one-vowel forms (dative -а/-е after a possessive) are
/// left out: too many roots end in them.
const KAZAKH_CASE: &[&str] = &[
    "нын",
    "нин",
    "дын",
    "дин",
    "тын",
    "тин",
    "га",
    "ге",
    "ка",
    "ке",
    "на",
    "не",
    "ны",
    "ни",
    "ды",
    "ди",
    "ты",
    "ти",
    "да",
    "де",
    "та",
    "те",
    "нда",
    "нде",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "мен",
    "бен",
    "пен",
    "менен",
    "бенен",
    "пенен",
];
/// Possessive endings, folded: my, your, his/her/its, our, your (polite).
const KAZAKH_POSSESSIVE: &[&str] = &[
    "ым", "им", "м", "ын", "ин", "н", "ы", "и", "сы", "си", "мыз", "миз", "ымыз", "имиз", "ныз",
    "низ", "ыныз", "иниз",
];
const KAZAKH_PLURAL: &[&str] = &["лар", "лер", "дар", "дер", "тар", "тер"];

/// The shortest stem a Kazakh ending may leave: roots have at least two letters.
const KAZAKH_ROOT: usize = 2;

/// Kazakh endings come in the order root + plural + possessive + case; they are taken off
/// from the end, one of each kind at most, each leaving a root of two letters or more. A
/// possessive of one letter (-м, -н, -ы, -и) is taken only before a case ending or after a
/// plural, where it cannot be the last letter of the root itself.
fn kazakh(word: &mut Vec<char>) {
    let had_case = strip(word, KAZAKH_CASE);
    if let Some(len) = longest(word, KAZAKH_ROOT, KAZAKH_POSSESSIVE) {
        let rest = &word[..word.len() - len];
        if len > 1 || had_case || longest(rest, KAZAKH_ROOT, KAZAKH_PLURAL).is_some() {
            word.truncate(word.len() - len);
        }
    }
    strip(word, KAZAKH_PLURAL);
}

/// Takes off the longest of `endings` that leaves a root of at least [`KAZAKH_ROOT`] letters.
fn strip(word: &mut Vec<char>, endings: &[&str]) -> bool {
    match longest(word, KAZAKH_ROOT, endings) {
        Some(len) => {
            word.truncate(word.len() - len);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ru(word: &str) -> String {
        stem(&fold(word), "ru")
    }

    fn kk(word: &str) -> String {
        stem(&fold(word), "kk")
    }

    #[test]
    fn russian_follows_snowball() {
        // Outputs of Snowball's Russian stemmer.
        for (word, expected) in [
            ("жители", "жител"),
            ("жителей", "жител"),
            ("проектов", "проект"),
            ("проекта", "проект"),
            ("детей", "дет"),
            ("сельской", "сельск"),
            ("приняли", "приня"),
            ("красивейший", "красив"),
            ("длинный", "длин"),
            ("организаций", "организац"),
            ("общественность", "обществен"),
            ("вопросы", "вопрос"),
            ("помогая", "помог"),
            ("занимаясь", "заним"),
            ("ёлки", "елк"),
        ] {
            assert_eq!(ru(word), expected, "{word}");
        }
    }

    #[test]
    fn kazakh_forms_meet_at_their_root() {
        for (word, expected) in [
            ("балаларға", "бала"),
            ("балалар", "бала"),
            ("бала", "бала"),
            ("жобаларының", "жоба"),
            ("жобасы", "жоба"),
            ("жобаға", "жоба"),
            ("ауылдарда", "ауыл"),
            ("ауылдан", "ауыл"),
            ("мектептерде", "мектеп"),
            ("мұғалімдермен", "мугалим"),
        ] {
            assert_eq!(kk(word), expected, "{word}");
        }
    }

    #[test]
    fn every_stem_starts_its_word() {
        // What makes stemming only the query enough: the index matches word starts.
        for word in [
            "балаларға",
            "жителей",
            "длинный",
            "ауылдарында",
            "об",
            "и",
            "ң",
            "",
        ] {
            for lang in ["kk", "ru", "en"] {
                let folded = fold(word);
                assert!(folded.starts_with(&stem(&folded, lang)), "{word} {lang}");
            }
        }
    }

    #[test]
    fn short_words_and_other_languages_keep_their_letters() {
        assert_eq!(kk("ана"), "ана");
        assert_eq!(kk("ата"), "ата");
        assert_eq!(ru("в"), "в");
        assert_eq!(stem("children", "en"), "children");
    }
}
