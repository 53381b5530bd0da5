//! Pagination: cuts a galley into pages with mirrored margins, adds the running header and
//! the folio, collects outline entries and reports where every line and heading landed.

use std::collections::HashMap;

use super::layout::{Content, Galley, Item, Kind, Look, Typesetter, face, translate};
use super::paragraph::Shaper;
use super::pdf::{Draw, LinkTarget, Outline, Page, Rect};
use super::report::{HeadingReport, ImageReport, LayoutReport, LineReport, PageReport};
use crate::units::{Mm, Pt};

/// Content may poke this far past the text area's bottom (rounding of heights).
const FIT_EPSILON: f32 = 0.01;

/// What runs along the pages besides the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Running {
    /// The title in the running header, until a story in the galley brings its own.
    pub title: String,
    /// The number printed on the first page; pages numbered below 1 (a cover) show none.
    pub first_number: i64,
    pub folio: Folio,
}

impl Running {
    pub fn new(title: &str) -> Running {
        Running {
            title: title.to_string(),
            first_number: 1,
            folio: Folio::Outer,
        }
    }
}

/// Where the page number sits in the footer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folio {
    /// The outer corner: right on right-hand pages, left on left-hand pages.
    Outer,
    Center,
}

/// Pages ready for [`super::pdf::PdfWriter::finish`], with bookmarks and a layout report.
#[derive(Clone, Debug)]
pub struct Paged {
    pub pages: Vec<Page>,
    pub outline: Vec<Outline>,
    pub report: LayoutReport,
}

/// Fills pages greedily, ending each at the last place the galley allows a break (or, when
/// a chain of kept items is taller than the page, after the last item that fits). Spaces
/// at the top of a page are dropped. Page 1 is a right-hand page; the inner margin is on
/// the left of right-hand pages.
pub fn paginate(galley: Galley, ts: &Typesetter, running: &Running) -> Paged {
    let mut paginator = Paginator::new(ts, running, galley);
    paginator.run();
    paginator.finish()
}

/// Page geometry in points.
#[derive(Clone, Copy, Debug)]
struct Geometry {
    width: f32,
    height: f32,
    top: f32,
    bottom: f32,
    inner: f32,
    outer: f32,
}

impl Geometry {
    fn new(ts: &Typesetter) -> Geometry {
        let s = ts.settings;
        let pt = |mm: f32| Pt::from(Mm(mm)).0;
        Geometry {
            width: pt(s.paper.width.0),
            height: pt(s.paper.height.0),
            top: pt(s.margins.top),
            bottom: pt(s.margins.bottom),
            inner: pt(s.margins.inner),
            outer: pt(s.margins.outer),
        }
    }

    fn text_height(&self) -> f32 {
        self.height - self.top - self.bottom
    }

    /// The text area of page `index` (0-based; even indices are right-hand pages).
    fn text_area(&self, index: usize) -> Rect {
        let left = if is_right_hand(index) {
            self.inner
        } else {
            self.outer
        };
        Rect {
            x: Pt(left),
            y: Pt(self.bottom),
            w: Pt(self.width - self.inner - self.outer),
            h: Pt(self.text_height()),
        }
    }
}

fn is_right_hand(index: usize) -> bool {
    index.is_multiple_of(2)
}

/// The items chosen for one page, with their tops measured down from the text area's top.
struct PagePlan {
    placed: Vec<(usize, f32)>,
    blank: bool,
    story_start: bool,
    title: String,
}

struct Paginator<'a> {
    ts: &'a Typesetter<'a>,
    look: Look,
    geometry: Geometry,
    running: &'a Running,
    galley: Galley,
    plans: Vec<PagePlan>,
}

impl<'a> Paginator<'a> {
    fn new(ts: &'a Typesetter<'a>, running: &'a Running, galley: Galley) -> Self {
        Paginator {
            ts,
            look: Look::new(ts.settings),
            geometry: Geometry::new(ts),
            running,
            galley,
            plans: Vec::new(),
        }
    }

