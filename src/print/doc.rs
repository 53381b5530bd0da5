//! The print document tree: Markdown read through pulldown-cmark into blocks of styled inline
//! runs, with footnotes numbered and collected, ready for the layout stage.
//!
//! It stays at the root of `print`, outside the stage folders, because it is the model every
//! stage reads and it depends on nothing in `print`: only on [`crate::markdown`], whose
//! heading ids it takes so that a PDF's anchors are the web page's.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Parser, Tag, TagEnd};

/// A story's printable content.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Document {
    pub blocks: Vec<Block>,
    /// In order of first reference, numbered from 1.
    pub footnotes: Vec<Footnote>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Block {
    /// `level` is 1..=3 (deeper Markdown headings clamp to 3); `id` is the anchor the web page
    /// gives the heading ([`crate::markdown::heading_ids`]), unique in the Markdown.
    Heading {
        level: u8,
        id: String,
        inlines: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// `ordered` is the start number of a numbered list. Every item is a list of blocks: its
    /// text is always in `Paragraph`s, whether the Markdown list is tight or loose.
    List {
        ordered: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    /// `src` as written in Markdown.
    Image {
        src: String,
        alt: String,
        title: Option<String>,
    },
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
        align: Vec<Align>,
    },
    Rule,
    /// From front matter `results:`.
    Results(Vec<ResultFigure>),
    /// From front matter `quotes:`.
    Testimonial {
        text: String,
        by: Option<String>,
    },
    Code(String),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ResultFigure {
    /// Already formatted, e.g. "40 %".
    pub value: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Footnote {
    /// The label as written in its definition (`[^label]:`).
    pub label: String,
    pub number: u32,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
    None,
}

/// A run of text in one style. Soft breaks are spaces, hard breaks `\n`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Inline {
    pub text: String,
    pub style: Style,
    pub link: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Style {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    /// Footnote references.
    pub superscript: bool,
}

/// Reads Markdown (front matter already removed) with tables, footnotes, strikethrough (set
/// as plain text) and heading attributes (`{#id}`); no smart punctuation, the texts carry
/// their own «» quotes.
///
/// Images become their own `Block::Image`, splitting the paragraph around them (an image in
/// a heading or table cell is replaced by its alt text, and a linked image loses its link).
/// Raw HTML tags are dropped and the text between them kept. Footnotes are numbered in the
/// order their references occur in the Markdown; definitions never referenced are dropped.
pub(crate) fn parse(markdown: &str) -> Document {
    let options = crate::markdown::options();
    let mut builder = Builder {
        heading_ids: crate::markdown::heading_ids(markdown).into_iter(),
        ..Builder::default()
    };
    for event in Parser::new_ext(markdown, options) {
        builder.event(event);
    }
    builder.finish()
}

/// A block container being filled.
enum Container {
    Quote(Vec<Block>),
    List {
        ordered: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Footnote {
        label: String,
        blocks: Vec<Block>,
    },
}

/// The block whose inline content (or raw text) is being read.
#[derive(Clone, Debug, PartialEq)]
enum Leaf {
    Paragraph,
    Heading { level: u8, id: String },
    Cell,
    Code,
    Html,
}

/// An image whose alt text is being read.
struct PendingImage {
    src: String,
    title: Option<String>,
    alt: String,
    /// Images nested in the alt text (their text joins ours).
    nested: usize,
    /// In a heading or table cell: becomes alt text instead of a block.
    inline: bool,
}

#[derive(Default)]
struct PendingTable {
    align: Vec<Align>,
    header: Vec<Vec<Inline>>,
    rows: Vec<Vec<Vec<Inline>>>,
    row: Vec<Vec<Inline>>,
}

/// Footnote numbers and bodies, keyed by the case-folded label (CommonMark matches labels
/// case-insensitively).
#[derive(Default)]
struct Footnotes {
    numbers: HashMap<String, u32>,
    order: Vec<String>,
    bodies: HashMap<String, (String, Vec<Block>)>,
}

impl Footnotes {
    /// The number of a referenced footnote, given at its first reference.
    fn number(&mut self, label: &str) -> u32 {
        let key = label_key(label);
        if let Some(&number) = self.numbers.get(&key) {
            return number;
        }
        let number = u32::try_from(self.order.len() + 1).unwrap_or(u32::MAX);
        self.numbers.insert(key.clone(), number);
        self.order.push(key);
        number
    }

    fn define(&mut self, label: String, blocks: Vec<Block>) {
        self.bodies
            .entry(label_key(&label))
            .or_insert((label, blocks));
    }

    fn into_list(mut self) -> Vec<Footnote> {
        let mut list = Vec::new();
        for key in &self.order {
            let Some((label, blocks)) = self.bodies.remove(key) else {
                continue;
            };
            let number = self.numbers.get(key).copied().unwrap_or_default();
            list.push(Footnote {
                label,
                number,
                blocks,
            });
        }
        list
    }
}

fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    containers: Vec<Container>,
    leaf: Option<Leaf>,
    inlines: Vec<Inline>,
    raw: String,
    image: Option<PendingImage>,
    table: Option<PendingTable>,
    bold: usize,
    italic: usize,
    links: Vec<String>,
    footnotes: Footnotes,
    /// The ids of the headings not read yet, in document order.
    heading_ids: std::vec::IntoIter<String>,
}

impl Builder {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.text(&text, false);
            }
            Event::Code(text) => self.text(&text, true),
            Event::Html(html) => self.html(&html),
            Event::InlineHtml(html) => self.inline_html(&html),
            Event::FootnoteReference(label) => self.footnote_reference(&label),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.hard_break(),
            Event::Rule => {
                self.close_paragraph();
                self.push_block(Block::Rule);
            }
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        if let Some(image) = &mut self.image {
            if matches!(tag, Tag::Image { .. }) {
                image.nested += 1;
            }
            return;
        }
        match tag {
            Tag::Paragraph => self.open_leaf(Leaf::Paragraph),
            Tag::Heading { level, .. } => {
                // The ids were read from the same events: one per heading, in order.
                let id = self.heading_ids.next().unwrap_or_default();
                self.open_leaf(Leaf::Heading {
                    level: heading_level(level),
                    id,
                });
            }
            Tag::CodeBlock(_) => self.open_leaf(Leaf::Code),
            Tag::HtmlBlock => self.open_leaf(Leaf::Html),
            Tag::BlockQuote(_) => self.open_container(Container::Quote(Vec::new())),
            Tag::List(ordered) => self.open_container(Container::List {
                ordered,
                items: Vec::new(),
            }),
            Tag::Item => self.open_container(Container::Item(Vec::new())),
            Tag::FootnoteDefinition(label) => self.open_container(Container::Footnote {
                label: label.to_string(),
                blocks: Vec::new(),
            }),
            Tag::Table(align) => {
                self.close_paragraph();
                let align = align.iter().map(|&a| to_align(a)).collect();
                self.table = Some(PendingTable {
                    align,
                    ..PendingTable::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    table.row.clear();
                }
            }
            Tag::TableCell => self.open_leaf(Leaf::Cell),
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Link { dest_url, .. } => self.links.push(dest_url.to_string()),
            Tag::Image {
                dest_url, title, ..
            } => self.start_image(&dest_url, &title),
            Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        if self.image.is_some() {
            if tag == TagEnd::Image {
                self.end_image();
            }
            return;
        }
        match tag {
            TagEnd::Paragraph => self.close_paragraph(),
            TagEnd::Heading(_) => self.close_heading(),
            TagEnd::CodeBlock => {
                let mut code = std::mem::take(&mut self.raw);
                if code.ends_with('\n') {
                    code.pop();
                }
                self.leaf = None;
                self.push_block(Block::Code(code));
            }
            TagEnd::HtmlBlock => {
                let text = html_text(&std::mem::take(&mut self.raw));
                self.leaf = None;
                if !text.is_empty() {
                    self.push_block(Block::Paragraph(vec![Inline {
                        text,
                        style: Style::default(),
                        link: None,
                    }]));
                }
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition => {
                self.close_container()
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.push_block(Block::Table {
                        header: table.header,
                        rows: table.rows,
                        align: table.align,
                    });
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.header = std::mem::take(&mut table.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::TableCell => {
                let cell = trimmed(std::mem::take(&mut self.inlines));
                self.leaf = None;
                if let Some(table) = &mut self.table {
                    table.row.push(cell);
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Image
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => {}
        }
    }

    fn text(&mut self, text: &str, code: bool) {
        if let Some(image) = &mut self.image {
            image.alt.push_str(text);
            return;
        }
        match self.leaf {
            Some(Leaf::Code | Leaf::Html) => self.raw.push_str(text),
            Some(_) => self.push_inline(text, self.style(code)),
            None => {
                // Tight list items carry their text without a paragraph.
                self.leaf = Some(Leaf::Paragraph);
                self.push_inline(text, self.style(code));
            }
        }
    }

    fn hard_break(&mut self) {
        let text = if self.image.is_some() { " " } else { "\n" };
        self.text(text, false);
    }

    fn html(&mut self, html: &str) {
        if self.leaf == Some(Leaf::Html) {
            self.raw.push_str(html);
        }
    }

    /// Inline tags are dropped (the text between them arrives as text), except line breaks.
    fn inline_html(&mut self, html: &str) {
        let tag = html.trim().to_ascii_lowercase();
        if matches!(tag.as_str(), "<br>" | "<br/>" | "<br />") {
            self.hard_break();
        }
    }

    /// A superscript run of its own: adjacent references must not merge into one number.
    fn footnote_reference(&mut self, label: &str) {
        if self.image.is_some() {
            return;
        }
        let number = self.footnotes.number(label);
        if self.leaf.is_none() {
            self.leaf = Some(Leaf::Paragraph);
        }
        let style = Style {
            superscript: true,
            ..Style::default()
        };
        let text = number.to_string();
        let inline = Inline {
            text,
            style,
            link: None,
        };
        self.inlines.push(inline);
    }

    fn style(&self, code: bool) -> Style {
        Style {
            bold: self.bold > 0,
            italic: self.italic > 0,
            code,
            superscript: false,
        }
    }

    /// Appends text, merging it into the previous run when style and link match.
    fn push_inline(&mut self, text: &str, style: Style) {
        let link = self.links.last().cloned();
        match self.inlines.last_mut() {
            Some(last) if last.style == style && last.link == link => last.text.push_str(text),
            _ => self.inlines.push(Inline {
                text: text.to_string(),
                style,
                link,
            }),
        }
    }

    fn open_leaf(&mut self, leaf: Leaf) {
        self.close_paragraph();
        self.raw.clear();
        self.inlines.clear();
        self.leaf = Some(leaf);
    }

    /// Ends the open paragraph (explicit, or the implicit one of a tight list item).
    fn close_paragraph(&mut self) {
        if self.leaf == Some(Leaf::Paragraph) {
            self.flush_paragraph();
            self.leaf = None;
        }
    }

    /// Emits the inline runs read so far as a paragraph, unless they are only whitespace.
    fn flush_paragraph(&mut self) {
        let inlines = trimmed(std::mem::take(&mut self.inlines));
        if !inlines.is_empty() {
            self.push_block(Block::Paragraph(inlines));
        }
    }

    fn close_heading(&mut self) {
        let Some(Leaf::Heading { level, id }) = self.leaf.take() else {
            return;
        };
        let inlines = trimmed(std::mem::take(&mut self.inlines));
        self.push_block(Block::Heading { level, id, inlines });
    }

    fn start_image(&mut self, src: &str, title: &str) {
        let inline = matches!(self.leaf, Some(Leaf::Heading { .. } | Leaf::Cell));
        if !inline {
            // The text before the image becomes a paragraph of its own; the paragraph stays
            // open for the text after it.
            self.flush_paragraph();
        }
        self.image = Some(PendingImage {
            src: src.to_string(),
            title: (!title.is_empty()).then(|| title.to_string()),
            alt: String::new(),
            nested: 0,
            inline,
        });
    }

    fn end_image(&mut self) {
        let Some(mut image) = self.image.take() else {
            return;
        };
        if image.nested > 0 {
            image.nested -= 1;
            self.image = Some(image);
        } else if image.inline {
            self.push_inline(&image.alt, self.style(false));
        } else {
            self.push_block(Block::Image {
                src: image.src,
                alt: image.alt,
                title: image.title,
            });
        }
    }

    fn open_container(&mut self, container: Container) {
        self.close_paragraph();
        self.containers.push(container);
    }

    fn close_container(&mut self) {
        self.close_paragraph();
        let Some(container) = self.containers.pop() else {
            return;
        };
        match container {
            Container::Quote(blocks) => self.push_block(Block::Quote(blocks)),
            Container::List { ordered, items } => self.push_block(Block::List { ordered, items }),
            Container::Item(blocks) => match self.containers.last_mut() {
                Some(Container::List { items, .. }) => items.push(blocks),
                _ => blocks.into_iter().for_each(|b| self.push_block(b)),
            },
            Container::Footnote { label, blocks } => self.footnotes.define(label, blocks),
        }
    }

    fn push_block(&mut self, block: Block) {
        match self.containers.last_mut() {
            Some(Container::Quote(blocks) | Container::Item(blocks)) => blocks.push(block),
            Some(Container::Footnote { blocks, .. }) => blocks.push(block),
            // Blocks directly in a list (never produced by pulldown-cmark) form an item.
            Some(Container::List { items, .. }) => items.push(vec![block]),
            None => self.blocks.push(block),
        }
    }

    fn finish(mut self) -> Document {
        self.close_paragraph();
        while !self.containers.is_empty() {
            self.close_container();
        }
        Document {
            blocks: self.blocks,
            footnotes: self.footnotes.into_list(),
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        _ => 3,
    }
}

fn to_align(align: Alignment) -> Align {
    match align {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

/// Drops leading and trailing whitespace of a run list, and runs left empty.
fn trimmed(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(first) = inlines.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = inlines.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    inlines.retain(|i| !i.text.is_empty());
    inlines
}

/// The plain text of an HTML block: tags, comments, scripts and styles removed, common
/// entities decoded, whitespace collapsed.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(rest.get(..open).unwrap_or_default());
        text.push(' '); // tags separate words (`<td>a</td><td>b</td>`)
        let tag = rest.get(open..).unwrap_or_default();
        rest = skip_tag(tag);
    }
    text.push_str(rest);
    let decoded = decode_entities(&text);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text after the tag (or comment, or script/style element) that `html` starts with.
fn skip_tag(html: &str) -> &str {
    let lower = html.get(..8).unwrap_or(html).to_ascii_lowercase();
    let end_marker = if html.starts_with("<!--") {
        "-->"
    } else if lower.starts_with("<script") {
        "</script>"
    } else if lower.starts_with("<style") {
        "</style>"
    } else {
        ">"
    };
    match find_ignoring_case(html, end_marker) {
        Some(at) => html.get(at + end_marker.len()..).unwrap_or_default(),
        None => "",
    }
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(needle)
}

fn decode_entities(text: &str) -> String {
    const ENTITIES: [(&str, &str); 7] = [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&nbsp;", "\u{a0}"),
        ("&laquo;", "«"),
        ("&raquo;", "»"),
    ];
    let mut out = text.to_string();
    for (entity, char) in ENTITIES {
        out = out.replace(entity, char);
    }
    // Last, so that `&amp;lt;` stays `&lt;`.
    out.replace("&amp;", "&")
}

#[cfg(test)]
mod tests;
