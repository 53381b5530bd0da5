//! The output folder: everything is written into a staging folder beside it, and swapped in only
//! when the whole build succeeded, so a failed build leaves the previous output as it was.
//! Every path written is checked to stay inside the output folder. Renderers write through the
//! [`Sink`] trait, so the same rendering can also go into memory ([`Memory`], for `serve` and
//! `check`).

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::diagnostics::Diagnostic;

mod swap;

/// Where rendered files go: a staging folder on disk, or memory.
pub trait Sink: Sync {
    /// Write `bytes` at `relative` (e.g. `kk/projects/x/index.html`), replacing what was there.
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic>;
    /// Place a copy of the file `source` at `relative`, unless something is there already.
    fn copy(&self, source: &Path, relative: &str) -> Result<(), Diagnostic>;
    /// Place a copy of a file already placed at `existing`.
    fn duplicate(&self, existing: &str, relative: &str) -> Result<(), Diagnostic>;
    /// Forget what was placed at `relative`, so that a later `copy` puts its file there.
    fn remove(&self, relative: &str);
    /// Place a file egiz made itself (a resized image in the cache) at `relative`. Unlike
    /// `copy`, it may share the file's storage (a hard link): nobody edits the cache by hand,
    /// while a hard link to a content file would let an edit in the output change the source.
    fn link(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        self.copy(source, relative)
    }
}

/// Finishes or undoes a swap into `target` that a killed build left half done, and removes
/// the staging folders of dead builds. Every build calls it first, even one that then fails
/// on the content, so an output put aside is never left missing.
pub(crate) fn recover(target: &Path) {
    swap::recover(&absolute(target));
}

/// A build in progress. Dropping it without `commit` removes what was written.
pub(crate) struct Staging {
    target: PathBuf,
    dir: PathBuf,
    id: String,
    keep_unchanged: bool,
    /// What was placed, for the build's state (see [`Staging::files`]).
    placed: Mutex<Vec<String>>,
    committed: bool,
}

/// Whether `copy` is a copy of `source` made after its last change (same size, newer).
fn copied_after(source: &Path, copy: &Path) -> bool {
    let (Ok(source), Ok(copy)) = (std::fs::metadata(source), std::fs::metadata(copy)) else {
        return false;
    };
    match (source.modified(), copy.modified()) {
        (Ok(changed), Ok(copied)) => source.len() == copy.len() && copied > changed,
        _ => false,
    }
}

/// Writes `bytes` into a new file at `path`. A file already there is unlinked first, never
/// written through: in an incremental build it may be a hard link into the previous output,
/// which must stay as it was until the swap.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let file = match std::fs::File::create_new(path) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            std::fs::File::create_new(path)
        }
        other => other,
    };
    file?.write_all(bytes)
}

/// Runs `op`, which makes a file at `path`; when `path`'s folder is missing, makes it and runs
/// `op` again. Most files go into a folder an earlier file made, so asking first would cost a
/// `stat` per folder level per file (a third of a large build's system calls).
fn in_folder<T>(path: &Path, op: impl Fn() -> io::Result<T>) -> Result<T, Diagnostic> {
    match op() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| io_problem("create", parent, &e))?;
            }
            op()
        }
        other => other,
    }
    .map_err(|e| io_problem("write", path, &e))
}

/// A hard link at `to` to `from`. A file already at `to` stays: it is the same one, placed by
/// an earlier job.
fn hard_link(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    in_folder(to, || match std::fs::hard_link(from, to) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        other => other,
    })
}

/// A hard link at `to` to `from`, or a copy where links cannot be made (another disk).
fn link_or_copy(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    hard_link(from, to).or_else(|_| copy(from, to))
}

fn copy(from: &Path, to: &Path) -> Result<(), Diagnostic> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| io_problem("copy", from, &e))
}

/// The output folder's build id (see [`Staging::build_id`]), if it has one.
pub(crate) fn build_id_of(target: &Path) -> Option<String> {
    swap::build_id(&absolute(target))
}

