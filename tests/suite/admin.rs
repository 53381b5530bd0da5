//! The web editor (issue 13): `admin/config.yml` generated from the content model for the
//! example site and a fixture with a taxonomy of its own, a file made from the config's fields
//! loading without diagnostics, the local backend of `egiz serve` over HTTP, the `admin:`
//! block's errors, and (with Chromium) a communicator's edit in the browser.

use std::path::Path;

use serde_yaml::Value;

use crate::browser::{browser_available, run_node_script};
use crate::support::files::copy_dir;
use crate::support::run::egiz;
use crate::support::server::Server;
use crate::support::site::{Fixture, jpeg, line_of, md, repo};

const FIXTURE_YAML: &str = "\
title: { kk: Бастамалар, ru: Инициативы }
base_url: https://org.github.io/ngo-site/
languages:
  - { code: kk, name: Қазақша }
  - { code: ru, name: Русский }
taxonomies:
  district:
    balkhash: { kk: Балқаш ауданы, ru: Балхашский район }
  topics:
    youth: { kk: Жастар, ru: Молодёжь }
    sport: { kk: Спорт, ru: Спорт }
  donor:
    usaid: { kk: USAID, ru: USAID }
    soros: { kk: Сорос қоры, ru: Фонд Сороса }
taxonomy_names:
  donor: { one: { kk: Донор, ru: Донор }, all: { kk: Донорлар, ru: Доноры } }
admin:
  backend: github
  repo: my-ngo/site
";

fn fixture() -> Fixture {
    let fixture = Fixture::with_config(FIXTURE_YAML);
    fixture.write(
        "content/projects/kids-sport/index.kk.md",
        &md(
            "title: Балалар спорты\ndate: 2023-12-06\ndistrict: balkhash\ntopics: [sport]\ndonor: usaid\ncover: { src: cover.jpg, alt: Балалар }",
            "Мәтін.\n",
        ),
    );
    fixture.write_bytes("content/projects/kids-sport/cover.jpg", &jpeg(64, 48));
    fixture.write(
        "content/projects/kids-sport/index.ru.md",
        &md(
            "title: Детский спорт\ncover: { src: cover.jpg, alt: Дети }",
            "Текст.\n",
        ),
    );
    fixture.write(
        "content/booklets/sport.kk.md",
        &md("title: Спорт кітапшасы\nstories: [kids-sport]", "Мәтін.\n"),
    );
    fixture.write(
        "content/booklets/sport.ru.md",
        &md("title: Буклет о спорте", "Текст.\n"),
    );
    fixture
}

/// The config a build wrote, parsed.
fn config(out: &Path, name: &str) -> Value {
    let text = std::fs::read_to_string(out.join("admin").join(name))
        .unwrap_or_else(|e| panic!("admin/{name}: {e}"));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("admin/{name} does not parse: {e}"))
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"]
        .as_sequence()
        .expect("collections")
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no collection {name}"))
}

fn field<'a>(fields: &'a Value, name: &str) -> &'a Value {
    fields
        .as_sequence()
        .expect("fields")
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no field {name} in {fields:?}"))
}

fn options(field: &Value) -> Vec<(String, String)> {
    field["options"]
        .as_sequence()
        .expect("options")
        .iter()
        .map(|o| {
            (
                o["value"].as_str().expect("value").to_string(),
                o["label"].as_str().expect("label").to_string(),
            )
        })
        .collect()
}

/// Every field of the story schema (`StoryMeta`) with its widget and translation mode.
/// `extra` (free data for themes) has no widget: Decap keeps keys it has no field for.
const STORY_FIELDS: &[(&str, &str, &str)] = &[
    ("title", "string", "true"),
    ("slug", "hidden", "false"),
    ("summary", "text", "true"),
    ("date", "datetime", "duplicate"),
    ("district", "select", "duplicate"),
    ("topics", "select", "duplicate"),
    ("status", "select", "duplicate"),
    ("period", "object", "true"),
    ("beneficiaries", "number", "duplicate"),
    ("budget", "object", "true"),
    ("results", "list", "true"),
    ("quotes", "list", "true"),
    ("cover", "object", "true"),
    ("gallery", "list", "true"),
    ("partners", "list", "true"),
    ("booklet", "boolean", "duplicate"),
    ("body", "markdown", "true"),
];

