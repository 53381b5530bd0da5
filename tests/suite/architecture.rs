//! The import direction of docs/ARCHITECTURE.md, checked on the source: each top-level module of
//! the library may import only the modules its row of `layers()` names (read from the `crate::`
//! paths of its non-test code), and the stages inside `src/print/` import each other one way only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What reading the site's own files needs: placed errors, YAML, languages, site.yaml, the
/// taxonomy names, units and the folder confinement.
const READING: &[&str] = &[
    "diagnostics",
    "yaml",
    "i18n",
    "config",
    "taxonomy",
    "units",
    "paths",
];

/// What web and print may read besides [`READING`]: the model, the theme and the leaves.
const RENDERER: &[&str] = &[
    "markdown", "markup", "output", "progress", "content", "theme",
];

/// What putting the pipeline together takes: placed errors, the output folder, progress,
/// site.yaml, the model and the theme.
const PIPELINE: &[&str] = &[
    "diagnostics",
    "markup",
    "output",
    "progress",
    "config",
    "content",
    "theme",
];

/// What the commands' library side (build, serve) adds: the renderers and what they feed.
const COMMAND: &[&str] = &["web", "booklets", "cards", "admin"];

/// `base` and `more`, as one row.
fn row(base: &[&'static str], more: &[&'static str]) -> Vec<&'static str> {
    base.iter().chain(more).copied().collect()
}

/// Each top-level module and what it may import. Leaves first; a module may import only
/// modules above its row, so the table itself has no circle.
fn layers() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("diagnostics", vec![]),
        ("units", vec![]),
        ("paths", vec!["diagnostics"]),
        ("markup", vec![]),
        ("taxonomy", vec![]),
        ("progress", vec![]),
        ("yaml", vec!["diagnostics"]),
        ("i18n", vec!["diagnostics", "yaml"]),
        ("markdown", vec!["i18n"]),
        ("output", vec!["diagnostics"]),
        ("config", vec!["diagnostics", "yaml", "i18n", "taxonomy"]),
        // The model: what was read, before any renderer.
        ("content", row(READING, &["markdown"])),
        ("theme", READING.to_vec()),
        // The two renderers: they read the model and the theme, never each other.
        ("web", row(READING, RENDERER)),
        ("print", row(READING, RENDERER)),
        // Printing booklets into files, behind the trait serve is given.
        ("booklets", row(PIPELINE, &["print"])),
        // Share cards: set with print's fonts and shaping, cached and decoded with web's image
        // pieces; neither renderer imports them (the build hands web the files made).
        (
            "cards",
            vec![
                "diagnostics",
                "output",
                "content",
                "taxonomy",
                "theme",
                "print",
                "web",
            ],
        ),
        (
            "scaffold",
            vec!["diagnostics", "i18n", "config", "taxonomy"],
        ),
        // The web editor: its Decap config is made from the model; its local backend edits
        // content.
        (
            "admin",
            vec![
                "diagnostics",
                "markup",
                "i18n",
                "output",
                "config",
                "content",
                "taxonomy",
                "theme",
            ],
        ),
        // The commands' library side: they put the pipeline together.
        ("build", row(PIPELINE, COMMAND)),
        ("serve", row(PIPELINE, COMMAND)),
        // `egiz check` reads what the renderers would, and asks both.
        (
            "check",
            row(
                READING,
                &[
                    "markdown", "output", "progress", "content", "theme", "web", "print",
                ],
            ),
        ),
        // Entry points for the fuzz targets in fuzz/: the loader, the Markdown renderer and the
        // print engine, reached from outside the crate.
        (
            "fuzzing",
            vec!["diagnostics", "markdown", "content", "theme", "print"],
        ),
    ]
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `.rs` files under `dir`, without unit-test files.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.file_name().is_some_and(|n| n != "tests.rs")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The lines of a file before its `#[cfg(test)] mod ... {` block, if it has one.
fn before_tests(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let end = lines
        .windows(2)
        .position(|pair| {
            pair[0].trim() == "#[cfg(test)]"
                && pair[1].trim_start().starts_with("mod ")
                && pair[1].contains('{')
        })
        .unwrap_or(lines.len());
    lines[..end].to_vec()
}

