//! Shared helpers for the integration tests: a fixture site written into a temporary folder,
//! running the real `egiz` binary on it, and reading what it wrote (HTML, sitemap.xml, files).
#![allow(dead_code)] // each test binary uses a different part of these helpers

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use scraper::{Html, Selector};
use tempfile::TempDir;

pub mod static_server;

/// A two-language site (Kazakh first) at the root of a domain, with a few taxonomy terms.
pub const SITE_YAML: &str = "\
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

/// A real JPEG of `width` × `height` pixels (a colour gradient), made with the image crate.
/// The same size always gives the same bytes.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
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
pub fn png(width: u32, height: u32) -> Vec<u8> {
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

/// The pixel size of an image file.
pub fn image_size(path: &Path) -> (u32, u32) {
    image::image_dimensions(path)
        .unwrap_or_else(|e| panic!("cannot read the image {}: {e}", path.display()))
}

/// A content file: front matter lines between `---` fences, then the Markdown body.
pub fn md(front_matter: &str, body: &str) -> String {
    format!(
        "---\n{}\n---\n\n{body}",
        front_matter.trim_end_matches('\n')
    )
}

/// The 1-based line of `text` holding `needle` (to predict where an error must be reported).
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .map(|index| index + 1)
        .unwrap_or_else(|| panic!("{needle:?} is not in the fixture text"))
}

/// A temporary folder holding a site in `site/`; builds go to `out/` beside it.
pub struct Fixture {
    tmp: TempDir,
}

impl Fixture {
    /// A site with [`SITE_YAML`] and no content yet.
    pub fn new() -> Fixture {
        Fixture::with_config(SITE_YAML)
    }

    pub fn with_config(site_yaml: &str) -> Fixture {
        let fixture = Fixture::bare();
        fixture.write("site.yaml", site_yaml);
        fixture
    }

    /// An empty site folder (no site.yaml).
    pub fn bare() -> Fixture {
        let tmp = tempfile::tempdir().expect("create a temporary folder");
        std::fs::create_dir_all(tmp.path().join("site")).expect("create the site folder");
        Fixture { tmp }
    }

    /// The temporary folder that holds both the site and the output.
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    pub fn site(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    pub fn out(&self) -> PathBuf {
        self.tmp.path().join("out")
    }

    /// Write a file of the site (path relative to the site folder), creating folders.
    pub fn write(&self, relative: &str, text: &str) -> &Fixture {
        self.write_bytes(relative, text.as_bytes())
    }

    pub fn write_bytes(&self, relative: &str, bytes: &[u8]) -> &Fixture {
        let path = self.site().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create the file's folder");
        }
        std::fs::write(&path, bytes).expect("write a fixture file");
        self
    }

    /// `egiz build --site SITE --output OUT` plus `extra` arguments.
    pub fn build_with(&self, extra: &[&str]) -> Run {
        let site = self.site();
        let out = self.out();
        let mut args: Vec<&str> = vec![
            "build",
            "--site",
            site.to_str().expect("UTF-8 temp path"),
            "--output",
            out.to_str().expect("UTF-8 temp path"),
        ];
        args.extend_from_slice(extra);
        egiz(&args, self.root())
    }

    pub fn build(&self) -> Run {
        self.build_with(&[])
    }

    /// Build and insist it worked.
    pub fn build_ok(&self) -> Run {
        let run = self.build();
        run.assert_success();
        run
    }

    /// Parse an HTML file of the output (path relative to the output folder).
    pub fn page(&self, relative: &str) -> Page {
        Page::open(&self.out(), relative)
    }

    pub fn output_has(&self, relative: &str) -> bool {
        self.out().join(relative).is_file()
    }

    /// The text of a file of the output (path relative to the output folder).
    pub fn read_output(&self, relative: &str) -> String {
        let file = self.out().join(relative);
        std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()))
    }
}

