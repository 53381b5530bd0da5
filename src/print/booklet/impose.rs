//! Page-level operations on finished pages: saddle-stitch imposition (two pages on each side
//! of a sheet, in the order that folding a stack of sheets gives back), print-shop pages with
//! bleed, trim and bleed boxes and crop marks, and turning pages upside down in a written PDF
//! (`/Rotate 180`) for tête-bêche booklets.
//!
//! Imposition and bleed work on the display lists (the same draws the single edition writes),
//! so every edition shows exactly the same setting; only the rotation works on PDF bytes.

use std::ops::Range;

use crate::print::display::{Color, Draw, Page, Rect, translate};
use crate::print::pdf::PdfError;
use crate::units::Paper;
use crate::units::{Mm, Pt};

/// The bleed print shops ask for.
pub(crate) const BLEED: Mm = Mm(3.0);
/// Crop marks start this far outside the bleed, so that no mark shows on a trimmed page.
const MARK_GAP: Mm = Mm(2.0);
/// Room for a mark (it ends 1 pt before the sheet's edge).
const MARK_LENGTH: Mm = Mm(6.0);
/// Registration black: a mark printed on every plate.
const MARK_COLOR: Color = Color::REGISTRATION;

/// Where the two pages of each sheet side go, from the outermost sheet inwards, front then
/// back: `[left, right]` page indices (0-based) for `pages` pages, a multiple of 4.
/// Sheet i: front = [N−2i, 2i+1], back = [2i+2, N−2i−1] in 1-based page numbers.
pub(crate) fn saddle_stitch_order(pages: usize) -> Vec<[usize; 2]> {
    let n = pages.next_multiple_of(4);
    let mut sides = Vec::with_capacity(n / 2);
    for i in 0..n / 4 {
        sides.push([n - 1 - 2 * i, 2 * i]);
        sides.push([2 * i + 1, n - 2 - 2 * i]);
    }
    sides
}

/// The sheet a booklet of `paper` is printed on 2-up, landscape: A5 on A4, A4 on A3, A6 on A5,
/// Letter on Tabloid; any other size on a sheet exactly two pages wide.
pub(crate) fn sheet_size(paper: Paper) -> (Pt, Pt) {
    let (w, h) = match paper.name {
        "A6" => (210.0, 148.0),
        "A5" => (297.0, 210.0),
        "A4" => (420.0, 297.0),
        "Letter" => (431.8, 279.4),
        _ => (paper.width.0 * 2.0, paper.height.0),
    };
    (Pt::from(Mm(w)), Pt::from(Mm(h)))
}

/// Places `pages` two by two on sheets of `sheet` size in saddle-stitch order (padding with
/// blank pages to a multiple of 4 at the end), the spine at the middle of each sheet. Inner
/// sheets are shifted towards the spine by `creep` per sheet from the outside, so that their
/// outer margins survive trimming. Links are dropped: the sheets are for printing.
pub(crate) fn impose(pages: &[Page], sheet: (Pt, Pt), creep: Pt) -> Vec<Page> {
    let Some(first) = pages.first() else {
        return Vec::new();
    };
    let (page_w, page_h) = (first.width.0, first.height.0);
    let (sheet_w, sheet_h) = (sheet.0.0, sheet.1.0);
    let spine = sheet_w / 2.0;
    let bottom = (sheet_h - page_h) / 2.0;
    saddle_stitch_order(pages.len())
        .into_iter()
        .enumerate()
        .map(|(side, [left, right])| {
            let shift = creep.0 * (side / 2) as f32;
            let mut draws = Vec::new();
            for (index, x) in [(left, spine - page_w + shift), (right, spine - shift)] {
                if let Some(page) = pages.get(index) {
                    draws.extend(
                        page.draws
                            .iter()
                            .filter(|d| !matches!(d, Draw::Link { .. }))
                            .cloned()
                            .map(|mut d| {
                                translate(&mut d, x, bottom);
                                d
                            }),
                    );
                }
            }
            Page {
                width: Pt(sheet_w),
                height: Pt(sheet_h),
                trim: None,
                bleed: None,
                draws,
            }
        })
        .collect()
}

/// A page for a print shop: the page (composed with `bleed` of overhang past its edges) on a
/// larger sheet with room for the bleed and crop marks around it, TrimBox at the page, BleedBox
/// `bleed` beyond it, crop marks at the corners outside the bleed; links are dropped.
pub(crate) fn print_shop(page: &Page, bleed: Pt) -> Page {
    let margin = bleed.0 + Pt::from(MARK_GAP).0 + Pt::from(MARK_LENGTH).0;
    let (w, h) = (page.width.0, page.height.0);
    // No links: paper has none, and PDF/X allows no annotations on the printed area.
    let mut draws: Vec<Draw> = page
        .draws
        .iter()
        .filter(|d| !matches!(d, Draw::Link { .. }))
        .cloned()
        .map(|mut d| {
            translate(&mut d, margin, margin);
            d
        })
        .collect();
    draws.extend(crop_marks(margin, w, h, bleed.0));
    Page {
        width: Pt(w + 2.0 * margin),
        height: Pt(h + 2.0 * margin),
        trim: Some(Rect {
            x: Pt(margin),
            y: Pt(margin),
            w: Pt(w),
            h: Pt(h),
        }),
        bleed: Some(Rect {
            x: Pt(margin - bleed.0),
            y: Pt(margin - bleed.0),
            w: Pt(w + 2.0 * bleed.0),
            h: Pt(h + 2.0 * bleed.0),
        }),
        draws,
    }
}

