//! The search index, `/{lang}/search-index.json`: valid JSON per language in the format that
//! `js/search.js` reads (`lang`, `terms`, `docs` of `{t, s, u, d, k, y}`, body `words` with their gap-coded `hits`), one document per
//! story of that language whose `u` leads to the story page, and words folded so that a query
//! typed on a Russian keyboard ("казак") finds a title written with Kazakh letters ("Қазақ").

use serde_json::Value;

use crate::support::site::{Fixture, md};
use crate::support::words::fold;

/// The folded words of `text`, split like `search.js` does (on anything but letters and digits).
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The body words of each document, read back from the inverted index: `words[k]` is used by
/// the documents whose numbers the gaps in `hits[k]` add up to.
fn bodies(index: &Value) -> Vec<Vec<String>> {
    let mut bodies = vec![Vec::new(); docs(index).len()];
    let words = index["words"].as_array().expect("words is an array");
    let hits = index["hits"].as_array().expect("hits is an array");
    assert_eq!(words.len(), hits.len(), "one list of stories per word");
    for (word, gaps) in words.iter().zip(hits) {
        let mut story = 0;
        for gap in gaps.as_array().expect("hits are arrays") {
            story += gap.as_u64().expect("gaps are numbers") as usize;
            bodies[story].push(word.as_str().expect("words are strings").to_string());
        }
    }
    bodies
}

/// Whether every word of `query` starts a word of the document's title, summary or body words,
/// as `search.js` decides a hit.
fn matches(doc: &Value, body: &[String], query: &str) -> bool {
    let field = |name: &str| doc[name].as_str().unwrap_or_default().to_string();
    let mut all: Vec<String> = words(&field("t"));
    all.extend(words(&field("s")));
    all.extend(body.iter().cloned());
    words(query)
        .iter()
        .all(|q| all.iter().any(|w| w.starts_with(q.as_str())))
}

fn site() -> Fixture {
    let site = Fixture::new();
    site.write(
        "content/projects/lang.kk.md",
        &md(
            "title: Қазақ тілі курстары\ndate: 2023-12-06\ndistrict: balkhash\ntopics: [children]\nsummary: Ауыл балаларына арналған сабақтар",
            "Мектептерде өткен сабақтар. Әйелдер кеңесі де қатысты.\n",
        ),
    )
    .write(
        "content/projects/lang.ru.md",
        &md(
            "title: Курсы казахского языка\nsummary: Уроки для сельских детей",
            "Занятия прошли в школах. Ёлка во дворе.\n",
        ),
    )
    .write(
        "content/projects/sport.kk.md",
        &md(
            "title: Спорт алаңы\ndate: 2022-05-01\ndistrict: zhambyl\ntopics: [sport]",
            "Футбол жарысы.\n",
        ),
    )
    .write(
        "content/projects/sport.ru.md",
        &md("title: Спортивная площадка", "Футбольный турнир.\n"),
    )
    .write(
        "content/projects/kk-only.kk.md",
        &md("title: Жалғыз нұсқа\ndate: 2021-01-01", "Мәтін.\n"),
    );
    site.build_ok();
    site
}

