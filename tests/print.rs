//! `egiz print`: stories set into PDFs, read back with poppler's and qpdf's tools, and the
//! engine's own layout report checked against the typesetting rules on the example stories.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Fixture, egiz, md};
use egiz::print::engine::Engine;
use egiz::print::hyphenate::HyphLang;
use egiz::print::report::ink_outside;

/// Every Kazakh special letter, in both cases, in real words.
const KAZAKH: &str = "Әкімдік өкілдері ғимаратта қоғамдық кеңес өткізді. Ұйымдастырушылар үнемі \
жергілікті тұрғындармен һәм жастармен кездесіп, Қазақстанның ауылдарындағы іс-шаралар туралы айтты. \
ӘҒҚҢӨҰҮҺІ әріптері де дұрыс басылуы керек.";

const RUSSIAN: &str = "Информационная кампания о порядке обращения в государственные органы \
охватила отдалённые сёла Балхашского района. Волонтёры распространили буклеты и объяснили жителям, \
как получить помощь.";

fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} must be installed (poppler-utils, qpdf): {e}"));
    assert!(
        output.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A site with one story in Kazakh and Russian, printed with `egiz print`.
fn printed_story() -> (Fixture, PathBuf) {
    let fixture = Fixture::new();
    let kk = md(
        "title: Қоғамдық кеңес\ndate: 2023-12-06\ndistrict: balkhash",
        &format!("{KAZAKH}\n\n## Нәтижелер\n\n{KAZAKH}\n"),
    );
    let ru = md(
        "title: Общественный совет",
        &format!("{RUSSIAN}\n\n## Результаты\n\n{RUSSIAN}\n"),
    );
    fixture.write("content/projects/council.kk.md", &kk);
    fixture.write("content/projects/council.ru.md", &ru);
    let out = print(&fixture, "council");
    (fixture, out)
}

/// `egiz print STORY` into `<fixture>/pdf`, which it returns; the run must succeed.
fn print(fixture: &Fixture, story: &str) -> PathBuf {
    let out = fixture.root().join("pdf");
    let site = fixture.site();
    let run = egiz(
        &[
            "print",
            story,
            "--site",
            site.to_str().expect("UTF-8"),
            "--output",
            out.to_str().expect("UTF-8"),
        ],
        fixture.root(),
    );
    run.assert_success();
    out
}

/// pdftotext's text with hyphen-broken words joined and white space normalised.
fn extracted_words(pdf: &Path) -> String {
    let text = tool("pdftotext", &[pdf.to_str().expect("UTF-8"), "-"]);
    text.replace("-\n", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn kazakh_text_comes_back_exactly_from_the_pdf() {
    let (_fixture, out) = printed_story();
    let words = extracted_words(&out.join("council.kk.pdf"));
    assert!(words.contains(&normalised(KAZAKH)), "extracted: {words}");
    for letter in "әғқңөұүһіӘҒҚҢӨҰҮҺІ".chars() {
        assert!(words.contains(letter), "{letter} is missing from: {words}");
    }
    assert!(words.contains("Қоғамдық кеңес"));
}

#[test]
fn russian_text_comes_back_exactly_from_the_pdf() {
    let (_fixture, out) = printed_story();
    let words = extracted_words(&out.join("council.ru.pdf"));
    assert!(words.contains(&normalised(RUSSIAN)), "extracted: {words}");
    assert!(
        words.contains("Балхашский район"),
        "the inherited district is shown: {words}"
    );
}

#[test]
fn every_font_is_embedded_and_subset() {
    let (_fixture, out) = printed_story();
    let list = tool(
        "pdffonts",
        &[out.join("council.kk.pdf").to_str().expect("UTF-8")],
    );
    let fonts: Vec<&str> = list.lines().skip(2).collect();
    assert!(fonts.len() >= 2, "{list}");
    for line in fonts {
        let columns: Vec<&str> = line.split_whitespace().collect();
        assert!(
            columns[0].len() > 7 && columns[0].as_bytes()[6] == b'+',
            "not a subset name: {line}"
        );
        // name type encoding emb sub uni object ID
        let n = columns.len();
        assert_eq!(
            &columns[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "not embedded+subset+unicode: {line}"
        );
    }
}

#[test]
fn qpdf_finds_the_pdf_sound_and_boxes_are_real_rectangles() {
    let (_fixture, out) = printed_story();
    let pdf = out.join("council.ru.pdf");
    let check = tool("qpdf", &["--check", pdf.to_str().expect("UTF-8")]);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );
    let info = tool("pdfinfo", &["-box", pdf.to_str().expect("UTF-8")]);
    for name in ["MediaBox", "TrimBox"] {
        let line = info
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no {name}: {info}"));
        let numbers: Vec<f32> = line
            .split_whitespace()
            .skip(1)
            .filter_map(|n| n.parse().ok())
            .collect();
        // A5 is 419.53 × 595.28 pt.
        assert_eq!(numbers.len(), 4, "{line}");
        assert!(numbers[0].abs() < 0.01 && numbers[1].abs() < 0.01, "{line}");
        assert!(
            (numbers[2] - 419.53).abs() < 0.1 && (numbers[3] - 595.28).abs() < 0.1,
            "{line}"
        );
    }
    assert!(
        info.contains("Title:") && info.contains("Общественный совет"),
        "{info}"
    );
}

#[test]
fn printing_is_reproducible() {
    let (fixture, out) = printed_story();
    let first = std::fs::read(out.join("council.kk.pdf")).expect("read");
    let again = fixture.root().join("again");
    let site = fixture.site();
    egiz(
        &[
            "print",
            "council",
            "--lang",
            "kk",
            "--site",
            site.to_str().expect("UTF-8"),
            "--output",
            again.to_str().expect("UTF-8"),
        ],
        fixture.root(),
    )
    .assert_success();
    let second = std::fs::read(again.join("council.kk.pdf")).expect("read");
    assert!(first == second, "two prints of the same story differ");
    assert!(
        !again.join("council.ru.pdf").exists(),
        "--lang kk prints only Kazakh"
    );
}

#[test]
fn unknown_story_is_an_error_with_a_suggestion() {
    let (fixture, _) = printed_story();
    let site = fixture.site();
    let run = egiz(
        &["print", "councel", "--site", site.to_str().expect("UTF-8")],
        fixture.root(),
    );
    run.assert_code(1);
    assert!(
        run.stderr.contains("did you mean \"council\""),
        "{}",
        run.stderr
    );
}

/// The example site's stories, set by the engine, break none of the typesetting rules: no
/// line wider than the measure, nothing outside the text area, hyphens only where the
/// patterns allow, no heading last on a page, no widows or orphans, images inside.
#[test]
fn example_stories_obey_the_typesetting_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (site, _) = egiz::content::load(root, None).expect("the example site loads");
    let (theme, _) = egiz::theme::Theme::load(root, &site.config).expect("the theme loads");
    let engine = Engine::new(&theme).expect("print settings");
    let mut checked = 0;
    for entry in &site.stories {
        for page in &entry.pages {
            let document = egiz::print::story::story_document(&site, page, &engine.strings);
            let typeset = engine.typeset(&document, page, &page.title);
            let mut problems = typeset
                .paged
                .report
                .problems(HyphLang::from_code(&page.lang));
            problems.extend(ink_outside(
                &typeset.paged.pages,
                &typeset.paged.report,
                &engine.fonts,
            ));
            assert!(
                problems.is_empty(),
                "{}: {problems:#?}",
                page.source.display()
            );
            checked += typeset.paged.report.lines.len();
        }
    }
    assert!(checked > 500, "only {checked} lines were checked");
}

/// A long text-only story stays light: fonts are subset, streams compressed.
#[test]
fn an_eight_page_text_story_weighs_under_100_kb() {
    let fixture = Fixture::new();
    let paragraph = format!("{KAZAKH} {KAZAKH}\n\n");
    let body: String = (0..6)
        .map(|i| format!("## Бөлім {i}\n\n{}", paragraph.repeat(5)))
        .collect();
    fixture.write(
        "content/projects/long.kk.md",
        &md("title: Ұзақ әңгіме\ndate: 2023-12-06", &body),
    );
    let pdf = print(&fixture, "long").join("long.kk.pdf");
    let info = tool("pdfinfo", &[pdf.to_str().expect("UTF-8")]);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!(pages >= 8, "only {pages} pages: make the text longer");
    let size = std::fs::metadata(&pdf).expect("size").len();
    assert!(size < 100 * 1024, "{pages} pages weigh {size} bytes");
}

/// Not a test but a measurement (run with `cargo test --release --test print -- --ignored
/// --nocapture`): setting and writing a 16-page A5 text booklet's worth of content.
#[test]
#[ignore = "benchmark: run explicitly in release"]
fn bench_sixteen_a5_pages_set_and_written() {
    let fixture = Fixture::new();
    let paragraph = format!("{KAZAKH} {KAZAKH} {KAZAKH}\n\n");
    let body: String = (0..12)
        .map(|i| format!("## Бөлім {i}\n\n{}", paragraph.repeat(4)))
        .collect();
    fixture.write(
        "content/projects/long.kk.md",
        &md("title: Ұзақ әңгіме\ndate: 2023-12-06", &body),
    );
    let (site, _) = egiz::content::load(&fixture.site(), None).expect("loads");
    let (theme, _) = egiz::theme::Theme::load(&fixture.site(), &site.config).expect("theme");
    let engine = Engine::new(&theme).expect("engine");
    let page = &site.stories[0].pages[0];
    let mut times = Vec::new();
    let mut pages = 0;
    for _ in 0..7 {
        let started = std::time::Instant::now();
        let pdf = engine.story_pdf(&site, page).expect("prints");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        pages = pdf.pages;
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{pages} A5 pages set and written: median {:.1} ms (min {:.1}, max {:.1})",
        times[3], times[0], times[6]
    );
}

/// The PDF's outline entries, depth first, as (title, page from 1), and the pages (from 1)
/// that the internal links of page `links_on` jump to, in the order they are drawn, both
/// read back with `qpdf --json`.
fn outline_and_links(pdf: &Path, links_on: usize) -> (Vec<(String, u64)>, Vec<u64>) {
    let json: serde_json::Value =
        serde_json::from_str(&tool("qpdf", &["--json=2", pdf.to_str().expect("UTF-8")]))
            .expect("qpdf's JSON");
    fn walk(entries: &serde_json::Value, out: &mut Vec<(String, u64)>) {
        for entry in entries.as_array().into_iter().flatten() {
            let title = entry["title"].as_str().unwrap_or_default().to_string();
            out.push((title, entry["destpageposfrom1"].as_u64().unwrap_or(0)));
            walk(&entry["kids"], out);
        }
    }
    let mut outline = Vec::new();
    walk(&json["outlines"], &mut outline);
    let pages = json["pages"].as_array().expect("pages");
    let page_number = |reference: &serde_json::Value| {
        pages
            .iter()
            .position(|p| p["object"] == *reference)
            .map(|i| i as u64 + 1)
    };
    let objects = &json["qpdf"][1];
    let object = |reference: &serde_json::Value| {
        let key = format!("obj:{}", reference.as_str().unwrap_or_default());
        objects[key.as_str()]["value"].clone()
    };
    let page = object(&pages[links_on - 1]["object"]);
    let links = page["/Annots"]
        .as_array()
        .into_iter()
        .flatten()
        .map(object)
        .filter(|annot| annot["/A"]["/S"] == "/GoTo")
        .filter_map(|annot| page_number(&annot["/A"]["/D"][0]))
        .collect();
    (outline, links)
}

#[test]
fn web_heading_ids_are_the_pdf_link_destinations() {
    // Repeated and Kazakh headings, an explicit id, and a footnote in a heading: the web's
    // heading text leaves the footnote number out, the printed heading shows it.
    let fixture = Fixture::new();
    let text = format!("{KAZAKH}\n\n").repeat(12);
    let body = format!(
        "[бірінші](#natizheler) [екінші](#natizheler-2) [жоспар](#plan) \
         [қорытынды](#qorytyndy)\n\n## Нәтижелер\n\n{text}## Нәтижелер\n\n{text}\
         ## Жоба {{#plan}}\n\n{text}## Қорытынды[^1]\n\n{text}[^1]: Ескерту.\n"
    );
    fixture.write(
        "content/projects/council.kk.md",
        &md("title: Қоғамдық кеңес\ndate: 2023-12-06", &body),
    );
    fixture.build_ok();
    let web = fixture
        .page("kk/projects/council/index.html")
        .select_attr(".prose h2[id]", "id");
    assert_eq!(web, ["natizheler", "natizheler-2", "plan", "qorytyndy"]);

    let out = print(&fixture, "council");
    let (outline, links) = outline_and_links(&out.join("council.kk.pdf"), 1);
    // The outline nests the four headings under the story's title, in the order of the text.
    let headings: Vec<u64> = outline.iter().skip(1).map(|(_, page)| *page).collect();
    assert_eq!(headings.len(), web.len(), "{outline:?}");
    assert!(
        headings.windows(2).all(|w| w[0] < w[1]),
        "each heading starts a later page: {outline:?}"
    );
    // A link to a web anchor the PDF does not know is dropped, so every id must be there,
    // and each must jump to the page of its own heading.
    assert_eq!(links, headings, "links to {web:?}; outline {outline:?}");
}
