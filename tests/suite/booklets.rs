//! Booklets: `egiz build` and `egiz booklet` on a fixture site with a bilingual booklet of
//! three stories and a story leaflet; the PDF files read back with poppler's tools, zbarimg
//! and lopdf (page order of the imposed sheets, print-shop boxes, the QR code, both languages
//! in the bilingual editions, the flip edition's upside-down half, the contents' page numbers),
//! and the web pages' download links.

use std::path::{Path, PathBuf};

use crate::support::pdf::{boxes, document_text, find_box, page_count, page_text, tool, words};
use crate::support::run::{arg, egiz_on};
use crate::support::site::{Fixture, line_of, md};

const KK_TEXT: &str = "Ауыл тұрғындары жобаның барлық кезеңіне белсенді қатысып, өз ұсыныстарын айтты. \
Еріктілер кездесулер өткізіп, ақпараттық материалдарды таратты. Жергілікті әкімдік жобаны қолдап, \
бөлме мен көлік берді. Нәтижесінде тұрғындардың хабардарлығы едәуір артты.";

const RU_TEXT: &str = "Жители села активно участвовали во всех этапах проекта и высказывали свои \
предложения. Волонтёры проводили встречи и распространяли информационные материалы. Местный акимат \
поддержал проект, предоставив помещение и транспорт. В результате осведомлённость жителей заметно выросла.";

/// Stories (name, district, date, Kazakh title, Russian title).
const STORIES: [(&str, &str, &str, &str, &str); 3] = [
    (
        "water",
        "balkhash",
        "2023-05-01",
        "Ауылға таза су",
        "Чистая вода в село",
    ),
    (
        "sport",
        "zhambyl",
        "2023-07-01",
        "Балалар спорты",
        "Детский спорт",
    ),
    (
        "library",
        "balkhash",
        "2023-09-01",
        "Ауыл кітапханасы",
        "Сельская библиотека",
    ),
];

fn paragraphs(text: &str, count: usize) -> String {
    (0..count).map(|_| text).collect::<Vec<_>>().join("\n\n")
}

/// A site with three stories in two languages, a booklet `guide` with its own text and the
/// three stories (all editions), and a leaflet of the `sport` story.
fn site() -> Fixture {
    let fixture = Fixture::new();
    for (name, district, date, kk, ru) in STORIES {
        let leaflet = if name == "sport" {
            "\nbooklet: true"
        } else {
            ""
        };
        fixture.write(
            &format!("content/projects/{name}.kk.md"),
            &md(
                &format!("title: {kk}\ndate: {date}\ndistrict: {district}{leaflet}"),
                &format!(
                    "{}\n\n## Не істелді\n\n{}\n",
                    paragraphs(KK_TEXT, 3),
                    paragraphs(KK_TEXT, 4)
                ),
            ),
        );
        fixture.write(
            &format!("content/projects/{name}.ru.md"),
            &md(
                &format!("title: {ru}"),
                &format!(
                    "{}\n\n## Что сделано\n\n{}\n",
                    paragraphs(RU_TEXT, 3),
                    paragraphs(RU_TEXT, 4)
                ),
            ),
        );
    }
    fixture.write(
        "content/booklets/guide.kk.md",
        &md(
            "title: Ауылдық бастамалар\nsubtitle: Тұрғындарға арналған буклет\npublisher: Азаматтық бастамалар орталығы\ncontacts: info@example.org\nprint_run: 300\ndate: 2023-12-01\npartners: [{ name: Аудан әкімдігі }]\nstories: [water, sport, library]",
            &format!(
                "## Кіріспе\n\n{}\n\n## Қалай қатысуға болады\n\n{}\n",
                paragraphs(KK_TEXT, 2),
                paragraphs(KK_TEXT, 2)
            ),
        ),
    );
    fixture.write(
        "content/booklets/guide.ru.md",
        &md(
            "title: Сельские инициативы\nsubtitle: Буклет для жителей\npublisher: Центр гражданских инициатив",
            &format!(
                "## Введение\n\n{}\n\n## Как участвовать\n\n{}\n",
                paragraphs(RU_TEXT, 2),
                paragraphs(RU_TEXT, 2)
            ),
        ),
    );
    fixture
}

fn built() -> Fixture {
    let fixture = site();
    fixture.build_ok();
    fixture
}

