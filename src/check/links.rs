//! Broken internal links and anchors. The site is rendered in memory; every `href` and `src`
//! that points inside the site must reach a file of it, and every `#anchor` an id in the target
//! page. Links written in Markdown are reported at their line in the content file; links that
//! come from the theme once per address, at the template.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;

use crate::config::BaseUrl;
use crate::content::Site;
use crate::content::booklets::FileSizes;
use crate::content::percent_decode;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{self, ReferenceKind};
use crate::output::{Body, Memory};
use crate::theme::Theme;
use crate::web::{self, Job};

use super::Sources;
use super::html::{self, Scanned};

/// Where an address leads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    /// Not this site: another host, `mailto:`, `data:`...
    Elsewhere,
    /// A file of the output (relative to its root) and the anchor asked for.
    Inside {
        file: String,
        anchor: Option<String>,
    },
    /// A path on the site's host that is not under the base path.
    OutsideBase(String),
}

/// Resolve `reference` found on the page whose output file is `page_file`, as a browser would.
pub(crate) fn resolve(base: &BaseUrl, page_file: &str, reference: &str) -> Target {
    let reference = reference.trim();
    if reference.is_empty()
        || reference.starts_with("//")
        || ["mailto:", "tel:", "data:", "javascript:"]
            .iter()
            .any(|s| reference.starts_with(s))
    {
        return Target::Elsewhere;
    }
    let (without_anchor, anchor) = match reference.split_once('#') {
        Some((path, anchor)) => (path, Some(percent_decode(anchor))),
        None => (reference, None),
    };
    let without_query = without_anchor.split('?').next().unwrap_or("");
    let origin = &base.absolute[..base.absolute.len() - base.path.len()];
    let path = if without_query.is_empty() {
        format!("{}{page_file}", base.path)
    } else if let Some(rest) = without_query
        .strip_prefix(origin)
        .filter(|r| r.starts_with('/'))
    {
        rest.to_string()
    } else if has_scheme(without_query) {
        return Target::Elsewhere;
    } else if without_query.starts_with('/') {
        without_query.to_string()
    } else {
        let dir = page_file.rfind('/').map_or("", |i| &page_file[..=i]);
        normalise(&format!("{}{dir}{without_query}", base.path))
    };
    let path = percent_decode(&path);
    let Some(inside) = path.strip_prefix(&base.path) else {
        return if format!("{path}/") == base.path {
            Target::Inside {
                file: "index.html".into(),
                anchor,
            }
        } else {
            Target::OutsideBase(path)
        };
    };
    let file = if inside.is_empty() || inside.ends_with('/') {
        format!("{inside}index.html")
    } else {
        inside.to_string()
    };
    Target::Inside { file, anchor }
}

