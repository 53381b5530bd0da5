//! The `egiz` command line: parses arguments, calls the library, prints problems like a
//! compiler and maps the outcome to exit codes (0 success, 1 site problems, 2 usage errors).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use egiz::diagnostics::Diagnostics;

#[derive(Parser)]
#[command(
    name = "egiz",
    version,
    about = "A static site generator for NGOs: bilingual project stories and printable booklets"
)]
struct Cli {
    /// The site folder (the one with site.yaml)
    #[arg(long, global = true, default_value = ".")]
    site: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the website into the output folder
    Build {
        /// Where to write the site (default: <site>/output)
        #[arg(long)]
        output: Option<PathBuf>,
        /// Use this address instead of base_url from site.yaml
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Make only the booklets' PDF files, into <output>/booklets/
    Booklet {
        /// The booklets to make (by name, e.g. appeals-guide); all when none is given
        names: Vec<String>,
        /// The site's output folder (default: <site>/output)
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Build the site, serve it on this computer, rebuild and reload pages as you edit
    Serve {
        /// The port to listen on (0 picks a free one)
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; the default is reachable from this computer only
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
    },
    /// Find everything that can be wrong before publishing, without writing anything
    Check {
        /// How to report: text for people, json for CI
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
    },
    /// Typeset one story as a PDF per language (NAME.kk.pdf, NAME.ru.pdf)
    Print {
        /// The story's name: its file or folder name in content/projects
        story: String,
        /// Only this language
        #[arg(long)]
        lang: Option<String>,
        /// The folder to write the PDFs to
        #[arg(long, default_value = ".")]
        output: PathBuf,
    },
    /// Create a new site in DIR
    Init { dir: PathBuf },
    /// Create new content
    New {
        #[command(subcommand)]
        what: New,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Subcommand)]
enum New {
    /// content/projects/NAME.LANG.md for every language of the site
    Story { name: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    egiz::progress::enable(std::io::stderr().is_terminal() && std::env::var_os("CI").is_none());
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            if !problems.is_empty() {
                report(&problems);
            }
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), Diagnostics> {
    match cli.command {
        Command::Build { output, base_url } => {
            let options = egiz::BuildOptions {
                site: cli.site,
                output,
                base_url,
            };
            let report = egiz::build(&options)?;
            print_warnings(&report.warnings);
            println!(
                "built {} pages and {} from {} stories in {} languages into {} in {} ms{}",
                report.pages,
                booklet_summary(report.booklets, report.pdfs, report.pdf_bytes),
                report.stories,
                report.languages,
                report.output.display(),
                report.elapsed.as_millis(),
                warning_note(&report.warnings)
            );
            if report.images.images > 0 {
                println!(
                    "images: {} resized ({} files: {} encoded, {} from the cache) in {} ms",
                    report.images.images,
                    report.images.encoded + report.images.reused,
                    report.images.encoded,
                    report.images.reused,
                    report.images.elapsed.as_millis()
                );
            }
        }
        Command::Booklet { names, output } => {
            let options = egiz::booklets::BookletOptions {
                site: cli.site,
                output,
                names,
            };
            let report = egiz::booklets::build_booklets(&options)?;
            print_warnings(&report.warnings);
            println!(
                "built {} into {} in {} ms{}",
                booklet_summary(report.booklets, report.pdfs, report.bytes),
                report.folder.display(),
                report.elapsed.as_millis(),
                warning_note(&report.warnings)
            );
        }
        Command::Serve { port, bind } => {
            let options = egiz::serve::ServeOptions {
                site: cli.site,
                bind,
                port,
            };
            egiz::serve::serve(&options, &print_serve_report)?;
        }
        Command::Check { format, strict } => {
            let report = egiz::check::check(&cli.site);
            match format {
                Format::Json => println!("{}", report.to_json()),
                Format::Text => print_check_report(&report),
            }
            if report.failed(strict) {
                return Err(Diagnostics::new());
            }
        }
        Command::Print {
            story,
            lang,
            output,
        } => {
            let started = std::time::Instant::now();
            let options = egiz::PrintOptions {
                site: cli.site,
                story,
                lang,
                output,
            };
            let (files, warnings) = egiz::print_story(&options)?;
            print_warnings(&warnings);
            for file in &files {
                println!(
                    "wrote {} ({} pages, {} KB)",
                    file.path.display(),
                    file.pages,
                    file.bytes.div_ceil(1024)
                );
            }
            println!("printed in {} ms", started.elapsed().as_millis());
        }
        Command::Init { dir } => {
            let files = egiz::init(&dir)?;
            println!(
                "created a new site in {} ({} files)",
                dir.display(),
                files.len()
            );
            println!("next: cd {} && egiz build", dir.display());
        }
        Command::New {
            what: New::Story { name },
        } => {
            for file in egiz::new_story(&cli.site, &name)? {
                println!("created {}", file.display());
            }
        }
    }
    Ok(())
}

fn print_serve_report(event: egiz::serve::Report) {
    use egiz::serve::Report;
    match event {
        Report::Listening { url } => println!(
            "serving {url} (edit content/, themes/ or site.yaml: open pages reload; Ctrl-C stops)"
        ),
        Report::Built { update, changed } => {
            print_warnings(&update.warnings);
            let verb = if changed.is_empty() {
                "built"
            } else {
                "rebuilt"
            };
            let cause = match changed {
                [] => String::new(),
                [one] => format!(" after a change to {}", one.display()),
                [first, rest @ ..] => {
                    format!(
                        " after changes to {} and {} more",
                        first.display(),
                        rest.len()
                    )
                }
            };
            println!(
                "{verb} {} pages, {} booklets in {} ms{cause}{}",
                update.pages,
                update.booklets,
                update.elapsed.as_millis(),
                warning_note(&update.warnings)
            );
        }
        Report::Failed(problems) => {
            for problem in problems.clone().sorted().iter() {
                let colour = if problem.is_error() { "31" } else { "33" };
                eprintln!("{}", paint(&problem.to_string(), colour));
            }
            eprintln!(
                "{}: still serving the last version that built",
                count(problems.error_count(), "error")
            );
        }
    }
}

fn print_check_report(report: &egiz::check::CheckReport) {
    for problem in report.diagnostics.iter() {
        let colour = if problem.is_error() { "31" } else { "33" };
        eprintln!("{}", paint(&problem.to_string(), colour));
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

/// "5 booklets (23 PDFs, 1.8 MB)".
fn booklet_summary(booklets: usize, pdfs: usize, bytes: u64) -> String {
    if pdfs == 0 {
        return count(booklets, "booklet");
    }
    format!(
        "{} ({}, {:.1} MB)",
        count(booklets, "booklet"),
        count(pdfs, "PDF"),
        bytes as f64 / 1_000_000.0
    )
}

fn count(n: usize, word: &str) -> String {
    match n {
        1 => format!("1 {word}"),
        n => format!("{n} {word}s"),
    }
}

fn warning_note(warnings: &Diagnostics) -> String {
    match warnings.warning_count() {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    }
}

fn print_warnings(warnings: &Diagnostics) {
    for warning in warnings.clone().sorted().iter() {
        eprintln!("{}", paint(&warning.to_string(), "33"));
    }
}

fn report(problems: &Diagnostics) {
    for problem in problems.clone().sorted().iter() {
        let colour = if problem.is_error() { "31" } else { "33" };
        eprintln!("{}", paint(&problem.to_string(), colour));
    }
    let errors = problems.error_count();
    eprintln!(
        "{} found, nothing was written",
        if errors == 1 {
            "1 error".to_string()
        } else {
            format!("{errors} errors")
        }
    );
}

/// Colour only for a person at a terminal; logs and CI get plain text.
fn paint(text: &str, colour: &str) -> String {
    if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        format!("\x1b[{colour}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}