    /// Decides which items go on which page.
    fn run(&mut self) {
        let mut at = 0;
        let mut title = self.running.title.clone();
        let mut story_start = true;
        let mut right_hand = false;
        let count = self.galley.items.len();
        while at < count {
            // Markers and spaces before the page's first content.
            match self.galley.items.get(at) {
                Some(Item::Space(_)) => {
                    at += 1;
                    continue;
                }
                Some(Item::NewPage { right_hand: r }) => {
                    right_hand |= *r;
                    at += 1;
                    continue;
                }
                Some(Item::Story { title: t }) => {
                    title = t.clone();
                    story_start = true;
                    at += 1;
                    continue;
                }
                _ => {}
            }
            if right_hand && !is_right_hand(self.plans.len()) {
                self.plans.push(PagePlan {
                    placed: Vec::new(),
                    blank: true,
                    story_start: false,
                    title: title.clone(),
                });
            }
            right_hand = false;
            let (placed, end) = self.fill(at);
            self.plans.push(PagePlan {
                placed,
                blank: false,
                story_start,
                title: title.clone(),
            });
            story_start = false;
            at = end;
        }
    }

    /// Places items from `start` (a content item) until the page is full; returns them with
    /// their tops and the index the next page starts at.
    fn fill(&self, start: usize) -> (Vec<(usize, f32)>, usize) {
        let height = self.geometry.text_height();
        let mut placed: Vec<(usize, f32)> = Vec::new();
        let mut last_break = None;
        let mut y = 0.0;
        let mut at = start;
        while let Some(item) = self.galley.items.get(at) {
            match item {
                Item::Space(space) => y += space.0,
                Item::NewPage { .. } | Item::Story { .. } if !placed.is_empty() => {
                    return (placed, at);
                }
                Item::NewPage { .. } | Item::Story { .. } => {}
                Item::Content(content) => {
                    if placed.is_empty() {
                        y = 0.0;
                    } else {
                        if content.break_before {
                            last_break = Some(at);
                        }
                        if y + content.height.0 > height + FIT_EPSILON {
                            let end = last_break.unwrap_or(at);
                            placed.retain(|&(index, _)| index < end);
                            return (placed, end);
                        }
                    }
                    placed.push((at, y));
                    y += content.height.0;
                }
            }
            at += 1;
        }
        (placed, at)
    }

