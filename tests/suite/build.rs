//! Building fixture sites with the real binary: how translations pair up, which facts a
//! translation inherits, hreflang alternates, the sitemap, Kazakh addresses and Markdown.

use std::collections::BTreeMap;

use crate::support::files::html_files;
use crate::support::site::{Fixture, add_bundle_y_and_kazakh_only_z, add_story_pair, jpeg, md};
use crate::support::xml::parse_sitemap;

/// A site with a story as two single files (`x`), a bundle story with images (`y`) and a story
/// that exists only in Kazakh (`z`).
fn paired_site() -> Fixture {
    let site = Fixture::new();
    add_story_pair(&site, "x");
    add_bundle_y_and_kazakh_only_z(
        &site,
        &md(
            "title: Бума\ndate: 2023-10-15\ncover: { src: cover.jpg, alt: Балалар }",
            "![Жарыс](photo.jpg)\n",
        ),
    );
    site.build_ok();
    site
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn single_files_with_language_suffixes_become_one_page_per_language() {
    let site = paired_site();
    for lang in ["kk", "ru"] {
        assert!(site.output_has(&format!("{lang}/projects/x/index.html")));
        assert!(site.output_has(&format!("{lang}/projects/y/index.html")));
    }
    assert_eq!(site.page("kk/projects/x/index.html").texts("h1"), ["x kk"]);
    assert_eq!(site.page("ru/projects/x/index.html").texts("h1"), ["x ru"]);
}

#[test]
fn bundle_images_are_placed_beside_each_language_page() {
    let site = paired_site();
    for lang in ["kk", "ru"] {
        for image in ["cover.jpg", "photo.jpg"] {
            let file = site.out().join(format!("{lang}/projects/y/{image}"));
            assert_eq!(
                std::fs::read(&file).ok().as_deref(),
                Some(jpeg(16, 12).as_slice()),
                "{} should be a copy of the bundle image",
                file.display()
            );
        }
        let page = site.page(&format!("{lang}/projects/y/index.html"));
        let images = page.select_attr("img", "src");
        // The 16 px image is not enlarged: its one resized width is its own.
        assert!(
            images.contains(&format!("/{lang}/projects/y/cover-16w.jpg")),
            "{lang}: {images:?}"
        );
        assert!(
            images.iter().any(|src| src.ends_with("photo-16w.jpg")),
            "{lang}: {images:?}"
        );
    }
}

#[test]
fn language_switcher_links_each_translation_to_the_other() {
    let site = paired_site();
    for name in ["x", "y"] {
        let kk = site.page(&format!("kk/projects/{name}/index.html"));
        let ru = site.page(&format!("ru/projects/{name}/index.html"));
        assert_eq!(
            kk.select_attr(".lang-switch a[hreflang=ru]", "href"),
            [format!("/ru/projects/{name}/")]
        );
        assert_eq!(
            ru.select_attr(".lang-switch a[hreflang=kk]", "href"),
            [format!("/kk/projects/{name}/")]
        );
    }
}

#[test]
fn russian_translation_inherits_district_and_date_from_kazakh_file() {
    let site = paired_site();
    let ru = site.page("ru/projects/x/index.html");
    let text = ru.text();
    assert!(
        text.contains("Балхашский район"),
        "the district's Russian label from site.yaml: {text}"
    );
    assert!(
        !text.contains("Балқаш ауданы"),
        "no Kazakh label on the Russian page"
    );
    assert_eq!(
        ru.select_attr("time[datetime]", "datetime")
            .first()
            .map(String::as_str),
        Some("2023-12-06")
    );
}

#[test]
fn bundle_translation_inherits_the_cover_from_kazakh_file() {
    let site = paired_site();
    let ru = site.page("ru/projects/y/index.html");
    assert!(
        ru.select_attr(".cover img", "src")
            .contains(&"/ru/projects/y/cover-16w.jpg".to_string())
    );
}

#[test]
fn russian_value_overrides_the_kazakh_one() {
    let site = Fixture::new();
    site.write(
        "content/projects/x.kk.md",
        &md(
            "title: Жоба\ndate: 2023-12-06\ndistrict: balkhash",
            "Мәтін.\n",
        ),
    )
    .write(
        "content/projects/x.ru.md",
        &md("title: Проект\ndistrict: zhambyl", "Текст.\n"),
    );
    site.build_ok();
    let ru = site.page("ru/projects/x/index.html").text();
    assert!(ru.contains("Жамбылский район"), "{ru}");
    assert!(!ru.contains("Балхашский район"), "{ru}");
    let kk = site.page("kk/projects/x/index.html").text();
    assert!(kk.contains("Балқаш ауданы"), "{kk}");
}

#[test]
fn kazakh_summary_is_not_copied_into_the_russian_page() {
    let site = Fixture::new();
    site.write(
        "content/projects/x.kk.md",
        &md(
            "title: Жоба\nsummary: Қазақша қысқаша мазмұны\ndate: 2023-12-06",
            "Мәтін.\n",
        ),
    )
    .write("content/projects/x.ru.md", &md("title: Проект", "Текст.\n"));
    site.build_ok();
    let ru = std::fs::read_to_string(site.out().join("ru/projects/x/index.html")).expect("ru");
    assert!(!ru.contains("Қазақша қысқаша мазмұны"));
}

#[test]
fn translated_page_has_reciprocal_hreflang_alternates_with_x_default() {
    let site = paired_site();
    let expected = map(&[
        ("kk", "https://example.org/kk/projects/x/"),
        ("ru", "https://example.org/ru/projects/x/"),
        ("x-default", "https://example.org/"),
    ]);
    for lang in ["kk", "ru"] {
        let page = site.page(&format!("{lang}/projects/x/index.html"));
        assert_eq!(page.lang().as_deref(), Some(lang));
        assert_eq!(page.alternates(), expected, "{lang}");
        assert_eq!(page.canonical().as_ref(), expected.get(lang));
    }
}

#[test]
fn every_page_lists_itself_among_its_alternates_and_they_point_back() {
    let site = paired_site();
    let out = site.out();
    for file in html_files(&out) {
        if file == "index.html" || file == "404.html" {
            continue;
        }
        let page = site.page(&file);
        let lang = page.lang().expect("html lang");
        assert!(file.starts_with(&format!("{lang}/")), "{file}: lang {lang}");
        let alternates = page.alternates();
        assert_eq!(
            alternates.get(&lang),
            page.canonical().as_ref(),
            "{file} lists itself"
        );
        assert_eq!(
            alternates.get("x-default").map(String::as_str),
            Some("https://example.org/")
        );
        for (other_lang, href) in alternates.iter().filter(|(l, _)| *l != "x-default") {
            let other_file = format!(
                "{}index.html",
                href.strip_prefix("https://example.org/")
                    .expect("alternate under base_url")
            );
            let other = site.page(&other_file);
            assert_eq!(other.lang().as_ref(), Some(other_lang), "{other_file}");
            assert_eq!(
                other.alternates(),
                alternates,
                "{file} and {other_file} disagree"
            );
        }
    }
}

#[test]
fn story_only_in_kazakh_has_no_russian_alternate_and_switcher_says_so() {
    let site = paired_site();
    assert!(!site.output_has("ru/projects/z/index.html"));
    let kk = site.page("kk/projects/z/index.html");
    assert_eq!(
        kk.alternates(),
        map(&[
            ("kk", "https://example.org/kk/projects/z/"),
            ("x-default", "https://example.org/"),
        ])
    );
    assert_eq!(
        kk.select_attr(".lang-switch a.is-missing[hreflang=ru]", "href"),
        ["/ru/"],
        "the Russian item is marked as missing and leads to the Russian home"
    );
    let ru_list = site.page("ru/projects/index.html");
    assert!(
        !ru_list
            .select_attr("a", "href")
            .iter()
            .any(|h| h.contains("/projects/z/"))
    );
}

#[test]
fn sitemap_lists_both_languages_and_x_default_for_each_translated_page() {
    let site = paired_site();
    let xml = std::fs::read_to_string(site.out().join("sitemap.xml")).expect("sitemap.xml");
    let urls = parse_sitemap(&xml);
    let x = map(&[
        ("kk", "https://example.org/kk/projects/x/"),
        ("ru", "https://example.org/ru/projects/x/"),
        ("x-default", "https://example.org/"),
    ]);
    for lang in ["kk", "ru"] {
        let loc = format!("https://example.org/{lang}/projects/x/");
        let entry = urls
            .iter()
            .find(|u| u.loc == loc)
            .unwrap_or_else(|| panic!("{loc} missing from the sitemap"));
        assert_eq!(entry.alternates, x);
        assert_eq!(entry.lastmod.as_deref(), Some("2023-12-06"));
    }
    let z = urls
        .iter()
        .find(|u| u.loc == "https://example.org/kk/projects/z/")
        .expect("the Kazakh-only story is in the sitemap");
    assert!(!z.alternates.contains_key("ru"));
    assert!(!urls.iter().any(|u| u.loc.contains("/ru/projects/z/")));
}

#[test]
fn every_sitemap_address_is_absolute_and_a_generated_page() {
    let site = paired_site();
    let xml = std::fs::read_to_string(site.out().join("sitemap.xml")).expect("sitemap.xml");
    let urls = parse_sitemap(&xml);
    assert!(urls.len() >= 7, "{urls:?}");
    for url in &urls {
        for address in std::iter::once(&url.loc).chain(url.alternates.values()) {
            let path = address
                .strip_prefix("https://example.org/")
                .unwrap_or_else(|| panic!("{address} is not under base_url"));
            assert!(
                site.output_has(&format!("{path}index.html")),
                "{address} is not a page"
            );
        }
    }
    let robots = std::fs::read_to_string(site.out().join("robots.txt")).expect("robots.txt");
    assert!(robots.contains("Sitemap: https://example.org/sitemap.xml"));
}

#[test]
fn kazakh_file_name_becomes_a_transliterated_address() {
    let site = Fixture::new();
    site.write(
        "content/Біз туралы.kk.md",
        &md("title: Біз туралы", "Біз — қоғамдық ұйым.\n"),
    );
    site.build_ok();
    assert!(site.output_has("kk/biz-turaly/index.html"));
    let home = site.page("kk/index.html");
    assert!(
        home.select_attr("nav a", "href")
            .contains(&"/kk/biz-turaly/".to_string())
    );
}

/// A story whose body uses the Markdown that NGO texts need.
fn markdown_story() -> Fixture {
    let site = Fixture::new();
    site.write(
        "content/projects/md.kk.md",
        &md(
            "title: «Ауылдағы балалар спорты» жобасы\ndate: 2023-10-15",
            "«Ауылдағы балалар спорты» жобасы 70 баланы қамтыды.[^1]\n\n\
             ## Нәтижелер\n\n\
             | Көрсеткіш | Мәні |\n|---|---|\n| Балалар | 70 |\n\n\
             Бұрынғы жоспар: ~~50 бала~~.\n\n\
             [^1]: Жоба есебі, 2023 ж.\n",
        ),
    );
    site.build_ok();
    site
}

#[test]
fn heading_ids_are_transliterated_from_kazakh() {
    let site = markdown_story();
    let page = site.page("kk/projects/md/index.html");
    assert_eq!(page.texts("h2#natizheler"), ["Нәтижелер"]);
}

#[test]
fn markdown_tables_footnotes_and_strikethrough_render() {
    let site = markdown_story();
    let page = site.page("kk/projects/md/index.html");
    assert_eq!(page.texts("table th"), ["Көрсеткіш", "Мәні"]);
    assert_eq!(page.texts("table td"), ["Балалар", "70"]);
    assert_eq!(page.texts("del"), ["50 бала"]);
    let reference = page.select_attr("sup a[href^='#']", "href");
    assert_eq!(reference.len(), 1, "one footnote reference");
    let target = reference[0].trim_start_matches('#');
    let definition = page.texts(&format!("[id='{target}']"));
    assert_eq!(definition.len(), 1, "the footnote {target} is defined once");
    assert!(definition[0].contains("Жоба есебі"), "{definition:?}");
}

#[test]
fn guillemets_survive_untouched_in_titles_and_text() {
    let site = markdown_story();
    let raw = std::fs::read_to_string(site.out().join("kk/projects/md/index.html")).expect("page");
    assert!(raw.contains("<h1>«Ауылдағы балалар спорты» жобасы</h1>"));
    assert!(raw.contains("«Ауылдағы балалар спорты» жобасы 70 баланы"));
    assert!(!raw.contains("&laquo;") && !raw.contains('“') && !raw.contains('”'));
}

#[test]
fn root_index_links_to_every_language_home() {
    let site = paired_site();
    let root = site.page("index.html");
    let links = root.select_attr("a[hreflang]", "href");
    assert!(links.contains(&"/kk/".to_string()), "{links:?}");
    assert!(links.contains(&"/ru/".to_string()), "{links:?}");
    assert!(site.output_has("kk/index.html") && site.output_has("ru/index.html"));
}

#[test]
fn main_menu_labels_are_words_of_the_page_language() {
    let site = paired_site();
    let kk = site.page("kk/projects/x/index.html").texts(".site-nav a");
    let ru = site.page("ru/projects/x/index.html").texts(".site-nav a");
    assert_eq!(
        kk.len(),
        3,
        "home, projects and the impact dashboard: {kk:?}"
    );
    for label in kk.iter().chain(&ru) {
        assert!(
            !["home", "projects"].contains(&label.as_str()),
            "the menu shows the UI string key {label:?} instead of a word"
        );
    }
    assert_ne!(kk, ru, "Kazakh and Russian menus use their own words");
}
