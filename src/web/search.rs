//! Search without a server: one index per language, `/{lang}/search-index.json`, read by the
//! theme's `js/search.js`.
//!
//! Matching works on *folded* words: lower case, and the Kazakh letters a Russian keyboard lacks
//! replaced by the Russian letters people type instead (`қ` → `к`, `ә` → `а`, ...), plus `ё` → `е`.
//! [`fold`] here and `fold` in `search.js` must agree letter for letter, or a visitor's query
//! would never meet the index; a test reads the table out of `search.js` and compares.
//!
//! Size: titles and summaries are stored as written (they are shown in the results and searched
//! in full). The Markdown bodies are not stored as text but as an inverted index: one sorted list
//! of the folded body words of the language (`words`), and for each word the stories that use
//! it (`hits`, story numbers as gaps from the previous one, so common words cost a digit or two
//! per story). A story's body word that a title/summary word or another of its body words starts
//! with is left out: the script matches every query word as the start of a word, so the longer
//! word finds that story anyway. On the 1,000-story benchmark site this stores a tenth of what
//! a word list per story did.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::content::schema::StoryMeta;
use crate::content::{Page, Site};
use crate::diagnostics::Diagnostic;
use crate::output::Sink;
use crate::taxonomy::Taxonomy;

use super::reuse::PerStory;

/// Letters folded after lower-casing, so a query typed without Kazakh letters still matches.
/// The same table is in `themes/default/static/js/search.js` (checked by a test).
pub(crate) const FOLDS: [(char, char); 10] = [
    ('қ', 'к'),
    ('ғ', 'г'),
    ('ң', 'н'),
    ('ә', 'а'),
    ('ө', 'о'),
    ('ұ', 'у'),
    ('ү', 'у'),
    ('һ', 'х'),
    ('і', 'и'),
    ('ё', 'е'),
];

/// Words shorter than this (in characters) are left out of the body word set: every query word
/// of that length also matches longer words, and one-letter words are mostly conjunctions.
const MIN_WORD: usize = 2;

/// The file name of a language's index, inside that language's folder.
pub(crate) const INDEX_FILE: &str = "search-index.json";

/// Lower-case `text` and fold Kazakh letters (and `ё`) to the letters of a Russian keyboard.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            FOLDS
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| *to)
        })
        .collect()
}

/// The folded words of `text`: runs of letters and digits (what `search.js` splits on too).
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
}

/// The index of one language, as written to JSON. Short field names keep the file small;
/// their meaning is documented in docs/THEMES.md.
#[derive(Serialize)]
struct Index<'a> {
    lang: &'a str,
    /// Term labels in this language, so documents carry only keys.
    terms: Terms<'a>,
    docs: Vec<Doc<'a>>,
    /// The folded body words of all stories, sorted and unique.
    words: Vec<&'a str>,
    /// For each word, the stories (positions in `docs`) whose body has it, in order, each after
    /// the first written as the gap from the one before: stories 3, 7, 8 are `[3, 4, 1]`.
    hits: Vec<Vec<usize>>,
}

#[derive(Serialize)]
struct Terms<'a> {
    district: BTreeMap<&'a str, &'a str>,
    topics: BTreeMap<&'a str, &'a str>,
    /// The site's own taxonomies, under their keys.
    #[serde(flatten)]
    custom: BTreeMap<&'a str, BTreeMap<&'a str, &'a str>>,
}

/// One story in the index.
#[derive(Serialize, Debug)]
struct Doc<'a> {
    /// Title, as written.
    t: &'a str,
    /// Summary, as written.
    s: &'a str,
    /// Address relative to the language folder (`projects/x/`).
    u: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    d: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    k: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    y: Option<i32>,
    /// Term keys of the site's own taxonomies, by taxonomy (what filter.js filters by).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    c: BTreeMap<&'a str, Vec<&'a str>>,
}

/// The body words of each story page, kept between builds by the dev server so an edit
/// re-reads only the stories it changed. Keyed by language and story name, not by file: a
/// translation inherits facts (district, topics) from the other language's file. Words are
/// numbered once, so building the index is counting, not comparing strings.
#[derive(Default)]
pub(crate) struct WordCache {
    /// Every word met so far; a word's number is its place here.
    vocabulary: Vec<String>,
    numbers: HashMap<String, u32>,
    /// The numbers of each story's body words.
    stories: PerStory<Vec<u32>>,
}

