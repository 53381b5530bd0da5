//! Reading PDFs back with the system's tools: poppler's pdfinfo (page count, page boxes) and
//! pdftotext (the text of a page or of a box of it), and any other tool (pdffonts, pdftoppm,
//! zbarimg, qpdf) through [`tool`].

use std::path::Path;
use std::process::Command;

use super::run::arg;

/// Run a system tool that must be installed and succeed; its stdout.
pub(crate) fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} must be installed (poppler-utils, qpdf, zbar-tools): {e}")
    });
    assert!(
        output.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub(crate) fn page_count(path: &Path) -> usize {
    tool("pdfinfo", &[arg(path)])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

/// The text of the whole document.
pub(crate) fn document_text(path: &Path) -> String {
    tool("pdftotext", &[arg(path), "-"])
}

/// The text of page `page` (1-based), optionally only inside a box (points).
pub(crate) fn page_text(path: &Path, page: usize, area: Option<(f32, f32, f32, f32)>) -> String {
    let page = page.to_string();
    let mut args = vec!["-f", &page, "-l", &page];
    let numbers;
    if let Some((x, y, w, h)) = area {
        numbers = [x, y, w, h].map(|v| (v.round() as i64).to_string());
        args.extend([
            "-x",
            &numbers[0],
            "-y",
            &numbers[1],
            "-W",
            &numbers[2],
            "-H",
            &numbers[3],
        ]);
    }
    args.extend([arg(path), "-"]);
    tool("pdftotext", &args)
}

/// Words only: pdftotext breaks lines and hyphenates differently depending on the crop.
pub(crate) fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (name, [x1 y1 x2 y2]) of every box pdfinfo reports for page `page`.
pub(crate) fn boxes(path: &Path, page: usize) -> Vec<(String, [f32; 4])> {
    let page = page.to_string();
    tool("pdfinfo", &["-box", "-f", &page, "-l", &page, arg(path)])
        .lines()
        .filter_map(|line| {
            let (name, values) = line.split_once(':')?;
            let name = name.trim().strip_prefix("Page")?.trim();
            let (_, name) = name.split_once(' ')?;
            let values: Vec<f32> = values
                .split_whitespace()
                .filter_map(|v| v.parse().ok())
                .collect();
            let values: [f32; 4] = values.try_into().ok()?;
            Some((name.to_string(), values))
        })
        .collect()
}

pub(crate) fn find_box(boxes: &[(String, [f32; 4])], name: &str) -> [f32; 4] {
    boxes
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, b)| *b)
        .unwrap_or_else(|| panic!("no {name} in {boxes:?}"))
}
