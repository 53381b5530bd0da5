//! Splitting a content file into its YAML front matter and its Markdown body.

use std::path::Path;

use crate::diagnostics::Diagnostic;

/// A content file cut in two. Line numbers are 1-based lines of the original file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split<'a> {
    pub yaml: &'a str,
    /// The file line where `yaml` starts (the line after the opening `---`).
    pub yaml_line: usize,
    pub body: &'a str,
    /// The file line where `body` starts.
    pub body_line: usize,
}

/// Front matter is the text between a first line `---` and the next line that is `---`.
pub(crate) fn split<'a>(text: &'a str, file: &Path) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let missing = || {
        Diagnostic::error("the file does not start with front matter")
            .in_file(file)
            .at(1, 1)
            .with_hint("start the file with a line `---`, then `title: ...` and the other fields, then another `---` line, then the text")
    };
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Err(missing());
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    for (line, raw_line) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        if raw_line.trim_end() == "---" {
            let body_start = offset + raw_line.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += raw_line.len();
    }
    Err(Diagnostic::error("the front matter is not closed")
        .in_file(file)
        .at(1, 1)
        .with_hint("add a line with only `---` after the last front matter field"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_body_are_cut_with_their_lines() {
        let s = split("---\ntitle: Жоба\n---\n# Мәтін\n", Path::new("a.kk.md")).expect("valid");
        assert_eq!(s.yaml, "title: Жоба\n");
        assert_eq!(s.body, "# Мәтін\n");
        assert_eq!((s.yaml_line, s.body_line), (2, 4));
    }

    #[test]
    fn windows_line_ends_and_bom_are_accepted() {
        let s = split("\u{feff}---\r\ntitle: x\r\n---\r\nbody", Path::new("a.md")).expect("valid");
        assert_eq!(s.yaml, "title: x\r\n");
        assert_eq!(s.body, "body");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = split("---\ntitle: x\n", Path::new("a.md")).expect_err("invalid");
        assert!(e.message.contains("not closed"));
        let e = split("title: x\n", Path::new("a.md")).expect_err("invalid");
        assert!(e.message.contains("does not start"));
    }

    #[test]
    fn empty_front_matter_and_body_are_fine() {
        let s = split("---\n---\n", Path::new("a.md")).expect("valid");
        assert_eq!((s.yaml, s.body), ("", ""));
    }
}
