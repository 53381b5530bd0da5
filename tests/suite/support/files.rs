//! Reading folders back: the files under a folder, their bytes (to compare two states of a
//! folder), the HTML pages of an output folder.

use std::collections::BTreeMap;
use std::path::Path;

/// Every file under `dir`, relative to it, with `/` separators, sorted.
pub(crate) fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(dir)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    files.sort();
    files
}

/// Every file under `dir` with its bytes, to compare two states of a folder.
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).expect("read a snapshot file");
            (f, bytes)
        })
        .collect()
}

/// The HTML files of an output folder.
pub(crate) fn html_files(out: &Path) -> Vec<String> {
    files_under(out)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect()
}

/// Copies the folder `from` with everything in it to `to` (a fixture made from the example).
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let relative = entry.path().strip_prefix(from).expect("inside");
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
