//! What templates see of booklets: the PDF files of a booklet or a story's leaflet, each with
//! its address, a label and its size in the page's language ("1,2 МБ"), the stories a booklet
//! includes (as cards), and the booklets of a language for the list page. The files come from
//! the model ([`crate::content::booklets`]), their sizes from what the print side made (an
//! input of the renderer); nothing here knows how they are printed.

use serde::Serialize;
use tera::Value;

use crate::content::Page;
use crate::content::booklets::{Booklet, BookletFile, Edition, Origin};

use super::context::Builder;

/// One PDF file to download.
#[derive(Serialize)]
pub(crate) struct Download {
    /// `single`, `sequential`, `flip`, `parallel`, `imposed`, `print-shop`.
    pub edition: &'static str,
    /// What the file is, in the page's language.
    pub label: String,
    pub url: String,
    /// "1,2 МБ"; empty when the file's size is not known (the dev server).
    pub size: String,
    pub languages: Vec<String>,
    /// The file to offer first: this language's booklet in reading order.
    pub main: bool,
}

/// The files of a page: the main one (this language's booklet in reading order) and the other
/// editions.
#[derive(Serialize)]
pub(crate) struct Downloads {
    pub main: Option<Download>,
    pub others: Vec<Download>,
}

impl Downloads {
    fn new(all: Vec<Download>) -> Downloads {
        let (main, others): (Vec<Download>, Vec<Download>) = all.into_iter().partition(|d| d.main);
        Downloads {
            main: main.into_iter().next(),
            others,
        }
    }
}

/// The booklet (or leaflet) made from `page`'s entry, if any.
pub(crate) fn booklet_of<'s>(builder: &Builder<'s>, page: &Page) -> Option<&'s Booklet> {
    builder.site.prints.iter().find(|booklet| {
        booklet
            .entry(builder.site)
            .is_some_and(|e| e.pages.iter().any(|p| p.source == page.source))
    })
}

/// The files of `booklet` for a page in `lang`: its own language's and the bilingual ones.
pub(crate) fn downloads(builder: &Builder, booklet: &Booklet, lang: &str) -> Vec<Download> {
    booklet
        .files_for(lang)
        .map(|file| download(builder, booklet, file, lang))
        .collect()
}

fn download(builder: &Builder, booklet: &Booklet, file: &BookletFile, lang: &str) -> Download {
    let strings = builder.strings;
    let main = file.edition == Edition::Single;
    let label = match (file.edition, booklet.origin) {
        (Edition::Single, Origin::Booklet) => strings.get(lang, "download_booklet", None),
        (Edition::Single, Origin::Leaflet) => strings.get(lang, "download_leaflet", None),
        (edition, _) => strings.get(
            lang,
            &format!("edition_{}", edition.key().replace('-', "_")),
            None,
        ),
    };
    Download {
        edition: file.edition.key(),
        label,
        url: builder.site.config.base.link(&file.path),
        size: builder
            .booklet_sizes
            .get(&file.path)
            .map(|bytes| size_text(builder, *bytes, lang))
            .unwrap_or_default(),
        languages: file.languages.clone(),
        main,
    }
}

/// A file size as people read it: "850 КБ" under a megabyte, "1,2 МБ" from one on.
pub(crate) fn size_text(builder: &Builder, bytes: u64, lang: &str) -> String {
    let kb = bytes as f64 / 1000.0;
    if kb < 1000.0 {
        builder
            .strings
            .get(lang, "file_size_kb", Some(kb.round().max(1.0)))
    } else {
        builder
            .strings
            .get(lang, "file_size_mb", Some((kb / 100.0).round() / 10.0))
    }
}

/// The fields a booklet's page adds to `page`: `subtitle`, `publisher`, `cover`, `stories`
/// (cards of the included stories) and `downloads`; a story with a leaflet gets `downloads`.
pub(crate) fn page_fields(builder: &Builder, page: &Page) -> tera::Map {
    fields(builder, page, true)
}

fn fields(builder: &Builder, page: &Page, with_stories: bool) -> tera::Map {
    let mut map = tera::Map::new();
    let Some(booklet) = booklet_of(builder, page) else {
        return map;
    };
    let lang = page.lang.as_str();
    map.insert(
        "downloads".into(),
        Value::from_serializable(&Downloads::new(downloads(builder, booklet, lang))),
    );
    if booklet.origin == Origin::Leaflet {
        return map;
    }
    if let Some(meta) = page.booklet() {
        map.insert("subtitle".into(), Value::from(meta.subtitle.as_deref()));
        map.insert("publisher".into(), Value::from(meta.publisher.as_deref()));
        if let Some(cover) = &meta.cover {
            map.insert("cover".into(), builder.image_value(page, cover));
        }
    }
    if !with_stories {
        return map;
    }
    let cards: Vec<Value> = booklet
        .stories
        .iter()
        .filter_map(|name| builder.site.stories.iter().find(|e| &e.name == name))
        .filter_map(|entry| entry.page(lang))
        .map(|story| builder.card_value(story))
        .collect();
    map.insert("stories".into(), Value::from(cards));
    map
}

/// The booklets (not leaflets) of `lang`, newest first, for the list page: each with
/// `title`, `url`, `subtitle`, `summary`, `date`, `cover` and `downloads`.
pub(crate) fn list(builder: &Builder, lang: &str) -> Value {
    let items: Vec<Value> = builder
        .site
        .booklets
        .iter()
        .filter_map(|entry| entry.page(lang))
        .map(|page| {
            let mut map = tera::Map::new();
            map.insert("title".into(), Value::from(page.title.as_str()));
            map.insert(
                "url".into(),
                Value::from(builder.site.config.base.link(&page.path)),
            );
            map.insert("summary".into(), Value::from(page.summary()));
            map.insert("date".into(), Value::from(page.date().map(|d| d.iso())));
            map.extend(fields(builder, page, false));
            Value::from(map)
        })
        .collect();
    Value::from(items)
}
