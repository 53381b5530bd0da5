//! Checks of the fields a file writes itself — taxonomy terms, periods, images, the images of
//! its Markdown, alt texts — and the resolving of relative file references beside a page.

use std::path::Path;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, suggest};
use crate::markdown::ReferenceKind;
use crate::taxonomy::Taxonomy;

use super::model::{Asset, Meta};
use super::parsed::Parsed;
use super::schema::ImageRef;

/// Checks of the fields a file gives itself, so a problem is reported in the file that has it
/// (an inherited value was already checked in the default language's file).
pub(super) fn check_own_fields(file: &Parsed, config: &Config, problems: &mut Diagnostics) {
    match &file.meta {
        Some(Meta::Story(meta)) => {
            for taxonomy in config.taxonomies() {
                for key in meta.terms(&taxonomy) {
                    check_term(file, config, &taxonomy, key, problems);
                }
            }
            if let Some(period) = &meta.period
                && let (Some(start), Some(end)) = (period.start, period.end)
                && end < start
            {
                problems.push(
                    file.at_field(
                        "period",
                        Some(&end.iso()),
                        Diagnostic::error(format!(
                            "the period ends ({}) before it starts ({})",
                            end.iso(),
                            start.iso()
                        ))
                        .with_hint("swap `start` and `end`, or correct the year"),
                    ),
                );
            }
            check_images(file, "cover", meta.cover.iter(), problems);
            check_images(file, "gallery", meta.gallery.iter().flatten(), problems);
            check_partners(file, meta.partners.iter().flatten(), problems);
        }
        Some(Meta::Booklet(meta)) => {
            check_images(file, "cover", meta.cover.iter(), problems);
            check_partners(file, meta.partners.iter().flatten(), problems);
        }
        _ => {}
    }
    for reference in &file.outline.references {
        if let Some(scheme) = unsafe_scheme(&reference.target) {
            problems.push(
                unsafe_address(&scheme)
                    .in_file(&file.source.shown)
                    .at(reference.line + file.body_line - 1, reference.column),
            );
        }
    }
    for reference in file
        .outline
        .references
        .iter()
        .filter(|r| r.kind == ReferenceKind::Image)
    {
        if let Err(message) = resolve_image(file.dir(), file.shown_dir(), &reference.target) {
            problems.push(
                Diagnostic::error(message.text)
                    .in_file(&file.source.shown)
                    .at(reference.line + file.body_line - 1, reference.column)
                    .with_hint(message.hint),
            );
        }
    }
    if let Some(meta) = &file.meta {
        problems.extend(super::alt::missing_alt(&super::alt::FileImages {
            file: &file.source.shown,
            meta,
            front_matter: &file.yaml,
            front_matter_line: file.yaml_line,
            references: &file.outline.references,
            body_line: file.body_line,
        }));
    }
}

fn check_term(
    file: &Parsed,
    config: &Config,
    taxonomy: &Taxonomy,
    key: &str,
    problems: &mut Diagnostics,
) {
    if config.has_term(taxonomy, key) {
        return;
    }
    let known = config.term_keys(taxonomy);
    let otherwise = if known.is_empty() {
        format!(
            "add `taxonomies: {{ {taxonomy}: {{ {key}: {{ kk: ..., ru: ... }} }} }}` to site.yaml"
        )
    } else {
        format!(
            "the {taxonomy} terms in site.yaml are: {}; add \"{key}\" there with its labels if it is new",
            known.join(", ")
        )
    };
    let hint = suggest(key, known.iter().copied(), &otherwise);
    problems.push(
        file.at_field(
            taxonomy.key(),
            Some(key),
            Diagnostic::error(format!("\"{key}\" is not a {taxonomy} term in site.yaml"))
                .with_hint(hint),
        ),
    );
}

fn check_images<'a>(
    file: &Parsed,
    field: &str,
    images: impl Iterator<Item = &'a ImageRef>,
    problems: &mut Diagnostics,
) {
    for image in images {
        if let Err(message) = resolve_image(file.dir(), file.shown_dir(), &image.src) {
            problems.push(file.at_field(
                field,
                Some(&image.src),
                Diagnostic::error(message.text).with_hint(message.hint),
            ));
        }
    }
}

