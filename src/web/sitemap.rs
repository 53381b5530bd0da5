//! `sitemap.xml` with hreflang alternates for every translation, and `robots.txt` pointing to it.

use crate::markup::escape;
use std::fmt::Write as _;

use crate::content::{Kind, Site};
use crate::diagnostics::Diagnostic;
use crate::output::Sink;

/// One address of the site in all its languages: (language, site path) pairs, and the date
/// of its content when it has one.
pub(crate) struct Group {
    pub pages: Vec<(String, String)>,
    pub lastmod: Option<String>,
}

impl Group {
    /// A generated page that exists in every language, at `path_in(lang)`.
    pub(crate) fn every_language(languages: &[&str], path_in: impl Fn(&str) -> String) -> Group {
        Group {
            pages: languages
                .iter()
                .map(|l| (l.to_string(), path_in(l)))
                .collect(),
            lastmod: None,
        }
    }
}

fn groups(site: &Site) -> Vec<Group> {
    let languages = site.config.language_codes();
    let every_language = |suffix: &str| Group {
        pages: languages
            .iter()
            .map(|l| (l.to_string(), format!("{l}/{suffix}")))
            .collect(),
        lastmod: None,
    };
    let mut groups = vec![every_language("projects/")];
    if site.home.is_none() {
        groups.push(every_language(""));
    }
    for entry in site.entries().filter(|e| e.kind != Kind::ProjectsIndex) {
        let pages = entry
            .pages
            .iter()
            .map(|p| (p.lang.clone(), p.path.clone()))
            .collect();
        let lastmod = entry.pages.iter().find_map(|p| p.date()).map(|d| d.iso());
        groups.push(Group { pages, lastmod });
    }
    groups
}

/// `extra`: generated pages the site model does not know (taxonomy pages, the dashboard).
pub(crate) fn write(site: &Site, staging: &dyn Sink, extra: Vec<Group>) -> Result<(), Diagnostic> {
    let base = &site.config.base;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for Group { pages, lastmod } in groups(site).into_iter().chain(extra) {
        for (_, path) in &pages {
            let _ = writeln!(
                xml,
                "  <url>\n    <loc>{}</loc>",
                escape(&base.permalink(path))
            );
            if let Some(date) = &lastmod {
                let _ = writeln!(xml, "    <lastmod>{date}</lastmod>");
            }
            if pages.len() > 1 {
                for (lang, other) in &pages {
                    let _ = writeln!(
                        xml,
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>",
                        escape(&base.permalink(other))
                    );
                }
                let _ = writeln!(
                    xml,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    escape(&base.absolute)
                );
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    staging.write("sitemap.xml", xml.as_bytes())?;
    let robots = format!(
        "User-agent: *\nAllow: /\nDisallow: {}admin/\n\nSitemap: {}sitemap.xml\n",
        base.path, base.absolute
    );
    staging.write("robots.txt", robots.as_bytes())
}
