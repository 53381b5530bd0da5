//! Booklet settings that cannot be honoured: `stories:` naming stories that do not exist,
//! unknown `editions`, and `paper` that is not a known or printable size.

use crate::content::schema::BookletMeta;
use crate::content::{Page, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::print::settings::Paper;

use super::Sources;

/// The editions a booklet can be printed in (one file each).
pub const EDITIONS: [&str; 6] = [
    "single",
    "sequential",
    "flip",
    "parallel",
    "imposed",
    "print-shop",
];

/// The story names a booklet's `stories:` lists; an error text when it is not a list of names.
pub fn story_names(meta: &BookletMeta) -> Result<Vec<String>, String> {
    let Some(value) = &meta.stories else {
        return Ok(Vec::new());
    };
    let items = match value {
        serde_yaml::Value::Sequence(items) => items.as_slice(),
        serde_yaml::Value::String(_) => std::slice::from_ref(value),
        _ => return Err("`stories:` must be a list of story names".to_string()),
    };
    items
        .iter()
        .map(|item| match item {
            serde_yaml::Value::String(name) => Ok(name.clone()),
            _ => Err(
                "`stories:` must be a list of story names, like [kids-sport, balkhash-appeals]"
                    .to_string(),
            ),
        })
        .collect()
}

pub fn check(site: &Site, sources: &Sources) -> Diagnostics {
    let mut problems = Diagnostics::new();
    let story_names: Vec<&str> = site.stories.iter().map(|e| e.name.as_str()).collect();
    for page in site.booklets.iter().flat_map(|e| &e.pages) {
        let Some(meta) = page.booklet() else { continue };
        // An inherited value was checked in the file that wrote it.
        if sources.writes(page, "stories") {
            check_stories(page, meta, &story_names, sources, &mut problems);
        }
        if sources.writes(page, "editions") {
            for edition in meta.editions.iter().flatten() {
                if !EDITIONS.contains(&edition.as_str()) {
                    let hint = match did_you_mean(edition, EDITIONS) {
                        Some(best) => format!("did you mean \"{best}\"?"),
                        None => format!("the editions are: {}", EDITIONS.join(", ")),
                    };
                    problems.push(
                        sources.at_field(
                            page,
                            "editions",
                            Some(edition),
                            Diagnostic::error(format!("unknown booklet edition \"{edition}\""))
                                .with_hint(hint),
                        ),
                    );
                }
            }
        }
        if let Some(paper) = &meta.paper
            && sources.writes(page, "paper")
            && let Err(err) = serde_yaml::from_value::<Paper>(paper.clone())
        {
            problems.push(sources.at_field(
                page,
                "paper",
                None,
                Diagnostic::error(format!("the paper size cannot be used: {err}"))
                    .with_hint("write `paper: A5` (or A4, A6, Letter), or `paper: { width_mm: 148, height_mm: 210 }`"),
            ));
        }
    }
    problems
}

fn check_stories(
    page: &Page,
    meta: &BookletMeta,
    known: &[&str],
    sources: &Sources,
    problems: &mut Diagnostics,
) {
    let names = match story_names(meta) {
        Ok(names) => names,
        Err(message) => {
            problems.push(sources.at_field(page, "stories", None, Diagnostic::error(message)));
            return;
        }
    };
    for name in names {
        if known.contains(&name.as_str()) {
            continue;
        }
        let hint = match did_you_mean(&name, known.iter().copied()) {
            Some(best) => format!("did you mean \"{best}\"?"),
            None => "name a story by its file name without the language: kids-sport for content/projects/kids-sport.kk.md".to_string(),
        };
        problems.push(
            sources.at_field(
                page,
                "stories",
                Some(&name),
                Diagnostic::error(format!(
                    "the booklet includes the story \"{name}\", which does not exist"
                ))
                .with_hint(hint),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_lists_are_names() {
        let meta: BookletMeta = serde_yaml::from_str("stories: [a, b]").expect("valid");
        assert_eq!(
            story_names(&meta),
            Ok(vec!["a".to_string(), "b".to_string()])
        );
        let meta: BookletMeta = serde_yaml::from_str("stories: { a: 1 }").expect("valid");
        assert!(story_names(&meta).is_err());
        assert_eq!(story_names(&BookletMeta::default()), Ok(vec![]));
    }

    #[test]
    fn paper_is_read_by_the_print_settings() {
        let ok: Result<Paper, _> = serde_yaml::from_str("A5");
        assert!(ok.is_ok());
        let bad: Result<Paper, _> = serde_yaml::from_str("B7");
        assert!(bad.is_err());
    }
}
