//! The image cache: resized files kept in `<site>/.egiz-cache/images/` between builds, named by
//! a hash of the source bytes, the width and the encoding settings. An image that did not
//! change is therefore never encoded again, and a changed one never reuses a stale file.
//! The folder can be deleted at any time; it is rebuilt on the next build.

use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::resize::Format;

/// Relative to the site folder. `egiz init` puts `.egiz-cache/` into the site's .gitignore.
pub(crate) const CACHE_DIR: &str = ".egiz-cache/images";

/// Raised when the way files are encoded changes in a way the name does not capture
/// (another resize filter, another encoder), so old files are not reused.
const ENCODING_VERSION: u32 = 1;

pub(crate) struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub(crate) fn new(site_root: &Path) -> Cache {
        Cache::in_folder(site_root, CACHE_DIR)
    }

    /// A cache of other files egiz makes (share cards), in `folder` of the site.
    pub(crate) fn in_folder(site_root: &Path, folder: &str) -> Cache {
        Cache {
            dir: site_root.join(folder),
        }
    }

    #[cfg(test)]
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Write `bytes` as `name`, atomically: into a temporary file, then renamed. A build that is
    /// interrupted, or two builds at once, never leave a half-written file under a real name.
    pub(crate) fn store(&self, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        std::fs::create_dir_all(&self.dir)?;
        let path = self.path(name);
        let temporary = self.dir.join(format!(
            ".{name}.{}-{:?}.tmp",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(&temporary, &path).inspect_err(|_| {
            let _ = std::fs::remove_file(&temporary);
        })?;
        Ok(path)
    }
}

/// The hash of an image's bytes: 128 bits of SHA-256 as hex, plenty to tell images apart.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The cache file name of one resized image: `<hash>-800w-q80-e1.jpg` (PNG has no quality).
pub(crate) fn file_name(hash: &str, width: u32, format: Format, quality: u8) -> String {
    let settings = match format {
        Format::Jpeg => format!("q{quality}-"),
        Format::Png => String::new(),
    };
    format!(
        "{hash}-{width}w-{settings}e{ENCODING_VERSION}.{}",
        format.extension()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_changes_with_the_content_the_width_and_the_quality() {
        let a = content_hash(b"one image");
        let b = content_hash(b"one image!");
        assert_ne!(a, b);
        assert_eq!(
            a,
            content_hash(b"one image"),
            "the same bytes, the same key"
        );
        assert_eq!(a.len(), 32);
        let name = file_name(&a, 800, Format::Jpeg, 80);
        assert_ne!(name, file_name(&b, 800, Format::Jpeg, 80));
        assert_ne!(name, file_name(&a, 480, Format::Jpeg, 80));
        assert_ne!(name, file_name(&a, 800, Format::Jpeg, 70));
        assert_ne!(name, file_name(&a, 800, Format::Png, 80));
        assert!(name.ends_with(".jpg") && name.starts_with(&a), "{name}");
    }

    #[test]
    fn stored_files_appear_whole_under_their_name() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let cache = Cache::new(tmp.path());
        let path = cache.store("x-1w-e1.png", b"bytes").expect("store");
        assert_eq!(std::fs::read(&path).expect("read"), b"bytes");
        let names: Vec<_> = std::fs::read_dir(cache.dir())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["x-1w-e1.png"], "no temporary file is left");
    }
}
