//! The engine on whole sites loaded from disk: the example site's stories obey every
//! typesetting rule, and a measurement of setting and writing a 16-page booklet's text.

use std::path::Path;

use crate::content::{self, Site};
use crate::theme::Theme;

use super::engine::Engine;
use super::flow::report::ink_outside;
use super::inline::hyphenate::HyphLang;
use super::story::story_document;
use super::testdata::KAZAKH;

/// A site loaded as `egiz build` loads it, and its theme's print engine.
fn engine_for(root: &Path) -> (Site, Engine) {
    let (site, _) = content::load(root, None).expect("the site loads");
    let (theme, _) = Theme::load(root, &site.config).expect("the theme loads");
    let engine = Engine::new(&theme, &site).expect("print settings");
    (site, engine)
}

/// The example site's stories, set by the engine, break none of the typesetting rules: no
/// line wider than the measure, nothing outside the text area, hyphens only where the
/// patterns allow, no heading last on a page, no widows or orphans, images inside.
#[test]
fn example_stories_obey_the_typesetting_rules() {
    let (site, engine) = engine_for(Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut checked = 0;
    for entry in &site.stories {
        for page in &entry.pages {
            let document = story_document(&site, page, &engine.strings);
            let typeset = engine.typeset(&document, page, &page.title);
            let mut problems = typeset
                .paged
                .report
                .problems(HyphLang::from_code(&page.lang));
            problems.extend(ink_outside(
                &typeset.paged.pages,
                &typeset.paged.report,
                &engine.fonts,
            ));
            assert!(
                problems.is_empty(),
                "{}: {problems:#?}",
                page.source.display()
            );
            checked += typeset.paged.report.lines.len();
        }
    }
    assert!(checked > 500, "only {checked} lines were checked");
}

/// Not a test but a measurement (run with `cargo test --release --lib site_tests::bench --
/// --ignored --nocapture`): setting and writing a 16-page A5 text booklet's worth of content.
#[test]
#[ignore = "benchmark: run explicitly in release"]
fn bench_sixteen_a5_pages_set_and_written() {
    let tmp = tempfile::tempdir().expect("a temporary site");
    let site_dir = tmp.path();
    std::fs::write(
        site_dir.join("site.yaml"),
        "title: Бенчмарк\nbase_url: https://example.org/\nlanguages:\n  - { code: kk, name: Қазақша }\n",
    )
    .expect("site.yaml");
    let body: String = (0..12)
        .map(|i| format!("## Бөлім {i}\n\n{KAZAKH}\n\n{KAZAKH}\n\n"))
        .collect();
    let projects = site_dir.join("content/projects");
    std::fs::create_dir_all(&projects).expect("content/projects");
    std::fs::write(
        projects.join("long.kk.md"),
        format!("---\ntitle: Ұзақ әңгіме\ndate: 2023-12-06\n---\n{body}"),
    )
    .expect("the story");
    let (site, engine) = engine_for(site_dir);
    let page = &site.stories[0].pages[0];
    let mut times = Vec::new();
    let mut pages = 0;
    for _ in 0..7 {
        let started = std::time::Instant::now();
        let pdf = engine.story_pdf(&site, page).expect("prints");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        pages = pdf.pages;
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{pages} A5 pages set and written: median {:.1} ms (min {:.1}, max {:.1})",
        times[3], times[0], times[6]
    );
}
