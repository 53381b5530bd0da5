//! Fonts as embedded in the PDF: which glyphs each face uses and which text each glyph
//! stands for (the ToUnicode map), subsetting with `subsetter`, and turning shaped
//! advances into TJ adjustments that printpdf writes.

use std::collections::{BTreeMap, HashMap};

use printpdf::{Codepoint, ParsedFont};
use subsetter::GlyphRemapper;

use super::error::PdfError;
use super::fixup::Fnv;
use crate::print::display::{Draw, GlyphRun, Page};
use crate::print::fonts::{FontId, FontSet};

/// Per face: every glyph drawn, with the text it stands for when copied.
pub(super) type GlyphUse = BTreeMap<FontId, BTreeMap<u16, String>>;

/// Collects the glyphs of every text draw, face by face.
pub(super) fn collect_glyphs(pages: &[Page]) -> GlyphUse {
    let mut used = GlyphUse::new();
    for page in pages {
        for draw in &page.draws {
            let Draw::Text { run, .. } = draw else {
                continue;
            };
            let face = used.entry(run.font).or_default();
            for (glyph, text) in run.glyphs.iter().zip(cluster_texts(run)) {
                let known = face.entry(glyph.gid).or_default();
                if is_better_text(known, text) {
                    *known = text.to_string();
                }
            }
        }
    }
    used
}

/// The text of each glyph's cluster; glyphs after the first in a cluster get "" so the
/// cluster's text is extracted once.
fn cluster_texts(run: &GlyphRun) -> Vec<&str> {
    let glyphs = &run.glyphs;
    let mut texts = vec![""; glyphs.len()];
    let mut end = run.text.len();
    for (i, glyph) in glyphs.iter().enumerate().rev() {
        let first_of_cluster = i == 0
            || glyphs
                .get(i - 1)
                .is_some_and(|g| g.cluster != glyph.cluster);
        if first_of_cluster {
            if let Some(slot) = texts.get_mut(i) {
                *slot = run.text.get(glyph.cluster..end).unwrap_or("");
            }
            end = glyph.cluster.min(end);
        }
    }
    texts
}

/// A glyph has one ToUnicode entry for the whole document. Any text beats none, and a
/// single character beats a longer cluster (the base glyph of "й" typed as и + U+0306
/// should still read "и" everywhere else); otherwise the first seen stays.
fn is_better_text(known: &str, candidate: &str) -> bool {
    let is_single = |s: &str| s.chars().count() == 1;
    (known.is_empty() && !candidate.is_empty()) || (!is_single(known) && is_single(candidate))
}

/// One face as written into the PDF: a subset font program plus what is needed to
/// address its renumbered glyphs.
pub(super) struct EmbeddedFont {
    /// Resource name in the page dictionaries (`F0`, `F1`, …).
    pub(super) resource: String,
    pub(super) parsed: ParsedFont,
    /// Original glyph id → subset glyph id and its text.
    glyphs: HashMap<u16, (u16, String)>,
    /// Advance of each subset glyph in 1/1000 em, exactly as printpdf writes it in `/W`.
    widths: Vec<f32>,
}

/// Subsets every used face and parses the result the way printpdf will embed it.
pub(super) fn embed_fonts(
    fonts: &FontSet,
    used: GlyphUse,
) -> Result<BTreeMap<FontId, EmbeddedFont>, PdfError> {
    let mut embedded = BTreeMap::new();
    for (index, (font, glyphs)) in used.into_iter().enumerate() {
        let Some(face) = fonts.get(font) else {
            continue;
        };
        let font_error = |reason: String| PdfError::Font {
            name: face.postscript_name.clone(),
            reason,
        };
        // An id beyond the font (only from a hand-made run) would make subsetting fail;
        // such glyphs are drawn as .notdef instead.
        let gids: Vec<u16> = glyphs
            .keys()
            .copied()
            .filter(|gid| u32::from(*gid) < face.font.num_glyphs())
            .collect();
        let remapper = GlyphRemapper::new_from_glyphs_sorted(&gids);
        let program =
            subsetter::subset(face.bytes(), 0, &remapper).map_err(|e| font_error(e.to_string()))?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&program, 0, &mut warnings)
            .ok_or_else(|| font_error("the subset font cannot be parsed".into()))?;
        // Without printpdf's `text_layout` feature it never subsets and so never tags
        // the name; the font *is* a subset, so give it the `ABCDEF+` tag here.
        parsed.font_name = Some(format!(
            "{}+{}",
            subset_tag(&face.postscript_name, &gids),
            face.postscript_name
        ));
        let widths = pdf_widths(&parsed);
        let glyphs = glyphs
            .into_iter()
            .map(|(gid, text)| (gid, (remapper.get(gid).unwrap_or(0), text)))
            .collect();
        embedded.insert(
            font,
            EmbeddedFont {
                resource: format!("F{index}"),
                parsed,
                glyphs,
                widths,
            },
        );
    }
    Ok(embedded)
}

/// Advances in 1/1000 em, truncated exactly like printpdf's `get_scaled_glyph_width`,
/// so TJ adjustments computed against them land glyphs where shaping put them.
fn pdf_widths(parsed: &ParsedFont) -> Vec<f32> {
    let upm = f32::from(parsed.pdf_font_metrics.units_per_em);
    let count = parsed
        .glyph_widths
        .keys()
        .next_back()
        .map_or(0, |last| usize::from(*last) + 1);
    let mut widths = vec![0.0; count];
    for (gid, width) in &parsed.glyph_widths {
        if let Some(slot) = widths.get_mut(usize::from(*gid))
            && upm > 0.0
        {
            *slot = (f32::from(*width) * 1000.0 / upm).trunc();
        }
    }
    widths
}

