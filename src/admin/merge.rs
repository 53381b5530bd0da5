//! Saving an edited file without rewriting what the editor did not change. Decap writes the
//! whole front matter anew (flow style made block style, long lines folded, empty fields as
//! `null` or `[]`, inherited facts copied into translations); a communicator who changed a
//! title should see one changed line in the history, not twenty. So each top-level key whose
//! value is unchanged keeps its old text, empty values are left out (egiz reads an absent
//! field as empty, and a translation then inherits it), and a translation does not get a copy
//! of a fact it used to inherit.

use serde_yaml::{Mapping, Value};

use crate::content::frontmatter;

/// One top-level key of a front matter with its text (the key's line, its continuation lines
/// and the comments above it).
struct Chunk {
    key: Option<String>,
    text: String,
}

/// The file to write for `new` (what Decap sent). `old` is the file on disk, if any; `base`
/// the default language's front matter when `new` is a translation, and `inherited` the keys
/// a translation takes from it.
pub(crate) fn merge(
    old: Option<&str>,
    new: &str,
    base: Option<&Mapping>,
    inherited: &[String],
) -> String {
    let Some((new_yaml, new_body)) = split(new) else {
        return new.to_string();
    };
    let old_parts = old.and_then(split);
    let old_chunks = old_parts.map(|(yaml, _)| chunks(yaml)).unwrap_or_default();
    let new_chunks = chunks(new_yaml);
    let value = |chunk: &Chunk| -> Option<Value> {
        let key = chunk.key.as_deref()?;
        let mapping: Mapping = serde_yaml::from_str(&chunk.text).ok()?;
        mapping.get(key).cloned()
    };
    let find =
        |chunks: &[Chunk], key: &str| chunks.iter().position(|c| c.key.as_deref() == Some(key));

    let mut out: Vec<String> = Vec::new();
    // The old order first: a key keeps its place.
    for chunk in &old_chunks {
        let Some(key) = chunk.key.as_deref() else {
            out.push(chunk.text.clone()); // comments before the first key
            continue;
        };
        match find(&new_chunks, key) {
            Some(at) => {
                let fresh = &new_chunks[at];
                let fresh_value = value(fresh).map(prune);
                if fresh_value.as_ref().is_none_or(is_empty) {
                    continue;
                }
                if value(chunk).map(prune) == fresh_value {
                    out.push(chunk.text.clone());
                } else {
                    out.push(fresh.text.clone());
                }
            }
            // The hidden slug is only in the default language's file as Decap sees it.
            None if key == "slug" => out.push(chunk.text.clone()),
            None => {}
        }
    }
    for chunk in &new_chunks {
        let Some(key) = chunk.key.as_deref() else {
            continue;
        };
        if find(&old_chunks, key).is_some() {
            continue;
        }
        let Some(fresh) = value(chunk).map(prune) else {
            continue;
        };
        if is_empty(&fresh) {
            continue;
        }
        let inherits = base.is_some_and(|base| {
            inherited.iter().any(|k| k == key)
                && base.get(key).cloned().map(prune).as_ref() == Some(&fresh)
        });
        if !inherits {
            out.push(rewrite(key, &fresh, &chunk.text));
        }
    }
    let body = match old_parts {
        Some((_, old_body)) if old_body.trim() == new_body.trim() => old_body,
        _ => new_body,
    };
    let mut text = String::from("---\n");
    for part in out {
        text.push_str(&part);
        if !part.ends_with('\n') {
            text.push('\n');
        }
    }
    text.push_str("---\n");
    text.push_str(body);
    text
}

/// A chunk whose value lost empty parts is written anew from the pruned value.
fn rewrite(key: &str, pruned: &Value, original: &str) -> String {
    let mut mapping = Mapping::new();
    mapping.insert(Value::String(key.to_string()), pruned.clone());
    let reparsed: Option<Mapping> = serde_yaml::from_str(original).ok();
    if reparsed.and_then(|m| m.get(key).cloned()).as_ref() == Some(pruned) {
        return original.to_string();
    }
    serde_yaml::to_string(&mapping).unwrap_or_else(|_| original.to_string())
}

