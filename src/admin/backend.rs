//! Decap CMS's local backend for `egiz serve`: the protocol of the npm package `decap-server`
//! (`POST /api/v1` with `{action, params}`, described in docs/decap.md), answered from the
//! site's folder. Only files under `content/` and `static/` can be read or written: a path
//! with `..`, an absolute path, or one that leads out through a symbolic link is refused with
//! a message the editor shows. Saved texts go through [`super::merge`] so what the editor did
//! not change keeps its formatting.

use std::path::{Component, Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{fields, merge};

/// The folders of the site the editor may touch.
pub(crate) const ALLOWED: [&str; 2] = ["content", "static"];

/// An HTTP answer: status and JSON body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: String,
}

impl Answer {
    fn ok(value: Value) -> Answer {
        Answer {
            status: 200,
            body: value.to_string(),
        }
    }

    /// Decap reads `error` from any answer that is not 2xx and shows it in a toast.
    fn refuse(message: impl Into<String>) -> Answer {
        Answer {
            status: 422,
            body: json!({ "error": message.into() }).to_string(),
        }
    }
}

/// The local backend of one site.
#[derive(Debug, Clone)]
pub(crate) struct Backend {
    root: PathBuf,
}

type Outcome = Result<Value, String>;

impl Backend {
    pub(crate) fn new(site_dir: &Path) -> Backend {
        Backend {
            root: std::fs::canonicalize(site_dir).unwrap_or_else(|_| site_dir.to_path_buf()),
        }
    }

    /// Answer one request body.
    pub(crate) fn answer(&self, body: &[u8]) -> Answer {
        let request: Value = match serde_json::from_slice(body) {
            Ok(value) => value,
            Err(err) => return Answer::refuse(format!("the request is not JSON: {err}")),
        };
        let action = request["action"].as_str().unwrap_or("");
        let params = &request["params"];
        let outcome = match action {
            "info" => Ok(self.info()),
            "entriesByFolder" => self.entries_by_folder(params),
            "entriesByFiles" => self.entries_by_files(params),
            "getEntry" => self.get_entry(params),
            "persistEntry" => self.persist_entry(params),
            "getMedia" => self.get_media(params),
            "getMediaFile" => text(params, "path").and_then(|p| self.media_file(p)),
            "persistMedia" => self.persist_media(params),
            "deleteFile" => self.delete(&[text(params, "path").map(str::to_string)]),
            "deleteFiles" => self.delete_files(params),
            "getDeployPreview" => Ok(Value::Null),
            "" => Err("the request names no action".to_string()),
            other => Err(format!("Unknown action {other}")),
        };
        match outcome {
            Ok(value) => Answer::ok(value),
            Err(message) => Answer::refuse(message),
        }
    }

    fn info(&self) -> Value {
        let repo = self
            .root
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        json!({ "repo": repo, "publish_modes": ["simple"], "type": "local_fs" })
    }

    /// The file at `relative` (a path from the site folder with `/`), if the editor may use it.
    pub(crate) fn resolve(&self, relative: &str) -> Result<PathBuf, String> {
        let outside = || {
            format!(
                "\"{relative}\" is outside the site's content/ and static/ folders; the editor may only change files there"
            )
        };
        if relative.is_empty() {
            return Err("a file path is missing".to_string());
        }
        if relative.starts_with(['/', '\\']) || relative.contains('\\') || relative.contains(':') {
            return Err(outside());
        }
        let path = Path::new(relative);
        let mut parts = path.components();
        let top = match parts.next() {
            Some(Component::Normal(top)) => top.to_string_lossy().to_string(),
            _ => return Err(outside()),
        };
        if !ALLOWED.contains(&top.as_str()) || !parts.all(|c| matches!(c, Component::Normal(_))) {
            return Err(outside());
        }
        let full = self.root.join(path);
        // A symbolic link inside content/ must not lead elsewhere: compare the real place of
        // the deepest part that exists.
        let allowed = self.root.join(&top);
        let mut existing = full.as_path();
        while !existing.exists() {
            match existing.parent() {
                Some(parent) => existing = parent,
                None => break,
            }
        }
        if existing.starts_with(&allowed) || existing == allowed {
            let real = std::fs::canonicalize(existing).map_err(|e| e.to_string())?;
            let real_allowed = std::fs::canonicalize(&allowed).unwrap_or(allowed);
            if !real.starts_with(&real_allowed) {
                return Err(format!(
                    "\"{relative}\" leads out of {top}/ through a symbolic link; the editor may only change files inside it"
                ));
            }
        }
        Ok(full)
    }

