//! Fixture sites: a temporary folder with a site in `site/` (its `site.yaml`, content files,
//! real JPEG and PNG images) and the build's output in `out/` beside it; and the example site
//! at the repository root.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::html::Page;
use super::run::{Run, egiz_on};

/// A two-language site (Kazakh first) at the root of a domain, with a few taxonomy terms.
pub(crate) const SITE_YAML: &str = "\
title: { kk: Азаматтық бастамалар, ru: Гражданские инициативы }
description: { kk: Ауылдағы жобалар, ru: Проекты на селе }
base_url: https://example.org/
languages:
  - { code: kk, name: Қазақша }
  - { code: ru, name: Русский }
default_language: kk
taxonomies:
  district:
    balkhash: { kk: Балқаш ауданы, ru: Балхашский район }
    zhambyl: { kk: Жамбыл ауданы, ru: Жамбылский район }
  topics:
    children: { kk: Балалар, ru: Дети }
    sport: { kk: Спорт, ru: Спорт }
";

/// The `languages:` of every two-language fixture site: Kazakh first, then Russian.
const KK_RU: &str =
    "languages:\n  - { code: kk, name: Қазақша }\n  - { code: ru, name: Русский }\n";

/// A `site.yaml` in Kazakh and Russian: the `title` and `base_url` lines, the languages, then
/// `rest` as written (taxonomies and other settings).
pub(crate) fn kk_ru_site_yaml(title: &str, base_url: &str, rest: &str) -> String {
    format!("title: {title}\nbase_url: {base_url}\n{KK_RU}{rest}")
}

/// The `taxonomies:` of a site whose one district term is Balkhash.
pub(crate) const BALKHASH_ONLY: &str =
    "taxonomies:\n  district:\n    balkhash: { kk: Балқаш ауданы, ru: Балхашский район }\n";

/// The repository root, which is also the example site.
pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The languages of the example site.
pub(crate) const EXAMPLE_LANGUAGES: [&str; 2] = ["kk", "ru"];

/// Story names from content/projects: `NAME.LANG.md` files and `NAME/index.LANG.md` bundles.
pub(crate) fn example_stories() -> Vec<String> {
    let projects = repo().join("content/projects");
    let mut names: Vec<String> = std::fs::read_dir(&projects)
        .expect("content/projects")
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_dir() {
                let is_bundle = EXAMPLE_LANGUAGES
                    .iter()
                    .any(|l| entry.path().join(format!("index.{l}.md")).is_file());
                is_bundle.then_some(name)
            } else {
                EXAMPLE_LANGUAGES
                    .iter()
                    .find_map(|l| name.strip_suffix(&format!(".{l}.md")))
                    .filter(|stem| !stem.starts_with('_'))
                    .map(str::to_string)
            }
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A real JPEG of `width` × `height` pixels (a colour gradient), made with the image crate.
/// The same size always gives the same bytes.
pub(crate) fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 255 / width.max(1)) as u8,
            (y * 255 / height.max(1)) as u8,
            140,
        ])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&pixels)
        .expect("encode a JPEG");
    bytes
}

/// A real PNG of `width` × `height` pixels with transparency.
pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    use image::ImageEncoder;
    let pixels = image::RgbaImage::from_fn(width, height, |x, _| {
        image::Rgba([30, 120, 200, (x * 255 / width.max(1)) as u8])
    });
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes)
        .write_image(
            pixels.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgba8,
        )
        .expect("encode a PNG");
    bytes
}

/// A content file: front matter lines between `---` fences, then the Markdown body.
pub(crate) fn md(front_matter: &str, body: &str) -> String {
    format!(
        "---\n{}\n---\n\n{body}",
        front_matter.trim_end_matches('\n')
    )
}

/// The 1-based line of `text` holding `needle` (to predict where an error must be reported).
pub(crate) fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .map(|index| index + 1)
        .unwrap_or_else(|| panic!("{needle:?} is not in the fixture text"))
}

