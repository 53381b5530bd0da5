//! Taxonomy pages: for each taxonomy named in `taxonomy_pages` (district, topics, and year,
//! which comes from each story's `date`), an index of its terms per language at
//! `/{lang}/{taxonomy}/` and a page per term at `/{lang}/{taxonomy}/{key}/` listing its stories.
//!
//! Term keys are shared by all languages, so the Kazakh and Russian pages of a term are
//! translations of each other. A term gets a page only in the languages where it has stories:
//! an empty page would be a dead end, so the switcher marks that language as unavailable
//! instead (the index page of a taxonomy exists in every language, with an empty-state text).

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Value;

use crate::config::NameForm;
use crate::content::{Page, Site};
use crate::diagnostics::Diagnostic;
use crate::i18n::collation_key;
use crate::taxonomy::Taxonomy;
use crate::theme;

use super::Renderer;
use super::sitemap::Group;

/// One taxonomy with the terms that have at least one story in some language.
pub(crate) struct TaxonomyPages {
    pub taxonomy: Taxonomy,
    pub terms: Vec<Term>,
}

impl TaxonomyPages {
    pub(crate) fn key(&self) -> &str {
        self.taxonomy.key()
    }
}

/// A term and its stories in each language.
pub(crate) struct Term {
    pub key: String,
    /// Language → indices into `Site::stories` of the stories with this term, newest first.
    stories: BTreeMap<String, Vec<usize>>,
}

impl Term {
    /// The names of the stories with this term in some language (what its pages show), from
    /// `site`, the site the term was collected from.
    pub(crate) fn story_names<'s>(&self, site: &'s Site) -> Vec<&'s str> {
        let mut members: Vec<usize> = self.stories.values().flatten().copied().collect();
        members.sort_unstable();
        members.dedup();
        members
            .into_iter()
            .filter_map(|i| site.stories.get(i).map(|e| e.name.as_str()))
            .collect()
    }

    pub(crate) fn stories_in(&self, lang: &str) -> &[usize] {
        self.stories.get(lang).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn count(&self, lang: &str) -> usize {
        self.stories_in(lang).len()
    }
}

/// `/{lang}/{taxonomy}/`, as a site path.
pub(crate) fn index_path(lang: &str, taxonomy: &str) -> String {
    format!("{lang}/{taxonomy}/")
}

/// `/{lang}/{taxonomy}/{key}/`, as a site path.
pub(crate) fn term_path(lang: &str, taxonomy: &str, key: &str) -> String {
    format!("{lang}/{taxonomy}/{key}/")
}

/// The taxonomies that get pages, with their terms gathered from the stories.
pub(crate) fn collect(site: &Site) -> Vec<TaxonomyPages> {
    site.config
        .taxonomy_pages()
        .into_iter()
        .map(|taxonomy| TaxonomyPages {
            terms: terms_of(site, &taxonomy),
            taxonomy,
        })
        .collect()
}

fn terms_of(site: &Site, taxonomy: &Taxonomy) -> Vec<Term> {
    let mut terms: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    for (index, entry) in site.stories.iter().enumerate() {
        for page in &entry.pages {
            for key in keys_of(taxonomy, page) {
                terms
                    .entry(key)
                    .or_default()
                    .entry(page.lang.clone())
                    .or_default()
                    .push(index);
            }
        }
    }
    let mut terms: Vec<Term> = terms
        .into_iter()
        .map(|(key, stories)| Term { key, stories })
        .collect();
    if *taxonomy == Taxonomy::Year {
        terms.reverse(); // newest year first; keys are four-digit years, so text order is year order
    }
    terms
}

/// The term keys a story page has in `taxonomy` (a story names each topic once, but a
/// repeated topic must not count the story twice).
fn keys_of(taxonomy: &Taxonomy, page: &Page) -> Vec<String> {
    let Some(meta) = page.story() else {
        return Vec::new();
    };
    let mut keys: Vec<String> = match taxonomy {
        Taxonomy::Year => meta
            .date
            .iter()
            .filter(|d| (0..=9999).contains(&d.year))
            .map(|d| format!("{:04}", d.year))
            .collect(),
        _ => meta
            .terms(taxonomy)
            .into_iter()
            .map(str::to_string)
            .collect(),
    };
    keys.sort();
    keys.dedup();
    keys
}

