//! The taxonomies stories are grouped by: the built-in `district`, `topics` and `year`, and the
//! ones a site declares itself in `site.yaml` (`donor`, `programme`, ...). A leaf module of the
//! model: config, content and both renderers name taxonomies with this type instead of strings.
//!
//! A story names its terms in a front matter field called like the taxonomy (`district:
//! balkhash`, `topics: [youth, ecology]`, `donor: usaid`); `year` comes from its `date`. Term
//! keys are shared by all languages; their labels live in `site.yaml`.

use std::fmt;

/// One way of grouping stories, with a page per term (`/kk/district/balkhash/`), filters and labels.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Taxonomy {
    /// Where the project took place: one term per story.
    District,
    /// What the project is about: any number of terms per story.
    Topics,
    /// The year of the story's `date`: terms are years and need no labels.
    Year,
    /// A taxonomy the site declares under `taxonomies:` (one term or a list per story).
    Custom(String),
}

/// Every front matter field of a story: a site's own taxonomy is a story field too, so it may
/// not take one of these names.
pub(crate) const STORY_FIELDS: [&str; 17] = [
    "title",
    "summary",
    "date",
    "district",
    "topics",
    "status",
    "period",
    "beneficiaries",
    "results",
    "quotes",
    "cover",
    "gallery",
    "partners",
    "budget",
    "booklet",
    "slug",
    "extra",
];

/// Folders egiz generates in every language (`/kk/projects/`) and the year taxonomy: a
/// taxonomy of that name would clash with them.
const GENERATED_NAMES: [&str; 9] = [
    "year", "projects", "search", "impact", "booklets", "page", "admin", "css", "js",
];

impl Taxonomy {
    /// The taxonomy a `site.yaml` key or front matter field names.
    pub fn from_key(key: &str) -> Taxonomy {
        match key {
            "district" => Taxonomy::District,
            "topics" => Taxonomy::Topics,
            "year" => Taxonomy::Year,
            other => Taxonomy::Custom(other.to_string()),
        }
    }

    /// Its key: the front matter field, the folder of its pages, the filter's URL parameter.
    pub fn key(&self) -> &str {
        match self {
            Taxonomy::District => "district",
            Taxonomy::Topics => "topics",
            Taxonomy::Year => "year",
            Taxonomy::Custom(key) => key,
        }
    }

    /// Whether its terms are declared with labels in `site.yaml` (all but `year`).
    pub fn has_labels(&self) -> bool {
        !matches!(self, Taxonomy::Year)
    }

    /// Whether `key` may name a site's own taxonomy.
    pub fn is_free_name(key: &str) -> bool {
        !STORY_FIELDS.contains(&key) && !GENERATED_NAMES.contains(&key)
    }
}

impl fmt::Display for Taxonomy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for key in ["district", "topics", "year", "donor"] {
            assert_eq!(Taxonomy::from_key(key).key(), key);
        }
        assert_eq!(
            Taxonomy::from_key("donor"),
            Taxonomy::Custom("donor".into())
        );
    }

    #[test]
    fn built_in_fields_and_generated_folders_are_not_free_names() {
        assert!(Taxonomy::is_free_name("donor"));
        assert!(Taxonomy::is_free_name("programme"));
        for taken in ["district", "year", "title", "projects", "impact"] {
            assert!(!Taxonomy::is_free_name(taken), "{taken}");
        }
    }
}
