//! The impact dashboard, `/{lang}/impact/`: totals that match the fixture (projects counted
//! once whatever their languages, people reached summed, districts with projects, booklet
//! copies printed summed over content/booklets), and accessible charts: inline SVG with
//! `<title>` and `<desc>`, and a table with the same figures.

use crate::support::html::Page;
use crate::support::site::{Fixture, kk_ru_site_yaml, md};

/// Four projects: two in both languages (the Russian file of one disagrees on beneficiaries,
/// the Kazakh figure counts), one only in Kazakh, one only in Russian; three districts, one
/// project without a district; two booklets with print runs (one in both languages).
fn site() -> Fixture {
    let site = Fixture::with_config(&kk_ru_site_yaml(
        "{ kk: Бастамалар, ru: Инициативы }",
        "https://example.org/",
        "\
taxonomies:
  district:
    balkhash: { kk: Балқаш ауданы, ru: Балхашский район }
    zhambyl: { kk: Жамбыл ауданы, ru: Жамбылский район }
    raiymbek: { kk: Райымбек ауданы, ru: Райымбекский район }
    talgar: { kk: Талғар ауданы, ru: Талгарский район }
  topics:
    children: { kk: Балалар, ru: Дети }
    sport: { kk: Спорт, ru: Спорт }
",
    ));
    site.write(
        "content/projects/one.kk.md",
        &md(
            "title: Бір\ndate: 2023-01-01\ndistrict: balkhash\ntopics: [children]\nbeneficiaries: 1200",
            "Мәтін.\n",
        ),
    )
    .write(
        "content/projects/one.ru.md",
        &md("title: Один\nbeneficiaries: 1300", "Текст.\n"),
    )
    .write(
        "content/projects/two.kk.md",
        &md(
            "title: Екі\ndate: 2022-01-01\ndistrict: balkhash\ntopics: [sport, children]\nbeneficiaries: 80",
            "Мәтін.\n",
        ),
    )
    .write("content/projects/two.ru.md", &md("title: Два", "Текст.\n"))
    .write(
        "content/projects/three.kk.md",
        &md(
            "title: Үш\ndate: 2021-01-01\ndistrict: zhambyl\nbeneficiaries: 40",
            "Мәтін.\n",
        ),
    )
    .write(
        "content/projects/four.ru.md",
        &md(
            "title: Четыре\ndate: 2020-01-01\ndistrict: raiymbek\ntopics: [sport]\nbeneficiaries: 5",
            "Текст.\n",
        ),
    )
    .write(
        "content/projects/five.kk.md",
        &md("title: Бес\ndate: 2019-01-01", "Мәтін.\n"),
    )
    .write(
        "content/booklets/guide.kk.md",
        &md(
            "title: Нұсқаулық\nprint_run: 300\ndate: 2023-11-24\nstories: [one]",
            "Мәтін.\n",
        ),
    )
    .write("content/booklets/guide.ru.md", &md("title: Руководство", "Текст.\n"))
    .write(
        "content/booklets/plans.ru.md",
        &md(
            "title: Планы\nprint_run: 1500\ndate: 2023-10-01\nstories: [two]",
            "Текст.\n",
        ),
    );
    site.build_ok();
    site
}

/// The figure of the total `key` as written, and its label.
fn total(page: &Page, key: &str) -> (String, String) {
    let figure = page.texts(&format!(".stat--{key} .stat__figure"));
    let label = page.texts(&format!(".stat--{key} .stat__label"));
    assert_eq!(
        figure.len(),
        1,
        "one {key} total in {}",
        page.file.display()
    );
    (figure[0].clone(), label[0].clone())
}

/// The digits of a formatted number (group separators are spaces of some kind).
fn number(text: &str) -> u64 {
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {text:?}"))
}

#[test]
fn totals_match_the_content() {
    let site = site();
    for lang in ["kk", "ru"] {
        let page = site.page(&format!("{lang}/impact/index.html"));
        let figures: Vec<u64> = ["projects", "beneficiaries", "districts", "printed"]
            .iter()
            .map(|key| number(&total(&page, key).0))
            .collect();
        assert_eq!(
            figures,
            [5, 1200 + 80 + 40 + 5, 3, 300 + 1500],
            "{lang}: projects, people, districts, copies printed"
        );
    }
    let ru = site.page("ru/impact/index.html");
    assert_eq!(total(&ru, "projects").0, "5");
    assert_eq!(
        total(&ru, "beneficiaries")
            .0
            .replace(char::is_whitespace, " "),
        "1 325",
        "thousands are grouped"
    );
}

