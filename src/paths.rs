//! Where a file that the site names may come from: inside its own folder, after `..` and
//! symbolic links are resolved. Content (images, covers, galleries) and themes (fonts, colour
//! profiles) both ask this one function, so no setting or link reaches elsewhere on the disk.

use std::path::{Path, PathBuf};

/// `path` with `..` and symbolic links resolved, if it exists and is still inside `dir` (resolved
/// too); None otherwise.
pub(crate) fn confined(dir: &Path, path: &Path) -> Option<PathBuf> {
    let dir = dir.canonicalize().ok()?;
    let path = path.canonicalize().ok()?;
    path.starts_with(&dir).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_passes_and_dot_dot_links_and_absolute_paths_do_not() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("theme");
        std::fs::create_dir_all(dir.join("fonts")).expect("dirs");
        std::fs::write(dir.join("fonts/a.ttf"), b"x").expect("write");
        std::fs::write(root.path().join("secret.ttf"), b"x").expect("write");
        std::os::unix::fs::symlink(root.path().join("secret.ttf"), dir.join("fonts/link.ttf"))
            .expect("symlink");
        assert!(confined(&dir, &dir.join("fonts/../fonts/a.ttf")).is_some());
        assert!(confined(&dir, &dir.join("../secret.ttf")).is_none());
        assert!(confined(&dir, &dir.join("fonts/link.ttf")).is_none());
        assert!(confined(&dir, &root.path().join("secret.ttf")).is_none());
        assert!(confined(&dir, &dir.join("fonts/missing.ttf")).is_none());
    }
}