/// Run the real binary with `args` in `cwd`, without colours.
pub fn egiz(args: &[&str], cwd: &Path) -> Run {
    let output = Command::cargo_bin("egiz")
        .expect("the egiz binary is built")
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run egiz");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn assert_success(&self) {
        assert_eq!(
            self.code,
            Some(0),
            "egiz should succeed\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
    }

    pub fn assert_code(&self, code: i32) {
        assert_eq!(
            self.code,
            Some(code),
            "egiz should exit with {code}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
    }

    /// The `error:` lines of stderr (without their hints).
    pub fn error_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.contains(": error: ") || l.starts_with("error: "))
            .collect()
    }

    /// The one error line reported for `file`, with the hint lines that follow it.
    pub fn error_for(&self, file: &str) -> Reported {
        let lines: Vec<&str> = self.stderr.lines().collect();
        let found: Vec<usize> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.starts_with(&format!("{file}:")) && l.contains(" error: "))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "expected exactly one error for {file} in stderr:\n{}",
            self.stderr
        );
        let first = found[0];
        let hints = lines[first + 1..]
            .iter()
            .take_while(|l| l.starts_with("  "))
            .filter_map(|l| l.trim_start().strip_prefix("hint: "))
            .map(str::to_string)
            .collect();
        Reported::parse(lines[first], file, hints)
    }
}

/// One `file:line:col: error: message` report with its hints.
#[derive(Debug)]
pub struct Reported {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hints: Vec<String>,
    pub raw: String,
}

impl Reported {
    fn parse(raw: &str, file: &str, hints: Vec<String>) -> Reported {
        let rest = &raw[file.len()..];
        let (place, message) = rest
            .split_once(" error: ")
            .unwrap_or_else(|| panic!("not an error line: {raw}"));
        let numbers: Vec<usize> = place
            .trim_matches(':')
            .split(':')
            .filter_map(|n| n.parse().ok())
            .collect();
        Reported {
            line: numbers.first().copied(),
            column: numbers.get(1).copied(),
            message: message.to_string(),
            hints,
            raw: raw.to_string(),
        }
    }

    /// The report sits on `line` of the file and comes with at least one hint.
    pub fn assert_at_line_with_hint(&self, line: usize) {
        assert_eq!(self.line, Some(line), "wrong line in: {}", self.raw);
        assert!(self.column.is_some(), "no column in: {}", self.raw);
        assert!(!self.hints.is_empty(), "no hint for: {}", self.raw);
    }
}

/// A generated HTML page, parsed.
pub struct Page {
    pub file: PathBuf,
    pub html: Html,
}

impl Page {
    pub fn open(out: &Path, relative: &str) -> Page {
        let file = out.join(relative);
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        Page {
            file,
            html: Html::parse_document(&text),
        }
    }

