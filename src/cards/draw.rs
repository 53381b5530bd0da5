//! Drawing a laid-out card with tiny-skia: the background, the cover photo cropped to fill its
//! place, the shade over it, the accent band, the theme's sun as the mark, and every line of
//! text as the glyph outlines of the embedded fonts (read with skrifa), filled antialiased.

use image::DynamicImage;
use image::imageops::FilterType;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, GlyphId, MetadataProvider};
use tiny_skia::{
    Color, FillRule, GradientStop, LinearGradient, Paint, PathBuilder, Pixmap, PixmapPaint, Point,
    SpreadMode, Transform,
};

use crate::print::fonts::FontSet;
use crate::theme::print::Rgb;

use super::layout::{Layout, Rect, Scrim, Text};

/// The card as pixels; `photo` is the upright cover, when the layout has a place for it.
pub(crate) fn draw(fonts: &FontSet, layout: &Layout, photo: Option<&DynamicImage>) -> Pixmap {
    let size = layout.size;
    let Some(mut pixmap) = Pixmap::new(size.width, size.height) else {
        unreachable!("card sizes are constants above zero")
    };
    pixmap.fill(color(layout.background, 1.0));
    if let (Some(place), Some(photo)) = (layout.photo, photo) {
        draw_photo(&mut pixmap, place, photo);
    }
    if let Some(scrim) = &layout.scrim {
        draw_scrim(&mut pixmap, scrim);
    }
    fill_rect(&mut pixmap, layout.band, layout.band_color);
    if let Some((cx, cy, r, opacity)) = layout.decoration {
        draw_sun(&mut pixmap, (cx, cy, r), layout.mark_color, opacity);
    }
    if let Some((cx, cy, r)) = layout.mark {
        draw_sun(&mut pixmap, (cx, cy, r), layout.mark_color, 1.0);
    }
    for text in &layout.texts {
        draw_text(&mut pixmap, fonts, text);
    }
    pixmap
}

/// The theme's sun on its background colour, `side` pixels square: the organisation's logo in
/// its structured data when the site has no logo of its own.
pub(crate) fn logo(background: Rgb, sun: Rgb, side: u32) -> Pixmap {
    let Some(mut pixmap) = Pixmap::new(side, side) else {
        unreachable!("the logo's side is a constant above zero")
    };
    pixmap.fill(color(background, 1.0));
    let half = side as f32 / 2.0;
    draw_sun(&mut pixmap, (half, half, half * 0.8), sun, 1.0);
    pixmap
}

fn color(rgb: Rgb, alpha: f32) -> Color {
    Color::from_rgba(rgb.0, rgb.1, rgb.2, alpha).unwrap_or(Color::BLACK)
}

fn paint(rgb: Rgb, alpha: f32) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(color(rgb, alpha));
    paint.anti_alias = true;
    paint
}

fn fill_rect(pixmap: &mut Pixmap, rect: Rect, rgb: Rgb) {
    if let Some(r) = tiny_skia::Rect::from_xywh(rect.x, rect.y, rect.w, rect.h) {
        pixmap.fill_rect(r, &paint(rgb, 1.0), Transform::identity(), None);
    }
}

/// The photo scaled to cover `place` and cut to it around its centre, as CSS `object-fit:
/// cover` does.
fn draw_photo(pixmap: &mut Pixmap, place: Rect, photo: &DynamicImage) {
    let (w, h) = (place.w.round() as u32, place.h.round() as u32);
    let (pw, ph) = (photo.width().max(1), photo.height().max(1));
    if w == 0 || h == 0 {
        return;
    }
    let scale = (w as f32 / pw as f32).max(h as f32 / ph as f32);
    let crop_w = ((w as f32 / scale).round() as u32).clamp(1, pw);
    let crop_h = ((h as f32 / scale).round() as u32).clamp(1, ph);
    let cropped = photo.crop_imm((pw - crop_w) / 2, (ph - crop_h) / 2, crop_w, crop_h);
    // Triangle is sharp enough at these sizes and several times faster than Lanczos.
    let rgba = cropped.resize_exact(w, h, FilterType::Triangle).to_rgb8();
    let mut data = Vec::with_capacity((w * h * 4) as usize);
    for pixel in rgba.pixels() {
        data.extend_from_slice(&[pixel[0], pixel[1], pixel[2], 255]);
    }
    let Some(image) = tiny_skia::IntSize::from_wh(w, h).and_then(|s| Pixmap::from_vec(data, s))
    else {
        return;
    };
    pixmap.draw_pixmap(
        place.x.round() as i32,
        place.y.round() as i32,
        image.as_ref(),
        &PixmapPaint::default(),
        Transform::identity(),
        None,
    );
}

