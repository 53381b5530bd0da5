//! Block styles: every kind of document block (headings, paragraphs, lists, quotes, images,
//! tables, figures, testimonials, code, footnotes) set into galley items, with the spaces
//! around it and the rules for where a page may break.

use super::doc::{Align, Block, Document, Footnote, Inline, ResultFigure};
use super::layout::{
    Content, Frame, Galley, ImageLookup, Item, Kind, LineEnd, LineInfo, Look, ParaLine, Typesetter,
    face, translate,
};
use super::paragraph::{ParSpec, SetLine, Shaper, TextStyle, set};
use super::pdf::{Color, Draw};
use crate::units::Pt;

// Vertical spaces in body lines.
const PARAGRAPH_SPACE: f32 = 0.5;
const LIST_ITEM_SPACE: f32 = 0.25;
const BLOCK_SPACE: f32 = 0.7;
const CAPTION_SPACE: f32 = 0.3;
const FOOTNOTE_SPACE: f32 = 1.5;
/// (space above, space below) a heading, by level.
const HEADING_SPACE: [(f32, f32); 3] = [(1.6, 0.6), (1.3, 0.45), (1.0, 0.3)];
/// Heading line height as a multiple of its size: display type sets tighter than text.
const HEADING_LEADING: f32 = 1.2;
/// Images take at most this share of the text area's height.
const IMAGE_MAX_HEIGHT: f32 = 0.55;
/// Indent of quotes and testimonial text in ems of the body size.
const QUOTE_INDENT: f32 = 1.2;
const QUOTE_BAR: f32 = 2.0;
/// Padding inside tinted boxes (code, cards, testimonials), in points.
const BOX_PADDING: f32 = 8.0;
const CARD_GAP: f32 = 6.0;
const CELL_PADDING_X: f32 = 3.0;
const CELL_PADDING_Y: f32 = 2.5;
const RULE_WIDTH: f32 = 0.5;
const HEADER_RULE_WIDTH: f32 = 0.8;
/// At most this many result figures in a row.
const CARDS_PER_ROW: usize = 3;

pub(super) fn layout_document(doc: &Document, ts: &Typesetter, images: &mut ImageLookup) -> Galley {
    let mut builder = Builder::new(ts);
    let area = builder.body_area();
    for block in &doc.blocks {
        builder.block(block, &area, images, 0);
    }
    builder.footnotes(&doc.footnotes, images);
    builder.galley
}

/// The column blocks are set in (lists and quotes narrow it) and its running text style.
#[derive(Clone, Copy, Debug)]
struct Area {
    x: f32,
    width: f32,
    text: TextStyle,
    line: f32,
    justify: bool,
    /// Space after a paragraph, in points.
    par_space: f32,
}

impl Area {
    fn indented(&self, by: f32) -> Area {
        Area {
            x: self.x + by,
            width: (self.width - by).max(1.0),
            ..*self
        }
    }
}

struct Builder<'a> {
    look: Look,
    shaper: Shaper<'a>,
    galley: Galley,
    /// Collapsing space before the next content: the largest space asked for wins.
    space: f32,
    /// The next content may not start a page (it follows a heading or a caption's image).
    keep: bool,
    paragraphs: usize,
    /// Frames the content being set belongs to.
    frames: Vec<usize>,
    /// Some content is in the galley (spaces before it would be dropped anyway).
    started: bool,
}

impl<'a> Builder<'a> {
    fn new(ts: &Typesetter<'a>) -> Self {
        Builder {
            look: Look::new(ts.settings),
            shaper: Shaper::new(ts.fonts, ts.lang),
            galley: Galley::default(),
            space: 0.0,
            keep: false,
            paragraphs: 0,
            frames: Vec::new(),
            started: false,
        }
    }

    fn body_area(&self) -> Area {
        let l = &self.look;
        Area {
            x: 0.0,
            width: l.measure,
            text: TextStyle {
                family: l.body,
                bold: false,
                italic: false,
                size: l.size,
                color: l.text,
            },
            line: l.line,
            justify: l.justify,
            par_space: l.line * PARAGRAPH_SPACE,
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
            Block::CodeBlock(code) => self.code(code, area),
        }
    }

