//! The floor of the build benchmark: the least work any generator must do for a site.
//!
//! `floor CONTENT_DIR OUT_DIR` reads every `.md` file below CONTENT_DIR, skips its front matter
//! (between `---` or `+++` lines), renders the Markdown to HTML with pulldown-cmark and writes
//! it to OUT_DIR at the same relative path with `.html` in place of `.md`. One thread, one story
//! in memory at a time; no templates, lists, feeds or indexes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pulldown_cmark::{Options, Parser, html};

/// The options egiz renders stories with (src/markdown.rs).
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The text after a front matter block fenced by `---` or `+++` lines, or all of it.
fn body(text: &str) -> &str {
    for fence in ["---", "+++"] {
        if let Some(rest) = text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n')) {
            let close = format!("\n{fence}\n");
            if let Some(end) = rest.find(&close) {
                return &rest[end + close.len()..];
            }
        }
    }
    text
}

/// Every `.md` file below `dir`.
fn stories(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            stories(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
    Ok(())
}

fn render(content: &Path, out: &Path) -> io::Result<usize> {
    let mut files = Vec::new();
    stories(content, &mut files)?;
    files.sort();
    let mut page = String::new();
    for file in &files {
        let text = fs::read_to_string(file)?;
        page.clear();
        html::push_html(&mut page, Parser::new_ext(body(&text), options()));
        let target = out.join(file.strip_prefix(content).unwrap()).with_extension("html");
        fs::create_dir_all(target.parent().unwrap())?;
        fs::write(&target, &page)?;
    }
    Ok(files.len())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, out] = args.as_slice() else {
        eprintln!("usage: floor CONTENT_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    match render(Path::new(content), Path::new(out)) {
        Ok(n) => {
            println!("wrote {n} HTML files into {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("floor: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::body;

    #[test]
    fn front_matter_is_skipped() {
        assert_eq!(body("---\ntitle: x\n---\n\n# Hi\n"), "\n# Hi\n");
        assert_eq!(body("+++\ntitle = \"x\"\n+++\nText"), "Text");
        assert_eq!(body("# No front matter\n"), "# No front matter\n");
    }
}
