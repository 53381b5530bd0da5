//! Sharing (issue 16): a PNG share card for every story and language, read back with the image
//! crate and with OCR (tesseract with its Kazakh and Russian data); the link preview tags and
//! the share links of story pages; the structured data of every page, checked against the
//! properties each type needs; a theme that turns cards off or designs them wrongly; the dev
//! server remaking a story's cards when it changes.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::support::html::Page;
use crate::support::links::Base;
use crate::support::ocr;
use crate::support::run::egiz_on;
use crate::support::server::Server;
use crate::support::site::{
    BALKHASH_ONLY, EXAMPLE_LANGUAGES, Fixture, example_stories, jpeg, kk_ru_site_yaml, md, repo,
};

const SIZES: [(u32, u32); 2] = [(1200, 630), (1080, 1080)];

fn card_file(size: (u32, u32)) -> String {
    format!("card-{}x{}.png", size.0, size.1)
}

/// The example site, built once for all the tests here (into cargo's folder for test files).
struct Example {
    out: PathBuf,
    base: Base,
    stdout: String,
}

fn example() -> &'static Example {
    static BUILT: OnceLock<Example> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cards-example");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a folder for the example");
        let out = dir.join("out");
        let run = egiz_on(&["build"], &repo(), &out, &dir);
        run.assert_success();
        Example {
            out,
            base: Base::new("https://example.org/civic/"),
            stdout: run.stdout,
        }
    })
}

fn decoded_size(path: &Path) -> (u32, u32) {
    let image = image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (image.width(), image.height())
}

/// The value of `<meta property=NAME>` (or `name=NAME`).
fn meta(page: &Page, name: &str) -> Option<String> {
    page.select_attr(&format!("meta[property=\"{name}\"]"), "content")
        .into_iter()
        .chain(page.select_attr(&format!("meta[name=\"{name}\"]"), "content"))
        .next()
}

#[test]
fn every_example_story_has_both_cards_in_every_language_at_their_pixel_sizes() {
    let built = example();
    let stories = example_stories();
    assert!(stories.len() >= 10, "{stories:?}");
    for name in &stories {
        for lang in EXAMPLE_LANGUAGES {
            for size in SIZES {
                let file = built
                    .out
                    .join(format!("{lang}/projects/{name}/{}", card_file(size)));
                assert_eq!(decoded_size(&file), size, "{}", file.display());
                let bytes = std::fs::metadata(&file).expect("card").len();
                assert!(bytes < 250_000, "{} is {bytes} bytes", file.display());
            }
        }
    }
    // The build says what the cards cost.
    assert!(
        built.stdout.contains(&format!(
            "cards: {} story pages, {} files",
            stories.len() * 2,
            stories.len() * 4
        )),
        "{}",
        built.stdout
    );
    assert!(
        built.stdout.contains("ms per story page"),
        "{}",
        built.stdout
    );
}

#[test]
fn the_link_preview_of_a_story_is_its_wide_card_at_an_absolute_address() {
    let built = example();
    for name in example_stories() {
        for lang in EXAMPLE_LANGUAGES {
            let path = format!("{lang}/projects/{name}/");
            let page = Page::open(&built.out, &format!("{path}index.html"));
            let image = meta(&page, "og:image").expect("og:image");
            assert_eq!(
                image,
                built.base.permalink(&format!("{path}card-1200x630.png"))
            );
            let file = image
                .strip_prefix(&built.base.absolute)
                .expect("under the base URL");
            assert_eq!(decoded_size(&built.out.join(file)), (1200, 630));
            assert_eq!(meta(&page, "og:image:width").as_deref(), Some("1200"));
            assert_eq!(meta(&page, "og:image:height").as_deref(), Some("630"));
            let alt = meta(&page, "og:image:alt").expect("og:image:alt");
            let title = page.texts("h1").join(" ");
            assert!(alt.starts_with(&title), "{alt} / {title}");
            assert_eq!(
                meta(&page, "twitter:card").as_deref(),
                Some("summary_large_image")
            );
        }
    }
}

