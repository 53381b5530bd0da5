//! Responsive images, end to end on fixture sites with real JPEG and PNG files: the resized
//! files and their pixel sizes, the `srcset`/`sizes`/`width`/`height`/`loading` attributes, the
//! cache between builds, broken images and missing alt text.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use crate::support::files::files_under;
use crate::support::html::{Page, srcset_entries};
use crate::support::links::{Base, Target, broken_references, resolve};
use crate::support::site::{Fixture, add_story_pair, jpeg, line_of, md, png};

const STORY: &str = "content/projects/y/index.kk.md";

/// A bundle story with a 2000×1000 JPEG cover, a 900×600 PNG (with transparency) in the
/// gallery and a 1000×750 JPEG in the text; its Russian translation inherits the images.
fn images_site() -> (Fixture, String) {
    let site = Fixture::new();
    let text = md(
        "title: Суреттер\ndate: 2023-10-15\ncover: { src: cover.jpg, alt: Балалар жарыста }\n\
         gallery:\n  - { src: photo.png, alt: Сызба }",
        "Мәтін.\n\n![Карта](map.jpg)\n",
    );
    site.write(STORY, &text)
        .write(
            "content/projects/y/index.ru.md",
            &md("title: Картинки", "Текст.\n\n![Карта](map.jpg)\n"),
        )
        .write_bytes("content/projects/y/cover.jpg", &jpeg(2000, 1000))
        .write_bytes("content/projects/y/photo.png", &png(900, 600))
        .write_bytes("content/projects/y/map.jpg", &jpeg(1000, 750));
    (site, text)
}

/// The pixel size of an image file.
fn image_size(path: &Path) -> (u32, u32) {
    image::image_dimensions(path)
        .unwrap_or_else(|e| panic!("cannot read the image {}: {e}", path.display()))
}

