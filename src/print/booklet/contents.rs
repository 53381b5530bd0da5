//! The table of contents: the sections of the booklet's own text and every story, with the
//! page numbers the draft pagination found, thin leaders to the numbers, and each entry a
//! link to its page; as many pages as the entries need.

use crate::print::display::{Draw, LinkTarget, Page};
use crate::print::doc::Align;
use crate::print::flow::paginate::Paged;
use crate::print::fonts::face;
use crate::print::inline::{Shaper, TextStyle};
use crate::units::{Mm, Pt};

use super::column::{Column, place_lines};
use super::setup::{Setup, text_area};

/// One entry of the table of contents.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TocEntry {
    pub title: String,
    /// The printed page number (the cover is page 1).
    pub page: usize,
    pub story: bool,
    /// A section of a story, set indented under the story's title.
    pub section: bool,
}

/// The contents entries: the sections of the booklet's own text (levels 1 and 2, before the
/// first story), every story, and with `sections` each story's sections (level 2) under it,
/// with page numbers counted as the text starting at page index `start` (0-based). Every
/// indented entry has its story above it.
pub(super) fn toc_entries(
    paged: &Paged,
    stories: &[String],
    start: usize,
    sections: bool,
) -> Vec<TocEntry> {
    let mut entries = Vec::new();
    let mut next_story = 0;
    let mut in_stories = false;
    for heading in &paged.report.headings {
        let page = heading.page + start + 1;
        let story_title = stories.get(next_story);
        let entry = |story, section| TocEntry {
            title: heading.title.clone(),
            page,
            story,
            section,
        };
        if heading.level == 1 && story_title.is_some_and(|t| *t == heading.title) {
            entries.push(entry(true, false));
            next_story += 1;
            in_stories = true;
        } else if !in_stories && heading.level <= 2 {
            entries.push(entry(false, false));
        } else if in_stories && sections && heading.level == 2 {
            entries.push(entry(false, true));
        }
    }
    entries
}

impl Setup<'_> {
    /// The contents, set on as many pages as they need (page numbers from `entries`).
    pub(super) fn toc_pages(&self, lang: &str, entries: &[TocEntry]) -> Vec<Page> {
        let look = self.look();
        let (_, height) = self.page_size();
        let margins = &self.settings.margins;
        let top = height - Pt::from(Mm(margins.top)).0;
        let bottom = Pt::from(Mm(margins.bottom)).0;
        let mut pages = Vec::new();
        let mut draws = Vec::new();
        let mut index = 1; // The contents start on page 2, a left-hand page.
        let mut area = text_area(&self.settings, index);
        let title = self.strings.get(lang, "contents", None);
        let mut column = Column::new(self.fonts, lang, area.0, area.1, Align::Left);
        let heading = TextStyle::upright(look.headings, true, look.h1, look.accent);
        let mut y = column.stack(&mut draws, &title, heading, top, look.h1 * 1.2);
        y -= look.line;
        // One face for titles, sections and page numbers: the hierarchy shows in the
        // indent and the space above each story, not in a change of type.
        let entry_style = TextStyle::upright(look.headings, false, look.size, look.text);
        for (n, entry) in entries.iter().enumerate() {
            if entry.story && n > 0 {
                y -= look.line * 0.4;
            }
            let number_width = column.shaper.width(
                self.fonts.face(face(look.headings, false, false)),
                look.size,
                &entry.page.to_string(),
            );
            let gap = look.size * 2.0;
            let indent = if entry.section { look.size * 1.5 } else { 0.0 };
            let lines = column.lines_in(
                &entry.title,
                entry_style,
                area.1 - indent - number_width - gap,
            );
            let needed = lines.len().max(1) as f32 * look.line + look.line * 0.4;
            if y - needed < bottom && !draws.is_empty() {
                pages.push(self.blank_page(std::mem::take(&mut draws)));
                index += 1;
                area = text_area(&self.settings, index);
                y = top;
            }
            let last_baseline = place_lines(
                &mut draws,
                &lines,
                area.0 + indent,
                y - look.size * 0.95,
                look.line,
            );
            if let Some(last) = lines.last() {
                let line_end = area.0 + indent + last.x + last.width;
                let (shaper, at) = (&mut column.shaper, (last_baseline, y));
                self.toc_number(&mut draws, shaper, entry, area, line_end, at);
            }
            y = last_baseline - look.size * 0.3 - look.line * 0.45;
        }
        if !draws.is_empty() || pages.is_empty() {
            pages.push(self.blank_page(draws));
        }
        pages
    }

    /// An entry's page number at the right edge of `area` (left edge, width), on the
    /// baseline of the entry's last line, a thin leader from `line_end` to it, and a link
    /// over the whole entry from its `top` down.
    fn toc_number(
        &self,
        draws: &mut Vec<Draw>,
        shaper: &mut Shaper,
        entry: &TocEntry,
        area: (f32, f32),
        line_end: f32,
        (last_baseline, top): (f32, f32),
    ) {
        let look = self.look();
        let run = shaper.shape(
            self.fonts.face(face(look.headings, false, false)),
            look.size,
            &entry.page.to_string(),
        );
        let number_x = area.0 + area.1 - run.width;
        let leader_from = line_end + look.size * 0.5;
        draws.push(Draw::Line {
            from: (Pt(leader_from), Pt(last_baseline + 0.5)),
            to: (Pt(number_x - look.size * 0.5), Pt(last_baseline + 0.5)),
            width: Pt(0.3),
            color: look.rule,
        });
        draws.push(Draw::Text {
            run,
            x: Pt(number_x),
            y: Pt(last_baseline),
            color: look.text,
        });
        // The whole entry jumps to its page on screen.
        draws.push(Draw::Link {
            x: Pt(area.0),
            y: Pt(last_baseline - look.size * 0.3),
            w: Pt(area.1),
            h: Pt(top - last_baseline + look.size * 0.3),
            target: LinkTarget::Page(entry.page.saturating_sub(1)),
        });
    }
}
