//! Mutated sites, made the same way on every run from a fixed seed: a small copy of the example
//! site (its site.yaml, a few stories, pages and a booklet, the default theme) with a few bytes
//! flipped, lines deleted or doubled, YAML and Markdown syntax inserted, values replaced or files
//! cut short, built with the real `egiz build` and checked with `egiz check`. Whatever the damage,
//! each run must end with exit code 0 or 1 (never a panic or a signal), say what is wrong when it
//! fails, leave no staging folder beside the output, and finish within a time bound.
//!
//! A failure names the site's number and its mutations; `EGIZ_MUTATION_ONLY=N cargo test --test
//! suite mutation::` rebuilds only site N and keeps its folder to look at.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::support::site::repo;

/// Changing it changes every site; a failure found with one seed stays found with it.
const SEED: u64 = 0x6567_697a_2015_0007;

/// How many mutated sites are built and checked. Each costs a build and a check of a small site
/// (well under a second each in a debug build), two at a time.
const SITES: usize = 240;

/// Every site number divisible by this keeps its booklet and leaflet, so it prints PDFs; the
/// others lose them, since printing is the slowest part of a build.
const PRINT_EVERY: usize = 8;

/// A run longer than this is killed and counted as a hang. A printed site takes about a second
/// in a debug build; the bound leaves room for a loaded machine.
const TIME_BOUND: Duration = Duration::from_secs(20);

/// The files of the base site, from the example site at the repository root.
const BASE: &[&str] = &[
    "site.yaml",
    "content/_index.kk.md",
    "content/_index.ru.md",
    "content/about.kk.md",
    "content/about.ru.md",
    "content/projects/balkhash-kids-sport.kk.md",
    "content/projects/balkhash-kids-sport.ru.md",
    "content/projects/uighur-teen-walks.kk.md",
    "content/projects/uighur-teen-walks.ru.md",
    "content/projects/kegen-help-neighbour/index.kk.md",
    "content/projects/kegen-help-neighbour/index.ru.md",
    "content/projects/kegen-help-neighbour/cover.jpg",
    "themes/default/theme.yaml",
    "themes/default/i18n/kk.yaml",
    "themes/default/i18n/ru.yaml",
    "themes/default/templates/story.html",
];

/// What printed sites have besides: a booklet of two stories, and a story with a leaflet.
const PRINTED: &[&str] = &[
    "content/booklets/social-project-success.kk.md",
    "content/booklets/social-project-success.ru.md",
    "content/projects/kegen-social-projects.kk.md",
    "content/projects/kegen-social-projects.ru.md",
    "content/projects/zhambyl-rural-youth.kk.md",
    "content/projects/zhambyl-rural-youth.ru.md",
];

/// Text put into files: YAML and Markdown syntax, template syntax, characters outside ASCII,
/// invisible ones and the byte-order mark.
const TOKENS: &[&str] = &[
    ">",
    "> > > ",
    "-",
    "- ",
    "- - ",
    ":",
    ": ",
    "::",
    "{{",
    "}}",
    "{%",
    "%}",
    "---",
    "\n---\n",
    "#",
    "## ",
    "|",
    "| a | b |\n|---|---|\n",
    "[",
    "]",
    "{",
    "}",
    "[^1]",
    "[^1]: x\n",
    "![x](",
    "](/",
    "*",
    "**",
    "_",
    "~~",
    "`",
    "```\n",
    "<",
    "&a ",
    "*a",
    "!!binary ",
    "\"",
    "'",
    "\\",
    "\t",
    "\r",
    "\r\n",
    "\0",
    "\u{feff}",
    "\u{200b}",
    "\u{00ad}",
    "\u{0301}",
    "Қ",
    "ә",
    "😀",
    "\u{202e}",
    "%",
    "?",
    "&",
    "javascript:",
    "../",
    "/",
    "//",
];

/// Values put in place of a field's value.
const VALUES: &[&str] = &[
    "",
    "[]",
    "{}",
    "null",
    "~",
    "true",
    "-1",
    "0",
    "1e999",
    "18446744073709551616",
    "2023-02-30",
    "2023-13-01",
    "0000-00-00",
    "[a, [b]]",
    "{ a: b }",
    "\"\"",
    "'",
    "|",
    ">",
    "*x",
    "&x y",
    "A0",
    "A7",
    "Letter",
    "xx",
    "ё",
    "../../etc/passwd",
    "javascript:alert(1)",
    "/",
    "-",
];

/// SplitMix64: a tiny generator of well-mixed numbers, enough for choosing mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The base site's files, read once.
fn base_files() -> BTreeMap<String, Vec<u8>> {
    BASE.iter()
        .chain(PRINTED)
        .map(|name| {
            let mut bytes = std::fs::read(repo().join(name))
                .unwrap_or_else(|e| panic!("the example site has no {name}: {e}"));
            // Share cards are drawn afresh for every copy (no cache) and were most of a run's
            // time; cards.rs tests them. The theme's other settings stay to be mutated.
            if *name == "themes/default/theme.yaml" {
                bytes.extend_from_slice(b"\ncards:\n  enabled: false\n");
            }
            (name.to_string(), bytes)
        })
        .collect()
}

