//! The print engine's front door: fonts and settings prepared once per build, then a story
//! (or any document) set, paginated and written as a PDF.

use std::path::{Path, PathBuf};

use crate::content::{Page, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::StringTable;
use crate::theme::Theme;

use super::doc::Document;
use super::flow::paginate::{Paged, Running, paginate};
use super::flow::{Typesetter, layout};
use super::fonts::{FaceKey, Family, FontSet};
use super::inline::shape::missing_chars;
use super::pdf::{Meta, Output, OutputIntent, PdfWriter};
use crate::config::OutputCondition;
use crate::theme::print::{FaceFiles, PrintSettings};

/// A written PDF and what was learnt while making it.
pub(crate) struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub warnings: Diagnostics,
}

/// Pages set but not yet written.
pub(crate) struct Typeset<'a> {
    pub paged: Paged,
    pub writer: PdfWriter<'a>,
    pub warnings: Diagnostics,
}

/// Fonts, settings and UI strings, ready to set any number of documents (in parallel).
pub(crate) struct Engine {
    /// The embedded faces.
    pub fonts: FontSet,
    /// The theme's print settings.
    pub settings: PrintSettings,
    /// The theme's UI strings (fact labels, contents, folios).
    pub strings: StringTable,
    /// The printing condition of the print-shop editions.
    pub intent: OutputIntent,
}

impl Engine {
    /// Read the theme's `print:` settings and fonts, and the output intent of site.yaml or the
    /// theme. Missing settings take the defaults of a designed A5 leaflet; missing fonts the
    /// embedded Noto family; no output intent FOGRA39.
    pub(crate) fn new(theme: &Theme, site: &Site) -> Result<Engine, Diagnostics> {
        let (settings, dir) = match &theme.print {
            Some((value, file)) => {
                let settings = PrintSettings::from_yaml(value, file)
                    .map_err(|d| Diagnostics::from_iter([d]))?;
                (
                    settings,
                    file.parent().map(Path::to_path_buf).unwrap_or_default(),
                )
            }
            None => (PrintSettings::default(), PathBuf::new()),
        };
        let files = font_files(&settings, &dir);
        let outside: Vec<Diagnostic> = files
            .iter()
            .filter(|(_, path)| path.exists() && crate::paths::confined(&dir, path).is_none())
            .map(|(_, path)| {
                Diagnostic::error(format!(
                    "print: the font file {} is outside the theme folder",
                    path.display()
                ))
                .in_file(dir.join("theme.yaml"))
                .with_hint("copy the font into the theme folder (e.g. fonts/) and name it relative to the folder under print: fonts: in theme.yaml")
            })
            .collect();
        if !outside.is_empty() {
            return Err(Diagnostics::from_iter(outside));
        }
        let fonts = if files.is_empty() {
            FontSet::embedded()
        } else {
            FontSet::from_files(&files).map_err(|err| {
                Diagnostics::from_iter([Diagnostic::error(format!("print: {err}"))
                    .in_file(dir.join("theme.yaml"))
                    .with_hint("check the font file names under print: fonts: in theme.yaml (paths are relative to the theme folder)")])
            })?
        };
        let intent = match (
            &site.config.raw.print.output_intent,
            &settings.output_intent,
        ) {
            (Some(own), _) => output_intent(own, &site.root, &site.root.join("site.yaml")),
            (None, Some(theme)) => output_intent(theme, &dir, &dir.join("theme.yaml")),
            (None, None) => Ok(OutputIntent::fogra39()),
        }
        .map_err(|d| Diagnostics::from_iter([d]))?;
        let mut settings = settings;
        let colors = settings.colors.all_mut();
        let rgb: Vec<_> = colors.iter().map(|c| c.rgb).collect();
        if let Some(press) = super::pdf::press_colors(&intent, &rgb) {
            for (color, cmyk) in colors.into_iter().zip(press) {
                color.press = Some(cmyk);
            }
        }
        Ok(Engine {
            fonts,
            settings,
            strings: theme.strings.clone(),
            intent,
        })
    }

    /// One language version of a story as a PDF.
    pub(crate) fn story_pdf(&self, site: &Site, page: &Page) -> Result<Pdf, Diagnostics> {
        let document = super::story::story_document(site, page, &self.strings);
        let meta = Meta {
            title: page.title.clone(),
            author: site.config.title(&page.lang).to_string(),
            subject: page.summary().to_string(),
            lang: page.lang.clone(),
            date: page
                .date()
                .map(|d| (d.year, d.month, d.day))
                .unwrap_or((2000, 1, 1)),
            creator: concat!("egiz ", env!("CARGO_PKG_VERSION")).to_string(),
        };
        let mut pdf = self.write(&document, page, &meta)?;
        pdf.warnings.extend(self.unprintable(page));
        Ok(pdf)
    }

    /// Set `document` (whose images are files beside `page`) and write it.
    pub(crate) fn write(
        &self,
        document: &Document,
        page: &Page,
        meta: &Meta,
    ) -> Result<Pdf, Diagnostics> {
        let Typeset {
            paged,
            writer,
            warnings,
        } = self.typeset(document, page, &meta.title);
        let pages = paged.pages.len();
        let bytes = writer
            .finish(paged.pages, &paged.outline, meta, &Output::Screen)
            .map_err(|err| {
                Diagnostics::from_iter([
                    Diagnostic::error(format!("cannot write the PDF: {err}")).in_file(&page.source)
                ])
            })?;
        Ok(Pdf {
            bytes,
            pages,
            warnings,
        })
    }

