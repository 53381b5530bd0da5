//! A small scanner for the HTML egiz renders: the ids a page has (link targets for `#anchors`)
//! and the addresses it refers to (`href`, `src`, `srcset`). Not a full HTML parser: enough for
//! well-formed pages, and it never fails on malformed ones.

use std::collections::HashSet;

/// What one page holds for the link check.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Scanned {
    pub ids: HashSet<String>,
    /// Every address, as written (entities decoded), in page order.
    pub references: Vec<String>,
}

pub(crate) fn scan(html: &str) -> Scanned {
    let mut scanned = Scanned::default();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some((tag, attributes, after)) = tag(rest) else {
            rest = &rest[1..];
            continue;
        };
        rest = after;
        collect(&tag, &attributes, &mut scanned);
        if tag == "script" || tag == "style" {
            // Their text is not HTML: skip to the closing tag.
            let close = format!("</{tag}");
            rest = find_ascii_ci(rest, &close).map_or("", |end| &rest[end..]);
        }
    }
    scanned
}

fn collect(tag: &str, attributes: &[(String, String)], scanned: &mut Scanned) {
    for (name, value) in attributes {
        match name.as_str() {
            "id" => {
                scanned.ids.insert(value.clone());
            }
            "name" if tag == "a" => {
                scanned.ids.insert(value.clone());
            }
            "href" | "src" | "poster" => scanned.references.push(value.trim().to_string()),
            "srcset" => scanned.references.extend(
                value
                    .split(',')
                    .filter_map(|candidate| candidate.split_whitespace().next())
                    .map(str::to_string),
            ),
            _ => {}
        }
    }
}

/// Attribute names (lower case) and their decoded values.
type Attributes = Vec<(String, String)>;

/// An opening tag at the start of `text`: its lower-case name, attributes and the text after it.
fn tag(text: &str) -> Option<(String, Attributes, &str)> {
    let body = text.strip_prefix('<')?;
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .unwrap_or(body.len());
    if name_len == 0 {
        // `</x>`, `<!doctype>`, `<?x?>`: nothing to collect.
        let end = body.find('>')?;
        return Some((String::new(), Vec::new(), &body[end + 1..]));
    }
    let name = body[..name_len].to_ascii_lowercase();
    let mut rest = &body[name_len..];
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if let Some(after) = rest.strip_prefix('>') {
            return Some((name, attributes, after));
        }
        if rest.is_empty() {
            return Some((name, attributes, rest));
        }
        let attr_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len())
            .max(1);
        let attr = rest[..attr_len].to_ascii_lowercase();
        rest = rest[attr_len..].trim_start();
        let mut value = String::new();
        if let Some(after_eq) = rest.strip_prefix('=') {
            let after_eq = after_eq.trim_start();
            let (raw, after) = match after_eq.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let inner = &after_eq[1..];
                    match inner.find(quote) {
                        Some(end) => (&inner[..end], &inner[end + 1..]),
                        None => (inner, ""),
                    }
                }
                _ => {
                    let end = after_eq
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after_eq.len());
                    (&after_eq[..end], &after_eq[end..])
                }
            };
            value = decode_entities(raw);
            rest = after;
        }
        attributes.push((attr, value));
    }
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The character references templates and Markdown produce in attributes.
pub(crate) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_references_are_found_outside_comments_and_scripts() {
        let page = scan(
            "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/css/a.css?v=1&amp;x\">\
             <script>var s = '<a href=\"/nope\">';</script></head><body>\
             <!-- <a href=\"/commented\"> --><h2 id=\"natizheler\">Нәтижелер</h2>\
             <a href='/kk/#top' class=x>a</a><img src=/img/a.jpg alt=\"\" srcset=\"a.jpg 1x, b.jpg 2x\"><a name=old></a></body></html>",
        );
        assert_eq!(
            page.references,
            [
                "/css/a.css?v=1&x",
                "/kk/#top",
                "/img/a.jpg",
                "a.jpg",
                "b.jpg"
            ]
        );
        assert!(page.ids.contains("natizheler") && page.ids.contains("old"));
    }

    #[test]
    fn broken_markup_does_not_stop_the_scan() {
        let page = scan("<a href=\"x<<<<<<p id=q> & &bogus; <");
        assert_eq!(page.references.len(), 1);
        assert_eq!(decode_entities("a &#1179; &#x4A3; &zz"), "a қ ң &zz");
    }
}
