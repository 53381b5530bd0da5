//! The UI strings of a theme: `i18n/LANG.yaml` files merged in theme order, looked up by key
//! with plural forms, `{count}` filled in, and fallback to the site's default language.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_yaml::Value;

use super::Lang;
use super::numbers::format_decimal;
use super::plural::{PluralCategory, plural_categories, plural_category};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};

/// One UI string: a text, or its forms per plural category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Text(String),
    Plural(BTreeMap<PluralCategory, String>),
}

impl Entry {
    /// The text for `category`: that form, else `other`, else any form. A plain text serves
    /// every category.
    pub fn form(&self, category: Option<PluralCategory>) -> &str {
        match self {
            Entry::Text(text) => text,
            Entry::Plural(forms) => category
                .and_then(|category| forms.get(&category))
                .or_else(|| forms.get(&PluralCategory::Other))
                .or_else(|| forms.values().next())
                .map_or("", String::as_str),
        }
    }
}

/// UI strings of every language, with the default language as fallback.
#[derive(Clone, Debug)]
pub struct StringTable {
    default_lang: String,
    languages: HashMap<String, HashMap<String, Entry>>,
}

impl StringTable {
    pub fn new(default_lang: &str) -> Self {
        StringTable {
            default_lang: default_lang.to_string(),
            languages: HashMap::new(),
        }
    }

    pub fn default_lang(&self) -> &str {
        &self.default_lang
    }

    /// Sets one string, replacing what was there.
    pub fn insert(&mut self, lang: &str, key: &str, entry: Entry) {
        self.table_mut(lang).insert(key.to_string(), entry);
    }

    /// Merge one `i18n/LANG.yaml` (a flat map key → string | {one: .., few: .., many: .., other: ..}).
    /// Later merges override earlier ones key by key (so: default theme first, then the theme it
    /// extends, then the site's theme). A key with problems is skipped; the problems come back
    /// as diagnostics in `file`. Plural forms the language never uses, or lacks, are warnings.
    pub fn merge_yaml(&mut self, lang: &str, yaml: &str, file: &Path) -> Diagnostics {
        let mut reader = Reader {
            lang,
            yaml,
            diagnostics: Diagnostics::new(),
        };
        let entries = reader.entries();
        self.table_mut(lang).extend(entries);
        reader
            .diagnostics
            .into_iter()
            .map(|diagnostic| diagnostic.in_file(file))
            .collect()
    }

    /// The string for `key` in `lang`; with `count`, the plural form for it with `{count}`
    /// replaced by the number written in that language. A key missing in `lang` comes from the
    /// default language (see [`StringTable::missing`]); missing everywhere → the key itself.
    /// A plural form missing for the category falls back to `other`, then to any form.
    pub fn get(&self, lang: &str, key: &str, count: Option<f64>) -> String {
        let Some((entry_lang, entry)) = self.lookup(lang, key) else {
            return key.to_string();
        };
        // The forms are in the language the entry was found in, so its rules pick the form.
        let category = count.map(|n| plural_category(entry_lang, n));
        let text = entry.form(category);
        match count {
            Some(n) => text.replace("{count}", &format_decimal(n, entry_lang)),
            None => text.to_string(),
        }
    }

    /// Every string for templates' `t.key`: plain texts (plurals as their `other` form), keys
    /// missing in `lang` taken from the default language.
    pub fn map_for(&self, lang: &str) -> BTreeMap<String, String> {
        [
            self.languages.get(&self.default_lang),
            self.languages.get(lang),
        ]
        .into_iter()
        .flatten()
        .flat_map(|table| table.iter())
        .map(|(key, entry)| (key.clone(), entry.form(None).to_string()))
        .collect()
    }

