//! Search without a server: each language's index under `/{lang}/search/` (a manifest and
//! shards, see [`shards`]), read by the theme's `js/search.js`.
//!
//! Matching works on *folded* words: lower case, and the Kazakh letters a Russian keyboard lacks
//! replaced by the Russian letters people type instead (`қ` → `к`, `ә` → `а`, ...), plus `ё` → `е`.
//! [`fold`] here and `fold` in `search.js` must agree letter for letter, or a visitor's query
//! would never meet the index; a test reads the table out of `search.js` and compares. The
//! script also cuts each query word to its stem (word forms); the index keeps words whole.
//!
//! Size: the index is inverted — every folded word of the titles, summaries and bodies, with
//! the stories that use it. A story's body word that a title/summary word or another of its
//! body words starts with is left out: the script matches every query word as the start of a
//! word, so the longer word finds that story anyway.

pub(crate) mod saved;
mod shards;

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use shards::{IN_SUMMARY, IN_TITLE, PER_SHARD, Posting};

use pulldown_cmark::Parser;
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

/// The index's manifest, inside that language's folder: what the search page names.
pub(crate) const MANIFEST: &str = "search/manifest.json";

/// The plain text of a story, beside its page: the search page reads it for the results it
/// shows whose title and summary lack a query word, to show where the text uses it.
pub(crate) const TEXT_FILE: &str = "search-text.txt";

/// Lower-case `text` and fold Kazakh letters (and `ё`) to the letters of a Russian keyboard.
pub(crate) fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
            continue;
        }
        match folded_cyrillic(c) {
            Some(letter) => folded.push(letter),
            None => folded.extend(c.to_lowercase().map(fold_letter)),
        }
    }
    folded
}

/// [`fold_letter`] of [`lower_cyrillic`], from a table made once: the search words of every
/// story are folded, and the two lookups per letter were a twentieth of a large build.
fn folded_cyrillic(c: char) -> Option<char> {
    const FIRST: u32 = 0x0400;
    static TABLE: std::sync::OnceLock<Vec<Option<char>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (FIRST..=0x052F)
            .map(|n| char::from_u32(n).and_then(lower_cyrillic).map(fold_letter))
            .collect()
    });
    let n = u32::from(c).checked_sub(FIRST)?;
    table.get(n as usize).copied().flatten()
}

fn fold_letter(c: char) -> char {
    FOLDS
        .iter()
        .find(|(from, _)| *from == c)
        .map_or(c, |(_, to)| *to)
}

/// The lower case of a Cyrillic character (U+0400–U+052F) without the general Unicode
/// tables: with ASCII, these are nearly all the letters a site holds, and the tables' lookup
/// was the largest single cost of a 10,000-story build. `None` for anything else. A test
/// checks every character of the range against `char::to_lowercase`.
fn lower_cyrillic(c: char) -> Option<char> {
    let n = u32::from(c);
    let lower = match n {
        0x0400..=0x040F => n + 0x50,
        0x0410..=0x042F => n + 0x20,
        0x0430..=0x045F => n,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x052F => n | 1,
        0x0482..=0x0489 => n,
        0x04C0 => 0x04CF,
        0x04C1..=0x04CE => n + (n & 1),
        0x04CF => n,
        _ => return None,
    };
    char::from_u32(lower)
}

/// Whether `c` is a letter or digit (what `search.js` keeps: `\p{Alphabetic}` and `\p{N}`),
/// answering ASCII and Cyrillic without the general tables (see above).
fn is_word_char(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x0400..=0x0481 | 0x048A..=0x052F => true,
        0x0482..=0x0489 => false,
        _ => c.is_alphanumeric(),
    }
}

/// The folded words of `text`: runs of letters and digits, split after folding as `search.js`
/// does.
pub(crate) fn words(text: &str) -> Vec<String> {
    split_words(&fold(text)).map(str::to_string).collect()
}

/// The words of an already folded text, borrowed from it.
fn split_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// The manifest of one language's index, as written to JSON. Short field names keep the files
/// small; their meaning is documented in docs/THEMES.md.
#[derive(Serialize)]
struct Manifest<'a> {
    lang: &'a str,
    /// Changes with any file of the index; the script adds it to the shards' addresses.
    v: String,
    /// Stories in the index, and how many a document shard `d/N.json` holds.
    count: usize,
    per: usize,
    /// The key (a folded prefix) of each word shard `w/N.json`, in order.
    w: Vec<String>,
    /// Term labels in this language, so documents carry only keys.
    terms: Terms<'a>,
}

