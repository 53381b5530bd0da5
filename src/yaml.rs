//! YAML parsing for `site.yaml` and front matter, turning serde's terse errors into diagnostics
//! with the file, line and column and a plain-words message a non-programmer can act on.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::Path;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, StrDeserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, Visitor};

use crate::diagnostics::{Diagnostic, did_you_mean};

/// Parse `text` as `T`. `first_line` is the line of `file` where `text` starts (1 for a whole file,
/// 2 for front matter after the opening `---`), so reported lines match what the user sees.
pub(crate) fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str(text).map_err(|err| to_diagnostic(&err, text, file, first_line))
}

/// Parse `text`, a mapping, as `T`, but first take out the top-level fields named in `lift`
/// (a site's own taxonomies in a story's front matter) and return their values beside it.
/// The rest reaches `T` straight from the YAML parser, so its errors keep their positions.
pub(crate) fn parse_lifting<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
    lift: &[String],
) -> Result<(T, BTreeMap<String, serde_yaml::Value>), Diagnostic> {
    let mut lifted = BTreeMap::new();
    let seed = Lifting {
        lift,
        lifted: &mut lifted,
        target: PhantomData,
    };
    let value = seed
        .deserialize(serde_yaml::Deserializer::from_str(text))
        .map_err(|err| to_diagnostic(&err, text, file, first_line))?;
    Ok((value, lifted))
}

struct Lifting<'a, T> {
    lift: &'a [String],
    lifted: &'a mut BTreeMap<String, serde_yaml::Value>,
    target: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Lifting<'_, T> {
    type Value = T;
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Lifting<'_, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("fields like `title: ...`, one per line")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(Without {
            map,
            lift: self.lift,
            lifted: self.lifted,
        }))
    }
}

