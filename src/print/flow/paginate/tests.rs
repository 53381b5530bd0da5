//! Pagination over real story text: page fill, keeps, widows and orphans, blank pages, the
//! running header and folio, outlines and internal links.

use super::*;
use crate::print::display::Color;
use crate::print::doc;
use crate::print::flow::galley::Frame;
use crate::print::flow::layout;
use crate::print::flow::report::ink_outside;
use crate::print::flow::testdata::with_typesetter;
use crate::print::inline::hyphenate::HyphLang;
use crate::print::pdf::Output;
use crate::print::testdata::{KAZAKH, RUSSIAN};
use crate::{theme::print::PrintSettings, units::Paper};

/// A story long enough for several pages.
fn long(story: &str) -> String {
    [story; 4].join("\n\n")
}

fn set_pages(
    lang: &str,
    markdown: &str,
    adjust: impl FnOnce(&mut PrintSettings),
) -> (Paged, Vec<String>) {
    with_typesetter(lang, adjust, |ts| {
        let galley = layout(&doc::parse(markdown), ts, &mut |_: &str| None);
        let paged = paginate(galley, ts, &Running::new("Жоба"));
        let ink = ink_outside(&paged.pages, &paged.report, ts.fonts);
        (paged, ink)
    })
}

#[test]
fn real_stories_obey_every_rule_in_every_setting() {
    let settings: [fn(&mut PrintSettings); 4] = [
        |_| {},
        |s| s.justify = false,
        |s| s.paper = Paper::A6,
        |s| {
            s.paper = Paper::A4;
            s.sizes.body = 11.0;
        },
    ];
    for (lang, story) in [("kk", KAZAKH), ("ru", RUSSIAN)] {
        for adjust in settings {
            let (paged, ink) = set_pages(lang, &long(story), adjust);
            assert!(paged.pages.len() >= 2);
            let problems = paged.report.problems(HyphLang::from_code(lang));
            assert!(problems.is_empty(), "{lang}: {problems:#?}");
            assert!(ink.is_empty(), "{lang}: {ink:#?}");
            assert!(paged.report.lines.len() > 50);
        }
    }
}

#[test]
fn margins_mirror_with_the_inner_margin_at_the_fold() {
    let (paged, _) = set_pages("kk", &long(KAZAKH), |_| {});
    let areas: Vec<f32> = paged.report.pages.iter().map(|p| p.text_area.x.0).collect();
    let inner = Pt::from(Mm(16.0)).0;
    let outer = Pt::from(Mm(13.0)).0;
    assert!(
        (areas[0] - inner).abs() < 0.01
            && (areas[1] - outer).abs() < 0.01
            && (areas[2] - inner).abs() < 0.01
    );
    let first_line_x = paged
        .report
        .lines
        .iter()
        .find(|l| l.page == 1)
        .map(|l| l.x.0);
    assert_eq!(first_line_x, Some(areas[1]));
}

#[test]
fn pages_start_with_content_at_the_top_of_the_text_area() {
    let (paged, _) = set_pages("ru", &long(RUSSIAN), |_| {});
    for (index, page) in paged.report.pages.iter().enumerate() {
        let top = page.text_area.y.0 + page.text_area.h.0;
        let first = paged
            .report
            .lines
            .iter()
            .find(|l| l.page == index)
            .expect("a line");
        assert!(
            top - first.baseline.0 < 25.0,
            "page {index}: first baseline {} below the top",
            top - first.baseline.0
        );
    }
}

#[test]
fn header_and_folio_run_on_all_but_the_opening_page() {
    let (paged, _) = set_pages("kk", &long(KAZAKH), |_| {});
    let report = &paged.report.pages;
    assert!(report[0].header.is_none() && report[0].footer.is_some());
    assert!(report[1].header.is_some() && report[1].footer.is_some());
    let numbers: Vec<Option<i64>> = report.iter().map(|p| p.number).take(3).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    let folio = |page: &Page| {
        page.draws.iter().rev().find_map(|d| match d {
            Draw::Text { run, x, .. } if run.text == "2" || run.text == "3" => {
                Some(x.0 + run.width)
            }
            _ => None,
        })
    };
    let right_edge = report[2].text_area.x.0 + report[2].text_area.w.0;
    assert!(
        folio(&paged.pages[2]).is_some_and(|end| (end - right_edge).abs() < 0.01),
        "outer corner of a right-hand page"
    );
    let (plain, _) = set_pages("kk", &long(KAZAKH), |s| {
        s.header = false;
        s.footer = false;
    });
    assert!(
        plain
            .report
            .pages
            .iter()
            .all(|p| p.header.is_none() && p.footer.is_none())
    );
}

