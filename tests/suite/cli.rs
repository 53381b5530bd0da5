//! The command line: `egiz init`, `egiz new story`, `egiz build` from the user's side, and the
//! exit codes (0 success, 1 site problems, 2 usage errors).

use std::path::Path;

use crate::support::files::{files_under, snapshot};
use crate::support::run::{arg, egiz, egiz_on};
use crate::support::site::{Fixture, add_story_pair};

/// Today's date (UTC) as `YYYY-MM-DD`, computed independently of egiz.
fn today_utc() -> String {
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

/// `egiz init` into `dir` (relative to `cwd`), which must succeed.
fn init(cwd: &Path, dir: &str) {
    egiz(&["init", dir], cwd).assert_success();
}

#[test]
fn init_creates_a_site_that_builds_in_both_languages() {
    let tmp = tempfile::tempdir().expect("tempdir");
    init(tmp.path(), "new-site");
    let site = tmp.path().join("new-site");
    assert!(site.join("site.yaml").is_file());

    let out = tmp.path().join("out");
    let run = egiz_on(&["build"], &site, &out, tmp.path());
    run.assert_success();
    assert!(
        !run.stderr.contains("warning"),
        "a new site builds cleanly:\n{}",
        run.stderr
    );
    let files = files_under(&out);
    for page in ["index.html", "kk/index.html", "ru/index.html"] {
        assert!(files.contains(&page.to_string()), "{page} in {files:?}");
    }
    for lang in ["kk", "ru"] {
        let stories = files
            .iter()
            .filter(|f| f.starts_with(&format!("{lang}/projects/")) && f.ends_with("/index.html"))
            .filter(|f| **f != format!("{lang}/projects/index.html"))
            .count();
        assert!(stories >= 1, "{lang} has a story page: {files:?}");
    }
}

#[test]
fn init_needs_nothing_but_the_binary() {
    let tmp = tempfile::tempdir().expect("tempdir");
    init(tmp.path(), "site");
    let site = tmp.path().join("site");
    assert!(
        !site.join("themes").exists(),
        "the default theme comes from the binary"
    );
    let run = egiz(&["build"], &site);
    run.assert_success();
    assert!(site.join("output/css/egiz.css").is_file());
    assert!(site.join("output/kk/index.html").is_file());
}

#[test]
fn init_into_an_empty_existing_folder_works() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(tmp.path().join("empty")).expect("mkdir");
    init(tmp.path(), "empty");
    assert!(tmp.path().join("empty/site.yaml").is_file());
}

#[test]
fn init_into_a_non_empty_folder_fails_and_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("busy");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::write(dir.join("notes.txt"), "мой текст").expect("write");
    let before = snapshot(&dir);
    let run = egiz(&["init", "busy"], tmp.path());
    run.assert_code(1);
    run.assert_stderr_has("not empty");
    run.assert_stderr_has("hint:");
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn new_story_creates_one_file_per_language_with_title_and_todays_date() {
    let fixture = Fixture::new();
    let tmp = fixture.root();
    let site = fixture.site();
    let day_before = today_utc();
    let run = egiz(&["new", "story", "my-story", "--site", "site"], tmp);
    let day_after = today_utc();
    run.assert_success();

    let kk = std::fs::read_to_string(site.join("content/projects/my-story.kk.md")).expect("kk");
    let ru = std::fs::read_to_string(site.join("content/projects/my-story.ru.md")).expect("ru");
    for text in [&kk, &ru] {
        assert!(text.starts_with("---\n"), "{text}");
        assert!(text.lines().any(|l| l.starts_with("title: ")), "{text}");
    }
    let date = kk
        .lines()
        .find_map(|l| l.strip_prefix("date: "))
        .map(|d| d.split_whitespace().next().unwrap_or_default().to_string())
        .expect("the Kazakh file has a date");
    assert!(
        date == day_before || date == day_after,
        "{date} is not today ({day_before})"
    );
    assert!(
        !ru.lines().any(|l| l.starts_with("date:")),
        "the translation takes the date from the Kazakh file:\n{ru}"
    );

    fixture.build_ok();
    assert!(fixture.output_has("kk/projects/my-story/index.html"));
    assert!(fixture.output_has("ru/projects/my-story/index.html"));
}

