//! The editions of a booklet, each one PDF file: the language versions composed once
//! ([`super::compose`]), then put together as each edition asks — single pages per language, the two
//! languages one after the other (`sequential`), tête-bêche (`flip`: the second language from
//! the back cover, upside down), side by side (`parallel`), 2-up sheets for saddle-stitch
//! (`imposed`), and pages with bleed and crop marks for a print shop (`print-shop`). Each file
//! is written for what it is used for ([`output`]): the print-shop edition as PDF/X-4 in CMYK,
//! the imposed sheets for an office printer, the others for screens.

use crate::content::Site;
use crate::content::booklets::{Booklet, BookletFile, Edition};
use crate::diagnostics::Diagnostic;
use crate::i18n::StringTable;
use crate::print::display::{Outline, Page};
use crate::print::fonts::FontSet;
use crate::print::pdf::{Meta, Output, OutputIntent};
use crate::theme::print::PrintSettings;
use crate::units::Pt;

use super::compose::Part;
use super::images::Images;
use super::impose::{self, BLEED};
use super::parallel;
use super::resolution;
use super::setup::Setup;

/// One written file.
pub(crate) struct Written {
    /// Relative to the output folder: `booklets/x.kk.pdf`.
    pub path: String,
    pub bytes: Vec<u8>,
    /// Pages (sheet sides for the imposed edition).
    pub pages: usize,
}

/// What rendering a booklet needs from the site and theme.
pub(crate) struct Inputs<'a> {
    pub site: &'a Site,
    pub settings: &'a PrintSettings,
    pub fonts: &'a FontSet,
    pub strings: &'a StringTable,
    /// The printing condition of the print-shop edition.
    pub intent: &'a OutputIntent,
}

/// What the file of `edition` is written for.
pub(crate) fn output(edition: Edition, intent: &OutputIntent) -> Output {
    match edition {
        Edition::PrintShop => Output::PrintShop(intent.clone()),
        Edition::Imposed => Output::Office,
        Edition::Single | Edition::Sequential | Edition::Flip | Edition::Parallel => Output::Screen,
    }
}

/// Makes every file of `booklet`; warnings (an unreadable picture, one too coarse for print)
/// come back with them.
pub(crate) fn render(
    inputs: &Inputs,
    booklet: &Booklet,
) -> Result<(Vec<Written>, Vec<Diagnostic>), Diagnostic> {
    compose(
        inputs,
        booklet,
        &booklet.files.iter().collect::<Vec<_>>(),
        |documents, images| write(inputs, booklet, documents, images),
    )
}

/// The pictures of `booklet` that print below [`resolution::MIN_PRINT_PPI`], from its pages
/// composed but not written.
pub(crate) fn resolution(inputs: &Inputs, booklet: &Booklet) -> Vec<Diagnostic> {
    let checked = resolution::checked_files(booklet);
    compose(inputs, booklet, &checked, |documents, images| {
        let mut found = images.warnings.clone();
        for (file, document) in documents {
            found.extend(resolution::warnings(
                file,
                &document.pages,
                images,
                &inputs.site.root,
            ));
        }
        Ok::<_, Diagnostic>(found)
    })
    .unwrap_or_default()
}

/// Composes the language versions of `booklet`, then the documents of `files`, and hands them
/// with the booklet's images to `then`.
fn compose<T, E>(
    inputs: &Inputs,
    booklet: &Booklet,
    files: &[&BookletFile],
    then: impl FnOnce(Vec<(&BookletFile, Document)>, &Images) -> Result<T, E>,
) -> Result<T, E> {
    let mut settings = inputs.settings.clone();
    settings.paper = booklet.paper;
    let setup = Setup {
        site: inputs.site,
        booklet,
        settings,
        fonts: inputs.fonts,
        strings: inputs.strings,
    };
    let mut images = Images::new(inputs.fonts);
    let mut parts: Vec<Part> = Vec::new();
    for lang in &booklet.languages {
        if let Some(part) = setup.part(lang, &mut images) {
            parts.push(part);
        }
    }
    let mut assembler = Assembler {
        setup: &setup,
        parts: &parts,
        images: &mut images,
    };
    let mut documents = Vec::new();
    for file in files {
        if let Some(document) = assembler.document(file) {
            documents.push((*file, document));
        }
    }
    then(documents, &images)
}

