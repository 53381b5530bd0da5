//! `egiz check`: everything that can be wrong before publishing, found without writing anything:
//! the load-time diagnostics, broken links and anchors (the site is rendered in memory),
//! pictures without alt text (found while loading), missing translations, translations whose facts disagree
//! or that are older than their default language's file,
//! characters the booklet font cannot print, and pictures the booklets would print below 250 ppi
//! (the booklets composed in memory, not written). Booklet settings that cannot be honoured are
//! found while loading (`content::booklets`), so `egiz build` refuses them too.

pub(crate) mod coverage;
pub use coverage::Coverage;
pub(crate) mod drift;
pub(crate) mod facts;
pub(crate) mod fonts;
pub(crate) mod html;
pub(crate) mod links;
mod preflight;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::content::{self, Page, Site, frontmatter};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::yaml;

/// What `check` found.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// Problems that would stop a build.
    pub errors: usize,
    /// Problems that would not.
    pub warnings: usize,
    /// All of them, sorted by file and line.
    pub diagnostics: Diagnostics,
    /// Absent when the site could not be loaded.
    pub coverage: Option<Coverage>,
    /// HTML pages rendered in memory.
    pub pages: usize,
    /// Links followed in them.
    pub links: usize,
    /// How long the check took.
    #[serde(skip)]
    pub elapsed: Duration,
}

impl CheckReport {
    fn new(diagnostics: Diagnostics, coverage: Option<Coverage>, started: Instant) -> Self {
        let diagnostics = diagnostics.sorted();
        CheckReport {
            errors: diagnostics.error_count(),
            warnings: diagnostics.warning_count(),
            diagnostics,
            coverage,
            pages: 0,
            links: 0,
            elapsed: started.elapsed(),
        }
    }

    /// Errors fail the check; warnings too when `strict`.
    pub fn failed(&self, strict: bool) -> bool {
        self.errors > 0 || (strict && self.warnings > 0)
    }

    /// The report for CI: counts, every diagnostic and the coverage table.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }
}

/// Check the site in `site_dir`.
pub fn check(site_dir: &Path) -> CheckReport {
    let started = Instant::now();
    let (site, mut problems) = match content::load(site_dir, None) {
        Ok(loaded) => loaded,
        Err(problems) => return CheckReport::new(problems, None, started),
    };
    let sources = Sources::read(&site);
    let (coverage, missing) = coverage::check(&site);
    problems.extend(missing);
    problems.extend(facts::check(&site, &sources));
    problems.extend(drift::check(&site));
    problems.extend(fonts::check(&site, &sources));
    problems.extend(preflight::check(&site, &sources));
    let (pages, links) = match crate::theme::Theme::load(site_dir, &site.config) {
        Ok((theme, warnings)) => {
            problems.extend(warnings);
            let (found, pages, links) = links::check(&site, &theme, &sources);
            problems.extend(found);
            problems.extend(coarse_pictures(&site, &theme));
            (pages, links)
        }
        Err(theme_problems) => {
            problems.extend(theme_problems);
            (0, 0)
        }
    };
    let mut report = CheckReport::new(problems, Some(coverage), started);
    report.pages = pages;
    report.links = links;
    report
}

/// Pictures the booklets would print below 250 ppi (the booklets are composed, not written),
/// and print settings that stop the booklets (an output intent profile that is not CMYK).
fn coarse_pictures(site: &Site, theme: &crate::theme::Theme) -> Diagnostics {
    if site.prints.is_empty() {
        return Diagnostics::new();
    }
    match crate::print::engine::Engine::new(theme, site) {
        Ok(engine) => crate::print::booklet::resolution_warnings(
            site,
            &site.prints.iter().collect::<Vec<_>>(),
            &engine,
        ),
        Err(problems) => problems,
    }
}

/// The text of every content file, to place problems found in the model on the line the user
/// wrote them.
pub(crate) struct Sources {
    root: PathBuf,
    texts: HashMap<PathBuf, String>,
}

impl Sources {
    pub(crate) fn read(site: &Site) -> Sources {
        let texts = site
            .entries()
            .flat_map(|e| &e.pages)
            .filter_map(|page| {
                let text = std::fs::read_to_string(site.root.join(&page.source)).ok()?;
                Some((page.source.clone(), text))
            })
            .collect();
        Sources {
            root: site.root.clone(),
            texts,
        }
    }

    pub(crate) fn text(&self, page: &Page) -> Option<&str> {
        self.texts.get(&page.source).map(String::as_str)
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Whether the page's own front matter writes `key` (rather than inheriting it).
    pub(crate) fn writes(&self, page: &Page, key: &str) -> bool {
        self.front_matter(page)
            .is_some_and(|(yaml, _)| yaml::position_of(yaml, key, None).is_some())
    }

    fn front_matter<'a>(&'a self, page: &Page) -> Option<(&'a str, usize)> {
        let split = frontmatter::split(self.text(page)?, &page.source).ok()?;
        Some((split.yaml, split.yaml_line))
    }

    /// `d` placed in the page's file at the front matter field `key` (and `needle` in it).
    pub(crate) fn at_field(
        &self,
        page: &Page,
        key: &str,
        needle: Option<&str>,
        d: Diagnostic,
    ) -> Diagnostic {
        let d = d.in_file(&page.source);
        match self.front_matter(page).and_then(|(yaml, first)| {
            yaml::position_of(yaml, key, needle).map(|(l, c)| (l + first - 1, c))
        }) {
            Some((line, column)) => d.at(line, column),
            None => d.at(1, 1),
        }
    }

    /// `d` placed at the first occurrence of `needle` in the page's file, or at its start.
    pub(crate) fn at_text(&self, page: &Page, needle: &str, d: Diagnostic) -> Diagnostic {
        let d = d.in_file(&page.source);
        let place = self.text(page).and_then(|text| {
            let byte = text.find(needle)?;
            Some(line_column(text, byte))
        });
        match place {
            Some((line, column)) => d.at(line, column),
            None => d.at(1, 1),
        }
    }
}

/// 1-based line and character column of a byte offset.
pub(crate) fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let before = text.get(..byte).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "a\nҚазақ x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, text.find('x').expect("x")), (2, 7));
    }
}
