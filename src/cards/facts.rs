//! What a story's card shows, taken from the model in the page's language: the site's name, the
//! title, the district's name, the first result's figure (as every renderer shows it:
//! `results[0].display`) and label, and the cover photo's file.

use std::path::PathBuf;

use crate::content::schema::StoryMeta;
use crate::content::{Page, Site};
use crate::taxonomy::Taxonomy;

/// The texts and the photo of one card, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Facts {
    pub lang: String,
    pub site: String,
    pub title: String,
    pub district: Option<String>,
    /// `70`, `+40 %`, `5 230`: the headline result's figure.
    pub figure: Option<String>,
    pub label: Option<String>,
    /// The cover photo, when the page has one of its own files (a JPEG or PNG) as its cover.
    pub cover: Option<PathBuf>,
}

impl Facts {
    pub(crate) fn of(site: &Site, page: &Page, meta: &StoryMeta) -> Facts {
        let config = &site.config;
        let lang = page.text_lang();
        let result = meta.results.iter().flatten().next();
        Facts {
            lang: lang.to_string(),
            site: config.title(&page.lang).to_string(),
            title: page.title.clone(),
            district: meta.district.as_deref().map(|key| {
                config
                    .term_label(&Taxonomy::District, key, lang)
                    .to_string()
            }),
            figure: result.map(|r| r.display(lang)),
            label: result.map(|r| r.label.clone()).filter(|l| !l.is_empty()),
            cover: meta
                .cover
                .as_ref()
                .and_then(|cover| crate::web::images::page_asset(page, &cover.src))
                .filter(|asset| {
                    crate::web::images::resize::Format::from_path(&asset.source).is_some()
                })
                .map(|asset| asset.source.clone()),
        }
    }

    /// A stable text of everything shown, for the cache key. The photo counts only as there or
    /// not: its bytes are hashed beside this, and its path is absolute, so a key with the path
    /// made a site moved or checked out elsewhere draw every card with a photo again.
    pub(crate) fn fingerprint(&self) -> String {
        let shown = Facts {
            cover: self.cover.as_ref().map(|_| PathBuf::from("photo")),
            ..self.clone()
        };
        format!("{shown:?}")
    }
}
