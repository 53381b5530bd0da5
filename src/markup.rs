//! Escaping text for HTML and XML (pages, SVG charts, the sitemap, the PDF's XMP metadata): one
//! function for every place egiz writes markup around text it did not write itself.

/// `text` safe as element content and as a quoted attribute value: the five special characters
/// as entities, and control characters (which XML does not allow) left out, but tab and line
/// breaks.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn special_characters_become_entities_and_controls_go() {
        assert_eq!(
            escape("a<b>&\"c\" 'd'\u{1}\te\n"),
            "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39;\te\n"
        );
        assert_eq!(escape("Қазақ «мәтін»"), "Қазақ «мәтін»");
    }
}
