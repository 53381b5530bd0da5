//! A taxonomy of the site's own (`donor`), declared in site.yaml: stories name its terms in a
//! front matter field of that name, and it gets what the built-in ones get — term pages, an
//! index, a filter group, the story's facts, feed categories, search data, booklet filters and
//! PDF facts — with the names `taxonomy_names` gives it; misspelt terms and names are errors.

use crate::browser::{browser_available, run_browser_script};
use crate::support::site::{Fixture, SITE_YAML, md, repo};

fn site_yaml() -> String {
    format!(
        "{SITE_YAML}  donor:\n    usaid: {{ kk: АҚШ Халықаралық даму агенттігі, ru: Агентство США по международному развитию }}\n    eu: {{ kk: Еуропалық Одақ, ru: Европейский союз }}\ntaxonomy_names:\n  donor:\n    one: {{ kk: Донор, ru: Донор }}\n    all: {{ kk: Донорлар, ru: Доноры }}\n"
    )
}

/// Two stories funded by USAID (one also by the EU), one without a donor; the Russian files
/// inherit the donor from the Kazakh ones.
fn site() -> Fixture {
    let site = Fixture::with_config(&site_yaml());
    for (name, facts) in [
        (
            "water",
            "date: 2023-05-01\ndistrict: balkhash\ndonor: usaid",
        ),
        (
            "sport",
            "date: 2022-05-01\ndistrict: zhambyl\ndonor: [usaid, eu]",
        ),
        ("library", "date: 2021-05-01\ndistrict: balkhash"),
    ] {
        site.write(
            &format!("content/projects/{name}.kk.md"),
            &md(&format!("title: {name} қазақша\n{facts}"), "Мәтін.\n"),
        )
        .write(
            &format!("content/projects/{name}.ru.md"),
            &md(&format!("title: {name} по-русски"), "Текст.\n"),
        );
    }
    site
}

#[test]
fn a_site_taxonomy_gets_term_pages_an_index_and_labels_in_both_languages() {
    let site = site();
    site.build_ok();
    let kk = site.page("kk/donor/usaid/index.html");
    assert_eq!(
        kk.select_attr(".card__title a", "href"),
        ["/kk/projects/water/", "/kk/projects/sport/"],
        "newest first"
    );
    assert!(kk.text().contains("АҚШ Халықаралық даму агенттігі"));
    let ru = site.page("ru/donor/usaid/index.html");
    assert_eq!(ru.count(".card"), 2, "the Russian files inherit the donor");
    let eu = site.page("ru/donor/eu/index.html");
    assert_eq!(
        eu.select_attr(".card__title a", "href"),
        ["/ru/projects/sport/"]
    );

    let index = site.page("kk/donor/index.html");
    assert!(
        index.texts("h1").iter().any(|h| h == "Донорлар"),
        "{:?}",
        index.texts("h1")
    );
    assert_eq!(index.count(".term-link"), 2);
    let ru_index = site.page("ru/donor/index.html");
    assert!(ru_index.texts("h1").iter().any(|h| h == "Доноры"));

    let sitemap = site.read_output("sitemap.xml");
    assert!(
        sitemap.contains("https://example.org/kk/donor/eu/"),
        "{sitemap}"
    );
}

#[test]
fn a_site_taxonomy_is_a_filter_a_fact_a_feed_category_and_search_data() {
    let site = site();
    site.build_ok();
    let list = site.page("kk/projects/index.html");
    let groups = list.select_attr(".filters__group .chip", "data-group");
    assert!(groups.iter().any(|g| g == "donor"), "{groups:?}");
    assert!(list.texts(".filters__label").iter().any(|l| l == "Донор"));
    let donors = list.select_attr("article.card", "data-donor");
    assert_eq!(
        donors,
        ["usaid", "usaid eu"],
        "cards without a donor have no attribute"
    );

    let story = site.page("ru/projects/sport/index.html");
    let facts = story.texts(".facts dt");
    assert!(facts.iter().any(|f| f == "Донор"), "{facts:?}");
    let links = story.select_attr(".facts .tag a", "href");
    assert!(links.contains(&"/ru/donor/usaid/".to_string()), "{links:?}");
    assert!(links.contains(&"/ru/donor/eu/".to_string()), "{links:?}");

    let feed = site.read_output("kk/atom.xml");
    assert!(
        feed.contains(
            "term=\"eu\" scheme=\"https://example.org/kk/donor/\" label=\"Еуропалық Одақ\""
        ),
        "{feed}"
    );
    let index = crate::support::search::Index::read(&site, "kk");
    assert_eq!(index.manifest["terms"]["donor"]["eu"], "Еуропалық Одақ");
    let sport = index
        .docs
        .iter()
        .find(|d| d["u"] == "projects/sport/")
        .expect("the sport story");
    assert_eq!(sport["c"]["donor"], serde_json::json!(["usaid", "eu"]));
}

