//! The lopdf pass after printpdf: real page boxes, Info and Catalog metadata, nested
//! outlines, indirect link annotations, compression and a content-derived `/ID`.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::error::{PdfError, finite};
use crate::print::display::{Outline, Page, Rect};
use crate::units::Pt;

/// Stands in for the document ID while writing; replaced by a hash of the output.
const ID_PLACEHOLDER: &[u8; 32] = b"egiz-document-id-placeholder-000";

/// What the Info dictionary and the Catalog say about the document.
#[derive(Clone, Debug, PartialEq, Default)]
pub(crate) struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// BCP 47 code for the Catalog `/Lang`.
    pub lang: String,
    /// (year, month, day): both creation and modification date, so builds are reproducible.
    pub date: (i32, u8, u8),
    pub creator: String,
}

/// Applies every fix to the document printpdf produced.
pub(super) fn apply(doc: &mut Document, pages: &[Page], outline: &[Outline], meta: &Meta) {
    // /Lang, page boxes beyond MediaBox and UTF-16 outline titles are PDF 1.4+ features.
    doc.version = "1.7".to_string();
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for (id, page) in page_ids.iter().zip(pages) {
        fix_page(doc, *id, page);
    }
    let outlines = build_outlines(doc, &page_ids, pages, outline);
    set_info(doc, meta);
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Lang", text_string(&meta.lang));
        match outlines {
            Some(root) => {
                catalog.set("Outlines", Object::Reference(root));
                catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
            }
            None => {
                catalog.remove(b"Outlines");
                catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
            }
        }
    }
    // printpdf's IDs come from a process-wide counter: two writes would differ.
    let placeholder = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Literal);
    doc.trailer
        .set("ID", Object::Array(vec![placeholder.clone(), placeholder]));
}

/// Compresses and serializes; the `/ID` becomes a hash of everything else.
pub(super) fn save(mut doc: Document) -> Result<Vec<u8>, PdfError> {
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    let mut hash = Fnv::new();
    hash.write(&bytes);
    let first = hash.finish();
    hash.write(b"instance");
    let id = format!("{first:016x}{:016x}", hash.finish());
    replace_in_trailer(&mut bytes, ID_PLACEHOLDER, id.as_bytes());
    Ok(bytes)
}

/// Overwrites every `from` after the last `trailer` keyword with `to` (same length,
/// so the cross-reference offsets stay valid).
fn replace_in_trailer(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    if from.len() != to.len() || from.is_empty() {
        return;
    }
    let start = bytes.windows(7).rposition(|w| w == b"trailer").unwrap_or(0);
    let mut pos = start;
    while let Some(window) = bytes.get(pos..pos + from.len()) {
        if window == from {
            if let Some(target) = bytes.get_mut(pos..pos + to.len()) {
                target.copy_from_slice(to);
            }
            pos += from.len();
        } else {
            pos += 1;
        }
    }
}

/// Page boxes as corner rectangles, and link annotations as indirect objects.
fn fix_page(doc: &mut Document, id: ObjectId, page: &Page) {
    let media = Rect {
        x: Pt(0.0),
        y: Pt(0.0),
        w: page.width,
        h: page.height,
    };
    let annots: Vec<Object> = doc
        .get_dictionary(id)
        .ok()
        .and_then(|dict| dict.get(b"Annots").ok())
        .and_then(|annots| annots.as_array().ok())
        .cloned()
        .unwrap_or_default();
    let annots: Vec<Object> = annots
        .into_iter()
        .map(|annot| match annot {
            Object::Dictionary(dict) => Object::Reference(doc.add_object(dict)),
            other => other,
        })
        .collect();
    let Ok(dict) = doc.get_dictionary_mut(id) else {
        return;
    };
    dict.set("MediaBox", corners(&media));
    dict.set("CropBox", corners(&media));
    dict.set("TrimBox", corners(page.trim.as_ref().unwrap_or(&media)));
    dict.set("BleedBox", corners(page.bleed.as_ref().unwrap_or(&media)));
    if annots.is_empty() {
        dict.remove(b"Annots");
    } else {
        dict.set("Annots", Object::Array(annots));
    }
}