fn pdf(fixture: &Fixture, name: &str) -> PathBuf {
    let path = fixture.out().join("booklets").join(name);
    assert!(path.is_file(), "{} was not written", path.display());
    path
}

/// The text of the back cover, the last page.
fn back_cover(path: &Path) -> String {
    page_text(path, page_count(path), None)
}

#[test]
fn every_edition_is_written_and_linked_with_its_size() {
    let fixture = built();
    let mut names: Vec<String> = std::fs::read_dir(fixture.out().join("booklets"))
        .expect("booklets folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    let mut expected = vec![
        "guide.kk.pdf",
        "guide.ru.pdf",
        "guide.kk-ru.sequential.pdf",
        "guide.kk-ru.flip.pdf",
        "guide.kk-ru.parallel.pdf",
        "guide.kk.imposed.pdf",
        "guide.ru.imposed.pdf",
        "guide.kk.print.pdf",
        "guide.ru.print.pdf",
        "sport.kk.pdf",
        "sport.ru.pdf",
        "sport.kk-ru.sequential.pdf",
        "sport.kk-ru.flip.pdf",
        "sport.kk-ru.parallel.pdf",
        "sport.kk.imposed.pdf",
        "sport.ru.imposed.pdf",
        "sport.kk.print.pdf",
        "sport.ru.print.pdf",
    ];
    expected.sort_unstable();
    assert_eq!(names, expected);

    let page = fixture.page("ru/booklets/guide/index.html");
    let links = page.select_attr(".downloads a", "href");
    assert!(
        links.contains(&"/booklets/guide.ru.pdf".to_string()),
        "{links:?}"
    );
    assert!(links.contains(&"/booklets/guide.kk-ru.flip.pdf".to_string()));
    assert!(
        !links.contains(&"/booklets/guide.kk.pdf".to_string()),
        "the Russian page offers the Russian booklet"
    );
    let button = page.texts(".downloads .button").join(" ");
    let size = std::fs::metadata(pdf(&fixture, "guide.ru.pdf"))
        .expect("size")
        .len();
    let kb = format!("{} КБ", (size as f64 / 1000.0).round());
    assert!(
        button.starts_with("Скачать буклет (PDF, ") && button.contains(&kb),
        "{button} (file of {size} bytes)"
    );
    let story = fixture.page("kk/projects/sport/index.html");
    assert_eq!(
        story.select_attr(".downloads .button", "href"),
        vec!["/booklets/sport.kk.pdf".to_string()]
    );
    assert!(story.text().contains("Парақшаны жүктеу (PDF, "));
    let list = fixture.page("kk/booklets/index.html");
    assert_eq!(
        list.select_attr(".booklet-item__title a", "href"),
        vec!["/kk/booklets/guide/".to_string()]
    );
    let menu = fixture.page("kk/index.html").texts(".site-nav a");
    assert!(menu.contains(&"Буклеттер".to_string()), "{menu:?}");
}

#[test]
fn imposed_sheets_hold_the_right_pages_in_fold_order() {
    let fixture = built();
    let single = pdf(&fixture, "guide.kk.pdf");
    let imposed = pdf(&fixture, "guide.kk.imposed.pdf");
    let n = page_count(&single);
    assert_eq!(n % 4, 0, "the single edition is padded to a multiple of 4");
    assert!(n >= 8, "{n} pages: the fixture should make a real booklet");
    assert_eq!(page_count(&imposed), n / 2);
    let boxes = boxes(&imposed, 1);
    let media = find_box(&boxes, "MediaBox");
    let (width, height) = (media[2] - media[0], media[3] - media[1]);
    assert!(
        (width - 841.89).abs() < 0.5 && (height - 595.28).abs() < 0.5,
        "A4 landscape: {media:?}"
    );
    let half = width / 2.0;
    for side in 0..n / 2 {
        let sheet = side / 2;
        // 1-based: front [N-2i, 2i+1], back [2i+2, N-2i-1].
        let (left, right) = if side % 2 == 0 {
            (n - 2 * sheet, 2 * sheet + 1)
        } else {
            (2 * sheet + 2, n - 2 * sheet - 1)
        };
        for (source, x) in [(left, 0.0), (right, half)] {
            let on_sheet = words(&page_text(&imposed, side + 1, Some((x, 0.0, half, height))));
            let original = words(&page_text(&single, source, None));
            assert_eq!(
                on_sheet,
                original,
                "sheet side {} ({} half) should show page {source}",
                side + 1,
                if x == 0.0 { "left" } else { "right" }
            );
        }
    }
    // The outer sheet's front carries the back cover (with the web address) and the cover.
    let outer_left = page_text(&imposed, 1, Some((0.0, 0.0, half, height)));
    assert!(
        outer_left.contains("https://example.org/kk/booklets/guide/"),
        "{outer_left}"
    );
    let outer_right = words(&page_text(&imposed, 1, Some((half, 0.0, half, height))));
    assert!(outer_right.contains("Ауылдық бастамалар"), "{outer_right}");
}

