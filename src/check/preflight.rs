//! What a print shop would find too late, found before printing: booklets whose QR codes and
//! addresses point at a placeholder `base_url`, and covers meant to reach the paper's edge that
//! no edition gives bleed to (or that have no picture to do it with). Fonts lacking a letter are
//! `fonts.rs`; pictures printing below 250 ppi are reported by the print side.

use crate::content::booklets::{CoverLayout, Edition};
use crate::content::{Kind, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};

use super::Sources;

/// Hosts no reader can reach: the documentation examples and this machine.
const PLACEHOLDER_HOSTS: [&str; 6] = [
    "example.org",
    "example.com",
    "example.net",
    "localhost",
    "127.0.0.1",
    "0.0.0.0",
];

pub(crate) fn check(site: &Site, sources: &Sources) -> Diagnostics {
    let mut problems = Diagnostics::new();
    if !site.prints.is_empty()
        && let Some(host) = placeholder_host(&site.config.base.absolute)
    {
        problems.push(placeholder(site, sources, host));
    }
    for booklet in &site.prints {
        if booklet.cover_layout != CoverLayout::FullBleed {
            continue;
        }
        let Some(page) = site
            .booklets
            .iter()
            .chain(&site.stories)
            .filter(|e| e.name == booklet.name && matches!(e.kind, Kind::Booklet | Kind::Story))
            .flat_map(|e| &e.pages)
            .find(|p| sources.writes(p, "cover_layout"))
        else {
            continue;
        };
        if !booklet.editions.contains(&Edition::PrintShop) {
            problems.push(sources.at_field(
                page,
                "cover_layout",
                None,
                Diagnostic::warning(
                    "the cover reaches the paper's edge, but no edition has the 3 mm bleed a print shop trims it with",
                )
                .with_hint("add `print-shop` to `editions:` (the file to send to the print shop), or use `cover_layout: framed`"),
            ));
        }
        let pictures = site
            .booklets
            .iter()
            .chain(&site.stories)
            .filter(|e| e.name == booklet.name)
            .flat_map(|e| &e.pages)
            .any(|p| {
                p.booklet().and_then(|m| m.cover.as_ref()).is_some()
                    || p.story().and_then(|m| m.cover.as_ref()).is_some()
            });
        if !pictures {
            problems.push(sources.at_field(
                page,
                "cover_layout",
                None,
                Diagnostic::warning("`cover_layout: full-bleed` has no cover picture to fill the page with; the cover is printed framed")
                    .with_hint("add `cover: { src: cover.jpg, alt: ... }` with a picture at least 1800 pixels wide, or write `cover_layout: framed`"),
            ));
        }
    }
    problems
}

/// The host of `url` when it is one no reader can reach.
fn placeholder_host(url: &str) -> Option<&'static str> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', ':']).next().unwrap_or("");
    PLACEHOLDER_HOSTS
        .into_iter()
        .find(|p| host == *p || host.ends_with(&format!(".{p}")))
}

fn placeholder(site: &Site, sources: &Sources, host: &str) -> Diagnostic {
    let file = sources.root().join(crate::config::CONFIG_FILE);
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let (line, column) = crate::yaml::position_of(&text, "base_url", None).unwrap_or((1, 1));
    Diagnostic::warning(format!(
        "base_url is {}, on {host}, which no reader can open: the booklets' QR codes and addresses would point there",
        site.config.base.absolute
    ))
    .in_file(crate::config::CONFIG_FILE)
    .at(line, column)
    .with_hint("set `base_url:` in site.yaml to the address the site is published at (e.g. https://ngo-name.github.io/site/) before printing")
}

#[cfg(test)]
mod tests {
    use super::placeholder_host;

    #[test]
    fn placeholder_hosts_are_found_and_real_ones_pass() {
        assert_eq!(
            placeholder_host("https://example.org/civic/"),
            Some("example.org")
        );
        assert_eq!(
            placeholder_host("http://localhost:1111/"),
            Some("localhost")
        );
        assert_eq!(
            placeholder_host("https://www.example.com/"),
            Some("example.com")
        );
        assert_eq!(placeholder_host("https://ngo.github.io/site/"), None);
        assert_eq!(placeholder_host("https://myexample.org/"), None);
    }
}
