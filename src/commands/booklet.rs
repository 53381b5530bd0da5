//! `egiz booklet [NAME...]`: only the booklets' PDF files, into `<output>/booklets/`.

use std::path::PathBuf;

use super::terminal::{booklet_summary, print_problems, warning_note};
use super::{Global, Outcome};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The booklets to make (by name, e.g. appeals-guide); all when none is given
    names: Vec<String>,
    /// The site's output folder (default: <site>/output)
    #[arg(long)]
    output: Option<PathBuf>,
}

pub(crate) fn run(global: Global, args: Args) -> Outcome {
    let options = egiz::BookletOptions {
        site: global.site,
        output: args.output,
        names: args.names,
    };
    let report = egiz::build_booklets(&options)?;
    print_problems(&report.warnings);
    println!(
        "built {} into {} in {} ms{}",
        booklet_summary(report.booklets, report.pdfs, report.bytes),
        report.folder.display(),
        report.elapsed.as_millis(),
        warning_note(&report.warnings)
    );
    Ok(())
}
