//! `missing_translation`: in `fallback` mode a story missing in Russian gets a Russian page that
//! shows the Kazakh text with a visible notice, marks that text `lang="kk"`, and is not offered
//! as a Russian alternate (hreflang, sitemap); in `skip` mode (the default) there is no Russian
//! page and the language switcher marks Russian as unavailable.

use crate::support::html::Page;
use crate::support::site::{Fixture, SITE_YAML, md};
use crate::support::xml::parse_sitemap;

/// A story in both languages, a story and a plain page only in Kazakh.
fn site(mode: Option<&str>) -> Fixture {
    let config = match mode {
        Some(mode) => format!("{SITE_YAML}missing_translation: {mode}\n"),
        None => SITE_YAML.to_string(),
    };
    let site = Fixture::with_config(&config);
    site.write(
        "content/projects/both.kk.md",
        &md(
            "title: Екі тілде\ndate: 2023-01-01\ndistrict: balkhash",
            "Мәтін.\n",
        ),
    )
    .write(
        "content/projects/both.ru.md",
        &md("title: На двух языках", "Текст.\n"),
    )
    .write(
        "content/projects/only.kk.md",
        &md(
            "title: Тек қазақша\ndate: 2022-01-01\ndistrict: zhambyl",
            "Қазақша мәтін.\n",
        ),
    )
    .write("content/about.kk.md", &md("title: Біз туралы", "Ұйым.\n"));
    site.build_ok();
    site
}

fn sitemap_locs(site: &Fixture) -> Vec<String> {
    parse_sitemap(&site.read_output("sitemap.xml"))
        .into_iter()
        .map(|u| u.loc)
        .collect()
}

#[test]
fn fallback_page_shows_the_kazakh_text_with_a_notice() {
    let site = site(Some("fallback"));
    let page = site.page("ru/projects/only/index.html");
    assert_eq!(
        page.lang().as_deref(),
        Some("ru"),
        "the page chrome is Russian"
    );
    let notices = page.texts(".notice[role=note]");
    assert_eq!(notices.len(), 1, "one visible notice");
    assert!(
        notices[0].contains("не переведена") && notices[0].contains("казахском"),
        "{notices:?}"
    );
    assert_eq!(page.texts("h1"), ["Тек қазақша"]);
    assert_eq!(page.select_attr("h1", "lang"), ["kk"]);
    let prose_langs = page.select_attr(".prose", "lang");
    assert!(!prose_langs.is_empty(), "the text is marked");
    assert!(prose_langs.iter().all(|l| l == "kk"), "{prose_langs:?}");
    assert!(page.text().contains("Қазақша мәтін."));

    // A plain page is borrowed the same way.
    let about = site.page("ru/about/index.html");
    assert_eq!(about.lang().as_deref(), Some("ru"));
    assert_eq!(about.count(".notice[role=note]"), 1);
    assert_eq!(about.select_attr("article", "lang"), ["kk"]);
}

#[test]
fn fallback_page_is_not_a_russian_alternate() {
    let site = site(Some("fallback"));
    let borrowed = site.page("ru/projects/only/index.html");
    assert!(
        !borrowed.alternates().contains_key("ru"),
        "{:?}",
        borrowed.alternates()
    );
    assert_eq!(
        borrowed.canonical().as_deref(),
        Some("https://example.org/kk/projects/only/"),
        "the original is the page to index"
    );
    let original = site.page("kk/projects/only/index.html");
    assert!(!original.alternates().contains_key("ru"));
    assert_eq!(
        original.select_attr(".lang-switch a[hreflang=ru]", "class"),
        ["lang-switch__item is-missing"],
        "the switcher still says the translation is missing"
    );
    let locs = sitemap_locs(&site);
    assert!(locs.contains(&"https://example.org/kk/projects/only/".to_string()));
    assert!(
        !locs.contains(&"https://example.org/ru/projects/only/".to_string()),
        "{locs:?}"
    );
    for url in parse_sitemap(&site.read_output("sitemap.xml")) {
        assert!(
            !url.alternates
                .values()
                .any(|h| h.ends_with("/ru/projects/only/")),
            "{url:?}"
        );
    }
}

#[test]
fn translated_pages_are_untouched_in_fallback_mode() {
    let site = site(Some("fallback"));
    let page = site.page("ru/projects/both/index.html");
    assert_eq!(page.count(".notice[role=note]"), 0);
    assert_eq!(page.count("main [lang=kk]"), 0);
    assert_eq!(page.texts("h1"), ["На двух языках"]);
    assert_eq!(
        page.alternates().get("kk").map(String::as_str),
        Some("https://example.org/kk/projects/both/")
    );
    assert_eq!(
        page.alternates().get("ru").map(String::as_str),
        Some("https://example.org/ru/projects/both/")
    );
}

#[test]
fn skip_mode_leaves_the_translation_out_and_says_so() {
    for site in [site(Some("skip")), site(None)] {
        assert!(!site.output_has("ru/projects/only/index.html"));
        assert!(!site.output_has("ru/about/index.html"));
        let original = site.page("kk/projects/only/index.html");
        assert!(!original.alternates().contains_key("ru"));
        assert_eq!(
            original.count(".lang-switch a.is-missing[hreflang=ru]"),
            1,
            "Russian is marked unavailable"
        );
        let list = site.page("ru/projects/index.html");
        assert!(
            !list
                .references()
                .iter()
                .any(|r| r.contains("/ru/projects/only/")),
            "the Russian list does not link to a page that does not exist"
        );
        assert!(
            !sitemap_locs(&site)
                .iter()
                .any(|l| l.ends_with("/ru/projects/only/"))
        );
    }
}

/// The story in the structured data of a page (its `application/ld+json` script).
fn json_ld(page: &Page) -> serde_json::Value {
    let scripts = page.texts("script[type='application/ld+json']");
    assert_eq!(
        scripts.len(),
        1,
        "one JSON-LD script in {}",
        page.file.display()
    );
    let data: serde_json::Value = serde_json::from_str(&scripts[0]).expect("valid JSON-LD");
    // The page's JSON-LD is a @graph: the story is its Article node.
    data["@graph"]
        .as_array()
        .and_then(|nodes| nodes.iter().find(|n| n["@type"] == "Article"))
        .cloned()
        .unwrap_or_else(|| panic!("no Article in the JSON-LD of {}", page.file.display()))
}

#[test]
fn borrowed_text_keeps_its_language_in_json_ld_and_the_feed() {
    let site = site(Some("fallback"));
    let borrowed = json_ld(&site.page("ru/projects/only/index.html"));
    assert_eq!(borrowed["inLanguage"], "kk");
    assert_eq!(borrowed["headline"], "Тек қазақша");
    let translated = json_ld(&site.page("ru/projects/both/index.html"));
    assert_eq!(translated["inLanguage"], "ru");
    assert_eq!(
        translated["url"], "https://example.org/ru/projects/both/",
        "JSON-LD names the page's own address"
    );

    let feed = site.read_output("ru/atom.xml");
    let entry = feed
        .split("<entry")
        .find(|e| e.contains("<title>Тек қазақша</title>"))
        .expect("the borrowed story is in the Russian feed");
    assert!(
        entry.starts_with(" xml:lang=\"kk\""),
        "its entry is marked as Kazakh: <entry{entry}"
    );
}
