//! The files of one language's search index, cut so that a query fetches only what it needs.
//!
//! `/{lang}/search/manifest.json` is small and read first: the term labels, the number of
//! stories, how many stories a document shard holds, and the *key* of every word shard. A key
//! is a folded prefix; the words starting with it are in `w/N.json` (N its place in the list).
//! A prefix whose words would make a large shard is cut into longer prefixes, so common
//! beginnings (бал-, жоб-) get shards of their own and rare ones share. A query word needs the
//! shards whose key starts with it or that it starts with: for «балалар», the shard `бала` (or
//! `бал`, if that one was not cut); for «ба», every shard under `ба`.
//!
//! A word shard lists its words (sorted) and for each the stories that use it, in story order,
//! each as `gap * 4 + fields`: the gap from the story before, and which of title (2) and
//! summary (1) hold the word; 0 is the body only. The script ranks on that alone; it then
//! fetches `d/N.json`, the documents (title, summary, address, terms) of the `PER_SHARD`
//! stories from `N * PER_SHARD` on, only for the results it shows. Stories are numbered newest
//! first, so the first results of a query mostly share a shard or two.
//!
//! `facets.json` holds, for each filter group and value, the stories that have it (gap-coded
//! like a list's filter-index.json): the search page's filters count and filter all results
//! with it, not only those shown.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

/// Stories per document shard. Results ranked by title matches scatter over the stories, so
/// twenty results often need twenty shards: small ones keep that under 20 KB compressed on the
/// 10,000-story benchmark site (32 a shard read 50 KB).
pub(crate) const PER_SHARD: usize = 8;

/// Past this many bytes of JSON, a word shard is cut by a longer prefix (when its words have
/// one). About 8 KB compressed: a query of one word reads one or two of them.
const SHARD_BYTES: usize = 24_000;

/// A prefix longer than this is not cut further: its words share a shard however large.
const MAX_KEY: usize = 6;

/// Where a story's word is: bits of the posting's low two bits.
pub(crate) const IN_TITLE: u8 = 2;
pub(crate) const IN_SUMMARY: u8 = 1;

/// One folded word and its postings (`gap * 4 + fields`), as written.
pub(crate) struct Posting {
    pub word: String,
    pub stories: Vec<usize>,
}

/// Each story's postings in story order, for one word: `(story, fields)`, a story at most once.
pub(crate) fn encode(stories: &[(usize, u8)]) -> Vec<usize> {
    let mut previous = 0;
    stories
        .iter()
        .map(|&(story, fields)| {
            let gap = story - previous;
            previous = story;
            gap * 4 + usize::from(fields & 3)
        })
        .collect()
}

/// A word shard as written: `{"w": [...], "h": [[...], ...]}`.
#[derive(Serialize)]
struct WordShard<'a> {
    w: Vec<&'a str>,
    h: Vec<&'a [usize]>,
}

/// The key of each word shard and the postings it holds, from all postings sorted by word.
pub(crate) fn cut(postings: &[Posting]) -> Vec<(String, &[Posting])> {
    let mut shards = Vec::new();
    cut_under(postings, 0, &mut shards);
    shards
}

/// Cut `postings` (all words starting with the same `depth` letters) into shards: one if they
/// are small enough or cannot be told apart by a longer prefix, else one group per next letter.
fn cut_under<'p>(postings: &'p [Posting], depth: usize, shards: &mut Vec<(String, &'p [Posting])>) {
    let Some(first) = postings.first() else {
        return;
    };
    if depth > 0 && (depth >= MAX_KEY || bytes(postings) <= SHARD_BYTES) {
        shards.push((prefix(&first.word, depth).to_string(), postings));
        return;
    }
    let mut start = 0;
    while start < postings.len() {
        let key = prefix(&postings[start].word, depth + 1);
        let short = key.chars().count() <= depth;
        let end = start
            + postings[start..]
                .iter()
                .take_while(|p| prefix(&p.word, depth + 1) == key)
                .count();
        if short {
            // Words no longer than the prefix itself: a shard of their own, keyed by the word.
            shards.push((key.to_string(), &postings[start..end]));
        } else {
            cut_under(&postings[start..end], depth + 1, shards);
        }
        start = end;
    }
}