    /// Keys present in the default language but missing in `lang`, sorted — the build turns
    /// them into warnings.
    pub fn missing(&self, lang: &str) -> Vec<String> {
        if lang == self.default_lang {
            return Vec::new();
        }
        let Some(defaults) = self.languages.get(&self.default_lang) else {
            return Vec::new();
        };
        let own = self.languages.get(lang);
        let mut keys: Vec<String> = defaults
            .keys()
            .filter(|key| !own.is_some_and(|table| table.contains_key(*key)))
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn table_mut(&mut self, lang: &str) -> &mut HashMap<String, Entry> {
        self.languages.entry(lang.to_string()).or_default()
    }

    /// The entry and the language it was found in.
    fn lookup<'a>(&'a self, lang: &'a str, key: &str) -> Option<(&'a str, &'a Entry)> {
        [lang, self.default_lang.as_str()]
            .into_iter()
            .find_map(|lang| Some((lang, self.languages.get(lang)?.get(key)?)))
    }
}

/// Reads one i18n file into entries, collecting problems with their lines.
struct Reader<'a> {
    lang: &'a str,
    yaml: &'a str,
    diagnostics: Diagnostics,
}

const SHAPE_HINT: &str = "an i18n file maps each key to a text (`read_more: Read more`) or to \
                          plural forms (`one:`, `few:`, `many:`, `other:` on indented lines)";

impl Reader<'_> {
    fn entries(&mut self) -> Vec<(String, Entry)> {
        let mapping = match serde_yaml::from_str::<Value>(self.yaml) {
            Ok(Value::Mapping(mapping)) => mapping,
            Ok(Value::Null) => return Vec::new(),
            Ok(other) => {
                let message = format!("the file holds {} instead of keys with texts", kind(&other));
                self.push(Diagnostic::error(message).at(1, 1).with_hint(SHAPE_HINT));
                return Vec::new();
            }
            Err(error) => {
                self.push_yaml_error(&error);
                return Vec::new();
            }
        };
        mapping
            .into_iter()
            .filter_map(|(key, value)| {
                let Some(key) = scalar_text(&key) else {
                    let message = format!("a key must be a plain word, not {}", kind(&key));
                    self.push(Diagnostic::error(message).with_hint(SHAPE_HINT));
                    return None;
                };
                let entry = self.entry(&key, value)?;
                Some((key, entry))
            })
            .collect()
    }

    fn entry(&mut self, key: &str, value: Value) -> Option<Entry> {
        let place = key_position(self.yaml, key);
        if let Some(text) = scalar_text(&value) {
            return Some(Entry::Text(text));
        }
        let diagnostic = match value {
            Value::Mapping(mapping) => return self.plural_entry(key, mapping, place),
            Value::Null => Diagnostic::error(format!("\"{key}\" has no text"))
                .with_hint("write the text after the colon, or delete the line"),
            _ => Diagnostic::error(format!("\"{key}\" has {} instead of a text", kind(&value)))
                .with_hint(SHAPE_HINT),
        };
        self.push_at(place, diagnostic);
        None
    }

    fn plural_entry(
        &mut self,
        key: &str,
        mapping: serde_yaml::Mapping,
        place: Option<(usize, usize)>,
    ) -> Option<Entry> {
        let named: Vec<(String, Option<PluralCategory>, Value)> = mapping
            .into_iter()
            .map(|(name, text)| {
                let name = scalar_text(&name).unwrap_or_default();
                let category = PluralCategory::from_name(&name.trim().to_lowercase());
                (name, category, text)
            })
            .collect();
        // Not one plural form: a nested group of keys, which i18n files do not have.
        if named.iter().all(|(_, category, _)| category.is_none()) {
            let names: Vec<&str> = named.iter().map(|(name, _, _)| name.as_str()).collect();
            let message = match names.as_slice() {
                [] => format!("\"{key}\" has no plural forms"),
                _ => format!(
                    "\"{key}\" holds keys ({}) that are not plural forms",
                    names.join(", ")
                ),
            };
            self.push_at(place, Diagnostic::error(message).with_hint(SHAPE_HINT));
            return None;
        }
        let mut forms = BTreeMap::new();
        let mut broken = false;
        for (name, category, text) in named {
            let form_place = place
                .and_then(|(line, _)| sub_key_position(self.yaml, line, &name))
                .or(place);
            let Some(category) = category else {
                self.push_at(form_place, unknown_category(key, &name));
                broken = true;
                continue;
            };
            let Some(text) = scalar_text(&text) else {
                let message = format!(
                    "the \"{}\" form of \"{key}\" has {} instead of a text",
                    category.name(),
                    kind(&text)
                );
                self.push_at(form_place, Diagnostic::error(message));
                broken = true;
                continue;
            };
            forms.insert(category, text);
        }
        // A broken form already has its error; "lacks a form" on top would only repeat it.
        if !broken {
            self.check_forms(key, &forms, place);
        }
        Some(Entry::Plural(forms))
    }

    /// Warns about forms the language never uses and forms it needs but lacks, for the
    /// languages whose rules are known (others would only get guesses).
    fn check_forms(
        &mut self,
        key: &str,
        forms: &BTreeMap<PluralCategory, String>,
        place: Option<(usize, usize)>,
    ) {
        if Lang::known(self.lang).is_none() {
            return;
        }
        let used = plural_categories(self.lang);
        let names = used.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ");
        let unused = forms.keys().filter(|c| !used.contains(c));
        let lacking = used.iter().filter(|c| !forms.contains_key(c));
        let mut warnings = Vec::new();
        for category in unused {
            warnings.push(Diagnostic::warning(format!(
                "the \"{}\" form of \"{key}\" is never used: {} numbers take the forms {names}",
                category.name(),
                self.lang
            )));
        }
        for category in lacking {
            let instead = if forms.contains_key(&PluralCategory::Other) {
                "the \"other\" form is used instead"
            } else {
                "another form is used instead"
            };
            warnings.push(
                Diagnostic::warning(format!(
                    "\"{key}\" has no \"{}\" form; {instead}",
                    category.name()
                ))
                .with_hint(format!("{} numbers take the forms {names}", self.lang)),
            );
        }
        for warning in warnings {
            self.push_at(place, warning);
        }
    }

    fn push_yaml_error(&mut self, error: &serde_yaml::Error) {
        let message = format!(
            "this is not valid YAML: {}",
            without_positions(&error.to_string())
        );
        let place = error
            .location()
            .map(|location| (location.line(), location.column()));
        let hint = if message.contains("duplicate entry") {
            "each key may appear only once in a file: delete or rename one of them"
        } else {
            "a text that contains `: ` or starts with a quote, `[`, `{`, `*`, `&`, `!`, `%`, `@` \
             or `#` must be put in double quotes: `key: \"text\"`"
        };
        self.push_at(place, Diagnostic::error(message).with_hint(hint));
    }

    fn push_at(&mut self, place: Option<(usize, usize)>, diagnostic: Diagnostic) {
        self.push(match place {
            Some((line, column)) => diagnostic.at(line, column),
            None => diagnostic,
        });
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }
}

