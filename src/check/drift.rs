//! Translations older than the default language's file they pair with: an edit made in one
//! language (in the web editor, say) that the other language has not had yet. When the site is
//! in a git repository, a file's time is its last commit (a fresh clone gives every file the
//! same modification time), or its modification time while it has uncommitted changes; else
//! its modification time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::UNIX_EPOCH;

use crate::content::schema::inherited_fields;
use crate::content::{Entry, Kind, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Date;

/// Modification times within this many seconds count as the same save (files copied or
/// written together land a moment apart).
const SAME_SAVE: i64 = 60;

/// When each content file last changed, in seconds since 1970, and how that was learnt.
struct Times {
    git: HashMap<PathBuf, i64>,
    from_git: bool,
    root: PathBuf,
}

impl Times {
    fn read(root: &Path) -> Times {
        let (git, from_git) = match git_times(root) {
            Some(times) => (times, true),
            None => (HashMap::new(), false),
        };
        Times {
            git,
            from_git,
            root: root.to_path_buf(),
        }
    }

    /// The file's time; `None` when it cannot be read.
    fn of(&self, relative: &Path) -> Option<i64> {
        if let Some(time) = self.git.get(relative) {
            return Some(*time);
        }
        let modified = std::fs::metadata(self.root.join(relative))
            .ok()?
            .modified()
            .ok()?;
        Some(modified.duration_since(UNIX_EPOCH).ok()?.as_secs() as i64)
    }

    fn how(&self) -> &'static str {
        if self.from_git {
            "last commit"
        } else {
            "last saved"
        }
    }
}

/// What `git -C root ARGS` prints, if it ran and succeeded.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Each committed, unmodified file under `content/` and its last commit time, from one
/// `git log` (newest first, so a file's first mention is its last commit). `None` outside a
/// git repository or without git.
fn git_times(root: &Path) -> Option<HashMap<PathBuf, i64>> {
    let git = |args: &[&str]| git(root, args);
    let log = git(&[
        "log",
        "--format=@%ct",
        "--name-only",
        "--relative",
        "--no-renames",
        "--",
        "content",
    ])?;
    let mut times = HashMap::new();
    let mut current = None;
    for line in log.lines() {
        if let Some(time) = line.strip_prefix('@') {
            current = time.trim().parse::<i64>().ok();
        } else if let (Some(time), false) = (current, line.is_empty()) {
            times.entry(PathBuf::from(line)).or_insert(time);
        }
    }
    // Files changed since their last commit are as new as their modification time.
    let status = git(&[
        "status",
        "--porcelain",
        "--no-renames",
        "--untracked-files=all",
        "--",
        "content",
    ])?;
    for line in status.lines() {
        if let Some(path) = line.get(3..) {
            let path = path.trim_matches('"');
            let relative = Path::new(path);
            let relative = relative.strip_prefix(root).unwrap_or(relative);
            times.remove(relative);
        }
    }
    Some(times)
}

/// A warning for every translation that changed before its default language's file.
pub(crate) fn check(site: &Site) -> Diagnostics {
    let times = Times::read(&site.root);
    let mut problems = Diagnostics::new();
    for entry in site.entries() {
        for problem in entry_drift(site, entry, &times) {
            problems.push(problem);
        }
    }
    problems
}

fn entry_drift(site: &Site, entry: &Entry, times: &Times) -> Vec<Diagnostic> {
    let default = site.config.default_language.as_str();
    let Some(base) = entry.page(default) else {
        return Vec::new();
    };
    let Some(base_time) = times.of(&base.source) else {
        return Vec::new();
    };
    let tolerance = if times.from_git { 0 } else { SAME_SAVE };
    let mut found = Vec::new();
    for page in entry
        .pages
        .iter()
        .filter(|p| p.lang != default && p.borrowed_from.is_none())
    {
        let Some(time) = times.of(&page.source) else {
            continue;
        };
        if base_time - time <= tolerance {
            continue;
        }
        if times.from_git && only_facts_changed(site, entry.kind, &base.source, time) {
            continue;
        }
        let how = times.how();
        found.push(
            Diagnostic::warning(format!(
                "the {} translation of \"{}\" may be out of date: {} {how} {}, {} {how} {}",
                site.config.language_name(&page.lang),
                entry.name,
                page.source.display(),
                moment(time),
                base.source.display(),
                moment(base_time),
            ))
            .in_file(&page.source)
            .at(1, 1)
            .with_hint(format!(
                "bring the changes of {} into this file; if it says the same already, save it again (or commit it) to silence this",
                base.source.display()
            )),
        );
    }
    found
}

/// Whether the default language's file, since the translation's last commit at `since`, changed
/// only in language-neutral fields (a booklet's paper, a story's district): then the
/// translation inherits the change and is not behind.
fn only_facts_changed(site: &Site, kind: Kind, base: &Path, since: i64) -> bool {
    let git = |args: &[&str]| git(&site.root, args);
    let shown = base.to_string_lossy().replace('\\', "/");
    let Some(log) = git(&["log", "--format=%H %ct", "--", &shown]) else {
        return false;
    };
    let then = log.lines().find_map(|line| {
        let (rev, time) = line.split_once(' ')?;
        (time.trim().parse::<i64>().ok()? <= since).then_some(rev)
    });
    let Some(rev) = then else { return false };
    let (Some(old), Ok(new)) = (
        git(&["show", &format!("{rev}:./{shown}")]),
        std::fs::read_to_string(site.root.join(base)),
    ) else {
        return false;
    };
    // Inherited facts, but a picture's words are words: cover and gallery count.
    let mut neutral: Vec<String> = inherited_fields(kind)
        .iter()
        .filter(|f| !matches!(**f, "cover" | "gallery"))
        .map(|f| f.to_string())
        .collect();
    neutral.push("extra".to_string());
    neutral.extend(site.config.custom_taxonomies().map(|t| t.key().to_string()));
    translated(&old, &neutral).is_some_and(|old| Some(old) == translated(&new, &neutral))
}

/// A file's words to translate: its body and the front matter without neutral fields.
fn translated(text: &str, neutral: &[String]) -> Option<(String, serde_yaml::Mapping)> {
    let split = crate::content::frontmatter::split(text, Path::new("")).ok()?;
    let mut mapping: serde_yaml::Mapping = serde_yaml::from_str(split.yaml).ok()?;
    for key in neutral {
        mapping.remove(key.as_str());
    }
    Some((split.body.trim().to_string(), mapping))
}

/// `2024-03-05 14:02 UTC`.
fn moment(seconds: i64) -> String {
    let day = Date::from_days_since_epoch(seconds.div_euclid(86_400));
    let minutes = seconds.rem_euclid(86_400) / 60;
    format!("{} {:02}:{:02} UTC", day.iso(), minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_utc_days_and_minutes() {
        assert_eq!(moment(0), "1970-01-01 00:00 UTC");
        assert_eq!(moment(1_709_647_320), "2024-03-05 14:02 UTC");
    }
}