/// The search page's filter data: the stories of every filter value.
#[derive(Serialize)]
struct FacetFile {
    total: usize,
    groups: shards::Facets,
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
            .map(|(name, page)| (name.to_string(), story_words(&site.config, page)))
            .collect();
        for (name, words) in missing {
            self.insert(lang, name, words);
        }
    }

    /// Numbers `words` and keeps them as the body words of the story `name` in `lang`.
    fn insert(&mut self, lang: &str, name: String, words: Vec<String>) {
        let numbers = words.into_iter().map(|w| self.number(w)).collect();
        self.stories.language(lang).insert(name, numbers);
    }
}

/// Write the index of every language of the site under `/{lang}/search/`, with the body
/// words in `cache` and adding those it lacks.
pub(crate) fn write(
    site: &Site,
    staging: &dyn Sink,
    cache: &mut WordCache,
) -> Result<(), Diagnostic> {
    for lang in site.config.language_codes() {
        for (path, text) in index_files(site, lang, cache) {
            staging.write(&format!("{lang}/{path}"), text.as_bytes())?;
        }
    }
    Ok(())
}

/// The files of the index of `lang`: (path inside the language folder, JSON text).
pub(crate) fn index_files(site: &Site, lang: &str, cache: &mut WordCache) -> Vec<(String, String)> {
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
    let shown = stories
        .iter()
        .map(|(_, page)| (words(&page.title), words(page.summary())));
    let postings = inverted(&cache.vocabulary, bodies, shown);
    let docs: Vec<Doc> = stories
        .iter()
        .map(|(_, page)| doc(&site.config, page, lang))
        .collect();
    let mut files: Vec<(String, String)> = Vec::new();
    let cut = shards::cut(&postings);
    let keys = cut.iter().map(|(key, _)| key.clone()).collect();
    for (n, (_, held)) in cut.iter().enumerate() {
        files.push((format!("search/w/{n}.json"), shards::word_shard(held)));
    }
    for (n, chunk) in docs.chunks(PER_SHARD).enumerate() {
        files.push((format!("search/d/{n}.json"), to_json(&chunk)));
    }
    let facets = FacetFile {
        total: docs.len(),
        groups: facets(&docs),
    };
    files.push(("search/facets.json".to_string(), to_json(&facets)));
    let manifest = Manifest {
        lang,
        v: shards::version(files.iter().map(|(_, text)| text.as_str())),
        count: docs.len(),
        per: PER_SHARD,
        w: keys,
        terms: terms(&site.config, lang),
    };
    files.push((MANIFEST.to_string(), to_json(&manifest)));
    files
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Plain strings, numbers and maps of them always serialise.
    serde_json::to_string(value).unwrap_or_default()
}

/// Filter group → value → the stories (by number) that have it: what filter.js counts with.
fn facets(docs: &[Doc]) -> shards::Facets {
    let mut groups: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    for (n, doc) in docs.iter().enumerate() {
        let year = doc.y.map(|y| y.to_string());
        let mut add = |group: &str, value: &str| {
            groups
                .entry(group.to_string())
                .or_default()
                .entry(value.to_string())
                .or_default()
                .push(n);
        };
        doc.d.iter().for_each(|d| add("district", d));
        doc.k.iter().for_each(|k| add("topics", k));
        year.iter().for_each(|y| add("year", y));
        for (group, keys) in &doc.c {
            keys.iter().for_each(|k| add(group, k));
        }
    }
    for stories in groups.values_mut().flat_map(BTreeMap::values_mut) {
        *stories = gaps(stories);
    }
    groups
}

