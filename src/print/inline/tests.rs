//! Setting paragraphs of real Kazakh and Russian text: justification, hyphens, runs, links.

use std::ops::Range;

use super::collect::{collect, cut_run};
use super::hyphenate::{HyphLang, hyphenation_points};
use super::linebreak::{Item, MAX_HYPHENS_IN_A_ROW};
use super::shape::shape;
use super::*;
use crate::print::display::{Color, Draw, Glyph, GlyphRun, LinkTarget};
use crate::print::doc::{Align, Style};
use crate::print::fonts::{Family, FontId, FontSet, face};
use crate::print::testdata::{KAZAKH, RUSSIAN};

const BLACK: Color = Color {
    rgb: [0.0, 0.0, 0.0],
    cmyk: [0.0, 0.0, 0.0, 1.0],
    registration: false,
};
const BLUE: Color = Color {
    rgb: [0.0, 0.0, 1.0],
    cmyk: [0.0, 0.0, 0.0, 1.0],
    registration: false,
};

fn spec(width: f32, justify: bool) -> ParSpec {
    ParSpec {
        style: TextStyle {
            family: Family::Serif,
            bold: false,
            italic: false,
            size: 10.0,
            color: BLACK,
        },
        link_color: BLUE,
        width,
        justify,
        hyphenate: true,
        align: Align::Left,
    }
}

fn plain(text: &str) -> Inline {
    styled(text, Style::default())
}

fn styled(text: &str, style: Style) -> Inline {
    Inline {
        text: text.into(),
        style,
        link: None,
    }
}

fn set_text(lang: &str, text: &str, spec: &ParSpec) -> Vec<SetLine> {
    let fonts = FontSet::embedded();
    let mut shaper = Shaper::new(&fonts, lang);
    set(&mut shaper, &[plain(text)], spec)
}

/// The plain paragraphs of a fixture story (no headings, quotes or list items).
fn paragraphs(story: &str) -> Vec<&str> {
    story
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.starts_with(['#', '>', '-']))
        .collect()
}

fn texts(lines: &[SetLine]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

fn runs(line: &SetLine) -> Vec<&GlyphRun> {
    line.draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { run, .. } => Some(run),
            _ => None,
        })
        .collect()
}

/// Where the ink of a line ends: the last run's x plus its width.
fn ink_end(line: &SetLine) -> f32 {
    line.draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { run, x, .. } => Some(x.0 + run.width),
            _ => None,
        })
        .fold(0.0, f32::max)
}

#[test]
fn justified_lines_fill_the_measure_and_none_is_wider() {
    for (lang, story) in [("kk", KAZAKH), ("ru", RUSSIAN)] {
        for width in [337.3, 250.0, 180.0] {
            for text in paragraphs(story) {
                let lines = set_text(lang, text, &spec(width, true));
                let (last, body) = lines.split_last().expect("lines");
                for line in body {
                    assert!(
                        (ink_end(line) - width).abs() < 0.01,
                        "{lang} {width}: {} ends at {}",
                        line.text,
                        ink_end(line)
                    );
                    assert!((line.width - width).abs() < 0.01);
                }
                assert!(last.width <= width + 0.01);
                assert_eq!(last.end, LineEnd::Last);
            }
        }
    }
}

#[test]
fn every_hyphen_is_at_a_hyphenation_point() {
    for (lang, story) in [("kk", KAZAKH), ("ru", RUSSIAN)] {
        let mut hyphens = 0;
        for text in paragraphs(story) {
            for line in set_text(lang, text, &spec(200.0, true)) {
                if let LineEnd::Hyphen { word, offset } = &line.end {
                    hyphens += 1;
                    let points = hyphenation_points(word, HyphLang::from_code(lang));
                    assert!(points.contains(offset), "{word} at {offset}");
                    assert!(line.text.ends_with('-'), "{}", line.text);
                }
            }
        }
        assert!(hyphens > 3, "{lang}: {hyphens}");
    }
}

