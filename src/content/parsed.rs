//! One content file read and parsed: its front matter into the schema of its kind (with the
//! fields of the site's own taxonomies lifted out), its Markdown into HTML, before pairing.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{self, Outline};
use crate::yaml;

use super::body::{self, Body};
use super::frontmatter;
use super::model::{Kind, Meta};
use super::schema::{BookletMeta, PageMeta, StoryMeta};
use super::sources::Source;

/// One file read and parsed, before translations are paired.
#[derive(Clone)]
pub(super) struct Parsed {
    pub(super) source: Source,
    pub(super) meta: Option<Meta>,
    pub(super) yaml: Arc<str>,
    pub(super) yaml_line: usize,
    pub(super) body: Body,
    pub(super) body_line: usize,
    /// [`body::hash`] of the file's bytes.
    pub(super) hash: u64,
    pub(super) outline: Outline,
    pub(super) problems: Diagnostics,
}

/// `hold`: keep the body's text in memory (the dev server) rather than where to read it again.
pub(super) fn parse_source(source: Source, config: &Config, hold: bool) -> Parsed {
    let mut parsed = Parsed {
        source,
        meta: None,
        yaml: "".into(),
        yaml_line: 1,
        body: "".into(),
        body_line: 1,
        hash: 0,
        outline: Outline::default(),
        problems: Diagnostics::new(),
    };
    let shown = parsed.source.shown.clone();
    let bytes = std::fs::read(&parsed.source.abs);
    parsed.hash = bytes.as_ref().map_or(0, |b| body::hash(b));
    let text = match bytes.map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            parsed.problems.push(
                Diagnostic::error("the file is not UTF-8 text")
                    .in_file(&shown)
                    .with_hint("save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8)"),
            );
            return parsed;
        }
        Err(err) => {
            parsed
                .problems
                .push(Diagnostic::error(format!("cannot read the file: {err}")).in_file(&shown));
            return parsed;
        }
    };
    let split = match frontmatter::split(&text, &shown) {
        Ok(split) => split,
        Err(d) => {
            parsed.problems.push(d);
            return parsed;
        }
    };
    let meta = match parsed.source.kind {
        Kind::Story => parse_story(split.yaml, &shown, split.yaml_line, config).map(Meta::Story),
        Kind::Booklet => {
            parse_meta::<BookletMeta>(split.yaml, &shown, split.yaml_line).map(Meta::Booklet)
        }
        Kind::Page | Kind::Home | Kind::ProjectsIndex => {
            parse_meta::<PageMeta>(split.yaml, &shown, split.yaml_line).map(Meta::Page)
        }
    };
    match meta {
        Ok(meta) => parsed.meta = Some(meta),
        Err(d) => parsed.problems.push(d),
    }
    parsed.yaml = split.yaml.into();
    parsed.yaml_line = split.yaml_line;
    parsed.body_line = split.body_line;
    // A tree nested too deep is refused here, once, so neither renderer ever walks one: the
    // body is left empty and the error stops the build (and shows in `check` and `serve`).
    parsed.outline = match markdown::outline(split.body, &config.base.path) {
        Ok(outline) => outline,
        Err((line, column)) => {
            parsed.problems.push(
                Diagnostic::error(format!(
                    "nesting deeper than {} levels",
                    markdown::MAX_NESTING
                ))
                .in_file(&shown)
                .at(line + split.body_line - 1, column)
                .with_hint("quotes, lists and emphasis this deep cannot be read; flatten them"),
            );
            return parsed;
        }
    };
    parsed.body = if hold {
        Body::held(split.body)
    } else {
        let start = split.body.as_ptr() as usize - text.as_ptr() as usize;
        Body::in_file(parsed.source.abs.clone(), start, parsed.hash)
    };
    parsed
}

fn parse_meta<T: DeserializeOwned + Default>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(T::default());
    }
    yaml::parse(text, file, first_line)
}

/// A story's front matter: the typed fields, and the fields of the site's own taxonomies
/// (`donor: usaid` or `donor: [usaid, eu]`), which `StoryMeta` cannot know by name.
fn parse_story(
    text: &str,
    file: &Path,
    first_line: usize,
    config: &Config,
) -> Result<StoryMeta, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(StoryMeta::default());
    }
    let fields: Vec<String> = config
        .custom_taxonomies()
        .map(|t| t.key().to_string())
        .collect();
    let (mut meta, lifted) = yaml::parse_lifting::<StoryMeta>(text, file, first_line, &fields)?;
    for (field, value) in lifted {
        let keys = term_keys(&value).ok_or_else(|| {
            let d = Diagnostic::error(format!("`{field}` must be a term key or a list of them"))
                .in_file(file)
                .with_hint(format!(
                    "write `{field}: KEY` or `{field}: [KEY, KEY]` with keys from site.yaml"
                ));
            match yaml::position_of(text, &field, None) {
                Some((line, column)) => d.at(line + first_line - 1, column),
                None => d,
            }
        })?;
        meta.custom_terms.insert(field, keys);
    }
    Ok(meta)
}

/// `usaid` or `[usaid, eu]` as keys; `None` for any other shape.
fn term_keys(value: &serde_yaml::Value) -> Option<Vec<String>> {
    match value {
        serde_yaml::Value::String(key) => Some(vec![key.clone()]),
        serde_yaml::Value::Sequence(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_string))
            .collect(),
        _ => None,
    }
}

impl Parsed {
    /// A diagnostic placed at a front matter field (and a text inside its value) of this file.
    pub(super) fn at_field(&self, key: &str, needle: Option<&str>, d: Diagnostic) -> Diagnostic {
        let d = d.in_file(&self.source.shown);
        match yaml::position_of(&self.yaml, key, needle) {
            Some((line, column)) => d.at(line + self.yaml_line - 1, column),
            None => d.at(1, 1),
        }
    }

    pub(super) fn dir(&self) -> &Path {
        self.source.abs.parent().unwrap_or(Path::new("."))
    }

    pub(super) fn shown_dir(&self) -> &Path {
        self.source.shown.parent().unwrap_or(Path::new(""))
    }
}
