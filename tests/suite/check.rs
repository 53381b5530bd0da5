//! `egiz check`: each class of problem on a small fixture site, reported at its file and line
//! with the right exit code, and the JSON report for CI.

use crate::support::run::{Run, arg, egiz};
use crate::support::site::{Fixture, SITE_YAML, add_story_pair, jpeg, line_of, md, repo};

/// `egiz check --site SITE` plus `extra` arguments.
fn check(fixture: &Fixture, extra: &[&str]) -> Run {
    let site = fixture.site();
    let mut args = vec!["check", "--site", arg(&site)];
    args.extend_from_slice(extra);
    egiz(&args, fixture.root())
}

/// The `file:line` of the first diagnostic line (error or warning) that mentions `needle`.
fn reported_line(stderr: &str, file: &str, needle: &str) -> Option<usize> {
    stderr
        .lines()
        .find(|l| l.starts_with(&format!("{file}:")) && l.contains(needle))
        .and_then(|l| l[file.len() + 1..].split(':').next()?.parse().ok())
}

fn json(fixture: &Fixture, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let run = check(fixture, &args);
    let value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout));
    (run.code, value)
}

#[test]
fn a_clean_site_passes_with_a_coverage_table() {
    let fixture = Fixture::new();
    add_story_pair(&fixture, "kids-sport");
    let run = check(&fixture, &[]);
    run.assert_success();
    run.assert_stdout_has("translations  kk   ru");
    run.assert_stdout_has("stories       1/1  1/1");
    run.assert_stdout_has("0 errors, 0 warnings");
    assert!(!fixture.out().exists() && !fixture.site().join("output").exists());
}

#[test]
fn front_matter_errors_fail_with_their_place() {
    let fixture = Fixture::new();
    let text = md(
        "title: Жоба\ndate: 2023-12-06\ndistrict: balkash",
        "Мәтін.\n",
    );
    fixture.write("content/projects/x.kk.md", &text);
    let run = check(&fixture, &[]);
    run.assert_code(1);
    let line = reported_line(&run.stderr, "content/projects/x.kk.md", "not a district");
    assert_eq!(line, Some(line_of(&text, "district:")), "{}", run.stderr);
}

#[test]
fn broken_links_and_anchors_in_markdown_are_errors_at_their_line() {
    let fixture = Fixture::new();
    add_story_pair(&fixture, "target");
    let text = md(
        "title: Сілтемелер\ndate: 2023-12-06",
        "## Нәтижелер\n\n[ok](/kk/projects/target/) [self](#natizheler) [rel](../target/)\n\n\
         [gone](/kk/projects/nope/)\n\n[anchor](../target/#no-such-heading)\n",
    );
    fixture.write("content/projects/links.kk.md", &text);
    let run = check(&fixture, &[]);
    run.assert_code(1);
    let file = "content/projects/links.kk.md";
    assert_eq!(
        reported_line(&run.stderr, file, "/kk/projects/nope/"),
        Some(line_of(&text, "[gone]")),
        "{}",
        run.stderr
    );
    assert_eq!(
        reported_line(&run.stderr, file, "no-such-heading"),
        Some(line_of(&text, "[anchor]")),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches(": error: broken").count(),
        2,
        "{}",
        run.stderr
    );
}

#[test]
fn broken_links_from_a_theme_are_reported_once_at_the_template() {
    let fixture = Fixture::with_config(
        &SITE_YAML.replace("default_language: kk", "default_language: kk\ntheme: mine"),
    );
    fixture.write("themes/mine/theme.yaml", "extends: default\n");
    fixture.write(
        "themes/mine/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<a href=\"/kk/oops/\">x</a>{% endblock main %}",
    );
    fixture.write("content/about.kk.md", &md("title: Біз туралы", "Мәтін.\n"));
    fixture.write("content/about.ru.md", &md("title: О нас", "Текст.\n"));
    let run = check(&fixture, &[]);
    run.assert_code(1);
    let reports: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("broken link \"/kk/oops/\""))
        .collect();
    assert_eq!(reports.len(), 1, "{}", run.stderr);
    assert!(
        reports[0].starts_with("themes/mine/templates/page.html")
            || reports[0].contains("templates/page.html"),
        "{}",
        reports[0]
    );
    assert!(reports[0].contains("and 1 more pages"), "{}", reports[0]);
}

