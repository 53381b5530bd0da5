//! Notes pages: the pages saddle stitching needs to reach a multiple of 4, placed just before
//! the back cover. Rather than leave them blank (which reads as a printing fault), each is
//! titled in the booklet's language («Жазбаларға арналған бет», «Для заметок») and ruled
//! for writing.

use crate::print::display::{Draw, Page};
use crate::print::doc::Align;
use crate::print::inline::TextStyle;
use crate::units::{Mm, Pt};

use super::column::Column;
use super::setup::{Setup, text_area};

/// Ruled lines are this many body lines apart: handwriting is larger than type.
const RULE_PITCH: f32 = 1.9;

impl Setup<'_> {
    /// Inserts notes pages in `lang` before the last page (the back cover stays outside)
    /// until the count is a multiple of `multiple`.
    pub(crate) fn pad_with_notes(&self, pages: &mut Vec<Page>, lang: &str, multiple: usize) {
        while !pages.is_empty() && !pages.len().is_multiple_of(multiple.max(1)) {
            let at = pages.len() - 1;
            pages.insert(at, self.notes_page(lang, at));
        }
    }

    /// A notes page at page index `index` (0-based, the cover is 0): the title at the top of
    /// the text area, thin rules under it down to the bottom margin.
    pub(crate) fn notes_page(&self, lang: &str, index: usize) -> Page {
        let look = self.look();
        let (_, height) = self.page_size();
        let margins = &self.settings.margins;
        let top = height - Pt::from(Mm(margins.top)).0;
        let bottom = Pt::from(Mm(margins.bottom)).0;
        let (left, width) = text_area(&self.settings, index);
        let mut draws = Vec::new();
        let mut column = Column::new(self.fonts, lang, left, width, Align::Left);
        let title = self.strings.get(lang, "notes", None);
        let style = TextStyle::upright(look.headings, true, look.h2, look.accent);
        let mut y = column.stack(&mut draws, &title, style, top, look.h2 * 1.2);
        let pitch = look.line * RULE_PITCH;
        y -= pitch;
        while y >= bottom {
            draws.push(Draw::Line {
                from: (Pt(left), Pt(y)),
                to: (Pt(left + width), Pt(y)),
                width: Pt(0.4),
                color: look.rule,
            });
            y -= pitch;
        }
        self.blank_page(draws)
    }
}
