//! A structural PDF/X-4 preflight, read with lopdf: the output intent and its profile, the XMP
//! version key and the Info keys, the page boxes, embedded fonts, colour spaces anywhere in the
//! file, and the colours the content streams set (total ink, text, registration marks); plus
//! `pdfimages -list` read into rows.

use std::collections::BTreeMap;
use std::path::Path;

use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId};

use super::pdf::tool;
use super::run::arg;

/// What the content streams of a file paint with.
#[derive(Debug, Default)]
pub(crate) struct Inks {
    /// The largest total of any `k`/`K` (or CMYK `sc`/`scn`) colour, 1.0 = 100 %.
    pub max_ink: f32,
    /// Fill colours of text-showing operators, with how many operators showed text in each.
    pub text: BTreeMap<String, usize>,
    /// `rg`/`RG`/`g`/`G` and other non-CMYK colour operators found.
    pub other_operators: Vec<String>,
    /// Points of paths stroked in the registration colour, per page (0-based).
    pub registration_points: Vec<(usize, f32, f32)>,
    /// Registration used to fill (never wanted: marks are hairlines).
    pub registration_fills: usize,
}

pub(crate) fn load(path: &Path) -> Document {
    Document::load(path).unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()))
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        other => other,
    }
}

pub(crate) fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a lopdf::Dictionary {
    match resolve(doc, object) {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        other => panic!("not a dictionary: {other:?}"),
    }
}

pub(crate) fn text(object: &Object) -> String {
    match object {
        Object::String(bytes, _) => String::from_utf8_lossy(bytes).into_owned(),
        Object::Name(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        other => format!("{other:?}"),
    }
}

/// The first output intent: (S, OutputConditionIdentifier, N of its profile, profile bytes).
pub(crate) fn output_intent(doc: &Document) -> (String, String, i64, Vec<u8>) {
    let catalog = doc.catalog().expect("a catalog");
    let intents = catalog
        .get(b"OutputIntents")
        .expect("/OutputIntents in the catalog");
    let intents = resolve(doc, intents).as_array().expect("an array");
    let intent = dict(doc, intents.first().expect("one output intent"));
    let profile = intent
        .get(b"DestOutputProfile")
        .expect("a /DestOutputProfile");
    let Object::Stream(stream) = resolve(doc, profile) else {
        panic!("the profile is not a stream");
    };
    let n = stream.dict.get(b"N").and_then(Object::as_i64).expect("/N");
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    (
        text(intent.get(b"S").expect("/S")),
        text(
            intent
                .get(b"OutputConditionIdentifier")
                .expect("an identifier"),
        ),
        n,
        bytes,
    )
}

/// The catalog's XMP packet.
pub(crate) fn xmp(doc: &Document) -> String {
    let catalog = doc.catalog().expect("a catalog");
    let Object::Stream(stream) = resolve(doc, catalog.get(b"Metadata").expect("/Metadata")) else {
        panic!("/Metadata is not a stream");
    };
    String::from_utf8(
        stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone()),
    )
    .expect("XMP is UTF-8")
}

pub(crate) fn info(doc: &Document) -> &lopdf::Dictionary {
    dict(doc, doc.trailer.get(b"Info").expect("/Info"))
}

/// [x1 y1 x2 y2] of each box of every page.
pub(crate) fn page_boxes(doc: &Document) -> Vec<BTreeMap<String, [f32; 4]>> {
    doc.get_pages()
        .values()
        .map(|id| {
            let page = doc.get_dictionary(*id).expect("a page");
            ["MediaBox", "BleedBox", "TrimBox"]
                .into_iter()
                .filter_map(|name| {
                    let values = resolve(doc, page.get(name.as_bytes()).ok()?)
                        .as_array()
                        .ok()?;
                    let v: Vec<f32> = values.iter().filter_map(|o| o.as_float().ok()).collect();
                    Some((name.to_string(), v.try_into().ok()?))
                })
                .collect()
        })
        .collect()
}

/// Every name anywhere in the file (dictionaries, arrays, stream dictionaries).
pub(crate) fn names(doc: &Document) -> BTreeMap<String, usize> {
    fn walk(object: &Object, found: &mut BTreeMap<String, usize>) {
        match object {
            Object::Name(n) => {
                *found
                    .entry(String::from_utf8_lossy(n).into_owned())
                    .or_default() += 1
            }
            Object::Array(items) => items.iter().for_each(|i| walk(i, found)),
            Object::Dictionary(d) => d.iter().for_each(|(_, v)| walk(v, found)),
            Object::Stream(s) => s.dict.iter().for_each(|(_, v)| walk(v, found)),
            _ => {}
        }
    }
    let mut found = BTreeMap::new();
    for object in doc.objects.values() {
        walk(object, &mut found);
    }
    found
}

/// Fonts whose program is not embedded (by BaseFont).
pub(crate) fn unembedded_fonts(doc: &Document) -> Vec<String> {
    let mut missing = Vec::new();
    for object in doc.objects.values() {
        let Ok(font) = object.as_dict() else { continue };
        if font.get(b"Type").map(text).ok().as_deref() != Some("Font")
            || font.get(b"Subtype").map(text).ok().as_deref() == Some("Type0")
        {
            continue;
        }
        let embedded = font
            .get(b"FontDescriptor")
            .map(|d| dict(doc, d))
            .is_ok_and(|d| d.has(b"FontFile") || d.has(b"FontFile2") || d.has(b"FontFile3"));
        if !embedded {
            missing.push(font.get(b"BaseFont").map(text).unwrap_or_default());
        }
    }
    missing
}

