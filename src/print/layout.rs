//! Layout: a story's document tree set into a galley, the vertical list of lines and blocks
//! that pagination cuts into pages, each item carrying the break rules pagination obeys
//! (widows, orphans, keeps). Inline setting lives in `paragraph`, block styles in `blocks`.

use super::doc::Document;
use super::fonts::{FaceKey, Family, FontSet};
use super::pdf::{Color, Draw, ImageId};
use crate::theme::print::{FamilyChoice, PrintSettings, Rgb};
use crate::units::Pt;

#[cfg(test)]
pub(super) mod testdata;

/// What every stage of setting a booklet needs: the fonts, the theme's print settings and
/// the language of the text (BCP 47: "kk", "ru"; it picks hyphenation patterns and shaping).
#[derive(Clone, Copy)]
pub struct Typesetter<'a> {
    pub fonts: &'a FontSet,
    pub settings: &'a PrintSettings,
    pub lang: &'a str,
}

/// Looks up an image by its Markdown `src`: its id in the PDF writer and its pixel size.
pub type ImageLookup<'a> = dyn FnMut(&str) -> Option<(ImageId, u32, u32)> + 'a;

/// Sets a story into a galley: headings, paragraphs, lists, quotes, images, tables,
/// figures and testimonials, then its footnotes. Never fails: an image the lookup does not
/// know is replaced by its caption.
pub fn layout(doc: &Document, ts: &Typesetter, images: &mut ImageLookup) -> Galley {
    super::blocks::layout_document(doc, ts, images)
}

/// A vertical list of content, spaces and page-level markers, top to bottom.
#[derive(Clone, Debug, Default)]
pub struct Galley {
    pub items: Vec<Item>,
    /// Backgrounds and bars drawn behind runs of consecutive items (see [`Content::frames`]).
    pub frames: Vec<Frame>,
}

#[derive(Clone, Debug)]
pub enum Item {
    Content(Content),
    /// Vertical space; dropped at the top and bottom of a page.
    Space(Pt),
    /// Ends the page; with `right_hand`, the next content starts on a right-hand (odd)
    /// page, a blank page padding when needed.
    NewPage {
        right_hand: bool,
    },
    /// A story starts here: its title runs in the header of the pages that follow, and the
    /// page it starts on gets no header.
    Story {
        title: String,
    },
}

/// Unsplittable material: one text line, a heading, an image, a table row, a row of cards.
#[derive(Clone, Debug)]
pub struct Content {
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
pub enum Kind {
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
pub struct Frame {
    /// From the text area's left edge.
    pub x: Pt,
    pub w: Pt,
    pub fill: Color,
}

/// One set line, relative to its item.
#[derive(Clone, Debug, PartialEq)]
pub struct LineInfo {
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
pub struct ParaLine {
    /// Numbers the galley's paragraphs from 0.
    pub paragraph: usize,
    pub index: usize,
    pub count: usize,
}

/// How a line ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineEnd {
    /// At a space.
    Space,
    /// Hyphenated inside `word` (punctuation stripped), the hyphen `offset` bytes in.
    Hyphen { word: String, offset: usize },
    /// After a hyphen or dash of the text itself.
    ExplicitHyphen,
    /// Inside an unbreakable string wider than the line (a long address), without a hyphen.
    Split,
    /// At a hard line break.
    Forced,
    /// The paragraph's last line.
    Last,
}

impl Galley {
    /// Ends the page here (see [`Item::NewPage`]).
    pub fn new_page(&mut self, right_hand: bool) {
        self.items.push(Item::NewPage { right_hand });
    }

    /// Appends a story set by [`layout`], starting on a new page, with the title that its
    /// pages' running header shows.
    pub fn append_story(&mut self, title: &str, story: Galley) {
        if self.items.iter().any(|i| matches!(i, Item::Content(_))) {
            self.new_page(false);
        }
        self.items.push(Item::Story {
            title: title.to_string(),
        });
        let offset = self.frames.len();
        self.frames.extend(story.frames);
        for mut item in story.items {
            if let Item::Content(content) = &mut item {
                content.frames.iter_mut().for_each(|f| *f += offset);
            }
            self.items.push(item);
        }
    }

    /// Total height of content and spaces (no page breaks), for tests and estimates.
    pub fn height(&self) -> Pt {
        let sum = self
            .items
            .iter()
            .map(|item| match item {
                Item::Content(c) => c.height.0,
                Item::Space(s) => s.0,
                _ => 0.0,
            })
            .sum();
        Pt(sum)
    }
}

/// The design values derived from the settings that every block style uses.
#[derive(Clone, Copy, Debug)]
pub(super) struct Look {
    pub body: Family,
    pub headings: Family,
    pub size: f32,
    pub small: f32,
    pub h1: f32,
    pub h2: f32,
    pub h3: f32,
    pub figure: f32,
    pub leading: f32,
    /// Body line height.
    pub line: f32,
    pub measure: f32,
    /// Height of the text area.
    pub page_height: f32,
    pub text: Color,
    pub accent: Color,
    pub muted: Color,
    pub rule: Color,
    pub tint: Color,
    pub justify: bool,
    pub hyphenate: bool,
}

impl Look {
    pub(super) fn new(settings: &PrintSettings) -> Look {
        let c = &settings.colors;
        let page_height = settings.paper.height.0 - settings.margins.top - settings.margins.bottom;
        Look {
            body: family(settings.fonts.body),
            headings: family(settings.fonts.headings),
            size: settings.sizes.body,
            small: settings.sizes.small,
            h1: settings.sizes.h1,
            h2: settings.sizes.h2,
            h3: settings.sizes.h3,
            figure: settings.sizes.figure,
            leading: settings.leading,
            line: settings.line_height().0,
            measure: settings.measure().0,
            page_height: Pt::from(crate::units::Mm(page_height)).0,
            text: color(c.text),
            accent: color(c.accent),
            muted: color(c.muted),
            rule: color(c.rule),
            tint: color(c.tint),
            justify: settings.justify,
            hyphenate: settings.hyphenate,
        }
    }
}

pub(super) fn family(choice: FamilyChoice) -> Family {
    match choice {
        FamilyChoice::Serif => Family::Serif,
        FamilyChoice::Sans => Family::Sans,
    }
}

pub(super) fn color(rgb: Rgb) -> Color {
    Color {
        r: rgb.0,
        g: rgb.1,
        b: rgb.2,
    }
}

pub(super) fn face(family: Family, bold: bool, italic: bool) -> FaceKey {
    FaceKey {
        family,
        bold,
        italic,
    }
}

/// Moves a draw by (`dx`, `dy`).
pub fn translate(draw: &mut Draw, dx: f32, dy: f32) {
    let shift = |x: &mut Pt, y: &mut Pt| {
        x.0 += dx;
        y.0 += dy;
    };
    match draw {
        Draw::Text { x, y, .. }
        | Draw::Rect { x, y, .. }
        | Draw::Image { x, y, .. }
        | Draw::Link { x, y, .. } => shift(x, y),
        Draw::Line { from, to, .. } => {
            shift(&mut from.0, &mut from.1);
            shift(&mut to.0, &mut to.1);
        }
    }
}
