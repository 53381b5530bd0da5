//! The site model: every story, page and booklet in all its languages, validated and with its
//! address resolved. Built once by `load`, then only read by the web and print renderers.

use std::path::PathBuf;

use crate::config::Config;
use crate::markdown::TocEntry;

use super::body::Body;
use super::schema::{BookletMeta, PageMeta, StoryMeta};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A project story in `content/projects/`.
    Story,
    /// A plain page such as `content/about.kk.md`.
    Page,
    /// The home text, `content/_index.LANG.md`.
    Home,
    /// The text above the project list, `content/projects/_index.LANG.md`.
    ProjectsIndex,
    /// A booklet's own text in `content/booklets/`.
    Booklet,
}

#[derive(Debug, Clone)]
pub enum Meta {
    Story(StoryMeta),
    Page(PageMeta),
    Booklet(BookletMeta),
}

/// A file to place beside a page in the output: a bundle image, or an image the text refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub source: PathBuf,
    /// Relative to the page's folder, with `/` separators and no `..`.
    pub dest: String,
}

/// One language version of a story, page or booklet.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: String,
    /// The source file, relative to the site folder (as shown in messages).
    pub source: PathBuf,
    pub title: String,
    pub meta: Meta,
    /// The Markdown body and the file line where it starts (for the print engine and messages).
    pub body: Body,
    pub body_line: usize,
    /// [`super::body::hash`] of the source file's bytes as loaded: what the build's
    /// fingerprints know the file by.
    pub source_hash: u64,
    pub toc: Vec<TocEntry>,
    /// The page's folder in the output, relative to the site root: `kk/projects/name/`.
    pub path: String,
    pub assets: Vec<Asset>,
    /// Set on a page the web renderer made for a missing translation
    /// (`missing_translation: fallback`): the language its text is written in.
    pub borrowed_from: Option<String>,
}

impl Page {
    pub fn story(&self) -> Option<&StoryMeta> {
        match &self.meta {
            Meta::Story(meta) => Some(meta),
            _ => None,
        }
    }

    pub fn booklet(&self) -> Option<&BookletMeta> {
        match &self.meta {
            Meta::Booklet(meta) => Some(meta),
            _ => None,
        }
    }

    pub fn page_meta(&self) -> Option<&PageMeta> {
        match &self.meta {
            Meta::Page(meta) => Some(meta),
            _ => None,
        }
    }

    pub fn summary(&self) -> &str {
        match &self.meta {
            Meta::Story(m) => m.summary.as_deref(),
            Meta::Page(m) => m.summary.as_deref(),
            Meta::Booklet(m) => m.summary.as_deref().or(m.subtitle.as_deref()),
        }
        .unwrap_or("")
    }

    /// The page's text as HTML, with site-relative links under `base_path`. Made when asked,
    /// not held: a page's HTML is needed once, when it is written.
    pub fn html(&self, base_path: &str) -> String {
        crate::markdown::render_html(&self.body.text(), base_path).html
    }

    /// [`Page::html`], and the page's text without markup, made together.
    pub fn html_and_text(&self, base_path: &str) -> (String, String) {
        crate::markdown::render_html_and_text(&self.body.text(), base_path)
    }

    /// The language the page's text is written in: its own, or the one it borrowed from.
    pub fn text_lang(&self) -> &str {
        self.borrowed_from.as_deref().unwrap_or(&self.lang)
    }

    pub fn date(&self) -> Option<crate::i18n::Date> {
        match &self.meta {
            Meta::Story(m) => m.date,
            Meta::Page(m) => m.date,
            Meta::Booklet(m) => m.date,
        }
    }
}

/// One thing (a story, a page, ...) in every language it exists in.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    /// The name shared by all translations: the file or bundle name (`balkhash-appeals`).
    pub name: String,
    /// The language versions, in the order of `languages` in site.yaml.
    pub pages: Vec<Page>,
}

impl Entry {
    pub fn page(&self, lang: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.lang == lang)
    }
}

/// The whole site, validated.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    /// Project stories, newest first.
    pub stories: Vec<Entry>,
    /// Plain pages, in menu order.
    pub pages: Vec<Entry>,
    pub booklets: Vec<Entry>,
    /// What is printed: every booklet and story leaflet with its editions and PDF files.
    pub prints: Vec<super::booklets::Booklet>,
    pub home: Option<Entry>,
    pub projects_index: Option<Entry>,
}

impl Site {
    /// Every entry of every kind.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.stories
            .iter()
            .chain(&self.pages)
            .chain(&self.booklets)
            .chain(self.home.iter())
            .chain(self.projects_index.iter())
    }

    /// Stories that exist in `lang`, newest first.
    pub fn stories_in<'a>(
        &'a self,
        lang: &'a str,
    ) -> impl Iterator<Item = (&'a Entry, &'a Page)> + 'a {
        self.stories
            .iter()
            .filter_map(move |e| e.page(lang).map(|p| (e, p)))
    }
}
