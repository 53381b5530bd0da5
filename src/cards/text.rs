//! Setting a card's texts: words shaped with the print engine's fonts and harfrust shaping (so
//! every Kazakh letter, mark and kerning pair is the booklets' own), broken into balanced lines
//! only between words, and shrunk until the block fits its box.

use crate::print::display::GlyphRun;
use crate::print::fonts::{FontId, FontSet};
use crate::print::inline::shape::shape;

/// The size words are measured at; a word's width grows in proportion to the size, so each
/// word is shaped once however many sizes are tried.
const MEASURE_SIZE: f32 = 100.0;

/// How a text is set: its face, the sizes it may take, its line spacing and most lines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub font: FontId,
    pub largest: f32,
    pub smallest: f32,
    /// Line distance as a multiple of the size.
    pub leading: f32,
    pub max_lines: usize,
}

/// A text broken into lines at one size, not yet placed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fitted {
    pub lines: Vec<GlyphRun>,
    pub size: f32,
    /// From the first line's ascender to the last line's descender.
    pub height: f32,
    /// The widest line.
    pub width: f32,
    /// The first baseline below the block's top.
    pub ascent: f32,
    pub leading: f32,
}

/// The words of a text: broken at spaces, never at no-break spaces (`70 бала` stays whole).
pub(crate) fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Sets texts in one language with one font set.
pub(crate) struct Setter<'a> {
    pub fonts: &'a FontSet,
    pub lang: &'a str,
}

impl Setter<'_> {
    /// `text` at the largest size of `style` whose balanced lines fit `width` × `height`;
    /// None when even the smallest does not.
    pub(crate) fn fit(&self, text: &str, style: Style, width: f32, height: f32) -> Option<Fitted> {
        let words = words(text);
        if words.is_empty() {
            return None;
        }
        let measured: Vec<f32> = words.iter().map(|w| self.width(style.font, w)).collect();
        let space = self.width(style.font, " ");
        let mut size = style.largest;
        while size >= style.smallest - 0.01 {
            if let Some(fitted) =
                self.try_size(&words, &measured, space, style, size, width, height)
            {
                return Some(fitted);
            }
            // Steps of 4 %: fine enough that a title is not visibly smaller than it could be.
            size *= 0.96;
        }
        None
    }

    /// `text` in at most `style.max_lines` at the smallest size, words dropped from its end
    /// (ending in "…") until it fits: for labels, which may be long sentences.
    pub(crate) fn fit_shortened(
        &self,
        text: &str,
        style: Style,
        width: f32,
        height: f32,
    ) -> Option<Fitted> {
        if let Some(fitted) = self.fit(text, style, width, height) {
            return Some(fitted);
        }
        let words = words(text);
        (1..words.len()).rev().find_map(|keep| {
            let shortened = format!(
                "{}…",
                words[..keep]
                    .join(" ")
                    .trim_end_matches([',', ';', ':', '—', '–', '-', ' '])
            );
            let smallest = Style {
                largest: style.smallest,
                ..style
            };
            self.fit(&shortened, smallest, width, height)
        })
    }

    fn width(&self, font: FontId, text: &str) -> f32 {
        shape(self.fonts, font, MEASURE_SIZE, text, self.lang).width
    }

    #[allow(clippy::too_many_arguments)]
    fn try_size(
        &self,
        words: &[&str],
        measured: &[f32],
        space: f32,
        style: Style,
        size: f32,
        width: f32,
        height: f32,
    ) -> Option<Fitted> {
        let scale = size / MEASURE_SIZE;
        let widths: Vec<f32> = measured.iter().map(|w| w * scale).collect();
        // A word wider than the box would have to be cut: try a smaller size instead.
        if widths.iter().any(|w| *w > width) {
            return None;
        }
        let metrics = self.fonts.metrics(style.font);
        let ascent = metrics.ascender * size;
        let depth = -metrics.descender * size;
        let leading = style.leading * size;
        let fitting_lines = ((height - ascent - depth) / leading).floor() + 1.0;
        let max_lines = style.max_lines.min(fitting_lines.max(0.0) as usize);
        let breaks = balanced_breaks(&widths, space * scale, width, max_lines)?;
        let lines: Vec<GlyphRun> = breaks
            .windows(2)
            .map(|pair| {
                let line = words[pair[0]..pair[1]].join(" ");
                shape(self.fonts, style.font, size, &line, self.lang)
            })
            .collect();
        let widest = lines.iter().map(|l| l.width).fold(0.0, f32::max);
        // Kerning across the spaces may make a shaped line a little wider than its words.
        if widest > width {
            return None;
        }
        let count = lines.len() as f32;
        Some(Fitted {
            size,
            height: ascent + depth + (count - 1.0) * leading,
            width: widest,
            ascent,
            leading,
            lines,
        })
    }
}