#[test]
fn print_shop_pages_have_bleed_trim_and_room_for_crop_marks() {
    let fixture = built();
    let print = pdf(&fixture, "guide.kk.print.pdf");
    assert_eq!(
        page_count(&print),
        page_count(&pdf(&fixture, "guide.kk.pdf"))
    );
    let bleed = 3.0 * 72.0 / 25.4; // 8.504 pt
    for page in [1, page_count(&print)] {
        let boxes = boxes(&print, page);
        let media = find_box(&boxes, "MediaBox");
        let trim = find_box(&boxes, "TrimBox");
        let bleed_box = find_box(&boxes, "BleedBox");
        assert!(
            (trim[2] - trim[0] - 419.53).abs() < 0.1,
            "A5 trim: {trim:?}"
        );
        assert!(
            (trim[3] - trim[1] - 595.28).abs() < 0.1,
            "A5 trim: {trim:?}"
        );
        for i in 0..4 {
            let outward = if i < 2 { -1.0 } else { 1.0 };
            assert!(
                (bleed_box[i] - (trim[i] + outward * bleed)).abs() < 0.01,
                "BleedBox {bleed_box:?} is TrimBox {trim:?} grown by 3 mm"
            );
            // Crop marks start 2 mm outside the bleed and are several millimetres long.
            assert!(
                (media[i] - bleed_box[i]) * outward >= 6.0 * 72.0 / 25.4,
                "MediaBox {media:?} leaves room for the marks outside {bleed_box:?}"
            );
        }
    }
}

#[test]
fn the_qr_code_on_the_back_cover_leads_to_the_booklet_page() {
    let fixture = built();
    for (file, url) in [
        ("guide.kk.pdf", "https://example.org/kk/booklets/guide/"),
        ("guide.ru.pdf", "https://example.org/ru/booklets/guide/"),
        ("sport.kk.pdf", "https://example.org/kk/projects/sport/"),
    ] {
        let path = pdf(&fixture, file);
        let last = page_count(&path).to_string();
        let png = fixture.root().join(format!("{file}.back"));
        tool(
            "pdftoppm",
            &[
                "-r",
                "200",
                "-f",
                &last,
                "-l",
                &last,
                "-png",
                "-singlefile",
                arg(&path),
                arg(&png),
            ],
        );
        let decoded = tool(
            "zbarimg",
            &["-q", "--raw", arg(&png.with_extension("back.png"))],
        );
        assert_eq!(decoded.trim(), url, "{file}");
        assert!(back_cover(&path).contains(url));
    }
    let back = back_cover(&pdf(&fixture, "guide.ru.pdf"));
    assert!(back.contains("Тираж 300 экз."), "{back}");
    let back = back_cover(&pdf(&fixture, "guide.kk.pdf"));
    assert!(back.contains("Таралымы 300 дана"), "{back}");
    assert!(back.contains("Аудан әкімдігі"), "partners: {back}");
    assert!(back.contains("info@example.org"), "contacts: {back}");
}