/// The non-test code of a file without its comment lines (a doc link names a module without
/// importing it).
fn non_test_code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read a source file");
    before_tests(&text)
        .into_iter()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The first path segments after each `prefix` (`crate::`, `super::`) in `code`, including
/// those of grouped imports (`use crate::{config::Config, content};`).
fn imported(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name = item.trim().split("::").next().unwrap_or("").trim();
                if !name.is_empty() && name != "self" {
                    found.insert(name.to_string());
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// The top-level module a file belongs to (`src/web/feed.rs` → `web`).
fn top_module(path: &Path) -> String {
    let relative = path.strip_prefix(src()).expect("under src");
    let first = relative.components().next().expect("a component");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

#[test]
fn top_level_modules_import_only_what_their_layer_allows() {
    let layers: BTreeMap<&str, Vec<&str>> = layers().into_iter().collect();
    let mut problems = Vec::new();
    for path in sources(&src()) {
        let module = top_module(&path);
        if matches!(module.as_str(), "lib" | "main" | "commands") {
            continue; // the crate root and the binary may use everything
        }
        let Some(allowed) = layers.get(module.as_str()) else {
            problems.push(format!(
                "{}: the module `{module}` has no row in `layers()` (add it, and to docs/ARCHITECTURE.md)",
                path.display()
            ));
            continue;
        };
        for dep in imported(&non_test_code(&path), "crate::") {
            if dep != module && !allowed.contains(&dep.as_str()) {
                problems.push(format!(
                    "{}: `{module}` imports `{dep}`, which its layer does not allow",
                    path.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_layer_table_itself_points_one_way() {
    let layers = layers();
    for (row, (module, allowed)) in layers.iter().enumerate() {
        for dep in allowed {
            let place = layers.iter().position(|(m, _)| m == dep);
            assert!(
                place.is_some_and(|p| p < row),
                "`{module}` may import `{dep}`, which is not above it"
            );
        }
    }
}

/// The modules of `src/print/` (`inline`, `flow`, `fonts.rs`, ...) and which of them each imports.
fn print_graph() -> BTreeMap<String, BTreeSet<String>> {
    let print = src().join("print");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in sources(&print) {
        let relative = path.strip_prefix(&print).expect("under print");
        let mut parts = relative.components().map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        });
        let stage = parts.next().expect("a part");
        if stage == "mod" {
            continue; // print/mod.rs declares the stages and re-exports
        }
        let nested = relative.components().count() > 1;
        let code = non_test_code(&path);
        let mut deps: BTreeSet<String> = imported(&code, "crate::print::");
        // `super::x` from print/x.rs names a sibling stage; from print/stage/y.rs it names the
        // stage's own files, and `super::super::x` a sibling stage.
        if nested {
            deps.extend(imported(&code, "super::super::"));
        } else {
            deps.extend(imported(&code, "super::"));
        }
        deps.remove(&stage);
        deps.remove("super");
        graph.entry(stage).or_default().extend(deps);
    }
    let stages: BTreeSet<String> = graph.keys().cloned().collect();
    for deps in graph.values_mut() {
        deps.retain(|d| stages.contains(d));
    }
    graph
}

#[test]
fn the_print_stages_import_each_other_one_way() {
    let graph = print_graph();
    // Depth-first search for a circle, reporting its path.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_string());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for dep in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(dep, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(circle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!(
                "a circle inside src/print/: {}\n(the graph: {graph:?})",
                circle.join(" → ")
            );
        }
    }
}

#[test]
fn the_import_reader_sees_grouped_and_plain_paths() {
    let code = "use crate::{config::Config, content};\nuse crate::web::Job;\nlet x = crate::units::Pt(1.0);\nmycrate::nope;\n";
    assert_eq!(
        imported(code, "crate::").into_iter().collect::<Vec<_>>(),
        ["config", "content", "units", "web"]
    );
}

#[test]
fn no_source_file_outside_tests_is_over_800_lines() {
    let long: Vec<String> = sources(&src())
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).expect("read a source file");
            let lines = before_tests(&text).len();
            (lines > 800).then(|| format!("{}: {lines} lines", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files:\n{}", long.join("\n"));
}
