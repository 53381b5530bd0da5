//! The galley: the vertical list a document is set into, top to bottom, and that pagination
//! cuts into pages. Each item carries the break rules pagination obeys (widows, orphans,
//! keeps) and the set lines it holds, for the layout report.

use crate::print::display::{Color, Draw};
use crate::print::inline::LineEnd;
use crate::units::Pt;

/// The share of the text area's height that must be left for a continued story to start on
/// the same page: less, and its first page would be a sliver under the story before.
pub(crate) const CONTINUE_ROOM: f32 = 1.0 / 3.0;

/// A vertical list of content, spaces and page-level markers, top to bottom.
#[derive(Clone, Debug, Default)]
pub(crate) struct Galley {
    pub items: Vec<Item>,
    /// Backgrounds and bars drawn behind runs of consecutive items (see [`Content::frames`]).
    pub frames: Vec<Frame>,
}

#[derive(Clone, Debug)]
pub(crate) enum Item {
    Content(Content),
    /// Vertical space; dropped at the top and bottom of a page.
    Space(Pt),
    /// Ends the page; with `right_hand`, the next content starts on a right-hand (odd)
    /// page, a blank page padding when needed.
    NewPage {
        right_hand: bool,
    },
    /// A story starts here: its title runs in the header of the pages that follow, and the
    /// page it starts on gets no header. A `continued` story starts on the page the one
    /// before ends on when at least [`CONTINUE_ROOM`] of it is left, else on a new page.
    Story {
        title: String,
        continued: bool,
    },
}

/// Unsplittable material: one text line, a heading, an image, a table row, a row of cards.
#[derive(Clone, Debug)]
pub(crate) struct Content {
    pub height: Pt,
    /// Relative to the item's top-left corner at the left edge of the text area, y up (so
    /// everything lies at negative y).
    pub draws: Vec<Draw>,
    /// Whether a page may end right before this item. Keep-with-next is expressed here:
    /// the lines after a heading, the caption after its image and the lines that would
    /// leave a widow or an orphan have it false.
    pub break_before: bool,
    pub kind: Kind,
    /// Text lines in this item, top to bottom, for reports and tests.
    pub lines: Vec<LineInfo>,
    /// Indices into [`Galley::frames`] this item belongs to.
    pub frames: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind {
    Text,
    /// `id` is the heading's anchor (links `#id` point to it).
    Heading {
        level: u8,
        title: String,
        id: String,
    },
    Image,
    /// Table rows, figure cards, rules.
    Block,
}

/// A filled rectangle behind every page's stretch of consecutive items of one frame: the
/// tinted background of code and testimonials, the bar beside a quote. It reaches from the
/// first such item's top to the last one's bottom, so the spaces between them are covered.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Frame {
    /// From the text area's left edge.
    pub x: Pt,
    pub w: Pt,
    pub fill: Color,
}

/// One set line, relative to its item.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LineInfo {
    /// Left end of the line's ink from the text area's left edge.
    pub x: Pt,
    /// The set width, including a line-end hyphen.
    pub width: Pt,
    /// The width the line was set in.
    pub measure: Pt,
    /// Baseline, down from the item's top.
    pub baseline: Pt,
    pub end: LineEnd,
    /// What the line says (with its hyphen), for reports.
    pub text: String,
    /// Place in a paragraph whose lines pagination may separate.
    pub paragraph: Option<ParaLine>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ParaLine {
    /// Numbers the galley's paragraphs from 0.
    pub paragraph: usize,
    pub index: usize,
    pub count: usize,
}

impl Content {
    /// A table row, a row of cards, a rule: one unsplittable block that a page may start with.
    pub(crate) fn block(height: Pt, draws: Vec<Draw>, lines: Vec<LineInfo>) -> Content {
        Content {
            height,
            draws,
            break_before: true,
            kind: Kind::Block,
            lines,
            frames: Vec::new(),
        }
    }
}

impl Galley {
    /// Ends the page here (see [`Item::NewPage`]).
    pub(crate) fn new_page(&mut self, right_hand: bool) {
        self.items.push(Item::NewPage { right_hand });
    }

    /// Appends a story set by [`super::layout`], starting on a new page, with the title that its
    /// pages' running header shows.
    pub(crate) fn append_story(&mut self, title: &str, story: Galley) {
        if self.items.iter().any(|i| matches!(i, Item::Content(_))) {
            self.new_page(false);
        }
        self.items.push(Item::Story {
            title: title.to_string(),
            continued: false,
        });
        self.append(story);
    }

    /// Appends a story that starts right under what comes before when the page has room
    /// (see [`Item::Story`]).
    pub(crate) fn continue_story(&mut self, title: &str, story: Galley) {
        self.items.push(Item::Story {
            title: title.to_string(),
            continued: self.items.iter().any(|i| matches!(i, Item::Content(_))),
        });
        self.append(story);
    }

    /// Adds `more` to the end, keeping its items' frame indices right.
    pub(crate) fn append(&mut self, more: Galley) {
        let offset = self.frames.len();
        self.frames.extend(more.frames);
        for mut item in more.items {
            if let Item::Content(content) = &mut item {
                content.frames.iter_mut().for_each(|f| *f += offset);
            }
            self.items.push(item);
        }
    }
}