fn i18n(field: &Value) -> String {
    match &field["i18n"] {
        Value::Bool(b) => b.to_string(),
        Value::String(s) => s.clone(),
        other => format!("{other:?}"),
    }
}

fn assert_story_schema(config: &Value, custom: &[&str]) {
    let stories = collection(config, "stories");
    assert_eq!(stories["folder"], "content/projects");
    assert_eq!(stories["path"], "{{slug}}/index");
    assert_eq!(stories["slug"], "{{fields.slug}}");
    assert_eq!(
        stories["media_folder"], "",
        "a bundle's pictures are its media"
    );
    assert_eq!(stories["i18n"], true);
    let fields = &stories["fields"];
    for (name, widget, mode) in STORY_FIELDS {
        let f = field(fields, name);
        assert_eq!(f["widget"], *widget, "{name}");
        assert_eq!(i18n(f), *mode, "{name}");
    }
    assert_eq!(field(fields, "topics")["multiple"], true);
    assert_eq!(field(fields, "district")["multiple"], false);
    assert_eq!(field(fields, "beneficiaries")["value_type"], "int");
    assert_eq!(field(fields, "date")["format"], "YYYY-MM-DD");
    let status: Vec<String> = options(field(fields, "status"))
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    assert_eq!(status, ["planned", "active", "completed"]);
    // Facts inside translated objects are copied, words are not.
    let cover = &field(fields, "cover")["fields"];
    assert_eq!(field(cover, "src")["widget"], "image");
    assert_eq!(i18n(field(cover, "src")), "duplicate");
    assert_eq!(i18n(field(cover, "alt")), "true");
    assert_eq!(
        i18n(field(&field(fields, "period")["fields"], "start")),
        "duplicate"
    );
    let results = &field(fields, "results")["fields"];
    for name in ["value", "unit", "label"] {
        field(results, name);
    }
    for name in custom {
        let f = field(fields, name);
        assert_eq!(
            (f["widget"].as_str(), i18n(f).as_str()),
            (Some("select"), "duplicate"),
            "{name}"
        );
    }
}

