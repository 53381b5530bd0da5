//! Atom feeds, `/{lang}/atom.xml`: well-formed XML (parsed with quick-xml), `xml:lang`, a self
//! link, one entry per story of the language, newest first, RFC 3339 dates, every address
//! absolute under base_url (also a sub-path one, and one given with `--base-url`), and a link to
//! the feed in the head of every page of the language.

use std::collections::BTreeMap;

use quick_xml::events::Event;

use crate::support::files::html_files;
use crate::support::site::{BALKHASH_ONLY, Fixture, kk_ru_site_yaml, md};
use crate::support::xml::unescape;

/// One XML element: its name as written (with prefix), attributes (entities resolved), the text
/// directly inside it, and its child elements.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    fn all(&self, name: &str) -> Vec<&Element> {
        self.children.iter().filter(|c| c.name == name).collect()
    }

    fn one(&self, name: &str) -> &Element {
        let found = self.all(name);
        assert_eq!(found.len(), 1, "<{}> should have one <{name}>", self.name);
        found[0]
    }

    /// Every element of the tree, this one included.
    fn descendants(&self) -> Vec<&Element> {
        let mut all = vec![self];
        for child in &self.children {
            all.extend(child.descendants());
        }
        all
    }
}

fn element(start: &quick_xml::events::BytesStart) -> Element {
    let mut attrs = BTreeMap::new();
    for attr in start.attributes() {
        let attr = attr.unwrap_or_else(|e| panic!("a malformed attribute: {e}"));
        let key = String::from_utf8(attr.key.as_ref().to_vec()).expect("UTF-8 name");
        let value = std::str::from_utf8(&attr.value).expect("UTF-8 value");
        assert!(
            attrs.insert(key.clone(), unescape(value)).is_none(),
            "the attribute {key} is repeated"
        );
    }
    Element {
        name: String::from_utf8(start.name().as_ref().to_vec()).expect("UTF-8 name"),
        attrs,
        ..Element::default()
    }
}

/// Parse `xml` strictly: an XML declaration, exactly one root element, matching end tags,
/// only the five predefined entities or character references.
fn parse(xml: &str) -> Element {
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
        "no XML declaration"
    );
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut roots: Vec<Element> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()));
        match event {
            Event::Start(start) => stack.push(element(&start)),
            Event::Empty(start) => {
                let done = element(&start);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => roots.push(done),
                }
            }
            Event::End(_) => {
                let done = stack.pop().expect("an end tag without a start");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => roots.push(done),
                }
            }
            Event::Text(text) => {
                let text = std::str::from_utf8(&text).expect("UTF-8 text");
                match stack.last_mut() {
                    Some(parent) => parent.text.push_str(text),
                    None => assert!(text.trim().is_empty(), "text outside the root: {text:?}"),
                }
            }
            Event::GeneralRef(reference) => {
                let name = std::str::from_utf8(&reference).expect("UTF-8 reference");
                let known =
                    ["lt", "gt", "amp", "quot", "apos"].contains(&name) || name.starts_with('#');
                assert!(known, "an undefined entity &{name};");
                let parent = stack.last_mut().expect("a reference outside the root");
                parent.text.push_str(&unescape(&format!("&{name};")));
            }
            Event::CData(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::DocType(_) => panic!("a feed needs no DOCTYPE"),
            Event::Eof => break,
        }
    }
    assert!(stack.is_empty(), "unclosed elements at the end");
    assert_eq!(roots.len(), 1, "exactly one root element");
    roots.pop().expect("one root")
}

/// `2023-12-06T00:00:00Z` or with an offset / fraction, as RFC 3339 requires.
fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        range
            .clone()
            .all(|i| b.get(i).is_some_and(u8::is_ascii_digit))
    };
    if b.len() < 20
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || b[10] != b'T'
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    let month: u32 = text[5..7].parse().unwrap_or(0);
    let day: u32 = text[8..10].parse().unwrap_or(0);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let end = fraction
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(fraction.len());
        if end == 0 {
            return false;
        }
        rest = &fraction[end..];
    }
    rest == "Z"
        || (rest.len() == 6
            && (rest.starts_with('+') || rest.starts_with('-'))
            && rest.as_bytes()[3] == b':'
            && rest[1..3].bytes().all(|c| c.is_ascii_digit())
            && rest[4..6].bytes().all(|c| c.is_ascii_digit()))
}

