//! Hostile and clumsy input (issue 15): nesting deep enough to overflow a stack, words long
//! enough to be quadratic, paths and links that leave the site, output folders holding the
//! user's own files, oversized images. Each must end as a placed error, never a crash or a hang.

use std::time::{Duration, Instant};

use crate::support::run::{Run, arg, egiz};
use crate::support::site::{Fixture, add_story_pair, md};

/// A valid site with a printed leaflet story `deep` whose body is `body`.
fn leaflet_site(body: &str) -> Fixture {
    let site = Fixture::new();
    add_story_pair(&site, "good");
    site.write(
        "content/projects/deep.kk.md",
        &md(
            "title: Терең\ndate: 2023-12-06\ndistrict: balkhash\nbooklet: true",
            body,
        ),
    );
    site
}

fn check(site: &Fixture) -> Run {
    egiz(&["check", "--site", arg(&site.site())], site.root())
}

fn assert_no_staging(site: &Fixture) {
    for dir in [site.root().to_path_buf(), site.site()] {
        let left: Vec<String> = std::fs::read_dir(&dir)
            .expect("read the folder")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".egiz-staging") || n.starts_with(".egiz-old"))
            .collect();
        assert!(left.is_empty(), "leftovers in {}: {left:?}", dir.display());
    }
}

#[test]
fn deeply_nested_quotes_are_an_error_at_their_line_not_a_crash() {
    let body = format!("Кіріспе.\n\n{}мәтін\n", "> ".repeat(5000));
    let site = leaflet_site(&body);
    let run = site.build();
    run.assert_code(1);
    // Four lines of front matter, its fences and two lines of body above: the quote is on line
    // 10, and its 33rd `>` at column 65.
    run.assert_stderr_has("content/projects/deep.kk.md:10:65: error: nesting deeper than 32 levels");
    run.assert_stderr_has("hint:");
    assert_no_staging(&site);
    let run = check(&site);
    run.assert_code(1);
    run.assert_stderr_has("nesting deeper than 32 levels");
}

#[test]
fn deeply_nested_lists_are_an_error_not_a_crash() {
    let body = format!("{}пункт\n", "- ".repeat(3000));
    let site = leaflet_site(&body);
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("nesting deeper than 32 levels");
    assert_no_staging(&site);
}

#[test]
fn nesting_up_to_the_limit_still_builds() {
    let body = format!("{}мәтін\n", "> ".repeat(30));
    leaflet_site(&body).build_ok();
}

/// A file outside the site, next to it in the temporary folder.
fn secret_outside(site: &Fixture) -> std::path::PathBuf {
    let secret = site.root().join("secret.jpg");
    std::fs::write(&secret, crate::support::site::jpeg(8, 8)).expect("write the secret");
    secret
}

#[test]
fn symlinked_bundle_image_pointing_outside_the_site_is_refused() {
    let site = leaflet_site("Мәтін.\n");
    let secret = secret_outside(&site);
    site.write(
        "content/projects/linked/index.kk.md",
        &md("title: Сілтеме\ndate: 2023-12-06", "![сурет](photo.jpg)\n"),
    );
    std::os::unix::fs::symlink(&secret, site.site().join("content/projects/linked/photo.jpg"))
        .expect("symlink");
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("content/projects/linked/index.kk.md:");
    run.assert_stderr_has("outside the page's folder");
    assert!(!site.out().exists());
}

#[test]
fn image_path_with_a_colon_gets_the_same_checks_as_any_path() {
    let site = Fixture::new();
    add_story_pair(&site, "good");
    secret_outside(&site);
    site.write(
        "content/projects/deep.kk.md",
        &md(
            "title: Терең\ndate: 2023-12-06\nbooklet: true",
            "Мәтін.\n\n![сурет](x:../../../secret.jpg)\n",
        ),
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("content/projects/deep.kk.md:9:");
    run.assert_stderr_has("outside the page's folder");
    let run = check(&site);
    run.assert_code(1);
    run.assert_stderr_has("outside the page's folder");
}
