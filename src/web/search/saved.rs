//! The search words of every story, saved between builds (`egiz build` keeps them in its
//! cache folder): reading a story's words is most of the search index's work, and a story that
//! did not change has the same words. A small binary file of their own, because the words of
//! 20,000 pages as JSON would take longer to read than to find again.
//!
//! The layout, all numbers little-endian u32 (u64 for fingerprints): the vocabulary (a count,
//! then each word as a length and its UTF-8 bytes), then the stories (a count, then for each:
//! language, name, the fingerprint it was read with, the count of its words and their numbers).

use std::collections::HashMap;
use std::path::Path;

use super::WordCache;

/// Writes the words of the stories `fingerprint` knows (with the fingerprint their words were
/// read from) to `path`, through a file beside it renamed into place.
pub(crate) fn save(
    cache: &WordCache,
    fingerprint: &dyn Fn(&str) -> Option<u64>,
    path: &Path,
) -> std::io::Result<()> {
    let mut stories: Vec<(&str, &str, u64, &Vec<u32>)> = cache
        .stories
        .languages()
        .flat_map(|(lang, stories)| {
            stories.iter().filter_map(move |(name, words)| {
                Some((lang.as_str(), name.as_str(), fingerprint(name)?, words))
            })
        })
        .collect();
    // The same cache makes the same file, whatever order the maps hand their entries out in.
    stories.sort_unstable_by_key(|(lang, name, _, _)| (*lang, *name));
    // Only the words the saved stories use, numbered again, so the file does not grow with
    // words of texts long changed.
    let mut renumbered: HashMap<u32, u32> = HashMap::new();
    let mut vocabulary: Vec<&str> = Vec::new();
    for (_, _, _, words) in &stories {
        for n in words.iter() {
            renumbered.entry(*n).or_insert_with(|| {
                vocabulary.push(&cache.vocabulary[*n as usize]);
                u32::try_from(vocabulary.len() - 1).unwrap_or(u32::MAX)
            });
        }
    }
    let mut bytes = Vec::new();
    put_u32(&mut bytes, vocabulary.len());
    for word in vocabulary {
        put_str(&mut bytes, word);
    }
    put_u32(&mut bytes, stories.len());
    for (lang, name, fp, words) in stories {
        put_str(&mut bytes, lang);
        put_str(&mut bytes, name);
        bytes.extend_from_slice(&fp.to_le_bytes());
        put_u32(&mut bytes, words.len());
        for n in words {
            bytes.extend_from_slice(&renumbered[n].to_le_bytes());
        }
    }
    let temporary = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::rename(&temporary, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&temporary);
        })
}

/// The words saved at `path` of the stories whose fingerprints are still those they were read
/// with; an empty cache when the file is missing or damaged.
pub(crate) fn load(path: &Path, fingerprint: &dyn Fn(&str) -> Option<u64>) -> WordCache {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| read(&bytes, fingerprint))
        .unwrap_or_default()
}

fn read(bytes: &[u8], fingerprint: &dyn Fn(&str) -> Option<u64>) -> Option<WordCache> {
    let mut input = Reader { bytes, at: 0 };
    let mut cache = WordCache::default();
    let count = input.u32()?;
    for n in 0..count {
        let word = input.str()?.to_string();
        cache.numbers.insert(word.clone(), u32::try_from(n).ok()?);
        cache.vocabulary.push(word);
    }
    let stories = input.u32()?;
    let mut by_language: HashMap<String, Vec<(String, Vec<u32>)>> = HashMap::new();
    for _ in 0..stories {
        let lang = input.str()?.to_string();
        let name = input.str()?.to_string();
        let fp = input.u64()?;
        let len = input.u32()?;
        let mut words = Vec::with_capacity(len.min(bytes.len() / 4));
        for _ in 0..len {
            let n = u32::try_from(input.u32()?).ok()?;
            if n as usize >= cache.vocabulary.len() {
                return None;
            }
            words.push(n);
        }
        if fingerprint(&name) == Some(fp) {
            by_language.entry(lang).or_default().push((name, words));
        }
    }
    for (lang, stories) in by_language {
        cache.stories.language(&lang).extend(stories);
    }
    Some(cache)
}

fn put_u32(bytes: &mut Vec<u8>, n: usize) {
    bytes.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

fn put_str(bytes: &mut Vec<u8>, text: &str) {
    put_u32(bytes, text.len());
    bytes.extend_from_slice(text.as_bytes());
}

/// Reads the saved layout back; `None` at the first thing out of place.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(len)?;
        let taken = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(taken)
    }

    fn u32(&mut self) -> Option<usize> {
        let raw: [u8; 4] = self.take(4)?.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(raw)).ok()
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn str(&mut self) -> Option<&'a str> {
        let len = self.u32()?;
        std::str::from_utf8(self.take(len)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_words_come_back_for_unchanged_stories_only() {
        let mut cache = WordCache::default();
        for (lang, name, words) in [
            ("kk", "a", ["бала", "жоба"]),
            ("ru", "a", ["дети", "проект"]),
            ("kk", "b", ["су", "жоба"]),
        ] {
            let numbers = words.iter().map(|w| cache.number(w.to_string())).collect();
            cache
                .stories
                .language(lang)
                .insert(name.to_string(), numbers);
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("words.bin");
        save(&cache, &|name| Some(if name == "a" { 1 } else { 2 }), &path).expect("save");
        // b changed since: its words are read again.
        let loaded = load(&path, &|name| Some(if name == "a" { 1 } else { 3 }));
        let words = |lang: &str, name: &str| -> Option<Vec<&str>> {
            let numbers = loaded.stories.get(lang)?.get(name)?;
            Some(
                numbers
                    .iter()
                    .map(|n| loaded.vocabulary[*n as usize].as_str())
                    .collect(),
            )
        };
        assert_eq!(words("kk", "a"), Some(vec!["бала", "жоба"]));
        assert_eq!(words("ru", "a"), Some(vec!["дети", "проект"]));
        assert_eq!(words("kk", "b"), None);
        // Words are numbered again in the order the sorted stories use them.
        assert_eq!(loaded.numbers.get("жоба"), Some(&1));
        assert_eq!(loaded.vocabulary[1], "жоба");
        // Words only b used are not kept once b changed.
        save(&loaded, &|_| Some(1), &path).expect("save again");
        assert!(!load(&path, &|_| Some(1)).numbers.contains_key("су"));
        // A damaged file is an empty cache, not an error.
        std::fs::write(&path, [1, 0, 0, 0, 9]).expect("write");
        assert!(load(&path, &|_| Some(1)).vocabulary.is_empty());
    }
}
