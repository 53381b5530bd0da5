//! Keeping output folders safe: the marker that says a folder is egiz's own (so a build never
//! replaces a folder of the user's), the swap of a finished staging folder into place (an
//! atomic exchange where the system has one, so the old or the new output is always there),
//! and the recovery of swaps that a killed build left half done.
//!
//! Names beside the target, each ending in the build's process id:
//! `.egiz-staging-NAME-PID` (being written), `.egiz-ready-NAME-PID` (complete, about to be
//! swapped in), `.egiz-old-NAME-PID` (the previous output, about to be removed).

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The file in every output folder egiz makes.
pub(crate) const MARKER: &str = ".egiz-output";
const MARKER_TEXT: &str = "This folder was made by egiz (https://example.org/egiz). egiz \
replaces it entirely on every build: do not keep your own files here.\n";

/// Where the marker names the build that made the folder.
const BUILD_LINE: &str = "build: ";

/// Writes the marker into a folder being made by build `id`.
pub(crate) fn mark(dir: &Path, id: &str) -> std::io::Result<()> {
    std::fs::write(dir.join(MARKER), format!("{MARKER_TEXT}{BUILD_LINE}{id}\n"))
}

/// The id of the build that made the output folder `target`, from its marker.
pub(crate) fn build_id(target: &Path) -> Option<String> {
    let text = std::fs::read_to_string(target.join(MARKER)).ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix(BUILD_LINE))
        .map(str::to_string)
}

/// An id no other build of this machine had: the time in nanoseconds and the process.
pub(crate) fn new_build_id() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{nanos:x}-{:x}", std::process::id())
}

/// Refuses a target that is a file, or a folder with files egiz did not make. `shown` is the
/// target as the user named it.
pub(crate) fn check_replaceable(target: &Path, shown: &Path) -> Result<(), Diagnostic> {
    let shown = format!("{}/", shown.display().to_string().trim_end_matches('/'));
    if target.exists() && !target.is_dir() {
        return Err(Diagnostic::error(format!(
            "{} is a file, not a folder",
            shown.trim_end_matches('/')
        ))
        .with_hint("give --output the name of a folder (egiz creates it)"));
    }
    let Ok(entries) = std::fs::read_dir(target) else {
        return Ok(());
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.is_empty() || names.iter().any(|n| n == MARKER) || made_by_older_egiz(target, &names) {
        return Ok(());
    }
    Err(Diagnostic::error(format!(
        "{shown} holds files egiz did not make; choose an empty folder or remove them"
    ))
    .with_hint("egiz replaces its output folder entirely on every build; nothing was touched"))
}

/// Output made before the marker existed: a built site (its home page and sitemap at the top),
/// or a folder of booklet PDFs only. Either is what egiz wrote there, so it may be replaced.
fn made_by_older_egiz(target: &Path, names: &[String]) -> bool {
    let site = target.join("index.html").is_file() && target.join("sitemap.xml").is_file();
    let booklets = names.iter().all(|n| n.ends_with(".pdf"));
    site || booklets
}

/// The name of a folder beside `target` for `role` (staging, ready, old) of process `pid`.
pub(crate) fn beside(target: &Path, role: &str, pid: u32) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    target.with_file_name(format!(".egiz-{role}-{name}-{pid}"))
}

/// Swaps the complete folder `ready` into place of `target`; the previous output is removed.
pub(crate) fn swap_in(ready: &Path, target: &Path) -> std::io::Result<()> {
    if target.exists() && exchange(ready, target).is_ok() {
        // `ready` now holds the previous output.
        let _ = std::fs::remove_dir_all(ready);
        return Ok(());
    }
    let old = beside(target, "old", std::process::id());
    let had_old = target.exists();
    if had_old {
        std::fs::rename(target, &old)?;
    }
    if let Err(e) = std::fs::rename(ready, target) {
        if had_old {
            let _ = std::fs::rename(&old, target);
        }
        return Err(e);
    }
    if had_old {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(())
}

/// Exchanges two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let cstr = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (cstr(a)?, cstr(b)?);
    // SAFETY: both are valid NUL-terminated paths that live across the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Finishes or undoes what builds killed on the way left beside `target`: a complete folder is
/// swapped in if the target is missing, the previous output put back if it is still missing,
/// and everything else of dead builds removed.
pub(crate) fn recover(target: &Path) {
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let name = name.to_string_lossy();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let mut left: Vec<(u8, PathBuf)> = Vec::new();
    for entry in entries.filter_map(|e| e.ok()) {
        let file = entry.file_name().to_string_lossy().into_owned();
        for (order, role) in [(0, "ready"), (1, "old"), (2, "staging")] {
            let Some(pid) = file
                .strip_prefix(&format!(".egiz-{role}-{name}-"))
                .and_then(|pid| pid.parse::<u32>().ok())
            else {
                continue;
            };
            if !is_running(pid) {
                left.push((order, entry.path()));
            }
        }
    }
    // A complete new output first, else the previous one; staging folders are never swapped in.
    left.sort();
    for (order, path) in left {
        if order < 2 && !target.exists() && std::fs::rename(&path, target).is_ok() {
            continue;
        }
        let _ = std::fs::remove_dir_all(&path);
    }
}

/// Whether process `pid` still runs (and is not this one, whose folders are its own business).
fn is_running(pid: u32) -> bool {
    pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists()
}
