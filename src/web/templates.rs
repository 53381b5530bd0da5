//! The Tera environment: the theme's templates compiled once per build, with egiz's functions
//! and filters (`url`, `tr`, `date`, `number`) that know the site's base path and languages,
//! and a `range` that counts: Tera caps one call at 100,000 values, but loops nested in loops
//! multiply, so every page gets [`RANGE_BUDGET`] values from all its `range` calls together.

use std::cell::Cell;
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

/// How many values all `range()` calls of one page may make together: far more than any layout
/// needs (a calendar, a row of stars), and what stops a loop in a loop in a loop from running
/// for hours. Documented in docs/THEMES.md.
pub(crate) const RANGE_BUDGET: u64 = 100_000;

thread_local! {
    /// What the page rendering on this thread has spent of [`RANGE_BUDGET`].
    static RANGE_SPENT: Cell<u64> = const { Cell::new(0) };
}

/// Render one page: `template` with `context`, its `range` budget fresh.
pub(crate) fn render(tera: &Tera, template: &str, context: &tera::Context) -> TeraResult<String> {
    RANGE_SPENT.with(|spent| spent.set(0));
    tera.render(template, context)
}

/// Tera's `range(start, end, step_by)`, charged to the page's budget before it makes a value.
fn range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i64>> {
    let start = kwargs.get::<i64>("start")?.unwrap_or_default();
    let end = kwargs.must_get::<i64>("end")?;
    let step = kwargs.get::<i64>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(tera::Error::message("`range` was called with `step_by=0`"));
    }
    let span = if step > 0 {
        i128::from(end) - i128::from(start)
    } else {
        i128::from(start) - i128::from(end)
    };
    let len = u128::try_from(span.max(0))
        .unwrap_or_default()
        .div_ceil(i128::from(step).unsigned_abs());
    let len = u64::try_from(len).unwrap_or(u64::MAX);
    let spent = RANGE_SPENT.with(|spent| {
        let total = spent.get().saturating_add(len);
        spent.set(total);
        total
    });
    if spent > RANGE_BUDGET {
        return Err(tera::Error::message(format!(
            "the loops of this page asked `range` for more than {RANGE_BUDGET} values in all; egiz stops there so that a loop cannot run without end (look for a `range` inside another loop)"
        )));
    }
    // Every value lies between `start` and `end`, so the i128 sum fits an i64 again.
    Ok((0..len)
        .map(|i| i128::from(start) + i128::from(i) * i128::from(step))
        .map(|value| i64::try_from(value).unwrap_or_default())
        .collect())
}

fn register_helpers(tera: &mut Tera, base: &BaseUrl, strings: Arc<StringTable>) {
    tera.register_function("range", range);
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