impl Staging {
    /// Prepare to replace `target`. Refuses folders that clearly hold something else than a
    /// built site (the site itself, its content, a git checkout).
    pub(crate) fn new(target: &Path, site_dir: &Path) -> Result<Staging, Diagnostic> {
        let shown = target;
        let target = absolute(target);
        check_target(&target, &absolute(site_dir))?;
        // Killed builds first: one may have left the target aside, and the check below must
        // look at the folder as it should be.
        swap::recover(&target);
        swap::check_replaceable(&target, shown)?;
        let parent = target.parent().ok_or_else(|| {
            Diagnostic::error(format!(
                "cannot use {} as the output folder",
                target.display()
            ))
        })?;
        std::fs::create_dir_all(parent).map_err(|e| io_problem("create", parent, &e))?;
        let dir = swap::beside(&target, "staging", std::process::id());
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| io_problem("clean", &dir, &e))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| io_problem("create", &dir, &e))?;
        let id = swap::new_build_id();
        swap::mark(&dir, &id).map_err(|e| io_problem("write", &dir.join(swap::MARKER), &e))?;
        Ok(Staging {
            target,
            dir,
            id,
            keep_unchanged: false,
            placed: Mutex::new(vec![swap::MARKER.to_string()]),
            committed: false,
        })
    }

    /// Where `relative` (e.g. `kk/projects/x/index.html`) goes in the staging folder.
    pub(crate) fn path_of(&self, relative: &str) -> Result<PathBuf, Diagnostic> {
        safe_join(&self.dir, relative)
    }

    pub(crate) fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.write_file(relative, bytes)?;
        self.note(relative);
        Ok(())
    }

    fn write_file(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.path_of(relative)?;
        if let Some(old) = self.previous_file(relative)
            && std::fs::read(&old).is_ok_and(|before| before == bytes)
            && self.keep_previous(&old, &path)
        {
            return Ok(());
        }
        in_folder(&path, || write_new(&path, bytes))
    }

    /// From now on, a file written or copied with the same bytes as in the current output is
    /// kept from it (a hard link), so an incremental build leaves what did not change as it
    /// was: the same file, with its time, for tools that upload only changed files.
    pub(crate) fn keep_unchanged(&mut self) {
        self.keep_unchanged = self.target.is_dir();
    }

    /// The file at `relative` in the current output, when unchanged files are kept.
    fn previous_file(&self, relative: &str) -> Option<PathBuf> {
        if !self.keep_unchanged {
            return None;
        }
        safe_join(&self.target, relative)
            .ok()
            .filter(|p| p.is_file())
    }

    /// Puts `old` at `path`, replacing what is there; `false` when the link cannot be made.
    fn keep_previous(&self, old: &Path, path: &Path) -> bool {
        let _ = std::fs::remove_file(path);
        in_folder(path, || std::fs::hard_link(old, path)).is_ok()
    }

    /// The build's id, written into the output folder's marker: the next build knows from it
    /// whether the output is still the one its saved state describes.
    pub(crate) fn build_id(&self) -> &str {
        &self.id
    }

    /// Every file placed so far, relative to the staging folder, sorted.
    pub(crate) fn files(&self) -> Vec<String> {
        let mut files = self
            .placed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        files.sort_unstable();
        files.dedup();
        files
    }

    fn note(&self, relative: &str) {
        self.placed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(relative.to_string());
    }

    /// Place the file at `relative` of the previous output `previous` unchanged, as a hard
    /// link (a copy on systems without them). `Ok(false)` when the previous output lacks it.
    pub(crate) fn keep(&self, previous: &Path, relative: &str) -> Result<bool, Diagnostic> {
        let from = safe_join(previous, relative)?;
        let to = self.path_of(relative)?;
        let kept = match hard_link(&from, &to) {
            Ok(()) => true,
            Err(_) if !from.is_file() => false,
            Err(_) => copy(&from, &to).map(|()| true)?,
        };
        if kept {
            self.note(relative);
        }
        Ok(kept)
    }

    /// Place a copy of `source` at `relative`. A hard link when possible: the same image beside
    /// both language versions of a page then costs no extra space or time.
    pub(crate) fn copy(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        self.copy_file(source, relative)?;
        self.note(relative);
        Ok(())
    }

    fn copy_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        let path = self.path_of(relative)?;
        if path.exists() {
            return Ok(());
        }
        // The copy in the output is newer than its source unless the source changed since.
        if let Some(old) = self.previous_file(relative)
            && copied_after(source, &old)
            && self.keep_previous(&old, &path)
        {
            return Ok(());
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_problem("create", parent, &e))?;
        }
        copy(source, &path)
    }

    /// Place `source` (a file outside the output, e.g. in the image cache) at `relative` as a
    /// hard link, or as a copy where links cannot be made (another disk).
    pub(crate) fn link(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        self.link_file(source, relative)?;
        self.note(relative);
        Ok(())
    }

    fn link_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        link_or_copy(source, &self.path_of(relative)?)
    }

    /// Link `relative` to a file already written in the staging folder.
    pub(crate) fn duplicate(&self, existing: &str, relative: &str) -> Result<(), Diagnostic> {
        self.duplicate_file(existing, relative)?;
        self.note(relative);
        Ok(())
    }

    fn duplicate_file(&self, existing: &str, relative: &str) -> Result<(), Diagnostic> {
        link_or_copy(&self.path_of(existing)?, &self.path_of(relative)?)
    }

    /// Swap the staging folder in place of the target. It is first renamed to its "ready"
    /// name, so that a build killed during the swap is finished by the next one.
    pub(crate) fn commit(mut self) -> Result<(), Diagnostic> {
        let ready = swap::beside(&self.target, "ready", std::process::id());
        std::fs::rename(&self.dir, &ready).map_err(|e| io_problem("replace", &self.target, &e))?;
        self.dir = ready;
        swap::swap_in(&self.dir, &self.target)
            .map_err(|e| io_problem("replace", &self.target, &e))?;
        self.committed = true;
        Ok(())
    }
}

