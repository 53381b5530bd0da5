//! The example site in a real browser: tests/browser/a11y.mjs drives headless Chromium
//! (playwright-core) over the built site and runs axe-core, keyboard and search checks on it.
//! Skipped, with a message, when node, tests/browser/node_modules or /usr/bin/chromium is
//! missing, unless EGIZ_BROWSER_TESTS=1 (CI) makes a missing tool a failure.

use std::path::Path;
use std::process::Command;

use crate::support::run::egiz_on;
use crate::support::site::repo;
use crate::support::static_server::StaticServer;

const CHROMIUM: &str = "/usr/bin/chromium";

/// What the browser checks need and is not there.
fn missing_tools(repo: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        missing.push("node (apt-get install nodejs)".to_string());
    }
    if !repo
        .join("tests/browser/node_modules/playwright-core")
        .is_dir()
        || !repo.join("tests/browser/node_modules/axe-core").is_dir()
    {
        missing.push("tests/browser/node_modules (cd tests/browser && npm ci)".to_string());
    }
    if !Path::new(CHROMIUM).is_file() {
        missing.push(format!("{CHROMIUM} (apt-get install chromium)"));
    }
    missing
}

#[test]
fn example_site_is_accessible_keyboard_usable_and_searchable_in_chromium() {
    let repo = repo();
    let missing = missing_tools(&repo);
    if !missing.is_empty() {
        let required = std::env::var("EGIZ_BROWSER_TESTS").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "EGIZ_BROWSER_TESTS=1 but missing: {}",
            missing.join(", ")
        );
        eprintln!("SKIPPED browser test: missing {}", missing.join(", "));
        return;
    }

    let server = StaticServer::bind();
    let base_url = server.url();
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    egiz_on(&["build", "--base-url", &base_url], &repo, &out, tmp.path()).assert_success();
    server.serve(&out);

    let started = std::time::Instant::now();
    let checks = Command::new("node")
        .arg(repo.join("tests/browser/a11y.mjs"))
        .arg(&base_url)
        .current_dir(&repo)
        .output()
        .expect("run node tests/browser/a11y.mjs");
    let stdout = String::from_utf8_lossy(&checks.stdout);
    let stderr = String::from_utf8_lossy(&checks.stderr);
    println!(
        "{stdout}{stderr}browser checks took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        checks.status.success(),
        "browser checks failed ({}):\n{stdout}{stderr}",
        checks.status
    );
}