/// A mapping without the lifted fields, which it stores as it passes them.
struct Without<'a, A> {
    map: A,
    lift: &'a [String],
    lifted: &'a mut BTreeMap<String, serde_yaml::Value>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Without<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mut seed = seed;
        loop {
            let key = KeySeed {
                seed,
                lift: self.lift,
            };
            match self.map.next_key_seed(key)? {
                None => return Ok(None),
                Some(Key::Passed(value)) => return Ok(Some(value)),
                Some(Key::Lifted(name, unused)) => {
                    let value = self.map.next_value()?;
                    self.lifted.insert(name, value);
                    seed = unused;
                }
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

enum Key<'de, K: DeserializeSeed<'de>> {
    Passed(K::Value),
    /// A lifted field's name, and the seed it did not use.
    Lifted(String, K),
}

/// Reads a key inside the YAML parser, so an error about it (an unknown field) is placed at
/// it, and hands it to `seed` unless it is lifted.
struct KeySeed<'a, K> {
    seed: K,
    lift: &'a [String],
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, K> {
    type Value = Key<'de, K>;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for KeySeed<'_, K> {
    type Value = Key<'de, K>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        if self.lift.iter().any(|l| l == name) {
            return Ok(Key::Lifted(name.to_string(), self.seed));
        }
        self.seed
            .deserialize(StrDeserializer::<E>::new(name))
            .map(Key::Passed)
    }
}

fn to_diagnostic(
    err: &serde_yaml::Error,
    text: &str,
    file: &Path,
    first_line: usize,
) -> Diagnostic {
    let raw = err.to_string();
    let message = strip_position(&raw);
    let (path, message) = split_path(message);
    let mut diagnostic = explain(path, message).in_file(file);
    let mut place = err.location().map(|l| (l.line(), l.column()));
    // Errors raised while converting a value (an impossible date) point at the start of the
    // enclosing map; the line of the field itself is more useful.
    if let Some(key) = path.and_then(|p| p.split(['.', '[']).next())
        && let Some((line, column)) = position_of(text, key, None)
        && place.is_none_or(|(l, _)| l < line)
    {
        place = Some((line, column));
    }
    if path.is_none()
        && let Some(found) = quoted_value_position(text, message)
        && place.is_none_or(|(l, _)| l < found.0)
    {
        place = Some(found);
    }
    if let Some((line, column)) = place {
        diagnostic = diagnostic.at(line + first_line - 1, column);
    }
    diagnostic
}

/// Where the first `"quoted"` value of a message (such as `"2023-13-45" is not a real date`)
/// appears in the text, for messages that name the value but not its field.
fn quoted_value_position(text: &str, message: &str) -> Option<(usize, usize)> {
    let value = message.strip_prefix('"')?.split('"').next()?;
    if value.is_empty() {
        return None;
    }
    text.lines().enumerate().find_map(|(index, line)| {
        line.find(value)
            .map(|byte| (index + 1, line[..byte].chars().count() + 1))
    })
}

/// serde_yaml appends " at line L column C"; the diagnostic carries the place itself.
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// Messages come as `path.to.field: what went wrong` when the problem is inside a value.
fn split_path(message: &str) -> (Option<&str>, &str) {
    let looks_like_path = |p: &str| {
        !p.is_empty()
            && !p.contains(' ')
            && p.chars()
                .all(|c| c.is_alphanumeric() || "._[]-".contains(c))
    };
    match message.split_once(": ") {
        Some((path, rest)) if looks_like_path(path) => (Some(path), rest),
        _ => (None, message),
    }
}

fn explain(path: Option<&str>, message: &str) -> Diagnostic {
    let field = |name: &str| match path {
        Some(p) => format!("{p}.{name}"),
        None => name.to_string(),
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, expected) = backticked_and_rest(rest);
        let allowed = backticked_list(expected);
        let mut d = Diagnostic::error(format!("unknown field \"{}\"", field(name)));
        if name.contains(' ') {
            return d.with_hint(
                "a comma inside `{ ... }` starts a new field: put text that contains commas or colons in quotes, e.g. text: \"..., ...\"",
            );
        }
        d = match did_you_mean(name, allowed.iter().map(String::as_str)) {
            Some(best) => d.with_hint(format!("did you mean \"{best}\"?")),
            None if !allowed.is_empty() => d.with_hint(format!(
                "the fields allowed here are: {}",
                allowed.join(", ")
            )),
            None => d,
        };
        return d;
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = backticked_and_rest(rest);
        let allowed = backticked_list(expected);
        let what = path.map(|p| format!(" for \"{p}\"")).unwrap_or_default();
        let mut d = Diagnostic::error(format!("\"{value}\" is not a valid value{what}"));
        d = match did_you_mean(value, allowed.iter().map(String::as_str)) {
            Some(best) => d.with_hint(format!(
                "did you mean \"{best}\"? Allowed: {}",
                allowed.join(", ")
            )),
            None => d.with_hint(format!("allowed values: {}", allowed.join(", "))),
        };
        return d;
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let (name, _) = backticked_and_rest(rest);
        return Diagnostic::error(format!("the required field \"{}\" is missing", field(name)))
            .with_hint(format!("add a line `{name}: ...`"));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let subject = path
            .map(|p| format!("\"{p}\""))
            .unwrap_or_else(|| "this value".into());
        return Diagnostic::error(format!(
            "{subject} should be {}, but it is {}",
            plain_type(expected),
            plain_type(found)
        ))
        .with_hint(type_hint(expected));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let subject = path.map(|p| format!("\"{p}\": ")).unwrap_or_default();
        return Diagnostic::error(format!("{subject}invalid value {rest}"));
    }
    match path {
        Some(p) => {
            let d = Diagnostic::error(format!("\"{p}\": {message}"));
            if p.ends_with("date") || p.ends_with("start") || p.ends_with("end") {
                d.with_hint("write dates as year-month-day, e.g. 2023-12-06")
            } else {
                d
            }
        }
        None if message.contains(" date") => Diagnostic::error(message.to_string())
            .with_hint("write dates as year-month-day, e.g. 2023-12-06"),
        None => Diagnostic::error(message.to_string())
            .with_hint("check the YAML syntax: `key: value`, lists with `- `, and consistent indentation with spaces"),
    }
}

fn backticked_and_rest(s: &str) -> (&str, &str) {
    s.split_once('`').unwrap_or((s, ""))
}