    fn spec(&self, area: &Area) -> ParSpec {
        ParSpec {
            style: area.text,
            link_color: self.look.accent,
            width: area.width,
            justify: area.justify,
            hyphenate: self.look.hyphenate,
            align: Align::Left,
        }
    }

    fn set_in(&mut self, inlines: &[Inline], area: &Area) -> Vec<SetLine> {
        let spec = self.spec(area);
        set(&mut self.shaper, inlines, &spec)
    }

    /// Ascent and depth (both positive) of a style's face at its size.
    fn extent(&self, style: &TextStyle) -> (f32, f32) {
        let font = self
            .shaper
            .fonts
            .face(face(style.family, style.bold, style.italic));
        let m = self.shaper.fonts.metrics(font);
        (m.ascender * style.size, -m.descender * style.size)
    }

    fn paragraph(&mut self, inlines: &[Inline], area: &Area) {
        let lines = self.set_in(inlines, area);
        let items = self.line_items(lines, area, area.line, true);
        self.push_all(items);
        self.gap(area.par_space);
    }

    /// One item per line, `line_height` apart, the baseline where half the leading above
    /// the face's ascent puts it. With `breakable`, a page may end between lines as long as
    /// it leaves at least two lines on each side (no orphan, no widow).
    fn line_items(
        &mut self,
        lines: Vec<SetLine>,
        area: &Area,
        line_height: f32,
        breakable: bool,
    ) -> Vec<Content> {
        let (ascent, depth) = self.extent(&area.text);
        let baseline = ((line_height - ascent - depth) / 2.0).max(0.0) + ascent;
        let paragraph = self.paragraphs;
        self.paragraphs += 1;
        let count = lines.len();
        lines
            .into_iter()
            .enumerate()
            .map(|(index, line)| {
                let break_before = index == 0 || (breakable && index >= 2 && count - index >= 2);
                let para = ParaLine {
                    paragraph,
                    index,
                    count,
                };
                let mut content = line_content(line, area, baseline, Some(para));
                content.height = Pt(line_height);
                content.break_before = break_before;
                content
            })
            .collect()
    }