#[test]
fn a_booklet_can_select_stories_by_a_site_taxonomy() {
    let site = site();
    site.write(
        "content/booklets/usaid.kk.md",
        &md(
            "title: USAID жобалары\nstories: { donor: usaid }\neditions: [single]",
            "Мәтін.\n",
        ),
    );
    site.build_ok();
    let pdf = site.out().join("booklets/usaid.kk.pdf");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    assert!(
        text.contains("water қазақша") && text.contains("sport қазақша"),
        "{text}"
    );
    assert!(!text.contains("library қазақша"), "{text}");
    assert!(
        text.contains("Донор"),
        "the PDF facts name the donor: {text}"
    );
}

#[test]
fn an_unknown_term_of_a_site_taxonomy_is_an_error_at_its_line() {
    let site = site();
    site.write(
        "content/projects/water.kk.md",
        &md("title: Су\ndate: 2023-05-01\ndonor: usiad", "Мәтін.\n"),
    );
    let run = site.build();
    run.assert_code(1);
    let error = run.error_for("content/projects/water.kk.md");
    assert_eq!(error.line, Some(4), "{}", run.stderr);
    assert!(
        error.message.contains("\"usiad\" is not a donor term"),
        "{}",
        run.stderr
    );
    assert!(
        error
            .hints
            .iter()
            .any(|h| h.contains("did you mean \"usaid\"?")),
        "{}",
        run.stderr
    );

    site.write(
        "content/projects/water.kk.md",
        &md("title: Су\ndonor: { name: usaid }", "Мәтін.\n"),
    );
    let run = site.build();
    run.assert_code(1);
    let error = run.error_for("content/projects/water.kk.md");
    assert_eq!(error.line, Some(3), "{}", run.stderr);
    assert!(
        error
            .message
            .contains("`donor` must be a term key or a list of them"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_typo_next_to_a_site_taxonomy_keeps_its_position() {
    let site = site();
    site.write(
        "content/projects/water.kk.md",
        &md("title: Су\ndonor: usaid\ndistrcit: balkhash", "Мәтін.\n"),
    );
    let run = site.build();
    run.assert_code(1);
    let error = run.error_for("content/projects/water.kk.md");
    assert_eq!(error.line, Some(4), "{}", run.stderr);
    assert!(
        error.hints.iter().any(|h| h.contains("district")),
        "{}",
        run.stderr
    );
}

#[test]
fn a_taxonomy_may_not_take_a_story_field_or_a_generated_address() {
    let site = Fixture::with_config(&format!(
        "{SITE_YAML}  status:\n    x: {{ kk: x, ru: x }}\n"
    ));
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr.contains("\"status\" cannot be a taxonomy"),
        "{}",
        run.stderr
    );
    let site = Fixture::with_config(&format!(
        "{}taxonomy_names:\n  doner: {{ one: {{ kk: Донор, ru: Донор }}, all: {{ kk: Донорлар, ru: Доноры }} }}\n",
        site_yaml()
            .split("taxonomy_names:")
            .next()
            .unwrap_or_default()
    ));
    let run = site.build();
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("\"doner\" is not a taxonomy of this site"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean \"donor\"?"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_filters_of_a_site_taxonomy_work_in_chromium() {
    let repo = repo();
    if browser_available(&repo) {
        run_browser_script(&repo, &site().site(), "taxonomy.mjs");
    }
}