impl WordCache {
    /// Read the story `name` again, in every language, on the next write.
    pub(crate) fn forget(&mut self, name: &str) {
        self.stories.forget(name);
    }

    pub(crate) fn clear(&mut self) {
        *self = WordCache::default();
    }

    fn number(&mut self, word: String) -> u32 {
        if let Some(&n) = self.numbers.get(&word) {
            return n;
        }
        let n = self.vocabulary.len() as u32;
        self.vocabulary.push(word.clone());
        self.numbers.insert(word, n);
        n
    }

    /// Read the words of the stories of `lang` that the cache lacks.
    fn fill(&mut self, site: &Site, lang: &str, stories: &[(&str, &Page)]) {
        let known = self.stories.get(lang);
        let missing: Vec<(String, Vec<String>)> = stories
            .par_iter()
            .filter(|(name, _)| known.is_none_or(|k| !k.contains_key(*name)))
            .map(|(name, page)| (name.to_string(), story_words(&site.config, page, lang)))
            .collect();
        for (name, words) in missing {
            let numbers = words.into_iter().map(|w| self.number(w)).collect();
            self.stories.language(lang).insert(name, numbers);
        }
    }
}

/// Write `/{lang}/search-index.json` for every language of the site, with the body words in
/// `cache` and adding those it lacks.
pub(crate) fn write(
    site: &Site,
    staging: &dyn Sink,
    cache: &mut WordCache,
) -> Result<(), Diagnostic> {
    for lang in site.config.language_codes() {
        let json = index_json(site, lang, cache);
        staging.write(&format!("{lang}/{INDEX_FILE}"), json.as_bytes())?;
    }
    Ok(())
}

/// The index of `lang` as JSON text.
pub(crate) fn index_json(site: &Site, lang: &str, cache: &mut WordCache) -> String {
    let stories: Vec<(&str, &Page)> = site
        .stories_in(lang)
        .map(|(entry, page)| (entry.name.as_str(), page))
        .collect();
    cache.fill(site, lang, &stories);
    let cache = &*cache;
    let known = cache.stories.get(lang);
    let bodies = stories.iter().map(|(name, _)| {
        known
            .and_then(|k| k.get(*name))
            .map_or(&[][..], Vec::as_slice)
    });
    let (words, hits) = inverted(&cache.vocabulary, bodies);
    let index = Index {
        lang,
        terms: terms(&site.config, lang),
        docs: stories
            .iter()
            .map(|(_, page)| doc(&site.config, page, lang))
            .collect(),
        words,
        hits,
    };
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string(&index).unwrap_or_default()
}

fn terms<'a>(config: &'a Config, lang: &str) -> Terms<'a> {
    let labels = |taxonomy: &Taxonomy| {
        config
            .term_keys(taxonomy)
            .into_iter()
            .map(|key| (key, config.term_label(taxonomy, key, lang)))
            .collect()
    };
    let custom = config
        .raw
        .taxonomies
        .keys()
        .map(|key| (key.as_str(), Taxonomy::from_key(key)))
        .filter(|(_, t)| matches!(t, Taxonomy::Custom(_)))
        .map(|(key, taxonomy)| (key, labels(&taxonomy)))
        .collect();
    Terms {
        district: labels(&Taxonomy::District),
        topics: labels(&Taxonomy::Topics),
        custom,
    }
}

/// A story's entry in the index.
fn doc<'a>(config: &'a Config, page: &'a Page, lang: &str) -> Doc<'a> {
    let meta = page.story();
    let prefix = format!("{lang}/");
    Doc {
        t: &page.title,
        s: page.summary(),
        u: page
            .path
            .strip_prefix(&prefix)
            .map(str::to_string)
            .unwrap_or_else(|| config.base.link(&page.path)),
        d: meta.and_then(|m| m.district.as_deref()),
        k: topics(page),
        y: page.date().map(|d| d.year),
        c: meta.map(custom_terms).unwrap_or_default(),
    }
}

fn custom_terms(meta: &StoryMeta) -> BTreeMap<&str, Vec<&str>> {
    meta.custom_terms
        .iter()
        .map(|(key, terms)| (key.as_str(), terms.iter().map(String::as_str).collect()))
        .collect()
}