#[test]
fn the_rfc3339_check_can_fail() {
    assert!(is_rfc3339("2023-12-06T00:00:00Z"));
    assert!(is_rfc3339("2023-12-06T10:20:30.5+05:00"));
    assert!(!is_rfc3339("2023-12-06"));
    assert!(!is_rfc3339("2023-12-06 00:00:00Z"));
    assert!(!is_rfc3339("2023-13-06T00:00:00Z"));
}

/// The feeds' site at `base`: markup-like characters in its title.
fn site_yaml(base: &str) -> String {
    kk_ru_site_yaml(
        "{ kk: Бастамалар & <жобалар>, ru: Инициативы & <проекты> }",
        base,
        BALKHASH_ONLY,
    )
}

/// Three Kazakh stories (one with markup-like characters in its title and a site-root
/// link), two of them also in Russian; dates out of file order.
fn site(base: &str) -> Fixture {
    let site = Fixture::with_config(&site_yaml(base));
    site.write(
        "content/projects/a-old.kk.md",
        &md(
            "title: Ескі\ndate: 2021-02-03\ndistrict: balkhash",
            "Мәтін.\n",
        ),
    )
    .write(
        "content/projects/a-old.ru.md",
        &md("title: Старый", "Текст.\n"),
    )
    .write(
        "content/projects/b-new.kk.md",
        &md(
            "title: \"Жаңа <b> & «бастама»\"\ndate: 2024-06-01\ndistrict: balkhash",
            "[Біз туралы](/kk/about/)\n",
        ),
    )
    .write(
        "content/projects/b-new.ru.md",
        &md("title: \"Новый <b> & «проект»\"", "Текст.\n"),
    )
    .write(
        "content/projects/c-mid.kk.md",
        &md("title: Орта\ndate: 2022-09-15", "Мәтін.\n"),
    );
    site
}

/// The feed of `lang`, parsed, with the checks every feed must pass.
fn checked_feed(site: &Fixture, lang: &str, base: &str) -> Element {
    let feed = parse(&site.read_output(&format!("{lang}/atom.xml")));
    assert_eq!(feed.name, "feed");
    assert_eq!(feed.attr("xmlns"), Some("http://www.w3.org/2005/Atom"));
    assert_eq!(feed.attr("xml:lang"), Some(lang));
    let self_links: Vec<&Element> = feed
        .all("link")
        .into_iter()
        .filter(|l| l.attr("rel") == Some("self"))
        .collect();
    assert_eq!(self_links.len(), 1, "one self link");
    assert_eq!(
        self_links[0].attr("href"),
        Some(format!("{base}{lang}/atom.xml").as_str())
    );
    assert!(!feed.one("id").text.is_empty());
    assert!(!feed.one("title").text.is_empty());
    assert!(is_rfc3339(&feed.one("updated").text), "feed updated");
    for entry in feed.all("entry") {
        assert!(!entry.one("title").text.is_empty());
        assert!(entry.one("id").text.starts_with(base));
        assert!(is_rfc3339(&entry.one("updated").text), "entry updated");
        for published in entry.all("published") {
            assert!(is_rfc3339(&published.text), "entry published");
        }
    }
    // Every address anywhere in the feed is absolute and under the site's base.
    for element in feed.descendants() {
        for attr in ["href", "xml:base", "scheme", "src"] {
            if let Some(url) = element.attr(attr) {
                assert!(
                    url.starts_with(base),
                    "{lang}: <{} {attr}={url:?}> is not under {base}",
                    element.name
                );
            }
        }
    }
    feed
}

fn entry_links(feed: &Element) -> Vec<String> {
    feed.all("entry")
        .into_iter()
        .map(|e| {
            let links = e.all("link");
            let alternate = links
                .iter()
                .find(|l| l.attr("rel").unwrap_or("alternate") == "alternate")
                .expect("an entry links to its page");
            alternate.attr("href").unwrap_or_default().to_string()
        })
        .collect()
}