#[test]
fn ocr_reads_the_titles_on_the_kazakh_and_russian_cards_of_three_example_stories() {
    let built = example();
    // With a cover photo, without one and a long title, without one and a large figure.
    for name in [
        "balkhash-appeals",
        "zhambyl-hippotherapy",
        "social-projects-contest",
    ] {
        for (lang, language) in [("kk", "kaz"), ("ru", "rus")] {
            let path = format!("{lang}/projects/{name}/");
            let title = Page::open(&built.out, &format!("{path}index.html"))
                .texts("h1")
                .join(" ");
            for size in SIZES {
                let card = built.out.join(format!("{path}{}", card_file(size)));
                let read = ocr::read(&card, language);
                let (share, missed) = ocr::found(&title, &read);
                assert!(
                    share >= 0.8,
                    "{}: {:.0} % of \"{title}\" read, missed {missed:?} in:\n{read}",
                    card.display(),
                    share * 100.0
                );
            }
        }
    }
}

/// 150 characters each.
const LONG_KK: &str = "Ауылдық жерлердегі ерекше балаларға арналған иппотерапия және олардың отбасыларына көрсетілетін әлеуметтік-психологиялық қолдау бағдарламасы: 2024 жыл";
const LONG_RU: &str = "Как жители сельских округов Жамбылского района вместе с волонтёрами добились ремонта дороги, освещения улиц и новой детской площадки возле своей школы";

/// A site under a sub-path, with a story that has a cover and one that has none and a title of
/// 150 characters.
fn sub_path_site(rest: &str) -> Fixture {
    let fixture = Fixture::with_config(&kk_ru_site_yaml(
        "{ kk: Бастамалар, ru: Инициативы }",
        "https://org.github.io/ngo-site/",
        &format!("{BALKHASH_ONLY}{rest}"),
    ));
    let facts = "date: 2024-03-01\ndistrict: balkhash\nresults:\n  - { value: 70, label: бала }";
    for (lang, title) in [
        ("kk", "Ауылдағы балалар спорты"),
        ("ru", "Детский спорт в селе"),
    ] {
        fixture.write(
            &format!("content/projects/sport/index.{lang}.md"),
            &md(
                &format!("title: {title}\n{facts}\ncover: {{ src: cover.jpg, alt: Сурет }}"),
                "Мәтін.\n",
            ),
        );
    }
    fixture.write_bytes("content/projects/sport/cover.jpg", &jpeg(800, 600));
    for (lang, title) in [("kk", LONG_KK), ("ru", LONG_RU)] {
        fixture.write(
            &format!("content/projects/long.{lang}.md"),
            &md(&format!("title: \"{title}\"\n{facts}"), "Мәтін.\n"),
        );
    }
    fixture
}

#[test]
fn under_a_sub_path_the_preview_is_absolute_and_the_page_offers_both_cards() {
    let fixture = sub_path_site("");
    fixture.build_ok();
    let out = fixture.out();
    let base = Base::new("https://org.github.io/ngo-site/");
    for story in ["sport", "long"] {
        let path = format!("kk/projects/{story}/");
        let page = Page::open(&out, &format!("{path}index.html"));
        assert_eq!(
            meta(&page, "og:image"),
            Some(base.permalink(&format!("{path}card-1200x630.png")))
        );
        let downloads = page.select_attr(".share__cards a[download]", "href");
        let expected: Vec<String> = SIZES
            .iter()
            .map(|s| base.link(&format!("{path}{}", card_file(*s))))
            .collect();
        assert_eq!(downloads, expected);
        for (href, size) in downloads.iter().zip(SIZES) {
            let file = href
                .strip_prefix("/ngo-site/")
                .expect("under the base path");
            assert_eq!(decoded_size(&out.join(file)), size);
        }
        let labels = page.texts(".share__cards a").join(" | ");
        assert!(
            labels.contains("1200 × 630") && labels.contains("PNG"),
            "{labels}"
        );
    }
}