#[test]
fn the_example_sites_config_has_every_story_field_with_its_widget_and_terms() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let repo = repo();
    egiz(
        &[
            "build",
            "--site",
            repo.to_str().expect("utf8"),
            "--output",
            out.to_str().expect("utf8"),
        ],
        tmp.path(),
    )
    .assert_success();
    let config = config(&out, "config.yml");
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(config["locale"], "kk");
    assert_eq!(config["i18n"]["structure"], "multiple_files");
    assert_eq!(config["i18n"]["default_locale"], "kk");
    assert!(
        config.get("local_backend").is_none(),
        "a published editor has no local backend"
    );
    assert_story_schema(&config, &[]);
    let fields = &collection(&config, "stories")["fields"];
    let districts = options(field(fields, "district"));
    assert!(
        districts.contains(&("balkhash".into(), "Балқаш ауданы / Балхашский район".into())),
        "{districts:?}"
    );
    assert_eq!(options(field(fields, "topics")).len(), 12);
    // A booklet's stories are chosen from the site's stories by name.
    let booklet_stories = field(&collection(&config, "booklets")["fields"], "stories");
    assert_eq!(booklet_stories["multiple"], true);
    let names: Vec<String> = options(booklet_stories)
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    assert!(names.contains(&"balkhash-appeals".to_string()), "{names:?}");
    assert_eq!(names.len(), 13);
    // Labels in the interface language of each file.
    assert_eq!(field(fields, "title")["label"], "Тақырып");
    let ru = config_ru(&out);
    assert_eq!(
        field(&collection(&ru, "stories")["fields"], "title")["label"],
        "Заголовок"
    );
    assert_eq!(collection(&ru, "stories")["label"], "Проекты");

    // The editor is nobody's page: not indexed, not in the sitemap, feeds or search.
    let index = std::fs::read_to_string(out.join("admin/index.html")).expect("admin/index.html");
    assert!(index.contains(r#"<meta name="robots" content="noindex, nofollow">"#));
    assert!(
        !index.contains("http"),
        "the editor page loads nothing from elsewhere"
    );
    for file in [
        "sitemap.xml",
        "kk/feed.xml",
        "ru/feed.xml",
        "kk/search.json",
        "ru/search.json",
        "search.json",
    ] {
        if let Ok(text) = std::fs::read_to_string(out.join(file)) {
            assert!(!text.contains("/admin"), "{file} mentions the editor");
        }
    }
    let robots = std::fs::read_to_string(out.join("robots.txt")).expect("robots.txt");
    assert!(robots.contains("Disallow: /civic/admin/"), "{robots}");
    for file in [
        "decap-cms.js",
        "kk.js",
        "ru.js",
        "LICENSE.txt",
        "egiz-admin.js",
        "titles.json",
    ] {
        assert!(out.join("admin").join(file).is_file(), "admin/{file}");
    }
}

fn config_ru(out: &Path) -> Value {
    config(out, "config.ru.yml")
}

#[test]
fn a_fixtures_own_taxonomy_is_a_select_with_every_languages_labels() {
    let fixture = fixture();
    fixture.build_ok();
    let config = config(&fixture.out(), "config.yml");
    assert_story_schema(&config, &["donor"]);
    let fields = &collection(&config, "stories")["fields"];
    let donor = field(fields, "donor");
    assert_eq!(donor["label"], "Донорлар");
    assert_eq!(donor["multiple"], true);
    assert_eq!(
        options(donor),
        [
            ("soros".to_string(), "Сорос қоры / Фонд Сороса".to_string()),
            ("usaid".to_string(), "USAID".to_string())
        ]
    );
    assert_eq!(config["backend"]["repo"], "my-ngo/site");
    assert_eq!(config["public_folder"], "/ngo-site/media");
}

/// A value for a field as the editor would store it.
fn sample(field: &Value, lang: &str) -> Option<Value> {
    let text = |s: &str| Value::String(format!("{s} {lang}"));
    Some(match field["widget"].as_str().expect("widget") {
        "string" | "text" => match field["name"].as_str() {
            Some("currency") => Value::String("KZT".into()),
            Some("url") => Value::String("https://example.org/".into()),
            Some("value") => Value::String("40".into()),
            // A figure's unit is the same in every translation (egiz check compares them).
            Some("unit") => Value::String("%".into()),
            Some(name) => text(name),
            None => return None,
        },
        "datetime" => Value::String("2024-05-01".into()),
        "number" => Value::from(5),
        "boolean" => Value::Bool(true),
        "image" => Value::String("cover.jpg".into()),
        "select" => {
            let first = field["options"][0]["value"].clone();
            if field["multiple"] == true {
                Value::Sequence(vec![first])
            } else {
                first
            }
        }
        "object" => Value::Mapping(fields_of(&field["fields"], lang, false)),
        "list" => Value::Sequence(vec![Value::Mapping(fields_of(
            &field["fields"],
            lang,
            false,
        ))]),
        "hidden" | "markdown" => return None,
        other => panic!("no sample for the widget {other}"),
    })
}

/// The front matter the editor writes in `lang`: in a translation only the translated fields.
fn fields_of(fields: &Value, lang: &str, translation: bool) -> serde_yaml::Mapping {
    let mut mapping = serde_yaml::Mapping::new();
    for f in fields.as_sequence().expect("fields") {
        if translation && f["i18n"] != true {
            continue;
        }
        if let Some(value) = sample(f, lang) {
            mapping.insert(f["name"].clone(), value);
        }
    }
    mapping
}

#[test]
fn a_story_written_from_the_configs_fields_loads_without_any_diagnostic() {
    let fixture = fixture();
    fixture.build_ok();
    let config = config(&fixture.out(), "config.yml");
    let fields = &collection(&config, "stories")["fields"];
    for (lang, translation) in [("kk", false), ("ru", true)] {
        let yaml = serde_yaml::to_string(&fields_of(fields, lang, translation)).expect("yaml");
        fixture.write(
            &format!("content/projects/from-the-editor/index.{lang}.md"),
            &format!("---\n{yaml}---\nМәтін {lang}.\n"),
        );
    }
    // Large enough for the leaflet the fields ask for, and the fixture's booklet: smaller ones
    // would print below 250 ppi (a warning, which --strict counts).
    for story in ["from-the-editor", "kids-sport"] {
        fixture.write_bytes(
            &format!("content/projects/{story}/cover.jpg"),
            &jpeg(1600, 1200),
        );
    }
    let site = fixture.site();
    let run = egiz(
        &[
            "check",
            "--strict",
            "--site",
            site.to_str().expect("utf8"),
            "--format",
            "json",
        ],
        fixture.root(),
    );
    run.assert_success();
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("json report");
    let problems: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            d["file"]
                .as_str()
                .is_some_and(|f| f.contains("from-the-editor"))
        })
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    fixture.build_ok();
    let page = fixture.page("kk/projects/from-the-editor/index.html");
    assert!(page.text().contains("title kk"), "{}", page.text());
}