    fn finish(mut self) -> Paged {
        let mut shaper = Shaper::new(self.ts.fonts, self.ts.lang);
        let mut pages = Vec::with_capacity(self.plans.len());
        let mut report = LayoutReport::default();
        let mut outline = Vec::new();
        let mut anchors: HashMap<String, usize> = HashMap::new();
        let plans = std::mem::take(&mut self.plans);
        // Outline levels start at 1 whatever the top heading level is, and never skip one.
        let top_level = self
            .galley
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Content(Content {
                    kind: Kind::Heading { level, .. },
                    ..
                }) => Some(*level),
                _ => None,
            })
            .min()
            .unwrap_or(1);
        let mut level = 0;
        for (index, plan) in plans.iter().enumerate() {
            let area = self.geometry.text_area(index);
            let mut draws = self.frame_draws(plan, area);
            let count = plan.placed.len();
            for (n, &(item, y)) in plan.placed.iter().enumerate() {
                let Some(Item::Content(content)) = self.galley.items.get_mut(item) else {
                    continue;
                };
                let top = area.y.0 + area.h.0 - y;
                let place = Place {
                    page: index,
                    left: area.x.0,
                    top,
                    first: n == 0,
                    last: n + 1 == count,
                };
                report_content(&mut report, content, &place);
                if let Kind::Heading {
                    level: l,
                    title,
                    id,
                } = &content.kind
                {
                    level = (l.saturating_sub(top_level) + 1).min(level + 1);
                    outline.push(Outline {
                        title: title.clone(),
                        level,
                        page: index,
                        y: Pt(top),
                    });
                    anchors.entry(id.clone()).or_insert(index);
                }
                for mut draw in std::mem::take(&mut content.draws) {
                    translate(&mut draw, area.x.0, top);
                    draws.push(draw);
                }
            }
            let number = self.number(index, plan);
            let header = self.header(index, plan, area, &mut shaper, &mut draws);
            let footer = self.footer(index, number, area, &mut shaper, &mut draws);
            report.pages.push(PageReport {
                text_area: area,
                header,
                footer,
                number,
                blank: plan.blank,
            });
            pages.push(Page {
                width: Pt(self.geometry.width),
                height: Pt(self.geometry.height),
                trim: None,
                bleed: None,
                draws,
            });
        }
        resolve_internal_links(&mut pages, &anchors);
        Paged {
            pages,
            outline,
            report,
        }
    }

    /// The backgrounds and bars of the frames on a page, each from its first item's top to
    /// its last item's bottom there.
    fn frame_draws(&self, plan: &PagePlan, area: Rect) -> Vec<Draw> {
        let mut spans: Vec<(usize, f32, f32)> = Vec::new();
        for &(item, y) in &plan.placed {
            let Some(Item::Content(content)) = self.galley.items.get(item) else {
                continue;
            };
            for &frame in &content.frames {
                let bottom = y + content.height.0;
                match spans.iter_mut().find(|(f, _, _)| *f == frame) {
                    Some(span) => span.2 = bottom,
                    None => spans.push((frame, y, bottom)),
                }
            }
        }
        spans.sort_by_key(|(frame, _, _)| *frame);
        let top = area.y.0 + area.h.0;
        spans
            .into_iter()
            .filter_map(|(frame, from, to)| {
                let frame = self.galley.frames.get(frame)?;
                Some(Draw::Rect {
                    x: Pt(area.x.0 + frame.x.0),
                    y: Pt(top - to),
                    w: frame.w,
                    h: Pt(to - from),
                    fill: Some(frame.fill),
                    stroke: None,
                })
            })
            .collect()
    }

    fn number(&self, index: usize, plan: &PagePlan) -> Option<i64> {
        let number = self.running.first_number + i64::try_from(index).ok()?;
        (number >= 1 && !plan.blank).then_some(number)
    }

    /// The running header: the title small and muted at the outer edge over a thin rule,
    /// one line above the text area. Not on blank pages nor where a story starts.
    fn header(
        &self,
        index: usize,
        plan: &PagePlan,
        area: Rect,
        shaper: &mut Shaper,
        draws: &mut Vec<Draw>,
    ) -> Option<Rect> {
        let l = &self.look;
        if !self.ts.settings.header
            || plan.blank
            || plan.story_start
            || plan.title.trim().is_empty()
        {
            return None;
        }
        let top = area.y.0 + area.h.0;
        let font = self.ts.fonts.face(face(l.headings, false, false));
        let run = fitted(shaper, font, l.small, &plan.title, area.w.0);
        let rule_y = (top + l.line).min(self.geometry.height - l.small * 2.0);
        let baseline = rule_y + l.small * 0.6;
        let x = if is_right_hand(index) {
            area.x.0 + area.w.0 - run.width
        } else {
            area.x.0
        };
        draws.push(Draw::Text {
            run,
            x: Pt(x),
            y: Pt(baseline),
            color: l.muted,
        });
        draws.push(Draw::Line {
            from: (area.x, Pt(rule_y)),
            to: (Pt(area.x.0 + area.w.0), Pt(rule_y)),
            width: Pt(0.4),
            color: l.rule,
        });
        Some(Rect {
            x: area.x,
            y: Pt(top),
            w: area.w,
            h: Pt(self.geometry.height - top),
        })
    }

    /// The folio: the page number small, in the outer corner or centred, below the text.
    fn footer(
        &self,
        index: usize,
        number: Option<i64>,
        area: Rect,
        shaper: &mut Shaper,
        draws: &mut Vec<Draw>,
    ) -> Option<Rect> {
        let l = &self.look;
        let number = number.filter(|_| self.ts.settings.footer)?;
        let font = self.ts.fonts.face(face(l.headings, false, false));
        let size = l.small + 0.5;
        let run = shaper.shape(font, size, &number.to_string());
        let baseline = (area.y.0 - l.line * 1.6).max(size);
        let x = match (self.running.folio, is_right_hand(index)) {
            (Folio::Center, _) => area.x.0 + (area.w.0 - run.width) / 2.0,
            (Folio::Outer, true) => area.x.0 + area.w.0 - run.width,
            (Folio::Outer, false) => area.x.0,
        };
        draws.push(Draw::Text {
            run,
            x: Pt(x),
            y: Pt(baseline),
            color: l.muted,
        });
        Some(Rect {
            x: area.x,
            y: Pt(0.0),
            w: area.w,
            h: area.y,
        })
    }
}

