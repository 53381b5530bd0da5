//! The output folder: a failed build leaves the previous output byte-identical with no staging
//! leftovers, a good build replaces it whole, and no name or slug in the content can make egiz
//! write outside it.

use crate::support::files::{files_under, snapshot};
use crate::support::run::egiz_on;
use crate::support::site::{Fixture, SITE_YAML, add_story_pair, jpeg, line_of, md};

/// Files and folders beside the output whose names show an unfinished build.
fn staging_leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read the folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // `.egiz-cache` (resized images) is meant to stay between builds.
        .filter(|name| name.starts_with(".egiz") && name != ".egiz-cache")
        .collect()
}

fn good_site() -> Fixture {
    let site = Fixture::new();
    add_story_pair(&site, "x");
    add_story_pair(&site, "w");
    site.write(
        "content/projects/y/index.kk.md",
        &md(
            "title: Бума\ndate: 2023-10-15\ncover: { src: cover.jpg }",
            "Мәтін.\n",
        ),
    )
    .write_bytes("content/projects/y/cover.jpg", &jpeg(16, 12));
    site
}

#[test]
fn failed_build_leaves_previous_output_byte_identical() {
    let site = good_site();
    site.build_ok();
    let before = snapshot(&site.out());
    assert!(before.contains_key("kk/projects/x/index.html"));

    site.write(
        "content/projects/x.kk.md",
        &md(
            "title: Жоба\ndate: 2023-12-06\ndistrct: balkhash",
            "Мәтін.\n",
        ),
    );
    site.build().assert_code(1);
    assert_eq!(snapshot(&site.out()), before);
    assert_eq!(staging_leftovers(site.root()), Vec::<String>::new());
    assert_eq!(staging_leftovers(&site.site()), Vec::<String>::new());
}

#[test]
fn build_failing_while_rendering_leaves_previous_output_byte_identical() {
    let site = good_site();
    site.build_ok();
    let before = snapshot(&site.out());

    // Rendering stories fails only after other pages were already written to staging.
    site.write(
        "site.yaml",
        &format!("{}theme: broken\n", SITE_YAML),
    )
    .write("themes/broken/theme.yaml", "name: broken\n")
    .write(
        "themes/broken/templates/story.html",
        "{% extends \"base.html\" %}{% block main %}{{ page.no_such_field.x }}{% endblock main %}",
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("story.html");
    assert_eq!(snapshot(&site.out()), before);
    assert_eq!(staging_leftovers(site.root()), Vec::<String>::new());
}

#[test]
fn successful_rebuild_replaces_the_output_without_stale_pages() {
    let site = good_site();
    site.build_ok();
    std::fs::write(site.out().join("stray.html"), "left from an old build").expect("write");
    std::fs::remove_file(site.site().join("content/projects/w.kk.md")).expect("remove");
    std::fs::remove_file(site.site().join("content/projects/w.ru.md")).expect("remove");
    site.build_ok();
    let files = files_under(&site.out());
    assert!(files.contains(&"kk/projects/x/index.html".to_string()));
    assert!(
        !files
            .iter()
            .any(|f| f.contains("projects/w/") || f == "stray.html"),
        "{files:?}"
    );
    assert_eq!(staging_leftovers(site.root()), Vec::<String>::new());
}

#[test]
fn output_folder_that_holds_the_site_is_refused() {
    let site = good_site();
    let before = snapshot(&site.site());
    let run = egiz_on(&["build"], &site.site(), &site.site(), site.root());
    run.assert_code(1);
    run.assert_stderr_has("hint:");
    assert_eq!(snapshot(&site.site()), before, "the site is untouched");
}

/// Every file of the temporary folder that is not part of the site's sources.
fn written_files(site: &Fixture) -> Vec<String> {
    files_under(site.root())
        .into_iter()
        .filter(|f| !f.starts_with("site/"))
        .collect()
}

#[test]
fn slug_with_parent_folders_lands_inside_the_projects_folder() {
    let site = Fixture::new();
    site.write(
        "content/projects/x.kk.md",
        &md(
            "title: Жоба\ndate: 2023-12-06\nslug: ../../../escape",
            "Мәтін.\n",
        ),
    )
    .write("content/projects/x.ru.md", &md("title: Проект", "Текст.\n"));
    let sources = files_under(&site.site());
    site.build_ok();

    assert!(site.output_has("kk/projects/escape/index.html"));
    assert!(
        site.output_has("ru/projects/escape/index.html"),
        "the translation inherits the slug"
    );
    assert_eq!(
        site_files_but_the_cache(&site),
        sources,
        "nothing new in the site"
    );
    let outside: Vec<String> = written_files(&site)
        .into_iter()
        .filter(|f| !f.starts_with("out/"))
        .collect();
    assert_eq!(outside, Vec::<String>::new());
}

/// The files of the site folder except `.egiz-cache/`, where egiz keeps resized images and
/// cards by design.
fn site_files_but_the_cache(site: &Fixture) -> Vec<String> {
    files_under(&site.site())
        .into_iter()
        .filter(|f| !f.starts_with(".egiz-cache/"))
        .collect()
}

#[test]
fn file_names_with_dots_and_slashes_cannot_leave_the_output() {
    let site = Fixture::new();
    let text = md("title: Жоба\ndate: 2023-12-06", "Мәтін.\n");
    site.write(r"content/projects/up..\..\..\evil.kk.md", &text)
        .write("content/projects/x../index.kk.md", &text)
        .write("content/projects/a..b.kk.md", &text);
    let sources = files_under(&site.site());
    site.build_ok();

    assert_eq!(
        site_files_but_the_cache(&site),
        sources,
        "nothing new in the site"
    );
    let written = written_files(&site);
    assert!(written.iter().all(|f| f.starts_with("out/")), "{written:?}");
    let story_pages: Vec<&String> = written
        .iter()
        .filter(|f| f.starts_with("out/kk/projects/") && f.ends_with("/index.html"))
        .filter(|f| *f != "out/kk/projects/index.html")
        .collect();
    assert_eq!(story_pages.len(), 3, "{written:?}");
    for page in story_pages {
        let slug = page
            .trim_start_matches("out/kk/projects/")
            .trim_end_matches("/index.html");
        assert!(
            !slug.is_empty()
                && slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{page} is not a plain slug"
        );
    }
}

/// The bundle story `x` with `text` as its Kazakh file refers to a file outside the bundle: the
/// build fails at the line holding `reference` and writes nothing at all.
fn assert_refused(site: &Fixture, text: &str, reference: &str) {
    let story = "content/projects/x/index.kk.md";
    site.write(story, text);
    let run = site.build();
    run.assert_code(1);
    run.error_for(story)
        .assert_at_line_with_hint(line_of(text, reference));
    assert_eq!(written_files(site), Vec::<String>::new());
}

#[test]
fn image_reference_to_a_parent_folder_is_refused_and_nothing_is_written() {
    let site = Fixture::new();
    site.write_bytes("secret.jpg", &jpeg(16, 12));
    let text = md(
        "title: Жоба\ndate: 2023-12-06",
        "![secret](../../../secret.jpg)\n",
    );
    assert_refused(&site, &text, "secret.jpg");
}

#[test]
fn cover_outside_the_bundle_is_refused() {
    let text = md(
        "title: Жоба\ndate: 2023-12-06\ncover: { src: ../../../site.yaml }",
        "Мәтін.\n",
    );
    assert_refused(&Fixture::new(), &text, "cover:");
}
