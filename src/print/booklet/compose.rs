//! Composing one language version of a booklet: the cover (title, subtitle, publisher, cover
//! image framed or full-bleed), the table of contents with the real page numbers (the body is
//! paginated first, then the contents are set with the numbers found), the booklet's own text
//! and its stories (each on a new page or a new right-hand page), and the back cover: a QR
//! code to the booklet's web page with the address under it, the publisher's contacts and the
//! colophon (print run, date, partners).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::content::booklets::{Booklet, CoverLayout, Front, Origin, StoryStart};
use crate::content::{Page as ContentPage, Site};
use crate::diagnostics::Diagnostic;
use crate::i18n::{self, DateStyle, StringTable};
use crate::print::display::{Color, Draw, ImageId, LinkTarget, Outline, Page, translate};
use crate::print::doc::{self, Align, Document, Inline, Style};
use crate::print::flow::paginate::{Folio, Paged, Running, paginate};
use crate::print::flow::{self, Content, Galley, Item, Kind, Look, Typesetter};
use crate::print::fonts::face;
use crate::print::fonts::{Family, FontSet};
use crate::print::inline::{LineEnd, ParSpec, SetLine, Shaper, TextStyle, set};
use crate::print::pdf::PdfWriter;
use crate::print::story::story_document;
use crate::theme::print::PrintSettings;
use crate::units::{Mm, Pt};

use super::qr;

/// Side of the QR code on the back cover.
const QR_SIZE: Mm = Mm(34.0);
/// The table of contents is worth its page from this many entries on.
const TOC_MIN_ENTRIES: usize = 3;

/// What composing needs, shared by every language of a booklet.
pub struct Setup<'a> {
    pub site: &'a Site,
    pub booklet: &'a Booklet,
    /// The theme's settings with the booklet's paper.
    pub settings: PrintSettings,
    pub fonts: &'a FontSet,
    pub strings: &'a StringTable,
}

/// The images of a booklet, loaded once; every PDF writer of its editions gets them in the same
/// order, so the ids in the composed pages hold in every edition.
pub struct Images<'a> {
    probe: PdfWriter<'a>,
    files: Vec<Vec<u8>>,
    index: HashMap<PathBuf, Option<(ImageId, u32, u32)>>,
    pub warnings: Vec<Diagnostic>,
}

impl<'a> Images<'a> {
    pub fn new(fonts: &'a FontSet) -> Self {
        Images {
            probe: PdfWriter::new(fonts),
            files: Vec::new(),
            index: HashMap::new(),
            warnings: Vec::new(),
        }
    }

    /// The image at `path` (read and checked once), with its pixel size.
    pub fn get(&mut self, path: &Path, shown: &Path) -> Option<(ImageId, u32, u32)> {
        if let Some(known) = self.index.get(path) {
            return *known;
        }
        let loaded = match std::fs::read(path) {
            Ok(bytes) => match self.probe.add_image(&bytes) {
                Ok(_) => {
                    let id = ImageId(self.files.len());
                    self.files.push(bytes);
                    let (w, h) = self.probe.image_size(ImageId(self.files.len() - 1));
                    Some((id, w, h))
                }
                Err(e) => {
                    self.warnings.push(
                        Diagnostic::warning(format!(
                            "the picture {} cannot go into the booklet: {e}",
                            path.display()
                        ))
                        .in_file(shown),
                    );
                    None
                }
            },
            Err(e) => {
                self.warnings.push(
                    Diagnostic::warning(format!(
                        "cannot read the picture {} for the booklet: {e}",
                        path.display()
                    ))
                    .in_file(shown),
                );
                None
            }
        };
        self.index.insert(path.to_path_buf(), loaded);
        loaded
    }

