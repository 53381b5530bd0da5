//! What templates see: the site, the languages, the menu, the page and its translations, turned
//! into Tera values. Values shared by many pages of a language are built once per language.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use crate::config::{BaseUrl, NameForm};
use crate::content::schema::{Figure, ImageRef, StoryMeta};
use crate::content::{Entry, Kind, Page, Site};
use crate::i18n::StringTable;
use crate::taxonomy::Taxonomy;
use crate::theme;

use super::reuse::CardCache;

#[derive(Serialize)]
struct SiteValue<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    x_default: &'a str,
    default_language: &'a str,
    languages: Vec<LanguageLink<'a>>,
    /// The Atom feed of the page's language (absolute URL).
    feed_url: String,
    /// The taxonomies that have pages, with their index in the page's language.
    taxonomies: Vec<TaxonomyLink>,
    /// The organisation's profiles (site.yaml `social:`): `url` and `label`.
    social: Vec<SocialValue>,
}

#[derive(Serialize)]
struct SocialValue {
    url: String,
    label: String,
}

/// A taxonomy index page (`/kk/district/`) for navigation.
#[derive(Serialize)]
struct TaxonomyLink {
    key: String,
    title: String,
    url: String,
}

/// A language of the site with its home, its site title and its UI strings, so the chooser and
/// the 404 page can speak every language at once.
#[derive(Serialize)]
struct LanguageLink<'a> {
    code: &'a str,
    name: &'a str,
    url: String,
    title: &'a str,
    t: Value,
}

/// One language version of the page being rendered, for the switcher and hreflang links.
#[derive(Serialize)]
pub(crate) struct Translation<'a> {
    code: &'a str,
    name: &'a str,
    url: String,
    permalink: String,
    available: bool,
    /// The page exists in this language but shows another language's text
    /// (`missing_translation: fallback`); `available` is then false, as it is no translation.
    fallback: bool,
    current: bool,
}

#[derive(Serialize)]
struct MenuItem<'a> {
    title: &'a str,
    url: &'a str,
    active: bool,
}

#[derive(Serialize, Clone)]
struct Term<'a> {
    key: &'a str,
    label: Cow<'a, str>,
    /// The term's page in the page's language, when its taxonomy has pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

/// A story's terms of one of the site's own taxonomies, for its facts and its card.
#[derive(Serialize)]
struct TermGroup<'a> {
    key: String,
    /// The taxonomy's name: "Донор".
    name: String,
    /// The term keys separated by spaces: what the filters match cards by.
    keys: String,
    terms: Vec<Term<'a>>,
}

/// An image for templates: `src` is the largest resized width (or the original where egiz does
/// not resize), `srcset` the resized widths, `width`/`height` the pixel size of `src` (absent
/// when unknown), `original` the file as the author gave it.
#[derive(Serialize)]
struct Image {
    src: String,
    alt: String,
    srcset: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    original: String,
}

#[derive(Serialize)]
struct ResultValue<'a> {
    value: Value,
    unit: &'a str,
    label: &'a str,
    display: String,
}

#[derive(Serialize)]
struct Budget<'a> {
    amount: f64,
    currency: &'a str,
    display: String,
}

#[derive(Serialize)]
struct Period {
    start: Option<String>,
    end: Option<String>,
}

/// What a story shows wherever it appears: on its own page and as a card.
#[derive(Serialize)]
struct Overview<'a> {
    summary: &'a str,
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    district: Option<Term<'a>>,
    topics: Vec<Term<'a>>,
    /// The site's own taxonomies (`donor`), in key order.
    terms: Vec<TermGroup<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Term<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover: Option<Image>,
}

/// A story's front matter, ready to show in `lang`.
#[derive(Serialize)]
struct StoryFacts<'a> {
    #[serde(flatten)]
    overview: Overview<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    beneficiaries: Option<u64>,
    results: Vec<ResultValue<'a>>,
    quotes: Vec<Quote<'a>>,
    gallery: Vec<Image>,
    partners: Vec<Partner<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    budget: Option<Budget<'a>>,
    extra: Value,
}

#[derive(Serialize)]
struct Quote<'a> {
    text: &'a str,
    by: &'a str,
}