fn unknown_category(key: &str, name: &str) -> Diagnostic {
    let message = format!("\"{name}\" in \"{key}\" is not a plural form");
    let hint = match guess_category(&name.trim().to_lowercase()) {
        Some(guess) => format!("did you mean \"{guess}\"? {SHAPE_HINT}"),
        None => SHAPE_HINT.to_string(),
    };
    Diagnostic::error(message).with_hint(hint)
}

/// The category `name` was probably meant to be. Swapped letters ("fwe") count first: edit
/// distance alone rates "fwe" as close to "one" as to "few".
fn guess_category(name: &str) -> Option<&'static str> {
    let sorted = |s: &str| {
        let mut chars: Vec<char> = s.chars().collect();
        chars.sort_unstable();
        chars
    };
    let names = PluralCategory::ALL.map(PluralCategory::name);
    names
        .into_iter()
        .find(|candidate| sorted(candidate) == sorted(name))
        .or_else(|| did_you_mean(name, names))
}

/// A scalar as the text it was written as; numbers and booleans count (`year: 2024`).
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        _ => None,
    }
}

/// What a non-text value is, in words for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "no value",
        Value::Bool(_) | Value::Number(_) | Value::String(_) => "a text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a map",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Line and column (1-based) of a top-level `key:`. The parsed YAML has no positions, so the