/// Index and term pages of every taxonomy in every language where they exist, for sitemap.xml.
pub(crate) fn sitemap_groups(taxonomies: &[TaxonomyPages], languages: &[&str]) -> Vec<Group> {
    let mut groups = Vec::new();
    for taxonomy in taxonomies {
        groups.push(Group::every_language(languages, |l| {
            index_path(l, taxonomy.key())
        }));
        for term in &taxonomy.terms {
            let pages = languages
                .iter()
                .filter(|l| term.count(l) > 0)
                .map(|l| (l.to_string(), term_path(l, taxonomy.key(), &term.key)))
                .collect();
            groups.push(Group {
                pages,
                lastmod: None,
            });
        }
    }
    groups
}

/// `taxonomy` in templates.
#[derive(Serialize)]
struct TaxonomyValue<'a> {
    key: &'a str,
    /// The index page's title: "Аудандар", "Районы".
    title: String,
    /// One term's kind: "Аудан", "Район".
    term_title: String,
    url: String,
}

/// A term in templates: in `terms` of terms.html and as `term` of term.html.
#[derive(Serialize)]
struct TermValue<'a> {
    key: &'a str,
    label: &'a str,
    count: usize,
    url: String,
}

impl Renderer<'_> {
    fn taxonomy_name(&self, taxonomy: &Taxonomy, form: NameForm, lang: &str) -> String {
        theme::taxonomy_name(
            &self.site.config,
            self.builder.strings,
            taxonomy,
            form,
            lang,
        )
    }

    fn taxonomy_value(&self, lang: &str, pages: &TaxonomyPages) -> Value {
        let taxonomy = &pages.taxonomy;
        Value::from_serializable(&TaxonomyValue {
            key: taxonomy.key(),
            title: self.taxonomy_name(taxonomy, NameForm::All, lang),
            term_title: self.taxonomy_name(taxonomy, NameForm::Term, lang),
            url: self
                .site
                .config
                .base
                .link(&index_path(lang, taxonomy.key())),
        })
    }

    fn term_value<'t>(&'t self, lang: &str, taxonomy: &Taxonomy, term: &'t Term) -> TermValue<'t> {
        TermValue {
            key: &term.key,
            label: self.site.config.term_label(taxonomy, &term.key, lang),
            count: term.count(lang),
            url: self
                .site
                .config
                .base
                .link(&term_path(lang, taxonomy.key(), &term.key)),
        }
    }

    /// `terms.html`: every term of `taxonomy` with stories in `lang`, with its count.
    pub(super) fn terms_page(
        &self,
        lang: &str,
        taxonomy: &TaxonomyPages,
    ) -> Result<(), Diagnostic> {
        let path = index_path(lang, taxonomy.key());
        let title = self.taxonomy_name(&taxonomy.taxonomy, NameForm::All, lang);
        let page = self.builder.generated_page("terms", &title, &path, "");
        let translations =
            self.builder
                .translations(None, &|code| Some(index_path(code, taxonomy.key())), lang);
        let mut terms: Vec<TermValue> = taxonomy
            .terms
            .iter()
            .filter(|t| t.count(lang) > 0)
            .map(|t| self.term_value(lang, &taxonomy.taxonomy, t))
            .collect();
        if taxonomy.taxonomy.has_labels() {
            terms.sort_by_cached_key(|t| collation_key(t.label));
        }
        let mut context = self.context(lang, &path, page, translations);
        context.insert_value("taxonomy", self.taxonomy_value(lang, taxonomy));
        context.insert_value("terms", Value::from_serializable(&terms));
        self.write("terms.html", &context, &format!("{path}index.html"), None)
    }

    /// `term.html`: the stories of one term in `lang`, newest first, on as many pages as they
    /// fill.
    pub(super) fn term_page(
        &self,
        lang: &str,
        taxonomy: &TaxonomyPages,
        term: &Term,
    ) -> Result<(), Diagnostic> {
        let first = term_path(lang, taxonomy.key(), &term.key);
        let value = self.term_value(lang, &taxonomy.taxonomy, term);
        let story_cards = &self.values(lang).story_cards;
        let cards: Vec<Value> = term
            .stories_in(lang)
            .iter()
            .filter_map(|&i| story_cards.get(i).cloned().flatten())
            .collect();
        let in_language = |code: &str| term.count(code);
        self.paged(
            super::List {
                template: "term.html",
                key: "stories",
                lang,
                first: &first,
                items: &cards,
                in_language: &in_language,
                always: false,
            },
            &|path, _| {
                let page = self.builder.generated_page("term", value.label, path, "");
                let mut context = self.context(lang, path, page, Value::none());
                context.insert_value("taxonomy", self.taxonomy_value(lang, taxonomy));
                context.insert_value("term", Value::from_serializable(&value));
                context
            },
        )
    }
}
