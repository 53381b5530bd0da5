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
pub(crate) fn missing_tools(repo: &Path) -> Vec<String> {
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

/// Whether `node` runs here; false only when it is missing and EGIZ_BROWSER_TESTS=1 does not
/// make that a failure (tests that need it then return, saying so).
pub(crate) fn node_available() -> bool {
    let runs = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let required = std::env::var("EGIZ_BROWSER_TESTS").is_ok_and(|v| v == "1");
    assert!(
        runs || !required,
        "EGIZ_BROWSER_TESTS=1 but node is missing"
    );
    if !runs {
        eprintln!("skipped: node is missing (apt-get install nodejs)");
    }
    runs
}

/// Whether the browser checks can run here; `false` (after saying why) when a tool is missing
/// and EGIZ_BROWSER_TESTS=1 does not make that a failure.
pub(crate) fn browser_available(repo: &Path) -> bool {
    let missing = missing_tools(repo);
    if missing.is_empty() {
        return true;
    }
    let required = std::env::var("EGIZ_BROWSER_TESTS").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "EGIZ_BROWSER_TESTS=1 but missing: {}",
        missing.join(", ")
    );
    eprintln!("SKIPPED browser test: missing {}", missing.join(", "));
    false
}

/// Serves the site in `site` built for a local address, runs `tests/browser/SCRIPT` on it and
/// fails with what the script printed when any of its checks failed.
pub(crate) fn run_browser_script(repo: &Path, site: &Path, script: &str) {
    let server = StaticServer::bind();
    let base_url = server.url();
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    egiz_on(&["build", "--base-url", &base_url], site, &out, tmp.path()).assert_success();
    server.serve(&out);

    run_node_script(repo, script, &[&base_url], &String::new);
}

/// Runs `node tests/browser/SCRIPT ARGS...` and fails with what it printed (and what
/// `context` tells then, e.g. a server's log) when any of its checks failed.
pub(crate) fn run_node_script(
    repo: &Path,
    script: &str,
    args: &[&str],
    context: &dyn Fn() -> String,
) {
    let started = std::time::Instant::now();
    let checks = Command::new("node")
        .arg(repo.join("tests/browser").join(script))
        .args(args)
        .current_dir(repo)
        .output()
        .unwrap_or_else(|e| panic!("run node tests/browser/{script}: {e}"));
    let stdout = String::from_utf8_lossy(&checks.stdout);
    let stderr = String::from_utf8_lossy(&checks.stderr);
    println!(
        "{stdout}{stderr}{script} took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        checks.status.success(),
        "browser checks of {script} failed ({}):\n{stdout}{stderr}\n{}",
        checks.status,
        context()
    );
}

#[test]
fn example_site_is_accessible_keyboard_usable_and_searchable_in_chromium() {
    let repo = repo();
    if browser_available(&repo) {
        run_browser_script(&repo, &repo, "a11y.mjs");
    }
}