fn backticked_list(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn plain_type(serde_words: &str) -> String {
    let w = serde_words.trim();
    if w.starts_with("string") {
        return format!("the text {}", w.trim_start_matches("string").trim());
    }
    let named = [
        ("u64", "a whole number"),
        ("u32", "a whole number"),
        ("usize", "a whole number (0 or more)"),
        ("i64", "a whole number"),
        ("i32", "a whole number"),
        ("f64", "a number"),
        (
            "a sequence",
            "a list (lines starting with `- ` or `[a, b]`)",
        ),
        ("sequence", "a list"),
        ("a map", "a group of `key: value` lines"),
        ("map", "a group of `key: value` lines"),
        ("struct", "a group of `key: value` lines"),
        ("unit value", "empty"),
        ("boolean", "true or false"),
        ("a boolean", "true or false"),
        ("a string", "text"),
    ];
    for (word, plain) in named {
        if w == word
            || w.starts_with(&format!("{word} "))
            || w.starts_with(&format!("struct {word}"))
        {
            return plain.to_string();
        }
    }
    if w.starts_with("struct ") || w.starts_with("a struct") {
        return "a group of `key: value` lines".to_string();
    }
    if let Some(n) = w.strip_prefix("integer ") {
        return format!("the number {n}");
    }
    if let Some(n) = w.strip_prefix("floating point ") {
        return format!("the number {n}");
    }
    w.to_string()
}

fn type_hint(expected: &str) -> String {
    let e = expected.trim();
    if e.contains("sequence") {
        "write a list, e.g. `topics: [youth, sport]`".into()
    } else if ["u64", "i64", "u32", "i32", "usize"]
        .iter()
        .any(|t| e.contains(t))
    {
        "write digits only, without spaces or units, e.g. `beneficiaries: 1200`".into()
    } else if e.contains("f64") {
        "write a number, e.g. `value: 40` or `value: 12.5`".into()
    } else if e.contains("map") || e.contains("struct") {
        "write `key: value` lines indented under this field, or `{ key: value }`".into()
    } else {
        "put the value in quotes if it is text".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        count: Option<u64>,
    }

    fn err(text: &str) -> Diagnostic {
        match parse::<Sample>(text, Path::new("x.md"), 2) {
            Err(d) => d,
            Ok(v) => panic!("expected an error, got {v:?}"),
        }
    }

    #[test]
    fn unknown_field_suggests_the_closest_name_with_shifted_line() {
        let d = err("title: a\ntitel: b\n");
        assert_eq!(d.message, "unknown field \"titel\"");
        assert_eq!(d.hint.as_deref(), Some("did you mean \"title\"?"));
        assert_eq!((d.line, d.column), (Some(3), Some(1)));
    }

    #[test]
    fn wrong_type_is_explained_in_plain_words() {
        let d = err("title: a\ncount: много\n");
        assert!(
            d.message.contains("\"count\" should be a whole number"),
            "{}",
            d.message
        );
        assert_eq!(d.line, Some(3));
    }

    #[test]
    fn missing_field_names_it() {
        let d = err("count: 3\n");
        assert_eq!(d.message, "the required field \"title\" is missing");
    }

    #[test]
    fn broken_yaml_has_a_position() {
        let d = err("title: [a\n");
        assert!(d.line.is_some());
    }
}

/// Where a top-level `key:` sits in a YAML text, and, with `needle`, where that text first occurs
/// inside the key's block (its value, or the indented lines under it). Lines and columns are
/// 1-based, columns in characters. Used to place errors found after parsing (an unknown taxonomy
/// term, a missing image) on the line the user wrote.
pub(crate) fn position_of(text: &str, key: &str, needle: Option<&str>) -> Option<(usize, usize)> {
    let mut lines = text.lines().enumerate();
    let (key_index, key_line) = lines.find(|(_, line)| is_top_level_key(line, key))?;
    let Some(needle) = needle else {
        return Some((key_index + 1, 1));
    };
    let block = std::iter::once((key_index, key_line)).chain(
        text.lines()
            .enumerate()
            .skip(key_index + 1)
            .take_while(|(_, line)| line.is_empty() || line.starts_with([' ', '\t', '-', '#'])),
    );
    for (index, line) in block {
        let search_from = if index == key_index { key.len() + 1 } else { 0 };
        if let Some(byte) = line.get(search_from..).and_then(|rest| rest.find(needle)) {
            let column = line[..search_from + byte].chars().count() + 1;
            return Some((index + 1, column));
        }
    }
    Some((key_index + 1, 1))
}

fn is_top_level_key(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

#[cfg(test)]
mod position_tests {
    use super::position_of;

    #[test]
    fn finds_a_value_inside_a_block_with_character_columns() {
        let text = "title: Қала\ntopics:\n  - жастар\n  - youth\ndistrict: x\n";
        assert_eq!(position_of(text, "topics", Some("youth")), Some((4, 5)));
        assert_eq!(position_of(text, "title", Some("Қала")), Some((1, 8)));
        assert_eq!(position_of(text, "district", None), Some((5, 1)));
        assert_eq!(position_of(text, "cover", None), None);
    }
}
