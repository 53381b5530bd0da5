//! Markdown to HTML for the web: tables, footnotes, strikethrough, transliterated heading ids,
//! links under the site's base path, and the list of images and links a page refers to.
//! (The print engine builds its own tree from the same Markdown in `print::doc`, with the
//! heading ids of [`heading_ids`], so web anchors and PDF links agree.)

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// One heading of a page, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReferenceKind {
    Image,
    Link,
}

/// An image or link target as written, with its place in the Markdown (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference {
    pub kind: ReferenceKind,
    pub target: String,
    pub line: usize,
    pub column: usize,
    /// For an image, its alternative text (the words in `![...]`); empty for links.
    pub text: String,
}

/// What loading needs of a page's Markdown, without its HTML: the site holds this for every
/// page, while the HTML is made when the page is written and dropped after (on the 10,000-story
/// benchmark site, holding it took 280 MB).
#[derive(Debug, Clone, Default)]
pub(crate) struct Outline {
    pub toc: Vec<TocEntry>,
    pub references: Vec<Reference>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub references: Vec<Reference>,
}

/// The Markdown features egiz supports everywhere. Smart punctuation stays off: it would turn
/// straight quotes into English “” while Kazakh and Russian texts use «» already.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Render `markdown` to HTML. Links starting with `/` are site-relative and get `base_path`
/// (`/ngo-site/`) in front, so they work when the site lives under a sub-path.
pub(crate) fn render_html(markdown: &str, base_path: &str) -> Rendered {
    let (events, outline, _) = read(markdown, base_path);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered {
        html,
        toc: outline.toc,
        references: outline.references,
    }
}

/// A page's HTML, as [`render_html`] makes it, and its text, as [`push_text`] reads it, from
/// one reading of the Markdown (a story page's text is written beside it for the search page).
pub(crate) fn render_html_and_text(markdown: &str, base_path: &str) -> (String, String) {
    let (events, ..) = read(markdown, base_path);
    let mut text = String::with_capacity(markdown.len());
    for event in &events {
        push_text(&mut text, event);
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (html, text)
}

/// Adds what `event` says to a text without markup: text, code and image descriptions; no
/// link targets, no raw HTML. Block ends become line breaks so words never run together.
pub(crate) fn push_text(text: &mut String, event: &Event) {
    match event {
        Event::Text(t) | Event::Code(t) => text.push_str(t),
        Event::SoftBreak | Event::HardBreak => text.push(' '),
        Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
        | Event::End(TagEnd::TableCell | TagEnd::CodeBlock | TagEnd::Image)
        | Event::Start(Tag::Image { .. }) => text.push('\n'),
        _ => {}
    }
}

/// The headings and references of `markdown`, as [`render_html`] finds them; or, when it
/// nests too deep to be rendered, where, as [`too_deep`] says. One reading of the text for
/// both: loading a large site read every text twice for them.
pub(crate) fn outline(markdown: &str, base_path: &str) -> Result<Outline, (usize, usize)> {
    match read(markdown, base_path) {
        (_, outline, None) => Ok(outline),
        (.., Some(offset)) => Err(LineIndex::new(markdown).position(offset)),
    }
}

/// The events of the page's HTML (headings with their ids, links under the base path), its
/// outline, and the offset where it first nests deeper than [`MAX_NESTING`], if it does.
fn read<'m>(markdown: &'m str, base_path: &str) -> (Vec<Event<'m>>, Outline, Option<usize>) {
    let lines = LineIndex::new(markdown);
    let mut nesting = Nesting::default();
    let mut toc = Vec::new();
    let mut references = Vec::new();
    let mut ids = UniqueIds::default();
    let mut events: Vec<Event> = Vec::new();
    // Heading events are held back until the heading ends, so its id can come from its text.
    let mut heading: Option<(Tag, Vec<Event>)> = None;
    // The alt text of the image being read: its reference's index, and how deep images nest.
    let mut image_text: Option<(usize, usize)> = None;

    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        nesting.see(&event, range.start);
        let event = match event {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                references.push(lines.reference(ReferenceKind::Image, &dest_url, range.start));
                image_text = match image_text {
                    Some((index, depth)) => Some((index, depth + 1)),
                    None => Some((references.len() - 1, 1)),
                };
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: under_base(dest_url, base_path),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                references.push(lines.reference(ReferenceKind::Link, &dest_url, range.start));
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: under_base(dest_url, base_path),
                    title,
                    id,
                })
            }
            other => other,
        };
        if let Some((index, depth)) = image_text {
            match &event {
                Event::Text(t) | Event::Code(t) => references[index].text.push_str(t),
                Event::End(TagEnd::Image) if depth == 1 => image_text = None,
                Event::End(TagEnd::Image) => image_text = Some((index, depth - 1)),
                _ => {}
            }
        }
        match event {
            Event::Start(tag @ Tag::Heading { .. }) => heading = Some((tag, Vec::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((
                    Tag::Heading {
                        level,
                        id,
                        classes,
                        attrs,
                    },
                    inner,
                )) = heading.take()
                {
                    let title = plain_text(&inner);
                    let id = ids.heading(id.as_deref(), &title);
                    toc.push(TocEntry {
                        level: level as u8,
                        id: id.clone(),
                        title,
                    });
                    events.push(Event::Start(Tag::Heading {
                        level,
                        id: Some(id.into()),
                        classes,
                        attrs,
                    }));
                    events.extend(inner);
                    events.push(Event::End(TagEnd::Heading(level)));
                }
            }
            other => match heading.as_mut() {
                Some((_, inner)) => inner.push(other),
                None => events.push(other),
            },
        }
    }

    (events, Outline { toc, references }, nesting.too_deep)
}