    /// A writer for one edition, holding every image of the booklet.
    pub fn writer(&self, fonts: &'a FontSet) -> Result<PdfWriter<'a>, crate::print::pdf::PdfError> {
        let mut writer = PdfWriter::new(fonts);
        for bytes in &self.files {
            writer.add_image(bytes)?;
        }
        Ok(writer)
    }
}

/// Where the file named by `src` in a page's text or front matter is on disk.
pub fn image_path(site: &Site, page: &ContentPage, src: &str) -> Option<PathBuf> {
    if src.contains("://") || src.starts_with("data:") {
        return None;
    }
    let src = src.trim_start_matches("./");
    if let Some(asset) = page.assets.iter().find(|a| a.dest == src) {
        return Some(asset.source.clone());
    }
    let folder = site.root.join(&page.source);
    let folder = folder.parent()?;
    let path = folder.join(src);
    // Never outside the site.
    path.starts_with(&site.root).then_some(path)
}

/// One entry of the table of contents.
#[derive(Clone, Debug, PartialEq)]
pub struct TocEntry {
    pub title: String,
    /// The printed page number (the cover is page 1).
    pub page: usize,
    pub story: bool,
}

/// One language version, composed from page 2 on: the contents and the text. The covers are
/// composed apart ([`Setup::cover`], [`Setup::back_cover`]), as editions place them differently.
pub struct Part {
    pub lang: String,
    /// The pages after the cover; page 2 of the booklet is `inner[0]`.
    pub inner: Vec<Page>,
    pub outline: Vec<Outline>,
    pub toc: Vec<TocEntry>,
}

impl Setup<'_> {
    /// The creep per sheet for the imposed edition.
    pub fn booklet_creep(&self) -> Mm {
        Mm(self.booklet.creep_mm)
    }

    pub(super) fn typesetter<'t>(&'t self, lang: &'t str) -> Typesetter<'t> {
        Typesetter {
            fonts: self.fonts,
            settings: &self.settings,
            lang,
        }
    }

    fn look(&self) -> Look {
        Look::new(&self.settings)
    }

    fn page_size(&self) -> (f32, f32) {
        (
            Pt::from(self.settings.paper.width).0,
            Pt::from(self.settings.paper.height).0,
        )
    }

