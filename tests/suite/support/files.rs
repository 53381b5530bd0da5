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
