//! `egiz print`: stories set into PDFs, read back with poppler's and qpdf's tools, and the
//! engine's own layout report checked against the typesetting rules on the example stories.

use std::path::{Path, PathBuf};

use egiz::print::engine::Engine;
use egiz::print::hyphenate::HyphLang;
use egiz::print::report::ink_outside;

use crate::support::pdf::{document_text, page_count, tool, words};
use crate::support::run::{arg, egiz};
use crate::support::site::{Fixture, md, repo};

/// Every Kazakh special letter, in both cases, in real words.
const KAZAKH: &str = "Әкімдік өкілдері ғимаратта қоғамдық кеңес өткізді. Ұйымдастырушылар үнемі \
жергілікті тұрғындармен һәм жастармен кездесіп, Қазақстанның ауылдарындағы іс-шаралар туралы айтты. \
ӘҒҚҢӨҰҮҺІ әріптері де дұрыс басылуы керек.";

const RUSSIAN: &str = "Информационная кампания о порядке обращения в государственные органы \
охватила отдалённые сёла Балхашского района. Волонтёры распространили буклеты и объяснили жителям, \
как получить помощь.";

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

/// `egiz print ARGS` into `<fixture>/FOLDER`, which it returns; the run must succeed.
fn print_into(fixture: &Fixture, folder: &str, args: &[&str]) -> PathBuf {
    let out = fixture.root().join(folder);
    let site = fixture.site();
    let mut args = [&["print"], args].concat();
    args.extend(["--site", arg(&site), "--output", arg(&out)]);
    egiz(&args, fixture.root()).assert_success();
    out
}

/// `egiz print STORY` into `<fixture>/pdf`, which it returns; the run must succeed.
fn print(fixture: &Fixture, story: &str) -> PathBuf {
    print_into(fixture, "pdf", &[story])
}

/// pdftotext's text with hyphen-broken words joined and white space normalised.
fn extracted_words(pdf: &Path) -> String {
    words(&document_text(pdf).replace("-\n", ""))
}

/// A site (the example site or a fixture's) loaded by the library, and its theme's print engine.
fn engine_for(root: &Path) -> (egiz::content::Site, Engine) {
    let (site, _) = egiz::content::load(root, None).expect("the site loads");
    let (theme, _) = egiz::theme::Theme::load(root, &site.config).expect("the theme loads");
    let engine = Engine::new(&theme).expect("print settings");
    (site, engine)
}

#[test]
fn kazakh_text_comes_back_exactly_from_the_pdf() {
    let (_fixture, out) = printed_story();
    let extracted = extracted_words(&out.join("council.kk.pdf"));
    assert!(extracted.contains(&words(KAZAKH)), "extracted: {extracted}");
    for letter in "әғқңөұүһіӘҒҚҢӨҰҮҺІ".chars() {
        assert!(
            extracted.contains(letter),
            "{letter} is missing from: {extracted}"
        );
    }
    assert!(extracted.contains("Қоғамдық кеңес"));
}

#[test]
fn russian_text_comes_back_exactly_from_the_pdf() {
    let (_fixture, out) = printed_story();
    let extracted = extracted_words(&out.join("council.ru.pdf"));
    assert!(
        extracted.contains(&words(RUSSIAN)),
        "extracted: {extracted}"
    );
    assert!(
        extracted.contains("Балхашский район"),
        "the inherited district is shown: {extracted}"
    );
}

#[test]
fn every_font_is_embedded_and_subset() {
    let (_fixture, out) = printed_story();
    let list = tool("pdffonts", &[arg(&out.join("council.kk.pdf"))]);
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
    let check = tool("qpdf", &["--check", arg(&pdf)]);
    assert!(
        check.contains("No syntax or stream encoding errors found"),
        "{check}"
    );
    let info = tool("pdfinfo", &["-box", arg(&pdf)]);
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
    let again = print_into(&fixture, "again", &["council", "--lang", "kk"]);
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
    let run = egiz(
        &["print", "councel", "--site", arg(&fixture.site())],
        fixture.root(),
    );
    run.assert_code(1);
    run.assert_stderr_has("did you mean \"council\"");
}

/// The example site's stories, set by the engine, break none of the typesetting rules: no
/// line wider than the measure, nothing outside the text area, hyphens only where the
/// patterns allow, no heading last on a page, no widows or orphans, images inside.
#[test]
fn example_stories_obey_the_typesetting_rules() {
    let (site, engine) = engine_for(&repo());
    let mut checked = 0;
    for entry in &site.stories {
        for page in &entry.pages {
            let document = egiz::print::story::story_document(&site, page, &engine.strings);
            let typeset = engine.typeset(&document, page, &page.title);
            let mut problems = typeset
                .paged
                .report
                .problems(HyphLang::from_code(&page.lang));
            problems.extend(ink_outside(&typeset.paged, &engine.fonts));
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

/// A site with the long Kazakh story `long`: `sections` sections of `paragraphs` paragraphs,
/// each the Kazakh text `copies` times.
fn long_story(sections: usize, paragraphs: usize, copies: usize) -> Fixture {
    let fixture = Fixture::new();
    let paragraph = format!("{}\n\n", vec![KAZAKH; copies].join(" "));
    let body: String = (0..sections)
        .map(|i| format!("## Бөлім {i}\n\n{}", paragraph.repeat(paragraphs)))
        .collect();
    fixture.write(
        "content/projects/long.kk.md",
        &md("title: Ұзақ әңгіме\ndate: 2023-12-06", &body),
    );
    fixture
}

/// A long text-only story stays light: fonts are subset, streams compressed.
#[test]
fn an_eight_page_text_story_weighs_under_100_kb() {
    let fixture = long_story(6, 5, 2);
    let pdf = print(&fixture, "long").join("long.kk.pdf");
    let pages = page_count(&pdf);
    assert!(pages >= 8, "only {pages} pages: make the text longer");
    let size = std::fs::metadata(&pdf).expect("size").len();
    assert!(size < 100 * 1024, "{pages} pages weigh {size} bytes");
}

/// Not a test but a measurement (run with `cargo test --release --test suite print::bench --
/// --ignored --nocapture`): setting and writing a 16-page A5 text booklet's worth of content.
#[test]
#[ignore = "benchmark: run explicitly in release"]
fn bench_sixteen_a5_pages_set_and_written() {
    let fixture = long_story(12, 4, 3);
    let (site, engine) = engine_for(&fixture.site());
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