/// `[x1 y1 x2 y2]` with x1 <= x2 and y1 <= y2, whatever the sign of w and h.
fn corners(rect: &Rect) -> Object {
    let (x1, x2) = (rect.x.0, rect.x.0 + rect.w.0);
    let (y1, y2) = (rect.y.0, rect.y.0 + rect.h.0);
    Object::Array(
        [x1.min(x2), y1.min(y2), x1.max(x2), y1.max(y2)]
            .into_iter()
            .map(|v| Object::Real(finite(v)))
            .collect(),
    )
}

fn set_info(doc: &mut Document, meta: &Meta) {
    let date = pdf_date(meta.date);
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    info.set("Subject", text_string(&meta.subject));
    info.set("Creator", text_string(&meta.creator));
    info.set("Producer", text_string("egiz (printpdf)"));
    info.set("CreationDate", Object::string_literal(date.clone()));
    info.set("ModDate", Object::string_literal(date));
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, Object::Dictionary(info));
        }
        Err(_) => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", Object::Reference(id));
        }
    }
}

/// `D:YYYYMMDD000000Z`, fields clamped to valid ranges.
fn pdf_date((year, month, day): (i32, u8, u8)) -> String {
    format!(
        "D:{:04}{:02}{:02}000000Z",
        year.clamp(0, 9999),
        month.clamp(1, 12),
        day.clamp(1, 31)
    )
}

/// A PDF text string: plain bytes for ASCII, UTF-16BE with a byte-order mark otherwise.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::string_literal(text);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Builds the outline tree from the flat, level-numbered list; returns the root.
/// A level deeper than its predecessor's nests under it; all items start open.
fn build_outlines(
    doc: &mut Document,
    page_ids: &[ObjectId],
    pages: &[Page],
    outline: &[Outline],
) -> Option<ObjectId> {
    let last_page = page_ids.len().checked_sub(1)?;
    if outline.is_empty() {
        return None;
    }
    let tree = OutlineTree::new(outline);
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = outline.iter().map(|_| doc.new_object_id()).collect();
    let id_of = |i: usize| ids.get(i).copied().map(Object::Reference);
    for (i, item) in outline.iter().enumerate() {
        let page = item.page.min(last_page);
        let page_id = page_ids.get(page).copied().map(Object::Reference);
        let y = item
            .y
            .0
            .min(pages.get(page).map_or(f32::MAX, |p| p.height.0));
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&item.title));
        dict.set(
            "Parent",
            tree.parent(i)
                .and_then(id_of)
                .unwrap_or(Object::Reference(root)),
        );
        let siblings = tree.siblings(i);
        if let Some(pos) = siblings.iter().position(|&s| s == i) {
            if let Some(prev) = pos.checked_sub(1).and_then(|p| siblings.get(p)) {
                dict.set("Prev", id_of(*prev).unwrap_or(Object::Null));
            }
            if let Some(next) = siblings.get(pos + 1) {
                dict.set("Next", id_of(*next).unwrap_or(Object::Null));
            }
        }
        let children = tree.children(i);
        if let (Some(first), Some(last)) = (children.first(), children.last()) {
            dict.set("First", id_of(*first).unwrap_or(Object::Null));
            dict.set("Last", id_of(*last).unwrap_or(Object::Null));
            dict.set("Count", tree.descendants(i) as i64);
        }
        dict.set(
            "Dest",
            Object::Array(vec![
                page_id.unwrap_or(Object::Null),
                Object::Name(b"XYZ".to_vec()),
                Object::Integer(0),
                Object::Real(finite(y)),
                Object::Integer(0),
            ]),
        );
        if let Some(id) = ids.get(i) {
            doc.objects.insert(*id, Object::Dictionary(dict));
        }
    }
    let mut root_dict = Dictionary::new();
    root_dict.set("Type", Object::Name(b"Outlines".to_vec()));
    let top = tree.children_of(None);
    root_dict.set(
        "First",
        top.first().and_then(|&i| id_of(i)).unwrap_or(Object::Null),
    );
    root_dict.set(
        "Last",
        top.last().and_then(|&i| id_of(i)).unwrap_or(Object::Null),
    );
    root_dict.set("Count", outline.len() as i64);
    doc.objects.insert(root, Object::Dictionary(root_dict));
    Some(root)
}