    /// The stories of the booklet in `lang` (a story without that translation is left out).
    pub(super) fn stories<'s>(&'s self, lang: &str) -> Vec<&'s ContentPage> {
        self.booklet
            .stories
            .iter()
            .filter_map(|name| self.site.stories.iter().find(|e| &e.name == name))
            .filter_map(|entry| entry.page(lang))
            .collect()
    }

    /// The booklet's own text and its stories in one galley, with where each story starts.
    fn galley(&self, front: &Front, images: &mut Images) -> Galley {
        let ts = self.typesetter(front.lang);
        let mut galley = Galley::default();
        if self.booklet.origin == Origin::Booklet {
            let own = doc::parse(&front.page.body);
            galley = self.layout_page(&own, front.page, &ts, images);
        }
        for story in self.stories(front.lang) {
            let document = story_document(self.site, story, self.strings);
            let set = self.layout_page(&document, story, &ts, images);
            if self.booklet.story_start == StoryStart::RightPage {
                galley.new_page(true);
            }
            galley.append_story(&story.title, set);
        }
        galley
    }

    pub(super) fn layout_page(
        &self,
        document: &Document,
        page: &ContentPage,
        ts: &Typesetter,
        images: &mut Images,
    ) -> Galley {
        let site = self.site;
        let mut lookup = |src: &str| {
            let path = image_path(site, page, src)?;
            images.get(&path, &page.source)
        };
        flow::layout(document, ts, &mut lookup)
    }

    /// Composes the language version `lang`: the text paginated after the contents, whose page
    /// numbers come from a first pagination.
    pub fn part(&self, lang: &str, images: &mut Images) -> Option<Part> {
        let front = self.booklet.front(self.site, lang)?;
        let galley = self.galley(&front, images);
        let stories: Vec<String> = self.stories(lang).iter().map(|p| p.title.clone()).collect();
        // First pass: where the stories and sections start, counted from the text's first page.
        let draft = self.paginate_from(galley.clone(), front.title, lang, 1);
        let entries = toc_entries(&draft, &stories, 0);
        let with_toc = entries.len() >= TOC_MIN_ENTRIES;
        let toc_pages = if with_toc {
            self.toc_pages(lang, &entries).len()
        } else {
            0
        };
        // Second pass: the text starts after the cover and the contents.
        let start = 1 + toc_pages;
        let paged = self.paginate_from(galley, front.title, lang, start);
        let toc = toc_entries(&paged, &stories, start);
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
            toc: if with_toc { toc } else { Vec::new() },
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
                Item::Content(Content {
                    height: Pt(0.0),
                    draws: Vec::new(),
                    break_before: true,
                    kind: Kind::Block,
                    lines: Vec::new(),
                    frames: Vec::new(),
                }),
                Item::NewPage { right_hand: false },
            ];
            items.append(&mut galley.items);
            galley.items = items;
        }
        let running = Running {
            title: title.to_string(),
            first_number: start as i64 + 1 - i64::from(phantom),
            folio: Folio::Outer,
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

    /// The contents, set on as many pages as they need (page numbers from `entries`).
    fn toc_pages(&self, lang: &str, entries: &[TocEntry]) -> Vec<Page> {
        let look = self.look();
        let (_, height) = self.page_size();
        let mut shaper = Shaper::new(self.fonts, lang);
        let margins = &self.settings.margins;
        let top = height - Pt::from(Mm(margins.top)).0;
        let bottom = Pt::from(Mm(margins.bottom)).0;
        let mut pages = Vec::new();
        let mut draws = Vec::new();
        let mut index = 1; // The contents start on page 2, a left-hand page.
        let mut area = text_area(&self.settings, index);
        let title = self.strings.get(lang, "contents", None);
        let mut y = top;
        let heading = set_text(
            &mut shaper,
            &title,
            style(look.headings, true, look.h1, look.accent),
            area.1,
            Align::Left,
        );
        y = stack(&mut draws, &heading, area.0, y, look.h1, look.h1 * 1.2);
        y -= look.line;
        let number_style = style(look.headings, false, look.size, look.text);
        for entry in entries {
            let entry_style = style(
                if entry.story {
                    look.headings
                } else {
                    look.body
                },
                entry.story,
                look.size,
                look.text,
            );
            let number = entry.page.to_string();
            let number_width = shaper.width(
                self.fonts.face(face(number_style.family, false, false)),
                look.size,
                &number,
            );
            let gap = look.size * 2.0;
            let lines = set_text(
                &mut shaper,
                &entry.title,
                entry_style,
                area.1 - number_width - gap,
                Align::Left,
            );
            let needed = lines.len().max(1) as f32 * look.line + look.line * 0.4;
            if y - needed < bottom && !draws.is_empty() {
                pages.push(self.blank_page(std::mem::take(&mut draws)));
                index += 1;
                area = text_area(&self.settings, index);
                y = top;
            }
            let indent = if entry.story { 0.0 } else { look.size };
            let last_baseline = place_lines(
                &mut draws,
                &lines,
                area.0 + indent,
                y - look.size * 0.95,
                look.line,
            );
            if let Some(last) = lines.last() {
                let run = shaper.shape(
                    self.fonts.face(face(number_style.family, false, false)),
                    look.size,
                    &number,
                );
                let number_x = area.0 + area.1 - run.width;
                let leader_from = area.0 + indent + last.x + last.width + look.size * 0.5;
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
                    h: Pt(y - last_baseline + look.size * 0.3),
                    target: LinkTarget::Page(entry.page.saturating_sub(1)),
                });
            }
            y = last_baseline - look.size * 0.3 - look.line * 0.45;
        }
        if !draws.is_empty() || pages.is_empty() {
            pages.push(self.blank_page(draws));
        }
        pages
    }

    pub(super) fn blank_page(&self, draws: Vec<Draw>) -> Page {
        let (width, height) = self.page_size();
        Page {
            width: Pt(width),
            height: Pt(height),
            trim: None,
            bleed: None,
            draws,
        }
    }

    /// The front cover in `lang`, its background and picture reaching `bleed` past the edges.
    pub fn cover(&self, lang: &str, bleed: Pt, images: &mut Images) -> Option<Page> {
        let front = self.booklet.front(self.site, lang)?;
        let picture = front.cover.and_then(|cover| {
            let path = image_path(self.site, front.page, &cover.src)?;
            images.get(&path, &front.page.source)
        });
        let draws = match self.booklet.cover_layout {
            CoverLayout::FullBleed if picture.is_some() => {
                self.full_bleed_cover(&front, picture, bleed.0)
            }
            _ => self.framed_cover(&[&front], picture, bleed.0),
        };
        Some(self.blank_page(draws))
    }

    /// A bilingual cover: both titles, the picture between them.
    pub fn bilingual_cover(
        &self,
        langs: (&str, &str),
        bleed: Pt,
        images: &mut Images,
    ) -> Option<Page> {
        let a = self.booklet.front(self.site, langs.0)?;
        let b = self.booklet.front(self.site, langs.1)?;
        let picture = a.cover.and_then(|cover| {
            let path = image_path(self.site, a.page, &cover.src)?;
            images.get(&path, &a.page.source)
        });
        Some(self.blank_page(self.framed_cover(&[&a, &b], picture, bleed.0)))
    }

    /// Publisher at the top, an accent rule, the title and subtitle (one block per language),
    /// the picture in the space left, the site's name at the foot.
    fn framed_cover(
        &self,
        fronts: &[&Front],
        picture: Option<(ImageId, u32, u32)>,
        bleed: f32,
    ) -> Vec<Draw> {
        let look = self.look();
        let (width, height) = self.page_size();
        let Some(first) = fronts.first() else {
            return Vec::new();
        };
        let mut shaper = Shaper::new(self.fonts, first.lang);
        let (x, measure) = text_area(&self.settings, 0);
        let margins = &self.settings.margins;
        let mut draws = vec![Draw::Rect {
            x: Pt(-bleed),
            y: Pt(height - Pt::from(Mm(6.0)).0),
            w: Pt(width + 2.0 * bleed),
            h: Pt(Pt::from(Mm(6.0)).0 + bleed),
            fill: Some(look.accent),
            stroke: None,
        }];
        let mut y = height - Pt::from(Mm(margins.top + 4.0)).0;
        if let Some(publisher) = first.publisher {
            let lines = set_text(
                &mut shaper,
                publisher,
                style(look.headings, false, look.small + 1.0, look.muted),
                measure,
                Align::Left,
            );
            y = stack(
                &mut draws,
                &lines,
                x,
                y,
                look.small + 1.0,
                (look.small + 1.0) * 1.3,
            );
            y -= look.line * 1.5;
        }
        let title_size = (look.h1 * 1.35).min(measure / 8.0);
        for (n, front) in fronts.iter().enumerate() {
            let mut shaper = Shaper::new(self.fonts, front.lang);
            let size = if n == 0 {
                title_size
            } else {
                title_size * 0.75
            };
            let lines = set_text(
                &mut shaper,
                front.title,
                style(look.headings, true, size, look.accent),
                measure,
                Align::Left,
            );
            y = stack(&mut draws, &lines, x, y, size, size * 1.15);
            if let Some(subtitle) = front.subtitle {
                let lines = set_text(
                    &mut shaper,
                    subtitle,
                    style(look.headings, false, look.h3, look.text),
                    measure,
                    Align::Left,
                );
                y = stack(
                    &mut draws,
                    &lines,
                    x,
                    y - look.h3 * 0.5,
                    look.h3,
                    look.h3 * 1.3,
                );
            }
            y -= look.line * 1.2;
        }
        let foot = Pt::from(Mm(margins.bottom)).0;
        let site_title = self.site.config.title(first.lang);
        let lines = set_text(
            &mut shaper,
            site_title,
            style(look.headings, false, look.small, look.muted),
            measure,
            Align::Left,
        );
        place_lines(&mut draws, &lines, x, foot, look.small * 1.3);
        if let Some((image, w, h)) = picture {
            let box_top = y - look.line;
            let box_bottom = foot + look.line * 2.0;
            if let Some(rect) = fit(w, h, measure, box_top - box_bottom) {
                draws.push(Draw::Image {
                    image,
                    x: Pt(x + (measure - rect.0) / 2.0),
                    y: Pt(box_bottom + (box_top - box_bottom - rect.1) / 2.0),
                    w: Pt(rect.0),
                    h: Pt(rect.1),
                });
            }
        }
        draws
    }

    /// The picture across the whole width from the top edge, the title on an accent band
    /// under it in white.
    fn full_bleed_cover(
        &self,
        front: &Front,
        picture: Option<(ImageId, u32, u32)>,
        bleed: f32,
    ) -> Vec<Draw> {
        let look = self.look();
        let (width, height) = self.page_size();
        let mut shaper = Shaper::new(self.fonts, front.lang);
        let (x, measure) = text_area(&self.settings, 0);
        let white = Color {
            r: 1.0,
            g: 1.0,
            b: 1.0,
        };
        let mut draws = vec![Draw::Rect {
            x: Pt(-bleed),
            y: Pt(-bleed),
            w: Pt(width + 2.0 * bleed),
            h: Pt(height + 2.0 * bleed),
            fill: Some(look.accent),
            stroke: None,
        }];
        let mut band_top = height * 0.45;
        if let Some((image, w, h)) = picture {
            let full_w = width + 2.0 * bleed;
            let max_h = height * 0.62 + bleed;
            if let Some((iw, ih)) = fit(w, h, full_w, max_h) {
                draws.push(Draw::Image {
                    image,
                    x: Pt(-bleed + (full_w - iw) / 2.0),
                    y: Pt(height + bleed - ih),
                    w: Pt(iw),
                    h: Pt(ih),
                });
                band_top = height + bleed - ih;
            }
        }
        let title_size = (look.h1 * 1.3).min(measure / 8.0);
        let mut y = band_top - Pt::from(Mm(8.0)).0;
        let lines = set_text(
            &mut shaper,
            front.title,
            style(look.headings, true, title_size, white),
            measure,
            Align::Left,
        );
        y = place_lines(
            &mut draws,
            &lines,
            x,
            y - title_size * 0.8,
            title_size * 1.15,
        );
        if let Some(subtitle) = front.subtitle {
            let lines = set_text(
                &mut shaper,
                subtitle,
                style(look.headings, false, look.h3, white),
                measure,
                Align::Left,
            );
            place_lines(
                &mut draws,
                &lines,
                x,
                y - title_size * 0.35 - look.h3 * 1.4,
                look.h3 * 1.3,
            );
        }
        if let Some(publisher) = front.publisher {
            let lines = set_text(
                &mut shaper,
                publisher,
                style(look.headings, false, look.small + 0.5, white),
                measure,
                Align::Left,
            );
            let foot = Pt::from(Mm(self.settings.margins.bottom)).0
                + lines.len() as f32 * (look.small + 0.5) * 1.3;
            place_lines(&mut draws, &lines, x, foot, (look.small + 0.5) * 1.3);
        }
        draws
    }

    /// The back cover: for each language (one, or two side by side) a QR code to the booklet's
    /// web page with its address under it, then the publisher, contacts and colophon.
    pub fn back_cover(&self, langs: &[&str], bleed: Pt) -> Page {
        let look = self.look();
        let (width, height) = self.page_size();
        let (x, measure) = text_area(&self.settings, 1);
        let mut draws = vec![Draw::Rect {
            x: Pt(-bleed.0),
            y: Pt(-bleed.0),
            w: Pt(width + 2.0 * bleed.0),
            h: Pt(Pt::from(Mm(6.0)).0 + bleed.0),
            fill: Some(look.accent),
            stroke: None,
        }];
        let fronts: Vec<Front> = langs
            .iter()
            .filter_map(|lang| self.booklet.front(self.site, lang))
            .collect();
        let columns = fronts.len().max(1) as f32;
        let gutter = Pt::from(Mm(6.0)).0;
        let column = (measure - gutter * (columns - 1.0)) / columns;
        let qr_side = Pt::from(QR_SIZE).0.min(column);
        let top = height - Pt::from(Mm(self.settings.margins.top + 10.0)).0;
        for (n, front) in fronts.iter().enumerate() {
            let left = x + n as f32 * (column + gutter);
            let mut shaper = Shaper::new(self.fonts, front.lang);
            let mut y = top;
            let scan = self.strings.get(front.lang, "booklet_scan", None);
            let lines = set_text(
                &mut shaper,
                &scan,
                style(look.headings, true, look.size, look.accent),
                column,
                Align::Center,
            );
            y = stack(&mut draws, &lines, left, y, look.size, look.size * 1.3);
            let url = self.site.config.base.permalink(&front.page.path);
            let qr_bottom = y - look.line * 0.5 - qr_side;
            let qr_left = left + (column - qr_side) / 2.0;
            if let Some(code) = qr::draws(&url, Pt(qr_left), Pt(qr_bottom), Pt(qr_side), look.text)
            {
                draws.extend(code);
            }
            draws.push(Draw::Link {
                x: Pt(qr_left),
                y: Pt(qr_bottom),
                w: Pt(qr_side),
                h: Pt(qr_side),
                target: LinkTarget::Uri(url.clone()),
            });
            y = qr_bottom - look.small * 1.2;
            let address = fitted_line(
                &mut shaper,
                &url,
                style(look.headings, false, look.small, look.text),
                column,
            );
            let address_x = left + (column - address.width) / 2.0;
            for mut draw in address.draws {
                translate(&mut draw, address_x - address.x, y);
                draws.push(draw);
            }
            y -= look.line * 2.5;
            if let Some(publisher) = front.publisher {
                let lines = set_text(
                    &mut shaper,
                    publisher,
                    style(look.headings, true, look.size, look.text),
                    column,
                    Align::Center,
                );
                y = stack(&mut draws, &lines, left, y, look.size, look.size * 1.3);
            }
            for contact in front.contacts.iter().flat_map(|c| c.lines()) {
                let lines = set_text(
                    &mut shaper,
                    contact.trim(),
                    style(look.headings, false, look.small + 0.5, look.text),
                    column,
                    Align::Center,
                );
                y = stack(
                    &mut draws,
                    &lines,
                    left,
                    y - look.small * 0.4,
                    look.small + 0.5,
                    look.small * 1.4,
                );
            }
            // The colophon sits at the foot of the page.
            let colophon = self.colophon(front);
            let mut set_lines: Vec<SetLine> = Vec::new();
            for line in &colophon {
                set_lines.extend(set_text(
                    &mut shaper,
                    line,
                    style(look.headings, false, look.small, look.muted),
                    column,
                    Align::Center,
                ));
            }
            let leading = look.small * 1.35;
            let foot = Pt::from(Mm(self.settings.margins.bottom + 2.0)).0
                + (set_lines.len() as f32 - 1.0).max(0.0) * leading;
            place_lines(&mut draws, &set_lines, left, foot, leading);
        }
        self.blank_page(draws)
    }

    /// Partners, print run and date, one line each, in the front's language.
    fn colophon(&self, front: &Front) -> Vec<String> {
        let lang = front.lang;
        let mut lines = Vec::new();
        if !front.partners.is_empty() {
            let names: Vec<&str> = front.partners.iter().map(|p| p.name.as_str()).collect();
            lines.push(format!(
                "{}: {}",
                self.strings.get(lang, "partners", None),
                names.join(", ")
            ));
        }
        if let Some(run) = front.print_run {
            lines.push(self.strings.get(lang, "print_run", Some(run as f64)));
        }
        if let Some(date) = front.date {
            lines.push(i18n::format_date(date, lang, DateStyle::Long));
        }
        lines
    }
}

