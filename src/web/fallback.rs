//! `missing_translation: fallback`: a story, page or home text missing in some language gets a
//! page in that language anyway, made from the default language's text (or the first language
//! that has it). The page chrome is in the missing language; the text keeps its own language,
//! which the page records in `Page::borrowed_from` so templates can mark it with `lang`.
//!
//! Borrowed pages exist only for the web renderer: the content model stays as written, so the
//! print engine and the translation coverage report never mistake them for translations.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::config::MissingTranslation;
use crate::content::{Entry, Kind, Page, Site};

/// The site as the web renderer shows it: with borrowed pages in fallback mode, else as it is.
pub(crate) fn apply(site: &Site) -> Cow<'_, Site> {
    if site.config.raw.missing_translation != MissingTranslation::Fallback {
        return Cow::Borrowed(site);
    }
    let mut site = site.clone();
    let languages: Vec<String> = site
        .config
        .language_codes()
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut taken: HashSet<String> = site
        .entries()
        .flat_map(|e| e.pages.iter().map(|p| p.path.clone()))
        .collect();
    let default = site.config.default_language.clone();
    let entries = site
        .stories
        .iter_mut()
        .chain(site.pages.iter_mut())
        .chain(site.home.iter_mut());
    for entry in entries {
        fill(entry, &languages, &default, &mut taken);
    }
    Cow::Owned(site)
}

/// Give `entry` a borrowed page in every language it lacks, in site order.
fn fill(entry: &mut Entry, languages: &[String], default: &str, taken: &mut HashSet<String>) {
    debug_assert!(matches!(entry.kind, Kind::Story | Kind::Page | Kind::Home));
    let Some(source) = entry.page(default).or(entry.pages.first()).cloned() else {
        return;
    };
    let mut pages = Vec::with_capacity(languages.len());
    for lang in languages {
        if let Some(own) = entry.page(lang) {
            pages.push(own.clone());
            continue;
        }
        let borrowed = borrow(&source, lang);
        // A translation of another entry may already use this address (through its `slug:`);
        // the real page wins and this language simply has no version of the entry.
        if taken.insert(borrowed.path.clone()) {
            pages.push(borrowed);
        }
    }
    entry.pages = pages;
}

/// `source` shown in `lang`: the same text, facts and pictures at `lang`'s address.
fn borrow(source: &Page, lang: &str) -> Page {
    let rest = source
        .path
        .strip_prefix(&format!("{}/", source.lang))
        .unwrap_or(&source.path);
    Page {
        lang: lang.to_string(),
        path: format!("{lang}/{rest}"),
        borrowed_from: Some(source.text_lang().to_string()),
        ..source.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Meta;
    use crate::content::schema::PageMeta;

    fn page(lang: &str, path: &str) -> Page {
        Page {
            lang: lang.into(),
            source: format!("content/about.{lang}.md").into(),
            title: format!("title {lang}"),
            meta: Meta::Page(PageMeta::default()),
            body: "".into(),
            body_line: 1,
            source_hash: 0,
            toc: Vec::new(),
            path: path.into(),
            assets: Vec::new(),
            borrowed_from: None,
        }
    }

    fn languages() -> Vec<String> {
        vec!["kk".into(), "ru".into(), "en".into()]
    }

    #[test]
    fn missing_languages_borrow_the_default_text_at_their_own_address() {
        let mut entry = Entry {
            kind: Kind::Page,
            name: "about".into(),
            pages: vec![page("kk", "kk/about/"), page("en", "en/about/")],
        };
        fill(&mut entry, &languages(), "kk", &mut HashSet::new());
        let ru = entry.page("ru").expect("a Russian page");
        assert_eq!(ru.path, "ru/about/");
        assert_eq!(ru.title, "title kk");
        assert_eq!(ru.borrowed_from.as_deref(), Some("kk"));
        assert_eq!(ru.text_lang(), "kk");
        let order: Vec<&str> = entry.pages.iter().map(|p| p.lang.as_str()).collect();
        assert_eq!(order, ["kk", "ru", "en"]);
        assert!(entry.page("en").is_some_and(|p| p.borrowed_from.is_none()));
    }

    #[test]
    fn without_the_default_language_the_first_available_text_is_used() {
        let mut entry = Entry {
            kind: Kind::Story,
            name: "x".into(),
            pages: vec![page("ru", "ru/projects/x/")],
        };
        fill(&mut entry, &languages(), "kk", &mut HashSet::new());
        assert_eq!(
            entry.page("kk").and_then(|p| p.borrowed_from.as_deref()),
            Some("ru")
        );
        assert_eq!(
            entry.page("en").map(|p| p.path.as_str()),
            Some("en/projects/x/")
        );
    }

    #[test]
    fn an_address_already_taken_is_left_to_its_owner() {
        let mut entry = Entry {
            kind: Kind::Page,
            name: "about".into(),
            pages: vec![page("kk", "kk/about/")],
        };
        let mut taken = HashSet::from(["ru/about/".to_string()]);
        fill(&mut entry, &languages(), "kk", &mut taken);
        assert!(entry.page("ru").is_none());
        assert!(entry.page("en").is_some());
    }
}