/// The lines of a content file that are its front matter, as a range of line indices.
fn front_matter(lines: &[&[u8]]) -> Option<std::ops::Range<usize>> {
    if lines.first().map(|l| l.trim_ascii_end()) != Some(b"---") {
        return None;
    }
    let end = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_ascii_end() == b"---")?;
    Some(1..end + 1)
}

/// A line index of `text` to mutate: inside the front matter half of the time, when it has one.
fn pick_line(rng: &mut Rng, lines: &[&[u8]]) -> usize {
    match front_matter(lines) {
        Some(range) if !range.is_empty() && rng.below(2) == 0 => {
            range.start + rng.below(range.len())
        }
        _ => rng.below(lines.len().max(1)),
    }
}

fn split_lines(text: &[u8]) -> Vec<&[u8]> {
    text.split_inclusive(|b| *b == b'\n').collect()
}

/// Applies one mutation to a text file, saying what it did.
fn mutate_text(rng: &mut Rng, text: &[u8]) -> (Vec<u8>, String) {
    let lines = split_lines(text);
    if lines.is_empty() {
        let token = rng.pick(TOKENS);
        return (
            token.as_bytes().to_vec(),
            format!("wrote {token:?} into the empty file"),
        );
    }
    let at = pick_line(rng, &lines);
    let join = |lines: &[&[u8]]| lines.concat();
    match rng.below(9) {
        0 => {
            let mut bytes = text.to_vec();
            let i = rng.below(bytes.len());
            let bit = 1u8 << rng.below(8);
            bytes[i] ^= bit;
            (bytes, format!("flipped bit {bit:#04x} of byte {i}"))
        }
        1 => {
            let mut lines = lines.clone();
            lines.remove(at);
            (join(&lines), format!("deleted line {}", at + 1))
        }
        2 => {
            let mut lines = lines.clone();
            let times = 1 + rng.below(3);
            for _ in 0..times {
                lines.insert(at, lines[at]);
            }
            (
                join(&lines),
                format!("repeated line {} {times} more times", at + 1),
            )
        }
        3 | 4 => {
            // Inside the line, on a character boundary when the line is text.
            let token = rng.pick(TOKENS);
            let line = lines[at];
            let boundaries: Vec<usize> = match std::str::from_utf8(line) {
                Ok(s) => s.char_indices().map(|(i, _)| i).chain([s.len()]).collect(),
                Err(_) => (0..=line.len()).collect(),
            };
            let column = *rng.pick(&boundaries);
            let new_line = [&line[..column], token.as_bytes(), &line[column..]].concat();
            let mut lines = lines.clone();
            lines[at] = &new_line;
            (
                join(&lines),
                format!("inserted {token:?} at line {}, byte {column}", at + 1),
            )
        }
        5 => {
            let cut = rng.below(text.len());
            (
                text[..cut].to_vec(),
                format!("cut the file after byte {cut}"),
            )
        }
        6 => {
            let other = rng.below(lines.len());
            let mut lines = lines.clone();
            lines.swap(at, other);
            (
                join(&lines),
                format!("swapped lines {} and {}", at + 1, other + 1),
            )
        }
        7 => {
            // A field's value replaced: `key: value` keeps its key.
            let value = rng.pick(VALUES);
            let line = lines[at];
            let new_line = match line.iter().position(|b| *b == b':') {
                Some(colon) => [&line[..colon + 1], b" ", value.as_bytes(), b"\n"].concat(),
                None => [value.as_bytes(), b"\n"].concat(),
            };
            let mut lines = lines.clone();
            lines[at] = &new_line;
            (
                join(&lines),
                format!(
                    "set line {} to {:?}",
                    at + 1,
                    String::from_utf8_lossy(&new_line)
                ),
            )
        }
        _ => {
            // A line's indent changed: YAML's structure is its indentation.
            let line = lines[at];
            let new_line = if rng.below(2) == 0 {
                [b"  ", line].concat()
            } else {
                line.trim_ascii_start().to_vec()
            };
            let mut lines = lines.clone();
            lines[at] = &new_line;
            (
                join(&lines),
                format!("changed the indent of line {}", at + 1),
            )
        }
    }
}

/// One mutated site: its files and what was done to them.
fn mutated_site(
    base: &BTreeMap<String, Vec<u8>>,
    index: usize,
) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    let mut rng = Rng(SEED ^ (index as u64).wrapping_mul(0xa076_1d64_78bd_642f));
    let mut files = base.clone();
    if !index.is_multiple_of(PRINT_EVERY) {
        files.retain(|name, _| !PRINTED.contains(&name.as_str()));
    }
    let mut done = Vec::new();
    let count = 1 + rng.below(4);
    for _ in 0..count {
        let names: Vec<String> = files.keys().cloned().collect();
        // site.yaml and the booklet files are a small part of the site but a large part of
        // what can go wrong: they are chosen more often than their share.
        let name = match rng.below(6) {
            0 => "site.yaml".to_string(),
            1 if index.is_multiple_of(PRINT_EVERY) => rng.pick(&PRINTED[..2]).to_string(),
            _ => rng.pick(&names).clone(),
        };
        if name.ends_with(".jpg") || rng.below(40) == 0 {
            files.remove(&name);
            done.push(format!("{name}: removed"));
            continue;
        }
        let Some(text) = files.get(&name) else {
            continue;
        };
        let (text, what) = mutate_text(&mut rng, text);
        done.push(format!("{name}: {what}"));
        files.insert(name, text);
    }
    (files, done)
}