/// The contents entries: the sections of the booklet's own text (levels 1 and 2, before the
/// first story) and every story, with page numbers counted as the text starting at page index
/// `start` (0-based).
fn toc_entries(paged: &Paged, stories: &[String], start: usize) -> Vec<TocEntry> {
    let mut entries = Vec::new();
    let mut next_story = 0;
    let mut in_stories = false;
    for heading in &paged.report.headings {
        let page = heading.page + start + 1;
        let story_title = stories.get(next_story);
        if heading.level == 1 && story_title.is_some_and(|t| *t == heading.title) {
            entries.push(TocEntry {
                title: heading.title.clone(),
                page,
                story: true,
            });
            next_story += 1;
            in_stories = true;
        } else if !in_stories && heading.level <= 2 {
            entries.push(TocEntry {
                title: heading.title.clone(),
                page,
                story: false,
            });
        }
    }
    entries
}

/// (left edge, width) of the text area on page `index` (0-based, even = right-hand).
pub fn text_area(settings: &PrintSettings, index: usize) -> (f32, f32) {
    let m = &settings.margins;
    let left = if index.is_multiple_of(2) {
        m.inner
    } else {
        m.outer
    };
    (
        Pt::from(Mm(left)).0,
        Pt::from(Mm(settings.paper.width.0 - m.inner - m.outer)).0,
    )
}

