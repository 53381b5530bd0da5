//! Taxonomy pages: a page per term in each language where the term has stories, listing exactly
//! those stories with a count in the right plural form, linked to the same term in the other
//! language; an index per taxonomy with counts; year pages from the stories' dates; Russian
//! plural forms; and the dates of story pages in both languages.

use crate::support::html::Page;
use crate::support::site::{Fixture, kk_ru_site_yaml, md};

/// A story written in both languages (facts in the Kazakh file).
fn pair(site: &Fixture, name: &str, facts: &str) {
    site.write(
        &format!("content/projects/{name}.kk.md"),
        &md(&format!("title: {name} kk\n{facts}"), "Мәтін.\n"),
    )
    .write(
        &format!("content/projects/{name}.ru.md"),
        &md(&format!("title: {name} ru"), "Текст.\n"),
    );
}

/// Two Balkhash stories in both languages (2023 and 2021), one Zhambyl story only in Kazakh
/// (2022), with topics.
fn site() -> Fixture {
    let site = Fixture::new();
    pair(
        &site,
        "alpha",
        "date: 2023-12-06\ndistrict: balkhash\ntopics: [children]",
    );
    pair(
        &site,
        "gamma",
        "date: 2021-03-10\ndistrict: balkhash\ntopics: [children, sport]",
    );
    site.write(
        "content/projects/beta.kk.md",
        &md(
            "title: beta kk\ndate: 2022-05-01\ndistrict: zhambyl\ntopics: [sport]",
            "Мәтін.\n",
        ),
    );
    site.build_ok();
    site
}

/// The story links of the cards on a list page, in order.
fn card_links(page: &Page) -> Vec<String> {
    page.select_attr(".card__title a", "href")
}

#[test]
fn term_pages_list_exactly_the_stories_of_the_term_in_each_language() {
    let site = site();
    let kk = site.page("kk/district/balkhash/index.html");
    let ru = site.page("ru/district/balkhash/index.html");
    assert_eq!(
        card_links(&kk),
        ["/kk/projects/alpha/", "/kk/projects/gamma/"],
        "newest first, no Zhambyl story"
    );
    assert_eq!(
        card_links(&ru),
        ["/ru/projects/alpha/", "/ru/projects/gamma/"]
    );
    assert_eq!(kk.texts("h1"), ["Балқаш ауданы"]);
    assert_eq!(ru.texts("h1"), ["Балхашский район"]);
    assert_eq!(kk.texts(".term-head__count"), ["2 жоба"]);
    assert_eq!(ru.texts(".term-head__count"), ["2 проекта"]);

    let zhambyl = site.page("kk/district/zhambyl/index.html");
    assert_eq!(card_links(&zhambyl), ["/kk/projects/beta/"]);
    assert_eq!(zhambyl.texts(".term-head__count"), ["1 жоба"]);
    assert!(
        !site.output_has("ru/district/zhambyl/index.html"),
        "a term without Russian stories has no Russian page"
    );

    let sport_ru = site.page("ru/topics/sport/index.html");
    assert_eq!(card_links(&sport_ru), ["/ru/projects/gamma/"]);
    assert_eq!(sport_ru.texts(".term-head__count"), ["1 проект"]);
}

#[test]
fn term_pages_link_to_the_same_term_in_the_other_language() {
    let site = site();
    let kk = site.page("kk/district/balkhash/index.html");
    let ru = site.page("ru/district/balkhash/index.html");
    for page in [&kk, &ru] {
        let alternates = page.alternates();
        assert_eq!(
            alternates.get("kk").map(String::as_str),
            Some("https://example.org/kk/district/balkhash/")
        );
        assert_eq!(
            alternates.get("ru").map(String::as_str),
            Some("https://example.org/ru/district/balkhash/")
        );
    }
    assert_eq!(
        kk.select_attr(".lang-switch a[hreflang=ru]", "href"),
        ["/ru/district/balkhash/"]
    );
    assert_eq!(
        ru.select_attr(".lang-switch a[hreflang=kk]", "href"),
        ["/kk/district/balkhash/"]
    );
    assert_eq!(
        kk.canonical().as_deref(),
        Some("https://example.org/kk/district/balkhash/")
    );

    // A term with no Russian stories: no Russian alternate, the switcher says so.
    let zhambyl = site.page("kk/district/zhambyl/index.html");
    assert!(!zhambyl.alternates().contains_key("ru"));
    assert_eq!(zhambyl.count(".lang-switch a.is-missing[hreflang=ru]"), 1);
}