    fn heading(&mut self, level: u8, id: &str, inlines: &[Inline], area: &Area) {
        let l = self.look;
        let (size, color) = match level {
            1 => (l.h1, l.accent),
            2 => (l.h2, l.accent),
            _ => (l.h3, l.text),
        };
        let style = TextStyle {
            family: l.headings,
            bold: true,
            italic: false,
            size,
            color,
        };
        let spec = ParSpec {
            style,
            width: area.width,
            justify: false,
            hyphenate: false,
            ..self.spec(area)
        };
        let lines = set(&mut self.shaper, inlines, &spec);
        if lines.is_empty() {
            return;
        }
        let (ascent, depth) = self.extent(&style);
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
        let l = self.look;
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
        let font = self.font(&marker_style);
        let widths: Vec<f32> = markers
            .iter()
            .map(|m| self.shaper.width(font, marker_style.size, m))
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

    fn font(&self, style: &TextStyle) -> super::fonts::FontId {
        self.shaper
            .fonts
            .face(face(style.family, style.bold, style.italic))
    }

    /// Draws `marker` on the first line set since item index `first`, on its baseline.
    fn attach_marker(&mut self, first: usize, marker: &str, x: f32, style: &TextStyle) {
        let run = self.shaper.shape(self.font(style), style.size, marker);
        let (ascent, _) = self.extent(style);
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
        let l = self.look;
        self.gap(l.line * BLOCK_SPACE);
        let bar = self.frame(area.x, QUOTE_BAR, l.accent);
        self.frames.push(bar);
        let mut inner = area.indented(QUOTE_INDENT * area.text.size);
        inner.text.italic = !inner.text.italic;
        for block in blocks {
            self.block(block, &inner, images, depth);
        }
        self.frames.pop();
        self.gap(l.line * BLOCK_SPACE);
    }

    fn image(&mut self, src: &str, caption: &str, area: &Area, images: &mut ImageLookup) {
        let l = self.look;
        self.gap(l.line * BLOCK_SPACE);
        let mut caption_area = Area {
            text: TextStyle {
                family: l.headings,
                size: l.small,
                color: l.muted,
                bold: false,
                italic: false,
            },
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
            let inlines = [plain(caption)];
            let lines = self.set_in(&inlines, &caption_area);
            let items = self.line_items(lines, &caption_area, caption_area.line, false);
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

    fn rule(&mut self, area: &Area) {
        let l = self.look;
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
        let l = self.look;
        let columns = rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(header.len()))
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return;
        }
        let size = l.small + 1.0;
        let cell = Area {
            text: TextStyle {
                family: l.headings,
                size,
                bold: false,
                italic: false,
                color: l.text,
            },
            line: size * l.leading.min(1.35),
            justify: false,
            ..*area
        };
        let all_rows = std::iter::once(header).chain(rows.iter().map(Vec::as_slice));
        let widths = self.column_widths(all_rows, columns, &cell);
        self.gap(l.line * BLOCK_SPACE);
        if !header.is_empty() {
            let mut bold = cell;
            bold.text.bold = true;
            let row = self.table_row(header, &widths, align, &bold, (HEADER_RULE_WIDTH, l.text));
            self.push(row);
            self.keep = true;
        }
        for row in rows {
            let content = self.table_row(row, &widths, align, &cell, (RULE_WIDTH, l.rule));
            self.push(content);
        }
        self.gap(l.line * BLOCK_SPACE);
    }

    /// Column widths in proportion to each column's unbroken text width, but never below
    /// its longest word, filling the area.
    fn column_widths<'r>(
        &mut self,
        rows: impl Iterator<Item = &'r [Vec<Inline>]>,
        columns: usize,
        cell: &Area,
    ) -> Vec<f32> {
        let font = self.font(&cell.text);
        let bold = self.font(&TextStyle {
            bold: true,
            ..cell.text
        });
        let size = cell.text.size;
        let mut natural = vec![0.0_f32; columns];
        let mut longest = vec![0.0_f32; columns];
        for (r, row) in rows.enumerate() {
            let font = if r == 0 { bold } else { font };
            for (c, inlines) in row.iter().enumerate() {
                let text = plain_text(inlines);
                let width = self.shaper.width(font, size, &text);
                let word = text
                    .split_whitespace()
                    .map(|w| self.shaper.width(font, size, w))
                    .fold(0.0, f32::max);
                if let (Some(n), Some(m)) = (natural.get_mut(c), longest.get_mut(c)) {
                    *n = n.max(width);
                    // A hair over the word, so that rounding never hyphenates it.
                    *m = m.max(word.min(cell.width / 2.0) + 0.5);
                }
            }
        }
        let padding = 2.0 * CELL_PADDING_X * columns as f32;
        let available = (cell.width - padding).max(columns as f32);
        share_widths(&natural, &longest, available)
    }

    fn table_row(
        &mut self,
        cells: &[Vec<Inline>],
        widths: &[f32],
        align: &[Align],
        cell: &Area,
        rule: (f32, Color),
    ) -> Content {
        let (ascent, depth) = self.extent(&cell.text);
        let baseline = ((cell.line - ascent - depth) / 2.0).max(0.0) + ascent;
        let mut draws = Vec::new();
        let mut infos = Vec::new();
        let mut x = cell.x;
        let mut tallest = 1;
        for (c, &width) in widths.iter().enumerate() {
            let inlines = cells.get(c).map(Vec::as_slice).unwrap_or_default();
            let spec = ParSpec {
                width,
                align: align.get(c).copied().unwrap_or(Align::Left),
                ..self.spec(cell)
            };
            let lines = set(&mut self.shaper, inlines, &spec);
            tallest = tallest.max(lines.len());
            let column = Area {
                x: x + CELL_PADDING_X,
                width,
                ..*cell
            };
            for (i, line) in lines.into_iter().enumerate() {
                let top = CELL_PADDING_Y + i as f32 * cell.line;
                let mut content = line_content(line, &column, baseline, None);
                content
                    .draws
                    .iter_mut()
                    .for_each(|d| translate(d, 0.0, -top));
                content.lines.iter_mut().for_each(|l| l.baseline.0 += top);
                draws.append(&mut content.draws);
                infos.append(&mut content.lines);
            }
            x += width + 2.0 * CELL_PADDING_X;
        }
        let height = 2.0 * CELL_PADDING_Y + tallest as f32 * cell.line;
        let (rule_width, rule_color) = rule;
        draws.push(Draw::Line {
            from: (Pt(cell.x), Pt(-height + rule_width / 2.0)),
            to: (Pt(x), Pt(-height + rule_width / 2.0)),
            width: Pt(rule_width),
            color: rule_color,
        });
        Content {
            height: Pt(height),
            draws,
            break_before: true,
            kind: Kind::Block,
            lines: infos,
            frames: Vec::new(),
        }
    }

