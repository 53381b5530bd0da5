//! What composing a booklet needs, shared by every language and edition: the site, the
//! booklet, the theme's settings with the booklet's paper, the fonts and the UI strings, and
//! the page geometry derived from them.

use crate::content::booklets::Booklet;
use crate::content::{Page as ContentPage, Site};
use crate::i18n::StringTable;
use crate::print::display::{Draw, Page};
use crate::print::doc::Document;
use crate::print::flow::{self, Galley, Look, Typesetter};
use crate::print::fonts::FontSet;
use crate::theme::print::PrintSettings;
use crate::units::{Mm, Pt};

use super::images::{Images, image_path};

/// What composing needs, shared by every language of a booklet.
pub(crate) struct Setup<'a> {
    pub site: &'a Site,
    pub booklet: &'a Booklet,
    /// The theme's settings with the booklet's paper.
    pub settings: PrintSettings,
    pub fonts: &'a FontSet,
    pub strings: &'a StringTable,
}

impl Setup<'_> {
    /// The creep per sheet for the imposed edition.
    pub(crate) fn booklet_creep(&self) -> Mm {
        Mm(self.booklet.creep_mm)
    }

    pub(super) fn typesetter<'t>(&'t self, lang: &'t str) -> Typesetter<'t> {
        Typesetter {
            fonts: self.fonts,
            settings: &self.settings,
            lang,
        }
    }

    pub(super) fn look(&self) -> Look {
        Look::new(&self.settings)
    }

    pub(super) fn page_size(&self) -> (f32, f32) {
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
}

/// (left edge, width) of the text area on page `index` (0-based, even = right-hand).
pub(crate) fn text_area(settings: &PrintSettings, index: usize) -> (f32, f32) {
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
