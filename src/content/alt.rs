//! Alternative text: a cover, a gallery image or an image in the text without `alt` is shown to
//! screen-reader users as a bare file name (or nothing). Not an error — the site still works —
//! but a warning at the line that names the image, from `egiz build` and any later `egiz check`
//! (both get it through `content::load`, which runs this on every file).

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::{Reference, ReferenceKind};
use crate::yaml;

use super::model::Meta;
use super::schema::ImageRef;

/// The parts of one content file the check reads: its own front matter (before a translation
/// inherits anything, so an inherited image is reported once, in the file that has it) and the
/// images of its Markdown text.
pub(crate) struct FileImages<'a> {
    /// The file, as shown in messages.
    pub file: &'a Path,
    pub meta: &'a Meta,
    /// The front matter text and the file line it starts on.
    pub front_matter: &'a str,
    pub front_matter_line: usize,
    pub references: &'a [Reference],
    /// The file line the Markdown body starts on.
    pub body_line: usize,
}

/// A warning for every image of the file that has no alt text (or only spaces).
pub(crate) fn missing_alt(images: &FileImages) -> Diagnostics {
    let mut warnings = Diagnostics::new();
    let (cover, gallery): (Option<&ImageRef>, &[ImageRef]) = match images.meta {
        Meta::Story(m) => (m.cover.as_ref(), m.gallery.as_deref().unwrap_or_default()),
        Meta::Booklet(m) => (m.cover.as_ref(), &[]),
        Meta::Page(_) => (None, &[]),
    };
    let front_matter = cover
        .map(|image| ("cover", image))
        .into_iter()
        .chain(gallery.iter().map(|image| ("gallery", image)));
    for (field, image) in front_matter {
        if has_text(image.alt.as_deref()) {
            continue;
        }
        let (line, column) = yaml::position_of(images.front_matter, field, Some(&image.src))
            .map_or((1, 1), |(line, column)| {
                (line + images.front_matter_line - 1, column)
            });
        warnings.push(
            Diagnostic::warning(format!(
                "the {} image \"{}\" has no alt text",
                if field == "cover" { "cover" } else { "gallery" },
                image.src
            ))
            .in_file(images.file)
            .at(line, column)
            .with_hint(format!(
                "say in a few words what the picture shows, for people who cannot see it: `{{ src: {}, alt: \"Children at the start of the race\" }}`",
                image.src
            )),
        );
    }
    for reference in images
        .references
        .iter()
        .filter(|r| r.kind == ReferenceKind::Image && !has_text(Some(&r.text)))
    {
        warnings.push(
            Diagnostic::warning(format!("the image \"{}\" has no alt text", reference.target))
                .in_file(images.file)
                .at(reference.line + images.body_line - 1, reference.column)
                .with_hint(format!(
                    "say in a few words what the picture shows, between the brackets: `![Children at the start of the race]({})`",
                    reference.target
                )),
        );
    }
    warnings
}

fn has_text(alt: Option<&str>) -> bool {
    alt.is_some_and(|text| !text.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::schema::StoryMeta;

    #[test]
    fn images_without_alt_are_warned_at_their_line() {
        let front_matter = "title: X\ncover: { src: cover.jpg }\ngallery:\n  - { src: a.jpg, alt: Бала }\n  - { src: b.jpg, alt: \" \" }\n";
        let meta: StoryMeta = serde_yaml::from_str(front_matter).expect("valid");
        let rendered =
            crate::markdown::render_html("Text.\n\n![](in-text.png) ![ok](x.png)\n", "/");
        let warnings = missing_alt(&FileImages {
            file: Path::new("content/projects/x.kk.md"),
            meta: &Meta::Story(meta),
            front_matter,
            front_matter_line: 2,
            references: &rendered.references,
            body_line: 9,
        });
        let shown: Vec<String> = warnings.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown.len(), 3, "{shown:#?}");
        assert!(shown[0].starts_with("content/projects/x.kk.md:3:15: warning: the cover image \"cover.jpg\" has no alt text"), "{}", shown[0]);
        assert!(
            shown[1].starts_with("content/projects/x.kk.md:6:"),
            "{}",
            shown[1]
        );
        assert!(shown[1].contains("\"b.jpg\""));
        assert!(
            shown[2]
                .starts_with("content/projects/x.kk.md:11:1: warning: the image \"in-text.png\""),
            "{}",
            shown[2]
        );
        assert!(warnings.iter().all(|d| !d.is_error() && d.hint.is_some()));
    }
}
