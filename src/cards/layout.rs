//! Where everything goes on a card, in pixels: the photo and the text area (from the theme's
//! `photo` place and the card's shape), the brand row (mark and site name), the title in the
//! space left between the brand row and the foot (district and headline result). The title
//! always shows whole: when it does not fit, the foot gives up its parts, then the title goes
//! below its smallest size, rather than losing a word.

use crate::print::display::GlyphRun;
use crate::print::fonts::{Family, FontSet, face};
use crate::theme::cards::{CardDesign, CardSize, Edge, Field, PhotoPlace};
use crate::theme::print::{FamilyChoice, Rgb};

use super::facts::Facts;
use super::text::{Fitted, Setter, Style};

/// A rectangle in card pixels, y downwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    fn inset(self, left: f32, top: f32, right: f32, bottom: f32) -> Rect {
        Rect {
            x: self.x + left,
            y: self.y + top,
            w: (self.w - left - right).max(0.0),
            h: (self.h - top - bottom).max(0.0),
        }
    }

    #[cfg(test)]
    pub(crate) fn contains(self, other: Rect) -> bool {
        other.x >= self.x - 0.5
            && other.y >= self.y - 0.5
            && other.x + other.w <= self.x + self.w + 0.5
            && other.y + other.h <= self.y + self.h + 0.5
    }
}

/// What a text on the card is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Site,
    Title,
    District,
    Figure,
    Label,
}

/// A set text placed on the card: each line with the left end of its baseline.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Text {
    pub role: Role,
    pub color: Rgb,
    pub lines: Vec<(GlyphRun, f32, f32)>,
    /// The box from the first line's ascender to the last one's descender.
    pub bounds: Rect,
}

/// A shade from `from` (at `opacity.0`) to `to` (at `opacity.1`) over the whole card.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scrim {
    pub from: (f32, f32),
    pub to: (f32, f32),
    pub opacity: (f32, f32),
    pub color: Rgb,
}

/// A card, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub size: CardSize,
    pub background: Rgb,
    /// Where the cover photo is drawn, cropped to fill.
    pub photo: Option<Rect>,
    pub scrim: Option<Scrim>,
    /// The mark's centre and radius.
    pub mark: Option<(f32, f32, f32)>,
    /// A large faint sun behind the text of a card without photo, partly off its edge, so the
    /// flat colour does not look empty: centre, radius and opacity.
    pub decoration: Option<(f32, f32, f32, f32)>,
    pub mark_color: Rgb,
    /// The accent band along the foot.
    pub band: Rect,
    pub band_color: Rgb,
    pub texts: Vec<Text>,
}

#[cfg(test)]
impl Layout {
    pub(crate) fn text(&self, role: Role) -> Option<&Text> {
        self.texts.iter().find(|t| t.role == role)
    }
}

/// Lays out the card of `facts` at `size`; `has_photo` says whether a cover photo will be drawn.
pub(crate) fn lay_out(
    fonts: &FontSet,
    design: &CardDesign,
    facts: &Facts,
    size: CardSize,
    has_photo: bool,
) -> Layout {
    let unit = size.width as f32 / 1200.0;
    let colors = &design.colors;
    let card = Rect {
        x: 0.0,
        y: 0.0,
        w: size.width as f32,
        h: size.height as f32,
    };
    let band_height = (10.0 * unit).round();
    let (area, photo, scrim) = regions(card, size, design, has_photo);
    let margin = design.margin as f32 * unit;
    let inner = area.inset(margin, margin, margin, margin + band_height);
    let setter = Setter {
        fonts,
        lang: &facts.lang,
    };
    let mut placer = Placer {
        setter: &setter,
        fonts,
        design,
        unit,
        square: !size.is_wide(),
        // Without a photo the whole card is the text's: the title may grow into it.
        grow: if photo.is_some() { 1.0 } else { 1.2 },
        texts: Vec::new(),
    };
    let decoration = (photo.is_none() && design.shows(Field::Mark)).then(|| {
        // Smaller on the square card, where the same share of the side would crowd the title.
        let r = card.h.min(card.w) * if size.is_wide() { 0.55 } else { 0.45 };
        (card.w - r * 0.35, card.h - r * 0.5, r, 0.07)
    });
    let (mark, free) = placer.brand(facts, inner);
    placer.title_and_foot(facts, free);
    Layout {
        size,
        background: colors.background,
        photo,
        scrim,
        mark,
        decoration,
        mark_color: colors.accent,
        band: Rect {
            x: 0.0,
            y: card.h - band_height,
            w: card.w,
            h: band_height,
        },
        band_color: colors.accent,
        texts: placer.texts,
    }
}