fn index(site: &Fixture, lang: &str) -> Value {
    let text = site.read_output(&format!("{lang}/search-index.json"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{lang}: invalid JSON: {e}\n{text}"))
}

fn docs(index: &Value) -> &Vec<Value> {
    index["docs"].as_array().expect("docs is an array")
}

fn titles(index: &Value) -> Vec<&str> {
    docs(index)
        .iter()
        .map(|d| d["t"].as_str().expect("every doc has a title"))
        .collect()
}

#[test]
fn each_language_has_an_index_of_its_own_stories() {
    let site = site();
    let kk = index(&site, "kk");
    let ru = index(&site, "ru");
    assert_eq!(kk["lang"], "kk");
    assert_eq!(ru["lang"], "ru");
    let mut kk_titles = titles(&kk);
    kk_titles.sort();
    assert_eq!(
        kk_titles,
        ["Жалғыз нұсқа", "Спорт алаңы", "Қазақ тілі курстары"]
    );
    let mut ru_titles = titles(&ru);
    ru_titles.sort();
    assert_eq!(ru_titles, ["Курсы казахского языка", "Спортивная площадка"]);
    assert_eq!(kk["terms"]["district"]["balkhash"], "Балқаш ауданы");
    assert_eq!(ru["terms"]["district"]["balkhash"], "Балхашский район");
    assert_eq!(ru["terms"]["topics"]["children"], "Дети");
}

#[test]
fn document_addresses_lead_to_the_story_pages() {
    let site = site();
    for lang in ["kk", "ru"] {
        // The search page names the index; `u` resolves against the index's address.
        let search = site.page(&format!("{lang}/search/index.html"));
        assert_eq!(
            search.select_attr("[data-search]", "data-search"),
            [format!("/{lang}/search-index.json")]
        );
        for doc in docs(&index(&site, lang)) {
            let u = doc["u"].as_str().expect("u");
            assert!(!u.starts_with('/') && !u.contains("://"), "{u}");
            let file = format!("{lang}/{u}index.html");
            assert!(site.output_has(&file), "{lang}: {u} leads nowhere");
            let page = site.page(&file);
            assert_eq!(page.texts("h1"), [doc["t"].as_str().unwrap_or_default()]);
        }
    }
    let kk = index(&site, "kk");
    let lang_doc = docs(&kk)
        .iter()
        .find(|d| d["u"] == "projects/lang/")
        .expect("the language story");
    assert_eq!(lang_doc["d"], "balkhash");
    assert_eq!(lang_doc["k"], serde_json::json!(["children"]));
    assert_eq!(lang_doc["y"], 2023);
    assert_eq!(lang_doc["s"], "Ауыл балаларына арналған сабақтар");
}

#[test]
fn body_words_are_folded_sorted_and_unique() {
    let site = site();
    for lang in ["kk", "ru"] {
        let index = index(&site, lang);
        let list: Vec<&str> = index["words"]
            .as_array()
            .expect("words")
            .iter()
            .map(|w| w.as_str().expect("a word"))
            .collect();
        assert!(!list.is_empty(), "{lang}: the bodies have words");
        for w in &list {
            assert_eq!(*w, fold(w), "{lang}: body words are folded: {w}");
        }
        let mut sorted = list.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(list, sorted, "{lang}: body words are sorted and unique");
    }
    // The gaps lead each word to its stories, and only to them.
    let kk = index(&site, "kk");
    let holding = |word: &str| -> Vec<String> {
        docs(&kk)
            .iter()
            .zip(bodies(&kk))
            .filter(|(_, body)| body.iter().any(|w| w == word))
            .map(|(d, _)| d["t"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(holding("мектептерде"), ["Қазақ тілі курстары"]);
    assert_eq!(holding("футбол"), ["Спорт алаңы"]);
    assert_eq!(holding("мәтін"), Vec::<String>::new(), "words are folded");
    assert_eq!(holding("матин"), ["Жалғыз нұсқа"]);
}

#[test]
fn a_query_without_kazakh_letters_finds_kazakh_words() {
    let site = site();
    let kk = index(&site, "kk");
    let kk_bodies = bodies(&kk);
    let found = |query: &str| -> Vec<&str> {
        docs(&kk)
            .iter()
            .zip(&kk_bodies)
            .filter(|(d, body)| matches(d, body, query))
            .map(|(d, _)| d)
            .map(|d| d["t"].as_str().unwrap_or_default())
            .collect()
    };
    assert_eq!(found("казак"), ["Қазақ тілі курстары"], "title, folded");
    assert_eq!(found("Қазақ"), ["Қазақ тілі курстары"]);
    assert_eq!(found("казак тили"), ["Қазақ тілі курстары"]);
    assert_eq!(found("мектеп"), ["Қазақ тілі курстары"], "a body word");
    assert_eq!(
        found("айелдер"),
        ["Қазақ тілі курстары"],
        "a folded body word"
    );
    assert_eq!(found("кенес"), ["Қазақ тілі курстары"]);
    assert_eq!(
        found("балкаш"),
        ["Қазақ тілі курстары"],
        "the district's name"
    );
    assert_eq!(found("алан"), ["Спорт алаңы"]);
    assert!(found("волейбол").is_empty(), "the check can fail");

    let ru = index(&site, "ru");
    let ru_bodies = bodies(&ru);
    let ru_found: Vec<&str> = docs(&ru)
        .iter()
        .zip(&ru_bodies)
        .filter(|(d, body)| matches(d, body, "елка"))
        .map(|(d, _)| d)
        .map(|d| d["t"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ru_found, ["Курсы казахского языка"], "ё is folded to е");
}

/// Every distinct folded word of the example site's stories in `lang` (`*.LANG.md`).
fn example_words(lang: &str) -> Vec<String> {
    let mut words: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let content = crate::support::site::repo().join("content");
    for file in crate::support::files::files_under(&content) {
        if file.ends_with(&format!(".{lang}.md")) {
            let text = std::fs::read_to_string(content.join(&file)).expect("read a story");
            words.extend(self::words(&text).into_iter().filter(|w| {
                w.chars().all(|c| c.is_alphabetic()) && w.chars().any(|c| ('а'..='я').contains(&c))
            }));
        }
    }
    words.into_iter().collect()
}

#[test]
fn the_script_and_its_rust_copy_stem_every_word_of_the_example_site_alike() {
    use crate::support::words::stem;
    let repo = crate::support::site::repo();
    if !crate::browser::node_available() {
        return;
    }
    let asked: Vec<(&str, String)> = ["kk", "ru"]
        .into_iter()
        .flat_map(|lang| example_words(lang).into_iter().map(move |w| (lang, w)))
        .collect();
    for lang in ["kk", "ru"] {
        let count = asked.iter().filter(|(l, _)| *l == lang).count();
        assert!(
            count >= 500,
            "only {count} {lang} words in the example site"
        );
    }
    let mut node = std::process::Command::new("node")
        .arg(repo.join("tests/browser/stem.mjs"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run node");
    let input = serde_json::to_vec(&asked).expect("json");
    std::io::Write::write_all(&mut node.stdin.take().expect("stdin"), &input).expect("send");
    let output = node.wait_with_output().expect("node's answer");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stems: Vec<String> = serde_json::from_slice(&output.stdout).expect("a JSON list");
    assert_eq!(stems.len(), asked.len());
    let differ: Vec<String> = asked
        .iter()
        .zip(&stems)
        .filter(|((lang, word), js)| stem(word, lang) != **js)
        .map(|((lang, word), js)| format!("{lang} {word}: Rust {}, JS {js}", stem(word, lang)))
        .collect();
    assert!(
        differ.is_empty(),
        "{} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
    // Stemming does something: most inflected words lose an ending.
    let cut = asked
        .iter()
        .zip(&stems)
        .filter(|((_, w), s)| s.len() < w.len())
        .count();
    assert!(
        cut * 3 > asked.len(),
        "only {cut} of {} words were cut",
        asked.len()
    );
}