    pub fn select_attr(&self, selector: &str, attr: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("a valid CSS selector");
        self.html
            .select(&selector)
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    /// The text of every element matching `selector`, whitespace collapsed.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("a valid CSS selector");
        self.html
            .select(&selector)
            .map(|e| e.text().collect::<Vec<_>>().join(" "))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    pub fn text(&self) -> String {
        self.texts("body").join(" ")
    }

    pub fn count(&self, selector: &str) -> usize {
        let selector = Selector::parse(selector).expect("a valid CSS selector");
        self.html.select(&selector).count()
    }

    /// `<html lang>`.
    pub fn lang(&self) -> Option<String> {
        self.select_attr("html", "lang").into_iter().next()
    }

    pub fn canonical(&self) -> Option<String> {
        self.select_attr("link[rel=canonical]", "href")
            .into_iter()
            .next()
    }

    /// `hreflang` → `href` of every `<link rel="alternate" hreflang>` in the head.
    pub fn alternates(&self) -> BTreeMap<String, String> {
        let selector = Selector::parse("link[rel=alternate][hreflang]").expect("valid selector");
        let mut map = BTreeMap::new();
        for link in self.html.select(&selector) {
            let lang = link.value().attr("hreflang").unwrap_or_default();
            let href = link.value().attr("href").unwrap_or_default();
            let previous = map.insert(lang.to_string(), href.to_string());
            assert!(
                previous.is_none(),
                "{} has two alternates for {lang}",
                self.file.display()
            );
        }
        map
    }

    /// Every `href`, `src` and `srcset` address in the document.
    pub fn references(&self) -> Vec<String> {
        let mut refs = self.select_attr("[href]", "href");
        refs.extend(self.select_attr("[src]", "src"));
        for srcset in self.select_attr("[srcset]", "srcset") {
            refs.extend(srcset_entries(&srcset).into_iter().map(|(url, _)| url));
        }
        refs
    }
}

/// `url 480w, url 800w` → [(url, 480), (url, 800)]; panics on an entry without a `w` width.
pub fn srcset_entries(srcset: &str) -> Vec<(String, u32)> {
    srcset
        .split(", ")
        .map(|entry| {
            let (url, width) = entry
                .trim()
                .rsplit_once(' ')
                .unwrap_or_else(|| panic!("no width in the srcset entry {entry:?}"));
            let width = width
                .strip_suffix('w')
                .and_then(|w| w.parse().ok())
                .unwrap_or_else(|| panic!("not a width descriptor in {entry:?}"));
            (url.to_string(), width)
        })
        .collect()
}

/// Every file under `dir`, relative to it, with `/` separators, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
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
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(dir.join(&f)).expect("read a snapshot file");
            (f, bytes)
        })
        .collect()
}

/// The HTML files of an output folder.
pub fn html_files(out: &Path) -> Vec<String> {
    files_under(out)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect()
}

/// Today's date (UTC) as `YYYY-MM-DD`, computed independently of egiz.
pub fn today_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs();
    let days = i64::try_from(seconds / 86_400).expect("days fit");
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The site's address as egiz uses it: `https://org.github.io/ngo-site/` and `/ngo-site/`.
#[derive(Debug, Clone)]
pub struct Base {
    pub absolute: String,
    pub path: String,
}

impl Base {
    pub fn new(absolute: &str) -> Base {
        let absolute = format!("{}/", absolute.trim_end_matches('/'));
        let after_scheme = absolute.split_once("://").map_or("", |(_, rest)| rest);
        let path = after_scheme
            .find('/')
            .map_or("/".to_string(), |i| after_scheme[i..].to_string());
        Base { absolute, path }
    }

    fn origin(&self) -> &str {
        &self.absolute[..self.absolute.len() - self.path.len()]
    }

    /// A link path for a site path: `kk/x/` → `/ngo-site/kk/x/`.
    pub fn link(&self, site_path: &str) -> String {
        format!("{}{site_path}", self.path)
    }

    pub fn permalink(&self, site_path: &str) -> String {
        format!("{}{site_path}", self.absolute)
    }
}

/// Where a reference found in a generated page leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Not part of the site: another host, an anchor, `data:` or `mailto:`.
    Elsewhere,
    /// A file of the output, relative to the output folder.
    File(String),
    /// A site address outside the base path.
    OutsideBase(String),
}

/// Classify `reference`, found in the output file `page` (relative to the output folder),
/// against the site's `base`. Relative references are resolved as a browser would.
pub fn resolve(base: &Base, page: &str, reference: &str) -> Target {
    let reference = reference.trim();
    if reference.is_empty()
        || reference.starts_with('#')
        || reference.starts_with("//")
        || ["data:", "mailto:", "tel:", "javascript:"]
            .iter()
            .any(|s| reference.starts_with(s))
    {
        return Target::Elsewhere;
    }
    let path = if let Some(rest) = reference.strip_prefix(base.origin()) {
        if !rest.starts_with('/') {
            return Target::Elsewhere; // a longer host name that merely starts the same
        }
        rest.to_string()
    } else if reference.contains("://") {
        return Target::Elsewhere;
    } else if reference.starts_with('/') {
        reference.to_string()
    } else {
        let page_dir = match page.rfind('/') {
            Some(i) => &page[..=i],
            None => "",
        };
        normalise(&format!("{}{page_dir}{reference}", base.path))
    };
    let path = path.split(['#', '?']).next().unwrap_or("").to_string();
    let Some(inside) = path.strip_prefix(&base.path) else {
        return Target::OutsideBase(path);
    };
    let inside = percent_decode(inside);
    if inside.is_empty() || inside.ends_with('/') {
        Target::File(format!("{inside}index.html"))
    } else {
        Target::File(inside)
    }
}