/// The id of every heading of `markdown`, in document order: the ids [`render_html`] gives
/// the web page's headings (and its table of contents), for the print engine's anchors.
pub(crate) fn heading_ids(markdown: &str) -> Vec<String> {
    let mut ids = UniqueIds::default();
    let mut found = Vec::new();
    // The explicit id and the events inside the heading being read.
    let mut heading: Option<(Option<CowStr>, Vec<Event>)> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => heading = Some((id, Vec::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((id, inner)) = heading.take() {
                    found.push(ids.heading(id.as_deref(), &plain_text(&inner)));
                }
            }
            other => {
                if let Some((_, inner)) = heading.as_mut() {
                    inner.push(other);
                }
            }
        }
    }
    found
}

/// How deep structures may nest: past this, a reader cannot follow anyway, and both renderers
/// walk the tree recursively, so a deeper tree (thousands of `>`) would overflow their stack.
pub(crate) const MAX_NESTING: usize = 32;

/// Where `markdown` first nests deeper than [`MAX_NESTING`] levels (1-based line and column),
/// if anywhere. Quotes, lists, footnotes, tables and inline spans (emphasis, links, ...) count
/// as a level each; paragraphs, headings and list items do not (an item is its list's level).
/// pulldown-cmark's parser is iterative, so reading the events is safe at any depth.
pub(crate) fn too_deep(markdown: &str) -> Option<(usize, usize)> {
    let mut nesting = Nesting::default();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        nesting.see(&event, range.start);
        if let Some(offset) = nesting.too_deep {
            return Some(LineIndex::new(markdown).position(offset));
        }
    }
    None
}

/// How deep the events read so far nest (see [`too_deep`]), and where they first went deeper
/// than [`MAX_NESTING`].
#[derive(Default)]
struct Nesting {
    depth: usize,
    too_deep: Option<usize>,
}

impl Nesting {
    fn see(&mut self, event: &Event, offset: usize) {
        match event {
            Event::Start(tag) if counts_as_level(tag) => {
                self.depth += 1;
                if self.depth > MAX_NESTING && self.too_deep.is_none() {
                    self.too_deep = Some(offset);
                }
            }
            Event::End(end) if end_counts_as_level(end) => {
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
    }
}

fn counts_as_level(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::DefinitionList
    )
}

fn end_counts_as_level(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::DefinitionList
    )
}