fn topics(page: &Page) -> Vec<&str> {
    page.story()
        .and_then(|m| m.topics.as_ref())
        .map(|t| t.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

/// The words of a story worth storing besides its title and summary: its text, quotes,
/// result labels, partners, and the names of its district and topics (so "балкаш" finds
/// the stories of Balkhash district).
fn story_words(config: &Config, page: &Page, lang: &str) -> Vec<String> {
    let mut body = plain_text(&page.body);
    if let Some(meta) = page.story() {
        for quote in meta.quotes.iter().flatten() {
            push_line(&mut body, &quote.text);
        }
        for result in meta.results.iter().flatten() {
            push_line(&mut body, &result.label);
        }
        for partner in meta.partners.iter().flatten() {
            push_line(&mut body, &partner.name);
        }
        for taxonomy in config.taxonomies() {
            for key in meta.terms(&taxonomy) {
                push_line(&mut body, config.term_label(&taxonomy, key, lang));
            }
        }
    }
    let shown = format!("{} {}", page.title, page.summary());
    body_words(&shown, &body)
}

/// The word list and, per word, the gap-coded stories using it, from each story's body words
/// (numbers into `vocabulary`). Words no story uses any more are left out.
fn inverted<'w, 'v>(
    vocabulary: &'v [String],
    bodies: impl Iterator<Item = &'w [u32]>,
) -> (Vec<&'v str>, Vec<Vec<usize>>) {
    let mut stories: Vec<Vec<usize>> = vec![Vec::new(); vocabulary.len()];
    for (story, words) in bodies.enumerate() {
        for &word in words {
            stories[word as usize].push(story);
        }
    }
    let mut used: Vec<usize> = (0..vocabulary.len())
        .filter(|&w| !stories[w].is_empty())
        .collect();
    used.sort_unstable_by(|&a, &b| vocabulary[a].cmp(&vocabulary[b]));
    used.into_iter()
        .map(|word| {
            let gaps = stories[word]
                .iter()
                .scan(0, |previous, &n| {
                    let gap = n - *previous;
                    *previous = n;
                    Some(gap)
                })
                .collect();
            (vocabulary[word].as_str(), gaps)
        })
        .unzip()
}

fn push_line(text: &mut String, line: &str) {
    text.push('\n');
    text.push_str(line);
}

/// The words of `body` worth storing: folded, at least `MIN_WORD` long, sorted, and without
/// any word that a word of `shown` (title and summary, stored in full) or another body word
/// starts with — prefix matching finds those through the longer word.
pub(crate) fn body_words(shown: &str, body: &str) -> Vec<String> {
    let shown: BTreeSet<String> = words(shown).collect();
    let body: BTreeSet<String> = words(body)
        .filter(|w| w.chars().count() >= MIN_WORD)
        .collect();
    let starts_a_word_of = |set: &BTreeSet<String>, word: &String| {
        set.range(word.clone()..)
            .next()
            .is_some_and(|next| next.starts_with(word.as_str()))
    };
    let mut kept: Vec<String> = Vec::new();
    let mut iter = body.iter().peekable();
    while let Some(word) = iter.next() {
        // In sorted order, the words a word starts come right after it.
        let prefix_of_next = iter
            .peek()
            .is_some_and(|next| next.starts_with(word.as_str()));
        if !prefix_of_next && !starts_a_word_of(&shown, word) {
            kept.push(word.clone());
        }
    }
    kept
}

/// The text of a Markdown body without markup: text, code and image descriptions; no link
/// targets, no raw HTML. Block ends become line breaks so words never run together.
pub(crate) fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, crate::markdown::options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
            | Event::End(TagEnd::TableCell | TagEnd::CodeBlock | TagEnd::Image)
            | Event::Start(Tag::Image { .. }) => text.push('\n'),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_letters_fold_to_what_a_russian_keyboard_types() {
        assert_eq!(fold("Қазақ"), "казак");
        assert_eq!(fold("Балқаш"), "балкаш");
        assert_eq!(fold("ӘӨҰҮҒҢҺІЁ"), "аоуугнхие");
        assert_eq!(fold("әөұүғңһіё"), "аоуугнхие");
        assert_eq!(fold("Мүгедектігі бар адамдар"), "мугедектиги бар адамдар");
    }

    #[test]
    fn folding_leaves_russian_latin_and_digits_alone_except_case() {
        assert_eq!(fold("Гражданское Участие 2023"), "гражданское участие 2023");
        assert_eq!(fold("NGO-Site"), "ngo-site");
        assert_eq!(fold("йъь"), "йъь");
    }

    #[test]
    fn folding_is_idempotent_and_keeps_the_character_count() {
        let text = "Қазақстанның Ұйғыр ауданындағы «Жасыл әлем» жобасы";
        assert_eq!(fold(&fold(text)), fold(text));
        assert_eq!(fold(text).chars().count(), text.chars().count());
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        let got: Vec<String> = words("Ақпараттық-түсіндіру, «науқан» 2023ж.!").collect();
        assert_eq!(got, ["акпараттык", "тусиндиру", "наукан", "2023ж"]);
    }

    #[test]
    fn body_words_are_sorted_unique_and_drop_covered_prefixes() {
        let got = body_words(
            "Балалар спорты",
            "Бала балалар балаларға спорт үйірмесі. Үйірме жұмыс істейді; а",
        );
        // "бала", "балалар" start "балаларга"; "спорт" starts the title's "спорты";
        // "уйирме" starts "уйирмеси"; "а" is too short.
        assert_eq!(got, ["балаларга", "жумыс", "истейди", "уйирмеси"]);
    }

    #[test]
    fn the_inverted_index_lists_each_word_once_with_gap_coded_stories() {
        let vocabulary = ["мектеп", "ауыл", "жол"].map(String::from);
        // Story 2 has no body words; no story has "жол" (a word an edit removed).
        let bodies: [&[u32]; 4] = [&[1, 0], &[0], &[], &[0, 1]];
        let (words, hits) = inverted(&vocabulary, bodies.into_iter());
        assert_eq!(words, ["ауыл", "мектеп"]);
        assert_eq!(hits, [vec![0, 3], vec![0, 1, 2]]);
    }

    #[test]
    fn plain_text_keeps_words_not_markup_or_link_targets() {
        let text = plain_text(
            "## Не істелді\n\n- **Буклеттер** әзірленді\n- [сайт](https://example.org/x)\n\n![Кездесу](a.jpg)\n\n<b>html</b>\n\n`код`",
        );
        for word in [
            "Не істелді",
            "Буклеттер",
            "әзірленді",
            "сайт",
            "Кездесу",
            "код",
        ] {
            assert!(text.contains(word), "{word} in {text:?}");
        }
        for absent in ["https", "example", "a.jpg", "**", "<b>", "##"] {
            assert!(!text.contains(absent), "{absent} in {text:?}");
        }
        // Headings and list items never run into each other.
        assert!(words(&text).any(|w| w == "истелди"));
        assert!(words(&text).any(|w| w == "буклеттер"));
    }

    /// The folding table of the script must be this one, pair for pair.
    #[test]
    fn search_js_folds_exactly_like_rust() {
        let js = include_str!("../../themes/default/static/js/search.js");
        let start = js
            .find("var FOLD = {")
            .expect("search.js declares `var FOLD = {`");
        let table = &js[start..];
        let table = &table[..table.find('}').expect("the FOLD table is closed")];
        let mut pairs: Vec<(char, char)> = table
            .split(',')
            .filter_map(|pair| {
                let letters: Vec<char> = pair
                    .split('"')
                    .skip(1)
                    .step_by(2)
                    .filter_map(|s| s.chars().next())
                    .collect();
                (letters.len() == 2).then(|| (letters[0], letters[1]))
            })
            .collect();
        let mut expected = FOLDS.to_vec();
        pairs.sort();
        expected.sort();
        assert_eq!(pairs, expected, "search.js FOLD table differs from FOLDS");
        let class = js
            .find("var FOLDABLE = /[")
            .map(|i| &js[i + "var FOLDABLE = /[".len()..])
            .and_then(|rest| rest.split(']').next())
            .expect("search.js declares `var FOLDABLE = /[...]/g`");
        let mut letters: Vec<char> = class.chars().collect();
        letters.sort();
        let mut from: Vec<char> = FOLDS.iter().map(|(f, _)| *f).collect();
        from.sort();
        assert_eq!(letters, from, "FOLDABLE must list every folded letter");
    }
}