    /// Set `document` into pages, with its images added to a PDF writer that is ready to
    /// finish them. (Tests look at the pages before they are written.)
    pub(crate) fn typeset(&self, document: &Document, page: &Page, title: &str) -> Typeset<'_> {
        let ts = Typesetter {
            fonts: &self.fonts,
            settings: &self.settings,
            lang: &page.lang,
        };
        let mut writer = PdfWriter::new(&self.fonts);
        let mut warnings = Diagnostics::new();
        let mut images = |src: &str| {
            let asset = page
                .assets
                .iter()
                .find(|a| a.dest == src.trim_start_matches("./"))?;
            let added = std::fs::read(&asset.source)
                .map_err(|e| e.to_string())
                .and_then(|bytes| writer.add_image(&bytes).map_err(|e| e.to_string()));
            match added {
                Ok(id) => {
                    let (w, h) = writer.image_size(id);
                    Some((id, w, h))
                }
                Err(err) => {
                    warnings.push(
                        Diagnostic::warning(format!(
                            "the image \"{src}\" cannot be printed: {err}"
                        ))
                        .in_file(&page.source)
                        .with_hint("save it as JPEG or PNG"),
                    );
                    None
                }
            }
        };
        let galley = layout(document, &ts, &mut images);
        let paged = paginate(galley, &ts, &Running::new(title));
        Typeset {
            paged,
            writer,
            warnings,
        }
    }

    /// Warnings for characters of the page the print fonts cannot show: they would print as
    /// empty boxes.
    fn unprintable(&self, page: &Page) -> Diagnostics {
        unprintable_chars(&self.fonts, page)
            .into_iter()
            .map(|(c, part)| {
                Diagnostic::warning(format!("the print font cannot show \"{c}\" (U+{:04X}) in the {part}", u32::from(c)))
                    .in_file(&page.source)
                    .with_hint("it would print as an empty box: replace it, or give the theme a font that has it")
            })
            .collect()
    }
}

/// Characters of a page's title (set in the headings face), summary and text (body face) that
/// the fonts do not have, each once, with the part it was found in.
pub(crate) fn unprintable_chars(fonts: &FontSet, page: &Page) -> Vec<(char, &'static str)> {
    let heading = fonts.face(FaceKey {
        family: Family::Sans,
        bold: true,
        italic: false,
    });
    let body = fonts.face(FaceKey {
        family: Family::Serif,
        bold: false,
        italic: false,
    });
    let text = page.body.text();
    let parts = [
        (heading, page.title.as_str(), "title"),
        (body, page.summary(), "summary"),
        (body, &text, "text"),
    ];
    let mut found: Vec<(char, &'static str)> = Vec::new();
    for (face, text, part) in parts {
        for c in missing_chars(fonts, face, text) {
            if !found.iter().any(|(seen, _)| *seen == c) {
                found.push((c, part));
            }
        }
    }
    found
}

/// The output intent `condition` names, its profile read from inside `dir` (the folder of
/// `file`, which names it) and checked to be a CMYK output profile.
fn output_intent(
    condition: &OutputCondition,
    dir: &Path,
    file: &Path,
) -> Result<OutputIntent, Diagnostic> {
    let problem = |message: String| {
        Diagnostic::error(format!("print: output_intent: {message}"))
            .in_file(file)
            .with_hint("give the CMYK ICC profile of the print shop's printing condition, e.g. profile: icc/PSOcoated_v3.icc, a file inside this folder")
    };
    let shown = condition.profile.display();
    let escapes = condition.profile.is_absolute()
        || condition.profile.components().any(|c| {
            !matches!(
                c,
                std::path::Component::Normal(_) | std::path::Component::CurDir
            )
        });
    if escapes {
        return Err(problem(format!(
            "the profile \"{shown}\" is outside the folder; write a path inside it, without .."
        )));
    }
    let path = dir.join(&condition.profile);
    // A symbolic link could still lead out of the folder.
    let inside = crate::paths::confined(dir, &path).is_some();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) if inside => bytes,
        Ok(_) => {
            return Err(problem(format!(
                "the profile \"{shown}\" leads outside the folder"
            )));
        }
        Err(e) => return Err(problem(format!("cannot read the profile \"{shown}\": {e}"))),
    };
    OutputIntent::custom(&condition.name, condition.info.as_deref(), bytes)
        .map_err(|reason| problem(format!("\"{shown}\" cannot be used: {reason}")))
}

fn font_files(settings: &PrintSettings, dir: &Path) -> Vec<(FaceKey, PathBuf)> {
    let families = [
        (Family::Serif, &settings.fonts.serif),
        (Family::Sans, &settings.fonts.sans),
    ];
    let mut files = Vec::new();
    for (family, faces) in families {
        let Some(FaceFiles {
            regular,
            bold,
            italic,
            bold_italic,
        }) = faces
        else {
            continue;
        };
        for (file, bold, italic) in [
            (regular, false, false),
            (bold, true, false),
            (italic, false, true),
            (bold_italic, true, true),
        ] {
            if let Some(file) = file {
                files.push((
                    FaceKey {
                        family,
                        bold,
                        italic,
                    },
                    dir.join(file),
                ));
            }
        }
    }
    files
}
