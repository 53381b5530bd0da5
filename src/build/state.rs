//! What a build leaves for the next one in `.egiz-cache/build/`: the fingerprint of every part
//! it made (each page job, the indexes, each booklet), the files each part wrote, and its
//! summary. The next `egiz build` into the same output folder keeps the parts whose
//! fingerprints did not change (see `fingerprint`).
//!
//! A state describes one output folder, and only as long as that folder is the one the build
//! made (the marker's build id says so): a state that is missing, unreadable, from another
//! egiz or for another output only means a full build.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fingerprint::Fp;
use crate::diagnostics::Diagnostic;

/// Relative to the site folder, beside the image and card caches.
const DIR: &str = ".egiz-cache/build";

/// One part of the site: its fingerprint and the files it wrote.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Part {
    pub fp: Fp,
    pub files: Vec<String>,
}

/// A booklet or a story's cards: the fingerprint, the files with their sizes (the pages show
/// them), and the warnings (a kept booklet still reports them).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct SizedPart {
    pub fp: Fp,
    pub files: Vec<(String, u64)>,
    pub warnings: Vec<Diagnostic>,
}

/// The figures of the last build, reported again when nothing changed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Summary {
    pub pages: usize,
    pub booklets: usize,
    pub languages: usize,
    pub stories: usize,
    pub pdfs: usize,
    pub pdf_bytes: u64,
    pub warnings: Vec<Diagnostic>,
}

/// Everything the next build needs to know of this one.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct State {
    /// The egiz version that wrote it.
    pub version: String,
    /// The output folder it describes, and the id of the build that made it.
    pub output: PathBuf,
    pub build: String,
    /// The quick fingerprint of every input file (`fingerprint::inputs`).
    pub inputs: Fp,
    /// The global inputs (`Fingerprints::global`): when they changed, nothing is kept.
    pub global: Fp,
    /// Each page job by its key.
    pub jobs: HashMap<String, Part>,
    /// The sitemap, the feeds and the search index.
    pub indexes: Part,
    /// Each booklet by its file stem.
    pub booklets: HashMap<String, SizedPart>,
    /// Each story's share cards by the story's name, and the site's logo.
    pub cards: HashMap<String, SizedPart>,
    pub summary: Summary,
    /// Every file of the output: when one is missing, the output is not as the build left it.
    pub files: Vec<String>,
}

impl State {
    /// Whether every file the build wrote is still in the output folder.
    pub(crate) fn output_is_whole(&self) -> bool {
        use rayon::prelude::*;
        self.files
            .par_iter()
            .all(|file| self.output.join(file).exists())
    }
}

/// Where the state of builds into `output` lives: one file per output folder, so a preview
/// build elsewhere does not spoil the state of the main one.
fn file(site_dir: &Path, output: &Path) -> PathBuf {
    beside_state(site_dir, output, "json")
}

/// The stories' search words of builds into `output` (see `web::search::saved`).
pub(crate) fn words_file(site_dir: &Path, output: &Path) -> PathBuf {
    beside_state(site_dir, output, "words")
}

fn beside_state(site_dir: &Path, output: &Path, extension: &str) -> PathBuf {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    output.hash(&mut hasher);
    site_dir
        .join(DIR)
        .join(format!("{:016x}.{extension}", hasher.finish()))
}

/// The state left by the last build into `output` (an absolute path), if it still describes
/// that folder as it is.
pub(crate) fn load(site_dir: &Path, output: &Path) -> Option<State> {
    let text = std::fs::read(file(site_dir, output)).ok()?;
    let state: State = serde_json::from_slice(&text).ok()?;
    let current = crate::output::build_id_of(output)?;
    (state.version == env!("CARGO_PKG_VERSION") && state.output == output && state.build == current)
        .then_some(state)
}

/// Saves `state` for the next build. Written beside and renamed into place, so a killed build
/// leaves the old state or the new one; either is checked against the output before use.
/// A state that cannot be saved only costs the next build its speed, so failures are ignored.
pub(crate) fn save(site_dir: &Path, state: &State) {
    let path = file(site_dir, &state.output);
    let Some(dir) = path.parent() else {
        return;
    };
    let Ok(bytes) = serde_json::to_vec(state) else {
        return;
    };
    let temporary = dir.join(format!(".{}.tmp", std::process::id()));
    let saved = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&temporary, bytes))
        .and_then(|()| std::fs::rename(&temporary, &path));
    if saved.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    prune(dir);
}

/// States kept: one per output folder built into lately (the site's, a preview's, a test's).
const KEPT: usize = 4;

/// Removes all but the [`KEPT`] most recently saved states, so builds into ever new folders
/// (a benchmark, previews in temporary folders) do not fill the cache.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut states: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    states.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, old) in states.into_iter().skip(KEPT) {
        let _ = std::fs::remove_file(old.with_extension("words"));
        let _ = std::fs::remove_file(old);
    }
}
