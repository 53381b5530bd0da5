//! Shaping one text fragment of one style into positioned glyphs (harfrust, with the
//! font's default features: kerning, ligatures, marks), and finding unshowable characters.

use std::cell::RefCell;
use std::collections::HashMap;

use harfrust::{Buffer, Direction, Language, ShapeOptions, ShaperFont};

use crate::print::display::{Glyph, GlyphRun};
use crate::print::fonts::{FontId, FontSet};

thread_local! {
    // Shaping runs once per word fragment; reusing the buffer saves two allocations a call.
    static BUFFER: RefCell<Option<Buffer>> = const { RefCell::new(None) };
}

/// Shape `text` (one line fragment, one style) with kerning; `lang` is a BCP 47 code
/// ("kk", "ru"). Left-to-right; the script is guessed from the text. An unknown `font`
/// gives an empty run.
pub(crate) fn shape(fonts: &FontSet, font: FontId, size: f32, text: &str, lang: &str) -> GlyphRun {
    let mut run = GlyphRun {
        font,
        size,
        text: text.to_string(),
        glyphs: Vec::new(),
        width: 0.0,
    };
    let Some(face) = fonts.get(font) else {
        return run;
    };
    if text.is_empty() {
        return run;
    }
    let mut buffer = BUFFER
        .with(|cell| cell.borrow_mut().take())
        .unwrap_or_default();
    buffer.clear();
    buffer.push_str(text);
    buffer.set_direction(Direction::LeftToRight);
    buffer.set_language(Language::new(lang));
    buffer.guess_segment_properties();

    let plan = face.plan(buffer.script(), buffer.language());
    let shaper = ShaperFont::new(&face.font);
    let shaped = harfrust::shape(&shaper, &mut buffer, ShapeOptions::new().plan(Some(&plan)));
    if shaped.is_ok() {
        let scale = size / f32::from(face.units_per_em);
        run.glyphs = buffer
            .glyph_infos()
            .iter()
            .zip(buffer.glyph_positions())
            .map(|(info, pos)| Glyph {
                // Glyph ids above u16 cannot come from a TrueType/CFF font; show .notdef.
                gid: u16::try_from(info.glyph_id).unwrap_or(0),
                advance: pos.x_advance as f32 * scale,
                x_offset: pos.x_offset as f32 * scale,
                y_offset: pos.y_offset as f32 * scale,
                cluster: info.cluster as usize,
            })
            .collect();
        run.width = run.glyphs.iter().map(|g| g.advance).sum();
    }
    BUFFER.with(|cell| *cell.borrow_mut() = Some(buffer));
    run
}

/// Characters of `text` the face cannot show, each once, in order of appearance.
/// Control characters (`\n`, `\t`) and invisible format characters are never drawn,
/// so they are not reported.
pub(crate) fn missing_chars(fonts: &FontSet, font: FontId, text: &str) -> Vec<char> {
    let mut missing: Vec<char> = Vec::new();
    for c in text.chars() {
        if is_never_drawn(c) || fonts.has_char(font, c) || missing.contains(&c) {
            continue;
        }
        missing.push(c);
    }
    missing
}

fn is_never_drawn(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
        )
}

/// Shapes text, remembering every (face, size, text) seen during one layout: words repeat
/// a lot, and shaping is the costliest step of setting.
pub(crate) struct Shaper<'a> {
    pub fonts: &'a FontSet,
    lang: &'a str,
    cache: HashMap<(FontId, u32), HashMap<String, GlyphRun>>,
}

impl<'a> Shaper<'a> {
    pub(crate) fn new(fonts: &'a FontSet, lang: &'a str) -> Self {
        Shaper {
            fonts,
            lang,
            cache: HashMap::new(),
        }
    }