#[test]
fn charts_are_svg_images_with_title_desc_and_a_table() {
    let site = site();
    for lang in ["kk", "ru"] {
        let page = site.page(&format!("{lang}/impact/index.html"));
        let charts = page.count("svg.chart");
        assert!(charts >= 1, "{lang}: no chart");
        assert_eq!(
            page.count("svg.chart > title"),
            charts,
            "{lang}: every SVG has a title"
        );
        assert_eq!(
            page.count("svg.chart > desc"),
            charts,
            "{lang}: every SVG has a desc"
        );
        for title in page.texts("svg.chart > title") {
            assert!(!title.is_empty());
        }
        for desc in page.texts("svg.chart > desc") {
            assert!(!desc.is_empty());
        }
        // aria-labelledby / aria-describedby point at the title and desc.
        for (attr, inner) in [("aria-labelledby", "title"), ("aria-describedby", "desc")] {
            let inner_ids = page.select_attr(&format!("svg.chart > {inner}"), "id");
            assert_eq!(
                page.select_attr("svg.chart", attr),
                inner_ids,
                "{lang}: {attr}"
            );
        }
        assert_eq!(
            page.count(".chart-block table"),
            charts,
            "{lang}: a table for every chart"
        );
    }
}

#[test]
fn the_tables_hold_the_figures_per_district_and_topic() {
    let site = site();
    let ru = site.page("ru/impact/index.html");
    let rows: Vec<String> = ru
        .texts(".chart-block tbody tr")
        .iter()
        .map(|r| r.replace(char::is_whitespace, " "))
        .collect();
    assert!(
        rows.iter().any(|r| r == "Балхашский район 2"),
        "rows: {rows:?}"
    );
    assert!(
        rows.iter().any(|r| r == "Жамбылский район 1"),
        "rows: {rows:?}"
    );
    assert!(
        rows.iter().any(|r| r == "Райымбекский район 1"),
        "rows: {rows:?}"
    );
    assert!(
        !rows.iter().any(|r| r.starts_with("Талгарский район")),
        "a district without projects is not charted: {rows:?}"
    );
    // People reached per topic: a project with two topics counts in both.
    assert!(rows.iter().any(|r| r == "Дети 1 280"), "rows: {rows:?}");
    assert!(rows.iter().any(|r| r == "Спорт 85"), "rows: {rows:?}");
}

#[test]
fn a_district_without_stories_in_a_language_is_not_linked_there() {
    // Kegen's only story has no Russian text; with `missing_translation: skip` the Russian
    // site has no Kegen page, so its dashboard must not link one.
    let site = Fixture::with_config(&format!(
        "{}missing_translation: skip\n",
        crate::support::site::SITE_YAML.replace(
            "    zhambyl: { kk: Жамбыл ауданы, ru: Жамбылский район }\n",
            "    zhambyl: { kk: Жамбыл ауданы, ru: Жамбылский район }\n    kegen: { kk: Кеген ауданы, ru: Кегенский район }\n",
        )
    ));
    crate::support::site::add_story_pair(&site, "both");
    site.write(
        "content/projects/only-kk.kk.md",
        &md(
            "title: Тек қазақша\ndate: 2023-05-01\ndistrict: kegen",
            "Мәтін.\n",
        ),
    );
    site.build_ok();
    let out = site.out();
    assert!(!out.join("ru/district/kegen/index.html").exists());
    let ru = Page::open(&out, "ru/impact/index.html");
    let links = ru.select_attr("a", "href");
    assert!(
        !links.iter().any(|h| h.contains("district/kegen")),
        "{links:?}"
    );
    let kk = Page::open(&out, "kk/impact/index.html");
    assert!(
        kk.select_attr("a", "href")
            .iter()
            .any(|h| h.ends_with("/kk/district/kegen/"))
    );
}
