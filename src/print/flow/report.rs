//! The layout report: where every line, heading and image landed, and the checks of the
//! typesetting rules (measure, text area, hyphenation, widows and orphans, keeps) over it.
//! The checks are the tests' oracle, so they exist in test builds only.

use super::galley::ParaLine;
use crate::print::display::Rect;
#[cfg(test)]
use crate::print::display::{Draw, Page};
#[cfg(test)]
use crate::print::fonts::FontSet;
use crate::print::inline::LineEnd;
#[cfg(test)]
use crate::print::inline::hyphenate::{HyphLang, hyphenation_points};
use crate::units::Pt;

/// Line widths and positions may be off by this much (rounding).
#[cfg(test)]
const TOLERANCE: f32 = 0.01;

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct LayoutReport {
    pub pages: Vec<PageReport>,
    pub lines: Vec<LineReport>,
    pub headings: Vec<HeadingReport>,
    pub images: Vec<ImageReport>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PageReport {
    /// Page minus margins: where all content goes.
    pub text_area: Rect,
    /// The running header's box in the top margin, when the page has one.
    pub header: Option<Rect>,
    /// The folio's box in the bottom margin, when the page has one.
    pub footer: Option<Rect>,
    /// The printed page number.
    pub number: Option<i64>,
    /// A blank page padding so that the next part starts on a right-hand page.
    pub blank: bool,
}

/// One text line as placed (page coordinates, y up).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LineReport {
    pub page: usize,
    pub x: Pt,
    pub width: Pt,
    pub measure: Pt,
    pub baseline: Pt,
    pub end: LineEnd,
    pub text: String,
    pub paragraph: Option<ParaLine>,
    /// Its item is the first / last content on the page.
    pub first_on_page: bool,
    pub last_on_page: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct HeadingReport {
    pub page: usize,
    pub level: u8,
    pub title: String,
    /// Top of the heading's box (page coordinates).
    pub top: Pt,
    pub last_on_page: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ImageReport {
    pub page: usize,
    pub rect: Rect,
}

impl LayoutReport {
    /// Every broken rule, described; empty for a sound layout. `lang` is the text's
    /// hyphenation language.
    #[cfg(test)]
    pub(crate) fn problems(&self, lang: HyphLang) -> Vec<String> {
        let mut problems = Vec::new();
        for line in &self.lines {
            self.line_problems(line, lang, &mut problems);
        }
        let last_page = self.pages.len().saturating_sub(1);
        for heading in &self.headings {
            if heading.last_on_page && heading.page < last_page {
                problems.push(format!(
                    "heading «{}» is the last thing on page {}",
                    heading.title,
                    heading.page + 1
                ));
            }
        }
        for image in &self.images {
            if let Some(page) = self.pages.get(image.page)
                && !inside(&image.rect, &page.text_area)
            {
                problems.push(format!(
                    "image on page {} leaves the text area",
                    image.page + 1
                ));
            }
        }
        problems
    }

    #[cfg(test)]
    fn line_problems(&self, line: &LineReport, lang: HyphLang, problems: &mut Vec<String>) {
        let page = line.page + 1;
        if line.width.0 > line.measure.0 + TOLERANCE {
            problems.push(format!(
                "line on page {page} is {} pt in a {} pt measure: {}",
                line.width.0, line.measure.0, line.text
            ));
        }
        if let Some(area) = self.pages.get(line.page).map(|p| p.text_area) {
            let right = area.x.0 + area.w.0;
            if line.x.0 < area.x.0 - TOLERANCE || line.x.0 + line.width.0 > right + TOLERANCE {
                problems.push(format!(
                    "line on page {page} leaves the text area: {}",
                    line.text
                ));
            }
        }
        if let LineEnd::Hyphen { word, offset } = &line.end
            && !hyphenation_points(word, lang).contains(offset)
        {
            problems.push(format!(
                "«{word}» hyphenated at byte {offset}, which is no hyphenation point"
            ));
        }
        if let Some(p) = line.paragraph
            && p.count > 1
        {
            if line.last_on_page && p.index == 0 {
                problems.push(format!("orphan on page {page}: {}", line.text));
            }
            if line.first_on_page && p.index + 1 == p.count {
                problems.push(format!("widow on page {page}: {}", line.text));
            }
        }
    }
}

/// Text and images that reach outside the text area (or, for the running header and the
/// folio, outside their boxes in the margins). Text is measured by its face's ascent and
/// descent, stricter than its ink.
#[cfg(test)]
pub(crate) fn ink_outside(pages: &[Page], report: &LayoutReport, fonts: &FontSet) -> Vec<String> {
    let mut problems = Vec::new();
    for (index, (page, report)) in pages.iter().zip(&report.pages).enumerate() {
        let boxes: Vec<Rect> = [Some(report.text_area), report.header, report.footer]
            .into_iter()
            .flatten()
            .collect();
        for draw in &page.draws {
            let (rect, what) = match draw {
                Draw::Text { run, x, y, .. } => {
                    let m = fonts.metrics(run.font);
                    let rect = Rect {
                        x: *x,
                        y: Pt(y.0 + m.descender * run.size),
                        w: Pt(run.width),
                        h: Pt((m.ascender - m.descender) * run.size),
                    };
                    (rect, run.text.as_str())
                }
                Draw::Image { x, y, w, h, .. } => (
                    Rect {
                        x: *x,
                        y: *y,
                        w: *w,
                        h: *h,
                    },
                    "an image",
                ),
                _ => continue,
            };
            if !boxes.iter().any(|b| inside(&rect, b)) {
                problems.push(format!(
                    "on page {}, «{what}» at {rect:?} is outside the text area",
                    index + 1
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
fn inside(inner: &Rect, outer: &Rect) -> bool {
    inner.x.0 >= outer.x.0 - TOLERANCE
        && inner.y.0 >= outer.y.0 - TOLERANCE
        && inner.x.0 + inner.w.0 <= outer.x.0 + outer.w.0 + TOLERANCE
        && inner.y.0 + inner.h.0 <= outer.y.0 + outer.h.0 + TOLERANCE
}