#[derive(Serialize)]
struct Partner<'a> {
    name: &'a str,
    url: &'a str,
}

/// A story as a card in lists.
#[derive(Serialize)]
struct Card<'a> {
    title: &'a str,
    url: String,
    #[serde(flatten)]
    overview: Overview<'a>,
    /// The language of the title and summary when it differs from the page's (a fallback).
    #[serde(skip_serializing_if = "Option::is_none")]
    text_lang: Option<&'a str>,
    /// The topic keys separated by spaces and the year: what the filters match cards by. Ready
    /// made, because a list of a thousand cards would otherwise build them in the template.
    topic_keys: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
}

/// One item of the main navigation.
pub(crate) struct MenuEntry {
    pub title: String,
    /// The link, under the site's base path.
    pub url: String,
    /// The site path it leads to (`kk/projects/`).
    pub path: String,
}

impl MenuEntry {
    /// Whether the page at `current_path` is this item's page or, for the lists of projects
    /// and booklets, one of the pages they lead to.
    fn is_current(&self, current_path: &str) -> bool {
        let path = self.path.as_str();
        path == current_path
            || ((path.ends_with("/projects/") || path.ends_with("/booklets/"))
                && current_path.starts_with(path))
    }
}

/// Everything about one language that every page in it shares.
pub(crate) struct LanguageValues {
    pub lang: String,
    pub site: Value,
    pub strings: Value,
    pub menu: Vec<MenuEntry>,
    /// Every story of the language, as cards in site order.
    pub cards: Value,
    /// The same cards by the story's place in `site.stories` (`None`: not in this language).
    pub story_cards: Vec<Option<Value>>,
}

pub(crate) struct Builder<'a> {
    pub site: &'a Site,
    pub strings: &'a StringTable,
    pub images: &'a super::images::Catalog,
    /// The sizes of the booklet files made, for the download links.
    pub booklet_sizes: &'a crate::content::booklets::FileSizes,
    /// The share cards made, for the story pages' download links and link previews.
    pub card_files: &'a crate::content::booklets::FileSizes,
    /// The organisation's logo, for its structured data ([`super::jsonld::entities::logo`]).
    pub logo: Option<String>,
}

impl<'a> Builder<'a> {
    fn base(&self) -> &BaseUrl {
        &self.site.config.base
    }

    pub(crate) fn language(&self, lang: &str, cards: &mut CardCache) -> LanguageValues {
        let config = &self.site.config;
        let site = SiteValue {
            title: config.title(lang),
            description: config.description(lang),
            base_url: &config.base.absolute,
            x_default: &config.base.absolute,
            default_language: &config.default_language,
            languages: config
                .languages()
                .map(|l| LanguageLink {
                    code: &l.code,
                    name: &l.name,
                    url: self.base().link(&format!("{}/", l.code)),
                    title: config.title(&l.code),
                    t: Value::from_serializable(&self.strings.map_for(&l.code)),
                })
                .collect(),
            feed_url: self.base().permalink(&super::feed::path(lang)),
            taxonomies: config
                .taxonomy_pages()
                .into_iter()
                .map(|taxonomy| TaxonomyLink {
                    title: theme::taxonomy_name(
                        config,
                        self.strings,
                        &taxonomy,
                        NameForm::All,
                        lang,
                    ),
                    url: self
                        .base()
                        .link(&super::taxonomy::index_path(lang, taxonomy.key())),
                    key: taxonomy.key().to_string(),
                })
                .collect(),
            social: config
                .raw
                .social
                .iter()
                .map(|link| SocialValue {
                    url: link.url.clone(),
                    label: link.label(),
                })
                .collect(),
        };
        let story_cards = self.story_cards(lang, cards.language(lang));
        let all: Vec<Value> = story_cards.iter().flatten().cloned().collect();
        LanguageValues {
            lang: lang.to_string(),
            site: Value::from_serializable(&site),
            strings: Value::from_serializable(&self.strings.map_for(lang)),
            menu: self.menu(lang),
            cards: Value::from(all),
            story_cards,
        }
    }

