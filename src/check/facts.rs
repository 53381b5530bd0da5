//! Translations whose language-neutral facts disagree: a translation may repeat a fact of the
//! default language's file (the date, the district, the number of beneficiaries...), and then
//! it must say the same thing.

use crate::content::schema::{Figure, StoryMeta};
use crate::content::{Page, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};

use super::Sources;

/// A fact shown as text for comparing and for the message.
type Fact = fn(&StoryMeta) -> Option<String>;

const FACTS: [(&str, Fact); 9] = [
    ("date", |m| m.date.map(|d| d.iso())),
    ("district", |m| m.district.clone()),
    ("topics", |m| m.topics.as_ref().map(|t| t.join(", "))),
    ("status", |m| m.status.map(|s| s.key().to_string())),
    ("period", |m| {
        m.period.as_ref().map(|p| {
            let iso = |d: Option<crate::i18n::Date>| d.map(|d| d.iso()).unwrap_or_default();
            format!("{} – {}", iso(p.start), iso(p.end))
        })
    }),
    ("beneficiaries", |m| m.beneficiaries.map(|b| b.to_string())),
    ("budget", |m| {
        m.budget
            .as_ref()
            .map(|b| format!("{} {}", b.amount, b.currency))
    }),
    ("cover", |m| m.cover.as_ref().map(|c| c.src.clone())),
    ("results", |m| {
        m.results.as_ref().map(|results| {
            results
                .iter()
                .map(|r| {
                    let value = match &r.value {
                        Figure::Number(n) => n.to_string(),
                        Figure::Text(t) => t.clone(),
                    };
                    format!("{value}{}", r.unit.as_deref().unwrap_or(""))
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
    }),
];

/// A warning for every fact a translation gives differently from the default language's file.
pub(crate) fn check(site: &Site, sources: &Sources) -> Diagnostics {
    let default = site.config.default_language.as_str();
    let mut problems = Diagnostics::new();
    for entry in &site.stories {
        let Some(base) = entry.page(default) else {
            continue;
        };
        let Some(base_meta) = base.story() else {
            continue;
        };
        for page in entry.pages.iter().filter(|p| p.lang != default) {
            let Some(meta) = page.story() else { continue };
            for (key, fact) in FACTS {
                // Results are never inherited (their labels are text): compare their figures when
                // both files give them. Other facts only when the translation writes its own.
                let (own, theirs) = (fact(meta), fact(base_meta));
                let compared = if key == "results" {
                    own.is_some() && theirs.is_some()
                } else {
                    sources.writes(page, key)
                };
                if compared && own != theirs {
                    problems.push(disagreement(sources, page, base, key, own, theirs));
                }
            }
            for taxonomy in site.config.custom_taxonomies() {
                let terms = |m: &StoryMeta| Some(m.terms(&taxonomy).join(", "));
                let (own, theirs) = (terms(meta), terms(base_meta));
                if sources.writes(page, taxonomy.key()) && own != theirs {
                    problems.push(disagreement(
                        sources,
                        page,
                        base,
                        taxonomy.key(),
                        own,
                        theirs,
                    ));
                }
            }
        }
    }
    problems
}

fn disagreement(
    sources: &Sources,
    page: &Page,
    base: &Page,
    key: &str,
    own: Option<String>,
    theirs: Option<String>,
) -> Diagnostic {
    let shown = |v: Option<String>| v.unwrap_or_else(|| "nothing".to_string());
    let d = Diagnostic::warning(format!(
        "the translations disagree on {key}: {} says {}, {} says {}",
        base.lang,
        shown(theirs),
        page.lang,
        shown(own),
    ))
    .with_hint(format!(
        "correct the wrong one; a fact that is the same in every language can be written once, in {}",
        base.source.display()
    ));
    sources.at_field(page, key, None, d)
}
