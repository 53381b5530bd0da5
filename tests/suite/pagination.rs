//! Lists that grow (issue 14): on a generated site of 1,000 stories in two languages, the
//! project list and every term page stay small, and following the pagination links from the
//! first page reaches every story exactly once in each language, with prev/next, canonical and
//! sitemap entries to match.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::support::html::Page;
use crate::support::site::{Fixture, md};

const STORIES: usize = 1000;
const DISTRICTS: [&str; 4] = ["balkhash", "zhambyl", "kegen", "raiymbek"];
const TOPICS: [&str; 3] = ["children", "sport", "health"];

/// A generated site of `stories` stories in Kazakh and Russian, spread over four districts,
/// three topics and nine years (cards off: thousands of share cards would only slow the test).
fn generated(stories: usize) -> Fixture {
    let site = Fixture::with_config(
        "title: { kk: Азаматтық бастамалар, ru: Гражданские инициативы }\n\
         base_url: https://example.org/civic/\n\
         languages:\n  - { code: kk, name: Қазақша }\n  - { code: ru, name: Русский }\n\
         theme: plain\n\
         taxonomies:\n  district:\n    balkhash: { kk: Балқаш ауданы, ru: Балхашский район }\n\
         \x20   zhambyl: { kk: Жамбыл ауданы, ru: Жамбылский район }\n\
         \x20   kegen: { kk: Кеген ауданы, ru: Кегенский район }\n\
         \x20   raiymbek: { kk: Райымбек ауданы, ru: Райымбекский район }\n\
         \x20 topics:\n    children: { kk: Балалар, ru: Дети }\n    sport: { kk: Спорт, ru: Спорт }\n\
         \x20   health: { kk: Денсаулық, ru: Здоровье }\n",
    );
    site.write(
        "themes/plain/theme.yaml",
        "name: plain\ncards:\n  enabled: false\n",
    );
    for n in 0..stories {
        let district = DISTRICTS[n % DISTRICTS.len()];
        let topic = TOPICS[n % TOPICS.len()];
        let (year, month, day) = (2015 + n % 9, 1 + n % 12, 1 + n % 28);
        site.write(
            &format!("content/projects/story-{n:04}.kk.md"),
            &md(
                &format!("title: Жоба {n}\ndate: {year}-{month:02}-{day:02}\ndistrict: {district}\ntopics: [{topic}]\nsummary: Ауылдағы {n}-жоба туралы қысқаша."),
                "Жоба ауыл балаларына арналды.\n",
            ),
        );
        site.write(
            &format!("content/projects/story-{n:04}.ru.md"),
            &md(
                &format!("title: Проект {n}"),
                "Проект для сельских детей.\n",
            ),
        );
    }
    site
}

/// The 1,000-story site, built once for all tests of this module.
fn big_site() -> &'static Fixture {
    static SITE: OnceLock<Fixture> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = generated(STORIES);
        site.build_ok();
        site
    })
}

/// The story pages a list links to from its cards, and the next page, from page 1 on.
fn walk(first: &str) -> (Vec<String>, Vec<String>) {
    let out = big_site().out();
    let mut stories = Vec::new();
    let mut pages = Vec::new();
    let mut at = Some(first.to_string());
    while let Some(path) = at.take() {
        assert!(
            pages.len() < 200,
            "the pagination from {first} does not end"
        );
        let page = Page::open(&out, &format!("{path}index.html"));
        stories.extend(page.select_attr(".cards h2 a, .cards h3 a", "href"));
        at = page
            .select_attr("a[rel=next]", "href")
            .first()
            .map(|href| href.trim_start_matches("/civic/").to_string());
        pages.push(path);
    }
    (stories, pages)
}

#[test]
fn following_the_pages_reaches_every_story_once_in_each_language() {
    for lang in ["kk", "ru"] {
        let (stories, pages) = walk(&format!("{lang}/projects/"));
        let unique: BTreeSet<&String> = stories.iter().collect();
        assert_eq!(
            stories.len(),
            STORIES,
            "{lang}: {} cards on {} pages",
            stories.len(),
            pages.len()
        );
        assert_eq!(unique.len(), STORIES, "{lang}: some story is on two pages");
        assert_eq!(pages.len(), STORIES.div_ceil(24));
        assert_eq!(pages[1], format!("{lang}/projects/page/2/"));
    }
}

#[test]
fn the_list_and_every_term_page_stay_under_150_kb() {
    let out = big_site().out();
    let mut sizes: BTreeMap<String, u64> = BTreeMap::new();
    for lang in ["kk", "ru"] {
        let mut firsts = vec![format!("{lang}/projects/")];
        firsts.extend(DISTRICTS.iter().map(|d| format!("{lang}/district/{d}/")));
        firsts.extend(TOPICS.iter().map(|t| format!("{lang}/topics/{t}/")));
        firsts.extend((2015..2024).map(|y| format!("{lang}/year/{y}/")));
        for first in firsts {
            let (stories, pages) = walk(&first);
            assert!(!stories.is_empty(), "{first} lists no story");
            for page in pages {
                let bytes = std::fs::metadata(out.join(&page).join("index.html"))
                    .expect("the page")
                    .len();
                sizes.insert(page, bytes);
            }
        }
    }
    let largest = sizes.iter().max_by_key(|(_, b)| **b).expect("pages");
    assert!(
        *largest.1 <= 150_000,
        "{} is {} bytes",
        largest.0,
        largest.1
    );
}

