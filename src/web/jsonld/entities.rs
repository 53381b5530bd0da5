//! The things pages are about, as schema.org nodes: the organisation (`NGO`), a story
//! (`Article`) and a booklet (`Report`, its PDF files `DigitalDocument`s), each in its page's
//! language and linked to its translations.

use serde_json::{Map, Value, json};

use crate::content::booklets::FileSizes;
use crate::content::schema::StoryMeta;
use crate::content::{Entry, Kind, Page, Site};
use crate::i18n::Date;
use crate::taxonomy::Taxonomy;
use crate::theme::cards::SIZES;

use super::super::booklets;
use super::super::context::Builder;
use super::absolute;

/// The node a content page is about, by its entry's kind; None for plain pages.
pub(crate) fn of_page(builder: &Builder, entry: &Entry, page: &Page) -> Option<Value> {
    match entry.kind {
        Kind::Home => Some(ngo(builder, &page.lang)),
        Kind::Story => page.story().map(|meta| story(builder, entry, page, meta)),
        Kind::Booklet => Some(booklet(builder, entry, page)),
        Kind::Page | Kind::ProjectsIndex => None,
    }
}

/// The organisation's identifier: the same node wherever a page names it.
fn organisation_id(builder: &Builder) -> String {
    format!("{}#organization", builder.site.config.base.absolute)
}

/// The site's organisation, in full for the home page: `NGO` is schema.org's type for a
/// non-governmental organisation (an `Organization`, so Google reads it as one). The areas it
/// serves are the site's districts; `sameAs` its profiles in site.yaml's `social:`.
pub(crate) fn ngo(builder: &Builder, lang: &str) -> Value {
    let config = &builder.site.config;
    let mut node = organisation(builder, lang);
    let description = config.description(lang);
    if !description.is_empty() {
        node.insert("description".into(), json!(description));
    }
    let others: Vec<&str> = config
        .language_codes()
        .into_iter()
        .filter(|code| *code != lang)
        .map(|code| config.title(code))
        .filter(|title| *title != config.title(lang))
        .collect();
    if !others.is_empty() {
        node.insert("alternateName".into(), json!(others));
    }
    let areas: Vec<Value> = config
        .raw
        .taxonomies
        .get(Taxonomy::District.key())
        .into_iter()
        .flat_map(|terms| terms.keys())
        .map(|key| {
            json!({
                "@type": "AdministrativeArea",
                "name": config.term_label(&Taxonomy::District, key, lang),
            })
        })
        .collect();
    if !areas.is_empty() {
        node.insert("areaServed".into(), json!(areas));
    }
    let same_as: Vec<&str> = config.raw.social.iter().map(|l| l.url.as_str()).collect();
    if !same_as.is_empty() {
        node.insert("sameAs".into(), json!(same_as));
    }
    Value::Object(node)
}

/// What every page that names the organisation says of it.
fn organisation(builder: &Builder, lang: &str) -> Map<String, Value> {
    let config = &builder.site.config;
    let mut node = Map::new();
    node.insert("@type".into(), json!("NGO"));
    node.insert("@id".into(), json!(organisation_id(builder)));
    node.insert("name".into(), json!(config.title(lang)));
    node.insert(
        "url".into(),
        json!(config.base.permalink(&format!("{lang}/"))),
    );
    if let Some(logo) = &builder.logo {
        node.insert("logo".into(), json!(logo));
    }
    node
}

/// The address of the site's own `static/logo.png` (or .svg, .jpg), else of the theme's sun
/// drawn by the card step (`logo.png`). Looked up once per build: every page names it.
pub(crate) fn logo(site: &Site, card_files: &FileSizes) -> Option<String> {
    ["logo.png", "logo.svg", "logo.jpg"]
        .into_iter()
        .find(|name| site.root.join("static").join(name).is_file())
        .or_else(|| card_files.contains_key("logo.png").then_some("logo.png"))
        .map(|name| site.config.base.permalink(name))
}

/// A story. schema.org's `Project` is still a pending type, outside its core, and Google's
/// structured data tools know no project at all; a story is an article about a project, and
/// `Article` is what Google documents (headline, images, date, author) and its Rich Results
/// Test validates. What the project is about goes into `about` (its topics), where it happened
/// into `contentLocation` (its district), its headline result into `description` beside the
/// summary's words.
fn story(builder: &Builder, entry: &Entry, page: &Page, meta: &StoryMeta) -> Value {
    let config = &builder.site.config;
    let lang = page.text_lang();
    let mut node = work(builder, page, "Article", page.summary(), meta.date);
    node.insert("mainEntityOfPage".into(), node["url"].clone());
    let images = story_images(builder, page, meta);
    if !images.is_empty() {
        node.insert("image".into(), json!(images));
    }
    if let Some(district) = &meta.district {
        node.insert(
            "contentLocation".into(),
            json!({ "@type": "Place", "name": config.term_label(&Taxonomy::District, district, lang) }),
        );
    }
    // Topics and the site's own taxonomies (a donor, a programme) are what the story is about.
    let topics: Vec<&str> = config
        .taxonomies()
        .iter()
        .filter(|t| **t != Taxonomy::District)
        .flat_map(|t| {
            meta.terms(t)
                .into_iter()
                .map(move |key| config.term_label(t, key, lang))
        })
        .collect();
    if !topics.is_empty() {
        let about: Vec<Value> = topics
            .iter()
            .map(|name| json!({ "@type": "Thing", "name": name }))
            .collect();
        node.insert("about".into(), json!(about));
        node.insert("keywords".into(), json!(topics.join(", ")));
    }
    finish(builder, entry, page, node)
}