#[test]
fn missing_images_fail_and_images_without_alt_warn() {
    let fixture = Fixture::new();
    let text = md(
        "title: Суреттер\ndate: 2023-12-06\ncover: { src: photo.jpg }",
        "![](photo.jpg)\n\n![Кездесу](photo.jpg)\n",
    );
    fixture.write("content/projects/pics/index.kk.md", &text);
    fixture.write_bytes("content/projects/pics/photo.jpg", &jpeg(40, 30));
    let run = check(&fixture, &[]);
    run.assert_success();
    let file = "content/projects/pics/index.kk.md";
    assert_eq!(
        reported_line(&run.stderr, file, "has no alt text"),
        Some(line_of(&text, "cover:"))
    );
    assert_eq!(
        run.stderr.matches("has no alt text").count(),
        2,
        "{}",
        run.stderr
    );
    check(&fixture, &["--strict"]).assert_code(1);

    fixture.write(
        file,
        &text.replace("![Кездесу](photo.jpg)", "![Кездесу](missing.jpg)"),
    );
    let run = check(&fixture, &[]);
    run.assert_code(1);
    assert_eq!(
        reported_line(&run.stderr, file, "missing.jpg"),
        Some(line_of(&text, "![Кездесу]")),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_translations_are_counted_per_language_in_json() {
    let fixture = Fixture::new();
    add_story_pair(&fixture, "both");
    fixture.write(
        "content/projects/kk-only.kk.md",
        &md("title: Тек қазақша\ndate: 2023-12-06", "Мәтін.\n"),
    );
    let (code, report) = json(&fixture, &[]);
    assert_eq!(code, Some(0));
    assert_eq!(report["errors"], 0);
    let stories = &report["coverage"]["kinds"][0];
    assert_eq!(stories["kind"], "stories");
    assert_eq!(stories["total"], 2);
    let ru = &stories["languages"][1];
    assert_eq!(
        (ru["code"].as_str(), ru["present"].as_u64()),
        (Some("ru"), Some(1))
    );
    assert_eq!(ru["missing"][0], "kk-only");
    let warning = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("no \"ru\" translation"))
        })
        .expect("a missing translation warning");
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["file"], "content/projects/kk-only.kk.md");
    let (code, _) = json(&fixture, &["--strict"]);
    assert_eq!(code, Some(1));
}

#[test]
fn translations_disagreeing_on_facts_warn_at_the_translation() {
    let fixture = Fixture::new();
    fixture.write(
        "content/projects/x.kk.md",
        &md(
            "title: Жоба\ndate: 2023-12-06\nbeneficiaries: 70",
            "Мәтін.\n",
        ),
    );
    let ru = md("title: Проект\nbeneficiaries: 75", "Текст.\n");
    fixture.write("content/projects/x.ru.md", &ru);
    let run = check(&fixture, &[]);
    run.assert_success();
    let line = reported_line(
        &run.stderr,
        "content/projects/x.ru.md",
        "kk says 70, ru says 75",
    );
    assert_eq!(line, Some(line_of(&ru, "beneficiaries")), "{}", run.stderr);
}

#[test]
fn characters_the_booklet_font_lacks_are_errors_in_print_content() {
    let fixture = Fixture::new();
    let story = md(
        "title: Жоба\ndate: 2023-12-06",
        "Бірінші жол.\n\nИероглиф 漢 бар.\n",
    );
    fixture.write("content/projects/printed.kk.md", &story);
    fixture.write(
        "content/projects/web-only.kk.md",
        &md("title: Веб 漢\ndate: 2023-12-06", "Мәтін.\n"),
    );
    fixture.write(
        "content/booklets/guide.kk.md",
        &md("title: Жадынама\nstories: [printed]", "Мәтін.\n"),
    );
    let run = check(&fixture, &[]);
    run.assert_code(1);
    let printed = "content/projects/printed.kk.md";
    run.assert_stderr_has(&format!("{printed}:{}:", line_of(&story, "漢")));
    run.assert_stderr_has("error: the booklet font cannot print \"漢\" (U+6F22)");
    run.assert_stderr_has("content/projects/web-only.kk.md:2:");
    run.assert_stderr_has("warning: the booklet font cannot print");
}

