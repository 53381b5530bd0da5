//! Lists that can grow (the project list, term pages, the booklet list) split into pages of
//! `page_size` items (site.yaml, 24 by default): the first at the list's own address, the
//! others at `page/2/`, `page/3/`, ... beside it, each with a localized "page 2 of 42"
//! navigation that works without JavaScript, `rel="prev"`/`"next"` links, its own canonical
//! address and a line in the sitemap.

use serde::Serialize;

use crate::config::BaseUrl;
use crate::i18n::{StringTable, format_integer};

use super::sitemap::Group;

/// The folder of page `number` of the list at `first` (`kk/projects/`): the list itself for
/// page 1, `kk/projects/page/2/` after it.
pub(crate) fn page_path(first: &str, number: usize) -> String {
    if number <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{number}/")
    }
}

/// How many pages `items` items fill: at least one, so an empty list still has its page.
pub(crate) fn page_count(items: usize, size: usize) -> usize {
    items.div_ceil(size.max(1)).max(1)
}

/// The items of each page, in order, with their page numbers (from 1).
pub(crate) fn pages<T>(items: &[T], size: usize) -> Vec<(usize, &[T])> {
    if items.is_empty() {
        return vec![(1, items)];
    }
    items
        .chunks(size.max(1))
        .zip(1..)
        .map(|(chunk, n)| (n, chunk))
        .collect()
}

