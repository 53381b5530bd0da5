//! The files that list the whole site (see [`super::render_with_indexes`]): the sitemap, with
//! every page of every paginated list, and the Atom feeds, written beside the pages; the search
//! index, written after them from the words they gathered.

use crate::content::Site;
use crate::diagnostics::Diagnostics;
use crate::output::Sink;

use super::{Prepared, dashboard, feed, pagination, sitemap, taxonomy};

/// The sitemap and the Atom feeds: what needs nothing of the pages, so it is written beside
/// them, on the other cores.
pub(crate) fn write_lists(site: &Site, prepared: &Prepared, sink: &dyn Sink) -> Diagnostics {
    let mut problems = Diagnostics::new();
    sitemap_of(site, prepared, sink, &mut problems);
    if let Err(d) = feed::write_all(&prepared.site, sink) {
        problems.push(d);
    }
    problems
}

/// The sitemap lists the site as written: a borrowed page is no translation to announce.
fn sitemap_of(site: &Site, prepared: &Prepared, sink: &dyn Sink, problems: &mut Diagnostics) {
    let languages = site.config.language_codes();
    let mut generated = vec![sitemap::Group::every_language(&languages, dashboard::path)];
    generated.extend(taxonomy::sitemap_groups(&prepared.taxonomies, &languages));
    let size = site.config.raw.page_size;
    let shown: &Site = &prepared.site;
    generated.extend(pagination::sitemap_groups(
        &languages,
        size,
        |l| format!("{l}/projects/"),
        |l| shown.stories_in(l).count(),
    ));
    generated.extend(pagination::sitemap_groups(
        &languages,
        size,
        |l| format!("{l}/booklets/"),
        |l| {
            shown
                .booklets
                .iter()
                .filter(|e| e.page(l).is_some())
                .count()
        },
    ));
    for tax in &prepared.taxonomies {
        for term in &tax.terms {
            generated.extend(pagination::sitemap_groups(
                &languages,
                size,
                |l| taxonomy::term_path(l, tax.key(), &term.key),
                |l| term.count(l),
            ));
        }
    }
    if let Err(d) = sitemap::write(site, sink, generated) {
        problems.push(d);
    }
}
