//! The block styles set into a galley: break rules, spaces, images, tables, cards, boxes.

use super::blocks::IMAGE_MAX_HEIGHT;
use super::cards::row_sizes;
use super::tables::share_widths;
use super::testdata::with_typesetter;
use super::*;
use crate::print::display::{Draw, ImageId};
use crate::print::doc::{self, Block, Inline, ResultFigure, Style};
use crate::print::fonts::{Family, face};
use crate::print::inline::LineEnd;
use crate::print::testdata::KAZAKH;

fn galley_of(markdown: &str) -> Galley {
    with_typesetter(
        "kk",
        |_| {},
        |ts| layout(&doc::parse(markdown), ts, &mut |_: &str| None),
    )
}

fn contents(galley: &Galley) -> Vec<&Content> {
    galley
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Content(c) => Some(c),
            _ => None,
        })
        .collect()
}

fn texts(draws: &[Draw]) -> Vec<&str> {
    draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { run, .. } => Some(run.text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn paragraph_lines_allow_breaks_only_with_two_lines_on_each_side() {
    let galley = galley_of(KAZAKH.split("\n\n").next().unwrap_or_default());
    let lines = contents(&galley);
    let breaks: Vec<bool> = lines.iter().map(|c| c.break_before).collect();
    let n = breaks.len();
    assert!(n >= 5, "{n} lines");
    // No break after a hyphenated line either: no word is split across a page turn.
    let hyphenated: Vec<bool> = lines
        .iter()
        .map(|c| {
            matches!(
                c.lines[0].end,
                LineEnd::Hyphen { .. } | LineEnd::ExplicitHyphen
            )
        })
        .collect();
    let expected: Vec<bool> = (0..n)
        .map(|i| i == 0 || (i >= 2 && n - i >= 2 && !hyphenated[i - 1]))
        .collect();
    assert_eq!(breaks, expected);
    let para = lines[1].lines[0].paragraph.expect("paragraph line");
    assert_eq!((para.index, para.count), (1, n));
}

#[test]
fn a_heading_is_kept_with_the_first_two_lines_after_it() {
    let galley = galley_of(KAZAKH);
    let items = contents(&galley);
    let heading = items
        .iter()
        .position(|c| matches!(c.kind, Kind::Heading { level: 2, .. }))
        .expect("heading");
    assert!(!items[heading + 1].break_before && !items[heading + 2].break_before);
    let Kind::Heading { title, id, .. } = &items[heading].kind else {
        unreachable!()
    };
    assert!(title.starts_with("Байқаудың"));
    assert!(!id.is_empty());
}

#[test]
fn spaces_collapse_and_never_start_the_galley() {
    let galley = galley_of("## Бірінші\n\nМәтін.\n\n---\n\n## Екінші\n\nМәтін.");
    assert!(matches!(galley.items.first(), Some(Item::Content(_))));
    let spaces = galley
        .items
        .windows(2)
        .filter(|w| matches!(w, [Item::Space(_), Item::Space(_)]))
        .count();
    assert_eq!(spaces, 0);
}

#[test]
fn images_fill_the_column_or_are_capped_and_keep_their_caption() {
    let mut lookup = |src: &str| match src {
        "wide.jpg" => Some((ImageId(0), 2000, 1000)),
        "tall.jpg" => Some((ImageId(1), 500, 2000)),
        _ => None,
    };
    let markdown = "![Кең сурет](wide.jpg)\n\n![Биік сурет](tall.jpg)\n\n![Жоқ сурет](missing.jpg)";
    let galley = with_typesetter(
        "kk",
        |_| {},
        |ts| layout(&doc::parse(markdown), ts, &mut lookup),
    );
    let look = with_typesetter("kk", |_| {}, |ts| Look::new(ts.settings));
    let items = contents(&galley);
    let images: Vec<(f32, f32, f32, f32)> = items
        .iter()
        .flat_map(|c| c.draws.iter())
        .filter_map(|d| match d {
            Draw::Image { x, y, w, h, .. } => Some((x.0, y.0, w.0, h.0)),
            _ => None,
        })
        .collect();
    assert_eq!(images.len(), 2);
    let (x, y, w, h) = images[0];
    assert!((w - look.measure).abs() < 0.01 && (h - w / 2.0).abs() < 0.01 && x == 0.0 && y == -h);
    let (x, _, w, h) = images[1];
    assert!((h - look.page_height * IMAGE_MAX_HEIGHT).abs() < 0.01);
    assert!((w - h / 4.0).abs() < 0.01 && (x - (look.measure - w) / 2.0).abs() < 0.01);
    // Image, caption kept with it; the missing image leaves its caption.
    let kinds: Vec<(Kind, bool)> = items
        .iter()
        .map(|c| (c.kind.clone(), c.break_before))
        .collect();
    assert_eq!(kinds[1], (Kind::Text, false));
    assert_eq!(kinds[3], (Kind::Text, false));
    assert_eq!(texts(&items[4].draws), ["Жоқ сурет"]);
}

#[test]
fn list_markers_sit_on_the_first_baseline_left_of_the_text() {
    let galley = galley_of("3. Бірінші тармақ.\n4. Екінші тармақ.\n   - ішкі тармақ");
    let items = contents(&galley);
    assert_eq!(texts(&items[0].draws), ["Бірінші тармақ.", "3."]);
    assert_eq!(texts(&items[1].draws), ["Екінші тармақ.", "4."]);
    assert_eq!(texts(&items[2].draws), ["ішкі тармақ", "–"]);
    let position = |c: &Content, i: usize| match c.draws.get(i) {
        Some(Draw::Text { x, y, .. }) => (x.0, y.0),
        _ => (f32::NAN, f32::NAN),
    };
    let (text_x, text_y) = position(items[0], 0);
    let (marker_x, marker_y) = position(items[0], 1);
    assert_eq!(text_y, marker_y);
    assert!(marker_x < text_x && marker_x >= 0.0);
    assert!(
        position(items[2], 0).0 > text_x,
        "nested items indent further"
    );
}

#[test]
fn table_rows_are_single_items_with_columns_wide_enough_for_their_words() {
    let markdown = "| Аудан | Қатысушылар | Нәтиже |\n|---|--:|---|\n| Райымбек | 35 | Медициналық стандарттар енгізілді және тұрғындар хабардар болды |\n| Кеген | 1 250 | Байқауға қатысты |";
    let galley = galley_of(markdown);
    let rows = contents(&galley);
    assert_eq!(rows.len(), 3);
    assert!(!rows[1].break_before, "the header stays with the first row");
    let header_fonts: Vec<bool> = rows[0]
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { run, .. } => Some(run.font),
            _ => None,
        })
        .map(|f| {
            f == with_typesetter(
                "kk",
                |_| {},
                |ts| ts.fonts.face(face(Family::Sans, true, false)),
            )
        })
        .collect();
    assert!(header_fonts.iter().all(|b| *b));
    for row in &rows {
        for line in &row.lines {
            assert!(
                !matches!(line.end, LineEnd::Hyphen { .. }) || line.text.len() > 20,
                "{}",
                line.text
            );
            assert!(line.width.0 <= line.measure.0 + 0.01);
        }
    }
    // Right-aligned numbers share their right edge.
    let right_edge = |row: &Content, text: &str| {
        row.lines
            .iter()
            .find(|l| l.text == text)
            .map(|l| l.x.0 + l.width.0)
    };
    let (a, b) = (right_edge(rows[1], "35"), right_edge(rows[2], "1 250"));
    assert!(
        a.zip(b).is_some_and(|(a, b)| (a - b).abs() < 0.01),
        "{a:?} {b:?}"
    );
}