/// source is scanned; quoted keys are found too.
fn key_position(yaml: &str, key: &str) -> Option<(usize, usize)> {
    yaml.lines()
        .position(|line| starts_with_key(line, key))
        .map(|index| (index + 1, 1))
}

/// Line and column of `name:` in the indented block below the key on `parent_line`.
fn sub_key_position(yaml: &str, parent_line: usize, name: &str) -> Option<(usize, usize)> {
    yaml.lines()
        .enumerate()
        .skip(parent_line)
        .take_while(|(_, line)| {
            let trimmed = line.trim_start();
            trimmed.is_empty() || trimmed.starts_with('#') || trimmed.len() < line.len()
        })
        .find_map(|(index, line)| {
            let trimmed = line.trim_start();
            let indent = line.chars().count() - trimmed.chars().count();
            starts_with_key(trimmed, name).then_some((index + 1, indent + 1))
        })
}

fn starts_with_key(line: &str, key: &str) -> bool {
    [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
        .iter()
        .any(|written| {
            line.strip_prefix(written.as_str())
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
}

/// The YAML error message without its " at line L column C" parts: the diagnostic carries the
/// place itself.
fn without_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some((before, after)) = rest.split_once(" at ") {
        out.push_str(before);
        match position_len(after) {
            Some(len) => rest = after.get(len..).unwrap_or(""),
            None => {
                out.push_str(" at ");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Length of a leading "line L column C" or "position P", if `text` starts with one.
fn position_len(text: &str) -> Option<usize> {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    if let Some(rest) = text.strip_prefix("position ") {
        let n = digits(rest);
        return (n > 0).then_some("position ".len() + n);
    }
    let rest = text.strip_prefix("line ")?;
    let line_digits = digits(rest);
    let rest = rest.get(line_digits..)?.strip_prefix(" column ")?;
    let column_digits = digits(rest);
    (line_digits > 0 && column_digits > 0)
        .then_some("line ".len() + line_digits + " column ".len() + column_digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Severity;

    const RU: &str = "read_more: Подробнее\n\
                      people:\n  one: \"{count} человек\"\n  few: \"{count} человека\"\n  \
                      many: \"{count} человек\"\n  other: \"{count} человека\"\n";
    const KK: &str = "read_more: Толығырақ\nhome: Басты бет\npeople:\n  one: \"{count} адам\"\n  \
                      other: \"{count} адам\"\n";

    fn table() -> StringTable {
        let mut table = StringTable::new("kk");
        let kk = table.merge_yaml("kk", KK, Path::new("i18n/kk.yaml"));
        let ru = table.merge_yaml("ru", RU, Path::new("i18n/ru.yaml"));
        assert!(kk.is_empty() && ru.is_empty(), "{kk:?} {ru:?}");
        table
    }

    fn only(diagnostics: Diagnostics) -> Diagnostic {
        let all: Vec<Diagnostic> = diagnostics.into_iter().collect();
        match all.as_slice() {
            [one] => one.clone(),
            _ => panic!("expected one diagnostic, got {all:?}"),
        }
    }

    #[test]
    fn russian_plural_forms_follow_the_count() {
        let table = table();
        assert_eq!(table.get("ru", "people", Some(1.0)), "1 человек");
        assert_eq!(table.get("ru", "people", Some(2.0)), "2 человека");
        assert_eq!(table.get("ru", "people", Some(5.0)), "5 человек");
        assert_eq!(table.get("ru", "people", Some(21.0)), "21 человек");
        assert_eq!(table.get("ru", "people", Some(1.5)), "1,5 человека");
    }

    #[test]
    fn count_is_written_in_the_language_of_the_string() {
        let table = table();
        assert_eq!(
            table.get("ru", "people", Some(1200.0)),
            "1\u{a0}200 человек"
        );
        assert_eq!(table.get("kk", "people", Some(1200.0)), "1\u{a0}200 адам");
    }

    #[test]
    fn missing_key_falls_back_to_default_language_and_is_reported() {
        let table = table();
        assert_eq!(table.get("ru", "home", None), "Басты бет");
        assert_eq!(table.missing("ru"), vec!["home".to_string()]);
        assert!(table.missing("kk").is_empty());
        assert_eq!(table.missing("en"), vec!["home", "people", "read_more"]);
    }

    #[test]
    fn key_missing_everywhere_is_returned_as_is() {
        assert_eq!(table().get("ru", "no_such_key", None), "no_such_key");
    }

    #[test]
    fn plural_form_missing_for_the_category_falls_back_to_other_then_any() {
        let mut table = StringTable::new("ru");
        let only_other = BTreeMap::from([(PluralCategory::Other, "{count} шт.".to_string())]);
        table.insert("ru", "items", Entry::Plural(only_other));
        let only_one = BTreeMap::from([(PluralCategory::One, "{count} файл".to_string())]);
        table.insert("ru", "files", Entry::Plural(only_one));
        assert_eq!(table.get("ru", "items", Some(2.0)), "2 шт.");
        assert_eq!(table.get("ru", "files", Some(5.0)), "5 файл");
    }

    #[test]
    fn plain_text_with_count_gets_the_number_filled_in() {
        let mut table = StringTable::new("kk");
        table.insert("kk", "projects", Entry::Text("{count} жоба".to_string()));
        assert_eq!(table.get("kk", "projects", Some(5.0)), "5 жоба");
        assert_eq!(table.get("kk", "projects", None), "{count} жоба");
    }

    #[test]
    fn later_merges_override_key_by_key() {
        let mut table = table();
        let site = table.merge_yaml(
            "ru",
            "read_more: Читать дальше\n",
            Path::new("site/ru.yaml"),
        );
        assert!(site.is_empty());
        assert_eq!(table.get("ru", "read_more", None), "Читать дальше");
        assert_eq!(table.get("ru", "people", Some(3.0)), "3 человека");
    }

    #[test]
    fn template_map_has_plain_strings_with_fallback() {
        let map = table().map_for("ru");
        assert_eq!(map.get("read_more").map(String::as_str), Some("Подробнее"));
        assert_eq!(map.get("home").map(String::as_str), Some("Басты бет"));
        assert_eq!(
            map.get("people").map(String::as_str),
            Some("{count} человека")
        );
    }

    #[test]
    fn broken_yaml_is_reported_with_line_and_column() {
        let mut table = StringTable::new("kk");
        let yaml = "read_more: Толығырақ\nbad: [unclosed\nhome: x\n";
        let d = only(table.merge_yaml("kk", yaml, Path::new("i18n/kk.yaml")));
        assert!(d.is_error());
        assert_eq!(d.file.as_deref(), Some(Path::new("i18n/kk.yaml")));
        assert!(d.line.is_some() && d.column.is_some(), "{d:?}");
        assert!(
            d.message.starts_with("this is not valid YAML"),
            "{}",
            d.message
        );
        assert!(!d.message.contains(" at line "), "{}", d.message);
    }

    #[test]
    fn list_value_is_an_error_at_its_line_and_other_keys_still_load() {
        let mut table = StringTable::new("kk");
        let yaml = "read_more: Толығырақ\nmenu:\n  - a\n  - b\n";
        let d = only(table.merge_yaml("kk", yaml, Path::new("kk.yaml")));
        assert!(d.is_error());
        assert_eq!((d.line, d.column), (Some(2), Some(1)));
        assert_eq!(d.message, "\"menu\" has a list instead of a text");
        assert_eq!(table.get("kk", "read_more", None), "Толығырақ");
        assert_eq!(table.get("kk", "menu", None), "menu");
    }

    #[test]
    fn empty_value_is_an_error() {
        let mut table = StringTable::new("kk");
        let d = only(table.merge_yaml("kk", "read_more:\n", Path::new("kk.yaml")));
        assert_eq!(d.message, "\"read_more\" has no text");
        assert_eq!(d.line, Some(1));
    }

    #[test]
    fn misspelt_plural_category_is_an_error_with_a_suggestion() {
        let mut table = StringTable::new("ru");
        let yaml = "people:\n  one: \"{count} человек\"\n  fwe: \"{count} человека\"\n  \
                    many: \"{count} человек\"\n  other: \"{count} человека\"\n";
        let d = only(table.merge_yaml("ru", yaml, Path::new("ru.yaml")));
        assert!(d.is_error());
        assert_eq!(d.message, "\"fwe\" in \"people\" is not a plural form");
        assert_eq!((d.line, d.column), (Some(3), Some(3)));
        assert!(
            d.hint
                .is_some_and(|h| h.starts_with("did you mean \"few\"?"))
        );
        // The valid forms still load.
        assert_eq!(table.get("ru", "people", Some(1.0)), "1 человек");
    }

    #[test]
    fn nested_group_of_keys_is_one_error_without_a_guess() {
        let mut table = StringTable::new("kk");
        let yaml = "menu:\n  home: Home\n  about: About\n";
        let d = only(table.merge_yaml("kk", yaml, Path::new("kk.yaml")));
        assert_eq!(
            d.message,
            "\"menu\" holds keys (home, about) that are not plural forms"
        );
        assert_eq!(d.line, Some(1));
        assert!(d.hint.is_some_and(|h| !h.contains("did you mean")));
    }

    #[test]
    fn duplicate_key_is_reported_with_its_own_hint() {
        let mut table = StringTable::new("kk");
        let d = only(table.merge_yaml("kk", "a: x\na: y\n", Path::new("kk.yaml")));
        assert!(d.message.contains("duplicate"), "{}", d.message);
        assert!(
            d.hint
                .is_some_and(|h| h.starts_with("each key may appear only once"))
        );
    }

    #[test]
    fn lacking_and_unused_plural_forms_are_warnings() {
        let mut table = StringTable::new("ru");
        let yaml = "people:\n  one: \"{count} человек\"\n  two: \"{count} человека\"\n  \
                    other: \"{count} человека\"\n";
        let diagnostics: Vec<Diagnostic> = table
            .merge_yaml("ru", yaml, Path::new("ru.yaml"))
            .into_iter()
            .collect();
        assert!(diagnostics.iter().all(|d| d.severity == Severity::Warning));
        let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the \"two\" form of \"people\" is never used: ru numbers take the forms one, few, many, other",
                "\"people\" has no \"few\" form; the \"other\" form is used instead",
                "\"people\" has no \"many\" form; the \"other\" form is used instead",
            ]
        );
    }

    #[test]
    fn unknown_languages_get_no_plural_form_warnings() {
        let mut table = StringTable::new("kk");
        let yaml = "people:\n  other: \"{count} Leute\"\n";
        assert!(
            table
                .merge_yaml("de", yaml, Path::new("de.yaml"))
                .is_empty()
        );
    }

    #[test]
    fn numbers_and_booleans_are_read_as_the_text_written() {
        let mut table = StringTable::new("kk");
        let diagnostics =
            table.merge_yaml("kk", "year: 2024\n404: Табылмады\n", Path::new("kk.yaml"));
        assert!(diagnostics.is_empty());
        assert_eq!(table.get("kk", "year", None), "2024");
        assert_eq!(table.get("kk", "404", None), "Табылмады");
    }

    #[test]
    fn a_file_that_is_not_a_map_is_an_error() {
        let mut table = StringTable::new("kk");
        let d = only(table.merge_yaml("kk", "- a\n- b\n", Path::new("kk.yaml")));
        assert_eq!(
            d.message,
            "the file holds a list instead of keys with texts"
        );
        assert!(table.merge_yaml("kk", "", Path::new("kk.yaml")).is_empty());
    }

    #[test]
    fn yaml_positions_are_stripped_from_messages() {
        assert_eq!(
            without_positions(
                "did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1"
            ),
            "did not find expected key, while parsing a block mapping"
        );
        assert_eq!(without_positions("look at this"), "look at this");
        assert_eq!(without_positions("x at position 12"), "x");
    }

    #[test]
    fn string_table_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<StringTable>();
    }
}