#[test]
fn hyphens_rarely_come_more_than_two_in_a_row() {
    let mut ladders = 0;
    for (lang, story) in [("kk", KAZAKH), ("ru", RUSSIAN)] {
        for text in paragraphs(story) {
            let lines = set_text(lang, text, &spec(337.3, true));
            let mut run = 0;
            for line in &lines {
                run = if matches!(line.end, LineEnd::Hyphen { .. }) {
                    run + 1
                } else {
                    0
                };
                if run > MAX_HYPHENS_IN_A_ROW {
                    ladders += 1;
                }
            }
        }
    }
    assert_eq!(ladders, 0);
}

#[test]
fn each_line_is_one_run_with_real_spaces() {
    let lines = set_text("kk", paragraphs(KAZAKH)[0], &spec(337.3, true));
    let last = lines.len() - 1;
    for (i, line) in lines.iter().enumerate() {
        let runs = runs(line);
        assert_eq!(runs.len(), 1, "{}", line.text);
        assert_eq!(runs[0].text, line.text);
        let spaces: Vec<usize> = line.text.match_indices(' ').map(|(i, _)| i).collect();
        // A paragraph's last line may be a single (whole) word.
        assert!(i == last || !spaces.is_empty(), "{}", line.text);
        for at in spaces {
            assert!(
                runs[0].glyphs.iter().any(|g| g.cluster == at),
                "no glyph for the space at {at}"
            );
        }
    }
}

#[test]
fn ragged_lines_keep_natural_spaces() {
    let fonts = FontSet::embedded();
    let space = shape(
        &fonts,
        fonts.face(face(Family::Serif, false, false)),
        10.0,
        " ",
        "ru",
    )
    .width;
    let lines = set_text("ru", paragraphs(RUSSIAN)[0], &spec(250.0, false));
    assert!(lines.len() > 3);
    for line in &lines {
        let run = runs(line)[0];
        for (i, _) in run.text.match_indices(' ') {
            let glyph = run
                .glyphs
                .iter()
                .find(|g| g.cluster == i)
                .expect("space glyph");
            assert!((glyph.advance - space).abs() < 1e-4);
        }
        assert!(line.width <= 250.0);
    }
}

#[test]
fn style_change_inside_a_word_is_no_break() {
    let fonts = FontSet::embedded();
    let mut shaper = Shaper::new(&fonts, "kk");
    let bold = Style {
        bold: true,
        ..Style::default()
    };
    let inlines = [styled("Қазақ", bold), plain("стан бүгін")];
    let mut no_hyphens = spec(337.3, true);
    no_hyphens.hyphenate = false;
    let collected = collect(&mut shaper, &inlines, &no_hyphens).expect("text");
    assert!(
        matches!(
            collected.items[..3],
            [Item::Box { .. }, Item::Box { .. }, Item::Glue { .. }]
        ),
        "{:?}",
        collected.items
    );
    let lines = set(&mut shaper, &inlines, &no_hyphens);
    let runs = runs(&lines[0]);
    assert_eq!(runs.len(), 2);
    assert_eq!(
        (runs[0].text.as_str(), runs[1].text.as_str()),
        ("Қазақ", "стан бүгін")
    );
}

#[test]
fn no_break_spaces_hold_numbers_together() {
    let text =
        "Тираж 5\u{a0}000 дана, бағасы 1\u{202f}250 ₸, тағы 5\u{a0}000 және 7\u{a0}000 адам.";
    for width in [60.0, 80.0, 100.0] {
        let lines = set_text("kk", text, &spec(width, true));
        for line in &lines {
            assert!(
                !line.text.starts_with("000") && !line.text.starts_with("250"),
                "{:?}",
                texts(&lines)
            );
        }
        let nbsp_glyphs = lines
            .iter()
            .flat_map(runs)
            .filter(|r| r.text.contains('\u{a0}'))
            .count();
        assert!(nbsp_glyphs > 0);
    }
}