#[test]
fn a_long_title_without_cover_is_read_whole_on_both_cards() {
    assert_eq!(LONG_KK.chars().count(), 150);
    assert_eq!(LONG_RU.chars().count(), 150);
    let fixture = sub_path_site("");
    fixture.build_ok();
    for (lang, language, title) in [("kk", "kaz", LONG_KK), ("ru", "rus", LONG_RU)] {
        for size in SIZES {
            let card = fixture
                .out()
                .join(format!("{lang}/projects/long/{}", card_file(size)));
            let read = ocr::read(&card, language);
            let (share, missed) = ocr::found(title, &read);
            assert!(
                share >= 0.8,
                "{}: {:.0} % read, missed {missed:?} in:\n{read}",
                card.display(),
                share * 100.0
            );
            // The last words are on the card: nothing was cut off at its end.
            let last = ocr::words(title).pop().expect("a last word");
            assert!(ocr::words(&read).contains(&last), "{last} not in:\n{read}");
        }
    }
}

#[test]
fn cards_come_from_the_cache_when_nothing_changed() {
    let fixture = sub_path_site("");
    fixture.build_ok();
    // --clean: an incremental build would keep the cards without asking the cache.
    let again = fixture.build_with(&["--clean"]);
    again.assert_success();
    again.assert_stdout_has("(0 drawn, 8 from the cache");
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from).expect("read a folder") {
        let entry = entry.expect("an entry");
        let dest = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy a file");
        }
    }
}

/// Found by the mutation test (each mutated site is a copy in its own folder): the cache key
/// held the cover photo's absolute path, so a site moved or checked out elsewhere drew the
/// cards of every story with a cover again.
#[test]
fn cards_come_from_the_cache_after_the_site_folder_moves() {
    let fixture = sub_path_site("");
    fixture.build_ok();
    let moved = Fixture::new();
    copy_tree(&fixture.site(), &moved.site());
    let again = moved.build_ok();
    again.assert_stdout_has("(0 drawn, 8 from the cache");
}

#[test]
fn share_links_carry_the_address_and_title_without_scripts_of_the_networks() {
    let fixture = sub_path_site("");
    fixture.build_ok();
    let page = Page::open(&fixture.out(), "ru/projects/sport/index.html");
    let url = "https%3A%2F%2Forg.github.io%2Fngo-site%2Fru%2Fprojects%2Fsport%2F";
    let title = "%D0%94%D0%B5%D1%82%D1%81%D0%BA%D0%B8%D0%B9"; // "Детский"
    let links = page.select_attr(".share__links a", "href");
    assert_eq!(links.len(), 3, "{links:?}");
    assert!(links[0].starts_with(&format!("https://t.me/share/url?url={url}&text={title}")));
    assert!(
        links[1].starts_with(&format!("https://wa.me/?text={title}")) && links[1].ends_with(url)
    );
    assert_eq!(
        links[2],
        format!("https://www.facebook.com/sharer/sharer.php?u={url}")
    );
    let labels = page.texts(".share__links a");
    assert_eq!(labels[0], "Поделиться в Telegram");
    for rel in page.select_attr(".share__links a", "rel") {
        assert!(
            rel.contains("noopener") && rel.contains("noreferrer"),
            "{rel}"
        );
    }
    // The copy button shows only where a script can copy.
    assert_eq!(page.count("button.share__copy[hidden][data-url]"), 1);
    let scripts = page.select_attr("script[src]", "src");
    assert!(
        scripts.iter().all(|s| s.starts_with("/ngo-site/")),
        "{scripts:?}"
    );
}

#[test]
fn a_theme_can_turn_cards_off_and_a_wrong_design_is_refused_at_its_line() {
    let fixture = sub_path_site("theme: plain\n");
    fixture.write(
        "themes/plain/theme.yaml",
        "name: plain\ncards:\n  enabled: false\n",
    );
    fixture.build_ok();
    let out = fixture.out();
    assert!(!out.join("kk/projects/sport/card-1200x630.png").exists());
    let page = Page::open(&out, "kk/projects/sport/index.html");
    // The preview falls back to the cover photo, as before cards.
    let preview = meta(&page, "og:image").expect("og:image");
    assert!(
        preview.starts_with("https://org.github.io/ngo-site/kk/projects/sport/cover"),
        "{preview}"
    );
    assert_eq!(meta(&page, "twitter:card"), None);
    assert_eq!(page.count(".share__cards"), 0);
    assert_eq!(page.count(".share__links a"), 3);

    fixture.write(
        "themes/plain/theme.yaml",
        "name: plain\ncards:\n  colors: { text: \"#000000\" }\n  margin: 2\n",
    );
    let run = fixture.build();
    run.assert_code(1);
    run.assert_stderr_has("theme.yaml:4:");
    run.assert_stderr_has("cards.margin is 2 px");
    run.assert_stderr_has("docs/THEMES.md");
}

