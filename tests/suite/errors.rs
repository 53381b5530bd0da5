//! Every class of site problem: exit code 1, a `file:line:col: error: message` line pointing at
//! the right line of the file, a `hint:`, all problems of a build in one run, nothing written.
//!
//! One problem, one report: a table of [`Case`]s, a `#[test]` per row named by it, all checked
//! by [`expect`]. The tests after the table look at several reports of one build.

use crate::support::run::Run;
use crate::support::site::{Fixture, SITE_YAML, add_story_pair, line_of, md};

const STORY: &str = "content/projects/broken.kk.md";
const TRANSLATION: &str = "content/projects/broken.ru.md";
const UNKNOWN_LANGUAGE: &str = "content/projects/broken.kz.md";
const BUNDLE: &str = "content/projects/broken/index.kk.md";

/// A valid site plus `files`; the build must fail without writing anything.
fn failing_build(files: &[(&str, impl AsRef<str>)]) -> Run {
    let site = Fixture::new();
    add_story_pair(&site, "good");
    for (path, text) in files {
        site.write(path, text.as_ref());
    }
    let run = site.build();
    run.assert_code(1);
    assert!(
        !site.out().exists(),
        "nothing may be written when the build fails"
    );
    run.assert_stderr_has("nothing was written");
    run
}

/// Where in its file a report must point.
enum At {
    /// Not checked.
    Anywhere,
    /// This line, with a column and a hint.
    Line(usize),
    /// The first line of the file that holds this text, with a column and a hint.
    LineWith(&'static str),
}

/// One way to break the valid site of [`failing_build`], and the one error it must cause.
struct Case {
    /// Files written into the valid site (`site.yaml` replaces its configuration).
    files: Vec<(&'static str, String)>,
    /// The file with exactly one error, the one checked.
    file: &'static str,
    at: At,
    /// Text the error message must hold, and must not.
    message: &'static [&'static str],
    not_in_message: &'static [&'static str],
    /// Text the first hint must hold, and must not.
    hint: &'static [&'static str],
    not_in_hint: &'static [&'static str],
    /// Files that must not be reported at all.
    unreported: &'static [&'static str],
    /// How many error lines the whole build reports, when that is checked.
    errors: Option<usize>,
}

impl Default for Case {
    fn default() -> Case {
        Case {
            files: Vec::new(),
            file: STORY,
            at: At::Anywhere,
            message: &[],
            not_in_message: &[],
            hint: &[],
            not_in_hint: &[],
            unreported: &[],
            errors: None,
        }
    }
}

/// The broken story file [`STORY`]: `front_matter` over a one-line text.
fn story(front_matter: &str) -> Vec<(&'static str, String)> {
    vec![(STORY, md(front_matter, "Мәтін.\n"))]
}

/// Build the valid site with the case's files, which must fail, and check the case's report.
fn expect(case: Case) {
    let run = failing_build(&case.files);
    if let Some(count) = case.errors {
        assert_eq!(run.error_lines().len(), count, "{}", run.stderr);
    }
    for file in case.unreported {
        assert!(!run.stderr.contains(&format!("{file}:")), "{}", run.stderr);
    }
    let error = run.error_for(case.file);
    match case.at {
        At::Anywhere => {}
        At::Line(line) => error.assert_at_line_with_hint(line),
        At::LineWith(needle) => {
            let (_, text) = case
                .files
                .iter()
                .find(|(path, _)| *path == case.file)
                .unwrap_or_else(|| panic!("{} is not among the files of the case", case.file));
            error.assert_at_line_with_hint(line_of(text, needle));
        }
    }
    for part in case.message {
        assert!(
            error.message.contains(part),
            "{part:?} is not in: {}",
            error.raw
        );
    }
    for part in case.not_in_message {
        assert!(
            !error.message.contains(part),
            "{part:?} is in: {}",
            error.raw
        );
    }
    if !case.hint.is_empty() || !case.not_in_hint.is_empty() {
        let hint = error
            .hints
            .first()
            .unwrap_or_else(|| panic!("no hint for: {}", error.raw));
        for part in case.hint {
            assert!(
                hint.contains(part),
                "{part:?} is not in the hint: {:?}",
                error.hints
            );
        }
        for part in case.not_in_hint {
            assert!(
                !hint.contains(part),
                "{part:?} is in the hint: {:?}",
                error.hints
            );
        }
    }
}