    /// The card of every story of the site in `lang` (`None` where the story has no page in
    /// it), by the story's place in `site.stories`; from `cached` where it has them.
    fn story_cards(&self, lang: &str, cached: &mut HashMap<String, Value>) -> Vec<Option<Value>> {
        let missing: Vec<(String, Value)> = self
            .site
            .stories
            .par_iter()
            .filter(|entry| !cached.contains_key(&entry.name))
            .filter_map(|entry| Some((entry.name.clone(), self.card_value(entry.page(lang)?))))
            .collect();
        cached.extend(missing);
        self.site
            .stories
            .iter()
            .map(|entry| entry.page(lang).and(cached.get(&entry.name)).cloned())
            .collect()
    }

    /// The main navigation: home, projects, impact, booklets, then plain pages.
    fn menu(&self, lang: &str) -> Vec<MenuEntry> {
        let mut items = vec![
            (self.strings.get(lang, "home", None), format!("{lang}/")),
            (
                self.strings.get(lang, "projects", None),
                format!("{lang}/projects/"),
            ),
            (
                self.strings.get(lang, "impact", None),
                super::dashboard::path(lang),
            ),
        ];
        if self.site.booklets.iter().any(|e| e.page(lang).is_some()) {
            items.push((
                self.strings.get(lang, "booklets", None),
                format!("{lang}/booklets/"),
            ));
        }
        for entry in &self.site.pages {
            if let Some(page) = entry.page(lang) {
                items.push((page.title.clone(), page.path.clone()));
            }
        }
        items
            .into_iter()
            .map(|(title, path)| MenuEntry {
                title,
                url: self.base().link(&path),
                path,
            })
            .collect()
    }

    pub(crate) fn menu_value(&self, values: &LanguageValues, current_path: &str) -> Value {
        let items: Vec<MenuItem> = values
            .menu
            .iter()
            .map(|entry| MenuItem {
                title: &entry.title,
                url: &entry.url,
                active: entry.is_current(current_path),
            })
            .collect();
        Value::from_serializable(&items)
    }

    /// The same page in every language, in site order. Where it has no version, the link
    /// goes to that language's home and `available` is false.
    pub(crate) fn translations(
        &self,
        entry: Option<&Entry>,
        path_in: &dyn Fn(&str) -> Option<String>,
        current: &str,
    ) -> Value {
        let config = &self.site.config;
        let list: Vec<Translation> = config
            .languages()
            .map(|l| {
                let own = match entry {
                    Some(entry) => entry
                        .page(&l.code)
                        .map(|p| (p.path.clone(), p.borrowed_from.is_some())),
                    None => path_in(&l.code).map(|path| (path, false)),
                };
                // A borrowed page is reachable (the switcher links to it) but it is no
                // translation: hreflang and the sitemap list only `available` versions.
                let available = own.as_ref().is_some_and(|(_, borrowed)| !borrowed);
                let fallback = own.as_ref().is_some_and(|(_, borrowed)| *borrowed);
                let path = own.map_or_else(|| format!("{}/", l.code), |(path, _)| path);
                Translation {
                    code: &l.code,
                    name: &l.name,
                    url: self.base().link(&path),
                    permalink: self.base().permalink(&path),
                    available,
                    fallback,
                    current: l.code == current,
                }
            })
            .collect();
        Value::from_serializable(&list)
    }

