//! Reading the XML egiz writes: sitemap.xml with a small flat reader, and the predefined
//! entities of XML for any reader.

use std::collections::BTreeMap;

/// One `<url>` of sitemap.xml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SitemapUrl {
    pub loc: String,
    pub lastmod: Option<String>,
    /// `hreflang` → `href` of its `xhtml:link rel="alternate"` elements.
    pub alternates: BTreeMap<String, String>,
}

/// A small reader for the flat, well-formed XML egiz writes; panics on anything else.
pub(crate) fn parse_sitemap(xml: &str) -> Vec<SitemapUrl> {
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "no XML declaration"
    );
    let body = between(xml, "<urlset", "</urlset>").expect("one urlset element");
    assert!(
        body.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""),
        "the xhtml namespace is not declared"
    );
    let mut urls = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("<url>") {
        let end = rest[start..].find("</url>").expect("every <url> is closed") + start;
        let element = &rest[start + "<url>".len()..end];
        let loc = between(element, "<loc>", "</loc>")
            .expect("every url has a loc")
            .to_string();
        let lastmod = between(element, "<lastmod>", "</lastmod>").map(str::to_string);
        let mut alternates = BTreeMap::new();
        let mut links = element;
        while let Some(at) = links.find("<xhtml:link ") {
            let close = links[at..].find("/>").expect("xhtml:link is self-closing") + at;
            let attrs = attributes(&links[at + "<xhtml:link ".len()..close]);
            assert_eq!(attrs.get("rel").map(String::as_str), Some("alternate"));
            let lang = attrs.get("hreflang").expect("hreflang").clone();
            let href = attrs.get("href").expect("href").clone();
            assert!(
                alternates.insert(lang.clone(), href).is_none(),
                "{loc} has two alternates for {lang}"
            );
            links = &links[close..];
        }
        urls.push(SitemapUrl {
            loc: unescape(&loc),
            lastmod,
            alternates: alternates
                .into_iter()
                .map(|(k, v)| (k, unescape(&v)))
                .collect(),
        });
        rest = &rest[end..];
    }
    urls
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// `a="1" b="2"` → {a: 1, b: 2}.
fn attributes(text: &str) -> BTreeMap<String, String> {
    let mut attrs = BTreeMap::new();
    let mut rest = text.trim();
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim().to_string();
        let value_start = eq + 2;
        let value_end = rest[value_start..].find('"').expect("a closed attribute") + value_start;
        attrs.insert(name, rest[value_start..value_end].to_string());
        rest = &rest[value_end + 1..];
    }
    attrs
}

/// The five predefined entities of XML replaced by their characters.
pub(crate) fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
