//! A story as a print document: its title, cover, summary and a facts table, then its text,
//! then its results and the participants' words — the same facts the web page shows.

use crate::config::NameForm;
use crate::content::{Page, Site};
use crate::i18n::{self, DateStyle, StringTable};
use crate::taxonomy::Taxonomy;
use crate::theme;

use super::doc::{self, Align, Block, Document, Inline, ResultFigure, Style};

/// The print document of one language version of a story.
pub(crate) fn story_document(site: &Site, page: &Page, strings: &StringTable) -> Document {
    let lang = page.lang.as_str();
    let body = doc::parse(&page.body.text());
    let mut blocks = vec![Block::Heading {
        level: 1,
        id: "title".into(),
        inlines: vec![plain(&page.title)],
    }];
    let Some(meta) = page.story() else {
        blocks.extend(body.blocks);
        return Document {
            blocks,
            footnotes: body.footnotes,
        };
    };

    if !page.summary().is_empty() {
        blocks.push(Block::Paragraph(vec![styled(
            page.summary(),
            Style {
                italic: true,
                ..Style::default()
            },
        )]));
    }
    if let Some(cover) = &meta.cover {
        // The alt text describes the picture for people who cannot see it; on paper the
        // picture speaks for itself, so the cover gets no caption.
        blocks.push(Block::Image {
            src: cover.src.clone(),
            alt: String::new(),
            title: None,
        });
    }
    let facts = facts(site, page, strings);
    if !facts.is_empty() {
        blocks.push(heading(3, "facts", &strings.get(lang, "facts", None)));
        blocks.push(Block::Table {
            header: Vec::new(),
            rows: facts
                .into_iter()
                .map(|(label, value)| vec![vec![plain(&label)], vec![plain(&value)]])
                .collect(),
            align: vec![Align::Left, Align::Left],
        });
    }
    blocks.extend(body.blocks);

    let results: Vec<ResultFigure> = meta
        .results
        .iter()
        .flatten()
        .map(|r| ResultFigure {
            value: r.display(lang),
            label: r.label.clone(),
        })
        .collect();
    if !results.is_empty() {
        section_heading(&mut blocks, "results", &strings.get(lang, "results", None));
        blocks.push(Block::Results(results));
    }
    let quotes = meta.quotes.as_deref().unwrap_or_default();
    if !quotes.is_empty() {
        section_heading(&mut blocks, "quotes", &strings.get(lang, "quotes", None));
        blocks.extend(quotes.iter().map(|q| Block::Testimonial {
            text: q.text.clone(),
            by: q.by.clone(),
        }));
    }
    Document {
        blocks,
        footnotes: body.footnotes,
    }
}

/// (label, value) rows of the facts table, in the page's language.
fn facts(site: &Site, page: &Page, strings: &StringTable) -> Vec<(String, String)> {
    let lang = page.lang.as_str();
    let Some(meta) = page.story() else {
        return Vec::new();
    };
    let label = |key: &str| strings.get(lang, key, None);
    let mut rows = Vec::new();
    let terms = |taxonomy: &Taxonomy| -> Option<(String, String)> {
        let labels: Vec<&str> = meta
            .terms(taxonomy)
            .into_iter()
            .map(|key| site.config.term_label(taxonomy, key, lang))
            .collect();
        let name = theme::taxonomy_name(&site.config, strings, taxonomy, NameForm::Field, lang);
        (!labels.is_empty()).then(|| (name, labels.join(", ")))
    };
    rows.extend(terms(&Taxonomy::District));
    if let Some(period) = &meta.period {
        let date = |d: Option<i18n::Date>| {
            d.map(|d| i18n::format_date(d, lang, DateStyle::Long))
                .unwrap_or_default()
        };
        let text = match (period.start, period.end) {
            (Some(_), Some(_)) => format!("{} – {}", date(period.start), date(period.end)),
            _ => format!("{}{}", date(period.start), date(period.end)),
        };
        rows.push((label("period"), text));
    }
    if let Some(status) = meta.status {
        rows.push((label("status"), label(&format!("status_{}", status.key()))));
    }
    if let Some(count) = meta.beneficiaries {
        rows.push((
            label("beneficiaries_label"),
            strings.get(lang, "beneficiaries", Some(count as f64)),
        ));
    }
    if let Some(budget) = &meta.budget {
        rows.push((label("budget"), budget.display(lang)));
    }
    rows.extend(terms(&Taxonomy::Topics));
    rows.extend(site.config.custom_taxonomies().filter_map(|t| terms(&t)));
    rows
}

fn plain(text: &str) -> Inline {
    styled(text, Style::default())
}

fn styled(text: &str, style: Style) -> Inline {
    Inline {
        text: text.to_string(),
        style,
        link: None,
    }
}

/// Adds the template's heading for its results or quotes, unless the story's text already
/// ends in a section of that name («## Нәтиже», «## Жобаның нәтижелері» before the template's
/// «Нәтижелер»): the figures then go under the story's own heading, not under a second one
/// saying the same.
fn section_heading(blocks: &mut Vec<Block>, id: &str, text: &str) {
    let last = blocks.iter().rev().find_map(|b| match b {
        Block::Heading { level, inlines, .. } => Some((*level, inlines)),
        _ => None,
    });
    let same = last.is_some_and(|(level, inlines)| {
        level == 2
            && near_same(
                &inlines.iter().map(|i| i.text.as_str()).collect::<String>(),
                text,
            )
    });
    if !same {
        blocks.push(heading(2, id, text));
    }
}

/// Letters two words must share from their start to count as the same word in another form
/// (Нәтиже, нәтижелер, нәтижелері; Результат, результаты).
const SAME_STEM: usize = 6;

/// Whether two headings say the same: every word of the shorter one (of three letters or
/// more) shares its first [`SAME_STEM`] letters with a word of the other. «Нәтиже» and
/// «Жобаның нәтижелері» say «Нәтижелер»; «Жақыныңа көмектес» does not say «Кім көмектесті».
fn near_same(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| w.to_lowercase().chars().take(SAME_STEM).collect())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}

fn heading(level: u8, id: &str, text: &str) -> Block {
    Block::Heading {
        level,
        id: id.to_string(),
        inlines: vec![plain(text)],
    }
}
