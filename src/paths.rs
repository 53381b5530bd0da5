//! Where a file that the site names may come from: inside its own folder, after `..` and
//! symbolic links are resolved. Content (images, covers, galleries) and themes (fonts, colour
//! profiles) both ask this one function, so no setting or link reaches elsewhere on the disk.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};

/// `path` with `..` and symbolic links resolved, if it exists and is still inside `dir` (resolved
/// too); None otherwise.
pub(crate) fn confined(dir: &Path, path: &Path) -> Option<PathBuf> {
    let dir = dir.canonicalize().ok()?;
    let path = path.canonicalize().ok()?;
    path.starts_with(&dir).then_some(path)
}

/// What [`files_under`] found.
#[derive(Default)]
pub(crate) struct Found {
    /// Regular files, and symbolic links that end inside the allowed folder, sorted by path.
    pub files: Vec<PathBuf>,
    /// Symbolic links that end outside it: not read, so the caller can say so.
    pub outside: Vec<PathBuf>,
    /// Entries that could not be read, in plain words.
    pub unreadable: Vec<String>,
}

impl Found {
    /// Links out of the allowed folder, and entries that could not be read, as errors; paths
    /// are shown from `base`, as the user's other messages are.
    pub(crate) fn report(&self, folder: &str, base: &Path, problems: &mut Diagnostics) {
        for path in &self.outside {
            problems.push(
                Diagnostic::error(format!(
                    "this is a symbolic link to a place outside {folder}, so egiz does not read it"
                ))
                .in_file(path.strip_prefix(base).unwrap_or(path))
                .with_hint(format!(
                    "copy the file into {folder} instead of linking to it"
                )),
            );
        }
        for err in &self.unreadable {
            problems.push(Diagnostic::error(format!("cannot read {folder}: {err}")));
        }
    }
}

/// Every file under `dir` whose name `skip` does not reject. Links are followed only while they
/// stay inside `within` (the site or the theme folder), so neither can publish a file from
/// elsewhere on the disk, and a link is never silently dropped either: the caller reports
/// `outside`.
pub(crate) fn files_under(
    dir: &Path,
    within: &Path,
    skip: impl Fn(&std::ffi::OsStr) -> bool,
) -> Found {
    let mut found = Found::default();
    let Ok(root) = within.canonicalize() else {
        return found;
    };
    if !dir.is_dir() {
        return found; // no static/ or content/ folder is no error here
    }
    let mut walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skip(e.file_name()));
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                found.unreadable.push(err.to_string());
                continue;
            }
        };
        // Only a link can lead out: below a folder found inside, a plain entry is inside too.
        // Resolving every path would cost a readlink per path component per file.
        let inside = !(entry.depth() == 0 || entry.path_is_symlink())
            || entry
                .path()
                .canonicalize()
                .is_ok_and(|real| real.starts_with(&root));
        if !inside {
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            found.outside.push(entry.into_path());
            continue;
        }
        if entry.file_type().is_file() {
            found.files.push(entry.into_path());
        }
    }
    found
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

    #[test]
    fn a_walk_follows_links_inside_and_names_links_outside() {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("static");
        std::fs::create_dir_all(dir.join("img")).expect("dirs");
        std::fs::create_dir_all(root.path().join("elsewhere")).expect("dirs");
        std::fs::write(dir.join("img/a.png"), b"x").expect("write");
        std::fs::write(dir.join(".hidden"), b"x").expect("write");
        std::fs::write(root.path().join("elsewhere/secret.txt"), b"x").expect("write");
        let link = std::os::unix::fs::symlink;
        link(dir.join("img/a.png"), dir.join("b.png")).expect("symlink");
        link(root.path().join("elsewhere/secret.txt"), dir.join("c.txt")).expect("symlink");
        link(root.path().join("elsewhere"), dir.join("d")).expect("symlink");
        link(dir.clone(), dir.join("img/loop")).expect("symlink");
        let found = files_under(&dir, &dir, |name| name.to_string_lossy().starts_with('.'));
        let names = |paths: &[PathBuf]| -> Vec<String> {
            paths
                .iter()
                .map(|p| p.strip_prefix(&dir).expect("inside").display().to_string())
                .collect()
        };
        assert_eq!(names(&found.files), ["b.png", "img/a.png"]);
        assert_eq!(names(&found.outside), ["c.txt", "d"]);
        assert_eq!(
            found.unreadable.len(),
            1,
            "the loop: {:?}",
            found.unreadable
        );
    }
}
