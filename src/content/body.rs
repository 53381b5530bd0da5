//! A page's Markdown text, held in memory or read again from its file when a renderer needs it.
//!
//! A build needs each page's text two or three times (its page, its booklets, the search
//! index), spread over the whole build; holding every text from loading to the end was most of
//! a large site's memory. So a build keeps only where the text is and what the file held, and
//! reads it again each time. The dev server, which renders the same pages again on every save,
//! holds the text instead.
//!
//! A file that changed (or went away) since it was loaded is not used half-old, half-new: its
//! body reads as empty, [`Body::changed`] says so, and the build stops before the output is
//! replaced (`build::build`).

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::diagnostics::{Diagnostic, Diagnostics};

use super::Site;

/// See the module comment.
#[derive(Debug, Clone)]
pub struct Body(Source);

#[derive(Debug, Clone)]
enum Source {
    Held(Arc<str>),
    InFile(Arc<InFile>),
}

#[derive(Debug)]
struct InFile {
    /// The file, absolute.
    path: PathBuf,
    /// Where the body starts in it, in bytes (after the front matter).
    start: usize,
    /// [`hash`] of the whole file as loaded.
    hash: u64,
    /// Set when reading it again found other bytes, or none.
    changed: AtomicBool,
}

/// The hash of a content file's bytes, as its [`Body`] compares them and the build's
/// fingerprints use them.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

impl Body {
    /// A text held in memory.
    pub fn held(text: impl Into<Arc<str>>) -> Body {
        Body(Source::Held(text.into()))
    }

    /// The text of `path` from byte `start` on, where the file's bytes hashed to `hash` when
    /// it was loaded.
    pub(crate) fn in_file(path: PathBuf, start: usize, hash: u64) -> Body {
        Body(Source::InFile(Arc::new(InFile {
            path,
            start,
            hash,
            changed: AtomicBool::new(false),
        })))
    }

    /// The Markdown text; empty (and [`Body::changed`] set) when the file changed since it was
    /// loaded.
    pub fn text(&self) -> Cow<'_, str> {
        match &self.0 {
            Source::Held(text) => Cow::Borrowed(text),
            Source::InFile(file) => Cow::Owned(file.read().unwrap_or_else(|| {
                file.changed.store(true, Ordering::Relaxed);
                String::new()
            })),
        }
    }

    /// Whether reading the text again found its file changed or gone.
    pub fn changed(&self) -> bool {
        match &self.0 {
            Source::Held(_) => false,
            Source::InFile(file) => file.changed.load(Ordering::Relaxed),
        }
    }
}

impl InFile {
    fn read(&self) -> Option<String> {
        let bytes = std::fs::read(&self.path).ok()?;
        if hash(&bytes) != self.hash {
            return None;
        }
        let mut text = String::from_utf8(bytes).ok()?;
        if !text.is_char_boundary(self.start) {
            return None;
        }
        text.drain(..self.start);
        Some(text)
    }
}

/// Nothing, or an error for each page of `site` whose file changed while the build read it:
/// the caller then keeps its output as it was.
pub(crate) fn check_unchanged(site: &Site) -> Result<(), Diagnostics> {
    let problems: Diagnostics = site
        .entries()
        .flat_map(|entry| &entry.pages)
        .filter(|page| page.body.changed())
        .map(|page| {
            Diagnostic::error("this file changed while egiz was building the site from it")
                .in_file(&page.source)
                .with_hint("nothing was replaced; build again when you have saved your changes")
        })
        .collect();
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(())
}

impl From<&str> for Body {
    fn from(text: &str) -> Body {
        Body::held(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_a_file_is_read_again_each_time_and_a_change_is_noticed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.kk.md");
        let file = "---\ntitle: Ауыл\n---\nҚазақ мәтіні.\n";
        std::fs::write(&path, file).expect("write");
        let start = file.find("Қазақ").expect("body");
        let body = Body::in_file(path.clone(), start, hash(file.as_bytes()));
        assert_eq!(body.text(), "Қазақ мәтіні.\n");
        assert_eq!(body.text(), "Қазақ мәтіні.\n");
        assert!(!body.changed());

        std::fs::write(&path, file.replace("мәтіні", "сөзі")).expect("write");
        assert_eq!(body.text(), "");
        assert!(body.changed());
    }

    #[test]
    fn a_file_gone_is_a_change_and_a_held_text_never_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let body = Body::in_file(dir.path().join("gone.md"), 0, hash(b""));
        assert_eq!(body.text(), "");
        assert!(body.changed());
        let held = Body::held("мәтін");
        assert_eq!(held.text(), "мәтін");
        assert!(!held.changed());
    }
}