/// The one `<img>` matching `selector`: its attributes.
fn img(page: &Page, selector: &str) -> BTreeMap<String, String> {
    let selector = scraper::Selector::parse(selector).expect("selector");
    let found: Vec<_> = page.html.select(&selector).collect();
    assert_eq!(
        found.len(),
        1,
        "one {selector:?} in {}",
        page.file.display()
    );
    found[0]
        .value()
        .attrs()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The widths in a `srcset`, each checked to be a file of the output with that pixel width.
fn checked_srcset(site: &Fixture, page: &str, attrs: &BTreeMap<String, String>) -> Vec<u32> {
    let base = Base::new("https://example.org/");
    srcset_entries(&attrs["srcset"])
        .into_iter()
        .map(|(url, width)| {
            let Target::File(file) = resolve(&base, page, &url) else {
                panic!("{url} is not a file of the site");
            };
            let (w, _) = image_size(&site.out().join(&file));
            assert_eq!(w, width, "{file} is {w} px wide, srcset says {width}w");
            width
        })
        .collect()
}

#[test]
fn images_are_resized_to_the_ladder_without_upscaling_and_originals_are_kept() {
    let (site, _) = images_site();
    let run = site.build_ok();
    run.assert_stdout_has("images: 3 resized (10 files");
    let dir = site.out().join("kk/projects/y");
    for (file, size) in [
        ("cover-480w.jpg", (480, 240)),
        ("cover-800w.jpg", (800, 400)),
        ("cover-1200w.jpg", (1200, 600)),
        ("cover-1600w.jpg", (1600, 800)),
        ("photo-480w.png", (480, 320)),
        ("photo-800w.png", (800, 533)),
        ("photo-900w.png", (900, 600)),
        ("map-480w.jpg", (480, 360)),
        ("map-800w.jpg", (800, 600)),
        ("map-1000w.jpg", (1000, 750)),
    ] {
        assert_eq!(image_size(&dir.join(file)), size, "{file}");
    }
    let made: Vec<String> = files_under(&dir)
        .into_iter()
        .filter(|f| f.contains("w."))
        .collect();
    assert_eq!(
        made.len(),
        10,
        "no other widths, nothing enlarged: {made:?}"
    );
    assert_eq!(
        std::fs::read(dir.join("cover.jpg")).expect("original"),
        jpeg(2000, 1000),
        "the original is kept as it was"
    );
    let resized_png = image::open(dir.join("photo-480w.png")).expect("a PNG");
    assert!(
        resized_png.color().has_alpha(),
        "PNG stays PNG, transparency kept"
    );
    assert_eq!(
        image::ImageFormat::from_path(dir.join("cover-800w.jpg")).ok(),
        Some(image::ImageFormat::Jpeg)
    );
    assert!(
        image::load_from_memory_with_format(
            &std::fs::read(dir.join("cover-800w.jpg")).expect("read"),
            image::ImageFormat::Jpeg
        )
        .is_ok(),
        "JPEG stays JPEG"
    );
    // The Russian page shows the same images, placed beside it too.
    assert_eq!(
        image_size(&site.out().join("ru/projects/y/cover-1600w.jpg")),
        (1600, 800)
    );
}

#[test]
fn story_html_has_srcset_sizes_dimensions_and_loading() {
    let (site, _) = images_site();
    site.build_ok();
    for lang in ["kk", "ru"] {
        let file = format!("{lang}/projects/y/index.html");
        let page = site.page(&file);

        let cover = img(&page, ".cover img");
        assert_eq!(cover["src"], format!("/{lang}/projects/y/cover-1600w.jpg"));
        assert_eq!(
            (cover["width"].as_str(), cover["height"].as_str()),
            ("1600", "800")
        );
        assert_eq!(cover["loading"], "eager");
        assert_eq!(cover["fetchpriority"], "high");
        assert!(cover["sizes"].contains("100vw"), "{:?}", cover["sizes"]);
        assert_eq!(checked_srcset(&site, &file, &cover), [480, 800, 1200, 1600]);

        let gallery = img(&page, ".gallery img");
        assert_eq!(gallery["src"], format!("/{lang}/projects/y/photo-900w.png"));
        assert_eq!(
            (gallery["width"].as_str(), gallery["height"].as_str()),
            ("900", "600")
        );
        assert_eq!(gallery["loading"], "lazy");
        assert!(!gallery["sizes"].is_empty());
        assert_eq!(checked_srcset(&site, &file, &gallery), [480, 800, 900]);

        let in_text = img(&page, ".prose img");
        assert_eq!(in_text["alt"], "Карта");
        assert_eq!(in_text["src"], format!("/{lang}/projects/y/map-1000w.jpg"));
        assert_eq!(
            (in_text["width"].as_str(), in_text["height"].as_str()),
            ("1000", "750")
        );
        assert_eq!(in_text["loading"], "lazy");
        assert!(in_text["sizes"].contains("44rem"), "{:?}", in_text["sizes"]);
        assert_eq!(checked_srcset(&site, &file, &in_text), [480, 800, 1000]);
    }
    let base = Base::new("https://example.org/");
    assert_eq!(broken_references(&site.out(), &base), Vec::<String>::new());
}

#[test]
fn cards_have_sized_covers_and_load_lazily_after_the_first_three() {
    let site = Fixture::new();
    for (i, day) in (10..15).enumerate() {
        site.write(
            &format!("content/projects/s{i}/index.kk.md"),
            &md(
                &format!(
                    "title: Жоба {i}\ndate: 2023-10-{day}\ncover: {{ src: c.jpg, alt: Сурет {i} }}"
                ),
                "Мәтін.\n",
            ),
        )
        .write_bytes(&format!("content/projects/s{i}/c.jpg"), &jpeg(640, 480));
    }
    site.build_ok();
    let file = "kk/projects/index.html";
    let page = site.page(file);
    let loading = page.select_attr(".card__img", "loading");
    assert_eq!(loading, ["eager", "eager", "eager", "lazy", "lazy"]);
    assert_eq!(page.select_attr(".card__img", "width"), ["640"; 5]);
    assert_eq!(page.select_attr(".card__img", "height"), ["480"; 5]);
    let first = img(&page, "li:first-child .card__img");
    assert_eq!(first["src"], "/kk/projects/s4/c-640w.jpg", "newest first");
    assert_eq!(checked_srcset(&site, file, &first), [480, 640]);
    assert!(first["sizes"].contains("calc(100vw - 2rem)"));
}

/// Modification time of every file of the cache.
fn cache_state(site: &Fixture) -> BTreeMap<String, SystemTime> {
    let dir = site.site().join(".egiz-cache/images");
    files_under(&dir)
        .into_iter()
        .map(|f| {
            let modified = std::fs::metadata(dir.join(&f))
                .and_then(|m| m.modified())
                .expect("mtime");
            (f, modified)
        })
        .collect()
}

#[test]
fn a_second_build_takes_every_resized_file_from_the_cache() {
    let (site, _) = images_site();
    let first = site.build_ok();
    first.assert_stdout_has("images: 3 resized (10 files: 10 encoded, 0 from the cache)");
    let cached = cache_state(&site);
    assert_eq!(cached.len(), 10, "{cached:?}");

    // --clean: an unchanged site is not even loaded by an incremental build.
    let second = site.build_with(&["--clean"]);
    second.assert_success();
    second.assert_stdout_has("10 files: 0 encoded, 10 from the cache)");
    assert_eq!(
        cache_state(&site),
        cached,
        "no cache file was written again"
    );
    assert_eq!(
        image_size(&site.out().join("kk/projects/y/cover-1200w.jpg")),
        (1200, 600)
    );

    // A changed image is a new key: only its widths are encoded again.
    site.write_bytes("content/projects/y/map.jpg", &jpeg(1000, 500));
    let third = site.build_ok();
    third.assert_stdout_has("10 files: 3 encoded, 7 from the cache)");
    assert_eq!(
        image_size(&site.out().join("kk/projects/y/map-1000w.jpg")),
        (1000, 500)
    );
}

#[test]
fn a_site_without_images_does_no_image_work() {
    let site = Fixture::new();
    add_story_pair(&site, "x");
    let run = site.build_ok();
    assert!(!run.stdout.contains("images:"), "{}", run.stdout);
    assert!(!site.site().join(".egiz-cache/images").exists());
}

#[test]
fn a_broken_image_is_a_clear_error_and_nothing_is_written() {
    let (site, _) = images_site();
    site.write_bytes(
        "content/projects/y/cover.jpg",
        b"\xFF\xD8\xFF\xE0 this is not really a photo",
    );
    let run = site.build();
    run.assert_code(1);
    // Reported at the line that names the image, before anything decodes it.
    let reported = run.error_for("content/projects/y/index.kk.md");
    assert!(
        reported
            .message
            .starts_with("the image \"cover.jpg\" cannot be used: its JPEG header cannot be read"),
        "{}",
        reported.raw
    );
    assert!(!reported.hints.is_empty(), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!site.out().exists(), "nothing was written");
}

#[test]
fn a_png_named_jpg_is_read_by_its_content() {
    let site = Fixture::new();
    site.write(
        STORY,
        &md(
            "title: Сурет\ndate: 2023-10-15\ncover: { src: cover.jpg, alt: Сызба }",
            "Мәтін.\n",
        ),
    )
    .write_bytes("content/projects/y/cover.jpg", &png(600, 300));
    site.build_ok();
    let page = site.page("kk/projects/y/index.html");
    assert_eq!(
        img(&page, ".cover img")["src"],
        "/kk/projects/y/cover-600w.png"
    );
}

#[test]
fn a_missing_alt_is_a_warning_at_its_line() {
    let site = Fixture::new();
    let text = md(
        "title: Суреттер\ndate: 2023-10-15\ncover: { src: cover.jpg }\ngallery:\n  - { src: photo.jpg, alt: Жарыс }",
        "Мәтін.\n\n![](map.jpg)\n",
    );
    site.write(STORY, &text)
        .write(
            "content/projects/y/index.ru.md",
            &md("title: Картинки", "Текст.\n"),
        )
        .write_bytes("content/projects/y/cover.jpg", &jpeg(40, 30))
        .write_bytes("content/projects/y/photo.jpg", &jpeg(40, 30))
        .write_bytes("content/projects/y/map.jpg", &jpeg(40, 30));
    let run = site.build_ok();
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    assert_eq!(
        warnings.len(),
        2,
        "only in the file that has them:\n{}",
        run.stderr
    );
    let cover_line = line_of(&text, "cover.jpg");
    assert!(
        warnings[0].starts_with(&format!("{STORY}:{cover_line}:"))
            && warnings[0].contains("the cover image \"cover.jpg\" has no alt text"),
        "{}",
        warnings[0]
    );
    let map_line = line_of(&text, "map.jpg");
    assert!(
        warnings[1].starts_with(&format!(
            "{STORY}:{map_line}:1: warning: the image \"map.jpg\""
        )),
        "{}",
        warnings[1]
    );
    run.assert_stderr_has("hint: ");
    run.assert_stdout_has("2 warnings");
}

#[test]
fn a_resized_name_that_clashes_with_a_file_is_an_error() {
    let site = Fixture::new();
    site.write(
        STORY,
        &md(
            "title: Сурет\ndate: 2023-10-15\ncover: { src: cover.jpg, alt: Балалар }",
            "Мәтін.\n",
        ),
    )
    .write_bytes("content/projects/y/cover.jpg", &jpeg(500, 250))
    .write_bytes("content/projects/y/cover-500w.jpg", &jpeg(20, 10));
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr.contains("\"cover-500w.jpg\"") && run.stderr.contains("hint: "),
        "{}",
        run.stderr
    );
}