#[test]
fn the_dev_server_remakes_the_cards_of_a_changed_story_only() {
    let fixture = sub_path_site("");
    let server = Server::start(&fixture);
    let card =
        |story: &str| server.get(&format!("/ngo-site/kk/projects/{story}/card-1200x630.png"));
    let before = card("sport");
    assert_eq!(before.status, 200);
    let long_before = card("long").bytes;
    let decoded = image::load_from_memory(&before.bytes).expect("a PNG");
    assert_eq!((decoded.width(), decoded.height()), (1200, 630));

    let facts = "date: 2024-03-01\ndistrict: balkhash\ncover: { src: cover.jpg, alt: Сурет }";
    fixture.write(
        "content/projects/sport/index.kk.md",
        &md(&format!("title: Жаңа атау\n{facts}"), "Мәтін.\n"),
    );
    // Drawing is slower in a debug build on a busy machine than a page: allow it the time.
    server.assert_within(60, "a new card", || {
        let now = card("sport");
        now.status == 200 && now.bytes != before.bytes
    });
    assert_eq!(
        card("long").bytes,
        long_before,
        "another story's card is still served"
    );
}

/// The properties each type must have (what Google's documentation asks for, and what egiz
/// promises), and which of them hold absolute addresses.
const REQUIRED: &[(&str, &[&str])] = &[
    ("NGO", &["@id", "name", "url", "logo"]),
    (
        "Article",
        &[
            "@id",
            "headline",
            "image",
            "datePublished",
            "author",
            "publisher",
            "inLanguage",
            "url",
        ],
    ),
    (
        "Report",
        &[
            "@id",
            "name",
            "inLanguage",
            "url",
            "publisher",
            "workExample",
        ],
    ),
    (
        "DigitalDocument",
        &["name", "url", "encodingFormat", "inLanguage"],
    ),
    ("BreadcrumbList", &["itemListElement"]),
    ("ListItem", &["position", "name", "item"]),
    ("AdministrativeArea", &["name"]),
    ("Place", &["name"]),
    ("Thing", &["name"]),
];
const ADDRESSES: &[&str] = &["url", "item", "logo", "image", "sameAs", "mainEntityOfPage"];

/// Every node of `value` with a `@type`, checked against [`REQUIRED`]; returns the types seen.
fn check_schema(value: &Value, page: &str, types: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| check_schema(v, page, types)),
        Value::Object(map) => {
            if let Some(kind) = map.get("@type").and_then(Value::as_str) {
                let required = REQUIRED
                    .iter()
                    .find(|(t, _)| *t == kind)
                    .unwrap_or_else(|| panic!("{page}: unexpected type {kind}"));
                for property in required.1 {
                    let present = map.get(*property).is_some_and(|v| match v {
                        Value::String(s) => !s.is_empty(),
                        Value::Array(a) => !a.is_empty(),
                        Value::Null => false,
                        _ => true,
                    });
                    assert!(present, "{page}: {kind} lacks {property}: {map:?}");
                }
                types.push(kind.to_string());
            }
            for (key, v) in map {
                if ADDRESSES.contains(&key.as_str()) {
                    let urls: Vec<&str> = match v {
                        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                        other => other.as_str().into_iter().collect(),
                    };
                    for url in urls {
                        assert!(
                            url.starts_with("https://"),
                            "{page}: {key} {url} is not absolute"
                        );
                    }
                }
                check_schema(v, page, types);
            }
        }
        _ => {}
    }
}

/// The page's JSON-LD, parsed (there is at most one script of it).
fn json_ld(page: &Page) -> Option<Value> {
    let scripts = page.texts("script[type=\"application/ld+json\"]");
    assert!(scripts.len() <= 1, "{}: {scripts:?}", page.file.display());
    scripts
        .first()
        .map(|text| serde_json::from_str(text).expect("JSON-LD parses"))
}