fn style(family: Family, bold: bool, size: f32, color: Color) -> TextStyle {
    TextStyle {
        family,
        bold,
        italic: false,
        size,
        color,
    }
}

/// Ragged lines of plain text (no hyphenation: display type).
fn set_text(
    shaper: &mut Shaper,
    text: &str,
    style: TextStyle,
    width: f32,
    align: Align,
) -> Vec<SetLine> {
    let inlines = [Inline {
        text: text.to_string(),
        style: Style::default(),
        link: None,
    }];
    let spec = ParSpec {
        style,
        link_color: style.color,
        width: width.max(1.0),
        justify: false,
        hyphenate: false,
        align,
    };
    set(shaper, &inlines, &spec)
}

/// One line of `text` at the largest size up to the style's that fits `width` (a web address
/// has no place to break).
fn fitted_line(shaper: &mut Shaper, text: &str, mut style: TextStyle, width: f32) -> SetLine {
    loop {
        let lines = set_text(shaper, text, style, f32::MAX / 4.0, Align::Left);
        let line = lines.into_iter().next();
        match line {
            Some(line) if line.width <= width || style.size <= 4.0 => return line,
            Some(_) => style.size -= 0.5,
            None => {
                return SetLine {
                    draws: Vec::new(),
                    x: 0.0,
                    width: 0.0,
                    end: LineEnd::Last,
                    text: String::new(),
                };
            }
        }
    }
}

