//! # egiz — a static site generator for NGOs
//!
//! *Егіз* is Kazakh for "twins": every story lives as two (or more) language versions of one
//! thing. egiz reads Markdown project stories with YAML front matter, renders a multilingual
//! website through Tera themes, and typesets printable PDF booklets from the same content.
//!
//! ## The pipeline
//!
//! ```text
//! site.yaml ─┐
//! content/ ──┼─► content::load ─► Site (immutable model) ─┬─► web::render ──► HTML, feeds, search index, sitemap, images
//! themes/  ──┘        │                                    └─► print::engine ──► PDF
//!                     └─ Diagnostics: all problems at once, file:line:col
//!                                               output::Staging ─► atomic swap into output/
//! ```
//!
//! 1. [`config`] reads `site.yaml`: languages (Kazakh first in the example), the base URL (which
//!    may have a sub-path), taxonomies with language-neutral term keys.
//! 2. [`content`] walks `content/`, splits front matter ([`content::frontmatter`]), parses it into
//!    typed schemas ([`content::schema`]) with errors placed at `file:line:col` ([`yaml`]),
//!    renders each Markdown body once ([`markdown`]), pairs translations by their file suffix
//!    (`NAME.kk.md` / `NAME.ru.md`), copies language-neutral facts from the default language's file
//!    into translations that omit them, and resolves every page's address. Every problem of the
//!    whole site is collected in [`diagnostics::Diagnostics`]; with any error, nothing is written.
//! 3. [`web`] loads the theme (site theme → the theme it extends → the built-in default, embedded
//!    into the binary by `build.rs`), compiles the templates once, and renders all pages in parallel
//!    (rayon), with [`i18n`] for plurals, dates, numbers and transliterated slugs. Before the
//!    pages, [`web::images`] resizes every JPEG and PNG the pages show (in parallel, reusing
//!    `<site>/.egiz-cache/images/`), so templates get `srcset`, `width` and `height`.
//!    The web side works on a [`web::Prepared`] site: pages borrowed for missing translations
//!    ([`web::fallback`]), taxonomy terms ([`web::taxonomy`]) and dashboard figures, worked out
//!    once; every HTML page is a [`web::Job`] that says what content it reads, so the dev server
//!    can re-render only what a change touches. Feeds, the search index and the sitemap are
//!    written beside the pages.
//! 4. [`print`](mod@crate::print) typesets the same model on paper, in stages that each have a
//!    module or a folder, imports going one way: [`print::doc`] (a block/inline tree from
//!    Markdown, with the web's heading ids from [`markdown::heading_ids`]; [`print::story`]
//!    adds a story's facts, results and quotes) → [`print::inline`] (harfrust shaping of the
//!    embedded Noto family of [`print::fonts`], Liang hyphenation for Russian and Kazakh,
//!    Knuth–Plass line breaking, lines set into glyph runs) → [`print::flow`] (headings, lists,
//!    tables, cards into a galley, then pagination with widows, orphans, keeps, running header
//!    and folio, and the layout report) → [`print::pdf`] (printpdf, then a lopdf pass for page
//!    boxes, outlines, links and metadata), the stages meeting in the display list of
//!    [`print::display`].
//!    [`print::engine`] ties them together with the theme's [`theme::print`].
//!    Booklets: the model resolves every booklet and story leaflet ([`content::booklets`]: its
//!    stories, paper, editions and the PDF files they make, with their addresses); the build
//!    typesets them first ([`print::booklet`]: cover, contents with real page numbers, text,
//!    back cover with a QR code; single, sequential, flip, parallel, imposed and print-shop
//!    editions), in parallel, then the web pages, which link to the files and show their sizes.
//!    [`booklets`] drives this for `egiz build` and `egiz booklet`.
//! 5. [`output`] writes into a staging folder beside `output/` and swaps it in only when the whole
//!    build succeeded, so a failed build leaves the previous output byte-identical. Every path is
//!    checked to stay inside the output folder.
//!
//! Addresses come from transliterated names, the same everywhere a slug is made:
//!
//! ```
//! assert_eq!(egiz::i18n::slugify("Қазақстанның"), "qazaqstannyng");
//! assert_eq!(egiz::i18n::slugify("Біз туралы"), "biz-turaly");
//! ```
//!
//! and every link is written under the site's base path, so a site can live in a sub-folder:
//!
//! ```
//! let base = egiz::config::BaseUrl::parse("https://org.github.io/ngo-site").unwrap();
//! assert_eq!(base.link("kk/projects/x/"), "/ngo-site/kk/projects/x/");
//! assert_eq!(base.permalink("ru/"), "https://org.github.io/ngo-site/ru/");
//! ```
//!
//! The dev server ([`serve`]) runs the same pipeline into memory and then keeps what it can
//! between saves: parsed files ([`content::load::ParseCache`], trusted without looking at the
//! disk while the watcher reports every change), each story's card and search words
//! ([`web::Reuse`]), and the booklet files a change does not concern. A rebuild re-renders
//! the jobs that read a changed entry, before or after the change, and
//! `serve::incremental`'s tests check after each kind of edit that what it serves is byte for
//! byte what a fresh build makes.
//!
//! The web and print renderers only read the model; neither knows the other.
//! The `egiz` binary (`src/main.rs` and one module per command in `src/commands/`) is a thin
//! command-line layer over [`build::build`], [`scaffold::init`], [`scaffold::new_story`],
//! [`booklets::print_story`], [`booklets::build_booklets`], [`serve::serve`] (the dev server
//! with live reload) and [`check::check`].

mod booklets;
mod build;
mod check;
mod config;
mod content;
mod diagnostics;
mod i18n;
mod markdown;
mod output;
mod print;
mod progress;
mod scaffold;
mod serve;
mod taxonomy;
mod theme;
mod units;
mod web;
mod yaml;

pub use booklets::{
    BookletOptions, BookletReport, Booklets, PrintOptions, PrintedBooklets, PrintedFile,
    build_booklets, print_story,
};
pub use build::{BuildOptions, BuildReport, build};
pub use check::Coverage;
pub use check::{CheckReport, check};
pub use config::BaseUrl;
pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use progress::enable as show_progress;
pub use scaffold::{init, new_story};
pub use serve::{Report as ServeReport, ServeOptions, Update as ServeUpdate, serve};
pub use web::images::Stats as ImageStats;

/// Parts of the engine the integration tests look into (`tests/suite/`): not an API, and it may
/// change with any release.
#[doc(hidden)]
pub mod internals {
    pub use crate::config::load as load_config;
    pub use crate::content::load as load_site;
    pub use crate::print::engine::Engine;
    pub use crate::print::hyphenate::HyphLang;
    pub use crate::print::report::ink_outside;
    pub use crate::print::story::story_document;
    pub use crate::theme::Theme;
}
