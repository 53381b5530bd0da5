//! A site that lives under a sub-path (`https://org.github.io/ngo-site/`): every link the build
//! writes must stay under that path and lead to a file that exists, and `--base-url` moves it.

use crate::support::files::html_files;
use crate::support::links::{
    Base, Target, broken_references, references_missing_base_path, resolve,
};
use crate::support::site::{
    BALKHASH_ONLY, Fixture, add_bundle_y_and_kazakh_only_z, kk_ru_site_yaml, md,
};
use crate::support::xml::parse_sitemap;

/// Home texts, a plain page, a bundle story with images and links of every kind, and a story
/// only in Kazakh.
fn sub_path_site() -> Fixture {
    let site = Fixture::with_config(&kk_ru_site_yaml(
        "{ kk: Азаматтық бастамалар, ru: Гражданские инициативы }",
        "https://org.github.io/ngo-site/",
        BALKHASH_ONLY,
    ));
    site.write(
        "content/_index.kk.md",
        &md(
            "title: Басты бет",
            "[Барлық жобалар](/kk/projects/) · [Біз туралы](/kk/about/)\n",
        ),
    )
    .write(
        "content/_index.ru.md",
        &md("title: Главная", "[Все проекты](/ru/projects/)\n"),
    )
    .write(
        "content/about.kk.md",
        &md("title: Біз туралы", "[ЕҚЫҰ](https://www.osce.org/)\n"),
    )
    .write("content/about.ru.md", &md("title: О нас", "Текст.\n"));
    add_bundle_y_and_kazakh_only_z(
        &site,
        &md(
            "title: Бума\ndate: 2023-10-15\ndistrict: balkhash\ncover: { src: cover.jpg, alt: Балалар }\n\
             gallery:\n  - { src: photo.jpg, alt: Жарыс }",
            "![Жарыс](photo.jpg)\n\n[Біз туралы](/kk/about/#team) · [жоғары](#natizheler)\n\n## Нәтижелер\n",
        ),
    );
    site
}

#[test]
fn link_checker_resolves_references_like_a_browser() {
    let base = Base::new("https://org.github.io/ngo-site/");
    let page = "kk/projects/y/index.html";
    let file = |s: &str| Target::File(s.to_string());
    assert_eq!(resolve(&base, page, "/ngo-site/kk/"), file("kk/index.html"));
    assert_eq!(
        resolve(&base, page, "photo.jpg"),
        file("kk/projects/y/photo.jpg")
    );
    assert_eq!(
        resolve(&base, page, "https://org.github.io/ngo-site/ru/x/#a"),
        file("ru/x/index.html")
    );
    assert_eq!(
        resolve(&base, page, "/kk/"),
        Target::OutsideBase("/kk/".into())
    );
    assert_eq!(
        resolve(&base, page, "../../../../x.css"),
        Target::OutsideBase("/x.css".into())
    );
    for elsewhere in ["#main", "https://www.osce.org/", "data:,", "mailto:a@b.kz"] {
        assert_eq!(resolve(&base, page, elsewhere), Target::Elsewhere);
    }
}

#[test]
fn every_internal_link_starts_with_the_base_path_and_reaches_a_file() {
    let site = sub_path_site();
    site.build_ok();
    let out = site.out();
    let base = Base::new("https://org.github.io/ngo-site/");
    let pages = html_files(&out);
    assert!(pages.len() >= 10, "{pages:?}");
    assert_eq!(
        references_missing_base_path(&out, &base),
        Vec::<String>::new()
    );
    assert_eq!(broken_references(&out, &base), Vec::<String>::new());

    let story = site.page("kk/projects/y/index.html");
    let references = story.references();
    for expected in [
        "/ngo-site/css/egiz.css",
        "/ngo-site/kk/about/#team",
        "/ngo-site/kk/projects/y/cover-16w.jpg",
        "https://org.github.io/ngo-site/kk/projects/y/",
    ] {
        assert!(
            references.contains(&expected.to_string()),
            "{expected} in {references:?}"
        );
    }
}

#[test]
fn markdown_links_in_home_text_get_the_base_path() {
    let site = sub_path_site();
    site.build_ok();
    let home = site.page("kk/index.html");
    let links = home.select_attr(".prose a", "href");
    assert!(
        links.contains(&"/ngo-site/kk/projects/".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"/ngo-site/kk/about/".to_string()),
        "{links:?}"
    );
}

#[test]
fn alternates_and_sitemap_use_absolute_addresses_with_the_sub_path() {
    let site = sub_path_site();
    site.build_ok();
    let page = site.page("ru/projects/y/index.html");
    let alternates = page.alternates();
    assert_eq!(
        alternates.get("kk").map(String::as_str),
        Some("https://org.github.io/ngo-site/kk/projects/y/")
    );
    assert_eq!(
        alternates.get("x-default").map(String::as_str),
        Some("https://org.github.io/ngo-site/")
    );

    let xml = std::fs::read_to_string(site.out().join("sitemap.xml")).expect("sitemap.xml");
    let urls = parse_sitemap(&xml);
    assert!(!urls.is_empty());
    for url in &urls {
        for address in std::iter::once(&url.loc).chain(url.alternates.values()) {
            assert!(
                address.starts_with("https://org.github.io/ngo-site/"),
                "{address}"
            );
        }
    }
    let y = urls
        .iter()
        .find(|u| u.loc == "https://org.github.io/ngo-site/ru/projects/y/")
        .expect("the Russian story is in the sitemap");
    assert_eq!(
        y.alternates.get("ru").map(String::as_str),
        Some("https://org.github.io/ngo-site/ru/projects/y/")
    );
}

#[test]
fn base_url_option_replaces_the_configured_address() {
    let site = sub_path_site();
    site.build_with(&["--base-url", "https://preview.example.net/pr-7"])
        .assert_success();
    let out = site.out();
    let base = Base::new("https://preview.example.net/pr-7/");
    assert_eq!(
        references_missing_base_path(&out, &base),
        Vec::<String>::new()
    );
    assert_eq!(broken_references(&out, &base), Vec::<String>::new());

    let page = site.page("kk/projects/y/index.html");
    assert_eq!(
        page.canonical().as_deref(),
        Some("https://preview.example.net/pr-7/kk/projects/y/")
    );
    for file in html_files(&out) {
        let text = std::fs::read_to_string(out.join(&file)).expect("page");
        assert!(
            !text.contains("ngo-site"),
            "{file} still uses the configured base_url"
        );
    }
    let xml = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap.xml");
    assert!(
        parse_sitemap(&xml)
            .iter()
            .all(|u| u.loc.starts_with("https://preview.example.net/pr-7/"))
    );
    let robots = std::fs::read_to_string(out.join("robots.txt")).expect("robots.txt");
    assert!(robots.contains("Sitemap: https://preview.example.net/pr-7/sitemap.xml"));
}

#[test]
fn base_url_option_that_is_not_an_address_is_a_site_error() {
    let site = sub_path_site();
    let run = site.build_with(&["--base-url", "ngo-site"]);
    run.assert_code(1);
    run.assert_stderr_has("base_url");
    run.assert_stderr_has("hint:");
    assert!(!site.out().exists());
}

#[test]
fn not_found_page_uses_only_addresses_that_work_from_any_folder() {
    let site = sub_path_site();
    site.build_ok();
    let page = site.page("404.html");
    for reference in page.references() {
        let works_anywhere = reference.starts_with("/ngo-site/")
            || reference.starts_with('#')
            || reference.contains(':');
        assert!(
            works_anywhere,
            "404.html is served for any missing address, so {reference} must not be relative"
        );
    }
}