impl Sink for Staging {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        Staging::write(self, relative, bytes)
    }

    fn copy(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        Staging::copy(self, source, relative)
    }

    fn duplicate(&self, existing: &str, relative: &str) -> Result<(), Diagnostic> {
        Staging::duplicate(self, existing, relative)
    }

    fn remove(&self, relative: &str) {
        if let Ok(path) = self.path_of(relative) {
            let _ = std::fs::remove_file(path);
        }
        self.placed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|p| p != relative);
    }

    fn link(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        Staging::link(self, source, relative)
    }
}

/// A sink that passes everything on to another and notes the paths placed, so that an
/// incremental build knows which files each part of the site made (and may keep them next time).
pub(crate) struct Recorder<'a> {
    inner: &'a dyn Sink,
    placed: Mutex<Vec<String>>,
}

impl<'a> Recorder<'a> {
    pub(crate) fn new(inner: &'a dyn Sink) -> Recorder<'a> {
        Recorder {
            inner,
            placed: Mutex::new(Vec::new()),
        }
    }

    /// The paths placed, in the order they were, without those removed again.
    pub(crate) fn into_placed(self) -> Vec<String> {
        self.placed.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    fn note(&self, relative: &str) {
        self.placed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(relative.to_string());
    }
}

impl Sink for Recorder<'_> {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.inner.write(relative, bytes)?;
        self.note(relative);
        Ok(())
    }

    fn copy(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        self.inner.copy(source, relative)?;
        self.note(relative);
        Ok(())
    }

    fn duplicate(&self, existing: &str, relative: &str) -> Result<(), Diagnostic> {
        self.inner.duplicate(existing, relative)?;
        self.note(relative);
        Ok(())
    }

    fn remove(&self, relative: &str) {
        self.inner.remove(relative);
        self.placed
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|p| p != relative);
    }

    fn link(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        self.inner.link(source, relative)?;
        self.note(relative);
        Ok(())
    }
}

/// One file of a site rendered into memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Generated text (HTML, XML, CSS from the theme).
    Bytes(Arc<[u8]>),
    /// A file of the site used as it is (an image, a file of `static/`), read when needed.
    File(PathBuf),
}

impl Body {
    pub fn read(&self) -> io::Result<std::borrow::Cow<'_, [u8]>> {
        match self {
            Body::Bytes(bytes) => Ok(std::borrow::Cow::Borrowed(bytes)),
            Body::File(path) => std::fs::read(path).map(std::borrow::Cow::Owned),
        }
    }
}

/// A rendered site held in memory: relative path → file. Copies of site files are not read,
/// only noted, so rendering into memory costs no more than the HTML itself.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    files: Mutex<BTreeMap<String, Body>>,
}

impl Memory {
    pub(crate) fn new() -> Memory {
        Memory::default()
    }

