//! Composing one language version of a booklet from page 2 on: the booklet's own text and
//! its stories in one galley (each story under the one before when the page has room, or on a
//! new page, or on a new right-hand page), paginated
//! twice — first to learn where the sections start, then after the table of contents set
//! with those page numbers. The covers are composed apart ([`super::cover`],
//! [`super::back_cover`]), as editions place them differently.

use crate::content::booklets::{Front, Origin, StoryStart};
use crate::print::display::{Draw, LinkTarget, Outline, Page};
use crate::print::doc;
use crate::print::flow::paginate::{Paged, Running, paginate};
use crate::print::flow::{Content, Galley, Item};
use crate::print::story::story_document;
use crate::units::Pt;

use super::contents::toc_entries;
use super::images::Images;
use super::setup::Setup;

/// Space above a story that starts under the one before, in body lines.
const STORY_SPACE: f32 = 2.5;
/// The table of contents is worth its page from this many entries on.
const TOC_MIN_ENTRIES: usize = 3;

/// One language version, composed from page 2 on: the contents and the text. The covers are
/// composed apart ([`Setup::cover`], [`Setup::back_cover`]), as editions place them differently.
pub(crate) struct Part {
    pub lang: String,
    /// The pages after the cover; page 2 of the booklet is `inner[0]`.
    pub inner: Vec<Page>,
    pub outline: Vec<Outline>,
}

impl Setup<'_> {
    /// The booklet's own text and its stories in one galley, with where each story starts.
    fn galley(&self, front: &Front, images: &mut Images) -> Galley {
        let ts = self.typesetter(front.lang);
        let mut galley = Galley::default();
        if self.booklet.origin == Origin::Booklet {
            let own = doc::parse(&front.page.body.text());
            galley = self.layout_page(&own, front.page, &ts, images);
        }
        for story in self.stories(front.lang) {
            let document = story_document(self.site, story, self.strings);
            let set = self.layout_page(&document, story, &ts, images);
            match self.booklet.story_start {
                StoryStart::Continue => {
                    // A story's title opens no space of its own above it (it is the first
                    // thing of its galley); under another story it needs air to read as a
                    // new start. Dropped when the story starts a page.
                    galley
                        .items
                        .push(Item::Space(Pt(self.look().line * STORY_SPACE)));
                    galley.continue_story(&story.title, set);
                }
                StoryStart::NewPage => galley.append_story(&story.title, set),
                StoryStart::RightPage => {
                    galley.new_page(true);
                    galley.append_story(&story.title, set);
                }
            }
        }
        galley
    }

    /// Composes the language version `lang`: the text paginated after the contents, whose page
    /// numbers come from a first pagination.
    pub(crate) fn part(&self, lang: &str, images: &mut Images) -> Option<Part> {
        let front = self.booklet.front(self.site, lang)?;
        let galley = self.galley(&front, images);
        let stories: Vec<String> = self.stories(lang).iter().map(|p| p.title.clone()).collect();
        // First pass: where the stories and sections start, counted from the text's first page.
        let draft = self.paginate_from(galley.clone(), front.title, lang, 1);
        // Stories with their sections when that fits on one page, else the stories alone.
        let mut sections = true;
        let mut entries = toc_entries(&draft, &stories, 0, sections);
        if self.toc_pages(lang, &entries).len() > 1 {
            sections = false;
            entries = toc_entries(&draft, &stories, 0, sections);
        }
        // Sections do not count: one story with its sections needs no contents page.
        let with_toc = entries.iter().filter(|e| !e.section).count() >= TOC_MIN_ENTRIES;
        let toc_pages = if with_toc {
            self.toc_pages(lang, &entries).len()
        } else {
            0
        };
        // Second pass: the text starts after the cover and the contents.
        let start = 1 + toc_pages;
        let paged = self.paginate_from(galley, front.title, lang, start);
        let toc = toc_entries(&paged, &stories, start, sections);
        let mut inner = if with_toc {
            self.toc_pages(lang, &toc)
        } else {
            Vec::new()
        };
        let offset = inner.len() + 1;
        inner.extend(paged.pages);
        let mut outline: Vec<Outline> = paged
            .outline
            .into_iter()
            .map(|o| Outline {
                page: o.page + offset,
                ..o
            })
            .collect();
        if with_toc {
            outline.insert(
                0,
                Outline {
                    title: self.strings.get(lang, "contents", None),
                    level: 1,
                    page: 1,
                    y: Pt(self.page_size().1),
                },
            );
        }
        Some(Part {
            lang: lang.to_string(),
            inner,
            outline,
        })
    }

    /// Paginates the text as if it began at page index `start` (0-based; the cover is 0), so
    /// the folios and the mirrored margins are those of its place in the booklet. Page indices
    /// in the result (outline, links) count from the text's first page.
    pub(super) fn paginate_from(
        &self,
        mut galley: Galley,
        title: &str,
        lang: &str,
        start: usize,
    ) -> Paged {
        // The paginator puts its first page on the right; a text starting on a left-hand page
        // gets an empty first page, dropped again below.
        let phantom = start % 2 == 1;
        if phantom {
            let mut items = vec![
                Item::Content(Content::block(Pt(0.0), Vec::new(), Vec::new())),
                Item::NewPage { right_hand: false },
            ];
            items.append(&mut galley.items);
            galley.items = items;
        }
        let running = Running {
            title: title.to_string(),
            first_number: start as i64 + 1 - i64::from(phantom),
        };
        let mut paged = paginate(galley, &self.typesetter(lang), &running);
        if phantom && !paged.pages.is_empty() {
            paged.pages.remove(0);
            for outline in &mut paged.outline {
                outline.page = outline.page.saturating_sub(1);
            }
            for heading in &mut paged.report.headings {
                heading.page = heading.page.saturating_sub(1);
            }
            for page in &mut paged.pages {
                for draw in &mut page.draws {
                    if let Draw::Link {
                        target: LinkTarget::Page(p),
                        ..
                    } = draw
                    {
                        *p = p.saturating_sub(1);
                    }
                }
            }
        }
        // Internal links count from the text's first page; make them count from the cover.
        for page in &mut paged.pages {
            for draw in &mut page.draws {
                if let Draw::Link {
                    target: LinkTarget::Page(p),
                    ..
                } = draw
                {
                    *p += start;
                }
            }
        }
        paged
    }
}