/// The text area, and the photo's place with its shade, for the theme's `photo` setting.
fn regions(
    card: Rect,
    size: CardSize,
    design: &CardDesign,
    has_photo: bool,
) -> (Rect, Option<Rect>, Option<Scrim>) {
    if !has_photo || !design.shows(Field::Photo) {
        return (card, None, None);
    }
    let (w, h) = (card.w, card.h);
    let wide = size.is_wide();
    match design.photo {
        PhotoPlace::Background => {
            // The text keeps to one side; the shade is darkest behind it so it reads on any
            // photo, and lets the photo show on the other side.
            let (area, from, to) = if wide {
                (card.inset(0.0, 0.0, w * 0.3, 0.0), (0.0, 0.0), (w, 0.0))
            } else {
                (card.inset(0.0, h * 0.38, 0.0, 0.0), (0.0, h), (0.0, 0.0))
            };
            let scrim = Scrim {
                from,
                to,
                opacity: (0.9, 0.2),
                color: design.colors.scrim,
            };
            (area, Some(card), Some(scrim))
        }
        place if wide => {
            let photo_w = (w * 0.42).round();
            let photo = if place == PhotoPlace::Left {
                Rect { w: photo_w, ..card }
            } else {
                card.inset(w - photo_w, 0.0, 0.0, 0.0)
            };
            let area = if place == PhotoPlace::Left {
                card.inset(photo_w, 0.0, 0.0, 0.0)
            } else {
                card.inset(0.0, 0.0, photo_w, 0.0)
            };
            (area, Some(photo), None)
        }
        _ => {
            let photo_h = (h * 0.46).round();
            (
                card.inset(0.0, photo_h, 0.0, 0.0),
                Some(Rect { h: photo_h, ..card }),
                None,
            )
        }
    }
}

struct Placer<'a> {
    setter: &'a Setter<'a>,
    fonts: &'a FontSet,
    design: &'a CardDesign,
    unit: f32,
    square: bool,
    /// How much larger than usual the title and figure may be.
    grow: f32,
    texts: Vec<Text>,
}

/// The parts of the foot, from the most to the least important: what gives way first when the
/// title needs the room.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Foot {
    Nothing,
    District,
    Figure,
    All,
}