#[test]
fn bilingual_editions_give_back_both_languages_and_flip_turns_the_second_half() {
    let fixture = built();
    let kk_phrase = "Еріктілер кездесулер өткізіп";
    let ru_phrase = "Волонтёры проводили встречи";
    for file in [
        "guide.kk-ru.sequential.pdf",
        "guide.kk-ru.flip.pdf",
        "guide.kk-ru.parallel.pdf",
    ] {
        let text = words(&document_text(&pdf(&fixture, file)));
        assert!(text.contains(kk_phrase), "{file} has the Kazakh text");
        assert!(text.contains(ru_phrase), "{file} has the Russian text");
        assert!(text.contains("Ауылға таза су") && text.contains("Чистая вода в село"));
    }
    let single = words(&document_text(&pdf(&fixture, "guide.kk.pdf")));
    assert!(single.contains(kk_phrase) && !single.contains(ru_phrase));

    let flip = pdf(&fixture, "guide.kk-ru.flip.pdf");
    let n = page_count(&flip);
    assert_eq!(n % 4, 0);
    let doc = lopdf::Document::load(&flip).expect("lopdf reads the flip edition");
    let rotations: Vec<i64> = doc
        .get_pages()
        .values()
        .map(|id| {
            doc.get_dictionary(*id)
                .ok()
                .and_then(|d| d.get(b"Rotate").ok())
                .and_then(|r| r.as_i64().ok())
                .unwrap_or(0)
        })
        .collect();
    let half = n / 2;
    assert!(rotations[..half].iter().all(|r| *r == 0), "{rotations:?}");
    assert!(rotations[half..].iter().all(|r| *r == 180), "{rotations:?}");
    // Kazakh from the front cover, Russian from the back: its cover is the last page.
    assert!(words(&page_text(&flip, 1, None)).contains("Ауылдық бастамалар"));
    assert!(words(&page_text(&flip, n, None)).contains("Сельские инициативы"));
    // The two halves meet at their back pages (each with its own web address).
    assert!(page_text(&flip, half, None).contains("https://example.org/kk/booklets/guide/"));
    assert!(page_text(&flip, half + 1, None).contains("https://example.org/ru/booklets/guide/"));
}

/// The page number the contents give for each story, in booklet order: the number on the
/// line of the story's title (read by position, as the contents also list each story's
/// sections, and pdftotext may read the column of numbers apart from the titles).
fn story_pages(path: &Path, titles: &[&str]) -> Vec<usize> {
    let pages = crate::support::layout::read(path);
    let toc = &pages[1].lines;
    titles
        .iter()
        .map(|title| {
            let line = toc
                .iter()
                .find(|l| l.text() == *title)
                .unwrap_or_else(|| panic!("{title} is in the contents of {}", path.display()));
            toc.iter()
                .filter(|n| (n.y1 - line.y1).abs() < 1.0 && n.x0 > line.x1)
                .find_map(|n| n.text().parse().ok())
                .unwrap_or_else(|| panic!("a page number follows {title}"))
        })
        .collect()
}

#[test]
fn contents_page_numbers_are_the_pages_where_stories_start() {
    let fixture = built();
    for (file, index) in [("guide.kk.pdf", 3), ("guide.ru.pdf", 4)] {
        let path = pdf(&fixture, file);
        let titles: Vec<&str> = STORIES
            .iter()
            .map(|story| if index == 3 { story.3 } else { story.4 })
            .collect();
        let mut previous = 0;
        for (title, number) in titles.iter().zip(story_pages(&path, &titles)) {
            assert!(number > previous, "stories in booklet order");
            previous = number;
            // The first page that shows the title (later ones carry it in the running head).
            let first = (3..=page_count(&path))
                .find(|p| words(&page_text(&path, *p, None)).contains(title))
                .expect("the story is printed");
            assert_eq!(first, number, "{title} in {file}");
            // The printed folio is the same number.
            assert!(
                page_text(&path, number, None)
                    .split_whitespace()
                    .any(|w| w == number.to_string()),
                "page {number} shows its number"
            );
        }
    }
}

#[test]
fn egiz_booklet_makes_only_the_named_booklets_and_keeps_the_others() {
    let fixture = built();
    let site = fixture.site();
    let out = fixture.out();
    let sport = out.join("booklets/sport.kk.pdf");
    std::fs::write(&sport, b"old").expect("mark a file");
    let guide_before = std::fs::read(out.join("booklets/guide.kk.pdf")).expect("read");
    std::fs::remove_file(out.join("booklets/guide.kk.pdf")).expect("remove");
    let booklet = |name: &str| egiz_on(&["booklet", name], &site, &out, fixture.root());
    let run = booklet("guide");
    run.assert_success();
    run.assert_stdout_has("built 1 booklet (9 PDFs,");
    assert_eq!(
        std::fs::read(out.join("booklets/guide.kk.pdf")).expect("remade"),
        guide_before,
        "the same content makes the same bytes"
    );
    assert_eq!(std::fs::read(&sport).expect("kept"), b"old");
    let run = booklet("gide");
    run.assert_code(1);
    run.assert_stderr_has("there is no booklet \"gide\"");
    run.assert_stderr_has("did you mean \"guide\"?");
}

