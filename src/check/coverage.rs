//! Translation coverage: how many stories, pages and booklets exist in each language, and a
//! warning for each one missing a translation.

use serde::Serialize;

use crate::content::{Entry, Kind, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Coverage of every kind of content, in every language.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Coverage {
    /// Language codes in site order.
    pub languages: Vec<String>,
    /// Stories, pages and booklets, each with what exists in which language.
    pub kinds: Vec<KindCoverage>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct KindCoverage {
    /// `stories`, `pages` or `booklets`.
    pub kind: &'static str,
    pub total: usize,
    pub languages: Vec<LanguageCoverage>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LanguageCoverage {
    pub code: String,
    pub present: usize,
    /// Names of the entries without a version in this language.
    pub missing: Vec<String>,
}

/// The coverage table and a warning per missing translation.
pub(crate) fn check(site: &Site) -> (Coverage, Diagnostics) {
    let languages: Vec<String> = site
        .config
        .language_codes()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let mut problems = Diagnostics::new();
    let kinds = [
        ("stories", &site.stories),
        ("pages", &site.pages),
        ("booklets", &site.booklets),
    ]
    .into_iter()
    .map(|(kind, entries)| KindCoverage {
        kind,
        total: entries.len(),
        languages: languages
            .iter()
            .map(|code| {
                let missing: Vec<&Entry> =
                    entries.iter().filter(|e| e.page(code).is_none()).collect();
                for entry in &missing {
                    problems.push(missing_translation(entry, code));
                }
                LanguageCoverage {
                    code: code.clone(),
                    present: entries.len() - missing.len(),
                    missing: missing.iter().map(|e| e.name.clone()).collect(),
                }
            })
            .collect(),
    })
    .collect();
    (Coverage { languages, kinds }, problems)
}

fn missing_translation(entry: &Entry, lang: &str) -> Diagnostic {
    let word = match entry.kind {
        Kind::Story => "story",
        Kind::Booklet => "booklet",
        _ => "page",
    };
    let d = Diagnostic::warning(format!(
        "the {word} \"{}\" has no \"{lang}\" translation",
        entry.name
    ));
    match entry.pages.first() {
        Some(page) => {
            let file = page.source.to_string_lossy();
            let translated = match file.rsplit_once(&format!(".{}.md", page.lang)) {
                Some((stem, _)) => format!("{stem}.{lang}.md"),
                None => format!("a .{lang}.md file beside it"),
            };
            d.in_file(&page.source).at(1, 1).with_hint(format!(
                "write {translated}; until then the {lang} pages say the {word} is not translated"
            ))
        }
        None => d,
    }
}

impl Coverage {
    /// A plain table, one row per kind of content, one column per language.
    pub fn to_text(&self) -> String {
        let mut rows = vec![
            std::iter::once("translations".to_string())
                .chain(self.languages.iter().cloned())
                .collect::<Vec<_>>(),
        ];
        for kind in &self.kinds {
            let mut row = vec![kind.kind.to_string()];
            for lang in &kind.languages {
                let mut cell = format!("{}/{}", lang.present, kind.total);
                if !lang.missing.is_empty() {
                    cell.push_str(&format!(" (missing: {})", lang.missing.join(", ")));
                }
                row.push(cell);
            }
            rows.push(row);
        }
        let columns = rows.first().map_or(0, Vec::len);
        let widths: Vec<usize> = (0..columns)
            .map(|i| {
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| c.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut text = String::new();
        for row in rows {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(cell, width)| format!("{cell:<width$}"))
                .collect();
            text.push_str(cells.join("  ").trim_end());
            text.push('\n');
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_a_column_per_language() {
        let coverage = Coverage {
            languages: vec!["kk".into(), "ru".into()],
            kinds: vec![KindCoverage {
                kind: "stories",
                total: 2,
                languages: vec![
                    LanguageCoverage {
                        code: "kk".into(),
                        present: 2,
                        missing: vec![],
                    },
                    LanguageCoverage {
                        code: "ru".into(),
                        present: 1,
                        missing: vec!["x".into()],
                    },
                ],
            }],
        };
        assert_eq!(
            coverage.to_text(),
            "translations  kk   ru\nstories       2/2  1/2 (missing: x)\n"
        );
    }
}
