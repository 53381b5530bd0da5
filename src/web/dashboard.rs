//! The impact dashboard, `/{lang}/impact/` (template `dashboard.html`): totals over all
//! projects (projects, people reached, districts, booklet copies printed) and two bar charts
//! (projects per district, people reached per topic), each with a table of the same data.
//!
//! The figures are language-neutral: a project counts once whatever languages it is written
//! in, and its facts come from the text in the default language (or the first it has).

use serde::Serialize;
use tera::Value;

use crate::config::Config;
use crate::content::reserved::DASHBOARD;
use crate::content::{Entry, Page, Site};
use crate::diagnostics::Diagnostic;
use crate::i18n::{collation_key, format_integer};
use crate::taxonomy::Taxonomy;

use super::Renderer;
use super::charts::{self, Bar, BarChart};
use super::taxonomy::term_path;

/// `/{lang}/impact/`, as a site path.
pub(crate) fn path(lang: &str) -> String {
    format!("{lang}/{DASHBOARD}/")
}

/// The site's figures, the same in every language.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Figures {
    pub projects: u64,
    pub beneficiaries: u64,
    /// Districts with at least one project.
    pub districts: u64,
    /// The sum of `print_run` over all booklets.
    pub printed: u64,
    /// (district key, projects), most projects first.
    pub by_district: Vec<(String, u64)>,
    /// (topic key, people reached), most first. A project with two topics counts in both.
    pub by_topic: Vec<(String, u64)>,
}

/// The version of an entry whose facts count: the one in its own language, default first.
fn original<'a>(entry: &'a Entry, config: &Config) -> Option<&'a Page> {
    entry
        .page(&config.default_language)
        .filter(|p| p.borrowed_from.is_none())
        .or_else(|| entry.pages.iter().find(|p| p.borrowed_from.is_none()))
}

pub(crate) fn figures(site: &Site) -> Figures {
    let mut figures = Figures::default();
    let mut by_district: Vec<(String, u64)> = Vec::new();
    let mut by_topic: Vec<(String, u64)> = Vec::new();
    let add = |list: &mut Vec<(String, u64)>, key: &str, amount: u64| match list
        .iter_mut()
        .find(|(k, _)| k == key)
    {
        Some((_, total)) => *total = total.saturating_add(amount),
        None => list.push((key.to_string(), amount)),
    };
    for meta in site
        .stories
        .iter()
        .filter_map(|e| original(e, &site.config))
        .filter_map(Page::story)
    {
        let reached = meta.beneficiaries.unwrap_or(0);
        figures.projects += 1;
        figures.beneficiaries = figures.beneficiaries.saturating_add(reached);
        if let Some(district) = &meta.district {
            add(&mut by_district, district, 1);
        }
        let mut topics: Vec<&String> = meta.topics.iter().flatten().collect();
        topics.sort();
        topics.dedup();
        for topic in topics {
            add(&mut by_topic, topic, reached);
        }
    }
    figures.printed = site
        .booklets
        .iter()
        .filter_map(|e| original(e, &site.config))
        .filter_map(|p| p.booklet().and_then(|b| b.print_run))
        .fold(0u64, u64::saturating_add);
    figures.districts = by_district.len() as u64;
    // Largest first; ties keep the order the projects came in (newest first) until labels sort
    // them per language in `chart`.
    by_district.sort_by_key(|d| std::cmp::Reverse(d.1));
    by_topic.sort_by_key(|t| std::cmp::Reverse(t.1));
    figures.by_district = by_district;
    figures.by_topic = by_topic;
    figures
}

#[derive(Serialize)]
struct Total {
    key: &'static str,
    value: u64,
    /// The number as written in the page's language: `2 320`.
    display: String,
    /// The words after it, in the plural form for the number: "участников".
    label: String,
}

#[derive(Serialize)]
struct Row {
    label: String,
    url: Option<String>,
    value: u64,
    display: String,
}

#[derive(Serialize)]
struct Chart {
    id: &'static str,
    title: String,
    /// A sentence under the chart, may be empty.
    note: String,
    /// The `<svg>` element (insert with `| safe`).
    svg: String,
    /// Column headings of the table alternative.
    label_header: String,
    value_header: String,
    rows: Vec<Row>,
}

