//! The files placed beside the pages as they are: the pictures of each page's bundle and those
//! its text refers to, and the theme's and the site's static files.

use crate::content::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Sink;
use crate::theme::Theme;

/// Bundle images and referenced images beside each page; the second language's copy is a link
/// to the first.
pub(super) fn copy_assets(site: &Site, staging: &dyn Sink, problems: &mut Diagnostics) {
    let mut placed: std::collections::HashMap<&std::path::Path, String> =
        std::collections::HashMap::new();
    for entry in site.entries() {
        for page in &entry.pages {
            for asset in &page.assets {
                let dest = format!("{}{}", page.path, asset.dest);
                let result = match placed.get(asset.source.as_path()) {
                    Some(first) => staging.duplicate(first, &dest),
                    None => staging.copy(&asset.source, &dest),
                };
                match result {
                    Ok(()) => {
                        placed.entry(asset.source.as_path()).or_insert(dest);
                    }
                    Err(d) => problems.push(d.in_file(&page.source)),
                }
            }
        }
    }
}

/// The theme's static files, then the site's own `static/` folder (which wins).
pub(crate) fn write_static(
    site: &Site,
    theme: &Theme,
    staging: &dyn Sink,
    problems: &mut Diagnostics,
) {
    for (relative, origin) in &theme.static_files {
        match origin.read() {
            Ok(bytes) => {
                if let Err(d) = staging.write(relative, &bytes) {
                    problems.push(d);
                }
            }
            Err(err) => problems.push(Diagnostic::error(format!(
                "cannot read {}: {err}",
                origin.shown(relative).display()
            ))),
        }
    }
    let own = site.root.join("static");
    let found = crate::paths::files_under(&own, &site.root, |_| false);
    found.report("the site folder", &site.root, problems);
    for path in found.files {
        let Ok(relative) = path.strip_prefix(&own) else {
            continue;
        };
        let relative = relative.to_string_lossy().replace('\\', "/");
        staging.remove(&relative);
        if let Err(d) = staging.copy(&path, &relative) {
            problems.push(d);
        }
    }
}