#[test]
fn a_long_address_is_split_between_characters_without_hyphens() {
    let text = "Сілтеме: https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa соңы.";
    let lines = set_text("kk", text, &spec(100.0, true));
    assert!(
        lines.iter().any(|l| l.end == LineEnd::Split),
        "{:?}",
        texts(&lines)
    );
    for line in &lines {
        assert!(line.width <= 100.01, "{} is {}", line.text, line.width);
        assert!(line.end != LineEnd::Split || !line.text.ends_with('-'));
    }
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert!(joined.contains("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

#[test]
fn hard_break_ends_a_line() {
    let lines = set_text("kk", "Бірінші жол\nекінші жол", &spec(337.3, true));
    assert_eq!(texts(&lines), ["Бірінші жол", "екінші жол"]);
    assert_eq!(lines[0].end, LineEnd::Forced);
    assert!(
        lines[0].width < 100.0,
        "the line before a hard break is not justified"
    );
}

#[test]
fn a_dash_never_starts_a_line_and_a_number_keeps_its_suffix() {
    let text = "Жоба — қоғамда белсенді әлеуметтендіру арқылы 70-тен астам баланы қамтыды — бұл нәтиже 300-ден астам адамға жетті – нақты көмек.";
    for width in (60..200).step_by(7) {
        let lines = set_text("kk", text, &spec(width as f32, true));
        for line in &lines {
            assert!(
                !line.text.starts_with('—') && !line.text.starts_with('–'),
                "{width}: {:?}",
                texts(&lines)
            );
            assert!(
                !line.text.ends_with("70-") && !line.text.ends_with("300-"),
                "{width}: {:?}",
                texts(&lines)
            );
        }
    }
}

#[test]
fn explicit_hyphen_is_a_break_without_an_added_hyphen() {
    let text = "қажыр-қайраты";
    let fonts = FontSet::embedded();
    let whole = shape(
        &fonts,
        fonts.face(face(Family::Serif, false, false)),
        10.0,
        text,
        "kk",
    )
    .width;
    let mut s = spec(whole - 5.0, true);
    s.hyphenate = false;
    let lines = set_text("kk", text, &s);
    assert_eq!(texts(&lines), ["қажыр-", "қайраты"]);
    assert_eq!(lines[0].end, LineEnd::ExplicitHyphen);
}

#[test]
fn links_get_rectangles_over_their_words() {
    let fonts = FontSet::embedded();
    let mut shaper = Shaper::new(&fonts, "kk");
    let link = Inline {
        text: "жоба сайты".into(),
        style: Style::default(),
        link: Some("https://example.org".into()),
    };
    let lines = set(
        &mut shaper,
        &[plain("Толығырақ: "), link, plain(" бар.")],
        &spec(337.3, false),
    );
    let rects: Vec<(f32, f32)> = lines[0]
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Link {
                x,
                w,
                target: LinkTarget::Uri(u),
                ..
            } if u == "https://example.org" => Some((x.0, w.0)),
            _ => None,
        })
        .collect();
    assert_eq!(rects.len(), 1);
    let start = shaper.width(
        fonts.face(face(Family::Serif, false, false)),
        10.0,
        "Толығырақ: ",
    );
    let (x, w) = rects[0];
    assert!((x - start).abs() < 0.5, "{x} vs {start}");
    assert!(w > 30.0 && w < 70.0, "{w}");
    let colors: Vec<Color> = lines[0]
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { color, .. } => Some(*color),
            _ => None,
        })
        .collect();
    assert_eq!(colors, [BLACK, BLUE, BLACK]);
}

#[test]
fn footnote_reference_is_small_and_raised() {
    let fonts = FontSet::embedded();
    let mut shaper = Shaper::new(&fonts, "kk");
    let sup = Style {
        superscript: true,
        ..Style::default()
    };
    let lines = set(
        &mut shaper,
        &[plain("Дереккөз"), styled("1", sup), plain(" бар.")],
        &spec(337.3, true),
    );
    let texts: Vec<(String, f32, f32)> = lines[0]
        .draws
        .iter()
        .filter_map(|d| match d {
            Draw::Text { run, y, .. } => Some((run.text.clone(), run.size, y.0)),
            _ => None,
        })
        .collect();
    assert_eq!((texts[1].0.as_str(), texts[1].1), ("1", 7.0));
    assert!((texts[1].2 - 3.3).abs() < 1e-4);
    assert_eq!(texts[0].2, 0.0);
}