#[test]
fn each_language_has_a_well_formed_feed_of_its_stories_newest_first() {
    let base = "https://example.org/";
    let site = site(base);
    site.build_ok();
    let kk = checked_feed(&site, "kk", base);
    assert_eq!(
        entry_links(&kk),
        [
            "https://example.org/kk/projects/b-new/",
            "https://example.org/kk/projects/c-mid/",
            "https://example.org/kk/projects/a-old/",
        ]
    );
    assert_eq!(kk.one("title").text, "Бастамалар & <жобалар>");
    assert_eq!(kk.all("entry")[0].one("title").text, "Жаңа <b> & «бастама»");
    assert!(
        kk.all("entry")[0]
            .one("updated")
            .text
            .starts_with("2024-06-01T")
    );
    assert!(
        kk.one("updated").text.starts_with("2024-06-01T"),
        "the newest story's date"
    );

    let ru = checked_feed(&site, "ru", base);
    assert_eq!(
        entry_links(&ru),
        [
            "https://example.org/ru/projects/b-new/",
            "https://example.org/ru/projects/a-old/",
        ]
    );
    assert_eq!(ru.all("entry")[0].one("title").text, "Новый <b> & «проект»");
}

#[test]
fn feed_limit_keeps_the_newest_stories() {
    let base = "https://example.org/";
    let site = Fixture::with_config(&format!("{}feed_limit: 2\n", site_yaml(base)));
    for (name, date) in [
        ("a", "2021-01-01"),
        ("b", "2023-01-01"),
        ("c", "2022-01-01"),
    ] {
        site.write(
            &format!("content/projects/{name}.kk.md"),
            &md(&format!("title: {name}\ndate: {date}"), "Мәтін.\n"),
        );
    }
    site.build_ok();
    let kk = checked_feed(&site, "kk", base);
    assert_eq!(
        entry_links(&kk),
        [
            "https://example.org/kk/projects/b/",
            "https://example.org/kk/projects/c/",
        ]
    );
    assert!(kk.one("updated").text.starts_with("2023-01-01T"));
}

#[test]
fn feeds_of_a_sub_path_site_stay_under_its_base() {
    let base = "https://org.github.io/ngo-site/";
    let site = site(base);
    site.build_ok();
    for lang in ["kk", "ru"] {
        checked_feed(&site, lang, base);
    }
    let kk = checked_feed(&site, "kk", base);
    assert_eq!(
        entry_links(&kk)[0],
        "https://org.github.io/ngo-site/kk/projects/b-new/"
    );
    // The site-root link inside the story's text keeps the sub-path.
    let content = &kk.all("entry")[0].one("content").text;
    assert!(
        content.contains("href=\"/ngo-site/kk/about/\"")
            || content.contains("href=\"https://org.github.io/ngo-site/kk/about/\""),
        "{content}"
    );
}

#[test]
fn base_url_given_on_the_command_line_moves_the_feeds() {
    let site = site("https://example.org/");
    site.build_with(&["--base-url", "http://localhost:8000/preview/"])
        .assert_success();
    for lang in ["kk", "ru"] {
        let feed = checked_feed(&site, lang, "http://localhost:8000/preview/");
        assert!(!feed.all("entry").is_empty());
    }
}

#[test]
fn every_page_links_to_the_feed_of_its_language() {
    let base = "https://org.github.io/ngo-site/";
    let site = site(base);
    site.build_ok();
    let mut checked = 0;
    for file in html_files(&site.out()) {
        let Some(lang) = ["kk", "ru"]
            .into_iter()
            .find(|l| file.starts_with(&format!("{l}/")))
        else {
            continue;
        };
        let page = site.page(&file);
        assert_eq!(
            page.select_attr(
                "head link[rel=alternate][type='application/atom+xml']",
                "href"
            ),
            [format!("{base}{lang}/atom.xml")],
            "{file}"
        );
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} pages checked");
}