#[test]
fn a_taxonomy_filter_selects_stories_newest_first() {
    let fixture = site();
    fixture.write(
        "content/booklets/balkhash.kk.md",
        &md(
            "title: Балқаш\nstories: { district: balkhash }\neditions: [single]",
            "Мәтін.\n",
        ),
    );
    fixture.build_ok();
    let text = words(&document_text(&pdf(&fixture, "balkhash.kk.pdf")));
    let library = text.find("Ауыл кітапханасы").expect("library (balkhash)");
    let water = text.find("Ауылға таза су").expect("water (balkhash)");
    assert!(library < water, "newest first");
    assert!(!text.contains("Балалар спорты"), "sport is in zhambyl");

    fixture.write(
        "content/booklets/balkhash.kk.md",
        &md("title: Балқаш\nstories: { district: balkash }", "Мәтін.\n"),
    );
    let run = fixture.build();
    run.assert_code(1);
    run.assert_stderr_has(
        "content/booklets/balkhash.kk.md:3:22: error: \"balkash\" is not a district term",
    );
    run.assert_stderr_has("did you mean \"balkhash\"?");
}

#[test]
fn a_booklet_in_one_language_leaves_out_the_bilingual_editions_with_a_warning() {
    let fixture = Fixture::new();
    let text = md(
        "title: Жадынама\neditions: [single, flip, imposed]",
        &paragraphs(KK_TEXT, 2),
    );
    fixture.write("content/booklets/memo.kk.md", &text);
    let run = fixture.build_ok();
    assert!(
        run.stderr.contains(&format!(
            "content/booklets/memo.kk.md:{}:",
            line_of(&text, "editions:")
        )) && run.stderr.contains("the flip edition needs two languages"),
        "{}",
        run.stderr
    );
    assert!(fixture.output_has("booklets/memo.kk.pdf"));
    assert!(fixture.output_has("booklets/memo.kk.imposed.pdf"));
    assert!(
        !fixture
            .out()
            .join("booklets")
            .join("memo.kk-ru.flip.pdf")
            .exists()
    );
    // A booklet without stories or contents is still a whole booklet: cover to back cover.
    let pages = page_count(&pdf(&fixture, "memo.kk.pdf"));
    assert_eq!(pages, 4);
}

#[test]
fn stories_continue_on_the_page_before_when_a_third_of_it_is_left_unless_told_otherwise() {
    let titles: Vec<&str> = STORIES.iter().map(|s| s.3).collect();
    let fixture = built();
    let flowing = pdf(&fixture, "guide.kk.pdf");
    let pages = story_pages(&flowing, &titles);
    // A story after the first shares its first page with the story before (where a third
    // of the page is left; page_flow checks the rule itself on the example booklets).
    let continued: Vec<&&str> = titles
        .iter()
        .zip(&pages)
        .skip(1)
        .filter(|(title, page)| {
            let text = words(&page_text(&flowing, **page, None));
            text.find(**title).is_some_and(|at| at > 40)
        })
        .map(|(title, _)| title)
        .collect();
    assert!(
        !continued.is_empty(),
        "no story follows the one before on its page: {pages:?}"
    );
    let path = fixture.site().join("content/booklets/guide.kk.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replacen("---\n", "---\nstory_start: new-page\n", 1),
    )
    .expect("write");
    fixture.build_ok();
    let paged = pdf(&fixture, "guide.kk.pdf");
    for (title, page) in titles.iter().zip(story_pages(&paged, &titles)) {
        let text = words(&page_text(&paged, page, None));
        assert!(
            text.starts_with(title),
            "«{title}» starts page {page}: {text}"
        );
    }
    assert!(page_count(&paged) >= page_count(&flowing));
}

#[test]
fn an_unknown_story_start_is_an_error_at_its_line() {
    let fixture = site();
    let path = fixture.site().join("content/booklets/guide.kk.md");
    let text = std::fs::read_to_string(&path).expect("read").replacen(
        "---\n",
        "---\nstory_start: next-page\n",
        1,
    );
    std::fs::write(&path, &text).expect("write");
    let run = fixture.build();
    run.assert_code(1);
    let line = line_of(&text, "story_start:");
    run.assert_stderr_has(&format!("content/booklets/guide.kk.md:{line}:"));
    run.assert_stderr_has("next-page");
    run.assert_stderr_has("continue");
}
