//! `egiz serve`: the real binary on a free loopback port, fetched over HTTP while a story is
//! edited, broken and fixed.

use crate::support::files::html_files;
use crate::support::server::Server;
use crate::support::site::{BALKHASH_ONLY, Fixture, kk_ru_site_yaml, md};

/// A site under the path `/civic/`.
fn site_yaml() -> String {
    kk_ru_site_yaml(
        "{ kk: Бастамалар, ru: Инициативы }",
        "https://example.org/civic/",
        &format!("default_language: kk\n{BALKHASH_ONLY}"),
    )
}

const STORY: &str = "content/projects/kids-sport.kk.md";

fn story(title: &str) -> String {
    md(
        &format!("title: {title}\ndate: 2023-12-06\ndistrict: balkhash"),
        "## Нәтижелер\n\nМәтін.\n",
    )
}

fn site() -> Fixture {
    let fixture = Fixture::with_config(&site_yaml());
    fixture.write(STORY, &story("Балалар спорты"));
    fixture.write(
        "content/projects/kids-sport.ru.md",
        &md("title: Детский спорт", "Текст.\n"),
    );
    fixture
}

#[test]
fn pages_are_served_under_the_base_path_and_the_root_leads_there() {
    let fixture = site();
    let server = Server::start(&fixture);
    assert!(server.url.ends_with("/civic/"), "{}", server.url);

    let page = server.get("/civic/kk/projects/kids-sport/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Балалар спорты"));
    assert!(page.body.contains("/__egiz/events"), "no reload script");
    // Links use the served address, so they work when clicked.
    assert!(
        page.body
            .contains("href=\"/civic/ru/projects/kids-sport/\"")
    );
    assert!(
        page.body
            .contains(&format!("{}kk/projects/kids-sport/", server.url))
    );

    let root = server.get("/");
    assert_eq!(root.status, 302);
    assert_eq!(
        root.headers.get("location").map(String::as_str),
        Some("/civic/")
    );
    assert_eq!(server.get("/civic/kk/projects/kids-sport").status, 302);
    let css = server.get("/civic/css/egiz.css");
    assert_eq!(css.status, 200);
    assert!(css.headers["content-type"].starts_with("text/css"));
    let missing = server.get("/civic/kk/no-such-page/");
    assert_eq!(missing.status, 404);
    assert_eq!(server.get("/civic/sitemap.xml").status, 200);
}

#[test]
fn an_edit_is_served_and_reloaded_a_broken_file_shows_the_overlay_and_a_fix_clears_it() {
    let fixture = site();
    let server = Server::start(&fixture);
    let events = server.events();
    let page = || server.get("/civic/kk/projects/kids-sport/").body;
    let reloads = || {
        events
            .lock()
            .expect("events")
            .matches("event: reload")
            .count()
    };
    let before = reloads();

    fixture.write(STORY, &story("Жаңа тақырып"));
    server.assert_soon("the edit is served", || page().contains("Жаңа тақырып"));
    server.assert_soon("a reload event", || reloads() > before);
    // The list shows the new title too.
    assert!(
        server
            .get("/civic/kk/projects/")
            .body
            .contains("Жаңа тақырып")
    );

    // A broken front matter: the last good page stays, with the error over it.
    fixture.write(
        STORY,
        "---\ntitle: [Сынған\ndate: 2023-12-06\n---\nМәтін.\n",
    );
    server.assert_soon("the overlay", || page().contains(&format!("{STORY}:")));
    let broken = page();
    assert!(
        broken.contains("Жаңа тақырып"),
        "the last good version is gone"
    );
    assert!(broken.contains("<div id=\"egiz-overlay\"><button"));
    server.assert_soon("an errors event", || {
        events.lock().expect("events").contains("event: errors")
    });
    assert!(
        server.log_text().contains(&format!("{STORY}:2:")),
        "{}",
        server.log_text()
    );

    // Fixed: the page comes back without the overlay, and tabs are told to reload.
    let reloads_before_fix = reloads();
    fixture.write(STORY, &story("Түзетілген"));
    server.assert_soon("the fix is served", || page().contains("Түзетілген"));
    assert!(page().contains("<div id=\"egiz-overlay\"></div>"));
    server.assert_soon("a reload event after the fix", || {
        reloads() > reloads_before_fix
    });
}

#[test]
fn a_new_story_and_a_template_change_are_served() {
    let fixture = site();
    fixture.write(
        "site.yaml",
        &site_yaml().replace("default_language: kk", "default_language: kk\ntheme: mine"),
    );
    fixture.write("themes/mine/theme.yaml", "name: mine\nextends: default\n");
    let server = Server::start(&fixture);

    fixture.write(
        "content/projects/new-one.kk.md",
        &md("title: Жаңа жоба\ndate: 2024-01-01", "Мәтін.\n"),
    );
    server.assert_soon("the new story is served", || {
        server.get("/civic/kk/projects/new-one/").status == 200
    });
    assert!(server.get("/civic/kk/projects/").body.contains("Жаңа жоба"));

    fixture.write(
        "themes/mine/templates/story.html",
        "{% extends \"base.html\" %}{% block main %}<p id=\"mine\">{{ page.title }}</p>{% endblock main %}",
    );
    server.assert_soon("the changed template is served", || {
        server
            .get("/civic/kk/projects/kids-sport/")
            .body
            .contains("<p id=\"mine\">")
    });
}

#[test]
fn built_output_has_no_reload_script() {
    let fixture = site();
    fixture.build_ok();
    for file in html_files(&fixture.out()) {
        let text = std::fs::read_to_string(fixture.out().join(&file)).expect("read");
        assert!(!text.contains("__egiz"), "{file} has the reload script");
    }
}