#[derive(Serialize)]
struct DashboardValue {
    totals: Vec<Total>,
    charts: Vec<Chart>,
}

impl Renderer<'_> {
    fn total(&self, lang: &str, key: &'static str, value: u64) -> Total {
        let count = value as f64;
        Total {
            key,
            value,
            display: format_integer(i64::try_from(value).unwrap_or(i64::MAX), lang),
            label: self
                .builder
                .strings
                .get(lang, &format!("impact_{key}"), Some(count)),
        }
    }

    /// Whether some story of `lang` has the term `key` of `taxonomy` (and so a term page).
    fn has_stories(&self, lang: &str, taxonomy: &Taxonomy, key: &str) -> bool {
        self.site
            .stories_in(lang)
            .filter_map(|(_, page)| page.story())
            .any(|meta| meta.terms(taxonomy).contains(&key))
    }

    /// A chart of `data` (term key, value) of `taxonomy`, with its table rows.
    fn chart(
        &self,
        lang: &str,
        id: &'static str,
        taxonomy: &Taxonomy,
        data: &[(String, u64)],
        headers: (&str, &str),
        note: &str,
    ) -> Chart {
        let config = &self.site.config;
        let strings = self.builder.strings;
        let linked = config.taxonomy_pages().contains(taxonomy) && taxonomy.has_labels();
        let mut rows: Vec<Row> = data
            .iter()
            .map(|(key, value)| Row {
                label: config.term_label(taxonomy, key, lang).to_string(),
                // A term without stories in this language has no page here to link to.
                url: (linked && self.has_stories(lang, taxonomy, key))
                    .then(|| config.base.link(&term_path(lang, taxonomy.key(), key))),
                value: *value,
                display: format_integer(i64::try_from(*value).unwrap_or(i64::MAX), lang),
            })
            .collect();
        rows.sort_by(|a, b| {
            b.value
                .cmp(&a.value)
                .then_with(|| collation_key(&a.label).cmp(&collation_key(&b.label)))
        });
        let title = strings.get(lang, &format!("chart_{id}"), None);
        let desc = rows
            .iter()
            .map(|r| format!("{}: {}", r.label, r.display))
            .collect::<Vec<_>>()
            .join("; ");
        let bars: Vec<Bar> = rows
            .iter()
            .map(|r| Bar {
                label: r.label.clone(),
                value: r.value,
                display: r.display.clone(),
            })
            .collect();
        let svg = charts::render(&BarChart {
            id: &format!("chart-{id}"),
            title: &title,
            desc: &desc,
            bars: &bars,
        });
        Chart {
            id,
            title,
            note: if note.is_empty() {
                String::new()
            } else {
                strings.get(lang, note, None)
            },
            svg,
            label_header: strings.get(lang, headers.0, None),
            value_header: strings.get(lang, headers.1, None),
            rows,
        }
    }

    pub(super) fn dashboard_page(&self, lang: &str, figures: &Figures) -> Result<(), Diagnostic> {
        let path = path(lang);
        let title = self.builder.strings.get(lang, "impact_title", None);
        let page = self.builder.generated_page("dashboard", &title, &path, "");
        let translations =
            self.builder
                .translations(None, &|code| Some(super::dashboard::path(code)), lang);
        let mut charts = Vec::new();
        if !figures.by_district.is_empty() {
            charts.push(self.chart(
                lang,
                "projects_by_district",
                &Taxonomy::District,
                &figures.by_district,
                ("term_district", "projects"),
                "",
            ));
        }
        if !figures.by_topic.is_empty() {
            charts.push(self.chart(
                lang,
                "beneficiaries_by_topic",
                &Taxonomy::Topics,
                &figures.by_topic,
                ("term_topics", "beneficiaries_label"),
                "chart_topics_note",
            ));
        }
        let value = DashboardValue {
            totals: vec![
                self.total(lang, "projects", figures.projects),
                self.total(lang, "beneficiaries", figures.beneficiaries),
                self.total(lang, "districts", figures.districts),
                self.total(lang, "printed", figures.printed),
            ],
            charts,
        };
        let mut context = self.context(lang, &path, page, translations);
        context.insert_value("dashboard", Value::from_serializable(&value));
        self.write(
            "dashboard.html",
            &context,
            &format!("{path}index.html"),
            None,
        )
    }
}
