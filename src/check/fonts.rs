//! Characters the booklet font cannot print: a letter missing from the embedded Noto faces
//! would come out as an empty box on paper. Titles are set in the sans face, text in the serif.
//! Content that goes into a booklet is an error; other stories get a warning, as they may be
//! printed later.

use std::collections::HashSet;

use crate::content::{Kind, Page, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::print::engine::unprintable_chars;
use crate::print::fonts::FontSet;

use super::Sources;

pub(crate) fn check(site: &Site, sources: &Sources) -> Diagnostics {
    let fonts = FontSet::embedded();
    let printed = printed_stories(site);
    let mut problems = Diagnostics::new();
    for entry in site.stories.iter().chain(&site.booklets) {
        let in_print = entry.kind == Kind::Booklet || printed.contains(entry.name.as_str());
        for page in &entry.pages {
            for (c, part) in unprintable_chars(&fonts, page) {
                problems.push(unprintable(sources, page, c, part, in_print));
            }
        }
    }
    problems
}

/// Stories named by a booklet, or asking for a leaflet of their own (`booklet:`).
fn printed_stories(site: &Site) -> HashSet<String> {
    site.prints
        .iter()
        .flat_map(|b| b.stories.iter().cloned())
        .collect()
}

fn unprintable(sources: &Sources, page: &Page, c: char, part: &str, in_print: bool) -> Diagnostic {
    let message = format!(
        "the booklet font cannot print \"{c}\" (U+{:04X}) in the {part}",
        u32::from(c)
    );
    let d = if in_print {
        Diagnostic::error(message)
    } else {
        Diagnostic::warning(message)
    };
    sources.at_text(
        page,
        &c.to_string(),
        d.with_hint(
            "it would print as an empty box: replace it (a look-alike letter typed from another keyboard layout is a common cause), or give the theme a font that has it",
        ),
    )
}
