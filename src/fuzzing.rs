//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz), which link the library from
//! outside and so cannot reach its private modules. Each takes arbitrary bytes and runs them
//! through the same code `egiz build` runs on a site's files: the front matter and Markdown of
//! a story into the model, Markdown into HTML, a story into print pages, `site.yaml`, and a
//! booklet's front matter. Each returns the problems it found as [`Diagnostics`]; a panic, a
//! hang or an error without words is what the fuzzer is looking for.
//!
//! Files go through the real loader, in a scratch site folder under the system's temporary
//! folder (`egiz-fuzz-PID-N`, one per set of fixed files), made once per process and reused:
//! the loader reads folders, and making a folder per input would cost more than parsing it.
//! Not part of the supported API: `lib.rs` hides it from the documentation.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::content::{self, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::print::engine::Engine;
use crate::theme::Theme;

/// The example site's configuration: the fixed files and the seeds use its languages and terms.
const SITE_YAML: &str = include_str!("../site.yaml");

/// The base path of [`SITE_YAML`], which site-relative links get in front.
const BASE_PATH: &str = "/civic/";

/// The images written into the bundles of the fuzzed story and booklet: those the example's
/// bundles show, so that the seeds made from them load.
const IMAGES: &[&str] = &[
    "cover.jpg",
    "photo.jpg",
    "gallery-leaflets.jpg",
    "gallery-chart.jpg",
];

/// Stories the fixed files name: every story of the example site, so that its booklets (the
/// seeds of [`booklet`]) find theirs. Each is a short pair in its district.
const STORIES: &[(&str, &str)] = &[
    ("balkhash-appeals", "balkhash"),
    ("balkhash-kids-sport", "balkhash"),
    ("kegen-help-neighbour", "kegen"),
    ("kegen-social-projects", "kegen"),
    ("raiymbek-barrier-free", "raiymbek"),
    ("raiymbek-medical-standards", "raiymbek"),
    ("social-projects-contest", "republic"),
    ("uighur-influence-forms", "uighur"),
    ("uighur-teen-walks", "uighur"),
    ("zhambyl-children-creativity", "zhambyl"),
    ("zhambyl-development-plans", "zhambyl"),
    ("zhambyl-hippotherapy", "zhambyl"),
    ("zhambyl-rural-youth", "zhambyl"),
];

/// A story's front matter and Markdown, as `content/projects/fuzz/index.kk.md`; after a NUL
/// byte, its Russian translation. Loaded with a few other stories and a booklet that selects
/// stories by district, so pairing, inheritance and booklet resolution see it.
pub fn story(data: &[u8]) -> Result<(), Diagnostics> {
    load_with(&story_files(data)).map(|_| ())
}

/// Markdown as a page body, into HTML as the web renderer makes it, refused first when it nests
/// too deep, as the loader refuses it. The heading ids of the page must be those the print
/// engine links to.
pub fn markdown_html(data: &[u8]) -> Result<(), Diagnostics> {
    let text = utf8(data)?;
    if let Some((line, column)) = markdown::too_deep(text) {
        return Err(reported(Diagnostics::from_iter([Diagnostic::error(
            "nesting too deep",
        )
        .at(line, column)])));
    }
    let rendered = markdown::render_html(text, BASE_PATH);
    let web: Vec<&str> = rendered.toc.iter().map(|t| t.id.as_str()).collect();
    let print = markdown::heading_ids(text);
    assert_eq!(web, print, "web and print disagree on the heading ids");
    Ok(())
}

/// A story file as [`story`] takes it, loaded, then each language version set into pages by the
/// print engine with the default theme (its facts, text, results and quotes, its images from
/// the bundle) and written as PDF bytes, as a leaflet or a booklet's story would be.
pub fn print_layout(data: &[u8]) -> Result<(), Diagnostics> {
    let site = load_with(&story_files(data))?;
    let engine = engine(&site)?;
    let Some(entry) = site.stories.iter().find(|e| e.name == "fuzz") else {
        return Ok(());
    };
    for page in &entry.pages {
        let pdf = engine.story_pdf(&site, page).map_err(reported)?;
        assert!(pdf.pages > 0, "a story set into no pages");
    }
    Ok(())
}