/// Places lines as a block whose top edge is at `top`, for type of `size`; returns the top
/// edge for what follows (just under the last line's descenders).
fn stack(
    draws: &mut Vec<Draw>,
    lines: &[SetLine],
    x: f32,
    top: f32,
    size: f32,
    leading: f32,
) -> f32 {
    if lines.is_empty() {
        return top;
    }
    place_lines(draws, lines, x, top - size * 0.95, leading) - size * 0.3
}

/// Places lines from the baseline `first` down, `leading` apart, at `x`; returns the last
/// baseline (or `first` for no lines).
fn place_lines(draws: &mut Vec<Draw>, lines: &[SetLine], x: f32, first: f32, leading: f32) -> f32 {
    let mut baseline = first;
    for (n, line) in lines.iter().enumerate() {
        baseline = first - n as f32 * leading;
        for draw in &line.draws {
            let mut draw = draw.clone();
            translate(&mut draw, x, baseline);
            draws.push(draw);
        }
    }
    baseline
}

/// The largest size of a `w` × `h` pixel picture inside a box, keeping its proportions.
fn fit(w: u32, h: u32, box_w: f32, box_h: f32) -> Option<(f32, f32)> {
    if w == 0 || h == 0 || box_w <= 0.0 || box_h <= 0.0 {
        return None;
    }
    let scale = (box_w / w as f32).min(box_h / h as f32);
    Some((w as f32 * scale, h as f32 * scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_fit_their_box() {
        assert_eq!(fit(200, 100, 100.0, 100.0), Some((100.0, 50.0)));
        assert_eq!(fit(100, 200, 100.0, 100.0), Some((50.0, 100.0)));
        assert_eq!(fit(0, 200, 100.0, 100.0), None);
    }
}
