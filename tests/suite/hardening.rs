//! Hostile and clumsy input (issue 15): nesting deep enough to overflow a stack, words long
//! enough to be quadratic, paths and links that leave the site, output folders holding the
//! user's own files, oversized images. Each must end as a placed error, never a crash or a hang.

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
    run.assert_stderr_has(
        "content/projects/deep.kk.md:10:65: error: nesting deeper than 32 levels",
    );
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
    std::os::unix::fs::symlink(
        &secret,
        site.site().join("content/projects/linked/photo.jpg"),
    )
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

/// `egiz build --site site --output OUTPUT` run in the fixture's root (relative names).
fn build_into(site: &Fixture, output: &str) -> Run {
    egiz(
        &["build", "--site", "site", "--output", output],
        site.root(),
    )
}

#[test]
fn output_folder_with_the_users_own_files_is_refused_untouched() {
    let site = leaflet_site("Мәтін.\n");
    let docs = site.root().join("docs");
    std::fs::create_dir_all(&docs).expect("docs");
    std::fs::write(docs.join("thesis.odt"), "my work").expect("own file");
    let run = build_into(&site, "docs");
    run.assert_code(1);
    run.assert_stderr_has(
        "error: docs/ holds files egiz did not make; choose an empty folder or remove them",
    );
    assert_eq!(
        std::fs::read_to_string(docs.join("thesis.odt")).unwrap(),
        "my work"
    );
    assert_eq!(std::fs::read_dir(&docs).unwrap().count(), 1);
    assert_no_staging(&site);
}

#[test]
fn output_naming_a_file_is_an_error_and_the_file_stays() {
    let site = leaflet_site("Мәтін.\n");
    std::fs::write(site.root().join("notes.txt"), "notes").expect("a file");
    let run = build_into(&site, "notes.txt");
    run.assert_code(1);
    run.assert_stderr_has("notes.txt is a file, not a folder");
    assert_eq!(
        std::fs::read_to_string(site.root().join("notes.txt")).unwrap(),
        "notes"
    );
}

#[test]
fn egiz_marks_its_output_and_replaces_marked_empty_and_older_outputs() {
    let site = leaflet_site("Мәтін.\n");
    std::fs::create_dir_all(site.root().join("empty")).expect("empty");
    build_into(&site, "empty").assert_success();
    assert!(site.root().join("empty/.egiz-output").is_file());
    // A rebuild replaces the marked folder.
    build_into(&site, "empty").assert_success();
    // An output of an egiz from before the marker: home page and sitemap at the top.
    std::fs::remove_file(site.root().join("empty/.egiz-output")).expect("unmark");
    build_into(&site, "empty").assert_success();
    assert!(site.root().join("empty/.egiz-output").is_file());
}

/// A process id that runs nowhere (above Linux's largest).
const DEAD: u32 = 4_194_304 + 7;

#[test]
fn a_swap_killed_halfway_is_undone_and_dead_staging_removed_by_the_next_build() {
    let site = leaflet_site("Мәтін.\n");
    site.build_ok();
    let out = site.out();
    let aside = site.root().join(format!(".egiz-old-out-{DEAD}"));
    std::fs::rename(&out, &aside).expect("put the output aside as a killed swap would");
    let stale = site.root().join(format!(".egiz-staging-out-{}", DEAD + 1));
    std::fs::create_dir_all(stale.join("kk")).expect("stale staging");
    // The next build fails (a broken story), but the previous output is back in place.
    site.write("content/projects/broken.kk.md", "---\ntitle: [\n---\n");
    site.build().assert_code(1);
    assert!(
        out.join("index.html").is_file(),
        "the old output was not put back"
    );
    assert_no_staging(&site);
}

#[test]
fn a_complete_output_left_ready_by_a_killed_build_is_swapped_in() {
    let site = leaflet_site("Мәтін.\n");
    site.build_ok();
    let ready = site.root().join(format!(".egiz-ready-out-{DEAD}"));
    std::fs::rename(site.out(), &ready).expect("as if killed before the swap");
    std::fs::write(ready.join("new.txt"), "new").expect("tag the ready output");
    site.write("content/projects/broken.kk.md", "---\ntitle: [\n---\n");
    site.build().assert_code(1);
    assert!(site.out().join("new.txt").is_file());
    assert_no_staging(&site);
}

