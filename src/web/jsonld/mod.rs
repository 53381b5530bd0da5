//! Structured data for search engines, as JSON-LD made with serde_json: one `@graph` per page,
//! with the page's `BreadcrumbList` ([`breadcrumbs`]; every page but the language chooser and
//! the 404 page) and the thing the page is about ([`entities`]): the organisation as an `NGO`
//! on the home page, a story as an `Article` about its project, a booklet as a `Report` with
//! its PDF files as `DigitalDocument`s. Each says its language (`inLanguage`) and links its
//! translations (`workTranslation`, `translationOfWork`).
//!
//! The text goes inside `<script type="application/ld+json">`, where HTML escaping does not
//! apply, so `<`, `>` and `&` are written as `\u003c` etc.: no story text can close the script
//! element.

pub(crate) mod breadcrumbs;
pub(crate) mod entities;

use serde_json::{Value, json};

use crate::config::BaseUrl;

use super::context::Builder;

/// The JSON-LD of a page at `path` titled `title`: its breadcrumbs and `main`, safe to insert
/// verbatim into a script element. None for the pages outside any language (the chooser, 404),
/// which have neither.
pub(crate) fn graph(
    builder: &Builder,
    lang: &str,
    path: &str,
    title: &str,
    main: Option<Value>,
) -> Option<String> {
    let trail = breadcrumbs::list(builder, lang, path, title)?;
    let mut nodes: Vec<Value> = main.into_iter().collect();
    nodes.push(trail);
    Some(script_safe(&json!({
        "@context": "https://schema.org",
        "@graph": nodes,
    })))
}

/// An image address as an absolute URL (front matter may give it beside the page, under the
/// site root, or as a web address); None for `data:` addresses.
pub(crate) fn absolute(base: &BaseUrl, page_path: &str, src: &str) -> Option<String> {
    if src.starts_with("data:") {
        None
    } else if src.contains("://") {
        Some(src.to_string())
    } else if let Some(rest) = src.strip_prefix("//") {
        Some(format!("https://{rest}"))
    } else if let Some(rest) = src.strip_prefix('/') {
        Some(base.permalink(rest))
    } else {
        Some(base.permalink(&format!("{page_path}{}", src.trim_start_matches("./"))))
    }
}

/// JSON text that cannot end a `<script>` element or open a comment in it. The replaced
/// characters can only occur inside JSON strings, where the `\u` escapes mean the same.
pub(crate) fn script_safe(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|_| "{}".to_string());
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_end_tags_in_text_are_escaped_and_the_json_still_parses() {
        let value = json!({ "name": "</script><script>alert(1)</script> & <!--" });
        let text = script_safe(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn images_become_absolute_under_the_base_path() {
        let base = BaseUrl::parse("https://org.github.io/site/").expect("valid");
        assert_eq!(
            absolute(&base, "kk/projects/x/", "cover.jpg").as_deref(),
            Some("https://org.github.io/site/kk/projects/x/cover.jpg")
        );
        assert_eq!(
            absolute(&base, "kk/projects/x/", "/images/a.jpg").as_deref(),
            Some("https://org.github.io/site/images/a.jpg")
        );
        assert_eq!(
            absolute(&base, "kk/", "https://cdn.example/a.jpg").as_deref(),
            Some("https://cdn.example/a.jpg")
        );
        assert_eq!(absolute(&base, "kk/", "data:image/png;base64,AA"), None);
    }
}
