//! The parallel edition's text: two languages side by side, the first on the left, each in a
//! column half the text width. Blocks are paired in order (the n-th paragraph of one language
//! beside the n-th of the other), and each pair starts at the same height, so a reader finds
//! the translation of what they read level with it.

use crate::content::Page as ContentPage;
use crate::content::booklets::Origin;
use crate::print::display::{Outline, Page, translate};
use crate::print::doc::{self, Block, Document};
use crate::print::flow::{Content, Galley, Item, Kind};
use crate::print::story::story_document;
use crate::units::{Mm, Pt};

use super::images::Images;
use super::setup::Setup;

/// Space between the columns.
const GUTTER: Mm = Mm(5.0);

pub(crate) struct Text {
    /// Pages 2 onwards of the booklet.
    pub pages: Vec<Page>,
    /// Page indices count from the text's first page.
    pub outline: Vec<Outline>,
}

/// One part of the text in both languages: the booklet's own text, or a story.
struct Section<'s> {
    /// The pages the blocks come from, where their pictures are.
    pages: (Option<&'s ContentPage>, Option<&'s ContentPage>),
    /// The running title of a story ("Kazakh title / Russian title"); none for own text.
    story: Option<String>,
    blocks: (Vec<Block>, Vec<Block>),
}

/// Sets the booklet's own text and stories in two columns and paginates them from page 2.
pub(crate) fn pages(setup: &Setup, langs: (&str, &str), images: &mut Images) -> Text {
    let mut column = setup.settings.clone();
    let full = column.paper.width.0 - column.margins.inner - column.margins.outer;
    let width = (full - GUTTER.0) / 2.0;
    column.paper.width = Mm(width + column.margins.inner + column.margins.outer);
    // Display type set for a full measure breaks badly in half of it.
    column.sizes.h1 = (column.sizes.h1 * 0.75).max(column.sizes.h2);
    column.sizes.h2 = (column.sizes.h2 * 0.9).max(column.sizes.h3);
    let line = column.line_height().0;
    let shift = Pt::from(Mm(width + GUTTER.0)).0;
    let column_setup = Setup {
        site: setup.site,
        booklet: setup.booklet,
        settings: column,
        fonts: setup.fonts,
        strings: setup.strings,
    };
    let mut galley = Galley::default();
    for section in sections(setup, langs) {
        let set = |blocks: &[Block],
                   page: Option<&ContentPage>,
                   lang: &str,
                   images: &mut Images|
         -> Vec<Galley> {
            blocks
                .iter()
                .map(|block| {
                    let document = Document {
                        blocks: vec![block.clone()],
                        footnotes: Vec::new(),
                    };
                    match page {
                        Some(page) => column_setup.layout_page(
                            &document,
                            page,
                            &column_setup.typesetter(lang),
                            images,
                        ),
                        None => Galley::default(),
                    }
                })
                .collect()
        };
        let left = set(&section.blocks.0, section.pages.0, langs.0, images);
        let right = set(&section.blocks.1, section.pages.1, langs.1, images);
        let mut merged = Galley::default();
        let count = left.len().max(right.len());
        let mut left = left.into_iter();
        let mut right = right.into_iter();
        let mut after_heading = false;
        for n in 0..count {
            let mut pair = merge(
                left.next().unwrap_or_default(),
                right.next().unwrap_or_default(),
                shift,
            );
            // A block's galley starts at its first line: the space above it is ours to give.
            if n > 0 {
                let heading = pair.items.iter().find_map(|item| match item {
                    Item::Content(c) => Some(matches!(c.kind, Kind::Heading { .. })),
                    _ => None,
                });
                let space = if heading == Some(true) { 1.3 } else { 0.5 };
                merged.items.push(Item::Space(Pt(line * space)));
            }
            // A heading stays with what follows it, though that is another block.
            let first = pair.items.iter_mut().find_map(|item| match item {
                Item::Content(c) => Some(c),
                _ => None,
            });
            let is_heading = first
                .as_ref()
                .is_some_and(|c| matches!(c.kind, Kind::Heading { .. }));
            if after_heading && let Some(first) = first {
                first.break_before = false;
            }
            after_heading = is_heading;
            merged.append(pair);
        }
        match &section.story {
            Some(title) => galley.append_story(title, merged),
            None => galley.append(merged),
        }
    }
    let title = setup
        .booklet
        .front(setup.site, langs.0)
        .map(|f| f.title.to_string())
        .unwrap_or_default();
    let paged = setup.paginate_from(galley, &title, langs.0, 1);
    Text {
        pages: paged.pages,
        outline: paged.outline,
    }
}