/// A story's pictures, absolute: its share cards (the wide one first: Google asks for images
/// at least 1200 pixels wide, in several shapes) and its cover.
fn story_images(builder: &Builder, page: &Page, meta: &StoryMeta) -> Vec<String> {
    let base = &builder.site.config.base;
    let mut images: Vec<String> = SIZES
        .iter()
        .map(|size| format!("{}{}", page.path, size.file_name()))
        .filter(|path| builder.card_files.contains_key(path))
        .map(|path| base.permalink(&path))
        .collect();
    if let Some(cover) = &meta.cover
        && let Some(image) = absolute(base, &page.path, &cover.src)
    {
        images.push(image);
    }
    images
}

/// A booklet: a `Report` (schema.org's "a Report generated by governmental or
/// non-governmental organization"), its cover as `image`, its PDF files in `workExample`.
fn booklet(builder: &Builder, entry: &Entry, page: &Page) -> Value {
    let base = &builder.site.config.base;
    let meta = page.booklet();
    let description = meta
        .and_then(|m| m.subtitle.as_deref())
        .filter(|s| !s.is_empty())
        .unwrap_or(page.summary());
    let mut node = work(builder, page, "Report", description, page.date());
    if let Some(cover) = meta.and_then(|m| m.cover.as_ref())
        && let Some(image) = absolute(base, &page.path, &cover.src)
    {
        node.insert("image".into(), json!(image));
    }
    finish(builder, entry, page, node)
}

/// What a story and a booklet both say first: their type, address, title, summary, date and
/// language.
fn work(
    builder: &Builder,
    page: &Page,
    kind: &str,
    description: &str,
    date: Option<Date>,
) -> Map<String, Value> {
    let url = builder.site.config.base.permalink(&page.path);
    let mut node = Map::new();
    node.insert("@type".into(), json!(kind));
    node.insert("@id".into(), json!(url));
    node.insert("headline".into(), json!(page.title));
    node.insert("name".into(), json!(page.title));
    if !description.is_empty() {
        node.insert("description".into(), json!(description));
    }
    if let Some(date) = date {
        node.insert("datePublished".into(), json!(date.iso()));
    }
    node.insert("inLanguage".into(), json!(page.text_lang()));
    node.insert("url".into(), json!(url));
    node
}

/// What a story and a booklet both say last: who made it, its PDF files, its translations.
fn finish(builder: &Builder, entry: &Entry, page: &Page, mut node: Map<String, Value>) -> Value {
    let organisation = Value::Object(organisation(builder, &page.lang));
    node.insert("author".into(), organisation.clone());
    node.insert("publisher".into(), organisation);
    documents(builder, page, &mut node);
    translations(builder, entry, page, &mut node);
    Value::Object(node)
}

/// The PDF files of the page's booklet or leaflet, as `DigitalDocument`s in `workExample`.
fn documents(builder: &Builder, page: &Page, node: &mut Map<String, Value>) {
    let Some(booklet) = booklets::booklet_of(builder, page) else {
        return;
    };
    let base = &builder.site.config.base;
    let files: Vec<Value> = booklet
        .files_for(&page.lang)
        .zip(booklets::downloads(builder, booklet, &page.lang))
        .map(|(file, download)| {
            let mut document = json!({
                "@type": "DigitalDocument",
                // The reading edition in the page's language is the booklet itself; the others
                // say which edition they are.
                "name": if download.main { page.title.clone() } else { format!("{} — {}", page.title, download.label) },
                "url": base.permalink(&file.path),
                "encodingFormat": "application/pdf",
                "inLanguage": file.languages,
            });
            if let Some(bytes) = builder.booklet_sizes.get(&file.path) {
                document["contentSize"] = json!(format!("{} kB", bytes.div_ceil(1000)));
            }
            document
        })
        .collect();
    if !files.is_empty() {
        node.insert("workExample".into(), json!(files));
    }
}

/// Links between the language versions of one story or booklet. The site's default language
/// holds the original (an NGO in Kazakhstan writes in Kazakh and translates, or the other way:
/// the site says which by its `default_language`), the others are its translations. A page
/// borrowed from another language (`missing_translation: fallback`) is no translation, and
/// is left out.
fn translations(builder: &Builder, entry: &Entry, page: &Page, node: &mut Map<String, Value>) {
    let base = &builder.site.config.base;
    let own: Vec<&Page> = entry
        .pages
        .iter()
        .filter(|p| p.borrowed_from.is_none())
        .collect();
    if page.borrowed_from.is_some() || own.len() < 2 {
        return;
    }
    let default = builder.site.config.default_language.as_str();
    let original = own
        .iter()
        .find(|p| p.lang == default)
        .or_else(|| own.first())
        .copied();
    let Some(original) = original else { return };
    let id = |p: &Page| json!({ "@id": base.permalink(&p.path) });
    if original.lang == page.lang {
        let others: Vec<Value> = own
            .iter()
            .filter(|p| p.lang != page.lang)
            .map(|p| id(p))
            .collect();
        node.insert("workTranslation".into(), json!(others));
    } else {
        node.insert("translationOfWork".into(), id(original));
    }
}