impl Placer<'_> {
    fn sans(&self, bold: bool) -> crate::print::fonts::FontId {
        self.fonts.face(face(Family::Sans, bold, false))
    }

    fn style(&self, bold: bool, largest: f32, smallest: f32, max_lines: usize) -> Style {
        Style {
            font: self.sans(bold),
            largest: largest * self.unit,
            smallest: smallest * self.unit,
            leading: 1.15,
            max_lines,
        }
    }

    /// The mark and the site's name at the top (or foot) of `inner`; returns the mark and the
    /// room left for the rest.
    fn brand(&mut self, facts: &Facts, inner: Rect) -> (Option<(f32, f32, f32)>, Rect) {
        let show_mark = self.design.shows(Field::Mark);
        let show_site = self.design.shows(Field::Site) && !facts.site.is_empty();
        if !show_mark && !show_site {
            return (None, inner);
        }
        let diameter = 46.0 * self.unit;
        let gap = 18.0 * self.unit;
        let name_x = if show_mark {
            inner.x + diameter + gap
        } else {
            inner.x
        };
        let name = show_site
            .then(|| {
                let style = self.style(true, 28.0, 20.0, 2);
                let width = inner.x + inner.w - name_x;
                self.setter
                    .fit_shortened(&facts.site, style, width, 80.0 * self.unit)
            })
            .flatten();
        let row =
            name.as_ref()
                .map_or(0.0, |n| n.height)
                .max(if show_mark { diameter } else { 0.0 });
        let top = match self.design.brand {
            Edge::Top => inner.y,
            Edge::Bottom => inner.y + inner.h - row,
        };
        let mark = show_mark.then_some((inner.x + diameter / 2.0, top + row / 2.0, diameter / 2.0));
        if let Some(name) = name {
            let name_top = top + (row - name.height) / 2.0;
            let color = self.design.colors.text;
            self.place(Role::Site, color, &name, name_x, name_top);
        }
        let gap_after = 34.0 * self.unit;
        let free = match self.design.brand {
            Edge::Top => inner.inset(0.0, row + gap_after, 0.0, 0.0),
            Edge::Bottom => inner.inset(0.0, 0.0, 0.0, row + gap_after),
        };
        (mark, free)
    }

    /// The title at the top of `free`, the foot at its bottom; the foot shrinks when the title
    /// needs its room.
    fn title_and_foot(&mut self, facts: &Facts, free: Rect) {
        let (largest, smallest) = if self.square {
            (84.0, 34.0)
        } else {
            (66.0, 30.0)
        };
        let title_style = Style {
            font: self.title_font(),
            largest: largest * self.unit * self.grow,
            smallest: smallest * self.unit,
            // Kazakh letters reach below (қ, ң, ғ, у) and above (Ә, Ө, Қ) the Latin ones: lines
            // closer than this touch, and people and OCR both read them worse.
            leading: 1.2,
            max_lines: 8,
        };
        let gap = 30.0 * self.unit;
        let mut foot = Foot::All;
        loop {
            let foot_texts = self.foot(facts, free, foot);
            let foot_top = foot_texts
                .iter()
                .map(|t| t.bounds.y)
                .fold(free.y + free.h + gap, f32::min);
            let room = foot_top - gap - free.y;
            // Four lines at most while a smaller size allows: five short lines read worse.
            let title = self
                .setter
                .fit(
                    &facts.title,
                    Style {
                        max_lines: 4,
                        ..title_style
                    },
                    free.w,
                    room,
                )
                .or_else(|| self.setter.fit(&facts.title, title_style, free.w, room));
            if let Some(title) = title {
                let color = self.design.colors.text;
                // A little above the middle of its room: the eye's centre of a picture.
                let top = free.y + (room - title.height).max(0.0) * 0.4;
                self.place(Role::Title, color, &title, free.x, top);
                self.texts.extend(foot_texts);
                return;
            }
            if foot == Foot::Nothing {
                break;
            }
            foot = match foot {
                Foot::All => Foot::Figure,
                Foot::Figure => Foot::District,
                _ => Foot::Nothing,
            };
        }
        // Even the smallest size leaves words over: go smaller still, never cut a word.
        let tiny = Style {
            largest: title_style.smallest,
            smallest: 6.0,
            ..title_style
        };
        if let Some(title) = self.setter.fit(&facts.title, tiny, free.w, free.h) {
            let color = self.design.colors.text;
            self.place(Role::Title, color, &title, free.x, free.y);
        }
    }

    fn title_font(&self) -> crate::print::fonts::FontId {
        let family = match self.design.font {
            FamilyChoice::Serif => Family::Serif,
            FamilyChoice::Sans => Family::Sans,
        };
        self.fonts.face(face(family, true, false))
    }

    /// The district above the headline result (its figure, its label beside it), set on the
    /// bottom of `free`, keeping the parts `keep` allows.
    fn foot(&self, facts: &Facts, free: Rect, keep: Foot) -> Vec<Text> {
        let colors = &self.design.colors;
        let mut texts = Vec::new();
        let mut bottom = free.y + free.h;
        let result = facts
            .figure
            .as_deref()
            .filter(|_| keep >= Foot::Figure && self.design.shows(Field::Result));
        if let Some(figure) = result {
            let largest = if self.square { 66.0 } else { 58.0 };
            let figure_style = self.style(true, largest * self.grow.min(1.1), 36.0, 1);
            if let Some(fig) =
                self.setter
                    .fit_shortened(figure, figure_style, free.w, 90.0 * self.unit)
            {
                let top = bottom - fig.height;
                texts.push(placed(Role::Figure, colors.accent, &fig, free.x, top));
                let gap = 20.0 * self.unit;
                let label_x = free.x + fig.width + gap;
                let label_w = free.x + free.w - label_x;
                let label = facts
                    .label
                    .as_deref()
                    .filter(|_| keep == Foot::All && label_w > 200.0 * self.unit);
                if let Some(label) = label {
                    let style = self.style(false, 25.0, 20.0, 2);
                    if let Some(l) = self.setter.fit_shortened(
                        label,
                        style,
                        label_w,
                        fig.height.max(62.0 * self.unit),
                    ) {
                        // Centred on the figure's height: it reads as the figure's caption.
                        let label_top = top + (fig.height - l.height) / 2.0;
                        texts.push(placed(Role::Label, colors.muted, &l, label_x, label_top));
                    }
                }
                bottom = top - 12.0 * self.unit;
            }
        }
        let district = facts
            .district
            .as_deref()
            .filter(|_| keep >= Foot::District && self.design.shows(Field::District));
        if let Some(district) = district {
            let style = self.style(false, 27.0, 20.0, 1);
            if let Some(d) = self
                .setter
                .fit_shortened(district, style, free.w, 50.0 * self.unit)
            {
                texts.push(placed(
                    Role::District,
                    colors.muted,
                    &d,
                    free.x,
                    bottom - d.height,
                ));
            }
        }
        texts
    }

    fn place(&mut self, role: Role, color: Rgb, fitted: &Fitted, x: f32, top: f32) {
        self.texts.push(placed(role, color, fitted, x, top));
    }
}

/// `fitted` with its block's top left at (`x`, `top`).
fn placed(role: Role, color: Rgb, fitted: &Fitted, x: f32, top: f32) -> Text {
    let lines = fitted
        .lines
        .iter()
        .enumerate()
        .map(|(i, run)| {
            (
                run.clone(),
                x,
                top + fitted.ascent + i as f32 * fitted.leading,
            )
        })
        .collect();
    Text {
        role,
        color,
        lines,
        bounds: Rect {
            x,
            y: top,
            w: fitted.width,
            h: fitted.height,
        },
    }
}

#[cfg(test)]
mod tests;