    /// The files written so far.
    pub(crate) fn into_files(self) -> BTreeMap<String, Body> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    fn lock(&self) -> MutexGuard<'_, BTreeMap<String, Body>> {
        // A panic while holding the lock cannot leave the map half-changed: every change is
        // one insert or remove.
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        safe_join(Path::new(""), relative)?;
        self.lock()
            .insert(relative.to_string(), Body::Bytes(Arc::from(bytes)));
        Ok(())
    }

    fn copy(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        safe_join(Path::new(""), relative)?;
        self.lock()
            .entry(relative.to_string())
            .or_insert_with(|| Body::File(source.to_path_buf()));
        Ok(())
    }

    fn duplicate(&self, existing: &str, relative: &str) -> Result<(), Diagnostic> {
        safe_join(Path::new(""), relative)?;
        let mut files = self.lock();
        let body = files.get(existing).cloned().ok_or_else(|| {
            Diagnostic::error(format!("cannot copy {existing}: it was not written"))
        })?;
        files.entry(relative.to_string()).or_insert(body);
        Ok(())
    }

    fn remove(&self, relative: &str) {
        self.lock().remove(relative);
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Join a relative output path onto `root`, refusing anything that could leave it.
pub(crate) fn safe_join(root: &Path, relative: &str) -> Result<PathBuf, Diagnostic> {
    let path = Path::new(relative);
    let safe = !relative.is_empty()
        && !relative.contains('\\')
        && path.components().all(|c| matches!(c, Component::Normal(_)));
    if !safe {
        return Err(Diagnostic::error(format!(
            "refusing to write \"{relative}\": it is not a plain path inside the output folder"
        )));
    }
    Ok(root.join(path))
}

pub(crate) fn check_target(target: &Path, site_dir: &Path) -> Result<(), Diagnostic> {
    let refuse = |why: &str| {
        Err(Diagnostic::error(format!("refusing to use {} as the output folder: {why}", target.display()))
            .with_hint("egiz replaces the whole output folder on every build; choose a folder of its own, e.g. the default `output/`"))
    };
    if site_dir.starts_with(target) {
        return refuse("it contains the site itself");
    }
    for marker in ["site.yaml", "content", ".git", "Cargo.toml"] {
        if target.join(marker).exists() {
            return refuse(&format!("it holds {marker}, so it is not a built site"));
        }
    }
    if target.starts_with(site_dir.join("content")) || target.starts_with(site_dir.join("themes")) {
        return refuse("it is inside the site's sources");
    }
    Ok(())
}

pub(crate) fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean
}

/// Write one file the user asked for by name (`egiz print` writes `NAME.LANG.pdf` into a folder
/// of the user's), creating its folder. The bytes go to a temporary file beside it that is then
/// renamed, so an interrupted write never leaves half a file under the name.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(|e| io_problem("create", parent, &e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let temporary = parent.join(format!(".egiz-{name}-{}", std::process::id()));
    std::fs::write(&temporary, bytes).map_err(|e| io_problem("write", &temporary, &e))?;
    std::fs::rename(&temporary, path).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        io_problem("write", path, &e)
    })
}

fn io_problem(action: &str, path: &Path, err: &io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot {action} {}: {err}", path.display()))
        .with_hint("check that the folder exists, is writable and the disk is not full")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_output_are_refused() {
        let root = Path::new("/tmp/out");
        assert!(safe_join(root, "kk/index.html").is_ok());
        for bad in ["../x", "kk/../../x", "/etc/passwd", "", "a\\b", "./x"] {
            assert!(safe_join(root, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn failed_build_leaves_the_old_output_and_no_staging() {
        let base = tempfile::tempdir().expect("tempdir");
        let site = base.path().join("site");
        let out = site.join("output");
        std::fs::create_dir_all(&out).expect("mkdir");
        std::fs::write(out.join("old.html"), "old").expect("write");
        // An output an earlier build made (only such a folder may be replaced).
        swap::mark(&out, "test").expect("mark");
        {
            let staging = Staging::new(&out, &site).expect("staging");
            staging.write("new.html", b"new").expect("write");
        }
        assert_eq!(
            std::fs::read_to_string(out.join("old.html")).expect("read"),
            "old"
        );
        assert!(!out.join("new.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(&site)
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".egiz"))
            .collect();
        assert!(leftovers.is_empty());

        let staging = Staging::new(&out, &site).expect("staging");
        staging.write("kk/index.html", b"new").expect("write");
        staging.commit().expect("commit");
        assert!(out.join("kk/index.html").exists());
        assert!(!out.join("old.html").exists());
    }

    #[test]
    fn memory_keeps_the_first_copy_and_refuses_escaping_paths() {
        let memory = Memory::new();
        memory.write("kk/index.html", b"<p>").expect("write");
        memory.copy(Path::new("/a.jpg"), "kk/x.jpg").expect("copy");
        memory.copy(Path::new("/b.jpg"), "kk/x.jpg").expect("copy");
        memory.duplicate("kk/x.jpg", "ru/x.jpg").expect("duplicate");
        assert!(memory.write("../x", b"").is_err());
        assert!(memory.duplicate("missing", "ru/y.jpg").is_err());
        let files = memory.into_files();
        assert_eq!(
            files.get("ru/x.jpg"),
            Some(&Body::File(PathBuf::from("/a.jpg")))
        );
        assert_eq!(
            files
                .get("kk/index.html")
                .map(|b| b.read().expect("bytes").to_vec()),
            Some(b"<p>".to_vec())
        );
    }

    #[test]
    fn the_site_folder_is_never_an_output() {
        let base = tempfile::tempdir().expect("tempdir");
        std::fs::write(base.path().join("site.yaml"), "x").expect("write");
        assert!(Staging::new(base.path(), base.path()).is_err());
        assert!(Staging::new(&base.path().join("content"), base.path()).is_err());
    }
}