#[test]
fn the_admin_block_is_checked_with_placed_errors_and_hints() {
    let yaml = FIXTURE_YAML.replace("  repo: my-ngo/site\n", "");
    let run = Fixture::with_config(&yaml).build();
    run.assert_code(1);
    let reported = run.error_for("site.yaml");
    assert!(
        reported.message.contains("needs `repo:`"),
        "{}",
        reported.raw
    );
    reported.assert_at_line_with_hint(line_of(&yaml, "admin:"));

    let yaml = FIXTURE_YAML.replace("  repo: my-ngo/site\n", "  repo: my-ngo\n");
    let reported = Fixture::with_config(&yaml).build().error_for("site.yaml");
    assert!(
        reported.message.contains("not an owner/name"),
        "{}",
        reported.raw
    );
    reported.assert_at_line_with_hint(line_of(&yaml, "repo: my-ngo"));

    // A misspelt key: the YAML reader names it and suggests the right one.
    let yaml = FIXTURE_YAML.replace(
        "  repo: my-ngo/site\n",
        "  repo: my-ngo/site\n  brnch: main\n",
    );
    let reported = Fixture::with_config(&yaml).build().error_for("site.yaml");
    assert!(reported.raw.contains("brnch"), "{}", reported.raw);
    assert!(
        reported.hints.iter().any(|h| h.contains("\"branch\"")),
        "a did-you-mean hint: {:?}",
        reported.hints
    );
    reported.assert_at_line_with_hint(line_of(&yaml, "brnch"));
}

#[test]
fn without_an_admin_block_the_build_writes_no_editor() {
    let fixture = Fixture::with_config(
        &FIXTURE_YAML.replace("admin:\n  backend: github\n  repo: my-ngo/site\n", ""),
    );
    fixture.write(
        "content/projects/a.kk.md",
        &md("title: А\ndate: 2023-12-06", "Мәтін.\n"),
    );
    fixture.build_ok();
    assert!(!fixture.out().join("admin").exists());
}

/// A POST to the local backend: status and JSON answer.
fn api(server: &Server, body: &serde_json::Value, headers: &str) -> (u16, serde_json::Value) {
    let response = server.post("/api/v1", headers, &body.to_string());
    let answer =
        serde_json::from_str(&response.body).unwrap_or_else(|e| panic!("{e}: {}", response.body));
    (response.status, answer)
}

const JSON: &str = "Content-Type: application/json; charset=utf-8\r\n";

fn action(server: &Server, action: &str, params: serde_json::Value) -> (u16, serde_json::Value) {
    api(
        server,
        &serde_json::json!({ "branch": "main", "action": action, "params": params }),
        JSON,
    )
}