/// `pagination` in templates; absent on a list that fits one page.
#[derive(Debug, Serialize)]
pub(crate) struct Pager {
    pub number: usize,
    pub total: usize,
    /// "42 беттің 2-беті", "Страница 2 из 42".
    pub label: String,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// Absolute addresses of the neighbours, for `<link rel="prev/next">`.
    pub prev_permalink: Option<String>,
    pub next_permalink: Option<String>,
    /// The page links to show: the first, the last, and two on each side of this one; `gap`
    /// entries stand for the pages left out between them.
    pub links: Vec<PageLink>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub(crate) struct PageLink {
    pub number: usize,
    pub label: String,
    pub url: String,
    pub current: bool,
    pub gap: bool,
}

/// The navigation of page `number` of `total` of the list at `first`.
pub(crate) fn pager(
    first: &str,
    number: usize,
    total: usize,
    base: &BaseUrl,
    strings: &StringTable,
    lang: &str,
) -> Option<Pager> {
    if total <= 1 {
        return None;
    }
    let count = |n: usize| format_integer(i64::try_from(n).unwrap_or(i64::MAX), lang);
    let label = strings
        .get(lang, "page_of", None)
        .replace("{number}", &count(number))
        .replace("{total}", &count(total));
    let neighbour = |n: usize| (1..=total).contains(&n).then(|| page_path(first, n));
    let (prev, next) = (neighbour(number - 1), neighbour(number + 1));
    let mut links = Vec::new();
    let mut last_shown = 0;
    for n in 1..=total {
        let shown = n == 1 || n == total || n.abs_diff(number) <= 2;
        if !shown {
            continue;
        }
        if n > last_shown + 1 {
            links.push(PageLink {
                number: 0,
                label: "…".into(),
                url: String::new(),
                current: false,
                gap: true,
            });
        }
        links.push(PageLink {
            number: n,
            label: count(n),
            url: base.link(&page_path(first, n)),
            current: n == number,
            gap: false,
        });
        last_shown = n;
    }
    Some(Pager {
        number,
        total,
        label,
        prev_permalink: prev.as_deref().map(|p| base.permalink(p)),
        next_permalink: next.as_deref().map(|p| base.permalink(p)),
        prev: prev.map(|p| base.link(&p)),
        next: next.map(|p| base.link(&p)),
        links,
    })
}

/// Sitemap entries for pages 2 and on of one list in every language: `first_in(lang)` is the
/// list's first page and `items_in(lang)` how many items it has there. Page 1 is the list's own
/// entry, made where the list is.
pub(crate) fn sitemap_groups(
    languages: &[&str],
    size: usize,
    first_in: impl Fn(&str) -> String,
    items_in: impl Fn(&str) -> usize,
) -> Vec<Group> {
    // Counted once per language: `items_in` may walk the whole site.
    let pages: Vec<(&str, usize)> = languages
        .iter()
        .map(|l| (*l, page_count(items_in(l), size)))
        .collect();
    let most = pages.iter().map(|(_, count)| *count).max().unwrap_or(1);
    (2..=most)
        .map(|n| Group {
            pages: pages
                .iter()
                .filter(|(_, count)| *count >= n)
                .map(|(l, _)| (l.to_string(), page_path(&first_in(l), n)))
                .collect(),
            lastmod: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> StringTable {
        let mut table = StringTable::new("ru");
        let problems = table.merge_yaml(
            "ru",
            "page_of: Страница {number} из {total}\n",
            std::path::Path::new("ru.yaml"),
        );
        assert!(problems.is_empty());
        table
    }

    fn base() -> BaseUrl {
        BaseUrl::parse("https://example.org/civic/").expect("base")
    }

    #[test]
    fn pages_split_items_and_an_empty_list_keeps_one_page() {
        let items: Vec<u32> = (0..50).collect();
        let split = pages(&items, 24);
        assert_eq!(
            split.iter().map(|(n, p)| (*n, p.len())).collect::<Vec<_>>(),
            [(1, 24), (2, 24), (3, 2)]
        );
        assert_eq!(pages::<u32>(&[], 24).len(), 1);
        assert_eq!(page_count(0, 24), 1);
        assert_eq!(page_count(48, 24), 2);
        assert_eq!(page_count(49, 24), 3);
    }

    #[test]
    fn the_first_page_is_the_list_itself() {
        assert_eq!(page_path("kk/projects/", 1), "kk/projects/");
        assert_eq!(page_path("kk/projects/", 2), "kk/projects/page/2/");
    }

    #[test]
    fn navigation_shows_the_ends_and_the_neighbours_with_gaps_between() {
        let pager = pager("ru/projects/", 6, 42, &base(), &strings(), "ru").expect("pages");
        assert_eq!(pager.label, "Страница 6 из 42");
        assert_eq!(pager.prev.as_deref(), Some("/civic/ru/projects/page/5/"));
        assert_eq!(
            pager.next_permalink.as_deref(),
            Some("https://example.org/civic/ru/projects/page/7/")
        );
        let shown: Vec<&str> = pager.links.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(shown, ["1", "…", "4", "5", "6", "7", "8", "…", "42"]);
        assert!(
            pager
                .links
                .iter()
                .filter(|l| l.current)
                .all(|l| l.number == 6)
        );
        let first = pager.links.first().expect("a first link");
        assert_eq!(first.url, "/civic/ru/projects/");
    }

    #[test]
    fn a_list_of_one_page_has_no_navigation_and_the_ends_have_one_neighbour() {
        assert!(pager("kk/projects/", 1, 1, &base(), &strings(), "ru").is_none());
        let first = pager("kk/projects/", 1, 3, &base(), &strings(), "ru").expect("pages");
        assert_eq!(
            (first.prev, first.next.as_deref()),
            (None, Some("/civic/kk/projects/page/2/"))
        );
        let last = pager("kk/projects/", 3, 3, &base(), &strings(), "ru").expect("pages");
        assert_eq!(last.next, None);
    }

    #[test]
    fn the_sitemap_lists_pages_two_and_on_in_the_languages_that_have_them() {
        let groups = sitemap_groups(
            &["kk", "ru"],
            24,
            |l| format!("{l}/projects/"),
            |l| if l == "kk" { 60 } else { 30 },
        );
        let pages: Vec<Vec<String>> = groups
            .iter()
            .map(|g| g.pages.iter().map(|(_, p)| p.clone()).collect())
            .collect();
        assert_eq!(
            pages,
            [
                vec![
                    "kk/projects/page/2/".to_string(),
                    "ru/projects/page/2/".to_string()
                ],
                vec!["kk/projects/page/3/".to_string()]
            ]
        );
    }
}
