//! Incremental `egiz build`: after every kind of edit, a build that keeps what did not change is
//! byte for byte what a clean build makes, and rewrites only the files the edit concerns. A
//! file kept from the previous output is a hard link to it, so its inode tells a kept file
//! from a rewritten one.

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::support::files::{copy_dir, files_under, snapshot};
use crate::support::run::{Run, egiz_on};
use crate::support::site::{Fixture, repo};

/// Every file of an output folder by its inode.
fn inodes(out: &Path) -> BTreeMap<String, u64> {
    files_under(out)
        .into_iter()
        .map(|f| {
            let ino = std::fs::metadata(out.join(&f)).expect("stat").ino();
            (f, ino)
        })
        .collect()
}

/// A copy of the example site: its site.yaml, content and theme.
fn example_copy() -> Fixture {
    let fixture = Fixture::with_config(
        &std::fs::read_to_string(repo().join("site.yaml")).expect("site.yaml"),
    );
    copy_dir(&repo().join("content"), &fixture.site().join("content"));
    copy_dir(&repo().join("themes"), &fixture.site().join("themes"));
    fixture
}

/// What one incremental build did: its report and the files it wrote anew.
struct Step {
    run: Run,
    rewritten: BTreeSet<String>,
}

/// Build `fixture` incrementally, then cleanly into another folder, and insist the two outputs
/// are the same (but for the build id in the marker).
fn build_and_compare(fixture: &Fixture, what: &str) -> Step {
    let before = inodes(&fixture.out());
    let run = fixture.build();
    run.assert_success();
    let after = inodes(&fixture.out());
    // The marker names the build that made the folder: it is new every time.
    let rewritten = after
        .iter()
        .filter(|(file, ino)| *file != ".egiz-output" && before.get(*file) != Some(ino))
        .map(|(file, _)| file.clone())
        .collect();
    let clean_out = fixture.root().join("clean");
    egiz_on(
        &["build", "--clean"],
        &fixture.site(),
        &clean_out,
        fixture.root(),
    )
    .assert_success();
    let mut incremental = snapshot(&fixture.out());
    let mut clean = snapshot(&clean_out);
    incremental.remove(".egiz-output");
    clean.remove(".egiz-output");
    let differ: Vec<&String> = clean
        .keys()
        .chain(incremental.keys())
        .filter(|f| clean.get(*f) != incremental.get(*f))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(
        differ.is_empty(),
        "after {what}, the incremental build differs from a clean one in {differ:?}"
    );
    Step { run, rewritten }
}

fn edit(fixture: &Fixture, relative: &str, change: impl Fn(&str) -> String) {
    let path = fixture.site().join(relative);
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, change(&text)).expect("write");
}

fn story_page(lang: &str, name: &str) -> String {
    format!("{lang}/projects/{name}/index.html")
}