/// Parent links of the outline items, derived from their levels.
struct OutlineTree {
    parents: Vec<Option<usize>>,
}

impl OutlineTree {
    fn new(outline: &[Outline]) -> OutlineTree {
        let mut parents = Vec::with_capacity(outline.len());
        let mut open: Vec<(u8, usize)> = Vec::new(); // (level, item) from the root down
        for (i, item) in outline.iter().enumerate() {
            let level = item.level.max(1);
            while open.last().is_some_and(|&(l, _)| l >= level) {
                open.pop();
            }
            parents.push(open.last().map(|&(_, p)| p));
            open.push((level, i));
        }
        OutlineTree { parents }
    }

    fn parent(&self, i: usize) -> Option<usize> {
        self.parents.get(i).copied().flatten()
    }

    fn children_of(&self, parent: Option<usize>) -> Vec<usize> {
        (0..self.parents.len())
            .filter(|&i| self.parents.get(i).copied().flatten() == parent)
            .collect()
    }

    fn children(&self, i: usize) -> Vec<usize> {
        self.children_of(Some(i))
    }

    fn siblings(&self, i: usize) -> Vec<usize> {
        self.children_of(self.parent(i))
    }

    /// All items below `i` (every item is open, so all count as visible).
    fn descendants(&self, i: usize) -> usize {
        self.children(i)
            .into_iter()
            .map(|c| 1 + self.descendants(c))
            .sum()
    }
}

/// 64-bit FNV-1a: a small, stable hash for subset tags and the document ID.
pub(super) struct Fnv(u64);

impl Fnv {
    pub(super) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(super) fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub(super) fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Pt;

    fn item(level: u8) -> Outline {
        Outline {
            title: String::new(),
            level,
            page: 0,
            y: Pt(0.0),
        }
    }

    #[test]
    fn outline_levels_nest_and_skipped_levels_attach_to_the_nearest_parent() {
        let tree = OutlineTree::new(&[item(1), item(2), item(3), item(2), item(1), item(3)]);
        assert_eq!(
            tree.parents,
            vec![None, Some(0), Some(1), Some(0), None, Some(4)]
        );
        assert_eq!(tree.children_of(None), vec![0, 4]);
        assert_eq!(tree.descendants(0), 3);
        assert_eq!(tree.siblings(3), vec![1, 3]);
    }

    #[test]
    fn corners_normalize_negative_sizes() {
        let rect = Rect {
            x: Pt(10.0),
            y: Pt(20.0),
            w: Pt(-5.0),
            h: Pt(30.0),
        };
        let Object::Array(values) = corners(&rect) else {
            panic!("not an array");
        };
        let values: Vec<f32> = values.iter().filter_map(|v| v.as_float().ok()).collect();
        assert_eq!(values, vec![5.0, 20.0, 10.0, 50.0]);
    }

    #[test]
    fn dates_are_clamped_into_pdf_form() {
        assert_eq!(pdf_date((2025, 3, 7)), "D:20250307000000Z");
        assert_eq!(pdf_date((2025, 0, 40)), "D:20250131000000Z");
    }

    #[test]
    fn non_ascii_text_strings_are_utf16_with_bom() {
        let Object::String(bytes, _) = text_string("Әл") else {
            panic!("not a string");
        };
        assert_eq!(bytes, vec![0xFE, 0xFF, 0x04, 0xD8, 0x04, 0x3B]);
    }

    #[test]
    fn placeholder_is_replaced_only_after_the_trailer_keyword() {
        let mut bytes = b"AAAA trailer AAAA BBB AAAA".to_vec();
        replace_in_trailer(&mut bytes, b"AAAA", b"1234");
        assert_eq!(bytes, b"AAAA trailer 1234 BBB 1234".to_vec());
    }
}