/// `site.yaml`, loaded with a small fixed site (stories, a booklet, the home text), so the
/// settings meet content that uses them.
pub fn site_yaml(data: &[u8]) -> Result<(), Diagnostics> {
    // Two districts' stories; the booklet names one of each.
    let mut files = stories(&STORIES[..4]);
    files.push(("site.yaml".into(), data.to_vec()));
    files.push((
        "content/booklets/guide.kk.md".into(),
        b"---\ntitle: Guide\nstories: [balkhash-appeals, kegen-social-projects]\npaper: A5\neditions: [single, flip]\n---\nText.\n".to_vec(),
    ));
    files.push((
        "content/_index.kk.md".into(),
        b"---\ntitle: Home\n---\nText.\n".to_vec(),
    ));
    load_with(&files).map(|_| ())
}

/// A booklet's front matter and own text, as `content/booklets/fuzz/index.kk.md`; after a NUL
/// byte, its Russian translation. The stories the example booklets name exist.
pub fn booklet(data: &[u8]) -> Result<(), Diagnostics> {
    let mut files = stories(STORIES);
    files.push(("site.yaml".into(), SITE_YAML.as_bytes().to_vec()));
    files.extend(pair("content/booklets/fuzz/index", data));
    load_with(&files).map(|_| ())
}

/// The files of [`story`] and [`print_layout`].
fn story_files(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut files = stories(&STORIES[..2]);
    files.push(("site.yaml".into(), SITE_YAML.as_bytes().to_vec()));
    files.push((
        "content/booklets/balkhash.kk.md".into(),
        b"---\ntitle: Balkhash\nstories: { district: balkhash }\n---\n".to_vec(),
    ));
    files.extend(pair("content/projects/fuzz/index", data));
    files
}

/// `PREFIX.kk.md` with the bytes before the first NUL, `PREFIX.ru.md` with those after it.
fn pair(prefix: &str, data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut parts = data.splitn(2, |b| *b == 0);
    let mut files = vec![(
        format!("{prefix}.kk.md"),
        parts.next().unwrap_or_default().to_vec(),
    )];
    if let Some(ru) = parts.next() {
        files.push((format!("{prefix}.ru.md"), ru.to_vec()));
    }
    files
}

/// A short Kazakh–Russian pair for each of `stories` (name, district).
fn stories(stories: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for (name, district) in stories {
        files.push((
            format!("content/projects/{name}.kk.md"),
            format!("---\ntitle: {name}\ndate: 2023-12-06\ndistrict: {district}\ntopics: [children]\n---\nМәтін.\n").into_bytes(),
        ));
        files.push((
            format!("content/projects/{name}.ru.md"),
            format!("---\ntitle: {name} ru\n---\nТекст.\n").into_bytes(),
        ));
    }
    files
}

/// The scratch folder of each set of fixed files, and the files written into it last time.
type Scratch = BTreeMap<Vec<String>, (PathBuf, BTreeMap<String, Vec<u8>>)>;

static SCRATCH: Mutex<Scratch> = Mutex::new(BTreeMap::new());

/// Writes `files` into a scratch site (only those that changed since the last call with the
/// same file names, and images into the bundles), removes the files of the last call that are
/// not among them, and loads the site as `egiz build` does.
fn load_with(files: &[(String, Vec<u8>)]) -> Result<Site, Diagnostics> {
    let mut scratch = SCRATCH.lock().unwrap_or_else(PoisonError::into_inner);
    let names: Vec<String> = files
        .iter()
        .filter(|(name, _)| !name.starts_with("content/projects/fuzz/"))
        .filter(|(name, _)| !name.starts_with("content/booklets/fuzz/"))
        .map(|(name, _)| name.clone())
        .collect();
    let count = scratch.len();
    let (dir, written) = scratch.entry(names).or_insert_with(|| {
        let dir = std::env::temp_dir().join(format!("egiz-fuzz-{}-{count}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for bundle in ["content/projects/fuzz", "content/booklets/fuzz"] {
            for image in IMAGES {
                write(&dir.join(bundle).join(image), &tiny_jpeg());
            }
        }
        (dir, BTreeMap::new())
    });
    let wanted: BTreeMap<String, Vec<u8>> = files.iter().cloned().collect();
    for name in written.keys() {
        if !wanted.contains_key(name) {
            let _ = std::fs::remove_file(dir.join(name));
        }
    }
    for (name, bytes) in &wanted {
        if written.get(name) != Some(bytes) {
            write(&dir.join(name), bytes);
        }
    }
    *written = wanted;
    content::load(dir, None)
        .map(|(site, warnings)| {
            // The program prints warnings as it prints errors.
            for warning in warnings.iter() {
                let _ = warning.to_string();
            }
            site
        })
        .map_err(reported)
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create a folder in the scratch site");
    }
    std::fs::write(path, bytes).expect("write into the scratch site");
}