    fn code(&mut self, code: &str, area: &Area) {
        let l = self.look;
        self.gap(l.line * BLOCK_SPACE);
        let style = TextStyle {
            family: super::fonts::Family::Sans,
            bold: false,
            italic: false,
            size: l.small + 1.0,
            color: l.text,
        };
        let font = self.font(&style);
        let line = style.size * 1.35;
        let inner = area.indented(BOX_PADDING);
        let inner = Area {
            width: inner.width - BOX_PADDING,
            text: style,
            line,
            ..inner
        };
        let mut lines = Vec::new();
        for source in code.split('\n') {
            let source = source.replace('\t', "    ");
            let run = self.shaper.shape(font, style.size, source.trim_end());
            lines.extend(wrap_code(run, inner.width));
        }
        let (ascent, depth) = self.extent(&style);
        let baseline = ((line - ascent - depth) / 2.0).max(0.0) + ascent;
        let paragraph = self.paragraphs;
        self.paragraphs += 1;
        let count = lines.len();
        let mut items: Vec<Content> = lines
            .into_iter()
            .enumerate()
            .map(|(index, run)| {
                let para = ParaLine {
                    paragraph,
                    index,
                    count,
                };
                let width = run.width;
                let text = run.text.clone();
                let set = SetLine {
                    draws: vec![Draw::Text {
                        run,
                        x: Pt(0.0),
                        y: Pt(0.0),
                        color: style.color,
                    }],
                    x: 0.0,
                    width,
                    end: LineEnd::Forced,
                    text,
                };
                let mut content = line_content(set, &inner, baseline, Some(para));
                content.height = Pt(line);
                content.break_before = index == 0 || (index >= 2 && count - index >= 2);
                content
            })
            .collect();
        pad(&mut items, BOX_PADDING * 0.75, BOX_PADDING * 0.75);
        let tint = self.frame(area.x, area.width, l.tint);
        self.frames.push(tint);
        self.push_all(items);
        self.frames.pop();
        self.gap(l.line * BLOCK_SPACE);
    }

    fn results(&mut self, figures: &[ResultFigure], area: &Area) {
        let l = self.look;
        if figures.is_empty() {
            return;
        }
        self.gap(l.line * BLOCK_SPACE);
        let mut rest = figures;
        for count in row_sizes(figures.len(), CARDS_PER_ROW) {
            let (row, tail) = rest.split_at(count.min(rest.len()));
            rest = tail;
            let content = self.card_row(row, area);
            self.push(content);
            self.gap(CARD_GAP);
        }
        self.gap(l.line * BLOCK_SPACE);
    }

    /// A row of tinted cards: the figure big in the accent colour, its label small below.
    fn card_row(&mut self, row: &[ResultFigure], area: &Area) -> Content {
        let l = self.look;
        let count = row.len().max(1) as f32;
        let card = (area.width - CARD_GAP * (count - 1.0)) / count;
        let inner = card - 2.0 * BOX_PADDING;
        let label_area = Area {
            text: TextStyle {
                family: l.headings,
                bold: false,
                italic: false,
                size: l.small + 0.5,
                color: l.text,
            },
            line: (l.small + 0.5) * 1.3,
            justify: false,
            width: inner,
            ..*area
        };
        let mut cards = Vec::new();
        let mut height: f32 = 0.0;
        for (i, figure) in row.iter().enumerate() {
            let x = area.x + i as f32 * (card + CARD_GAP);
            let (draws, lines, h) = self.card(figure, x + BOX_PADDING, &label_area);
            height = height.max(h);
            cards.push((x, draws, lines));
        }
        let mut draws = Vec::new();
        let mut infos = Vec::new();
        for (x, mut card_draws, mut lines) in cards {
            draws.push(Draw::Rect {
                x: Pt(x),
                y: Pt(-height),
                w: Pt(card),
                h: Pt(height),
                fill: Some(l.tint),
                stroke: None,
            });
            draws.append(&mut card_draws);
            infos.append(&mut lines);
        }
        Content {
            height: Pt(height),
            draws,
            break_before: true,
            kind: Kind::Block,
            lines: infos,
            frames: Vec::new(),
        }
    }