#[test]
fn the_local_backend_lists_reads_saves_uploads_and_deletes_inside_content_only() {
    let fixture = fixture();
    fixture.write("secret.txt", "not for the editor");
    let server = Server::start(&fixture);
    let site = fixture.site();

    // The editor finds the server, and its config points there.
    let (status, info) = api(&server, &serde_json::json!({ "action": "info" }), JSON);
    assert_eq!(status, 200);
    assert_eq!(info["type"], "local_fs");
    let config: Value = serde_yaml::from_str(&server.get("/ngo-site/admin/config.yml").body)
        .expect("served config");
    assert_eq!(
        config["local_backend"]["url"],
        format!("http://{}/api/v1", server.address())
    );
    let admin = server.get("/ngo-site/admin/");
    assert_eq!(admin.status, 200);
    assert!(
        !admin.body.contains("__egiz"),
        "the editor must not reload when the site rebuilds"
    );

    // List and read.
    let (status, entries) = action(
        &server,
        "entriesByFolder",
        serde_json::json!({ "folder": "content/projects", "extension": "md", "depth": 2 }),
    );
    assert_eq!(status, 200);
    let paths: Vec<&str> = entries
        .as_array()
        .expect("list")
        .iter()
        .map(|e| e["file"]["path"].as_str().expect("path"))
        .collect();
    assert_eq!(
        paths,
        [
            "content/projects/kids-sport/index.kk.md",
            "content/projects/kids-sport/index.ru.md"
        ]
    );
    let ru_path = "content/projects/kids-sport/index.ru.md";
    let (_, entry) = action(&server, "getEntry", serde_json::json!({ "path": ru_path }));
    let raw = entry["data"].as_str().expect("text").to_string();
    assert!(raw.contains("title: Детский спорт"));

    // Save an edited title, as Decap writes it (the whole front matter anew).
    let edited = "---\ntitle: Спорт для детей\ncover:\n  src: cover.jpg\n  alt: Дети\ndate: 2023-12-06\n---\nТекст.\n";
    let (status, answer) = action(
        &server,
        "persistEntry",
        serde_json::json!({
        "dataFiles": [{ "path": ru_path, "slug": "kids-sport/index", "raw": edited }],
        "assets": [], "options": { "newEntry": false, "commitMessage": "Update" } }),
    );
    assert_eq!(
        (status, answer["message"].as_str()),
        (200, Some("entry persisted"))
    );
    let on_disk = std::fs::read_to_string(site.join(ru_path)).expect("read");
    assert_eq!(
        on_disk,
        raw.replace("title: Детский спорт", "title: Спорт для детей"),
        "only the title changed"
    );
    server.assert_within(60, "the edit is served", || {
        server
            .get("/ngo-site/ru/projects/kids-sport/")
            .body
            .contains("Спорт для детей")
    });

    // Upload a picture into the story's bundle, and delete it again.
    let photo = jpeg(32, 24);
    let asset = "content/projects/kids-sport/photo.jpg";
    use base64::Engine as _;
    let content = base64::engine::general_purpose::STANDARD.encode(&photo);
    let (status, media) = action(
        &server,
        "persistMedia",
        serde_json::json!({ "asset": { "path": asset, "content": content, "encoding": "base64" }, "options": {} }),
    );
    assert_eq!((status, media["name"].as_str()), (200, Some("photo.jpg")));
    assert_eq!(std::fs::read(site.join(asset)).expect("uploaded"), photo);
    let (_, listed) = action(
        &server,
        "getMedia",
        serde_json::json!({ "mediaFolder": "content/projects/kids-sport" }),
    );
    let names: Vec<&str> = listed
        .as_array()
        .expect("media")
        .iter()
        .map(|m| m["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        ["cover.jpg", "photo.jpg"],
        "the bundle's texts are no media"
    );
    let (status, _) = action(
        &server,
        "deleteFiles",
        serde_json::json!({ "paths": [asset], "options": {} }),
    );
    assert_eq!(status, 200);
    assert!(!site.join(asset).exists());

    // As the editor saves a new cover: the picture arrives with the entry, and the page shows it.
    let kk_path = "content/projects/kids-sport/index.kk.md";
    let (_, kk) = action(&server, "getEntry", serde_json::json!({ "path": kk_path }));
    let kk_raw = kk["data"]
        .as_str()
        .expect("text")
        .replace("src: cover.jpg", "src: new-cover.jpg");
    let (status, answer) = action(
        &server,
        "persistEntry",
        serde_json::json!({
            "dataFiles": [{ "path": kk_path, "slug": "kids-sport/index", "raw": kk_raw }],
            "assets": [{ "path": "content/projects/kids-sport/new-cover.jpg", "content": content, "encoding": "base64" }],
            "options": { "newEntry": false } }),
    );
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        std::fs::read(site.join("content/projects/kids-sport/new-cover.jpg")).expect("new cover"),
        photo
    );
    server.assert_within(60, "the page shows the new cover", || {
        server
            .get("/ngo-site/kk/projects/kids-sport/")
            .body
            .contains("new-cover")
    });

    // Outside content/ and static/: refused with a message the editor shows.
    let outside = site.join("secret.txt");
    for path in [
        "../secret.txt",
        "secret.txt",
        "content/../secret.txt",
        outside.to_str().expect("utf8"),
        "/etc/passwd",
    ] {
        for (name, params) in [
            ("getEntry", serde_json::json!({ "path": path })),
            ("deleteFile", serde_json::json!({ "path": path })),
            (
                "persistMedia",
                serde_json::json!({ "asset": { "path": path, "content": "eA==", "encoding": "base64" } }),
            ),
        ] {
            let (status, answer) = action(&server, name, params);
            assert_eq!(status, 422, "{name} {path}");
            assert!(
                answer["error"]
                    .as_str()
                    .expect("error")
                    .contains("content/ and static/"),
                "{answer}"
            );
        }
    }
    assert_eq!(
        std::fs::read_to_string(&outside).expect("read"),
        "not for the editor"
    );

    // Only JSON from the server's own pages: a form on another site cannot post here.
    let (status, _) = api(
        &server,
        &serde_json::json!({ "action": "info" }),
        "Content-Type: text/plain\r\n",
    );
    assert_eq!(status, 403);
    let (status, _) = api(
        &server,
        &serde_json::json!({ "action": "info" }),
        &format!("{JSON}Origin: http://evil.example\r\n"),
    );
    assert_eq!(status, 403);
}