#[test]
fn booklet_settings_that_cannot_be_honoured_are_errors_at_their_line() {
    let fixture = Fixture::new();
    add_story_pair(&fixture, "kids-sport");
    let text = md(
        "title: Жадынама\nstories: [kids-sport, kid-sport]\neditions: [single, foldout]\npaper: B7",
        "Мәтін.\n",
    );
    fixture.write("content/booklets/guide.kk.md", &text);
    let run = check(&fixture, &[]);
    run.assert_code(1);
    let file = "content/booklets/guide.kk.md";
    assert_eq!(
        reported_line(&run.stderr, file, "\"kid-sport\", which does not exist"),
        Some(line_of(&text, "stories:"))
    );
    run.assert_stderr_has("did you mean \"kids-sport\"?");
    assert_eq!(
        reported_line(&run.stderr, file, "unknown booklet edition \"foldout\""),
        Some(line_of(&text, "editions:"))
    );
    assert_eq!(
        reported_line(&run.stderr, file, "paper size"),
        Some(line_of(&text, "paper:"))
    );
    let (code, report) = json(&fixture, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(report["errors"], 3, "{report:#}");
}

#[test]
fn the_example_site_is_clean_but_for_its_placeholder_address() {
    // The example site is a template: its base_url is example.org until a site is published,
    // and as it prints booklets, the preflight says so. Nothing else may be reported.
    let root = repo();
    egiz(&["check", "--site", arg(&root)], &root).assert_success();
    let strict = egiz(&["check", "--strict", "--site", arg(&root)], &root);
    strict.assert_code(1);
    let reported: Vec<&str> = strict
        .stderr
        .lines()
        .filter(|l| l.contains(": warning: ") || l.contains(": error: "))
        .collect();
    assert_eq!(reported.len(), 1, "{}", strict.stderr);
    assert!(
        reported[0].starts_with("site.yaml:3:1: warning: base_url is https://example.org/civic/"),
        "{}",
        strict.stderr
    );
}

/// A site that prints a booklet `guide` (one language) with `front_matter` added, at
/// `base_url`.
fn printing_site(base_url: &str, front_matter: &str) -> Fixture {
    let fixture = Fixture::with_config(
        &crate::support::site::SITE_YAML.replace("https://example.org/", base_url),
    );
    add_story_pair(&fixture, "sport");
    fixture.write(
        "content/booklets/guide.kk.md",
        &md(
            &format!(
                "title: Ауылдық бастамалар\ndate: 2023-12-01\nstories: [sport]\n{front_matter}"
            ),
            "## Кіріспе\n\nМәтін.\n",
        ),
    );
    fixture
}

#[test]
fn preflight_warns_of_a_placeholder_address_only_when_the_site_prints() {
    let placeholder = printing_site("https://example.org/civic/", "");
    let run = check(&placeholder, &[]);
    run.assert_success();
    assert_eq!(
        reported_line(&run.stderr, "site.yaml", "which no reader can open"),
        Some(3),
        "{}",
        run.stderr
    );
    run.assert_stderr_has("QR codes");
    let (_, value) = json(&placeholder, &[]);
    assert!(
        value.to_string().contains("which no reader can open"),
        "{value}"
    );
    let real = printing_site("https://ngo.github.io/civic/", "");
    let run = check(&real, &[]);
    assert!(!run.stderr.contains("no reader can open"), "{}", run.stderr);
}

#[test]
fn preflight_warns_of_a_full_bleed_cover_without_bleed_or_picture() {
    let fixture = printing_site(
        "https://ngo.github.io/civic/",
        "cover_layout: full-bleed\neditions: [single, imposed]",
    );
    let run = check(&fixture, &[]);
    run.assert_success();
    // Front matter from line 2: title, date, stories, then cover_layout.
    assert_eq!(
        reported_line(
            &run.stderr,
            "content/booklets/guide.kk.md",
            "no edition has the 3 mm bleed"
        ),
        Some(5),
        "{}",
        run.stderr
    );
    assert_eq!(
        reported_line(
            &run.stderr,
            "content/booklets/guide.kk.md",
            "has no cover picture"
        ),
        Some(5),
        "{}",
        run.stderr
    );
    let fine = printing_site(
        "https://ngo.github.io/civic/",
        "cover_layout: full-bleed\neditions: [single, print-shop]\ncover: { src: cover.jpg, alt: Ауыл }",
    );
    fine.write_bytes(
        "content/booklets/cover.jpg",
        &crate::support::site::jpeg(640, 480),
    );
    let run = check(&fine, &[]);
    assert!(!run.stderr.contains("bleed"), "{}", run.stderr);
    assert!(!run.stderr.contains("no cover picture"), "{}", run.stderr);
}
