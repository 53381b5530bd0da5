//! Pagination: cuts a galley into pages with mirrored margins, adds the running header and
//! the folio, collects outline entries and reports where every line and heading landed.

use std::collections::HashMap;

use super::galley::{CONTINUE_ROOM, Content, Galley, Item, Kind};
use super::look::Look;
use super::look::Typesetter;
use super::report::{HeadingReport, ImageReport, LayoutReport, LineReport, PageReport};
use crate::print::display::{Draw, GlyphRun, LinkTarget, Outline, Page, Rect, translate};
use crate::print::fonts::{FontId, face};
use crate::print::inline::Shaper;
use crate::units::{Mm, Pt};

/// Content may poke this far past the text area's bottom (rounding of heights).
const FIT_EPSILON: f32 = 0.01;

/// What runs along the pages besides the text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Running {
    /// The title in the running header, until a story in the galley brings its own.
    pub title: String,
    /// The number printed on the first page; pages numbered below 1 (a cover) show none.
    pub first_number: i64,
}

impl Running {
    pub(crate) fn new(title: &str) -> Running {
        Running {
            title: title.to_string(),
            first_number: 1,
        }
    }
}

/// Pages ready for [`crate::print::pdf::PdfWriter::finish`], with bookmarks and a layout report.
#[derive(Clone, Debug)]
pub(crate) struct Paged {
    pub pages: Vec<Page>,
    pub outline: Vec<Outline>,
    pub report: LayoutReport,
}

/// Fills pages greedily, ending each at the last place the galley allows a break (or, when
/// a chain of kept items is taller than the page, after the last item that fits). Spaces
/// at the top of a page are dropped. Page 1 is a right-hand page; the inner margin is on
/// the left of right-hand pages.
pub(crate) fn paginate(galley: Galley, ts: &Typesetter, running: &Running) -> Paged {
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
                Some(Item::Story { title: t, .. }) => {
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
            let (placed, end, continued) = self.fill(at);
            self.plans.push(PagePlan {
                placed,
                blank: false,
                story_start,
                title: title.clone(),
            });
            story_start = false;
            // A story that began on this page runs in the header from the next page on.
            if let Some(t) = continued {
                title = t;
            }
            at = end;
        }
    }

    /// Places items from `start` (a content item) until the page is full; returns them with
    /// their tops, the index the next page starts at, and the title of the last story that
    /// began on the page below other content.
    fn fill(&self, start: usize) -> (Vec<(usize, f32)>, usize, Option<String>) {
        let height = self.geometry.text_height();
        let mut placed: Vec<(usize, f32)> = Vec::new();
        let mut last_break = None;
        let mut y = 0.0;
        let mut at = start;
        let mut story: Option<(usize, String)> = None;
        // The title of a story begun on this page, if its start stays on it.
        let begun = |story: &Option<(usize, String)>, end: usize| {
            story
                .as_ref()
                .filter(|(from, _)| *from < end)
                .map(|(_, t)| t.clone())
        };
        while let Some(item) = self.galley.items.get(at) {
            match item {
                Item::Space(space) => y += space.0,
                Item::Story {
                    title,
                    continued: true,
                } if !placed.is_empty() && height - y >= height * CONTINUE_ROOM => {
                    story = Some((at, title.clone()));
                }
                Item::NewPage { .. } | Item::Story { .. } if !placed.is_empty() => {
                    let continued = begun(&story, at);
                    return (placed, at, continued);
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
                            let mut end = last_break.unwrap_or(at);
                            // A story cut off right after its start marker begins on the
                            // next page, marker and all.
                            if let Some((from, _)) = &story
                                && !placed.iter().any(|&(i, _)| i > *from && i < end)
                            {
                                end = end.min(*from);
                            }
                            placed.retain(|&(index, _)| index < end);
                            let continued = begun(&story, end);
                            return (placed, end, continued);
                        }
                    }
                    placed.push((at, y));
                    y += content.height.0;
                }
            }
            at += 1;
        }
        let continued = begun(&story, at);
        (placed, at, continued)
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

    /// The folio: the page number small, in the outer corner (right on right-hand pages, left
    /// on left-hand ones), below the text.
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
        Some(Rect {
            x: area.x,
            y: Pt(0.0),
            w: area.w,
            h: area.y,
        })
    }
}

/// Shapes `text`, cutting it at a word and adding "…" when it is wider than `width`.
fn fitted(shaper: &mut Shaper, font: FontId, size: f32, text: &str, width: f32) -> GlyphRun {
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
mod tests;