/// Resolve `.` and `..` segments of an absolute path.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "" | "." if i + 1 < segments.len() => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).expect("a byte"));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every site-internal reference in every HTML file of `out` that is broken: outside the base
/// path, or pointing to a file that does not exist. Each problem as `page: reference (why)`.
pub fn broken_references(out: &Path, base: &Base) -> Vec<String> {
    let mut broken = Vec::new();
    for file in html_files(out) {
        let page = Page::open(out, &file);
        for reference in page.references() {
            match resolve(base, &file, &reference) {
                Target::Elsewhere => {}
                Target::OutsideBase(path) => {
                    broken.push(format!(
                        "{file}: {reference} (outside {}: {path})",
                        base.path
                    ));
                }
                Target::File(target) if !out.join(&target).is_file() => {
                    broken.push(format!("{file}: {reference} (no file {target})"));
                }
                Target::File(_) => {}
            }
        }
    }
    broken
}

/// Root-relative references (`/...`) that do not start with the base path: these break when
/// the site lives under a sub-path even if a file of that name happens to exist.
pub fn references_missing_base_path(out: &Path, base: &Base) -> Vec<String> {
    let mut wrong = Vec::new();
    for file in html_files(out) {
        for reference in Page::open(out, &file).references() {
            if reference.starts_with('/')
                && !reference.starts_with("//")
                && !reference.starts_with(&base.path)
            {
                wrong.push(format!("{file}: {reference}"));
            }
        }
    }
    wrong
}

/// One `<url>` of sitemap.xml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitemapUrl {
    pub loc: String,
    pub lastmod: Option<String>,
    /// `hreflang` → `href` of its `xhtml:link rel="alternate"` elements.
    pub alternates: BTreeMap<String, String>,
}

