//! What the dev server keeps from one build to the next so that a rebuild redoes only the
//! changed stories' share of the site-wide work: each story's card (the template value lists
//! show) and its search words. A one-off build starts empty and fills it once.

use std::collections::HashMap;

use tera::Value;

use super::search::WordCache;

/// Values made from single stories, per language and story name.
#[derive(Default)]
pub(crate) struct Reuse {
    pub words: WordCache,
    pub cards: CardCache,
}

impl Reuse {
    /// Make the story `name`'s values again, in every language, on the next build.
    pub(crate) fn forget(&mut self, name: &str) {
        self.words.forget(name);
        self.cards.forget(name);
    }

    /// Make everything again (site.yaml or the theme changed what every value is).
    pub(crate) fn clear(&mut self) {
        self.words.clear();
        self.cards.clear();
    }
}

/// Story cards as template values.
pub(crate) type CardCache = PerStory<Value>;

/// One value per language and story name, forgotten story by story.
pub(crate) struct PerStory<T> {
    by_language: HashMap<String, HashMap<String, T>>,
}

impl<T> Default for PerStory<T> {
    fn default() -> Self {
        PerStory {
            by_language: HashMap::new(),
        }
    }
}

impl<T> PerStory<T> {
    /// Drop the story `name`'s values in every language.
    pub(crate) fn forget(&mut self, name: &str) {
        for stories in self.by_language.values_mut() {
            stories.remove(name);
        }
    }

    pub(crate) fn clear(&mut self) {
        self.by_language.clear();
    }

    /// The values of one language, by story name.
    pub(crate) fn get(&self, lang: &str) -> Option<&HashMap<String, T>> {
        self.by_language.get(lang)
    }

    /// Every language's values, by story name.
    pub(crate) fn languages(&self) -> impl Iterator<Item = (&String, &HashMap<String, T>)> {
        self.by_language.iter()
    }

    /// The values of one language, to read and fill.
    pub(crate) fn language(&mut self, lang: &str) -> &mut HashMap<String, T> {
        self.by_language.entry(lang.to_string()).or_default()
    }
}
