//! The fields of each collection, one Decap widget per front matter field of
//! `content::schema`, in the order egiz's own files write them. Each field's `i18n` mode follows
//! `schema::Inherit`: texts are per language (`true`); facts egiz copies from the default
//! language's file into translations are `duplicate` (edited once, in the default language).

use serde_yaml::{Mapping, Value};

use crate::config::Config;
use crate::content::schema::inherited_fields;
use crate::content::{Kind, Site};
use crate::taxonomy::Taxonomy;

use super::labels::{hint, label};

/// Per-field translation mode, as Decap names it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum I18n {
    /// A value of its own in every language.
    Own,
    /// Edited in the default language, copied into the others.
    Duplicate,
    /// Only in the default language's file.
    DefaultOnly,
}

impl I18n {
    fn value(self) -> Value {
        match self {
            I18n::Own => Value::Bool(true),
            I18n::Duplicate => Value::String("duplicate".into()),
            I18n::DefaultOnly => Value::Bool(false),
        }
    }
}

/// A YAML mapping from pairs, keeping their order (Decap shows fields in list order).
pub(crate) fn map<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let mut mapping = Mapping::new();
    for (key, value) in pairs {
        mapping.insert(Value::String(key.to_string()), value);
    }
    Value::Mapping(mapping)
}

pub(crate) fn text(value: &str) -> Value {
    Value::String(value.to_string())
}

/// Builds fields in one interface language.
pub(crate) struct Fields<'a> {
    pub(crate) config: &'a Config,
    pub(crate) lang: &'a str,
}

