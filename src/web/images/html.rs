//! Images inside the Markdown text: the `<img>` tags of a page's HTML get the resized files
//! (`srcset`), their size (`width`, `height`, so the text does not jump while they load) and
//! lazy loading. Tags that already say `srcset`, `sizes`, `width` or `height` (raw HTML written
//! by hand) are left exactly as written.

use super::Sized;
use crate::markup::escape;

/// `sizes` of an image in the text: the default theme's text column (70ch ≈ 44rem), or the
/// screen less its margins on phones. Not `sizes="auto"`: measured in Chromium 156, with the
/// `width` attribute set it fetched a larger file first and then the right one as well.
pub(crate) const TEXT_SIZES: &str = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

/// `html` with every `<img>` whose `src` `lookup` knows rewritten.
pub(crate) fn rewrite(html: &str, lookup: impl Fn(&str) -> Option<Sized>) -> String {
    if !html.contains("<img") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    while let Some(start) = find_img(rest) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match Tag::parse(tail) {
            Some(tag) => {
                match tag.enhanced(&lookup) {
                    Some(new) => out.push_str(&new),
                    None => out.push_str(&tail[..tag.end]),
                }
                rest = &tail[tag.end..];
            }
            None => {
                out.push_str(tail);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `src` of every `<img>` in `html` that [`rewrite`] would rewrite if `lookup` knew it,
/// entities decoded.
pub(crate) fn sources(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = find_img(rest) {
        let tail = &rest[start..];
        let Some(tag) = Tag::parse(tail) else {
            break;
        };
        if let Some(src) = tag.resizable_src() {
            found.push(src);
        }
        rest = &tail[tag.end..];
    }
    found
}

/// Where the next `<img` tag starts (not `<imgx`).
fn find_img(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find("<img") {
        let at = from + at;
        match text.as_bytes().get(at + 4) {
            Some(b) if b.is_ascii_whitespace() || *b == b'/' || *b == b'>' => return Some(at),
            _ => from = at + 4,
        }
    }
    None
}

/// One attribute as written: its name and raw (still escaped) value, and the whole text of it.
struct Attr<'a> {
    name: &'a str,
    value: Option<&'a str>,
    raw: &'a str,
}

struct Tag<'a> {
    attrs: Vec<Attr<'a>>,
    /// The length of the tag's text, up to and including `>`.
    end: usize,
    self_closing: bool,
}

impl<'a> Tag<'a> {
    /// Parse the tag at the start of `text` (which starts with `<img`); quotes are respected, so
    /// a `>` inside an attribute value does not end the tag.
    fn parse(text: &'a str) -> Option<Tag<'a>> {
        let bytes = text.as_bytes();
        let mut i = 4;
        let mut attrs = Vec::new();
        loop {
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i)? {
                b'>' => {
                    return Some(Tag {
                        attrs,
                        end: i + 1,
                        self_closing: false,
                    });
                }
                b'/' if bytes.get(i + 1) == Some(&b'>') => {
                    return Some(Tag {
                        attrs,
                        end: i + 2,
                        self_closing: true,
                    });
                }
                _ => {}
            }
            let start = i;
            while bytes
                .get(i)
                .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
            {
                i += 1;
            }
            if i == start {
                i += 1; // a stray `/`: skip it
                continue;
            }
            let name = &text[start..i];
            let mut value = None;
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                match bytes.get(i)? {
                    quote @ (b'"' | b'\'') => {
                        let close = text[i + 1..].find(*quote as char)? + i + 1;
                        value = Some(&text[i + 1..close]);
                        i = close + 1;
                    }
                    _ => {
                        let from = i;
                        while bytes
                            .get(i)
                            .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                        {
                            i += 1;
                        }
                        value = Some(&text[from..i]);
                    }
                }
            }
            attrs.push(Attr {
                name,
                value,
                raw: &text[start..i],
            });
        }
    }

    fn has(&self, name: &str) -> bool {
        self.attrs.iter().any(|a| a.name.eq_ignore_ascii_case(name))
    }

    /// The image's address, unless the tag was sized by hand.
    fn resizable_src(&self) -> Option<String> {
        if ["srcset", "sizes", "width", "height"]
            .iter()
            .any(|name| self.has(name))
        {
            return None;
        }
        let src = self
            .attrs
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case("src"))?
            .value?;
        Some(unescape(src))
    }

    /// The tag with the resized files, or None to keep it as it is.
    fn enhanced(&self, lookup: &impl Fn(&str) -> Option<Sized>) -> Option<String> {
        let sized = lookup(&self.resizable_src()?)?;
        let mut tag = format!("<img src=\"{}\"", escape(&sized.src));
        for attr in self
            .attrs
            .iter()
            .filter(|a| !a.name.eq_ignore_ascii_case("src"))
        {
            tag.push(' ');
            tag.push_str(attr.raw);
        }
        tag.push_str(&format!(
            " width=\"{}\" height=\"{}\" srcset=\"{}\" sizes=\"{TEXT_SIZES}\"",
            sized.width,
            sized.height,
            escape(&sized.srcset)
        ));
        if !self.has("loading") {
            tag.push_str(" loading=\"lazy\"");
        }
        if !self.has("decoding") {
            tag.push_str(" decoding=\"async\"");
        }
        tag.push_str(if self.self_closing { " />" } else { ">" });
        Some(tag)
    }
}

