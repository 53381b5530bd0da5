//! `egiz build`: the website and its booklets into the output folder.

use std::path::PathBuf;

use super::terminal::{booklet_summary, print_problems, warning_note};
use super::{Global, Outcome};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Where to write the site (default: <site>/output)
    #[arg(long)]
    output: Option<PathBuf>,
    /// Use this address instead of base_url from site.yaml
    #[arg(long)]
    base_url: Option<String>,
    /// Render everything again instead of only what changed since the last build
    #[arg(long)]
    clean: bool,
}

pub(crate) fn run(global: Global, args: Args) -> Outcome {
    let options = egiz::BuildOptions {
        site: global.site,
        output: args.output,
        base_url: args.base_url,
        clean: args.clean,
    };
    let report = egiz::build(&options)?;
    print_problems(&report.warnings);
    if report.unchanged {
        println!(
            "up to date: no file of the site changed since the last build into {} ({} pages and {}), checked in {} ms{}",
            report.output.display(),
            report.pages,
            booklet_summary(report.booklets, report.pdfs, report.pdf_bytes),
            report.elapsed.as_millis(),
            warning_note(&report.warnings)
        );
        return Ok(());
    }
    // A build that kept parts of the last one says how much it made itself.
    let pages = if report.rendered < report.pages {
        format!(
            "{} pages ({} rendered, the others unchanged)",
            report.pages, report.rendered
        )
    } else {
        format!("{} pages", report.pages)
    };
    let booklets = booklet_summary(report.booklets, report.pdfs, report.pdf_bytes);
    let booklets = if report.printed < report.booklets {
        format!("{booklets}, {} of them printed", report.printed)
    } else {
        booklets
    };
    println!(
        "built {pages} and {booklets} from {} stories in {} languages into {} in {} ms{}",
        report.stories,
        report.languages,
        report.output.display(),
        report.elapsed.as_millis(),
        warning_note(&report.warnings)
    );
    let images = &report.images;
    if images.images > 0 {
        println!(
            "images: {} resized ({} files: {} encoded, {} from the cache) in {} ms",
            images.images,
            images.encoded + images.reused,
            images.encoded,
            images.reused,
            images.elapsed.as_millis()
        );
    }
    let cards = &report.cards;
    if cards.cards > 0 {
        let per_page = cards.elapsed.as_secs_f64() * 1000.0 / cards.pages.max(1) as f64;
        println!(
            "cards: {} story pages, {} files ({} drawn, {} from the cache, {}) in {} ms, {per_page:.0} ms per story page",
            cards.pages,
            cards.cards,
            cards.drawn,
            cards.reused,
            super::terminal::file_size(cards.bytes),
            cards.elapsed.as_millis(),
        );
    }
    Ok(())
}
