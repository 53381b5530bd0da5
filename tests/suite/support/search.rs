//! A language's sharded search index read back whole: the manifest, every word shard and every
//! document shard, joined into one document list with each document's words (any field).

use serde_json::Value;

use super::site::Fixture;

pub(crate) struct Index {
    pub manifest: Value,
    /// `{t, s, u, d, k, y, c}` per story, in story order.
    pub docs: Vec<Value>,
    /// Each document's indexed words with the field bits of its posting (2 title, 1 summary,
    /// 0 body only).
    pub words: Vec<Vec<(String, u64)>>,
    /// Every word shard: its key and its words.
    pub shards: Vec<(String, Vec<String>)>,
}

fn json(site: &Fixture, path: &str) -> Value {
    let text = site.read_output(path);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: invalid JSON: {e}\n{text}"))
}

impl Index {
    pub(crate) fn read(site: &Fixture, lang: &str) -> Index {
        let manifest = json(site, &format!("{lang}/search/manifest.json"));
        let count = manifest["count"].as_u64().expect("count") as usize;
        let per = manifest["per"].as_u64().expect("per") as usize;
        let mut docs = Vec::new();
        for n in 0..count.div_ceil(per) {
            let shard = json(site, &format!("{lang}/search/d/{n}.json"));
            docs.extend(
                shard
                    .as_array()
                    .expect("a document shard is a list")
                    .clone(),
            );
        }
        assert_eq!(
            docs.len(),
            count,
            "{lang}: the document shards hold every story"
        );
        let mut words = vec![Vec::new(); count];
        let mut shards = Vec::new();
        let keys = manifest["w"].as_array().expect("w lists the word shards");
        for (n, key) in keys.iter().enumerate() {
            let key = key.as_str().expect("a key").to_string();
            let shard = json(site, &format!("{lang}/search/w/{n}.json"));
            let list = shard["w"].as_array().expect("w");
            let hits = shard["h"].as_array().expect("h");
            assert_eq!(list.len(), hits.len(), "one posting list per word");
            let mut held = Vec::new();
            for (word, postings) in list.iter().zip(hits) {
                let word = word.as_str().expect("a word").to_string();
                let mut story = 0;
                for value in postings.as_array().expect("postings") {
                    let value = value.as_u64().expect("a number");
                    story += (value / 4) as usize;
                    words[story].push((word.clone(), value % 4));
                }
                held.push(word);
            }
            shards.push((key, held));
        }
        Index {
            manifest,
            docs,
            words,
            shards,
        }
    }

    /// The documents' titles, in story order.
    pub(crate) fn titles(&self) -> Vec<&str> {
        self.docs
            .iter()
            .map(|d| d["t"].as_str().expect("every doc has a title"))
            .collect()
    }
}