/// The front matter text and the body after it.
fn split(text: &str) -> Option<(&str, &str)> {
    let split = frontmatter::split(text, std::path::Path::new("")).ok()?;
    Some((split.yaml, split.body))
}

/// The front matter cut at each top-level key.
fn chunks(yaml: &str) -> Vec<Chunk> {
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut pending_comments = String::new();
    for line in yaml.split_inclusive('\n') {
        let starts_key = line
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-')
            && line.contains(':');
        if starts_key {
            let key = line[..line.find(':').unwrap_or(0)]
                .trim()
                .trim_matches(['"', '\''])
                .to_string();
            chunks.push(Chunk {
                key: Some(key),
                text: std::mem::take(&mut pending_comments) + line,
            });
        } else if line.starts_with('#') {
            pending_comments.push_str(line);
        } else if let Some(last) = chunks.last_mut() {
            last.text.push_str(line);
        } else {
            pending_comments.push_str(line);
        }
    }
    if !pending_comments.is_empty() {
        chunks.push(Chunk {
            key: None,
            text: pending_comments,
        });
    }
    chunks
}

/// The value without empty strings, nulls, empty lists and maps (at any depth).
fn prune(value: Value) -> Value {
    match value {
        Value::Mapping(mapping) => Value::Mapping(
            mapping
                .into_iter()
                .map(|(k, v)| (k, prune(v)))
                .filter(|(_, v)| !is_empty(v))
                .collect(),
        ),
        Value::Sequence(items) => Value::Sequence(
            items
                .into_iter()
                .map(prune)
                .filter(|v| !is_empty(v))
                .collect(),
        ),
        other => other,
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Sequence(items) => items.is_empty(),
        Value::Mapping(mapping) => mapping.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "---\ntitle: Старое\ndate: 2023-12-06\n# a note\ntopics: [youth, sport]\ncover: { src: cover.jpg, alt: \"Фото\" }\n---\n\nТекст.\n";

    #[test]
    fn unchanged_keys_keep_their_text_and_place() {
        let decap = "---\ntopics:\n  - youth\n  - sport\ntitle: Новое\ndate: '2023-12-06'\ncover:\n  src: cover.jpg\n  alt: Фото\nbeneficiaries: null\nresults: []\n---\nТекст.\n";
        assert_eq!(
            merge(Some(OLD), decap, None, &[]),
            "---\ntitle: Новое\ndate: 2023-12-06\n# a note\ntopics: [youth, sport]\ncover: { src: cover.jpg, alt: \"Фото\" }\n---\n\nТекст.\n"
        );
    }

    #[test]
    fn a_translation_gets_no_copy_of_what_it_inherits() {
        let base: Mapping =
            serde_yaml::from_str("title: Жоба\ndate: 2023-12-06\nstatus: active\n").expect("yaml");
        let decap = "---\ntitle: Проект\ndate: 2023-12-06\nstatus: completed\n---\nТекст\n";
        let inherited = vec!["date".to_string(), "status".to_string()];
        assert_eq!(
            merge(
                Some("---\ntitle: Проект\n---\nТекст\n"),
                decap,
                Some(&base),
                &inherited
            ),
            "---\ntitle: Проект\nstatus: completed\n---\nТекст\n"
        );
    }

    #[test]
    fn a_new_file_loses_its_empty_fields() {
        let decap = "---\ntitle: Жаңа\ncover:\n  src: ''\n  alt: ''\nresults:\n  - value: '40'\n    unit: ''\n    label: өсті\n---\n";
        assert_eq!(
            merge(None, decap, None, &[]),
            "---\ntitle: Жаңа\nresults:\n- value: '40'\n  label: өсті\n---\n"
        );
    }
}
