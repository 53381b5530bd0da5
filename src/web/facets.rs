//! The filters of the project list and the search page: the districts, topics and years that
//! the stories of one language use, each with its label, how many stories it has, and the
//! address of its term page (`/{lang}/district/{key}/`, `/{lang}/topics/{key}/`,
//! `/{lang}/year/{yyyy}/`), so filters work as plain links without JavaScript.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Value;

use crate::config::NameForm;
use crate::content::Site;
use crate::i18n::StringTable;
use crate::taxonomy::Taxonomy;
use crate::theme;

use super::search::fold;
use super::taxonomy::term_path;

/// One value to filter by.
#[derive(Serialize, Debug, PartialEq)]
pub(crate) struct Facet {
    pub key: String,
    pub label: String,
    /// The term page: a link path under the site's base path.
    pub url: String,
    pub count: usize,
}

/// The values of one taxonomy. Its key is also the URL parameter of the filter and the name of
/// the cards' data attribute (`data-district`).
#[derive(Serialize, Debug)]
pub(crate) struct FacetGroup {
    pub key: String,
    /// What the group is called: "Аудан", "Тақырыптар".
    pub label: String,
    pub values: Vec<Facet>,
}

/// The filter groups of one language that have values: district, topics, the site's own
/// taxonomies, year.
#[derive(Serialize, Debug, Default)]
pub(crate) struct Facets {
    pub groups: Vec<FacetGroup>,
}

impl Facets {
    /// The values used by the stories of `lang`: terms sorted by label (folded, so `Ә` sorts
    /// with `А`), years newest first.
    pub(crate) fn of(site: &Site, strings: &StringTable, lang: &str) -> Facets {
        let mut taxonomies = site.config.taxonomies();
        taxonomies.push(Taxonomy::Year);
        let groups = taxonomies
            .into_iter()
            .map(|taxonomy| FacetGroup {
                key: taxonomy.key().to_string(),
                label: theme::taxonomy_name(
                    &site.config,
                    strings,
                    &taxonomy,
                    NameForm::Field,
                    lang,
                ),
                values: values(site, &taxonomy, lang),
            })
            .filter(|group| !group.values.is_empty())
            .collect();
        Facets { groups }
    }

    pub(crate) fn value(&self) -> Value {
        Value::from_serializable(self)
    }
}

fn values(site: &Site, taxonomy: &Taxonomy, lang: &str) -> Vec<Facet> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (_, page) in site.stories_in(lang) {
        let Some(meta) = page.story() else { continue };
        if *taxonomy == Taxonomy::Year {
            if let Some(date) = meta.date {
                *counts.entry(format!("{:04}", date.year)).or_default() += 1;
            }
            continue;
        }
        for key in meta.terms(taxonomy) {
            *counts.entry(key.to_string()).or_default() += 1;
        }
    }
    let base = &site.config.base;
    let mut facets: Vec<Facet> = counts
        .into_iter()
        .map(|(key, count)| Facet {
            label: site.config.term_label(taxonomy, &key, lang).to_string(),
            url: base.link(&term_path(lang, taxonomy.key(), &key)),
            key,
            count,
        })
        .collect();
    if *taxonomy == Taxonomy::Year {
        facets.reverse(); // newest first; four-digit keys sort as years
    } else {
        facets.sort_by_cached_key(|f| (fold(&f.label), f.key.clone()));
    }
    facets
}
