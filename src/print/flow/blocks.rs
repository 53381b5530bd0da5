//! The galley builder: a document's blocks in order, each set by its style (headings,
//! paragraphs, lists, quotes, images, rules here; tables, cards and tinted boxes in their own
//! files), with the collapsing spaces between them, the keeps that hold a heading or an
//! image's caption to what follows, the frames behind boxed runs, and the footnotes last.

use super::cards::CARD_GAP;
use super::galley::{Content, Frame, Galley, Item, Kind};
use super::lines::{
    Area, PARAGRAPH_SPACE, QUOTE_BAR, Setter, plain, plain_text, rule_content, stacked,
};
use super::look::Typesetter;
use crate::print::display::{Color, Draw, ImageId};
use crate::print::doc::{Align, Block, Document, Footnote, Inline, ResultFigure};
use crate::print::inline::{ParSpec, TextStyle, set_balanced};
use crate::units::Pt;

/// Looks up an image by its Markdown `src`: its id in the PDF writer and its pixel size.
pub(crate) type ImageLookup<'a> = dyn FnMut(&str) -> Option<(ImageId, u32, u32)> + 'a;

// Vertical spaces in body lines.
const LIST_ITEM_SPACE: f32 = 0.25;
const BLOCK_SPACE: f32 = 0.7;
const CAPTION_SPACE: f32 = 0.3;
const FOOTNOTE_SPACE: f32 = 1.5;
/// (space above, space below) a heading, by level.
const HEADING_SPACE: [(f32, f32); 3] = [(1.6, 0.6), (1.3, 0.45), (1.0, 0.3)];
/// Heading line height as a multiple of its size: display type sets tighter than text.
const HEADING_LEADING: f32 = 1.2;
/// Images take at most this share of the text area's height.
pub(super) const IMAGE_MAX_HEIGHT: f32 = 0.55;
/// Lines a split box leaves at least on each page.
const BOX_SPLIT_MIN: usize = 3;
/// Indent of quotes and testimonial text in ems of the body size.
const QUOTE_INDENT: f32 = 1.2;

pub(super) fn layout_document(doc: &Document, ts: &Typesetter, images: &mut ImageLookup) -> Galley {
    let mut builder = Builder::new(ts);
    let area = builder.setter.body_area();
    for block in &doc.blocks {
        builder.block(block, &area, images, 0);
    }
    builder.footnotes(&doc.footnotes, images);
    builder.galley
}

struct Builder<'a> {
    setter: Setter<'a>,
    galley: Galley,
    /// Collapsing space before the next content: the largest space asked for wins.
    space: f32,
    /// The next content may not start a page (it follows a heading or a caption's image).
    keep: bool,
    /// Frames the content being set belongs to.
    frames: Vec<usize>,
    /// Some content is in the galley (spaces before it would be dropped anyway).
    started: bool,
}

impl<'a> Builder<'a> {
    fn new(ts: &Typesetter<'a>) -> Self {
        Builder {
            setter: Setter::new(ts),
            galley: Galley::default(),
            space: 0.0,
            keep: false,
            frames: Vec::new(),
            started: false,
        }
    }

    fn gap(&mut self, space: f32) {
        self.space = self.space.max(space);
    }

    fn push(&mut self, mut content: Content) {
        if self.started && self.space > 0.0 {
            self.galley.items.push(Item::Space(Pt(self.space)));
        }
        self.space = 0.0;
        if self.keep {
            content.break_before = false;
            self.keep = false;
        }
        content.frames.extend(self.frames.iter().copied());
        self.galley.items.push(Item::Content(content));
        self.started = true;
    }

    fn push_all(&mut self, contents: Vec<Content>) {
        contents.into_iter().for_each(|c| self.push(c));
    }

    fn frame(&mut self, x: f32, w: f32, fill: Color) -> usize {
        self.galley.frames.push(Frame {
            x: Pt(x),
            w: Pt(w),
            fill,
        });
        self.galley.frames.len() - 1
    }