#[test]
fn numbering_can_start_after_a_cover() {
    with_typesetter(
        "kk",
        |_| {},
        |ts| {
            let galley = layout(&doc::parse(&long(KAZAKH)), ts, &mut |_: &str| None);
            let running = Running {
                first_number: 0,
                ..Running::new("Жоба")
            };
            let paged = paginate(galley, ts, &running);
            let numbers: Vec<Option<i64>> = paged
                .report
                .pages
                .iter()
                .map(|p| p.number)
                .take(3)
                .collect();
            assert_eq!(numbers, [None, Some(1), Some(2)]);
        },
    );
}

#[test]
fn stories_start_on_new_pages_and_right_hand_starts_pad_with_a_blank() {
    with_typesetter(
        "kk",
        |_| {},
        |ts| {
            let story = |text: &str| layout(&doc::parse(text), ts, &mut |_: &str| None);
            let mut galley = story("Бірінші әңгіме.");
            galley.new_page(true);
            galley.append_story("Екінші", story("Екінші әңгіме."));
            galley.append_story("Үшінші", story("Үшінші әңгіме."));
            let paged = paginate(galley, ts, &Running::new("Бірінші"));
            let blank: Vec<bool> = paged.report.pages.iter().map(|p| p.blank).collect();
            assert_eq!(blank, [false, true, false, false]);
            assert!(paged.pages[1].draws.is_empty());
            let pages: Vec<usize> = paged.report.lines.iter().map(|l| l.page).collect();
            assert_eq!(pages, [0, 2, 3]);
            assert!(
                paged.report.pages.iter().all(|p| p.header.is_none()),
                "every page opens a story or is blank"
            );
        },
    );
}

fn line_item(height: f32, break_before: bool) -> Item {
    Item::Content(Content {
        height: Pt(height),
        draws: Vec::new(),
        break_before,
        kind: Kind::Text,
        lines: Vec::new(),
        frames: vec![0],
    })
}

#[test]
fn breaks_go_back_to_the_last_allowed_place_or_else_fill_the_page() {
    with_typesetter(
        "kk",
        |_| {},
        |ts| {
            let page = Geometry::new(ts).text_height();
            let line = page / 10.0 - 0.001;
            // 7 free lines, then a chain of 6 that must move as a whole.
            let mut items: Vec<Item> = (0..7).map(|_| line_item(line, true)).collect();
            items.extend((0..6).map(|i| line_item(line, i == 0)));
            // Then 25 lines no page may break, which fill pages to the brim.
            items.extend((0..25).map(|_| line_item(line, false)));
            let tint = Color {
                rgb: [0.5, 0.5, 0.5],
                cmyk: [0.0, 0.0, 0.0, 1.0],
                registration: false,
            };
            let galley = Galley {
                items,
                frames: vec![Frame {
                    x: Pt(0.0),
                    w: Pt(10.0),
                    fill: tint,
                }],
            };
            let running = Running::new("");
            let mut paginator = Paginator::new(ts, &running, galley);
            paginator.run();
            let counts: Vec<usize> = paginator.plans.iter().map(|p| p.placed.len()).collect();
            assert_eq!(counts, [7, 10, 10, 10, 1]);
            let paged = paginator.finish();
            let frame = paged.pages[1].draws.iter().find_map(|d| match d {
                Draw::Rect { h, .. } => Some(h.0),
                _ => None,
            });
            assert!(
                frame.is_some_and(|h| (h - 10.0 * line).abs() < 0.01),
                "the frame spans the page's items"
            );
        },
    );
}

#[test]
fn spaces_at_a_page_top_are_dropped() {
    with_typesetter(
        "kk",
        |_| {},
        |ts| {
            let page = Geometry::new(ts).text_height();
            let items = vec![
                line_item(page - 1.0, true),
                Item::Space(Pt(30.0)),
                line_item(10.0, true),
            ];
            let paginator_running = Running::new("");
            let mut paginator = Paginator::new(
                ts,
                &paginator_running,
                Galley {
                    items,
                    frames: vec![Frame {
                        x: Pt(0.0),
                        w: Pt(1.0),
                        fill: Color {
                            rgb: [0.0, 0.0, 0.0],
                            cmyk: [0.0, 0.0, 0.0, 1.0],
                            registration: false,
                        },
                    }],
                },
            );
            paginator.run();
            let placed: Vec<Vec<(usize, f32)>> =
                paginator.plans.iter().map(|p| p.placed.clone()).collect();
            assert_eq!(placed, [vec![(0, 0.0)], vec![(2, 0.0)]]);
        },
    );
}