/// How one run of the binary ended.
struct Ended {
    code: Option<i32>,
    stderr: String,
    took: Duration,
}

/// Runs `egiz ARGS` in `cwd`, killed after [`TIME_BOUND`]; `None` when it had to be killed.
fn run_bounded(args: &[&str], cwd: &Path, log: &Path) -> Option<Ended> {
    let stderr_file = std::fs::File::create(log).expect("create the stderr file");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_egiz"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr_file)
        .spawn()
        .expect("start egiz");
    loop {
        if let Some(status) = child.try_wait().expect("wait for egiz") {
            return Some(Ended {
                code: status.code(),
                stderr: std::fs::read_to_string(log).unwrap_or_default(),
                took: start.elapsed(),
            });
        }
        if start.elapsed() > TIME_BOUND {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Builds and checks site `index`, returning what was wrong (nothing when all was well) and the
/// longest run's time.
fn try_site(base: &BTreeMap<String, Vec<u8>>, index: usize, keep: bool) -> (Vec<String>, Duration) {
    let (files, mutations) = mutated_site(base, index);
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let root = tmp.path();
    let site = root.join("site");
    for (name, bytes) in &files {
        let path = site.join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create a folder");
        std::fs::write(&path, bytes).expect("write a file of the site");
    }
    let site_arg = site.to_str().expect("a UTF-8 path");
    let out: PathBuf = root.join("out");
    let out_arg = out.to_str().expect("a UTF-8 path");
    let mut problems = Vec::new();
    let mut longest = Duration::ZERO;
    let runs: [(&str, Vec<&str>); 2] = [
        (
            "build",
            vec!["build", "--site", site_arg, "--output", out_arg],
        ),
        ("check", vec!["check", "--site", site_arg]),
    ];
    for (name, args) in runs {
        let log = root.join(format!("{name}.stderr"));
        match run_bounded(&args, root, &log) {
            None => problems.push(format!(
                "`egiz {name}` ran longer than {TIME_BOUND:?} and was killed"
            )),
            Some(ended) => {
                longest = longest.max(ended.took);
                let tail: String = ended
                    .stderr
                    .chars()
                    .rev()
                    .take(1500)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                match ended.code {
                    Some(0) => {}
                    Some(1) if ended.stderr.contains("error") => {}
                    Some(1) => problems.push(format!(
                        "`egiz {name}` failed without an error message:\n{tail}"
                    )),
                    other => problems.push(format!(
                        "`egiz {name}` ended with {other:?} (a crash):\n{tail}"
                    )),
                }
            }
        }
        let leftovers: Vec<String> = std::fs::read_dir(root)
            .expect("read the temporary folder")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".egiz-"))
            .collect();
        if !leftovers.is_empty() {
            problems.push(format!(
                "`egiz {name}` left {leftovers:?} beside the output"
            ));
        }
    }
    if keep {
        let kept = tmp.keep();
        eprintln!("site {index} is in {}", kept.display());
    }
    if !problems.is_empty() {
        problems.insert(
            0,
            format!("site {index} (seed {SEED:#x}), mutations: {mutations:#?}"),
        );
    }
    (problems, longest)
}

#[test]
fn mutated_sites_end_with_a_message_never_a_crash_or_a_hang() {
    let base = base_files();
    let only: Option<usize> = std::env::var("EGIZ_MUTATION_ONLY")
        .ok()
        .map(|n| n.parse().expect("EGIZ_MUTATION_ONLY=N, a site number"));
    let sites: Vec<usize> = match only {
        Some(n) => vec![n],
        None => (0..SITES).collect(),
    };
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let outcomes = Mutex::new((0usize, Duration::ZERO));
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&index) = sites.get(at) else { break };
                    let (problems, longest) = try_site(&base, index, only.is_some());
                    let mut outcomes = outcomes.lock().expect("the tally");
                    outcomes.0 += 1;
                    outcomes.1 = outcomes.1.max(longest);
                    if !problems.is_empty() {
                        failures
                            .lock()
                            .expect("the failures")
                            .push(problems.join("\n"));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().expect("the failures");
    let (done, longest) = outcomes.into_inner().expect("the tally");
    eprintln!(
        "{done} mutated sites built and checked in {:.1} s, the longest run {:.1} s",
        start.elapsed().as_secs_f64(),
        longest.as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} of {done} mutated sites went wrong:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