    fn block(&mut self, block: &Block, area: &Area, images: &mut ImageLookup, depth: usize) {
        match block {
            Block::Heading { level, id, inlines } => self.heading(*level, id, inlines, area),
            Block::Paragraph(inlines) => self.paragraph(inlines, area),
            Block::List { ordered, items } => self.list(*ordered, items, area, images, depth),
            Block::Quote(blocks) => self.quote(blocks, area, images, depth),
            Block::Image { src, alt, title } => {
                let caption = if alt.trim().is_empty() {
                    title.as_deref().unwrap_or_default()
                } else {
                    alt
                };
                self.image(src, caption, area, images);
            }
            Block::Table {
                header,
                rows,
                align,
            } => self.table(header, rows, align, area),
            Block::Rule => self.rule(area),
            Block::Results(figures) => self.results(figures, area),
            Block::Testimonial { text, by } => self.testimonial(text, by.as_deref(), area),
            Block::Code(code) => self.code(code, area),
        }
    }

    fn paragraph(&mut self, inlines: &[Inline], area: &Area) {
        let lines = self.setter.set_in(inlines, area);
        let items = self.setter.line_items(lines, area, area.line, true);
        self.push_all(items);
        self.gap(area.par_space);
    }

    fn heading(&mut self, level: u8, id: &str, inlines: &[Inline], area: &Area) {
        let l = self.setter.look;
        let (size, color) = match level {
            1 => (l.h1, l.accent),
            2 => (l.h2, l.accent),
            _ => (l.h3, l.text),
        };
        let style = TextStyle::upright(l.headings, true, size, color);
        let spec = ParSpec {
            style,
            width: area.width,
            justify: false,
            hyphenate: false,
            ..self.setter.spec(area)
        };
        let lines = set_balanced(&mut self.setter.shaper, inlines, &spec);
        if lines.is_empty() {
            return;
        }
        let (ascent, depth) = self.setter.extent(&style);
        let leading = size * HEADING_LEADING;
        let mut content = stacked(lines, area, ascent, leading, depth);
        content.kind = Kind::Heading {
            level,
            title: plain_text(inlines),
            id: id.to_string(),
        };
        let (above, below) = HEADING_SPACE
            .get(usize::from(level.clamp(1, 3)) - 1)
            .copied()
            .unwrap_or((1.0, 0.3));
        self.gap(above * l.line);
        self.push(content);
        self.keep = true;
        self.gap(below * l.line);
    }

    fn list(
        &mut self,
        ordered: Option<u64>,
        items: &[Vec<Block>],
        area: &Area,
        images: &mut ImageLookup,
        depth: usize,
    ) {
        let l = self.setter.look;
        self.gap(l.line * PARAGRAPH_SPACE);
        let markers: Vec<String> = (0..items.len())
            .map(|i| match ordered {
                Some(start) => format!("{}.", start.saturating_add(i as u64)),
                None => self.bullet(depth).to_string(),
            })
            .collect();
        let marker_style = TextStyle {
            color: l.accent,
            bold: ordered.is_some(),
            ..area.text
        };
        let font = self.setter.font(&marker_style);
        let widths: Vec<f32> = markers
            .iter()
            .map(|m| self.setter.shaper.width(font, marker_style.size, m))
            .collect();
        let widest = widths.iter().copied().fold(0.0, f32::max);
        let gap = 0.5 * area.text.size;
        let indent = (widest + gap).max(1.1 * area.text.size);
        let inner = Area {
            par_space: l.line * LIST_ITEM_SPACE,
            ..area.indented(indent)
        };
        for (i, item) in items.iter().enumerate() {
            let first = self.galley.items.len();
            for block in item {
                self.block(block, &inner, images, depth + 1);
            }
            self.gap(inner.par_space);
            let (Some(marker), Some(&width)) = (markers.get(i), widths.get(i)) else {
                continue;
            };
            // Numbers align on their dots; bullets hang at the text edge.
            let x = if ordered.is_some() {
                area.x + indent - gap - width
            } else {
                area.x
            };
            self.attach_marker(first, marker, x, &marker_style);
        }
        self.gap(l.line * PARAGRAPH_SPACE);
    }