#[test]
fn new_story_writes_a_file_for_every_configured_language() {
    let site = Fixture::with_config(
        "title: NGO\nbase_url: https://example.org/\nlanguages:\n  - { code: kk, name: Қазақша }\n  - { code: ru, name: Русский }\n  - { code: en, name: English }\n",
    );
    egiz(
        &["new", "story", "Жаңа жоба", "--site", arg(&site.site())],
        site.root(),
    )
    .assert_success();
    let mut files = files_under(&site.site().join("content/projects"));
    files.sort();
    assert_eq!(
        files,
        [
            "zhanga-zhoba.en.md",
            "zhanga-zhoba.kk.md",
            "zhanga-zhoba.ru.md"
        ]
    );
    site.build_ok();
    assert!(site.output_has("en/projects/zhanga-zhoba/index.html"));
}

#[test]
fn new_story_never_overwrites_an_existing_story() {
    let fixture = Fixture::new();
    let site = fixture.site();
    egiz(&["new", "story", "twice"], &site).assert_success();
    let path = site.join("content/projects/twice.kk.md");
    std::fs::write(&path, "---\ntitle: Менің мәтінім\ndate: 2023-12-06\n---\n").expect("edit");
    let before = snapshot(&site);
    let run = egiz(&["new", "story", "twice"], &site);
    run.assert_code(1);
    run.assert_stderr_has("already exists");
    assert_eq!(snapshot(&site), before);
}

#[test]
fn unknown_options_are_usage_errors() {
    let site = Fixture::new();
    add_story_pair(&site, "x");
    for args in [
        &["--bogus"][..],
        &["build", "--nope"],
        &[],
        &["frobnicate"],
        &["new", "story"],
        &["new", "poem", "x"],
    ] {
        let run = egiz(args, &site.site());
        assert_eq!(run.code, Some(2), "egiz {args:?}:\n{}", run.stderr);
        assert!(!run.stderr.is_empty(), "egiz {args:?} explains the usage");
    }
    assert!(!site.site().join("output").exists());
}

#[test]
fn help_and_version_succeed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let help = egiz(&["--help"], tmp.path());
    help.assert_success();
    for command in ["build", "init", "new"] {
        help.assert_stdout_has(command);
    }
    let version = egiz(&["--version"], tmp.path());
    version.assert_success();
    version.assert_stdout_has(env!("CARGO_PKG_VERSION"));
}

#[test]
fn build_without_site_yaml_fails_with_a_hint_about_init() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let run = egiz(&["build"], tmp.path());
    run.assert_code(1);
    run.assert_stderr_has("site.yaml");
    let hint = run
        .stderr
        .lines()
        .find(|l| l.trim_start().starts_with("hint:"))
        .unwrap_or_default();
    assert!(hint.contains("egiz init"), "{}", run.stderr);
    assert_eq!(files_under(tmp.path()), Vec::<String>::new());
}

#[test]
fn build_writes_to_output_inside_the_site_by_default_and_says_what_it_did() {
    let site = Fixture::new();
    add_story_pair(&site, "x");
    let run = egiz(&["build"], &site.site());
    run.assert_success();
    assert!(
        site.site()
            .join("output/kk/projects/x/index.html")
            .is_file()
    );
    run.assert_stdout_has("built");
}

#[test]
fn new_story_outside_a_site_fails_with_a_hint() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let run = egiz(&["new", "story", "x"], tmp.path());
    run.assert_code(1);
    run.assert_stderr_has("hint:");
    assert_eq!(files_under(tmp.path()), Vec::<String>::new());
}