/// The first `chars` characters of `word` (all of it when shorter).
fn prefix(word: &str, chars: usize) -> &str {
    word.char_indices()
        .nth(chars)
        .map_or(word, |(at, _)| &word[..at])
}

/// About how many bytes `postings` take as JSON.
fn bytes(postings: &[Posting]) -> usize {
    postings
        .iter()
        .map(|p| p.word.len() + 4 + p.stories.iter().map(|n| digits(*n) + 1).sum::<usize>() + 2)
        .sum()
}

fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// A word shard's JSON text.
pub(crate) fn word_shard(postings: &[Posting]) -> String {
    let shard = WordShard {
        w: postings.iter().map(|p| p.word.as_str()).collect(),
        h: postings.iter().map(|p| p.stories.as_slice()).collect(),
    };
    // Plain strings and numbers always serialise.
    serde_json::to_string(&shard).unwrap_or_default()
}

/// A short fingerprint of all the files of an index, added to their addresses by the script
/// (`?v=`), so that a browser never mixes shards of two builds.
pub(crate) fn version<'t>(texts: impl Iterator<Item = &'t str>) -> String {
    // FNV-1a: stable across builds and platforms, which `DefaultHasher` does not promise.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for text in texts {
        for byte in text.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut out = String::new();
    let _ = write!(out, "{hash:016x}");
    out.truncate(10);
    out
}

/// Filter group → value → the stories that have it, gap-coded.
pub(crate) type Facets = BTreeMap<String, BTreeMap<String, Vec<usize>>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(word: &str, stories: usize) -> Posting {
        Posting {
            word: word.to_string(),
            stories: vec![1; stories],
        }
    }

    #[test]
    fn postings_carry_gaps_and_fields() {
        assert_eq!(
            encode(&[
                (0, IN_TITLE),
                (3, 0),
                (4, IN_TITLE | IN_SUMMARY),
                (9, IN_SUMMARY)
            ]),
            [2, 12, 7, 21]
        );
    }

    #[test]
    fn small_groups_share_a_shard_and_large_ones_are_cut_by_longer_prefixes() {
        let postings = [
            posting("а", 10),
            posting("ауыл", 10),
            posting("ба", 10),
            posting("бала", 9_000),
            posting("балалар", 9_000),
            posting("бар", 10),
            posting("жоба", 10),
        ];
        let keys: Vec<(String, Vec<&str>)> = cut(&postings)
            .into_iter()
            .map(|(key, p)| (key, p.iter().map(|p| p.word.as_str()).collect()))
            .collect();
        let keys: Vec<(&str, Vec<&str>)> =
            keys.iter().map(|(k, w)| (k.as_str(), w.clone())).collect();
        assert_eq!(
            keys,
            [
                ("а", vec!["а", "ауыл"]),
                ("ба", vec!["ба"]),
                ("бала", vec!["бала"]),
                ("балал", vec!["балалар"]),
                ("бар", vec!["бар"]),
                ("ж", vec!["жоба"]),
            ]
        );
    }

    #[test]
    fn every_word_is_in_exactly_one_shard_whose_key_it_starts_with() {
        let words: Vec<String> = (0..3000)
            .map(|n| format!("с{}{}", ["а", "о", "у"][n % 3], n))
            .collect();
        let mut sorted = words.clone();
        sorted.sort();
        let postings: Vec<Posting> = sorted
            .iter()
            .map(|w| Posting {
                word: w.clone(),
                stories: vec![5; 40],
            })
            .collect();
        let shards = cut(&postings);
        assert!(shards.len() > 3, "{} shards", shards.len());
        let mut seen = 0;
        for (key, held) in &shards {
            assert!(
                bytes(held) <= SHARD_BYTES || key.chars().count() >= MAX_KEY || held.len() == 1
            );
            for p in *held {
                assert!(p.word.starts_with(key.as_str()), "{} under {key}", p.word);
            }
            seen += held.len();
        }
        assert_eq!(seen, words.len());
    }

    #[test]
    fn the_version_changes_with_any_file() {
        let a = version(["x", "y"].into_iter());
        assert_eq!(a, version(["x", "y"].into_iter()));
        assert_ne!(a, version(["x", "z"].into_iter()));
        assert_ne!(a, version(["xy"].into_iter()));
        assert_eq!(a.len(), 10);
    }
}
