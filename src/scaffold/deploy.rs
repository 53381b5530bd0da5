//! The deploy recipes `egiz init` writes beside a new site: a GitHub Pages workflow and a
//! Netlify configuration, both installing the egiz release that made the site (checked
//! against its SHA-256 sums) the way the README tells people to, and building with the address
//! the host gives, so sub-paths and deploy previews link correctly.

/// The egiz project's repository, whose releases the recipes download (placeholder until the
/// project's public home is settled: change it here and in the README's install section).
pub(crate) const EGIZ_REPO: &str = "egiz-ssg/egiz";

const PUBLISH_YML: &str = include_str!("publish.yml");
const NETLIFY_TOML: &str = include_str!("netlify.toml");
const NETLIFY_SCRIPT: &str = include_str!("install-egiz.sh");

/// (path in the site, text) of each recipe.
pub(crate) fn files() -> Vec<(&'static str, String)> {
    let fill = |text: &str| {
        text.replace("{{EGIZ_VERSION}}", env!("CARGO_PKG_VERSION"))
            .replace("{{EGIZ_REPO}}", EGIZ_REPO)
    };
    vec![
        (".github/workflows/publish.yml", fill(PUBLISH_YML)),
        ("netlify.toml", fill(NETLIFY_TOML)),
        ("install-egiz.sh", fill(NETLIFY_SCRIPT)),
    ]
}
