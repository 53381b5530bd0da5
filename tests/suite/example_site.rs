//! The example site at the repository root, built into a temporary folder (never into the
//! repository's own output/): every story in both languages, linked to its translation.

use std::path::{Path, PathBuf};

use crate::support::html::Page;
use crate::support::links::{Base, broken_references, references_missing_base_path};
use crate::support::run::egiz_on;
use crate::support::site::{example_stories, repo};
use crate::support::xml::parse_sitemap;

const LANGUAGES: [&str; 2] = ["kk", "ru"];

/// The example site built once per test into its own temporary folder.
struct Built {
    _tmp: tempfile::TempDir,
    out: PathBuf,
    base: Base,
    stderr: String,
}

fn build_example() -> Built {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let run = egiz_on(&["build"], &repo(), &out, tmp.path());
    run.assert_success();
    let yaml = std::fs::read_to_string(repo().join("site.yaml")).expect("site.yaml");
    let config: serde_yaml::Value = serde_yaml::from_str(&yaml).expect("site.yaml parses");
    let base_url = config["base_url"].as_str().expect("a base_url");
    let base = egiz::BaseUrl::parse(base_url).expect("the example's base_url");
    Built {
        _tmp: tmp,
        out,
        base: Base::new(&base.absolute),
        stderr: run.stderr,
    }
}

fn story_file(name: &str, lang: &str) -> String {
    format!("{lang}/projects/{name}/index.html")
}

fn exists(out: &Path, relative: &str) -> bool {
    out.join(relative).is_file()
}

#[test]
fn example_site_builds_without_warnings() {
    let built = build_example();
    assert!(
        !built.stderr.contains("warning"),
        "the example site is the reference, it should be clean:\n{}",
        built.stderr
    );
}

#[test]
fn every_example_story_has_a_page_in_both_languages() {
    let built = build_example();
    let stories = example_stories();
    assert!(stories.len() >= 10, "{stories:?}");
    for name in &stories {
        for lang in LANGUAGES {
            assert!(
                exists(&built.out, &story_file(name, lang)),
                "{} is missing",
                story_file(name, lang)
            );
        }
    }
}

#[test]
fn every_example_story_links_to_its_translation() {
    let built = build_example();
    for name in example_stories() {
        for (lang, other) in [("kk", "ru"), ("ru", "kk")] {
            let page = Page::open(&built.out, &story_file(&name, lang));
            assert_eq!(page.lang().as_deref(), Some(lang));
            let switcher = page.select_attr(&format!(".lang-switch a[hreflang={other}]"), "href");
            assert_eq!(
                switcher,
                [built.base.link(&format!("{other}/projects/{name}/"))],
                "{lang} {name}"
            );
            let alternates = page.alternates();
            for code in [lang, other] {
                assert_eq!(
                    alternates.get(code),
                    Some(&built.base.permalink(&format!("{code}/projects/{name}/"))),
                    "{lang} {name}: {alternates:?}"
                );
            }
            assert_eq!(
                alternates.get("x-default"),
                Some(&built.base.absolute),
                "{lang} {name}"
            );
        }
    }
}

#[test]
fn example_root_index_links_to_both_language_homes() {
    let built = build_example();
    let root = Page::open(&built.out, "index.html");
    let links = root.select_attr("a", "href");
    for lang in LANGUAGES {
        let home = built.base.link(&format!("{lang}/"));
        assert!(links.contains(&home), "{home} in {links:?}");
        assert!(exists(&built.out, &format!("{lang}/index.html")));
    }
}

#[test]
fn example_site_has_no_broken_internal_links() {
    let built = build_example();
    assert_eq!(
        references_missing_base_path(&built.out, &built.base),
        Vec::<String>::new()
    );
    assert_eq!(
        broken_references(&built.out, &built.base),
        Vec::<String>::new()
    );
}

#[test]
fn example_sitemap_pairs_every_story_with_its_translation() {
    let built = build_example();
    let xml = std::fs::read_to_string(built.out.join("sitemap.xml")).expect("sitemap.xml");
    let urls = parse_sitemap(&xml);
    for name in example_stories() {
        for lang in LANGUAGES {
            let loc = built.base.permalink(&format!("{lang}/projects/{name}/"));
            let entry = urls
                .iter()
                .find(|u| u.loc == loc)
                .unwrap_or_else(|| panic!("{loc} is not in the sitemap"));
            assert_eq!(
                entry.alternates.keys().collect::<Vec<_>>(),
                ["kk", "ru", "x-default"],
                "{loc}"
            );
        }
    }
}
