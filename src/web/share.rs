//! What a page offers for sharing. A story page gets its share cards (the PNG pictures made
//! beside it, handed in by the build as [`super::Prepared::card_files`]): `share_cards` for the
//! download links and `og_image` for the Open Graph and Twitter tags, the wide card. Story and
//! booklet pages get `share`: plain links to Telegram's, WhatsApp's and Facebook's own share
//! pages with the page's absolute address and title — no script, no button code from those
//! sites, nothing loaded from them until a reader follows a link — and the address for the
//! theme's "copy link" button, which only a browser with JavaScript shows.

use serde::Serialize;
use tera::Value;

use crate::content::Page;
use crate::theme::cards::SIZES;

use super::context::Builder;
use super::percent;

/// One card of the page, for a download link.
#[derive(Serialize)]
struct ShareCard {
    url: String,
    permalink: String,
    width: u32,
    height: u32,
    /// "45 КБ".
    size: String,
    /// "Link preview, 1200 × 630".
    label: String,
}

/// The picture link previews show: the wide card.
#[derive(Serialize)]
struct OgImage {
    url: String,
    width: u32,
    height: u32,
    alt: String,
}

#[derive(Serialize)]
struct ShareLink {
    /// `telegram`, `whatsapp`, `facebook`: for the theme's styling.
    network: &'static str,
    label: String,
    href: String,
}

#[derive(Serialize)]
struct Share {
    /// The page's absolute address, for the "copy link" button.
    url: String,
    links: Vec<ShareLink>,
}

/// The fields sharing adds to a story's or booklet's `page` value.
pub(crate) fn page_fields(builder: &Builder, page: &Page) -> tera::Map {
    let mut map = tera::Map::new();
    let lang = page.lang.as_str();
    map.insert(
        "share".into(),
        Value::from_serializable(&share(builder, page)),
    );
    if page.story().is_none() {
        return map;
    }
    let cards = cards(builder, page);
    if let Some(wide) = cards.first() {
        let alt = builder
            .strings
            .get(lang, "card_alt", None)
            .replace("{title}", &page.title)
            .replace("{site}", builder.site.config.title(lang));
        let og = OgImage {
            url: wide.permalink.clone(),
            width: wide.width,
            height: wide.height,
            alt,
        };
        map.insert("og_image".into(), Value::from_serializable(&og));
    }
    map.insert("share_cards".into(), Value::from_serializable(&cards));
    map
}

/// The cards made for `page`, the wide one first. A page borrowed from another language
/// (`missing_translation: fallback`) shows that language's text, so it shares that card.
fn cards(builder: &Builder, page: &Page) -> Vec<ShareCard> {
    let base = &builder.site.config.base;
    let lang = page.lang.as_str();
    let folder = match page.borrowed_from.as_deref() {
        Some(from) => page
            .path
            .replacen(&format!("{lang}/"), &format!("{from}/"), 1),
        None => page.path.clone(),
    };
    SIZES
        .iter()
        .filter_map(|size| {
            let path = format!("{folder}{}", size.file_name());
            let bytes = builder.card_files.get(&path)?;
            let key = if size.is_wide() {
                "card_wide"
            } else {
                "card_square"
            };
            Some(ShareCard {
                url: base.link(&path),
                permalink: base.permalink(&path),
                width: size.width,
                height: size.height,
                size: super::booklets::size_text(builder, *bytes, lang),
                label: builder
                    .strings
                    .get(lang, key, None)
                    .replace("{size}", &format!("{} × {}", size.width, size.height)),
            })
        })
        .collect()
}

fn share(builder: &Builder, page: &Page) -> Share {
    let url = builder.site.config.base.permalink(&page.path);
    let lang = page.lang.as_str();
    let (u, title) = (
        percent::encode(&url, percent::COMPONENT),
        percent::encode(&page.title, percent::COMPONENT),
    );
    let link = |network, key: &str, href: String| ShareLink {
        network,
        label: builder.strings.get(lang, key, None),
        href,
    };
    Share {
        links: vec![
            link(
                "telegram",
                "share_telegram",
                format!("https://t.me/share/url?url={u}&text={title}"),
            ),
            link(
                "whatsapp",
                "share_whatsapp",
                format!("https://wa.me/?text={title}%20{u}"),
            ),
            link(
                "facebook",
                "share_facebook",
                format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
            ),
        ],
        url,
    }
}