#[test]
fn term_pages_reach_each_of_their_stories_once() {
    let (stories, _) = walk("kk/district/balkhash/");
    let unique: BTreeSet<&String> = stories.iter().collect();
    assert_eq!(stories.len(), STORIES / DISTRICTS.len());
    assert_eq!(unique.len(), stories.len());
}

#[test]
fn a_later_page_says_where_it_is_and_points_to_its_neighbours() {
    let out = big_site().out();
    let page = Page::open(&out, "ru/projects/page/2/index.html");
    assert_eq!(
        page.canonical().as_deref(),
        Some("https://example.org/civic/ru/projects/page/2/")
    );
    for (selector, attribute, expected) in [
        (
            "link[rel=prev]",
            "href",
            "https://example.org/civic/ru/projects/",
        ),
        (
            "link[rel=next]",
            "href",
            "https://example.org/civic/ru/projects/page/3/",
        ),
        // Filter chips on a list of several pages are links to the term pages without
        // JavaScript, and with it filter through the index of the whole list.
        (
            "[data-filter-index]",
            "data-filter-index",
            "/civic/ru/projects/filter-index.json",
        ),
        (
            "[data-filter-pages]",
            "data-filter-pages",
            "/civic/ru/projects/",
        ),
    ] {
        assert_eq!(
            page.select_attr(selector, attribute),
            [expected],
            "{selector}"
        );
    }
    assert_eq!(page.texts(".pager__label"), ["Страница 2 из 42"]);
    assert_eq!(page.texts("[aria-current=page].pager__page"), ["2"]);
    assert!(
        page.texts("title")[0].starts_with("Проекты · Страница 2 из 42 — "),
        "{:?}",
        page.texts("title")
    );
    assert_eq!(
        page.alternates().get("kk").map(String::as_str),
        Some("https://example.org/civic/kk/projects/page/2/")
    );
    let kk = Page::open(&out, "kk/projects/page/2/index.html");
    assert_eq!(kk.texts(".pager__label"), ["42 беттің 2-беті"]);
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap");
    for n in 2..=42 {
        assert!(
            sitemap.contains(&format!(
                "<loc>https://example.org/civic/kk/projects/page/{n}/</loc>"
            )),
            "page {n}"
        );
    }
    assert!(!sitemap.contains("projects/page/43/"));
    assert!(
        page.select_attr(".chips a", "href")
            .iter()
            .any(|h| h.ends_with("/ru/district/balkhash/"))
    );
}

#[test]
fn filters_on_any_page_show_exactly_the_stories_of_the_term_pages_in_chromium() {
    let repo = crate::support::site::repo();
    if crate::browser::browser_available(&repo) {
        // Eight a page: filtered lists of 15 and 20 stories then need "show more" two and
        // three times.
        let site = generated(60);
        let config = std::fs::read_to_string(site.site().join("site.yaml")).expect("site.yaml");
        site.write("site.yaml", &format!("{config}page_size: 8\n"));
        crate::browser::run_browser_script(&repo, &site.site(), "pagination.mjs");
    }
}

/// The sharded search index on the 1,000-story site: a query reads only the files it needs,
/// word forms are found, and filters count and show all results (tests/browser/search.mjs).
#[test]
fn a_search_reads_only_the_shards_it_needs_and_filters_all_results_in_chromium() {
    let repo = crate::support::site::repo();
    if crate::browser::browser_available(&repo) {
        crate::browser::run_browser_script(&repo, &big_site().site(), "search.mjs");
    }
}

#[test]
fn a_list_of_several_pages_writes_the_filter_index_of_all_its_stories() {
    let out = big_site().out();
    let index: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("kk/projects/filter-index.json")).expect("the index"),
    )
    .expect("JSON");
    assert_eq!(index["total"], STORIES);
    assert_eq!(index["size"], 24);
    let places = |group: &str, value: &str| -> Vec<u64> {
        let mut n = 0;
        index["groups"][group][value]
            .as_array()
            .expect("a list")
            .iter()
            .map(|gap| {
                n += gap.as_u64().expect("a number");
                n
            })
            .collect()
    };
    assert_eq!(
        places("district", "balkhash").len(),
        STORIES / DISTRICTS.len()
    );
    assert_eq!(
        places("topics", "sport").len(),
        STORIES.div_ceil(TOPICS.len()) - 1
    );
    // The places are the cards' places in the list: place 30 is the 7th card of page 2.
    let page = Page::open(&out, "kk/projects/page/2/index.html");
    let seventh = page.select_attr("#project-cards > li article", "data-district")[6].clone();
    assert!(places("district", &seventh).contains(&30), "{seventh}");
    let size = std::fs::metadata(out.join("kk/projects/filter-index.json"))
        .expect("size")
        .len();
    assert!(size < 20_000, "{size} bytes for {STORIES} stories");
    // A list of one page needs none.
    assert!(!out.join("kk/booklets/filter-index.json").exists());
}