/// `https:`, `ftp:`, `viber:`...: a scheme is letters (then letters, digits, `+-.`) before a colon
/// that comes before any `/`.
fn has_scheme(address: &str) -> bool {
    let Some((scheme, _)) = address.split_once(':') else {
        return false;
    };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Resolve `.` and `..` in an absolute path.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "" | "." if i + 1 < segments.len() => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The rendered site, scanned.
struct Rendered {
    files: BTreeMap<String, Body>,
    pages: HashMap<String, Scanned>,
}

impl Rendered {
    /// Why `target` is broken, or None when it works.
    fn broken(&self, target: &Target) -> Option<String> {
        match target {
            Target::Elsewhere => None,
            Target::OutsideBase(path) => Some(format!("{path} is outside the site's address")),
            Target::Inside { file, anchor } => {
                let (file, exists) = if self.files.contains_key(file) {
                    (file.clone(), true)
                } else {
                    let folder = format!("{file}/index.html");
                    let exists = self.files.contains_key(&folder);
                    (folder, exists)
                };
                if !exists {
                    return Some("there is no such page or file".to_string());
                }
                let anchor = anchor.as_deref().filter(|a| !a.is_empty() && *a != "top")?;
                let page = self.pages.get(&file)?;
                (!page.ids.contains(anchor))
                    .then(|| format!("the page has no heading or element with the id \"{anchor}\""))
            }
        }
    }
}

/// Render the site in memory and check its links. Returns the problems, the number of pages
/// and the number of links checked.
pub(crate) fn check(site: &Site, theme: &Theme, sources: &Sources) -> (Diagnostics, usize, usize) {
    let memory = Memory::new();
    if let Err(problems) = web::render(site, theme, (&FileSizes::new(), &FileSizes::new()), &memory)
    {
        return (problems, 0, 0);
    }
    let mut files = memory.into_files();
    // The booklets' PDF files are made by the build, not rendered here; links to them work.
    for file in site.prints.iter().flat_map(|b| &b.files) {
        files
            .entry(file.path.clone())
            .or_insert_with(|| Body::Bytes(Vec::new().into()));
    }
    let progress = crate::progress::bar(files.len(), "pages checked");
    let pages: HashMap<String, Scanned> = files
        .par_iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .filter_map(|(name, body)| {
            progress.inc();
            let bytes = body.read().ok()?;
            Some((name.clone(), html::scan(&String::from_utf8_lossy(&bytes))))
        })
        .collect();
    progress.finish();
    let rendered = Rendered { files, pages };
    let base = &site.config.base;
    let mut problems = Diagnostics::new();
    let mut checked = HashSet::new();
    let mut links = markdown_links(site, base, &rendered, &mut checked, &mut problems);
    links += theme_links(
        site,
        theme,
        base,
        &rendered,
        &checked,
        sources,
        &mut problems,
    );
    (problems, rendered.pages.len(), links)
}

/// Links and pictures written in the Markdown of every page, reported at their line.
fn markdown_links(
    site: &Site,
    base: &BaseUrl,
    rendered: &Rendered,
    checked: &mut HashSet<(String, Target)>,
    problems: &mut Diagnostics,
) -> usize {
    let mut count = 0;
    for page in site.entries().flat_map(|e| &e.pages) {
        let page_file = format!("{}index.html", page.path);
        for reference in markdown::render_html(&page.body.text(), &base.path).references {
            // Markdown addresses starting with `/` are under the base path, as the renderer writes them.
            let written = match reference.target.strip_prefix('/') {
                Some(rest) if !rest.starts_with('/') => base.link(rest),
                _ => reference.target.clone(),
            };
            let target = resolve(base, &page_file, &written);
            count += 1;
            if let Some(why) = rendered.broken(&target) {
                let what = match reference.kind {
                    ReferenceKind::Image => "picture",
                    ReferenceKind::Link => "link",
                };
                problems.push(
                    Diagnostic::error(format!("broken {what} \"{}\": {why}", reference.target))
                        .in_file(&page.source)
                        .at(reference.line + page.body_line - 1, reference.column)
                        .with_hint(link_hint(base)),
                );
            }
            checked.insert((page_file.clone(), target));
        }
    }
    count
}

fn link_hint(base: &BaseUrl) -> String {
    format!(
        "link to another page by its address in the site, e.g. /kk/projects/NAME/ (egiz adds {}), or relative to this page, e.g. ../NAME/; anchors are heading ids: #natizheler",
        base.path
    )
}

/// Every other address in the rendered pages (from the theme's templates), one report per
/// broken address with the number of pages it is on.
fn theme_links(
    site: &Site,
    theme: &Theme,
    base: &BaseUrl,
    rendered: &Rendered,
    checked: &HashSet<(String, Target)>,
    sources: &Sources,
    problems: &mut Diagnostics,
) -> usize {
    let templates = page_templates(site, theme);
    // (template, address) → (why, the first page, how many pages).
    let mut broken: BTreeMap<(&str, &str), (String, &str, usize)> = BTreeMap::new();
    let mut count = 0;
    let mut files: Vec<&String> = rendered.pages.keys().collect();
    files.sort();
    for file in files {
        let Some(page) = rendered.pages.get(file) else {
            continue;
        };
        for reference in &page.references {
            let target = resolve(base, file, reference);
            if checked.contains(&(file.clone(), target.clone())) {
                continue;
            }
            count += 1;
            if let Some(why) = rendered.broken(&target) {
                let template = templates.get(file.as_str()).copied().unwrap_or("base.html");
                broken
                    .entry((template, reference.as_str()))
                    .or_insert((why, file.as_str(), 0))
                    .2 += 1;
            }
        }
    }
    for ((template, reference), (why, first, pages)) in broken {
        let file = theme
            .templates
            .get(template)
            .map(|(_, file)| file.clone())
            .unwrap_or_else(|| sources.root().join("themes"));
        let on = match pages {
            1 => base.link(first),
            n => format!("{} and {} more pages", base.link(first), n - 1),
        };
        problems.push(
            Diagnostic::error(format!("broken link \"{reference}\" on {on}: {why}"))
                .in_file(file)
                .with_hint(format!(
                    "the address comes from the theme's templates ({template} or a template it uses): write links with url(path=\"...\") so they include {}",
                    base.path
                )),
        );
    }
    count
}

/// Output file → the top-level template that rendered it.
fn page_templates(site: &Site, theme: &Theme) -> HashMap<String, &'static str> {
    let exists = |name: &str| theme.templates.contains_key(name);
    let mut templates = HashMap::new();
    let no_sizes = FileSizes::new();
    let prepared = web::prepare(site, &no_sizes, &no_sizes);
    for job in web::jobs(&prepared) {
        let template = job.template(&exists);
        if let Job::List("") = job {
            for lang in site.config.language_codes() {
                templates.insert(format!("{lang}/index.html"), template);
            }
        } else {
            templates.insert(job.key(), template);
        }
    }
    templates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> BaseUrl {
        BaseUrl::parse("https://example.org/civic/").expect("valid")
    }

    fn inside(file: &str, anchor: Option<&str>) -> Target {
        Target::Inside {
            file: file.into(),
            anchor: anchor.map(str::to_string),
        }
    }

    #[test]
    fn addresses_resolve_like_a_browser() {
        let page = "kk/projects/a/index.html";
        assert_eq!(
            resolve(&base(), page, "../b/#x"),
            inside("kk/projects/b/index.html", Some("x"))
        );
        assert_eq!(
            resolve(&base(), page, "/civic/kk/"),
            inside("kk/index.html", None)
        );
        assert_eq!(
            resolve(&base(), page, "https://example.org/civic/ru/"),
            inside("ru/index.html", None)
        );
        assert_eq!(
            resolve(&base(), page, "#natizheler"),
            inside(page, Some("natizheler"))
        );
        assert_eq!(
            resolve(&base(), page, "cover%20photo.jpg"),
            inside("kk/projects/a/cover photo.jpg", None)
        );
        assert_eq!(
            resolve(&base(), page, "/kk/"),
            Target::OutsideBase("/kk/".into())
        );
        for elsewhere in [
            "https://other.org/",
            "mailto:a@b.kz",
            "//cdn.example/x.js",
            "tel:+7",
        ] {
            assert_eq!(
                resolve(&base(), page, elsewhere),
                Target::Elsewhere,
                "{elsewhere}"
            );
        }
    }
}