    fn bullet(&self, depth: usize) -> &'static str {
        if depth % 2 == 1 { "–" } else { "•" }
    }

    /// Draws `marker` on the first line set since item index `first`, on its baseline.
    fn attach_marker(&mut self, first: usize, marker: &str, x: f32, style: &TextStyle) {
        let run = self
            .setter
            .shaper
            .shape(self.setter.font(style), style.size, marker);
        let (ascent, _) = self.setter.extent(style);
        let target = self
            .galley
            .items
            .iter_mut()
            .skip(first)
            .find_map(|item| match item {
                Item::Content(c) => Some(c),
                _ => None,
            });
        if let Some(content) = target {
            let baseline = content.lines.first().map_or(ascent, |l| l.baseline.0);
            content.draws.push(Draw::Text {
                run,
                x: Pt(x),
                y: Pt(-baseline),
                color: style.color,
            });
        }
    }

    fn quote(&mut self, blocks: &[Block], area: &Area, images: &mut ImageLookup, depth: usize) {
        let l = self.setter.look;
        self.gap(l.line * BLOCK_SPACE);
        let bar = self.frame(area.x, QUOTE_BAR, l.accent);
        self.frames.push(bar);
        let mut inner = area.indented(QUOTE_INDENT * area.text.size);
        inner.text.italic = !inner.text.italic;
        let first = self.galley.items.len();
        for block in blocks {
            self.block(block, &inner, images, depth);
        }
        self.keep_box(first);
        self.frames.pop();
        self.gap(l.line * BLOCK_SPACE);
    }

    fn image(&mut self, src: &str, caption: &str, area: &Area, images: &mut ImageLookup) {
        let l = self.setter.look;
        self.gap(l.line * BLOCK_SPACE);
        let mut caption_area = Area {
            text: TextStyle::upright(l.headings, false, l.small, l.muted),
            line: l.small * l.leading,
            justify: false,
            ..*area
        };
        if let Some((id, w, h)) = images(src).filter(|&(_, w, h)| w > 0 && h > 0) {
            let aspect = h as f32 / w as f32;
            let mut width = area.width;
            let mut height = width * aspect;
            let max_height = l.page_height * IMAGE_MAX_HEIGHT;
            if height > max_height {
                height = max_height;
                width = height / aspect;
            }
            let x = area.x + (area.width - width) / 2.0;
            self.push(Content {
                height: Pt(height),
                draws: vec![Draw::Image {
                    image: id,
                    x: Pt(x),
                    y: Pt(-height),
                    w: Pt(width),
                    h: Pt(height),
                }],
                break_before: true,
                kind: Kind::Image,
                lines: Vec::new(),
                frames: Vec::new(),
            });
            caption_area.x = x;
            caption_area.width = width;
            self.keep = true;
            self.gap(l.line * CAPTION_SPACE);
        }
        if !caption.trim().is_empty() {
            // Captions are small display type, a line or two: never hyphenated.
            let inlines = [plain(caption)];
            let lines = self.setter.set_unhyphenated(&inlines, &caption_area);
            let items = self
                .setter
                .line_items(lines, &caption_area, caption_area.line, false);
            self.keep_together(items);
        }
        self.gap(l.line * BLOCK_SPACE);
    }

    /// Pushes items that must stay on one page with each other (and with what precedes them
    /// when `keep` is set).
    fn keep_together(&mut self, items: Vec<Content>) {
        for (i, mut item) in items.into_iter().enumerate() {
            if i > 0 {
                item.break_before = false;
            }
            self.push(item);
        }
    }

    /// A box (a quote, a testimonial, a table such as the facts) set from item `first` on
    /// stays whole or splits with at least [`BOX_SPLIT_MIN`] lines on each side: two lines
    /// and an attribution alone on a page read as a fragment, not as the quote.
    fn keep_box(&mut self, first: usize) {
        let weight = |c: &Content| match c.kind {
            Kind::Text => c.lines.len().max(1),
            _ => 1,
        };
        let items = self.galley.items.get_mut(first..).unwrap_or_default();
        let total: usize = items
            .iter()
            .filter_map(|i| match i {
                Item::Content(c) => Some(weight(c)),
                _ => None,
            })
            .sum();
        let mut before = 0;
        for item in items {
            let Item::Content(content) = item else {
                continue;
            };
            if before > 0 && (before < BOX_SPLIT_MIN || total - before < BOX_SPLIT_MIN) {
                content.break_before = false;
            }
            before += weight(content);
        }
    }

    fn rule(&mut self, area: &Area) {
        let l = self.setter.look;
        self.gap(l.line * BLOCK_SPACE);
        self.push(rule_content(area.x, area.width, l.rule));
        self.gap(l.line * BLOCK_SPACE);
    }

    fn table(
        &mut self,
        header: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        align: &[Align],
        area: &Area,
    ) {
        let Some(table) = self.setter.table(header, rows, align, area) else {
            return;
        };
        let l = self.setter.look;
        self.gap(l.line * BLOCK_SPACE);
        if let Some(row) = table.header {
            self.push(row);
            self.keep = true;
        }
        let first = self.galley.items.len();
        for row in table.rows {
            self.push(row);
        }
        self.keep_box(first);
        self.gap(l.line * BLOCK_SPACE);
    }

    fn code(&mut self, code: &str, area: &Area) {
        let l = self.setter.look;
        self.gap(l.line * BLOCK_SPACE);
        let items = self.setter.code_lines(code, area);
        let tint = self.frame(area.x, area.width, l.tint);
        self.frames.push(tint);
        self.push_all(items);
        self.frames.pop();
        self.gap(l.line * BLOCK_SPACE);
    }

    fn results(&mut self, figures: &[ResultFigure], area: &Area) {
        let l = self.setter.look;
        if figures.is_empty() {
            return;
        }
        self.gap(l.line * BLOCK_SPACE);
        for row in self.setter.card_rows(figures, area) {
            self.push(row);
            self.gap(CARD_GAP);
        }
        self.gap(l.line * BLOCK_SPACE);
    }

    fn testimonial(&mut self, text: &str, by: Option<&str>, area: &Area) {
        let l = self.setter.look;
        self.gap(l.line * BLOCK_SPACE);
        let items = self.setter.testimonial_lines(text, by, area);
        let tint = self.frame(area.x, area.width, l.tint);
        let bar = self.frame(area.x, QUOTE_BAR, l.accent);
        self.frames.extend([tint, bar]);
        let first = self.galley.items.len();
        self.push_all(items);
        self.keep_box(first);
        self.frames.truncate(self.frames.len() - 2);
        self.gap(l.line * BLOCK_SPACE);
    }

    fn footnotes(&mut self, notes: &[Footnote], images: &mut ImageLookup) {
        if notes.is_empty() {
            return;
        }
        let l = self.setter.look;
        self.gap(l.line * FOOTNOTE_SPACE);
        let body = self.setter.body_area();
        self.push(rule_content(0.0, body.width / 4.0, l.rule));
        self.gap(l.line * 0.5);
        let small = Area {
            text: TextStyle {
                size: l.small,
                ..body.text
            },
            line: l.small * l.leading,
            par_space: l.small * l.leading * 0.3,
            ..body
        };
        let style = TextStyle {
            color: l.muted,
            ..small.text
        };
        let font = self.setter.font(&style);
        let widest = notes
            .iter()
            .map(|n| {
                self.setter
                    .shaper
                    .width(font, style.size, &format!("{}.", n.number))
            })
            .fold(0.0, f32::max);
        let gap = 0.4 * style.size;
        let inner = small.indented(widest + gap);
        for note in notes {
            let first = self.galley.items.len();
            for block in &note.blocks {
                self.block(block, &inner, images, 0);
            }
            let marker = format!("{}.", note.number);
            let width = self.setter.shaper.width(font, style.size, &marker);
            self.attach_marker(first, &marker, widest - width, &style);
            self.gap(small.par_space);
        }
    }
}
