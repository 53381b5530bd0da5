//! `egiz check` on translations that are older than their default language's file: by
//! modification time outside git, by last commit inside a repository, and with no warning
//! when only language-neutral facts changed (issue 13, point 5).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::support::run::{Run, egiz};
use crate::support::site::{Fixture, SITE_YAML, md};

/// A story in two languages for the drift checks, without a git repository around it.
fn drift_fixture() -> Fixture {
    let fixture = Fixture::with_config(SITE_YAML);
    fixture.write(
        "content/projects/wells.kk.md",
        &md(
            "title: Құдықтар\ndate: 2023-12-06\ndistrict: balkhash",
            "Мәтін.\n",
        ),
    );
    fixture.write(
        "content/projects/wells.ru.md",
        &md("title: Колодцы", "Текст.\n"),
    );
    fixture
}

fn set_modified(path: &Path, seconds: u64) {
    let file = std::fs::File::options()
        .append(true)
        .open(path)
        .expect("open");
    file.set_modified(std::time::UNIX_EPOCH + Duration::from_secs(seconds))
        .expect("set mtime");
}

#[test]
fn check_warns_of_a_translation_saved_before_its_default_language_file() {
    let fixture = drift_fixture();
    let site = fixture.site();
    set_modified(&site.join("content/projects/wells.ru.md"), 1_704_067_200); // 2024-01-01
    set_modified(&site.join("content/projects/wells.kk.md"), 1_709_647_320); // 2024-03-05 14:02
    let run = check(&fixture);
    run.assert_success();
    let warning = run
        .stderr
        .lines()
        .find(|l| l.contains("may be out of date"))
        .unwrap_or_else(|| panic!("no drift warning:\n{}", run.stderr));
    assert!(
        warning.starts_with("content/projects/wells.ru.md:1:1: warning"),
        "{warning}"
    );
    for part in [
        "\"wells\"",
        "2024-01-01 00:00 UTC",
        "2024-03-05 14:02 UTC",
        "last saved",
    ] {
        assert!(warning.contains(part), "{part} in {warning}");
    }
    // Saved together (within a minute): no warning.
    set_modified(&site.join("content/projects/wells.ru.md"), 1_709_647_300);
    let run = check(&fixture);
    assert!(!run.stderr.contains("out of date"), "{}", run.stderr);
}

fn git(site: &Path, args: &[&str], date: &str) {
    let out = Command::new("git")
        .arg("-C")
        .arg(site)
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@localhost")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@localhost")
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn in_a_git_repository_the_last_commits_decide_and_a_change_of_facts_alone_is_no_drift() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("SKIPPED: no git");
        return;
    }
    let fixture = drift_fixture();
    let site = fixture.site();
    git(&site, &["init", "-q"], "2024-01-01T00:00:00Z");
    git(&site, &["add", "."], "2024-01-01T00:00:00Z");
    git(&site, &["commit", "-qm", "both"], "2024-01-01T00:00:00Z");
    // A fact changed in Kazakh only: Russian inherits it, nothing to translate.
    let kk = "content/projects/wells.kk.md";
    fixture.write(
        kk,
        &md(
            "title: Құдықтар\ndate: 2023-12-06\ndistrict: zhambyl",
            "Мәтін.\n",
        ),
    );
    git(
        &site,
        &["commit", "-qam", "district"],
        "2024-02-01T00:00:00Z",
    );
    let run = check(&fixture);
    assert!(!run.stderr.contains("out of date"), "{}", run.stderr);
    // The Kazakh text changed: Russian is behind, by the commits' dates.
    fixture.write(
        kk,
        &md(
            "title: Құдықтар\ndate: 2023-12-06\ndistrict: zhambyl",
            "Жаңа мәтін.\n",
        ),
    );
    git(&site, &["commit", "-qam", "text"], "2024-03-05T14:02:00Z");
    // A fresh checkout's modification times say nothing: make the Russian file look newest.
    set_modified(&site.join("content/projects/wells.ru.md"), 1_800_000_000);
    let run = check(&fixture);
    let warning = run
        .stderr
        .lines()
        .find(|l| l.contains("may be out of date"))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    for part in [
        "wells.ru.md last commit 2024-01-01 00:00 UTC",
        "wells.kk.md last commit 2024-03-05 14:02 UTC",
    ] {
        assert!(warning.contains(part), "{part} in {warning}");
    }
}

/// `egiz check` on the fixture's site.
fn check(fixture: &Fixture) -> Run {
    let site = fixture.site();
    egiz(
        &["check", "--site", site.to_str().expect("utf8")],
        fixture.root(),
    )
}