/// The few entities pulldown-cmark writes into attribute values, and the common named ones.
fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(src: &str) -> Option<Sized> {
        (src == "photo.jpg" || src == "my%20photo.jpg").then(|| Sized {
            src: "/kk/x/photo-800w.jpg".into(),
            srcset: "/kk/x/photo-480w.jpg 480w, /kk/x/photo-800w.jpg 800w".into(),
            width: 800,
            height: 600,
        })
    }

    #[test]
    fn markdown_images_get_sizes_srcset_and_lazy_loading() {
        let html = "<p>a <img src=\"photo.jpg\" alt=\"Жарыс &gt; 1\" title=\"t\" /> b</p>\n";
        let out = rewrite(html, lookup);
        assert_eq!(
            out,
            "<p>a <img src=\"/kk/x/photo-800w.jpg\" alt=\"Жарыс &gt; 1\" title=\"t\" width=\"800\" height=\"600\" \
             srcset=\"/kk/x/photo-480w.jpg 480w, /kk/x/photo-800w.jpg 800w\" sizes=\"(min-width: 48rem) 44rem, calc(100vw - 2rem)\" \
             loading=\"lazy\" decoding=\"async\" /> b</p>\n"
        );
    }

    #[test]
    fn sources_are_the_images_that_may_be_resized() {
        let html =
            "<img src=\"a&amp;b.jpg\"><p><img src=\"c.png\" width=\"3\"><img src=\"d.png\"/>";
        assert_eq!(sources(html), ["a&b.jpg", "d.png"]);
    }

    #[test]
    fn unknown_and_hand_sized_images_stay_as_written() {
        for html in [
            "<img src=\"https://x.org/a.jpg\" alt=\"\" />",
            "<img src=\"photo.jpg\" width=\"10\">",
            "<img srcset=\"a.jpg 1x\" src=\"photo.jpg\">",
            "<imgx src=\"photo.jpg\">",
            "<img src=\"photo.jpg\" alt=\"unclosed",
            "no images at all",
        ] {
            assert_eq!(rewrite(html, lookup), html);
        }
    }

    #[test]
    fn quotes_protect_a_greater_than_sign_and_escaped_sources_match() {
        let html = "<img alt='a > b' src=\"my%20photo.jpg\" loading=eager>";
        let out = rewrite(html, lookup);
        assert!(
            out.starts_with(
                "<img src=\"/kk/x/photo-800w.jpg\" alt='a > b' loading=eager width=\"800\""
            ),
            "{out}"
        );
        assert!(!out.contains("lazy"), "{out}");
        assert!(out.ends_with("decoding=\"async\">"), "{out}");
    }
}