/// An 8 × 6 JPEG, so that image references in the bundles resolve and print.
fn tiny_jpeg() -> Vec<u8> {
    let image = image::RgbImage::from_fn(8, 6, |x, y| image::Rgb([x as u8 * 30, y as u8 * 40, 90]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut bytes, image::ImageFormat::Jpeg)
        .expect("encode a JPEG");
    bytes.into_inner()
}

/// The default theme's print engine, made once: the fixed site.yaml never changes.
fn engine(site: &Site) -> Result<&'static Engine, Diagnostics> {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    if let Some(engine) = ENGINE.get() {
        return Ok(engine);
    }
    let (theme, _) = Theme::load(&site.root, &site.config).map_err(reported)?;
    let engine = Engine::new(&theme, site).map_err(reported)?;
    Ok(ENGINE.get_or_init(|| engine))
}

fn utf8(data: &[u8]) -> Result<&str, Diagnostics> {
    std::str::from_utf8(data)
        .map_err(|_| Diagnostics::from_iter([Diagnostic::error("the text is not UTF-8")]))
}

/// `problems`, after checking what every failure must give a user: at least one error, each
/// with words, each printable as the program prints it.
fn reported(problems: Diagnostics) -> Diagnostics {
    assert!(
        problems.has_errors(),
        "a failure without an error: {problems:?}"
    );
    for problem in problems.iter() {
        assert!(
            !problem.message.trim().is_empty(),
            "an error without words: {problem:?}"
        );
        let _ = problem.to_string();
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed corpus of `target` (fuzz/seeds/TARGET/), by file name.
    fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/seeds")
            .join(target);
        let mut found: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
            .expect("the seeds of the target")
            .map(|e| {
                let path = e.expect("a seed").path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&path).expect("read a seed"))
            })
            .collect();
        found.sort();
        assert!(!found.is_empty(), "no seeds in {}", dir.display());
        found
    }

    /// Runs `f` on every seed of `target`: all must load, or the fuzzer would start from inputs
    /// that stop at the first error and never reach what comes after.
    fn seeds_pass(target: &str, f: fn(&[u8]) -> Result<(), Diagnostics>) {
        let failed: Vec<String> = seeds(target)
            .into_iter()
            .filter_map(|(name, data)| f(&data).err().map(|d| format!("{name}: {d:?}")))
            .collect();
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn the_seeds_of_every_target_load() {
        seeds_pass("story", story);
        seeds_pass("booklet", booklet);
        seeds_pass("site_yaml", site_yaml);
        seeds_pass("markdown_html", markdown_html);
        let (name, data) = &seeds("print_layout")[0];
        assert!(print_layout(data).is_ok(), "{name}");
        forget_scratch();
    }

    #[test]
    fn broken_input_is_an_error_and_a_translation_follows_a_nul_byte() {
        assert!(story(b"title: no front matter").is_err());
        assert!(story(b"---\ntitle: x\n---\n\xff\xfe").is_err());
        let kk = "---\ntitle: Ж\ndate: 2023-12-06\ndistrict: balkhash\n---\nМәтін.\n";
        assert!(story(kk.as_bytes()).is_ok());
        let with_ru = format!("{kk}\0---\ntitle: Ж\nbogus: 1\n---\n");
        let err = story(with_ru.as_bytes()).expect_err("an unknown field in the translation");
        assert!(format!("{err:?}").contains("index.ru.md"), "{err:?}");
        assert!(markdown_html(">".repeat(100).as_bytes()).is_err());
        assert!(site_yaml(b"title: x").is_err());
        forget_scratch();
    }

    /// Removes the scratch folders this process made (the next call makes them again).
    fn forget_scratch() {
        let mut scratch = SCRATCH.lock().unwrap_or_else(PoisonError::into_inner);
        for (dir, _) in scratch.values() {
            let _ = std::fs::remove_dir_all(dir);
        }
        scratch.clear();
    }
}