fn draw_scrim(pixmap: &mut Pixmap, scrim: &Scrim) {
    let stops = vec![
        GradientStop::new(0.0, color(scrim.color, scrim.opacity.0)),
        GradientStop::new(0.55, color(scrim.color, scrim.opacity.0)),
        GradientStop::new(1.0, color(scrim.color, scrim.opacity.1)),
    ];
    let shader = LinearGradient::new(
        Point::from_xy(scrim.from.0, scrim.from.1),
        Point::from_xy(scrim.to.0, scrim.to.1),
        stops,
        SpreadMode::Pad,
        Transform::identity(),
    );
    let (Some(shader), Some(rect)) = (
        shader,
        tiny_skia::Rect::from_xywh(0.0, 0.0, pixmap.width() as f32, pixmap.height() as f32),
    ) else {
        return;
    };
    let paint = Paint {
        shader,
        ..Paint::default()
    };
    pixmap.fill_rect(rect, &paint, Transform::identity(), None);
}

/// The default theme's sun (`.sun` in egiz.css): a disc inside a ring of 32 rays.
fn draw_sun(pixmap: &mut Pixmap, (cx, cy, r): (f32, f32, f32), rgb: Rgb, alpha: f32) {
    let mut builder = PathBuilder::new();
    builder.push_circle(cx, cy, r * 0.5);
    let (inner, outer) = (r * 0.66, r);
    let rays = 32;
    let half = std::f32::consts::PI / rays as f32 * 0.5;
    for i in 0..rays {
        let angle = i as f32 * std::f32::consts::TAU / rays as f32;
        let at = |radius: f32, a: f32| (cx + radius * a.cos(), cy + radius * a.sin());
        let corners = [
            at(inner, angle - half),
            at(outer, angle - half),
            at(outer, angle + half),
            at(inner, angle + half),
        ];
        builder.move_to(corners[0].0, corners[0].1);
        for (x, y) in &corners[1..] {
            builder.line_to(*x, *y);
        }
        builder.close();
    }
    if let Some(path) = builder.finish() {
        let paint = paint(rgb, alpha);
        pixmap.fill_path(
            &path,
            &paint,
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
}

/// Glyph outlines into a path, moved to the glyph's place and turned the right way up (fonts
/// draw y upwards, pixels go down).
struct Pen<'a> {
    builder: &'a mut PathBuilder,
    x: f32,
    y: f32,
}

impl OutlinePen for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.builder.move_to(self.x + x, self.y - y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.builder.line_to(self.x + x, self.y - y);
    }
    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        self.builder
            .quad_to(self.x + cx, self.y - cy, self.x + x, self.y - y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.builder.cubic_to(
            self.x + cx0,
            self.y - cy0,
            self.x + cx1,
            self.y - cy1,
            self.x + x,
            self.y - y,
        );
    }
    fn close(&mut self) {
        self.builder.close();
    }
}

fn draw_text(pixmap: &mut Pixmap, fonts: &FontSet, text: &Text) {
    let mut builder = PathBuilder::new();
    for (run, x, baseline) in &text.lines {
        let Some(font) = fonts.file(run.font).and_then(|b| FontRef::new(b).ok()) else {
            continue;
        };
        let outlines = font.outline_glyphs();
        let mut pen_x = *x;
        for glyph in &run.glyphs {
            if let Some(outline) = outlines.get(GlyphId::new(u32::from(glyph.gid))) {
                let mut pen = Pen {
                    builder: &mut builder,
                    x: pen_x + glyph.x_offset,
                    y: baseline - glyph.y_offset,
                };
                let settings = DrawSettings::unhinted(Size::new(run.size), LocationRef::default());
                // A glyph that cannot be drawn is left blank rather than failing the card.
                let _ = outline.draw(settings, &mut pen);
            }
            pen_x += glyph.advance;
        }
    }
    if let Some(path) = builder.finish() {
        pixmap.fill_path(
            &path,
            &paint(text.color, 1.0),
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
}
