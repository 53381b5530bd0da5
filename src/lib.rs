//! # egiz — a static site generator for NGOs
//!
//! *Егіз* is Kazakh for "twins": every story lives as two (or more) language versions of one
//! thing. egiz reads Markdown project stories with YAML front matter, renders a multilingual
//! website through Tera themes, and typesets printable PDF booklets from the same content.
//!
//! ## What the library offers
//!
//! The `egiz` program is a thin layer over these: [`build`] (with [`BuildOptions`]), [`check`],
//! [`serve`] (the dev server with live reload), [`init`] and [`new_story`] (scaffolding),
//! [`build_booklets`] and [`print_story`] (PDFs alone), all reporting problems as
//! [`Diagnostics`]: every problem of a site at once, each at `file:line:col` with a hint.
//! Everything else is private to the crate.
//!
//! ## The pipeline
//!
//! ```text
//! site.yaml ─┐
//! content/ ──┼─► content::load ─► Site (immutable model) ─┬─► print ─► PDFs ─► file sizes ─┐
//! themes/  ──┘        │                                    └─► web ◄─────────────────────────┘
//!                     └─ Diagnostics: all problems at once        │ HTML, feeds, search, sitemap
//!                                            output::Sink ─► staging ─► atomic swap into output/
//! ```
//!
//! 1. `config` reads `site.yaml`: languages (Kazakh first in the example), the base URL (which
//!    may have a sub-path), taxonomies (`taxonomy::Taxonomy`: district, topics, year and a
//!    site's own) with language-neutral term keys.
//! 2. `content` walks `content/`, parses front matter into typed schemas with errors placed at
//!    `file:line:col` (`yaml`), renders each Markdown body once (`markdown`, which also makes
//!    the unique heading ids both renderers use), pairs translations (`NAME.kk.md` /
//!    `NAME.ru.md`), copies language-neutral facts into translations that omit them, resolves
//!    every page's address and every booklet (its stories, paper, editions and files). With any
//!    error, nothing is written. The `Site` it returns is never changed afterwards.
//! 3. `theme` loads the theme layers (site theme → what it extends → the built-in default,
//!    embedded into the binary by `build.rs`): templates, static files, UI strings, print
//!    settings. Both renderers read it; neither knows the other.
//! 4. `print` typesets booklets and leaflets (`booklets` drives it and hands the web side the
//!    files' sizes), in stages: `print::doc` (the document from Markdown) → `print::inline`
//!    (shaping, Kazakh and Russian hyphenation, Knuth–Plass line breaking) → `print::flow`
//!    (blocks, tables, pagination with widows, orphans and keeps) → `print::booklet` (covers,
//!    contents, editions) → `print::pdf`.
//! 5. `web` renders every page as a job that says what content it reads, in parallel, resizing
//!    images first (`web::images`, cached in `<site>/.egiz-cache/images/`), and writes feeds,
//!    the search index and the sitemap beside the pages.
//! 6. `output` is the only writer into an output folder: a staging folder swapped in only when
//!    the whole build succeeded, or memory for [`serve`] and [`check`].
//! 7. `admin` writes the web editor (Decap CMS, embedded) with a config generated from the
//!    model, when site.yaml has an `admin:` block and always in [`serve`], where its local
//!    backend saves into `content/` and `static/`.
//!
//! `docs/ARCHITECTURE.md` says what each folder owns and may import; a test fails on an import
//! against that direction.
//!
//! Addresses come from transliterated names, the same everywhere a slug is made:
//!
//! ```
//! assert_eq!(egiz::slugify("Қазақстанның"), "qazaqstannyng");
//! assert_eq!(egiz::slugify("Біз туралы"), "biz-turaly");
//! ```
//!
//! and every link is written under the site's base path, so a site can live in a sub-folder:
//!
//! ```
//! let base = egiz::BaseUrl::parse("https://org.github.io/ngo-site").unwrap();
//! assert_eq!(base.link("kk/projects/x/"), "/ngo-site/kk/projects/x/");
//! assert_eq!(base.permalink("ru/"), "https://org.github.io/ngo-site/ru/");
//! ```
//!
//! The dev server runs the same pipeline into memory and keeps what it can between saves:
//! parsed files, each story's card and search words, and the booklet files a change does not
//! concern. A rebuild re-renders the jobs that read a changed entry, and its tests check after
//! each kind of edit that what it serves is byte for byte what a fresh build makes.
//!
//! `egiz build` is incremental on disk in the same spirit: each page job, booklet and story's
//! cards is fingerprinted by what it reads, and a build keeps the parts whose fingerprints
//! match those of the last build into the same folder (hard links from the current output into
//! the staging folder), renders the rest, and swaps the whole in as always.

mod admin;
mod booklets;
mod build;
mod cards;
mod check;
mod config;
mod content;
mod diagnostics;
#[doc(hidden)]
pub mod fuzzing;
mod i18n;
mod markdown;
mod markup;
mod output;
mod paths;
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
pub use cards::Stats as CardStats;
pub use check::Coverage;
pub use check::{CheckReport, check};
pub use config::BaseUrl;
pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use i18n::slugify;
pub use progress::enable as show_progress;
pub use scaffold::{init, new_story};
pub use serve::{Report as ServeReport, ServeOptions, Update as ServeUpdate, serve};
pub use web::images::Stats as ImageStats;