/// Six capital letters that identify this subset of this face (stable between runs).
fn subset_tag(name: &str, gids: &[u16]) -> String {
    let mut hash = Fnv::new();
    hash.write(name.as_bytes());
    for gid in gids {
        hash.write(&gid.to_be_bytes());
    }
    let mut value = hash.finish();
    (0..6)
        .map(|_| {
            let letter = b'A' + (value % 26) as u8;
            value /= 26;
            char::from(letter)
        })
        .collect()
}

/// A stretch of a run drawn from one text position: glyphs with their TJ adjustments.
pub(super) struct Segment {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) glyphs: Vec<Codepoint>,
}

impl EmbeddedFont {
    /// Splits a shaped run into segments placed at (`x`, `y`) + pen position. Glyphs that
    /// shaping moved off the pen (marks) get a segment of their own at their exact spot;
    /// the others advance by their `/W` width corrected with a TJ number, tracking the
    /// accumulated position so rounding never drifts.
    pub(super) fn segments(&self, run: &GlyphRun, x: f32, y: f32) -> Vec<Segment> {
        let mut segments = Vec::new();
        if run.size <= 0.0 || !run.size.is_finite() {
            return segments;
        }
        let to_em = 1000.0 / run.size;
        let mut pen = 0.0_f32; // points from x, as shaped
        let mut current = Segment {
            x,
            y,
            glyphs: Vec::new(),
        };
        // Both in 1/1000 em from the segment start: where shaping wants the pen and
        // where the viewer will have it.
        let (mut wanted, mut viewer) = (0.0_f32, 0.0_f32);
        for glyph in &run.glyphs {
            let (gid, text) = self.subset_glyph(glyph.gid);
            if glyph.x_offset != 0.0 || glyph.y_offset != 0.0 {
                if !current.glyphs.is_empty() {
                    segments.push(current);
                }
                segments.push(Segment {
                    x: x + pen + glyph.x_offset,
                    y: y + glyph.y_offset,
                    glyphs: vec![Codepoint::with_cid(gid, 0.0, text)],
                });
                pen += glyph.advance;
                current = Segment {
                    x: x + pen,
                    y,
                    glyphs: Vec::new(),
                };
                (wanted, viewer) = (0.0, 0.0);
                continue;
            }
            pen += glyph.advance;
            wanted += glyph.advance * to_em;
            viewer += self.widths.get(usize::from(gid)).copied().unwrap_or(0.0);
            // A TJ number n moves the pen back by n/1000 em; one decimal is 1/10000 em.
            let adjust = ((viewer - wanted) * 10.0).round() / 10.0;
            viewer -= adjust;
            current.glyphs.push(Codepoint::with_cid(gid, adjust, text));
        }
        if !current.glyphs.is_empty() {
            segments.push(current);
        }
        segments
    }

    /// The subset glyph id and ToUnicode text for an original glyph id.
    fn subset_glyph(&self, gid: u16) -> (u16, String) {
        self.glyphs.get(&gid).cloned().unwrap_or((0, String::new()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::display::Glyph;

    fn glyph(gid: u16, cluster: usize) -> Glyph {
        Glyph {
            gid,
            advance: 5.0,
            x_offset: 0.0,
            y_offset: 0.0,
            cluster,
        }
    }

    fn run(text: &str, glyphs: Vec<Glyph>) -> GlyphRun {
        GlyphRun {
            font: FontId(0),
            size: 10.0,
            text: text.to_string(),
            width: glyphs.iter().map(|g| g.advance).sum(),
            glyphs,
        }
    }

    #[test]
    fn each_glyph_gets_its_cluster_text() {
        // "ﬁ" ligature (one glyph for "fi") followed by "қ" (two bytes).
        let r = run("fiқ", vec![glyph(10, 0), glyph(11, 2)]);
        assert_eq!(cluster_texts(&r), vec!["fi", "қ"]);
    }

    #[test]
    fn second_glyph_of_a_cluster_gets_no_text() {
        let r = run("й!", vec![glyph(10, 0), glyph(11, 0), glyph(12, 2)]);
        assert_eq!(cluster_texts(&r), vec!["й", "", "!"]);
    }

    #[test]
    fn broken_clusters_give_empty_text_instead_of_panicking() {
        let r = run("ab", vec![glyph(1, 7), glyph(2, 1)]);
        assert_eq!(cluster_texts(&r), vec!["", "b"]);
    }

    #[test]
    fn single_characters_win_over_clusters_and_first_text_stays() {
        assert!(is_better_text("", "и"));
        assert!(!is_better_text("й", "и"));
        assert!(is_better_text("и\u{306}", "и"));
        assert!(!is_better_text("и", "и\u{306}"));
        assert!(!is_better_text("a", ""));
    }

    #[test]
    fn subset_tags_are_six_capitals_and_depend_on_the_glyphs() {
        let a = subset_tag("NotoSerif-Regular", &[1, 2, 3]);
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(a, subset_tag("NotoSerif-Regular", &[1, 2, 3]));
        assert_ne!(a, subset_tag("NotoSerif-Regular", &[1, 2, 4]));
    }
}