    fn entry(&self, relative: &str, label: Option<&str>) -> Outcome {
        let path = self.resolve(relative)?;
        let mut file = json!({ "path": relative, "id": Value::Null });
        if let Some(label) = label {
            file["label"] = json!(label);
        }
        match std::fs::read(&path) {
            Ok(bytes) => {
                file["id"] = json!(sha256(&bytes));
                Ok(json!({ "data": String::from_utf8_lossy(&bytes), "file": file }))
            }
            // A missing file is no error: Decap asks to learn that a new path is free.
            Err(_) => Ok(json!({ "data": Value::Null, "file": file })),
        }
    }

    fn entries_by_folder(&self, params: &Value) -> Outcome {
        let folder = text(params, "folder")?;
        let extension = params["extension"].as_str().unwrap_or("md");
        let depth = params["depth"].as_u64().unwrap_or(1).max(1) as usize;
        let dir = self.resolve(folder)?;
        let suffix = format!(".{}", extension.trim_start_matches('.'));
        let mut found = Vec::new();
        for item in walkdir::WalkDir::new(&dir)
            .max_depth(depth)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let name = item.file_name().to_string_lossy();
            if !name.ends_with(&suffix) {
                continue;
            }
            let Ok(inside) = item.path().strip_prefix(&dir) else {
                continue;
            };
            let relative = format!("{}/{}", folder.trim_end_matches('/'), slashes(inside));
            found.push(self.entry(&relative, None)?);
        }
        Ok(Value::Array(found))
    }

    fn entries_by_files(&self, params: &Value) -> Outcome {
        let files = params["files"]
            .as_array()
            .ok_or("\"params.files\" is required")?;
        files
            .iter()
            .map(|file| self.entry(text(file, "path")?, file["label"].as_str()))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array)
    }

    fn get_entry(&self, params: &Value) -> Outcome {
        self.entry(text(params, "path")?, None)
    }

    fn persist_entry(&self, params: &Value) -> Outcome {
        let files: Vec<&Value> = match params["dataFiles"].as_array() {
            Some(files) => files.iter().collect(),
            None if params["entry"].is_object() => vec![&params["entry"]],
            None => return Err("\"params.dataFiles\" is required".to_string()),
        };
        let new_entry = params["options"]["newEntry"].as_bool().unwrap_or(false);
        let mut writes = Vec::new();
        for file in &files {
            let path = text(file, "path")?;
            let target = file["newPath"].as_str().unwrap_or(path);
            writes.push((
                self.resolve(path)?,
                self.resolve(target)?,
                target,
                file["raw"].as_str().unwrap_or(""),
            ));
        }
        if new_entry {
            for (_, target, shown, _) in &writes {
                check_new(target, shown)?;
            }
        }
        let assets = params["assets"].as_array().cloned().unwrap_or_default();
        let mut decoded = Vec::new();
        for asset in &assets {
            decoded.push(self.asset(asset)?);
        }
        let config = crate::config::load(&self.root, None).ok().map(|(c, _)| c);
        let default_lang = config.as_ref().map(|c| c.default_language.clone());
        let base_raw = writes
            .iter()
            .find(|(_, _, shown, _)| {
                default_lang
                    .as_deref()
                    .is_some_and(|l| shown.ends_with(&format!(".{l}.md")))
            })
            .map(|(_, _, _, raw)| raw.to_string());
        for (from, to, shown, raw) in &writes {
            let is_translation = default_lang
                .as_deref()
                .is_some_and(|l| !shown.ends_with(&format!(".{l}.md")));
            if is_translation && is_blank(raw) {
                continue; // an empty translation: egiz's missing_translation rule applies
            }
            let old = std::fs::read_to_string(from).ok();
            let base = match (is_translation, &base_raw, &default_lang) {
                (false, _, _) | (_, _, None) => None,
                (true, Some(raw), _) => front_matter(raw),
                // Saved alone: the default language's file on disk is what egiz inherits from.
                (true, None, Some(lang)) => std::fs::read_to_string(sibling(from, lang))
                    .ok()
                    .and_then(|raw| front_matter(&raw)),
            };
            let inherited = config
                .as_ref()
                .map(|c| fields::inherited(content_folder(shown), c))
                .unwrap_or_default();
            let merged = merge::merge(old.as_deref(), raw, base.as_ref(), &inherited);
            // Decap sends every language's file on each save; rewriting an unchanged one would
            // rebuild the site for nothing and make the file look newer than its translations.
            if from == to && old.as_deref() == Some(merged.as_str()) {
                continue;
            }
            write(to, merged.as_bytes())?;
            if from != to {
                let _ = std::fs::remove_file(from);
            }
        }
        for (path, bytes) in decoded {
            write(&path, &bytes)?;
        }
        Ok(json!({ "message": "entry persisted" }))
    }

    /// An uploaded file: where it goes and its bytes.
    fn asset(&self, asset: &Value) -> Result<(PathBuf, Vec<u8>), String> {
        let path = self.resolve(text(asset, "path")?)?;
        let content = asset["content"].as_str().unwrap_or("");
        let bytes = BASE64
            .decode(content.trim())
            .map_err(|e| format!("the uploaded file is not valid base64: {e}"))?;
        Ok((path, bytes))
    }

    fn get_media(&self, params: &Value) -> Outcome {
        let folder = text(params, "mediaFolder")?;
        let dir = self.resolve(folder)?;
        let mut files = Vec::new();
        let Ok(read) = std::fs::read_dir(&dir) else {
            return Ok(Value::Array(files));
        };
        let mut names: Vec<String> = read
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name().to_string_lossy().to_string())
            // A bundle's texts are no media: Decap lists the folder it shares with them.
            .filter(|name| !name.ends_with(".md") && !name.starts_with('.'))
            .collect();
        names.sort();
        for name in names {
            files.push(self.media_file(&format!("{}/{name}", folder.trim_end_matches('/')))?);
        }
        Ok(Value::Array(files))
    }

    fn media_file(&self, relative: &str) -> Outcome {
        let path = self.resolve(relative)?;
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {relative}: {e}"))?;
        let name = relative.rsplit('/').next().unwrap_or(relative);
        Ok(json!({
            "id": sha256(&bytes),
            "content": BASE64.encode(&bytes),
            "encoding": "base64",
            "path": relative,
            "name": name,
        }))
    }

    fn persist_media(&self, params: &Value) -> Outcome {
        let (path, bytes) = self.asset(&params["asset"])?;
        write(&path, &bytes)?;
        self.media_file(text(&params["asset"], "path")?)
    }

    fn delete_files(&self, params: &Value) -> Outcome {
        let paths = params["paths"]
            .as_array()
            .ok_or("\"params.paths\" is required")?;
        let paths: Vec<Result<String, String>> = paths
            .iter()
            .map(|p| {
                p.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| "a path is not text".to_string())
            })
            .collect();
        self.delete(&paths)
    }

    fn delete(&self, paths: &[Result<String, String>]) -> Outcome {
        let mut done = Vec::new();
        let mut targets = Vec::new();
        for path in paths {
            let path = path.as_ref().map_err(Clone::clone)?;
            targets.push((self.resolve(path)?, path.clone()));
        }
        for (target, shown) in targets {
            match std::fs::remove_file(&target) {
                Ok(()) => {}
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => return Err(format!("cannot delete {shown}: {err}")),
            }
            done.push(shown);
        }
        let noun = if done.len() == 1 { "file" } else { "files" };
        Ok(json!({ "message": format!("deleted {noun} {}", done.join(", ")) }))
    }
}

