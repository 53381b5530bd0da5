//! The front matter of each kind of content file, as users write it (see the README), and the
//! inheritance of language-neutral facts from the default language's file to its translations.

use std::collections::BTreeMap;

use std::fmt;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::i18n::Date;
use crate::taxonomy::Taxonomy;
use crate::units::Paper;

/// A project story (`content/projects/`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryMeta {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub date: Option<Date>,
    pub district: Option<String>,
    pub topics: Option<Vec<String>>,
    pub status: Option<Status>,
    pub period: Option<Period>,
    pub beneficiaries: Option<u64>,
    pub results: Option<Vec<ResultFigure>>,
    pub quotes: Option<Vec<Quote>>,
    pub cover: Option<ImageRef>,
    pub gallery: Option<Vec<ImageRef>>,
    pub partners: Option<Vec<Partner>>,
    pub budget: Option<Budget>,
    /// `true`, or a map of booklet options: the story asks for a leaflet of its own.
    pub booklet: Option<serde_yaml::Value>,
    /// Overrides the address segment taken from the file name.
    pub slug: Option<String>,
    pub extra: Option<serde_yaml::Mapping>,
    /// Terms of the site's own taxonomies (`donor: usaid`), lifted out of the front matter by
    /// the loader because their fields are named in `site.yaml`, not here.
    #[serde(skip)]
    pub custom_terms: BTreeMap<String, Vec<String>>,
}

impl StoryMeta {
    /// The story's term keys in `taxonomy`, as written (`year` has none: it comes from `date`).
    pub fn terms(&self, taxonomy: &Taxonomy) -> Vec<&str> {
        match taxonomy {
            Taxonomy::District => self.district.iter().map(String::as_str).collect(),
            Taxonomy::Topics => self.topics.iter().flatten().map(String::as_str).collect(),
            Taxonomy::Year => Vec::new(),
            Taxonomy::Custom(key) => self
                .custom_terms
                .get(key)
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect(),
        }
    }
}

/// A plain page (`content/about.kk.md`) or a home/section text (`_index.kk.md`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub date: Option<Date>,
    /// Position in the main menu (smaller first); pages without it come after, by title.
    pub weight: Option<i64>,
    pub slug: Option<String>,
    pub extra: Option<serde_yaml::Mapping>,
}

/// A booklet's own text and print options (`content/booklets/`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookletMeta {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub summary: Option<String>,
    pub publisher: Option<String>,
    pub contacts: Option<String>,
    pub print_run: Option<u64>,
    pub date: Option<Date>,
    pub cover: Option<ImageRef>,
    pub stories: Option<Checked<StorySelection>>,
    pub paper: Option<Checked<Paper>>,
    pub editions: Option<Vec<String>>,
    /// Whether each included story starts under the one before, on a new page or on a new
    /// right-hand page.
    pub story_start: Option<super::booklets::StoryStart>,
    /// The cover image inside the margins or over the whole page.
    pub cover_layout: Option<super::booklets::CoverLayout>,
    /// Creep of the imposed edition per sheet, in millimetres (the paper's thickness).
    pub creep_mm: Option<f32>,
    pub partners: Option<Vec<Partner>>,
    pub slug: Option<String>,
    pub extra: Option<serde_yaml::Mapping>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Planned,
    Active,
    Completed,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::Completed => "completed",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: Option<Date>,
    pub end: Option<Date>,
}

/// A result in numbers: `{ value: 40, unit: "%", label: awareness grew }`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultFigure {
    pub value: Figure,
    #[serde(default)]
    pub unit: Option<String>,
    pub label: String,
}

/// A figure is normally a number (formatted per language), but may be text such as "70+".
/// A number written as text (`"40"`, as the web editor's text field stores it) is a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    Number(f64),
    Text(String),
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Number(f64),
            Text(String),
        }
        Ok(match Written::deserialize(deserializer)? {
            Written::Number(n) => Figure::Number(n),
            Written::Text(text) => match text.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => Figure::Number(n),
                _ => Figure::Text(text),
            },
        })
    }
}