#[test]
fn javascript_and_data_addresses_from_content_are_errors_at_their_line() {
    let site = Fixture::new();
    add_story_pair(&site, "good");
    site.write(
        "content/projects/bad.kk.md",
        &md(
            "title: Жаман\ndate: 2023-12-06\npartners:\n  - { name: X, url: \"javascript:alert(1)\" }",
            "Мәтін [сілтеме](JavaScript:alert(2)) және [сурет](data:text/html,x).\n",
        ),
    );
    for run in [site.build(), check(&site)] {
        run.assert_code(1);
        run.assert_stderr_has("content/projects/bad.kk.md:5:");
        run.assert_stderr_has("content/projects/bad.kk.md:8:");
        run.assert_stderr_has("a `javascript:` address");
        run.assert_stderr_has("a `data:` address");
    }
}

#[test]
fn a_content_file_cannot_take_the_search_page() {
    let site = Fixture::new();
    add_story_pair(&site, "good");
    site.write("content/search.kk.md", &md("title: Іздеу", "Мәтін.\n"));
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("the address /kk/search/ belongs to the search page");
}

#[test]
fn a_theme_font_outside_the_theme_folder_is_refused() {
    let site = leaflet_site("Мәтін.\n");
    // A real font next to the site: readable, but not the theme's to print with.
    std::fs::copy(
        crate::support::site::repo().join("assets/fonts/NotoSerif-Regular.ttf"),
        site.root().join("secret.ttf"),
    )
    .expect("copy a font");
    site.write(
        "site.yaml",
        &(std::fs::read_to_string(site.site().join("site.yaml")).expect("site.yaml")
            + "theme: borrowed\n"),
    );
    site.write(
        "themes/borrowed/theme.yaml",
        "name: borrowed\nprint:\n  fonts:\n    serif:\n      regular: ../../../secret.ttf\n",
    );
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("themes/borrowed/theme.yaml");
    run.assert_stderr_has("is outside the theme folder");
    assert_no_staging(&site);
}

#[test]
fn links_out_of_a_theme_or_static_folder_are_errors_and_links_inside_are_followed() {
    let site = leaflet_site("Мәтін.\n");
    std::fs::write(site.root().join("secret.html"), "<p>{{ config }}</p>").expect("write");
    std::fs::write(site.root().join("secret.txt"), "not for the web").expect("write");
    site.write(
        "site.yaml",
        &(std::fs::read_to_string(site.site().join("site.yaml")).expect("site.yaml")
            + "theme: linked\n"),
    );
    site.write("themes/linked/theme.yaml", "name: linked\n");
    site.write("static/shared/logo.txt", "our logo");
    let link = std::os::unix::fs::symlink;
    std::fs::create_dir_all(site.site().join("themes/linked/templates")).expect("mkdir");
    link(
        site.root().join("secret.html"),
        site.site().join("themes/linked/templates/extra.html"),
    )
    .expect("symlink");
    link(
        site.root().join("secret.txt"),
        site.site().join("static/secret.txt"),
    )
    .expect("symlink");
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has("themes/linked/templates/extra.html: error: this is a symbolic link");
    assert!(!site.out().exists());
    // The theme's problems stop a build before it publishes files; then the static one.
    std::fs::remove_file(site.site().join("themes/linked/templates/extra.html")).expect("rm");
    let run = site.build();
    run.assert_code(1);
    run.assert_stderr_has(
        "static/secret.txt: error: this is a symbolic link to a place outside the site folder",
    );
    assert!(!site.out().exists());
    assert_no_staging(&site);

    // Links that stay inside are ordinary files.
    std::fs::remove_file(site.site().join("static/secret.txt")).expect("rm");
    link(
        site.site().join("static/shared/logo.txt"),
        site.site().join("static/logo.txt"),
    )
    .expect("symlink");
    site.build().assert_code(0);
    let copied = std::fs::read_to_string(site.out().join("logo.txt")).expect("the linked file");
    assert_eq!(copied, "our logo");
}