/// A partner's `url` must not be one that runs code when clicked.
fn check_partners<'a>(
    file: &Parsed,
    partners: impl Iterator<Item = &'a super::schema::Partner>,
    problems: &mut Diagnostics,
) {
    for url in partners.filter_map(|p| p.url.as_deref()) {
        if let Some(scheme) = unsafe_scheme(url) {
            problems.push(file.at_field("partners", Some(url), unsafe_address(&scheme)));
        }
    }
}

fn unsafe_address(scheme: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "a `{scheme}:` address runs code or hides content in the page and is not allowed"
    ))
    .with_hint("link to an https:// address or to a page of the site")
}

pub(super) struct Problem {
    pub(super) text: String,
    pub(super) hint: String,
}

/// A relative file reference resolved against the page's folder: its source and its place
/// beside the page in the output. `Ok(None)` for addresses that are not local files.
pub(super) fn resolve_local(
    dir: &Path,
    shown_dir: &Path,
    target: &str,
) -> Result<Option<Asset>, Problem> {
    let Some(relative) = local_path(target) else {
        return Ok(None);
    };
    if relative.split('/').any(|part| part == "..") || relative.contains('\\') {
        return Err(Problem {
            text: format!("the image \"{target}\" is outside the page's folder"),
            hint: "put the image in the same folder as the text (a page bundle: NAME/index.LANG.md + images), or in static/ and write its address as /images/NAME.jpg".into(),
        });
    }
    let source = dir.join(&relative);
    if !source.is_file() {
        let hint = match std::fs::read_dir(dir) {
            Ok(entries) => {
                let names: Vec<String> = entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().to_string())
                    .collect();
                suggest(
                    &relative,
                    names.iter().map(String::as_str),
                    &format!("put the file at {}", shown_dir.join(&relative).display()),
                )
            }
            Err(_) => format!("put the file at {}", shown_dir.join(&relative).display()),
        };
        return Err(Problem {
            text: format!("the image \"{target}\" does not exist"),
            hint,
        });
    }
    let source = crate::paths::confined(dir, &source).ok_or_else(|| Problem {
        text: format!("the image \"{target}\" is a link to a file outside the page's folder"),
        hint: "copy the image into the page's folder instead of linking to it".into(),
    })?;
    Ok(Some(Asset {
        source,
        dest: relative.trim_start_matches("./").to_string(),
    }))
}

/// An image reference resolved as [`resolve_local`] does, and the file it names checked: whole,
/// and within the pixel limit.
fn resolve_image(dir: &Path, shown_dir: &Path, target: &str) -> Result<Option<Asset>, Problem> {
    let asset = resolve_local(dir, shown_dir, target)?;
    if let Some(asset) = &asset {
        super::image_file::inspect(&asset.source).map_err(|why| Problem {
            text: format!("the image \"{target}\" cannot be used: {why}"),
            hint: format!(
                "open it in an image viewer and save (export) it again as JPEG or PNG, at most {} megapixels (e.g. 8000 × 6000); a photo for the web and for print needs no more than 4000 pixels on its long side",
                super::image_file::MAX_PIXELS / 1_000_000
            ),
        })?;
    }
    Ok(asset)
}

/// The file path part of a relative address, percent-decoded; None for web addresses,
/// site-absolute paths, anchors and data URLs. Only a real URL scheme (`https:`, `mailto:`,
/// two letters or more) makes an address non-local: any other `:` (`C:`, `x:../a.jpg`) is part
/// of a path and gets the same checks as every path.
pub(crate) fn local_path(target: &str) -> Option<String> {
    let target = target.split(['#', '?']).next().unwrap_or("");
    if target.is_empty() || target.starts_with('/') || url_scheme(target).is_some() {
        return None;
    }
    Some(percent_decode(target))
}

/// The scheme of `target` when it is one a browser would run or use to hide content
/// (`javascript:`, `vbscript:`, `data:`): never allowed in an address from content.
pub(crate) fn unsafe_scheme(target: &str) -> Option<String> {
    // Browsers ignore tabs and line breaks inside a scheme (`java\tscript:`).
    let cleaned: String = target
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    url_scheme(&cleaned).filter(|s| matches!(s.as_str(), "javascript" | "vbscript" | "data"))
}

/// The scheme of an absolute URL (`https`, `mailto`, `javascript`), lower-cased; None for a
/// path. One letter before `:` is a Windows drive, not a scheme.
pub(crate) fn url_scheme(target: &str) -> Option<String> {
    let (scheme, _) = target.trim_start().split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (valid && scheme.len() > 1).then(|| scheme.to_ascii_lowercase())
}

pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).to_string()
}