impl ResultFigure {
    /// The figure as written in `lang`: `40 %` in Russian, `40%` in Kazakh, `5 230` with a
    /// no-break space. The web and print renderers both show it this way.
    pub fn display(&self, lang: &str) -> String {
        let unit = self.unit.as_deref().unwrap_or("");
        match &self.value {
            Figure::Number(n) => crate::i18n::format_quantity(*n, unit, lang),
            Figure::Text(text) if unit.is_empty() => text.clone(),
            Figure::Text(text) => format!("{text}\u{a0}{unit}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    #[serde(default)]
    pub by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageRef {
    pub src: String,
    #[serde(default)]
    pub alt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub amount: f64,
    #[serde(default = "default_currency")]
    pub currency: String,
}

fn default_currency() -> String {
    "KZT".to_string()
}

impl Budget {
    /// `300 000 ₸` in Kazakh and Russian.
    pub fn display(&self, lang: &str) -> String {
        crate::i18n::format_money(self.amount, &self.currency, lang)
    }
}

/// A front matter value whose problems are reported when it is used, beside the file's other
/// problems, instead of failing the whole front matter (a booklet with a wrong paper size and a
/// misspelt story name hears of both at once).
#[derive(Debug, Clone, PartialEq)]
pub enum Checked<T> {
    Valid(T),
    /// What is wrong with it, in plain words.
    Invalid(String),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_yaml::Value::deserialize(deserializer)?;
        Ok(match serde_yaml::from_value(value) {
            Ok(valid) => Checked::Valid(valid),
            Err(err) => Checked::Invalid(err.to_string()),
        })
    }
}

/// A booklet's `stories:`: story names in booklet order (`[kids-sport, balkhash-appeals]`, or
/// one name), or a filter by taxonomy terms (`{ district: balkhash, topics: [youth, sport] }`).
#[derive(Debug, Clone, PartialEq)]
pub enum StorySelection {
    Names(Vec<String>),
    /// Taxonomy key → the terms of which a story must have one.
    Filter(BTreeMap<String, Vec<String>>),
}

/// Why a `stories:` value cannot be used.
pub(crate) const STORIES_SHAPE: &str = "`stories:` must be a list of story names, like [kids-sport, balkhash-appeals], or a filter, like { district: balkhash }";

impl<'de> Deserialize<'de> for StorySelection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SelectionVisitor;
        impl<'de> Visitor<'de> for SelectionVisitor {
            type Value = StorySelection;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(STORIES_SHAPE)
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<StorySelection, E> {
                Ok(StorySelection::Names(vec![name.to_string()]))
            }
            fn visit_unit<E: de::Error>(self) -> Result<StorySelection, E> {
                Ok(StorySelection::Names(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StorySelection, A::Error> {
                let mut names = Vec::new();
                while let Some(item) = seq.next_element::<serde_yaml::Value>()? {
                    match item {
                        serde_yaml::Value::String(name) => names.push(name),
                        _ => return Err(de::Error::custom(STORIES_SHAPE)),
                    }
                }
                Ok(StorySelection::Names(names))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StorySelection, A::Error> {
                let mut filter = BTreeMap::new();
                while let Some(key) = map.next_key::<serde_yaml::Value>()? {
                    let Some(taxonomy) = key.as_str() else {
                        return Err(de::Error::custom(STORIES_SHAPE));
                    };
                    let terms = match map.next_value::<serde_yaml::Value>()? {
                        serde_yaml::Value::String(term) => vec![term],
                        serde_yaml::Value::Sequence(items) => items
                            .into_iter()
                            .map(|item| match item {
                                serde_yaml::Value::String(term) => Some(term),
                                _ => None,
                            })
                            .collect::<Option<Vec<String>>>()
                            .ok_or_else(|| terms_shape(taxonomy))?,
                        _ => return Err(terms_shape(taxonomy)),
                    };
                    filter.insert(taxonomy.to_string(), terms);
                }
                Ok(StorySelection::Filter(filter))
            }
        }
        deserializer.deserialize_any(SelectionVisitor)
    }
}

fn terms_shape<E: de::Error>(taxonomy: &str) -> E {
    E::custom(format!(
        "the filter's \"{taxonomy}\" must be a term or a list of terms"
    ))
}

/// Copies the facts that mean the same in every language from `base` (the default language's
/// file) into a translation that does not give them itself. Text (title, summary, results with
/// their labels, quotes) is never inherited: it would show one language's words in another.
pub(crate) trait Inherit {
    fn inherit_from(&mut self, base: &Self);
}

/// The story fields written in each language's own words: a translation never inherits them.
const TRANSLATED_STORY_FIELDS: [&str; 5] = ["title", "summary", "results", "quotes", "extra"];

/// The front matter fields [`Inherit`] copies into a translation that lacks them, for each
/// kind of file (a site's own taxonomies are inherited by stories too). The web editor edits
/// them once, and `egiz check` does not count their changes as something to translate.
pub(crate) fn inherited_fields(kind: super::Kind) -> &'static [&'static str] {
    use super::Kind;
    match kind {
        Kind::Story => {
            static INHERITED: std::sync::OnceLock<Vec<&str>> = std::sync::OnceLock::new();
            INHERITED.get_or_init(|| {
                crate::taxonomy::STORY_FIELDS
                    .into_iter()
                    .filter(|field| !TRANSLATED_STORY_FIELDS.contains(field))
                    .collect()
            })
        }
        Kind::Booklet => &[
            "print_run",
            "date",
            "cover",
            "stories",
            "paper",
            "editions",
            "story_start",
            "cover_layout",
            "creep_mm",
            "partners",
            "slug",
        ],
        Kind::Page | Kind::Home | Kind::ProjectsIndex => &["date", "weight", "slug"],
    }
}

fn fill<T: Clone>(own: &mut Option<T>, base: &Option<T>) {
    if own.is_none() {
        own.clone_from(base);
    }
}

impl Inherit for StoryMeta {
    fn inherit_from(&mut self, base: &Self) {
        fill(&mut self.date, &base.date);
        fill(&mut self.district, &base.district);
        fill(&mut self.topics, &base.topics);
        fill(&mut self.status, &base.status);
        fill(&mut self.period, &base.period);
        fill(&mut self.beneficiaries, &base.beneficiaries);
        fill(&mut self.cover, &base.cover);
        fill(&mut self.gallery, &base.gallery);
        fill(&mut self.partners, &base.partners);
        fill(&mut self.budget, &base.budget);
        fill(&mut self.booklet, &base.booklet);
        fill(&mut self.slug, &base.slug);
        for (taxonomy, terms) in &base.custom_terms {
            self.custom_terms
                .entry(taxonomy.clone())
                .or_insert_with(|| terms.clone());
        }
    }
}

impl Inherit for PageMeta {
    fn inherit_from(&mut self, base: &Self) {
        fill(&mut self.date, &base.date);
        fill(&mut self.weight, &base.weight);
        fill(&mut self.slug, &base.slug);
    }
}

impl Inherit for BookletMeta {
    fn inherit_from(&mut self, base: &Self) {
        fill(&mut self.print_run, &base.print_run);
        fill(&mut self.date, &base.date);
        fill(&mut self.cover, &base.cover);
        fill(&mut self.stories, &base.stories);
        fill(&mut self.paper, &base.paper);
        fill(&mut self.editions, &base.editions);
        fill(&mut self.story_start, &base.story_start);
        fill(&mut self.cover_layout, &base.cover_layout);
        fill(&mut self.creep_mm, &base.creep_mm);
        fill(&mut self.partners, &base.partners);
        fill(&mut self.slug, &base.slug);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_inherits_neutral_facts_but_not_text() {
        let base: StoryMeta = serde_yaml::from_str(
            "title: Жоба\ndate: 2023-12-06\ndistrict: balkhash\nbeneficiaries: 70\nresults:\n  - { value: 40, unit: '%', label: артты }\n",
        )
        .expect("valid");
        let mut ru: StoryMeta =
            serde_yaml::from_str("title: Проект\nbeneficiaries: 75\n").expect("valid");
        ru.inherit_from(&base);
        assert_eq!(ru.district.as_deref(), Some("balkhash"));
        assert_eq!(ru.date, base.date);
        assert_eq!(ru.beneficiaries, Some(75));
        assert!(ru.results.is_none());
        assert_eq!(ru.title.as_deref(), Some("Проект"));
    }

    #[test]
    fn figure_may_be_a_number_or_text() {
        let r: ResultFigure =
            serde_yaml::from_str("{ value: 70+, label: балалар }").expect("valid");
        assert_eq!(r.value, Figure::Text("70+".into()));
        let r: ResultFigure =
            serde_yaml::from_str("{ value: 40, unit: '%', label: x }").expect("valid");
        assert_eq!(r.value, Figure::Number(40.0));
        let r: ResultFigure = serde_yaml::from_str("{ value: '40', label: x }").expect("valid");
        assert_eq!(r.value, Figure::Number(40.0));
    }
}