    /// One card's draws (relative to the row's top), lines and height.
    fn card(
        &mut self,
        figure: &ResultFigure,
        x: f32,
        label: &Area,
    ) -> (Vec<Draw>, Vec<LineInfo>, f32) {
        let l = self.look;
        let mut value_style = TextStyle {
            family: l.headings,
            bold: true,
            italic: false,
            size: l.figure,
            color: l.accent,
        };
        let mut run = self
            .shaper
            .shape(self.font(&value_style), value_style.size, &figure.value);
        if run.width > label.width && run.width > 0.0 {
            // A long figure shrinks to fit its card rather than running out of it.
            value_style.size *= label.width / run.width;
            run = self
                .shaper
                .shape(self.font(&value_style), value_style.size, &figure.value);
        }
        let font = self.font(&value_style);
        let metrics = self.shaper.fonts.metrics(font);
        let size = value_style.size;
        // The digits' tops sit a padding below the card's top, but the face's ascent must
        // stay inside the card.
        let top = BOX_PADDING.max((metrics.ascender - metrics.cap_height) * size + 1.0);
        let value_baseline = top + metrics.cap_height * size;
        let value_width = run.width;
        let mut draws = vec![Draw::Text {
            run,
            x: Pt(x),
            y: Pt(-value_baseline),
            color: value_style.color,
        }];
        let mut lines = vec![LineInfo {
            x: Pt(x),
            width: Pt(value_width),
            measure: Pt(label.width),
            baseline: Pt(value_baseline),
            end: LineEnd::Last,
            text: figure.value.clone(),
            paragraph: None,
        }];
        let label_top = value_baseline - metrics.descender * size * 0.5 + 2.0;
        let column = Area { x, ..*label };
        let set_lines = self.set_in(&[plain(&figure.label)], &column);
        let line_count = set_lines.len();
        let (ascent, depth) = self.extent(&label.text);
        let baseline = ((label.line - ascent - depth) / 2.0).max(0.0) + ascent;
        for (i, line) in set_lines.into_iter().enumerate() {
            let top = label_top + i as f32 * label.line;
            let mut content = line_content(line, &column, baseline, None);
            content
                .draws
                .iter_mut()
                .for_each(|d| translate(d, 0.0, -top));
            content.lines.iter_mut().for_each(|l| l.baseline.0 += top);
            draws.append(&mut content.draws);
            lines.append(&mut content.lines);
        }
        let height = label_top + line_count as f32 * label.line + BOX_PADDING;
        (draws, lines, height)
    }

    fn testimonial(&mut self, text: &str, by: Option<&str>, area: &Area) {
        let l = self.look;
        self.gap(l.line * BLOCK_SPACE);
        let inner = area.indented(BOX_PADDING + QUOTE_BAR);
        let mut inner = Area {
            width: inner.width - BOX_PADDING,
            justify: false,
            ..inner
        };
        inner.text.italic = true;
        let lines = self.set_in(&[plain(text)], &inner);
        let mut items = self.line_items(lines, &inner, inner.line, true);
        if let Some(by) = by.filter(|b| !b.trim().is_empty()) {
            let by_area = Area {
                text: TextStyle {
                    family: l.headings,
                    bold: false,
                    italic: false,
                    size: l.small + 0.5,
                    color: l.muted,
                },
                line: (l.small + 0.5) * l.leading,
                ..inner
            };
            let spec = ParSpec {
                align: Align::Right,
                hyphenate: false,
                ..self.spec(&by_area)
            };
            let by_lines = set(&mut self.shaper, &[plain(&format!("— {by}"))], &spec);
            let mut by_items = self.line_items(by_lines, &by_area, by_area.line, false);
            if let Some(first) = by_items.first_mut() {
                // A little air between the quote and who said it; the attribution stays
                // with the quote's last line.
                first.height.0 += l.line * 0.25;
                first
                    .draws
                    .iter_mut()
                    .for_each(|d| translate(d, 0.0, -l.line * 0.25));
                first
                    .lines
                    .iter_mut()
                    .for_each(|li| li.baseline.0 += l.line * 0.25);
            }
            by_items.iter_mut().for_each(|i| i.break_before = false);
            items.append(&mut by_items);
        }
        pad(&mut items, BOX_PADDING, BOX_PADDING);
        let tint = self.frame(area.x, area.width, l.tint);
        let bar = self.frame(area.x, QUOTE_BAR, l.accent);
        self.frames.extend([tint, bar]);
        self.push_all(items);
        self.frames.truncate(self.frames.len() - 2);
        self.gap(l.line * BLOCK_SPACE);
    }

