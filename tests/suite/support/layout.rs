//! A PDF's text as laid out: every line of every page with its box and words, read with
//! `pdftotext -bbox-layout`, and the face each line is set in, read with `pdftohtml -xml`
//! (the only poppler tool that names a text's font). Enough to check page-flow rules (how
//! full a page is, how lines end, which face a contents entry uses) on a real booklet.

use std::path::Path;

use super::pdf::tool;
use super::run::arg;
use super::xml::unescape;

/// One line of text as placed, in points from the page's top-left corner.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// 1-based.
    pub page: usize,
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub words: Vec<String>,
    /// The face and size pdftohtml reports for the line (None when it found none).
    pub font: Option<Font>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Font {
    /// The embedded font's name with its subset tag (`QIJVBF+NotoSans`): two faces of one
    /// family are two subsets, so the tag tells them apart.
    pub family: String,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
}

impl Line {
    pub(crate) fn text(&self) -> String {
        self.words.join(" ")
    }

    pub(crate) fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    /// The line ends inside a word: its last word ends in a hyphen after a letter.
    pub(crate) fn ends_in_hyphen(&self) -> bool {
        self.words.last().is_some_and(|w| {
            let mut chars = w.chars().rev();
            chars.next() == Some('-') && chars.next().is_some_and(char::is_alphabetic)
        })
    }
}

/// One page: its number and its lines in reading order.
#[derive(Clone, Debug)]
pub(crate) struct PageLines {
    pub number: usize,
    pub lines: Vec<Line>,
}

/// Every page of `pdf` with its lines and their faces.
pub(crate) fn read(pdf: &Path) -> Vec<PageLines> {
    let xml = tool("pdftotext", &["-bbox-layout", arg(pdf), "-"]);
    let fonts = html_lines(pdf);
    let mut pages = Vec::new();
    for (index, page) in xml.split("<page ").skip(1).enumerate() {
        let number = index + 1;
        let mut lines = Vec::new();
        for chunk in page.split("<line ").skip(1) {
            let (attrs, body) = chunk.split_once('>').unwrap_or_default();
            let [x0, y0, x1, y1] = bounds(attrs);
            let words: Vec<String> = body
                .split("<word ")
                .skip(1)
                .filter_map(|w| {
                    let (_, rest) = w.split_once('>')?;
                    let (text, _) = rest.split_once("</word>")?;
                    Some(unescape(text))
                })
                .collect();
            let font = fonts
                .iter()
                .filter(|(p, top, left, right, _)| {
                    *p == number && (top - y0).abs() <= 3.0 && *left < x1 && *right > x0
                })
                .map(|(.., font)| font.clone())
                .next();
            lines.push(Line {
                page: number,
                x0,
                y0,
                x1,
                y1,
                words,
                font,
            });
        }
        pages.push(PageLines { number, lines });
    }
    pages
}

fn bounds(attrs: &str) -> [f32; 4] {
    ["xMin", "yMin", "xMax", "yMax"].map(|name| number_attr(attrs, name))
}

fn number_attr(attrs: &str, name: &str) -> f32 {
    text_attr(attrs, name).parse().unwrap_or(0.0)
}

fn text_attr<'a>(attrs: &'a str, name: &str) -> &'a str {
    let key = format!("{name}=\"");
    attrs
        .split_once(key.as_str())
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("", |(value, _)| value)
}

/// (page, top, left, right, font) of each `<text>` pdftohtml finds, at zoom 1 (points).
fn html_lines(pdf: &Path) -> Vec<(usize, f32, f32, f32, Font)> {
    let xml = tool(
        "pdftohtml",
        &["-xml", "-i", "-zoom", "1", "-stdout", arg(pdf)],
    );
    let mut specs: Vec<(String, f32, String)> = Vec::new();
    let mut out = Vec::new();
    for page in xml.split("<page ").skip(1) {
        let number = number_attr(page.split('>').next().unwrap_or_default(), "number") as usize;
        for spec in page.split("<fontspec ").skip(1) {
            let attrs = spec.split("/>").next().unwrap_or_default();
            specs.push((
                text_attr(attrs, "id").to_string(),
                number_attr(attrs, "size"),
                text_attr(attrs, "family").to_string(),
            ));
        }
        for text in page.split("<text ").skip(1) {
            let (attrs, body) = text.split_once('>').unwrap_or_default();
            let id = text_attr(attrs, "font");
            let Some((_, size, family)) = specs.iter().find(|(i, ..)| i == id) else {
                continue;
            };
            let top = number_attr(attrs, "top");
            let left = number_attr(attrs, "left");
            let right = left + number_attr(attrs, "width");
            let body = body.split("</text>").next().unwrap_or_default();
            out.push((
                number,
                top,
                left,
                right,
                Font {
                    family: family.clone(),
                    size: *size,
                    bold: body.contains("<b>"),
                    italic: body.contains("<i>"),
                },
            ));
        }
    }
    out
}