/// Eight hairlines, two at each corner, in line with the trim edges and starting outside the
/// bleed.
fn crop_marks(margin: f32, w: f32, h: f32, bleed: f32) -> Vec<Draw> {
    let start = bleed + Pt::from(MARK_GAP).0;
    // Stop short of the sheet's edge, which some printers and viewers cut.
    let end = margin - 1.0;
    let (left, right, bottom, top) = (margin, margin + w, margin, margin + h);
    let line = |from: (f32, f32), to: (f32, f32)| Draw::Line {
        from: (Pt(from.0), Pt(from.1)),
        to: (Pt(to.0), Pt(to.1)),
        width: Pt(0.25),
        color: MARK_COLOR,
    };
    let mut marks = Vec::with_capacity(8);
    for (x, outward_x) in [(left, -1.0), (right, 1.0)] {
        for (y, outward_y) in [(bottom, -1.0), (top, 1.0)] {
            // Horizontal mark beside the corner, vertical mark above or below it.
            marks.push(line((x + outward_x * start, y), (x + outward_x * end, y)));
            marks.push(line((x, y + outward_y * start), (x, y + outward_y * end)));
        }
    }
    marks
}

/// Turns the pages in `range` (0-based) of a written PDF upside down (`/Rotate 180`).
pub(crate) fn rotate_pages(pdf: &[u8], range: Range<usize>) -> Result<Vec<u8>, PdfError> {
    let mut doc = lopdf::Document::load_mem(pdf)
        .map_err(|e| PdfError::Write(format!("reading back: {e}")))?;
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    for id in pages.get(range).unwrap_or_default() {
        if let Ok(dict) = doc.get_dictionary_mut(*id) {
            dict.set("Rotate", lopdf::Object::Integer(180));
        }
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_pages_fold_from_two_sheets() {
        // 1-based: sheet 0 front [8, 1], back [2, 7]; sheet 1 front [6, 3], back [4, 5].
        let one_based: Vec<[usize; 2]> = saddle_stitch_order(8)
            .into_iter()
            .map(|[l, r]| [l + 1, r + 1])
            .collect();
        assert_eq!(one_based, vec![[8, 1], [2, 7], [6, 3], [4, 5]]);
        assert_eq!(saddle_stitch_order(6).len(), 4, "padded to 8 pages");
    }

    #[test]
    fn every_page_appears_once_and_facing_pages_sum_to_n_plus_one() {
        for n in [4, 8, 12, 16, 40] {
            let sides = saddle_stitch_order(n);
            let mut seen: Vec<usize> = sides.iter().flatten().copied().collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..n).collect::<Vec<_>>());
            assert!(sides.iter().all(|[l, r]| l + r == n - 1));
        }
    }

    fn page(mark: f32) -> Page {
        Page {
            width: Pt::from(Mm(148.0)),
            height: Pt::from(Mm(210.0)),
            trim: None,
            bleed: None,
            draws: vec![Draw::Rect {
                x: Pt(mark),
                y: Pt(0.0),
                w: Pt(1.0),
                h: Pt(1.0),
                fill: None,
                stroke: None,
            }],
        }
    }

    #[test]
    fn sheets_put_the_spine_in_the_middle_and_creep_moves_inner_sheets() {
        let pages: Vec<Page> = (0..8).map(|i| page(i as f32)).collect();
        let sheets = impose(&pages, sheet_size(Paper::A5), Pt(1.0));
        assert_eq!(sheets.len(), 4);
        let spine = Pt::from(Mm(297.0)).0 / 2.0;
        let page_w = Pt::from(Mm(148.0)).0;
        let xs = |sheet: &Page| -> Vec<f32> {
            sheet
                .draws
                .iter()
                .filter_map(|d| match d {
                    Draw::Rect { x, .. } => Some(x.0),
                    _ => None,
                })
                .collect()
        };
        // Outer sheet front: page 8 (index 7) left, page 1 (index 0) right, no creep.
        let front = xs(&sheets[0]);
        assert!(
            (front[0] - (spine - page_w + 7.0)).abs() < 1e-3,
            "{front:?}"
        );
        assert!((front[1] - spine).abs() < 1e-3, "{front:?}");
        // Second sheet: shifted 1 pt towards the spine.
        let inner = xs(&sheets[2]);
        assert!(
            (inner[0] - (spine - page_w + 5.0 + 1.0)).abs() < 1e-3,
            "{inner:?}"
        );
        assert!((inner[1] - (spine + 2.0 - 1.0)).abs() < 1e-3, "{inner:?}");
    }

    #[test]
    fn print_shop_boxes_and_marks_sit_outside_the_bleed() {
        let bleed = Pt::from(BLEED);
        let shop = print_shop(&page(0.0), bleed);
        let trim = shop.trim.expect("trim");
        let bleed_box = shop.bleed.expect("bleed");
        assert!((trim.x.0 - bleed_box.x.0 - 8.504).abs() < 0.01);
        assert!((bleed_box.w.0 - trim.w.0 - 2.0 * 8.504).abs() < 0.02);
        let lines: Vec<&Draw> = shop
            .draws
            .iter()
            .filter(|d| matches!(d, Draw::Line { .. }))
            .collect();
        assert_eq!(lines.len(), 8);
        for line in lines {
            let Draw::Line { from, to, .. } = line else {
                continue;
            };
            for (x, y) in [from, to] {
                let inside_bleed = x.0 > bleed_box.x.0
                    && x.0 < bleed_box.x.0 + bleed_box.w.0
                    && y.0 > bleed_box.y.0
                    && y.0 < bleed_box.y.0 + bleed_box.h.0;
                assert!(!inside_bleed, "{line:?}");
                assert!(x.0 >= 0.0 && x.0 <= shop.width.0 && y.0 >= 0.0 && y.0 <= shop.height.0);
            }
        }
    }
}
