//! The back cover: for each language (one, or two side by side) a QR code to the booklet's
//! web page with its address under it, then the publisher and contacts, and the colophon
//! (partners, print run, date) at the foot.

use crate::content::booklets::Front;
use crate::i18n::{self, DateStyle};
use crate::print::display::{Draw, LinkTarget, Page, translate};
use crate::print::doc::Align;
use crate::print::inline::{SetLine, TextStyle};
use crate::units::{Mm, Pt};

use super::column::Column;
use super::qr;
use super::setup::{Setup, text_area};

/// Side of the QR code on the back cover.
const QR_SIZE: Mm = Mm(34.0);

impl Setup<'_> {
    /// The back cover: for each language (one, or two side by side) a QR code to the booklet's
    /// web page with its address under it, then the publisher, contacts and colophon.
    pub(crate) fn back_cover(&self, langs: &[&str], bleed: Pt) -> Page {
        let look = self.look();
        let (width, height) = self.page_size();
        let (x, measure) = text_area(&self.settings, 1);
        let mut draws = vec![Draw::Rect {
            x: Pt(-bleed.0),
            y: Pt(-bleed.0),
            w: Pt(width + 2.0 * bleed.0),
            h: Pt(Pt::from(Mm(6.0)).0 + bleed.0),
            fill: Some(look.accent),
            stroke: None,
        }];
        let fronts: Vec<Front> = langs
            .iter()
            .filter_map(|lang| self.booklet.front(self.site, lang))
            .collect();
        let columns = fronts.len().max(1) as f32;
        let gutter = Pt::from(Mm(6.0)).0;
        let column = (measure - gutter * (columns - 1.0)) / columns;
        let top = height - Pt::from(Mm(self.settings.margins.top + 10.0)).0;
        for (n, front) in fronts.iter().enumerate() {
            let left = x + n as f32 * (column + gutter);
            self.language_column(&mut draws, front, (left, column), top);
        }
        self.blank_page(draws)
    }

    /// One language's column of the back cover, `(left, width)`, from `top` down: the QR
    /// code with its address, the publisher and contacts; the colophon at the foot.
    fn language_column(
        &self,
        draws: &mut Vec<Draw>,
        front: &Front,
        (left, width): (f32, f32),
        top: f32,
    ) {
        let look = self.look();
        let mut column = Column::new(self.fonts, front.lang, left, width, Align::Center);
        let scan = self.strings.get(front.lang, "booklet_scan", None);
        let scan_style = TextStyle::upright(look.headings, true, look.size, look.accent);
        let mut y = column.stack(draws, &scan, scan_style, top, look.size * 1.3);
        y = self.qr_code(draws, &mut column, front, y);
        if let Some(publisher) = front.publisher {
            let publisher_style = TextStyle::upright(look.headings, true, look.size, look.text);
            y = column.stack(draws, publisher, publisher_style, y, look.size * 1.3);
        }
        let contact_style = TextStyle::upright(look.headings, false, look.small + 0.5, look.text);
        for contact in front.contacts.iter().flat_map(|c| c.lines()) {
            let top = y - look.small * 0.4;
            y = column.stack(draws, contact.trim(), contact_style, top, look.small * 1.4);
        }
        // The colophon sits at the foot of the page.
        let colophon_style = TextStyle::upright(look.headings, false, look.small, look.muted);
        let lines: Vec<SetLine> = self
            .colophon(front)
            .iter()
            .flat_map(|line| column.lines(line, colophon_style))
            .collect();
        let leading = look.small * 1.35;
        let foot = Pt::from(Mm(self.settings.margins.bottom + 2.0)).0
            + (lines.len() as f32 - 1.0).max(0.0) * leading;
        column.place_lines(draws, &lines, foot, leading);
    }

    /// The QR code to the booklet's web page under `y`, linked, with the address under it
    /// at the largest size that fits the column; returns the top edge for what follows.
    fn qr_code(&self, draws: &mut Vec<Draw>, column: &mut Column, front: &Front, y: f32) -> f32 {
        let look = self.look();
        let qr_side = Pt::from(QR_SIZE).0.min(column.width);
        let url = self.site.config.base.permalink(&front.page.path);
        let qr_bottom = y - look.line * 0.5 - qr_side;
        let qr_left = column.x + (column.width - qr_side) / 2.0;
        if let Some(code) = qr::draws(&url, Pt(qr_left), Pt(qr_bottom), Pt(qr_side), look.text) {
            draws.extend(code);
        }
        draws.push(Draw::Link {
            x: Pt(qr_left),
            y: Pt(qr_bottom),
            w: Pt(qr_side),
            h: Pt(qr_side),
            target: LinkTarget::Uri(url.clone()),
        });
        let baseline = qr_bottom - look.small * 1.2;
        let address = column.fitted_line(
            &url,
            TextStyle::upright(look.headings, false, look.small, look.text),
        );
        let address_x = column.x + (column.width - address.width) / 2.0;
        for mut draw in address.draws {
            translate(&mut draw, address_x - address.x, baseline);
            draws.push(draw);
        }
        baseline - look.line * 2.5
    }

    /// Partners, print run and date, one line each, in the front's language.
    fn colophon(&self, front: &Front) -> Vec<String> {
        let lang = front.lang;
        let mut lines = Vec::new();
        if !front.partners.is_empty() {
            let names: Vec<&str> = front.partners.iter().map(|p| p.name.as_str()).collect();
            lines.push(format!(
                "{}: {}",
                self.strings.get(lang, "partners", None),
                names.join(", ")
            ));
        }
        if let Some(run) = front.print_run {
            lines.push(self.strings.get(lang, "print_run", Some(run as f64)));
        }
        if let Some(date) = front.date {
            lines.push(i18n::format_date(date, lang, DateStyle::Long));
        }
        lines
    }
}