    fn term(&self, taxonomy: &Taxonomy, key: &'a str, lang: &str) -> Term<'a> {
        let config = &self.site.config;
        Term {
            key,
            label: Cow::Borrowed(config.term_label(taxonomy, key, lang)),
            url: config.taxonomy_pages().contains(taxonomy).then(|| {
                self.base()
                    .link(&super::taxonomy::term_path(lang, taxonomy.key(), key))
            }),
        }
    }

    /// The story's terms of the site's own taxonomies, each with the taxonomy's name.
    fn custom_terms(&self, meta: &'a StoryMeta, lang: &str) -> Vec<TermGroup<'a>> {
        let config = &self.site.config;
        config
            .custom_taxonomies()
            .filter_map(|taxonomy| {
                let keys = meta.terms(&taxonomy);
                if keys.is_empty() {
                    return None;
                }
                Some(TermGroup {
                    name: theme::taxonomy_name(
                        config,
                        self.strings,
                        &taxonomy,
                        NameForm::Field,
                        lang,
                    ),
                    keys: keys.join(" "),
                    terms: keys
                        .into_iter()
                        .map(|k| self.term(&taxonomy, k, lang))
                        .collect(),
                    key: taxonomy.key().to_string(),
                })
            })
            .collect()
    }

    fn status(&self, meta: &StoryMeta, lang: &str) -> Option<Term<'a>> {
        meta.status.map(|s| Term {
            key: s.key(),
            label: Cow::Owned(self.strings.get(lang, &format!("status_{}", s.key()), None)),
            url: None,
        })
    }

    fn image(&self, page: &Page, image: &ImageRef) -> Image {
        let original = asset_url(self.base(), &page.path, &image.src);
        let sized = self.images.sized(self.base(), page, &image.src);
        Image {
            src: sized
                .as_ref()
                .map_or_else(|| original.clone(), |s| s.src.clone()),
            alt: image.alt.clone().unwrap_or_default(),
            srcset: sized.as_ref().map(|s| s.srcset.clone()).unwrap_or_default(),
            width: sized.as_ref().map(|s| s.width),
            height: sized.as_ref().map(|s| s.height),
            original,
        }
    }

    /// A story as a card value (for booklets' pages).
    pub(crate) fn card_value(&self, page: &'a Page) -> Value {
        Value::from_serializable(&self.card(page))
    }

    /// An image value (for booklets' pages).
    pub(crate) fn image_value(&self, page: &Page, image: &ImageRef) -> Value {
        Value::from_serializable(&self.image(page, image))
    }

    fn card(&self, page: &'a Page) -> Card<'a> {
        let lang = page.lang.as_str();
        let meta = page.story();
        let topic_keys = meta
            .and_then(|m| m.topics.as_ref())
            .map(|keys| keys.join(" "))
            .unwrap_or_default();
        Card {
            title: &page.title,
            url: self.base().link(&page.path),
            overview: self.overview(page, meta, lang),
            text_lang: page.borrowed_from.as_deref(),
            topic_keys,
            year: page.date().map(|d| d.year),
        }
    }

    fn overview(&self, page: &'a Page, meta: Option<&'a StoryMeta>, lang: &str) -> Overview<'a> {
        Overview {
            summary: page.summary(),
            date: page.date().map(|d| d.iso()),
            district: meta
                .and_then(|m| m.district.as_deref())
                .map(|k| self.term(&Taxonomy::District, k, lang)),
            topics: meta.map(|m| self.topics(m, lang)).unwrap_or_default(),
            terms: meta.map(|m| self.custom_terms(m, lang)).unwrap_or_default(),
            status: meta.and_then(|m| self.status(m, lang)),
            cover: meta
                .and_then(|m| m.cover.as_ref())
                .map(|c| self.image(page, c)),
        }
    }

    fn topics(&self, meta: &'a StoryMeta, lang: &str) -> Vec<Term<'a>> {
        meta.topics
            .iter()
            .flatten()
            .map(|k| self.term(&Taxonomy::Topics, k, lang))
            .collect()
    }

    /// The `page` value of a story, page, booklet or home text whose text is `html`.
    pub(crate) fn page(&self, kind: &str, page: &'a Page, html: &str) -> Value {
        let lang = page.lang.as_str();
        let html =
            super::images::html::rewrite(html, |src| self.images.sized(self.base(), page, src));
        let mut map = common(kind, &page.title, self.base(), &page.path, &html);
        map.insert("summary".into(), Value::from(page.summary()));
        map.insert("date".into(), Value::from(page.date().map(|d| d.iso())));
        map.insert("toc".into(), Value::from_serializable(&page.toc));
        if let Some(meta) = page.story() {
            let facts = self.story_facts(page, meta, lang);
            if let Some(facts) = Value::from_serializable(&facts).into_map() {
                map.extend(facts);
            }
        }
        if let Some(from) = page.borrowed_from.as_deref() {
            map.extend(self.fallback(page, from));
        }
        map.extend(super::booklets::page_fields(self, page));
        if matches!(kind, "story" | "booklet") {
            map.extend(super::share::page_fields(self, page));
        }
        Value::from(map)
    }

    fn story_facts(&self, page: &'a Page, meta: &'a StoryMeta, lang: &str) -> StoryFacts<'a> {
        StoryFacts {
            overview: self.overview(page, Some(meta), lang),
            period: meta.period.as_ref().map(|p| Period {
                start: p.start.map(|d| d.iso()),
                end: p.end.map(|d| d.iso()),
            }),
            beneficiaries: meta.beneficiaries,
            results: meta
                .results
                .iter()
                .flatten()
                .map(|r| ResultValue {
                    value: match &r.value {
                        Figure::Number(n) => Value::from(*n),
                        Figure::Text(t) => Value::from(t.as_str()),
                    },
                    unit: r.unit.as_deref().unwrap_or(""),
                    label: &r.label,
                    display: r.display(lang),
                })
                .collect(),
            quotes: meta
                .quotes
                .iter()
                .flatten()
                .map(|q| Quote {
                    text: &q.text,
                    by: q.by.as_deref().unwrap_or(""),
                })
                .collect(),
            gallery: meta
                .gallery
                .iter()
                .flatten()
                .map(|g| self.image(page, g))
                .collect(),
            partners: meta
                .partners
                .iter()
                .flatten()
                .map(|p| Partner {
                    name: &p.name,
                    url: p.url.as_deref().unwrap_or(""),
                })
                .collect(),
            budget: meta.budget.as_ref().map(|b| Budget {
                amount: b.amount,
                currency: &b.currency,
                display: b.display(lang),
            }),
            extra: meta
                .extra
                .as_ref()
                .map(Value::from_serializable)
                .unwrap_or_else(|| Value::from(tera::Map::new())),
        }
    }

    /// What a page borrowed from another language adds to `page`: `fallback` (the language of
    /// its text, with the notice to show) and `canonical`, the address of the original text:
    /// the borrowed page repeats it, so search engines should index the original instead.
    fn fallback(&self, page: &Page, from: &str) -> tera::Map {
        let config = &self.site.config;
        let name = config.language_name(from);
        let strings = self.strings.map_for(&page.lang);
        let language = match strings.get(&format!("in_language_{from}")) {
            Some(phrase) => phrase.clone(),
            None => self
                .strings
                .get(&page.lang, "in_language_other", None)
                .replace("{name}", name),
        };
        let notice = self
            .strings
            .get(&page.lang, "fallback_notice", None)
            .replace("{language}", &language);
        let original = page
            .path
            .replacen(&format!("{}/", page.lang), &format!("{from}/"), 1);
        let mut map = tera::Map::new();
        map.insert(
            "fallback".into(),
            Value::from_serializable(&serde_json::json!({
                "code": from,
                "name": name,
                "url": self.base().link(&original),
                "notice": notice,
            })),
        );
        map.insert(
            "canonical".into(),
            Value::from(self.base().permalink(&original)),
        );
        map
    }

    /// The `page` value of a generated page (the project list, 404, the chooser).
    pub(crate) fn generated_page(&self, kind: &str, title: &str, path: &str, html: &str) -> Value {
        Value::from(common(kind, title, self.base(), path, html))
    }

    pub(crate) fn kind_of(entry: &Entry) -> &'static str {
        match entry.kind {
            Kind::Story => "story",
            Kind::Page => "page",
            Kind::Home => "home",
            Kind::ProjectsIndex => "list",
            Kind::Booklet => "booklet",
        }
    }
}

fn common(kind: &str, title: &str, base: &BaseUrl, path: &str, html: &str) -> tera::Map {
    let mut map = tera::Map::new();
    map.insert("kind".into(), Value::from(kind));
    map.insert("title".into(), Value::from(title));
    map.insert("url".into(), Value::from(base.link(path)));
    map.insert("permalink".into(), Value::from(base.permalink(path)));
    map.insert("content".into(), Value::safe_string(html));
    map
}

/// The address of an image named in front matter: relative to the page's folder, site-absolute,
/// or a web address left as it is.
pub(crate) fn asset_url(base: &BaseUrl, page_path: &str, src: &str) -> String {
    if src.contains("://") || src.starts_with("data:") || src.starts_with("//") {
        src.to_string()
    } else if let Some(rest) = src.strip_prefix('/') {
        base.link(rest)
    } else {
        base.link(&format!("{page_path}{}", src.trim_start_matches("./")))
    }
}