/// The booklet's own text and then each story, in both languages.
fn sections<'s>(setup: &'s Setup, (a, b): (&str, &str)) -> Vec<Section<'s>> {
    let mut sections = Vec::new();
    if setup.booklet.origin == Origin::Booklet {
        let page = |lang: &str| setup.booklet.entry(setup.site).and_then(|e| e.page(lang));
        let own = |lang: &str| {
            page(lang)
                .map(|p| doc::parse(&p.body.text()).blocks)
                .unwrap_or_default()
        };
        sections.push(Section {
            pages: (page(a), page(b)),
            story: None,
            blocks: (own(a), own(b)),
        });
    }
    for name in &setup.booklet.stories {
        let Some(entry) = setup.site.stories.iter().find(|e| &e.name == name) else {
            continue;
        };
        let blocks = |lang: &str| {
            entry
                .page(lang)
                .map(|p| story_document(setup.site, p, setup.strings).blocks)
                .unwrap_or_default()
        };
        let titles: Vec<&str> = [a, b]
            .iter()
            .filter_map(|l| entry.page(l).map(|p| p.title.as_str()))
            .collect();
        sections.push(Section {
            pages: (entry.page(a), entry.page(b)),
            story: Some(titles.join(" / ")),
            blocks: (blocks(a), blocks(b)),
        });
    }
    sections
}

/// One block's galley in each language, side by side: the n-th content of the left beside
/// the n-th of the right, as tall as the taller, a page break allowed where both allow one.
fn merge(left: Galley, right: Galley, shift: f32) -> Galley {
    let mut frames = left.frames.clone();
    let offset = frames.len();
    frames.extend(right.frames.iter().cloned().map(|mut f| {
        f.x = Pt(f.x.0 + shift);
        f
    }));
    let left = rows(left);
    let right: Vec<(f32, Content)> = rows(right)
        .into_iter()
        .map(|(space, mut c)| {
            c.draws.iter_mut().for_each(|d| translate(d, shift, 0.0));
            c.frames.iter_mut().for_each(|f| *f += offset);
            (space, c)
        })
        .collect();
    let mut items = Vec::new();
    let count = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    for n in 0..count {
        let (l, r) = (left.next(), right.next());
        let space = l
            .as_ref()
            .map_or(0.0, |x| x.0)
            .max(r.as_ref().map_or(0.0, |x| x.0));
        if n > 0 && space > 0.0 {
            items.push(Item::Space(Pt(space)));
        }
        items.push(Item::Content(combine(l.map(|x| x.1), r.map(|x| x.1))));
    }
    Galley { items, frames }
}

/// The contents of a galley with the space before each.
fn rows(galley: Galley) -> Vec<(f32, Content)> {
    let mut rows = Vec::new();
    let mut space = 0.0;
    for item in galley.items {
        match item {
            Item::Space(s) => space += s.0,
            Item::Content(c) => {
                rows.push((space, c));
                space = 0.0;
            }
            Item::NewPage { .. } | Item::Story { .. } => {}
        }
    }
    rows
}

fn combine(left: Option<Content>, right: Option<Content>) -> Content {
    let heading = |c: &Option<Content>| match c.as_ref().map(|c| &c.kind) {
        Some(Kind::Heading { .. }) => c.as_ref().map(|c| c.kind.clone()),
        _ => None,
    };
    let kind = heading(&left)
        .or_else(|| heading(&right))
        .or_else(|| left.as_ref().map(|c| c.kind.clone()))
        .unwrap_or(Kind::Block);
    let mut out = Content {
        height: Pt(0.0),
        draws: Vec::new(),
        break_before: true,
        kind,
        lines: Vec::new(),
        frames: Vec::new(),
    };
    for content in [left, right].into_iter().flatten() {
        out.height = Pt(out.height.0.max(content.height.0));
        out.break_before &= content.break_before;
        out.draws.extend(content.draws);
        out.frames.extend(content.frames);
    }
    out
}