impl Fields<'_> {
    /// A field named `name` (its label and hint looked up by `key`).
    fn field(&self, name: &str, key: &str, widget: &str, i18n: I18n, required: bool) -> Value {
        let mut field = map([
            ("name", text(name)),
            ("label", text(&label(key, self.lang))),
            ("widget", text(widget)),
            ("i18n", i18n.value()),
            ("required", Value::Bool(required)),
        ]);
        if let Some(hint) = hint(key, self.lang) {
            set(&mut field, "hint", text(hint));
        }
        field
    }

    fn string(&self, name: &str, key: &str, i18n: I18n, required: bool) -> Value {
        self.field(name, key, "string", i18n, required)
    }

    fn date(&self, name: &str, key: &str, i18n: I18n, required: bool) -> Value {
        let mut field = self.field(name, key, "datetime", i18n, required);
        set(&mut field, "format", text("YYYY-MM-DD"));
        set(&mut field, "time_format", Value::Bool(false));
        field
    }

    fn number(&self, name: &str, key: &str, value_type: &str, i18n: I18n) -> Value {
        let mut field = self.field(name, key, "number", i18n, false);
        set(&mut field, "value_type", text(value_type));
        set(&mut field, "min", Value::from(0));
        field
    }

    /// A select whose options are `(value, label)`.
    fn select(
        &self,
        name: &str,
        key: &str,
        options: Vec<(String, String)>,
        multiple: bool,
    ) -> Value {
        let mut field = self.field(name, key, "select", I18n::Duplicate, false);
        let options = options
            .into_iter()
            .map(|(value, label)| map([("label", text(&label)), ("value", text(&value))]))
            .collect();
        set(&mut field, "options", Value::Sequence(options));
        set(&mut field, "multiple", Value::Bool(multiple));
        field
    }

    /// A select of option values with labels from the table (`status.planned`).
    fn choice(&self, name: &str, values: &[&str], multiple: bool) -> Value {
        let options = values
            .iter()
            .map(|v| (v.to_string(), label(&format!("{name}.{v}"), self.lang)))
            .collect();
        self.select(name, name, options, multiple)
    }

    /// Decap takes only `true` or `false` on an object or a list: a copied one is translated
    /// as a whole, its sub-fields copied.
    fn container(i18n: I18n) -> I18n {
        match i18n {
            I18n::Duplicate => I18n::Own,
            other => other,
        }
    }

    fn object(&self, name: &str, i18n: I18n, fields: Vec<Value>) -> Value {
        let mut field = self.field(name, name, "object", Self::container(i18n), false);
        set(&mut field, "collapsed", Value::Bool(true));
        set(&mut field, "fields", Value::Sequence(fields));
        field
    }

    fn list(&self, name: &str, i18n: I18n, fields: Vec<Value>) -> Value {
        let mut field = self.field(name, name, "list", Self::container(i18n), false);
        set(&mut field, "collapsed", Value::Bool(true));
        set(&mut field, "fields", Value::Sequence(fields));
        field
    }

    fn hidden_slug(&self) -> Value {
        map([
            ("name", text("slug")),
            ("label", text("slug")),
            ("widget", text("hidden")),
            ("i18n", I18n::DefaultOnly.value()),
            ("required", Value::Bool(false)),
        ])
    }

    fn body(&self) -> Value {
        self.field("body", "body", "markdown", I18n::Own, false)
    }

    /// An image with its description: the picture is the same in every language, the words
    /// describing it are not.
    fn image(&self, name: &str) -> Vec<Value> {
        vec![
            self.field(
                "src",
                &format!("{name}.src"),
                "image",
                I18n::Duplicate,
                false,
            ),
            self.string("alt", "cover.alt", I18n::Own, false),
        ]
    }

    fn partners(&self) -> Value {
        self.list(
            "partners",
            I18n::Duplicate,
            vec![
                self.string("name", "partners.name", I18n::Duplicate, true),
                self.string("url", "partners.url", I18n::Duplicate, false),
            ],
        )
    }

    /// A taxonomy's terms as options, labelled in every language of the site
    /// ("Балқаш ауданы / Балхашский район"), so each editor recognises them.
    fn taxonomy(&self, taxonomy: &Taxonomy) -> Value {
        let options = self
            .config
            .term_keys(taxonomy)
            .into_iter()
            .map(|key| {
                (
                    key.to_string(),
                    self.all_languages(|lang| self.config.term_label(taxonomy, key, lang)),
                )
            })
            .collect();
        let multiple = *taxonomy != Taxonomy::District;
        let mut field = self.select(taxonomy.key(), taxonomy.key(), options, multiple);
        if let Taxonomy::Custom(_) = taxonomy {
            let name = self
                .config
                .taxonomy_name(taxonomy, crate::config::NameForm::All, self.lang)
                .unwrap_or(taxonomy.key());
            set(&mut field, "label", text(name));
        }
        field
    }

    /// One text per language of the site, in the site's order, without repeats.
    fn all_languages<'s>(&self, text: impl Fn(&str) -> &'s str) -> String {
        let mut parts: Vec<&str> = Vec::new();
        for lang in self.config.language_codes() {
            let part = text(lang);
            if !part.is_empty() && !parts.contains(&part) {
                parts.push(part);
            }
        }
        parts.join(" / ")
    }

    /// The fields of a story (`StoryMeta`).
    pub(crate) fn story(&self) -> Vec<Value> {
        let mut fields = vec![
            self.string("title", "title", I18n::Own, true),
            self.hidden_slug(),
            self.field("summary", "summary", "text", I18n::Own, false),
            // A story without a date is an error: lists and feeds are sorted by it.
            self.date("date", "date", I18n::Duplicate, true),
        ];
        fields.extend(self.config.taxonomies().iter().map(|t| self.taxonomy(t)));
        fields.extend([
            self.choice("status", &["planned", "active", "completed"], false),
            self.object(
                "period",
                I18n::Duplicate,
                vec![
                    self.date("start", "period.start", I18n::Duplicate, false),
                    self.date("end", "period.end", I18n::Duplicate, false),
                ],
            ),
            self.number("beneficiaries", "beneficiaries", "int", I18n::Duplicate),
            self.object(
                "budget",
                I18n::Duplicate,
                vec![
                    self.number("amount", "budget.amount", "float", I18n::Duplicate),
                    self.string("currency", "budget.currency", I18n::Duplicate, false),
                ],
            ),
            self.list(
                "results",
                I18n::Own,
                vec![
                    // A string: a figure may be text such as "70+"; egiz reads "40" as 40.
                    self.string("value", "results.value", I18n::Own, true),
                    self.string("unit", "results.unit", I18n::Own, false),
                    self.string("label", "results.label", I18n::Own, true),
                ],
            ),
            self.list(
                "quotes",
                I18n::Own,
                vec![
                    self.field("text", "quotes.text", "text", I18n::Own, true),
                    self.string("by", "quotes.by", I18n::Own, false),
                ],
            ),
            self.object("cover", I18n::Own, self.image("cover")),
            self.list("gallery", I18n::Own, self.image("cover")),
            self.partners(),
            // `true` asks for a leaflet; a map of options written by hand stays as it is
            // unless the box is changed.
            self.field("booklet", "booklet", "boolean", I18n::Duplicate, false),
            self.body(),
        ]);
        fields
    }

    /// The fields of a plain page (`PageMeta`).
    pub(crate) fn page(&self) -> Vec<Value> {
        vec![
            self.string("title", "title", I18n::Own, true),
            self.hidden_slug(),
            self.field("summary", "summary", "text", I18n::Own, false),
            self.number("weight", "weight", "int", I18n::Duplicate),
            self.body(),
        ]
    }

    /// The fields of a home or section text (`_index`, one file per language).
    pub(crate) fn home(&self) -> Vec<Value> {
        // A files collection is not translated: each language's file is its own item.
        let single = |mut field: Value| {
            if let Value::Mapping(mapping) = &mut field {
                mapping.remove("i18n");
            }
            field
        };
        vec![
            single(self.string("title", "title", I18n::Own, false)),
            single(self.field("summary", "summary", "text", I18n::Own, false)),
            single(self.body()),
        ]
    }

    /// The fields of a booklet (`BookletMeta`); `site` gives the story names to choose from.
    pub(crate) fn booklet(&self, site: &Site) -> Vec<Value> {
        let stories = site
            .stories
            .iter()
            .map(|entry| {
                let titles = self.all_languages(|lang| {
                    entry
                        .pages
                        .iter()
                        .find(|p| p.lang == lang && p.borrowed_from.is_none())
                        .map_or("", |p| p.title.as_str())
                });
                (entry.name.clone(), format!("{titles} ({})", entry.name))
            })
            .collect();
        let editions: Vec<&str> = crate::content::booklets::Edition::ALL
            .iter()
            .map(|e| e.key())
            .collect();
        vec![
            self.string("title", "title", I18n::Own, true),
            self.hidden_slug(),
            self.string("subtitle", "subtitle", I18n::Own, false),
            self.field("summary", "summary", "text", I18n::Own, false),
            self.string("publisher", "publisher", I18n::Own, false),
            self.string("contacts", "contacts", I18n::Own, false),
            self.number("print_run", "print_run", "int", I18n::Duplicate),
            self.date("date", "date", I18n::Duplicate, false),
            self.object("cover", I18n::Own, self.image("cover")),
            self.select("stories", "stories", stories, true),
            self.choice_free("paper", &["A4", "A5", "A6", "Letter"]),
            self.choice("editions", &editions, true),
            self.choice(
                "story_start",
                &["continue", "new-page", "right-page"],
                false,
            ),
            self.choice("cover_layout", &["framed", "full-bleed"], false),
            self.number("creep_mm", "creep_mm", "float", I18n::Duplicate),
            self.partners(),
            self.body(),
        ]
    }

    /// A select whose option labels are the values themselves (paper sizes).
    fn choice_free(&self, name: &str, values: &[&str]) -> Value {
        let options = values
            .iter()
            .map(|v| (v.to_string(), v.to_string()))
            .collect();
        self.select(name, name, options, false)
    }
}

/// The fields egiz copies from the default language's file into a translation that lacks them,
/// for files in `content/FOLDER/` (`projects`, `booklets`; anything else is a page).
pub(crate) fn inherited(folder: &str, config: &Config) -> Vec<String> {
    let kind = match folder {
        "projects" => Kind::Story,
        "booklets" => Kind::Booklet,
        _ => Kind::Page,
    };
    let mut names: Vec<String> = inherited_fields(kind)
        .iter()
        .map(|s| s.to_string())
        .collect();
    if kind == Kind::Story {
        names.extend(config.custom_taxonomies().map(|t| t.key().to_string()));
    }
    names
}

pub(crate) fn set(field: &mut Value, key: &str, value: Value) {
    if let Value::Mapping(mapping) = field {
        mapping.insert(Value::String(key.to_string()), value);
    }
}