/// A temporary folder holding a site in `site/`; builds go to `out/` beside it.
pub(crate) struct Fixture {
    tmp: TempDir,
}

impl Fixture {
    /// A site with [`SITE_YAML`] and no content yet.
    pub(crate) fn new() -> Fixture {
        Fixture::with_config(SITE_YAML)
    }

    /// A site with `site_yaml` as its configuration and no content yet.
    pub(crate) fn with_config(site_yaml: &str) -> Fixture {
        let tmp = tempfile::tempdir().expect("create a temporary folder");
        std::fs::create_dir_all(tmp.path().join("site")).expect("create the site folder");
        let fixture = Fixture { tmp };
        fixture.write("site.yaml", site_yaml);
        fixture
    }

    /// The temporary folder that holds both the site and the output.
    pub(crate) fn root(&self) -> &Path {
        self.tmp.path()
    }

    pub(crate) fn site(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    pub(crate) fn out(&self) -> PathBuf {
        self.tmp.path().join("out")
    }

    /// Write a file of the site (path relative to the site folder), creating folders.
    pub(crate) fn write(&self, relative: &str, text: &str) -> &Fixture {
        self.write_bytes(relative, text.as_bytes())
    }

    pub(crate) fn write_bytes(&self, relative: &str, bytes: &[u8]) -> &Fixture {
        let path = self.site().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create the file's folder");
        }
        std::fs::write(&path, bytes).expect("write a fixture file");
        self
    }

    /// `egiz build --site SITE --output OUT` plus `extra` arguments.
    pub(crate) fn build_with(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        egiz_on(&args, &self.site(), &self.out(), self.root())
    }

    pub(crate) fn build(&self) -> Run {
        self.build_with(&[])
    }

    /// Build and insist it worked.
    pub(crate) fn build_ok(&self) -> Run {
        let run = self.build();
        run.assert_success();
        run
    }

    /// Parse an HTML file of the output (path relative to the output folder).
    pub(crate) fn page(&self, relative: &str) -> Page {
        Page::open(&self.out(), relative)
    }

    pub(crate) fn output_has(&self, relative: &str) -> bool {
        self.out().join(relative).is_file()
    }

    /// The text of a file of the output (path relative to the output folder).
    pub(crate) fn read_output(&self, relative: &str) -> String {
        let file = self.out().join(relative);
        std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()))
    }
}

/// The bundle story `y` with `kk` as its Kazakh file, a Russian translation that shows
/// `photo.jpg`, and 16 × 12 JPEGs `cover.jpg` and `photo.jpg`; and `z`, a story only in Kazakh.
pub(crate) fn add_bundle_y_and_kazakh_only_z(fixture: &Fixture, kk: &str) {
    fixture
        .write("content/projects/y/index.kk.md", kk)
        .write(
            "content/projects/y/index.ru.md",
            &md("title: Пакет", "![Соревнование](photo.jpg)\n"),
        )
        .write_bytes("content/projects/y/cover.jpg", &jpeg(16, 12))
        .write_bytes("content/projects/y/photo.jpg", &jpeg(16, 12))
        .write(
            "content/projects/z.kk.md",
            &md("title: Тек қазақша\ndate: 2022-05-01", "Мәтін.\n"),
        );
}

/// A pair of translated story files, `NAME.kk.md` and `NAME.ru.md`, with the usual facts in
/// the Kazakh file only.
pub(crate) fn add_story_pair(fixture: &Fixture, name: &str) {
    fixture.write(
        &format!("content/projects/{name}.kk.md"),
        &md(
            &format!("title: {name} kk\ndate: 2023-12-06\ndistrict: balkhash"),
            "Мәтін.\n",
        ),
    );
    fixture.write(
        &format!("content/projects/{name}.ru.md"),
        &md(&format!("title: {name} ru"), "Текст.\n"),
    );
}