/// A small reader for the flat, well-formed XML egiz writes; panics on anything else.
pub fn parse_sitemap(xml: &str) -> Vec<SitemapUrl> {
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "no XML declaration"
    );
    let body = between(xml, "<urlset", "</urlset>").expect("one urlset element");
    assert!(
        body.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""),
        "the xhtml namespace is not declared"
    );
    let mut urls = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("<url>") {
        let end = rest[start..].find("</url>").expect("every <url> is closed") + start;
        let element = &rest[start + "<url>".len()..end];
        let loc = between(element, "<loc>", "</loc>")
            .expect("every url has a loc")
            .to_string();
        let lastmod = between(element, "<lastmod>", "</lastmod>").map(str::to_string);
        let mut alternates = BTreeMap::new();
        let mut links = element;
        while let Some(at) = links.find("<xhtml:link ") {
            let close = links[at..].find("/>").expect("xhtml:link is self-closing") + at;
            let attrs = attributes(&links[at + "<xhtml:link ".len()..close]);
            assert_eq!(attrs.get("rel").map(String::as_str), Some("alternate"));
            let lang = attrs.get("hreflang").expect("hreflang").clone();
            let href = attrs.get("href").expect("href").clone();
            assert!(
                alternates.insert(lang.clone(), href).is_none(),
                "{loc} has two alternates for {lang}"
            );
            links = &links[close..];
        }
        urls.push(SitemapUrl {
            loc: unescape(&loc),
            lastmod,
            alternates: alternates
                .into_iter()
                .map(|(k, v)| (k, unescape(&v)))
                .collect(),
        });
        rest = &rest[end..];
    }
    urls
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// `a="1" b="2"` → {a: 1, b: 2}.
fn attributes(text: &str) -> BTreeMap<String, String> {
    let mut attrs = BTreeMap::new();
    let mut rest = text.trim();
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim().to_string();
        let value_start = eq + 2;
        let value_end = rest[value_start..].find('"').expect("a closed attribute") + value_start;
        attrs.insert(name, rest[value_start..value_end].to_string());
        rest = &rest[value_end + 1..];
    }
    attrs
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// A pair of translated story files, `NAME.kk.md` and `NAME.ru.md`, with the usual facts in
/// the Kazakh file only.
pub fn add_story_pair(fixture: &Fixture, name: &str) {
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

/// `egiz check --site SITE` plus `extra` arguments.
pub fn check(fixture: &Fixture, extra: &[&str]) -> Run {
    let site = fixture.site();
    let mut args = vec!["check", "--site", site.to_str().expect("UTF-8 temp path")];
    args.extend_from_slice(extra);
    egiz(&args, fixture.root())
}

/// A running `egiz serve` on a free loopback port, stopped when dropped.
pub struct Server {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT/base/`, as the server printed it.
    pub url: String,
    /// `127.0.0.1:PORT`.
    pub address: String,
    /// The server's stdout and stderr lines, as they come.
    pub log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    /// Start `egiz serve --port 0` on the fixture's site and wait until it listens.
    pub fn start(fixture: &Fixture) -> Server {
        use std::io::BufRead;
        use std::process::{Command as Process, Stdio};
        let mut child = Process::new(env!("CARGO_BIN_EXE_egiz"))
            .args(["serve", "--port", "0", "--site"])
            .arg(fixture.site())
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start egiz serve");
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (ready, wait) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        for (stream, ready) in [
            (
                Box::new(stdout) as Box<dyn std::io::Read + Send>,
                Some(ready),
            ),
            (Box::new(stderr), None),
        ] {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in std::io::BufReader::new(stream)
                    .lines()
                    .map_while(Result::ok)
                {
                    if let (Some(ready), Some(url)) = (&ready, line.strip_prefix("serving ")) {
                        let url = url.split_whitespace().next().unwrap_or("").to_string();
                        let _ = ready.send(url);
                    }
                    log.lock().expect("log").push(line);
                }
            });
        }
        let url = wait
            .recv_timeout(std::time::Duration::from_secs(30))
            .unwrap_or_else(|_| panic!("egiz serve did not start: {:?}", log.lock().expect("log")));
        let address = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .expect("host:port")
            .to_string();
        Server {
            child,
            url,
            address,
            log,
        }
    }

    /// GET `path` (absolute, e.g. `/civic/kk/`): status, headers and body.
    pub fn get(&self, path: &str) -> Response {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&self.address).expect("connect");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .expect("timeout");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        )
        .expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read the response");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Response {
            status,
            headers,
            body: body.to_string(),
        }
    }

    /// Open the live-reload event stream; its text arrives in the returned buffer.
    pub fn events(&self) -> std::sync::Arc<std::sync::Mutex<String>> {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&self.address).expect("connect");
        write!(
            stream,
            "GET /__egiz/events HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.address
        )
        .expect("send");
        let text = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = text.clone();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stream.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("events")
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        // The stream is open once its first comment arrived.
        wait_for(std::time::Duration::from_secs(5), || {
            text.lock().expect("events").contains("live reload")
        });
        text
    }

    pub fn log_text(&self) -> String {
        self.log.lock().expect("log").join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

/// Poll `done` every 10 ms until it holds or `limit` passed; how long it took, if it held.
pub fn wait_for(
    limit: std::time::Duration,
    mut done: impl FnMut() -> bool,
) -> Option<std::time::Duration> {
    let started = std::time::Instant::now();
    while started.elapsed() < limit {
        if done() {
            return Some(started.elapsed());
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}
