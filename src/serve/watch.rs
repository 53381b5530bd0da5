//! Watching the site's sources (site.yaml, content/, themes/, static/) for changes, debounced so
//! an editor's save (often a write and a rename) arrives as one batch of paths.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::diagnostics::Diagnostic;

/// The folders of a site whose files make the site; everything else (output/, target/, .git)
/// is never watched.
pub(crate) const WATCHED_DIRS: [&str; 3] = ["content", "themes", "static"];
const CONFIG_FILE: &str = "site.yaml";

/// Short: the goal is a rebuilt page within 100 ms of saving. An editor's write and rename
/// come within a millisecond or two; an event after the window only means one more rebuild.
/// (The debouncer looks every quarter of this: 800 cheap wake-ups a second while serving.)
const DEBOUNCE: Duration = Duration::from_millis(5);

pub(crate) struct Watcher {
    site: PathBuf,
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    events: Receiver<DebounceEventResult>,
    watched: BTreeSet<PathBuf>,
}

impl Watcher {
    pub(crate) fn new(site: &Path) -> Result<Watcher, Diagnostic> {
        let (sender, events) = channel();
        let debouncer = new_debouncer(DEBOUNCE, None, sender).map_err(watch_problem)?;
        let site = std::fs::canonicalize(site).unwrap_or_else(|_| site.to_path_buf());
        let mut watcher = Watcher {
            site,
            debouncer,
            events,
            watched: BTreeSet::new(),
        };
        // The site folder itself only for site.yaml and for source folders created later.
        let root = watcher.site.clone();
        watcher
            .debouncer
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(watch_problem)?;
        watcher.watch_source_dirs()?;
        Ok(watcher)
    }

    fn watch_source_dirs(&mut self) -> Result<(), Diagnostic> {
        for dir in WATCHED_DIRS {
            let path = self.site.join(dir);
            if path.is_dir() && !self.watched.contains(&path) {
                self.debouncer
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(watch_problem)?;
                self.watched.insert(path);
            }
        }
        Ok(())
    }

    /// Wait up to `timeout` for changes; the changed source files, relative to the site folder,
    /// or an empty list. Files that are not sources (editor backups, other folders) are left out.
    pub(crate) fn next(&mut self, timeout: Duration) -> Result<Vec<PathBuf>, Diagnostic> {
        let first = match self.events.recv_timeout(timeout) {
            Ok(result) => result,
            Err(RecvTimeoutError::Timeout) => return Ok(Vec::new()),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Diagnostic::error("the file watcher stopped"));
            }
        };
        let mut changed = BTreeSet::new();
        let mut batch = Some(first);
        while let Some(result) = batch {
            if let Ok(events) = result {
                for event in events.iter().filter(|e| is_change(&e.kind)) {
                    for path in &event.paths {
                        if let Some(relative) = self.source_path(path) {
                            changed.insert(relative);
                        } else if matches!(event.kind, EventKind::Create(_)) && path.is_dir() {
                            // Files written into a new folder before it was watched raise no
                            // event of their own: take every file in it as changed.
                            changed.extend(self.files_in(path));
                        }
                    }
                }
            }
            batch = self.events.try_recv().ok();
        }
        // A source folder created since the start (themes/ for a new theme) is watched from now on.
        self.watch_source_dirs()?;
        Ok(changed.into_iter().collect())
    }

    fn files_in(&self, dir: &Path) -> Vec<PathBuf> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| self.source_path(e.path()))
            .collect()
    }

    /// A changed file as a path relative to the site. Folders are left out: a change inside one
    /// comes with its own path; a folder that was removed no longer is one, and is kept.
    fn source_path(&self, path: &Path) -> Option<PathBuf> {
        let relative = path.strip_prefix(&self.site).ok()?;
        (is_source(relative) && !path.is_dir()).then(|| relative.to_path_buf())
    }
}

/// Whether an event changes a file. Reading files (egiz itself reads them on every rebuild) is
/// not a change, or every rebuild would cause the next.
fn is_change(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_)
            | EventKind::Other
            | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    )
}

/// site.yaml, or a file under a watched folder that is not hidden or an editor's backup.
pub(crate) fn is_source(relative: &Path) -> bool {
    let mut parts = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else {
        return false;
    };
    if first == CONFIG_FILE && relative.components().count() == 1 {
        return true;
    }
    WATCHED_DIRS.contains(&first.as_ref())
        && relative
            .components()
            .all(|c| !is_scratch(&c.as_os_str().to_string_lossy()))
}

/// Names editors use for temporary and backup files.
fn is_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with('#')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

fn watch_problem(err: notify::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot watch the site's files: {err}")).with_hint(
        "on Linux, raise the limit of watched folders: sysctl fs.inotify.max_user_watches=524288",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_file_is_not_a_change() {
        use notify::event::{AccessKind, CreateKind};
        assert!(!is_change(&EventKind::Access(AccessKind::Any)));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
        assert!(is_change(&EventKind::Modify(ModifyKind::Any)));
    }

    #[test]
    fn only_sources_are_reported() {
        assert!(is_source(Path::new("site.yaml")));
        assert!(is_source(Path::new("content/projects/x.kk.md")));
        assert!(is_source(Path::new("themes/my/templates/story.html")));
        assert!(!is_source(Path::new("content/projects/.x.kk.md.swp")));
        assert!(!is_source(Path::new("content/projects/x.kk.md~")));
        assert!(!is_source(Path::new("output/index.html")));
        assert!(!is_source(Path::new("README.md")));
    }
}