/// Writes the composed documents, and checks the pictures of the files a printer gets.
fn write(
    inputs: &Inputs,
    booklet: &Booklet,
    documents: Vec<(&BookletFile, Document)>,
    images: &Images,
) -> Result<(Vec<Written>, Vec<Diagnostic>), Diagnostic> {
    let mut warnings = images.warnings.clone();
    let checked = resolution::checked_files(booklet);
    let mut written = Vec::new();
    for (file, document) in documents {
        if checked.contains(&file) {
            warnings.extend(resolution::warnings(
                file,
                &document.pages,
                images,
                &inputs.site.root,
            ));
        }
        let writer = images.writer();
        let pages = document.pages.len();
        let output = output(file.edition, inputs.intent);
        let mut bytes = writer
            .finish(document.pages, &document.outline, &document.meta, &output)
            .map_err(|e| failure(booklet, file, &e.to_string()))?;
        if let Some(range) = document.upside_down {
            bytes = impose::rotate_pages(&bytes, range)
                .map_err(|e| failure(booklet, file, &e.to_string()))?;
        }
        written.push(Written {
            path: file.path.clone(),
            bytes,
            pages,
        });
    }
    Ok((written, warnings))
}

fn failure(booklet: &Booklet, file: &BookletFile, reason: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "cannot make {} of the booklet \"{}\": {reason}",
        file.path, booklet.name
    ))
}

/// The pages of one file, before writing.
struct Document {
    pages: Vec<Page>,
    outline: Vec<Outline>,
    meta: Meta,
    /// Pages to turn upside down (the second half of a flip edition).
    upside_down: Option<std::ops::Range<usize>>,
}

struct Assembler<'a, 'i> {
    setup: &'a Setup<'a>,
    parts: &'a [Part],
    images: &'a mut Images<'i>,
}