/// A `#[test]` per row, `name { field: value, ... }`, the other fields from [`Case::default`].
macro_rules! cases {
    ($($(#[$meta:meta])* $name:ident { $($field:ident: $value:expr),* $(,)? })*) => {
        $(
            $(#[$meta])*
            #[test]
            fn $name() {
                expect(Case { $($field: $value,)* ..Case::default() });
            }
        )*
    };
}

cases! {
    malformed_yaml_is_reported_at_its_line {
        files: story("title: Жоба\ndate: 2023-12-06\nsummary: Нәтиже: 40%"),
        at: At::LineWith("summary:"),
    }
    unknown_field_is_reported_at_its_line_with_a_suggestion {
        files: story("title: Жоба\ndate: 2023-12-06\ndistrct: balkhash"),
        at: At::LineWith("distrct"),
        message: &["distrct"],
        hint: &["\"district\""],
    }
    /// In plain words: no Rust type names.
    wrong_type_is_reported_at_its_line_in_plain_words {
        files: story("title: Жоба\ndate: 2023-12-06\nbeneficiaries: көп"),
        at: At::LineWith("beneficiaries"),
        message: &["whole number"],
        not_in_message: &["u64"],
    }
    /// The hint is about dates, not YAML syntax.
    impossible_date_is_reported_at_its_line {
        files: story("title: Жоба\ndate: 2023-13-45"),
        at: At::LineWith("date:"),
        message: &["2023-13-45"],
        not_in_hint: &["YAML syntax"],
    }
    value_outside_a_fixed_set_lists_the_allowed_values {
        files: story("title: Жоба\ndate: 2023-12-06\nstatus: done"),
        at: At::LineWith("status:"),
        hint: &["completed"],
    }
    missing_title_is_reported_in_its_file {
        files: story("date: 2023-12-06\ndistrict: balkhash"),
        at: At::Line(1),
        message: &["no title"],
        hint: &["title:"],
    }
    translation_without_its_own_title_is_an_error_in_that_file {
        files: vec![
            (STORY, md("title: Жоба\ndate: 2023-12-06", "Мәтін.\n")),
            (TRANSLATION, md("district: balkhash", "Текст.\n")),
        ],
        file: TRANSLATION,
        at: At::Line(1),
        unreported: &[STORY],
    }
    story_without_a_date_is_an_error {
        files: story("title: Жоба"),
        at: At::Line(1),
        message: &["date"],
    }
    unknown_language_suffix_names_the_file_and_suggests_a_configured_code {
        files: vec![(UNKNOWN_LANGUAGE, md("title: Жоба\ndate: 2023-12-06", "Мәтін.\n"))],
        file: UNKNOWN_LANGUAGE,
        message: &["\"kz\""],
        hint: &[".kk.md"],
    }
    unknown_language_suffix_is_reported_with_file_and_line {
        files: vec![(UNKNOWN_LANGUAGE, md("title: Жоба\ndate: 2023-12-06", "Мәтін.\n"))],
        file: UNKNOWN_LANGUAGE,
        at: At::Line(1),
    }
    unknown_taxonomy_term_is_reported_at_its_line_with_a_suggestion {
        files: story("title: Жоба\ndate: 2023-12-06\ntopics: [sport]\ndistrict: balkash"),
        at: At::LineWith("district:"),
        message: &["\"balkash\""],
        hint: &["\"balkhash\""],
    }
    unknown_topic_in_a_list_is_reported_at_its_line {
        files: story("title: Жоба\ndate: 2023-12-06\ntopics:\n  - sport\n  - footbal"),
        at: At::LineWith("footbal"),
    }
    missing_cover_image_is_reported_at_its_line {
        files: story("title: Жоба\ndate: 2023-12-06\ncover: { src: missing.jpg, alt: Балалар }"),
        at: At::LineWith("cover:"),
        message: &["missing.jpg"],
    }
    missing_cover_image_suggests_a_similar_file_name {
        files: vec![
            (BUNDLE, md("title: Жоба\ndate: 2023-12-06\ncover: { src: cover.jpeg }", "Мәтін.\n")),
            ("content/projects/broken/cover.jpg", "not a photo".to_string()),
        ],
        file: BUNDLE,
        hint: &["cover.jpg"],
    }
    missing_image_in_the_text_is_reported_at_its_markdown_line {
        files: vec![(
            STORY,
            md(
                "title: Жоба\ndate: 2023-12-06",
                "Бірінші абзац.\n\nЕкінші абзац.\n\n![Балалар](nope.png)\n",
            ),
        )],
        at: At::LineWith("nope.png"),
    }
    front_matter_that_is_never_closed_is_an_error {
        files: vec![(STORY, "---\ntitle: Жоба\ndate: 2023-12-06\n\nМәтін.\n".to_string())],
        at: At::Line(1),
    }
    unknown_field_in_site_yaml_is_reported_at_its_line {
        files: vec![("site.yaml", format!("{SITE_YAML}defualt_language: kk\n"))],
        file: "site.yaml",
        at: At::LineWith("defualt_language"),
        hint: &["default_language"],
    }
    malformed_site_yaml_is_reported_at_its_line {
        files: vec![(
            "site.yaml",
            SITE_YAML.replace(
                "base_url: https://example.org/",
                "base_url: https://example.org/\n  theme: default",
            ),
        )],
        file: "site.yaml",
        at: At::LineWith("  theme: default"),
    }
    broken_default_language_file_causes_no_extra_errors_in_its_translation {
        files: vec![
            (STORY, md("title: Жоба\ndate: 2023-12-06\nsummary: Нәтиже: 40%", "Мәтін.\n")),
            (TRANSLATION, md("title: Проект", "Текст.\n")),
        ],
        errors: Some(1),
    }
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
    run.assert_stderr_has("hint:");
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
    let run = failing_build(&files);
    for (path, _) in &files {
        assert!(
            run.error_lines().iter().any(|l| l.starts_with(path)),
            "{path} is not reported:\n{}",
            run.stderr
        );
    }
    assert_eq!(run.error_lines().len(), files.len(), "{}", run.stderr);
    run.assert_stderr_has(&format!(
        "{} errors found, nothing was written",
        files.len()
    ));
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
