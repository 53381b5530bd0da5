//! QR codes as vector squares: a printed booklet leads back to its web page. Each dark module
//! becomes a filled rectangle (runs of dark modules in a row merged into one), so the code stays
//! sharp at any print resolution and adds no image to the PDF.

use qrcode::{Color as Module, EcLevel, QrCode};

use crate::print::display::{Color, Draw};
use crate::units::Pt;

/// The light margin a reader needs around the code, in modules (the standard asks for 4).
pub(crate) const QUIET_ZONE: usize = 4;

/// The code for `text`, as draws in a square of side `size` whose bottom-left corner is at
/// (`x`, `y`); the quiet zone is inside that square. `None` when the text is too long for a QR
/// code (beyond ~2,300 characters at level M: no web address is).
pub(crate) fn draws(text: &str, x: Pt, y: Pt, size: Pt, color: Color) -> Option<Vec<Draw>> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let modules = code.to_colors();
    let cells = width + 2 * QUIET_ZONE;
    let module = size.0 / cells as f32;
    let mut draws = Vec::new();
    for row in 0..width {
        let mut col = 0;
        while col < width {
            if modules.get(row * width + col) != Some(&Module::Dark) {
                col += 1;
                continue;
            }
            let start = col;
            while modules.get(row * width + col) == Some(&Module::Dark) && col < width {
                col += 1;
            }
            // Row 0 is the top of the code; PDF y grows upwards.
            let top = y.0 + size.0 - (QUIET_ZONE + row) as f32 * module;
            draws.push(Draw::Rect {
                x: Pt(x.0 + (QUIET_ZONE + start) as f32 * module),
                y: Pt(top - module),
                w: Pt((col - start) as f32 * module),
                h: Pt(module),
                fill: Some(color),
                stroke: None,
            });
        }
    }
    Some(draws)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLACK: Color = Color::BLACK;

    #[test]
    fn modules_stay_inside_the_square_and_out_of_the_quiet_zone() {
        let draws = draws(
            "https://example.org/civic/kk/booklets/x/",
            Pt(10.0),
            Pt(20.0),
            Pt(100.0),
            BLACK,
        )
        .expect("encodes");
        assert!(!draws.is_empty());
        let code = QrCode::with_error_correction_level(
            "https://example.org/civic/kk/booklets/x/",
            EcLevel::M,
        )
        .expect("encodes");
        let module = 100.0 / (code.width() + 2 * QUIET_ZONE) as f32;
        let (low, high) = (
            QUIET_ZONE as f32 * module - 0.01,
            100.0 - QUIET_ZONE as f32 * module + 0.01,
        );
        for draw in &draws {
            let Draw::Rect { x, y, w, h, .. } = draw else {
                panic!("not a rectangle");
            };
            assert!(x.0 - 10.0 >= low && x.0 + w.0 - 10.0 <= high, "{draw:?}");
            assert!(y.0 - 20.0 >= low && y.0 + h.0 - 20.0 <= high, "{draw:?}");
        }
        // The dark area equals the dark modules'.
        let dark = code
            .to_colors()
            .iter()
            .filter(|m| **m == Module::Dark)
            .count() as f32;
        let area: f32 = draws
            .iter()
            .map(|d| match d {
                Draw::Rect { w, h, .. } => w.0 * h.0,
                _ => 0.0,
            })
            .sum();
        assert!(
            (area - dark * module * module).abs() < 0.5,
            "{area} vs {}",
            dark * module * module
        );
    }
}
