//! The Tera environment: the theme's templates compiled once per build, with egiz's functions
//! and filters (`url`, `tr`, `date`, `number`) that know the site's base path and languages.

use std::sync::Arc;

use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::config::BaseUrl;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{self, Date, DateStyle, StringTable};

use crate::theme::Theme;

/// Compile every template of the theme. All template errors are reported together.
pub(crate) fn environment(
    theme: &Theme,
    base: &BaseUrl,
    strings: Arc<StringTable>,
) -> Result<Tera, Diagnostics> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml", ".htm"]);
    register_helpers(&mut tera, base, strings);
    // All at once: templates refer to each other (extends, include), so Tera checks them together.
    let all = theme
        .templates
        .iter()
        .map(|(name, (text, _))| (name.as_str(), text.as_str()));
    match tera.add_raw_templates(all) {
        Ok(()) => Ok(tera),
        Err(err) => {
            let message = error_chain(&err);
            let file = theme
                .templates
                .iter()
                .find(|(name, _)| {
                    message.contains(&format!("{name}:")) || message.contains(&format!("'{name}'"))
                })
                .map(|(_, (_, file))| file.clone())
                .unwrap_or_else(|| std::path::PathBuf::from("themes"));
            Err(Diagnostics::from_iter([template_problem(&err, &file)]))
        }
    }
}

/// A Tera error as a diagnostic naming the template file.
pub(crate) fn template_problem(err: &tera::Error, file: &std::path::Path) -> Diagnostic {
    Diagnostic::error(format!("template error: {}", error_chain(err)))
        .in_file(file)
        .with_hint("fix the template; if it is a copy of a default template, compare it with `egiz init` output")
}

pub(crate) fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        let inner_text = inner.to_string();
        if !text.contains(&inner_text) {
            text.push_str(": ");
            text.push_str(&inner_text);
        }
        source = inner.source();
    }
    text
}

fn register_helpers(tera: &mut Tera, base: &BaseUrl, strings: Arc<StringTable>) {
    let base = base.clone();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path: String = kwargs.must_get("path")?;
            Ok(base.link(&path))
        },
    );
    tera.register_function(
        "tr",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let count = kwargs.get::<Value>("count")?.and_then(|v| v.as_f64());
            let lang = current_lang(state)?;
            Ok(strings.get(&lang, &key, count))
        },
    );
    tera.register_filter(
        "date",
        |value: &str, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let style = kwargs
                .get::<String>("style")?
                .unwrap_or_else(|| "long".to_string());
            let style = DateStyle::from_name(&style).ok_or_else(|| {
                tera::Error::message(format!(
                    "unknown date style \"{style}\": use long, medium or short"
                ))
            })?;
            let date = Date::parse(value).map_err(tera::Error::message)?;
            Ok(i18n::format_date(date, &current_lang(state)?, style))
        },
    );
    tera.register_filter(
        "number",
        |value: Value, _: Kwargs, state: &State| -> TeraResult<String> {
            let lang = current_lang(state)?;
            match (value.as_i64(), value.as_f64()) {
                (Some(n), _) => Ok(i18n::format_integer(n, &lang)),
                (None, Some(n)) => Ok(i18n::format_decimal(n, &lang)),
                _ => Err(tera::Error::message(format!(
                    "`number` needs a number, not {}",
                    value.name()
                ))),
            }
        },
    );
}

fn current_lang(state: &State) -> TeraResult<String> {
    Ok(state
        .get::<String>("lang")?
        .unwrap_or_else(|| "en".to_string()))
}
