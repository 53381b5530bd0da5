//! Every class of site problem: exit code 1, a `file:line:col: error: message` line pointing at
//! the right line of the file, a `hint:`, all problems of a build in one run, nothing written.

mod common;

use common::{Fixture, Run, add_story_pair, line_of, md};

const STORY: &str = "content/projects/broken.kk.md";

/// A valid site plus `files`; the build must fail without writing anything.
fn failing_build(files: &[(&str, &str)]) -> Run {
    let site = Fixture::new();
    add_story_pair(&site, "good");
    for (path, text) in files {
        site.write(path, text);
    }
    let run = site.build();
    run.assert_code(1);
    assert!(
        !site.out().exists(),
        "nothing may be written when the build fails"
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    run
}

#[test]
fn malformed_yaml_is_reported_at_its_line() {
    let text = md(
        "title: Жоба\ndate: 2023-12-06\nsummary: Нәтиже: 40%",
        "Мәтін.\n",
    );
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(line_of(&text, "summary:"));
}

#[test]
fn unknown_field_is_reported_at_its_line_with_a_suggestion() {
    let text = md(
        "title: Жоба\ndate: 2023-12-06\ndistrct: balkhash",
        "Мәтін.\n",
    );
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(line_of(&text, "distrct"));
    assert!(error.message.contains("distrct"), "{}", error.raw);
    assert!(error.hints[0].contains("\"district\""), "{:?}", error.hints);
}

#[test]
fn wrong_type_is_reported_at_its_line_in_plain_words() {
    let text = md(
        "title: Жоба\ndate: 2023-12-06\nbeneficiaries: көп",
        "Мәтін.\n",
    );
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(line_of(&text, "beneficiaries"));
    assert!(error.message.contains("whole number"), "{}", error.raw);
    assert!(
        !error.message.contains("u64"),
        "no Rust type names: {}",
        error.raw
    );
}

#[test]
fn impossible_date_is_reported_at_its_line() {
    let text = md("title: Жоба\ndate: 2023-13-45", "Мәтін.\n");
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(line_of(&text, "date:"));
    assert!(error.message.contains("2023-13-45"), "{}", error.raw);
    assert!(
        !error.hints[0].contains("YAML syntax"),
        "the hint should be about dates: {:?}",
        error.hints
    );
}

#[test]
fn value_outside_a_fixed_set_lists_the_allowed_values() {
    let text = md("title: Жоба\ndate: 2023-12-06\nstatus: done", "Мәтін.\n");
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(line_of(&text, "status:"));
    assert!(error.hints[0].contains("completed"), "{:?}", error.hints);
}

#[test]
fn missing_title_is_reported_in_its_file() {
    let text = md("date: 2023-12-06\ndistrict: balkhash", "Мәтін.\n");
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(1);
    assert!(error.message.contains("no title"), "{}", error.raw);
    assert!(error.hints[0].contains("title:"), "{:?}", error.hints);
}

#[test]
fn translation_without_its_own_title_is_an_error_in_that_file() {
    let ru = "content/projects/broken.ru.md";
    let run = failing_build(&[
        (STORY, &md("title: Жоба\ndate: 2023-12-06", "Мәтін.\n")),
        (ru, &md("district: balkhash", "Текст.\n")),
    ]);
    run.error_for(ru).assert_at_line_with_hint(1);
    assert!(!run.stderr.contains(&format!("{STORY}:")), "{}", run.stderr);
}

#[test]
fn story_without_a_date_is_an_error() {
    let text = md("title: Жоба", "Мәтін.\n");
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(1);
    assert!(error.message.contains("date"), "{}", error.raw);
}

#[test]
fn unknown_language_suffix_names_the_file_and_suggests_a_configured_code() {
    let file = "content/projects/broken.kz.md";
    let run = failing_build(&[(file, &md("title: Жоба\ndate: 2023-12-06", "Мәтін.\n"))]);
    let error = run.error_for(file);
    assert!(error.message.contains("\"kz\""), "{}", error.raw);
    assert!(error.hints[0].contains(".kk.md"), "{:?}", error.hints);
}

#[test]
fn unknown_language_suffix_is_reported_with_file_and_line() {
    let file = "content/projects/broken.kz.md";
    let run = failing_build(&[(file, &md("title: Жоба\ndate: 2023-12-06", "Мәтін.\n"))]);
    run.error_for(file).assert_at_line_with_hint(1);
}

#[test]
fn unknown_taxonomy_term_is_reported_at_its_line_with_a_suggestion() {
    let text = md(
        "title: Жоба\ndate: 2023-12-06\ntopics: [sport]\ndistrict: balkash",
        "Мәтін.\n",
    );
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(line_of(&text, "district:"));
    assert!(error.message.contains("\"balkash\""), "{}", error.raw);
    assert!(error.hints[0].contains("\"balkhash\""), "{:?}", error.hints);
}

#[test]
fn unknown_topic_in_a_list_is_reported_at_its_line() {
    let text = md(
        "title: Жоба\ndate: 2023-12-06\ntopics:\n  - sport\n  - footbal",
        "Мәтін.\n",
    );
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(line_of(&text, "footbal"));
}

#[test]
fn two_files_claiming_the_same_address_are_both_named() {
    let first = "content/projects/first.kk.md";
    let second = "content/projects/same.kk.md";
    let run = failing_build(&[
        (
            first,
            &md("title: Бірінші\ndate: 2023-12-06\nslug: same", "Мәтін.\n"),
        ),
        (second, &md("title: Екінші\ndate: 2023-12-06", "Мәтін.\n")),
    ]);
    let errors = run.error_lines();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    let line = errors[0];
    assert!(
        line.starts_with(&format!("{first}:")) || line.starts_with(&format!("{second}:")),
        "{line}"
    );
    assert!(
        line.contains(first) && line.contains(second),
        "both files are named: {line}"
    );
    assert!(line.contains("/kk/projects/same/"), "{line}");
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
}

#[test]
fn a_bundle_and_a_single_file_of_one_story_are_both_named() {
    let single = "content/projects/twice.kk.md";
    let bundle = "content/projects/twice/index.kk.md";
    let text = md("title: Жоба\ndate: 2023-12-06", "Мәтін.\n");
    let run = failing_build(&[(single, &text), (bundle, &text)]);
    let errors = run.error_lines();
    assert_eq!(errors.len(), 1, "{}", run.stderr);
    assert!(
        errors[0].contains(single) && errors[0].contains(bundle),
        "{}",
        errors[0]
    );
    assert!(
        errors[0]
            .split(": error:")
            .next()
            .is_some_and(|place| { place.starts_with(single) || place.starts_with(bundle) }),
        "{}",
        errors[0]
    );
}

#[test]
fn missing_cover_image_is_reported_at_its_line() {
    let text = md(
        "title: Жоба\ndate: 2023-12-06\ncover: { src: missing.jpg, alt: Балалар }",
        "Мәтін.\n",
    );
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(line_of(&text, "cover:"));
    assert!(error.message.contains("missing.jpg"), "{}", error.raw);
}

#[test]
fn missing_cover_image_suggests_a_similar_file_name() {
    let site_files = [
        (
            "content/projects/broken/index.kk.md",
            md(
                "title: Жоба\ndate: 2023-12-06\ncover: { src: cover.jpeg }",
                "Мәтін.\n",
            ),
        ),
        (
            "content/projects/broken/cover.jpg",
            "not a photo".to_string(),
        ),
    ];
    let files: Vec<(&str, &str)> = site_files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let run = failing_build(&files);
    let error = run.error_for("content/projects/broken/index.kk.md");
    assert!(error.hints[0].contains("cover.jpg"), "{:?}", error.hints);
}

#[test]
fn missing_image_in_the_text_is_reported_at_its_markdown_line() {
    let text = md(
        "title: Жоба\ndate: 2023-12-06",
        "Бірінші абзац.\n\nЕкінші абзац.\n\n![Балалар](nope.png)\n",
    );
    let run = failing_build(&[(STORY, &text)]);
    let error = run.error_for(STORY);
    error.assert_at_line_with_hint(line_of(&text, "nope.png"));
}

#[test]
fn front_matter_that_is_never_closed_is_an_error() {
    let text = "---\ntitle: Жоба\ndate: 2023-12-06\n\nМәтін.\n";
    let run = failing_build(&[(STORY, text)]);
    run.error_for(STORY).assert_at_line_with_hint(1);
}

#[test]
fn unknown_field_in_site_yaml_is_reported_at_its_line() {
    let config = format!("{}defualt_language: kk\n", common::SITE_YAML);
    let site = Fixture::with_config(&config);
    add_story_pair(&site, "good");
    let run = site.build();
    run.assert_code(1);
    let error = run.error_for("site.yaml");
    error.assert_at_line_with_hint(line_of(&config, "defualt_language"));
    assert!(
        error.hints[0].contains("default_language"),
        "{:?}",
        error.hints
    );
    assert!(!site.out().exists());
}

#[test]
fn malformed_site_yaml_is_reported_at_its_line() {
    let config = common::SITE_YAML.replace(
        "base_url: https://example.org/",
        "base_url: https://example.org/\n  theme: default",
    );
    let site = Fixture::with_config(&config);
    let run = site.build();
    run.assert_code(1);
    run.error_for("site.yaml")
        .assert_at_line_with_hint(line_of(&config, "  theme: default"));
}

#[test]
fn every_broken_file_is_reported_in_one_run() {
    let files = [
        (
            "content/projects/a.kk.md",
            md("title: А\ndate: 2023-12-06\ndistrct: balkhash", "Мәтін.\n"),
        ),
        (
            "content/projects/b.ru.md",
            md(
                "title: Б\ndate: 2023-12-06\nbeneficiaries: много",
                "Текст.\n",
            ),
        ),
        (
            "content/projects/c.kk.md",
            md("title: В\ndate: 2023-12-06\ndistrict: balkash", "Мәтін.\n"),
        ),
        (
            "content/projects/d.kk.md",
            md("date: 2023-12-06", "Мәтін.\n"),
        ),
        (
            "content/projects/e.kk.md",
            md(
                "title: Д\ndate: 2023-12-06\ncover: { src: nope.jpg }",
                "Мәтін.\n",
            ),
        ),
        ("content/about.kz.md", md("title: Біз туралы", "Мәтін.\n")),
    ];
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let run = failing_build(&borrowed);
    for (path, _) in &files {
        assert!(
            run.error_lines().iter().any(|l| l.starts_with(path)),
            "{path} is not reported:\n{}",
            run.stderr
        );
    }
    assert_eq!(run.error_lines().len(), files.len(), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{} errors found, nothing was written",
            files.len()
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn every_error_line_has_the_compiler_shape_and_a_hint() {
    let run = failing_build(&[
        (
            "content/projects/a.kk.md",
            &md("title: А\ndate: 2023-12-06\ndistrct: balkhash", "Мәтін.\n"),
        ),
        (
            "content/projects/b.kk.md",
            &md("title: Б\ndate: 2023-12-06\nstatus: done", "Мәтін.\n"),
        ),
    ]);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let mut errors = 0;
    for (i, line) in lines.iter().enumerate() {
        if !line.contains(": error: ") {
            continue;
        }
        errors += 1;
        let place = line.split(": error: ").next().unwrap_or_default();
        let parts: Vec<&str> = place.rsplitn(3, ':').collect();
        assert!(
            parts.len() == 3
                && parts[0].parse::<usize>().is_ok()
                && parts[1].parse::<usize>().is_ok(),
            "not file:line:col: {line}"
        );
        assert!(
            lines
                .get(i + 1)
                .is_some_and(|next| next.starts_with("  hint: ")),
            "no hint after: {line}"
        );
    }
    assert_eq!(errors, 2, "{}", run.stderr);
    assert!(
        !run.stderr.contains('\u{1b}'),
        "no colours when not a terminal"
    );
}

#[test]
fn broken_default_language_file_causes_no_extra_errors_in_its_translation() {
    let ru = "content/projects/broken.ru.md";
    let run = failing_build(&[
        (
            STORY,
            &md(
                "title: Жоба\ndate: 2023-12-06\nsummary: Нәтиже: 40%",
                "Мәтін.\n",
            ),
        ),
        (ru, &md("title: Проект", "Текст.\n")),
    ]);
    assert_eq!(run.error_lines().len(), 1, "{}", run.stderr);
    run.error_for(STORY);
}
