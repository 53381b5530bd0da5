//! Page flow (issue 12, point 4) on the example booklets: every single-language PDF that
//! `egiz booklet` makes from the repository's content, read back line by line
//! ([`crate::support::layout`]), checked against the rules of a booklet that wastes nothing —
//! pages added only to reach a multiple of 4, as titled notes pages before the back cover; no
//! page under a third full but a story's last; no paragraph ending in the tail of a hyphenated
//! word, no word hyphenated across a page turn, no line ending in a one-letter preposition;
//! quote boxes whole or split with three lines on each side; headings and figure labels never
//! hyphenated; the contents in one face, sections indented under their story. Each failure
//! names the file, the page and the text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::support::layout::{Line, PageLines, read};
use crate::support::run::egiz_on;
use crate::support::site::repo;

/// The booklets' languages and the title of their notes pages and contents (the theme's
/// `notes` and `contents` strings).
const LANGUAGES: [(&str, &str, &str); 2] = [
    ("kk", "Жазбаларға арналған бет", "Мазмұны"),
    ("ru", "Для заметок", "Содержание"),
];

/// The one-letter prepositions and conjunctions no line may end with.
const ONE_LETTER: [&str; 8] = ["в", "к", "с", "у", "о", "и", "а", "я"];

/// A body line (10 pt text) is about this tall in pdftotext's boxes.
const BODY_HEIGHT: (f32, f32) = (12.5, 14.5);

/// One single-language PDF, read.
struct Booklet {
    file: String,
    lang: &'static str,
    pages: Vec<PageLines>,
    /// Titles of the stories it prints.
    stories: Vec<String>,
    /// The text area's top and bottom over the file (where body lines reach).
    top: f32,
    bottom: f32,
    /// The text area's left edge on even and on odd pages (the margins are mirrored).
    lefts: [f32; 2],
}

impl Booklet {
    fn notes_title(&self) -> &'static str {
        LANGUAGES
            .iter()
            .find(|(l, ..)| *l == self.lang)
            .map_or("", |(_, notes, _)| notes)
    }

    fn contents_title(&self) -> &'static str {
        LANGUAGES
            .iter()
            .find(|(l, ..)| *l == self.lang)
            .map_or("", |(.., contents)| contents)
    }

    /// Lines inside the text area: not the running header above it nor the folio below.
    fn text_lines<'a>(&self, page: &'a PageLines) -> Vec<&'a Line> {
        page.lines
            .iter()
            .filter(|l| l.y0 >= self.top - 4.0 && l.y1 <= self.bottom + 2.0)
            .filter(|l| !(l.words.len() == 1 && l.words[0].chars().all(|c| c.is_ascii_digit())))
            .collect()
    }

    /// The text of the topmost line (pdftotext's reading order may put another block first).
    fn first_text(&self, page: &PageLines) -> String {
        self.text_lines(page)
            .into_iter()
            .min_by(|a, b| a.y0.total_cmp(&b.y0))
            .map(|l| l.text())
            .unwrap_or_default()
    }

    fn is_notes(&self, page: &PageLines) -> bool {
        self.first_text(page) == self.notes_title()
    }

    fn is_contents(&self, page: &PageLines) -> bool {
        self.first_text(page) == self.contents_title()
    }

    /// The pages of text: not the covers, the contents or the notes pages.
    fn text_pages(&self) -> impl Iterator<Item = &PageLines> {
        let last = self.pages.len();
        self.pages.iter().filter(move |p| {
            p.number > 1 && p.number < last && !self.is_notes(p) && !self.is_contents(p)
        })
    }

    /// Whether `page` begins with a story's title (which may take several lines).
    fn starts_story(&self, page: &PageLines) -> bool {
        let lines = self.text_lines(page);
        let mut text = String::new();
        for line in lines.iter().take(4) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&line.text());
            if self.stories.iter().any(|t| same_words(t, &text)) {
                return true;
            }
        }
        false
    }

    fn left(&self, page: &PageLines) -> f32 {
        self.lefts[page.number % 2]
    }

    fn fill(&self, page: &PageLines) -> f32 {
        let low = self
            .text_lines(page)
            .iter()
            .map(|l| l.y1)
            .fold(self.top, f32::max);
        (low - self.top) / (self.bottom - self.top)
    }
}

fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Every single-language booklet PDF of the example site, made once for all tests here.
fn booklets() -> &'static [Booklet] {
    static MADE: OnceLock<Vec<Booklet>> = OnceLock::new();
    MADE.get_or_init(|| {
        // PAGE_FLOW_BOOKLETS=DIR checks PDFs made before (an older build's `booklets/`), to
        // see the rules fail where they should.
        let folder = match std::env::var_os("PAGE_FLOW_BOOKLETS") {
            Some(dir) => PathBuf::from(dir),
            None => {
                let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("page-flow");
                let _ = std::fs::remove_dir_all(&dir);
                std::fs::create_dir_all(&dir).expect("a folder for the booklets");
                let out = dir.join("out");
                egiz_on(&["booklet"], &repo(), &out, &dir).assert_success();
                out.join("booklets")
            }
        };
        let mut found = Vec::new();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
            .expect("the booklets folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for path in files {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            for (lang, ..) in LANGUAGES {
                if let Some(stem) = name.strip_suffix(&format!(".{lang}.pdf"))
                    && !stem.contains('.')
                {
                    found.push(booklet(&path, stem, lang));
                }
            }
        }
        assert!(
            found.len() >= 10,
            "the example site has at least 5 bilingual booklets"
        );
        found
    })
}

fn booklet(path: &Path, stem: &str, lang: &'static str) -> Booklet {
    let pages = read(path);
    let body: Vec<&Line> = pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| (BODY_HEIGHT.0..=BODY_HEIGHT.1).contains(&l.height()))
        .collect();
    let top = body.iter().map(|l| l.y0).fold(f32::MAX, f32::min);
    let bottom = body.iter().map(|l| l.y1).fold(0.0, f32::max);
    let left = |parity: usize| {
        body.iter()
            .filter(|l| l.page % 2 == parity)
            .map(|l| l.x0)
            .fold(f32::MAX, f32::min)
    };
    Booklet {
        lefts: [left(0), left(1)],
        file: path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string(),
        lang,
        pages,
        stories: story_titles(stem, lang),
        top,
        bottom,
    }
}

/// The front matter of a content file, if it exists.
fn front_matter(path: &Path) -> Option<serde_yaml::Value> {
    let text = std::fs::read_to_string(path).ok()?;
    let rest = text.strip_prefix("---\n")?;
    let (yaml, _) = rest.split_once("\n---")?;
    serde_yaml::from_str(yaml).ok()
}

fn content_file(folder: &str, name: &str, lang: &str) -> Option<serde_yaml::Value> {
    let base = repo().join("content").join(folder);
    front_matter(&base.join(format!("{name}.{lang}.md")))
        .or_else(|| front_matter(&base.join(name).join(format!("index.{lang}.md"))))
}

