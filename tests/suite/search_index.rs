//! The search index under `/{lang}/search/`: a manifest (`lang`, `v`, `count`, `per`, the word
//! shards' keys `w`, `terms`), word shards `w/N.json` and document shards `d/N.json` in the
//! format that `js/search.js` reads; one document per story of that language whose `u` leads
//! to the story page; words folded so that a query typed on a Russian keyboard ("казак") finds
//! a title written with Kazakh letters ("Қазақ"); every word in the one shard its key names.

use crate::support::search::Index;
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

/// The titles of the stories in which every word of `query` starts an indexed word, as
/// `search.js` decides a hit.
fn found<'i>(index: &'i Index, query: &str) -> Vec<&'i str> {
    index
        .titles()
        .into_iter()
        .zip(&index.words)
        .filter(|(_, held)| {
            words(query)
                .iter()
                .all(|q| held.iter().any(|(w, _)| w.starts_with(q.as_str())))
        })
        .map(|(t, _)| t)
        .collect()
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

#[test]
fn each_language_has_an_index_of_its_own_stories() {
    let site = site();
    let kk = Index::read(&site, "kk");
    let ru = Index::read(&site, "ru");
    assert_eq!(kk.manifest["lang"], "kk");
    assert_eq!(ru.manifest["lang"], "ru");
    let mut kk_titles = kk.titles();
    kk_titles.sort();
    assert_eq!(
        kk_titles,
        ["Жалғыз нұсқа", "Спорт алаңы", "Қазақ тілі курстары"]
    );
    let mut ru_titles = ru.titles();
    ru_titles.sort();
    assert_eq!(ru_titles, ["Курсы казахского языка", "Спортивная площадка"]);
    assert_eq!(
        kk.manifest["terms"]["district"]["balkhash"],
        "Балқаш ауданы"
    );
    assert_eq!(
        ru.manifest["terms"]["district"]["balkhash"],
        "Балхашский район"
    );
    assert_eq!(ru.manifest["terms"]["topics"]["children"], "Дети");
}

#[test]
fn document_addresses_lead_to_the_story_pages() {
    let site = site();
    for lang in ["kk", "ru"] {
        // The search page names the manifest; `u` resolves against the language folder.
        let search = site.page(&format!("{lang}/search/index.html"));
        assert_eq!(
            search.select_attr("[data-search]", "data-search"),
            [format!("/{lang}/search/manifest.json")]
        );
        for doc in &Index::read(&site, lang).docs {
            let u = doc["u"].as_str().expect("u");
            assert!(!u.starts_with('/') && !u.contains("://"), "{u}");
            let file = format!("{lang}/{u}index.html");
            assert!(site.output_has(&file), "{lang}: {u} leads nowhere");
            let page = site.page(&file);
            assert_eq!(page.texts("h1"), [doc["t"].as_str().unwrap_or_default()]);
        }
    }
    let kk = Index::read(&site, "kk");
    let lang_doc = kk
        .docs
        .iter()
        .find(|d| d["u"] == "projects/lang/")
        .expect("the language story");
    assert_eq!(lang_doc["d"], "balkhash");
    assert_eq!(lang_doc["k"], serde_json::json!(["children"]));
    assert_eq!(lang_doc["y"], 2023);
    assert_eq!(lang_doc["s"], "Ауыл балаларына арналған сабақтар");
}

#[test]
fn words_are_folded_sorted_unique_and_in_the_shard_their_key_names() {
    let site = site();
    for lang in ["kk", "ru"] {
        let index = Index::read(&site, lang);
        let mut all: Vec<&str> = Vec::new();
        for (key, held) in &index.shards {
            for w in held {
                assert_eq!(*w, fold(w), "{lang}: words are folded: {w}");
                assert!(
                    w.starts_with(key.as_str()),
                    "{lang}: {w} in the shard of {key}"
                );
                all.push(w);
            }
        }
        assert!(!all.is_empty(), "{lang}: the stories have words");
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            all, sorted,
            "{lang}: words are sorted and unique across shards"
        );
    }
    // The postings lead each word to its stories, and only to them, with its fields.
    let kk = Index::read(&site, "kk");
    let holding = |word: &str| -> Vec<(&str, u64)> {
        kk.titles()
            .into_iter()
            .zip(&kk.words)
            .filter_map(|(t, held)| held.iter().find(|(w, _)| w == word).map(|(_, f)| (t, *f)))
            .collect()
    };
    assert_eq!(holding("мектептерде"), [("Қазақ тілі курстары", 0)], "body");
    assert_eq!(holding("футбол"), [("Спорт алаңы", 0)]);
    assert_eq!(holding("мәтін"), [], "words are folded");
    assert_eq!(holding("матин"), [("Жалғыз нұсқа", 0)]);
    assert_eq!(holding("курстары"), [("Қазақ тілі курстары", 2)], "title");
    assert_eq!(holding("сабактар"), [("Қазақ тілі курстары", 1)], "summary");
    let facets: serde_json::Value =
        serde_json::from_str(&site.read_output("kk/search/facets.json")).expect("facets");
    let story = |title: &str| kk.titles().iter().position(|t| *t == title).expect(title);
    assert_eq!(
        facets["groups"]["district"]["balkhash"],
        serde_json::json!([story("Қазақ тілі курстары")])
    );
    assert_eq!(facets["total"], 3);
}

#[test]
fn a_query_without_kazakh_letters_finds_kazakh_words() {
    let site = site();
    let kk = Index::read(&site, "kk");
    let found = |query: &str| found(&kk, query);
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

    let ru = Index::read(&site, "ru");
    assert_eq!(
        self::found(&ru, "елка"),
        ["Курсы казахского языка"],
        "ё is folded to е"
    );
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