impl<'a> Assembler<'a, '_> {
    fn part(&self, lang: &str) -> Option<&'a Part> {
        self.parts.iter().find(|p| p.lang == lang)
    }

    fn document(&mut self, file: &BookletFile) -> Option<Document> {
        let langs: Vec<&str> = file.languages.iter().map(String::as_str).collect();
        match (file.edition, langs.as_slice()) {
            (Edition::Single, [lang]) => self.single(lang, Pt(0.0)),
            (Edition::Imposed, [lang]) => {
                let single = self.single(lang, Pt(0.0))?;
                let sheet = impose::sheet_size(self.setup.booklet.paper);
                let creep = Pt::from(self.setup.booklet_creep());
                Some(Document {
                    pages: impose::impose(&single.pages, sheet, creep),
                    outline: Vec::new(),
                    ..single
                })
            }
            (Edition::PrintShop, [lang]) => {
                let bleed = Pt::from(BLEED);
                let single = self.single(lang, bleed)?;
                Some(Document {
                    pages: single
                        .pages
                        .iter()
                        .map(|p| impose::print_shop(p, bleed))
                        .collect(),
                    ..single
                })
            }
            (Edition::Sequential, [a, b]) => self.sequential(a, b),
            (Edition::Flip, [a, b]) => self.flip(a, b),
            (Edition::Parallel, [a, b]) => self.parallel(a, b),
            _ => None,
        }
    }

    /// Cover, text, back cover; blank pages before the back cover up to a multiple of 4.
    fn single(&mut self, lang: &str, bleed: Pt) -> Option<Document> {
        let part = self.part(lang)?;
        let mut pages = vec![self.setup.cover(lang, bleed, self.images)?];
        pages.extend(part.inner.iter().cloned());
        pages.push(self.setup.back_cover(&[lang], bleed));
        self.setup.pad_with_notes(&mut pages, lang, 4);
        Some(Document {
            pages,
            outline: part.outline.clone(),
            meta: self.meta(&[lang]),
            upside_down: None,
        })
    }

    /// The first language from its cover, then the second from its own cover (on a
    /// right-hand page), then one back cover with both languages' codes and colophons.
    fn sequential(&mut self, a: &str, b: &str) -> Option<Document> {
        let (first, second) = (self.part(a)?, self.part(b)?);
        let mut pages = vec![self.setup.cover(a, Pt(0.0), self.images)?];
        pages.extend(first.inner.iter().cloned());
        if pages.len() % 2 == 1 {
            // The second language's cover goes on a right-hand page.
            pages.push(self.setup.notes_page(a, pages.len()));
        }
        let offset = pages.len();
        let mut outline = first.outline.clone();
        outline.extend(shifted(&second.outline, offset));
        pages.push(self.setup.cover(b, Pt(0.0), self.images)?);
        pages.extend(second.inner.iter().cloned());
        pages.push(self.setup.back_cover(&[a, b], Pt(0.0)));
        self.setup.pad_with_notes(&mut pages, b, 4);
        Some(Document {
            pages,
            outline,
            meta: self.meta(&[a, b]),
            upside_down: None,
        })
    }

    /// Tête-bêche: each language from its own front cover, the two meeting in the middle at
    /// their back pages; the second language's pages come in reverse order and upside down,
    /// so turning the booklet over starts it at its cover.
    fn flip(&mut self, a: &str, b: &str) -> Option<Document> {
        let mut halves = Vec::new();
        for lang in [a, b] {
            let part = self.part(lang)?;
            let mut pages = vec![self.setup.cover(lang, Pt(0.0), self.images)?];
            pages.extend(part.inner.iter().cloned());
            pages.push(self.setup.back_cover(&[lang], Pt(0.0)));
            halves.push((pages, part.outline.clone()));
        }
        // Both halves as long as the longer, and even, so the whole is a multiple of 4.
        let length = halves
            .iter()
            .map(|(p, _)| p.len())
            .max()
            .unwrap_or(0)
            .next_multiple_of(2);
        for ((pages, _), lang) in halves.iter_mut().zip([a, b]) {
            self.setup.pad_with_notes(pages, lang, 2);
            while pages.len() < length {
                let at = pages.len() - 1;
                pages.insert(at, self.setup.notes_page(lang, at));
            }
        }
        let mut halves = halves.into_iter();
        let (mut pages, outline) = halves.next()?;
        let (second, _) = halves.next()?;
        pages.extend(second.into_iter().rev());
        let total = pages.len();
        Some(Document {
            pages,
            outline,
            meta: self.meta(&[a, b]),
            upside_down: Some(length..total),
        })
    }

    fn parallel(&mut self, a: &str, b: &str) -> Option<Document> {
        let mut pages = vec![self.setup.bilingual_cover((a, b), Pt(0.0), self.images)?];
        let text = parallel::pages(self.setup, (a, b), self.images);
        let outline = shifted(&text.outline, 1);
        pages.extend(text.pages);
        pages.push(self.setup.back_cover(&[a, b], Pt(0.0)));
        self.setup.pad_with_notes(&mut pages, a, 4);
        Some(Document {
            pages,
            outline,
            meta: self.meta(&[a, b]),
            upside_down: None,
        })
    }

    /// Title, author (the publisher) and subject in the languages of the file.
    fn meta(&self, langs: &[&str]) -> Meta {
        let fronts: Vec<_> = langs
            .iter()
            .filter_map(|l| self.setup.booklet.front(self.setup.site, l))
            .collect();
        let join = |pick: &dyn Fn(&crate::content::booklets::Front) -> Option<String>| {
            let parts: Vec<String> = fronts.iter().filter_map(pick).collect();
            parts.join(" / ")
        };
        let date = fronts
            .iter()
            .find_map(|f| f.date)
            .or_else(|| self.newest_story_date())
            .map_or((2000, 1, 1), |d| (d.year, d.month, d.day));
        Meta {
            title: join(&|f| Some(f.title.to_string())),
            author: join(&|f| f.publisher.map(str::to_string)),
            subject: join(&|f| f.subtitle.map(str::to_string)),
            lang: langs.first().copied().unwrap_or("").to_string(),
            date,
            creator: concat!("egiz ", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }

    fn newest_story_date(&self) -> Option<crate::i18n::Date> {
        self.setup
            .booklet
            .stories
            .iter()
            .filter_map(|name| self.setup.site.stories.iter().find(|e| &e.name == name))
            .filter_map(|e| e.pages.first().and_then(|p| p.date()))
            .max()
    }
}

fn shifted(outline: &[Outline], by: usize) -> Vec<Outline> {
    outline
        .iter()
        .map(|o| Outline {
            page: o.page + by,
            ..o.clone()
        })
        .collect()
}