fn under_base<'a>(url: CowStr<'a>, base_path: &str) -> CowStr<'a> {
    if url.starts_with('/') && !url.starts_with("//") && base_path != "/" {
        CowStr::from(format!("{}{}", base_path, &url[1..]))
    } else {
        url
    }
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

/// Heading ids unique within one page: `natizheler`, `natizheler-2`, ...
#[derive(Default)]
struct UniqueIds(std::collections::HashSet<String>);

impl UniqueIds {
    /// A heading's id: its explicit `{#id}`, or else its title transliterated, made unique.
    fn heading(&mut self, explicit: Option<&str>, title: &str) -> String {
        let wanted = explicit
            .map(str::to_string)
            .unwrap_or_else(|| crate::i18n::slugify(title));
        self.claim(wanted)
    }

    fn claim(&mut self, wanted: String) -> String {
        let base = if wanted.is_empty() {
            "section".to_string()
        } else {
            wanted
        };
        let mut candidate = base.clone();
        let mut n = 2;
        while !self.0.insert(candidate.clone()) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        candidate
    }
}

/// Byte offset → line and column (in characters), both 1-based.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }

    fn reference(&self, kind: ReferenceKind, target: &str, offset: usize) -> Reference {
        let (line, column) = self.position(offset);
        Reference {
            kind,
            target: target.to_string(),
            line,
            column,
            text: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_are_transliterated_and_unique() {
        let r = render_html("## Нәтижелер\n\ntext\n\n## Нәтижелер\n", "/");
        assert!(
            r.html.contains("<h2 id=\"natizheler\">Нәтижелер</h2>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"natizheler-2\">"));
        assert_eq!(r.toc.len(), 2);
    }

    #[test]
    fn explicit_heading_id_wins() {
        let r = render_html("## Жоба {#plan}\n", "/");
        assert!(r.html.contains("<h2 id=\"plan\">Жоба</h2>"), "{}", r.html);
    }

    #[test]
    fn guillemets_and_straight_quotes_survive() {
        let r = render_html("«Енді өзімді сенімдірек сезінемін» -- \"quoted\"\n", "/");
        assert!(
            r.html
                .contains("«Енді өзімді сенімдірек сезінемін» -- \"quoted\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn site_relative_links_get_the_base_path_and_references_are_placed() {
        let r = render_html(
            "text\n\nsee [about](/kk/about/) and ![map](map.png)\n",
            "/ngo-site/",
        );
        assert!(
            r.html.contains("href=\"/ngo-site/kk/about/\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("src=\"map.png\""));
        let image = r
            .references
            .iter()
            .find(|r| r.kind == ReferenceKind::Image)
            .expect("image");
        assert_eq!((image.line, image.column), (3, 29));
        assert_eq!(image.text, "map");
    }

    #[test]
    fn image_alt_text_is_recorded_for_each_image() {
        let r = render_html("![**Бала** `code`](a.jpg) ![](b.jpg)\n\n[link](c/)\n", "/");
        let texts: Vec<&str> = r.references.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Бала code", "", ""]);
    }

    #[test]
    fn nesting_past_the_limit_is_found_at_its_line() {
        let ok = format!("{}text\n", "> ".repeat(MAX_NESTING));
        assert_eq!(too_deep(&ok), None);
        let deep = format!("intro\n\n{}text\n", "> ".repeat(5000));
        assert_eq!(too_deep(&deep).map(|(line, _)| line), Some(3));
        let lists = format!("{}x\n", "- ".repeat(40));
        assert!(too_deep(&lists).is_some());
        // The outline read at load finds the same place, in the same reading.
        for text in [&ok, &deep, &lists] {
            assert_eq!(outline(text, "/").err(), too_deep(text));
        }
    }

    #[test]
    fn tables_footnotes_and_strikethrough_render() {
        let r = render_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nx[^1] ~~y~~\n\n[^1]: note\n",
            "/",
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>y</del>"));
        assert!(r.html.contains("footnote-definition"));
    }
}