fn node<'v>(graph: &'v Value, kind: &str) -> Option<&'v Value> {
    graph["@graph"]
        .as_array()?
        .iter()
        .find(|n| n["@type"] == kind)
}

#[test]
fn every_page_has_structured_data_of_its_kind_that_passes_the_schema_check() {
    let built = example();
    let mut checked = 0;
    for file in crate::support::files::html_files(&built.out) {
        let page = Page::open(&built.out, &file);
        let Some(graph) = json_ld(&page) else {
            // The language chooser, 404, and the web editor (not a page of the theme) have none.
            assert!(
                matches!(file.as_str(), "index.html" | "404.html") || file.starts_with("admin/"),
                "{file} has no JSON-LD"
            );
            continue;
        };
        assert_eq!(graph["@context"], "https://schema.org", "{file}");
        let mut types = Vec::new();
        check_schema(&graph, &file, &mut types);
        // The trail ends at the page itself, numbered from 1.
        let trail =
            node(&graph, "BreadcrumbList").unwrap_or_else(|| panic!("{file}: no breadcrumbs"));
        let items = trail["itemListElement"].as_array().expect("items");
        for (index, item) in items.iter().enumerate() {
            assert_eq!(item["position"], index + 1, "{file}");
        }
        let folder = file.trim_end_matches("index.html");
        assert_eq!(
            items.last().map(|i| i["item"].clone()),
            Some(Value::from(built.base.permalink(folder))),
            "{file}"
        );
        let lang = page.lang().expect("a language");
        if folder == format!("{lang}/") {
            let ngo = node(&graph, "NGO").unwrap_or_else(|| panic!("{file}: no NGO"));
            assert!(
                ngo["areaServed"].as_array().is_some_and(|a| a.len() >= 5),
                "{ngo}"
            );
            assert_eq!(ngo["sameAs"][1], "https://t.me/example_civic");
            let logo = ngo["logo"].as_str().expect("a logo");
            let logo_file = built
                .out
                .join(logo.strip_prefix(&built.base.absolute).expect("ours"));
            let (w, h) = decoded_size(&logo_file);
            assert!(w >= 112 && w == h, "{w}×{h}");
        }
        if folder.contains("/projects/") && folder != format!("{lang}/projects/") {
            let article = node(&graph, "Article").unwrap_or_else(|| panic!("{file}: no Article"));
            assert_eq!(article["inLanguage"], lang.as_str());
            assert_eq!(
                article["image"][0],
                built.base.permalink(&format!("{folder}card-1200x630.png"))
            );
            assert!(article["about"].is_array(), "{file}");
        }
        if folder.contains("/booklets/") && folder != format!("{lang}/booklets/") {
            let report = node(&graph, "Report").unwrap_or_else(|| panic!("{file}: no Report"));
            for document in report["workExample"].as_array().expect("documents") {
                let url = document["url"].as_str().expect("a PDF address");
                assert!(url.ends_with(".pdf"), "{url}");
                let pdf = built
                    .out
                    .join(url.strip_prefix(&built.base.absolute).expect("ours"));
                assert!(pdf.is_file(), "{url}");
            }
        }
        checked += 1;
    }
    assert!(checked > 50, "{checked} pages checked");
}

#[test]
fn translations_point_at_each_other_from_the_original_in_the_default_language() {
    let built = example();
    for name in example_stories() {
        let id = |lang: &str| built.base.permalink(&format!("{lang}/projects/{name}/"));
        let article = |lang: &str| {
            let page = Page::open(&built.out, &format!("{lang}/projects/{name}/index.html"));
            let graph = json_ld(&page).expect("JSON-LD");
            node(&graph, "Article").expect("an Article").clone()
        };
        let original = article("kk");
        assert_eq!(original["workTranslation"][0]["@id"], id("ru"), "{name}");
        assert_eq!(
            article("ru")["translationOfWork"]["@id"],
            id("kk"),
            "{name}"
        );
        assert_eq!(original["@id"], id("kk"));
    }
}
