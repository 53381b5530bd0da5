//! What the dev server keeps from one build to the next so that a rebuild redoes only the
//! changed stories' share of the site-wide work: each story's card (the template value lists
//! show) and its search words. A one-off build starts empty and fills it once.

use std::collections::HashMap;

use tera::Value;

use super::search::WordCache;

/// Values made from single stories, per language and story name.
#[derive(Default)]
pub struct Reuse {
    pub words: WordCache,
    pub cards: CardCache,
}

impl Reuse {
    /// Make the story `name`'s values again, in every language, on the next build.
    pub fn forget(&mut self, name: &str) {
        self.words.forget(name);
        self.cards.forget(name);
    }

    /// Make everything again (site.yaml or the theme changed what every value is).
    pub fn clear(&mut self) {
        self.words.clear();
        self.cards.clear();
    }
}

/// Story cards as template values: language → story name → card.
#[derive(Default)]
pub struct CardCache {
    cards: HashMap<String, HashMap<String, Value>>,
}

impl CardCache {
    pub fn forget(&mut self, name: &str) {
        for stories in self.cards.values_mut() {
            stories.remove(name);
        }
    }

    pub fn clear(&mut self) {
        self.cards.clear();
    }

    /// The cards of one language, to read and fill.
    pub fn language(&mut self, lang: &str) -> &mut HashMap<String, Value> {
        self.cards.entry(lang.to_string()).or_default()
    }
}