#[test]
fn emphasis_in_italic_text_turns_upright() {
    let fonts = FontSet::embedded();
    let mut shaper = Shaper::new(&fonts, "kk");
    let mut italic = spec(337.3, true);
    italic.style.italic = true;
    let em = Style {
        italic: true,
        ..Style::default()
    };
    let lines = set(
        &mut shaper,
        &[plain("Дәйексөз "), styled("ерекше", em)],
        &italic,
    );
    let fonts_used: Vec<FontId> = runs(&lines[0]).iter().map(|r| r.font).collect();
    assert_eq!(
        fonts_used,
        [
            fonts.face(face(Family::Serif, false, true)),
            fonts.face(face(Family::Serif, false, false))
        ]
    );
}

#[test]
fn centred_and_right_aligned_lines_are_offset() {
    let mut s = spec(200.0, false);
    s.align = Align::Right;
    let right = set_text("kk", "Оң жақта", &s);
    assert!((right[0].x + right[0].width - 200.0).abs() < 0.01);
    s.align = Align::Center;
    let centre = set_text("kk", "Ортада", &s);
    assert!((2.0 * centre[0].x + centre[0].width - 200.0).abs() < 0.01);
}

#[test]
fn cutting_a_run_skips_points_inside_a_ligature() {
    let glyph = |cluster| Glyph {
        gid: 1,
        advance: 5.0,
        x_offset: 0.0,
        y_offset: 0.0,
        cluster,
    };
    // "office": the "ffi" ligature covers bytes 1..4.
    let glyphs = vec![glyph(0), glyph(1), glyph(4), glyph(5)];
    let pieces = cut_run(glyphs, 0, 10..16, [12, 14].into_iter());
    let ranges: Vec<Range<usize>> = pieces.iter().map(|(p, _)| p.range.clone()).collect();
    assert_eq!(ranges, [10..14, 14..16]);
    assert_eq!(pieces[1].0.glyphs[0].cluster, 0);
    assert_eq!(pieces[0].0.width, 10.0);
}

#[test]
fn empty_text_gives_no_lines() {
    assert!(set_text("kk", "", &spec(100.0, true)).is_empty());
    assert!(set_text("kk", "  ", &spec(100.0, true)).is_empty());
    assert!(!set_text("kk", "сөз", &spec(0.0, true)).is_empty());
}

#[test]
fn a_word_that_fits_a_narrow_column_is_not_hyphenated() {
    let fonts = FontSet::embedded();
    let mut shaper = Shaper::new(&fonts, "kk");
    let mut s = spec(0.0, false);
    s.style.family = Family::Sans;
    s.style.size = 8.5;
    s.width = shaper.width(
        fonts.face(face(Family::Sans, false, false)),
        8.5,
        "Райымбек",
    ) + 0.05;
    let lines = set(&mut shaper, &[plain("Райымбек")], &s);
    assert_eq!(texts(&lines), ["Райымбек"]);
}

/// A word of `letters` letters, cycling through Kazakh and Russian ones so that it is
/// hyphenated (Cyrillic) as well as split.
fn long_word(letters: usize) -> String {
    "қазақстанныңауылдарындағы"
        .chars()
        .cycle()
        .take(letters)
        .collect()
}

#[test]
fn a_very_long_word_is_set_in_time_roughly_linear_in_its_length() {
    // Issue 15: 36,000 letters took 17.7 s and 6 GB (quadratic cutting and hyphenation).
    // The bound is generous (a debug build on a shared machine); before the fix this took
    // minutes.
    let latin: String = "abcdefghij".chars().cycle().take(50_000).collect();
    for (lang, word) in [
        ("kk", long_word(50_000)),
        ("ru", long_word(50_000)),
        ("kk", latin),
    ] {
        let started = std::time::Instant::now();
        let lines = set_text(lang, &word, &spec(300.0, true));
        let took = started.elapsed();
        assert!(lines.len() > 100, "{}", lines.len());
        assert!(took.as_secs() < 10, "{lang}: 50,000 letters took {took:?}");
        let letters: usize = lines
            .iter()
            .map(|l| l.text.trim_end_matches('-').chars().count())
            .sum();
        assert_eq!(letters, 50_000);
    }
}
