//! `egiz print`: stories set into PDFs, read back with poppler's and qpdf's tools, and the
//! engine's own layout report checked against the typesetting rules on the example stories.

use std::path::{Path, PathBuf};

use crate::support::pdf::{document_text, page_count, tool, words};
use crate::support::run::{arg, egiz};
use crate::support::site::{Fixture, md};

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