/// Where to break `widths` (words, with `space` between them) into at most `max_lines` lines of
/// at most `width`, as word indices from 0 to the word count: the fewest lines, then the most
/// even ones (least sum of squared slack, the last line included, so a title does not end in
/// one lonely word). None when the words need more lines.
pub(crate) fn balanced_breaks(
    widths: &[f32],
    space: f32,
    width: f32,
    max_lines: usize,
) -> Option<Vec<usize>> {
    let n = widths.len();
    let lines = greedy_lines(widths, space, width)?;
    if lines > max_lines {
        return None;
    }
    let line_width = |from: usize, to: usize| {
        widths[from..to].iter().sum::<f32>() + space * (to - from - 1) as f32
    };
    // best[k][i]: the least cost of setting the first i words in k lines, and where the last
    // line began.
    let mut best = vec![vec![(f32::INFINITY, 0usize); n + 1]; lines + 1];
    best[0][0] = (0.0, 0);
    for k in 1..=lines {
        for i in 1..=n {
            for start in (0..i).rev() {
                let used = line_width(start, i);
                if used > width {
                    break;
                }
                let before = best[k - 1][start].0;
                let cost = before + (width - used).powi(2);
                if cost < best[k][i].0 {
                    best[k][i] = (cost, start);
                }
            }
        }
    }
    let mut breaks = vec![n];
    let mut end = n;
    for k in (1..=lines).rev() {
        end = best[k][end].1;
        breaks.push(end);
    }
    breaks.reverse();
    (breaks[0] == 0).then_some(breaks)
}

/// How many lines filling each as far as it goes takes: the fewest possible.
fn greedy_lines(widths: &[f32], space: f32, width: f32) -> Option<usize> {
    let mut lines = 1;
    let mut used: Option<f32> = None;
    for &w in widths {
        if w > width {
            return None;
        }
        used = match used {
            Some(u) if u + space + w <= width => Some(u + space + w),
            Some(_) => {
                lines += 1;
                Some(w)
            }
            None => Some(w),
        };
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::fonts::{Family, face};

    fn setter(fonts: &FontSet) -> Setter<'_> {
        Setter { fonts, lang: "kk" }
    }

    fn style(fonts: &FontSet) -> Style {
        Style {
            font: fonts.face(face(Family::Sans, true, false)),
            largest: 64.0,
            smallest: 24.0,
            leading: 1.12,
            max_lines: 5,
        }
    }

    #[test]
    fn no_break_spaces_keep_a_figure_with_its_unit() {
        assert_eq!(
            words("70\u{a0}бала  қатысты\n+40 %"),
            ["70\u{a0}бала", "қатысты", "+40", "%"]
        );
    }

    #[test]
    fn balanced_lines_are_even_and_as_few_as_greedy() {
        // Greedy would put three words on the first line and one on the second.
        let breaks = balanced_breaks(&[10.0, 10.0, 10.0, 10.0], 1.0, 32.0, 3).expect("fits");
        assert_eq!(breaks, [0, 2, 4]);
        assert_eq!(balanced_breaks(&[10.0; 4], 1.0, 32.0, 1), None);
        assert_eq!(balanced_breaks(&[40.0], 1.0, 32.0, 3), None);
    }

    #[test]
    fn a_long_title_shrinks_until_every_word_fits_and_none_is_cut() {
        let fonts = FontSet::embedded();
        let title = "Ауылдық жерлердегі ерекше балаларға арналған иппотерапия және олардың отбасыларына көрсетілетін әлеуметтік-психологиялық қолдау бағдарламасы";
        let fitted = setter(&fonts)
            .fit(title, style(&fonts), 600.0, 330.0)
            .expect("fits");
        assert!(fitted.size < 64.0 && fitted.size >= 24.0, "{}", fitted.size);
        assert!(
            fitted.width <= 600.0 && fitted.height <= 330.0,
            "{fitted:?}"
        );
        let set: Vec<&str> = fitted.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(set.join(" "), title, "every word, in order, whole");
        assert!(
            fitted
                .lines
                .iter()
                .all(|l| l.glyphs.iter().all(|g| g.gid != 0))
        );
    }

    #[test]
    fn a_short_title_keeps_the_largest_size() {
        let fonts = FontSet::embedded();
        let fitted = setter(&fonts)
            .fit("Жастар", style(&fonts), 600.0, 330.0)
            .expect("fits");
        assert_eq!(fitted.size, 64.0);
        assert_eq!(fitted.lines.len(), 1);
    }

    #[test]
    fn a_label_too_long_for_its_box_ends_in_an_ellipsis_after_a_whole_word() {
        let fonts = FontSet::embedded();
        let label =
            "тұрғындардың мемлекеттік органдарға жүгіну тәртібі туралы хабардарлығының өсімі";
        let small = Style {
            largest: 24.0,
            smallest: 20.0,
            max_lines: 2,
            ..style(&fonts)
        };
        let fitted = setter(&fonts)
            .fit_shortened(label, small, 300.0, 60.0)
            .expect("fits shortened");
        let text: Vec<&str> = fitted.lines.iter().map(|l| l.text.as_str()).collect();
        let text = text.join(" ");
        assert!(text.ends_with('…'), "{text}");
        assert!(label.starts_with(text.trim_end_matches('…')), "{text}");
    }
}
