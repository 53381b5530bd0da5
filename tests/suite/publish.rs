//! The publishing recipes: the GitHub Pages workflow and netlify.toml that `egiz init` writes,
//! and the repository's release workflow, against GitHub's workflow schema (check-jsonschema)
//! and as TOML (issue 13, points 3 and 4).

use std::process::Command;

use serde_yaml::Value;

use crate::support::run::egiz;
use crate::support::site::repo;

/// `check-jsonschema` (PyPI): `EGIZ_CHECK_JSONSCHEMA` (set by .ci/run, then required), else the
/// one on PATH, else none.
fn check_jsonschema() -> Option<String> {
    if let Ok(path) = std::env::var("EGIZ_CHECK_JSONSCHEMA") {
        return Some(path);
    }
    Command::new("check-jsonschema")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
        .then(|| "check-jsonschema".to_string())
}

#[test]
fn init_writes_publish_recipes_that_pass_the_workflow_schema_and_parse() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("new-site");
    egiz(&["init", site.to_str().expect("utf8")], tmp.path()).assert_success();
    let publish =
        std::fs::read_to_string(site.join(".github/workflows/publish.yml")).expect("publish.yml");
    let workflow: Value = serde_yaml::from_str(&publish).expect("publish.yml is YAML");
    let steps = workflow["jobs"]["build"]["steps"]
        .as_sequence()
        .expect("steps");
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(runs.contains(&"egiz check"), "{runs:?}");
    assert!(
        runs.iter()
            .any(|r| r.contains("egiz build --base-url \"${{ steps.pages.outputs.base_url }}/\"")),
        "{runs:?}"
    );
    assert!(
        runs.iter().any(|r| r.contains("sha256sum --check")),
        "the download is checked"
    );
    for action in [
        "actions/configure-pages@v5",
        "actions/cache@v4",
        "actions/upload-pages-artifact@v3",
    ] {
        assert!(uses.contains(&action), "{action} in {uses:?}");
    }
    let cache = steps
        .iter()
        .find(|s| s["uses"] == "actions/cache@v4")
        .expect("cache step");
    assert_eq!(cache["with"]["path"], ".egiz-cache");
    assert_eq!(workflow["env"]["EGIZ_VERSION"], env!("CARGO_PKG_VERSION"));

    let netlify: toml::Table = std::fs::read_to_string(site.join("netlify.toml"))
        .expect("netlify.toml")
        .parse()
        .expect("netlify.toml is TOML");
    assert_eq!(netlify["build"]["publish"].as_str(), Some("output"));
    assert!(
        netlify["build"]["command"]
            .as_str()
            .expect("command")
            .contains("egiz build --base-url \"$URL/\"")
    );
    let preview = netlify["context"]["deploy-preview"]["command"]
        .as_str()
        .expect("preview command");
    assert!(
        preview.contains("--base-url \"$DEPLOY_PRIME_URL/\""),
        "{preview}"
    );
    assert!(site.join("install-egiz.sh").is_file());
    let ignore = std::fs::read_to_string(site.join(".gitignore")).expect(".gitignore");
    assert!(ignore.contains("/.egiz-cache/") && ignore.contains("/output/"));

    // The new site with its recipes still builds and checks cleanly.
    egiz(
        &["check", "--strict", "--site", site.to_str().expect("utf8")],
        tmp.path(),
    )
    .assert_success();

    let release = repo().join(".github/workflows/release.yml");
    match check_jsonschema() {
        Some(tool) => {
            let out = Command::new(&tool)
                .args(["--builtin-schema", "vendor.github-workflows"])
                .arg(site.join(".github/workflows/publish.yml"))
                .arg(&release)
                .output()
                .unwrap_or_else(|e| panic!("run {tool}: {e}"));
            assert!(
                out.status.success(),
                "the workflows do not pass the GitHub workflow schema:\n{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        None => eprintln!(
            "SKIPPED the workflow schema check: no check-jsonschema (pip install check-jsonschema)"
        ),
    }
}

#[test]
fn the_release_workflow_builds_every_platform_stripped_and_publishes_sums() {
    let text =
        std::fs::read_to_string(repo().join(".github/workflows/release.yml")).expect("release.yml");
    let workflow: Value = serde_yaml::from_str(&text).expect("YAML");
    let targets: Vec<&str> = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .expect("matrix")
        .iter()
        .filter_map(|t| t["target"].as_str())
        .collect();
    assert_eq!(
        targets,
        [
            "x86_64-unknown-linux-musl",
            "x86_64-pc-windows-msvc",
            "x86_64-apple-darwin",
            "aarch64-apple-darwin"
        ]
    );
    assert!(text.contains("sha256sum egiz-* > SHA256SUMS.txt"));
    for packed in ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "OFL.txt"] {
        assert!(text.contains(packed), "{packed} is packed");
    }
    let cargo: toml::Table = std::fs::read_to_string(repo().join("Cargo.toml"))
        .expect("Cargo.toml")
        .parse()
        .expect("TOML");
    assert_eq!(
        cargo["profile"]["release"]["strip"].as_bool(),
        Some(true),
        "release builds are stripped"
    );
}