/// `places` (ascending) with each after the first as the gap from the one before.
pub(crate) fn gaps(places: &[usize]) -> Vec<usize> {
    let mut previous = 0;
    places
        .iter()
        .map(|&n| {
            let gap = n - previous;
            previous = n;
            gap
        })
        .collect()
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

/// The word cache while story pages are rendered: each page job leaves its story's body words
/// there, so a page's text is read and parsed once, for its page and for the index together.
pub(crate) struct Gathered(Mutex<WordCache>);

impl Gathered {
    pub(crate) fn new(cache: WordCache) -> Gathered {
        Gathered(Mutex::new(cache))
    }

    /// Notes the words of the story `name`'s `page`, whose text without markup is `text`.
    pub(crate) fn add(&self, config: &Config, name: &str, page: &Page, text: String) {
        let words = words_of(config, page, text);
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        cache.insert(&page.lang, name.to_string(), words);
    }

    pub(crate) fn into_cache(self) -> WordCache {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// The words of a story worth storing besides its title and summary: its text, quotes,
/// result labels, partners, and the names of its district and topics (so "балкаш" finds
/// the stories of Balkhash district).
fn story_words(config: &Config, page: &Page) -> Vec<String> {
    words_of(config, page, plain_text(&page.body.text()))
}

/// [`story_words`] of a page whose text, as [`plain_text`] reads it, is `body`.
fn words_of(config: &Config, page: &Page, mut body: String) -> Vec<String> {
    let lang = page.lang.as_str();
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

/// Every word of the stories, sorted, with its postings: the stories using it (in order) and
/// in which fields. `bodies` are each story's body words (numbers into `vocabulary`), `shown`
/// the folded words of its title and summary. Words no story uses any more are left out.
fn inverted<'w>(
    vocabulary: &[String],
    bodies: impl Iterator<Item = &'w [u32]>,
    shown: impl Iterator<Item = (Vec<String>, Vec<String>)>,
) -> Vec<Posting> {
    let mut words: Vec<String> = vocabulary.to_vec();
    let mut numbers: HashMap<String, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(n, w)| (w.clone(), n))
        .collect();
    let mut stories: Vec<Vec<(usize, u8)>> = vec![Vec::new(); vocabulary.len()];
    for (story, (body, (title, summary))) in bodies.zip(shown).enumerate() {
        let body = body.iter().map(|&n| (n as usize, 0));
        let mut seen: Vec<(usize, u8)> = body.collect();
        for (list, fields) in [(title, IN_TITLE), (summary, IN_SUMMARY)] {
            for word in list {
                let number = *numbers.entry(word).or_insert_with_key(|word| {
                    words.push(word.clone());
                    stories.push(Vec::new());
                    words.len() - 1
                });
                seen.push((number, fields));
            }
        }
        for (word, fields) in seen {
            match stories[word].last_mut() {
                Some((last, had)) if *last == story => *had |= fields,
                _ => stories[word].push((story, fields)),
            }
        }
    }
    let mut used: Vec<usize> = (0..words.len())
        .filter(|&w| !stories[w].is_empty())
        .collect();
    used.sort_unstable_by(|&a, &b| words[a].cmp(&words[b]));
    used.into_iter()
        .map(|w| Posting {
            word: std::mem::take(&mut words[w]),
            stories: shards::encode(&stories[w]),
        })
        .collect()
}

fn push_line(text: &mut String, line: &str) {
    text.push('\n');
    text.push_str(line);
}

/// The words of `body` worth storing: folded, at least `MIN_WORD` long, sorted, and without
/// any word that a word of `shown` (title and summary, stored in full) or another body word
/// starts with — prefix matching finds those through the longer word.
pub(crate) fn body_words(shown: &str, body: &str) -> Vec<String> {
    // Borrowed slices of the two folded texts: only the words kept are allocated.
    let (shown, body) = (fold(shown), fold(body));
    let mut shown: Vec<&str> = split_words(&shown).collect();
    shown.sort_unstable();
    let mut body: Vec<&str> = split_words(&body)
        .filter(|w| w.chars().nth(MIN_WORD - 1).is_some())
        .collect();
    body.sort_unstable();
    body.dedup();
    let starts_a_word_of = |sorted: &[&str], word: &str| {
        let at = sorted.partition_point(|w| *w < word);
        sorted.get(at).is_some_and(|next| next.starts_with(word))
    };
    let mut kept: Vec<String> = Vec::new();
    let mut iter = body.into_iter().peekable();
    while let Some(word) = iter.next() {
        // In sorted order, the words a word starts come right after it.
        let prefix_of_next = iter.peek().is_some_and(|next| next.starts_with(word));
        if !prefix_of_next && !starts_a_word_of(&shown, word) {
            kept.push(word.to_string());
        }
    }
    kept
}

/// [`TEXT_FILE`] of a story whose text (as [`plain_text`] reads it) is `text`: one line per
/// block.
pub(crate) fn text_file(text: &str) -> String {
    let mut lines = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines.push_str(line);
        lines.push('\n');
    }
    lines
}

/// The text of a Markdown body without markup (see [`crate::markdown::push_text`]).
pub(crate) fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, crate::markdown::options()) {
        crate::markdown::push_text(&mut text, &event);
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
    fn the_fast_paths_agree_with_the_unicode_tables() {
        for c in (0..=0x0600).filter_map(char::from_u32) {
            if let Some(lower) = lower_cyrillic(c) {
                let mut std = c.to_lowercase();
                assert_eq!((std.next(), std.next()), (Some(lower), None), "{c:?}");
            }
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
        for c in ['ß', 'İ', 'Σ', '٣', '〇'] {
            assert_eq!(fold(&c.to_string()), c.to_lowercase().collect::<String>());
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        let got = words("Ақпараттық-түсіндіру, «науқан» 2023ж.!");
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
    fn the_inverted_index_lists_each_word_once_with_its_stories_and_fields() {
        let vocabulary = ["мектеп", "ауыл", "жол"].map(String::from);
        // Story 2 has no body words; no story has "жол" (a word an edit removed).
        let bodies: [&[u32]; 4] = [&[1, 0], &[0], &[], &[0, 1]];
        let shown = [
            (vec!["жаңа".to_string()], vec![]),
            (vec![], vec!["жаңа".to_string(), "ауыл".to_string()]),
            (vec!["мектеп".to_string()], vec![]),
            (vec![], vec![]),
        ];
        let postings = inverted(&vocabulary, bodies.into_iter(), shown.into_iter());
        let got: Vec<(&str, &[usize])> = postings
            .iter()
            .map(|p| (p.word.as_str(), p.stories.as_slice()))
            .collect();
        // gap * 4 + fields: title 2, summary 1, body 0.
        assert_eq!(
            got,
            [
                ("ауыл", &[0, 4 + 1, 8][..]),
                ("жаңа", &[2, 4 + 1][..]),
                ("мектеп", &[0, 4, 4 + 2, 4][..]),
            ]
        );
    }

    #[test]
    fn the_text_beside_a_story_is_what_the_index_reads_one_line_per_block() {
        let markdown = "## Нәтижелер {#n}\n\nБалалар **спортпен** айналысты.\nЖаңа жол.\n\n- бір\n- [екі](/kk/x/)\n\n> Дәйексөз\n\n| а | б |\n|---|---|\n| в | г |\n";
        let (html, text) = crate::markdown::render_html_and_text(markdown, "/civic/");
        assert_eq!(text, plain_text(markdown));
        assert_eq!(html, crate::markdown::render_html(markdown, "/civic/").html);
        assert_eq!(
            text_file(&text),
            "Нәтижелер\nБалалар спортпен айналысты. Жаңа жол.\nбір\nекі\nДәйексөз\nа\nб\nв\nг\n"
        );
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
        assert!(words(&text).iter().any(|w| w == "истелди"));
        assert!(words(&text).iter().any(|w| w == "буклеттер"));
    }

    /// The folding table of the script must be this one, pair for pair.
    #[test]
    fn search_js_folds_exactly_like_rust() {
        let js = include_str!("../../../themes/default/static/js/search.js");
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

    /// The words a page job gathers from the text it rendered are the words the index would
    /// read from the story itself, for every story of the example site.
    #[test]
    fn words_gathered_from_rendered_pages_are_the_stories_own() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (site, _) = crate::content::load(root, None).expect("the example site loads");
        let gathered = Gathered::new(WordCache::default());
        let base = &site.config.base.path;
        let mut pages = 0;
        for entry in &site.stories {
            for page in &entry.pages {
                let (_, text) = crate::markdown::render_html_and_text(&page.body.text(), base);
                gathered.add(&site.config, &entry.name, page, text);
                pages += 1;
            }
        }
        let cache = gathered.into_cache();
        assert!(
            pages > 20,
            "the example site has its stories in two languages"
        );
        for entry in &site.stories {
            for page in &entry.pages {
                let numbers = &cache.stories.get(&page.lang).expect("language")[&entry.name];
                let got: Vec<&str> = numbers
                    .iter()
                    .map(|&n| cache.vocabulary[n as usize].as_str())
                    .collect();
                assert_eq!(got, story_words(&site.config, page), "{}", entry.name);
            }
        }
    }
}
