//! `egiz check`: everything that can be wrong, as text for people or JSON for CI.

use egiz::CheckReport;
use egiz::Diagnostics;

use super::terminal::{count, print_problem};
use super::{Global, Outcome};

#[derive(clap::Args)]
pub(crate) struct Args {
    /// How to report: text for people, json for CI
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Fail on warnings too
    #[arg(long)]
    strict: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

pub(crate) fn run(global: Global, args: Args) -> Outcome {
    let report = egiz::check(&global.site);
    match args.format {
        Format::Json => println!("{}", report.to_json()),
        Format::Text => print_text(&report),
    }
    if report.failed(args.strict) {
        // The report said it all; an empty list makes the exit code 1 with nothing more printed.
        return Err(Diagnostics::new());
    }
    Ok(())
}

fn print_text(report: &CheckReport) {
    for problem in report.diagnostics.iter() {
        print_problem(problem);
    }
    if let Some(coverage) = &report.coverage {
        print!("{}", coverage.to_text());
    }
    println!(
        "checked {} pages and {} links in {} ms: {}, {}",
        report.pages,
        report.links,
        report.elapsed.as_millis(),
        count(report.errors, "error"),
        count(report.warnings, "warning")
    );
}