#[test]
fn a_save_that_breaks_the_site_stays_on_disk_and_shows_the_overlay() {
    let fixture = fixture();
    let server = Server::start(&fixture);
    let events = server.events();
    let path = "content/projects/kids-sport/index.kk.md";
    let broken = "---\ntitle: Балалар спорты\ndate: 2023-13-45\n---\nМәтін.\n";
    let (status, _) = action(
        &server,
        "persistEntry",
        serde_json::json!({
        "dataFiles": [{ "path": path, "slug": "kids-sport/index", "raw": broken }], "assets": [], "options": {} }),
    );
    assert_eq!(status, 200);
    let on_disk = std::fs::read_to_string(fixture.site().join(path)).expect("read");
    assert!(on_disk.contains("date: 2023-13-45"), "{on_disk}");
    server.assert_within(60, "the overlay shows the broken file's place", || {
        let text = events.lock().expect("events");
        text.contains("event: errors") && text.contains("index.kk.md:3")
    });
}

#[test]
fn a_communicator_changes_a_russian_title_in_the_browser_in_both_interfaces() {
    if !browser_available(&repo()) {
        return;
    }
    // A copy of the example site: the test saves into it.
    let example = std::fs::read_to_string(repo().join("site.yaml")).expect("site.yaml");
    let fixture = Fixture::with_config(&example);
    let site = fixture.site();
    copy_dir(&repo().join("content"), &site.join("content"));
    let server = Server::start(&fixture);
    let site_arg = site.to_str().expect("UTF-8 path");
    let mut args = vec![server.url.as_str(), site_arg];
    let shots = std::env::var("EGIZ_ADMIN_SCREENSHOTS").unwrap_or_default();
    if !shots.is_empty() {
        args.push(&shots);
    }
    run_node_script(&repo(), "admin.mjs", &args, &|| server.log_text());
}