    pub(crate) fn lang(&self) -> &'a str {
        self.lang
    }

    pub(crate) fn shape(&mut self, font: FontId, size: f32, text: &str) -> GlyphRun {
        let per_face = self.cache.entry((font, size.to_bits())).or_default();
        if let Some(run) = per_face.get(text) {
            return run.clone();
        }
        let run = shape(self.fonts, font, size, text, self.lang);
        per_face.insert(text.to_string(), run.clone());
        run
    }

    pub(crate) fn width(&mut self, font: FontId, size: f32, text: &str) -> f32 {
        self.shape(font, size, text).width
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::fonts::{FaceKey, Family};

    fn serif() -> FaceKey {
        FaceKey {
            family: Family::Serif,
            bold: false,
            italic: false,
        }
    }

    /// Sum of each character's advance shaped alone: the run without kerning between them.
    fn unkerned_width(fonts: &FontSet, id: FontId, text: &str) -> f32 {
        text.chars()
            .map(|c| shape(fonts, id, 10.0, &c.to_string(), "kk").width)
            .sum()
    }

    #[test]
    fn kerning_narrows_latin_av() {
        let fonts = FontSet::embedded();
        let id = fonts.face(serif());
        let kerned = shape(&fonts, id, 10.0, "AV", "en").width;
        assert!(kerned < unkerned_width(&fonts, id, "AV") - 0.1, "{kerned}");
    }

    #[test]
    fn kerning_narrows_cyrillic_te_a() {
        let fonts = FontSet::embedded();
        let id = fonts.face(FaceKey {
            family: Family::Sans,
            bold: false,
            italic: false,
        });
        let kerned = shape(&fonts, id, 10.0, "Та", "kk").width;
        assert!(kerned < unkerned_width(&fonts, id, "Та") - 0.05, "{kerned}");
    }

    #[test]
    fn advances_scale_with_size_and_sum_to_width() {
        let fonts = FontSet::embedded();
        let id = fonts.face(serif());
        let small = shape(&fonts, id, 10.0, "Қазақстан", "kk");
        let big = shape(&fonts, id, 20.0, "Қазақстан", "kk");
        assert!((big.width - 2.0 * small.width).abs() < 1e-3);
        let sum: f32 = small.glyphs.iter().map(|g| g.advance).sum();
        assert!((sum - small.width).abs() < 1e-4);
        assert!(small.width > 30.0 && small.width < 60.0, "{}", small.width);
    }

    #[test]
    fn clusters_are_byte_offsets_into_the_text() {
        let fonts = FontSet::embedded();
        let text = "әң №1";
        let run = shape(&fonts, fonts.face(serif()), 10.0, text, "kk");
        let clusters: Vec<usize> = run.glyphs.iter().map(|g| g.cluster).collect();
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        assert_eq!(clusters, offsets);
        assert!(run.glyphs.iter().all(|g| g.gid != 0));
    }

    #[test]
    fn ligature_glyph_covers_two_characters() {
        let fonts = FontSet::embedded();
        let run = shape(&fonts, fonts.face(serif()), 10.0, "fi", "en");
        assert_eq!(run.glyphs.len(), 1, "{run:?}");
        assert_eq!(run.glyphs[0].cluster, 0);
    }

    #[test]
    fn unknown_font_and_empty_text_give_empty_runs() {
        let fonts = FontSet::embedded();
        assert!(
            shape(&fonts, FontId(42), 10.0, "abc", "kk")
                .glyphs
                .is_empty()
        );
        let empty = shape(&fonts, fonts.face(serif()), 10.0, "", "kk");
        assert!(empty.glyphs.is_empty());
        assert_eq!(empty.width, 0.0);
    }

    #[test]
    fn missing_chars_reports_cjk_once_and_ignores_controls() {
        let fonts = FontSet::embedded();
        let id = fonts.face(serif());
        let missing = missing_chars(&fonts, id, "Сәлем 中文\n\t中 ₸\u{00A0}\u{200B}");
        assert_eq!(missing, vec!['中', '文']);
        assert!(missing_chars(&fonts, id, "Қазақ тілі — «әдемі»").is_empty());
    }

    #[test]
    fn shaping_works_from_several_threads() {
        let fonts = FontSet::embedded();
        let id = fonts.face(serif());
        let expected = shape(&fonts, id, 11.0, "Өнер алды — қызыл тіл", "kk");
        std::thread::scope(|s| {
            for _ in 0..2 {
                s.spawn(|| {
                    for _ in 0..50 {
                        let run = shape(&fonts, id, 11.0, "Өнер алды — қызыл тіл", "kk");
                        assert_eq!(run, expected);
                    }
                });
            }
        });
    }
}