#[test]
fn widths_are_shared_by_content_with_minimums() {
    let widths = share_widths(&[40.0, 60.0, 300.0], &[45.0, 30.0, 50.0], 300.0);
    assert!((widths.iter().sum::<f32>() - 300.0).abs() < 0.01);
    assert!((widths[0] - 45.0).abs() < 0.01, "{widths:?}");
    assert!(widths[2] > widths[1] * 4.0, "{widths:?}");
    let squeezed = share_widths(&[100.0, 100.0], &[200.0, 200.0], 300.0);
    assert!((squeezed.iter().sum::<f32>() - 300.0).abs() < 0.01);
}

#[test]
fn figures_go_in_even_rows_of_at_most_three() {
    assert_eq!(row_sizes(1, 3), [1]);
    assert_eq!(row_sizes(3, 3), [3]);
    assert_eq!(row_sizes(4, 3), [2, 2]);
    assert_eq!(row_sizes(5, 3), [3, 2]);
    assert_eq!(row_sizes(7, 3), [3, 2, 2]);
    assert!(row_sizes(0, 3).is_empty());
}

#[test]
fn result_cards_share_a_row_height_and_fit_long_values() {
    let figures: Vec<ResultFigure> = ["40 %", "1 250 000 000", "13", "7"]
        .iter()
        .map(|v| ResultFigure {
            value: v.to_string(),
            label: "тұрғындардың хабардарлығының өсімі".into(),
        })
        .collect();
    let document = doc::Document {
        blocks: vec![Block::Results(figures)],
        footnotes: Vec::new(),
    };
    let galley = with_typesetter(
        "kk",
        |_| {},
        |ts| layout(&document, ts, &mut |_: &str| None),
    );
    let rows = contents(&galley);
    assert_eq!(rows.len(), 2);
    for row in &rows {
        let cards: Vec<(f32, f32)> = row
            .draws
            .iter()
            .filter_map(|d| match d {
                Draw::Rect { y, h, .. } => Some((y.0, h.0)),
                _ => None,
            })
            .collect();
        assert_eq!(cards.len(), 2);
        assert!(
            cards
                .iter()
                .all(|&(y, h)| y == -row.height.0 && h == row.height.0)
        );
        for line in &row.lines {
            assert!(line.width.0 <= line.measure.0 + 0.01, "{}", line.text);
        }
    }
}

