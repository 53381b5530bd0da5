//! Translation coverage: which stories have no file in some language. Reported after loading
//! as warnings (a site may be translated bit by bit), one line per language that lacks any.

use crate::config::MissingTranslation;
use crate::diagnostics::{Diagnostic, Diagnostics};

use super::model::Site;

/// How many names are listed before the line says "and N more".
const LISTED: usize = 10;

/// One warning per language that lacks some stories, e.g.
/// `translations: ru is missing 2 of 13 stories: a, b`.
pub(crate) fn report(site: &Site) -> Diagnostics {
    let total = site.stories.len();
    let mut warnings = Diagnostics::new();
    for lang in site.config.language_codes() {
        let missing: Vec<&str> = site
            .stories
            .iter()
            .filter(|entry| entry.page(lang).is_none())
            .map(|entry| entry.name.as_str())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let story_word = if total == 1 { "story" } else { "stories" };
        let hint = match site.config.raw.missing_translation {
            MissingTranslation::Skip => format!(
                "they have no page in {lang} (missing_translation: skip); add NAME.{lang}.md files, or set `missing_translation: fallback` to show them in {} with a notice",
                site.config.default_language
            ),
            MissingTranslation::Fallback => format!(
                "their {lang} pages show the text of another language with a notice (missing_translation: fallback); add NAME.{lang}.md files to translate them"
            ),
        };
        warnings.push(
            Diagnostic::warning(format!(
                "translations: {lang} is missing {} of {total} {story_word}: {}",
                missing.len(),
                listed(&missing)
            ))
            .with_hint(hint),
        );
    }
    warnings
}

fn listed(names: &[&str]) -> String {
    let shown = names[..names.len().min(LISTED)].join(", ");
    match names.len().saturating_sub(LISTED) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_are_shortened() {
        let names: Vec<String> = (1..=12).map(|i| format!("s{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(listed(&names[..2]), "s1, s2");
        assert!(listed(&names).ends_with("s10 and 2 more"));
    }
}