/// A new entry must not land in an existing story's folder (Decap would then write
/// `index-1.kk.md` beside its `index.kk.md`).
fn check_new(target: &Path, shown: &str) -> Result<(), String> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let bundled = name.starts_with("index");
    if bundled && !name.starts_with("index.") {
        let folder = shown.rsplit_once('/').map_or(shown, |(f, _)| f);
        return Err(format!(
            "an entry named \"{}\" exists already: give the new one another title",
            folder.rsplit('/').next().unwrap_or(folder)
        ));
    }
    if target.exists() {
        return Err(format!(
            "{shown} exists already: give the new entry another title"
        ));
    }
    Ok(())
}

/// `content/projects/x/index.kk.md` → `projects`; `content/about.kk.md` → `` (pages).
fn content_folder(path: &str) -> &str {
    let mut parts = path.split('/');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("content"), Some(folder), Some(_)) => folder,
        _ => "",
    }
}

/// `x/index.ru.md` → `x/index.kk.md` for `lang` kk.
fn sibling(path: &Path, lang: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let stem = name.trim_end_matches(".md");
    let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
    path.with_file_name(format!("{stem}.{lang}.md"))
}

fn front_matter(raw: &str) -> Option<serde_yaml::Mapping> {
    let split = crate::content::frontmatter::split(raw, Path::new("")).ok()?;
    serde_yaml::from_str(split.yaml).ok()
}

/// A translation Decap writes although nothing was entered: `"\n"`, or an empty front matter.
fn is_blank(raw: &str) -> bool {
    let stripped = raw.trim();
    stripped.is_empty()
        || stripped == "---\n---"
        || stripped.trim_matches(['-', '\n', ' ']).is_empty()
}