#[test]
fn quotes_and_testimonials_are_framed() {
    let mut document = doc::parse("> Дәйексөз бірінші абзац.\n>\n> Екінші абзац.");
    document.blocks.push(Block::Testimonial {
        text: "«Жақсы жоба.»".into(),
        by: Some("Тұрғын".into()),
    });
    let galley = with_typesetter(
        "kk",
        |_| {},
        |ts| layout(&document, ts, &mut |_: &str| None),
    );
    let items = contents(&galley);
    assert_eq!(
        galley.frames.len(),
        3,
        "quote bar, testimonial tint and bar"
    );
    assert!(items[0].frames == [0] && items[1].frames == [0]);
    assert_eq!(items[2].frames, [1, 2]);
    assert_eq!(texts(&items[3].draws), ["— Тұрғын"]);
    assert!(!items[3].break_before);
    assert!(items[0].lines[0].x.0 > 5.0, "quote text is indented");
}

#[test]
fn code_keeps_its_lines_and_wraps_long_ones() {
    let long = "x".repeat(300);
    let galley = galley_of(&format!("```\nfn main() {{\n    run();\n}}\n{long}\n```"));
    let items = contents(&galley);
    assert!(items.len() > 4);
    assert_eq!(texts(&items[1].draws), ["    run();"]);
    for item in &items {
        assert!(item.lines[0].width.0 <= item.lines[0].measure.0 + 0.01);
    }
}

#[test]
fn footnotes_come_last_after_a_short_rule() {
    let galley = galley_of("Мәтін[^a].\n\n[^a]: Дереккөз.");
    let items = contents(&galley);
    let rule = items
        .iter()
        .position(|c| c.draws.iter().any(|d| matches!(d, Draw::Line { .. })))
        .expect("rule");
    assert_eq!(texts(&items[rule + 1].draws), ["Дереккөз.", "1."]);
    assert_eq!(rule + 2, items.len());
}

#[test]
fn code_spans_are_set_smaller() {
    let inlines = vec![Inline {
        text: "код".into(),
        style: Style {
            code: true,
            ..Style::default()
        },
        link: None,
    }];
    let document = doc::Document {
        blocks: vec![Block::Paragraph(inlines)],
        footnotes: Vec::new(),
    };
    let galley = with_typesetter(
        "kk",
        |_| {},
        |ts| layout(&document, ts, &mut |_: &str| None),
    );
    let sizes: Vec<f32> = contents(&galley)[0]
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { run, .. } => Some(run.size),
            _ => None,
        })
        .collect();
    assert_eq!(sizes, [9.0]);
}
