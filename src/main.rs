//! The `egiz` command line: parses the arguments, runs the command (one module each in
//! `commands/`), and maps the outcome to an exit code: 0 success, 1 site problems, 2 usage
//! errors (clap's own).

mod commands;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::Global;

// See Cargo.toml: the system allocator was a large part of a big build's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    Build(commands::build::Args),
    /// Make only the booklets' PDF files, into <output>/booklets/
    Booklet(commands::booklet::Args),
    /// Build the site, serve it on this computer, rebuild and reload pages as you edit
    Serve(commands::serve::Args),
    /// Find everything that can be wrong before publishing, without writing anything
    Check(commands::check::Args),
    /// Typeset one story as a PDF per language (NAME.kk.pdf, NAME.ru.pdf)
    Print(commands::print::Args),
    /// Create a new site in DIR
    Init(commands::init::Args),
    /// Create new content
    New {
        #[command(subcommand)]
        what: commands::new::What,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    egiz::show_progress(std::io::stderr().is_terminal() && std::env::var_os("CI").is_none());
    let global = Global { site: cli.site };
    let outcome = match cli.command {
        Command::Build(args) => commands::build::run(global, args),
        Command::Booklet(args) => commands::booklet::run(global, args),
        Command::Serve(args) => commands::serve::run(global, args),
        Command::Check(args) => commands::check::run(global, args),
        Command::Print(args) => commands::print::run(global, args),
        Command::Init(args) => commands::init::run(args),
        Command::New { what } => commands::new::run(global, what),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            if !problems.is_empty() {
                commands::terminal::print_failure(&problems);
            }
            ExitCode::from(1)
        }
    }
}