#[test]
fn index_pages_list_terms_with_counts() {
    let site = site();
    let kk = site.page("kk/district/index.html");
    assert_eq!(
        kk.select_attr(".term-link", "href"),
        ["/kk/district/balkhash/", "/kk/district/zhambyl/"]
    );
    assert_eq!(
        kk.texts(".term-link"),
        ["Балқаш ауданы 2 жоба", "Жамбыл ауданы 1 жоба"]
    );
    let ru = site.page("ru/district/index.html");
    assert_eq!(ru.texts(".term-link"), ["Балхашский район 2 проекта"]);
    let topics = site.page("ru/topics/index.html");
    assert_eq!(
        topics.texts(".term-link"),
        ["Дети 2 проекта", "Спорт 1 проект"]
    );
}

#[test]
fn year_pages_come_from_the_story_dates() {
    let site = site();
    let years = site.page("kk/year/index.html");
    assert_eq!(
        years.select_attr(".term-link", "href"),
        ["/kk/year/2023/", "/kk/year/2022/", "/kk/year/2021/"],
        "newest year first"
    );
    assert_eq!(
        card_links(&site.page("kk/year/2022/index.html")),
        ["/kk/projects/beta/"]
    );
    assert_eq!(
        card_links(&site.page("ru/year/2021/index.html")),
        ["/ru/projects/gamma/"]
    );
    assert!(!site.output_has("ru/year/2022/index.html"));
    assert!(!site.output_has("kk/year/2020/index.html"));
}

/// Four districts with 1, 2, 5 and 21 Russian stories; stories with 1, 2, 5 and 21 people.
#[test]
fn russian_plural_forms_for_1_2_5_and_21() {
    let site = Fixture::with_config(&kk_ru_site_yaml(
        "{ kk: Бастамалар, ru: Инициативы }",
        "https://example.org/",
        "\
taxonomies:
  district:
    d1: { kk: Бір, ru: Один }
    d2: { kk: Екі, ru: Два }
    d5: { kk: Бес, ru: Пять }
    d21: { kk: Жиырма бір, ru: Двадцать один }
",
    ));
    for (district, stories) in [("d1", 1), ("d2", 2), ("d5", 5), ("d21", 21)] {
        for n in 0..stories {
            let name = format!("{district}-{n:02}");
            let facts = if n == 0 {
                // The first story of each district reaches as many people as the district has stories.
                format!("date: 2023-01-01\ndistrict: {district}\nbeneficiaries: {stories}")
            } else {
                format!("date: 2023-01-01\ndistrict: {district}")
            };
            pair(&site, &name, &facts);
        }
    }
    site.build_ok();

    let index = site.page("ru/district/index.html");
    let mut counts = index.texts(".term-link__count");
    counts.sort();
    assert_eq!(counts, ["1 проект", "2 проекта", "21 проект", "5 проектов"]);
    assert_eq!(
        site.page("ru/district/d21/index.html")
            .texts(".term-head__count"),
        ["21 проект"]
    );
    assert_eq!(
        site.page("ru/district/d5/index.html")
            .texts(".term-head__count"),
        ["5 проектов"]
    );

    for (story, people) in [
        ("d1-00", "1 человек"),
        ("d2-00", "2 человека"),
        ("d5-00", "5 человек"),
        ("d21-00", "21 человек"),
    ] {
        let page = site.page(&format!("ru/projects/{story}/index.html"));
        assert!(
            page.texts("dd").iter().any(|t| t == people),
            "{story}: no {people:?} in {:?}",
            page.texts("dd")
        );
    }
}

#[test]
fn story_dates_are_written_in_each_language() {
    let site = site();
    let kk = site.page("kk/projects/alpha/index.html");
    let ru = site.page("ru/projects/alpha/index.html");
    let date_of = |page: &Page| raw_texts(page, "time[datetime='2023-12-06']");
    let kk_dates = date_of(&kk);
    let ru_dates = date_of(&ru);
    assert!(!kk_dates.is_empty() && !ru_dates.is_empty());
    for text in kk_dates {
        assert_eq!(text, "2023\u{202f}ж. 6 желтоқсан");
    }
    for text in ru_dates {
        assert_eq!(text, "6 декабря 2023\u{202f}г.");
    }
}

/// The text of each element matching `selector`, exactly as written (no whitespace folding,
/// which would turn the narrow no-break space into a plain space).
fn raw_texts(page: &Page, selector: &str) -> Vec<String> {
    let selector = scraper::Selector::parse(selector).expect("a valid selector");
    page.html
        .select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}