/// The titles of the stories the booklet `stem` prints (a story's own leaflet: that story).
fn story_titles(stem: &str, lang: &str) -> Vec<String> {
    // Translations inherit `stories:` from the default language's file.
    let names: Vec<String> = match content_file("booklets", stem, "kk") {
        Some(meta) => meta["stories"]
            .as_sequence()
            .map(|s| {
                s.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        None => vec![stem.to_string()],
    };
    names
        .iter()
        .filter_map(|name| content_file("projects", name, lang))
        .filter_map(|meta| meta["title"].as_str().map(str::to_string))
        .collect()
}

/// Fails with every problem found, one per line.
fn assert_none(rule: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{rule}: {} problem(s)\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn pages_are_added_only_to_reach_a_multiple_of_four_as_titled_notes_pages_before_the_back_cover() {
    let mut problems = Vec::new();
    for b in booklets() {
        let count = b.pages.len();
        if count % 4 != 0 {
            problems.push(format!("{}: {count} pages, not a multiple of 4", b.file));
        }
        let notes: Vec<usize> = b
            .pages
            .iter()
            .filter(|p| b.is_notes(p))
            .map(|p| p.number)
            .collect();
        for page in &b.pages {
            if b.text_lines(page).is_empty() {
                problems.push(format!("{} page {}: blank", b.file, page.number));
            }
        }
        let expected: Vec<usize> = (count - notes.len()..count).collect();
        if notes != expected {
            problems.push(format!(
                "{}: notes pages {notes:?} are not the pages just before the back cover",
                b.file
            ));
        }
        let needed = (4 - (count - notes.len()) % 4) % 4;
        if notes.len() != needed {
            problems.push(format!(
                "{}: {} notes pages where {needed} reach a multiple of 4",
                b.file,
                notes.len()
            ));
        }
    }
    assert_none("padding", &problems);
}

#[test]
fn a_page_under_a_third_full_is_the_last_page_of_a_story() {
    let mut problems = Vec::new();
    let mut thin_story_ends = 0;
    for b in booklets() {
        let last = b.pages.len();
        for page in b.text_pages() {
            let fill = b.fill(page);
            if fill >= 1.0 / 3.0 {
                continue;
            }
            let next = b.pages.get(page.number);
            let ends_story =
                next.is_none_or(|n| n.number == last || b.is_notes(n) || b.starts_story(n));
            if ends_story {
                thin_story_ends += 1;
            } else {
                problems.push(format!(
                    "{} page {}: {:.0} % full and the story goes on: «{}»",
                    b.file,
                    page.number,
                    fill * 100.0,
                    b.first_text(page)
                ));
            }
        }
    }
    assert_none("pages under a third full", &problems);
    // Today: only the last story's last page of a few booklets.
    assert!(thin_story_ends <= 12, "{thin_story_ends} thin story ends");
}

/// Lines of text pages in reading order, with the right edge of their page's text.
fn text_runs(b: &Booklet) -> Vec<(&PageLines, Vec<&Line>, f32)> {
    b.text_pages()
        .map(|page| {
            let lines = b.text_lines(page);
            let right = lines.iter().map(|l| l.x1).fold(0.0, f32::max);
            (page, lines, right)
        })
        .collect()
}

#[test]
fn no_paragraph_ends_in_the_tail_of_a_hyphenated_word() {
    let mut problems = Vec::new();
    let mut hyphenated = 0;
    for b in booklets() {
        for (page, lines, right) in text_runs(b) {
            for pair in lines.windows(2) {
                let [line, next] = pair else { continue };
                if !line.ends_in_hyphen() {
                    continue;
                }
                hyphenated += 1;
                let below = next.y0 > line.y0 + 1.0 && (next.y0 - line.y1) < 6.0;
                if below && next.words.len() == 1 && next.x1 < right - 2.0 {
                    problems.push(format!(
                        "{} page {}: «{}» / «{}»",
                        b.file,
                        page.number,
                        line.text(),
                        next.text()
                    ));
                }
            }
        }
    }
    assert!(
        hyphenated > 50,
        "the booklets hyphenate ({hyphenated} lines)"
    );
    assert_none("hyphenated tails", &problems);
}

#[test]
fn no_word_is_hyphenated_across_a_page_turn() {
    let mut problems = Vec::new();
    for b in booklets() {
        for (page, lines, _) in text_runs(b) {
            let Some(last) = lines.iter().max_by(|a, c| a.y1.total_cmp(&c.y1)) else {
                continue;
            };
            if last.ends_in_hyphen() {
                problems.push(format!(
                    "{} page {} ends in «{}»",
                    b.file,
                    page.number,
                    last.text()
                ));
            }
        }
    }
    assert_none("hyphens at a page turn", &problems);
}

#[test]
fn no_line_ends_in_a_one_letter_preposition_or_conjunction() {
    let mut problems = Vec::new();
    let mut lines_seen = 0;
    for b in booklets() {
        for page in &b.pages {
            for line in &page.lines {
                lines_seen += 1;
                let Some(last) = line.words.last() else {
                    continue;
                };
                let word = last
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                if line.words.len() > 1 && ONE_LETTER.contains(&word.as_str()) {
                    problems.push(format!(
                        "{} page {}: «{}»",
                        b.file,
                        page.number,
                        line.text()
                    ));
                }
            }
        }
    }
    assert!(lines_seen > 1000, "{lines_seen} lines read");
    assert_none("one-letter words at a line end", &problems);
}

/// A line of a quote or testimonial box: italic and indented from the text's left edge, or
/// the attribution under it («— Name»).
fn in_box(line: &Line, left: f32) -> bool {
    let italic = line.font.as_ref().is_some_and(|f| f.italic);
    (italic && line.x0 > left + 4.0) || is_attribution(line)
}

fn is_attribution(line: &Line) -> bool {
    line.words.first().is_some_and(|w| w == "—") && line.x0 > 60.0
}

#[test]
fn quote_boxes_stay_whole_or_split_with_three_lines_on_each_side() {
    let mut problems = Vec::new();
    let mut boxed = 0;
    for b in booklets() {
        let runs = text_runs(b);
        for pair in runs.windows(2) {
            let [(page, lines, _), (next, next_lines, _)] = pair else {
                continue;
            };
            if next.number != page.number + 1 {
                continue;
            }
            let mut bottom: Vec<&Line> = lines.clone();
            bottom.sort_by(|a, c| a.y0.total_cmp(&c.y0));
            let end: Vec<&&Line> = bottom
                .iter()
                .rev()
                .take_while(|l| in_box(l, b.left(page)))
                .collect();
            let mut top: Vec<&Line> = next_lines.clone();
            top.sort_by(|a, c| a.y0.total_cmp(&c.y0));
            let start: Vec<&&Line> = top.iter().take_while(|l| in_box(l, b.left(next))).collect();
            boxed += lines.iter().filter(|l| in_box(l, b.left(page))).count();
            if end.is_empty() || start.is_empty() {
                continue;
            }
            let count = |ls: &[&&Line]| ls.iter().filter(|l| !is_attribution(l)).count();
            let (before, after) = (count(&end), count(&start));
            if before < 3 || after < 3 {
                problems.push(format!(
                    "{} pages {}–{}: a box split {before} + {after} lines, «{}» / «{}»",
                    b.file,
                    page.number,
                    next.number,
                    end.last().map(|l| l.text()).unwrap_or_default(),
                    start.first().map(|l| l.text()).unwrap_or_default()
                ));
            }
        }
    }
    assert!(boxed > 20, "the booklets have quote boxes ({boxed} lines)");
    assert_none("split boxes", &problems);
}

/// Headings (bold display type) and the labels of result figures (small sans type): never
/// hyphenated.
#[test]
fn headings_and_figure_labels_are_never_hyphenated() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for b in booklets() {
        for page in &b.pages {
            for line in &page.lines {
                let Some(font) = &line.font else { continue };
                let sans = font.family.contains("Sans");
                let display = sans && (font.bold || font.size < 8.6);
                if !display {
                    continue;
                }
                checked += 1;
                if line.ends_in_hyphen() {
                    problems.push(format!(
                        "{} page {}: «{}» ({} {} pt)",
                        b.file,
                        page.number,
                        line.text(),
                        font.family,
                        font.size
                    ));
                }
            }
        }
    }
    assert!(checked > 200, "{checked} heading and label lines");
    assert_none("hyphenated headings and labels", &problems);
}

#[test]
fn the_contents_show_each_story_with_its_sections_under_it_in_one_face() {
    let mut problems = Vec::new();
    let mut sections = 0;
    for b in booklets() {
        let Some(page) = b.pages.iter().find(|p| b.is_contents(p)) else {
            continue;
        };
        let title = b.contents_title();
        let entries: Vec<&Line> = b
            .text_lines(page)
            .into_iter()
            .filter(|l| l.text() != title)
            .collect();
        let faces: BTreeMap<String, usize> =
            entries.iter().fold(BTreeMap::new(), |mut faces, line| {
                let face = line.font.as_ref().map_or("none".to_string(), |f| {
                    format!(
                        "{} {} pt{}",
                        f.family,
                        f.size,
                        if f.bold { " bold" } else { "" }
                    )
                });
                *faces.entry(face).or_default() += 1;
                faces
            });
        if faces.len() != 1 {
            problems.push(format!(
                "{} page {}: the contents use {} faces: {faces:?}",
                b.file,
                page.number,
                faces.len()
            ));
        }
        let left = entries.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
        let text: String = entries.iter().map(|l| l.text() + " ").collect();
        let mut under_story = false;
        for line in &entries {
            if line.x0 <= left + 1.0 {
                let starts = b
                    .stories
                    .iter()
                    .any(|t| t.split_whitespace().next() == line.words.first().map(String::as_str));
                under_story |= starts;
            } else if line
                .words
                .iter()
                .any(|w| w.chars().any(char::is_alphabetic))
            {
                sections += 1;
                if !under_story {
                    problems.push(format!(
                        "{} page {}: «{}» is indented under no story",
                        b.file,
                        page.number,
                        line.text()
                    ));
                }
            }
        }
        for title in &b.stories {
            if !text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&title.split_whitespace().collect::<Vec<_>>().join(" "))
            {
                problems.push(format!("{}: the contents miss «{title}»", b.file));
            }
        }
    }
    assert!(sections >= 8, "{sections} section entries in the contents");
    assert_none("contents", &problems);
}

/// Whether two headings say the same: every word of the shorter (of three letters or more)
/// shares its first six letters with a word of the other («Нәтиже» and «Нәтижелер»,
/// «Жобаның нәтижелері» and «Нәтижелер»).
fn near_same(a: &str, b: &str) -> bool {
    let stem = |w: &str| -> String { w.to_lowercase().chars().take(6).collect() };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .map(stem)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}

/// Two headings in a row that say the same («Нәтиже», then «Нәтижелер»).
#[test]
fn no_heading_repeats_the_one_before_it() {
    assert!(near_same("Нәтиже", "Нәтижелер") && near_same("Жобаның нәтижелері", "Нәтижелер"));
    assert!(!near_same("Кім көмектесті", "Жақыныңа көмектес"));
    let mut problems = Vec::new();
    for b in booklets() {
        let mut previous: Option<(usize, String)> = None;
        // The last heading line: a heading's next line continues it.
        let mut last_line: Option<&Line> = None;
        for page in b.text_pages() {
            for line in b.text_lines(page) {
                let heading = line
                    .font
                    .as_ref()
                    .is_some_and(|f| f.bold && f.family.contains("Sans") && f.size >= 12.5);
                if !heading {
                    last_line = None;
                    continue;
                }
                let text = line.text();
                let continues = last_line.is_some_and(|l| {
                    l.page == line.page && l.font == line.font && line.y0 - l.y1 < 6.0
                });
                last_line = Some(line);
                if continues {
                    if let Some((_, before)) = &mut previous {
                        before.push(' ');
                        before.push_str(&text);
                    }
                    continue;
                }
                if let Some((at, before)) = &previous
                    && near_same(before, &text)
                {
                    problems.push(format!(
                        "{} page {}: «{text}» after «{before}» (page {at})",
                        b.file, page.number
                    ));
                }
                previous = Some((page.number, text));
            }
        }
    }
    assert_none("repeated headings", &problems);
}