#[test]
fn headings_become_outline_entries_and_internal_links_pages() {
    let markdown = format!(
        "[Соңына](#songy)\n\n{}\n\n## Соңы {{#songy}}\n\nМәтін.",
        long(KAZAKH)
    );
    let (paged, _) = set_pages("kk", &markdown, |_| {});
    let last = paged.outline.last().expect("outline");
    assert_eq!(last.title, "Соңы");
    assert_eq!(
        last.level, 1,
        "a document without h1 starts its outline at level 1"
    );
    assert!(last.page > 0);
    let target = paged.pages[0].draws.iter().find_map(|d| match d {
        Draw::Link { target, .. } => Some(target.clone()),
        _ => None,
    });
    assert_eq!(target, Some(LinkTarget::Page(last.page)));
    let heading = paged.report.headings.last().expect("heading");
    assert!((heading.top.0 - last.y.0).abs() < 0.01);
}

#[test]
fn a_long_header_title_is_shortened_to_the_measure() {
    with_typesetter(
        "kk",
        |_| {},
        |ts| {
            let title = "Өте ұзын тақырып ".repeat(20);
            let galley = layout(&doc::parse(&long(KAZAKH)), ts, &mut |_: &str| None);
            let paged = paginate(galley, ts, &Running::new(&title));
            let header = paged.pages[1].draws.iter().find_map(|d| match d {
                Draw::Text { run, .. } if run.text.ends_with('…') => Some(run.width),
                _ => None,
            });
            assert!(header.is_some_and(|w| w <= paged.report.pages[1].text_area.w.0));
            assert!(ink_outside(&paged.pages, &paged.report, ts.fonts).is_empty());
        },
    );
}

/// Letters and digits only: what survives any joining of hyphenated lines and spacing.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[test]
fn pdftotext_gives_the_text_back() {
    with_typesetter(
        "kk",
        |_| {},
        |ts| {
            let document = doc::parse(&long(KAZAKH));
            let galley = layout(&document, ts, &mut |_: &str| None);
            let paged = paginate(galley, ts, &Running::new("Жоба"));
            let meta = crate::print::pdf::Meta::default();
            let bytes = crate::print::pdf::PdfWriter::new(ts.fonts)
                .finish(paged.pages, &paged.outline, &meta, &Output::Screen)
                .expect("pdf");
            let dir = std::env::temp_dir().join(format!("egiz-layout-{}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let path = dir.join("story.pdf");
            std::fs::write(&path, bytes).expect("write");
            let Ok(output) = std::process::Command::new("pdftotext")
                .arg(&path)
                .arg("-")
                .output()
            else {
                eprintln!("pdftotext is not installed; skipped");
                return;
            };
            let _ = std::fs::remove_dir_all(&dir);
            let text = String::from_utf8_lossy(&output.stdout);
            // Lines break inside words only at a hyphen and words keep their spaces.
            let joined = text.replace("-\n", "").replace('\n', " ");
            for paragraph in KAZAKH
                .split("\n\n")
                .filter(|p| !p.starts_with(['#', '-', '>']))
            {
                assert!(
                    letters(&joined).contains(&letters(paragraph)),
                    "missing: {paragraph}"
                );
                let first_words: String =
                    paragraph.split(' ').take(6).collect::<Vec<_>>().join(" ");
                assert!(joined.contains(&first_words), "spaces lost: {first_words}");
            }
        },
    );
}

#[test]
fn odd_documents_do_not_panic_and_stay_in_the_measure() {
    let long_word = "ы".repeat(3000);
    let markdown = format!(
        "#\n\n##   \n\n|a|\n|-|\n\nсөз\u{AD}бөлігі\tтаб 😀 مرحبا й\u{306}\n\n{long_word}\n\n- \n\n> \n\n```\n```\n\n| {long_word} | x |\n|---|---|\n| y | z |"
    );
    for lang in ["kk", "ru", "en", ""] {
        let (paged, _) = set_pages(lang, &markdown, |_| {});
        for line in &paged.report.lines {
            assert!(line.width.0 <= line.measure.0 + 0.01, "{}", line.text);
        }
    }
    let (paged, _) = set_pages("kk", &markdown, |s| {
        s.margins.inner = 60.0;
        s.margins.outer = 60.0;
        s.leading = 1.0;
    });
    assert!(!paged.pages.is_empty());
}

#[test]
fn an_empty_galley_gives_no_pages() {
    let (paged, _) = set_pages("kk", "", |_| {});
    assert!(paged.pages.is_empty() && paged.outline.is_empty());
}
