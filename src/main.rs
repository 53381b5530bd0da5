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
    /// Create a new site in DIR
    Init { dir: PathBuf },
    /// Create new content
    New {
        #[command(subcommand)]
        what: New,
    },
}

#[derive(Subcommand)]
enum New {
    /// content/projects/NAME.LANG.md for every language of the site
    Story { name: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            report(&problems);
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
                "built {} pages ({} stories, {} languages) into {} in {} ms{}",
                report.pages,
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