    fn footnotes(&mut self, notes: &[Footnote], images: &mut ImageLookup) {
        if notes.is_empty() {
            return;
        }
        let l = self.look;
        self.gap(l.line * FOOTNOTE_SPACE);
        let body = self.body_area();
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
        let font = self.font(&style);
        let widest = notes
            .iter()
            .map(|n| {
                self.shaper
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
            let width = self.shaper.width(font, style.size, &marker);
            self.attach_marker(first, &marker, widest - width, &style);
            self.gap(small.par_space);
        }
    }
}

/// Draws of a set line placed in `area` with its baseline `baseline` below the item top.
fn line_content(line: SetLine, area: &Area, baseline: f32, paragraph: Option<ParaLine>) -> Content {
    let mut draws = line.draws;
    draws
        .iter_mut()
        .for_each(|d| translate(d, area.x, -baseline));
    Content {
        height: Pt(baseline),
        draws,
        break_before: true,
        kind: Kind::Text,
        lines: vec![LineInfo {
            x: Pt(area.x + line.x),
            width: Pt(line.width),
            measure: Pt(area.width),
            baseline: Pt(baseline),
            end: line.end,
            text: line.text,
            paragraph,
        }],
        frames: Vec::new(),
    }
}

/// Lines stacked `leading` apart in one item whose top is the first line's ascent and
/// bottom the last line's depth.
fn stacked(lines: Vec<SetLine>, area: &Area, ascent: f32, leading: f32, depth: f32) -> Content {
    let count = lines.len();
    let mut draws = Vec::new();
    let mut infos = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        let mut content = line_content(line, area, ascent + i as f32 * leading, None);
        draws.append(&mut content.draws);
        infos.append(&mut content.lines);
    }
    let height = ascent + count.saturating_sub(1) as f32 * leading + depth;
    Content {
        height: Pt(height),
        draws,
        break_before: true,
        kind: Kind::Text,
        lines: infos,
        frames: Vec::new(),
    }
}

/// Adds padding inside a run of items: above the first, below the last.
fn pad(items: &mut [Content], top: f32, bottom: f32) {
    if let Some(first) = items.first_mut() {
        first.height.0 += top;
        first.draws.iter_mut().for_each(|d| translate(d, 0.0, -top));
        first.lines.iter_mut().for_each(|l| l.baseline.0 += top);
    }
    if let Some(last) = items.last_mut() {
        last.height.0 += bottom;
    }
}

fn rule_content(x: f32, width: f32, color: Color) -> Content {
    Content {
        height: Pt(1.0),
        draws: vec![Draw::Line {
            from: (Pt(x), Pt(-0.5)),
            to: (Pt(x + width), Pt(-0.5)),
            width: Pt(RULE_WIDTH),
            color,
        }],
        break_before: true,
        kind: Kind::Block,
        lines: Vec::new(),
        frames: Vec::new(),
    }
}

fn plain(text: &str) -> Inline {
    Inline {
        text: text.to_string(),
        style: Default::default(),
        link: None,
    }
}

fn plain_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

