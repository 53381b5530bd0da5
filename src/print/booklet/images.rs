//! A booklet's pictures, read and checked once, and where a page's picture files are: every
//! edition's PDF writer gets them in the same order, so the image ids in composed pages hold
//! in every edition.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::content::{Page as ContentPage, Site};
use crate::diagnostics::Diagnostic;
use crate::print::display::ImageId;
use crate::print::fonts::FontSet;
use crate::print::pdf::PdfWriter;

/// The images of a booklet, loaded once; every PDF writer of its editions gets them in the same
/// order, so the ids in the composed pages hold in every edition.
pub(crate) struct Images<'a> {
    /// Holds every image read; each edition's writer shares them.
    probe: PdfWriter<'a>,
    /// Per image: its file, the page that shows it, its displayed pixel size.
    sources: Vec<(PathBuf, PathBuf, (u32, u32))>,
    index: HashMap<PathBuf, Option<(ImageId, u32, u32)>>,
    pub warnings: Vec<Diagnostic>,
}

impl<'a> Images<'a> {
    pub(crate) fn new(fonts: &'a FontSet) -> Self {
        Images {
            probe: PdfWriter::new(fonts),
            sources: Vec::new(),
            index: HashMap::new(),
            warnings: Vec::new(),
        }
    }

    /// The image at `path` (read and checked once), with its pixel size.
    pub(crate) fn get(&mut self, path: &Path, shown: &Path) -> Option<(ImageId, u32, u32)> {
        if let Some(known) = self.index.get(path) {
            return *known;
        }
        let loaded = match std::fs::read(path) {
            Ok(bytes) => match self.probe.add_image(&bytes) {
                Ok(id) => {
                    let (w, h) = self.probe.image_size(id);
                    self.sources
                        .push((path.to_path_buf(), shown.to_path_buf(), (w, h)));
                    Some((id, w, h))
                }
                Err(e) => {
                    self.warnings.push(
                        Diagnostic::warning(format!(
                            "the picture {} cannot go into the booklet: {e}",
                            path.display()
                        ))
                        .in_file(shown),
                    );
                    None
                }
            },
            Err(e) => {
                self.warnings.push(
                    Diagnostic::warning(format!(
                        "cannot read the picture {} for the booklet: {e}",
                        path.display()
                    ))
                    .in_file(shown),
                );
                None
            }
        };
        self.index.insert(path.to_path_buf(), loaded);
        loaded
    }

    /// The file of image `id`, the page that first showed it and its displayed pixel size.
    pub(crate) fn source(&self, id: ImageId) -> Option<(&Path, &Path, (u32, u32))> {
        self.sources
            .get(id.0)
            .map(|(file, shown, size)| (file.as_path(), shown.as_path(), *size))
    }

    /// A writer for one edition, sharing every image of the booklet (read once, each size
    /// made once).
    pub(crate) fn writer(&self) -> PdfWriter<'a> {
        self.probe.sibling()
    }
}

/// Where the file named by `src` in a page's text or front matter is on disk: only what the
/// model resolved and confined when it read the page (`Page::assets`), never a path joined
/// here, so web and print read exactly the same files.
pub(crate) fn image_path(_site: &Site, page: &ContentPage, src: &str) -> Option<PathBuf> {
    let src = crate::content::local_path(src)?;
    let src = src.trim_start_matches("./");
    page.assets
        .iter()
        .find(|a| a.dest == src)
        .map(|a| a.source.clone())
}
