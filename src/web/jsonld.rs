//! Structured data for search engines: a schema.org `Article` per story page, as JSON-LD made
//! with serde_json. The text goes inside `<script type="application/ld+json">`, where HTML
//! escaping does not apply, so `<`, `>` and `&` are written as `\u003c` etc.: no story text can
//! close the script element.

use serde_json::{Map, Value, json};

use crate::config::BaseUrl;
use crate::content::schema::StoryMeta;
use crate::content::{Page, Site};
use crate::taxonomy::Taxonomy;

/// The JSON-LD of a story page, safe to insert verbatim into a script element.
pub(crate) fn story(site: &Site, page: &Page, meta: &StoryMeta) -> String {
    let config = &site.config;
    let base = &config.base;
    let lang = page.text_lang();
    let url = base.permalink(&page.path);
    let organisation = json!({
        "@type": "Organization",
        "name": config.title(&page.lang),
        "url": base.permalink(&format!("{}/", page.lang)),
    });
    let mut data = Map::new();
    data.insert("@context".into(), json!("https://schema.org"));
    data.insert("@type".into(), json!("Article"));
    data.insert("headline".into(), json!(page.title));
    data.insert("name".into(), json!(page.title));
    if !page.summary().is_empty() {
        data.insert("description".into(), json!(page.summary()));
    }
    if let Some(date) = meta.date {
        data.insert("datePublished".into(), json!(date.iso()));
    }
    data.insert("inLanguage".into(), json!(lang));
    data.insert("url".into(), json!(url));
    data.insert("mainEntityOfPage".into(), json!(url));
    if let Some(cover) = &meta.cover
        && let Some(image) = absolute(base, &page.path, &cover.src)
    {
        data.insert("image".into(), json!(image));
    }
    if let Some(district) = &meta.district {
        data.insert(
            "contentLocation".into(),
            json!({ "@type": "Place", "name": config.term_label(&Taxonomy::District, district, lang) }),
        );
    }
    // Topics and the site's own taxonomies (a donor, a programme) are what the story is about.
    let topics: Vec<&str> = config
        .taxonomies()
        .iter()
        .filter(|t| **t != Taxonomy::District)
        .flat_map(|t| {
            meta.terms(t)
                .into_iter()
                .map(move |key| config.term_label(t, key, lang))
        })
        .collect();
    if !topics.is_empty() {
        data.insert("keywords".into(), json!(topics.join(", ")));
    }
    data.insert("author".into(), organisation.clone());
    data.insert("publisher".into(), organisation);
    script_safe(&Value::Object(data))
}

/// An image address as an absolute URL (front matter may give it beside the page, under the
/// site root, or as a web address); None for `data:` addresses.
fn absolute(base: &BaseUrl, page_path: &str, src: &str) -> Option<String> {
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
