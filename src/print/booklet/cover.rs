//! The front cover: framed (publisher, an accent rule, the title and subtitle, the picture in
//! the space left, the site's name at the foot; both languages on a bilingual cover) or, with
//! a picture, full-bleed (the picture across the top, the title in white on an accent band).

use crate::content::booklets::{CoverLayout, Front};
use crate::print::display::{Color, Draw, ImageId, Page};
use crate::print::doc::Align;
use crate::print::inline::TextStyle;
use crate::units::{Mm, Pt};

use super::column::Column;
use super::images::{Images, image_path};
use super::setup::{Setup, text_area};

impl Setup<'_> {
    /// The front cover in `lang`, its background and picture reaching `bleed` past the edges.
    pub(crate) fn cover(&self, lang: &str, bleed: Pt, images: &mut Images) -> Option<Page> {
        let front = self.booklet.front(self.site, lang)?;
        let picture = front.cover.and_then(|cover| {
            let path = image_path(self.site, front.page, &cover.src)?;
            images.get(&path, &front.page.source)
        });
        let draws = match self.booklet.cover_layout {
            CoverLayout::FullBleed if picture.is_some() => {
                self.full_bleed_cover(&front, picture, bleed.0)
            }
            _ => self.framed_cover(&[&front], picture, bleed.0),
        };
        Some(self.blank_page(draws))
    }

    /// A bilingual cover: both titles, the picture between them.
    pub(crate) fn bilingual_cover(
        &self,
        langs: (&str, &str),
        bleed: Pt,
        images: &mut Images,
    ) -> Option<Page> {
        let a = self.booklet.front(self.site, langs.0)?;
        let b = self.booklet.front(self.site, langs.1)?;
        let picture = a.cover.and_then(|cover| {
            let path = image_path(self.site, a.page, &cover.src)?;
            images.get(&path, &a.page.source)
        });
        Some(self.blank_page(self.framed_cover(&[&a, &b], picture, bleed.0)))
    }

    /// Publisher at the top, an accent rule, the title and subtitle (one block per language),
    /// the picture in the space left, the site's name at the foot.
    fn framed_cover(
        &self,
        fronts: &[&Front],
        picture: Option<(ImageId, u32, u32)>,
        bleed: f32,
    ) -> Vec<Draw> {
        let look = self.look();
        let (width, height) = self.page_size();
        let Some(first) = fronts.first() else {
            return Vec::new();
        };
        let (x, measure) = text_area(&self.settings, 0);
        let mut column = Column::new(self.fonts, first.lang, x, measure, Align::Left);
        let margins = &self.settings.margins;
        let mut draws = vec![Draw::Rect {
            x: Pt(-bleed),
            y: Pt(height - Pt::from(Mm(6.0)).0),
            w: Pt(width + 2.0 * bleed),
            h: Pt(Pt::from(Mm(6.0)).0 + bleed),
            fill: Some(look.accent),
            stroke: None,
        }];
        let mut y = height - Pt::from(Mm(margins.top + 4.0)).0;
        if let Some(publisher) = first.publisher {
            let publisher_style =
                TextStyle::upright(look.headings, false, look.small + 1.0, look.muted);
            y = column.stack(
                &mut draws,
                publisher,
                publisher_style,
                y,
                (look.small + 1.0) * 1.3,
            );
            y -= look.line * 1.5;
        }
        let title_size = (look.h1 * 1.35).min(measure / 8.0);
        for (n, front) in fronts.iter().enumerate() {
            let mut own = Column::new(self.fonts, front.lang, x, measure, Align::Left);
            let size = if n == 0 {
                title_size
            } else {
                title_size * 0.75
            };
            let title_style = TextStyle::upright(look.headings, true, size, look.accent);
            y = own.stack(&mut draws, front.title, title_style, y, size * 1.15);
            if let Some(subtitle) = front.subtitle {
                let subtitle_style = TextStyle::upright(look.headings, false, look.h3, look.text);
                let top = y - look.h3 * 0.5;
                y = own.stack(&mut draws, subtitle, subtitle_style, top, look.h3 * 1.3);
            }
            y -= look.line * 1.2;
        }
        let foot = Pt::from(Mm(margins.bottom)).0;
        let site_title = self.site.config.title(first.lang);
        let site_style = TextStyle::upright(look.headings, false, look.small, look.muted);
        column.place(&mut draws, site_title, site_style, foot, look.small * 1.3);
        if let Some((image, w, h)) = picture {
            let box_top = y - look.line;
            let box_bottom = foot + look.line * 2.0;
            if let Some(rect) = fit(w, h, measure, box_top - box_bottom) {
                draws.push(Draw::Image {
                    image,
                    x: Pt(x + (measure - rect.0) / 2.0),
                    y: Pt(box_bottom + (box_top - box_bottom - rect.1) / 2.0),
                    w: Pt(rect.0),
                    h: Pt(rect.1),
                });
            }
        }
        draws
    }

    /// The picture across the whole width from the top edge, the title on an accent band
    /// under it in white.
    fn full_bleed_cover(
        &self,
        front: &Front,
        picture: Option<(ImageId, u32, u32)>,
        bleed: f32,
    ) -> Vec<Draw> {
        let look = self.look();
        let (width, height) = self.page_size();
        let (x, measure) = text_area(&self.settings, 0);
        let mut column = Column::new(self.fonts, front.lang, x, measure, Align::Left);
        let white = Color::WHITE;
        let mut draws = vec![Draw::Rect {
            x: Pt(-bleed),
            y: Pt(-bleed),
            w: Pt(width + 2.0 * bleed),
            h: Pt(height + 2.0 * bleed),
            fill: Some(look.accent),
            stroke: None,
        }];
        let mut band_top = height * 0.45;
        if let Some((image, w, h)) = picture {
            let full_w = width + 2.0 * bleed;
            let max_h = height * 0.62 + bleed;
            if let Some((iw, ih)) = fit(w, h, full_w, max_h) {
                draws.push(Draw::Image {
                    image,
                    x: Pt(-bleed + (full_w - iw) / 2.0),
                    y: Pt(height + bleed - ih),
                    w: Pt(iw),
                    h: Pt(ih),
                });
                band_top = height + bleed - ih;
            }
        }
        let title_size = (look.h1 * 1.3).min(measure / 8.0);
        let mut y = band_top - Pt::from(Mm(8.0)).0;
        let title_style = TextStyle::upright(look.headings, true, title_size, white);
        let first = y - title_size * 0.8;
        y = column.place(
            &mut draws,
            front.title,
            title_style,
            first,
            title_size * 1.15,
        );
        if let Some(subtitle) = front.subtitle {
            let subtitle_style = TextStyle::upright(look.headings, false, look.h3, white);
            let first = y - title_size * 0.35 - look.h3 * 1.4;
            column.place(&mut draws, subtitle, subtitle_style, first, look.h3 * 1.3);
        }
        if let Some(publisher) = front.publisher {
            let lines = column.lines(
                publisher,
                TextStyle::upright(look.headings, false, look.small + 0.5, white),
            );
            let foot = Pt::from(Mm(self.settings.margins.bottom)).0
                + lines.len() as f32 * (look.small + 0.5) * 1.3;
            column.place_lines(&mut draws, &lines, foot, (look.small + 0.5) * 1.3);
        }
        draws
    }
}

/// The largest size of a `w` × `h` pixel picture inside a box, keeping its proportions.
fn fit(w: u32, h: u32, box_w: f32, box_h: f32) -> Option<(f32, f32)> {
    if w == 0 || h == 0 || box_w <= 0.0 || box_h <= 0.0 {
        return None;
    }
    let scale = (box_w / w as f32).min(box_h / h as f32);
    Some((w as f32 * scale, h as f32 * scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_fit_their_box() {
        assert_eq!(fit(200, 100, 100.0, 100.0), Some((100.0, 50.0)));
        assert_eq!(fit(100, 200, 100.0, 100.0), Some((50.0, 100.0)));
        assert_eq!(fit(0, 200, 100.0, 100.0), None);
    }
}