fn numbers(operands: &[Object]) -> Vec<f32> {
    operands.iter().filter_map(|o| o.as_float().ok()).collect()
}

/// Reads the colour operators of every page's content stream (and of any form XObject) in
/// order; the registration colour is the separation named in each page's resources.
pub(crate) fn inks(doc: &Document) -> Inks {
    let mut inks = Inks::default();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for (index, page) in pages.iter().enumerate() {
        let separations = separations(doc, *page);
        let content = doc.get_page_content(*page);
        read_stream(&content, index, &separations, &mut inks);
    }
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object
            && stream.dict.get(b"Subtype").map(text).ok().as_deref() == Some("Form")
        {
            let content = stream.decompressed_content().unwrap_or_default();
            read_stream(&content, usize::MAX, &[], &mut inks);
        }
    }
    inks
}

/// Resource names of the page's /Separation colour spaces whose colorant is /All.
fn separations(doc: &Document, page: ObjectId) -> Vec<String> {
    let page = doc.get_dictionary(page).expect("a page");
    let Ok(resources) = page.get(b"Resources").map(|r| dict(doc, r)) else {
        return Vec::new();
    };
    let Ok(spaces) = resources.get(b"ColorSpace").map(|s| dict(doc, s)) else {
        return Vec::new();
    };
    spaces
        .iter()
        .filter(|(_, space)| {
            resolve(doc, space).as_array().is_ok_and(|a| {
                a.first().map(text).as_deref() == Some("Separation")
                    && a.get(1).map(text).as_deref() == Some("All")
            })
        })
        .map(|(name, _)| String::from_utf8_lossy(name).into_owned())
        .collect()
}

fn read_stream(content: &[u8], page: usize, separations: &[String], inks: &mut Inks) {
    let content = Content::decode(content).expect("a content stream");
    let mut fill = String::from("(default black)");
    let mut fill_space = String::new();
    let mut stroke_space = String::new();
    let mut path: Vec<(f32, f32)> = Vec::new();
    for op in content.operations {
        let values = numbers(&op.operands);
        match op.operator.as_str() {
            "k" | "K" => {
                inks.max_ink = inks.max_ink.max(values.iter().sum());
                if op.operator == "k" {
                    fill = format!("{values:?}");
                }
            }
            "cs" | "CS" => {
                let name = op.operands.first().map(text).unwrap_or_default();
                if op.operator == "cs" {
                    fill_space = name;
                } else {
                    stroke_space = name;
                }
            }
            "sc" | "scn" | "SC" | "SCN" => {
                let space = if op.operator.starts_with('s') {
                    &fill_space
                } else {
                    &stroke_space
                };
                if separations.contains(space) {
                    if op.operator.starts_with('s') {
                        inks.registration_fills += 1;
                    }
                } else if values.len() == 4 {
                    inks.max_ink = inks.max_ink.max(values.iter().sum());
                } else {
                    inks.other_operators
                        .push(format!("{} {space}", op.operator));
                }
                if op.operator.starts_with('s') {
                    fill = format!("{space} {values:?}");
                }
            }
            "rg" | "RG" | "g" | "G" => inks.other_operators.push(op.operator.clone()),
            "Tj" | "TJ" | "'" | "\"" => *inks.text.entry(fill.clone()).or_default() += 1,
            "m" | "l" => {
                if let [x, y] = values[..] {
                    path.push((x, y));
                }
            }
            "S" | "s" => {
                if separations.contains(&stroke_space) {
                    inks.registration_points
                        .extend(path.iter().map(|(x, y)| (page, *x, *y)));
                }
                path.clear();
            }
            "f" | "F" | "f*" | "B" | "b" | "n" => path.clear(),
            _ => {}
        }
    }
}

/// The `/Filter` of object `number` (poppler 22's pdfimages calls Flate data "image", the same
/// as raw pixels, so the filter is read here).
pub(crate) fn filter(doc: &Document, number: u32) -> String {
    match doc.get_object((number, 0)) {
        Ok(Object::Stream(s)) => s.dict.get(b"Filter").map(text).unwrap_or_default(),
        _ => String::new(),
    }
}

/// One row of `pdfimages -list`.
#[derive(Debug)]
pub(crate) struct ImageRow {
    pub page: usize,
    pub width: u32,
    pub color: String,
    pub enc: String,
    pub x_ppi: u32,
    pub y_ppi: u32,
    /// The image's object number.
    pub object: u32,
}

pub(crate) fn images(path: &Path) -> Vec<ImageRow> {
    tool("pdfimages", &["-list", arg(path)])
        .lines()
        .skip(2)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            Some(ImageRow {
                page: cols.first()?.parse().ok()?,
                width: cols.get(3)?.parse().ok()?,
                color: cols.get(5)?.to_string(),
                enc: cols.get(8)?.to_string(),
                x_ppi: cols.get(12)?.parse().ok()?,
                y_ppi: cols.get(13)?.parse().ok()?,
                object: cols.get(10)?.parse().ok()?,
            })
        })
        .collect()
}