/// Shapes `text`, cutting it at a word and adding "…" when it is wider than `width`.
fn fitted(
    shaper: &mut Shaper,
    font: super::fonts::FontId,
    size: f32,
    text: &str,
    width: f32,
) -> super::shape::GlyphRun {
    let run = shaper.shape(font, size, text);
    if run.width <= width {
        return run;
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.len() > 1 {
        words.pop();
        let shorter = format!(
            "{}…",
            words
                .join(" ")
                .trim_end_matches([',', ';', ':', '.', '—', '–'])
                .trim_end()
        );
        let run = shaper.shape(font, size, &shorter);
        if run.width <= width {
            return run;
        }
    }
    run
}

/// Where an item landed.
struct Place {
    page: usize,
    left: f32,
    top: f32,
    first: bool,
    last: bool,
}

fn report_content(report: &mut LayoutReport, content: &Content, place: &Place) {
    for line in &content.lines {
        report.lines.push(LineReport {
            page: place.page,
            x: Pt(place.left + line.x.0),
            width: line.width,
            measure: line.measure,
            baseline: Pt(place.top - line.baseline.0),
            end: line.end.clone(),
            text: line.text.clone(),
            paragraph: line.paragraph,
            first_on_page: place.first,
            last_on_page: place.last,
        });
    }
    match &content.kind {
        Kind::Heading { level, title, .. } => report.headings.push(HeadingReport {
            page: place.page,
            level: *level,
            title: title.clone(),
            top: Pt(place.top),
            last_on_page: place.last,
        }),
        Kind::Image => {
            for draw in &content.draws {
                if let Draw::Image { x, y, w, h, .. } = draw {
                    report.images.push(ImageReport {
                        page: place.page,
                        rect: Rect {
                            x: Pt(place.left + x.0),
                            y: Pt(place.top + y.0),
                            w: *w,
                            h: *h,
                        },
                    });
                }
            }
        }
        Kind::Text | Kind::Block => {}
    }
}

/// Links written `#id` go to the page of the heading with that id; unknown ones are dropped.
fn resolve_internal_links(pages: &mut [Page], anchors: &HashMap<String, usize>) {
    for page in pages {
        page.draws.retain_mut(|draw| {
            let Draw::Link { target, .. } = draw else {
                return true;
            };
            let LinkTarget::Uri(uri) = target else {
                return true;
            };
            let Some(id) = uri.strip_prefix('#') else {
                return true;
            };
            match anchors.get(id) {
                Some(&page) => {
                    *target = LinkTarget::Page(page);
                    true
                }
                None => false,
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::doc;
    use crate::print::hyphenate::HyphLang;
    use crate::print::layout::testdata::{KAZAKH, RUSSIAN, with_typesetter};
    use crate::print::layout::{Frame, layout};
    use crate::print::pdf::Color;
    use crate::print::report::ink_outside;
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
            let ink = ink_outside(&paged, ts.fonts);
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
                    r: 0.5,
                    g: 0.5,
                    b: 0.5,
                };
                let galley = Galley {
                    items,
                    frames: vec![Frame {
                        x: Pt(0.0),
                        w: Pt(10.0),
                        fill: tint,
                    }],
                };
                let running = Running {
                    folio: Folio::Center,
                    ..Running::new("")
                };
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
                                r: 0.0,
                                g: 0.0,
                                b: 0.0,
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
                assert!(ink_outside(&paged, ts.fonts).is_empty());
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
                    .finish(paged.pages, &paged.outline, &meta)
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
}
