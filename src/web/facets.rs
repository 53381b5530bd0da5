//! The filters of the project list and the search page: the districts, topics and years that
//! the stories of one language use, each with its label, how many stories it has, and the
//! address of its term page (`/{lang}/district/{key}/`, `/{lang}/topics/{key}/`,
//! `/{lang}/year/{yyyy}/`), so filters work as plain links without JavaScript.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Value;

use crate::content::Site;

use super::search::fold;

/// One value to filter by.
#[derive(Serialize, Debug, PartialEq)]
pub struct Facet {
    pub key: String,
    pub label: String,
    /// The term page: a link path under the site's base path.
    pub url: String,
    pub count: usize,
}

/// The filter values of one language, per group. The group names are also the URL parameters
/// of the filters and the names of the cards' data attributes.
#[derive(Serialize, Debug, Default)]
pub struct Facets {
    pub district: Vec<Facet>,
    pub topics: Vec<Facet>,
    pub year: Vec<Facet>,
}

impl Facets {
    /// The values used by the stories of `lang`: terms sorted by label (folded, so `Ә` sorts
    /// with `А`), years newest first.
    pub fn of(site: &Site, lang: &str) -> Facets {
        let mut districts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut topics: BTreeMap<&str, usize> = BTreeMap::new();
        let mut years: BTreeMap<i32, usize> = BTreeMap::new();
        for (_, page) in site.stories_in(lang) {
            let Some(meta) = page.story() else { continue };
            if let Some(district) = meta.district.as_deref() {
                *districts.entry(district).or_default() += 1;
            }
            for topic in meta.topics.iter().flatten() {
                *topics.entry(topic).or_default() += 1;
            }
            if let Some(date) = meta.date {
                *years.entry(date.year).or_default() += 1;
            }
        }
        let base = &site.config.base;
        let terms = |taxonomy: &str, counts: BTreeMap<&str, usize>| {
            let mut facets: Vec<Facet> = counts
                .into_iter()
                .map(|(key, count)| Facet {
                    key: key.to_string(),
                    label: site.config.term_label(taxonomy, key, lang).to_string(),
                    url: base.link(&format!("{lang}/{taxonomy}/{key}/")),
                    count,
                })
                .collect();
            facets.sort_by_cached_key(|f| (fold(&f.label), f.key.clone()));
            facets
        };
        Facets {
            district: terms("district", districts),
            topics: terms("topics", topics),
            year: years
                .into_iter()
                .rev()
                .map(|(year, count)| Facet {
                    key: year.to_string(),
                    label: year.to_string(),
                    url: base.link(&format!("{lang}/year/{year}/")),
                    count,
                })
                .collect(),
        }
    }

    pub fn value(&self) -> Value {
        Value::from_serializable(self)
    }
}