/// Shares `available` among columns in proportion to `natural`, giving every column at
/// least its `minimum` (the rest is shared among the others).
fn share_widths(natural: &[f32], minimum: &[f32], available: f32) -> Vec<f32> {
    let columns = natural.len();
    let mut fixed = vec![false; columns];
    let mut widths = vec![0.0; columns];
    for _ in 0..=columns {
        let fixed_width: f32 = (0..columns)
            .filter(|&c| fixed.get(c).copied().unwrap_or(false))
            .filter_map(|c| minimum.get(c))
            .sum();
        let share_total: f32 = (0..columns)
            .filter(|&c| !fixed.get(c).copied().unwrap_or(true))
            .filter_map(|c| natural.get(c).map(|n| n.max(1.0)))
            .sum();
        let rest = (available - fixed_width).max(0.0);
        let mut changed = false;
        for c in 0..columns {
            let (Some(&n), Some(&m), Some(f), Some(w)) = (
                natural.get(c),
                minimum.get(c),
                fixed.get_mut(c),
                widths.get_mut(c),
            ) else {
                continue;
            };
            if *f {
                *w = m;
                continue;
            }
            *w = rest * n.max(1.0) / share_total.max(1.0);
            if *w < m {
                *f = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let total: f32 = widths.iter().sum();
    if total > available + 0.01 && total > 0.0 {
        widths.iter_mut().for_each(|w| *w *= available / total);
    }
    widths
}

/// Row lengths for `count` cards, at most `per_row` a row, as even as possible (4 → 2 + 2).
fn row_sizes(count: usize, per_row: usize) -> Vec<usize> {
    if count == 0 || per_row == 0 {
        return Vec::new();
    }
    let rows = count.div_ceil(per_row);
    let base = count / rows;
    let longer = count % rows;
    (0..rows).map(|r| base + usize::from(r < longer)).collect()
}

/// Cuts a shaped code line into pieces no wider than `width`, at character clusters.
fn wrap_code(run: super::shape::GlyphRun, width: f32) -> Vec<super::shape::GlyphRun> {
    if run.width <= width || run.glyphs.is_empty() {
        return vec![run];
    }
    let mut out = Vec::new();
    let mut start = 0; // glyph index
    let mut x = 0.0;
    let glyphs = &run.glyphs;
    for (i, g) in glyphs.iter().enumerate() {
        let starts_cluster = i == 0 || glyphs.get(i - 1).is_some_and(|p| p.cluster != g.cluster);
        if starts_cluster && x + g.advance > width && i > start {
            out.push(sub_run(&run, start, i));
            start = i;
            x = 0.0;
        }
        x += g.advance;
    }
    out.push(sub_run(&run, start, glyphs.len()));
    out
}

fn sub_run(run: &super::shape::GlyphRun, from: usize, to: usize) -> super::shape::GlyphRun {
    let glyphs = run.glyphs.get(from..to).unwrap_or_default();
    let text_from = glyphs.first().map_or(0, |g| g.cluster);
    let text_to = run.glyphs.get(to).map_or(run.text.len(), |g| g.cluster);
    super::shape::GlyphRun {
        font: run.font,
        size: run.size,
        text: run
            .text
            .get(text_from..text_to)
            .unwrap_or_default()
            .to_string(),
        glyphs: glyphs
            .iter()
            .map(|g| super::shape::Glyph {
                cluster: g.cluster.saturating_sub(text_from),
                ..g.clone()
            })
            .collect(),
        width: glyphs.iter().map(|g| g.advance).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::doc::{self, Style};
    use crate::print::layout::testdata::{KAZAKH, with_typesetter};
    use crate::print::pdf::ImageId;

    fn galley_of(markdown: &str) -> Galley {
        with_typesetter(
            "kk",
            |_| {},
            |ts| layout_document(&doc::parse(markdown), ts, &mut |_: &str| None),
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
        let expected: Vec<bool> = (0..n).map(|i| i == 0 || (i >= 2 && n - i >= 2)).collect();
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
        let markdown =
            "![Кең сурет](wide.jpg)\n\n![Биік сурет](tall.jpg)\n\n![Жоқ сурет](missing.jpg)";
        let galley = with_typesetter(
            "kk",
            |_| {},
            |ts| layout_document(&doc::parse(markdown), ts, &mut lookup),
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
        assert!(
            (w - look.measure).abs() < 0.01 && (h - w / 2.0).abs() < 0.01 && x == 0.0 && y == -h
        );
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
                    |ts| {
                        ts.fonts
                            .face(face(super::super::fonts::Family::Sans, true, false))
                    },
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
            |ts| layout_document(&document, ts, &mut |_: &str| None),
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
            |ts| layout_document(&document, ts, &mut |_: &str| None),
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
            |ts| layout_document(&document, ts, &mut |_: &str| None),
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
}
