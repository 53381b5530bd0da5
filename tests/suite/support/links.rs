//! Link checking: the site's base address, where a reference found in a generated page leads
//! (resolved as a browser would), and every broken or base-less reference of an output folder.

use std::path::Path;

use super::files::html_files;
use super::html::Page;

/// The site's address as egiz uses it: `https://org.github.io/ngo-site/` and `/ngo-site/`.
#[derive(Debug, Clone)]
pub(crate) struct Base {
    pub absolute: String,
    pub path: String,
}

impl Base {
    pub(crate) fn new(absolute: &str) -> Base {
        let absolute = format!("{}/", absolute.trim_end_matches('/'));
        let after_scheme = absolute.split_once("://").map_or("", |(_, rest)| rest);
        let path = after_scheme
            .find('/')
            .map_or("/".to_string(), |i| after_scheme[i..].to_string());
        Base { absolute, path }
    }

    fn origin(&self) -> &str {
        &self.absolute[..self.absolute.len() - self.path.len()]
    }

    /// A link path for a site path: `kk/x/` → `/ngo-site/kk/x/`.
    pub(crate) fn link(&self, site_path: &str) -> String {
        format!("{}{site_path}", self.path)
    }

    pub(crate) fn permalink(&self, site_path: &str) -> String {
        format!("{}{site_path}", self.absolute)
    }
}

/// Where a reference found in a generated page leads.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Not part of the site: another host, an anchor, `data:` or `mailto:`.
    Elsewhere,
    /// A file of the output, relative to the output folder.
    File(String),
    /// A site address outside the base path.
    OutsideBase(String),
}

/// Classify `reference`, found in the output file `page` (relative to the output folder),
/// against the site's `base`. Relative references are resolved as a browser would.
pub(crate) fn resolve(base: &Base, page: &str, reference: &str) -> Target {
    let reference = reference.trim();
    if reference.is_empty()
        || reference.starts_with('#')
        || reference.starts_with("//")
        || ["data:", "mailto:", "tel:", "javascript:"]
            .iter()
            .any(|s| reference.starts_with(s))
    {
        return Target::Elsewhere;
    }
    let path = if let Some(rest) = reference.strip_prefix(base.origin()) {
        if !rest.starts_with('/') {
            return Target::Elsewhere; // a longer host name that merely starts the same
        }
        rest.to_string()
    } else if reference.contains("://") {
        return Target::Elsewhere;
    } else if reference.starts_with('/') {
        reference.to_string()
    } else {
        let page_dir = match page.rfind('/') {
            Some(i) => &page[..=i],
            None => "",
        };
        normalise(&format!("{}{page_dir}{reference}", base.path))
    };
    let path = path.split(['#', '?']).next().unwrap_or("").to_string();
    let Some(inside) = path.strip_prefix(&base.path) else {
        return Target::OutsideBase(path);
    };
    let inside = percent_decode(inside);
    if inside.is_empty() || inside.ends_with('/') {
        Target::File(format!("{inside}index.html"))
    } else {
        Target::File(inside)
    }
}

/// Resolve `.` and `..` segments of an absolute path.
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

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).expect("a byte"));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every site-internal reference in every HTML file of `out` that is broken: outside the base
/// path, or pointing to a file that does not exist. Each problem as `page: reference (why)`.
pub(crate) fn broken_references(out: &Path, base: &Base) -> Vec<String> {
    let mut broken = Vec::new();
    for file in html_files(out) {
        let page = Page::open(out, &file);
        for reference in page.references() {
            match resolve(base, &file, &reference) {
                Target::Elsewhere => {}
                Target::OutsideBase(path) => {
                    broken.push(format!(
                        "{file}: {reference} (outside {}: {path})",
                        base.path
                    ));
                }
                Target::File(target) if !out.join(&target).is_file() => {
                    broken.push(format!("{file}: {reference} (no file {target})"));
                }
                Target::File(_) => {}
            }
        }
    }
    broken
}

/// Root-relative references (`/...`) that do not start with the base path: these break when
/// the site lives under a sub-path even if a file of that name happens to exist.
pub(crate) fn references_missing_base_path(out: &Path, base: &Base) -> Vec<String> {
    let mut wrong = Vec::new();
    for file in html_files(out) {
        for reference in Page::open(out, &file).references() {
            if reference.starts_with('/')
                && !reference.starts_with("//")
                && !reference.starts_with(&base.path)
            {
                wrong.push(format!("{file}: {reference}"));
            }
        }
    }
    wrong
}
