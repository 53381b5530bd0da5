//! Pictures without alt text: people who cannot see them (and search engines) get nothing.
//! Covers and gallery pictures in front matter, and pictures in the Markdown text.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::content::{Page, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};

use super::{Sources, line_column};

pub fn check(site: &Site, sources: &Sources) -> Diagnostics {
    let mut problems = Diagnostics::new();
    for page in site.entries().flat_map(|e| &e.pages) {
        front_matter_images(page, sources, &mut problems);
        for (src, line, column) in markdown_images_without_alt(&page.body) {
            problems.push(
                no_alt(&src)
                    .in_file(&page.source)
                    .at(line + page.body_line - 1, column)
                    .with_hint("write what the picture shows between the brackets: ![Volunteers hand out leaflets](photo.jpg)"),
            );
        }
    }
    problems
}

fn no_alt(src: &str) -> Diagnostic {
    Diagnostic::warning(format!("the picture \"{src}\" has no alt text"))
}

fn front_matter_images(page: &Page, sources: &Sources, problems: &mut Diagnostics) {
    let (cover, gallery) = match (page.story(), page.booklet()) {
        (Some(m), _) => (m.cover.as_ref(), m.gallery.as_deref().unwrap_or_default()),
        (None, Some(m)) => (m.cover.as_ref(), &[][..]),
        _ => return,
    };
    let fields = cover
        .map(|c| ("cover", c))
        .into_iter()
        .chain(gallery.iter().map(|g| ("gallery", g)));
    for (field, image) in fields {
        if image.alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
            let hint = format!(
                "add `alt: ...` to {field}, saying what the picture shows in {}",
                page.lang
            );
            problems.push(sources.at_field(
                page,
                field,
                Some(&image.src),
                no_alt(&image.src).with_hint(hint),
            ));
        }
    }
}

/// (src, line, column) of every Markdown picture whose alt text is empty.
pub fn markdown_images_without_alt(markdown: &str) -> Vec<(String, usize, usize)> {
    let mut found = Vec::new();
    let mut open: Option<(String, usize, String)> = None;
    for (event, range) in Parser::new_ext(markdown, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                open = Some((dest_url.to_string(), range.start, String::new()));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, _, alt)) = open.as_mut() {
                    alt.push_str(&text);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((src, start, alt)) = open.take()
                    && alt.trim().is_empty()
                {
                    let (line, column) = line_column(markdown, start);
                    found.push((src, line, column));
                }
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_with_empty_brackets_are_found_at_their_place() {
        let found = markdown_images_without_alt("Text.\n\nSee ![](a.jpg) and ![Кездесу](b.jpg)\n");
        assert_eq!(found, vec![("a.jpg".to_string(), 3, 5)]);
    }
}