fn text<'a>(params: &'a Value, key: &str) -> Result<&'a str, String> {
    params[key]
        .as_str()
        .ok_or_else(|| format!("\"params.{key}\" is required"))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn slashes(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, Backend) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("content/projects")).expect("mkdir");
        std::fs::write(
            dir.path().join("content/projects/a.kk.md"),
            "---\ntitle: А\n---\nМәтін\n",
        )
        .expect("write");
        std::fs::write(dir.path().join("secret.txt"), "no").expect("write");
        let backend = Backend::new(dir.path());
        (dir, backend)
    }

    fn ask(backend: &Backend, request: Value) -> (u16, Value) {
        let answer = backend.answer(request.to_string().as_bytes());
        (
            answer.status,
            serde_json::from_str(&answer.body).expect("json"),
        )
    }

    #[test]
    fn paths_outside_content_and_static_are_refused() {
        let (_dir, backend) = site();
        for path in [
            "../secret.txt",
            "/etc/passwd",
            "secret.txt",
            "content/../secret.txt",
            "content\\..\\secret.txt",
            "C:/x",
        ] {
            let (status, body) = ask(
                &backend,
                json!({"action": "getEntry", "params": {"path": path}}),
            );
            assert_eq!(status, 422, "{path}");
            assert!(
                body["error"].as_str().expect("error").contains("outside"),
                "{path}: {body}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_out_of_content_is_refused() {
        let (dir, backend) = site();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("content/out")).expect("symlink");
        let (status, body) = ask(
            &backend,
            json!({"action": "getEntry", "params": {"path": "content/out/secret.txt"}}),
        );
        assert_eq!(status, 422);
        assert!(
            body["error"]
                .as_str()
                .expect("error")
                .contains("symbolic link"),
            "{body}"
        );
    }

    #[test]
    fn entries_are_listed_and_read_with_their_hash() {
        let (_dir, backend) = site();
        let (status, body) = ask(
            &backend,
            json!({"action": "entriesByFolder", "params": {"folder": "content/projects", "extension": "md", "depth": 2}}),
        );
        assert_eq!(status, 200);
        assert_eq!(body[0]["file"]["path"], "content/projects/a.kk.md");
        assert_eq!(body[0]["file"]["id"].as_str().map(str::len), Some(64));
        let (_, body) = ask(
            &backend,
            json!({"action": "getEntry", "params": {"path": "content/projects/none.kk.md"}}),
        );
        assert_eq!(body["data"], Value::Null);
        let (status, body) = ask(&backend, json!({"action": "nope"}));
        assert_eq!(
            (status, body["error"].as_str()),
            (422, Some("Unknown action nope"))
        );
    }

    #[test]
    fn a_new_entry_may_not_join_an_existing_bundle() {
        let (_dir, backend) = site();
        let (status, body) = ask(
            &backend,
            json!({"action": "persistEntry", "params": {
            "dataFiles": [{"path": "content/projects/a/index-1.kk.md", "slug": "a/index-1", "raw": "---\ntitle: x\n---\n"}],
            "assets": [], "options": {"newEntry": true}}}),
        );
        assert_eq!(status, 422, "{body}");
        assert!(
            body["error"]
                .as_str()
                .expect("error")
                .contains("exists already")
        );
    }

    #[test]
    fn saving_leaves_an_unchanged_language_file_untouched() {
        let (dir, backend) = site();
        let file = dir.path().join("content/projects/a.kk.md");
        let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30);
        let set_old = || {
            std::fs::File::options()
                .write(true)
                .open(&file)
                .and_then(|f| f.set_modified(long_ago))
                .expect("set mtime");
        };
        let modified = || {
            std::fs::metadata(&file)
                .and_then(|m| m.modified())
                .expect("mtime")
        };
        let save = |raw: &str| {
            ask(
                &backend,
                json!({"action": "persistEntry", "params": {
                "dataFiles": [{"path": "content/projects/a.kk.md", "slug": "a", "raw": raw}],
                "assets": [], "options": {}}}),
            )
        };
        set_old();
        let (status, body) = save("---\ntitle: А\n---\nМәтін\n");
        assert_eq!(status, 200, "{body}");
        assert_eq!(modified(), long_ago, "an unchanged file was rewritten");
        let (status, body) = save("---\ntitle: Ә\n---\nМәтін\n");
        assert_eq!(status, 200, "{body}");
        assert_ne!(modified(), long_ago);
        assert!(
            std::fs::read_to_string(&file)
                .expect("read")
                .contains("title: Ә")
        );
    }
}