#[test]
fn after_each_kind_of_edit_an_incremental_build_is_a_clean_build_rewriting_only_what_changed() {
    let fixture = example_copy();
    let first = fixture.build();
    first.assert_success();
    let all_pages: BTreeSet<String> = files_under(&fixture.out())
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect();

    // Nothing changed: nothing is loaded or written.
    let step = build_and_compare(&fixture, "no change");
    step.run.assert_stdout_has("up to date");
    assert!(step.rewritten.is_empty(), "{:?}", step.rewritten);

    // Files saved again unchanged (a checkout, an editor): everything is kept.
    let content = fixture.site().join("content");
    for file in files_under(&content) {
        let bytes = std::fs::read(content.join(&file)).expect("read");
        std::fs::write(content.join(&file), bytes).expect("write");
    }
    let step = build_and_compare(&fixture, "saving files unchanged");
    step.run
        .assert_stdout_has("(0 rendered, the others unchanged)");
    step.run.assert_stdout_has("0 of them printed");
    // Only the pictures are copied again: their sources are newer than the copies now.
    let pages: Vec<&String> = step
        .rewritten
        .iter()
        .filter(|f| !f.ends_with(".jpg"))
        .collect();
    assert!(pages.is_empty(), "{pages:?}");

    // A story's text: its pages and the one booklet that prints it; no other story's page.
    edit(
        &fixture,
        "content/projects/uighur-teen-walks.kk.md",
        |text| format!("{text}\nЖобаның соңында жасөспірімдер алғыс хат алды.\n"),
    );
    let step = build_and_compare(&fixture, "editing a story's text");
    step.run.assert_stdout_has("1 of them printed");
    assert!(
        step.rewritten
            .contains(&story_page("kk", "uighur-teen-walks"))
    );
    assert!(
        !step
            .rewritten
            .contains(&story_page("kk", "balkhash-kids-sport"))
    );
    assert!(!step.rewritten.contains("booklets/appeals-guide.kk.pdf"));
    assert!(
        step.rewritten
            .iter()
            .any(|f| f.starts_with("booklets/almaty-region-report"))
    );
    let pages = step
        .rewritten
        .iter()
        .filter(|f| f.ends_with(".html"))
        .count();
    assert!(
        pages < all_pages.len() / 2,
        "{pages} of {} pages rewritten for one story's text",
        all_pages.len()
    );

    // A story's title shows in lists and on term pages, not on other stories' pages.
    edit(
        &fixture,
        "content/projects/balkhash-kids-sport.ru.md",
        |text| text.replacen("title: ", "title: Новое — ", 1),
    );
    let step = build_and_compare(&fixture, "editing a story's title");
    assert!(step.rewritten.contains("ru/projects/index.html"));
    assert!(
        step.rewritten
            .contains(&story_page("ru", "balkhash-kids-sport"))
    );
    assert!(
        !step
            .rewritten
            .contains(&story_page("ru", "uighur-teen-walks"))
    );

    // A new story, then removed again: the site's shape changes, so every page is rendered.
    fixture.write(
        "content/projects/kegen-new-well.kk.md",
        "---\ntitle: Кегенде жаңа құдық\ndate: 2024-02-01\ndistrict: kegen\ntopics: [social-support]\nsummary: Ауылға құдық қазылды.\n---\n\nТұрғындар таза суға қол жеткізді.\n",
    );
    let step = build_and_compare(&fixture, "adding a story");
    assert!(step.rewritten.contains(&story_page("kk", "kegen-new-well")));
    std::fs::remove_file(fixture.site().join("content/projects/kegen-new-well.kk.md"))
        .expect("remove");
    let step = build_and_compare(&fixture, "removing a story");
    assert!(!fixture.output_has(&story_page("kk", "kegen-new-well")));
    assert!(step.rewritten.contains("kk/projects/index.html"));

    // A template: the pages rendered with it, no list, no PDF.
    edit(&fixture, "themes/default/templates/story.html", |text| {
        text.replacen("{% block main %}", "{% block main %}<!-- story -->", 1)
    });
    let step = build_and_compare(&fixture, "editing story.html");
    assert!(
        step.rewritten
            .contains(&story_page("kk", "balkhash-kids-sport"))
    );
    assert!(!step.rewritten.contains("kk/projects/index.html"));
    assert!(!step.rewritten.iter().any(|f| f.ends_with(".pdf")));

    // site.yaml may change anything: every page and booklet is made again.
    edit(&fixture, "site.yaml", |text| {
        text.replacen("азаматтық бастамалары,", "азаматтық бастамалары 2024,", 1)
            .replacen("Алматинской области }", "Алматинской области 2024 }", 1)
    });
    let step = build_and_compare(&fixture, "editing site.yaml");
    let missing: Vec<&String> = all_pages.difference(&step.rewritten).collect();
    assert!(missing.is_empty(), "not rendered again: {missing:?}");
    step.run.assert_stdout_has("6 booklets");
    assert!(
        !step.run.stdout.contains("of them printed"),
        "{}",
        step.run.stdout
    );

    // A file of the output deleted by hand is made again, even with no source changed.
    std::fs::remove_file(fixture.out().join(story_page("kk", "uighur-teen-walks"))).expect("rm");
    let step = build_and_compare(&fixture, "deleting an output file");
    assert!(
        step.rewritten
            .contains(&story_page("kk", "uighur-teen-walks"))
    );

    // --clean renders everything.
    let run = fixture.build_with(&["--clean"]);
    run.assert_success();
    assert!(!run.stdout.contains("unchanged"), "{}", run.stdout);
}

/// A build that fails keeps the previous output and the state that describes it: the next
/// build after the fix is incremental again and right.
#[test]
fn a_failed_build_leaves_the_output_and_the_next_build_is_still_right() {
    let fixture = example_copy();
    fixture.build().assert_success();
    let story = "content/projects/uighur-teen-walks.kk.md";
    let good = std::fs::read_to_string(fixture.site().join(story)).expect("read");
    edit(&fixture, story, |text| {
        text.replacen("date: 2023-09-05", "date: 2023-13-45", 1)
    });
    let before = snapshot(&fixture.out());
    let run = fixture.build();
    run.assert_code(1);
    assert_eq!(
        snapshot(&fixture.out()),
        before,
        "a failed build changed the output"
    );
    edit(&fixture, story, |_| {
        good.replacen("title: ", "title: Түзетілді — ", 1)
    });
    let step = build_and_compare(&fixture, "fixing the error");
    assert!(
        step.rewritten
            .contains(&story_page("kk", "uighur-teen-walks"))
    );
}
